//! `/join/{code}`: a referral link. The page says which kitty it is and who started it before
//! anyone decides; signed-out visitors sign in or register first and come back. "Not now"
//! leaves without joining.

use crate::api;
use crate::components::feedback::{use_title, Loaded};
use crate::i18n::shell::{JoinText, ShellText};
use crate::i18n::{fill, pieces, Piece};
use crate::session::{use_session, Auth};
use kitty_api::kitty::{JoinPreview, KittyStatus};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_params_map};

#[component]
pub fn Join() -> impl IntoView {
    let t = JoinText::get();
    use_title(t.title);
    let params = use_params_map();
    let code = move || params.with(|p| p.get("code").unwrap_or_default());
    let preview = LocalResource::new(move || {
        let code = code();
        async move { api::ktti::join_preview(&code).await }
    });
    let retry = Callback::new(move |_| preview.refetch());
    view! {
        <main class="centered-page">
            <div class="card card--narrow join-card">
                <p class="eyebrow">{t.eyebrow}</p>
                <Loaded lines=3 retry view=move || async move {
                    preview.await.map(|p| view! { <Invitation p code=code() /> })
                } />
            </div>
            <crate::components::language::LanguagePicker />
        </main>
    }
}

#[component]
fn Invitation(p: JoinPreview, code: String) -> impl IntoView {
    let session = use_session();
    let navigate = use_navigate();
    let error = RwSignal::new(None::<String>);
    let join = Action::new_local(|code: &String| {
        let code = code.clone();
        async move { api::ktti::join(&code).await }
    });
    Effect::new(move || match join.value().get() {
        Some(Ok(k)) => navigate(&format!("/kitties/{}", k.id), Default::default()),
        Some(Err(e)) => error.set(Some(e.message())),
        None => {}
    });
    let next = js_sys::encode_uri_component(&format!("/join/{code}"))
        .as_string()
        .unwrap_or_default();
    let open = p.status == KittyStatus::Active;
    let t = JoinText::get();
    let s = ShellText::get();
    let members = ShellText::count(p.member_count, s.members_one, s.members_other);
    let about = pieces(t.about)
        .into_iter()
        .map(|piece| match piece {
            Piece::Text(text) => text.to_string().into_any(),
            Piece::Slot("starter") => view! { <strong>{p.started_by.clone()}</strong> }.into_any(),
            Piece::Slot("members") => members.clone().into_any(),
            Piece::Slot(_) => p.currency.code().into_any(),
        })
        .collect_view();
    view! {
        <h1>{fill(t.heading, &[("name", &p.ktti_name)])}</h1>
        <p data-testid="join-about">{about}</p>
        {p.description.clone().filter(|d| !d.trim().is_empty()).map(|d| view! { <p class="muted">{d}</p> })}
        <p class="muted">{t.what_is_it}</p>
        {move || error.get().map(|m| view! { <div class="form-alert" role="alert">{m}</div> })}
        {(!open).then(|| view! {
            <p class="form-alert" role="status">{t.closing}</p>
        })}
        {move || match (open, session.auth.get()) {
            (_, Auth::Checking) => view! { <p class="muted">{t.checking}</p> }.into_any(),
            (false, _) => ().into_any(),
            (true, Auth::SignedIn(u)) => {
                let code = code.clone();
                view! {
                    <div class="actions">
                        <button type="button" class="btn btn--primary" disabled=move || join.pending().get()
                            aria-busy=move || join.pending().get().then_some("true")
                            on:click=move |_| { join.dispatch(code.clone()); }>{fill(t.join_as, &[("name", &u.name)])}</button>
                    </div>
                }.into_any()
            }
            (true, Auth::SignedOut) => view! {
                <div class="actions">
                    <A href=format!("/register?next={next}") attr:class="btn btn--primary" attr:rel=crate::bundles::rel_for("/register")>{t.create_to_join}</A>
                    <A href=format!("/login?next={next}") attr:class="btn btn--secondary" attr:rel=crate::bundles::rel_for("/login")>{t.sign_in}</A>
                </div>
            }.into_any(),
        }}
        <p class="auth-page__switch">
            <A href="/" attr:class="link" attr:data-testid="join-decline">{t.not_now}</A>
            {t.nothing_shared}
        </p>
    }
}
