//! Settings: "Update user details." A new name applies at once; a new email or mobile number is
//! confirmed by a six-digit code sent to it (through the outbox), which expires in 15 minutes,
//! works once, and allows five wrong tries.

use crate::clock::rfc3339;
use crate::db::{is_unique_violation, now, Conn};
use crate::error::{ApiJson, AppError, AppResult};
use crate::ratelimit::RateLimiter;
use crate::session::{hash_token, CurrentUser};
use crate::AppState;
use axum::extract::State;
use axum::Json;
use kitty_api::account::{
    ConfirmChangeRequest, PendingChange, UpdateUserDetailsRequest, UserDetails,
};
use kitty_api::auth::Channel;
use kitty_api::ErrorBody;
use rand::Rng;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

pub fn routes(router: OpenApiRouter<AppState>) -> OpenApiRouter<AppState> {
    router
        .routes(routes!(update_details))
        .routes(routes!(confirm_change))
}

const CODE_TTL_SECS: i64 = 15 * 60;
const MAX_TRIES: i64 = 5;
/// Codes sent per account: three in 15 minutes.
static SENDS: RateLimiter = RateLimiter::new("contact-change", 3, 15 * 60);

async fn pending(conn: &mut Conn, user_id: &str) -> AppResult<Vec<PendingChange>> {
    let rows: Vec<(String, String, i64)> = sqlx::query_as(
        "SELECT field, value, expires_at FROM contact_changes WHERE user_id = $1 AND expires_at > $2 ORDER BY field",
    )
    .bind(user_id)
    .bind(now())
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(field, to, expires)| PendingChange {
            field,
            to,
            expires_at: rfc3339(expires),
        })
        .collect())
}

async fn details(state: &AppState, user_id: &str) -> AppResult<UserDetails> {
    let user = crate::accounts::by_id(&state.db, user_id).await?;
    let mut conn = state.db.acquire().await?;
    Ok(UserDetails {
        user,
        pending: pending(&mut conn, user_id).await?,
    })
}

#[utoipa::path(
    patch, path = "/api/v2/settings/user-details", tag = "KttiPay", summary = "Update user details.",
    description = "The name changes at once. A new email or mobile number is not used until it is confirmed: a six-digit code goes to the new address (read it in the sandbox outbox), and `POST /api/v2/settings/user-details/confirm` applies it. Three codes per 15 minutes.",
    request_body = UpdateUserDetailsRequest,
    responses(
        (status = 200, body = UserDetails),
        (status = 401, body = ErrorBody),
        (status = 409, description = "Another account uses that email or mobile", body = ErrorBody),
        (status = 422, body = ErrorBody),
        (status = 429, body = ErrorBody),
    ),
    security(("bearer" = []))
)]
async fn update_details(
    State(state): State<AppState>,
    user: CurrentUser,
    ApiJson(req): ApiJson<UpdateUserDetailsRequest>,
) -> AppResult<Json<UserDetails>> {
    let mut errors = kitty_api::FieldErrors::new();
    let name = req
        .name
        .as_deref()
        .map(|n| kitty_api::validate::name(n).map_err(|m| errors.insert("name".into(), m)))
        .transpose()
        .ok()
        .flatten();
    let email = req
        .email
        .as_deref()
        .map(|e| kitty_api::validate::email(e).map_err(|m| errors.insert("email".into(), m.into())))
        .transpose()
        .ok()
        .flatten();
    let mobile = req
        .mobile
        .as_deref()
        .map(|m| {
            kitty_api::validate::mobile(m).map_err(|e| errors.insert("mobile".into(), e.into()))
        })
        .transpose()
        .ok()
        .flatten();
    if !errors.is_empty() {
        return Err(AppError::Validation(errors));
    }
    let current = crate::accounts::by_id(&state.db, &user.user_id).await?;
    let changes: Vec<(&str, String, Channel)> = [
        email
            .filter(|e| current.email.as_deref() != Some(e.as_str()))
            .map(|e| ("email", e, Channel::Email)),
        mobile
            .filter(|m| current.mobile.as_deref() != Some(m.as_str()))
            .map(|m| ("mobile", m, Channel::Sms)),
    ]
    .into_iter()
    .flatten()
    .collect();
    if !changes.is_empty() {
        SENDS.check(&state.db, &user.user_id).await?;
    }
    let mut w = crate::db::write(&state.db).await?;
    w.lock(crate::db::Lock::User(&user.user_id)).await?;
    if let Some(name) = &name {
        sqlx::query("UPDATE users SET name = $1 WHERE id = $2")
            .bind(name)
            .bind(&user.user_id)
            .execute(&mut *w)
            .await?;
    }
    for (field, value, channel) in &changes {
        let taken: Option<(String,)> = sqlx::query_as(&format!(
            "SELECT id FROM users WHERE {field} = $1 AND id <> $2"
        ))
        .bind(value)
        .bind(&user.user_id)
        .fetch_optional(&mut *w)
        .await?;
        if taken.is_some() {
            return Err(AppError::conflict_on(
                field,
                &format!("Another account uses this {field}."),
            ));
        }
        let code = format!("{:06}", rand::thread_rng().gen_range(0..1_000_000));
        sqlx::query("DELETE FROM contact_changes WHERE user_id = $1 AND field = $2")
            .bind(&user.user_id)
            .bind(field)
            .execute(&mut *w)
            .await?;
        sqlx::query(
            "INSERT INTO contact_changes (user_id, field, value, code_hash, expires_at, attempts) VALUES ($1, $2, $3, $4, $5, 0)",
        )
        .bind(&user.user_id)
        .bind(field)
        .bind(value)
        .bind(hash_token(&code))
        .bind(now() + CODE_TTL_SECS)
        .execute(&mut *w)
        .await?;
        crate::outbox::send(
            &mut w,
            *channel,
            value,
            "Confirm your new contact for Kitty",
            &format!("Your Kitty code is {code}. It confirms this {field} for your account and works for 15 minutes. If you did not ask for it, ignore this message."),
        )
        .await?;
    }
    w.commit().await?;
    for _ in &changes {
        SENDS.record(&state.db, &user.user_id).await?;
    }
    Ok(Json(details(&state, &user.user_id).await?))
}

#[utoipa::path(
    post, path = "/api/v2/settings/user-details/confirm", tag = "KttiPay",
    summary = "Confirm a new email or mobile number with its code.",
    description = "Applies the pending change whose code this is. A wrong or expired code is a 422; after five wrong tries the pending changes are dropped and must be asked for again.",
    request_body = ConfirmChangeRequest,
    responses((status = 200, body = UserDetails), (status = 401, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)),
    security(("bearer" = []))
)]
async fn confirm_change(
    State(state): State<AppState>,
    user: CurrentUser,
    ApiJson(req): ApiJson<ConfirmChangeRequest>,
) -> AppResult<Json<UserDetails>> {
    let wrong = || {
        AppError::field(
            "code",
            "That code is wrong or has expired. Check the message, or ask for a new code.",
        )
    };
    let code = req.code.trim();
    if code.len() != 6 || !code.bytes().all(|b| b.is_ascii_digit()) {
        return Err(AppError::field("code", "Enter the 6-digit code."));
    }
    let mut w = crate::db::write(&state.db).await?;
    w.lock(crate::db::Lock::User(&user.user_id)).await?;
    let row: Option<(String, String)> = sqlx::query_as(
        "SELECT field, value FROM contact_changes WHERE user_id = $1 AND code_hash = $2 AND expires_at > $3 AND attempts < $4",
    )
    .bind(&user.user_id)
    .bind(hash_token(code))
    .bind(now())
    .bind(MAX_TRIES)
    .fetch_optional(&mut *w)
    .await?;
    let Some((field, value)) = row else {
        sqlx::query("UPDATE contact_changes SET attempts = attempts + 1 WHERE user_id = $1")
            .bind(&user.user_id)
            .execute(&mut *w)
            .await?;
        sqlx::query("DELETE FROM contact_changes WHERE user_id = $1 AND attempts >= $2")
            .bind(&user.user_id)
            .bind(MAX_TRIES)
            .execute(&mut *w)
            .await?;
        w.commit().await?;
        return Err(wrong());
    };
    let column = if field == "email" { "email" } else { "mobile" };
    let applied = sqlx::query(&format!("UPDATE users SET {column} = $1 WHERE id = $2"))
        .bind(&value)
        .bind(&user.user_id)
        .execute(&mut *w)
        .await;
    match applied {
        Err(e) if is_unique_violation(&e, &format!("users.{column}")) => {
            return Err(AppError::conflict_on(
                column,
                &format!("Another account took this {column} meanwhile."),
            ))
        }
        other => other?,
    };
    sqlx::query("DELETE FROM contact_changes WHERE user_id = $1 AND field = $2")
        .bind(&user.user_id)
        .bind(&field)
        .execute(&mut *w)
        .await?;
    w.commit().await?;
    Ok(Json(details(&state, &user.user_id).await?))
}
