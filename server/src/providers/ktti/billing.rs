//! Billing: a kitty's plan (Free or Plus) and its history. Moving to Plus takes the first 30 days'
//! fee at once; the job runner takes each next one when it is due ([`renew_due`]), or moves the
//! kitty back to Free when it holds too little. A fee is a ledger transaction of its own
//! ([`TxKind::Fee`]), split by the kitty's default rule like a card payment.

use super::ledger::{self, conflict, Access};
use crate::clock::rfc3339;
use crate::db::{now, Conn};
use crate::error::{ApiJson, AppError, AppResult};
use crate::session::CurrentUser;
use crate::AppState;
use axum::extract::{Path, State};
use axum::Json;
use kitty_api::billing::{
    BillingEvent, BillingEventKind, BillingHistory, BillingPlan, ChangePlanRequest, Plan,
    PlanOffer, PERIOD_DAYS,
};
use kitty_api::kitty::{KittyStatus, TxKind};
use kitty_api::{ErrorBody, Money};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

pub fn routes(router: OpenApiRouter<AppState>) -> OpenApiRouter<AppState> {
    router
        .routes(routes!(view_plan, change_plan))
        .routes(routes!(history))
}

const PERIOD_SECS: i64 = PERIOD_DAYS * 86_400;

/// The kitty's plan and when its next fee is due.
pub async fn plan_of(conn: &mut Conn, ktti_id: &str) -> AppResult<(Plan, Option<i64>)> {
    let row: Option<(String, Option<i64>)> =
        sqlx::query_as("SELECT plan, renews_at FROM ktti_billing WHERE ktti_id = $1")
            .bind(ktti_id)
            .fetch_optional(&mut *conn)
            .await?;
    match row {
        None => Ok((Plan::Free, None)),
        Some((plan, renews)) => Ok((crate::db::stored(Plan::parse, &plan, "plan")?, renews)),
    }
}

/// How many active members the kitty has.
async fn active_members(conn: &mut Conn, ktti_id: &str) -> AppResult<i64> {
    let (n,): (i64,) = sqlx::query_as(
        "SELECT COUNT(*) FROM ktti_members WHERE ktti_id = $1 AND status = 'active'",
    )
    .bind(ktti_id)
    .fetch_one(&mut *conn)
    .await?;
    Ok(n)
}

/// 409 when the kitty's plan has no room for another member.
pub async fn check_room(conn: &mut Conn, ktti_id: &str) -> AppResult<()> {
    let (plan, _) = plan_of(conn, ktti_id).await?;
    let members = active_members(conn, ktti_id).await?;
    if members >= plan.max_members() {
        return Err(conflict(format!(
            "This kitty's {} plan takes up to {} members. An admin can move it to Plus in Settings for more.",
            plan.label(),
            plan.max_members()
        )));
    }
    Ok(())
}

async fn event(
    conn: &mut Conn,
    ktti_id: &str,
    kind: BillingEventKind,
    plan: Plan,
    amount: i64,
    transaction_id: Option<&str>,
    by: Option<&str>,
) -> AppResult<()> {
    sqlx::query(
        "INSERT INTO ktti_billing_events (id, ktti_id, kind, plan, amount, transaction_id, by_user, at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(uuid::Uuid::new_v4().to_string())
    .bind(ktti_id)
    .bind(kind.as_str())
    .bind(plan.as_str())
    .bind(amount)
    .bind(transaction_id)
    .bind(by)
    .bind(now())
    .execute(&mut *conn)
    .await?;
    Ok(())
}

async fn set_plan(
    conn: &mut Conn,
    ktti_id: &str,
    plan: Plan,
    renews: Option<i64>,
) -> AppResult<()> {
    sqlx::query(
        "INSERT INTO ktti_billing (ktti_id, plan, renews_at) VALUES ($1, $2, $3)
         ON CONFLICT (ktti_id) DO UPDATE SET plan = excluded.plan, renews_at = excluded.renews_at",
    )
    .bind(ktti_id)
    .bind(plan.as_str())
    .bind(renews)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Takes one period's fee for `plan` from the kitty, if it holds it: the fee transaction's id.
async fn charge(
    conn: &mut Conn,
    ktti_id: &str,
    plan: Plan,
    from: i64,
) -> AppResult<Option<(String, i64)>> {
    let currency = ledger::currency(conn, ktti_id).await?;
    let fee = plan.monthly_fee(currency);
    if fee == 0 {
        return Ok(None);
    }
    if ledger::available(conn, ktti_id).await? < fee {
        return Ok(None);
    }
    let until = crate::clock::iso_date(crate::clock::day_of(from + PERIOD_SECS));
    let id = ledger::record(
        conn,
        ktti_id,
        TxKind::Fee,
        fee,
        &format!("{} plan, 30 days to {until}", plan.label()),
        None,
        None,
    )
    .await?;
    Ok(Some((id, fee)))
}

async fn view(conn: &mut Conn, ktti_id: &str) -> AppResult<BillingPlan> {
    let (plan, renews) = plan_of(conn, ktti_id).await?;
    let currency = ledger::currency(conn, ktti_id).await?;
    let members = active_members(conn, ktti_id).await?;
    Ok(BillingPlan {
        plan,
        monthly_fee: plan.monthly_fee(currency),
        currency,
        max_members: plan.max_members(),
        members,
        renews_at: renews.map(rfc3339),
        plans: Plan::ALL
            .iter()
            .map(|p| PlanOffer {
                plan: *p,
                monthly_fee: p.monthly_fee(currency),
                max_members: p.max_members(),
            })
            .collect(),
    })
}

#[utoipa::path(
    get, path = "/api/v3/ktties/{kttiId}/billing/plan", tag = "KttiPay", summary = "View billing plan for a KTTI.",
    description = "The kitty's plan, its fee for 30 days, its member limit, when the next fee is due, and the plans to choose from.",
    params(("kttiId" = String, Path)),
    responses((status = 200, body = BillingPlan), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)),
    security(("bearer" = []))
)]
async fn view_plan(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
) -> AppResult<Json<BillingPlan>> {
    let mut conn = state.db.acquire().await?;
    ledger::access(&mut conn, &id, &user.user_id).await?;
    Ok(Json(view(&mut conn, &id).await?))
}

#[utoipa::path(
    put, path = "/api/v3/ktties/{kttiId}/billing/plan", tag = "KttiPay", summary = "Change the billing plan of a KTTI.",
    description = "Admins, while the kitty is active. Moving to Plus takes the first 30 days' fee from the kitty at once, as a fee shared by the default split (409 when the kitty holds less). Moving to Free ends Plus at once, with no refund, and needs the members to fit Free's limit.",
    params(("kttiId" = String, Path)),
    request_body = ChangePlanRequest,
    responses((status = 200, body = BillingPlan), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)),
    security(("bearer" = []))
)]
async fn change_plan(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
    ApiJson(req): ApiJson<ChangePlanRequest>,
) -> AppResult<Json<BillingPlan>> {
    let wanted = req.plan;
    let (mut w, access): (crate::db::Tx, Access) =
        ledger::admin_change(&state.db, &id, &user.user_id).await?;
    if access.status != KittyStatus::Active {
        return Err(conflict(
            "The plan cannot change while the kitty closes or after it closed.",
        ));
    }
    let (plan, _) = plan_of(&mut w, &id).await?;
    if plan == wanted {
        return Err(AppError::conflict_on(
            "plan",
            &format!("The kitty is on {} already.", plan.label()),
        ));
    }
    let t = now();
    match wanted {
        Plan::Plus => {
            let Some((tx_id, fee)) = charge(&mut w, &id, wanted, t).await? else {
                let currency = ledger::currency(&mut w, &id).await?;
                return Err(conflict(format!(
                    "Plus takes {} for the first 30 days, and the kitty holds {}. Deposit first, then try again.",
                    Money::new(wanted.monthly_fee(currency), currency),
                    Money::new(ledger::available(&mut w, &id).await?.max(0), currency)
                )));
            };
            set_plan(&mut w, &id, wanted, Some(t + PERIOD_SECS)).await?;
            event(
                &mut w,
                &id,
                BillingEventKind::PlanChanged,
                wanted,
                0,
                None,
                Some(&user.user_id),
            )
            .await?;
            event(
                &mut w,
                &id,
                BillingEventKind::FeeCharged,
                wanted,
                fee,
                Some(&tx_id),
                None,
            )
            .await?;
        }
        Plan::Free => {
            let members = active_members(&mut w, &id).await?;
            if members > Plan::Free.max_members() {
                return Err(conflict(format!(
                    "Free takes up to {} members and this kitty has {members}.",
                    Plan::Free.max_members()
                )));
            }
            set_plan(&mut w, &id, wanted, None).await?;
            event(
                &mut w,
                &id,
                BillingEventKind::PlanChanged,
                wanted,
                0,
                None,
                Some(&user.user_id),
            )
            .await?;
        }
    }
    let plan = view(&mut w, &id).await?;
    w.commit().await?;
    crate::live::kitty_changed(&state.db, &id).await;
    Ok(Json(plan))
}

#[utoipa::path(
    get, path = "/api/v3/ktties/{kttiId}/billing/history", tag = "KttiPay", summary = "Return billing history for a specific KTTI.",
    description = "Plan changes and fees, newest first; each fee names its ledger transaction.",
    params(("kttiId" = String, Path)),
    responses((status = 200, body = BillingHistory), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)),
    security(("bearer" = []))
)]
async fn history(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
) -> AppResult<Json<BillingHistory>> {
    let mut conn = state.db.acquire().await?;
    ledger::access(&mut conn, &id, &user.user_id).await?;
    type Row = (
        String,
        String,
        String,
        i64,
        Option<String>,
        Option<String>,
        i64,
    );
    let rows: Vec<Row> = sqlx::query_as(
        "SELECT e.id, e.kind, e.plan, e.amount, e.transaction_id, u.name, e.at FROM ktti_billing_events e
         LEFT JOIN users u ON u.id = e.by_user WHERE e.ktti_id = $1 ORDER BY e.at DESC, e.kind DESC",
    )
    .bind(&id)
    .fetch_all(&mut *conn)
    .await?;
    let events = rows
        .into_iter()
        .map(|(id, kind, plan, amount, transaction_id, by_name, at)| {
            Ok(BillingEvent {
                id,
                kind: crate::db::stored(BillingEventKind::parse, &kind, "billing event")?,
                plan: crate::db::stored(Plan::parse, &plan, "plan")?,
                amount,
                transaction_id,
                by_name,
                at: rfc3339(at),
            })
        })
        .collect::<AppResult<Vec<_>>>()?;
    Ok(Json(BillingHistory { events }))
}

/// The job runner's turn: each paid plan whose fee is due takes it, or goes back to Free when
/// the kitty holds too little (or has started closing).
pub async fn renew_due(db: &crate::db::Db) -> AppResult<()> {
    let due: Vec<(String,)> = sqlx::query_as(
        "SELECT ktti_id FROM ktti_billing WHERE renews_at IS NOT NULL AND renews_at <= $1",
    )
    .bind(now())
    .fetch_all(db)
    .await?;
    for (ktti_id,) in due {
        let mut w = crate::db::write(db).await?;
        w.lock(crate::db::Lock::Kitty(&ktti_id)).await?;
        let (plan, renews) = plan_of(&mut w, &ktti_id).await?;
        let Some(renews) = renews.filter(|r| *r <= now()) else {
            continue;
        };
        let (status,): (String,) = sqlx::query_as("SELECT status FROM ktties WHERE id = $1")
            .bind(&ktti_id)
            .fetch_one(&mut *w)
            .await?;
        let active = status == KittyStatus::Active.as_str();
        let charged = if active {
            charge(&mut w, &ktti_id, plan, renews).await?
        } else {
            None
        };
        match charged {
            Some((tx_id, fee)) => {
                set_plan(&mut w, &ktti_id, plan, Some(renews + PERIOD_SECS)).await?;
                event(
                    &mut w,
                    &ktti_id,
                    BillingEventKind::FeeCharged,
                    plan,
                    fee,
                    Some(&tx_id),
                    None,
                )
                .await?;
            }
            None => {
                let currency = ledger::currency(&mut w, &ktti_id).await?;
                set_plan(&mut w, &ktti_id, Plan::Free, None).await?;
                event(
                    &mut w,
                    &ktti_id,
                    BillingEventKind::FeeUnpaid,
                    plan,
                    plan.monthly_fee(currency),
                    None,
                    None,
                )
                .await?;
                event(
                    &mut w,
                    &ktti_id,
                    BillingEventKind::PlanChanged,
                    Plan::Free,
                    0,
                    None,
                    None,
                )
                .await?;
            }
        }
        w.commit().await?;
        crate::live::kitty_changed(db, &ktti_id).await;
    }
    Ok(())
}
