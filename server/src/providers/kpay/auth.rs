//! KPAY accounts and sessions: `/kpay/auth/*`.

use crate::accounts;
use crate::error::{ApiJson, AppError, AppResult};
use crate::session::{self, CurrentUser, IssuedTokens};
use crate::AppState;
use axum::body::Bytes;
use axum::extract::{ConnectInfo, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use kitty_api::auth::{
    EmailLoginRequest, LoginRequest, RefreshRequest, RegisterRequest, TokenResponse, User,
};
use kitty_api::ErrorBody;
use std::net::SocketAddr;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

pub fn routes(router: OpenApiRouter<AppState>) -> OpenApiRouter<AppState> {
    router
        .routes(routes!(register))
        .routes(routes!(login))
        .routes(routes!(me))
        .routes(routes!(refresh))
        .routes(routes!(logout))
}

/// The documented token body, plus the browser's session cookies.
pub(crate) fn token_response(
    state: &AppState,
    headers: &HeaderMap,
    status: StatusCode,
    tokens: IssuedTokens,
) -> Response {
    let secure = session::secure(state, headers);
    let cookies = session::session_cookies(&tokens, secure);
    let body = TokenResponse {
        access_token: tokens.access,
        refresh_token: tokens.refresh,
        token_type: "bearer".into(),
    };
    let mut response = (status, Json(body)).into_response();
    for c in cookies {
        response.headers_mut().append(header::SET_COOKIE, c);
    }
    response
}

#[utoipa::path(
    post, path = "/auth/register", tag = "KPAY", summary = "Register",
    description = "Create a new user account",
    request_body = RegisterRequest,
    responses(
        (status = 201, body = TokenResponse),
        (status = 409, description = "Mobile or email already registered", body = ErrorBody),
        (status = 422, description = "A field is invalid", body = ErrorBody),
        (status = 429, description = "Too many registrations from this address", body = ErrorBody),
    )
)]
async fn register(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    ApiJson(req): ApiJson<RegisterRequest>,
) -> AppResult<Response> {
    let ip_key = format!("register:{}", peer.ip());
    state.limits.register.check(&state.db, &ip_key).await?;
    let req = req.validate().map_err(AppError::Validation)?;
    state.limits.register.record(&state.db, &ip_key).await?;
    let user = accounts::create(&state.db, &req).await?;
    tracing::info!(user_id = %user.id, "registered");
    let tokens = session::create(&state.db, &user.id).await?;
    Ok(token_response(
        &state,
        &headers,
        StatusCode::CREATED,
        tokens,
    ))
}

#[utoipa::path(
    post, path = "/auth/login", tag = "KPAY", summary = "Login",
    description = "Authenticate and get access token. `username` is the mobile number or the account's email.",
    request_body = LoginRequest,
    responses(
        (status = 200, body = TokenResponse),
        (status = 401, description = "Wrong username or password", body = ErrorBody),
        (status = 429, description = "Too many attempts; see Retry-After", body = ErrorBody),
    )
)]
async fn login(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    ApiJson(req): ApiJson<LoginRequest>,
) -> AppResult<Response> {
    let limits = &state.limits;
    let ip_key = format!("login-ip:{}", peer.ip());
    let user_key = accounts::login_key(&state.db, &req.username).await?;
    for (limiter, key) in [(&limits.login_ip, &ip_key), (&limits.login_user, &user_key)] {
        limiter.check(&state.db, key).await?;
    }
    limits.login_ip.record(&state.db, &ip_key).await?;
    match accounts::authenticate(&state.db, &req.username, &req.password).await? {
        Some(user) => {
            limits.login_user.clear(&state.db, &user_key).await?;
            let tokens = session::create(&state.db, &user.id).await?;
            Ok(token_response(&state, &headers, StatusCode::OK, tokens))
        }
        None => {
            limits.login_user.record(&state.db, &user_key).await?;
            Err(AppError::Unauthorized(
                "That mobile number or email and password do not match. Check them and try again."
                    .into(),
            ))
        }
    }
}

#[utoipa::path(
    get, path = "/auth/me", tag = "KPAY", summary = "Get Current User",
    description = "Get current authenticated user info",
    responses((status = 200, body = User), (status = 401, body = ErrorBody)),
    security(("bearer" = []))
)]
async fn me(State(state): State<AppState>, user: CurrentUser) -> AppResult<Json<User>> {
    Ok(Json(accounts::by_id(&state.db, &user.user_id).await?))
}

#[utoipa::path(
    post, path = "/auth/refresh", tag = "KPAY", summary = "Refresh user token.",
    description = "Swap a refresh token (body, or the browser's cookie) for new tokens. The old refresh token stops working.",
    request_body(content = Option<RefreshRequest>),
    responses(
        (status = 200, body = TokenResponse),
        (status = 401, description = "Refresh token unknown or expired", body = ErrorBody),
        (status = 403, description = "Cookie request without its CSRF token", body = ErrorBody),
    )
)]
async fn refresh(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Bytes,
) -> AppResult<Response> {
    let from_body = if body.iter().all(u8::is_ascii_whitespace) {
        None
    } else {
        // `null` is a body with no token, like an empty one.
        serde_json::from_slice::<Option<RefreshRequest>>(&body)
            .map_err(|e| AppError::BadRequest(format!("The request body is not valid JSON: {e}")))?
            .and_then(|r| r.refresh_token)
    };
    let tokens = match from_body {
        Some(token) => session::rotate(&state.db, &token, None).await?,
        None => {
            let token = session::cookie(&headers, session::REFRESH_COOKIE).ok_or_else(|| {
                AppError::Unauthorized("Your session has ended. Sign in again.".into())
            })?;
            match session::rotate(&state.db, &token, Some(&headers)).await {
                Ok(tokens) => tokens,
                // The browser's session is over: drop its cookies too, so it stops trying.
                Err(e @ AppError::Unauthorized(_)) => {
                    let mut response = e.into_response();
                    for c in session::clearing_cookies(session::secure(&state, &headers)) {
                        response.headers_mut().append(header::SET_COOKIE, c);
                    }
                    return Ok(response);
                }
                Err(e) => return Err(e),
            }
        }
    };
    Ok(token_response(&state, &headers, StatusCode::OK, tokens))
}

#[utoipa::path(
    post, path = "/auth/logout", tag = "KPAY", summary = "Logout user.",
    description = "End the session of the bearer token, or the browser's session and its cookies.",
    responses(
        (status = 204, description = "Signed out"),
        (status = 403, description = "Cookie request without its CSRF token", body = ErrorBody),
    )
)]
async fn logout(State(state): State<AppState>, headers: HeaderMap) -> AppResult<Response> {
    if let Some(token) = session::bearer(&headers) {
        session::delete_by_access(&state.db, &token).await?;
    } else {
        let access = session::cookie(&headers, session::ACCESS_COOKIE).unwrap_or_default();
        let refresh = session::cookie(&headers, session::REFRESH_COOKIE).unwrap_or_default();
        let row: Option<(String, String)> = sqlx::query_as(
            "SELECT id, csrf_token FROM sessions WHERE access_hash = $1 OR refresh_hash = $2",
        )
        .bind(session::hash_token(&access))
        .bind(session::hash_token(&refresh))
        .fetch_optional(&state.db)
        .await?;
        if let Some((id, csrf)) = row {
            session::check_csrf(&axum::http::Method::POST, &headers, &csrf)?;
            sqlx::query("DELETE FROM sessions WHERE id = $1")
                .bind(id)
                .execute(&state.db)
                .await?;
        }
    }
    let mut response = StatusCode::NO_CONTENT.into_response();
    for c in session::clearing_cookies(session::secure(&state, &headers)) {
        response.headers_mut().append(header::SET_COOKIE, c);
    }
    Ok(response)
}

/// KttiPay's doors into the same accounts and sessions (`/ktti/api/v2/auth/*`): the same rules,
/// the same rate limits and the same session cookies as KPAY's.
pub fn ktti_routes(router: OpenApiRouter<AppState>) -> OpenApiRouter<AppState> {
    router
        .routes(routes!(ktti_login))
        .routes(routes!(ktti_refresh))
        .routes(routes!(ktti_logout))
}

#[utoipa::path(
    post, path = "/api/v2/auth/login", tag = "KttiPay", summary = "Login user using email & password.",
    description = "The same accounts as KPAY's login, and the same sign-in limits (counted per account, whichever of its identifiers is typed).",
    request_body = EmailLoginRequest,
    responses(
        (status = 200, body = TokenResponse),
        (status = 401, description = "Wrong email or password", body = ErrorBody),
        (status = 403, description = "The account is blocked", body = ErrorBody),
        (status = 429, description = "Too many attempts; see Retry-After", body = ErrorBody),
    )
)]
async fn ktti_login(
    state: State<AppState>,
    peer: ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    ApiJson(req): ApiJson<EmailLoginRequest>,
) -> AppResult<Response> {
    let req = LoginRequest {
        username: req.email,
        password: req.password,
    };
    login(state, peer, headers, ApiJson(req)).await
}

#[utoipa::path(
    post, path = "/api/v2/auth/refresh", tag = "KttiPay", summary = "Refresh user token.",
    description = "As KPAY's refresh: the refresh token in the body, or the browser's cookie; the old one stops working.",
    request_body(content = Option<RefreshRequest>),
    responses((status = 200, body = TokenResponse), (status = 401, body = ErrorBody))
)]
async fn ktti_refresh(
    state: State<AppState>,
    headers: HeaderMap,
    body: Bytes,
) -> AppResult<Response> {
    refresh(state, headers, body).await
}

#[utoipa::path(
    post, path = "/api/v2/auth/logout", tag = "KttiPay", summary = "Logout user.",
    description = "Ends the session of the bearer token, or the browser's session and its cookies.",
    responses((status = 204, description = "Signed out"), (status = 403, body = ErrorBody))
)]
async fn ktti_logout(state: State<AppState>, headers: HeaderMap) -> AppResult<Response> {
    logout(state, headers).await
}
