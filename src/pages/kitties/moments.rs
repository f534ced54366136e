//! The kitty's moments: what the group did together, with its photos, newest first. Anyone in
//! the kitty adds one; its author and the admins edit it. Photos upload as soon as they are
//! chosen ([`crate::components::upload`]), so saving only names them.

use super::card::focus;
use super::kitty::use_kitty;
use crate::api::{self, ApiError};
use crate::components::feedback::{write, EmptyState, ErrorPanel, Skeleton};
use crate::components::form::{show_failure, FormAlert, TextArea, TextField};
use crate::components::toast::use_toasts;
use crate::components::upload::{PhotoPicker, Thumbnail, UploadStatus, Uploads};
use crate::i18n::media::{MomentsText, UploadText};
use crate::i18n::{digits, fill};
use kitty_api::media::{
    check_moment, CreateMomentRequest, ImageType, Moment, UpdateMomentRequest, MAX_MOMENT_PHOTOS,
};
use kitty_api::FieldErrors;
use leptos::prelude::*;

/// Today in the person's time zone, `YYYY-MM-DD`.
pub fn today() -> String {
    let d = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date()
    )
}

/// `12 Nov 2026` for `2026-11-12`.
fn long_date(ymd: &str) -> String {
    digits(
        &kitty_api::format::date(&format!("{ymd}T00:00:00Z"), 0).unwrap_or_else(|| ymd.to_string()),
    )
}

/// The form open above the moments, if any.
#[derive(Clone, PartialEq)]
enum Editing {
    New,
    Edit(Moment),
}

impl Editing {
    /// Where focus returns when the form closes.
    fn opener(&self) -> String {
        match self {
            Editing::New => "moments-add".into(),
            Editing::Edit(m) => format!("moment-edit-{}", m.id),
        }
    }
}

#[component]
pub fn MomentsTab() -> impl IntoView {
    let ctx = use_kitty();
    let t = MomentsText::get();
    // Loaded by hand (not with `Loaded` and a resource, whose generic instances cost several
    // kilobytes of wasm), the same way: a skeleton, then the moments, kept on screen while they
    // reload; an error panel with "Try again".
    let list = RwSignal::new(None::<Result<Vec<Moment>, ApiError>>);
    let loading = RwSignal::new(false);
    let load = move || {
        let id = ctx.id.get_untracked();
        write(
            loading,
            async move { api::ktti::moments(&id).await },
            move |r| {
                // A failed reload keeps the moments shown.
                if r.is_ok() || list.with_untracked(|l| !matches!(l, Some(Ok(_)))) {
                    list.set(Some(r.map(|l| l.moments)));
                }
            },
        );
    };
    // Now, and after every change to the kitty.
    Effect::new(move || {
        ctx.watch();
        load();
    });
    let editing = RwSignal::new(None::<Editing>);
    let retry = Callback::new(move |_| load());
    let close = Callback::new(move |_: ()| {
        if let Some(e) = editing.get_untracked() {
            editing.set(None);
            focus(&e.opener());
        }
    });
    let saved = Callback::new(move |_: Moment| {
        load();
        close.run(());
    });
    let add = move || {
        editing.with(Option::is_none).then(|| {
            view! {
                <button type="button" id="moments-add" class="btn btn--primary"
                    on:click=move |_| { editing.set(Some(Editing::New)); focus("field-title"); }>{t.add_moment}</button>
            }
        })
    };
    let grid = move || match list.get() {
        None => view! { <Skeleton lines=4 /> }.into_any(),
        Some(Err(error)) => view! { <ErrorPanel error retry /> }.into_any(),
        Some(Ok(moments)) => view! { <MomentGrid moments editing /> }.into_any(),
    };
    view! {
        <section aria-labelledby="moments-heading">
            <div class="section-head">
                <h2 id="moments-heading">{t.moments}</h2>
                {add}
            </div>
            {move || editing.get().map(|e| view! { <MomentForm editing=e on_saved=saved on_cancel=close /> })}
            {grid}
        </section>
    }
}

#[component]
fn MomentGrid(moments: Vec<Moment>, editing: RwSignal<Option<Editing>>) -> impl IntoView {
    let t = MomentsText::get();
    if moments.is_empty() {
        return view! {
            <EmptyState title=t.empty_title>
                <p>{t.empty_body}</p>
            </EmptyState>
        }
        .into_any();
    }
    view! {
        <ul class="moments">
            {moments.into_iter().map(|m| view! { <MomentCard m editing /> }).collect_view()}
        </ul>
    }
    .into_any()
}

#[component]
fn MomentCard(m: Moment, editing: RwSignal<Option<Editing>>) -> impl IntoView {
    let t = MomentsText::get();
    let heading = format!("moment-{}", m.id);
    let labelled_by = heading.clone();
    let count = m.photos.len();
    let photos = (count > 0).then(|| {
        view! {
            <ul class="moment__photos" class:moment__photos--one=count == 1>
                {m.photos.iter().enumerate().map(|(n, image)| {
                    let (n, count) = ((n + 1).to_string(), count.to_string());
                    let alt = digits(&fill(t.photo_of, &[("n", &n), ("count", &count)]));
                    let alt = fill(&alt, &[("title", &m.title)]);
                    view! { <li><Thumbnail image=image.clone() alt /></li> }
                }).collect_view()}
            </ul>
        }
    });
    let edit = m.can_edit.then(|| {
        let (id, title, moment) = (format!("moment-edit-{}", m.id), m.title.clone(), m.clone());
        view! {
            <button type="button" id=id class="btn btn--secondary btn--small moment__edit"
                disabled=move || editing.with(Option::is_some)
                on:click=move |_| { editing.set(Some(Editing::Edit(moment.clone()))); focus("field-title"); }>
                {t.edit}<span class="visually-hidden">" " {title}</span>
            </button>
        }
    });
    view! {
        <li class="moment">
            <article aria-labelledby=labelled_by>
                {photos}
                <div class="moment__body">
                    <h3 class="moment__title" id=heading>{m.title.clone()}</h3>
                    <p class="moment__meta">
                        <time datetime=m.date.clone()>{long_date(&m.date)}</time>
                        {fill(t.added_by, &[("name", &m.author_name)])}
                    </p>
                    {m.note.clone().map(|n| view! { <p class="moment__note">{n}</p> })}
                    {edit}
                </div>
            </article>
        </li>
    }
}

/// Adds a moment, or edits one: its title, date, note and photos.
#[component]
fn MomentForm(
    editing: Editing,
    on_saved: Callback<Moment>,
    on_cancel: Callback<()>,
) -> impl IntoView {
    let ctx = use_kitty();
    let toasts = use_toasts();
    let tx = MomentsText::get();
    let existing = match &editing {
        Editing::Edit(m) => Some(m.clone()),
        Editing::New => None,
    };
    let is_new = existing.is_none();
    let title = RwSignal::new(
        existing
            .as_ref()
            .map(|m| m.title.clone())
            .unwrap_or_default(),
    );
    let date = RwSignal::new(existing.as_ref().map_or_else(today, |m| m.date.clone()));
    let note = RwSignal::new(
        existing
            .as_ref()
            .and_then(|m| m.note.clone())
            .unwrap_or_default(),
    );
    // The photos the moment has (when editing) and the ones being added.
    let kept = RwSignal::new(
        existing
            .as_ref()
            .map(|m| m.photos.clone())
            .unwrap_or_default(),
    );
    let uploads = Uploads::new(ImageType::Moment);
    let errors = RwSignal::new(FieldErrors::new());
    let alert = RwSignal::new(None::<String>);
    let saving = RwSignal::new(false);
    let room = Signal::derive(move || {
        MAX_MOMENT_PHOTOS.saturating_sub(kept.with(Vec::len) + uploads.count())
    });
    let moment_id = existing.as_ref().map(|m| m.id.clone());
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if uploads.busy() || saving.get_untracked() {
            return;
        }
        let photos: Vec<String> = kept
            .get_untracked()
            .into_iter()
            .chain(uploads.images())
            .map(|i| i.id)
            .collect();
        let (t, n, d) = (
            title.get_untracked(),
            note.get_untracked(),
            date.get_untracked(),
        );
        let (clean_title, clean_note) =
            match check_moment(Some(&t), Some(&n), Some(&d), Some(photos.len()), &today()) {
                Ok(clean) => clean,
                Err(fields) => {
                    let first = ["title", "date", "note", "image_ids"]
                        .into_iter()
                        .find(|f| fields.contains_key(*f));
                    errors.set(fields.into_iter().map(|(k, v)| (k, tx.say(&v))).collect());
                    alert.set(Some(crate::i18n::auth::AuthText::get().check_fields.into()));
                    if let Some(f) = first {
                        focus(&format!("field-{f}"));
                    }
                    return;
                }
            };
        errors.set(FieldErrors::new());
        alert.set(None);
        let (title, note) = (clean_title.unwrap_or_default(), clean_note.flatten());
        let (id, moment) = (ctx.id.get_untracked(), moment_id.clone());
        let request = async move {
            match moment {
                None => {
                    let req = CreateMomentRequest {
                        title,
                        note,
                        date: d,
                        image_ids: photos,
                    };
                    api::ktti::create_moment(&id, &req).await
                }
                // An empty note clears the one there was.
                Some(m) => {
                    let req = UpdateMomentRequest {
                        title: Some(title),
                        note: Some(note.unwrap_or_default()),
                        date: Some(d),
                        image_ids: Some(photos),
                    };
                    api::ktti::update_moment(&id, &m, &req).await
                }
            }
        };
        write(saving, request, move |r| match r {
            Ok(m) => {
                toasts.success(if is_new { tx.added } else { tx.saved });
                on_saved.run(m);
            }
            Err(e) => show_failure(&e, errors, alert),
        });
    };
    let cancel = move |_| {
        uploads.clear();
        on_cancel.run(());
    };
    let heading = match &existing {
        Some(m) => fill(tx.edit_heading, &[("title", &m.title)]),
        None => tx.add_moment.to_string(),
    };
    let photo_error = Signal::derive(move || errors.with(|e| e.get("image_ids").cloned()));
    // A message about the photos is stale once one is removed.
    let unflag = move || {
        if errors.with_untracked(|e| e.contains_key("image_ids")) {
            errors.update(|e| {
                e.remove("image_ids");
            });
        }
    };
    let remove = Callback::new(move |key: u64| {
        uploads.remove(key);
        unflag();
    });
    let kept_rows = move || {
        kept.get()
            .into_iter()
            .enumerate()
            .map(|(n, image)| {
                let id = image.id.clone();
                let number = digits(&(n + 1).to_string());
                view! {
                    <li class="upload">
                        <div class="upload__done">
                            <Thumbnail image alt=fill(tx.photo_n, &[("n", &number)]) />
                            <button type="button" class="btn btn--secondary btn--small" aria-label=fill(tx.remove_photo_n, &[("n", &number)])
                                on:click=move |_| { kept.update(|k| k.retain(|i| i.id != id)); unflag(); }>{UploadText::get().remove}</button>
                        </div>
                    </li>
                }
            })
            .collect_view()
    };
    let new_rows = move || {
        uploads
            .list
            .get()
            .into_iter()
            .map(|upload| view! { <UploadStatus upload on_remove=remove /> })
            .collect_view()
    };
    view! {
        <form class="card form moment-form" on:submit=submit novalidate aria-labelledby="moment-form-heading">
            <h3 id="moment-form-heading">{heading}</h3>
            <FormAlert message=alert.into() />
            <TextField name="title" label=tx.title value=title errors required=true hint=tx.title_hint />
            <TextField name="date" label=tx.date kind="date" value=date errors max=today() />
            <TextArea name="note" label=tx.note value=note errors maxlength=1000 />
            <fieldset class="moment-form__photos">
                <legend class="field__label">{tx.photos}</legend>
                <p class="field__hint">{digits(&fill(tx.photos_hint, &[("n", &MAX_MOMENT_PHOTOS.to_string())]))}</p>
                <ul class="uploads">{kept_rows}{new_rows}</ul>
                <PhotoPicker uploads id="field-image_ids" label=tx.add_photos room error=photo_error />
            </fieldset>
            <div class="actions">
                <button type="submit" class="btn btn--primary" aria-describedby="moment-form-wait"
                    disabled=move || uploads.busy() || saving.get()>
                    {move || match (saving.get(), is_new) {
                        (true, _) => tx.saving,
                        (false, true) => tx.save_moment,
                        (false, false) => tx.save_changes,
                    }}
                </button>
                <button type="button" class="btn btn--secondary" on:click=cancel>{crate::i18n::shell::CommonText::get().cancel}</button>
            </div>
            <p class="field__hint" id="moment-form-wait" role="status">
                {move || uploads.busy().then_some(tx.saving_waits)}
            </p>
        </form>
    }
}
