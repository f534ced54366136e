//! KttiPay's user side: notification information and preferences, push (the test ping, and the
//! live channel that carries pushes in the sandbox), devices, the application configuration
//! (Core), and platform admins' blocks.
//!
//! Preferences decide what is sent: [`super::inbox::notify`] reads them for each category and
//! channel before it writes to the inbox, the email outbox or the push channel.

use crate::clock::rfc3339;
use crate::db::{now, Conn};
use crate::error::{ApiJson, ApiQuery, AppError, AppResult};
use crate::session::CurrentUser;
use crate::AppState;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::Json;
use kitty_api::account::{
    AppDetailsRequest, CoreConfig, Customer, CustomerList, Device, DeviceList, FcmTokenRequest,
    Features, NotificationCategory, NotificationChannel, NotificationInfo, Preference, Preferences,
    PushMessage, SocialProvider,
};
use kitty_api::ErrorBody;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

pub fn routes(router: OpenApiRouter<AppState>) -> OpenApiRouter<AppState> {
    router
        .routes(routes!(core_config))
        .routes(routes!(notification_info))
        .routes(routes!(get_preferences, update_preferences))
        .routes(routes!(test_ping))
        .routes(routes!(push_events))
        .routes(routes!(save_fcm_token))
        .routes(routes!(save_app_details))
        .routes(routes!(devices))
        .routes(routes!(forget_device))
        .routes(routes!(customers))
        .routes(routes!(block))
        .routes(routes!(unblock))
}

#[utoipa::path(
    get, path = "/api/v2/core/config", tag = "KttiPay", summary = "Get application configuration values.",
    description = "Limits, supported currencies, the notification categories and feature flags. Public: the app reads it before anyone signs in.",
    responses((status = 200, body = CoreConfig))
)]
async fn core_config(State(state): State<AppState>) -> Json<CoreConfig> {
    use kitty_api::money::Currency;
    Json(CoreConfig {
        currencies: vec![Currency::AUD, Currency::IRR, Currency::KES, Currency::GHS],
        min_amount: 1,
        max_amount: kitty_api::ledger::MAX_AMOUNT,
        max_kitty_name: 60,
        min_password: 6,
        notification_categories: NotificationCategory::ALL.to_vec(),
        features: Features {
            sandbox: state.settings.is_sandbox(),
            merchant: true,
            ramp: true,
            push_over_live_channel: true,
        },
        social_sign_in: state.settings.social.as_ref().map(|s| SocialProvider {
            name: s.name.clone(),
            authorize_url: s.authorize_url.clone(),
            client_id: s.client_id.clone(),
        }),
    })
}

/// The person's choices, read in one query: `wants` answers for any category and channel, with
/// the default where they have not chosen.
pub struct Choices(Vec<(String, String, bool)>);

impl Choices {
    pub async fn of(
        conn: &mut Conn,
        user_id: &str,
        category: Option<NotificationCategory>,
    ) -> AppResult<Choices> {
        let rows: Vec<(String, String, i64)> = sqlx::query_as(
            "SELECT category, channel, enabled FROM notification_preferences
             WHERE user_id = $1 AND ($2 IS NULL OR category = $2)",
        )
        .bind(user_id)
        .bind(category.map(NotificationCategory::as_str))
        .fetch_all(&mut *conn)
        .await?;
        Ok(Choices(
            rows.into_iter().map(|(c, ch, e)| (c, ch, e != 0)).collect(),
        ))
    }

    pub fn wants(&self, category: NotificationCategory, channel: NotificationChannel) -> bool {
        self.0
            .iter()
            .find(|(c, ch, _)| c == category.as_str() && ch == channel.as_str())
            .map_or(channel.on_by_default(), |(_, _, e)| *e)
    }
}

/// Sends a push: stored, then announced to the person's open app pages.
pub async fn push(
    conn: &mut Conn,
    user_id: &str,
    title: &str,
    body: &str,
) -> AppResult<PushMessage> {
    let id = uuid::Uuid::new_v4().to_string();
    let t = now();
    sqlx::query(
        "INSERT INTO push_messages (id, seq, user_id, title, body, created_at)
         VALUES ($1, (SELECT COALESCE(MAX(seq), 0) + 1 FROM push_messages), $2, $3, $4, $5)",
    )
    .bind(&id)
    .bind(user_id)
    .bind(title)
    .bind(body)
    .bind(t)
    .execute(&mut *conn)
    .await?;
    Ok(PushMessage {
        id,
        title: title.into(),
        body: body.into(),
        created_at: rfc3339(t),
    })
}

pub fn push_topic(user_id: &str) -> String {
    format!("push:{user_id}")
}

#[utoipa::path(
    get, path = "/api/v2/notifications/info", tag = "KttiPay", summary = "Get notification information for the current user.",
    description = "How many notifications the inbox holds, how many are unread, and how many of the person's devices can take a push.",
    responses((status = 200, body = NotificationInfo), (status = 401, body = ErrorBody)),
    security(("bearer" = []))
)]
async fn notification_info(
    State(state): State<AppState>,
    user: CurrentUser,
) -> AppResult<Json<NotificationInfo>> {
    let (total, unread): (i64, i64) = sqlx::query_as(
        "SELECT COUNT(*), CAST(COALESCE(SUM(CASE WHEN read_at IS NULL THEN 1 ELSE 0 END), 0) AS BIGINT) FROM notifications WHERE user_id = $1",
    )
    .bind(&user.user_id)
    .fetch_one(&state.db)
    .await?;
    let (devices,): (i64,) =
        sqlx::query_as("SELECT COUNT(*) FROM devices WHERE user_id = $1 AND fcm_token IS NOT NULL")
            .bind(&user.user_id)
            .fetch_one(&state.db)
            .await?;
    Ok(Json(NotificationInfo {
        total,
        unread,
        devices,
    }))
}

async fn preferences_of(conn: &mut Conn, user_id: &str) -> AppResult<Preferences> {
    let choices = Choices::of(conn, user_id, None).await?;
    let preferences = NotificationCategory::ALL
        .iter()
        .flat_map(|category| {
            NotificationChannel::ALL.iter().map(|channel| Preference {
                category: *category,
                channel: *channel,
                enabled: choices.wants(*category, *channel),
            })
        })
        .collect();
    Ok(Preferences { preferences })
}

#[utoipa::path(
    get, path = "/api/v2/notifications/preferences", tag = "KttiPay", summary = "Get notification preferences for the current user.",
    description = "Every category (deposits, spends, splits, chat, invitations, closure) on every channel (in-app, push, email). Until changed, in-app and push are on and email is off.",
    responses((status = 200, body = Preferences), (status = 401, body = ErrorBody)),
    security(("bearer" = []))
)]
async fn get_preferences(
    State(state): State<AppState>,
    user: CurrentUser,
) -> AppResult<Json<Preferences>> {
    let mut conn = state.db.acquire().await?;
    Ok(Json(preferences_of(&mut conn, &user.user_id).await?))
}

#[utoipa::path(
    put, path = "/api/v2/notifications/preferences", tag = "KttiPay", summary = "Update notification preferences for the current user.",
    description = "Sets the listed category and channel pairs; the others keep their value. Answers with all of them.",
    request_body = Preferences,
    responses((status = 200, body = Preferences), (status = 401, body = ErrorBody)),
    security(("bearer" = []))
)]
async fn update_preferences(
    State(state): State<AppState>,
    user: CurrentUser,
    ApiJson(req): ApiJson<Preferences>,
) -> AppResult<Json<Preferences>> {
    let mut w = crate::db::write(&state.db).await?;
    w.lock(crate::db::Lock::User(&user.user_id)).await?;
    for p in &req.preferences {
        sqlx::query(
            "DELETE FROM notification_preferences WHERE user_id = $1 AND category = $2 AND channel = $3",
        )
        .bind(&user.user_id)
        .bind(p.category.as_str())
        .bind(p.channel.as_str())
        .execute(&mut *w)
        .await?;
        sqlx::query(
            "INSERT INTO notification_preferences (user_id, category, channel, enabled) VALUES ($1, $2, $3, $4)",
        )
        .bind(&user.user_id)
        .bind(p.category.as_str())
        .bind(p.channel.as_str())
        .bind(i64::from(p.enabled))
        .execute(&mut *w)
        .await?;
    }
    let all = preferences_of(&mut w, &user.user_id).await?;
    w.commit().await?;
    Ok(Json(all))
}

#[utoipa::path(
    post, path = "/api/v2/notifications/test-ping", tag = "KttiPay", summary = "Test ping push notification.",
    description = "Sends a push to the current user. No push service can be reached from the sandbox, so it travels over the app's live channel (`GET /api/v2/notifications/push-events`); the app shows it as a browser notification when allowed, else as a toast.",
    responses((status = 202, body = PushMessage), (status = 401, body = ErrorBody)),
    security(("bearer" = []))
)]
async fn test_ping(
    State(state): State<AppState>,
    user: CurrentUser,
) -> AppResult<(StatusCode, Json<PushMessage>)> {
    let mut w = crate::db::write(&state.db).await?;
    let message = push(
        &mut w,
        &user.user_id,
        "Test ping",
        "Push notifications reach this device.",
    )
    .await?;
    w.commit().await?;
    crate::live::publish(&state.db, &push_topic(&user.user_id)).await;
    Ok((StatusCode::ACCEPTED, Json(message)))
}

#[utoipa::path(
    get, path = "/api/v2/notifications/push-events", tag = "KttiPay", summary = "Receive the current user's push notifications (server-sent events).",
    description = "The sandbox's push channel: each push sent from now on arrives as an event `push` whose data is the PushMessage as JSON, at once for a test ping and within two seconds for the others.",
    responses((status = 200, content_type = "text/event-stream", body = String), (status = 401, body = ErrorBody)),
    security(("bearer" = []))
)]
async fn push_events(
    State(state): State<AppState>,
    user: CurrentUser,
) -> AppResult<
    axum::response::sse::Sse<
        impl futures_util::Stream<Item = Result<axum::response::sse::Event, std::convert::Infallible>>,
    >,
> {
    use axum::response::sse::{Event, KeepAlive, Sse};
    let rx = crate::live::subscribe(&state.db);
    let (last,): (i64,) = sqlx::query_as(
        "SELECT CAST(COALESCE(MAX(seq), 0) AS BIGINT) FROM push_messages WHERE user_id = $1",
    )
    .bind(&user.user_id)
    .fetch_one(&state.db)
    .await?;
    struct Follow {
        db: crate::db::Db,
        user_id: String,
        topic: String,
        rx: tokio::sync::broadcast::Receiver<std::sync::Arc<str>>,
        last: i64,
        ready: std::collections::VecDeque<PushMessage>,
    }
    let start = Follow {
        db: state.db.clone(),
        topic: push_topic(&user.user_id),
        user_id: user.user_id,
        rx,
        last,
        ready: Default::default(),
    };
    let stream = futures_util::stream::unfold(start, |mut f| async move {
        loop {
            if let Some(m) = f.ready.pop_front() {
                let data = serde_json::to_string(&m).unwrap_or_default();
                return Some((Ok(Event::default().event("push").data(data)), f));
            }
            // Told at once by the test ping; pushes written inside other writes (before their
            // commit) are picked up by the two-second look.
            tokio::select! {
                r = f.rx.recv() => match r {
                    Ok(t) if *t == *f.topic => {}
                    Ok(_) => continue,
                    Err(tokio::sync::broadcast::error::RecvError::Lagged(_)) => {}
                    Err(tokio::sync::broadcast::error::RecvError::Closed) => return None,
                },
                _ = tokio::time::sleep(std::time::Duration::from_secs(2)) => {}
            }
            let rows: Vec<(String, i64, String, String, i64)> = sqlx::query_as(
                "SELECT id, seq, title, body, created_at FROM push_messages WHERE user_id = $1 AND seq > $2 ORDER BY seq",
            )
            .bind(&f.user_id)
            .bind(f.last)
            .fetch_all(&f.db)
            .await
            .unwrap_or_default();
            for (id, seq, title, body, created_at) in rows {
                f.last = f.last.max(seq);
                f.ready.push_back(PushMessage {
                    id,
                    title,
                    body,
                    created_at: rfc3339(created_at),
                });
            }
        }
    });
    Ok(Sse::new(stream).keep_alive(KeepAlive::default()))
}

fn device_id(id: &str) -> AppResult<String> {
    if (8..=64).contains(&id.len())
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
    {
        Ok(id.to_string())
    } else {
        Err(AppError::field(
            "device_id",
            "Use the device's id: 8 to 64 letters, digits, - or _.",
        ))
    }
}

/// Creates the device row if needed, then applies `set` (an UPDATE with $1 user, $2 device).
async fn touch_device(
    state: &AppState,
    user_id: &str,
    device: &str,
    update: &str,
    values: &[&str],
) -> AppResult<()> {
    let t = now();
    let mut w = crate::db::write(&state.db).await?;
    w.lock(crate::db::Lock::User(user_id)).await?;
    let exists: Option<(String,)> =
        sqlx::query_as("SELECT device_id FROM devices WHERE user_id = $1 AND device_id = $2")
            .bind(user_id)
            .bind(device)
            .fetch_optional(&mut *w)
            .await?;
    if exists.is_none() {
        sqlx::query(
            "INSERT INTO devices (user_id, device_id, created_at, last_seen_at) VALUES ($1, $2, $3, $3)",
        )
        .bind(user_id)
        .bind(device)
        .bind(t)
        .execute(&mut *w)
        .await?;
    }
    let mut q = sqlx::query(update).bind(user_id).bind(device).bind(t);
    for v in values {
        q = q.bind(*v);
    }
    q.execute(&mut *w).await?;
    w.commit().await?;
    Ok(())
}

#[utoipa::path(
    post, path = "/api/v2/devices/fcm-token", tag = "KttiPay", summary = "Save fcm token for user device.",
    request_body = FcmTokenRequest,
    responses((status = 204), (status = 401, body = ErrorBody)),
    security(("bearer" = []))
)]
async fn save_fcm_token(
    State(state): State<AppState>,
    user: CurrentUser,
    ApiJson(req): ApiJson<FcmTokenRequest>,
) -> AppResult<StatusCode> {
    let device = device_id(&req.device_id)?;
    let token = req.fcm_token.as_str();
    if token.starts_with(|c: char| c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c))
        || token.is_empty()
        || token.chars().count() > 4096
    {
        return Err(AppError::field(
            "fcm_token",
            "Send the token the push service gave this device.",
        ));
    }
    touch_device(
        &state,
        &user.user_id,
        &device,
        "UPDATE devices SET last_seen_at = $3, fcm_token = $4 WHERE user_id = $1 AND device_id = $2",
        &[token],
    )
    .await?;
    Ok(StatusCode::NO_CONTENT)
}

#[utoipa::path(
    post, path = "/api/v2/devices/app-details", tag = "KttiPay", summary = "Save app details for user device.",
    request_body = AppDetailsRequest,
    responses((status = 204), (status = 401, body = ErrorBody)),
    security(("bearer" = []))
)]
async fn save_app_details(
    State(state): State<AppState>,
    user: CurrentUser,
    ApiJson(req): ApiJson<AppDetailsRequest>,
) -> AppResult<StatusCode> {
    let device = device_id(&req.device_id)?;
    if !matches!(req.platform.as_str(), "web" | "android" | "ios") {
        return Err(AppError::field("platform", "Use web, android or ios."));
    }
    let version = req.app_version.as_str();
    let model = req.model.as_str();
    if version.chars().count() > 32 || model.chars().count() > 100 {
        return Err(AppError::field(
            "model",
            "Keep the version to 32 and the model to 100 characters.",
        ));
    }
    touch_device(
        &state,
        &user.user_id,
        &device,
        "UPDATE devices SET last_seen_at = $3, platform = $4, app_version = $5, model = $6 WHERE user_id = $1 AND device_id = $2",
        &[&req.platform, version, model],
    )
    .await?;
    Ok(StatusCode::NO_CONTENT)
}

#[utoipa::path(
    get, path = "/api/v2/devices", tag = "KttiPay", summary = "List the current user's devices.",
    responses((status = 200, body = DeviceList), (status = 401, body = ErrorBody)),
    security(("bearer" = []))
)]
async fn devices(State(state): State<AppState>, user: CurrentUser) -> AppResult<Json<DeviceList>> {
    type Row = (
        String,
        Option<String>,
        Option<String>,
        Option<String>,
        Option<String>,
        i64,
        i64,
    );
    let rows: Vec<Row> = sqlx::query_as(
        "SELECT device_id, platform, app_version, model, fcm_token, created_at, last_seen_at FROM devices
         WHERE user_id = $1 ORDER BY last_seen_at DESC",
    )
    .bind(&user.user_id)
    .fetch_all(&state.db)
    .await?;
    Ok(Json(DeviceList {
        devices: rows
            .into_iter()
            .map(
                |(device_id, platform, app_version, model, token, created, seen)| Device {
                    device_id,
                    platform,
                    app_version,
                    model,
                    push: token.is_some(),
                    created_at: rfc3339(created),
                    last_seen_at: rfc3339(seen),
                },
            )
            .collect(),
    }))
}

#[utoipa::path(
    delete, path = "/api/v2/devices/{deviceId}", tag = "KttiPay", summary = "Forget one of the current user's devices.",
    description = "Revokes the device: its push token is dropped, so no push reaches it until it registers again.",
    params(("deviceId" = String, Path)),
    responses((status = 204), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)),
    security(("bearer" = []))
)]
async fn forget_device(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(device): Path<String>,
) -> AppResult<StatusCode> {
    let mut w = crate::db::write(&state.db).await?;
    let n = sqlx::query("DELETE FROM devices WHERE user_id = $1 AND device_id = $2")
        .bind(&user.user_id)
        .bind(&device)
        .execute(&mut *w)
        .await?
        .rows_affected();
    w.commit().await?;
    if n == 0 {
        return Err(AppError::not_found("That device"));
    }
    Ok(StatusCode::NO_CONTENT)
}

/// 403 unless the caller is a platform admin.
async fn platform_admin(state: &AppState, user: &CurrentUser) -> AppResult<()> {
    let me = crate::accounts::by_id(&state.db, &user.user_id).await?;
    if me.is_platform_admin {
        Ok(())
    } else {
        Err(AppError::Forbidden {
            code: kitty_api::error::code::FORBIDDEN,
            message: "Only platform admins can block or unblock customers.".into(),
        })
    }
}

#[derive(Debug, serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct CustomerQuery {
    /// Part of a name, mobile number or email; at least 3 characters.
    #[param(min_length = 3, max_length = 100)]
    query: String,
}

type CustomerRow = (
    String,
    String,
    Option<String>,
    Option<String>,
    Option<i64>,
    crate::db::Flag,
);

fn customer((id, name, mobile, email, blocked_at, admin): CustomerRow) -> Customer {
    Customer {
        id,
        name,
        mobile,
        email,
        blocked: blocked_at.is_some(),
        is_platform_admin: admin.0,
    }
}

#[utoipa::path(
    get, path = "/api/v2/users", tag = "KttiPay", summary = "Find customers (platform admins only).",
    description = "Up to 20 customers whose name, mobile number or email contains `query`, for the admin's block and unblock.",
    params(CustomerQuery),
    responses((status = 200, body = CustomerList), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)),
    security(("bearer" = []))
)]
async fn customers(
    State(state): State<AppState>,
    user: CurrentUser,
    ApiQuery(q): ApiQuery<CustomerQuery>,
) -> AppResult<Json<CustomerList>> {
    platform_admin(&state, &user).await?;
    let term = q.query.to_lowercase();
    if !(3..=100).contains(&term.chars().count()) {
        return Err(AppError::field("query", "Type at least 3 characters."));
    }
    let like = format!("%{}%", super::kitties::like_escaped(&term));
    let rows: Vec<CustomerRow> = sqlx::query_as(
        "SELECT id, name, mobile, email, blocked_at, is_platform_admin FROM users
         WHERE lower(name) LIKE $1 ESCAPE '\\' OR mobile LIKE $1 ESCAPE '\\' OR lower(COALESCE(email, '')) LIKE $1 ESCAPE '\\'
         ORDER BY name LIMIT 20",
    )
    .bind(&like)
    .fetch_all(&state.db)
    .await?;
    Ok(Json(CustomerList {
        customers: rows.into_iter().map(customer).collect(),
    }))
}

async fn set_blocked(
    state: &AppState,
    user: &CurrentUser,
    target: &str,
    blocked: bool,
) -> AppResult<Customer> {
    platform_admin(state, user).await?;
    if blocked && target == user.user_id {
        return Err(AppError::Conflict {
            message: "You cannot block yourself.".into(),
            fields: Default::default(),
        });
    }
    let mut w = crate::db::write(&state.db).await?;
    let n = sqlx::query(if blocked {
        "UPDATE users SET blocked_at = COALESCE(blocked_at, $1) WHERE id = $2"
    } else {
        "UPDATE users SET blocked_at = NULL WHERE id = $2 AND $1 = $1"
    })
    .bind(now())
    .bind(target)
    .execute(&mut *w)
    .await?
    .rows_affected();
    if n == 0 {
        return Err(AppError::not_found("That customer"));
    }
    if blocked {
        // Their sessions end at once; their kitties stay readable for the other members.
        sqlx::query("DELETE FROM sessions WHERE user_id = $1")
            .bind(target)
            .execute(&mut *w)
            .await?;
    }
    let row: CustomerRow = sqlx::query_as(
        "SELECT id, name, mobile, email, blocked_at, is_platform_admin FROM users WHERE id = $1",
    )
    .bind(target)
    .fetch_one(&mut *w)
    .await?;
    w.commit().await?;
    Ok(customer(row))
}

#[utoipa::path(
    put, path = "/api/v2/users/{userId}/block", tag = "KttiPay", summary = "Block a customer - only admins can do it!",
    description = "Platform admins only (403 for anyone else). The customer cannot sign in any more, and every session of theirs ends at once. Their kitties stay readable for the other members.",
    params(("userId" = String, Path)),
    responses((status = 200, body = Customer), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)),
    security(("bearer" = []))
)]
async fn block(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(target): Path<String>,
) -> AppResult<Json<Customer>> {
    Ok(Json(set_blocked(&state, &user, &target, true).await?))
}

#[utoipa::path(
    put, path = "/api/v2/users/{userId}/unblock", tag = "KttiPay", summary = "Unblock a customer - only admins can do it!",
    description = "Platform admins only (403 for anyone else). The customer can sign in again.",
    params(("userId" = String, Path)),
    responses((status = 200, body = Customer), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)),
    security(("bearer" = []))
)]
async fn unblock(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(target): Path<String>,
) -> AppResult<Json<Customer>> {
    Ok(Json(set_blocked(&state, &user, &target, false).await?))
}
