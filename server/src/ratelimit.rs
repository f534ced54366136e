//! Fixed-budget, sliding-window limits kept in the database, so every server process sharing it
//! counts the same attempts: a second process gives a guesser no fresh budget.

use crate::db::{now, Db};
use crate::error::{AppError, AppResult};

pub struct RateLimiter {
    /// Which budget this is, so two limiters never share a key.
    name: &'static str,
    max: i64,
    window_secs: i64,
}

impl RateLimiter {
    pub const fn new(name: &'static str, max: i64, window_secs: i64) -> Self {
        Self {
            name,
            max,
            window_secs,
        }
    }

    fn bucket(&self, key: &str) -> String {
        format!("{}:{key}", self.name)
    }

    /// 429 with `Retry-After` when `key` has used its budget in the current window.
    pub async fn check(&self, db: &Db, key: &str) -> AppResult<()> {
        let t = now();
        let (count, oldest): (i64, Option<i64>) =
            sqlx::query_as("SELECT COUNT(*), MIN(at) FROM rate_hits WHERE bucket = $1 AND at > $2")
                .bind(self.bucket(key))
                .bind(t - self.window_secs)
                .fetch_one(db)
                .await?;
        if count >= self.max {
            let wait = oldest.map_or(self.window_secs, |o| o + self.window_secs - t);
            return Err(AppError::RateLimited {
                retry_after_secs: wait.max(1) as u64,
            });
        }
        Ok(())
    }

    /// Counts one use of `key`'s budget.
    pub async fn record(&self, db: &Db, key: &str) -> AppResult<()> {
        sqlx::query("INSERT INTO rate_hits (bucket, at) VALUES ($1, $2)")
            .bind(self.bucket(key))
            .bind(now())
            .execute(db)
            .await?;
        Ok(())
    }

    /// Forgets `key`'s uses (after a successful sign-in).
    pub async fn clear(&self, db: &Db, key: &str) -> AppResult<()> {
        sqlx::query("DELETE FROM rate_hits WHERE bucket = $1")
            .bind(self.bucket(key))
            .execute(db)
            .await?;
        Ok(())
    }
}

/// Drops uses older than any window (the job runner calls this).
pub async fn forget_old(db: &Db) -> AppResult<()> {
    sqlx::query("DELETE FROM rate_hits WHERE at < $1")
        .bind(now() - 24 * 3600)
        .execute(db)
        .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn blocks_after_budget_and_clears() {
        let dir = tempfile::tempdir().unwrap();
        let db = crate::db::connect(&format!("sqlite://{}", dir.path().join("t.db").display()))
            .await
            .unwrap();
        let rl = RateLimiter::new("test", 2, 60);
        assert!(rl.check(&db, "a").await.is_ok());
        rl.record(&db, "a").await.unwrap();
        rl.record(&db, "a").await.unwrap();
        match rl.check(&db, "a").await {
            Err(AppError::RateLimited { retry_after_secs }) => {
                assert!((1..=60).contains(&retry_after_secs))
            }
            other => panic!("{other:?}"),
        }
        assert!(rl.check(&db, "b").await.is_ok());
        assert!(RateLimiter::new("other", 2, 60)
            .check(&db, "a")
            .await
            .is_ok());
        rl.clear(&db, "a").await.unwrap();
        assert!(rl.check(&db, "a").await.is_ok());
    }
}
