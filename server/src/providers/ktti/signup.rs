//! KttiPay's other doors into the one account store: registration in two steps ("Register user."
//! then "Set user password to finish registration."), "Login user using social." (an OpenID
//! Connect ID token, see `crate::oidc`), and "Get KYC details for the current authenticated
//! user.".

use crate::accounts::{self, NewAccount};
use crate::clock::rfc3339;
use crate::db::now;
use crate::error::{ApiJson, AppError, AppResult};
use crate::providers::kpay::auth::token_response;
use crate::ratelimit::RateLimiter;
use crate::session::{self, hash_token, random_token, CurrentUser};
use crate::AppState;
use axum::extract::{ConnectInfo, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use axum::Json;
use kitty_api::account::{KycDetails, KycDocument, KycStatus};
use kitty_api::auth::{
    Contact, FinishRegistrationRequest, RegistrationStarted, SocialLoginRequest, SocialNonce,
    StartRegistrationRequest, TokenResponse,
};
use kitty_api::ErrorBody;
use rand::Rng;
use std::net::SocketAddr;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

pub fn routes(router: OpenApiRouter<AppState>) -> OpenApiRouter<AppState> {
    router
        .routes(routes!(register))
        .routes(routes!(finish_registration))
        .routes(routes!(social_nonce))
        .routes(routes!(social_login))
        .routes(routes!(kyc))
}

/// A registration code works this long, and for five tries.
const CODE_TTL_SECS: i64 = 15 * 60;
const MAX_TRIES: i64 = 5;
/// Codes sent to one email or mobile number: three in 15 minutes.
static CODES: RateLimiter = RateLimiter::new("registration-code", 3, 15 * 60);
/// A social sign-in's nonce works this long.
const NONCE_TTL_SECS: i64 = 10 * 60;

fn column(contact: &Contact) -> &'static str {
    match contact {
        Contact::Email(_) => "email",
        Contact::Mobile(_) => "mobile",
    }
}

#[utoipa::path(
    post, path = "/api/v2/registration", tag = "KttiPay", summary = "Register user.",
    description = "The first of two steps: the name, and an email **or** a mobile number. A six-digit code goes there (in sandbox mode, read it in the outbox, `GET /sandbox/outbox`); it works for 15 minutes and five tries, and finishes the registration with a password (`POST /api/v2/registration/password`). Asking again for the same address replaces the earlier code. Three codes per address per 15 minutes; registrations per client address share KPAY's limit.",
    request_body = StartRegistrationRequest,
    responses(
        (status = 201, body = RegistrationStarted),
        (status = 409, description = "An account already has this email or mobile number", body = ErrorBody),
        (status = 422, body = ErrorBody),
        (status = 429, body = ErrorBody),
    )
)]
async fn register(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    ApiJson(req): ApiJson<StartRegistrationRequest>,
) -> AppResult<(StatusCode, Json<RegistrationStarted>)> {
    let ip_key = format!("register:{}", peer.ip());
    state.limits.register.check(&state.db, &ip_key).await?;
    let (name, contact) = req.validate().map_err(AppError::Validation)?;
    let col = column(&contact);
    let to = contact.value();
    let code_key = format!("{col}:{to}");
    CODES.check(&state.db, &code_key).await?;
    let mut w = crate::db::write(&state.db).await?;
    w.lock(crate::db::Lock::Name("registration", &code_key))
        .await?;
    let taken: Option<(String,)> =
        sqlx::query_as(&format!("SELECT id FROM users WHERE {col} = $1"))
            .bind(to)
            .fetch_optional(&mut *w)
            .await?;
    if taken.is_some() {
        return Err(AppError::conflict_on(
            col,
            &format!("An account with this {col} already exists. Sign in instead, or reset its password."),
        ));
    }
    sqlx::query(&format!(
        "DELETE FROM registrations WHERE {col} = $1 AND finished_at IS NULL"
    ))
    .bind(to)
    .execute(&mut *w)
    .await?;
    let id = uuid::Uuid::new_v4().to_string();
    let code = format!("{:06}", rand::thread_rng().gen_range(0..1_000_000));
    let expires = now() + CODE_TTL_SECS;
    let (email, mobile) = match &contact {
        Contact::Email(e) => (Some(e.as_str()), None),
        Contact::Mobile(m) => (None, Some(m.as_str())),
    };
    sqlx::query(
        "INSERT INTO registrations (id, name, email, mobile, code_hash, expires_at, attempts, created_at) VALUES ($1, $2, $3, $4, $5, $6, 0, $7)",
    )
    .bind(&id)
    .bind(&name)
    .bind(email)
    .bind(mobile)
    .bind(hash_token(&code))
    .bind(expires)
    .bind(now())
    .execute(&mut *w)
    .await?;
    crate::outbox::send(
        &mut w,
        contact.channel(),
        to,
        "Your Kitty registration code",
        &format!("Hello {name}, your Kitty code is {code}. Enter it with a password to finish creating your account; it works for 15 minutes. If you did not ask for it, ignore this message."),
    )
    .await?;
    w.commit().await?;
    state.limits.register.record(&state.db, &ip_key).await?;
    CODES.record(&state.db, &code_key).await?;
    tracing::info!(registration = %id, channel = col, "registration code sent");
    Ok((
        StatusCode::CREATED,
        Json(RegistrationStarted {
            registration_id: id,
            channel: contact.channel(),
            to: to.to_string(),
            expires_at: rfc3339(expires),
        }),
    ))
}

#[derive(sqlx::FromRow)]
struct Pending {
    name: String,
    email: Option<String>,
    mobile: Option<String>,
    code_hash: String,
    expires_at: i64,
    attempts: i64,
    finished_at: Option<i64>,
}

#[utoipa::path(
    post, path = "/api/v2/registration/password", tag = "KttiPay",
    summary = "Set user password to finish registration.",
    description = "The code that was sent, and a password (6 to 128 characters). The account is created and signed in: the answer is the tokens, and the browser gets its session cookies. A wrong or expired code is a 422 on `code`; after five wrong tries the registration is dropped and must be started again. A registration already finished is a 409.",
    request_body = FinishRegistrationRequest,
    responses(
        (status = 201, body = TokenResponse),
        (status = 404, description = "No such registration", body = ErrorBody),
        (status = 409, description = "Already finished, or the address was taken meanwhile", body = ErrorBody),
        (status = 422, body = ErrorBody),
    )
)]
async fn finish_registration(
    State(state): State<AppState>,
    headers: HeaderMap,
    ApiJson(req): ApiJson<FinishRegistrationRequest>,
) -> AppResult<Response> {
    let mut errors = kitty_api::FieldErrors::new();
    let code = req.code.trim();
    if code.len() != 6 || !code.bytes().all(|b| b.is_ascii_digit()) {
        errors.insert("code".into(), "Enter the 6-digit code.".into());
    }
    if let Err(m) = kitty_api::validate::password(&req.password) {
        errors.insert("password".into(), m.into());
    }
    if !errors.is_empty() {
        return Err(AppError::Validation(errors));
    }
    // Hashing takes tens of milliseconds: done before the write lock is taken.
    let password_hash = accounts::hash_password(req.password.clone()).await?;
    let mut w = crate::db::write(&state.db).await?;
    w.lock(crate::db::Lock::Name("registration", &req.registration_id))
        .await?;
    let pending: Option<Pending> = sqlx::query_as(
        "SELECT name, email, mobile, code_hash, expires_at, attempts, finished_at FROM registrations WHERE id = $1",
    )
    .bind(&req.registration_id)
    .fetch_optional(&mut *w)
    .await?;
    let Some(p) = pending else {
        return Err(AppError::not_found("registration"));
    };
    if p.finished_at.is_some() {
        return Err(AppError::Conflict {
            message:
                "This registration is finished already. Sign in with its email or mobile number."
                    .into(),
            fields: Default::default(),
        });
    }
    if p.expires_at <= now() || p.attempts >= MAX_TRIES {
        return Err(AppError::field(
            "code",
            "This code has expired. Start the registration again for a new code.",
        ));
    }
    if p.code_hash != hash_token(code) {
        sqlx::query("UPDATE registrations SET attempts = attempts + 1 WHERE id = $1")
            .bind(&req.registration_id)
            .execute(&mut *w)
            .await?;
        w.commit().await?;
        let left = MAX_TRIES - p.attempts - 1;
        return Err(AppError::field(
            "code",
            if left > 0 {
                format!("That code is wrong. Check the message and try again ({left} tries left).")
            } else {
                "That code is wrong, and that was the last try. Start the registration again for a new code.".into()
            },
        ));
    }
    let user_id = accounts::insert(
        &mut w,
        &NewAccount {
            name: &p.name,
            mobile: p.mobile.as_deref(),
            email: p.email.as_deref(),
            password_hash: Some(&password_hash),
        },
    )
    .await?;
    sqlx::query("UPDATE registrations SET finished_at = $1 WHERE id = $2")
        .bind(now())
        .bind(&req.registration_id)
        .execute(&mut *w)
        .await?;
    w.commit().await?;
    tracing::info!(user_id = %user_id, "registered in two steps");
    let tokens = session::create(&state.db, &user_id).await?;
    Ok(token_response(
        &state,
        &headers,
        StatusCode::CREATED,
        tokens,
    ))
}

#[utoipa::path(
    post, path = "/api/v2/auth/social/nonce", tag = "KttiPay",
    summary = "Start a sign-in with a social identity provider.",
    description = "A nonce to send in the provider's authorization request. It must come back inside the ID token; it works once, for ten minutes.",
    responses((status = 201, body = SocialNonce), (status = 404, description = "No social provider is configured", body = ErrorBody))
)]
async fn social_nonce(State(state): State<AppState>) -> AppResult<(StatusCode, Json<SocialNonce>)> {
    if state.oidc.provider().is_none() {
        return Err(AppError::not_found("social sign-in"));
    }
    let nonce = random_token();
    let expires = now() + NONCE_TTL_SECS;
    let mut w = crate::db::write(&state.db).await?;
    sqlx::query("DELETE FROM social_nonces WHERE expires_at < $1")
        .bind(now() - NONCE_TTL_SECS)
        .execute(&mut *w)
        .await?;
    sqlx::query("INSERT INTO social_nonces (nonce_hash, expires_at) VALUES ($1, $2)")
        .bind(hash_token(&nonce))
        .bind(expires)
        .execute(&mut *w)
        .await?;
    w.commit().await?;
    Ok((
        StatusCode::CREATED,
        Json(SocialNonce {
            nonce,
            expires_at: rfc3339(expires),
        }),
    ))
}

#[utoipa::path(
    post, path = "/api/v2/auth/social", tag = "KttiPay", summary = "Login user using social.",
    description = "The provider's ID token and the nonce it was asked for with (`POST /api/v2/auth/social/nonce`). The token's signature is checked against the provider's published keys, and its `iss`, `aud` (this app's client id), `exp` and `nonce`; each nonce signs in once. The identity is linked to an account: the one it signed in before, else the account with its verified email, else a new account (no mobile number, no password until one is set). Sign-in attempts share the per-address limit of the password sign-in.",
    request_body = SocialLoginRequest,
    responses(
        (status = 200, body = TokenResponse),
        (status = 401, description = "The ID token or its nonce is refused; the message says why", body = ErrorBody),
        (status = 403, description = "The account is blocked", body = ErrorBody),
        (status = 404, description = "No social provider is configured", body = ErrorBody),
        (status = 429, body = ErrorBody),
    )
)]
async fn social_login(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    ApiJson(req): ApiJson<SocialLoginRequest>,
) -> AppResult<Response> {
    let ip_key = format!("login-ip:{}", peer.ip());
    state.limits.login_ip.check(&state.db, &ip_key).await?;
    state.limits.login_ip.record(&state.db, &ip_key).await?;
    let claims = state.oidc.verify(&state.db, &req.id_token).await?;
    if claims.nonce.as_deref() != Some(req.nonce.as_str()) {
        return Err(AppError::Unauthorized(
            "The sign-in was refused: the ID token was issued for another sign-in (its nonce differs). Start the sign-in again.".into(),
        ));
    }
    let email = claims
        .email
        .as_deref()
        .filter(|_| claims.email_verified == Some(true))
        .and_then(|e| kitty_api::validate::email(e).ok());
    let mut w = crate::db::write(&state.db).await?;
    let used = sqlx::query(
        "UPDATE social_nonces SET used_at = $1 WHERE nonce_hash = $2 AND used_at IS NULL AND expires_at > $1",
    )
    .bind(now())
    .bind(hash_token(&req.nonce))
    .execute(&mut *w)
    .await?;
    let identity = format!("{}:{}", claims.iss, claims.sub);
    w.lock(crate::db::Lock::Name("social", &identity)).await?;
    if used.rows_affected() != 1 {
        return Err(AppError::Unauthorized(
            "The sign-in was refused: its nonce was used already or has expired. Start the sign-in again.".into(),
        ));
    }
    let linked: Option<(String,)> =
        sqlx::query_as("SELECT user_id FROM social_identities WHERE issuer = $1 AND subject = $2")
            .bind(&claims.iss)
            .bind(&claims.sub)
            .fetch_optional(&mut *w)
            .await?;
    let user_id = match linked {
        Some((id,)) => id,
        None => {
            let by_email: Option<(String,)> = match &email {
                Some(e) => {
                    sqlx::query_as("SELECT id FROM users WHERE email = $1")
                        .bind(e)
                        .fetch_optional(&mut *w)
                        .await?
                }
                None => None,
            };
            let id = match by_email {
                Some((id,)) => id,
                None => {
                    let fallback = email
                        .as_deref()
                        .and_then(|e| e.split('@').next())
                        .unwrap_or("Kitty user");
                    let name = claims
                        .name
                        .as_deref()
                        .and_then(|n| kitty_api::validate::name(n).ok())
                        .unwrap_or_else(|| fallback.to_string());
                    accounts::insert(
                        &mut w,
                        &NewAccount {
                            name: &name,
                            mobile: None,
                            email: email.as_deref(),
                            password_hash: None,
                        },
                    )
                    .await?
                }
            };
            sqlx::query(
                "INSERT INTO social_identities (issuer, subject, user_id, email, created_at) VALUES ($1, $2, $3, $4, $5)",
            )
            .bind(&claims.iss)
            .bind(&claims.sub)
            .bind(&id)
            .bind(email.as_deref())
            .bind(now())
            .execute(&mut *w)
            .await?;
            id
        }
    };
    w.commit().await?;
    tracing::info!(user_id = %user_id, issuer = %claims.iss, "signed in with a social identity");
    let tokens = session::create(&state.db, &user_id).await?;
    Ok(token_response(&state, &headers, StatusCode::OK, tokens))
}

#[derive(sqlx::FromRow)]
struct KycRow {
    partner: String,
    phone_number: String,
    firstname: Option<String>,
    lastname: Option<String>,
    email: Option<String>,
    created_at: i64,
}

#[utoipa::path(
    get, path = "/api/v2/users/me/kyc", tag = "KttiPay",
    summary = "Get KYC details for the current authenticated user.",
    description = "What the account holds (name, email, mobile), and the ramp's KYC records (Kotani Pay users) that share its email. The person is verified once such a record has first and last names and an email on file.",
    responses((status = 200, body = KycDetails), (status = 401, body = ErrorBody)),
    security(("bearer" = []))
)]
async fn kyc(State(state): State<AppState>, user: CurrentUser) -> AppResult<Json<KycDetails>> {
    let me = accounts::by_id(&state.db, &user.user_id).await?;
    let rows: Vec<KycRow> = match &me.email {
        Some(email) => {
            sqlx::query_as(
                "SELECT p.name AS partner, k.phone_number, k.firstname, k.lastname, k.email, k.created_at
                 FROM kotani_users k JOIN users p ON p.id = k.partner_id
                 WHERE k.email = $1 ORDER BY k.created_at DESC LIMIT 50",
            )
            .bind(email)
            .fetch_all(&state.db)
            .await?
        }
        None => Vec::new(),
    };
    let documents: Vec<KycDocument> = rows
        .into_iter()
        .map(|r| KycDocument {
            verified: r.firstname.is_some() && r.lastname.is_some() && r.email.is_some(),
            source: format!("Kotani Pay, for {}", r.partner),
            phone_number: r.phone_number,
            first_name: r.firstname,
            last_name: r.lastname,
            email: r.email,
            created_at: rfc3339(r.created_at),
        })
        .collect();
    let verified = documents.iter().any(|d| d.verified);
    let explanation = match (verified, &me.email, documents.is_empty()) {
        (true, _, _) => "A ramp partner holds your first and last names and your email.".to_string(),
        (false, None, _) => "Add an email to your account in Settings: KYC records held by ramp partners are found by it.".to_string(),
        (false, Some(_), true) => "No ramp partner holds a KYC record with your email yet. A partner verifies you when it records your first and last names and this email.".to_string(),
        (false, Some(_), false) => "A ramp partner has a record with your email, but not your first and last names yet.".to_string(),
    };
    Ok(Json(KycDetails {
        status: if verified {
            KycStatus::Verified
        } else {
            KycStatus::Unverified
        },
        name: me.name,
        email: me.email,
        mobile: me.mobile,
        documents,
        explanation,
    }))
}
