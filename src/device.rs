//! This browser as one of the person's devices: its id (kept in localStorage), the app details
//! the server lists on the Account page, and pushes. No push service is reachable from the
//! sandbox, so pushes reach the page over its live connection (server-sent events); each one
//! shows as a browser notification when the person allowed them, else as a toast.

use crate::api;
use crate::components::toast::{use_toasts, ToastKind, Toasts};
use crate::live::Stream;
use kitty_api::account::{AppDetailsRequest, PushMessage};
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;
use web_sys::NotificationPermission;

const KEY: &str = "kitty_device_id";

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

/// What the server accepts as a device id: 8 to 64 letters, digits, `-` or `_`.
pub fn valid_id(id: &str) -> bool {
    (8..=64).contains(&id.len())
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// This browser's device id, if it has one yet.
pub fn stored_id() -> Option<String> {
    storage()?
        .get_item(KEY)
        .ok()
        .flatten()
        .filter(|id| valid_id(id))
}

/// `crypto.randomUUID()` where the browser has it (secure contexts), else 32 random hex digits.
fn new_id() -> String {
    let crypto = js_sys::Reflect::get(&js_sys::global(), &"crypto".into()).ok();
    let uuid = crypto.and_then(|c| {
        let f = js_sys::Reflect::get(&c, &"randomUUID".into()).ok()?;
        f.dyn_into::<js_sys::Function>()
            .ok()?
            .call0(&c)
            .ok()?
            .as_string()
    });
    uuid.filter(|id| valid_id(id)).unwrap_or_else(|| {
        (0..32)
            .map(|_| char::from_digit((js_sys::Math::random() * 16.0) as u32, 16).unwrap_or('0'))
            .collect()
    })
}

/// This browser's device id, made and kept the first time. `None` without localStorage: a new
/// id on every visit would list the same browser again and again.
fn id() -> Option<String> {
    if let Some(id) = stored_id() {
        return Some(id);
    }
    let id = new_id();
    storage()?.set_item(KEY, &id).ok()?;
    Some(id)
}

/// A short description of the browser from its user agent: "Chrome on Linux".
pub fn model(user_agent: &str) -> String {
    let has = |s: &str| user_agent.contains(s);
    let browser = if has("Edg") {
        "Edge"
    } else if has("OPR/") || has("Opera") {
        "Opera"
    } else if has("Firefox/") || has("FxiOS") {
        "Firefox"
    } else if has("Chrome/") || has("CriOS") || has("Chromium") {
        "Chrome"
    } else if has("Safari/") {
        "Safari"
    } else {
        "A browser"
    };
    let system = if has("Android") {
        "Android"
    } else if has("iPhone") || has("iPad") || has("iPod") {
        "iOS"
    } else if has("Windows") {
        "Windows"
    } else if has("CrOS") {
        "ChromeOS"
    } else if has("Mac OS X") || has("Macintosh") {
        "macOS"
    } else if has("Linux") {
        "Linux"
    } else {
        return browser.to_string();
    };
    format!("{browser} on {system}")
}

/// Tells the server about this browser (its list of devices shows it). Housekeeping: a failure
/// is not worth a word to the person.
async fn register() {
    let Some(device_id) = id() else { return };
    let user_agent = window().navigator().user_agent().unwrap_or_default();
    let req = AppDetailsRequest {
        device_id,
        platform: "web".into(),
        app_version: env!("CARGO_PKG_VERSION").into(),
        model: model(&user_agent),
    };
    let _ = api::ktti::save_app_details(&req).await;
}

/// Set once this page load's registration is done, so the Account page's list of devices can
/// load again and include this browser.
#[derive(Clone, Copy)]
pub struct Registered(pub RwSignal<bool>);

/// What the signed-in layout starts: registers this browser, and listens for pushes for as long
/// as the layout is up.
pub fn start() {
    let registered = RwSignal::new(false);
    provide_context(Registered(registered));
    spawn_local(async move {
        register().await;
        registered.try_set(true);
    });
    listen_for_pushes(use_toasts());
}

fn listen_for_pushes(toasts: Toasts) {
    // The stream closes when the layout goes (its stored value is dropped with it).
    let stream = StoredValue::new_local(None::<Stream>);
    let open = move || {
        let url = api::ktti::push_events_url();
        stream.set_value(Stream::open(&url, "push", move |data| {
            if let Ok(message) = serde_json::from_str::<PushMessage>(&data) {
                show(&message, toasts);
            }
        }));
    };
    open();
    // A stream refused (its session's access token had expired) opens again once the page's
    // other requests have renewed the session.
    if let Ok(h) = set_interval_with_handle(
        move || {
            if stream.with_value(|s| s.as_ref().is_none_or(Stream::gave_up)) {
                open();
            }
        },
        std::time::Duration::from_secs(15),
    ) {
        on_cleanup(move || h.clear());
    }
}

/// The browser's notification permission; `None` where it has no Notification API (some phone
/// browsers, and pages not served securely in some browsers), where calling it would throw.
pub fn permission() -> Option<NotificationPermission> {
    js_sys::Reflect::has(&js_sys::global(), &"Notification".into())
        .unwrap_or(false)
        .then(web_sys::Notification::permission)
}

/// Asks the browser to allow notifications; `done` gets the answer.
pub fn request_permission(done: impl FnOnce(Option<NotificationPermission>) + 'static) {
    if permission().is_none() {
        return done(None);
    }
    match web_sys::Notification::request_permission() {
        // Old Safari answers through a callback only, and returns nothing here.
        Ok(promise) if promise.is_instance_of::<js_sys::Promise>() => spawn_local(async move {
            let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
            done(permission());
        }),
        _ => done(permission()),
    }
}

/// Shows a push: a browser notification when allowed, else a toast.
fn show(message: &PushMessage, toasts: Toasts) {
    if permission() == Some(NotificationPermission::Granted) {
        let options = web_sys::NotificationOptions::new();
        options.set_body(&message.body);
        // The same push reaches every open tab: one notification replaces the other.
        options.set_tag(&message.id);
        // Some phone browsers only let a service worker show one: the toast covers them.
        if web_sys::Notification::new_with_options(&message.title, &options).is_ok() {
            return;
        }
    }
    toasts.show(
        ToastKind::Info,
        format!("{}: {}", message.title, message.body),
    );
}
