//! Membership: members and their totals, invitations, referral codes, roles, leaving, and the
//! kitty's default split.

use super::inbox::notify;
use super::ledger::{self, conflict};
use crate::db::now;
use crate::error::{ApiJson, AppError, AppResult};
use crate::session::CurrentUser;
use crate::AppState;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::Json;
use kitty_api::format::to_rfc3339;
use kitty_api::kitty::{
    Disbursement, Invitation, InvitationList, InvitationStatus, InviteRequest, JoinRequest, Kitty,
    KittyStatus, MemberStatus, MemberTotals, Role, ShareLine, SplitRule, TxKind,
    UpdateMembershipRequest,
};
use kitty_api::notifications::NotificationKind;
use kitty_api::ErrorBody;
use sqlx::SqliteConnection;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

pub fn routes(router: OpenApiRouter<AppState>) -> OpenApiRouter<AppState> {
    router
        .routes(routes!(list_members))
        .routes(routes!(member_totals))
        .routes(routes!(invite, kitty_invitations))
        .routes(routes!(my_invitations))
        .routes(routes!(accept_invitation))
        .routes(routes!(reject_invitation))
        .routes(routes!(join_with_code))
        .routes(routes!(leave))
        .routes(routes!(update_membership, remove_member))
        .routes(routes!(pay_out_member))
        .routes(routes!(request_admin))
        .routes(routes!(get_split, update_split))
        .routes(routes!(referral_qr))
}

#[utoipa::path(
    get, path = "/api/v3/ktties/{kttiId}/referral-qr.svg", tag = "KttiPay", summary = "The referral link of a ktti as a QR code.",
    description = "An SVG of `{origin}/join/{referral_code}`, for members to show to friends.",
    params(("kttiId" = String, Path)),
    responses((status = 200, content_type = "image/svg+xml", body = String), (status = 404, body = ErrorBody)),
    security(("bearer" = []))
)]
async fn referral_qr(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
    headers: axum::http::HeaderMap,
) -> AppResult<axum::response::Response> {
    let mut conn = state.db.acquire().await?;
    let kitty = ledger::kitty(&mut conn, &id, &user.user_id).await?;
    crate::qr::svg_response(&format!(
        "{}/join/{}",
        crate::web::public_base(&headers),
        kitty.referral_code
    ))
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
fn contact(input: &str) -> AppResult<String> {
    if kitty_api::validate::is_email_username(input) {
        kitty_api::validate::email(input).map_err(|m| AppError::field("contact", m))
    } else {
        kitty_api::validate::mobile(input).map_err(|_| {
            AppError::field(
                "contact",
                "Enter a mobile number like 09121234567 or an email.",
            )
        })
    }
}

#[utoipa::path(
    post, path = "/api/v3/ktties/{kttiId}/invitations", tag = "KttiPay", summary = "Invite a member by mobile number or email.",
    description = "Admins only. The invitee sees it in their inbox and kitty list once they have an account.",
    params(("kttiId" = String, Path)),
    request_body = InviteRequest,
    responses((status = 201, body = Invitation), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)),
    security(("bearer" = []))
)]
async fn invite(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
    ApiJson(req): ApiJson<InviteRequest>,
) -> AppResult<(StatusCode, Json<Invitation>)> {
    let mut tx = crate::db::write(&state.db).await?;
    let access = ledger::access(&mut tx, &id, &user.user_id).await?;
    access.require_admin()?;
    if access.is_personal {
        return Err(conflict(
            "Your personal kitty is just for you. Create a kitty to share.",
        ));
    }
    if access.status != KittyStatus::Active {
        return Err(conflict("This kitty is closing; it takes no new members."));
    }
    let contact = contact(&req.contact)?;
    let invitee: Option<(String,)> =
        sqlx::query_as("SELECT id FROM users WHERE mobile = ? OR email = ?")
            .bind(&contact)
            .bind(&contact)
            .fetch_optional(&mut *tx)
            .await?;
    if let Some((uid,)) = &invitee {
        let member: Option<(String,)> = sqlx::query_as("SELECT status FROM ktti_members WHERE ktti_id = ? AND user_id = ? AND status = 'active'")
            .bind(&id)
            .bind(uid)
            .fetch_optional(&mut *tx)
            .await?;
        if member.is_some() {
            return Err(AppError::conflict_on(
                "contact",
                "This person is already a member.",
            ));
        }
    }
    let inv_id = uuid::Uuid::new_v4().to_string();
    let inserted = sqlx::query("INSERT INTO ktti_invitations (id, ktti_id, contact, invited_by, created_at) VALUES (?, ?, ?, ?, ?)")
        .bind(&inv_id)
        .bind(&id)
        .bind(&contact)
        .bind(&user.user_id)
        .bind(now())
        .execute(&mut *tx)
        .await;
    match inserted {
        Ok(_) => {}
        Err(e) if crate::db::is_unique_violation(&e, "ktti_invitations") => {
            return Err(AppError::conflict_on(
                "contact",
                "This person already has an invitation waiting.",
            ))
        }
        Err(e) => return Err(e.into()),
    }
    let invitation = invitation_by_id(&mut tx, &inv_id).await?;
    if let Some((uid,)) = invitee {
        notify(
            &mut tx,
            &uid,
            NotificationKind::Invitation,
            "You were invited",
            &format!(
                "{} invited you to join {}.",
                invitation.invited_by, invitation.ktti_name
            ),
        )
        .await?;
    }
    tx.commit().await?;
    Ok((StatusCode::CREATED, Json(invitation)))
}

#[derive(sqlx::FromRow)]
struct InvitationRow {
    id: String,
    ktti_id: String,
    ktti_name: String,
    invited_by: String,
    contact: String,
    status: String,
    created_at: i64,
}

impl TryFrom<InvitationRow> for Invitation {
    type Error = AppError;

    fn try_from(r: InvitationRow) -> AppResult<Self> {
        Ok(Invitation {
            status: ledger::parse(InvitationStatus::parse, &r.status, "invitation status")?,
            id: r.id,
            ktti_id: r.ktti_id,
            ktti_name: r.ktti_name,
            invited_by: r.invited_by,
            contact: r.contact,
            created_at: to_rfc3339(r.created_at),
        })
    }
}

fn invitations(rows: Vec<InvitationRow>) -> AppResult<InvitationList> {
    Ok(InvitationList {
        invitations: rows
            .into_iter()
            .map(Invitation::try_from)
            .collect::<AppResult<_>>()?,
    })
}

const INVITATION_SELECT: &str = "SELECT i.id, i.ktti_id, k.name AS ktti_name, u.name AS invited_by, i.contact, i.status, i.created_at
     FROM ktti_invitations i JOIN ktties k ON k.id = i.ktti_id JOIN users u ON u.id = i.invited_by";

async fn invitation_by_id(conn: &mut SqliteConnection, id: &str) -> AppResult<Invitation> {
    let row: InvitationRow = sqlx::query_as(&format!("{INVITATION_SELECT} WHERE i.id = ?"))
        .bind(id)
        .fetch_one(conn)
        .await?;
    row.try_into()
}

#[utoipa::path(
    get, path = "/api/v3/ktties/{kttiId}/invitations", tag = "KttiPay", summary = "List the pending invitations of a ktti.",
    params(("kttiId" = String, Path)),
    responses((status = 200, body = InvitationList), (status = 404, body = ErrorBody)),
    security(("bearer" = []))
)]
async fn kitty_invitations(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
) -> AppResult<Json<InvitationList>> {
    let mut conn = state.db.acquire().await?;
    ledger::access(&mut conn, &id, &user.user_id).await?;
    let rows: Vec<InvitationRow> = sqlx::query_as(&format!("{INVITATION_SELECT} WHERE i.ktti_id = ? AND i.status = 'pending' ORDER BY i.created_at DESC"))
        .bind(&id)
        .fetch_all(&mut *conn)
        .await?;
    Ok(Json(invitations(rows)?))
}

/// The caller's mobile and email, which invitations are addressed to.
async fn my_contacts(conn: &mut SqliteConnection, user_id: &str) -> AppResult<(String, String)> {
    let (mobile, email): (String, Option<String>) =
        sqlx::query_as("SELECT mobile, email FROM users WHERE id = ?")
            .bind(user_id)
            .fetch_one(conn)
            .await?;
    Ok((mobile, email.unwrap_or_default()))
}

#[utoipa::path(
    get, path = "/api/v3/invitations", tag = "KttiPay", summary = "List the direct invitations waiting for the current user.",
    responses((status = 200, body = InvitationList), (status = 401, body = ErrorBody)),
    security(("bearer" = []))
)]
async fn my_invitations(
    State(state): State<AppState>,
    user: CurrentUser,
) -> AppResult<Json<InvitationList>> {
    let mut conn = state.db.acquire().await?;
    let (mobile, email) = my_contacts(&mut conn, &user.user_id).await?;
    let rows: Vec<InvitationRow> = sqlx::query_as(&format!(
        "{INVITATION_SELECT} WHERE i.status = 'pending' AND i.contact IN (?, ?) AND k.status = 'active' ORDER BY i.created_at DESC"
    ))
    .bind(mobile)
    .bind(email)
    .fetch_all(&mut *conn)
    .await?;
    Ok(Json(invitations(rows)?))
}

/// Marks the caller's pending invitation to a kitty as `to`; 404 when there is none.
async fn answer_invitation(
    conn: &mut SqliteConnection,
    ktti_id: &str,
    user_id: &str,
    to: InvitationStatus,
) -> AppResult<()> {
    let (mobile, email) = my_contacts(conn, user_id).await?;
    let done = sqlx::query("UPDATE ktti_invitations SET status = ? WHERE ktti_id = ? AND status = 'pending' AND contact IN (?, ?)")
        .bind(to.as_str())
        .bind(ktti_id)
        .bind(mobile)
        .bind(email)
        .execute(conn)
        .await?;
    if done.rows_affected() == 0 {
        return Err(AppError::not_found("An invitation to this kitty"));
    }
    Ok(())
}

async fn join(conn: &mut SqliteConnection, ktti_id: &str, user_id: &str) -> AppResult<Kitty> {
    let (status,): (String,) = sqlx::query_as("SELECT status FROM ktties WHERE id = ?")
        .bind(ktti_id)
        .fetch_one(&mut *conn)
        .await?;
    if ledger::parse(KittyStatus::parse, &status, "kitty status")? != KittyStatus::Active {
        return Err(conflict(
            "This kitty is closing or closed, so it takes no new members.",
        ));
    }
    let already: Option<(String,)> = sqlx::query_as(
        "SELECT role FROM ktti_members WHERE ktti_id = ? AND user_id = ? AND status = 'active'",
    )
    .bind(ktti_id)
    .bind(user_id)
    .fetch_optional(&mut *conn)
    .await?;
    if already.is_none() {
        ledger::add_member(conn, ktti_id, user_id, Role::Member).await?;
    }
    ledger::kitty(conn, ktti_id, user_id).await
}

#[utoipa::path(
    post, path = "/api/v3/ktties/{kttiId}/invitations/accept", tag = "KttiPay", summary = "Join Ktt by direct invitation.",
    params(("kttiId" = String, Path)),
    responses((status = 200, body = Kitty), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)),
    security(("bearer" = []))
)]
async fn accept_invitation(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
) -> AppResult<Json<Kitty>> {
    let mut tx = crate::db::write(&state.db).await?;
    answer_invitation(&mut tx, &id, &user.user_id, InvitationStatus::Accepted).await?;
    let kitty = join(&mut tx, &id, &user.user_id).await?;
    tx.commit().await?;
    Ok(Json(kitty))
}

#[utoipa::path(
    post, path = "/api/v3/ktties/{kttiId}/invitations/reject", tag = "KttiPay", summary = "Reject direct invitation for a Ktti.",
    params(("kttiId" = String, Path)),
    responses((status = 204), (status = 404, body = ErrorBody)),
    security(("bearer" = []))
)]
async fn reject_invitation(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
) -> AppResult<StatusCode> {
    let mut tx = crate::db::write(&state.db).await?;
    answer_invitation(&mut tx, &id, &user.user_id, InvitationStatus::Rejected).await?;
    tx.commit().await?;
    Ok(StatusCode::NO_CONTENT)
}

#[utoipa::path(
    post, path = "/api/v3/ktties/join", tag = "KttiPay", summary = "Join Ktti with referral code.",
    request_body = JoinRequest,
    responses((status = 200, body = Kitty), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)),
    security(("bearer" = []))
)]
async fn join_with_code(
    State(state): State<AppState>,
    user: CurrentUser,
    ApiJson(req): ApiJson<JoinRequest>,
) -> AppResult<Json<Kitty>> {
    let mut tx = crate::db::write(&state.db).await?;
    let found: Option<(String,)> =
        sqlx::query_as("SELECT id FROM ktties WHERE referral_code = ? AND is_personal = 0")
            .bind(req.referral_code.trim().to_uppercase())
            .fetch_optional(&mut *tx)
            .await?;
    let (id,) = found.ok_or_else(|| {
        AppError::NotFound("No kitty has this code. Check the link you were sent.".into())
    })?;
    let kitty = join(&mut tx, &id, &user.user_id).await?;
    tx.commit().await?;
    Ok(Json(kitty))
}

/// Admins of a kitty, other than `except`.
async fn other_admins(conn: &mut SqliteConnection, ktti_id: &str, except: &str) -> AppResult<i64> {
    let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM ktti_members WHERE ktti_id = ? AND role = 'admin' AND status = 'active' AND user_id != ?")
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
    let mut tx = crate::db::write(&state.db).await?;
    let access = ledger::access(&mut tx, &id, &user.user_id).await?;
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
        "UPDATE ktti_members SET role = ?, admin_requested = 0 WHERE ktti_id = ? AND user_id = ?",
    )
    .bind(req.role.as_str())
    .bind(&id)
    .bind(&member)
    .execute(&mut *tx)
    .await?;
    let totals = ledger::totals(&mut tx, &id).await?;
    tx.commit().await?;
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
    let mut tx = crate::db::write(&state.db).await?;
    let access = ledger::access(&mut tx, &id, &user.user_id).await?;
    if access.role == Role::Admin {
        return Err(conflict("You are already an admin of this kitty."));
    }
    sqlx::query("UPDATE ktti_members SET admin_requested = 1 WHERE ktti_id = ? AND user_id = ?")
        .bind(&id)
        .bind(&user.user_id)
        .execute(&mut *tx)
        .await?;
    let (name, kitty): (String, String) =
        sqlx::query_as("SELECT u.name, k.name FROM users u, ktties k WHERE u.id = ? AND k.id = ?")
            .bind(&user.user_id)
            .bind(&id)
            .fetch_one(&mut *tx)
            .await?;
    let admins: Vec<(String,)> = sqlx::query_as("SELECT user_id FROM ktti_members WHERE ktti_id = ? AND role = 'admin' AND status = 'active'")
        .bind(&id)
        .fetch_all(&mut *tx)
        .await?;
    for (admin,) in admins {
        notify(
            &mut tx,
            &admin,
            NotificationKind::System,
            "Admin access requested",
            &format!("{name} asked to be an admin of {kitty}."),
        )
        .await?;
    }
    tx.commit().await?;
    Ok(StatusCode::NO_CONTENT)
}

#[utoipa::path(
    get, path = "/api/v3/ktties/{kttiId}/split", tag = "KttiPay", summary = "Get split proportions for members of a KTTI.",
    params(("kttiId" = String, Path)),
    responses((status = 200, body = SplitRule), (status = 404, body = ErrorBody)),
    security(("bearer" = []))
)]
async fn get_split(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
) -> AppResult<Json<SplitRule>> {
    let mut conn = state.db.acquire().await?;
    ledger::access(&mut conn, &id, &user.user_id).await?;
    Ok(Json(ledger::default_rule(&mut conn, &id).await?))
}

#[utoipa::path(
    put, path = "/api/v3/ktties/{kttiId}/split", tag = "KttiPay", summary = "Update split proportions for members of a KTTI.",
    description = "Even, shares, whole percentages (adding up to 100) or amounts (used as proportions), for every member or some.",
    params(("kttiId" = String, Path)),
    request_body = SplitRule,
    responses((status = 200, body = SplitRule), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)),
    security(("bearer" = []))
)]
async fn update_split(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
    ApiJson(rule): ApiJson<SplitRule>,
) -> AppResult<Json<SplitRule>> {
    let (mut tx, access) = ledger::admin_change(&state.db, &id, &user.user_id).await?;
    if access.status == KittyStatus::Closed {
        return Err(conflict(
            "This kitty is closed; its split can no longer change.",
        ));
    }
    rule.check(None)
        .map_err(|m| AppError::field("proportions", &m))?;
    for p in &rule.proportions {
        ledger::access(&mut tx, &id, &p.user_id)
            .await
            .map_err(|_| {
                AppError::field(
                    "proportions",
                    "Only current members can take part in the split.",
                )
            })?;
    }
    sqlx::query("UPDATE ktties SET split_mode = ? WHERE id = ?")
        .bind(rule.mode.as_str())
        .bind(&id)
        .execute(&mut *tx)
        .await?;
    sqlx::query("UPDATE ktti_members SET split_value = NULL WHERE ktti_id = ?")
        .bind(&id)
        .execute(&mut *tx)
        .await?;
    for p in &rule.proportions {
        let value = if rule.mode == kitty_api::kitty::SplitMode::Even {
            1
        } else {
            p.value
        };
        sqlx::query("UPDATE ktti_members SET split_value = ? WHERE ktti_id = ? AND user_id = ?")
            .bind(value)
            .bind(&id)
            .bind(&p.user_id)
            .execute(&mut *tx)
            .await?;
    }
    let saved = ledger::default_rule(&mut tx, &id).await?;
    tx.commit().await?;
    Ok(Json(saved))
}
