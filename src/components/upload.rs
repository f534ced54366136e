//! Photo uploads, as the API documents them: a pre-signed URL from the server, then the file's
//! bytes PUT straight to it. The PUT goes by XMLHttpRequest because `fetch` reports no upload
//! progress: each photo gets a real progress bar, Cancel (which aborts the request) and Try again.
//!
//! [`Uploads`] is one form's list of photos being uploaded, [`PhotoPicker`] its file input and
//! drop zone, and [`UploadStatus`] one photo's row.

use crate::api;
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

const TOO_BIG: &str =
    "This photo is larger than 5 MB. Choose a smaller photo, or shrink this one and add it again.";
const NOT_A_PHOTO: &str = "Only JPEG, PNG or WebP photos can be added. Save the photo in one of those formats and add it again.";

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
            self.phase.set(Phase::Failed(problem.into(), false));
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
                    Err(_) => Phase::Failed(
                        "The photo was sent, but the answer could not be read. Press Try again."
                            .into(),
                        true,
                    ),
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
    let kind = file.type_();
    // Some systems give no type; the server then tells by the bytes.
    if !kind.is_empty() && !TYPES.contains(&kind.as_str()) {
        Some(NOT_A_PHOTO)
    } else if file.size() > MAX_IMAGE_BYTES as f64 {
        Some(TOO_BIG)
    } else if file.size() == 0.0 {
        Some("This file is empty. Choose another photo.")
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
    match status {
        0 => "The upload stopped because Kitty could not be reached. Check your connection, then press Try again.".into(),
        413 => TOO_BIG.into(),
        415 => NOT_A_PHOTO.into(),
        401 => "Your session has ended. Sign in again, then add the photo.".into(),
        403 => "The upload link has expired or was refused. Press Try again to get a new one.".into(),
        409 => "This upload link was already used. Press Try again to upload the photo once more.".into(),
        429 => said.unwrap_or_else(|| "Too many uploads at once. Wait a moment, then press Try again.".into()),
        500..=599 => "The server could not store the photo. Press Try again in a moment.".into(),
        _ => said.unwrap_or_else(|| format!("The photo could not be uploaded (error {status}). Press Try again.")),
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
        <a class="thumb" href=image.url target="_blank" rel="noopener" title="Open the full-size photo">
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
        note.set(match (left_out, room) {
            (0, _) => None,
            (_, 0) => Some("There is no room for more photos: remove one first.".into()),
            (n, r) => Some(format!(
                "There was room for {r} more, so {n} {} left out.",
                if n == 1 { "was" } else { "were" }
            )),
        });
        uploads.add(bad.into_iter().chain(good.into_iter().take(room)).collect());
    };
    let full = move || room.get() == 0;
    let described_by = format!("{hint_id} {error_id}");
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
                <span class="dropzone__drop">{if multiple { "or drop photos here. " } else { "or drop it here. " }}</span>
                {if multiple { "JPEG, PNG or WebP, up to 5 MB each." } else { "JPEG, PNG or WebP, up to 5 MB." }}
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
    let name = upload.name();
    // Announced as it changes: the start, every quarter and the outcome.
    let said = {
        let name = name.clone();
        move || match upload.phase.get() {
            Phase::Starting => format!("Uploading {name}."),
            Phase::Sending => {
                let pct = upload.percent.get().unwrap_or(0) / 25 * 25;
                format!("Uploading {name}: {pct}%.")
            }
            Phase::Done(_) => format!("{name} uploaded."),
            Phase::Cancelled => format!("Upload of {name} cancelled."),
            Phase::Failed(..) => String::new(),
        }
    };
    let remove = move || {
        let name = name.clone();
        on_remove.map(|r| view! {
            <button type="button" class="btn btn--secondary btn--small" aria-label=format!("Remove {name}")
                on:click=move |_| r.run(upload.key)>"Remove"</button>
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
                        aria-label=format!("Uploading {name}")></progress>
                    <span class="upload__percent" aria-hidden="true">
                        {move || upload.percent.get().map_or("Starting…".to_string(), |p| format!("{p}%"))}
                    </span>
                    <button type="button" class="btn btn--secondary btn--small" aria-label=format!("Cancel uploading {name}")
                        on:click=move |_| upload.cancel()>"Cancel"</button>
                </div>
            }.into_any(),
            Phase::Done(image) => view! {
                <div class="upload__done">
                    <Thumbnail image alt=format!("{name} (uploaded)") />
                    {remove()}
                </div>
            }.into_any(),
            // Failed or cancelled: why, Try again (when it may help) and Remove.
            phase => {
                let (message, retry, failed) = match phase {
                    Phase::Failed(m, retry) => (m, retry, true),
                    _ => ("Upload cancelled.".to_string(), true, false),
                };
                view! {
                    <p class=if failed { "field__error" } else { "muted upload__note" } role=failed.then_some("alert")>{message}</p>
                    <div class="actions">
                        {retry.then(|| view! { <button type="button" class="btn btn--secondary btn--small" on:click=move |_| upload.start()>"Try again"</button> })}
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
