//! "Continue with …": sign-in through an OpenID Connect identity provider, asked for an ID token
//! (the implicit flow, `response_type=id_token`) that comes back in the address's fragment.
//!
//! Before leaving, the app keeps `{state, nonce, next}` in `sessionStorage`; the page the provider
//! sends the browser back to (`/login/social`) checks the `state` it brings against that, so a
//! sign-in that this tab did not start is refused, and sends the ID token with the nonce to the
//! server. The parsing and the decisions are pure functions ([`parse_fragment`], [`judge`],
//! [`authorize_url`]), tested in `tests/logic.rs`; the rest touches the browser.

use kitty_api::account::SocialProvider;
use kitty_api::auth::SocialLoginRequest;
use serde::{Deserialize, Serialize};

/// Where the provider sends the browser back to, on this site.
pub const CALLBACK_PATH: &str = "/login/social";
/// The `sessionStorage` key of the sign-in in progress.
const PENDING_KEY: &str = "kitty.social_sign_in";

/// The message for a return this tab did not start (no sign-in kept, or another `state`).
pub const NOT_STARTED_HERE: &str = "This sign-in did not start here. Try again.";
/// The message for `error=access_denied`: the person pressed Cancel at the provider.
pub const CANCELLED: &str = "You cancelled the sign-in.";

/// A sign-in on its way to the provider, kept in `sessionStorage` until the provider sends the
/// browser back.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Pending {
    /// Random, made here: it must come back unchanged.
    pub state: String,
    /// The server's, from `POST /auth/social/nonce`: it must be inside the ID token.
    pub nonce: String,
    /// Where to go once signed in (a path on this site).
    pub next: String,
}

/// What the provider put in the fragment (`#id_token=…&state=…` or `#error=…&state=…`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Fragment {
    pub id_token: Option<String>,
    pub state: Option<String>,
    pub error: Option<String>,
    pub error_description: Option<String>,
}

/// Reads a fragment such as `#id_token=eyJ…&state=abc` (the `#` is optional). Values are
/// percent-decoded (`+` is a space); empty values and unknown keys are ignored.
pub fn parse_fragment(hash: &str) -> Fragment {
    let mut found = Fragment::default();
    for pair in hash.trim_start_matches('#').split('&') {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        let value = decode_component(value);
        if value.is_empty() {
            continue;
        }
        let slot = match decode_component(key).as_str() {
            "id_token" => &mut found.id_token,
            "state" => &mut found.state,
            "error" => &mut found.error,
            "error_description" => &mut found.error_description,
            _ => continue,
        };
        // The first of a repeated key counts.
        slot.get_or_insert(value);
    }
    found
}

/// What the callback page does with what came back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Send this to the server.
    SignIn(SocialLoginRequest),
    /// The person cancelled at the provider.
    Cancelled,
    /// The provider answered with another error: what it said.
    Refused(String),
    /// Nothing was kept for this tab, or the `state` differs: not a sign-in started here.
    NotStartedHere,
}

impl Outcome {
    /// The sentence to show when this is not a sign-in to send.
    pub fn message(&self) -> Option<String> {
        match self {
            Outcome::SignIn(_) => None,
            Outcome::Cancelled => Some(CANCELLED.into()),
            Outcome::Refused(m) => Some(m.clone()),
            Outcome::NotStartedHere => Some(NOT_STARTED_HERE.into()),
        }
    }
}

/// Checks the fragment against the sign-in this tab started: the `state` first, then the
/// provider's error, then the ID token.
pub fn judge(fragment: &Fragment, pending: Option<&Pending>) -> Outcome {
    let Some(pending) = pending else {
        return Outcome::NotStartedHere;
    };
    if pending.state.is_empty() || fragment.state.as_deref() != Some(pending.state.as_str()) {
        return Outcome::NotStartedHere;
    }
    match (&fragment.error, &fragment.id_token) {
        (Some(e), _) if e == "access_denied" => Outcome::Cancelled,
        (Some(e), _) => Outcome::Refused(match &fragment.error_description {
            Some(d) => format!("The sign-in was refused: {d}"),
            None => format!("The sign-in was refused ({e}). Try again."),
        }),
        (None, Some(token)) => Outcome::SignIn(SocialLoginRequest {
            id_token: token.clone(),
            nonce: pending.nonce.clone(),
        }),
        (None, None) => {
            Outcome::Refused("The sign-in came back without an identity. Try again.".into())
        }
    }
}

/// The provider's authorization address for one sign-in: an ID token for `openid email profile`,
/// sent back to `redirect_uri` in the fragment.
pub fn authorize_url(
    provider: &SocialProvider,
    redirect_uri: &str,
    nonce: &str,
    state: &str,
) -> String {
    let joiner = if provider.authorize_url.contains('?') {
        '&'
    } else {
        '?'
    };
    format!(
        "{}{joiner}response_type=id_token&scope=openid%20email%20profile&client_id={}&redirect_uri={}&nonce={}&state={}",
        provider.authorize_url,
        encode_component(&provider.client_id),
        encode_component(redirect_uri),
        encode_component(nonce),
        encode_component(state),
    )
}

/// The browser's `encodeURIComponent`.
fn encode_component(s: &str) -> String {
    String::from(js_sys::encode_uri_component(s))
}

/// Undoes form encoding (`+` is a space) with the browser's `decodeURIComponent`; a value that
/// does not decode stays as it came.
fn decode_component(s: &str) -> String {
    let spaced = s.replace('+', " ");
    js_sys::decode_uri_component(&spaced)
        .map(String::from)
        .unwrap_or(spaced)
}

// ---- The browser's side ----

/// A fresh `state`: 16 random bytes from `crypto.getRandomValues`, as 32 hex digits.
fn random_state() -> Result<String, String> {
    let crypto = web_sys::window()
        .and_then(|w| w.crypto().ok())
        .ok_or("This browser has no Web Crypto, so it cannot start a sign-in.")?;
    let mut bytes = [0u8; 16];
    crypto
        .get_random_values_with_u8_array(&mut bytes)
        .map_err(|_| "The browser refused to give random numbers.")?;
    Ok(bytes.iter().map(|b| format!("{b:02x}")).collect())
}

fn session_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok()?
}

/// Keeps a new sign-in for this tab and answers the provider's address to go to.
pub fn begin(provider: &SocialProvider, nonce: &str, next: &str) -> Result<String, String> {
    let state = random_state()?;
    let pending = Pending {
        state: state.clone(),
        nonce: nonce.to_string(),
        next: next.to_string(),
    };
    let json = serde_json::to_string(&pending).map_err(|e| e.to_string())?;
    session_storage()
        .and_then(|s| s.set_item(PENDING_KEY, &json).ok())
        .ok_or("This browser does not let the page keep the sign-in (session storage is off).")?;
    let origin = web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default();
    Ok(authorize_url(
        provider,
        &format!("{origin}{CALLBACK_PATH}"),
        nonce,
        &state,
    ))
}

/// The sign-in this tab started, removed: a state works once.
pub fn take_pending() -> Option<Pending> {
    let storage = session_storage()?;
    let json = storage.get_item(PENDING_KEY).ok()??;
    let _ = storage.remove_item(PENDING_KEY);
    serde_json::from_str(&json).ok()
}

/// The address's fragment, removed from the address bar and the history entry (the ID token must
/// not stay in the history, nor be sent again by a reload).
pub fn take_fragment() -> String {
    let Some(window) = web_sys::window() else {
        return String::new();
    };
    let location = window.location();
    let hash = location.hash().unwrap_or_default();
    if !hash.is_empty() {
        let bare = format!(
            "{}{}",
            location.pathname().unwrap_or_default(),
            location.search().unwrap_or_default()
        );
        if let Ok(history) = window.history() {
            // The router's own state for this entry stays.
            let state = history.state().unwrap_or(wasm_bindgen::JsValue::NULL);
            let _ = history.replace_state_with_url(&state, "", Some(&bare));
        }
    }
    hash
}
