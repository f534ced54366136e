//! The one runner for time-driven work. Nothing time-driven runs on a read path: each job here
//! runs on a fixed tick, in its own write, and a failure is logged and tried again next tick.

use crate::db::Db;
use std::time::Duration;

/// How often the runner looks for due work.
const TICK: Duration = Duration::from_secs(1);

/// Starts the runner on the current tokio runtime; it stops with the runtime.
pub fn spawn(db: Db) {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(TICK);
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            tick.tick().await;
            if let Err(e) = crate::providers::kpay::settlement::expire_due(&db).await {
                tracing::warn!(error = ?e, "job: expiring payments failed; trying again next tick");
            }
            if let Err(e) = crate::ratelimit::forget_old(&db).await {
                tracing::warn!(error = ?e, "job: forgetting old rate-limit hits failed");
            }
        }
    });
}
