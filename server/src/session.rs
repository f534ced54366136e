//! Sessions: opaque random tokens, stored only as SHA-256 hashes. The browser carries them in
//! `HttpOnly; SameSite=Strict` cookies plus a CSRF token; API clients send `Authorization: Bearer`.

use crate::db::{now, Db};
use crate::error::{AppError, AppResult};
use crate::AppState;
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{header, HeaderMap, HeaderValue, Method};
use axum_extra::extract::cookie::{Cookie, CookieJar, SameSite};
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use kitty_api::auth::{CSRF_COOKIE, CSRF_HEADER};
use kitty_api::error::code;
use rand::RngCore;
use sha2::{Digest, Sha256};

pub const ACCESS_COOKIE: &str = "kitty_session";
pub const REFRESH_COOKIE: &str = "kitty_refresh";
pub const ACCESS_TTL_SECS: i64 = 15 * 60;
static ACCESS_TTL: std::sync::OnceLock<i64> = std::sync::OnceLock::new();

/// How long an access token lives: `KITTY_ACCESS_TTL_SECS`, set once at start-up (the
/// end-to-end tests shorten it to exercise refreshing); 15 minutes by default.
pub fn access_ttl() -> i64 {
    *ACCESS_TTL.get().unwrap_or(&ACCESS_TTL_SECS)
}

/// Sets [`access_ttl`] for this process; only the first call counts.
pub fn set_access_ttl(secs: i64) {
    let _ = ACCESS_TTL.set(secs);
}
pub const REFRESH_TTL_SECS: i64 = 30 * 24 * 3600;
/// The refresh cookie is sent only to the endpoints that need it.
/// The refresh cookie goes only to the two doors that refresh and end sessions: KPAY's and
/// KttiPay's. A cookie has one path, so it is set once for each.
const REFRESH_COOKIE_PATHS: [&str; 2] = ["/kpay/auth", "/ktti/api/v2/auth"];

pub fn random_token() -> String {
    let mut bytes = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    URL_SAFE_NO_PAD.encode(bytes)
}

pub fn hash_token(token: &str) -> String {
    URL_SAFE_NO_PAD.encode(Sha256::digest(token.as_bytes()))
}

/// The tokens of a session just created or refreshed.
pub struct IssuedTokens {
    pub access: String,
    pub refresh: String,
    pub csrf: String,
}

/// Starts a session for `user_id`; a blocked account gets none (403), whichever door it came in by.
pub async fn create(db: &Db, user_id: &str) -> AppResult<IssuedTokens> {
    let blocked: Option<(Option<i64>,)> =
        sqlx::query_as("SELECT blocked_at FROM users WHERE id = $1")
            .bind(user_id)
            .fetch_optional(db)
            .await?;
    if matches!(blocked, Some((Some(_),))) {
        return Err(crate::error::AppError::Forbidden {
            code: kitty_api::error::code::FORBIDDEN,
            message: "This account is blocked. Contact support to have it unblocked.".into(),
        });
    }
    let tokens = IssuedTokens {
        access: random_token(),
        refresh: random_token(),
        csrf: random_token(),
    };
    let t = now();
    sqlx::query(
        "INSERT INTO sessions (id, user_id, access_hash, access_expires_at, refresh_hash, refresh_expires_at, csrf_token, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(uuid::Uuid::new_v4().to_string())
    .bind(user_id)
    .bind(hash_token(&tokens.access))
    .bind(t + access_ttl())
    .bind(hash_token(&tokens.refresh))
    .bind(t + REFRESH_TTL_SECS)
    .bind(&tokens.csrf)
    .bind(t)
    .execute(db)
    .await?;
    Ok(tokens)
}

/// Swaps a live refresh token for new access and refresh tokens. The old refresh token stops
/// working at once, so a leaked one is good for one use at most.
///
/// `cookie_request` holds the headers when the token came from the browser's cookie: such a
/// request must carry the session's CSRF token.
pub async fn rotate(
    db: &Db,
    refresh_token: &str,
    cookie_request: Option<&HeaderMap>,
) -> AppResult<IssuedTokens> {
    let t = now();
    let row: Option<(String, String)> = sqlx::query_as(
        "SELECT id, csrf_token FROM sessions WHERE refresh_hash = $1 AND refresh_expires_at > $2",
    )
    .bind(hash_token(refresh_token))
    .bind(t)
    .fetch_optional(db)
    .await?;
    let (id, csrf) =
        row.ok_or_else(|| AppError::Unauthorized("Your session has ended. Sign in again.".into()))?;
    if let Some(headers) = cookie_request {
        check_csrf(&Method::POST, headers, &csrf)?;
    }
    let tokens = IssuedTokens {
        access: random_token(),
        refresh: random_token(),
        csrf,
    };
    let updated = sqlx::query(
        "UPDATE sessions SET access_hash = $1, access_expires_at = $2, refresh_hash = $3, refresh_expires_at = $4
         WHERE id = $5 AND refresh_hash = $6",
    )
    .bind(hash_token(&tokens.access))
    .bind(t + access_ttl())
    .bind(hash_token(&tokens.refresh))
    .bind(t + REFRESH_TTL_SECS)
    .bind(&id)
    .bind(hash_token(refresh_token))
    .execute(db)
    .await?;
    if updated.rows_affected() != 1 {
        // Another request rotated the same token first.
        return Err(AppError::Unauthorized(
            "Your session has ended. Sign in again.".into(),
        ));
    }
    Ok(tokens)
}

pub async fn delete_by_access(db: &Db, access: &str) -> AppResult<()> {
    sqlx::query("DELETE FROM sessions WHERE access_hash = $1")
        .bind(hash_token(access))
        .execute(db)
        .await?;
    Ok(())
}

/// A cookie's value from the request, if it is there and not empty.
pub fn cookie(headers: &HeaderMap, name: &str) -> Option<String> {
    CookieJar::from_headers(headers)
        .get(name)
        .map(|c| c.value().to_string())
        .filter(|v| !v.is_empty())
}

pub fn bearer(headers: &HeaderMap) -> Option<String> {
    let value = headers.get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = value.split_once(' ')?;
    scheme
        .eq_ignore_ascii_case("bearer")
        .then(|| token.trim().to_string())
        .filter(|t| !t.is_empty())
}

/// Whether cookies should carry `Secure`: configured, or the request came through https.
pub fn secure(state: &AppState, headers: &HeaderMap) -> bool {
    state.settings.cookie_secure
        || headers
            .get("x-forwarded-proto")
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.eq_ignore_ascii_case("https"))
}

fn set_cookie(
    name: &str,
    value: &str,
    path: &str,
    max_age: i64,
    http_only: bool,
    secure: bool,
) -> HeaderValue {
    let c = Cookie::build((name, value))
        .path(path)
        .max_age(time::Duration::seconds(max_age))
        .same_site(SameSite::Strict)
        .http_only(http_only)
        .secure(secure)
        .build();
    HeaderValue::from_str(&c.to_string()).expect("cookie values are base64url")
}

/// `Set-Cookie` headers that start (or renew) a browser session.
pub fn session_cookies(tokens: &IssuedTokens, secure: bool) -> [HeaderValue; 4] {
    let refresh = |path| {
        set_cookie(
            REFRESH_COOKIE,
            &tokens.refresh,
            path,
            REFRESH_TTL_SECS,
            true,
            secure,
        )
    };
    [
        set_cookie(
            ACCESS_COOKIE,
            &tokens.access,
            "/",
            access_ttl(),
            true,
            secure,
        ),
        refresh(REFRESH_COOKIE_PATHS[0]),
        refresh(REFRESH_COOKIE_PATHS[1]),
        // Readable by the app's script, which echoes it in the CSRF header.
        set_cookie(
            CSRF_COOKIE,
            &tokens.csrf,
            "/",
            REFRESH_TTL_SECS,
            false,
            secure,
        ),
    ]
}

/// `Set-Cookie` headers that end a browser session.
pub fn clearing_cookies(secure: bool) -> [HeaderValue; 4] {
    [
        set_cookie(ACCESS_COOKIE, "", "/", 0, true, secure),
        set_cookie(REFRESH_COOKIE, "", REFRESH_COOKIE_PATHS[0], 0, true, secure),
        set_cookie(REFRESH_COOKIE, "", REFRESH_COOKIE_PATHS[1], 0, true, secure),
        set_cookie(CSRF_COOKIE, "", "/", 0, false, secure),
    ]
}

/// A browser request that relies on cookies and changes state must echo the session's CSRF token.
/// Bearer requests cannot be forged by another site, so they need none.
pub fn check_csrf(method: &Method, headers: &HeaderMap, expected: &str) -> AppResult<()> {
    if matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS) {
        return Ok(());
    }
    let sent = headers.get(CSRF_HEADER).and_then(|v| v.to_str().ok());
    if sent.is_some_and(|s| constant_time_eq(s.as_bytes(), expected.as_bytes())) {
        Ok(())
    } else {
        Err(AppError::Forbidden {
            code: code::CSRF,
            message: "This request is missing its security token. Reload the page and try again."
                .into(),
        })
    }
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// The signed-in user of a request, from its bearer token or session cookie.
#[derive(Debug, Clone)]
pub struct CurrentUser {
    pub user_id: String,
    /// The hash of this session's access token, to tell it from the user's other sessions.
    pub session: String,
}

impl FromRequestParts<AppState> for CurrentUser {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> AppResult<Self> {
        let (token, via_cookie) = match bearer(&parts.headers) {
            Some(t) => (t, false),
            None => (
                cookie(&parts.headers, ACCESS_COOKIE).ok_or_else(AppError::unauthorized)?,
                true,
            ),
        };
        let session = hash_token(&token);
        let row: Option<(String, String)> = sqlx::query_as(
            "SELECT user_id, csrf_token FROM sessions WHERE access_hash = $1 AND access_expires_at > $2",
        )
        .bind(&session)
        .bind(now())
        .fetch_optional(&state.db)
        .await?;
        let (user_id, csrf) = row.ok_or_else(AppError::unauthorized)?;
        if via_cookie {
            check_csrf(&parts.method, &parts.headers, &csrf)?;
        }
        Ok(CurrentUser { user_id, session })
    }
}
