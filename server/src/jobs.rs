//! The one runner for time-driven work. Nothing time-driven runs on a read path: each job here
//! runs on a fixed tick, in its own write, and a failure is logged and tried again next tick.
//! With several processes on one PostgreSQL database, a job runs in one process at a time: each
//! tick takes the job's advisory lock or skips it.

use crate::db::{backend, Backend, Db};
use crate::error::AppResult;
use std::future::Future;
use std::time::Duration;

/// How often the runner looks for due work.
const TICK: Duration = Duration::from_secs(1);

/// The jobs, each with the number of its advisory lock.
const EXPIRE_PAYMENTS: i64 = 1;
const FORGET_RATE_HITS: i64 = 2;
const SETTLE_MPESA: i64 = 3;
const EXPIRE_QUOTES: i64 = 4;
const SEND_DELIVERIES: i64 = 5;
const MINE_BLOCKS: i64 = 6;
const EXPIRE_CRYPTO_PAYMENTS: i64 = 7;
const EXPIRE_ORDERS: i64 = 8;
const DECIDE_KYC: i64 = 9;
const PAY_FIATCONNECT: i64 = 10;
const RENEW_PLANS: i64 = 11;

/// Starts the runner on the current tokio runtime; it stops with the runtime.
pub fn spawn(db: Db) {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(TICK);
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            tick.tick().await;
            let jobs = [
                (EXPIRE_PAYMENTS, "expiring payments"),
                (FORGET_RATE_HITS, "forgetting old rate-limit hits"),
                (SETTLE_MPESA, "settling M-Pesa requests"),
                (EXPIRE_QUOTES, "expiring quotes"),
                (MINE_BLOCKS, "mining sandbox chain blocks"),
                (EXPIRE_CRYPTO_PAYMENTS, "expiring crypto payments"),
                (EXPIRE_ORDERS, "closing unpaid Binance orders"),
                (DECIDE_KYC, "deciding sandbox KYCs"),
                (PAY_FIATCONNECT, "paying Fiat Connect transfers"),
                (RENEW_PLANS, "taking kitty plan fees"),
                (SEND_DELIVERIES, "sending callbacks"),
            ];
            for (job, what) in jobs {
                let run = exclusively(&db, job, || async {
                    match job {
                        EXPIRE_PAYMENTS => {
                            crate::providers::kpay::settlement::expire_due(&db).await
                        }
                        SETTLE_MPESA => crate::mpesa::resolve_due(&db).await,
                        EXPIRE_QUOTES => crate::providers::kotani::expire_quotes(&db).await,
                        SEND_DELIVERIES => crate::deliveries::send_due(&db).await,
                        MINE_BLOCKS => crate::chain::mine_due(&db).await,
                        EXPIRE_CRYPTO_PAYMENTS => {
                            crate::providers::kpay::gateway::expire_due(&db).await
                        }
                        EXPIRE_ORDERS => crate::providers::kotani::binance::expire_due(&db).await,
                        DECIDE_KYC => crate::providers::kotani::fiatconnect::decide_kyc(&db).await,
                        PAY_FIATCONNECT => {
                            crate::providers::kotani::fiatconnect::pay_due(&db).await
                        }
                        FORGET_RATE_HITS => crate::ratelimit::forget_old(&db).await,
                        RENEW_PLANS => crate::providers::ktti::billing::renew_due(&db).await,
                        _ => Ok(()),
                    }
                });
                if let Err(e) = run.await {
                    tracing::warn!(error = ?e, "job: {what} failed; trying again next tick");
                }
            }
        }
    });
}

/// Runs `work` unless another process is running job `job` right now (PostgreSQL); on SQLite
/// it simply runs.
async fn exclusively<F, Fut>(db: &Db, job: i64, work: F) -> AppResult<()>
where
    F: FnOnce() -> Fut,
    Fut: Future<Output = AppResult<()>>,
{
    if backend(db) == Backend::Sqlite {
        return work().await;
    }
    let mut conn = db.acquire().await?;
    let (ours,): (bool,) = sqlx::query_as("SELECT pg_try_advisory_lock(7227, $1::int)")
        .bind(job as i32)
        .fetch_one(&mut *conn)
        .await?;
    if !ours {
        return Ok(());
    }
    let result = work().await;
    sqlx::query("SELECT pg_advisory_unlock(7227, $1::int)")
        .bind(job as i32)
        .execute(&mut *conn)
        .await?;
    result
}
