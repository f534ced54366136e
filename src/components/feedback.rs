//! Loading, error and empty states, and the page title.

use crate::api::ApiError;
use crate::i18n::shell::CommonText;
use leptos::prelude::*;

/// Sets `document.title` for the page: "Inbox · Kitty".
pub fn use_title(title: &'static str) {
    let full = if title.is_empty() {
        "Kitty".to_string()
    } else {
        format!("{title} · Kitty")
    };
    document().set_title(&full);
}

/// How long a wait has gone on, as a [`Skeleton`] tells it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Wait {
    /// Just the placeholder.
    Loading,
    /// "Still loading…", from [`STILL_LOADING_AFTER`].
    Slow,
    /// "This is taking longer than usual", with Cancel, from [`TAKING_LONG_AFTER`].
    TooLong,
    /// The person pressed Cancel and nothing answered: Try again.
    Stopped,
}

/// When a placeholder says "Still loading…".
pub const STILL_LOADING_AFTER: std::time::Duration = std::time::Duration::from_secs(4);
/// When it says the wait is unusual, and offers to stop waiting.
pub const TAKING_LONG_AFTER: std::time::Duration = std::time::Duration::from_secs(10);

impl Wait {
    /// The stage of a wait that started `elapsed` ago.
    pub fn after(elapsed: std::time::Duration) -> Wait {
        if elapsed >= TAKING_LONG_AFTER {
            Wait::TooLong
        } else if elapsed >= STILL_LOADING_AFTER {
            Wait::Slow
        } else {
            Wait::Loading
        }
    }

    /// What the placeholder says at this stage (the live region's text).
    pub fn message(self) -> &'static str {
        let t = CommonText::get();
        match self {
            Wait::Loading => "",
            Wait::Slow => t.still_loading,
            Wait::TooLong => t.taking_long,
            Wait::Stopped => t.stopped,
        }
    }
}

/// Grey placeholder lines while something loads. A wait that goes on says so: "Still loading…"
/// after [`STILL_LOADING_AFTER`], then "This is taking longer than usual" with **Cancel** after
/// [`TAKING_LONG_AFTER`]. Cancel aborts the slow reads in flight ([`crate::api::cancel_slow_reads`]),
/// so the page shows its own error with "Try again"; if nothing was waiting on a read, the
/// placeholder offers "Try again" itself, which calls `retry` (or reloads the page).
#[component]
pub fn Skeleton(
    #[prop(default = 3)] lines: usize,
    #[prop(optional, into)] retry: Option<Callback<()>>,
) -> impl IntoView {
    let wait = RwSignal::new(Wait::Loading);
    let timers = StoredValue::new_local(Vec::<TimeoutHandle>::new());
    let start = move || {
        wait.set(Wait::Loading);
        timers.update_value(|t| {
            t.drain(..).for_each(|h| h.clear());
            for after in [STILL_LOADING_AFTER, TAKING_LONG_AFTER] {
                if let Ok(h) = set_timeout_with_handle(
                    move || {
                        wait.try_update(|w| *w = (*w).max(Wait::after(after)));
                    },
                    after,
                ) {
                    t.push(h);
                }
            }
        });
    };
    start();
    on_cleanup(move || {
        timers.try_update_value(|t| t.drain(..).for_each(|h| h.clear()));
    });
    let cancel = move |_| {
        // Reads that started with this wait (or before it) are the slow ones.
        crate::api::cancel_slow_reads(STILL_LOADING_AFTER);
        wait.set(Wait::Stopped);
    };
    let again = move |_| {
        match retry {
            Some(r) => r.run(()),
            None => {
                let _ = window().location().reload();
            }
        }
        start();
    };
    view! {
        <div class="skeleton" aria-busy=move || (wait.get() != Wait::Stopped).to_string()>
            {(0..lines).map(|i| view! { <div class=format!("skeleton__line skeleton__line--{}", i % 3) aria-hidden="true"></div> }).collect_view()}
            <div class="skeleton__wait" role="status">
                <span class=move || if wait.get() == Wait::Loading { "visually-hidden" } else { "skeleton__message" }>
                    {move || match wait.get() {
                        Wait::Loading => CommonText::get().loading,
                        w => w.message(),
                    }}
                </span>
                {move || match wait.get() {
                    Wait::TooLong => Some(view! {
                        <button type="button" class="btn btn--secondary btn--small" on:click=cancel>{CommonText::get().cancel}</button>
                    }.into_any()),
                    Wait::Stopped => Some(view! {
                        <button type="button" class="btn btn--secondary btn--small" on:click=again>{CommonText::get().try_again}</button>
                    }.into_any()),
                    _ => None,
                }}
            </div>
        </div>
    }
}

/// A failed load: what happened, and a way to try again.
#[component]
pub fn ErrorPanel(
    error: ApiError,
    #[prop(optional, into)] retry: Option<Callback<()>>,
) -> impl IntoView {
    let t = CommonText::get();
    let title = match &error {
        ApiError::Network => t.seem_offline,
        ApiError::Offline => t.offline,
        ApiError::Cancelled => t.stopped_title,
        ApiError::NotFound(_) => t.not_found,
        ApiError::Forbidden(_) => t.no_access,
        ApiError::Server(_) => t.went_wrong,
        _ => t.could_not_load,
    };
    view! {
        <div class="panel panel--error" role="alert">
            <h2 class="panel__title">{title}</h2>
            <p>{error.message()}</p>
            {retry.map(|r| view! {
                <button type="button" class="btn btn--secondary" on:click=move |_| r.run(())>{t.try_again}</button>
            })}
        </div>
    }
}

/// Renders the first [`ApiError`] an `ErrorBoundary` caught.
pub fn error_fallback(errors: ArcRwSignal<Errors>, retry: Option<Callback<()>>) -> impl IntoView {
    move || {
        let error = errors
            .get()
            .into_iter()
            .next()
            .map(|(_, e)| {
                e.downcast_ref::<ApiError>()
                    .cloned()
                    .unwrap_or_else(|| ApiError::Unexpected(e.to_string()))
            })
            .unwrap_or(ApiError::Unexpected("Unknown error".into()));
        view! { <ErrorPanel error=error retry=retry.unwrap_or(Callback::new(|_| ())) /> }
    }
}

/// Nothing here yet, and what to do about it.
#[component]
pub fn EmptyState(title: &'static str, children: Children) -> impl IntoView {
    view! {
        <div class="empty">
            <h2 class="empty__title">{title}</h2>
            <div class="empty__body">{children()}</div>
        </div>
    }
}

/// The one way a page shows data it loads: a skeleton the first time, the content once `view`'s
/// future resolves, and an error panel with "Try again" (calling `retry`) when it fails. Reloads
/// keep the old content on screen until the new one is ready.
#[component]
pub fn Loaded<V, F, Fut>(
    /// Skeleton lines while loading.
    #[prop(default = 3)]
    lines: usize,
    retry: Callback<()>,
    /// Awaits the page's resources and builds its view.
    view: F,
) -> impl IntoView
where
    V: IntoView + 'static,
    F: Fn() -> Fut + Send + Sync + 'static,
    Fut: std::future::Future<Output = Result<V, ApiError>> + Send + 'static,
{
    view! {
        <Transition fallback=move || view! { <Skeleton lines retry /> }>
            <ErrorBoundary fallback=move |e| error_fallback(e, Some(retry))>
                {move || Suspend::new(view())}
            </ErrorBoundary>
        </Transition>
    }
}

/// Where a failed write is shown.
#[derive(Clone, Copy)]
pub enum Failure {
    /// An error toast.
    Toast,
    /// Messages next to the form's fields; a toast when the error names no field.
    Fields(RwSignal<kitty_api::FieldErrors>),
    /// Messages next to the fields, and a summary above the form
    /// ([`crate::components::form::show_failure`]).
    Form(RwSignal<kitty_api::FieldErrors>, RwSignal<Option<String>>),
}

/// The one way a write's outcome is handled: `ok` gets the result, and a failure is shown as
/// `failure` says. Navigation after success belongs in `ok`, through the router.
pub fn on_done<I, O>(
    action: Action<I, Result<O, ApiError>>,
    ok: impl Fn(O) + 'static,
    failure: Failure,
) where
    I: 'static,
    O: Clone + 'static,
{
    let toasts = crate::components::toast::use_toasts();
    Effect::new(move || match action.value().get() {
        Some(Ok(v)) => ok(v),
        Some(Err(e)) => match failure {
            Failure::Toast => toasts.error(e.message()),
            Failure::Fields(fields) => {
                let named = e.fields();
                if named.is_empty() {
                    toasts.error(e.message());
                }
                fields.set(named);
            }
            Failure::Form(fields, alert) => {
                crate::components::form::show_failure(&e, fields, alert)
            }
        },
        None => {}
    });
}

/// A write without an [`Action`] (each `Action` type adds several kilobytes to the wasm, and
/// bundles have a size budget): `busy` is true while `request` runs, and `then` gets the
/// outcome, unless the page that asked has gone meanwhile.
pub fn write<T: 'static>(
    busy: RwSignal<bool>,
    request: impl std::future::Future<Output = Result<T, ApiError>> + 'static,
    then: impl FnOnce(Result<T, ApiError>) + 'static,
) {
    busy.set(true);
    leptos::task::spawn_local(async move {
        let result = request.await;
        if busy.try_set(false).is_none() {
            then(result);
        }
    });
}
