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
    crate::bundles::arrived();
    crate::pwa::start();
    let session = Session::new();
    provide_context(session);
    theme::apply(theme::saved());
    api::on_signed_out(move || crate::session::session_ended(session));
    spawn_local(session.start());
    session
}

/// The main bundle: join links, home, inbox and account. The signed-out pages and the Kitties,
/// Merchant and Ramp areas are their own bundles ([`crate::bundles`]); a link into one loads it.
#[component]
pub fn App() -> impl IntoView {
    provide_context(crate::bundles::Bundle::Main);
    start_session();
    view! {
        <ToastHost>
            <Router>
                <Routes fallback=|| view! { <crate::bundles::Handover current=crate::bundles::Bundle::Main /> }>
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
            Auth::SignedOut => {
                // The sign-in page is the public bundle's: loaded straight away, rather than
                // through this router (whose fallback would load it a moment later, after the
                // address had already changed).
                let url = login_url();
                if crate::bundles::owner(&url) == crate::bundles::current() {
                    view! { <Redirect path=url /> }.into_any()
                } else {
                    let _ = window().location().replace(&url);
                    view! { <ShellSkeleton /> }.into_any()
                }
            }
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
    // The nav's unread badge, whichever page the person lands on (and again when the
    // connection comes back).
    Effect::new(move || {
        api::offline::track();
        spawn_local(async move {
            if let Ok(list) = api::ktti::inbox().await {
                session.unread.set(list.unread);
            }
        });
    });
    // This browser in the person's list of devices, and their pushes while signed in.
    crate::device::start();
    view! {
        <div class="shell">
            <a class="skip-link" href="#main">{crate::i18n::shell::ShellText::get().skip_to_content}</a>
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
                    <span class="visually-hidden">{crate::i18n::shell::ShellText::get().account}</span>
                </A>
            </header>
            <Nav unread=session.unread />
            <main class="main" id="main" tabindex="-1">
                <crate::pwa::OfflineBanner />
                <Outlet />
            </main>
        </div>
    }
}

/// After an in-app navigation, moves focus to the new page's `h1` (without scrolling), so a
/// keyboard or screen-reader user starts on the page they opened rather than on the link. The
/// one mechanism for every bundle: each area's root uses this [`Shell`] too.
///
/// Not on the first load, not while the person is typing (focus in a field is left where it
/// is), and not when the heading is the one already there: a tab inside a page's own layout
/// (a kitty's tabs) keeps focus on the tab. A page whose heading arrives with its data gets
/// focus when it does (within a few seconds).
fn focus_heading_after_navigation() {
    let location = use_location();
    let shown = StoredValue::new(location.pathname.get_untracked());
    // The heading of the page on screen, once found.
    let heading = StoredValue::new_local(None::<web_sys::Element>);
    find_heading(heading, false, 0);
    Effect::new(move || {
        let path = location.pathname.get();
        if shown.with_value(|p| *p == path) {
            return;
        }
        shown.set_value(path);
        find_heading(heading, true, 0);
    });
}

/// Tries for about three seconds to find the page's `h1`, every frame at first, then every
/// 100 ms; when it is a new one, records it and (with `focus`) focuses it.
fn find_heading(
    heading: StoredValue<Option<web_sys::Element>, LocalStorage>,
    focus: bool,
    tries: u32,
) {
    let retry = move || {
        if tries < 30 {
            set_timeout(
                move || find_heading(heading, focus, tries + 1),
                std::time::Duration::from_millis(100),
            );
        }
    };
    request_animation_frame(move || {
        let doc = document();
        let Some(h1) = doc.query_selector("main h1").ok().flatten() else {
            retry();
            return;
        };
        let Some(before) = heading.try_get_value() else {
            return; // the layout has gone
        };
        heading.set_value(Some(h1.clone()));
        if !focus || before.as_ref() == Some(&h1) {
            return;
        }
        let active = doc.active_element();
        let editable = active
            .as_ref()
            .and_then(|e| e.get_attribute("contenteditable"))
            .is_some_and(|v| v != "false");
        let active_tag = active
            .as_ref()
            .filter(|e| e.is_connected())
            .map(|e| e.tag_name());
        if may_take_focus(active_tag.as_deref(), editable) {
            focus_without_scrolling(&h1);
        }
    });
}

/// Whether navigation may move focus away from the element that has it (its tag, `None` when
/// nothing or a removed element has focus): yes from the page itself or the link or button that
/// navigated, no from a field the person is typing in or anything else they chose.
pub fn may_take_focus(active_tag: Option<&str>, content_editable: bool) -> bool {
    !content_editable && matches!(active_tag, None | Some("BODY" | "A" | "BUTTON" | "H1"))
}

/// `element.focus({ preventScroll: true })`, with `tabindex="-1"` when it has none.
fn focus_without_scrolling(element: &web_sys::Element) {
    use wasm_bindgen::JsCast;
    if !element.has_attribute("tabindex") {
        let _ = element.set_attribute("tabindex", "-1");
    }
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"preventScroll".into(), &true.into());
    if let Ok(focus) = js_sys::Reflect::get(element, &"focus".into())
        .and_then(|f| f.dyn_into::<js_sys::Function>())
    {
        let _ = focus.call1(element, &options);
    }
}

/// A visible reminder that no real money moves here.
#[component]
pub fn SandboxBadge() -> impl IntoView {
    let session = crate::session::use_session();
    view! {
        <Show when=move || session.is_sandbox()>
            <span class="badge badge--sandbox" title=crate::i18n::auth::AuthText::get().sandbox_title>
                {crate::i18n::auth::AuthText::get().sandbox}
            </span>
        </Show>
    }
}

#[component]
fn ShellSkeleton() -> impl IntoView {
    let session = crate::session::use_session();
    // A session check given up on (Cancel) is asked again.
    let retry = Callback::new(move |_| spawn_local(session.check()));
    view! {
        <div class="shell shell--loading" aria-busy="true">
            <p class="visually-hidden" role="status">{crate::i18n::shell::ShellText::get().loading_kitty}</p>
            <header class="topbar"><span class="brand"><span class="brand__mark">"K"</span></span></header>
            <main class="main"><crate::components::feedback::Skeleton lines=4 retry /></main>
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
