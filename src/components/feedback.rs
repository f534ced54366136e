//! Loading, error and empty states, and the page title.

use crate::api::ApiError;
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

/// Grey placeholder lines while something loads.
#[component]
pub fn Skeleton(#[prop(default = 3)] lines: usize) -> impl IntoView {
    view! {
        <div class="skeleton" aria-busy="true" aria-label="Loading">
            {(0..lines).map(|i| view! { <div class=format!("skeleton__line skeleton__line--{}", i % 3)></div> }).collect_view()}
        </div>
    }
}

/// A failed load: what happened, and a way to try again.
#[component]
pub fn ErrorPanel(
    error: ApiError,
    #[prop(optional, into)] retry: Option<Callback<()>>,
) -> impl IntoView {
    let title = match &error {
        ApiError::Network => "You seem to be offline",
        ApiError::NotFound(_) => "Not found",
        ApiError::Forbidden(_) => "No access",
        ApiError::Server(_) => "Something went wrong",
        _ => "Could not load this",
    };
    view! {
        <div class="panel panel--error" role="alert">
            <h2 class="panel__title">{title}</h2>
            <p>{error.message()}</p>
            {retry.map(|r| view! {
                <button type="button" class="btn btn--secondary" on:click=move |_| r.run(())>"Try again"</button>
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
        <Transition fallback=move || view! { <Skeleton lines /> }>
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
