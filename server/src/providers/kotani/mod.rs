//! Kotani Pay API v2 (`002_…`), under `/kotani`: the partner's client login, its fiat wallet
//! (deposits by M-Pesa STK push, withdrawals to M-Pesa and banks, paybill and till), quotes, and
//! the health check; and Binance orders. Paths are designed in the document's style (`/api/v2/…`); each documented
//! operation's summary is its title in the document, word for word.
//!
//! The wallet's balance is never stored: it is derived from the partner's transactions
//! ([`fiat::wallet`]). Money leaves only inside the one write that checks the balance, so
//! concurrent payouts can never overdraw it; a payout that fails no longer counts, which puts
//! the money back.

pub mod binance;
mod fiat;
pub mod fiatconnect;
pub mod onchain;
mod partner;
mod quotes;

use crate::AppState;
use utoipa_axum::router::OpenApiRouter;

pub use fiat::{record_of, seed_demo, TxRow, DEMO_HANDSET, DEMO_PARTNER_PHONE, TX_COLUMNS};
pub use partner::{partner_of, Partner};

pub fn router() -> OpenApiRouter<AppState> {
    let router = partner::routes(OpenApiRouter::new());
    let router = fiat::routes(router);
    let router = binance::routes(router);
    let router = onchain::routes(router);
    let router = fiatconnect::routes(router);
    quotes::routes(router)
}

/// Locks a partner's side for a write (on PostgreSQL; SQLite's writers take turns anyway): their
/// wallet, quotes, orders, users and cash-outs change for one writer at a time, so a balance or
/// a status checked in the write is still true when the write commits.
pub async fn lock_partner(
    conn: &mut crate::db::Conn,
    user_id: &str,
) -> crate::error::AppResult<()> {
    crate::db::lock(conn, crate::db::Lock::Name("kotani", user_id)).await?;
    Ok(())
}

/// For the sandbox: a quote's time runs out now.
pub async fn expire_quote_now(db: &crate::db::Db, id: &str) -> crate::error::AppResult<bool> {
    quotes::expire_now(db, id).await
}

/// Sweeps quotes past their expiry: open or accepted quotes become expired (the job runner).
pub async fn expire_quotes(db: &crate::db::Db) -> crate::error::AppResult<()> {
    quotes::expire_due(db).await
}
