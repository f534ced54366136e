//! The outbox: every email and SMS the server sends is a row here. Nothing can leave this
//! machine, so in sandbox mode `GET /sandbox/outbox` is how a person reads what was sent to them.

use crate::clock::rfc3339;
use crate::db::now;
use crate::db::Conn;
use crate::error::AppResult;
use kitty_api::auth::{Channel, OutboxMessage};

/// Sends (records) a message to `to`.
pub async fn send(
    conn: &mut Conn,
    channel: Channel,
    to: &str,
    subject: &str,
    body: &str,
) -> AppResult<()> {
    sqlx::query(
        "INSERT INTO outbox (id, channel, recipient, subject, body, created_at) VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(uuid::Uuid::new_v4().to_string())
    .bind(channel.as_str())
    .bind(to)
    .bind(subject)
    .bind(body)
    .bind(now())
    .execute(conn)
    .await?;
    Ok(())
}

/// The messages sent to `to` (an email or a mobile number as accounts store them), newest first.
pub async fn for_recipient(db: &crate::db::Db, to: &str) -> AppResult<Vec<OutboxMessage>> {
    let rows: Vec<(String, String, String, String, String, i64)> = sqlx::query_as(
        "SELECT id, channel, recipient, subject, body, created_at FROM outbox
         WHERE recipient = $1 ORDER BY created_at DESC, id DESC LIMIT 50",
    )
    .bind(to)
    .fetch_all(db)
    .await?;
    rows.into_iter()
        .map(|(id, channel, to, subject, body, created_at)| {
            Ok(OutboxMessage {
                id,
                channel: crate::db::stored(Channel::parse, &channel, "outbox channel")?,
                to,
                subject,
                body,
                created_at: rfc3339(created_at),
            })
        })
        .collect()
}
