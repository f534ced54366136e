//! The sandbox chain: one simulator for every network the gateway and the ramps use. Each
//! network has its own block height; a block comes every `block_seconds` (the job runner) or on
//! demand (`POST /sandbox/chain/{network}/mine`). A transfer waits in the mempool until a block
//! includes it, then gains one confirmation per block. Addresses are in each network's real
//! encoding, and tx hashes look like the network's.
//!
//! Every transfer, whoever sends it, is announced to the gateway ([`credit`]), which matches it
//! to a payment by address (and memo); announcing it again changes nothing.

use crate::clock::rfc3339;
use crate::db::{now, Conn, Db};
use crate::error::{ApiJson, AppError, AppResult};
use crate::AppState;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::Json;
use kitty_api::crypto::{
    chain_asset, Asset, ChainNetwork, ChainState, ChainTransfer, ChainTransferRequest, MineRequest,
    Network,
};
use kitty_api::{ErrorBody, FieldErrors};
use rand::RngCore;
use rust_decimal::Decimal;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

pub fn routes(router: OpenApiRouter<AppState>) -> OpenApiRouter<AppState> {
    router
        .routes(routes!(chain_state))
        .routes(routes!(send_transfer))
        .routes(routes!(notify_again))
        .routes(routes!(mine_now))
}

fn random<const N: usize>() -> [u8; N] {
    let mut bytes = [0u8; N];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    bytes
}

fn hex(bytes: &[u8]) -> String {
    hex::encode(bytes)
}

/// A fresh address on `network` (20 random bytes of account hash in its encoding).
pub fn new_address(network: Network) -> String {
    network.encode_address(&random::<32>())
}

/// The gateway's one account on a network (a memo network's, where payments differ by memo, as
/// exchanges do; and the ramps' escrow on the others).
pub fn gateway_account(network: Network) -> String {
    use sha2::Digest;
    let digest = sha2::Sha256::digest(format!("kitty sandbox gateway on {network}"));
    network.encode_address(&digest.into())
}

/// A transaction hash in the network's usual spelling.
fn new_tx_hash(network: Network) -> String {
    let h = hex(&random::<32>());
    match network {
        Network::Ethereum | Network::Celo | Network::Arbitrum | Network::Avalanche => {
            format!("0x{h}")
        }
        Network::Ripple => h.to_uppercase(),
        Network::Bitcoin | Network::Tron | Network::Stellar => h,
    }
}

/// Confirmations of a transfer in block `block` when the chain is at `height`.
pub fn confirmations(height: i64, block: Option<i64>) -> i64 {
    block.map_or(0, |b| (height - b + 1).max(0))
}

/// The height of every network, read once.
pub async fn heights(conn: &mut Conn) -> AppResult<Vec<(Network, i64)>> {
    let rows: Vec<(String, i64)> = sqlx::query_as("SELECT network, height FROM chain_blocks")
        .fetch_all(&mut *conn)
        .await?;
    rows.into_iter()
        .map(|(n, h)| Ok((crate::db::stored(Network::parse, &n, "chain network")?, h)))
        .collect()
}

pub async fn height(conn: &mut Conn, network: Network) -> AppResult<i64> {
    let (h,): (i64,) = sqlx::query_as("SELECT height FROM chain_blocks WHERE network = $1")
        .bind(network.as_str())
        .fetch_one(&mut *conn)
        .await?;
    Ok(h)
}

type TransferRow = (
    String,
    String,
    String,
    String,
    Option<String>,
    String,
    Option<i64>,
    i64,
);

async fn transfer(conn: &mut Conn, tx_hash: &str) -> AppResult<Option<ChainTransfer>> {
    let row: Option<TransferRow> = sqlx::query_as(&crate::db::amounts(
        &*conn,
        "SELECT tx_hash, network, currency, to_address, memo, DEC(amount), block_height, created_at
         FROM chain_transfers WHERE tx_hash = $1",
    ))
    .bind(tx_hash)
    .fetch_optional(&mut *conn)
    .await?;
    let Some((tx_hash, network, currency, to_address, memo, amount, block, created)) = row else {
        return Ok(None);
    };
    let network = crate::db::stored(Network::parse, &network, "chain network")?;
    let height = height(conn, network).await?;
    Ok(Some(ChainTransfer {
        tx_hash,
        network,
        currency,
        to_address,
        memo,
        amount,
        block_height: block,
        confirmations: confirmations(height, block),
        created_at: rfc3339(created),
    }))
}

/// Locks a network of the sandbox chain for the caller's write: its blocks, its transfers and the
/// payments and withdrawals they settle change for one writer at a time (on PostgreSQL; SQLite's
/// writers take turns anyway).
pub async fn lock_network(conn: &mut Conn, network: Network) -> AppResult<()> {
    crate::db::lock(conn, crate::db::Lock::Name("chain", network.as_str())).await?;
    Ok(())
}

/// Sends `amount` of `asset` to `to` (with `memo`) on the sandbox chain, in the caller's write:
/// the transfer enters the mempool and is announced to the gateway at once.
pub async fn send(
    conn: &mut Conn,
    asset: &Asset,
    to: &str,
    memo: Option<&str>,
    amount: Decimal,
) -> AppResult<ChainTransfer> {
    send_from(conn, asset, None, to, memo, amount).await
}

/// [`send`] from a wallet the sandbox keeps (a custodial address), so its balance goes down.
pub async fn send_from(
    conn: &mut Conn,
    asset: &Asset,
    from: Option<&str>,
    to: &str,
    memo: Option<&str>,
    amount: Decimal,
) -> AppResult<ChainTransfer> {
    lock_network(conn, asset.network).await?;
    let tx_hash = new_tx_hash(asset.network);
    sqlx::query(
        &crate::db::amounts(&*conn, "INSERT INTO chain_transfers (tx_hash, seq, network, currency, to_address, memo, amount, block_height, created_at, from_address)
         VALUES ($1, (SELECT COALESCE(MAX(seq), 0) + 1 FROM chain_transfers), $2, $3, $4, $5, NUM($6), NULL, $7, $8)"),
    )
    .bind(&tx_hash)
    .bind(asset.network.as_str())
    .bind(asset.code)
    .bind(to)
    .bind(memo)
    .bind(amount.to_string())
    .bind(now())
    .bind(from)
    .execute(&mut *conn)
    .await?;
    crate::providers::kpay::gateway::credit(conn, &tx_hash).await?;
    crate::providers::kotani::fiatconnect::credit(conn, &tx_hash).await?;
    transfer(conn, &tx_hash)
        .await?
        .ok_or_else(|| AppError::internal("a transfer vanished in its own write"))
}

/// What `address` holds of `asset`: (available, arriving). Available is what arrived with the
/// network's confirmations minus everything it sent (a send counts at once); arriving is what is
/// still confirming. Sums over the chain's transfers, never stored.
pub async fn balance(
    conn: &mut Conn,
    asset: &Asset,
    address: &str,
) -> AppResult<(Decimal, Decimal)> {
    let height = height(conn, asset.network).await?;
    let rows: Vec<(String, Option<i64>, crate::db::Flag)> = sqlx::query_as(
        &crate::db::amounts(&*conn, "SELECT DEC(amount), block_height, CASE WHEN to_address = $1 THEN 1 ELSE 0 END FROM chain_transfers
         WHERE network = $2 AND currency = $3 AND (to_address = $1 OR from_address = $1)"),
    )
    .bind(address)
    .bind(asset.network.as_str())
    .bind(asset.code)
    .fetch_all(&mut *conn)
    .await?;
    let (mut available, mut arriving) = (Decimal::ZERO, Decimal::ZERO);
    let overflow = || AppError::internal("chain balance overflow");
    for (amount, block, incoming) in rows {
        let a = Decimal::from_str_exact(&amount)
            .map_err(|_| AppError::internal("a stored amount is not decimal"))?;
        if !incoming.0 {
            available = available.checked_sub(a).ok_or_else(overflow)?;
        } else if confirmations(height, block) >= asset.network.required_confirmations() {
            available = available.checked_add(a).ok_or_else(overflow)?;
        } else {
            arriving = arriving.checked_add(a).ok_or_else(overflow)?;
        }
    }
    Ok((available, arriving))
}

/// Mines `blocks` blocks on `network` now: the first includes every transfer in the mempool.
/// Then the gateway looks again at what those confirmations change.
pub async fn mine(conn: &mut Conn, network: Network, blocks: i64) -> AppResult<i64> {
    lock_network(conn, network).await?;
    let before = height(conn, network).await?;
    let after = before
        .checked_add(blocks)
        .ok_or_else(|| AppError::internal("block height overflow"))?;
    sqlx::query("UPDATE chain_blocks SET height = $1, mined_at = $2 WHERE network = $3")
        .bind(after)
        .bind(now())
        .bind(network.as_str())
        .execute(&mut *conn)
        .await?;
    sqlx::query(
        "UPDATE chain_transfers SET block_height = $1 WHERE network = $2 AND block_height IS NULL",
    )
    .bind(before + 1)
    .bind(network.as_str())
    .execute(&mut *conn)
    .await?;
    crate::providers::kpay::gateway::on_blocks(conn, network).await?;
    Ok(after)
}

/// Mines a block on every network whose interval has passed (the job runner). An idle tick
/// reads without taking the write lock.
pub async fn mine_due(db: &Db) -> AppResult<()> {
    let t = now();
    let rows: Vec<(String, i64)> = sqlx::query_as("SELECT network, mined_at FROM chain_blocks")
        .fetch_all(db)
        .await?;
    let mut due = Vec::new();
    for (network, mined_at) in rows {
        let network = crate::db::stored(Network::parse, &network, "chain network")?;
        if mined_at <= t - network.block_seconds() {
            due.push(network);
        }
    }
    if due.is_empty() {
        return Ok(());
    }
    let mut w = crate::db::write(db).await?;
    for network in due {
        mine(&mut w, network, 1).await?;
    }
    w.commit().await?;
    Ok(())
}

#[utoipa::path(
    get, path = "/chain", tag = "Sandbox", summary = "Read the sandbox chain's networks and heights.",
    responses((status = 200, body = ChainState))
)]
async fn chain_state(State(state): State<AppState>) -> AppResult<Json<ChainState>> {
    let mut conn = state.db.acquire().await?;
    let mut networks: Vec<ChainNetwork> = heights(&mut conn)
        .await?
        .into_iter()
        .map(|(network, height)| ChainNetwork {
            network,
            height,
            block_seconds: network.block_seconds(),
            required_confirmations: network.required_confirmations(),
        })
        .collect();
    networks.sort_by_key(|n| Network::ALL.iter().position(|x| *x == n.network));
    Ok(Json(ChainState { networks }))
}

#[utoipa::path(
    post, path = "/chain/transfers", tag = "Sandbox",
    summary = "Send a transfer on the sandbox chain.",
    description = "A buyer's wallet sending crypto: the transfer enters the mempool with a tx hash, a payment waiting at that address (and memo) sees it at once, and it gains confirmations as blocks come.",
    request_body = ChainTransferRequest,
    responses((status = 201, body = ChainTransfer), (status = 422, body = ErrorBody))
)]
async fn send_transfer(
    State(state): State<AppState>,
    ApiJson(req): ApiJson<ChainTransferRequest>,
) -> AppResult<(StatusCode, Json<ChainTransfer>)> {
    let mut errors = FieldErrors::new();
    let asset = chain_asset(&req.currency);
    if asset.is_none() {
        errors.insert(
            "currency".into(),
            "Choose one of btc, eth, usdt_trc20, usdt_erc20, xrp, cusd, usdc_arbitrum, usdc_avalanche or usdc_stellar.".into(),
        );
    }
    let decimals = asset.map_or(18, |a| a.decimals);
    let amount = kitty_api::crypto::amount(&req.amount.0, decimals, "the amount")
        .map_err(|m| errors.insert("amount".into(), m))
        .ok()
        .and_then(|a| Decimal::from_str_exact(&a).ok());
    if let Some(a) = asset {
        if let Err(m) = a.network.check_address(req.to_address.trim()) {
            errors.insert("to_address".into(), m.into());
        }
    }
    let memo = match req.memo.as_deref().map(str::trim).filter(|m| !m.is_empty()) {
        Some(m) => kitty_api::crypto::memo(m)
            .map_err(|e| errors.insert("memo".into(), e.into()))
            .ok(),
        None => None,
    };
    let (Some(asset), Some(amount), true) = (asset, amount, errors.is_empty()) else {
        if errors.is_empty() {
            errors.insert("amount".into(), "Use a smaller amount.".into());
        }
        return Err(AppError::Validation(errors));
    };
    let mut w = crate::db::write(&state.db).await?;
    let sent = send(
        &mut w,
        asset,
        req.to_address.trim(),
        memo.as_deref(),
        amount,
    )
    .await?;
    w.commit().await?;
    Ok((StatusCode::CREATED, Json(sent)))
}

#[utoipa::path(
    post, path = "/chain/transfers/{txHash}/notify", tag = "Sandbox",
    summary = "Announce a sandbox chain transfer again.",
    description = "Repeats the chain's notification of a transfer, as real nodes sometimes do: a transfer credits its payment once, however often it is announced.",
    params(("txHash" = String, Path)),
    responses((status = 200, body = ChainTransfer), (status = 404, body = ErrorBody))
)]
async fn notify_again(
    State(state): State<AppState>,
    Path(tx_hash): Path<String>,
) -> AppResult<Json<ChainTransfer>> {
    let mut w = crate::db::write(&state.db).await?;
    if transfer(&mut w, &tx_hash).await?.is_none() {
        return Err(AppError::not_found("That transfer"));
    }
    crate::providers::kpay::gateway::credit(&mut w, &tx_hash).await?;
    let t = transfer(&mut w, &tx_hash)
        .await?
        .ok_or_else(|| AppError::not_found("That transfer"))?;
    w.commit().await?;
    Ok(Json(t))
}

#[utoipa::path(
    post, path = "/chain/{network}/mine", tag = "Sandbox",
    summary = "Mine blocks on a sandbox chain network now.",
    description = "Mines 1 to 100 blocks at once on one network (bitcoin, ethereum, tron, ripple, celo, arbitrum, avalanche or stellar): the first includes the mempool, and every block adds a confirmation.",
    params(("network" = Network, Path)),
    request_body = MineRequest,
    responses((status = 200, body = ChainNetwork), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody))
)]
async fn mine_now(
    State(state): State<AppState>,
    Path(network): Path<String>,
    ApiJson(req): ApiJson<MineRequest>,
) -> AppResult<Json<ChainNetwork>> {
    let network = Network::parse(&network).ok_or_else(|| AppError::not_found("That network"))?;
    let blocks = req.blocks.unwrap_or(1);
    if !(1..=100).contains(&blocks) {
        return Err(AppError::field("blocks", "Mine 1 to 100 blocks at a time."));
    }
    let mut w = crate::db::write(&state.db).await?;
    let height = mine(&mut w, network, blocks).await?;
    w.commit().await?;
    Ok(Json(ChainNetwork {
        network,
        height,
        block_seconds: network.block_seconds(),
        required_confirmations: network.required_confirmations(),
    }))
}
