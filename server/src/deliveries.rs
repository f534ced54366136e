//! The delivery outbox: every POST to a customer's URL (a Kotani `callback`, later webhooks) is a
//! row, sent by the job runner and tried again with exponential backoff until the receiver
//! answers 2xx or the tries run out. Every try of one delivery carries the same `webhook-id`.
//! The partner sees each delivery and its last answer, and can send one again.
//!
//! A delivery made with a signing secret (a shop's `whsec_…`) follows the Standard Webhooks
//! specification: `webhook-signature: v1,<base64 HMAC-SHA256 of "id.timestamp.body">`, so
//! receivers verify it with that specification's libraries.

use crate::clock::rfc3339;
use crate::db::{now, Conn, Db};
use crate::error::{AppError, AppResult};
use kitty_api::ramp::Delivery;
use std::time::Duration;

/// Tries before a delivery is given up (a resend starts it again).
pub const MAX_ATTEMPTS: i64 = 8;
/// The wait after the first failed try; it doubles with each one (5 s, 10 s, 20 s, … ~10 min).
const FIRST_BACKOFF_SECS: i64 = 5;

/// Queues a POST of `payload` (JSON) to `url`, in the caller's write; signed when `secret` (a
/// `whsec_…` secret) is given.
pub async fn enqueue(
    conn: &mut Conn,
    user_id: &str,
    url: &str,
    event: &str,
    payload: &str,
    secret: Option<&str>,
) -> AppResult<()> {
    sqlx::query(
        "INSERT INTO deliveries (id, seq, user_id, url, event, payload, attempts, delivered, next_attempt_at, created_at, secret)
         VALUES ($1, (SELECT COALESCE(MAX(seq), 0) + 1 FROM deliveries), $2, $3, $4, $5, 0, 0, $6, $6, $7)",
    )
    .bind(format!("msg_{}", uuid::Uuid::new_v4().simple()))
    .bind(user_id)
    .bind(url)
    .bind(event)
    .bind(payload)
    .bind(now())
    .bind(secret)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

type Row = (
    String,
    String,
    String,
    String,
    i64,
    crate::db::Flag,
    Option<i64>,
    Option<String>,
    Option<i64>,
    i64,
);

const COLUMNS: &str = "id, url, event, payload, attempts, delivered, last_status, last_error, next_attempt_at, created_at";

fn delivery(
    (id, url, event, payload, attempts, delivered, last_status, last_error, next, created): Row,
) -> Delivery {
    Delivery {
        id,
        url,
        event,
        payload,
        attempts,
        delivered: delivered.0,
        last_status,
        last_error,
        next_attempt_at: next.map(rfc3339),
        created_at: rfc3339(created),
    }
}

/// The caller's deliveries of events starting with `event_prefix` (such as `payment.`),
/// newest first.
pub async fn list(db: &Db, user_id: &str, event_prefix: &str) -> AppResult<Vec<Delivery>> {
    let rows: Vec<Row> = sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM deliveries WHERE user_id = $1 AND event LIKE $2 ORDER BY seq DESC LIMIT 50"
    ))
    .bind(user_id)
    .bind(format!("{event_prefix}%"))
    .fetch_all(db)
    .await?;
    Ok(rows.into_iter().map(delivery).collect())
}

/// Queues one of the caller's deliveries (of events starting with `event_prefix`) for another
/// try now.
pub async fn resend(db: &Db, user_id: &str, event_prefix: &str, id: &str) -> AppResult<Delivery> {
    let mut w = crate::db::write(db).await?;
    let n = sqlx::query(
        "UPDATE deliveries SET delivered = 0, attempts = 0, next_attempt_at = $1 WHERE id = $2 AND user_id = $3 AND event LIKE $4",
    )
    .bind(now())
    .bind(id)
    .bind(user_id)
    .bind(format!("{event_prefix}%"))
    .execute(&mut *w)
    .await?
    .rows_affected();
    if n == 0 {
        return Err(AppError::not_found("That delivery"));
    }
    let row: Row = sqlx::query_as(&format!("SELECT {COLUMNS} FROM deliveries WHERE id = $1"))
        .bind(id)
        .fetch_one(&mut *w)
        .await?;
    w.commit().await?;
    Ok(delivery(row))
}

fn client() -> &'static reqwest::Client {
    static CLIENT: std::sync::OnceLock<reqwest::Client> = std::sync::OnceLock::new();
    CLIENT.get_or_init(|| {
        reqwest::Client::builder()
            .timeout(Duration::from_secs(5))
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .expect("an HTTP client")
    })
}

/// Sends what is due (the job runner). The POSTs happen outside any database write; each
/// outcome is then stored in a short write of its own.
pub async fn send_due(db: &Db) -> AppResult<()> {
    let due: Vec<(String, String, String, String, i64, Option<String>)> = sqlx::query_as(
        "SELECT id, url, event, payload, attempts, secret FROM deliveries
         WHERE delivered = 0 AND next_attempt_at IS NOT NULL AND next_attempt_at <= $1 ORDER BY seq LIMIT 20",
    )
    .bind(now())
    .fetch_all(db)
    .await?;
    for (id, url, event, payload, attempts, secret) in due {
        let timestamp = now();
        let mut request = client()
            .post(&url)
            .header("content-type", "application/json")
            .header("webhook-id", &id)
            .header("webhook-timestamp", timestamp.to_string())
            .header("x-kitty-event", &event);
        if let Some(secret) = secret.as_deref() {
            request = request.header(
                "webhook-signature",
                signature(secret, &id, timestamp, &payload)?,
            );
        }
        let sent = request.body(payload).send().await;
        let (status, error) = match sent {
            Ok(r) if r.status().is_success() => (Some(i64::from(r.status().as_u16())), None),
            Ok(r) => (
                Some(i64::from(r.status().as_u16())),
                Some(format!("The receiver answered {}.", r.status())),
            ),
            Err(e) if e.is_timeout() => (None, Some("No answer within 5 seconds.".to_string())),
            Err(e) if e.is_connect() => {
                (None, Some("Could not connect to the address.".to_string()))
            }
            Err(e) => (None, Some(format!("Could not send: {e}"))),
        };
        let attempts = attempts + 1;
        let delivered = error.is_none();
        let next = (!delivered && attempts < MAX_ATTEMPTS)
            .then(|| now() + FIRST_BACKOFF_SECS * (1_i64 << (attempts - 1).min(10)));
        let mut w = crate::db::write(db).await?;
        sqlx::query(
            "UPDATE deliveries SET attempts = $1, delivered = $2, last_status = $3, last_error = $4, next_attempt_at = $5 WHERE id = $6",
        )
        .bind(attempts)
        .bind(i64::from(delivered))
        .bind(status)
        .bind(&error)
        .bind(next)
        .bind(&id)
        .execute(&mut *w)
        .await?;
        w.commit().await?;
    }
    Ok(())
}

/// A new signing secret: `whsec_` and the base64 of 24 random bytes, as Standard Webhooks
/// libraries read it.
pub fn new_secret() -> String {
    use base64::Engine;
    use rand::RngCore;
    let mut key = [0u8; 24];
    rand::rngs::OsRng.fill_bytes(&mut key);
    format!(
        "whsec_{}",
        base64::engine::general_purpose::STANDARD.encode(key)
    )
}

/// Standard Webhooks' `v1,` signature: HMAC-SHA256 with the secret's key over
/// `id.timestamp.body`, in base64.
pub fn signature(secret: &str, id: &str, timestamp: i64, body: &str) -> AppResult<String> {
    use base64::Engine;
    use hmac::Mac;
    let b64 = base64::engine::general_purpose::STANDARD;
    let key = secret
        .strip_prefix("whsec_")
        .and_then(|k| b64.decode(k).ok())
        .ok_or_else(|| AppError::internal("a stored webhook secret is not whsec_ base64"))?;
    let mut mac = hmac::Hmac::<sha2::Sha256>::new_from_slice(&key).map_err(AppError::internal)?;
    mac.update(format!("{id}.{timestamp}.{body}").as_bytes());
    Ok(format!("v1,{}", b64.encode(mac.finalize().into_bytes())))
}
