//! Coming into a kitty: direct invitations by mobile or email, the referral code and its QR
//! code, joining, and answering an invitation.

use super::inbox::{notify_with, Note};
use super::ledger::{self, conflict};
use crate::clock::rfc3339;
use crate::db::now;
use crate::db::Conn;
use crate::error::{ApiJson, AppError, AppResult};
use crate::session::CurrentUser;
use crate::AppState;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::Json;
use kitty_api::kitty::{
    Invitation, InvitationList, InvitationStatus, InviteRequest, JoinPreview, JoinRequest, Kitty,
    KittyStatus, Role,
};
use kitty_api::notifications::NotificationKind;
use kitty_api::ErrorBody;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;
pub fn routes(router: OpenApiRouter<AppState>) -> OpenApiRouter<AppState> {
    router
        .routes(routes!(invite, kitty_invitations))
        .routes(routes!(my_invitations))
        .routes(routes!(accept_invitation))
        .routes(routes!(reject_invitation))
        .routes(routes!(join_with_code))
        .routes(routes!(referral_qr))
        .routes(routes!(preview_join))
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
    let (mut tx, access) = ledger::member_change(&state.db, &id, &user.user_id).await?;
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
        sqlx::query_as("SELECT id FROM users WHERE mobile = $1 OR email = $2")
            .bind(&contact)
            .bind(&contact)
            .fetch_optional(&mut *tx)
            .await?;
    if let Some((uid,)) = &invitee {
        let member: Option<(String,)> = sqlx::query_as("SELECT status FROM ktti_members WHERE ktti_id = $1 AND user_id = $2 AND status = 'active'")
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
    let inserted = sqlx::query("INSERT INTO ktti_invitations (id, ktti_id, contact, invited_by, created_at) VALUES ($1, $2, $3, $4, $5)")
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
        notify_with(
            &mut tx,
            &uid,
            Note {
                kind: NotificationKind::Invitation,
                category: kitty_api::account::NotificationCategory::Invitations,
                say: crate::words::Say::Invited {
                    by: &invitation.invited_by,
                    kitty: &invitation.ktti_name,
                },
                // The kitty list shows the invitation with Accept and Decline.
                link: Some("/kitties".into()),
            },
            Some((kitty_api::notifications::ActionKind::AcceptInvitation, &id)),
        )
        .await?;
    }
    tx.commit().await?;
    crate::live::kitty_changed(&state.db, &id).await;
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
            status: crate::db::stored(InvitationStatus::parse, &r.status, "invitation status")?,
            id: r.id,
            ktti_id: r.ktti_id,
            ktti_name: r.ktti_name,
            invited_by: r.invited_by,
            contact: r.contact,
            created_at: rfc3339(r.created_at),
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

async fn invitation_by_id(conn: &mut Conn, id: &str) -> AppResult<Invitation> {
    let row: InvitationRow = sqlx::query_as(&format!("{INVITATION_SELECT} WHERE i.id = $1"))
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
    let rows: Vec<InvitationRow> = sqlx::query_as(&format!("{INVITATION_SELECT} WHERE i.ktti_id = $1 AND i.status = 'pending' ORDER BY i.created_at DESC"))
        .bind(&id)
        .fetch_all(&mut *conn)
        .await?;
    Ok(Json(invitations(rows)?))
}

/// The caller's mobile and email, which invitations are addressed to.
async fn my_contacts(conn: &mut Conn, user_id: &str) -> AppResult<(String, String)> {
    let (mobile, email): (Option<String>, Option<String>) =
        sqlx::query_as("SELECT mobile, email FROM users WHERE id = $1")
            .bind(user_id)
            .fetch_one(conn)
            .await?;
    // An empty contact matches no invitation: every invitation names a mobile or an email.
    Ok((mobile.unwrap_or_default(), email.unwrap_or_default()))
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
        "{INVITATION_SELECT} WHERE i.status = 'pending' AND i.contact IN ($1, $2) AND k.status = 'active' ORDER BY i.created_at DESC"
    ))
    .bind(mobile)
    .bind(email)
    .fetch_all(&mut *conn)
    .await?;
    Ok(Json(invitations(rows)?))
}

/// Marks the caller's pending invitation to a kitty as `to`; 404 when there is none.
/// Accepts the caller's invitation to `ktti_id` and joins, in the open write (the action of an
/// invitation's inbox item). An invitation no longer pending is a 409.
pub(super) async fn accept_within(conn: &mut Conn, ktti_id: &str, user_id: &str) -> AppResult<()> {
    answer_invitation(conn, ktti_id, user_id, InvitationStatus::Accepted)
        .await
        .map_err(|_| conflict("This invitation was already answered."))?;
    join(conn, ktti_id, user_id).await?;
    Ok(())
}

async fn answer_invitation(
    conn: &mut Conn,
    ktti_id: &str,
    user_id: &str,
    to: InvitationStatus,
) -> AppResult<()> {
    let (mobile, email) = my_contacts(conn, user_id).await?;
    let done = sqlx::query("UPDATE ktti_invitations SET status = $1 WHERE ktti_id = $2 AND status = 'pending' AND contact IN ($3, $4)")
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

async fn join(conn: &mut Conn, ktti_id: &str, user_id: &str) -> AppResult<Kitty> {
    let (status,): (String,) = sqlx::query_as("SELECT status FROM ktties WHERE id = $1")
        .bind(ktti_id)
        .fetch_one(&mut *conn)
        .await?;
    if crate::db::stored(KittyStatus::parse, &status, "kitty status")? != KittyStatus::Active {
        return Err(conflict(
            "This kitty is closing or closed, so it takes no new members.",
        ));
    }
    let already: Option<(String,)> = sqlx::query_as(
        "SELECT role FROM ktti_members WHERE ktti_id = $1 AND user_id = $2 AND status = 'active'",
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
    tx.lock(crate::db::Lock::Kitty(&id)).await?;
    answer_invitation(&mut tx, &id, &user.user_id, InvitationStatus::Accepted).await?;
    let kitty = join(&mut tx, &id, &user.user_id).await?;
    tx.commit().await?;
    crate::live::kitty_changed(&state.db, &id).await;
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
    tx.lock(crate::db::Lock::Kitty(&id)).await?;
    answer_invitation(&mut tx, &id, &user.user_id, InvitationStatus::Rejected).await?;
    tx.commit().await?;
    crate::live::kitty_changed(&state.db, &id).await;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(sqlx::FromRow)]
struct PreviewRow {
    referral_code: String,
    name: String,
    description: Option<String>,
    currency: String,
    status: String,
    owner: String,
    members: i64,
}

#[utoipa::path(
    get, path = "/api/v3/ktties/join/{referralCode}", tag = "KttiPay",
    summary = "Preview the ktti a referral code leads to.",
    description = "The kitty's name, description, currency, status, member count and who started it, for the join page. No sign-in needed: the code itself is the invitation (eight letters and digits, not guessable).",
    params(("referralCode" = String, Path)),
    responses((status = 200, body = JoinPreview), (status = 404, body = ErrorBody))
)]
async fn preview_join(
    State(state): State<AppState>,
    Path(code): Path<String>,
) -> AppResult<Json<JoinPreview>> {
    let row: Option<PreviewRow> = sqlx::query_as(
        "SELECT k.referral_code, k.name, k.description, k.currency, k.status, u.name AS owner,
                (SELECT COUNT(*) FROM ktti_members m WHERE m.ktti_id = k.id AND m.status = 'active') AS members
         FROM ktties k JOIN users u ON u.id = k.owner_id
         WHERE k.referral_code = $1 AND k.is_personal = 0",
    )
    .bind(code.trim().to_uppercase())
    .fetch_optional(&state.db)
    .await?;
    let r = row.ok_or_else(|| {
        AppError::NotFound("No kitty has this code. Check the link you were sent.".into())
    })?;
    Ok(Json(JoinPreview {
        referral_code: r.referral_code,
        ktti_name: r.name,
        description: r.description,
        currency: ledger::currency_of(&r.currency)?,
        member_count: r.members,
        status: crate::db::stored(KittyStatus::parse, &r.status, "kitty status")?,
        started_by: r.owner,
    }))
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
        sqlx::query_as("SELECT id FROM ktties WHERE referral_code = $1 AND is_personal = 0")
            .bind(req.referral_code.trim().to_uppercase())
            .fetch_optional(&mut *tx)
            .await?;
    let (id,) = found.ok_or_else(|| {
        AppError::NotFound("No kitty has this code. Check the link you were sent.".into())
    })?;
    tx.lock(crate::db::Lock::Kitty(&id)).await?;
    let kitty = join(&mut tx, &id, &user.user_id).await?;
    tx.commit().await?;
    crate::live::kitty_changed(&state.db, &id).await;
    Ok(Json(kitty))
}
