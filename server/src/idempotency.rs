//! `Idempotency-Key`: the first answer to a key is stored with a hash of its request, inside the
//! write that made it. The same key with the same body replays that answer exactly; with another
//! body it is refused. Writers take turns ([`crate::db::write`]), so a duplicate sent at the same
//! time waits for the first and then replays it. Keys are kept (at least the 24 hours the
//! specifications ask for).

use crate::db::{now, Conn};
use crate::error::AppResult;

/// What the store knows of a key.
pub enum Seen {
    /// Never used: do the work, then [`store`] the answer.
    New,
    /// Used with this very request: send this again.
    Replay { status: u16, body: String },
    /// Used with another request.
    Mismatch,
}

/// A hash of a request body, for comparing requests.
pub fn hash(body: &[u8]) -> String {
    use sha2::Digest;
    hex::encode(sha2::Sha256::digest(body))
}

pub async fn look_up(
    conn: &mut Conn,
    scope: &str,
    key: &str,
    request_hash: &str,
) -> AppResult<Seen> {
    let row: Option<(String, i64, String)> = sqlx::query_as(
        "SELECT request_hash, status, response FROM idempotency_keys WHERE scope = $1 AND key = $2",
    )
    .bind(scope)
    .bind(key)
    .fetch_optional(&mut *conn)
    .await?;
    Ok(match row {
        None => Seen::New,
        Some((h, status, body)) if h == request_hash => Seen::Replay {
            status: u16::try_from(status).unwrap_or(200),
            body,
        },
        Some(_) => Seen::Mismatch,
    })
}

pub async fn store(
    conn: &mut Conn,
    scope: &str,
    key: &str,
    request_hash: &str,
    status: u16,
    body: &str,
) -> AppResult<()> {
    sqlx::query(
        "INSERT INTO idempotency_keys (scope, key, request_hash, status, response, created_at) VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(scope)
    .bind(key)
    .bind(request_hash)
    .bind(i64::from(status))
    .bind(body)
    .bind(now())
    .execute(&mut *conn)
    .await?;
    Ok(())
}
