//! Who is signed in, shared through context. The truth lives in the server's cookies; this is
//! what the app last learned about it.

use crate::api::{self, ApiError};
use kitty_api::auth::User;
use kitty_api::config::AppConfig;
use leptos::prelude::*;

#[derive(Debug, Clone, PartialEq)]
pub enum Auth {
    /// Still asking the server.
    Checking,
    SignedOut,
    SignedIn(User),
}

/// App-wide state: the server's configuration and the session.
#[derive(Clone, Copy)]
pub struct Session {
    pub auth: RwSignal<Auth>,
    pub config: RwSignal<Option<AppConfig>>,
    /// Unread inbox items, shown as a badge on the nav.
    pub unread: RwSignal<i64>,
    /// Set when the person signed out themselves: sign-in then needs no way back.
    pub signed_out_by_choice: RwSignal<bool>,
    /// Set when a session that was in use ended (its refresh failed): sign-in says so, and
    /// brings the person back with what they had typed.
    pub ended: RwSignal<bool>,
}

impl Session {
    pub fn new() -> Session {
        Session {
            auth: RwSignal::new(Auth::Checking),
            config: RwSignal::new(None),
            unread: RwSignal::new(0),
            signed_out_by_choice: RwSignal::new(false),
            ended: RwSignal::new(false),
        }
    }

    /// Loads the configuration, then asks who is signed in.
    pub async fn start(self) {
        match api::config::load().await {
            Ok(config) => {
                api::configure(config.providers.clone());
                self.config.set(Some(config));
            }
            // Defaults (same origin) still work; the sandbox badge just stays hidden.
            Err(e) => leptos::logging::warn!("config: {e}"),
        }
        self.check().await;
    }

    /// Re-reads the current user from the server.
    pub async fn check(self) {
        // No CSRF cookie means no session was ever started here (it lives as long as the refresh
        // token): skip the round trips that could only answer 401.
        if !api::may_have_session() {
            self.auth.set(Auth::SignedOut);
            return;
        }
        let auth = match api::ktti::me().await {
            Ok(user) => {
                follow_language(&user);
                Auth::SignedIn(user)
            }
            Err(ApiError::Unauthorized(_)) => Auth::SignedOut,
            // The person stopped waiting: still unknown (the placeholder offers to ask again).
            Err(ApiError::Cancelled) => return,
            Err(e) => {
                leptos::logging::warn!("session check: {e}");
                Auth::SignedOut
            }
        };
        self.auth.set(auth);
    }

    /// The person just signed in or registered.
    pub fn signed_in(&self, user: User) {
        follow_language(&user);
        self.signed_out_by_choice.set(false);
        self.ended.set(false);
        self.auth.set(Auth::SignedIn(user));
    }

    pub fn user(&self) -> Option<User> {
        match self.auth.get() {
            Auth::SignedIn(u) => Some(u),
            _ => None,
        }
    }

    pub fn is_sandbox(&self) -> bool {
        self.config
            .get()
            .is_some_and(|c| c.mode == kitty_api::config::Mode::Sandbox)
    }
}

/// Tells the server the language this page is in, when the account has another: what it writes
/// to the person (inbox items, pushes, emails) follows the app they last used. A failure only
/// leaves the old language; it is tried again on the next start.
fn follow_language(user: &User) {
    let Some(language) = kitty_api::account::Language::parse(crate::i18n::lang().code()) else {
        return;
    };
    if user.language != language {
        leptos::task::spawn_local(async move {
            if let Err(e) = api::ktti::set_language(language).await {
                leptos::logging::warn!("language: {e}");
            }
        });
    }
}

impl Default for Session {
    fn default() -> Self {
        Self::new()
    }
}

pub fn use_session() -> Session {
    expect_context::<Session>()
}

/// The page being shown, path and query, as the address bar has it.
pub fn current_page() -> String {
    web_sys::window()
        .map(|w| w.location())
        .and_then(|l| Some(format!("{}{}", l.pathname().ok()?, l.search().ok()?)))
        .unwrap_or_else(|| "/".into())
}

/// The session in use ended: keep what the page holds, then show the sign-in page.
pub fn session_ended(session: Session) {
    if matches!(session.auth.get_untracked(), Auth::SignedIn(_)) {
        crate::drafts::save(&current_page());
        session.ended.set(true);
        session.auth.set(Auth::SignedOut);
    }
}

/// Where to go after signing in: the `next` query value if it is a path on this site.
pub fn safe_next(next: Option<String>) -> String {
    next.filter(|n| n.starts_with('/') && !n.starts_with("//") && !n.starts_with("/\\"))
        .unwrap_or_else(|| "/".to_string())
}
