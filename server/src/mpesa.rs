//! The M-Pesa simulator: one for every rail that moves Kenyan and Ghanaian mobile money here.
//!
//! - **STK push** (deposits): the prompt waits on the simulated handset of the phone number. The
//!   handset approves with its PIN (`1234` in the sandbox; another PIN is 2001), cancels (1032),
//!   has too little (1), or lets it time out after 60 s (1037, settled by the job runner).
//! - **Payouts** (B2C to a phone, bank transfers, paybill and till): settled by the job runner
//!   two seconds after they start. A phone number ending in `0000` is switched off, so a payout
//!   to it fails with 1037 and the money returns to the wallet.
//!
//! Each settlement stores the result code, sends the SMS-style message to the handsets involved,
//! queues the partner's callback in the delivery outbox, and tells live listeners.

use crate::db::{now, Conn, Db};
use crate::error::{ApiJson, AppError, AppResult};
use crate::providers::kotani::{record_of, TxRow};
use crate::AppState;
use axum::extract::{Path, State};
use axum::Json;
use kitty_api::money::{Currency, Money};
use kitty_api::ramp::{result_text, Handset, PromptAnswer, RampKind, RampResult, StkPrompt};
use kitty_api::ErrorBody;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

/// The PIN every simulated handset accepts.
pub const SANDBOX_PIN: &str = "1234";
/// What a simulated handset holds when first used: 50,000.00.
pub const STARTING_BALANCE: i64 = 5_000_000;

pub fn routes(router: OpenApiRouter<AppState>) -> OpenApiRouter<AppState> {
    router
        .routes(routes!(handset))
        .routes(routes!(answer_prompt))
}

/// Makes sure `phone` has a simulated handset.
pub async fn ensure_handset(conn: &mut Conn, phone: &str, currency: Currency) -> AppResult<()> {
    lock_handset(conn, phone).await?;
    let exists: Option<(String,)> =
        sqlx::query_as("SELECT phone_number FROM mpesa_handsets WHERE phone_number = $1")
            .bind(phone)
            .fetch_optional(&mut *conn)
            .await?;
    if exists.is_none() {
        sqlx::query(
            "INSERT INTO mpesa_handsets (phone_number, balance, currency) VALUES ($1, $2, $3)",
        )
        .bind(phone)
        .bind(STARTING_BALANCE)
        .bind(currency.code())
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

/// Locks a handset for the caller's write (PostgreSQL): its balance is checked and changed by
/// one writer at a time.
async fn lock_handset(conn: &mut Conn, phone: &str) -> AppResult<()> {
    crate::db::lock(conn, crate::db::Lock::Name("handset", phone)).await?;
    Ok(())
}

/// A B2C credit to `phone` from `payer` (in the caller's write): the handset's balance goes up
/// and it gets M-Pesa's message, with a receipt number. Returns the receipt.
pub async fn credit_handset(
    conn: &mut Conn,
    phone: &str,
    amount: i64,
    currency: Currency,
    payer: &str,
) -> AppResult<String> {
    ensure_handset(conn, phone, currency).await?;
    sqlx::query("UPDATE mpesa_handsets SET balance = balance + $1 WHERE phone_number = $2")
        .bind(amount)
        .bind(phone)
        .execute(&mut *conn)
        .await?;
    let r = receipt();
    let money = Money::new(amount, currency);
    message(
        conn,
        phone,
        format!("{r} Confirmed. You have received {money} from {payer}."),
    )
    .await?;
    Ok(r)
}

async fn message(conn: &mut Conn, phone: &str, body: String) -> AppResult<()> {
    sqlx::query(
        "INSERT INTO mpesa_messages (id, seq, phone_number, body, created_at)
         VALUES ($1, (SELECT COALESCE(MAX(seq), 0) + 1 FROM mpesa_messages), $2, $3, $4)",
    )
    .bind(uuid::Uuid::new_v4().to_string())
    .bind(phone)
    .bind(body)
    .bind(now())
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// An M-Pesa receipt number, like `SGR7A1B2C3`.
fn receipt() -> String {
    let id = uuid::Uuid::new_v4().simple().to_string().to_uppercase();
    format!("SG{}", &id[..8])
}

/// Settles a pending transaction with `code`, in the open write; a second settlement of the same
/// transaction changes nothing.
pub(crate) async fn settle(conn: &mut Conn, row: &TxRow, code: i64) -> AppResult<()> {
    let status = if code == 0 { "successful" } else { "failed" };
    let receipt = (code == 0).then(receipt);
    let updated = sqlx::query(
        "UPDATE ramp_transactions SET status = $1, result_code = $2, result_description = $3, receipt = $4, updated_at = $5
         WHERE id = $6 AND status = 'pending'",
    )
    .bind(status)
    .bind(code)
    .bind(result_text(code))
    .bind(&receipt)
    .bind(now())
    .bind(&row.id)
    .execute(&mut *conn)
    .await?;
    if updated.rows_affected() == 0 {
        return Ok(()); // settled meanwhile: one result per transaction
    }
    let currency = Currency::from_code(&row.currency).unwrap_or(Currency::KES);
    let money = Money::new(row.amount, currency);
    let kind = crate::db::stored(RampKind::parse, &row.kind, "ramp kind")?;
    if let (Some(phone), Some(r)) = (&row.phone_number, &receipt) {
        match kind {
            RampKind::Deposit | RampKind::CryptoCashin => {
                sqlx::query(
                    "UPDATE mpesa_handsets SET balance = balance - $1 WHERE phone_number = $2",
                )
                .bind(row.amount)
                .bind(phone)
                .execute(&mut *conn)
                .await?;
                message(
                    conn,
                    phone,
                    format!("{r} Confirmed. {money} sent to Kotani Pay."),
                )
                .await?;
            }
            RampKind::MobileWithdrawal | RampKind::CryptoCashout => {
                ensure_handset(conn, phone, currency).await?;
                sqlx::query(
                    "UPDATE mpesa_handsets SET balance = balance + $1 WHERE phone_number = $2",
                )
                .bind(row.amount)
                .bind(phone)
                .execute(&mut *conn)
                .await?;
                message(
                    conn,
                    phone,
                    format!("{r} Confirmed. You have received {money} from Kotani Pay."),
                )
                .await?;
            }
            _ => {}
        }
    }
    if code == 0 && kind == RampKind::CryptoCashin {
        // The phone paid: the USDT it bought goes to the user's TRON address.
        crate::providers::kotani::onchain::cashin_paid(conn, &row.id).await?;
    }
    if let Some(url) = &row.callback {
        let mut settled = row_again(conn, &row.id).await?;
        settled.callback = None;
        let payload = serde_json::json!({
            "event": "transaction.settled",
            "result": record_of(&settled)?,
        });
        crate::deliveries::enqueue(
            conn,
            &row.user_id,
            url,
            "transaction.settled",
            &payload.to_string(),
            None,
        )
        .await?;
    }
    Ok(())
}

async fn row_again(conn: &mut Conn, id: &str) -> AppResult<TxRow> {
    Ok(sqlx::query_as::<_, TxRow>(&format!(
        "SELECT {} FROM ramp_transactions WHERE id = $1",
        crate::providers::kotani::TX_COLUMNS
    ))
    .bind(id)
    .fetch_one(&mut *conn)
    .await?)
}

/// Settles what is due: payouts after their delay, STK prompts nobody answered (1037).
pub async fn resolve_due(db: &Db) -> AppResult<()> {
    // Most ticks find nothing: look without taking the write lock first.
    let (due,): (i64,) = sqlx::query_as(
        "SELECT COUNT(*) FROM ramp_transactions WHERE status = 'pending' AND resolves_at <= $1",
    )
    .bind(now())
    .fetch_one(db)
    .await?;
    if due == 0 {
        return Ok(());
    }
    let mut w = crate::db::write(db).await?;
    let due = sqlx::query_as::<_, TxRow>(&format!(
        "SELECT {} FROM ramp_transactions WHERE status = 'pending' AND resolves_at <= $1 ORDER BY seq LIMIT 200",
        crate::providers::kotani::TX_COLUMNS
    ))
    .bind(now())
    .fetch_all(&mut *w)
    .await?;
    for row in &due {
        let kind = crate::db::stored(RampKind::parse, &row.kind, "ramp kind")?;
        let switched_off = row
            .phone_number
            .as_deref()
            .is_some_and(|p| p.ends_with("0000"));
        let code = match kind {
            RampKind::Deposit | RampKind::CryptoCashin => 1037,
            RampKind::MobileWithdrawal | RampKind::CryptoCashout if switched_off => 1037,
            _ => 0,
        };
        settle(&mut w, row, code).await?;
    }
    w.commit().await?;
    Ok(())
}

#[utoipa::path(
    get, path = "/mpesa/handsets/{phoneNumber}", tag = "Sandbox",
    summary = "Read a simulated M-Pesa handset.",
    description = "Sandbox mode only. The handset of a test phone number: its balance (it starts with 50,000.00), the STK prompts waiting for it, and its last M-Pesa messages.",
    params(("phoneNumber" = String, Path)),
    responses((status = 200, body = Handset), (status = 404, body = ErrorBody))
)]
async fn handset(
    State(state): State<AppState>,
    Path(phone): Path<String>,
) -> AppResult<Json<Handset>> {
    let (balance, currency): (i64, String) =
        sqlx::query_as("SELECT balance, currency FROM mpesa_handsets WHERE phone_number = $1")
            .bind(&phone)
            .fetch_optional(&state.db)
            .await?
            .ok_or_else(|| {
                AppError::NotFound(
                    "This phone has had no M-Pesa request yet. Start a deposit to it first.".into(),
                )
            })?;
    let currency = crate::db::stored(Currency::from_code, &currency, "handset currency")?;
    let t = now();
    let prompts: Vec<(String, i64, String, i64)> = sqlx::query_as(
        "SELECT r.id, r.amount, u.name, r.resolves_at FROM ramp_transactions r JOIN users u ON u.id = r.user_id
         WHERE r.phone_number = $1 AND r.kind IN ('deposit', 'crypto_cashin') AND r.status = 'pending' AND r.resolves_at > $2
         ORDER BY r.seq",
    )
    .bind(&phone)
    .bind(t)
    .fetch_all(&state.db)
    .await?;
    let messages: Vec<(String,)> = sqlx::query_as(
        "SELECT body FROM mpesa_messages WHERE phone_number = $1 ORDER BY seq DESC LIMIT 10",
    )
    .bind(&phone)
    .fetch_all(&state.db)
    .await?;
    Ok(Json(Handset {
        phone_number: phone,
        balance,
        currency,
        prompts: prompts
            .into_iter()
            .map(|(request_id, amount, payee, deadline)| StkPrompt {
                request_id,
                amount,
                currency,
                payee,
                expires_in: deadline - t,
            })
            .collect(),
        messages: messages.into_iter().map(|(b,)| b).collect(),
    }))
}

#[utoipa::path(
    post, path = "/mpesa/prompts/{requestId}", tag = "Sandbox",
    summary = "Answer an STK prompt on the simulated handset.",
    description = "Sandbox mode only. `approve` with the PIN (`1234` succeeds, unless the handset holds too little: 1; another PIN: 2001), `cancel` (1032), or `timeout` (1037, as if nobody answered). The deposit settles at once and its callback is queued.",
    params(("requestId" = String, Path)),
    request_body = PromptAnswer,
    responses(
        (status = 200, body = RampResult),
        (status = 404, body = ErrorBody),
        (status = 409, description = "The prompt was already answered or timed out", body = ErrorBody),
        (status = 422, body = ErrorBody),
    )
)]
async fn answer_prompt(
    State(state): State<AppState>,
    Path(request_id): Path<String>,
    ApiJson(answer): ApiJson<PromptAnswer>,
) -> AppResult<Json<RampResult>> {
    let mut w = crate::db::write(&state.db).await?;
    let row = sqlx::query_as::<_, TxRow>(&format!(
        "SELECT {} FROM ramp_transactions WHERE id = $1 AND kind IN ('deposit', 'crypto_cashin')",
        crate::providers::kotani::TX_COLUMNS
    ))
    .bind(&request_id)
    .fetch_optional(&mut *w)
    .await?
    .ok_or_else(|| AppError::not_found("That M-Pesa prompt"))?;
    if row.status != "pending" {
        return Err(AppError::Conflict {
            message: format!(
                "This prompt was already settled ({}).",
                row.result_description.as_deref().unwrap_or("done")
            ),
            fields: Default::default(),
        });
    }
    let code = match answer.action.as_str() {
        "cancel" => 1032,
        "timeout" => 1037,
        "approve" => {
            lock_handset(&mut w, row.phone_number.as_deref().unwrap_or_default()).await?;
            let balance: (i64,) =
                sqlx::query_as("SELECT balance FROM mpesa_handsets WHERE phone_number = $1")
                    .bind(row.phone_number.as_deref().unwrap_or_default())
                    .fetch_one(&mut *w)
                    .await?;
            if answer.pin.as_deref() != Some(SANDBOX_PIN) {
                2001
            } else if balance.0 < row.amount {
                1
            } else {
                0
            }
        }
        _ => {
            return Err(AppError::field(
                "action",
                "Use approve (with the PIN), cancel or timeout.",
            ))
        }
    };
    settle(&mut w, &row, code).await?;
    let settled = row_again(&mut w, &row.id).await?;
    w.commit().await?;
    Ok(Json(RampResult {
        result: record_of(&settled)?,
    }))
}
