//! Simulated rails (`/sandbox`, sandbox mode only): the bank, card network, M-Pesa and chain
//! events that tests and demo users trigger. Each rail arrives with the feature that needs it.

use super::kpay::settlement::{expire_now, settle_transfer};
use super::ktti::inbox::{notify, Note};
use super::ktti::ledger::{self, conflict};
use crate::error::{ApiJson, AppError, AppResult};
use crate::AppState;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::Json;
use kitty_api::kitty::{CardSpend, KittyDeposit, KittyStatus, KittyTransaction, TxKind};
use kitty_api::merchant::{CardTransfer, CardTransferResult};
use kitty_api::notifications::NotificationKind;
use kitty_api::ErrorBody;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

pub fn router() -> OpenApiRouter<AppState> {
    let router = OpenApiRouter::new()
        .routes(routes!(expire_quote))
        .routes(routes!(card_transfer))
        .routes(routes!(expire_payment))
        .routes(routes!(kitty_deposit))
        .routes(routes!(card_spend))
        .routes(routes!(outbox))
        .routes(routes!(move_clock));
    let router = crate::chain::routes(router);
    let router = crate::oidc::routes(router);
    let router = super::kotani::binance::sandbox_routes(router);
    crate::mpesa::routes(router)
}

#[utoipa::path(
    post, path = "/quotes/{quoteId}/expire", tag = "Sandbox",
    summary = "Let a Kotani quote's time run out now.",
    description = "Sandbox mode only, for trying what happens after the five minutes: the quote becomes expired at once.",
    params(("quoteId" = String, Path)),
    responses((status = 204), (status = 404, body = ErrorBody))
)]
async fn expire_quote(
    State(state): State<AppState>,
    axum::extract::Path(id): axum::extract::Path<String>,
) -> AppResult<axum::http::StatusCode> {
    if crate::providers::kotani::expire_quote_now(&state.db, &id).await? {
        Ok(axum::http::StatusCode::NO_CONTENT)
    } else {
        Err(AppError::not_found("That quote"))
    }
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

/// 422 on `amount` unless it is 1 to [`kitty_api::ledger::MAX_AMOUNT`] minor units.
fn movement(amount: i64, currency: kitty_api::Currency) -> AppResult<()> {
    kitty_api::ledger::check_amount(amount, currency).map_err(|m| AppError::field("amount", m))
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
    Ok(Json(deposit(&state.db, &d).await?))
}

/// How the bank or the card network names a kitty.
enum KittyBy {
    Account,
    Card,
}

/// Locks the kitty with this account number or card id (when there is one) before its state is
/// read, so the movement is checked against what no other writer is changing.
async fn lock_kitty_by(tx: &mut crate::db::Tx, by: KittyBy, key: &str) -> AppResult<()> {
    let sql = match by {
        KittyBy::Account => "SELECT id FROM ktties WHERE account_number = $1",
        KittyBy::Card => "SELECT id FROM ktties WHERE card_id = $1",
    };
    let found: Option<(String,)> = sqlx::query_as(sql)
        .bind(key)
        .fetch_optional(&mut **tx)
        .await?;
    if let Some((id,)) = found {
        tx.lock(crate::db::Lock::Kitty(&id)).await?;
    }
    Ok(())
}

/// The bank's notice of money arriving in a kitty's account: recorded, assigned to the member
/// whose name is the sender's, and that member told.
pub async fn deposit(db: &crate::db::Db, d: &KittyDeposit) -> AppResult<KittyTransaction> {
    let mut tx = crate::db::write(db).await?;
    lock_kitty_by(&mut tx, KittyBy::Account, d.account_number.trim()).await?;
    let kitty: Option<(String, String, String)> =
        sqlx::query_as("SELECT id, status, currency FROM ktties WHERE account_number = $1")
            .bind(d.account_number.trim())
            .fetch_optional(&mut *tx)
            .await?;
    let closed = || {
        AppError::NotFound(
            "No open kitty has this account number; the bank returns the transfer.".into(),
        )
    };
    let (ktti_id, status, currency) = kitty.ok_or_else(closed)?;
    if crate::db::stored(KittyStatus::parse, &status, "kitty status")? == KittyStatus::Closed {
        return Err(closed());
    }
    movement(d.amount, ledger::currency_of(&currency)?)?;
    ledger::check_inflow(&mut tx, &ktti_id, d.amount).await?;
    // The member whose name is the sender's, when exactly one is.
    let matched: Vec<(String,)> = sqlx::query_as(
        "SELECT m.user_id FROM ktti_members m JOIN users u ON u.id = m.user_id
         WHERE m.ktti_id = $1 AND m.status = 'active' AND lower(u.name) = lower(trim($2))",
    )
    .bind(&ktti_id)
    .bind(d.sender_name.trim())
    .fetch_all(&mut *tx)
    .await?;
    let assignee = match matched.as_slice() {
        [(one,)] => Some(one.clone()),
        _ => None,
    };
    let id = ledger::record(
        &mut tx,
        &ktti_id,
        TxKind::Deposit,
        d.amount,
        d.sender_name.trim(),
        assignee.as_deref(),
        None,
    )
    .await?;
    let t = ledger::transaction(&mut tx, &ktti_id, &id).await?;
    let amount = kitty_api::Money::new(t.amount, t.currency);
    if let Some(uid) = assignee {
        notify(
            &mut tx,
            &uid,
            Note {
                kind: NotificationKind::Deposit,
                category: kitty_api::account::NotificationCategory::Deposits,
                say: crate::words::Say::DepositReceived {
                    amount,
                    kitty: &t.ktti_name,
                },
                link: Some(transaction_link(&t)),
            },
        )
        .await?;
    } else {
        tell_admins_unassigned(&mut tx, &t, d.sender_name.trim()).await?;
    }
    tx.commit().await?;
    crate::live::kitty_changed(db, &t.ktti_id).await;
    Ok(t)
}

/// The app page of a kitty transaction, for its inbox items.
fn transaction_link(t: &KittyTransaction) -> String {
    format!("/kitties/{}/transactions/{}", t.ktti_id, t.id)
}

/// A deposit matched nobody: each admin hears of it, with a button that gives it to the member
/// the sender looks like, when one does.
async fn tell_admins_unassigned(
    conn: &mut crate::db::Conn,
    t: &KittyTransaction,
    sender: &str,
) -> AppResult<()> {
    let members: Vec<(String, String, String)> = sqlx::query_as(
        "SELECT m.user_id, u.name, m.role FROM ktti_members m JOIN users u ON u.id = m.user_id
         WHERE m.ktti_id = $1 AND m.status = 'active'",
    )
    .bind(&t.ktti_id)
    .fetch_all(&mut *conn)
    .await?;
    let named: Vec<(String, String)> = members
        .iter()
        .map(|(id, name, _)| (id.clone(), name.clone()))
        .collect();
    let suggestion = kitty_api::notifications::looks_like(sender, &named);
    let amount = kitty_api::Money::new(t.amount, t.currency);
    let (looks_like, target) = match suggestion {
        Some(member) => {
            let name = named
                .iter()
                .find(|(id, _)| id == member)
                .map_or("", |(_, n)| n.as_str());
            (Some(name), Some(format!("{}:{}:{member}", t.ktti_id, t.id)))
        }
        None => (None, None),
    };
    for (admin, _, role) in &members {
        if role != kitty_api::kitty::Role::Admin.as_str() {
            continue;
        }
        super::ktti::inbox::notify_with(
            conn,
            admin,
            Note {
                kind: NotificationKind::Deposit,
                category: kitty_api::account::NotificationCategory::Deposits,
                say: crate::words::Say::DepositUnmatched {
                    amount,
                    sender,
                    kitty: &t.ktti_name,
                    looks_like,
                },
                link: Some(transaction_link(t)),
            },
            target
                .as_deref()
                .map(|r| (kitty_api::notifications::ActionKind::AssignDeposit, r)),
        )
        .await?;
    }
    Ok(())
}

#[utoipa::path(
    post, path = "/card-spends", tag = "Sandbox",
    summary = "Simulate a payment or refund on a kitty's card.",
    description = "Declined with 409 when the card is frozen (closure) or the kitty cannot cover it. A payment is split by the kitty's default rule; a refund naming `refund_of` mirrors that payment's split (and together its refunds never exceed it), one naming none follows the default rule of its day.",
    request_body = CardSpend,
    responses((status = 200, body = KittyTransaction), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody))
)]
async fn card_spend(
    State(state): State<AppState>,
    ApiJson(s): ApiJson<CardSpend>,
) -> AppResult<Json<KittyTransaction>> {
    Ok(Json(card_payment(&state.db, &s).await?))
}

/// The card network's notice of a payment or refund on a kitty's card: declined when the card is
/// frozen or the kitty cannot cover it, else recorded, split, and each member told their part.
pub async fn card_payment(db: &crate::db::Db, s: &CardSpend) -> AppResult<KittyTransaction> {
    let mut tx = crate::db::write(db).await?;
    lock_kitty_by(&mut tx, KittyBy::Card, s.card_id.trim()).await?;
    let kitty: Option<(String, String, String)> =
        sqlx::query_as("SELECT id, status, currency FROM ktties WHERE card_id = $1")
            .bind(s.card_id.trim())
            .fetch_optional(&mut *tx)
            .await?;
    let (ktti_id, status, currency) =
        kitty.ok_or_else(|| AppError::NotFound("No kitty card has this id.".into()))?;
    movement(s.amount, ledger::currency_of(&currency)?)?;
    if crate::db::stored(KittyStatus::parse, &status, "kitty status")? != KittyStatus::Active {
        return Err(conflict(
            "Declined: the card is frozen because the kitty is closing or closed.",
        ));
    }
    let kind = if s.refund {
        TxKind::Refund
    } else {
        TxKind::Expense
    };
    let refund_of = match (kind, s.refund_of.as_deref().map(str::trim)) {
        (TxKind::Refund, Some(expense)) if !expense.is_empty() => {
            let found: Option<(i64, i64)> = sqlx::query_as(
                "SELECT t.amount, CAST(COALESCE((SELECT SUM(r.amount) FROM ktti_transactions r WHERE r.refund_of = t.id), 0) AS BIGINT)
                 FROM ktti_transactions t WHERE t.id = $1 AND t.ktti_id = $2 AND t.kind = 'expense'",
            )
            .bind(expense)
            .bind(&ktti_id)
            .fetch_optional(&mut *tx)
            .await?;
            let (spent, refunded) = found.ok_or_else(|| {
                AppError::field("refund_of", "No card payment of this card has this id.")
            })?;
            if refunded + s.amount > spent {
                return Err(AppError::field(
                    "amount",
                    format!(
                        "This refunds more than was paid: {} was paid and {} is already refunded.",
                        kitty_api::Money::new(spent, ledger::currency_of(&currency)?),
                        kitty_api::Money::new(refunded, ledger::currency_of(&currency)?)
                    ),
                ));
            }
            Some(expense.to_string())
        }
        (TxKind::Expense, Some(e)) if !e.is_empty() => {
            return Err(AppError::field(
                "refund_of",
                "Only a refund names the payment it undoes.",
            ))
        }
        _ => None,
    };
    if kind == TxKind::Expense && ledger::available(&mut tx, &ktti_id).await? < s.amount {
        return Err(conflict(
            "Declined: the kitty does not hold enough for this payment.",
        ));
    }
    if kind == TxKind::Refund {
        ledger::check_inflow(&mut tx, &ktti_id, s.amount).await?;
    }
    let merchant = s.merchant_name.trim();
    let description = if merchant.is_empty() {
        "Card payment"
    } else {
        merchant
    };
    let id = ledger::record(
        &mut tx,
        &ktti_id,
        kind,
        s.amount,
        description,
        None,
        refund_of.as_deref(),
    )
    .await?;
    let t = ledger::transaction(&mut tx, &ktti_id, &id).await?;
    let shares = ledger::shares_of(&mut tx, &id).await?;
    let total = kitty_api::Money::new(t.amount, t.currency);
    for share in shares.iter().filter(|s| s.share != 0) {
        let say = if kind == TxKind::Refund {
            crate::words::Say::RefundSplit {
                total,
                from: &t.description,
                kitty: &t.ktti_name,
                share: kitty_api::Money::new(share.share, t.currency),
            }
        } else {
            crate::words::Say::CardPaymentSplit {
                total,
                at: &t.description,
                members: shares.len(),
                share: kitty_api::Money::new(-share.share, t.currency),
            }
        };
        notify(
            &mut tx,
            &share.user_id,
            Note {
                kind: NotificationKind::Expense,
                category: kitty_api::account::NotificationCategory::Spends,
                say,
                link: Some(transaction_link(&t)),
            },
        )
        .await?;
    }
    tx.commit().await?;
    crate::live::kitty_changed(db, &t.ktti_id).await;
    Ok(t)
}

#[derive(Debug, serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct OutboxQuery {
    /// The email address or mobile number the messages went to.
    #[param(pattern = r"\S")]
    to: String,
}

#[utoipa::path(
    get, path = "/outbox", tag = "Sandbox",
    summary = "Read the emails and SMS the server sent to an address.",
    description = "Sandbox mode only: nothing leaves this machine, so this is where a person reads their reset link. Newest first, at most 50.",
    params(OutboxQuery),
    responses((status = 200, body = kitty_api::auth::OutboxList), (status = 422, body = ErrorBody))
)]
async fn outbox(
    State(state): State<AppState>,
    crate::error::ApiQuery(q): crate::error::ApiQuery<OutboxQuery>,
) -> AppResult<Json<kitty_api::auth::OutboxList>> {
    if q.to.trim().is_empty() {
        return Err(AppError::field(
            "to",
            "Enter the email address or mobile number.",
        ));
    }
    let to = crate::accounts::normalise_username(&q.to);
    Ok(Json(kitty_api::auth::OutboxList {
        messages: crate::outbox::for_recipient(&state.db, &to).await?,
    }))
}

#[utoipa::path(
    post, path = "/clock", tag = "Sandbox",
    summary = "Move the server's clock forward.",
    description = "Moves this process's clock forward by 1 second to 7 days, so expiries, auto-closing orders, retries and blocks happen without waiting. It never goes back.",
    request_body = ClockMove,
    responses((status = 200, body = ClockState), (status = 422, body = ErrorBody))
)]
async fn move_clock(ApiJson(req): ApiJson<ClockMove>) -> AppResult<Json<ClockState>> {
    if !(1..=7 * 86_400).contains(&req.advance_seconds) {
        return Err(AppError::field(
            "advance_seconds",
            "Move the clock by 1 second to 7 days (604800 seconds).",
        ));
    }
    let offset = crate::clock::advance(req.advance_seconds);
    Ok(Json(ClockState {
        now: crate::clock::rfc3339(crate::clock::now()),
        offset_seconds: offset,
    }))
}

#[derive(serde::Deserialize, utoipa::ToSchema)]
struct ClockMove {
    #[schema(minimum = 1, maximum = 604800)]
    advance_seconds: i64,
}

#[derive(serde::Serialize, utoipa::ToSchema)]
struct ClockState {
    now: String,
    offset_seconds: i64,
}
