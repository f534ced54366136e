//! Kitties themselves: list, create, read, update, the personal kitty, and closure.

use super::ledger::{self, conflict, Access};
use crate::db::Db;
use crate::error::{ApiJson, AppError, AppResult};
use crate::session::CurrentUser;
use crate::AppState;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::Json;
use kitty_api::kitty::{
    CreateKittyRequest, Disbursement, Kitty, KittyList, KittyStatus, Role, ShareLine, TxKind,
    UpdateKittyRequest,
};
use kitty_api::{Currency, ErrorBody};
use serde::Deserialize;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

pub fn routes(router: OpenApiRouter<AppState>) -> OpenApiRouter<AppState> {
    router
        .routes(routes!(list_kitties, create_kitty))
        .routes(routes!(personal_kitty))
        .routes(routes!(read_kitty, update_kitty))
        .routes(routes!(initiate_closure))
        .routes(routes!(disburse))
        .routes(routes!(close))
        .routes(routes!(cancel_closure))
        .routes(routes!(kitty_events))
}

/// Every user has a personal kitty; it is made the first time it is needed.
async fn ensure_personal(db: &Db, user_id: &str) -> AppResult<String> {
    let existing: Option<(String,)> =
        sqlx::query_as("SELECT id FROM ktties WHERE owner_id = $1 AND is_personal = 1")
            .bind(user_id)
            .fetch_optional(db)
            .await?;
    if let Some((id,)) = existing {
        return Ok(id);
    }
    let mut tx = crate::db::write(db).await?;
    let id = ledger::create(
        &mut tx,
        user_id,
        "Personal",
        None,
        Currency::AUD,
        None,
        true,
    )
    .await;
    match id {
        Ok(id) => {
            tx.commit().await?;
            Ok(id)
        }
        // Two first requests at once: the other one made it.
        Err(_) => {
            drop(tx);
            let (id,): (String,) =
                sqlx::query_as("SELECT id FROM ktties WHERE owner_id = $1 AND is_personal = 1")
                    .bind(user_id)
                    .fetch_one(db)
                    .await?;
            Ok(id)
        }
    }
}

/// `text` for a LIKE pattern, its wildcards taken literally (escape character `\`).
pub(super) fn like_escaped(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_")
}

#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct KittyFilter {
    /// active, closing or closed; empty for any.
    #[param(pattern = r"^(active|closing|closed)?$")]
    status: Option<String>,
    /// Part of the name, any case.
    name: Option<String>,
    /// admin or member: the caller's role; empty for any.
    #[param(pattern = r"^(admin|member)?$")]
    role: Option<String>,
}

#[utoipa::path(
    get, path = "/api/v3/ktties", tag = "KttiPay", summary = "Get all ktties or some ktties based on filters.",
    description = "The caller's kitties, the personal one first.",
    params(KittyFilter),
    responses((status = 200, body = KittyList), (status = 401, body = ErrorBody)),
    security(("bearer" = []))
)]
async fn list_kitties(
    State(state): State<AppState>,
    user: CurrentUser,
    crate::error::ApiQuery(f): crate::error::ApiQuery<KittyFilter>,
) -> AppResult<Json<KittyList>> {
    ensure_personal(&state.db, &user.user_id).await?;
    // An empty value (`?status=`) means no filter, as a form sends it.
    let given = |v: &Option<String>| v.clone().filter(|s| !s.is_empty());
    let status = match given(&f.status) {
        Some(s) => Some(
            KittyStatus::parse(&s)
                .ok_or_else(|| AppError::field("status", "Use active, closing or closed."))?,
        ),
        None => None,
    };
    let role = match given(&f.role) {
        Some(r) => {
            Some(Role::parse(&r).ok_or_else(|| AppError::field("role", "Use admin or member."))?)
        }
        None => None,
    };
    let (status, name, role) = (
        status.map(KittyStatus::as_str),
        given(&f.name).map(|n| n.trim().to_string()),
        role.map(Role::as_str),
    );
    let ids: Vec<(String,)> = sqlx::query_as(
        "SELECT k.id FROM ktties k JOIN ktti_members m ON m.ktti_id = k.id AND m.user_id = $1 AND m.status = 'active'
         WHERE ($2 IS NULL OR k.status = $2) AND ($3 IS NULL OR lower(k.name) LIKE $3 ESCAPE '\\') AND ($4 IS NULL OR m.role = $4)
         ORDER BY k.is_personal DESC, k.created_at DESC",
    )
    .bind(&user.user_id)
    .bind(status)
    .bind(name.map(|n| format!("%{}%", like_escaped(&n.to_lowercase()))))
    .bind(role)
    .fetch_all(&state.db)
    .await?;
    let mut conn = state.db.acquire().await?;
    let mut ktties = Vec::with_capacity(ids.len());
    for (id,) in ids {
        ktties.push(ledger::kitty(&mut conn, &id, &user.user_id).await?);
    }
    Ok(Json(KittyList {
        total: ktties.len() as i64,
        ktties,
    }))
}

#[utoipa::path(
    post, path = "/api/v3/ktties", tag = "KttiPay", summary = "Creates a new ktti.",
    request_body = CreateKittyRequest,
    responses((status = 201, body = Kitty), (status = 422, body = ErrorBody), (status = 401, body = ErrorBody)),
    security(("bearer" = []))
)]
async fn create_kitty(
    State(state): State<AppState>,
    user: CurrentUser,
    ApiJson(req): ApiJson<CreateKittyRequest>,
) -> AppResult<(StatusCode, Json<Kitty>)> {
    let req = req.validate().map_err(AppError::Validation)?;
    let mut tx = crate::db::write(&state.db).await?;
    let id = ledger::create(
        &mut tx,
        &user.user_id,
        &req.name,
        req.description.as_deref(),
        req.currency.unwrap_or(Currency::AUD),
        req.goal_amount,
        false,
    )
    .await?;
    let kitty = ledger::kitty(&mut tx, &id, &user.user_id).await?;
    tx.commit().await?;
    crate::live::kitty_changed(&state.db, &id).await;
    Ok((StatusCode::CREATED, Json(kitty)))
}

#[utoipa::path(
    get, path = "/api/v3/ktties/personal", tag = "KttiPay", summary = "Get personal Ktti for the current user.",
    responses((status = 200, body = Kitty), (status = 401, body = ErrorBody)),
    security(("bearer" = []))
)]
async fn personal_kitty(
    State(state): State<AppState>,
    user: CurrentUser,
) -> AppResult<Json<Kitty>> {
    let id = ensure_personal(&state.db, &user.user_id).await?;
    let mut conn = state.db.acquire().await?;
    Ok(Json(ledger::kitty(&mut conn, &id, &user.user_id).await?))
}

#[utoipa::path(
    get, path = "/api/v3/ktties/{kttiId}", tag = "KttiPay", summary = "Read a single ktti.",
    params(("kttiId" = String, Path)),
    responses((status = 200, body = Kitty), (status = 404, body = ErrorBody), (status = 401, body = ErrorBody)),
    security(("bearer" = []))
)]
async fn read_kitty(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
) -> AppResult<Json<Kitty>> {
    let mut conn = state.db.acquire().await?;
    Ok(Json(ledger::kitty(&mut conn, &id, &user.user_id).await?))
}

#[utoipa::path(
    patch, path = "/api/v3/ktties/{kttiId}", tag = "KttiPay", summary = "Update a ktti.",
    params(("kttiId" = String, Path)),
    request_body = UpdateKittyRequest,
    responses(
        (status = 200, body = Kitty), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 409, body = ErrorBody), (status = 422, body = ErrorBody),
    ),
    security(("bearer" = []))
)]
async fn update_kitty(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
    ApiJson(req): ApiJson<UpdateKittyRequest>,
) -> AppResult<Json<Kitty>> {
    let (mut tx, access) = ledger::member_change(&state.db, &id, &user.user_id).await?;
    access.require_admin()?;
    if access.status == KittyStatus::Closed {
        return Err(conflict("This kitty is closed and can no longer change."));
    }
    let check = CreateKittyRequest {
        name: req.name.clone().unwrap_or_else(|| "x".into()),
        currency: None,
        goal_amount: req.goal_amount,
        description: req.description.clone(),
    }
    .validate()
    .map_err(AppError::Validation)?;
    sqlx::query(
        "UPDATE ktties SET name = COALESCE($1, name), description = CASE WHEN $2 THEN $3 ELSE description END,
             goal_amount = CASE WHEN $4 THEN $5 ELSE goal_amount END WHERE id = $6",
    )
    .bind(req.name.as_ref().map(|_| check.name.clone()))
    .bind(req.description.is_some())
    .bind(&check.description)
    .bind(req.goal_amount.is_some())
    .bind(check.goal_amount)
    .bind(&id)
    .execute(&mut *tx)
    .await?;
    let kitty = ledger::kitty(&mut tx, &id, &user.user_id).await?;
    tx.commit().await?;
    crate::live::kitty_changed(&state.db, &id).await;
    Ok(Json(kitty))
}

/// Opens a transaction holding the write lock on the kitty, for an admin closure step.
async fn closure_step(
    state: &AppState,
    user: &CurrentUser,
    id: &str,
) -> AppResult<(ledger::Tx, Access)> {
    let (tx, access) = ledger::admin_change(&state.db, id, &user.user_id).await?;
    if access.is_personal {
        return Err(conflict("Your personal kitty cannot be closed."));
    }
    Ok((tx, access))
}

/// Moves the kitty to `status` and answers with the kitty as it is now.
async fn move_to(
    db: &Db,
    mut tx: ledger::Tx,
    id: &str,
    user: &CurrentUser,
    status: KittyStatus,
) -> AppResult<Json<Kitty>> {
    sqlx::query("UPDATE ktties SET status = $1 WHERE id = $2")
        .bind(status.as_str())
        .bind(id)
        .execute(&mut *tx)
        .await?;
    let kitty = ledger::kitty(&mut tx, id, &user.user_id).await?;
    tx.commit().await?;
    crate::live::kitty_changed(db, id).await;
    Ok(Json(kitty))
}

#[utoipa::path(
    post, path = "/api/v3/ktties/{kttiId}/closure/initiate", tag = "KttiPay", summary = "Initiate a ktti closure.",
    description = "Spending stops and the card is frozen; splits and assignees are frozen too.",
    params(("kttiId" = String, Path)),
    responses((status = 200, body = Kitty), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)),
    security(("bearer" = []))
)]
async fn initiate_closure(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
) -> AppResult<Json<Kitty>> {
    let (tx, access) = closure_step(&state, &user, &id).await?;
    if access.status != KittyStatus::Active {
        return Err(conflict("Closure has already started for this kitty."));
    }
    move_to(&state.db, tx, &id, &user, KittyStatus::Closing).await
}

#[utoipa::path(
    post, path = "/api/v3/ktties/{kttiId}/closure/disburse", tag = "KttiPay",
    summary = "Disburse remaining ktti funds to members before final closure.",
    description = "Pays each member's positive balance out to them, one payout transaction each. Needs every deposit assigned and no member in debt.",
    params(("kttiId" = String, Path)),
    responses((status = 200, body = Disbursement), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)),
    security(("bearer" = []))
)]
async fn disburse(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
) -> AppResult<Json<Disbursement>> {
    let (mut tx, access) = closure_step(&state, &user, &id).await?;
    if access.status != KittyStatus::Closing {
        return Err(conflict(
            "Start the closure first: disbursing needs the card frozen.",
        ));
    }
    let totals = ledger::totals(&mut tx, &id).await?;
    let currency = ledger::currency(&mut tx, &id).await?;
    kitty_api::ledger::may_disburse(&totals, currency)?;
    let mut payouts = Vec::new();
    for m in totals.members.into_iter().filter(|m| m.balance > 0) {
        ledger::record(
            &mut tx,
            &id,
            TxKind::Payout,
            m.balance,
            &format!("Payout to {}", m.name),
            Some(&m.user_id),
            None,
        )
        .await?;
        payouts.push(ShareLine {
            user_id: m.user_id,
            name: m.name,
            amount: m.balance,
        });
    }
    tx.commit().await?;
    crate::live::kitty_changed(&state.db, &id).await;
    Ok(Json(Disbursement { payouts }))
}

#[utoipa::path(
    post, path = "/api/v3/ktties/{kttiId}/closure/close", tag = "KttiPay",
    summary = "Permanently close the ktti with 0 total and available balance.",
    description = "Needs every member's balance at exactly zero and no unassigned deposit.",
    params(("kttiId" = String, Path)),
    responses((status = 200, body = Kitty), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)),
    security(("bearer" = []))
)]
async fn close(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
) -> AppResult<Json<Kitty>> {
    let (mut tx, access) = closure_step(&state, &user, &id).await?;
    if access.status != KittyStatus::Closing {
        return Err(conflict(
            "Start the closure and disburse the funds before closing.",
        ));
    }
    let totals = ledger::totals(&mut tx, &id).await?;
    let currency = ledger::currency(&mut tx, &id).await?;
    kitty_api::ledger::may_close(&totals, currency)?;
    move_to(&state.db, tx, &id, &user, KittyStatus::Closed).await
}

#[utoipa::path(
    post, path = "/api/v3/ktties/{kttiId}/closure/cancel", tag = "KttiPay",
    summary = "Cancel the ktti closure and re-activate the ktti.",
    params(("kttiId" = String, Path)),
    responses((status = 200, body = Kitty), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)),
    security(("bearer" = []))
)]
async fn cancel_closure(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
) -> AppResult<Json<Kitty>> {
    let (tx, access) = closure_step(&state, &user, &id).await?;
    if access.status != KittyStatus::Closing {
        return Err(conflict(if access.status == KittyStatus::Closed {
            "This kitty is closed for good; closure can no longer be cancelled."
        } else {
            "This kitty is not closing."
        }));
    }
    move_to(&state.db, tx, &id, &user, KittyStatus::Active).await
}

#[utoipa::path(
    get, path = "/api/v3/ktties/{kttiId}/events", tag = "KttiPay",
    summary = "Hear when anything in a ktti changes (server-sent events).",
    description = "Members only. Sends `changed` whenever money moves or a member, split or status changes, from any member or server process; the app then reloads what it shows.",
    params(("kttiId" = String, Path)),
    responses((status = 200, content_type = "text/event-stream", body = String), (status = 404, body = ErrorBody)),
    security(("bearer" = []))
)]
async fn kitty_events(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
) -> AppResult<
    axum::response::sse::Sse<
        impl futures_util::Stream<Item = Result<axum::response::sse::Event, std::convert::Infallible>>,
    >,
> {
    use axum::response::sse::{Event, KeepAlive, Sse};
    let mut conn = state.db.acquire().await?;
    ledger::access(&mut conn, &id, &user.user_id).await?;
    drop(conn);
    let rx = crate::live::subscribe(&state.db);
    let topic = crate::live::kitty_topic(&id);
    let follow = (rx, topic, state.db.clone(), id, user.user_id);
    let stream =
        futures_util::stream::unfold(follow, |(mut rx, topic, db, id, user_id)| async move {
            loop {
                match rx.recv().await {
                    Ok(t) if *t == *topic => break,
                    Ok(_) => continue,
                    Err(tokio::sync::broadcast::error::RecvError::Lagged(_)) => break,
                    Err(tokio::sync::broadcast::error::RecvError::Closed) => return None,
                }
            }
            // Someone who left (or was removed) hears nothing more: the stream ends.
            let still_member = match db.acquire().await {
                Ok(mut conn) => ledger::access(&mut conn, &id, &user_id).await.is_ok(),
                Err(_) => true,
            };
            if !still_member {
                return None;
            }
            Some((
                Ok(Event::default().event("changed").data("changed")),
                (rx, topic, db, id, user_id),
            ))
        });
    Ok(Sse::new(stream).keep_alive(KeepAlive::default()))
}
