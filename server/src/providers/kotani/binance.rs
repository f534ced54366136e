//! Binance orders ("Binance" in `002_…`): Create, Close and Query Order, under
//! `/api/v2/binance/orders`. An order is paid on its public page (`/pay/order/{prepayId}`); an
//! unpaid one is closed by the merchant, or by the job runner an hour after it was made, as the
//! document says, without anyone having to read it first.

use crate::db::{now, Conn, Db};
use crate::error::{ApiJson, AppError, AppResult};
use crate::session::CurrentUser;
use crate::AppState;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use axum::Json;
use kitty_api::binance::{
    CreateOrderRequest, Order, OrderList, OrderResult, OrderStatus, PayOrderRequest,
    PrepayIdRequest, ORDER_LIFETIME_SECS,
};
use kitty_api::ErrorBody;
use rust_decimal::Decimal;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

pub fn routes(router: OpenApiRouter<AppState>) -> OpenApiRouter<AppState> {
    router
        .routes(routes!(create_order, list_orders))
        .routes(routes!(close_order))
        .routes(routes!(query_order))
        .routes(routes!(checkout))
        .routes(routes!(checkout_qr))
}

/// The sandbox's payment of an order (`/sandbox/binance/orders/{prepayId}/pay`).
pub fn sandbox_routes(router: OpenApiRouter<AppState>) -> OpenApiRouter<AppState> {
    router.routes(routes!(pay_order))
}

#[derive(sqlx::FromRow)]
struct OrderRow {
    prepay_id: String,
    user_id: String,
    amount: i64,
    currency: String,
    goods_name: String,
    goods_detail: String,
    return_url: String,
    cancel_url: String,
    status: String,
    paid_amount: String,
    created_at: i64,
    expires_at: i64,
    transact_at: Option<i64>,
}

const COLUMNS: &str =
    "prepay_id, user_id, amount, currency, goods_name, goods_detail, return_url, cancel_url,
    status, DEC(paid_amount), created_at, expires_at, transact_at";

async fn row(conn: &mut Conn, prepay_id: &str) -> AppResult<Option<OrderRow>> {
    Ok(sqlx::query_as(&crate::db::amounts(
        &*conn,
        &format!("SELECT {COLUMNS} FROM binance_orders WHERE prepay_id = $1"),
    ))
    .bind(prepay_id)
    .fetch_optional(&mut *conn)
    .await?)
}

/// The caller's order, or 404 for anyone else's.
async fn own(conn: &mut Conn, user_id: &str, prepay_id: &str) -> AppResult<OrderRow> {
    row(conn, prepay_id)
        .await?
        .filter(|r| r.user_id == user_id)
        .ok_or_else(|| AppError::not_found("That order"))
}

fn order(r: OrderRow, base: &str, sandbox: bool) -> AppResult<Order> {
    let checkout_url = format!("{base}/pay/order/{}", r.prepay_id);
    Ok(Order {
        qrcode_link: format!(
            "{base}/kotani/api/v2/binance/checkout/{}/qr.svg",
            r.prepay_id
        ),
        qr_content: checkout_url.clone(),
        checkout_url,
        status: crate::db::stored(OrderStatus::parse, &r.status, "order status")?,
        currency: r.currency,
        total_fee: r.amount,
        paid_amount: r.paid_amount,
        goods_name: r.goods_name,
        goods_detail: r.goods_detail,
        return_url: r.return_url,
        cancel_url: r.cancel_url,
        expire_time: r.expires_at * 1000,
        create_time: r.created_at * 1000,
        transact_time: r.transact_at.map(|t| t * 1000),
        remaining_seconds: (r.expires_at - now()).max(0),
        sandbox,
        prepay_id: r.prepay_id,
    })
}

fn result(state: &AppState, headers: &HeaderMap, r: OrderRow) -> AppResult<Json<OrderResult>> {
    Ok(Json(OrderResult {
        result: order(
            r,
            &crate::web::public_base(headers),
            state.settings.is_sandbox(),
        )?,
    }))
}

/// Unpaid orders past their hour become EXPIRED (the job runner). An idle tick reads without
/// taking the write lock.
pub async fn expire_due(db: &Db) -> AppResult<()> {
    let due: Vec<(String,)> = sqlx::query_as(
        "SELECT prepay_id FROM binance_orders WHERE status = 'INITIAL' AND expires_at <= $1 LIMIT 100",
    )
    .bind(now())
    .fetch_all(db)
    .await?;
    if due.is_empty() {
        return Ok(());
    }
    let mut w = crate::db::write(db).await?;
    sqlx::query(
        "UPDATE binance_orders SET status = 'EXPIRED', transact_at = expires_at WHERE status = 'INITIAL' AND expires_at <= $1",
    )
    .bind(now())
    .execute(&mut *w)
    .await?;
    w.commit().await?;
    Ok(())
}

#[utoipa::path(
    post, path = "/api/v2/binance/orders", tag = "Kotani Pay", summary = "Create Order",
    description = "This endpoint is used to create an order and generate a checkout link or a qr code that will be used to pay for the order created.",
    request_body = CreateOrderRequest,
    responses((status = 201, body = OrderResult), (status = 422, body = ErrorBody), (status = 401, body = ErrorBody)),
    security(("bearer" = []))
)]
async fn create_order(
    State(state): State<AppState>,
    user: CurrentUser,
    headers: HeaderMap,
    ApiJson(req): ApiJson<CreateOrderRequest>,
) -> AppResult<(StatusCode, Json<OrderResult>)> {
    let req = req.validate().map_err(AppError::Validation)?;
    // Binance Pay's prepay ids are long digit strings.
    let prepay_id = format!("{:019}", rand::random::<u64>() % 10_000_000_000_000_000_000);
    let t = now();
    let mut w = crate::db::write(&state.db).await?;
    super::lock_partner(&mut w, &user.user_id).await?;
    sqlx::query(
        "INSERT INTO binance_orders (prepay_id, seq, user_id, amount, currency, goods_name, goods_detail, return_url,
             cancel_url, status, paid_amount, created_at, expires_at)
         VALUES ($1, (SELECT COALESCE(MAX(seq), 0) + 1 FROM binance_orders), $2, $3, $4, $5, $6, $7, $8, 'INITIAL', '0', $9, $10)",
    )
    .bind(&prepay_id)
    .bind(&user.user_id)
    .bind(req.amount)
    .bind(&req.currency)
    .bind(&req.goods_name)
    .bind(&req.goods_detail)
    .bind(&req.return_url)
    .bind(&req.cancel_url)
    .bind(t)
    .bind(t + ORDER_LIFETIME_SECS)
    .execute(&mut *w)
    .await?;
    let r = own(&mut w, &user.user_id, &prepay_id).await?;
    w.commit().await?;
    Ok((StatusCode::CREATED, result(&state, &headers, r)?))
}

#[utoipa::path(
    get, path = "/api/v2/binance/orders", tag = "Kotani Pay", summary = "List the partner's Binance orders.",
    description = "The newest 100 orders, newest first.",
    responses((status = 200, body = OrderList), (status = 401, body = ErrorBody)),
    security(("bearer" = []))
)]
async fn list_orders(
    State(state): State<AppState>,
    user: CurrentUser,
    headers: HeaderMap,
) -> AppResult<Json<OrderList>> {
    let rows: Vec<OrderRow> = sqlx::query_as(&crate::db::amounts(
        &state.db,
        &format!(
            "SELECT {COLUMNS} FROM binance_orders WHERE user_id = $1 ORDER BY seq DESC LIMIT 100"
        ),
    ))
    .bind(&user.user_id)
    .fetch_all(&state.db)
    .await?;
    let base = crate::web::public_base(&headers);
    let orders = rows
        .into_iter()
        .map(|r| order(r, &base, state.settings.is_sandbox()))
        .collect::<AppResult<_>>()?;
    Ok(Json(OrderList { orders }))
}

#[utoipa::path(
    post, path = "/api/v2/binance/orders/close", tag = "Kotani Pay", summary = "Close Order",
    description = "This endpoint is used to close an order generated before it has been paid. An order is closed by itself after 1 hour if it is not paid.",
    request_body = PrepayIdRequest,
    responses((status = 200, body = OrderResult), (status = 404, body = ErrorBody), (status = 409, description = "Already paid or closed", body = ErrorBody), (status = 401, body = ErrorBody)),
    security(("bearer" = []))
)]
async fn close_order(
    State(state): State<AppState>,
    user: CurrentUser,
    headers: HeaderMap,
    ApiJson(req): ApiJson<PrepayIdRequest>,
) -> AppResult<Json<OrderResult>> {
    let mut w = crate::db::write(&state.db).await?;
    super::lock_partner(&mut w, &user.user_id).await?;
    let r = own(&mut w, &user.user_id, &req.prepay_id).await?;
    match OrderStatus::parse(&r.status) {
        Some(OrderStatus::INITIAL) if r.expires_at > now() => {}
        Some(OrderStatus::PAID) => {
            return Err(AppError::conflict_on(
                "prepayId",
                "This order is paid: only unpaid orders can be closed.",
            ))
        }
        _ => {
            return Err(AppError::conflict_on(
                "prepayId",
                "This order is closed already.",
            ))
        }
    }
    sqlx::query(
        "UPDATE binance_orders SET status = 'CLOSED', transact_at = $1 WHERE prepay_id = $2",
    )
    .bind(now())
    .bind(&req.prepay_id)
    .execute(&mut *w)
    .await?;
    let r = own(&mut w, &user.user_id, &req.prepay_id).await?;
    w.commit().await?;
    result(&state, &headers, r)
}

#[utoipa::path(
    post, path = "/api/v2/binance/orders/query", tag = "Kotani Pay", summary = "Query Order",
    description = "This endpoint is used to query an order generated to view its current status.",
    request_body = PrepayIdRequest,
    responses((status = 200, body = OrderResult), (status = 404, body = ErrorBody), (status = 401, body = ErrorBody)),
    security(("bearer" = []))
)]
async fn query_order(
    State(state): State<AppState>,
    user: CurrentUser,
    headers: HeaderMap,
    ApiJson(req): ApiJson<PrepayIdRequest>,
) -> AppResult<Json<OrderResult>> {
    let mut conn = state.db.acquire().await?;
    let r = own(&mut conn, &user.user_id, &req.prepay_id).await?;
    result(&state, &headers, r)
}

#[utoipa::path(
    get, path = "/api/v2/binance/checkout/{prepayId}", tag = "Kotani Pay", summary = "Read an order for its payment page.",
    description = "Public, like the page it serves (the prepayId is unguessable): what the buyer pays, and the order's status.",
    params(("prepayId" = String, Path)),
    responses((status = 200, body = OrderResult), (status = 404, body = ErrorBody))
)]
async fn checkout(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(prepay_id): Path<String>,
) -> AppResult<Json<OrderResult>> {
    let mut conn = state.db.acquire().await?;
    let r = row(&mut conn, &prepay_id)
        .await?
        .ok_or_else(|| AppError::not_found("That order"))?;
    result(&state, &headers, r)
}

#[utoipa::path(
    get, path = "/api/v2/binance/checkout/{prepayId}/qr.svg", tag = "Kotani Pay",
    summary = "An order's checkout link as a QR code.",
    params(("prepayId" = String, Path)),
    responses((status = 200, content_type = "image/svg+xml", body = String), (status = 404, body = ErrorBody))
)]
async fn checkout_qr(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(prepay_id): Path<String>,
) -> AppResult<Response> {
    let mut conn = state.db.acquire().await?;
    let r = row(&mut conn, &prepay_id)
        .await?
        .ok_or_else(|| AppError::not_found("That order"))?;
    crate::qr::svg_response(&order(r, &crate::web::public_base(&headers), false)?.qr_content)
}

#[utoipa::path(
    post, path = "/binance/orders/{prepayId}/pay", tag = "Sandbox",
    summary = "Pay a Binance order, in full or in part.",
    description = "The buyer's Binance Pay transfer. Up to 2 decimals, at most what is left to pay; the order is PAID when the whole amount has arrived.",
    params(("prepayId" = String, Path)),
    request_body = PayOrderRequest,
    responses((status = 200, body = OrderResult), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody))
)]
async fn pay_order(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(prepay_id): Path<String>,
    ApiJson(req): ApiJson<PayOrderRequest>,
) -> AppResult<Json<OrderResult>> {
    let amount = kitty_api::crypto::amount(&req.amount, 2, "the amount")
        .map_err(|m| AppError::field("amount", m))?;
    let amount = Decimal::from_str_exact(&amount)
        .map_err(|_| AppError::field("amount", "Use a smaller amount."))?;
    let mut w = crate::db::write(&state.db).await?;
    // The merchant may be closing the order at this moment: take their lock, then read it.
    let owner: Option<(String,)> =
        sqlx::query_as("SELECT user_id FROM binance_orders WHERE prepay_id = $1")
            .bind(&prepay_id)
            .fetch_optional(&mut *w)
            .await?;
    let (owner,) = owner.ok_or_else(|| AppError::not_found("That order"))?;
    super::lock_partner(&mut w, &owner).await?;
    let r = row(&mut w, &prepay_id)
        .await?
        .ok_or_else(|| AppError::not_found("That order"))?;
    if r.status != OrderStatus::INITIAL.as_str() || r.expires_at <= now() {
        return Err(AppError::conflict_on(
            "prepayId",
            "This order is no longer open for payment.",
        ));
    }
    let paid = Decimal::from_str_exact(&r.paid_amount)
        .map_err(|_| AppError::internal("a stored amount is not decimal"))?;
    let left = Decimal::new(r.amount, 0)
        .checked_sub(paid)
        .ok_or_else(|| AppError::internal("order amount overflow"))?;
    if amount > left {
        return Err(AppError::field(
            "amount",
            format!("Only {left} {} is left to pay.", r.currency),
        ));
    }
    let paid = paid
        .checked_add(amount)
        .ok_or_else(|| AppError::internal("order amount overflow"))?;
    let full = paid >= Decimal::new(r.amount, 0);
    sqlx::query(
        &crate::db::amounts(&*w, "UPDATE binance_orders SET paid_amount = NUM($1), status = $2, transact_at = $3 WHERE prepay_id = $4"),
    )
    .bind(paid.to_string())
    .bind(if full { "PAID" } else { "INITIAL" })
    .bind(full.then(now))
    .bind(&prepay_id)
    .execute(&mut *w)
    .await?;
    let r = row(&mut w, &prepay_id)
        .await?
        .ok_or_else(|| AppError::internal("an order vanished in its own write"))?;
    w.commit().await?;
    result(&state, &headers, r)
}
