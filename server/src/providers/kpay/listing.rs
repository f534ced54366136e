//! A merchant's payments: the filtered list, its CSV export, one payment's detail and its QR code.

use crate::clock::rfc3339;
use crate::db::Db;
use crate::error::{AppError, AppResult};
use crate::session::CurrentUser;
use crate::AppState;
use axum::extract::{Path, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::Json;
use kitty_api::merchant::{mask_card, FeeSide, Transaction, TransactionList, TransactionStatus};
use kitty_api::ErrorBody;
use serde::Deserialize;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;
pub fn routes(router: OpenApiRouter<AppState>) -> OpenApiRouter<AppState> {
    router
        .routes(routes!(list_transactions))
        .routes(routes!(export_transactions))
        .routes(routes!(get_transaction))
        .routes(routes!(payment_qr))
}

/// Filters of the list and the CSV export.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ListQuery {
    /// Filter by shop.
    shop_id: Option<String>,
    /// pending, paid, expired, failed or paid_late; empty for any.
    #[param(pattern = r"^(pending|paid|expired|failed|paid_late)?$")]
    status: Option<String>,
    /// From 1 to 1,000,000.
    #[param(minimum = 1, maximum = 1_000_000)]
    page: Option<i64>,
    /// 1 to 100; default 20.
    #[param(minimum = 1, maximum = 100)]
    per_page: Option<i64>,
}

impl ListQuery {
    /// The page and its size; 422 on a parameter out of its range.
    fn paging(&self) -> AppResult<(i64, i64)> {
        let (page, per_page) = (self.page.unwrap_or(1), self.per_page.unwrap_or(20));
        if !(1..=crate::db::MAX_PAGE).contains(&page) {
            return Err(AppError::field("page", "Pages count from 1 to 1,000,000."));
        }
        if !(1..=100).contains(&per_page) {
            return Err(AppError::field("per_page", "Ask for 1 to 100 per page."));
        }
        Ok((page, per_page))
    }
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

impl TryFrom<TransactionRow> for Transaction {
    type Error = AppError;

    fn try_from(r: TransactionRow) -> AppResult<Self> {
        Ok(Transaction {
            id: r.id,
            authority: r.authority,
            shop_id: r.shop_id,
            shop_name: r.shop_name,
            card_number: mask_card(&r.card_number),
            amount: r.amount,
            final_amount: r.final_amount,
            fee: r.fee,
            fee_side: crate::db::stored(FeeSide::parse, &r.fee_side, "fee side")?,
            status: super::payments::status_of(&r.status)?,
            description: r.description,
            factor_number: r.factor_number,
            callback_url: r.callback_url,
            payment_url: r.payment_url,
            created_at: rfc3339(r.created_at),
            expires_at: rfc3339(r.expires_at),
            paid_at: r.paid_at.map(rfc3339),
            verified_at: r.verified_at.map(rfc3339),
        })
    }
}

/// Runs the filtered query; `limit` None means every matching row (for the export).
async fn query_transactions(
    db: &Db,
    user_id: &str,
    q: &ListQuery,
    limit: Option<(i64, i64)>,
) -> AppResult<(Vec<Transaction>, i64)> {
    let status = match q.status.as_deref().filter(|s| !s.is_empty()) {
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
         WHERE t.user_id = $1 AND ($2 IS NULL OR t.shop_id = $2) AND ($3 IS NULL OR t.status = $3)";
    let status_str = status.map(|s| s.as_str());
    let (total,): (i64,) = sqlx::query_as(&format!("SELECT COUNT(*) {filter}"))
        .bind(user_id)
        .bind(shop)
        .bind(status_str)
        .fetch_one(db)
        .await?;
    let (limit, offset) = limit.unwrap_or((i64::MAX, 0));
    let rows: Vec<TransactionRow> = sqlx::query_as(&format!(
        "SELECT t.id, t.authority, t.shop_id, s.name AS shop_name, t.card_number, t.amount, t.final_amount, t.fee,
                t.fee_side, t.status, t.description, t.factor_number, t.callback_url, t.payment_url, t.created_at,
                t.expires_at, t.paid_at, t.verified_at
         {filter} ORDER BY t.created_at DESC, t.id LIMIT $4 OFFSET $5"
    ))
    .bind(user_id)
    .bind(shop)
    .bind(status_str)
    .bind(limit)
    .bind(offset)
    .fetch_all(db)
    .await?;
    let list = rows
        .into_iter()
        .map(Transaction::try_from)
        .collect::<AppResult<_>>()?;
    Ok((list, total))
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
    crate::error::ApiQuery(q): crate::error::ApiQuery<ListQuery>,
) -> AppResult<Json<TransactionList>> {
    let (page, per_page) = q.paging()?;
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

/// A cell as a spreadsheet will read it: text that starts like a formula is defused with a
/// leading apostrophe, so an exported description cannot run as one.
fn defuse(s: String) -> String {
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
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
    crate::error::ApiQuery(q): crate::error::ApiQuery<ListQuery>,
) -> AppResult<Response> {
    // The export has every matching row; its paging parameters are still checked like the list's.
    q.paging()?;
    let (rows, _) = query_transactions(&state.db, &user.user_id, &q, None).await?;
    // The csv crate quotes whatever needs quoting; `defuse` guards against formulas.
    let mut out = csv::Writer::from_writer(Vec::new());
    let internal = |e: csv::Error| AppError::internal(format!("csv: {e}"));
    out.write_record([
        "authority",
        "created_at",
        "shop",
        "status",
        "amount_irr",
        "fee_irr",
        "fee_side",
        "final_amount_irr",
        "card",
        "factor_number",
        "description",
        "paid_at",
    ])
    .map_err(internal)?;
    for t in rows {
        out.write_record(
            [
                t.authority,
                t.created_at,
                t.shop_name,
                t.status.as_str().to_string(),
                t.amount.to_string(),
                t.fee.to_string(),
                t.fee_side.as_str().to_string(),
                t.final_amount.to_string(),
                t.card_number,
                t.factor_number.unwrap_or_default(),
                t.description.unwrap_or_default(),
                t.paid_at.unwrap_or_default(),
            ]
            .map(defuse),
        )
        .map_err(internal)?;
    }
    let csv = out
        .into_inner()
        .map_err(|e| AppError::internal(format!("csv: {e}")))?;
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
         FROM transactions t JOIN shops s ON s.id = t.shop_id WHERE t.id = $1 AND t.user_id = $2",
    )
    .bind(&id)
    .bind(&user.user_id)
    .fetch_optional(&state.db)
    .await?;
    Ok(Json(
        row.ok_or_else(|| AppError::not_found("The transaction"))?
            .try_into()?,
    ))
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
        sqlx::query_as("SELECT payment_url FROM transactions WHERE authority = $1")
            .bind(&authority)
            .fetch_optional(&state.db)
            .await?
            .ok_or_else(|| AppError::not_found("This payment"))?;
    crate::qr::svg_response(&url)
}
