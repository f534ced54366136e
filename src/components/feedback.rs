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
