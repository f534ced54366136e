//! Simulated rails (`/sandbox`, sandbox mode only): the bank, card network, M-Pesa and chain
//! events that tests and demo users trigger. Each rail arrives with the feature that needs it.

use super::kpay::transactions::{expire_now, settle_transfer};
use super::ktti::inbox::notify;
use super::ktti::ledger::{self, conflict};
use crate::error::{ApiJson, AppError, AppResult};
use crate::AppState;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::Json;
use kitty_api::kitty::{CardSpend, KittyDeposit, KittyTransaction, TxKind};
use kitty_api::merchant::{CardTransfer, CardTransferResult};
use kitty_api::notifications::NotificationKind;
use kitty_api::ErrorBody;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(card_transfer))
        .routes(routes!(expire_payment))
        .routes(routes!(kitty_deposit))
        .routes(routes!(card_spend))
}

#[utoipa::path(
    post, path = "/card-transfers", tag = "Sandbox",
    summary = "Simulate the bank's notification of an incoming card-to-card transfer.",
    description = "Settles the pending payment asking for exactly this amount on this card; after expiry it is recorded as paid_late.",
    request_body = CardTransfer,
    responses((status = 200, body = CardTransferResult), (status = 422, body = ErrorBody))
)]
async fn card_transfer(
    State(state): State<AppState>,
    ApiJson(transfer): ApiJson<CardTransfer>,
) -> AppResult<Json<CardTransferResult>> {
    let card_number = kitty_api::merchant::card_number(&transfer.card_number).map_err(|m| {
        let mut f = kitty_api::FieldErrors::new();
        f.insert("card_number".into(), m.into());
        AppError::Validation(f)
    })?;
    if transfer.amount <= 0 {
        let mut f = kitty_api::FieldErrors::new();
        f.insert(
            "amount".into(),
            "A transfer is a positive number of Rials.".into(),
        );
        return Err(AppError::Validation(f));
    }
    let result = settle_transfer(
        &state.db,
        &CardTransfer {
            card_number,
            amount: transfer.amount,
        },
    )
    .await?;
    tracing::info!(outcome = %result.outcome, authority = ?result.authority, "sandbox card transfer");
    Ok(Json(result))
}

#[utoipa::path(
    post, path = "/transactions/{authority}/expire", tag = "Sandbox",
    summary = "Simulate a payment's time running out.",
    params(("authority" = String, Path)),
    responses((status = 204), (status = 404, body = ErrorBody))
)]
async fn expire_payment(
    State(state): State<AppState>,
    Path(authority): Path<String>,
) -> AppResult<StatusCode> {
    expire_now(&state.db, &authority).await?;
    Ok(StatusCode::NO_CONTENT)
}

fn positive(amount: i64) -> AppResult<()> {
    if amount <= 0 {
        let mut f = kitty_api::FieldErrors::new();
        f.insert(
            "amount".into(),
            "Use a positive amount in minor units (cents).".into(),
        );
        return Err(AppError::Validation(f));
    }
    Ok(())
}

#[utoipa::path(
    post, path = "/kitty-deposits", tag = "Sandbox",
    summary = "Simulate a bank transfer into a kitty's account.",
    description = "Assigned to the member whose name matches the sender, else left unassigned for an admin.",
    request_body = KittyDeposit,
    responses((status = 200, body = KittyTransaction), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody))
)]
async fn kitty_deposit(
    State(state): State<AppState>,
    ApiJson(d): ApiJson<KittyDeposit>,
) -> AppResult<Json<KittyTransaction>> {
    positive(d.amount)?;
    // The write comes first, so the transaction holds SQLite's write lock from the start.
    let mut tx = state.db.begin().await?;
    let id = uuid::Uuid::new_v4().to_string();
    let inserted = sqlx::query(
        "INSERT INTO ktti_transactions (id, ktti_id, kind, amount, description, assignee_id, created_at)
         SELECT ?1, k.id, 'deposit', ?2, ?3,
                (SELECT m.user_id FROM ktti_members m JOIN users u ON u.id = m.user_id
                 WHERE m.ktti_id = k.id AND m.status = 'active' AND lower(u.name) = lower(trim(?3))
                 GROUP BY m.ktti_id HAVING COUNT(*) = 1),
                ?4
         FROM ktties k WHERE k.account_number = ?5 AND k.status != 'closed'",
    )
    .bind(&id)
    .bind(d.amount)
    .bind(d.sender_name.trim())
    .bind(crate::db::now())
    .bind(d.account_number.trim())
    .execute(&mut *tx)
    .await?;
    if inserted.rows_affected() == 0 {
        return Err(AppError::NotFound(
            "No open kitty has this account number; the bank returns the transfer.".into(),
        ));
    }
    let (ktti_id, assignee): (String, Option<String>) =
        sqlx::query_as("SELECT ktti_id, assignee_id FROM ktti_transactions WHERE id = ?")
            .bind(&id)
            .fetch_one(&mut *tx)
            .await?;
    let t = ledger::transaction(&mut tx, &ktti_id, &id).await?;
    if let Some(uid) = assignee {
        notify(
            &mut tx,
            &uid,
            NotificationKind::Deposit,
            "Deposit received",
            &format!(
                "{} arrived in {}.",
                kitty_api::Money::new(t.amount, t.currency),
                t.ktti_name
            ),
        )
        .await?;
    }
    tx.commit().await?;
    Ok(Json(t))
}

#[utoipa::path(
    post, path = "/card-spends", tag = "Sandbox",
    summary = "Simulate a payment or refund on a kitty's card.",
    description = "Declined with 409 when the card is frozen (closure) or the kitty cannot cover it. Split by the kitty's default rule.",
    request_body = CardSpend,
    responses((status = 200, body = KittyTransaction), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody))
)]
async fn card_spend(
    State(state): State<AppState>,
    ApiJson(s): ApiJson<CardSpend>,
) -> AppResult<Json<KittyTransaction>> {
    positive(s.amount)?;
    let mut tx = state.db.begin().await?;
    // A write first takes the write lock, so the balance read below cannot go stale.
    let kitty: Option<(String, String)> =
        sqlx::query_as("UPDATE ktties SET status = status WHERE card_id = ? RETURNING id, status")
            .bind(s.card_id.trim())
            .fetch_optional(&mut *tx)
            .await?;
    let (ktti_id, status) =
        kitty.ok_or_else(|| AppError::NotFound("No kitty card has this id.".into()))?;
    if status != "active" {
        return Err(conflict(
            "Declined: the card is frozen because the kitty is closing or closed.",
        ));
    }
    let kind = if s.refund {
        TxKind::Refund
    } else {
        TxKind::Expense
    };
    if kind == TxKind::Expense && ledger::available(&mut tx, &ktti_id).await? < s.amount {
        return Err(conflict(
            "Declined: the kitty does not hold enough for this payment.",
        ));
    }
    let merchant = s.merchant_name.trim();
    let description = if merchant.is_empty() {
        "Card payment"
    } else {
        merchant
    };
    let id = ledger::record(&mut tx, &ktti_id, kind, s.amount, description, None).await?;
    let t = ledger::transaction(&mut tx, &ktti_id, &id).await?;
    tx.commit().await?;
    Ok(Json(t))
}
