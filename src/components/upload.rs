//! Photo uploads, as the API documents them: a pre-signed URL from the server, then the file's
//! bytes PUT straight to it. The PUT goes by XMLHttpRequest because `fetch` reports no upload
//! progress: each photo gets a real progress bar, Cancel (which aborts the request) and Try again.
//!
//! [`Uploads`] is one form's list of photos being uploaded, [`PhotoPicker`] its file input and
//! drop zone, and [`UploadStatus`] one photo's row.

use crate::api;
use crate::i18n::media::UploadText;
use crate::i18n::shell::{CommonText, ShellText};
use crate::i18n::{digits, fill};
use kitty_api::media::{Image, ImageType, MAX_IMAGE_BYTES, THUMBNAIL_SIDE};
use kitty_api::ErrorBody;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{File, XmlHttpRequest};

/// What the file inputs offer (phones also offer the camera for these).
pub const ACCEPT: &str = "image/jpeg,image/png,image/webp";
const TYPES: [&str; 3] = ["image/jpeg", "image/png", "image/webp"];

/// Where one photo's upload is.
#[derive(Debug, Clone, PartialEq)]
pub enum Phase {
    /// Asking for the upload URL.
    Starting,
    /// The bytes are on their way.
    Sending,
    Done(Image),
    /// Why it failed, and whether trying again may help.
    Failed(String, bool),
    Cancelled,
}

/// One photo's upload. Its signals belong to the [`Uploads`] it is in.
#[derive(Clone, Copy)]
pub struct Upload {
    pub key: u64,
    kind: ImageType,
    name: StoredValue<String>,
    file: StoredValue<File, LocalStorage>,
    /// Percent sent, once the browser knows.
    percent: RwSignal<Option<u8>>,
    pub phase: RwSignal<Phase>,
    xhr: StoredValue<Option<XmlHttpRequest>, LocalStorage>,
    /// Bumped by every attempt and by Cancel: a superseded attempt's answer is ignored.
    attempt: StoredValue<u32>,
    /// Told of each photo uploaded ([`Uploads::when_done`]).
    done: StoredValue<Option<Callback<Image>>>,
}

impl Upload {
    pub fn name(&self) -> String {
        self.name.get_value()
    }

    /// The stored image, once uploaded.
    pub fn image(&self) -> Option<Image> {
        self.phase.with(|p| match p {
            Phase::Done(i) => Some(i.clone()),
            _ => None,
        })
    }

    /// Still uploading.
    pub fn busy(&self) -> bool {
        self.phase
            .with(|p| matches!(p, Phase::Starting | Phase::Sending))
    }

    /// Checks the file, then uploads it (again).
    pub fn start(self) {
        let n = self.attempt.get_value().wrapping_add(1);
        self.attempt.set_value(n);
        self.percent.set(None);
        let file = self.file.get_value();
        if let Some(problem) = check(&file) {
            self.phase.set(Phase::Failed(digits(problem), false));
            return;
        }
        self.phase.set(Phase::Starting);
        let current = move || self.attempt.try_get_value() == Some(n);
        spawn_local(async move {
            let url = match api::ktti::presign_upload(self.kind).await {
                Ok(u) => u.presigned_url,
                Err(e) => {
                    if current() {
                        self.phase.try_set(Phase::Failed(e.message(), true));
                    }
                    return;
                }
            };
            if !current() {
                return;
            }
            self.phase.try_set(Phase::Sending);
            let answer = put(&url, &file, self).await;
            self.xhr.try_set_value(None);
            if !current() {
                return;
            }
            let phase = match answer {
                Ok((200 | 201, body)) => match serde_json::from_str::<Image>(&body) {
                    Ok(image) => {
                        if let Some(Some(done)) = self.done.try_get_value() {
                            done.run(image.clone());
                        }
                        Phase::Done(image)
                    }
                    Err(_) => Phase::Failed(UploadText::get().unreadable.into(), true),
                },
                Ok((status, body)) => {
                    Phase::Failed(refusal(status, &body), status != 413 && status != 415)
                }
                Err(_) => Phase::Failed(refusal(0, ""), true),
            };
            self.phase.try_set(phase);
        });
    }

    /// Stops the upload: the request is aborted.
    pub fn cancel(self) {
        self.attempt.try_update_value(|n| *n = n.wrapping_add(1));
        if let Some(Some(xhr)) = self.xhr.try_get_value() {
            let _ = xhr.abort();
        }
        self.xhr.try_set_value(None);
        if self
            .phase
            .try_with_untracked(|p| matches!(p, Phase::Starting | Phase::Sending))
            == Some(true)
        {
            self.phase.try_set(Phase::Cancelled);
        }
    }
}

/// Why a file cannot be uploaded, before anything is sent.
fn check(file: &File) -> Option<&'static str> {
    let t = UploadText::get();
    let kind = file.type_();
    // Some systems give no type; the server then tells by the bytes.
    if !kind.is_empty() && !TYPES.contains(&kind.as_str()) {
        Some(t.not_a_photo)
    } else if file.size() > MAX_IMAGE_BYTES as f64 {
        Some(t.too_big)
    } else if file.size() == 0.0 {
        Some(t.empty_file)
    } else {
        None
    }
}

/// What a refused upload means, and what to do about it (`status` 0: no answer at all).
fn refusal(status: u16, body: &str) -> String {
    let said = serde_json::from_str::<ErrorBody>(body)
        .ok()
        .map(|b| b.message)
        .filter(|m| !m.is_empty());
    let t = UploadText::get();
    match status {
        0 => t.unreachable.into(),
        413 => digits(t.too_big),
        415 => t.not_a_photo.into(),
        401 => t.session_ended.into(),
        403 => t.link_refused.into(),
        409 => t.link_used.into(),
        429 => said.unwrap_or_else(|| t.too_many.into()),
        500..=599 => t.server_failed.into(),
        _ => said
            .unwrap_or_else(|| digits(&fill(t.failed_status, &[("status", &status.to_string())]))),
    }
}

/// PUTs `file` to `url`, reporting progress to `upload`: the status and the body once the
/// request ends (status 0 when it got no answer, or was aborted).
async fn put(url: &str, file: &File, upload: Upload) -> Result<(u16, String), JsValue> {
    let xhr = XmlHttpRequest::new()?;
    xhr.open("PUT", url)?;
    let kind = file.type_();
    let kind = if kind.is_empty() {
        "application/octet-stream"
    } else {
        kind.as_str()
    };
    xhr.set_request_header("content-type", kind)?;
    xhr.set_request_header("accept", "application/json")?;
    if let Some(token) = api::csrf_token() {
        xhr.set_request_header(kitty_api::auth::CSRF_HEADER, &token)?;
    }
    let progress =
        Closure::<dyn FnMut(web_sys::ProgressEvent)>::new(move |e: web_sys::ProgressEvent| {
            if e.length_computable() && e.total() > 0.0 {
                let pct = (e.loaded() / e.total() * 100.0).clamp(0.0, 100.0) as u8;
                upload.percent.try_set(Some(pct));
            }
        });
    let sender = xhr.upload()?;
    sender.set_onprogress(Some(progress.as_ref().unchecked_ref()));
    // `loadend` follows every ending: success, refusal, network error and abort.
    let ended = js_sys::Promise::new(&mut |resolve, _| xhr.set_onloadend(Some(&resolve)));
    xhr.send_with_opt_blob(Some(file))?;
    upload.xhr.try_set_value(Some(xhr.clone()));
    let _ = wasm_bindgen_futures::JsFuture::from(ended).await;
    sender.set_onprogress(None);
    drop(progress);
    let status = xhr.status().unwrap_or(0);
    let body = xhr.response_text().ok().flatten().unwrap_or_default();
    Ok((status, body))
}

/// One form's photos being uploaded, in the order they were chosen.
#[derive(Clone, Copy)]
pub struct Uploads {
    kind: ImageType,
    pub list: RwSignal<Vec<Upload>>,
    next: StoredValue<u64>,
    /// The uploads' signals belong to the component that made this list, not to an event handler.
    owner: StoredValue<Option<Owner>>,
    done: StoredValue<Option<Callback<Image>>>,
}

impl Uploads {
    /// A list for the current component; uploads still running when it goes are aborted.
    pub fn new(kind: ImageType) -> Uploads {
        let uploads = Uploads {
            kind,
            list: RwSignal::new(Vec::new()),
            next: StoredValue::new(0),
            owner: StoredValue::new(Owner::current()),
            done: StoredValue::new(None),
        };
        on_cleanup(move || {
            if let Some(list) = uploads.list.try_get_untracked() {
                list.into_iter().for_each(Upload::cancel);
            }
        });
        uploads
    }

    /// Starts uploading each file.
    pub fn add(&self, files: Vec<File>) {
        let owner = self.owner.get_value();
        let make = || {
            files
                .into_iter()
                .map(|file| {
                    let key = self.next.get_value();
                    self.next.set_value(key + 1);
                    Upload {
                        key,
                        kind: self.kind,
                        name: StoredValue::new(file.name()),
                        file: StoredValue::new_local(file),
                        percent: RwSignal::new(None),
                        phase: RwSignal::new(Phase::Starting),
                        xhr: StoredValue::new_local(None),
                        attempt: StoredValue::new(0),
                        done: self.done,
                    }
                })
                .collect::<Vec<_>>()
        };
        let added = match owner {
            Some(o) => o.with(make),
            None => make(),
        };
        self.list.update(|l| l.extend(added.iter().copied()));
        added.into_iter().for_each(Upload::start);
    }

    /// Calls `done` with each photo as soon as it is uploaded.
    pub fn when_done(&self, done: Callback<Image>) {
        self.done.set_value(Some(done));
    }

    /// Cancels (if need be) and forgets one upload.
    pub fn remove(&self, key: u64) {
        if let Some(u) = self
            .list
            .with_untracked(|l| l.iter().find(|u| u.key == key).copied())
        {
            u.cancel();
        }
        self.list.update(|l| l.retain(|u| u.key != key));
    }

    /// Cancels and forgets them all.
    pub fn clear(&self) {
        self.list
            .with_untracked(|l| l.iter().for_each(|u| u.cancel()));
        self.list.set(Vec::new());
    }

    /// Some photo is still uploading.
    pub fn busy(&self) -> bool {
        self.list.with(|l| l.iter().any(Upload::busy))
    }

    /// The photos uploaded so far, in order.
    pub fn images(&self) -> Vec<Image> {
        self.list
            .with(|l| l.iter().filter_map(Upload::image).collect())
    }

    /// How many photos are uploaded or on their way.
    pub fn count(&self) -> usize {
        self.list
            .with(|l| l.iter().filter(|u| u.busy() || u.image().is_some()).count())
    }
}

/// A thumbnail's size in pixels (the longest side at most [`THUMBNAIL_SIDE`]), for `width` and
/// `height` attributes that keep the page from jumping as images load.
pub fn thumbnail_size(image: &Image) -> (u32, u32) {
    let (w, h) = (image.width.max(1) as u64, image.height.max(1) as u64);
    let side = THUMBNAIL_SIDE as u64;
    let longest = w.max(h);
    if longest <= side {
        (w as u32, h as u32)
    } else {
        (
            (w * side / longest).max(1) as u32,
            (h * side / longest).max(1) as u32,
        )
    }
}

/// An image's thumbnail, linking to the original (in a new tab).
#[component]
pub fn Thumbnail(image: Image, alt: String) -> impl IntoView {
    let (w, h) = thumbnail_size(&image);
    view! {
        <a class="thumb" href=image.url target="_blank" rel="noopener" title=UploadText::get().open_full>
            <img src=image.thumbnail_url loading="lazy" decoding="async" width=w.to_string() height=h.to_string() alt=alt />
        </a>
    }
}

fn files_of(list: Option<web_sys::FileList>) -> Vec<File> {
    list.map(|l| (0..l.length()).filter_map(|i| l.get(i)).collect())
        .unwrap_or_default()
}

/// A file input (phones offer the camera too) and a drop zone for photos. `room` is how many
/// more photos may be added; files past it are left out, with a message.
#[component]
pub fn PhotoPicker(
    uploads: Uploads,
    /// The input's id; `field-image_ids` lets a form's field errors find it.
    id: &'static str,
    /// The button's text, which is also the input's label.
    label: &'static str,
    #[prop(default = true)] multiple: bool,
    #[prop(into)] room: Signal<usize>,
    /// A message about the photos from the form (a field error).
    #[prop(optional, into)]
    error: Signal<Option<String>>,
) -> impl IntoView {
    let over = RwSignal::new(false);
    let note = RwSignal::new(None::<String>);
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let take = move |files: Vec<File>| {
        if files.is_empty() {
            return;
        }
        // Files that cannot be uploaded are shown with the reason, and take no room.
        let room = room.get_untracked();
        let (good, bad): (Vec<File>, Vec<File>) =
            files.into_iter().partition(|f| check(f).is_none());
        let left_out = good.len().saturating_sub(room);
        let t = UploadText::get();
        note.set(match (left_out, room) {
            (0, _) => None,
            (_, 0) => Some(t.no_room.into()),
            (n, r) => Some(ShellText::count(
                n as i64,
                &fill(t.left_out_one, &[("r", &r.to_string())]),
                &fill(t.left_out_other, &[("r", &r.to_string())]),
            )),
        });
        uploads.add(bad.into_iter().chain(good.into_iter().take(room)).collect());
    };
    let full = move || room.get() == 0;
    let described_by = format!("{hint_id} {error_id}");
    let t = UploadText::get();
    view! {
        <div class="dropzone" class:dropzone--over=move || over.get()
            on:dragover=move |ev: leptos::ev::DragEvent| { ev.prevent_default(); if !over.get_untracked() { over.set(true); } }
            on:dragleave=move |_| over.set(false)
            on:drop=move |ev: leptos::ev::DragEvent| {
                ev.prevent_default();
                over.set(false);
                let files = files_of(ev.data_transfer().and_then(|d| d.files()));
                take(if multiple { files } else { files.into_iter().take(1).collect() });
            }>
            <input type="file" class="dropzone__input" id=id accept=ACCEPT multiple=multiple
                disabled=full aria-describedby=described_by
                on:change=move |ev| {
                    let input: web_sys::HtmlInputElement = event_target(&ev);
                    let files = files_of(input.files());
                    // The same photo can be chosen again after a failure.
                    input.set_value("");
                    take(files);
                } />
            <label for=id class="btn btn--secondary dropzone__button">{label}</label>
            <p class="dropzone__hint" id=hint_id>
                <span class="dropzone__drop">{if multiple { t.drop_many } else { t.drop_one }}</span>
                {digits(if multiple { t.formats_many } else { t.formats_one })}
            </p>
            <p class="field__error" id=error_id role="alert">{move || error.get().or_else(|| note.get())}</p>
        </div>
    }
}

/// One photo's upload: its progress bar with Cancel, then the photo (with Remove), or why it
/// failed (with Try again and Remove).
#[component]
pub fn UploadStatus(
    upload: Upload,
    /// Shows a Remove button.
    #[prop(optional)]
    on_remove: Option<Callback<u64>>,
) -> impl IntoView {
    let t = UploadText::get();
    let c = CommonText::get();
    let name = upload.name();
    // Announced as it changes: the start, every quarter and the outcome.
    let said = {
        let name = name.clone();
        move || match upload.phase.get() {
            Phase::Starting => fill(t.said_uploading, &[("name", &name)]),
            Phase::Sending => {
                let pct = upload.percent.get().unwrap_or(0) / 25 * 25;
                let text = fill(t.said_percent, &[("pct", &digits(&pct.to_string()))]);
                fill(&text, &[("name", &name)])
            }
            Phase::Done(_) => fill(t.said_uploaded, &[("name", &name)]),
            Phase::Cancelled => fill(t.said_cancelled, &[("name", &name)]),
            Phase::Failed(..) => String::new(),
        }
    };
    let remove = move || {
        let name = name.clone();
        on_remove.map(|r| view! {
            <button type="button" class="btn btn--secondary btn--small" aria-label=fill(t.remove_named, &[("name", &name)])
                on:click=move |_| r.run(upload.key)>{t.remove}</button>
        })
    };
    let name = upload.name();
    let body = move || {
        let name = name.clone();
        match upload.phase.get() {
            Phase::Starting | Phase::Sending => view! {
                <div class="upload__bar">
                    <progress class="upload__progress" max="100"
                        value=move || upload.percent.get().map(|p| p.to_string())
                        aria-label=fill(t.uploading_named, &[("name", &name)])></progress>
                    <span class="upload__percent" aria-hidden="true">
                        {move || upload.percent.get().map_or(t.starting.to_string(), |p| digits(&fill(t.percent, &[("n", &p.to_string())])))}
                    </span>
                    <button type="button" class="btn btn--secondary btn--small" aria-label=fill(t.cancel_named, &[("name", &name)])
                        on:click=move |_| upload.cancel()>{c.cancel}</button>
                </div>
            }.into_any(),
            Phase::Done(image) => view! {
                <div class="upload__done">
                    <Thumbnail image alt=fill(t.uploaded_alt, &[("name", &name)]) />
                    {remove()}
                </div>
            }.into_any(),
            // Failed or cancelled: why, Try again (when it may help) and Remove.
            phase => {
                let (message, retry, failed) = match phase {
                    Phase::Failed(m, retry) => (m, retry, true),
                    _ => (t.cancelled.to_string(), true, false),
                };
                view! {
                    <p class=if failed { "field__error" } else { "muted upload__note" } role=failed.then_some("alert")>{message}</p>
                    <div class="actions">
                        {retry.then(|| view! { <button type="button" class="btn btn--secondary btn--small" on:click=move |_| upload.start()>{c.try_again}</button> })}
                        {remove()}
                    </div>
                }.into_any()
            }
        }
    };
    view! {
        <li class="upload">
            <span class="upload__name">{upload.name()}</span>
            {body}
            <span class="visually-hidden" role="status">{said}</span>
        </li>
    }
}
