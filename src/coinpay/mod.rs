//! The buyer's crypto payment page (`/pay/crypto/{id}`) and Binance-style order page
//! (`/pay/order/{prepayId}`). Like the card checkout, they are a small trunk target of their own
//! (`coinpay.html`, `src/bin/coinpay.rs`) for buyers on slow mobile data: no JSON parser in the
//! wasm, English, Swahili and Persian, polling, retry with back-off when offline, and a return to
//! the shop.

mod crypto;
pub mod i18n;
pub mod net;
mod order;

use crate::checkout::i18n::{Lang, LangPicker};
use i18n::{text, Text};
use leptos::prelude::*;
use leptos::task::spawn_local;
use net::Failure;
use std::future::Future;
use std::pin::Pin;
use std::time::Duration;

/// How often a page asks how its payment is going.
const POLL: Duration = Duration::from_secs(3);
/// The first load is retried after 1, 2, 4 … seconds, at most this long apart.
const MAX_BACKOFF_SECS: u32 = 30;
/// How long the outcome stays on screen before the buyer is sent back to the shop.
const REDIRECT_AFTER: Duration = Duration::from_secs(5);

/// Which page a path asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    /// `/pay/crypto/{id}`.
    Crypto(String),
    /// `/pay/order/{prepayId}`.
    Order(String),
    Unknown,
}

impl Route {
    pub fn from_path(path: &str) -> Route {
        let path = path.trim_end_matches('/');
        let id = |prefix: &str| {
            path.strip_prefix(prefix)
                .filter(|id| !id.is_empty() && !id.contains('/'))
                .map(|id| {
                    js_sys::decode_uri_component(id)
                        .map(String::from)
                        .unwrap_or_else(|_| id.to_string())
                })
        };
        if let Some(id) = id("/pay/crypto/") {
            Route::Crypto(id)
        } else if let Some(id) = id("/pay/order/") {
            Route::Order(id)
        } else {
            Route::Unknown
        }
    }
}

/// Only plain web addresses are followed back to the shop (never `javascript:` and the like).
pub fn safe_return(url: &str) -> bool {
    let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    lower.starts_with("https://") || lower.starts_with("http://")
}

/// A wallet link (`bitcoin:…`, `ethereum:…`) with a plain scheme that cannot run script.
pub fn safe_wallet_link(uri: &str) -> bool {
    let Some((scheme, _)) = uri.split_once(':') else {
        return false;
    };
    let scheme = scheme.to_ascii_lowercase();
    !scheme.is_empty()
        && scheme
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"+.-".contains(&b))
        && !matches!(scheme.as_str(), "javascript" | "data" | "vbscript" | "file")
}

/// The page for `route`, under the bar with the language picker.
#[component]
pub fn CoinPay(route: Route) -> impl IntoView {
    let lang = RwSignal::new(crate::i18n::preferred());
    let t = Signal::derive(move || text(lang.get()));
    let title: fn(&Text) -> &'static str = match route {
        Route::Crypto(_) => |t| t.title_crypto,
        Route::Order(_) => |t| t.title_order,
        Route::Unknown => |t| t.title_missing,
    };
    Effect::new(move || {
        let l = lang.get();
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("lang", l.code());
            let _ = root.set_attribute("dir", l.dir());
        }
        document().set_title(title(text(l)));
    });
    let page = match route {
        Route::Crypto(id) => view! { <crypto::CryptoPage id lang t /> }.into_any(),
        Route::Order(id) => view! { <order::OrderPage id lang t /> }.into_any(),
        Route::Unknown => view! {
            <section class="pay__card pay__card--bad" role="alert">
                <h1 class="pay__title">{move || t.get().title_missing}</h1>
                <p>{move || t.get().missing}</p>
            </section>
        }
        .into_any(),
    };
    view! {
        <main class="pay">
            <div class="pay__bar">
                <span class="pay__brand">"Kitty Pay"</span>
                <LangPicker lang />
            </div>
            {page}
        </main>
    }
}

/// What a page shows of its payment, and what it needs to know to keep it up to date.
pub(crate) trait Snapshot: Clone + PartialEq + Send + Sync + 'static {
    /// Nothing more happens: polling stops and the buyer goes back to the shop.
    fn is_final(&self) -> bool;
    /// Seconds left to pay, taken out (left zero) so that the snapshot changes only when the
    /// payment does, and the page is redrawn only then.
    fn take_remaining(&mut self) -> i64;
}

pub(crate) type Fetch<T> = fn(String) -> Pin<Box<dyn Future<Output = Result<T, Failure>>>>;

/// Where a page is: each phase is one layout, so a poll only updates text inside it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Phase {
    Loading,
    NotFound,
    /// The first load failed; retrying with back-off.
    Offline,
    /// Waiting for the buyer's money; polling.
    Live,
    /// Settled one way or the other.
    Done,
}

/// A payment kept up to date: loaded with back-off until the first answer, then polled every
/// [`POLL`] until it is final, with its countdown ticking in between.
pub(crate) struct Feed<T: Snapshot> {
    key: StoredValue<String>,
    fetch: Fetch<T>,
    /// The last answer. Like `phase`, a plain signal set only when it changes (memos cost more
    /// wasm than the page's budget allows).
    pub current: RwSignal<Option<T>>,
    pub phase: RwSignal<Phase>,
    /// Seconds left to pay, counted down here between answers.
    pub remaining: RwSignal<i64>,
    /// A poll failed after the page had loaded: the page says so and keeps trying.
    pub connection_lost: RwSignal<bool>,
    /// Seconds until the next automatic try of the first load.
    pub retry_in: RwSignal<Option<u32>>,
    failures: StoredValue<u32>,
    in_flight: StoredValue<bool>,
    timer: StoredValue<Option<TimeoutHandle>, LocalStorage>,
}

impl<T: Snapshot> Clone for Feed<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: Snapshot> Copy for Feed<T> {}

impl<T: Snapshot> Feed<T> {
    /// Starts loading `key` with `fetch`, for as long as the calling component lives.
    pub fn start(key: String, fetch: Fetch<T>) -> Feed<T> {
        let feed = Feed {
            key: StoredValue::new(key),
            fetch,
            current: RwSignal::new(None),
            phase: RwSignal::new(Phase::Loading),
            remaining: RwSignal::new(0),
            connection_lost: RwSignal::new(false),
            retry_in: RwSignal::new(None),
            failures: StoredValue::new(0),
            in_flight: StoredValue::new(false),
            timer: StoredValue::new_local(None),
        };
        feed.load();
        // Back online: try at once instead of waiting out the back-off or the next poll.
        let online = window_event_listener(leptos::ev::online, move |_| {
            if feed.connection_lost.get_untracked() || feed.phase.get_untracked() == Phase::Offline
            {
                feed.load();
            }
        });
        // Offline: say so at once rather than at the next failed poll.
        let offline = window_event_listener(leptos::ev::offline, move |_| {
            if feed.phase.get_untracked() == Phase::Live {
                feed.connection_lost.set(true);
            }
        });
        let ticker = set_interval_with_handle(move || feed.tick(), Duration::from_secs(1)).ok();
        let poller = set_interval_with_handle(
            move || {
                if feed.phase.get_untracked() == Phase::Live {
                    feed.load();
                }
            },
            POLL,
        )
        .ok();
        on_cleanup(move || {
            online.remove();
            offline.remove();
            feed.cancel_timer();
            ticker.into_iter().chain(poller).for_each(|h| h.clear());
        });
        feed
    }

    fn cancel_timer(self) {
        if let Some(h) = self.timer.try_update_value(Option::take).flatten() {
            h.clear();
        }
    }

    /// Asks now (after a sandbox action, or when the buyer presses "Try again").
    pub fn refresh(self) {
        self.failures.set_value(0);
        self.load();
    }

    fn set_phase(self, phase: Phase) {
        if self.phase.get_untracked() != phase {
            self.phase.set(phase);
        }
    }

    fn load(self) {
        if self.in_flight.get_value() {
            return;
        }
        self.cancel_timer();
        self.retry_in.set(None);
        self.in_flight.set_value(true);
        spawn_local(async move {
            let result = (self.fetch)(self.key.get_value()).await;
            self.in_flight.set_value(false);
            let loaded = self.current.with_untracked(Option::is_some);
            match result {
                Ok(mut v) => {
                    self.failures.set_value(0);
                    if self.connection_lost.get_untracked() {
                        self.connection_lost.set(false);
                    }
                    self.remaining.set(v.take_remaining());
                    let phase = if v.is_final() {
                        Phase::Done
                    } else {
                        Phase::Live
                    };
                    if self.current.with_untracked(|c| c.as_ref() != Some(&v)) {
                        self.current.set(Some(v));
                    }
                    self.set_phase(phase);
                }
                // Already showing the payment: keep it on screen; the next poll tries again.
                Err(_) if loaded => self.connection_lost.set(true),
                Err(Failure::NotFound) => self.set_phase(Phase::NotFound),
                Err(_) => {
                    let n = self.failures.get_value();
                    self.failures.set_value(n + 1);
                    let wait = 2u32.saturating_pow(n).min(MAX_BACKOFF_SECS);
                    self.retry_in.set(Some(wait));
                    let handle = set_timeout_with_handle(
                        move || self.load(),
                        Duration::from_secs(u64::from(wait)),
                    );
                    self.timer.set_value(handle.ok());
                    self.set_phase(Phase::Offline);
                }
            }
        });
    }

    fn tick(self) {
        if let Some(n) = self.retry_in.get_untracked().filter(|n| *n > 0) {
            self.retry_in.set(Some(n - 1));
        }
        if self.phase.get_untracked() == Phase::Live {
            let left = self.remaining.get_untracked() - 1;
            self.remaining.set(left.max(0));
            if left == 0 {
                // The server decides; ask it now rather than at the next poll.
                self.load();
            }
        }
    }

    /// The views of the phases without a payment to show (`Live` and `Done` are the page's own).
    pub fn placeholder(
        self,
        phase: Phase,
        lang: RwSignal<Lang>,
        t: Signal<&'static Text>,
    ) -> AnyView {
        match phase {
            Phase::NotFound => view! {
                <section class="pay__card pay__card--bad" role="alert">
                    <p>{move || t.get().not_found}</p>
                </section>
            }
            .into_any(),
            Phase::Offline => {
                let retry_in = self.retry_in;
                view! {
                    <section class="pay__card pay__card--bad" role="alert">
                        <p>{move || t.get().offline}</p>
                        <p class="pay__note" aria-live="polite">{move || match retry_in.get() {
                            Some(n) if n > 0 => format!(
                                "{} {} {}",
                                t.get().retrying_in,
                                i18n::count(i64::from(n), lang.get()),
                                t.get().seconds
                            ),
                            _ => t.get().retrying.to_string(),
                        }}</p>
                        // Asked for by the person: start the back-off again from one second.
                        <button type="button" class="pay__button" on:click=move |_| self.refresh()>
                            {move || t.get().retry}
                        </button>
                    </section>
                }
                .into_any()
            }
            _ => view! { <p class="pay__loading" role="status">{move || t.get().loading}</p> }
                .into_any(),
        }
    }
}

/// Says when polling fails, without moving anything on the page (it floats at the bottom).
#[component]
pub(crate) fn ConnectionNotice(lost: RwSignal<bool>, t: Signal<&'static Text>) -> impl IntoView {
    view! {
        <p class="pay__toast" class:pay__toast--on=move || lost.get() role="status">
            {move || lost.get().then(|| if window().navigator().on_line() {
                t.get().reconnecting
            } else {
                t.get().offline_notice
            })}
        </p>
    }
}

/// The way back to the shop: a link, and after [`REDIRECT_AFTER`] the page goes there by itself.
/// Nothing when the shop gave no address.
#[component]
pub(crate) fn BackToShop(url: Option<String>, t: Signal<&'static Text>) -> impl IntoView {
    let url = url.filter(|u| safe_return(u));
    if let Some(u) = url.clone() {
        set_timeout(
            move || {
                // Replaced, not pushed: "back" from the shop does not land here to be sent away again.
                let _ = window().location().replace(&u);
            },
            REDIRECT_AFTER,
        );
    }
    url.map(|u| {
        view! {
            <a class="pay__button" href=u>{move || t.get().back_to_shop}</a>
            <p class="pay__note">{move || t.get().redirecting}</p>
        }
    })
}

/// Count-down text for `remaining` seconds.
#[component]
pub(crate) fn TimeLeft(
    remaining: RwSignal<i64>,
    lang: RwSignal<Lang>,
    t: Signal<&'static Text>,
) -> impl IntoView {
    view! {
        <div>
            <dt>{move || t.get().time_left}</dt>
            // The timer role goes on a span: a `dd` must stay a `dd` for the list to hold.
            <dd class="pay__timer" class:pay__timer--urgent=move || remaining.get() < 60 dir="ltr">
                <span role="timer" aria-live="off">{move || i18n::clock(remaining.get(), lang.get())}</span>
            </dd>
        </div>
    }
}

/// The result line of a sandbox action.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Note {
    Sent(String),
    Mined,
    Paid,
    Failed(Option<String>),
}

/// Shows a sandbox action's result, in the page's language.
#[component]
pub(crate) fn SandboxNote(note: RwSignal<Option<Note>>, t: Signal<&'static Text>) -> impl IntoView {
    view! {
        <p class="pay__note pay__sandbox-note" role="status" dir="auto">{move || note.get().map(|n| {
            let t = t.get();
            match n {
                Note::Sent(tx) => format!("{} {tx}", t.transfer_sent),
                Note::Mined => t.mined.to_string(),
                Note::Paid => t.payment_sent.to_string(),
                Note::Failed(m) => m.unwrap_or_else(|| t.sandbox_failed.to_string()),
            }
        })}</p>
    }
}

/// What a sandbox action's failure says.
pub(crate) fn failed(e: Failure) -> Note {
    Note::Failed(match e {
        Failure::Refused(m) => Some(m),
        _ => None,
    })
}
