//! Passwords the KttiPay way: change it knowing the current one, or reset it through a link
//! sent to the account's email (or mobile). Any of these ends the user's other sessions.

use crate::accounts;
use crate::db::now;
use crate::error::{ApiJson, AppError, AppResult};
use crate::session::{hash_token, random_token, CurrentUser};
use crate::AppState;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use kitty_api::auth::{ChangePasswordRequest, Channel, FinishResetRequest, ResetRequest};
use kitty_api::ErrorBody;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

/// How long a reset link works.
const RESET_TTL_SECS: i64 = 30 * 60;

pub fn routes(router: OpenApiRouter<AppState>) -> OpenApiRouter<AppState> {
    router
        .routes(routes!(update_password))
        .routes(routes!(change_password))
        .routes(routes!(request_reset))
        .routes(routes!(finish_reset))
}

/// Checks the current password and sets the new one; the caller's other sessions end.
async fn set_password(
    state: &AppState,
    user: &CurrentUser,
    req: &ChangePasswordRequest,
) -> AppResult<StatusCode> {
    req.validate().map_err(AppError::Validation)?;
    let (hash,): (String,) = sqlx::query_as("SELECT password_hash FROM users WHERE id = $1")
        .bind(&user.user_id)
        .fetch_one(&state.db)
        .await?;
    if !accounts::verify_password(req.current_password.clone(), hash).await? {
        return Err(AppError::field(
            "current_password",
            "This is not your current password.",
        ));
    }
    let new_hash = accounts::hash_password(req.new_password.clone()).await?;
    let mut tx = crate::db::write(&state.db).await?;
    sqlx::query("UPDATE users SET password_hash = $1 WHERE id = $2")
        .bind(new_hash)
        .bind(&user.user_id)
        .execute(&mut *tx)
        .await?;
    sqlx::query("DELETE FROM sessions WHERE user_id = $1 AND access_hash != $2")
        .bind(&user.user_id)
        .bind(&user.session)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(StatusCode::NO_CONTENT)
}

#[utoipa::path(
    put, path = "/api/v2/users/me/password", tag = "KttiPay", summary = "Update user password.",
    description = "Needs the current password. Every other session of the user ends; this one stays.",
    request_body = ChangePasswordRequest,
    responses((status = 204), (status = 422, body = ErrorBody)),
    security(("bearer" = []))
)]
async fn update_password(
    State(state): State<AppState>,
    user: CurrentUser,
    ApiJson(req): ApiJson<ChangePasswordRequest>,
) -> AppResult<StatusCode> {
    set_password(&state, &user, &req).await
}

#[utoipa::path(
    post, path = "/api/v2/settings/password", tag = "KttiPay", summary = "Change user password.",
    description = "The Settings screen's password change: the same rules as Update user password.",
    request_body = ChangePasswordRequest,
    responses((status = 204), (status = 422, body = ErrorBody)),
    security(("bearer" = []))
)]
async fn change_password(
    State(state): State<AppState>,
    user: CurrentUser,
    ApiJson(req): ApiJson<ChangePasswordRequest>,
) -> AppResult<StatusCode> {
    set_password(&state, &user, &req).await
}

#[utoipa::path(
    post, path = "/api/v2/users/password-reset", tag = "KttiPay", summary = "Request for a user reset password.",
    description = "Sends a single-use link, valid for 30 minutes, to the account's email (or its mobile when it has none). \
                   The answer is the same whether or not the account exists. At most 3 requests per account in 15 minutes.",
    request_body = ResetRequest,
    responses((status = 202), (status = 429, body = ErrorBody))
)]
async fn request_reset(
    State(state): State<AppState>,
    headers: HeaderMap,
    ApiJson(req): ApiJson<ResetRequest>,
) -> AppResult<StatusCode> {
    let key = accounts::login_key(&state.db, &req.username).await?;
    state.limits.reset.check(&state.db, &key).await?;
    state.limits.reset.record(&state.db, &key).await?;
    let username = accounts::normalise_username(&req.username);
    let account: Option<(String, String, Option<String>, Option<String>)> =
        sqlx::query_as("SELECT id, name, mobile, email FROM users WHERE mobile = $1 OR email = $2")
            .bind(&username)
            .bind(&username)
            .fetch_optional(&state.db)
            .await?;
    let Some((user_id, name, mobile, email)) = account else {
        return Ok(StatusCode::ACCEPTED);
    };
    let token = random_token();
    let link = format!(
        "{}/reset-password?token={token}",
        crate::web::public_base(&headers)
    );
    let t = now();
    let mut tx = crate::db::write(&state.db).await?;
    sqlx::query(
        "INSERT INTO password_resets (token_hash, user_id, expires_at, created_at) VALUES ($1, $2, $3, $4)",
    )
    .bind(hash_token(&token))
    .bind(&user_id)
    .bind(t + RESET_TTL_SECS)
    .bind(t)
    .execute(&mut *tx)
    .await?;
    let (channel, to) = match (email, mobile) {
        (Some(e), _) => (Channel::Email, e),
        (None, Some(m)) => (Channel::Sms, m),
        // An account made by a social sign-in whose provider gave no verified email has nowhere
        // to send a link; the answer stays the same as for any other name.
        (None, None) => return Ok(StatusCode::ACCEPTED),
    };
    crate::outbox::send(
        &mut tx,
        channel,
        &to,
        "Reset your Kitty password",
        &format!(
            "Hi {name}, someone (we hope you) asked to reset your Kitty password. Open this link \
             within 30 minutes to choose a new one: {link} If it was not you, ignore this message; \
             your password stays as it is."
        ),
    )
    .await?;
    tx.commit().await?;
    Ok(StatusCode::ACCEPTED)
}

#[utoipa::path(
    post, path = "/api/v2/users/password-reset/finish", tag = "KttiPay", summary = "Finish a password reset with the link's token.",
    description = "Sets the new password. The link works once and for 30 minutes; every session of the user ends.",
    request_body = FinishResetRequest,
    responses((status = 204), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody))
)]
async fn finish_reset(
    State(state): State<AppState>,
    ApiJson(req): ApiJson<FinishResetRequest>,
) -> AppResult<StatusCode> {
    kitty_api::validate::password(&req.password).map_err(|m| AppError::field("password", m))?;
    let hash = accounts::hash_password(req.password.clone()).await?;
    let mut tx = crate::db::write(&state.db).await?;
    let found: Option<(String, i64, Option<i64>)> = sqlx::query_as(
        "SELECT user_id, expires_at, used_at FROM password_resets WHERE token_hash = $1",
    )
    .bind(hash_token(req.token.trim()))
    .fetch_optional(&mut *tx)
    .await?;
    let user_id = match found {
        Some((user_id, expires_at, None)) if expires_at > now() => user_id,
        _ => {
            return Err(AppError::NotFound(
                "This reset link has expired or was used already. Ask for a new one.".into(),
            ))
        }
    };
    // Only one of two finishes sent at once takes the link.
    let taken = sqlx::query(
        "UPDATE password_resets SET used_at = $1 WHERE token_hash = $2 AND used_at IS NULL",
    )
    .bind(now())
    .bind(hash_token(req.token.trim()))
    .execute(&mut *tx)
    .await?;
    if taken.rows_affected() == 0 {
        return Err(AppError::NotFound(
            "This reset link has expired or was used already. Ask for a new one.".into(),
        ));
    }
    sqlx::query("UPDATE users SET password_hash = $1 WHERE id = $2")
        .bind(hash)
        .bind(&user_id)
        .execute(&mut *tx)
        .await?;
    sqlx::query("DELETE FROM sessions WHERE user_id = $1")
        .bind(&user_id)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(StatusCode::NO_CONTENT)
}
