//! Reads that stay current: loaded once, then asked for again every 3 seconds while something in
//! them may still change (a payment waiting for confirmations, an order waiting for the buyer),
//! and after a failed request that may work later. Leaving the page stops it.
//!
//! Unlike [`Loaded`](crate::components::feedback::Loaded), the page keeps what it last loaded on
//! screen and changes only what changed: a list re-renders the rows whose content differs (see
//! [`row_key`]), so focus on a button or link in an unchanged row stays where it is.

use crate::api::ApiError;
use crate::components::feedback::{ErrorPanel, Skeleton};
use crate::i18n::merchant::PollText;
use crate::i18n::{digits, fill};
use leptos::prelude::*;
use std::future::Future;
use std::time::Duration;

/// How often a read that may still change is asked for again.
pub const POLL: Duration = Duration::from_secs(3);

/// A read being kept current.
pub struct Polled<T: Send + Sync + 'static> {
    resource: LocalResource<Result<T, ApiError>>,
    /// What was last loaded; kept while a reload is under way or fails.
    pub data: Memo<Option<T>>,
    /// Why the last load failed, if it did.
    pub error: Memo<Option<ApiError>>,
}

impl<T: Send + Sync + 'static> Clone for Polled<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: Send + Sync + 'static> Copy for Polled<T> {}

impl<T: Clone + PartialEq + Send + Sync + 'static> Polled<T> {
    /// Loads it again now (after a change the page made itself, or "Try again").
    pub fn refetch(&self) {
        self.resource.refetch();
    }

    /// Whether something has been loaded.
    pub fn loaded(&self) -> bool {
        self.data.with(Option::is_some)
    }
}

/// Loads with `fetch`, and again every [`POLL`] while `live` says the value may still change.
pub fn poll<T, Fut>(
    fetch: impl Fn() -> Fut + 'static,
    live: impl Fn(&T) -> bool + 'static,
) -> Polled<T>
where
    T: Clone + PartialEq + Send + Sync + 'static,
    Fut: Future<Output = Result<T, ApiError>> + 'static,
{
    let resource = LocalResource::new(fetch);
    let data = Memo::new(move |prev: Option<&Option<T>>| match resource.get() {
        Some(Ok(t)) => Some(t),
        _ => prev.cloned().flatten(),
    });
    let error = Memo::new(move |_| resource.get().and_then(|r| r.err()));
    if let Ok(h) = set_interval_with_handle(
        move || {
            let again = resource.with_untracked(|r| match r {
                Some(Ok(t)) => live(t),
                Some(Err(e)) => e.is_retryable(),
                None => false,
            });
            if again {
                resource.refetch();
            }
        },
        POLL,
    ) {
        on_cleanup(move || h.clear());
    }
    Polled {
        resource,
        data,
        error,
    }
}

/// A skeleton until the first load, an error panel with "Try again" if it failed, then `body`
/// (built once; it reads [`Polled::data`] for what changes). A later failure leaves the last
/// content on screen with a note above it.
#[component]
pub fn PolledView<T, V, F>(
    polled: Polled<T>,
    /// Skeleton lines while loading.
    #[prop(default = 3)]
    lines: usize,
    /// The content, once loaded.
    body: F,
) -> impl IntoView
where
    T: Clone + PartialEq + Send + Sync + 'static,
    V: IntoView + 'static,
    F: Fn() -> V + Send + Sync + 'static,
{
    let fallback = move || match polled.error.get() {
        Some(e) => view! { <ErrorPanel error=e retry=Callback::new(move |_| polled.refetch()) /> }
            .into_any(),
        None => view! { <Skeleton lines /> }.into_any(),
    };
    view! {
        <Show when=move || polled.loaded() fallback=fallback>
            {move || polled.error.get().map(|e| {
                let t = PollText::get();
                let again = if e.is_retryable() { t.trying_again } else { "" };
                view! { <p class="form-alert form-alert--info">{fill(t.could_not_refresh, &[("error", &e.message()), ("again", again)])}</p> }
            })}
            {body()}
        </Show>
    }
}

/// A key for a row of a live list: the same as long as what the row shows is the same, so
/// [`For`] keeps that row's DOM (and its focus) and redraws only rows that changed.
pub fn row_key<T: serde::Serialize>(item: &T) -> String {
    serde_json::to_string(item).unwrap_or_default()
}

/// Milliseconds since the epoch, by the browser's clock.
pub fn now_ms() -> i64 {
    js_sys::Date::now() as i64
}

/// A clock that ticks every second while the component lives, for countdowns.
pub fn ticking_now() -> ReadSignal<i64> {
    let (now, set_now) = signal(now_ms());
    if let Ok(h) = set_interval_with_handle(move || set_now.set(now_ms()), Duration::from_secs(1)) {
        on_cleanup(move || h.clear());
    }
    now
}

/// Time left, for a person: `4:05`, or `2 h 05 min` from an hour up; `0:00` once over.
pub fn time_left(seconds: i64) -> String {
    let s = seconds.max(0);
    let text = if s >= 3600 {
        fill(
            PollText::get().hours_minutes,
            &[
                ("h", &(s / 3600).to_string()),
                ("m", &format!("{:02}", s % 3600 / 60)),
            ],
        )
    } else {
        format!("{}:{:02}", s / 60, s % 60)
    };
    digits(&text)
}
