//! Card-to-card payments: creating one (a merchant), what the buyer's page shows, the public
//! status check, and the merchant server's verification.

use super::merchant::Merchant;
use crate::clock::rfc3339;
use crate::db::{is_unique_violation, now};
use crate::error::{ApiJson, AppError, AppResult};
use crate::session::random_token;
use crate::AppState;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::Json;
use kitty_api::merchant::{
    fee, CreateTransactionRequest, CreatedTransaction, FeeSide, PaymentInfo, StatusCheck,
    TransactionStatus, VerifyRequest, VerifyResponse,
};
use kitty_api::ErrorBody;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;
pub fn routes(router: OpenApiRouter<AppState>) -> OpenApiRouter<AppState> {
    router
        .routes(routes!(create_transaction))
        .routes(routes!(payment_info))
        .routes(routes!(verify_transaction))
        .routes(routes!(check_status))
        .routes(routes!(status_events))
}

/// Offsets added to the sum so that pending payments to one card differ: 1 to 999 Rials.
const MAX_OFFSET: i64 = 999;
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
    let shop: Option<(crate::db::Flag,)> =
        sqlx::query_as("SELECT is_active FROM shops WHERE id = $1 AND user_id = $2")
            .bind(&req.shop_id)
            .bind(&merchant.user_id)
            .fetch_optional(&state.db)
            .await?;
    if !shop.ok_or_else(|| AppError::not_found("The shop"))?.0 .0 {
        return Err(AppError::not_found("The shop"));
    }
    let card: Option<(String,)> = sqlx::query_as(
        "SELECT card_number FROM cards WHERE id = $1 AND user_id = $2 AND is_active = 1",
    )
    .bind(&req.card_id)
    .bind(&merchant.user_id)
    .fetch_optional(&state.db)
    .await?;
    let card_number = card.ok_or_else(|| AppError::not_found("The card"))?.0;
    super::settlement::expire_due(&state.db).await?;

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
    tx.lock(crate::db::Lock::Name("card", &card_number)).await?;
    let taken: Vec<(i64,)> = sqlx::query_as(
        "SELECT final_amount FROM transactions WHERE status = 'pending' AND card_number = $1 AND final_amount BETWEEN $2 AND $3",
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
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'pending', $11, $12, $13, $14, $15, $16)",
    )
    .bind(&id)
    .bind(&authority)
    .bind(&merchant.user_id)
    .bind(&req.shop_id)
    .bind(&req.card_id)
    .bind(&card_number)
    .bind(req.amount)
    .bind(fee)
    .bind(fee_side.as_str())
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

/// A payment's stored status.
pub(super) fn status_of(s: &str) -> AppResult<TransactionStatus> {
    crate::db::stored(TransactionStatus::parse, s, "payment status")
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
         WHERE t.authority = $1",
    )
    .bind(&authority)
    .fetch_optional(&state.db)
    .await?
    .ok_or_else(|| AppError::not_found("This payment"))?;
    let status = status_of(&row.status)?;
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
        sandbox: state.settings.is_sandbox(),
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
        "SELECT id, shop_id, status, amount, paid_at FROM transactions WHERE authority = $1 AND user_id = $2",
    )
    .bind(req.authority.trim())
    .bind(&merchant.user_id)
    .fetch_optional(&state.db)
    .await?;
    let (id, shop_id, status, amount, paid_at) =
        row.ok_or_else(|| AppError::not_found("The transaction"))?;
    merchant.check_shop(&shop_id)?;
    let status = status_of(&status)?;
    if matches!(
        status,
        TransactionStatus::Paid | TransactionStatus::PaidLate
    ) {
        sqlx::query(
            "UPDATE transactions SET verified_at = COALESCE(verified_at, $1) WHERE id = $2",
        )
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
        paid_at: paid_at.map(rfc3339),
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
        sqlx::query_as("SELECT status FROM transactions WHERE authority = $1")
            .bind(&authority)
            .fetch_optional(&state.db)
            .await?
            .ok_or_else(|| AppError::not_found("This payment"))?;
    let status = status_of(&status)?;
    Ok(Json(StatusCheck {
        authority,
        status,
        is_paid: status == TransactionStatus::Paid,
    }))
}

/// A payment's current status word.
async fn current_status(db: &crate::db::Db, authority: &str) -> AppResult<TransactionStatus> {
    let (status,): (String,) =
        sqlx::query_as("SELECT status FROM transactions WHERE authority = $1")
            .bind(authority)
            .fetch_optional(db)
            .await?
            .ok_or_else(|| AppError::not_found("This payment"))?;
    status_of(&status)
}

#[utoipa::path(
    get, path = "/transactions/{authority}/events", tag = "KPAY",
    summary = "Follow a payment's status as it changes (server-sent events).",
    description = "Public, like Check Status. Sends the status at once, then each change (`data: paid`), and ends once the payment is settled one way or the other. A client that loses the stream can poll Check Status.",
    params(("authority" = String, Path)),
    responses((status = 200, content_type = "text/event-stream", body = String), (status = 404, body = ErrorBody))
)]
async fn status_events(
    State(state): State<AppState>,
    Path(authority): Path<String>,
) -> AppResult<
    axum::response::sse::Sse<
        impl futures_util::Stream<Item = Result<axum::response::sse::Event, std::convert::Infallible>>,
    >,
> {
    use axum::response::sse::{Event, KeepAlive, Sse};
    // Subscribe before reading, so a change between the two is not missed.
    let rx = crate::live::subscribe(&state.db);
    let first = current_status(&state.db, &authority).await?;
    let topic = crate::live::payment_topic(&authority);
    struct Follow {
        db: crate::db::Db,
        authority: String,
        topic: String,
        rx: tokio::sync::broadcast::Receiver<std::sync::Arc<str>>,
        last: Option<TransactionStatus>,
        next: Option<TransactionStatus>,
    }
    let start = Follow {
        db: state.db.clone(),
        authority,
        topic,
        rx,
        last: None,
        next: Some(first),
    };
    let stream = futures_util::stream::unfold(start, |mut f| async move {
        loop {
            if let Some(status) = f.next.take() {
                if f.last == Some(status) {
                    continue;
                }
                if f.last.is_some_and(|s| s != TransactionStatus::Pending) {
                    return None;
                }
                f.last = Some(status);
                let event = Event::default().event("status").data(status.as_str());
                return Some((Ok(event), f));
            }
            if f.last.is_some_and(|s| s != TransactionStatus::Pending) {
                return None;
            }
            match f.rx.recv().await {
                Ok(t) if *t == *f.topic => {}
                Ok(_) => continue,
                Err(tokio::sync::broadcast::error::RecvError::Lagged(_)) => {}
                Err(tokio::sync::broadcast::error::RecvError::Closed) => return None,
            }
            f.next = current_status(&f.db, &f.authority).await.ok();
        }
    });
    Ok(Sse::new(stream).keep_alive(KeepAlive::default()))
}
