//! The app is built as several bundles, because trunk 0.21 cannot split one wasm file and the
//! signed-in app must stay small: the public bundle (sign-in, registration, password reset: what
//! a first visit loads), the main bundle (join links, home, inbox, account), and one per large
//! area (Kitties, Merchant, Ramp), plus four split off their
//! areas: the Ramp's developer pages (with a secp256k1 signer for the sign-in demo), the Ramp's
//! on-chain pages (wallets and cash-outs, verification, UBI), the Merchant's crypto payments and
//! Binance-style orders, and a kitty's
//! moments and transaction pages (with the photo uploads and the receipt editor). The checkout page is a bundle of
//! its own too.
//!
//! Each bundle routes only its own pages. A link to another bundle's page reaches the router's
//! fallback, [`Handover`], which loads that page from the server (a full page load); the server
//! answers each path with its bundle's entry page (`server/src/web.rs`, `Spa::page_for`), by the
//! same rule as [`owner`].

use leptos::prelude::*;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bundle {
    Main,
    Kitties,
    Merchant,
    Ramp,
    /// The Ramp's pages for the partner's developers (`/ramp/developers/...`).
    Developers,
    /// The Ramp's on-chain pages: wallets and cash-outs, verification, UBI
    /// (`/ramp/wallets`, `/ramp/verify`, `/ramp/ubi`).
    RampChain,
    /// The Merchant's crypto payments and Binance-style orders (`/merchant/crypto`,
    /// `/merchant/orders`).
    MerchantCrypto,
    /// A kitty's moments and transaction pages, with the photo uploads, and its card tab
    /// (`/kitties/{id}/moments`, `/kitties/{id}/transactions/{tx}`, `/kitties/{id}/card`).
    KittyMedia,
    /// The signed-out pages: sign-in, registration, password reset and the sandbox outbox.
    Public,
}

/// The bundle whose router has `path`: the server's rule too (`kitty_api::config::area_of`).
pub fn owner(path: &str) -> Bundle {
    match kitty_api::config::area_of(path) {
        Some("kitties") => Bundle::Kitties,
        Some("kittymedia") => Bundle::KittyMedia,
        Some("merchant") => Bundle::Merchant,
        Some("developers") => Bundle::Developers,
        Some("rampchain") => Bundle::RampChain,
        Some("merchantcrypto") => Bundle::MerchantCrypto,
        Some("ramp") => Bundle::Ramp,
        Some("public") => Bundle::Public,
        _ => Bundle::Main,
    }
}

/// The bundle this page runs (each root provides it).
pub fn current() -> Bundle {
    use_context::<Bundle>().unwrap_or(Bundle::Main)
}

/// `rel="external"` for a link into another bundle, so the router leaves it to the browser,
/// which loads that bundle; `None` for a page of this one.
pub fn rel_for(href: &str) -> Option<&'static str> {
    (owner(href) != current()).then_some("external")
}

/// The router's fallback, for an address typed or pasted into another bundle: that page is
/// loaded from the server; a path that is nobody's is "page not found".
#[component]
pub fn Handover(current: Bundle) -> impl IntoView {
    let location = window().location();
    let path = location.pathname().unwrap_or_default();
    let target = format!("{path}{}", location.search().unwrap_or_default());
    // Offline, the service worker answers with this bundle only when the page's own was never
    // loaded here: loading it again would find the same.
    if owner(&path) != current && !crate::api::offline::navigator_online() {
        return view! { <NotOffline /> }.into_any();
    }
    if owner(&path) != current && !just_handed_over(&target) {
        // After the router has finished with the history, or it would cancel the load.
        set_timeout(
            move || {
                let _ = window().location().replace(&target);
            },
            std::time::Duration::ZERO,
        );
        return view! {
            <div class="boot" role="status">
                <span class="brand__mark" aria-hidden="true">"K"</span>
                <span>{crate::i18n::shell::CommonText::get().loading}</span>
            </div>
        }
        .into_any();
    }
    view! { <crate::pages::not_found::NotFound /> }.into_any()
}

/// A page of another bundle, opened offline before it was ever opened online here.
#[component]
fn NotOffline() -> impl IntoView {
    let t = crate::i18n::shell::CommonText::get();
    crate::components::feedback::use_title(t.offline_title);
    view! {
        <main class="centered-page">
            <div class="card card--narrow" role="status">
                <h1>{t.offline}</h1>
                <p>{t.never_opened_here}</p>
                <button type="button" class="btn btn--primary" on:click=|_| {
                    let _ = window().location().reload();
                }>{t.try_again}</button>
            </div>
        </main>
    }
}

/// The note [`just_handed_over`] keeps in `sessionStorage`.
const HANDOVER_KEY: &str = "kitty_handover";

/// Called by each bundle's root once it knows which bundle it is: when this page is its own, a
/// handover that brought the browser here worked, and its note is dropped (so that coming back
/// to the same page later is not taken for a loop).
pub fn arrived() {
    let path = window().location().pathname().unwrap_or_default();
    if owner(&path) == current() {
        if let Ok(Some(storage)) = window().session_storage() {
            let _ = storage.remove_item(HANDOVER_KEY);
        }
    }
}

/// True when this page was handed over less than ten seconds ago and no bundle has taken it
/// since: the server then answered with the wrong bundle (say, one not built), and loading it
/// again would loop.
fn just_handed_over(target: &str) -> bool {
    const KEY: &str = HANDOVER_KEY;
    let Ok(Some(storage)) = window().session_storage() else {
        return false;
    };
    let now = js_sys::Date::now() as i64;
    let previous = storage.get_item(KEY).ok().flatten().unwrap_or_default();
    let looping = previous
        .split_once(' ')
        .is_some_and(|(at, t)| t == target && now - at.parse::<i64>().unwrap_or(0) < 10_000);
    let _ = storage.set_item(KEY, &format!("{now} {target}"));
    looping
}

/// The root of an area's bundle: the same session and signed-in shell as the main bundle, the
/// area's routes inside the shell, and [`Handover`] for every other page.
macro_rules! area_app {
    ($bundle:expr, $($routes:tt)*) => {{
        use leptos_router::components::{ParentRoute, Route, Router, Routes};
        use leptos_router::path;
        provide_context($bundle);
        crate::app::start_session();
        view! {
            <crate::components::toast::ToastHost>
                <Router>
                    <Routes fallback=|| view! { <crate::bundles::Handover current=$bundle /> }>
                        <ParentRoute path=path!("") view=crate::app::Shell>
                            $($routes)*
                        </ParentRoute>
                    </Routes>
                </Router>
            </crate::components::toast::ToastHost>
        }
    }};
}
pub(crate) use area_app;
