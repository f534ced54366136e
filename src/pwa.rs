//! Kitty as an installable app that can be read offline: the service worker (`public/sw.js`,
//! registered here by every bundle's root through [`crate::app::start_session`]), the prompt
//! that offers a new version once its worker is waiting, and the banner that says the page shows
//! what was loaded before ([`crate::api::offline`]).

use crate::api::offline;
use crate::i18n::shell::CommonText;
use leptos::prelude::*;
use std::cell::{Cell, RefCell};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{
    ServiceWorker, ServiceWorkerContainer, ServiceWorkerRegistration, ServiceWorkerState,
};

/// How often a long-open page asks whether a new version exists (a page load always asks).
const UPDATE_CHECK: std::time::Duration = std::time::Duration::from_secs(30 * 60);

thread_local! {
    /// A new version's worker, installed and waiting for the person to take it.
    static WAITING: RefCell<Option<ServiceWorker>> = const { RefCell::new(None) };
    static UPDATE_READY: ArcRwSignal<bool> = ArcRwSignal::new(false);
    /// The person chose "Reload to update": the page reloads once the new worker is in charge.
    static UPDATING: Cell<bool> = const { Cell::new(false) };
    static STARTED: Cell<bool> = const { Cell::new(false) };
}

/// Registers the service worker and follows the connection (once per page).
pub fn start() {
    if STARTED.with(|s| s.replace(true)) {
        return;
    }
    offline::watch();
    let Some(container) = container() else {
        return;
    };
    leptos::task::spawn_local(async move {
        let registered = wasm_bindgen_futures::JsFuture::from(container.register("/sw.js")).await;
        match registered {
            Ok(reg) => watch(container, reg.unchecked_into()),
            Err(e) => leptos::logging::warn!("service worker: {e:?}"),
        }
    });
}

/// `navigator.serviceWorker`, where the browser has one (not on plain http to another host).
fn container() -> Option<ServiceWorkerContainer> {
    let navigator = web_sys::window()?.navigator();
    js_sys::Reflect::has(&navigator, &"serviceWorker".into())
        .unwrap_or(false)
        .then(|| navigator.service_worker())
}

fn watch(container: ServiceWorkerContainer, reg: ServiceWorkerRegistration) {
    // A new version found on an earlier visit, still waiting, or one being installed now (this
    // page load found it before the app was listening).
    if let Some(waiting) = reg.waiting() {
        offer(&container, waiting);
    } else if let Some(installing) = reg.installing() {
        follow(&container, installing);
    }
    let on_found = {
        let (container, reg) = (container.clone(), reg.clone());
        Closure::<dyn Fn()>::new(move || {
            if let Some(worker) = reg.installing() {
                follow(&container, worker);
            }
        })
    };
    reg.set_onupdatefound(Some(on_found.as_ref().unchecked_ref()));
    on_found.forget();
    let on_change = Closure::<dyn Fn()>::new(move || {
        if UPDATING.with(Cell::get) {
            let _ = window().location().reload();
        }
    });
    container.set_oncontrollerchange(Some(on_change.as_ref().unchecked_ref()));
    on_change.forget();
    // A page left open for days still hears of a new version, and at once when back online.
    let check = move || {
        if let Ok(p) = reg.update() {
            // A failed check (offline) is only tried again later.
            leptos::task::spawn_local(async move {
                let _ = wasm_bindgen_futures::JsFuture::from(p).await;
            });
        }
    };
    let _ = set_interval_with_handle(check.clone(), UPDATE_CHECK);
    let _ = window_event_listener(leptos::ev::online, move |_| check());
}

/// Offers `worker` once it is installed.
fn follow(container: &ServiceWorkerContainer, worker: ServiceWorker) {
    let (container, w) = (container.clone(), worker.clone());
    let on_state = Closure::<dyn Fn()>::new(move || {
        if w.state() == ServiceWorkerState::Installed {
            offer(&container, w.clone());
        }
    });
    worker.set_onstatechange(Some(on_state.as_ref().unchecked_ref()));
    on_state.forget();
}

/// A new version is installed: offered to the person, unless this is the first worker (no page
/// was under an older one, so there is nothing to update).
fn offer(container: &ServiceWorkerContainer, worker: ServiceWorker) {
    if container.controller().is_none() {
        return;
    }
    WAITING.with(|w| *w.borrow_mut() = Some(worker));
    UPDATE_READY.with(|r| r.set(true));
}

/// "Reload to update": the waiting worker takes over, and the page reloads when it has.
fn update() {
    UPDATING.with(|u| u.set(true));
    let worker = WAITING.with(|w| w.borrow_mut().take());
    match worker {
        // Another tab may have updated meanwhile: then only this page is left to reload.
        Some(w) if w.state() == ServiceWorkerState::Installed => {
            if w.post_message(&"skip-waiting".into()).is_err() {
                let _ = window().location().reload();
            }
            // Should the new worker never take over (replaced by a newer one meanwhile), the
            // page still reloads.
            set_timeout(
                || {
                    let _ = window().location().reload();
                },
                std::time::Duration::from_secs(5),
            );
        }
        _ => {
            let _ = window().location().reload();
        }
    }
}

/// "A new version of Kitty is ready." with **Reload to update**, in the toasts' corner of every
/// bundle's pages (each root has a [`crate::components::toast::ToastHost`]).
#[component]
pub fn UpdatePrompt() -> impl IntoView {
    let ready = UPDATE_READY.with(Clone::clone);
    let pending = RwSignal::new(false);
    let t = CommonText::get();
    view! {
        <div role="status" class="update-prompt-region">
            <Show when=move || ready.get()>
                <div class="toast toast--info update-prompt">
                    <span class="toast__text">{t.new_version}</span>
                    <button type="button" class="btn btn--primary btn--small" disabled=move || pending.get()
                        on:click=move |_| {
                            pending.set(true);
                            update();
                        }>
                        {move || if pending.get() { t.updating } else { t.reload_to_update }}
                    </button>
                </div>
            </Show>
        </div>
    }
}

/// "You're offline — showing what was loaded at 14:32.", above the page's content while some
/// of what it shows comes from the copies kept for offline reading, or while the browser is
/// offline; with **Try again**, which asks every read again.
#[component]
pub fn OfflineBanner() -> impl IntoView {
    let connection = offline::connection();
    let (as_of, online) = (connection.as_of, connection.online);
    let t = CommonText::get();
    let text = Memo::new(move |_| {
        let online = online.get();
        match as_of.get() {
            Some(at) if online => {
                crate::i18n::fill(t.unreachable_as_of, &[("time", &offline::when(at))])
            }
            Some(at) => crate::i18n::fill(t.offline_as_of, &[("time", &offline::when(at))]),
            None if !online => t.offline_no_copy.to_string(),
            None => String::new(),
        }
    });
    view! {
        <div role="status" class="offline-region">
            {move || text.with(|t| !t.is_empty()).then(|| view! {
                <div class="offline-banner">
                    <span class="offline-banner__text">{text}</span>
                    <button type="button" class="btn btn--secondary btn--small" on:click=move |_| offline::retry()>
                        {t.try_again}
                    </button>
                </div>
            })}
        </div>
    }
}
