//! KPAY's crypto gateway ("Crypto Gateway" in `004_…`): currencies, payments to a fresh deposit
//! address, the merchant's balances and withdrawals; and, beyond the document, the states
//! BTCPay shows (underpaid, overpaid, paid late) and Standard Webhooks for every status change.
//!
//! Nothing about money is stored twice: what a payment received, and what a merchant holds, are
//! sums over the chain's transfers ([`crate::chain`]), computed with `rust_decimal`. A payment's
//! status is stored, because its changes are events (webhooks) that must happen once.

use super::merchant::Merchant;
use crate::chain;
use crate::clock::rfc3339;
use crate::db::{now, Conn, Db, Flag};
use crate::error::{ApiJson, AppError, AppResult};
use crate::session::CurrentUser;
use crate::AppState;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use axum::Json;
use kitty_api::crypto::{
    asset, Asset, BalancesResponse, CreateCryptoPaymentRequest, CreatedCryptoPayment,
    CryptoBalance, CryptoCurrency, CryptoPayment, CryptoPaymentList, CryptoStatus,
    CurrenciesResponse, Network, ReceivedTransfer, WebhookSecret, Withdrawal, WithdrawalList,
    WithdrawalRequest, WithdrawalStatus, ASSETS,
};
use kitty_api::ramp::{Delivery, DeliveryList};
use kitty_api::ErrorBody;
use rust_decimal::{Decimal, RoundingStrategy};
use std::collections::HashMap;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

pub fn routes(router: OpenApiRouter<AppState>) -> OpenApiRouter<AppState> {
    router
        .routes(routes!(currencies))
        .routes(routes!(create_payment, list_payments))
        .routes(routes!(payment_status))
        .routes(routes!(payment_qr))
        .routes(routes!(balances))
        .routes(routes!(create_withdrawal, list_withdrawals))
        .routes(routes!(webhooks))
        .routes(routes!(resend_webhook))
        .routes(routes!(rotate_webhook_secret))
}

/// The events a payment's webhooks carry: `payment.` and its new status.
const EVENT_PREFIX: &str = "payment.";

/// USD per unit: the sandbox's rate table. A payment locks the rate when it is made.
pub fn rate_usd(asset: &Asset) -> Decimal {
    match asset.code {
        "btc" => Decimal::new(97_000, 0),
        "eth" => Decimal::new(3_400, 0),
        "xrp" => Decimal::new(23, 1),
        _ => Decimal::ONE, // USDT
    }
}

/// `usd` in the asset at `rate`, rounded up to the asset's decimals: the buyer never pays less
/// than the USD asked, and at most one unit of the last decimal more. `None` on overflow or a
/// zero result.
pub fn usd_to_crypto(usd: Decimal, rate: Decimal, decimals: u32) -> Option<Decimal> {
    let exact = usd.checked_div(rate)?;
    let rounded = exact.round_dp_with_strategy(decimals, RoundingStrategy::AwayFromZero);
    (rounded > Decimal::ZERO).then_some(rounded)
}

/// An amount with exactly the asset's decimals, as the contract sends it.
pub fn fixed(amount: Decimal, decimals: u32) -> String {
    let mut a = amount;
    a.rescale(decimals);
    a.to_string()
}

fn parse(text: &str) -> AppResult<Decimal> {
    Decimal::from_str_exact(text).map_err(|_| AppError::internal("a stored amount is not decimal"))
}

fn asset_of(code: &str) -> AppResult<&'static Asset> {
    asset(code).ok_or_else(|| AppError::internal("a stored currency is unknown"))
}

/// Whole base units (satoshi, wei, …) of `amount`, for payment URIs.
fn base_units(amount: Decimal, decimals: u32) -> String {
    let mut a = amount;
    a.rescale(decimals);
    a.mantissa().to_string()
}

/// The wallet link a QR code carries: BIP-21 for Bitcoin, EIP-681 for Ether and ERC-20 tokens,
/// TRON's and the XRP Ledger's own schemes.
pub fn payment_uri(asset: &Asset, address: &str, memo: Option<&str>, amount: Decimal) -> String {
    const USDT_ERC20: &str = "0xdAC17F958D2ee523a2206206994597C13D831ec7";
    const USDT_TRC20: &str = "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t";
    let plain = amount.normalize().to_string();
    match asset.code {
        "btc" => format!("bitcoin:{address}?amount={plain}"),
        "eth" => format!(
            "ethereum:{address}@1?value={}",
            base_units(amount, asset.decimals)
        ),
        "usdt_erc20" => format!(
            "ethereum:{USDT_ERC20}@1/transfer?address={address}&uint256={}",
            base_units(amount, asset.decimals)
        ),
        "usdt_trc20" => format!("tron:{address}?token={USDT_TRC20}&amount={plain}"),
        _ => format!(
            "ripple:{address}?amount={plain}{}",
            memo.map(|m| format!("&dt={m}")).unwrap_or_default()
        ),
    }
}

#[derive(sqlx::FromRow)]
struct PaymentRow {
    id: String,
    user_id: String,
    shop_id: String,
    order_id: String,
    currency: String,
    requested_amount: String,
    amount_usd: Option<String>,
    rate_usd: String,
    deposit_address: String,
    memo: Option<String>,
    status: String,
    callback_success: Option<String>,
    callback_failed: Option<String>,
    webhook_url: Option<String>,
    created_at: i64,
    expires_at: i64,
    paid_at: Option<i64>,
}

const PAYMENT_COLUMNS: &str = "id, user_id, shop_id, order_id, currency, DEC(requested_amount), DEC(amount_usd), DEC(rate_usd),
    deposit_address, memo, status, callback_success, callback_failed, webhook_url, created_at, expires_at, paid_at";

async fn payment_row(conn: &mut Conn, id: &str) -> AppResult<Option<PaymentRow>> {
    Ok(sqlx::query_as(&crate::db::amounts(
        &*conn,
        &format!("SELECT {PAYMENT_COLUMNS} FROM crypto_payments WHERE id = $1"),
    ))
    .bind(id)
    .fetch_optional(&mut *conn)
    .await?)
}

/// What arrived at a payment's address, block by block.
struct Received {
    transfers: Vec<ReceivedTransfer>,
    /// Sum of the transfers that count toward the payment (not late).
    on_time: Decimal,
    late: Decimal,
    /// The fewest confirmations among the on-time transfers (0 when there are none).
    confirmations: i64,
    last_tx: Option<String>,
}

async fn received(conn: &mut Conn, payment_id: &str, asset: &Asset) -> AppResult<Received> {
    let height = chain::height(conn, asset.network).await?;
    let rows: Vec<(String, String, Flag, i64, Option<i64>)> = sqlx::query_as(&crate::db::amounts(
        &*conn,
        "SELECT r.tx_hash, DEC(r.amount), r.late, r.created_at, t.block_height
         FROM crypto_receipts r JOIN chain_transfers t ON t.tx_hash = r.tx_hash
         WHERE r.payment_id = $1 ORDER BY t.seq",
    ))
    .bind(payment_id)
    .fetch_all(&mut *conn)
    .await?;
    let mut r = Received {
        transfers: Vec::with_capacity(rows.len()),
        on_time: Decimal::ZERO,
        late: Decimal::ZERO,
        confirmations: 0,
        last_tx: None,
    };
    let mut fewest: Option<i64> = None;
    for (tx_hash, amount, late, seen, block) in rows {
        let a = parse(&amount)?;
        let confirmations = chain::confirmations(height, block);
        let sum = if late.0 { &mut r.late } else { &mut r.on_time };
        *sum = sum
            .checked_add(a)
            .ok_or_else(|| AppError::internal("received amount overflow"))?;
        if !late.0 {
            fewest = Some(fewest.map_or(confirmations, |f| f.min(confirmations)));
            r.last_tx = Some(tx_hash.clone());
        }
        r.transfers.push(ReceivedTransfer {
            tx_hash,
            amount: fixed(a, asset.decimals),
            confirmations,
            late: late.0,
            seen_at: rfc3339(seen),
        });
    }
    r.confirmations = fewest.unwrap_or(0);
    Ok(r)
}

/// The status a payment moves to, from what it has received by now. Final statuses stay.
pub fn next_status(
    current: CryptoStatus,
    received: Decimal,
    requested: Decimal,
    confirmations: i64,
    required: i64,
    expired: bool,
) -> CryptoStatus {
    if current.is_final() {
        return current;
    }
    if received >= requested {
        return if confirmations >= required {
            CryptoStatus::Completed
        } else {
            CryptoStatus::Confirming
        };
    }
    match (received > Decimal::ZERO, expired) {
        (false, false) => CryptoStatus::Created,
        (true, false) => CryptoStatus::Pending,
        (false, true) => CryptoStatus::Expired,
        (true, true) => CryptoStatus::Failed,
    }
}

async fn view(conn: &mut Conn, row: &PaymentRow, sandbox: bool) -> AppResult<CryptoPayment> {
    let asset = asset_of(&row.currency)?;
    let status = crate::db::stored(CryptoStatus::parse, &row.status, "crypto payment status")?;
    let requested = parse(&row.requested_amount)?;
    let got = received(conn, &row.id, asset).await?;
    let shop: Option<(String,)> = sqlx::query_as("SELECT name FROM shops WHERE id = $1")
        .bind(&row.shop_id)
        .fetch_optional(&mut *conn)
        .await?;
    let d = asset.decimals;
    let remaining = (status == CryptoStatus::Pending)
        .then(|| requested.checked_sub(got.on_time))
        .flatten()
        .filter(|r| *r > Decimal::ZERO);
    let surplus = got
        .on_time
        .checked_sub(requested)
        .filter(|s| *s > Decimal::ZERO);
    let to_pay = remaining.unwrap_or(requested);
    Ok(CryptoPayment {
        id: row.id.clone(),
        order_id: row.order_id.clone(),
        currency: row.currency.clone(),
        status,
        requested_amount: fixed(requested, d),
        received_amount: (!got.transfers.is_empty()).then(|| fixed(got.on_time, d)),
        confirmations: got.confirmations,
        required_confirmations: asset.network.required_confirmations(),
        tx_hash: got.last_tx,
        paid_at: row.paid_at.map(rfc3339),
        symbol: asset.symbol.into(),
        network: asset.network,
        deposit_address: row.deposit_address.clone(),
        memo: row.memo.clone(),
        amount_usd: row.amount_usd.clone(),
        rate_usd: row.rate_usd.clone(),
        remaining_amount: remaining.map(|r| fixed(r, d)),
        surplus_amount: surplus.map(|s| fixed(s, d)),
        late_amount: (got.late > Decimal::ZERO).then(|| fixed(got.late, d)),
        payment_uri: payment_uri(asset, &row.deposit_address, row.memo.as_deref(), to_pay),
        expires_at: rfc3339(row.expires_at),
        remaining_seconds: (row.expires_at - now()).max(0),
        created_at: rfc3339(row.created_at),
        shop_name: shop.map(|s| s.0).unwrap_or_default(),
        callback_success: row.callback_success.clone(),
        callback_failed: row.callback_failed.clone(),
        transfers: got.transfers,
        sandbox,
    })
}

/// Moves payment `id` to the status its transfers and the clock say, in the caller's write; a
/// change is stored with its time and POSTed to the payment's `webhook_url`.
async fn refresh(conn: &mut Conn, id: &str, sandbox: bool) -> AppResult<()> {
    let network: Option<(String,)> =
        sqlx::query_as("SELECT network FROM crypto_payments WHERE id = $1")
            .bind(id)
            .fetch_optional(&mut *conn)
            .await?;
    let Some((network,)) = network else {
        return Ok(());
    };
    let network = crate::db::stored(Network::parse, &network, "chain network")?;
    chain::lock_network(conn, network).await?;
    let Some(row) = payment_row(conn, id).await? else {
        return Ok(());
    };
    let asset = asset_of(&row.currency)?;
    let current = crate::db::stored(CryptoStatus::parse, &row.status, "crypto payment status")?;
    let got = received(conn, id, asset).await?;
    let next = next_status(
        current,
        got.on_time,
        parse(&row.requested_amount)?,
        got.confirmations,
        asset.network.required_confirmations(),
        now() >= row.expires_at,
    );
    if next == current {
        return Ok(());
    }
    let paid_at = (next == CryptoStatus::Completed).then(now);
    sqlx::query(
        "UPDATE crypto_payments SET status = $1, paid_at = COALESCE($2, paid_at) WHERE id = $3",
    )
    .bind(next.as_str())
    .bind(paid_at)
    .bind(id)
    .execute(&mut *conn)
    .await?;
    if let Some(url) = &row.webhook_url {
        let row = payment_row(conn, id)
            .await?
            .ok_or_else(|| AppError::internal("a payment vanished in its own write"))?;
        let event = format!("{EVENT_PREFIX}{}", next.as_str());
        let payload = serde_json::json!({
            "type": event,
            "timestamp": rfc3339(now()),
            "data": view(conn, &row, sandbox).await?,
        });
        let secret: Option<(Option<String>,)> =
            sqlx::query_as("SELECT webhook_secret FROM shops WHERE id = $1")
                .bind(&row.shop_id)
                .fetch_optional(&mut *conn)
                .await?;
        crate::deliveries::enqueue(
            conn,
            &row.user_id,
            url,
            &event,
            &payload.to_string(),
            secret.and_then(|s| s.0).as_deref(),
        )
        .await?;
    }
    Ok(())
}

/// The chain announces transfer `tx_hash` (in the caller's write): if it went to a payment's
/// address (and memo) in the payment's currency, it is recorded once, on time or late.
pub async fn credit(conn: &mut Conn, tx_hash: &str) -> AppResult<()> {
    let t: Option<(String, String, String, Option<String>, String)> = sqlx::query_as(
        &crate::db::amounts(&*conn, "SELECT network, currency, to_address, memo, DEC(amount) FROM chain_transfers WHERE tx_hash = $1"),
    )
    .bind(tx_hash)
    .fetch_optional(&mut *conn)
    .await?;
    let Some((network, currency, to, memo, amount)) = t else {
        return Ok(());
    };
    chain::lock_network(
        conn,
        crate::db::stored(Network::parse, &network, "chain network")?,
    )
    .await?;
    let payment: Option<(String, String)> = sqlx::query_as(
        "SELECT id, currency FROM crypto_payments
         WHERE network = $1 AND deposit_address = $2 AND COALESCE(memo, '') = COALESCE($3, '')",
    )
    .bind(&network)
    .bind(&to)
    .bind(&memo)
    .fetch_optional(&mut *conn)
    .await?;
    let Some((payment_id, payment_currency)) = payment else {
        return Ok(());
    };
    if payment_currency != currency {
        // Another token on the same network: not what the payment asked for.
        return Ok(());
    }
    let seen: Option<(String,)> =
        sqlx::query_as("SELECT tx_hash FROM crypto_receipts WHERE tx_hash = $1")
            .bind(tx_hash)
            .fetch_optional(&mut *conn)
            .await?;
    if seen.is_some() {
        return Ok(());
    }
    // Let time catch up first, so a transfer after the expiry counts as late.
    refresh(conn, &payment_id, true).await?;
    let (status,): (String,) = sqlx::query_as("SELECT status FROM crypto_payments WHERE id = $1")
        .bind(&payment_id)
        .fetch_one(&mut *conn)
        .await?;
    let late = matches!(
        CryptoStatus::parse(&status),
        Some(CryptoStatus::Expired | CryptoStatus::Failed)
    );
    sqlx::query(
        &crate::db::amounts(&*conn, "INSERT INTO crypto_receipts (tx_hash, payment_id, amount, late, created_at) VALUES ($1, $2, NUM($3), $4, $5)"),
    )
    .bind(tx_hash)
    .bind(&payment_id)
    .bind(&amount)
    .bind(i64::from(late))
    .bind(now())
    .execute(&mut *conn)
    .await?;
    refresh(conn, &payment_id, true).await
}

/// New blocks on `network` (in the caller's write): open payments may now be confirmed, and
/// withdrawals completed.
pub async fn on_blocks(conn: &mut Conn, network: Network) -> AppResult<()> {
    let open: Vec<(String,)> = sqlx::query_as(
        "SELECT id FROM crypto_payments WHERE network = $1 AND status IN ('pending', 'confirming')",
    )
    .bind(network.as_str())
    .fetch_all(&mut *conn)
    .await?;
    for (id,) in open {
        refresh(conn, &id, true).await?;
    }
    let height = chain::height(conn, network).await?;
    let pending: Vec<(String, Option<i64>)> = sqlx::query_as(
        "SELECT w.id, t.block_height FROM crypto_withdrawals w JOIN chain_transfers t ON t.tx_hash = w.tx_hash
         WHERE w.status = 'pending' AND t.network = $1",
    )
    .bind(network.as_str())
    .fetch_all(&mut *conn)
    .await?;
    for (id, block) in pending {
        if chain::confirmations(height, block) >= network.required_confirmations() {
            sqlx::query(
                "UPDATE crypto_withdrawals SET status = 'completed', completed_at = $1 WHERE id = $2",
            )
            .bind(now())
            .bind(&id)
            .execute(&mut *conn)
            .await?;
        }
    }
    Ok(())
}

/// Payments whose time ran out become expired (nothing arrived) or failed (part paid): the job
/// runner. An idle tick reads without taking the write lock.
pub async fn expire_due(db: &Db) -> AppResult<()> {
    let due: Vec<(String,)> = sqlx::query_as(
        "SELECT id FROM crypto_payments WHERE status IN ('created', 'pending') AND expires_at <= $1 ORDER BY seq LIMIT 100",
    )
    .bind(now())
    .fetch_all(db)
    .await?;
    if due.is_empty() {
        return Ok(());
    }
    let mut w = crate::db::write(db).await?;
    for (id,) in due {
        refresh(&mut w, &id, true).await?;
    }
    w.commit().await?;
    Ok(())
}

#[utoipa::path(
    get, path = "/gateway/currencies", tag = "KPAY", summary = "Supported Currencies",
    description = "Get list of all supported cryptocurrencies and networks",
    responses((status = 200, body = CurrenciesResponse))
)]
async fn currencies() -> Json<CurrenciesResponse> {
    Json(CurrenciesResponse {
        currencies: ASSETS
            .iter()
            .map(|a| CryptoCurrency {
                code: a.code.into(),
                name: a.name.into(),
                symbol: a.symbol.into(),
                network: a.network,
                icon: a.icon.into(),
                decimals: a.decimals,
                withdrawal_fee: a.withdrawal_fee.into(),
                needs_memo: a.network.needs_memo(),
                required_confirmations: a.network.required_confirmations(),
            })
            .collect(),
    })
}

/// The shop a payment is for: the API key's, the one named, or the merchant's only shop.
/// Locks a merchant's crypto side for a write: their order ids and their balances change for
/// one writer at a time.
async fn lock_merchant(conn: &mut Conn, merchant: &Merchant) -> AppResult<()> {
    crate::db::lock(
        conn,
        crate::db::Lock::Name("crypto-merchant", &merchant.user_id),
    )
    .await?;
    Ok(())
}

async fn shop_for(conn: &mut Conn, merchant: &Merchant, named: Option<&str>) -> AppResult<String> {
    let named = merchant.key_shop_id.as_deref().or(named);
    let shops: Vec<(String,)> = sqlx::query_as(
        "SELECT id FROM shops WHERE user_id = $1 AND is_active = 1 AND ($2 IS NULL OR id = $2) ORDER BY created_at",
    )
    .bind(&merchant.user_id)
    .bind(named)
    .fetch_all(&mut *conn)
    .await?;
    match (named, shops.as_slice()) {
        (Some(_), [only]) => Ok(only.0.clone()),
        (Some(_), _) => Err(AppError::not_found("The shop")),
        (None, [only]) => Ok(only.0.clone()),
        (None, []) => Err(AppError::field(
            "shop_id",
            "Create a shop first (Merchant → Shops): payments belong to a shop.",
        )),
        (None, _) => Err(AppError::field(
            "shop_id",
            "Choose the shop this payment is for (shop_id).",
        )),
    }
}

#[utoipa::path(
    post, path = "/gateway/payments", tag = "KPAY", summary = "Create Crypto Payment",
    description = "Create a new cryptocurrency payment request. Give exactly one of `amount_usd` (converted at a rate locked now, rounded up to the currency's decimals) and `amount_crypto`. Amounts may be JSON strings (exact) or numbers.",
    request_body = CreateCryptoPaymentRequest,
    responses(
        (status = 201, body = CreatedCryptoPayment),
        (status = 404, description = "The shop is not yours", body = ErrorBody),
        (status = 409, description = "order_id already used", body = ErrorBody),
        (status = 422, body = ErrorBody),
        (status = 401, body = ErrorBody),
    ),
    security(("bearer" = []), ("api_key" = []))
)]
async fn create_payment(
    State(state): State<AppState>,
    merchant: Merchant,
    headers: HeaderMap,
    ApiJson(req): ApiJson<CreateCryptoPaymentRequest>,
) -> AppResult<(StatusCode, Json<CreatedCryptoPayment>)> {
    let checked = req.validate().map_err(AppError::Validation)?;
    let asset = checked.asset;
    let rate = rate_usd(asset);
    let (requested, amount_usd) = match &checked.amount {
        Ok(usd) => {
            let usd = Decimal::from_str_exact(usd)
                .map_err(|_| AppError::field("amount_usd", "Enter the amount in USD."))?;
            let crypto = usd_to_crypto(usd, rate, asset.decimals).ok_or_else(|| {
                AppError::field("amount_usd", "This amount is too small for the currency.")
            })?;
            (crypto, Some(fixed(usd, 2)))
        }
        Err(crypto) => (
            Decimal::from_str_exact(crypto).map_err(|_| {
                AppError::field("amount_crypto", "Use a smaller amount or fewer decimals.")
            })?,
            None,
        ),
    };
    let mut w = crate::db::write(&state.db).await?;
    lock_merchant(&mut w, &merchant).await?;
    chain::lock_network(&mut w, asset.network).await?;
    let shop_id = shop_for(&mut w, &merchant, req.shop_id.as_deref()).await?;
    let used: Option<(String,)> =
        sqlx::query_as("SELECT id FROM crypto_payments WHERE user_id = $1 AND order_id = $2")
            .bind(&merchant.user_id)
            .bind(&checked.order_id)
            .fetch_optional(&mut *w)
            .await?;
    if used.is_some() {
        return Err(AppError::conflict_on(
            "order_id",
            "This order_id has a payment already. Use a new reference for a new payment.",
        ));
    }
    let network = asset.network;
    let (address, memo) = if network.needs_memo() {
        let taken: Vec<(Option<String>,)> =
            sqlx::query_as("SELECT memo FROM crypto_payments WHERE network = $1")
                .bind(network.as_str())
                .fetch_all(&mut *w)
                .await?;
        let taken: std::collections::HashSet<String> =
            taken.into_iter().filter_map(|m| m.0).collect();
        let tag = std::iter::repeat_with(|| rand::random::<u32>() % 900_000_000 + 100_000_000)
            .map(|t| t.to_string())
            .find(|t| !taken.contains(t))
            .unwrap_or_default();
        (chain::gateway_account(network), Some(tag))
    } else {
        (chain::new_address(network), None)
    };
    let id = uuid::Uuid::new_v4().to_string();
    let t = now();
    let expires_at = t + checked.expires_minutes * 60;
    sqlx::query(
        &crate::db::amounts(&*w, "INSERT INTO crypto_payments (id, seq, user_id, shop_id, order_id, currency, network, requested_amount, amount_usd,
             rate_usd, deposit_address, memo, status, callback_success, callback_failed, webhook_url, created_at, expires_at)
         VALUES ($1, (SELECT COALESCE(MAX(seq), 0) + 1 FROM crypto_payments), $2, $3, $4, $5, $6, NUM($7), NUM($8), NUM($9), $10, $11,
             'created', $12, $13, $14, $15, $16)"),
    )
    .bind(&id)
    .bind(&merchant.user_id)
    .bind(&shop_id)
    .bind(&checked.order_id)
    .bind(asset.code)
    .bind(network.as_str())
    .bind(fixed(requested, asset.decimals))
    .bind(&amount_usd)
    .bind(rate.to_string())
    .bind(&address)
    .bind(&memo)
    .bind(&checked.callback_success)
    .bind(&checked.callback_failed)
    .bind(&checked.webhook_url)
    .bind(t)
    .bind(expires_at)
    .execute(&mut *w)
    .await?;
    w.commit().await?;
    Ok((
        StatusCode::CREATED,
        Json(CreatedCryptoPayment {
            payment_url: format!("{}/pay/crypto/{id}", crate::web::public_base(&headers)),
            id,
            order_id: checked.order_id,
            currency: asset.code.into(),
            requested_amount: fixed(requested, asset.decimals),
            deposit_address: address,
            memo,
            status: CryptoStatus::Created,
            expires_at: rfc3339(expires_at),
        }),
    ))
}

#[utoipa::path(
    get, path = "/gateway/payments", tag = "KPAY", summary = "List the merchant's crypto payments.",
    description = "The newest 100 crypto payments of the signed-in merchant (or of the API key's shop), newest first.",
    responses((status = 200, body = CryptoPaymentList), (status = 401, body = ErrorBody)),
    security(("bearer" = []), ("api_key" = []))
)]
async fn list_payments(
    State(state): State<AppState>,
    merchant: Merchant,
) -> AppResult<Json<CryptoPaymentList>> {
    let mut conn = state.db.acquire().await?;
    let rows: Vec<PaymentRow> = sqlx::query_as(&crate::db::amounts(
        &*conn,
        &format!(
            "SELECT {PAYMENT_COLUMNS} FROM crypto_payments
         WHERE user_id = $1 AND ($2 IS NULL OR shop_id = $2) ORDER BY seq DESC LIMIT 100"
        ),
    ))
    .bind(&merchant.user_id)
    .bind(&merchant.key_shop_id)
    .fetch_all(&mut *conn)
    .await?;
    let mut payments = Vec::with_capacity(rows.len());
    for row in &rows {
        payments.push(view(&mut conn, row, state.settings.is_sandbox()).await?);
    }
    Ok(Json(CryptoPaymentList { payments }))
}

#[utoipa::path(
    get, path = "/gateway/payments/{id}", tag = "KPAY", summary = "Get Payment Status",
    description = "Check cryptocurrency payment status and confirmations. Public, like the payment page it serves: the id is unguessable.",
    params(("id" = String, Path)),
    responses((status = 200, body = CryptoPayment), (status = 404, body = ErrorBody))
)]
async fn payment_status(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> AppResult<Json<CryptoPayment>> {
    let mut conn = state.db.acquire().await?;
    let row = payment_row(&mut conn, &id)
        .await?
        .ok_or_else(|| AppError::not_found("That payment"))?;
    Ok(Json(
        view(&mut conn, &row, state.settings.is_sandbox()).await?,
    ))
}

#[utoipa::path(
    get, path = "/gateway/payments/{id}/qr.svg", tag = "KPAY",
    summary = "The wallet link of a crypto payment as a QR code.",
    description = "An SVG QR code of the payment's `payment_uri` (BIP-21, EIP-681, or the network's scheme), for the amount still to pay.",
    params(("id" = String, Path)),
    responses((status = 200, content_type = "image/svg+xml", body = String), (status = 404, body = ErrorBody))
)]
async fn payment_qr(State(state): State<AppState>, Path(id): Path<String>) -> AppResult<Response> {
    let mut conn = state.db.acquire().await?;
    let row = payment_row(&mut conn, &id)
        .await?
        .ok_or_else(|| AppError::not_found("That payment"))?;
    let p = view(&mut conn, &row, false).await?;
    let mut svg = crate::qr::svg_response(&p.payment_uri)?;
    // The amount in the link changes when part is paid: do not keep it.
    svg.headers_mut().insert(
        axum::http::header::CACHE_CONTROL,
        axum::http::HeaderValue::from_static("no-store"),
    );
    Ok(svg)
}

/// Per currency: (confirmed received, unconfirmed received, withdrawn).
async fn sums(conn: &mut Conn, user_id: &str) -> AppResult<HashMap<&'static str, [Decimal; 3]>> {
    let heights: HashMap<Network, i64> = chain::heights(conn).await?.into_iter().collect();
    let receipts: Vec<(String, String, Option<i64>)> = sqlx::query_as(
        &crate::db::amounts(&*conn, "SELECT p.currency, DEC(r.amount), t.block_height FROM crypto_receipts r
         JOIN crypto_payments p ON p.id = r.payment_id JOIN chain_transfers t ON t.tx_hash = r.tx_hash
         WHERE p.user_id = $1"),
    )
    .bind(user_id)
    .fetch_all(&mut *conn)
    .await?;
    let withdrawals: Vec<(String, String)> = sqlx::query_as(
        &crate::db::amounts(&*conn, "SELECT currency, DEC(amount) FROM crypto_withdrawals WHERE user_id = $1 AND status <> 'failed'"),
    )
    .bind(user_id)
    .fetch_all(&mut *conn)
    .await?;
    let mut out: HashMap<&'static str, [Decimal; 3]> = ASSETS
        .iter()
        .map(|a| (a.code, [Decimal::ZERO; 3]))
        .collect();
    let overflow = || AppError::internal("balance overflow");
    for (currency, amount, block) in receipts {
        let a = asset_of(&currency)?;
        let height = heights.get(&a.network).copied().unwrap_or(0);
        let confirmed = chain::confirmations(height, block) >= a.network.required_confirmations();
        let slot = &mut out.entry(a.code).or_default()[if confirmed { 0 } else { 1 }];
        *slot = slot.checked_add(parse(&amount)?).ok_or_else(overflow)?;
    }
    for (currency, amount) in withdrawals {
        let a = asset_of(&currency)?;
        let slot = &mut out.entry(a.code).or_default()[2];
        *slot = slot.checked_add(parse(&amount)?).ok_or_else(overflow)?;
    }
    Ok(out)
}

#[utoipa::path(
    get, path = "/gateway/balances", tag = "KPAY", summary = "Get Merchant Balances",
    description = "Get all cryptocurrency balances available for withdrawal. Derived from the chain: received with enough confirmations, minus withdrawn; unconfirmed arrivals are pending.",
    responses((status = 200, body = BalancesResponse), (status = 401, body = ErrorBody)),
    security(("bearer" = []), ("api_key" = []))
)]
async fn balances(
    State(state): State<AppState>,
    merchant: Merchant,
) -> AppResult<Json<BalancesResponse>> {
    let mut conn = state.db.acquire().await?;
    let sums = sums(&mut conn, &merchant.user_id).await?;
    let balances = ASSETS
        .iter()
        .map(|a| {
            let [received, pending, withdrawn] = sums.get(a.code).copied().unwrap_or_default();
            let available = received
                .checked_sub(withdrawn)
                .ok_or_else(|| AppError::internal("balance overflow"))?;
            Ok(CryptoBalance {
                currency: a.code.into(),
                available_balance: fixed(available, a.decimals),
                pending_balance: fixed(pending, a.decimals),
                total_received: fixed(received, a.decimals),
                total_withdrawn: fixed(withdrawn, a.decimals),
            })
        })
        .collect::<AppResult<Vec<_>>>()?;
    Ok(Json(BalancesResponse { balances }))
}

type WithdrawalRow = (
    String,
    String,
    String,
    String,
    String,
    String,
    Option<String>,
    String,
    String,
    i64,
    Option<i64>,
    Option<i64>,
);

const WITHDRAWAL_COLUMNS: &str =
    "w.id, w.currency, DEC(w.amount), DEC(w.fee), DEC(w.net_amount), w.destination_address, w.memo, w.status,
    w.tx_hash, w.created_at, w.completed_at, t.block_height";

fn withdrawal_view(row: WithdrawalRow, heights: &HashMap<Network, i64>) -> AppResult<Withdrawal> {
    let (id, currency, amount, fee, net, dest, memo, status, tx, created, completed, block) = row;
    let a = asset_of(&currency)?;
    Ok(Withdrawal {
        id,
        currency,
        amount,
        fee,
        net_amount: net,
        destination_address: dest,
        memo,
        status: crate::db::stored(WithdrawalStatus::parse, &status, "withdrawal status")?,
        tx_hash: Some(tx),
        confirmations: chain::confirmations(heights.get(&a.network).copied().unwrap_or(0), block),
        required_confirmations: a.network.required_confirmations(),
        created_at: rfc3339(created),
        completed_at: completed.map(rfc3339),
    })
}

#[utoipa::path(
    post, path = "/gateway/withdrawals", tag = "KPAY", summary = "Request Withdrawal",
    description = "Request cryptocurrency withdrawal to external wallet. The address is checked with its network's checksum; the amount, fee included, must be within the available balance. The debit and the chain transfer are one write; the withdrawal completes when the transfer has the network's confirmations.",
    request_body = WithdrawalRequest,
    responses((status = 201, body = Withdrawal), (status = 422, body = ErrorBody), (status = 401, body = ErrorBody)),
    security(("bearer" = []), ("api_key" = []))
)]
async fn create_withdrawal(
    State(state): State<AppState>,
    merchant: Merchant,
    ApiJson(req): ApiJson<WithdrawalRequest>,
) -> AppResult<(StatusCode, Json<Withdrawal>)> {
    let checked = req.validate().map_err(AppError::Validation)?;
    let a = checked.asset;
    let amount = Decimal::from_str_exact(&checked.amount)
        .map_err(|_| AppError::field("amount", "Use a smaller amount or fewer decimals."))?;
    let fee = Decimal::from_str_exact(a.withdrawal_fee)
        .map_err(|_| AppError::internal("a fee is not decimal"))?;
    let net = amount
        .checked_sub(fee)
        .filter(|n| *n > Decimal::ZERO)
        .ok_or_else(|| {
            AppError::field(
                "amount",
                format!(
                    "Withdraw more than the network fee of {} {}.",
                    a.withdrawal_fee, a.symbol
                ),
            )
        })?;
    let mut w = crate::db::write(&state.db).await?;
    lock_merchant(&mut w, &merchant).await?;
    let [received, _, withdrawn] = sums(&mut w, &merchant.user_id)
        .await?
        .get(a.code)
        .copied()
        .unwrap_or_default();
    let available = received
        .checked_sub(withdrawn)
        .ok_or_else(|| AppError::internal("balance overflow"))?;
    if amount > available {
        return Err(AppError::field(
            "amount",
            format!(
                "You have {} {} available to withdraw.",
                fixed(available, a.decimals),
                a.symbol
            ),
        ));
    }
    let sent = chain::send(
        &mut w,
        a,
        &checked.destination_address,
        checked.memo.as_deref(),
        net,
    )
    .await?;
    let id = uuid::Uuid::new_v4().to_string();
    sqlx::query(
        &crate::db::amounts(&*w, "INSERT INTO crypto_withdrawals (id, seq, user_id, currency, amount, fee, net_amount, destination_address, memo,
             status, tx_hash, created_at)
         VALUES ($1, (SELECT COALESCE(MAX(seq), 0) + 1 FROM crypto_withdrawals), $2, $3, NUM($4), NUM($5), NUM($6), $7, $8, 'pending', $9, $10)"),
    )
    .bind(&id)
    .bind(&merchant.user_id)
    .bind(a.code)
    .bind(fixed(amount, a.decimals))
    .bind(fixed(fee, a.decimals))
    .bind(fixed(net, a.decimals))
    .bind(&checked.destination_address)
    .bind(&checked.memo)
    .bind(&sent.tx_hash)
    .bind(now())
    .execute(&mut *w)
    .await?;
    let row: WithdrawalRow = sqlx::query_as(&crate::db::amounts(&*w, &format!(
        "SELECT {WITHDRAWAL_COLUMNS} FROM crypto_withdrawals w JOIN chain_transfers t ON t.tx_hash = w.tx_hash WHERE w.id = $1"
    )))
    .bind(&id)
    .fetch_one(&mut *w)
    .await?;
    let heights = chain::heights(&mut w).await?.into_iter().collect();
    w.commit().await?;
    Ok((StatusCode::CREATED, Json(withdrawal_view(row, &heights)?)))
}

#[utoipa::path(
    get, path = "/gateway/withdrawals", tag = "KPAY", summary = "List the merchant's crypto withdrawals.",
    description = "The newest 100 withdrawals, with their chain progress.",
    responses((status = 200, body = WithdrawalList), (status = 401, body = ErrorBody)),
    security(("bearer" = []), ("api_key" = []))
)]
async fn list_withdrawals(
    State(state): State<AppState>,
    merchant: Merchant,
) -> AppResult<Json<WithdrawalList>> {
    let mut conn = state.db.acquire().await?;
    let rows: Vec<WithdrawalRow> = sqlx::query_as(&crate::db::amounts(&*conn, &format!(
        "SELECT {WITHDRAWAL_COLUMNS} FROM crypto_withdrawals w JOIN chain_transfers t ON t.tx_hash = w.tx_hash
         WHERE w.user_id = $1 ORDER BY w.seq DESC LIMIT 100"
    )))
    .bind(&merchant.user_id)
    .fetch_all(&mut *conn)
    .await?;
    let heights = chain::heights(&mut conn).await?.into_iter().collect();
    let withdrawals = rows
        .into_iter()
        .map(|r| withdrawal_view(r, &heights))
        .collect::<AppResult<_>>()?;
    Ok(Json(WithdrawalList { withdrawals }))
}

#[utoipa::path(
    get, path = "/gateway/webhooks", tag = "KPAY", summary = "List the crypto payments' webhook deliveries.",
    description = "Every status change POSTed to a payment's webhook_url, newest first, with its tries and the receiver's last answer.",
    responses((status = 200, body = DeliveryList), (status = 401, body = ErrorBody)),
    security(("bearer" = []))
)]
async fn webhooks(
    State(state): State<AppState>,
    user: CurrentUser,
) -> AppResult<Json<DeliveryList>> {
    Ok(Json(DeliveryList {
        deliveries: crate::deliveries::list(&state.db, &user.user_id, EVENT_PREFIX).await?,
    }))
}

#[utoipa::path(
    post, path = "/gateway/webhooks/{id}/resend", tag = "KPAY", summary = "Send a webhook delivery again.",
    description = "Queues the delivery for another try now, with the same webhook-id.",
    params(("id" = String, Path)),
    responses((status = 200, body = Delivery), (status = 404, body = ErrorBody), (status = 401, body = ErrorBody)),
    security(("bearer" = []))
)]
async fn resend_webhook(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
) -> AppResult<Json<Delivery>> {
    Ok(Json(
        crate::deliveries::resend(&state.db, &user.user_id, EVENT_PREFIX, &id).await?,
    ))
}

#[utoipa::path(
    post, path = "/shops/{id}/webhook-secret", tag = "KPAY", summary = "Rotate a shop's webhook signing secret.",
    description = "Makes a new Standard Webhooks secret (`whsec_…`) for the shop and shows it this once; webhooks are signed with it from now on.",
    params(("id" = String, Path, description = "Shop ID")),
    responses((status = 200, body = WebhookSecret), (status = 404, body = ErrorBody), (status = 401, body = ErrorBody)),
    security(("bearer" = []))
)]
async fn rotate_webhook_secret(
    State(state): State<AppState>,
    merchant: Merchant,
    Path(id): Path<String>,
) -> AppResult<Json<WebhookSecret>> {
    merchant.check_shop(&id)?;
    let secret = crate::deliveries::new_secret();
    let updated =
        sqlx::query("UPDATE shops SET webhook_secret = $1 WHERE id = $2 AND user_id = $3")
            .bind(&secret)
            .bind(&id)
            .bind(&merchant.user_id)
            .execute(&state.db)
            .await?;
    if updated.rows_affected() == 0 {
        return Err(AppError::not_found("The shop"));
    }
    Ok(Json(WebhookSecret {
        webhook_secret: secret,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// USD → crypto: never more decimals than the asset, never less than the USD asked,
        /// and less than one unit of the last decimal more.
        #[test]
        fn usd_conversion_rounds_up_by_less_than_a_unit(cents in 1u64..100_000_000, i in 0usize..5) {
            let a = &ASSETS[i];
            let usd = Decimal::new(cents as i64, 2);
            let rate = rate_usd(a);
            let c = usd_to_crypto(usd, rate, a.decimals).unwrap();
            prop_assert!(c.scale() <= a.decimals);
            let unit = Decimal::new(1, a.decimals);
            prop_assert!(c * rate >= usd);
            prop_assert!((c - unit) * rate < usd);
        }

        /// Whatever arrives, a payment's status moves forward only: a final status stays.
        #[test]
        fn statuses_never_leave_a_final_state(
            steps in proptest::collection::vec((0u32..3, 0i64..4, any::<bool>()), 1..20)
        ) {
            let requested = Decimal::new(100, 0);
            let mut status = CryptoStatus::Created;
            let mut received = Decimal::ZERO;
            let mut expired = false;
            for (add, confirmations, expire) in steps {
                received += Decimal::new(i64::from(add) * 40, 0);
                expired |= expire;
                let next = next_status(status, received, requested, confirmations, 2, expired);
                if status.is_final() {
                    prop_assert_eq!(next, status);
                }
                if next == CryptoStatus::Completed && status != CryptoStatus::Completed {
                    prop_assert!(received >= requested && confirmations >= 2);
                }
                status = next;
            }
        }
    }

    #[test]
    fn payment_uris() {
        let btc = asset("btc").unwrap();
        assert_eq!(
            payment_uri(btc, "bc1qx", None, Decimal::new(125, 5)),
            "bitcoin:bc1qx?amount=0.00125"
        );
        let eth = asset("eth").unwrap();
        assert_eq!(
            payment_uri(eth, "0xabc", None, Decimal::new(15, 1)),
            "ethereum:0xabc@1?value=1500000000000000000"
        );
        let xrp = asset("xrp").unwrap();
        assert_eq!(
            payment_uri(xrp, "rX", Some("123"), Decimal::new(10, 0)),
            "ripple:rX?amount=10&dt=123"
        );
    }
}
