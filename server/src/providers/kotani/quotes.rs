//! Quotes in/out: the rate between a fiat currency and a US-dollar stablecoin, locked for five
//! minutes, accepted once. Rates come from the sandbox price table with a small drift; every sum
//! is `rust_decimal`, rounded in the person's disfavour by at most one unit (fiat cents, or the
//! crypto's sixth decimal).

use crate::clock::rfc3339;
use crate::db::{now, Conn, Db};
use crate::error::{ApiJson, AppError, AppResult};
use crate::session::CurrentUser;
use crate::AppState;
use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use kitty_api::money::Currency;
use kitty_api::ramp::{
    amount_minor, AcceptQuoteRequest, CashInQuoteRequest, CashOutQuoteRequest, Quote,
    QuoteDirection, QuoteStatus, CRYPTO_TYPES,
};
use kitty_api::ErrorBody;
use rust_decimal::{Decimal, RoundingStrategy};
use std::str::FromStr;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

pub fn routes(router: OpenApiRouter<AppState>) -> OpenApiRouter<AppState> {
    router
        .routes(routes!(cash_in))
        .routes(routes!(cash_out))
        .routes(routes!(accept_in))
        .routes(routes!(accept_out))
}

/// How long a quote's rate holds.
pub const QUOTE_TTL_SECS: i64 = 5 * 60;
/// Crypto amounts have six decimals (USDT, USDC and cUSD as the ramps pay them out).
const CRYPTO_DECIMALS: u32 = 6;
/// The ramp's fee: 1% of the fiat side, at least one unit.
const FEE_PERCENT: i64 = 1;

/// Fiat per US dollar in the sandbox price table, before drift.
fn base_rate(currency: Currency) -> Option<Decimal> {
    match currency {
        Currency::KES => Some(Decimal::new(12_950, 2)),
        Currency::GHS => Some(Decimal::new(1_540, 2)),
        _ => None,
    }
}

/// The rate at `t`: the base moved by up to ±0.10%, a step a minute, so two quotes a minute apart
/// may differ while one quote stays fixed.
pub fn rate_at(currency: Currency, t: i64) -> Option<Decimal> {
    let step = (t.div_euclid(60)).rem_euclid(21) - 10; // -10 ..= 10
    let drift = Decimal::ONE + Decimal::new(step, 4);
    base_rate(currency)
        .map(|r| (r * drift).round_dp_with_strategy(4, RoundingStrategy::MidpointNearestEven))
}

fn fiat_currency(code: &str) -> AppResult<Currency> {
    match code.trim() {
        "KES" => Ok(Currency::KES),
        "GHS" => Ok(Currency::GHS),
        _ => Err(AppError::field("currency", "Use KES or GHS.")),
    }
}

fn crypto_type(code: &str) -> AppResult<String> {
    let c = code.trim().to_uppercase();
    if CRYPTO_TYPES.contains(&c.as_str()) {
        Ok(c)
    } else {
        Err(AppError::field("cryptoType", "Use USDT, USDC or CUSD."))
    }
}

/// A crypto amount: a positive decimal with at most six decimals, at most 1,000,000.
fn crypto_amount(text: &str) -> AppResult<Decimal> {
    let bad = || {
        AppError::field(
            "cryptoAmount",
            "Enter an amount like 25 or 25.5, with at most six decimals.",
        )
    };
    let t = text.trim();
    if t.is_empty() || !t.bytes().all(|b| b.is_ascii_digit() || b == b'.') {
        return Err(bad());
    }
    let d = Decimal::from_str(t).map_err(|_| bad())?;
    if d.scale() > CRYPTO_DECIMALS {
        return Err(bad());
    }
    if d <= Decimal::ZERO || d > Decimal::from(1_000_000) {
        return Err(AppError::field(
            "cryptoAmount",
            "Quote between 0.000001 and 1,000,000.",
        ));
    }
    Ok(d)
}

fn minor_to_decimal(minor: i64) -> Decimal {
    Decimal::new(minor, 2)
}

/// Decimal fiat to minor units, rounded down.
fn decimal_to_minor(d: Decimal) -> AppResult<i64> {
    let cents = (d * Decimal::ONE_HUNDRED).trunc();
    i64::try_from(cents).map_err(|_| AppError::field("amount", "Too large."))
}

fn fee_of(fiat_minor: i64) -> i64 {
    // 1%, rounded up to the cent, at least one unit.
    ((fiat_minor * FEE_PERCENT + 99) / 100).max(100)
}

fn crypto_text(d: Decimal) -> String {
    format!(
        "{:.6}",
        d.round_dp_with_strategy(CRYPTO_DECIMALS, RoundingStrategy::ToZero)
    )
}

/// A stored quote.
pub struct Stored {
    pub id: String,
    pub direction: QuoteDirection,
    pub status: QuoteStatus,
    pub currency: Currency,
    pub fiat_amount: i64,
    pub expires_at: i64,
    quote: Quote,
}

/// One of the caller's quotes; 404 for another partner's or an unknown id.
pub async fn stored(conn: &mut Conn, user_id: &str, id: &str) -> AppResult<Stored> {
    type Row = (
        String,
        String,
        String,
        String,
        String,
        i64,
        String,
        String,
        i64,
        String,
        i64,
    );
    let r: Option<Row> = sqlx::query_as(
        &crate::db::amounts(&*conn, "SELECT id, direction, status, currency, crypto_type, fiat_amount, DEC(crypto_amount), DEC(rate), fee, DEC(amount_received), expires_at
         FROM ramp_quotes WHERE id = $1 AND user_id = $2"),
    )
    .bind(id)
    .bind(user_id)
    .fetch_optional(&mut *conn)
    .await?;
    let Some((
        id,
        direction,
        status,
        currency,
        crypto_type,
        fiat,
        crypto,
        rate,
        fee,
        received,
        expires_at,
    )) = r
    else {
        return Err(AppError::not_found("That quote"));
    };
    let direction = crate::db::stored(QuoteDirection::parse, &direction, "quote direction")?;
    let status = crate::db::stored(QuoteStatus::parse, &status, "quote status")?;
    let currency = crate::db::stored(Currency::from_code, &currency, "quote currency")?;
    let quote = Quote {
        quote_id: id.clone(),
        direction,
        status,
        currency,
        crypto_type,
        fiat_amount: kitty_api::ramp::units_text(fiat),
        crypto_amount: crypto,
        rate,
        fee: kitty_api::ramp::units_text(fee),
        amount_received: received,
        expires_at: rfc3339(expires_at),
        expires_in: (expires_at - now()).max(0),
    };
    Ok(Stored {
        id,
        direction,
        status,
        currency,
        fiat_amount: fiat,
        expires_at,
        quote,
    })
}

struct NewQuote {
    direction: QuoteDirection,
    currency: Currency,
    crypto_type: String,
    fiat_amount: i64,
    crypto_amount: String,
    rate: Decimal,
    fee: i64,
    amount_received: String,
}

async fn save(db: &Db, user_id: &str, q: NewQuote) -> AppResult<Quote> {
    let id = format!("q_{}", uuid::Uuid::new_v4().simple());
    let t = now();
    let mut w = crate::db::write(db).await?;
    sqlx::query(
        &crate::db::amounts(&*w, "INSERT INTO ramp_quotes (id, user_id, direction, status, currency, crypto_type, fiat_amount, crypto_amount,
            rate, fee, amount_received, expires_at, created_at)
         VALUES ($1, $2, $3, 'open', $4, $5, $6, NUM($7), NUM($8), $9, NUM($10), $11, $12)"),
    )
    .bind(&id)
    .bind(user_id)
    .bind(q.direction.as_str())
    .bind(q.currency.code())
    .bind(&q.crypto_type)
    .bind(q.fiat_amount)
    .bind(&q.crypto_amount)
    .bind(q.rate.to_string())
    .bind(q.fee)
    .bind(&q.amount_received)
    .bind(t + QUOTE_TTL_SECS)
    .bind(t)
    .execute(&mut *w)
    .await?;
    let s = stored(&mut w, user_id, &id).await?;
    w.commit().await?;
    Ok(s.quote)
}

#[utoipa::path(
    post, path = "/api/v2/quotes/in", tag = "Kotani Pay", summary = "Get cash in quote",
    description = "How much crypto a fiat deposit buys: the rate (fiat per 1 unit of crypto), the 1% fee (at least one unit) taken from the fiat, and the crypto received, rounded down to six decimals. The rate holds for five minutes; accept the quote to deposit with it.",
    request_body = CashInQuoteRequest,
    responses((status = 201, body = Quote), (status = 401, body = ErrorBody), (status = 422, body = ErrorBody)),
    security(("bearer" = []))
)]
async fn cash_in(
    State(state): State<AppState>,
    user: CurrentUser,
    ApiJson(req): ApiJson<CashInQuoteRequest>,
) -> AppResult<(StatusCode, Json<Quote>)> {
    let currency = fiat_currency(&req.currency)?;
    let crypto = crypto_type(&req.crypto_type)?;
    let fiat = amount_minor(&req.fiat_amount).map_err(|m| AppError::field("fiatAmount", m))?;
    let fee = fee_of(fiat);
    if fee >= fiat {
        return Err(AppError::field(
            "fiatAmount",
            "That is no more than the fee (at least 1.00); deposit more.",
        ));
    }
    let rate = rate_at(currency, now()).expect("a fiat currency of the table");
    let received = (minor_to_decimal(fiat - fee) / rate)
        .round_dp_with_strategy(CRYPTO_DECIMALS, RoundingStrategy::ToZero);
    let q = NewQuote {
        direction: QuoteDirection::In,
        currency,
        crypto_type: crypto,
        fiat_amount: fiat,
        crypto_amount: crypto_text(received),
        rate,
        fee,
        amount_received: crypto_text(received),
    };
    Ok((
        StatusCode::CREATED,
        Json(save(&state.db, &user.user_id, q).await?),
    ))
}

#[utoipa::path(
    post, path = "/api/v2/quotes/out", tag = "Kotani Pay", summary = "Get cash out quote",
    description = "How much fiat a crypto amount pays out: the fiat value at the rate, rounded down to the cent, less the 1% fee (at least one unit). The rate holds for five minutes.",
    request_body = CashOutQuoteRequest,
    responses((status = 201, body = Quote), (status = 401, body = ErrorBody), (status = 422, body = ErrorBody)),
    security(("bearer" = []))
)]
async fn cash_out(
    State(state): State<AppState>,
    user: CurrentUser,
    ApiJson(req): ApiJson<CashOutQuoteRequest>,
) -> AppResult<(StatusCode, Json<Quote>)> {
    let currency = fiat_currency(&req.currency)?;
    let crypto = crypto_type(&req.crypto_type)?;
    let amount = crypto_amount(&req.crypto_amount)?;
    let rate = rate_at(currency, now()).expect("a fiat currency of the table");
    let fiat = decimal_to_minor(amount * rate)?;
    let fee = fee_of(fiat);
    if fee >= fiat {
        return Err(AppError::field(
            "cryptoAmount",
            "That pays out no more than the fee (at least 1.00); send more.",
        ));
    }
    let q = NewQuote {
        direction: QuoteDirection::Out,
        currency,
        crypto_type: crypto,
        fiat_amount: fiat,
        crypto_amount: crypto_text(amount),
        rate,
        fee,
        amount_received: kitty_api::ramp::units_text(fiat - fee),
    };
    Ok((
        StatusCode::CREATED,
        Json(save(&state.db, &user.user_id, q).await?),
    ))
}

async fn accept(
    state: &AppState,
    user: &CurrentUser,
    id: &str,
    direction: QuoteDirection,
) -> AppResult<Quote> {
    let mut w = crate::db::write(&state.db).await?;
    super::lock_partner(&mut w, &user.user_id).await?;
    let q = stored(&mut w, &user.user_id, id.trim()).await?;
    if q.direction != direction {
        return Err(AppError::conflict_on(
            "quoteId",
            match direction {
                QuoteDirection::In => "This is a cash-out quote; accept it as a quote out.",
                QuoteDirection::Out => "This is a cash-in quote; accept it as a quote in.",
            },
        ));
    }
    match q.status {
        QuoteStatus::Open if q.expires_at > now() => {}
        QuoteStatus::Accepted | QuoteStatus::Used => {
            return Err(AppError::conflict_on(
                "quoteId",
                "This quote was already accepted.",
            ))
        }
        _ => {
            return Err(AppError::conflict_on(
                "quoteId",
                &format!(
                    "This quote expired at {}. Ask for a new one.",
                    rfc3339(q.expires_at)
                ),
            ))
        }
    }
    sqlx::query("UPDATE ramp_quotes SET status = 'accepted' WHERE id = $1")
        .bind(&q.id)
        .execute(&mut *w)
        .await?;
    let s = stored(&mut w, &user.user_id, &q.id).await?;
    w.commit().await?;
    Ok(s.quote)
}

#[utoipa::path(
    post, path = "/api/v2/quotes/in/accept", tag = "Kotani Pay", summary = "Accept quote in",
    description = "Accepts a cash-in quote before it expires, once; then `Deposit fiat with an accepted quote` can use it. A second accept, or an expired quote, is a 409 that says which.",
    request_body = AcceptQuoteRequest,
    responses((status = 200, body = Quote), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)),
    security(("bearer" = []))
)]
async fn accept_in(
    State(state): State<AppState>,
    user: CurrentUser,
    ApiJson(req): ApiJson<AcceptQuoteRequest>,
) -> AppResult<Json<Quote>> {
    Ok(Json(
        accept(&state, &user, &req.quote_id, QuoteDirection::In).await?,
    ))
}

#[utoipa::path(
    post, path = "/api/v2/quotes/out/accept", tag = "Kotani Pay", summary = "Accept quote out",
    description = "Accepts a cash-out quote before it expires, once. A second accept, or an expired quote, is a 409 that says which.",
    request_body = AcceptQuoteRequest,
    responses((status = 200, body = Quote), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)),
    security(("bearer" = []))
)]
async fn accept_out(
    State(state): State<AppState>,
    user: CurrentUser,
    ApiJson(req): ApiJson<AcceptQuoteRequest>,
) -> AppResult<Json<Quote>> {
    Ok(Json(
        accept(&state, &user, &req.quote_id, QuoteDirection::Out).await?,
    ))
}

/// Quotes past their time become expired (the job runner; reads never change state).
pub async fn expire_due(db: &Db) -> AppResult<()> {
    // Most ticks find nothing: look without taking the write lock first.
    let (due,): (i64,) = sqlx::query_as(
        "SELECT COUNT(*) FROM ramp_quotes WHERE status IN ('open', 'accepted') AND expires_at <= $1",
    )
    .bind(now())
    .fetch_one(db)
    .await?;
    if due == 0 {
        return Ok(());
    }
    let mut w = crate::db::write(db).await?;
    sqlx::query(
        "UPDATE ramp_quotes SET status = 'expired' WHERE status IN ('open', 'accepted') AND expires_at <= $1",
    )
    .bind(now())
    .execute(&mut *w)
    .await?;
    w.commit().await?;
    Ok(())
}

/// For the sandbox: a quote's time runs out now (the next sweep marks it expired).
pub async fn expire_now(db: &Db, id: &str) -> AppResult<bool> {
    let mut w = crate::db::write(db).await?;
    let n = sqlx::query(
        "UPDATE ramp_quotes SET expires_at = $1, status = CASE WHEN status IN ('open', 'accepted') THEN 'expired' ELSE status END WHERE id = $2",
    )
    .bind(now())
    .bind(id)
    .execute(&mut *w)
    .await?
    .rows_affected();
    w.commit().await?;
    Ok(n == 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// A cash-in quote never gives more crypto than the money buys, and never more than one
        /// unit of the sixth decimal less; the fee and what is converted add up to the deposit.
        #[test]
        fn cash_in_rounds_down_by_less_than_one_unit(fiat in 200_i64..=25_000_000, t in 0_i64..10_000_000) {
            let rate = rate_at(Currency::KES, t).unwrap();
            let fee = fee_of(fiat);
            let exact = minor_to_decimal(fiat - fee) / rate;
            let got = exact.round_dp_with_strategy(CRYPTO_DECIMALS, RoundingStrategy::ToZero);
            prop_assert!(got <= exact);
            prop_assert!(exact - got < Decimal::new(1, CRYPTO_DECIMALS));
            prop_assert!(got.scale() <= CRYPTO_DECIMALS);
            prop_assert!(fee >= 100 && fee < fiat);
        }
    }

    #[test]
    fn drift_is_small_and_stepwise() {
        let base = base_rate(Currency::KES).unwrap();
        for t in (0..3_000).map(|m| m * 60) {
            let r = rate_at(Currency::KES, t).unwrap();
            assert!((r - base).abs() <= base / Decimal::from(1000), "{r}");
            assert_eq!(r, rate_at(Currency::KES, t + 59).unwrap());
        }
        assert!(rate_at(Currency::AUD, 0).is_none());
    }
}
