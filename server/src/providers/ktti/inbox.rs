//! KttiPay's current user and app inbox.

use crate::accounts;
use crate::clock::rfc3339;
use crate::db::now;
use crate::error::AppResult;
use crate::session::CurrentUser;
use crate::AppState;
use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use kitty_api::account::{NotificationCategory, NotificationChannel};
use kitty_api::auth::User;
use kitty_api::notifications::{Notification, NotificationKind, NotificationList};
use kitty_api::ErrorBody;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

pub fn routes(router: OpenApiRouter<AppState>) -> OpenApiRouter<AppState> {
    router
        .routes(routes!(current_user))
        .routes(routes!(inbox))
        .routes(routes!(mark_all_read))
}

#[utoipa::path(
    get, path = "/api/v2/users/me", tag = "KttiPay", summary = "Get current user information.",
    responses((status = 200, body = User), (status = 401, body = ErrorBody)),
    security(("bearer" = []))
)]
async fn current_user(State(state): State<AppState>, user: CurrentUser) -> AppResult<Json<User>> {
    Ok(Json(accounts::by_id(&state.db, &user.user_id).await?))
}

#[derive(sqlx::FromRow)]
struct NotificationRow {
    id: String,
    kind: String,
    title: String,
    body: String,
    read_at: Option<i64>,
    created_at: i64,
}

#[utoipa::path(
    get, path = "/api/v2/notifications/inbox", tag = "KttiPay",
    summary = "Get app inbox notifications for the current user.",
    description = "The newest 100, newest first, with the total and unread counts.",
    responses((status = 200, body = NotificationList), (status = 401, body = ErrorBody)),
    security(("bearer" = []))
)]
async fn inbox(
    State(state): State<AppState>,
    user: CurrentUser,
) -> AppResult<Json<NotificationList>> {
    let rows: Vec<NotificationRow> = sqlx::query_as(
        "SELECT id, kind, title, body, read_at, created_at FROM notifications
         WHERE user_id = $1 ORDER BY created_at DESC, id LIMIT 100",
    )
    .bind(&user.user_id)
    .fetch_all(&state.db)
    .await?;
    let (total, unread): (i64, i64) = sqlx::query_as(
        "SELECT COUNT(*), CAST(COALESCE(SUM(CASE WHEN read_at IS NULL THEN 1 ELSE 0 END), 0) AS BIGINT) FROM notifications WHERE user_id = $1",
    )
    .bind(&user.user_id)
    .fetch_one(&state.db)
    .await?;
    let notifications = rows
        .into_iter()
        .map(|r| {
            Ok(Notification {
                kind: crate::db::stored(NotificationKind::parse, &r.kind, "notification kind")?,
                id: r.id,
                title: r.title,
                body: r.body,
                read: r.read_at.is_some(),
                created_at: rfc3339(r.created_at),
            })
        })
        .collect::<AppResult<_>>()?;
    Ok(Json(NotificationList {
        notifications,
        total,
        unread,
    }))
}

#[utoipa::path(
    post, path = "/api/v2/notifications/inbox/read", tag = "KttiPay",
    summary = "Mark every inbox notification of the current user as read.",
    responses((status = 204), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody)),
    security(("bearer" = []))
)]
async fn mark_all_read(State(state): State<AppState>, user: CurrentUser) -> AppResult<StatusCode> {
    sqlx::query("UPDATE notifications SET read_at = $1 WHERE user_id = $2 AND read_at IS NULL")
        .bind(now())
        .bind(&user.user_id)
        .execute(&state.db)
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Puts a notification in `user_id`'s inbox, inside the caller's database transaction.
/// Tells `user_id` about something in `category`, on each channel their preferences allow:
/// the inbox, a push (stored; the live push channel picks it up within two seconds), and an
/// email through the outbox when the account has an email.
pub async fn notify(
    conn: &mut crate::db::Conn,
    user_id: &str,
    kind: NotificationKind,
    category: NotificationCategory,
    title: &str,
    body: &str,
) -> AppResult<()> {
    use super::account::wants;
    if wants(conn, user_id, category, NotificationChannel::InApp).await? {
        sqlx::query("INSERT INTO notifications (id, user_id, kind, title, body, created_at) VALUES ($1, $2, $3, $4, $5, $6)")
            .bind(uuid::Uuid::new_v4().to_string())
            .bind(user_id)
            .bind(kind.as_str())
            .bind(title)
            .bind(body)
            .bind(now())
            .execute(&mut *conn)
            .await?;
    }
    if wants(conn, user_id, category, NotificationChannel::Push).await? {
        super::account::push(conn, user_id, title, body).await?;
    }
    if wants(conn, user_id, category, NotificationChannel::Email).await? {
        let email: Option<(Option<String>,)> =
            sqlx::query_as("SELECT email FROM users WHERE id = $1")
                .bind(user_id)
                .fetch_optional(&mut *conn)
                .await?;
        if let Some((Some(email),)) = email {
            crate::outbox::send(conn, kitty_api::auth::Channel::Email, &email, title, body).await?;
        }
    }
    Ok(())
}
