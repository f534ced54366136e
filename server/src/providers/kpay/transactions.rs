//! `/kpay/transactions`: card-to-card payments. A payment asks the buyer for a unique sum on one
//! card; the bank's notification of that sum on that card settles it.

use super::merchant::Merchant;
use crate::db::{is_unique_violation, now, Db};
use crate::error::{ApiJson, AppError, AppResult};
use crate::session::{random_token, CurrentUser};
use crate::AppState;
use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use kitty_api::format::to_rfc3339;
use kitty_api::merchant::{
    fee, mask_card, CardTransfer, CardTransferResult, CreateTransactionRequest, CreatedTransaction,
    DailyTotal, FeeSide, MerchantSummary, PaymentInfo, StatusCheck, Transaction, TransactionList,
    TransactionStatus, VerifyRequest, VerifyResponse,
};
use kitty_api::ErrorBody;
use serde::Deserialize;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

pub fn routes(router: OpenApiRouter<AppState>) -> OpenApiRouter<AppState> {
    router
        .routes(routes!(create_transaction))
        .routes(routes!(payment_info))
        .routes(routes!(verify_transaction))
        .routes(routes!(check_status))
        .routes(routes!(list_transactions))
        .routes(routes!(export_transactions))
        .routes(routes!(get_transaction))
        .routes(routes!(payment_qr))
        .routes(routes!(summary))
}

/// Offsets added to the sum so that pending payments to one card differ: 1 to 999 Rials.
const MAX_OFFSET: i64 = 999;

/// Marks pending payments whose time ran out as expired. The background job runner calls it
/// every second, and the two write paths that match pending payments (creating one, settling a
/// transfer) call it first inside their own work; no read path writes.
pub async fn expire_due(db: &Db) -> AppResult<()> {
    sqlx::query(
        "UPDATE transactions SET status = 'expired' WHERE status = 'pending' AND expires_at <= ?",
    )
    .bind(now())
    .execute(db)
    .await?;
    Ok(())
}

fn new_authority() -> String {
    let t = random_token().replace(['-', '_'], "");
    format!("KP{}", t[..24].to_uppercase())
}

#[utoipa::path(
    post, path = "/transactions/create", tag = "KPAY", summary = "Create Transaction",
    description = "Create a new payment transaction. Signed-in merchants, or the shop's own server with `X-API-Key`.",
    request_body = CreateTransactionRequest,
    responses(
        (status = 201, body = CreatedTransaction),
        (status = 404, description = "Shop or card not found (or not yours)", body = ErrorBody),
        (status = 409, description = "factor_number already used in this shop", body = ErrorBody),
        (status = 422, body = ErrorBody),
        (status = 401, body = ErrorBody),
    ),
    security(("bearer" = []), ("api_key" = []))
)]
async fn create_transaction(
    State(state): State<AppState>,
    merchant: Merchant,
    headers: HeaderMap,
    ApiJson(req): ApiJson<CreateTransactionRequest>,
) -> AppResult<(StatusCode, Json<CreatedTransaction>)> {
    let req = req.validate().map_err(AppError::Validation)?;
    merchant.check_shop(&req.shop_id)?;
    let shop: Option<(bool,)> =
        sqlx::query_as("SELECT is_active FROM shops WHERE id = ? AND user_id = ?")
            .bind(&req.shop_id)
            .bind(&merchant.user_id)
            .fetch_optional(&state.db)
            .await?;
    if !shop.ok_or_else(|| AppError::not_found("The shop"))?.0 {
        return Err(AppError::not_found("The shop"));
    }
    let card: Option<(String,)> = sqlx::query_as(
        "SELECT card_number FROM cards WHERE id = ? AND user_id = ? AND is_active = 1",
    )
    .bind(&req.card_id)
    .bind(&merchant.user_id)
    .fetch_optional(&state.db)
    .await?;
    let card_number = card.ok_or_else(|| AppError::not_found("The card"))?.0;
    expire_due(&state.db).await?;

    let fee_side = req.fee_side.unwrap_or_default();
    let fee = fee(req.amount);
    let base = match fee_side {
        FeeSide::Customer => req.amount + fee,
        FeeSide::Merchant => req.amount,
    };
    let id = uuid::Uuid::new_v4().to_string();
    let authority = new_authority();
    let payment_url = format!("{}/pay/{authority}", crate::web::public_base(&headers));
    let t = now();
    // Take the smallest free offset. Two creates racing for the same one: the partial unique
    // index refuses the second, which tries the next offset.
    let mut tx = crate::db::write(&state.db).await?;
    let taken: Vec<(i64,)> = sqlx::query_as(
        "SELECT final_amount FROM transactions WHERE status = 'pending' AND card_number = ? AND final_amount BETWEEN ? AND ?",
    )
    .bind(&card_number)
    .bind(base + 1)
    .bind(base + MAX_OFFSET)
    .fetch_all(&mut *tx)
    .await?;
    let taken: std::collections::HashSet<i64> = taken.into_iter().map(|r| r.0).collect();
    let final_amount = (1..=MAX_OFFSET)
        .map(|o| base + o)
        .find(|a| !taken.contains(a))
        .ok_or_else(|| {
            AppError::conflict_on(
                "card_id",
                "This card has too many payments waiting. Use another card or try again later.",
            )
        })?;
    let inserted = sqlx::query(
        "INSERT INTO transactions (id, authority, user_id, shop_id, card_id, card_number, amount, fee, fee_side, final_amount,
             status, description, factor_number, callback_url, payment_url, created_at, expires_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?, ?, ?, ?, ?)",
    )
    .bind(&id)
    .bind(&authority)
    .bind(&merchant.user_id)
    .bind(&req.shop_id)
    .bind(&req.card_id)
    .bind(&card_number)
    .bind(req.amount)
    .bind(fee)
    .bind(fee_side_str(fee_side))
    .bind(final_amount)
    .bind(&req.description)
    .bind(&req.factor_number)
    .bind(&req.callback_url)
    .bind(&payment_url)
    .bind(t)
    .bind(t + state.settings.payment_ttl_secs)
    .execute(&mut *tx)
    .await;
    match inserted {
        Ok(_) => tx.commit().await?,
        Err(e) if is_unique_violation(&e, "factor_number") => {
            return Err(AppError::conflict_on(
                "factor_number",
                "This invoice number is already used in this shop.",
            ))
        }
        Err(e) if is_unique_violation(&e, "final_amount") => {
            return Err(AppError::Conflict {
                message: "Another payment to this card was created at the same moment. Try again."
                    .into(),
                fields: Default::default(),
            })
        }
        Err(e) => return Err(e.into()),
    }
    Ok((
        StatusCode::CREATED,
        Json(CreatedTransaction {
            id,
            authority,
            amount: req.amount,
            final_amount,
            fee,
            status: TransactionStatus::Pending,
            payment_url,
        }),
    ))
}

fn fee_side_str(side: FeeSide) -> &'static str {
    match side {
        FeeSide::Customer => "customer",
        FeeSide::Merchant => "merchant",
    }
}

fn status_of(s: &str) -> TransactionStatus {
    TransactionStatus::parse(s).unwrap_or(TransactionStatus::Failed)
}

#[utoipa::path(
    get, path = "/transactions/payment/{authority}", tag = "KPAY", summary = "Get Payment Info",
    description = "Get payment details for buyer (public endpoint). The card number is shown in full: the buyer must type it.",
    params(("authority" = String, Path)),
    responses((status = 200, body = PaymentInfo), (status = 404, body = ErrorBody))
)]
async fn payment_info(
    State(state): State<AppState>,
    Path(authority): Path<String>,
) -> AppResult<Json<PaymentInfo>> {
    #[derive(sqlx::FromRow)]
    struct Row {
        amount: i64,
        final_amount: i64,
        status: String,
        card_number: String,
        owner_name: String,
        bank_name: String,
        shop_name: String,
        expires_at: i64,
        description: Option<String>,
        callback_url: String,
    }
    let row: Row = sqlx::query_as(
        "SELECT t.amount, t.final_amount, t.status, t.card_number, c.owner_name, c.bank_name, s.name AS shop_name,
                t.expires_at, t.description, t.callback_url
         FROM transactions t JOIN cards c ON c.id = t.card_id JOIN shops s ON s.id = t.shop_id
         WHERE t.authority = ?",
    )
    .bind(&authority)
    .fetch_optional(&state.db)
    .await?
    .ok_or_else(|| AppError::not_found("This payment"))?;
    let status = status_of(&row.status);
    let remaining = if status == TransactionStatus::Pending {
        (row.expires_at - now()).max(0)
    } else {
        0
    };
    Ok(Json(PaymentInfo {
        authority,
        amount: row.amount,
        final_amount: row.final_amount,
        status,
        card_number: row.card_number,
        owner_name: row.owner_name,
        bank_name: row.bank_name,
        shop_name: row.shop_name,
        remaining_seconds: remaining,
        description: row.description,
        callback_url: row.callback_url,
        sandbox: state.settings.mode == kitty_api::config::Mode::Sandbox,
    }))
}

#[utoipa::path(
    post, path = "/transactions/verify", tag = "KPAY", summary = "Verify Transaction",
    description = "Verify payment status. The merchant's server confirms a payment before delivering.",
    request_body = VerifyRequest,
    responses((status = 200, body = VerifyResponse), (status = 404, body = ErrorBody), (status = 401, body = ErrorBody)),
    security(("bearer" = []), ("api_key" = []))
)]
async fn verify_transaction(
    State(state): State<AppState>,
    merchant: Merchant,
    ApiJson(req): ApiJson<VerifyRequest>,
) -> AppResult<Json<VerifyResponse>> {
    let row: Option<(String, String, String, i64, Option<i64>)> = sqlx::query_as(
        "SELECT id, shop_id, status, amount, paid_at FROM transactions WHERE authority = ? AND user_id = ?",
    )
    .bind(req.authority.trim())
    .bind(&merchant.user_id)
    .fetch_optional(&state.db)
    .await?;
    let (id, shop_id, status, amount, paid_at) =
        row.ok_or_else(|| AppError::not_found("The transaction"))?;
    merchant.check_shop(&shop_id)?;
    let status = status_of(&status);
    if matches!(
        status,
        TransactionStatus::Paid | TransactionStatus::PaidLate
    ) {
        sqlx::query("UPDATE transactions SET verified_at = COALESCE(verified_at, ?) WHERE id = ?")
            .bind(now())
            .bind(&id)
            .execute(&state.db)
            .await?;
    }
    Ok(Json(VerifyResponse {
        id,
        authority: req.authority.trim().into(),
        status,
        amount,
        paid_at: paid_at.map(to_rfc3339),
    }))
}

#[utoipa::path(
    get, path = "/transactions/check/{authority}", tag = "KPAY", summary = "Check Status",
    description = "Quick status check (for polling). Public.",
    params(("authority" = String, Path)),
    responses((status = 200, body = StatusCheck), (status = 404, body = ErrorBody))
)]
async fn check_status(
    State(state): State<AppState>,
    Path(authority): Path<String>,
) -> AppResult<Json<StatusCheck>> {
    let (status,): (String,) =
        sqlx::query_as("SELECT status FROM transactions WHERE authority = ?")
            .bind(&authority)
            .fetch_optional(&state.db)
            .await?
            .ok_or_else(|| AppError::not_found("This payment"))?;
    let status = status_of(&status);
    Ok(Json(StatusCheck {
        authority,
        status,
        is_paid: status == TransactionStatus::Paid,
    }))
}

/// Filters of the list and the CSV export.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
pub struct ListQuery {
    /// Filter by shop.
    shop_id: Option<String>,
    /// pending, paid, expired, failed or paid_late.
    status: Option<String>,
    /// From 1.
    page: Option<i64>,
    /// 1 to 100; default 20.
    per_page: Option<i64>,
}

#[derive(sqlx::FromRow)]
struct TransactionRow {
    id: String,
    authority: String,
    shop_id: String,
    shop_name: String,
    card_number: String,
    amount: i64,
    final_amount: i64,
    fee: i64,
    fee_side: String,
    status: String,
    description: Option<String>,
    factor_number: Option<String>,
    callback_url: String,
    payment_url: String,
    created_at: i64,
    expires_at: i64,
    paid_at: Option<i64>,
    verified_at: Option<i64>,
}

impl From<TransactionRow> for Transaction {
    fn from(r: TransactionRow) -> Self {
        Transaction {
            id: r.id,
            authority: r.authority,
            shop_id: r.shop_id,
            shop_name: r.shop_name,
            card_number: mask_card(&r.card_number),
            amount: r.amount,
            final_amount: r.final_amount,
            fee: r.fee,
            fee_side: if r.fee_side == "customer" {
                FeeSide::Customer
            } else {
                FeeSide::Merchant
            },
            status: status_of(&r.status),
            description: r.description,
            factor_number: r.factor_number,
            callback_url: r.callback_url,
            payment_url: r.payment_url,
            created_at: to_rfc3339(r.created_at),
            expires_at: to_rfc3339(r.expires_at),
            paid_at: r.paid_at.map(to_rfc3339),
            verified_at: r.verified_at.map(to_rfc3339),
        }
    }
}

/// Runs the filtered query; `limit` None means every matching row (for the export).
async fn query_transactions(
    db: &Db,
    user_id: &str,
    q: &ListQuery,
    limit: Option<(i64, i64)>,
) -> AppResult<(Vec<Transaction>, i64)> {
    let status = match q.status.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        None => None,
        Some(s) => Some(TransactionStatus::parse(s).ok_or_else(|| {
            let mut f = kitty_api::FieldErrors::new();
            f.insert(
                "status".into(),
                "Use pending, paid, expired, failed or paid_late.".into(),
            );
            AppError::Validation(f)
        })?),
    };
    let shop = q
        .shop_id
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty());
    let filter = "FROM transactions t JOIN shops s ON s.id = t.shop_id
         WHERE t.user_id = ? AND (? IS NULL OR t.shop_id = ?) AND (? IS NULL OR t.status = ?)";
    let status_str = status.map(|s| s.as_str());
    let (total,): (i64,) = sqlx::query_as(&format!("SELECT COUNT(*) {filter}"))
        .bind(user_id)
        .bind(shop)
        .bind(shop)
        .bind(status_str)
        .bind(status_str)
        .fetch_one(db)
        .await?;
    let (limit, offset) = limit.unwrap_or((-1, 0));
    let rows: Vec<TransactionRow> = sqlx::query_as(&format!(
        "SELECT t.id, t.authority, t.shop_id, s.name AS shop_name, t.card_number, t.amount, t.final_amount, t.fee,
                t.fee_side, t.status, t.description, t.factor_number, t.callback_url, t.payment_url, t.created_at,
                t.expires_at, t.paid_at, t.verified_at
         {filter} ORDER BY t.created_at DESC, t.id LIMIT ? OFFSET ?"
    ))
    .bind(user_id)
    .bind(shop)
    .bind(shop)
    .bind(status_str)
    .bind(status_str)
    .bind(limit)
    .bind(offset)
    .fetch_all(db)
    .await?;
    Ok((rows.into_iter().map(Transaction::from).collect(), total))
}

#[utoipa::path(
    get, path = "/transactions", tag = "KPAY", summary = "List Transactions",
    description = "Get all transactions for current user, newest first.",
    params(ListQuery),
    responses((status = 200, body = TransactionList), (status = 422, body = ErrorBody), (status = 401, body = ErrorBody)),
    security(("bearer" = []))
)]
async fn list_transactions(
    State(state): State<AppState>,
    user: CurrentUser,
    Query(q): Query<ListQuery>,
) -> AppResult<Json<TransactionList>> {
    let page = q.page.unwrap_or(1).max(1);
    let per_page = q.per_page.unwrap_or(20).clamp(1, 100);
    let (transactions, total) = query_transactions(
        &state.db,
        &user.user_id,
        &q,
        Some((per_page, (page - 1) * per_page)),
    )
    .await?;
    Ok(Json(TransactionList {
        transactions,
        total,
        page,
        per_page,
    }))
}

fn csv_field(s: &str) -> String {
    // Quote everything that could break a row, and defuse spreadsheet formulas.
    let s = if s.starts_with(['=', '+', '-', '@']) {
        format!("'{s}")
    } else {
        s.to_string()
    };
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

#[utoipa::path(
    get, path = "/transactions/export.csv", tag = "KPAY", summary = "Export Transactions (CSV)",
    description = "The same filter as List Transactions, every matching row, as CSV.",
    params(ListQuery),
    responses((status = 200, content_type = "text/csv", body = String), (status = 401, body = ErrorBody)),
    security(("bearer" = []))
)]
async fn export_transactions(
    State(state): State<AppState>,
    user: CurrentUser,
    Query(q): Query<ListQuery>,
) -> AppResult<Response> {
    let (rows, _) = query_transactions(&state.db, &user.user_id, &q, None).await?;
    let mut csv = String::from("authority,created_at,shop,status,amount_irr,fee_irr,fee_side,final_amount_irr,card,factor_number,description,paid_at\n");
    for t in rows {
        let fields = [
            t.authority,
            t.created_at,
            t.shop_name,
            t.status.as_str().to_string(),
            t.amount.to_string(),
            t.fee.to_string(),
            fee_side_str(t.fee_side).to_string(),
            t.final_amount.to_string(),
            t.card_number,
            t.factor_number.unwrap_or_default(),
            t.description.unwrap_or_default(),
            t.paid_at.unwrap_or_default(),
        ];
        csv.push_str(
            &fields
                .iter()
                .map(|f| csv_field(f))
                .collect::<Vec<_>>()
                .join(","),
        );
        csv.push('\n');
    }
    Ok((
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8"),
            (
                header::CONTENT_DISPOSITION,
                "attachment; filename=\"kitty-transactions.csv\"",
            ),
        ],
        csv,
    )
        .into_response())
}

/// The bank reports `amount` arriving on `card_number`. In one database transaction: the pending
/// payment asking for exactly that sum becomes paid; failing that, an expired one becomes
/// `paid_late`; the notification is recorded either way. Duplicate notifications settle nothing
/// twice: the update only applies to a row still in the expected state.
pub async fn settle_transfer(db: &Db, transfer: &CardTransfer) -> AppResult<CardTransferResult> {
    expire_due(db).await?;
    let t = now();
    let mut tx = crate::db::write(db).await?;
    let paid: Option<(String, String)> = sqlx::query_as(
        "UPDATE transactions SET status = 'paid', paid_at = ?
         WHERE id = (SELECT id FROM transactions WHERE status = 'pending' AND card_number = ? AND final_amount = ? AND expires_at > ?)
         RETURNING id, authority",
    )
    .bind(t)
    .bind(&transfer.card_number)
    .bind(transfer.amount)
    .bind(t)
    .fetch_optional(&mut *tx)
    .await?;
    let (outcome, hit) = match paid {
        Some(hit) => ("paid", Some(hit)),
        None => {
            let late: Option<(String, String)> = sqlx::query_as(
                "UPDATE transactions SET status = 'paid_late', paid_at = ?
                 WHERE id = (SELECT id FROM transactions WHERE status = 'expired' AND card_number = ? AND final_amount = ?
                             ORDER BY expires_at DESC LIMIT 1)
                 RETURNING id, authority",
            )
            .bind(t)
            .bind(&transfer.card_number)
            .bind(transfer.amount)
            .fetch_optional(&mut *tx)
            .await?;
            match late {
                Some(hit) => ("paid_late", Some(hit)),
                None => ("unmatched", None),
            }
        }
    };
    sqlx::query("INSERT INTO card_transfers (id, card_number, amount, outcome, transaction_id, received_at) VALUES (?, ?, ?, ?, ?, ?)")
        .bind(uuid::Uuid::new_v4().to_string())
        .bind(&transfer.card_number)
        .bind(transfer.amount)
        .bind(outcome)
        .bind(hit.as_ref().map(|h| &h.0))
        .bind(t)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(CardTransferResult {
        outcome: outcome.into(),
        authority: hit.map(|h| h.1),
    })
}

/// Ends a pending payment now, as if its time had run out (sandbox only).
pub async fn expire_now(db: &Db, authority: &str) -> AppResult<()> {
    let updated = sqlx::query("UPDATE transactions SET status = 'expired', expires_at = ? WHERE authority = ? AND status = 'pending'")
        .bind(now())
        .bind(authority)
        .execute(db)
        .await?;
    if updated.rows_affected() == 0 {
        return Err(AppError::not_found("A pending payment with this authority"));
    }
    Ok(())
}

#[utoipa::path(
    get, path = "/transactions/{id}", tag = "KPAY", summary = "Get Transaction",
    description = "One of the current user's transactions.",
    params(("id" = String, Path, description = "Transaction ID")),
    responses((status = 200, body = Transaction), (status = 404, body = ErrorBody), (status = 401, body = ErrorBody)),
    security(("bearer" = []))
)]
async fn get_transaction(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
) -> AppResult<Json<Transaction>> {
    let row: Option<TransactionRow> = sqlx::query_as(
        "SELECT t.id, t.authority, t.shop_id, s.name AS shop_name, t.card_number, t.amount, t.final_amount, t.fee,
                t.fee_side, t.status, t.description, t.factor_number, t.callback_url, t.payment_url, t.created_at,
                t.expires_at, t.paid_at, t.verified_at
         FROM transactions t JOIN shops s ON s.id = t.shop_id WHERE t.id = ? AND t.user_id = ?",
    )
    .bind(&id)
    .bind(&user.user_id)
    .fetch_optional(&state.db)
    .await?;
    row.map(|r| Json(r.into()))
        .ok_or_else(|| AppError::not_found("The transaction"))
}

#[utoipa::path(
    get, path = "/transactions/payment/{authority}/qr.svg", tag = "KPAY",
    summary = "Payment link QR code",
    description = "An SVG QR code of the payment's link, to open it on a phone. Public.",
    params(("authority" = String, Path)),
    responses((status = 200, content_type = "image/svg+xml", body = String), (status = 404, body = ErrorBody))
)]
async fn payment_qr(
    State(state): State<AppState>,
    Path(authority): Path<String>,
) -> AppResult<Response> {
    let (url,): (String,) =
        sqlx::query_as("SELECT payment_url FROM transactions WHERE authority = ?")
            .bind(&authority)
            .fetch_optional(&state.db)
            .await?
            .ok_or_else(|| AppError::not_found("This payment"))?;
    crate::qr::svg_response(&url)
}

#[derive(Debug, Deserialize, utoipa::IntoParams)]
pub struct SummaryQuery {
    /// Minutes east of UTC that the merchant's days start in (Tehran: 210). Default 0.
    tz_offset: Option<i64>,
}

#[utoipa::path(
    get, path = "/merchant/summary", tag = "KPAY", summary = "Merchant summary",
    description = "What the merchant received (net of KPAY's fee when the merchant pays it) today and this month, the pending count, and the last 14 days.",
    params(SummaryQuery),
    responses((status = 200, body = MerchantSummary), (status = 401, body = ErrorBody)),
    security(("bearer" = []))
)]
async fn summary(
    State(state): State<AppState>,
    user: CurrentUser,
    Query(q): Query<SummaryQuery>,
) -> AppResult<Json<MerchantSummary>> {
    let offset = q.tz_offset.unwrap_or(0).clamp(-14 * 60, 14 * 60) * 60;
    let local_now = now() + offset;
    let today = local_now.div_euclid(86_400);
    let first_day = today - 13;
    // The month's first day, from the civil date of today.
    let today_str = to_rfc3339(today * 86_400);
    let month_start_str = format!("{}-01T00:00:00Z", &today_str[..7]);
    let month_start =
        kitty_api::format::parse_rfc3339(&month_start_str).unwrap_or(today * 86_400) / 86_400;
    let since_day = first_day.min(month_start);
    let rows: Vec<(i64, i64)> = sqlx::query_as(
        "SELECT (paid_at + ?) / 86400 AS day, SUM(amount - CASE WHEN fee_side = 'merchant' THEN fee ELSE 0 END)
         FROM transactions WHERE user_id = ? AND status IN ('paid', 'paid_late') AND paid_at + ? >= ?
         GROUP BY day",
    )
    .bind(offset)
    .bind(&user.user_id)
    .bind(offset)
    .bind(since_day * 86_400)
    .fetch_all(&state.db)
    .await?;
    let on = |d: i64| rows.iter().filter(|r| r.0 == d).map(|r| r.1).sum::<i64>();
    let (pending_count,): (i64,) = sqlx::query_as(
        "SELECT COUNT(*) FROM transactions WHERE user_id = ? AND status = 'pending'",
    )
    .bind(&user.user_id)
    .fetch_one(&state.db)
    .await?;
    Ok(Json(MerchantSummary {
        today_paid: on(today),
        month_paid: rows
            .iter()
            .filter(|r| r.0 >= month_start)
            .map(|r| r.1)
            .sum(),
        pending_count,
        daily: (first_day..=today)
            .map(|d| DailyTotal {
                date: to_rfc3339(d * 86_400)[..10].to_string(),
                paid: on(d),
            })
            .collect(),
    }))
}
