//! Settlement and expiry: a bank notice settles the payment it matches; time running out
//! expires the rest.

use crate::db::{now, Db};
use crate::error::{AppError, AppResult};
use crate::live;
use kitty_api::merchant::{CardTransfer, CardTransferResult};

/// Marks pending payments whose time ran out as expired. The background job runner calls it
/// every second, and the two write paths that match pending payments (creating one, settling a
/// transfer) call it first inside their own work; no read path writes.
pub async fn expire_due(db: &Db) -> AppResult<()> {
    let expired: Vec<(String,)> = sqlx::query_as(
        "UPDATE transactions SET status = 'expired' WHERE status = 'pending' AND expires_at <= $1 RETURNING authority",
    )
    .bind(now())
    .fetch_all(db)
    .await?;
    for (authority,) in expired {
        live::publish(db, &live::payment_topic(&authority)).await;
    }
    Ok(())
}

/// The bank reports `amount` arriving on `card_number`. In one database transaction: the pending
/// payment asking for exactly that sum becomes paid; failing that, an expired one becomes
/// `paid_late`; the notification is recorded either way. Duplicate notifications settle nothing
/// twice: the update only applies to a row still in the expected state.
pub async fn settle_transfer(db: &Db, transfer: &CardTransfer) -> AppResult<CardTransferResult> {
    expire_due(db).await?;
    let t = now();
    let mut tx = crate::db::write(db).await?;
    tx.lock(crate::db::Lock::Name("card", &transfer.card_number))
        .await?;
    let paid: Option<(String, String)> = sqlx::query_as(
        "UPDATE transactions SET status = 'paid', paid_at = $1
         WHERE id = (SELECT id FROM transactions WHERE status = 'pending' AND card_number = $2 AND final_amount = $3 AND expires_at > $4)
         RETURNING id, authority",
    )
    .bind(t)
    .bind(&transfer.card_number)
    .bind(transfer.amount)
    .bind(t)
    .fetch_optional(&mut *tx)
    .await?;
    let (outcome, hit) = match paid {
        Some(hit) => ("paid", Some(hit)),
        None => {
            let late: Option<(String, String)> = sqlx::query_as(
                "UPDATE transactions SET status = 'paid_late', paid_at = $1
                 WHERE id = (SELECT id FROM transactions WHERE status = 'expired' AND card_number = $2 AND final_amount = $3
                             ORDER BY expires_at DESC LIMIT 1)
                 RETURNING id, authority",
            )
            .bind(t)
            .bind(&transfer.card_number)
            .bind(transfer.amount)
            .fetch_optional(&mut *tx)
            .await?;
            match late {
                Some(hit) => ("paid_late", Some(hit)),
                None => ("unmatched", None),
            }
        }
    };
    sqlx::query("INSERT INTO card_transfers (id, card_number, amount, outcome, transaction_id, received_at) VALUES ($1, $2, $3, $4, $5, $6)")
        .bind(uuid::Uuid::new_v4().to_string())
        .bind(&transfer.card_number)
        .bind(transfer.amount)
        .bind(outcome)
        .bind(hit.as_ref().map(|h| &h.0))
        .bind(t)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    if let Some((_, authority)) = &hit {
        live::publish(db, &live::payment_topic(authority)).await;
    }
    Ok(CardTransferResult {
        outcome: outcome.into(),
        authority: hit.map(|h| h.1),
    })
}

/// Ends a pending payment now, as if its time had run out (sandbox only).
pub async fn expire_now(db: &Db, authority: &str) -> AppResult<()> {
    let updated = sqlx::query("UPDATE transactions SET status = 'expired', expires_at = $1 WHERE authority = $2 AND status = 'pending'")
        .bind(now())
        .bind(authority)
        .execute(db)
        .await?;
    if updated.rows_affected() == 0 {
        return Err(AppError::not_found("A pending payment with this authority"));
    }
    live::publish(db, &live::payment_topic(authority)).await;
    Ok(())
}
