//! KttiPay's current user and app inbox.

use crate::accounts;
use crate::clock::rfc3339;
use crate::db::now;
use crate::error::{AppError, AppResult};
use crate::session::CurrentUser;
use crate::AppState;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::Json;
use kitty_api::account::{LanguageRequest, NotificationCategory, NotificationChannel};
use kitty_api::auth::User;
use kitty_api::notifications::{
    ActionKind, InboxAction, Notification, NotificationKind, NotificationList,
};
use kitty_api::ErrorBody;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

pub fn routes(router: OpenApiRouter<AppState>) -> OpenApiRouter<AppState> {
    router
        .routes(routes!(current_user))
        .routes(routes!(set_language))
        .routes(routes!(inbox))
        .routes(routes!(mark_all_read))
        .routes(routes!(mark_read))
        .routes(routes!(execute_action))
}

#[utoipa::path(
    post, path = "/api/v2/actions/{actionItemUuid}", tag = "KttiPay", summary = "Execute action.",
    description = "Carries out the action of one of the caller's inbox items, once: accept an invitation (joins the kitty), make the member who asked an admin, or give a deposit that matched nobody to the member it looks like (kitty admins only). A second execution is a 409; someone else's action is a 404.",
    params(("actionItemUuid" = String, Path)),
    responses((status = 204), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)),
    security(("bearer" = []))
)]
async fn execute_action(
    State(state): State<AppState>,
    user: CurrentUser,
    axum::extract::Path(action_id): axum::extract::Path<String>,
) -> AppResult<StatusCode> {
    let mut tx = crate::db::write(&state.db).await?;
    tx.lock(crate::db::Lock::Name("action", &action_id)).await?;
    let row: Option<(String, String, Option<i64>)> = sqlx::query_as(
        "SELECT action_kind, action_ref, action_done_at FROM notifications WHERE action_id = $1 AND user_id = $2",
    )
    .bind(&action_id)
    .bind(&user.user_id)
    .fetch_optional(&mut *tx)
    .await?;
    let (kind, target, done) = row.ok_or_else(|| AppError::not_found("That action"))?;
    if done.is_some() {
        return Err(super::ledger::conflict("This action was already done."));
    }
    let kitty = match crate::db::stored(ActionKind::parse, &kind, "action kind")? {
        ActionKind::AcceptInvitation => {
            tx.lock(crate::db::Lock::Kitty(&target)).await?;
            super::invitations::accept_within(&mut tx, &target, &user.user_id).await?;
            target
        }
        ActionKind::ApproveAdmin => {
            let (kitty, member) = target
                .split_once(':')
                .ok_or_else(|| AppError::internal("an approve_admin action without its member"))?;
            tx.lock(crate::db::Lock::Kitty(kitty)).await?;
            super::ledger::access(&mut tx, kitty, &user.user_id)
                .await?
                .require_admin()?;
            let made = sqlx::query(
                "UPDATE ktti_members SET role = 'admin', admin_requested = 0
                 WHERE ktti_id = $1 AND user_id = $2 AND status = 'active'",
            )
            .bind(kitty)
            .bind(member)
            .execute(&mut *tx)
            .await?;
            if made.rows_affected() == 0 {
                return Err(super::ledger::conflict(
                    "That person is no longer a member of this kitty.",
                ));
            }
            kitty.to_string()
        }
        ActionKind::AssignDeposit => {
            let mut parts = target.splitn(3, ':');
            let (Some(kitty), Some(deposit), Some(member)) =
                (parts.next(), parts.next(), parts.next())
            else {
                return Err(AppError::internal(
                    "an assign_deposit action without its deposit",
                ));
            };
            tx.lock(crate::db::Lock::Kitty(kitty)).await?;
            let access = super::ledger::access(&mut tx, kitty, &user.user_id).await?;
            access.require_admin()?;
            // As on the Activity tab: during closure a deposit that matched nobody can still get
            // its first assignee.
            if access.status == kitty_api::kitty::KittyStatus::Closed {
                access.require_open("assignees")?;
            }
            if super::ledger::access(&mut tx, kitty, member).await.is_err() {
                return Err(super::ledger::conflict(
                    "That person is no longer a member of this kitty: assign the deposit on the Activity tab.",
                ));
            }
            let given = sqlx::query(
                "UPDATE ktti_transactions SET assignee_id = $1
                 WHERE id = $2 AND ktti_id = $3 AND kind = 'deposit' AND assignee_id IS NULL",
            )
            .bind(member)
            .bind(deposit)
            .bind(kitty)
            .execute(&mut *tx)
            .await?;
            if given.rows_affected() == 0 {
                return Err(super::ledger::conflict(
                    "This deposit has been assigned already.",
                ));
            }
            super::ledger::check_former_members(&mut tx, kitty).await?;
            kitty.to_string()
        }
    };
    let t = now();
    sqlx::query(
        "UPDATE notifications SET action_done_at = $1, read_at = COALESCE(read_at, $1) WHERE action_id = $2",
    )
    .bind(t)
    .bind(&action_id)
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    crate::live::kitty_changed(&state.db, &kitty).await;
    Ok(StatusCode::NO_CONTENT)
}

#[utoipa::path(
    get, path = "/api/v2/users/me", tag = "KttiPay", summary = "Get current user information.",
    responses((status = 200, body = User), (status = 401, body = ErrorBody)),
    security(("bearer" = []))
)]
async fn current_user(State(state): State<AppState>, user: CurrentUser) -> AppResult<Json<User>> {
    Ok(Json(accounts::by_id(&state.db, &user.user_id).await?))
}

#[utoipa::path(
    put, path = "/api/v2/users/me/language", tag = "KttiPay",
    summary = "Set the language of the current user's notifications and emails.",
    description = "English (`en`), Swahili (`sw`) or Persian (`fa`). The app sends its own language when it starts.",
    request_body = LanguageRequest,
    responses((status = 204), (status = 401, body = ErrorBody), (status = 422, body = ErrorBody)),
    security(("bearer" = []))
)]
async fn set_language(
    State(state): State<AppState>,
    user: CurrentUser,
    crate::error::ApiJson(req): crate::error::ApiJson<LanguageRequest>,
) -> AppResult<StatusCode> {
    sqlx::query("UPDATE users SET language = $1 WHERE id = $2")
        .bind(req.language.as_str())
        .bind(&user.user_id)
        .execute(&state.db)
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(sqlx::FromRow)]
struct NotificationRow {
    id: String,
    kind: String,
    title: String,
    body: String,
    read_at: Option<i64>,
    created_at: i64,
    action_id: Option<String>,
    action_kind: Option<String>,
    action_done_at: Option<i64>,
    link: Option<String>,
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
        "SELECT id, kind, title, body, read_at, created_at, action_id, action_kind, action_done_at, link FROM notifications
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
            let action = match (r.action_id, r.action_kind) {
                (Some(id), Some(kind)) => Some(InboxAction {
                    id,
                    kind: crate::db::stored(ActionKind::parse, &kind, "action kind")?,
                    done: r.action_done_at.is_some(),
                }),
                _ => None,
            };
            Ok(Notification {
                action,
                kind: crate::db::stored(NotificationKind::parse, &r.kind, "notification kind")?,
                id: r.id,
                title: r.title,
                body: r.body,
                read: r.read_at.is_some(),
                created_at: rfc3339(r.created_at),
                link: r.link,
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

#[utoipa::path(
    post, path = "/api/v2/notifications/inbox/{notificationId}/read", tag = "KttiPay",
    summary = "Mark one inbox notification of the current user as read.",
    params(("notificationId" = String, Path)),
    responses((status = 204), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, description = "Not one of the current user's notifications", body = ErrorBody)),
    security(("bearer" = []))
)]
async fn mark_read(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
) -> AppResult<StatusCode> {
    let found = sqlx::query(
        "UPDATE notifications SET read_at = COALESCE(read_at, $1) WHERE id = $2 AND user_id = $3",
    )
    .bind(now())
    .bind(&id)
    .bind(&user.user_id)
    .execute(&state.db)
    .await?;
    if found.rows_affected() == 0 {
        return Err(AppError::not_found("notification"));
    }
    Ok(StatusCode::NO_CONTENT)
}

/// What an inbox item is about: what it says (written in the recipient's language), and the app
/// page it leads to.
pub struct Note<'a> {
    pub kind: NotificationKind,
    pub category: NotificationCategory,
    pub say: crate::words::Say<'a>,
    /// An app path such as `/kitties/{id}`.
    pub link: Option<String>,
}

/// Puts a notification in `user_id`'s inbox, inside the caller's database transaction.
/// Tells `user_id` about something in `category`, on each channel their preferences allow:
/// the inbox, a push (stored; the live push channel picks it up within two seconds), and an
/// email through the outbox when the account has an email.
pub async fn notify(conn: &mut crate::db::Conn, user_id: &str, note: Note<'_>) -> AppResult<()> {
    notify_with(conn, user_id, note, None).await
}

/// [`notify`] with an action the inbox item carries (`kind`, and what it acts on).
pub async fn notify_with(
    conn: &mut crate::db::Conn,
    user_id: &str,
    note: Note<'_>,
    action: Option<(ActionKind, &str)>,
) -> AppResult<()> {
    let Note {
        kind,
        category,
        say,
        link,
    } = note;
    // One read of the person for both: the language to write in, and the address an email goes to.
    let person: Option<(String, Option<String>)> =
        sqlx::query_as("SELECT language, email FROM users WHERE id = $1")
            .bind(user_id)
            .fetch_optional(&mut *conn)
            .await?;
    let (language, email) = person.unwrap_or_default();
    let language = kitty_api::account::Language::parse(&language).unwrap_or_default();
    let (title, body) = (say.title(language), say.body(language));
    let body = body.as_str();
    let choices = super::account::Choices::of(conn, user_id, Some(category)).await?;
    if choices.wants(category, NotificationChannel::InApp) {
        sqlx::query(
            "INSERT INTO notifications (id, user_id, kind, title, body, created_at, action_id, action_kind, action_ref, link)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
        )
        .bind(uuid::Uuid::new_v4().to_string())
        .bind(user_id)
        .bind(kind.as_str())
        .bind(title)
        .bind(body)
        .bind(now())
        .bind(action.map(|_| uuid::Uuid::new_v4().to_string()))
        .bind(action.map(|(k, _)| k.as_str()))
        .bind(action.map(|(_, r)| r))
        .bind(link.as_deref())
        .execute(&mut *conn)
        .await?;
    }
    if choices.wants(category, NotificationChannel::Push) {
        super::account::push(conn, user_id, title, body).await?;
    }
    if choices.wants(category, NotificationChannel::Email) {
        if let Some(email) = email {
            crate::outbox::send(conn, kitty_api::auth::Channel::Email, &email, title, body).await?;
        }
    }
    Ok(())
}
