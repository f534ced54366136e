//! Membership: members and their totals, roles and admin requests, paying out a member who is
//! owed, leaving and removal.

use super::inbox::{notify_with, Note};
use super::ledger::{self, conflict};
use crate::db::Conn;
use crate::error::{ApiJson, AppError, AppResult};
use crate::session::CurrentUser;
use crate::AppState;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::Json;
use kitty_api::kitty::{
    Disbursement, KittyStatus, MemberStatus, MemberTotals, Role, ShareLine, TxKind,
    UpdateMembershipRequest,
};
use kitty_api::notifications::NotificationKind;
use kitty_api::ErrorBody;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;
pub fn routes(router: OpenApiRouter<AppState>) -> OpenApiRouter<AppState> {
    router
        .routes(routes!(list_members))
        .routes(routes!(member_totals))
        .routes(routes!(leave))
        .routes(routes!(update_membership, remove_member))
        .routes(routes!(pay_out_member))
        .routes(routes!(request_admin))
}

#[utoipa::path(
    get, path = "/api/v3/ktties/{kttiId}/members", tag = "KttiPay", summary = "List all members of ktti.",
    params(("kttiId" = String, Path)),
    responses((status = 200, body = MemberTotals), (status = 404, body = ErrorBody)),
    security(("bearer" = []))
)]
async fn list_members(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
) -> AppResult<Json<MemberTotals>> {
    let mut conn = state.db.acquire().await?;
    ledger::access(&mut conn, &id, &user.user_id).await?;
    Ok(Json(ledger::totals(&mut conn, &id).await?))
}

#[utoipa::path(
    get, path = "/api/v3/ktties/{kttiId}/member-totals", tag = "KttiPay",
    summary = "Retrieve total deposited and spent amount for each member in a ktti.",
    description = "Members' balances plus the unassigned deposits add up exactly to the available balance.",
    params(("kttiId" = String, Path)),
    responses((status = 200, body = MemberTotals), (status = 404, body = ErrorBody)),
    security(("bearer" = []))
)]
async fn member_totals(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
) -> AppResult<Json<MemberTotals>> {
    list_members(State(state), user, Path(id)).await
}

/// A mobile number or email, normalised the way accounts store them.
/// Admins of a kitty, other than `except`.
async fn other_admins(conn: &mut Conn, ktti_id: &str, except: &str) -> AppResult<i64> {
    let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM ktti_members WHERE ktti_id = $1 AND role = 'admin' AND status = 'active' AND user_id != $2")
        .bind(ktti_id)
        .bind(except)
        .fetch_one(conn)
        .await?;
    Ok(n)
}

#[utoipa::path(
    post, path = "/api/v3/ktties/{kttiId}/leave", tag = "KttiPay", summary = "Leave the kitti.",
    description = "Only with a balance of exactly zero (an admin pays out what is owed; a member who owes deposits it), and not as the last admin. The default split is rebuilt without the member.",
    params(("kttiId" = String, Path)),
    responses((status = 204), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)),
    security(("bearer" = []))
)]
async fn leave(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
) -> AppResult<StatusCode> {
    let (mut tx, access) = ledger::member_change(&state.db, &id, &user.user_id).await?;
    if access.is_personal {
        return Err(conflict("You cannot leave your personal kitty."));
    }
    if access.role == Role::Admin && other_admins(&mut tx, &id, &user.user_id).await? == 0 {
        return Err(conflict(
            "You are the last admin. Make another member an admin before you leave.",
        ));
    }
    ledger::drop_member(&mut tx, &id, &user.user_id, MemberStatus::Left, true).await?;
    tx.commit().await?;
    crate::live::kitty_changed(&state.db, &id).await;
    Ok(StatusCode::NO_CONTENT)
}

#[utoipa::path(
    put, path = "/api/v3/ktties/{kttiId}/members/{userId}", tag = "KttiPay", summary = "Update membership for an individual in a ktti.",
    description = "Admins change a member's role; making a member admin also answers their request for admin access.",
    params(("kttiId" = String, Path), ("userId" = String, Path)),
    request_body = UpdateMembershipRequest,
    responses((status = 200, body = MemberTotals), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)),
    security(("bearer" = []))
)]
async fn update_membership(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((id, member)): Path<(String, String)>,
    ApiJson(req): ApiJson<UpdateMembershipRequest>,
) -> AppResult<Json<MemberTotals>> {
    let (mut tx, _) = ledger::admin_change(&state.db, &id, &user.user_id).await?;
    let target = ledger::access(&mut tx, &id, &member)
        .await
        .map_err(|_| AppError::not_found("The member"))?;
    if target.role == Role::Admin
        && req.role == Role::Member
        && other_admins(&mut tx, &id, &member).await? == 0
    {
        return Err(conflict(
            "A kitty needs at least one admin. Make someone else admin first.",
        ));
    }
    sqlx::query(
        "UPDATE ktti_members SET role = $1, admin_requested = 0 WHERE ktti_id = $2 AND user_id = $3",
    )
    .bind(req.role.as_str())
    .bind(&id)
    .bind(&member)
    .execute(&mut *tx)
    .await?;
    let totals = ledger::totals(&mut tx, &id).await?;
    tx.commit().await?;
    crate::live::kitty_changed(&state.db, &id).await;
    Ok(Json(totals))
}

#[utoipa::path(
    delete, path = "/api/v3/ktties/{kttiId}/members/{userId}", tag = "KttiPay", summary = "Remove a member from a ktti.",
    params(("kttiId" = String, Path), ("userId" = String, Path)),
    responses((status = 204), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)),
    security(("bearer" = []))
)]
async fn remove_member(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((id, member)): Path<(String, String)>,
) -> AppResult<StatusCode> {
    let (mut tx, _) = ledger::admin_change(&state.db, &id, &user.user_id).await?;
    let target = ledger::access(&mut tx, &id, &member)
        .await
        .map_err(|_| AppError::not_found("The member"))?;
    if target.role == Role::Admin && other_admins(&mut tx, &id, &member).await? == 0 {
        return Err(conflict(
            "This is the last admin. A kitty needs at least one.",
        ));
    }
    ledger::drop_member(&mut tx, &id, &member, MemberStatus::Removed, false).await?;
    tx.commit().await?;
    crate::live::kitty_changed(&state.db, &id).await;
    Ok(StatusCode::NO_CONTENT)
}

#[utoipa::path(
    post, path = "/api/v3/ktties/{kttiId}/members/{userId}/payout", tag = "KttiPay",
    summary = "Pay out what a member is owed.",
    description = "Admins only. Pays a member's whole positive balance out to them as one payout, so they can leave settled. Refused when other members' debts mean the kitty does not hold it.",
    params(("kttiId" = String, Path), ("userId" = String, Path)),
    responses((status = 200, body = Disbursement), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)),
    security(("bearer" = []))
)]
async fn pay_out_member(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((id, member)): Path<(String, String)>,
) -> AppResult<Json<Disbursement>> {
    let (mut tx, access) = ledger::admin_change(&state.db, &id, &user.user_id).await?;
    if access.status == KittyStatus::Closed {
        return Err(conflict(
            "This kitty is closed; everyone has been paid out.",
        ));
    }
    let totals = ledger::totals(&mut tx, &id).await?;
    let m = totals
        .members
        .iter()
        .find(|m| m.user_id == member)
        .ok_or_else(|| AppError::not_found("The member"))?;
    let currency = ledger::currency(&mut tx, &id).await?;
    let amount = kitty_api::ledger::settling_payout(m, totals.available_balance, currency)?;
    ledger::record(
        &mut tx,
        &id,
        TxKind::Payout,
        amount,
        &format!("Payout to {}", m.name),
        Some(&m.user_id),
        None,
    )
    .await?;
    tx.commit().await?;
    crate::live::kitty_changed(&state.db, &id).await;
    Ok(Json(Disbursement {
        payouts: vec![ShareLine {
            user_id: m.user_id.clone(),
            name: m.name.clone(),
            amount,
        }],
    }))
}

#[utoipa::path(
    post, path = "/api/v3/ktties/{kttiId}/admin-requests", tag = "KttiPay", summary = "Request admin access for a specific ktti.",
    params(("kttiId" = String, Path)),
    responses((status = 204), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)),
    security(("bearer" = []))
)]
async fn request_admin(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
) -> AppResult<StatusCode> {
    let (mut tx, access) = ledger::member_change(&state.db, &id, &user.user_id).await?;
    if access.role == Role::Admin {
        return Err(conflict("You are already an admin of this kitty."));
    }
    sqlx::query("UPDATE ktti_members SET admin_requested = 1 WHERE ktti_id = $1 AND user_id = $2")
        .bind(&id)
        .bind(&user.user_id)
        .execute(&mut *tx)
        .await?;
    let (name, kitty): (String, String) = sqlx::query_as(
        "SELECT u.name, k.name FROM users u, ktties k WHERE u.id = $1 AND k.id = $2",
    )
    .bind(&user.user_id)
    .bind(&id)
    .fetch_one(&mut *tx)
    .await?;
    let admins: Vec<(String,)> = sqlx::query_as("SELECT user_id FROM ktti_members WHERE ktti_id = $1 AND role = 'admin' AND status = 'active'")
        .bind(&id)
        .fetch_all(&mut *tx)
        .await?;
    for (admin,) in admins {
        notify_with(
            &mut tx,
            &admin,
            Note {
                kind: NotificationKind::System,
                category: kitty_api::account::NotificationCategory::Invitations,
                say: crate::words::Say::AdminRequested {
                    name: &name,
                    kitty: &kitty,
                },
                link: Some(format!("/kitties/{id}/members")),
            },
            Some((
                kitty_api::notifications::ActionKind::ApproveAdmin,
                &format!("{id}:{}", user.user_id),
            )),
        )
        .await?;
    }
    tx.commit().await?;
    crate::live::kitty_changed(&state.db, &id).await;
    Ok(StatusCode::NO_CONTENT)
}
