//! The route table and the signed-in shell.

use crate::api;
use crate::components::nav::Nav;
use crate::components::toast::ToastHost;
use crate::pages;
use crate::session::{Auth, Session};
use crate::theme;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::{Outlet, ParentRoute, Redirect, Route, Router, Routes, A};
use leptos_router::hooks::use_location;
use leptos_router::path;

/// What every bundle's root does first: the session (checked at once, ended everywhere when the
/// server says so) and the saved theme.
pub fn start_session() -> Session {
    let session = Session::new();
    provide_context(session);
    theme::apply(theme::saved());
    api::on_signed_out(move || crate::session::session_ended(session));
    spawn_local(session.start());
    session
}

/// The main bundle: sign-in, registration, join links, home, inbox and account. The Kitties,
/// Merchant and Ramp areas are their own bundles ([`crate::bundles`]); a link into one loads it.
#[component]
pub fn App() -> impl IntoView {
    provide_context(crate::bundles::Bundle::Main);
    start_session();
    view! {
        <ToastHost>
            <Router>
                <Routes fallback=|| view! { <crate::bundles::Handover current=crate::bundles::Bundle::Main /> }>
                    <Route path=path!("/login") view=pages::auth::Login />
                    <Route path=path!("/login/social") view=pages::auth::SocialCallback />
                    <Route path=path!("/register") view=pages::auth::Register />
                    <Route path=path!("/forgot-password") view=pages::auth::ForgotPassword />
                    <Route path=path!("/reset-password") view=pages::auth::ResetPassword />
                    <Route path=path!("/outbox") view=pages::auth::Outbox />
                    <Route path=path!("/join/:code") view=pages::kitties::Join />
                    <ParentRoute path=path!("") view=Shell>
                        <Route path=path!("") view=pages::home::Home />
                        <Route path=path!("inbox") view=pages::inbox::Inbox />
                        <Route path=path!("account") view=pages::account::Account />
                    </ParentRoute>
                </Routes>
            </Router>
        </ToastHost>
    }
}

/// The signed-in layout. Anyone not signed in goes to `/login?next=<this page>`.
#[component]
pub fn Shell() -> impl IntoView {
    let session = crate::session::use_session();
    let location = use_location();
    // Untracked: the redirect itself changes the location, which must not re-run this.
    let login_url = move || {
        if session.signed_out_by_choice.get_untracked() {
            return "/login".to_string();
        }
        let here = format!(
            "{}{}",
            location.pathname.get_untracked(),
            location.search.get_untracked()
        );
        let ended = if session.ended.get_untracked() {
            "&ended=1"
        } else {
            ""
        };
        format!("/login?next={}{ended}", js_sys::encode_uri_component(&here))
    };
    view! {
        {move || match session.auth.get() {
            Auth::Checking => view! { <ShellSkeleton /> }.into_any(),
            Auth::SignedOut => view! { <Redirect path=login_url() /> }.into_any(),
            Auth::SignedIn(_) => view! { <SignedInLayout /> }.into_any(),
        }}
    }
}

#[component]
fn SignedInLayout() -> impl IntoView {
    let session = crate::session::use_session();
    // Back after a session ended: what was typed on this page comes back.
    crate::drafts::restore(&crate::session::current_page());
    focus_heading_after_navigation();
    // The nav's unread badge, whichever page the person lands on.
    spawn_local(async move {
        if let Ok(list) = api::ktti::inbox().await {
            session.unread.set(list.unread);
        }
    });
    // This browser in the person's list of devices, and their pushes while signed in.
    crate::device::start();
    view! {
        <div class="shell">
            <a class="skip-link" href="#main">"Skip to content"</a>
            <header class="topbar">
                <A href="/" attr:class="brand" attr:rel=crate::bundles::rel_for("/")>
                    <span class="brand__mark" aria-hidden="true">"K"</span>
                    <span class="brand__name">"Kitty"</span>
                </A>
                <SandboxBadge />
                <A href="/account" attr:class="topbar__account" attr:rel=crate::bundles::rel_for("/account")>
                    <span class="avatar" aria-hidden="true">
                        {move || session.user().map(|u| initials(&u.name)).unwrap_or_default()}
                    </span>
                    <span class="visually-hidden">"Account"</span>
                </A>
            </header>
            <Nav unread=session.unread />
            <main class="main" id="main" tabindex="-1">
                <Outlet />
            </main>
        </div>
    }
}

/// After an in-app navigation, moves focus to the new page's `h1` (without scrolling), so a
/// keyboard or screen-reader user starts on the page they opened rather than on the link. Focus
/// that has already moved on (to a field, say) is left where it is.
fn focus_heading_after_navigation() {
    use wasm_bindgen::JsCast;
    let location = use_location();
    let first = StoredValue::new(true);
    Effect::new(move |_| {
        location.pathname.track();
        if first.get_value() {
            first.set_value(false);
            return;
        }
        request_animation_frame(|| {
            let doc = document();
            let idle = doc
                .active_element()
                .is_none_or(|e| matches!(e.tag_name().as_str(), "BODY" | "A"));
            let Some(h1) = doc.query_selector("main h1").ok().flatten() else {
                return;
            };
            if !idle {
                return;
            }
            if !h1.has_attribute("tabindex") {
                let _ = h1.set_attribute("tabindex", "-1");
            }
            let options = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&options, &"preventScroll".into(), &true.into());
            if let Ok(focus) = js_sys::Reflect::get(&h1, &"focus".into())
                .and_then(|f| f.dyn_into::<js_sys::Function>())
            {
                let _ = focus.call1(&h1, &options);
            }
        });
    });
}

/// A visible reminder that no real money moves here.
#[component]
pub fn SandboxBadge() -> impl IntoView {
    let session = crate::session::use_session();
    view! {
        <Show when=move || session.is_sandbox()>
            <span class="badge badge--sandbox" title="Payments here are simulated; no real money moves.">
                "Sandbox"
            </span>
        </Show>
    }
}

#[component]
fn ShellSkeleton() -> impl IntoView {
    view! {
        <div class="shell shell--loading" aria-busy="true">
            <p class="visually-hidden" role="status">"Loading Kitty…"</p>
            <header class="topbar"><span class="brand"><span class="brand__mark">"K"</span></span></header>
            <main class="main"><crate::components::feedback::Skeleton lines=4 /></main>
        </div>
    }
}

/// "Sara Demo" → "SD".
pub fn initials(name: &str) -> String {
    name.split_whitespace()
        .filter_map(|w| w.chars().next())
        .take(2)
        .flat_map(char::to_uppercase)
        .collect()
}
