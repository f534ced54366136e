//! Fiat Connect's sign-in and clock, at the specification's paths below `/kotani/fiatconnect`,
//! and the partner's Fiat Connect API credentials.
//!
//! A wallet signs in with an EIP-4361 (SIWE) message and its EIP-191 signature. The `siwe` crate
//! parses the message and recovers the signer with secp256k1 (`k256`); this module checks what
//! the specification asks of a server: the domain is this server's host (with or without its
//! port), the URI is on this server, the chain is Celo or Alfajores, the message has an
//! expiration time and has not expired, and each nonce is used once. Failures are 401 with the
//! specification's error names; success sets a session cookie for the wallet.

use crate::clock::rfc3339;
use crate::db::{is_unique_violation, now};
use crate::error::{ApiJson, AppError, AppResult};
use crate::session::{hash_token, random_token, CurrentUser};
use crate::AppState;
use axum::extract::State;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use kitty_api::fiatconnect::{
    error, Credentials, CredentialsRequest, ServerClock, SiweLoginRequest, SiweSession, CHAIN_IDS,
};
use kitty_api::ErrorBody;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

pub fn routes(router: OpenApiRouter<AppState>) -> OpenApiRouter<AppState> {
    router
        .routes(routes!(login))
        .routes(routes!(clock))
        .routes(routes!(create_credentials))
}

/// The wallet session's cookie, sent back on every Fiat Connect request.
pub const SESSION_COOKIE: &str = "fiatconnect_session";
/// A session lasts until the message's expiration time, and at most this long.
const MAX_SESSION_SECS: i64 = 4 * 3600;

/// A sign-in refusal: 401 with one of the specification's error names.
struct Refused(&'static str, String);

impl IntoResponse for Refused {
    fn into_response(self) -> Response {
        (
            StatusCode::UNAUTHORIZED,
            Json(ErrorBody::new(self.0, self.1)),
        )
            .into_response()
    }
}

fn invalid(why: impl Into<String>) -> Refused {
    Refused(error::INVALID_SIWE_MESSAGE, why.into())
}

/// The host name a request was sent to, without its port.
fn request_host(headers: &HeaderMap) -> String {
    let host = headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .unwrap_or_default();
    host.parse::<axum::http::uri::Authority>()
        .map(|a| a.host().to_ascii_lowercase())
        .unwrap_or_default()
}

/// The checks on a parsed, signed message, with `host` and the time `t` as this server sees them.
fn check(message: &siwe::Message, host: &str, t: i64) -> Result<(), Refused> {
    if message.domain.host().to_ascii_lowercase() != host {
        return Err(invalid(format!(
            "The message's domain is {}; sign in for {host}.",
            message.domain
        )));
    }
    let uri_host = message
        .uri
        .authority_components()
        .map(|a| a.host().to_ascii_lowercase());
    if uri_host.as_deref() != Some(host) {
        return Err(invalid(format!(
            "The message's URI {} is not on {host}.",
            message.uri
        )));
    }
    if !CHAIN_IDS.contains(&message.chain_id) {
        return Err(invalid(format!(
            "Chain {} is not served here: use Celo (42220) or Alfajores (44787).",
            message.chain_id
        )));
    }
    let at = time::OffsetDateTime::from_unix_timestamp(t)
        .map_err(|_| invalid("The server's clock is out of range."))?;
    let Some(expires) = &message.expiration_time else {
        return Err(invalid("The message needs an Expiration Time."));
    };
    if *expires.as_ref() <= at {
        return Err(Refused(
            error::EXPIRED_SIWE_MESSAGE,
            "The message has expired: sign a new one.".into(),
        ));
    }
    if message
        .not_before
        .as_ref()
        .is_some_and(|nb| *nb.as_ref() > at)
    {
        return Err(invalid("The message is not valid yet (Not Before)."));
    }
    Ok(())
}

fn signature_bytes(hex_text: &str) -> Option<[u8; 65]> {
    let h = hex_text.trim();
    let h = h.strip_prefix("0x").unwrap_or(h);
    if h.len() != 130 || !h.chars().all(|c| c.is_ascii_hexdigit()) {
        return None;
    }
    let mut out = [0u8; 65];
    for (i, b) in out.iter_mut().enumerate() {
        *b = u8::from_str_radix(&h[2 * i..2 * i + 2], 16).ok()?;
    }
    Some(out)
}

#[utoipa::path(
    post, path = "/fiatconnect/auth/login", tag = "Kotani Pay", summary = "Fiat Connect Client login",
    description = "Log in with a SIWE message and get a session cookie. The message's domain must be this server's host (the port may be left out), its URI on this server, its chain Celo (42220) or Alfajores (44787), with an Expiration Time still ahead; each nonce is used once. Refusals are 401 with the specification's error names: InvalidSiweMessage, InvalidSignature, NonceInUse, ExpiredSiweMessage.",
    request_body = SiweLoginRequest,
    responses((status = 200, body = SiweSession), (status = 401, body = ErrorBody))
)]
async fn login(
    State(state): State<AppState>,
    headers: HeaderMap,
    ApiJson(req): ApiJson<SiweLoginRequest>,
) -> Result<Response, Response> {
    let refuse = |r: Refused| r.into_response();
    let message: siwe::Message = req
        .message
        .parse()
        .map_err(|e| refuse(invalid(format!("This is not a SIWE message: {e}."))))?;
    let signature = signature_bytes(&req.signature).ok_or_else(|| {
        refuse(Refused(
            error::INVALID_SIGNATURE,
            "The signature is 65 bytes in hex.".into(),
        ))
    })?;
    message.verify_eip191(&signature).map_err(|_| {
        refuse(Refused(
            error::INVALID_SIGNATURE,
            "The signature is not the message's address's.".into(),
        ))
    })?;
    let t = now();
    check(&message, &request_host(&headers), t).map_err(refuse)?;
    let address = siwe::eip55(&message.address);
    let expires = message
        .expiration_time
        .as_ref()
        .map_or(t, |e| e.as_ref().unix_timestamp())
        .min(t + MAX_SESSION_SECS);
    let token = random_token();
    let mut w = crate::db::write(&state.db)
        .await
        .map_err(|e| AppError::from(e).into_response())?;
    let used =
        sqlx::query("INSERT INTO fiatconnect_nonces (nonce, address, used_at) VALUES ($1, $2, $3)")
            .bind(&message.nonce)
            .bind(&address)
            .bind(t)
            .execute(&mut *w)
            .await;
    match used {
        Err(e)
            if is_unique_violation(&e, "fiatconnect_nonces")
                || is_unique_violation(&e, "nonce") =>
        {
            return Err(refuse(Refused(
                error::NONCE_IN_USE,
                "This nonce was used before: sign a message with a new one.".into(),
            )))
        }
        other => other.map_err(|e| AppError::from(e).into_response())?,
    };
    sqlx::query(
        "INSERT INTO fiatconnect_sessions (token_hash, address, chain_id, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(hash_token(&token))
    .bind(&address)
    .bind(i64::try_from(message.chain_id).unwrap_or(0))
    .bind(t)
    .bind(expires)
    .execute(&mut *w)
    .await
    .map_err(|e| AppError::from(e).into_response())?;
    w.commit()
        .await
        .map_err(|e| AppError::from(e).into_response())?;
    let cookie = axum_extra::extract::cookie::Cookie::build((SESSION_COOKIE, token))
        .path("/kotani/fiatconnect")
        .max_age(time::Duration::seconds(expires - t))
        .same_site(axum_extra::extract::cookie::SameSite::Lax)
        .http_only(true)
        .secure(crate::session::secure(&state, &headers))
        .build();
    let mut response = Json(SiweSession {
        address,
        expires_at: rfc3339(expires),
    })
    .into_response();
    if let Ok(v) = HeaderValue::from_str(&cookie.to_string()) {
        response.headers_mut().insert(header::SET_COOKIE, v);
    }
    Ok(response)
}

#[utoipa::path(
    get, path = "/fiatconnect/clock", tag = "Kotani Pay", summary = "Get the server's current time",
    description = "The server's clock, so a wallet can make its sign-in message's times agree with it.",
    responses((status = 200, body = ServerClock))
)]
async fn clock() -> Json<ServerClock> {
    Json(ServerClock {
        time: rfc3339(now()),
    })
}

#[utoipa::path(
    post, path = "/api/v2/fiatconnect/credentials", tag = "Kotani Pay", summary = "Create Fiat Connect api-credentials",
    description = "Register Fiat Connect client Webhooks and get API key Credentials. The API key and the webhook's signing secret are shown this once; asking again replaces them.",
    request_body = CredentialsRequest,
    responses((status = 201, body = Credentials), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody), (status = 401, body = ErrorBody)),
    security(("bearer" = []))
)]
async fn create_credentials(
    State(state): State<AppState>,
    user: CurrentUser,
    ApiJson(req): ApiJson<CredentialsRequest>,
) -> AppResult<(StatusCode, Json<Credentials>)> {
    let partner = super::partner_of(&state.db, &user.user_id).await?;
    let webhook = kitty_api::validate::http_url(req.webhook.trim())
        .map_err(|m| AppError::field("webhook", m))?;
    let api_key = format!("fc_{}", random_token());
    let secret = crate::deliveries::new_secret();
    let mut w = crate::db::write(&state.db).await?;
    sqlx::query("DELETE FROM fiatconnect_clients WHERE user_id = $1")
        .bind(&partner.user_id)
        .execute(&mut *w)
        .await?;
    sqlx::query(
        "INSERT INTO fiatconnect_clients (user_id, api_key_hash, webhook, webhook_secret, created_at) VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(&partner.user_id)
    .bind(hash_token(&api_key))
    .bind(&webhook)
    .bind(&secret)
    .bind(now())
    .execute(&mut *w)
    .await?;
    w.commit().await?;
    Ok((
        StatusCode::CREATED,
        Json(Credentials {
            api_key,
            webhook,
            webhook_secret: secret,
        }),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The `siwe` crate's own published vector: a message and its signature by a known key.
    const MESSAGE: &str = "localhost:4361 wants you to sign in with your Ethereum account:
0x6Da01670d8fc844e736095918bbE11fE8D564163

SIWE Notepad Example

URI: http://localhost:4361
Version: 1
Chain ID: 1
Nonce: kEWepMt9knR6lWJ6A
Issued At: 2021-12-07T18:28:18.807Z";
    const SIGNATURE: &str = "6228b3ecd7bf2df018183aeab6b6f1db1e9f4e3cbe24560404112e25363540eb679934908143224d746bbb5e1aa65ab435684081f4dbb74a0fec57f98f40f5051c";

    #[test]
    fn the_published_vector_verifies_and_our_checks_read_it() {
        let m: siwe::Message = MESSAGE.parse().unwrap();
        let sig = signature_bytes(SIGNATURE).unwrap();
        assert!(m.verify_eip191(&sig).is_ok());
        assert_eq!(
            siwe::eip55(&m.address),
            "0x6Da01670d8fc844e736095918bbE11fE8D564163"
        );
        // Chain 1 and no expiration time: refused, for those reasons.
        let t = 1_638_901_700;
        let r = check(&m, "localhost", t).unwrap_err();
        assert_eq!(r.0, error::INVALID_SIWE_MESSAGE);
        assert!(r.1.contains("Chain 1"), "{}", r.1);
        let r = check(&m, "example.com", t).unwrap_err();
        assert!(r.1.contains("domain"), "{}", r.1);
        // One byte of the signature changed: another signer.
        let mut bad = sig;
        bad[10] ^= 1;
        assert!(m.verify_eip191(&bad).is_err());
        assert!(signature_bytes("0x12").is_none());
    }
}
