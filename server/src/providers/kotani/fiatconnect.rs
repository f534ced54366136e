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
    error, Credentials, CredentialsRequest, FiatAccount, FiatAccountRequest, KycResult,
    KycStatusResult, ServerClock, SiweLoginRequest, SiweSession, CHAIN_IDS, KYC_APPROVED,
    KYC_DENIED, KYC_PENDING, KYC_SCHEMAS, SANDBOX_DENY_LAST_NAME,
};
use kitty_api::ErrorBody;
use serde_json::Value;
use std::collections::BTreeMap;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

pub fn routes(router: OpenApiRouter<AppState>) -> OpenApiRouter<AppState> {
    router
        .routes(routes!(login))
        .routes(routes!(clock))
        .routes(routes!(create_credentials))
        .routes(routes!(post_kyc, delete_kyc))
        .routes(routes!(kyc_status))
        .routes(routes!(post_account, list_accounts))
        .routes(routes!(delete_account))
        .routes(routes!(quote_in))
        .routes(routes!(quote_out))
        .routes(routes!(transfer_out))
        .routes(routes!(transfer_in))
        .routes(routes!(transfer_status))
        .routes(routes!(webhooks))
        .routes(routes!(resend_webhook))
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
    let issued = message.issued_at.as_ref().unix_timestamp();
    if issued > t + 300 {
        return Err(Refused(
            error::ISSUED_TOO_EARLY,
            "The message's Issued At is ahead of the server's clock: read GET /clock.".into(),
        ));
    }
    if expires.as_ref().unix_timestamp() - issued > MAX_SESSION_SECS {
        return Err(Refused(
            error::EXPIRATION_TOO_LONG,
            "The Expiration Time is at most 4 hours after Issued At.".into(),
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
    let mut out = [0u8; 65];
    hex::decode_to_slice(h.strip_prefix("0x").unwrap_or(h), &mut out).ok()?;
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
    super::lock_partner(&mut w, &partner.user_id).await?;
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

/// A refusal in the specification's shape: `status` with one of its error names.
pub struct FcError(StatusCode, &'static str, String, Value);

impl IntoResponse for FcError {
    fn into_response(self) -> Response {
        let mut body = serde_json::to_value(ErrorBody::new(self.1, self.2)).unwrap_or(Value::Null);
        // Fields the specification adds to some errors (such as the limits of an amount).
        if let (Some(b), Value::Object(extra)) = (body.as_object_mut(), self.3) {
            b.extend(extra);
        }
        (self.0, Json(body)).into_response()
    }
}

impl From<AppError> for FcError {
    fn from(e: AppError) -> Self {
        // Storage trouble keeps our own answer; it has no name in the specification.
        let r = e.into_response();
        FcError(
            r.status(),
            "ServerError",
            "Try again in a moment.".into(),
            Value::Null,
        )
    }
}

impl From<sqlx::Error> for FcError {
    fn from(e: sqlx::Error) -> Self {
        AppError::from(e).into()
    }
}

type FcResult<T> = Result<T, FcError>;

fn not_found(what: &str) -> FcError {
    FcError(
        StatusCode::NOT_FOUND,
        "ResourceNotFound",
        format!("{what} was not found."),
        Value::Null,
    )
}

fn invalid_schema(why: impl Into<String>) -> FcError {
    FcError(
        StatusCode::BAD_REQUEST,
        "InvalidSchema",
        why.into(),
        Value::Null,
    )
}

/// The wallet signed in with the session cookie.
pub struct Wallet {
    pub address: String,
}

impl axum::extract::FromRequestParts<AppState> for Wallet {
    type Rejection = FcError;

    async fn from_request_parts(
        parts: &mut axum::http::request::Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        session_wallet(state, &parts.headers).await?.ok_or_else(|| {
            FcError(
                StatusCode::UNAUTHORIZED,
                error::UNAUTHORIZED,
                "Sign in with Ethereum first (POST /auth/login).".into(),
                Value::Null,
            )
        })
    }
}

/// The wallet of the request's session cookie, if it has one; 401 SessionExpired for a
/// session that has ended.
/// Locks a FiatConnect wallet's side for a write (PostgreSQL): its KYC, fiat accounts,
/// transfers and idempotency keys change for one writer at a time.
async fn lock_wallet(conn: &mut crate::db::Conn, wallet: &Wallet) -> AppResult<()> {
    crate::db::lock(conn, crate::db::Lock::Name("fiatconnect", &wallet.address)).await?;
    Ok(())
}

async fn session_wallet(state: &AppState, headers: &HeaderMap) -> FcResult<Option<Wallet>> {
    let jar = axum_extra::extract::cookie::CookieJar::from_headers(headers);
    let Some(token) = jar.get(SESSION_COOKIE) else {
        return Ok(None);
    };
    let row: Option<(String, i64)> = sqlx::query_as(
        "SELECT address, expires_at FROM fiatconnect_sessions WHERE token_hash = $1",
    )
    .bind(hash_token(token.value()))
    .fetch_optional(&state.db)
    .await?;
    match row {
        Some((address, expires)) if expires > now() => Ok(Some(Wallet { address })),
        Some(_) => Err(FcError(
            StatusCode::UNAUTHORIZED,
            error::SESSION_EXPIRED,
            "The session has expired: sign in again.".into(),
            Value::Null,
        )),
        None => Ok(None),
    }
}

/// A non-empty string field of `data`.
fn text<'a>(data: &'a Value, field: &str, missing: &mut Vec<String>) -> &'a str {
    match data.get(field).and_then(Value::as_str).map(str::trim) {
        Some(s) if !s.is_empty() && s.chars().count() <= 256 => s,
        _ => {
            missing.push(field.to_string());
            ""
        }
    }
}

/// PersonalDataAndDocuments as the specification writes it, or as the Kotani document's sample
/// does (with `localCurrency` and `celoPublicAddress` instead of the documents).
fn check_kyc(data: &Value) -> Result<(), String> {
    let mut missing = Vec::new();
    if !data.is_object() {
        return Err("The KYC data is a JSON object.".into());
    }
    for f in ["firstName", "lastName", "phoneNumber"] {
        text(data, f, &mut missing);
    }
    let dob = data.get("dateOfBirth");
    let part = |k: &str| {
        dob.and_then(|d| d.get(k))
            .and_then(|v| {
                v.as_str()
                    .map(str::to_string)
                    .or_else(|| v.as_i64().map(|n| n.to_string()))
            })
            .and_then(|s| s.parse::<i32>().ok())
    };
    let born = match (part("day"), part("month"), part("year")) {
        (Some(d), Some(m), Some(y)) => time::Month::try_from(u8::try_from(m).unwrap_or(0))
            .ok()
            .and_then(|m| time::Date::from_calendar_date(y, m, u8::try_from(d).ok()?).ok()),
        _ => None,
    };
    if born.is_none_or(|b| b.year() < 1900 || b.year() > 2020) {
        missing.push("dateOfBirth".into());
    }
    if !data.get("address").is_some_and(Value::is_object) {
        missing.push("address".into());
    }
    let documents =
        data.get("selfieDocument").is_some() && data.get("identificationDocument").is_some();
    let kotani = data.get("localCurrency").is_some() && data.get("celoPublicAddress").is_some();
    if !documents && !kotani {
        missing.push("identificationDocument".into());
    }
    if missing.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "These fields are missing or not valid: {}.",
            missing.join(", ")
        ))
    }
}

fn kyc_schema(schema: &str) -> FcResult<&'static str> {
    KYC_SCHEMAS
        .iter()
        .copied()
        .find(|s| *s == schema)
        .ok_or_else(|| {
            FcError(
                StatusCode::BAD_REQUEST,
                "UnsupportedSchema",
                format!("Use one of these KYC schemas: {}.", KYC_SCHEMAS.join(", ")),
                Value::Null,
            )
        })
}

/// How long the sandbox takes to decide a KYC.
const KYC_DECISION_SECS: i64 = 3;

#[utoipa::path(
    post, path = "/fiatconnect/kyc/{kycSchema}", tag = "Kotani Pay", summary = "Provide KYC data of a particular schema to the server",
    description = "The endpoint is used to create KYC info for a particular user (the signed-in wallet). Accepts the specification's PersonalDataAndDocuments and the document's sample (with localCurrency and celoPublicAddress). It is KycPending, then in sandbox mode decided within seconds: KycApproved, or KycDenied when the last name is \"Denied\".",
    params(("kycSchema" = String, Path)),
    request_body(content = Object),
    responses((status = 200, body = KycResult), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody), (status = 409, body = ErrorBody))
)]
async fn post_kyc(
    State(state): State<AppState>,
    wallet: Wallet,
    axum::extract::Path(schema): axum::extract::Path<String>,
    ApiJson(data): ApiJson<Value>,
) -> FcResult<Json<KycResult>> {
    let schema = kyc_schema(&schema)?;
    check_kyc(&data).map_err(invalid_schema)?;
    let t = now();
    let mut w = crate::db::write(&state.db).await?;
    lock_wallet(&mut w, &wallet).await?;
    let exists: Option<(String,)> =
        sqlx::query_as("SELECT status FROM fiatconnect_kyc WHERE address = $1 AND schema = $2")
            .bind(&wallet.address)
            .bind(schema)
            .fetch_optional(&mut *w)
            .await?;
    if exists.is_some() {
        return Err(FcError(
            StatusCode::CONFLICT,
            "ResourceExists",
            "This wallet has a KYC for this schema: delete it to send a new one.".into(),
            Value::Null,
        ));
    }
    sqlx::query(
        "INSERT INTO fiatconnect_kyc (address, schema, status, data, decide_at, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $6)",
    )
    .bind(&wallet.address)
    .bind(schema)
    .bind(KYC_PENDING)
    .bind(data.to_string())
    .bind(t + KYC_DECISION_SECS)
    .bind(t)
    .execute(&mut *w)
    .await?;
    w.commit().await?;
    Ok(Json(KycResult {
        kyc_status: KYC_PENDING.into(),
    }))
}

#[utoipa::path(
    get, path = "/fiatconnect/kyc/{kycSchema}/status", tag = "Kotani Pay", summary = "Query the status of a KYC verification for a specific schema type",
    params(("kycSchema" = String, Path)),
    responses((status = 200, body = KycStatusResult), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody))
)]
async fn kyc_status(
    State(state): State<AppState>,
    wallet: Wallet,
    axum::extract::Path(schema): axum::extract::Path<String>,
) -> FcResult<Json<KycStatusResult>> {
    let schema = kyc_schema(&schema)?;
    let row: Option<(String,)> =
        sqlx::query_as("SELECT status FROM fiatconnect_kyc WHERE address = $1 AND schema = $2")
            .bind(&wallet.address)
            .bind(schema)
            .fetch_optional(&state.db)
            .await?;
    let (status,) = row.ok_or_else(|| not_found("A KYC for this schema"))?;
    Ok(Json(KycStatusResult { kyc_status: status }))
}

#[utoipa::path(
    delete, path = "/fiatconnect/kyc/{kycSchema}", tag = "Kotani Pay", summary = "Delete a KYC record for a particular KYC schema",
    params(("kycSchema" = String, Path)),
    responses((status = 200, body = Object), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody))
)]
async fn delete_kyc(
    State(state): State<AppState>,
    wallet: Wallet,
    axum::extract::Path(schema): axum::extract::Path<String>,
) -> FcResult<Json<Value>> {
    let schema = kyc_schema(&schema)?;
    let mut w = crate::db::write(&state.db).await?;
    let gone = sqlx::query("DELETE FROM fiatconnect_kyc WHERE address = $1 AND schema = $2")
        .bind(&wallet.address)
        .bind(schema)
        .execute(&mut *w)
        .await?;
    if gone.rows_affected() == 0 {
        return Err(not_found("A KYC for this schema"));
    }
    w.commit().await?;
    Ok(Json(serde_json::json!({})))
}

/// Decides the KYCs whose time has come (the job runner): approved, unless the last name asks
/// for a denial. An idle tick reads without taking the write lock.
pub async fn decide_kyc(db: &crate::db::Db) -> AppResult<()> {
    let due: Vec<(String, String, String)> = sqlx::query_as(
        "SELECT address, schema, data FROM fiatconnect_kyc WHERE status = $1 AND decide_at <= $2 LIMIT 100",
    )
    .bind(KYC_PENDING)
    .bind(now())
    .fetch_all(db)
    .await?;
    if due.is_empty() {
        return Ok(());
    }
    let mut w = crate::db::write(db).await?;
    for (address, schema, data) in due {
        let data: Value = serde_json::from_str(&data).unwrap_or(Value::Null);
        let deny = data
            .get("lastName")
            .and_then(Value::as_str)
            .is_some_and(|n| n.trim().eq_ignore_ascii_case(SANDBOX_DENY_LAST_NAME));
        sqlx::query(
            "UPDATE fiatconnect_kyc SET status = $1, updated_at = $2 WHERE address = $3 AND schema = $4 AND status = $5",
        )
        .bind(if deny { KYC_DENIED } else { KYC_APPROVED })
        .bind(now())
        .bind(&address)
        .bind(&schema)
        .bind(KYC_PENDING)
        .execute(&mut *w)
        .await?;
    }
    w.commit().await?;
    Ok(())
}

/// The account types of the two fiat account schemas.
fn account_type(schema: &str) -> FcResult<&'static str> {
    match schema {
        "MobileMoney" => Ok("MobileMoney"),
        "AccountNumber" => Ok("BankAccount"),
        _ => Err(FcError(
            StatusCode::BAD_REQUEST,
            "UnsupportedSchema",
            "Use MobileMoney or AccountNumber.".into(),
            Value::Null,
        )),
    }
}

#[utoipa::path(
    post, path = "/fiatconnect/accounts", tag = "Kotani Pay", summary = "Provide fiat account data of a particular schema to the server",
    description = "The endpoint is used to create fiat accounts used for transfers. MobileMoney needs accountName, institutionName, mobile, country and operator; AccountNumber needs accountName, institutionName, accountNumber and country.",
    request_body = FiatAccountRequest,
    responses((status = 200, body = FiatAccount), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody), (status = 409, body = ErrorBody))
)]
async fn post_account(
    State(state): State<AppState>,
    wallet: Wallet,
    ApiJson(req): ApiJson<FiatAccountRequest>,
) -> FcResult<Json<FiatAccount>> {
    let kind = account_type(&req.fiat_account_schema)?;
    let mut missing = Vec::new();
    let name = text(&req.data, "accountName", &mut missing).to_string();
    let institution = text(&req.data, "institutionName", &mut missing).to_string();
    text(&req.data, "country", &mut missing);
    let number = if kind == "MobileMoney" {
        text(&req.data, "operator", &mut missing);
        let m = text(&req.data, "mobile", &mut missing);
        if !m.is_empty()
            && !m
                .trim_start_matches('+')
                .chars()
                .all(|c| c.is_ascii_digit())
        {
            missing.push("mobile".into());
        }
        m.to_string()
    } else {
        text(&req.data, "accountNumber", &mut missing).to_string()
    };
    if !missing.is_empty() {
        return Err(invalid_schema(format!(
            "These fields are missing or not valid: {}.",
            missing.join(", ")
        )));
    }
    let mut w = crate::db::write(&state.db).await?;
    lock_wallet(&mut w, &wallet).await?;
    let existing: Vec<(String,)> =
        sqlx::query_as("SELECT data FROM fiatconnect_accounts WHERE address = $1 AND schema = $2")
            .bind(&wallet.address)
            .bind(&req.fiat_account_schema)
            .fetch_all(&mut *w)
            .await?;
    let key = if kind == "MobileMoney" {
        "mobile"
    } else {
        "accountNumber"
    };
    if existing.iter().any(|(d,)| {
        serde_json::from_str::<Value>(d)
            .ok()
            .and_then(|v| {
                v.get(key)
                    .and_then(Value::as_str)
                    .map(|s| s.trim() == number)
            })
            .unwrap_or(false)
    }) {
        return Err(FcError(
            StatusCode::CONFLICT,
            "ResourceExists",
            "This account is on file already.".into(),
            Value::Null,
        ));
    }
    let id = uuid::Uuid::new_v4().to_string();
    sqlx::query(
        "INSERT INTO fiatconnect_accounts (id, seq, address, schema, account_type, account_name, institution_name, data, created_at)
         VALUES ($1, (SELECT COALESCE(MAX(seq), 0) + 1 FROM fiatconnect_accounts), $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(&id)
    .bind(&wallet.address)
    .bind(&req.fiat_account_schema)
    .bind(kind)
    .bind(&name)
    .bind(&institution)
    .bind(req.data.to_string())
    .bind(now())
    .execute(&mut *w)
    .await?;
    w.commit().await?;
    Ok(Json(FiatAccount {
        fiat_account_id: id,
        account_name: name,
        institution_name: institution,
        fiat_account_type: kind.into(),
        fiat_account_schema: req.fiat_account_schema,
    }))
}

#[utoipa::path(
    get, path = "/fiatconnect/accounts", tag = "Kotani Pay", summary = "Query for all fiat accounts on file for a user",
    description = "The signed-in wallet's fiat accounts, grouped by type (MobileMoney, BankAccount).",
    responses((status = 200, body = BTreeMap<String, Vec<FiatAccount>>), (status = 401, body = ErrorBody))
)]
async fn list_accounts(
    State(state): State<AppState>,
    wallet: Wallet,
) -> FcResult<Json<BTreeMap<String, Vec<FiatAccount>>>> {
    let rows: Vec<(String, String, String, String, String)> = sqlx::query_as(
        "SELECT id, schema, account_type, account_name, institution_name FROM fiatconnect_accounts
         WHERE address = $1 ORDER BY seq",
    )
    .bind(&wallet.address)
    .fetch_all(&state.db)
    .await?;
    let mut grouped: BTreeMap<String, Vec<FiatAccount>> = BTreeMap::new();
    for (id, schema, kind, name, institution) in rows {
        grouped.entry(kind.clone()).or_default().push(FiatAccount {
            fiat_account_id: id,
            account_name: name,
            institution_name: institution,
            fiat_account_type: kind,
            fiat_account_schema: schema,
        });
    }
    Ok(Json(grouped))
}

#[utoipa::path(
    delete, path = "/fiatconnect/accounts/{fiatAccountId}", tag = "Kotani Pay", summary = "Delete fiat account information for a particular user",
    params(("fiatAccountId" = String, Path, description = "The id of the fiat account being deleted")),
    responses((status = 200, body = Object), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody))
)]
async fn delete_account(
    State(state): State<AppState>,
    wallet: Wallet,
    axum::extract::Path(id): axum::extract::Path<String>,
) -> FcResult<Json<Value>> {
    let mut w = crate::db::write(&state.db).await?;
    let gone = sqlx::query("DELETE FROM fiatconnect_accounts WHERE id = $1 AND address = $2")
        .bind(&id)
        .bind(&wallet.address)
        .execute(&mut *w)
        .await?;
    if gone.rows_affected() == 0 {
        return Err(not_found("That fiat account"));
    }
    w.commit().await?;
    Ok(Json(serde_json::json!({})))
}

/// How long a quote is guaranteed.
const QUOTE_SECS: i64 = 5 * 60;
/// The stablecoins quoted, each worth one US dollar.
const CRYPTO_TYPES: [&str; 3] = ["cUSD", "USDC", "USDT"];

/// One fiat currency's country and amount limits (whole units).
fn fiat_limits(fiat: &str) -> Option<(&'static str, kitty_api::money::Currency, i64, i64)> {
    match fiat {
        "KES" => Some(("KE", kitty_api::money::Currency::KES, 10, 150_000)),
        "GHS" => Some(("GH", kitty_api::money::Currency::GHS, 1, 15_000)),
        _ => None,
    }
}

fn bad_request(name: &'static str, why: impl Into<String>) -> FcError {
    FcError(StatusCode::BAD_REQUEST, name, why.into(), Value::Null)
}

/// A quote either way: `transfer_type` is TransferIn (fiat to crypto) or TransferOut.
async fn quote(
    state: &AppState,
    headers: &HeaderMap,
    body: &Value,
    transfer_type: &'static str,
) -> FcResult<Value> {
    use rust_decimal::{Decimal, RoundingStrategy};
    // No sign-in needed (the specification's quotes are public): the quote is for the body's
    // address, else the signed-in wallet's.
    let session = session_wallet(state, headers).await?;
    let given = body.get("address").and_then(Value::as_str).map(str::trim);
    let owner = match (given, session) {
        (Some(a), _) => {
            let mut bytes = [0u8; 20];
            if hex::decode_to_slice(a.strip_prefix("0x").unwrap_or(a), &mut bytes).is_err() {
                return Err(invalid_schema("address is the wallet's 0x address."));
            }
            siwe::eip55(&bytes)
        }
        (None, Some(w)) => w.address,
        (None, None) => return Err(invalid_schema("Give the wallet's address.")),
    };
    let field = |k: &str| body.get(k).and_then(Value::as_str).map(str::trim);
    let fiat_type = field("fiatType").unwrap_or_default();
    let crypto_type = field("cryptoType").unwrap_or_default();
    let (country, currency, min, max) = fiat_limits(fiat_type)
        .ok_or_else(|| bad_request("FiatNotSupported", "Quotes are in KES or GHS."))?;
    if !CRYPTO_TYPES.contains(&crypto_type) {
        return Err(bad_request("CryptoNotSupported", "Quotes are for cUSD."));
    }
    if field("country") != Some(country) {
        return Err(bad_request(
            "GeoNotSupported",
            format!("{fiat_type} is paid in {country}: set country to {country}."),
        ));
    }
    let rate = super::quotes::rate_at(currency, now())
        .ok_or_else(|| bad_request("FiatNotSupported", "No rate for this currency."))?;
    let decimal = |k: &str| {
        body.get(k).and_then(|v| {
            v.as_str()
                .map(str::to_string)
                .or_else(|| v.as_f64().map(|f| format!("{f}")))
        })
    };
    let by_crypto = decimal("cryptoAmount").is_some();
    let (fiat, crypto) = match (decimal("fiatAmount"), decimal("cryptoAmount")) {
        (Some(_), Some(_)) => {
            return Err(bad_request(
                "InvalidParameters",
                "Give fiatAmount or cryptoAmount, not both.",
            ))
        }
        (Some(f), None) => {
            let f = kitty_api::crypto::amount(&f, 2, "the fiat amount")
                .ok()
                .and_then(|f| Decimal::from_str_exact(&f).ok())
                .ok_or_else(|| {
                    invalid_schema("fiatAmount is a decimal above zero with at most 2 decimals.")
                })?;
            let c = (f / rate).round_dp_with_strategy(6, RoundingStrategy::ToZero);
            (f, c)
        }
        (None, Some(c)) => {
            let c = kitty_api::crypto::amount(&c, 6, "the crypto amount")
                .ok()
                .and_then(|c| Decimal::from_str_exact(&c).ok())
                .ok_or_else(|| {
                    invalid_schema("cryptoAmount is a decimal above zero with at most 6 decimals.")
                })?;
            let f = c
                .checked_mul(rate)
                .map(|f| f.round_dp_with_strategy(2, RoundingStrategy::ToZero))
                .ok_or_else(|| bad_request("CryptoAmountTooHigh", "This amount is too large."))?;
            (f, c)
        }
        (None, None) => return Err(invalid_schema("Give fiatAmount or cryptoAmount.")),
    };
    let (lo, hi) = (Decimal::new(min, 0), Decimal::new(max, 0));
    let crypto_limits = serde_json::json!({
        "minimumFiatAmount": lo.to_string(), "maximumFiatAmount": hi.to_string(),
        "minimumCryptoAmount": (lo / rate).round_dp(6).to_string(),
        "maximumCryptoAmount": (hi / rate).round_dp(6).to_string(),
    });
    if fiat < lo || fiat > hi {
        // Named after the amount the request gave.
        let (name, msg) = match (fiat < lo, by_crypto) {
            (true, false) => (
                "FiatAmountTooLow",
                format!("Quote at least {lo} {fiat_type}."),
            ),
            (false, false) => (
                "FiatAmountTooHigh",
                format!("Quote at most {hi} {fiat_type}."),
            ),
            (true, true) => (
                "CryptoAmountTooLow",
                format!("Quote at least what pays {lo} {fiat_type}."),
            ),
            (false, true) => (
                "CryptoAmountTooHigh",
                format!("Quote at most what pays {hi} {fiat_type}."),
            ),
        };
        return Err(FcError(StatusCode::BAD_REQUEST, name, msg, crypto_limits));
    }
    let id = uuid::Uuid::new_v4().to_string();
    let t = now();
    let until = t + QUOTE_SECS;
    let mut w = crate::db::write(&state.db).await?;
    sqlx::query(
        &crate::db::amounts(&*w, "INSERT INTO fiatconnect_quotes (id, address, transfer_type, fiat_type, crypto_type, fiat_amount, crypto_amount, guaranteed_until, created_at)
         VALUES ($1, $2, $3, $4, $5, NUM($6), NUM($7), $8, $9)"),
    )
    .bind(&id)
    .bind(&owner)
    .bind(transfer_type)
    .bind(fiat_type)
    .bind(crypto_type)
    .bind(fiat.to_string())
    .bind(crypto.to_string())
    .bind(until)
    .bind(t)
    .execute(&mut *w)
    .await?;
    w.commit().await?;
    let schemas = |schema: &str| {
        serde_json::json!({
            "fiatAccountSchemas": [{"fiatAccountSchema": schema, "allowedValues": {"country": [country]}}],
            "settlementTimeLowerBound": "60", "settlementTimeUpperBound": "3600",
        })
    };
    Ok(serde_json::json!({
        "quote": {
            "fiatType": fiat_type, "cryptoType": crypto_type,
            "fiatAmount": fiat.to_string(), "cryptoAmount": crypto.to_string(),
            "quoteId": id, "guaranteedUntil": rfc3339(until), "transferType": transfer_type,
            "fee": "0", "feeType": "PlatformFee", "feeFrequency": "OneTime",
        },
        "kyc": {
            "kycRequired": true,
            "kycSchemas": [{"kycSchema": KYC_SCHEMAS[0], "allowedValues": {"isoCountryCode": [country]}}],
        },
        "fiatAccount": {
            "MobileMoney": schemas("MobileMoney"),
            "BankAccount": schemas("AccountNumber"),
        },
    }))
}

#[utoipa::path(
    post, path = "/fiatconnect/quote/in", tag = "Kotani Pay", summary = "Retrieve a quote for a transfer from fiat to crypto",
    description = "The endpoint is used to create quotes for transfers from fiat to crypto: KES (country KE) or GHS (GH) into cUSD, for the body's `address` (no sign-in needed), with `fiatAmount` or `cryptoAmount` (not both). The answer has the quote (guaranteed for 5 minutes), the KYC schemas required, and the fiat account types with their schemas and fees. Amounts out of range are 400 FiatAmountTooLow/High (or CryptoAmountTooLow/High when `cryptoAmount` was given) with the limits.",
    request_body(content = Object),
    responses((status = 200, body = Object), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody))
)]
async fn quote_in(
    State(state): State<AppState>,
    headers: HeaderMap,
    ApiJson(body): ApiJson<Value>,
) -> FcResult<Json<Value>> {
    Ok(Json(quote(&state, &headers, &body, "TransferIn").await?))
}

#[utoipa::path(
    post, path = "/fiatconnect/quote/out", tag = "Kotani Pay", summary = "Retrieve a quote for a transfer from crypto to fiat",
    description = "The endpoint is used to create quotes for transfers from crypto to fiat, the same way as quotes in.",
    request_body(content = Object),
    responses((status = 200, body = Object), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody))
)]
async fn quote_out(
    State(state): State<AppState>,
    headers: HeaderMap,
    ApiJson(body): ApiJson<Value>,
) -> FcResult<Json<Value>> {
    Ok(Json(quote(&state, &headers, &body, "TransferOut").await?))
}

/// The transfer states of the specification.
const STARTED: &str = "TransferStarted";
const RECEIVED_FIAT: &str = "TransferReceivedFiatFunds";
const READY_FOR_CRYPTO: &str = "TransferReadyForUserToSendCryptoFunds";
const RECEIVED_CRYPTO: &str = "TransferReceivedCryptoFunds";
const COMPLETE: &str = "TransferComplete";
const FAILED: &str = "TransferFailed";
/// How long the simulated M-Pesa takes to pay once the crypto has arrived.
const PAYOUT_SECS: i64 = 2;

#[utoipa::path(
    post, path = "/fiatconnect/transfer/out", tag = "Kotani Pay", summary = "Initiate a new transfer from crypto to fiat",
    description = "The endpoint is used to initiate a new transfer from crypto to fiat: a TransferOut quote (still guaranteed, used once) to one of the wallet's fiat accounts, once its KYC is approved. The answer's `transferAddress` is a fresh Celo address: the transfer is TransferReadyForUserToSendCryptoFunds until the quote's cUSD arrives there, then M-Pesa pays the account and it is TransferComplete (TransferFailed when the payout fails). The `Idempotency-Key` header is required: the same key with the same body replays the first answer exactly, with another body it is a 422.",
    params(("Idempotency-Key" = String, Header, description = "An idempotency key generated by the client")),
    request_body(content = Object),
    responses((status = 200, body = Object), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody), (status = 422, body = ErrorBody))
)]
async fn transfer_out(
    State(state): State<AppState>,
    wallet: Wallet,
    headers: HeaderMap,
    body: axum::body::Bytes,
) -> FcResult<Response> {
    start_transfer(&state, &wallet, &headers, &body, "TransferOut").await
}

#[utoipa::path(
    post, path = "/fiatconnect/transfer/in", tag = "Kotani Pay", summary = "Initiate a new transfer from fiat to crypto",
    description = "The endpoint is used to initiate a new transfer from fiat to crypto: a TransferIn quote (still guaranteed, used once) from one of the wallet's fiat accounts, once its KYC is approved. TransferStarted; in sandbox mode the fiat arrives by itself a moment later (TransferReceivedFiatFunds), then the quote's cUSD goes to the wallet's address (TransferComplete, with its txHash). The `Idempotency-Key` header is required, as for transfers out.",
    params(("Idempotency-Key" = String, Header, description = "An idempotency key generated by the client")),
    request_body(content = Object),
    responses((status = 200, body = Object), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody), (status = 422, body = ErrorBody))
)]
async fn transfer_in(
    State(state): State<AppState>,
    wallet: Wallet,
    headers: HeaderMap,
    body: axum::body::Bytes,
) -> FcResult<Response> {
    start_transfer(&state, &wallet, &headers, &body, "TransferIn").await
}

/// The Fiat Connect client whose API key the request carries (`Authorization: Bearer fc_…`).
async fn client_of(state: &AppState, headers: &HeaderMap) -> FcResult<Option<String>> {
    let Some(key) = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(str::trim)
        .filter(|k| k.starts_with("fc_"))
    else {
        return Ok(None);
    };
    let row: Option<(String,)> =
        sqlx::query_as("SELECT user_id FROM fiatconnect_clients WHERE api_key_hash = $1")
            .bind(hash_token(key))
            .fetch_optional(&state.db)
            .await?;
    row.map(|r| Some(r.0)).ok_or_else(|| {
        FcError(
            StatusCode::UNAUTHORIZED,
            error::UNAUTHORIZED,
            "This API key is not valid.".into(),
            Value::Null,
        )
    })
}

async fn start_transfer(
    state: &AppState,
    wallet: &Wallet,
    headers: &HeaderMap,
    body: &[u8],
    direction: &'static str,
) -> FcResult<Response> {
    let client = client_of(state, headers).await?;
    let key = headers
        .get("idempotency-key")
        .and_then(|v| v.to_str().ok())
        .map(str::trim)
        .filter(|k| !k.is_empty() && k.len() <= 200)
        .ok_or_else(|| {
            bad_request(
                "InvalidParameters",
                "Send an Idempotency-Key header (at most 200 characters).",
            )
        })?
        .to_string();
    let req: Value = serde_json::from_slice(body)
        .map_err(|_| invalid_schema("The body is a JSON object with fiatAccountId and quoteId."))?;
    let field = |k: &str| {
        req.get(k)
            .and_then(Value::as_str)
            .map(str::trim)
            .unwrap_or_default()
            .to_string()
    };
    let (account_id, quote_id) = (field("fiatAccountId"), field("quoteId"));
    if account_id.is_empty() || quote_id.is_empty() {
        return Err(invalid_schema("Give fiatAccountId and quoteId."));
    }
    let request_hash = crate::idempotency::hash(body);
    let scope = format!("fiatconnect:{}", wallet.address);
    let mut w = crate::db::write(&state.db).await?;
    lock_wallet(&mut w, wallet).await?;
    match crate::idempotency::look_up(&mut w, &scope, &key, &request_hash).await? {
        crate::idempotency::Seen::Replay { status, body } => {
            let status = StatusCode::from_u16(status).unwrap_or(StatusCode::OK);
            return Ok((status, [(header::CONTENT_TYPE, "application/json")], body).into_response());
        }
        crate::idempotency::Seen::Mismatch => {
            return Err(FcError(
                StatusCode::UNPROCESSABLE_ENTITY,
                "InvalidParameters",
                "This Idempotency-Key was used with another request: use a new key.".into(),
                Value::Null,
            ))
        }
        crate::idempotency::Seen::New => {}
    }
    let quote: Option<(String, String, String, String, String, i64)> = sqlx::query_as(
        &crate::db::amounts(&*w, "SELECT transfer_type, fiat_type, crypto_type, DEC(fiat_amount), DEC(crypto_amount), guaranteed_until
         FROM fiatconnect_quotes WHERE id = $1 AND address = $2"),
    )
    .bind(&quote_id)
    .bind(&wallet.address)
    .fetch_optional(&mut *w)
    .await?;
    let (kind, fiat_type, crypto_type, fiat_amount, crypto_amount, until) = quote
        .ok_or_else(|| bad_request("InvalidQuote", "There is no such quote for this wallet."))?;
    if kind != direction {
        return Err(bad_request(
            "InvalidQuote",
            format!("This quote is for a {kind}, not a {direction}."),
        ));
    }
    if until <= now() {
        return Err(bad_request(
            "QuoteExpired",
            "The quote has expired: ask for a new one.",
        ));
    }
    if crypto_type != "cUSD" {
        return Err(bad_request(
            "CryptoNotSupported",
            "Transfers move cUSD on Celo.",
        ));
    }
    let used: Option<(String,)> =
        sqlx::query_as("SELECT id FROM fiatconnect_transfers WHERE quote_id = $1")
            .bind(&quote_id)
            .fetch_optional(&mut *w)
            .await?;
    if used.is_some() {
        return Err(bad_request(
            "InvalidQuote",
            "This quote has a transfer already.",
        ));
    }
    let approved: Option<(String,)> =
        sqlx::query_as("SELECT schema FROM fiatconnect_kyc WHERE address = $1 AND status = $2")
            .bind(&wallet.address)
            .bind(KYC_APPROVED)
            .fetch_optional(&mut *w)
            .await?;
    if approved.is_none() {
        return Err(bad_request(
            "TransferNotAllowed",
            "The wallet's KYC is not approved yet.",
        ));
    }
    let account: Option<(String, String)> = sqlx::query_as(
        "SELECT account_type, data FROM fiatconnect_accounts WHERE id = $1 AND address = $2",
    )
    .bind(&account_id)
    .bind(&wallet.address)
    .fetch_optional(&mut *w)
    .await?;
    let (account_type, data) = account.ok_or_else(|| {
        bad_request(
            "InvalidFiatAccount",
            "There is no such fiat account for this wallet.",
        )
    })?;
    let phone = (account_type == "MobileMoney")
        .then(|| {
            serde_json::from_str::<Value>(&data).ok().and_then(|d| {
                d.get("mobile")
                    .and_then(Value::as_str)
                    .map(|m| m.trim_start_matches('+').to_string())
            })
        })
        .flatten();
    let id = uuid::Uuid::new_v4().to_string();
    let t = now();
    // Out: the wallet sends to a fresh address. In: the coins go to the wallet.
    let (address, status, pays_at) = if direction == "TransferOut" {
        (
            crate::chain::new_address(kitty_api::crypto::Network::Celo),
            READY_FOR_CRYPTO,
            None,
        )
    } else {
        (wallet.address.clone(), STARTED, Some(t + PAYOUT_SECS))
    };
    sqlx::query(
        &crate::db::amounts(&*w, "INSERT INTO fiatconnect_transfers (id, seq, address, transfer_type, quote_id, fiat_account_id, status, fiat_type,
             crypto_type, fiat_amount, crypto_amount, transfer_address, phone_number, created_at, updated_at, pays_at, client_user_id)
         VALUES ($1, (SELECT COALESCE(MAX(seq), 0) + 1 FROM fiatconnect_transfers), $2, $13, $3, $4, $5, $6, $7, NUM($8), NUM($9), $10, $11, $12, $12, $14, $15)"),
    )
    .bind(&id)
    .bind(&wallet.address)
    .bind(&quote_id)
    .bind(&account_id)
    .bind(status)
    .bind(&fiat_type)
    .bind(&crypto_type)
    .bind(&fiat_amount)
    .bind(&crypto_amount)
    .bind(&address)
    .bind(&phone)
    .bind(t)
    .bind(direction)
    .bind(pays_at)
    .bind(&client)
    .execute(&mut *w)
    .await?;
    let answer = serde_json::json!({
        "transferId": id, "transferStatus": status, "transferAddress": address,
    })
    .to_string();
    notify(&mut w, &id).await?;
    crate::idempotency::store(&mut w, &scope, &key, &request_hash, 200, &answer).await?;
    w.commit().await?;
    Ok((
        StatusCode::OK,
        [(header::CONTENT_TYPE, "application/json")],
        answer,
    )
        .into_response())
}

/// status, type, fiat and crypto types and amounts, account, address, tx hash.
type TransferRow = (
    String,
    String,
    String,
    String,
    String,
    String,
    String,
    String,
    Option<String>,
);

#[utoipa::path(
    get, path = "/fiatconnect/transfer/{transferId}/status", tag = "Kotani Pay", summary = "Check the status of a transfer",
    params(("transferId" = String, Path, description = "The id of the tranfer being requested")),
    responses((status = 200, body = Object), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody))
)]
async fn transfer_status(
    State(state): State<AppState>,
    wallet: Wallet,
    axum::extract::Path(id): axum::extract::Path<String>,
) -> FcResult<Json<Value>> {
    let mut conn = state.db.acquire().await?;
    let (address, v) = status_of(&mut conn, &id)
        .await?
        .ok_or_else(|| not_found("That transfer"))?;
    if address != wallet.address {
        return Err(not_found("That transfer"));
    }
    Ok(Json(v))
}

/// A transfer's documented status fields, and the wallet it belongs to.
async fn status_of(conn: &mut crate::db::Conn, id: &str) -> AppResult<Option<(String, Value)>> {
    let row: Option<(String, TransferRow)> = sqlx::query_as::<_, (String, String, String, String, String, String, String, String, String, Option<String>)>(
        &crate::db::amounts(&*conn, "SELECT address, status, transfer_type, fiat_type, crypto_type, DEC(fiat_amount), DEC(crypto_amount), fiat_account_id, transfer_address, tx_hash
         FROM fiatconnect_transfers WHERE id = $1"),
    )
    .bind(id)
    .fetch_optional(&mut *conn)
    .await?
    .map(|(a, s, k, ft, ct, f, c, acc, ad, tx)| (a, (s, k, ft, ct, f, c, acc, ad, tx)));
    let Some((
        address,
        (status, kind, fiat_type, crypto_type, fiat, crypto, account, transfer_address, tx),
    )) = row
    else {
        return Ok(None);
    };
    let (provided, received) = if kind == "TransferOut" {
        (crypto, fiat)
    } else {
        (fiat, crypto)
    };
    let mut v = serde_json::json!({
        "status": status, "transferType": kind, "fiatType": fiat_type, "cryptoType": crypto_type,
        "amountProvided": provided, "amountReceived": received, "fee": "0",
        "fiatAccountId": account, "transferId": id, "transferAddress": transfer_address,
    });
    if let (Some(tx), Some(o)) = (tx, v.as_object_mut()) {
        o.insert("txHash".into(), Value::String(tx));
    }
    Ok(Some((address, v)))
}

/// The transfer's client hears of its status (in the caller's write): a webhook through the
/// delivery outbox, signed with the client's `webhookSecret` (Standard Webhooks headers).
async fn notify(conn: &mut crate::db::Conn, id: &str) -> AppResult<()> {
    let client: Option<(Option<String>,)> =
        sqlx::query_as("SELECT client_user_id FROM fiatconnect_transfers WHERE id = $1")
            .bind(id)
            .fetch_optional(&mut *conn)
            .await?;
    let Some((Some(client),)) = client else {
        return Ok(());
    };
    let hook: Option<(String, String)> = sqlx::query_as(
        "SELECT webhook, webhook_secret FROM fiatconnect_clients WHERE user_id = $1",
    )
    .bind(&client)
    .fetch_optional(&mut *conn)
    .await?;
    let (Some((url, secret)), Some((address, payload))) = (hook, status_of(conn, id).await?) else {
        return Ok(());
    };
    let event = if payload["transferType"] == "TransferOut" {
        "WebhookTransferOutStatusEvent"
    } else {
        "WebhookTransferInStatusEvent"
    };
    let body = serde_json::json!({
        "eventType": event, "provider": "kotani-pay", "eventId": uuid::Uuid::new_v4().to_string(),
        "timestamp": rfc3339(now()), "address": address, "payload": payload,
    });
    crate::deliveries::enqueue(
        conn,
        &client,
        &url,
        &format!("fiatconnect.{event}"),
        &body.to_string(),
        Some(&secret),
    )
    .await
}

#[utoipa::path(
    get, path = "/api/v2/fiatconnect/webhooks", tag = "Kotani Pay", summary = "List the Fiat Connect webhook deliveries.",
    description = "Every transfer status sent to the partner's Fiat Connect webhook, newest first, with its tries and the last answer.",
    responses((status = 200, body = kitty_api::ramp::DeliveryList), (status = 401, body = ErrorBody)),
    security(("bearer" = []))
)]
async fn webhooks(
    State(state): State<AppState>,
    user: CurrentUser,
) -> AppResult<Json<kitty_api::ramp::DeliveryList>> {
    Ok(Json(kitty_api::ramp::DeliveryList {
        deliveries: crate::deliveries::list(&state.db, &user.user_id, "fiatconnect.").await?,
    }))
}

#[utoipa::path(
    post, path = "/api/v2/fiatconnect/webhooks/{id}/resend", tag = "Kotani Pay", summary = "Send a Fiat Connect webhook delivery again.",
    description = "Queues the delivery for another try at once, with the same webhook-id, payload and signature secret.",
    params(("id" = String, Path)),
    responses((status = 200, body = kitty_api::ramp::Delivery), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)),
    security(("bearer" = []))
)]
async fn resend_webhook(
    State(state): State<AppState>,
    user: CurrentUser,
    axum::extract::Path(id): axum::extract::Path<String>,
) -> AppResult<Json<kitty_api::ramp::Delivery>> {
    Ok(Json(
        crate::deliveries::resend(&state.db, &user.user_id, "fiatconnect.", &id).await?,
    ))
}

/// The chain announces transfer `tx_hash` (in the caller's write): cUSD reaching a transfer's
/// address, at least the quote's amount, starts its payout.
pub async fn credit(conn: &mut crate::db::Conn, tx_hash: &str) -> AppResult<()> {
    let t: Option<(String, String, String, String)> = sqlx::query_as(&crate::db::amounts(
        &*conn,
        "SELECT network, currency, to_address, DEC(amount) FROM chain_transfers WHERE tx_hash = $1",
    ))
    .bind(tx_hash)
    .fetch_optional(&mut *conn)
    .await?;
    let Some((network, currency, to, amount)) = t else {
        return Ok(());
    };
    if network != "celo" || currency != "cusd" {
        return Ok(());
    }
    let transfer: Option<(String, String)> = sqlx::query_as(
        &crate::db::amounts(&*conn, "SELECT id, DEC(crypto_amount) FROM fiatconnect_transfers WHERE transfer_address = $1 AND status = $2 AND tx_hash IS NULL"),
    )
    .bind(&to)
    .bind(READY_FOR_CRYPTO)
    .fetch_optional(&mut *conn)
    .await?;
    let Some((id, wanted)) = transfer else {
        return Ok(());
    };
    let enough = rust_decimal::Decimal::from_str_exact(&amount).ok()
        >= rust_decimal::Decimal::from_str_exact(&wanted).ok();
    if !enough {
        return Ok(());
    }
    sqlx::query("UPDATE fiatconnect_transfers SET status = $5, tx_hash = $1, pays_at = $2, updated_at = $3 WHERE id = $4")
        .bind(tx_hash)
        .bind(now() + PAYOUT_SECS)
        .bind(now())
        .bind(&id)
        .bind(RECEIVED_CRYPTO)
        .execute(&mut *conn)
        .await?;
    notify(conn, &id).await
}

/// id, type, status, phone, fiat amount and type, crypto amount.
type DueRow = (
    String,
    String,
    String,
    Option<String>,
    String,
    String,
    String,
);

/// Moves the transfers that are due (the job runner). Out: the coins arrived, so M-Pesa credits
/// the account's phone and the transfer is complete (a switched-off phone, ending 0000, fails
/// it). In: the fiat arrives (the sandbox plays the person's payment), then the coins go to the
/// wallet. Every change is told to the client's webhook.
pub async fn pay_due(db: &crate::db::Db) -> AppResult<()> {
    let due: Vec<DueRow> = sqlx::query_as(
        &crate::db::amounts(db, "SELECT id, transfer_type, status, phone_number, DEC(fiat_amount), fiat_type, DEC(crypto_amount) FROM fiatconnect_transfers
         WHERE status IN ($1, $2, $3) AND pays_at IS NOT NULL AND pays_at <= $4 LIMIT 50"),
    )
    .bind(RECEIVED_CRYPTO)
    .bind(STARTED)
    .bind(RECEIVED_FIAT)
    .bind(now())
    .fetch_all(db)
    .await?;
    if due.is_empty() {
        return Ok(());
    }
    let mut w = crate::db::write(db).await?;
    for (id, kind, status, phone, fiat, fiat_type, crypto) in due {
        let (next, tx, pays_at) = match (kind.as_str(), status.as_str()) {
            // In: the fiat arrived (the sandbox plays the person's payment) …
            ("TransferIn", STARTED) => (RECEIVED_FIAT, None, Some(now() + PAYOUT_SECS)),
            // … then the coins go to the wallet.
            ("TransferIn", _) => {
                let (address,): (String,) = sqlx::query_as(
                    "SELECT transfer_address FROM fiatconnect_transfers WHERE id = $1",
                )
                .bind(&id)
                .fetch_one(&mut *w)
                .await?;
                let asset = kitty_api::crypto::chain_asset("cusd")
                    .ok_or_else(|| AppError::internal("no cUSD on the sandbox chain"))?;
                let amount = rust_decimal::Decimal::from_str_exact(&crypto)
                    .map_err(|_| AppError::internal("a stored amount is not decimal"))?;
                let sent = crate::chain::send(&mut w, asset, &address, None, amount).await?;
                (COMPLETE, Some(sent.tx_hash), None)
            }
            // Out: the coins arrived; M-Pesa pays the account's phone.
            _ => {
                let currency = kitty_api::money::Currency::from_code(&fiat_type)
                    .unwrap_or(kitty_api::money::Currency::KES);
                let minor = rust_decimal::Decimal::from_str_exact(&fiat)
                    .ok()
                    .and_then(|f| {
                        i64::try_from((f * rust_decimal::Decimal::ONE_HUNDRED).trunc()).ok()
                    })
                    .unwrap_or(0);
                let next = match phone {
                    Some(p) if !p.ends_with("0000") => {
                        crate::mpesa::credit_handset(
                            &mut w,
                            &p,
                            minor,
                            currency,
                            "Kotani Pay (Fiat Connect)",
                        )
                        .await?;
                        COMPLETE
                    }
                    Some(_) => FAILED,
                    // A bank account: the sandbox's bank pays at once.
                    None => COMPLETE,
                };
                (next, None, None)
            }
        };
        sqlx::query(
            "UPDATE fiatconnect_transfers SET status = $1, tx_hash = COALESCE($2, tx_hash), pays_at = $3, updated_at = $4 WHERE id = $5",
        )
        .bind(next)
        .bind(&tx)
        .bind(pays_at)
        .bind(now())
        .bind(&id)
        .execute(&mut *w)
        .await?;
        notify(&mut w, &id).await?;
    }
    w.commit().await?;
    Ok(())
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
