//! Fiat-Fiat: the partner's wallet, deposits by M-Pesa STK push (with or without an accepted
//! quote), withdrawals to M-Pesa and to banks, paybill and till, and reading transactions back.
//! Every movement is a `ramp_transactions` row; the M-Pesa simulator ([`crate::mpesa`]) settles
//! it, and its callback goes through the delivery outbox.

use super::partner::{partner_of, Partner};
use crate::clock::rfc3339;
use crate::db::{is_unique_violation, now, Conn};
use crate::error::{ApiJson, ApiQuery, AppError, AppResult};
use crate::session::CurrentUser;
use crate::AppState;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::Json;
use kitty_api::money::Currency;
use kitty_api::ramp::{
    amount_minor, bank_name, paybill_fee, phone_number, units_text, Bank, BankWithdrawRequest,
    BankWithdrawResponse, DeliveryList, DepositRequest, MobileWithdrawRequest,
    MobileWithdrawResponse, PaybillRequest, QuoteDepositRequest, QuoteDirection, QuoteStatus,
    RampKind, RampReference, RampResult, RampStatus, RampTransaction, RampTransactionList,
    TariffBand, TillRequest, Wallet, KENYA_BANKS, MAX_AMOUNT, MIN_AMOUNT, PAYBILL_TARIFF,
};
use kitty_api::ErrorBody;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

pub fn routes(router: OpenApiRouter<AppState>) -> OpenApiRouter<AppState> {
    router
        .routes(routes!(wallet_view))
        .routes(routes!(reference))
        .routes(routes!(deposit))
        .routes(routes!(deposit_with_quote))
        .routes(routes!(status_by_request))
        .routes(routes!(status_by_external))
        .routes(routes!(withdraw_mobile))
        .routes(routes!(withdraw_bank))
        .routes(routes!(all_transactions))
        .routes(routes!(paybill))
        .routes(routes!(till))
        .routes(routes!(callbacks))
        .routes(routes!(resend_callback))
}

/// How long an STK prompt waits on the phone before M-Pesa answers 1037.
pub const STK_TIMEOUT_SECS: i64 = 60;
/// How long the simulated rails take to settle a payout.
pub const PAYOUT_DELAY_SECS: i64 = 2;

#[derive(sqlx::FromRow)]
pub struct TxRow {
    pub id: String,
    pub seq: i64,
    pub user_id: String,
    pub kind: String,
    pub status: String,
    pub amount: i64,
    pub fee: i64,
    pub currency: String,
    pub phone_number: Option<String>,
    pub service_provider_id: Option<String>,
    pub account_number: Option<String>,
    pub account_name: Option<String>,
    pub merchant_number: Option<String>,
    pub merchant_till: Option<String>,
    pub external_id: Option<String>,
    pub callback: Option<String>,
    pub quote_id: Option<String>,
    pub result_code: Option<i64>,
    pub result_description: Option<String>,
    pub receipt: Option<String>,
    pub conversation_id: String,
    pub resolves_at: i64,
    pub created_at: i64,
    pub updated_at: i64,
}

pub const TX_COLUMNS: &str = "id, seq, user_id, kind, status, amount, fee, currency, phone_number, service_provider_id,
     account_number, account_name, merchant_number, merchant_till, external_id, callback, quote_id, result_code,
     result_description, receipt, conversation_id, resolves_at, created_at, updated_at";

/// The contract's record of a stored row.
pub fn record_of(r: &TxRow) -> AppResult<RampTransaction> {
    let kind = crate::db::stored(RampKind::parse, &r.kind, "ramp kind")?;
    Ok(RampTransaction {
        id: r.seq,
        request_id: r.id.clone(),
        kind,
        transaction_type: kind.family().into(),
        status: crate::db::stored(RampStatus::parse, &r.status, "ramp status")?,
        amount: r.amount,
        fee: r.fee,
        currency: crate::db::stored(Currency::from_code, &r.currency, "ramp currency")?,
        phone_number: r.phone_number.clone(),
        service_provider_id: r.service_provider_id.clone(),
        bank_name: r
            .service_provider_id
            .as_deref()
            .and_then(bank_name)
            .map(str::to_string),
        account_number: r.account_number.clone(),
        account_name: r.account_name.clone(),
        merchant_number: r.merchant_number.clone(),
        merchant_till: r.merchant_till.clone(),
        external_id: r.external_id.clone(),
        callback: r.callback.clone(),
        quote_id: r.quote_id.clone(),
        result_code: r.result_code,
        result_description: r.result_description.clone(),
        created_at: rfc3339(r.created_at),
        updated_at: rfc3339(r.updated_at),
    })
}

/// The partner's wallet, derived from its transactions: successful deposits in, every payout
/// that is pending or done out (a failed one no longer counts, so its money is back).
pub async fn wallet(conn: &mut Conn, user_id: &str, currency: Currency) -> AppResult<Wallet> {
    let (settled_in, pending_in, out_done, out_pending): (i64, i64, i64, i64) = sqlx::query_as(
        "SELECT
            CAST(COALESCE(SUM(CASE WHEN kind = 'deposit' AND status = 'successful' THEN amount ELSE 0 END), 0) AS BIGINT),
            CAST(COALESCE(SUM(CASE WHEN kind = 'deposit' AND status = 'pending' THEN amount ELSE 0 END), 0) AS BIGINT),
            CAST(COALESCE(SUM(CASE WHEN kind <> 'deposit' AND status = 'successful' THEN amount + fee ELSE 0 END), 0) AS BIGINT),
            CAST(COALESCE(SUM(CASE WHEN kind <> 'deposit' AND status = 'pending' THEN amount + fee ELSE 0 END), 0) AS BIGINT)
         FROM ramp_transactions WHERE user_id = $1 AND currency = $2
           AND kind NOT IN ('crypto_cashout', 'crypto_cashin')",
    )
    .bind(user_id)
    .bind(currency.code())
    .fetch_one(&mut *conn)
    .await?;
    Ok(Wallet {
        currency,
        available: settled_in - out_done - out_pending,
        incoming: pending_in,
        outgoing: out_pending,
    })
}

/// An http(s) callback address, or none.
fn callback(c: &Option<String>) -> AppResult<Option<String>> {
    match c.as_deref() {
        None | Some("") => Ok(None),
        Some(url) => kitty_api::validate::http_url(url).map(Some).map_err(|_| {
            AppError::field(
                "callback",
                "Callback addresses start with a protocol: https:// or http://.",
            )
        }),
    }
}

/// The partner's own reference: 1 to 64 characters, or none.
fn external_id(e: &Option<String>) -> AppResult<Option<String>> {
    match e.as_deref().map(str::trim) {
        None | Some("") => Ok(None),
        Some(id) if id.chars().count() <= 64 && !id.chars().any(char::is_control) => {
            Ok(Some(id.to_string()))
        }
        Some(_) => Err(AppError::field(
            "externalId",
            "Use at most 64 characters, without control characters.",
        )),
    }
}

fn whole_amount(amount: i64) -> AppResult<i64> {
    if (MIN_AMOUNT..=MAX_AMOUNT).contains(&amount) {
        Ok(amount * 100)
    } else {
        Err(AppError::field(
            "amount",
            "Send between 1 and 250,000 at a time.",
        ))
    }
}

/// A number of digits, like a till, paybill or bank account number.
fn digits(
    field: &str,
    value: &str,
    len: std::ops::RangeInclusive<usize>,
    what: &str,
) -> AppResult<String> {
    let v = value.trim();
    if len.contains(&v.len()) && v.bytes().all(|b| b.is_ascii_digit()) {
        Ok(v.to_string())
    } else {
        Err(AppError::field(
            field,
            format!("Enter the {what}: {} to {} digits.", len.start(), len.end()),
        ))
    }
}

/// One new movement, before it is stored.
#[derive(Default)]
pub(super) struct NewTx {
    pub(super) kind: Option<RampKind>,
    pub(super) amount: i64,
    pub(super) fee: i64,
    pub(super) phone_number: Option<String>,
    pub(super) service_provider_id: Option<String>,
    pub(super) account_number: Option<String>,
    pub(super) account_name: Option<String>,
    pub(super) merchant_number: Option<String>,
    pub(super) merchant_till: Option<String>,
    pub(super) external_id: Option<String>,
    pub(super) callback: Option<String>,
    pub(super) quote_id: Option<String>,
}

/// Stores a movement in the open write, after checking the wallet for a payout. Returns the row.
pub async fn insert(conn: &mut Conn, partner: &Partner, tx: NewTx) -> AppResult<TxRow> {
    super::lock_partner(conn, &partner.user_id).await?;
    let kind = tx.kind.expect("every movement has a kind");
    let currency = partner.country.currency();
    if kind != RampKind::Deposit && kind.uses_wallet() {
        let w = wallet(conn, &partner.user_id, currency).await?;
        let needed = tx
            .amount
            .checked_add(tx.fee)
            .ok_or_else(|| AppError::field("amount", "Too large."))?;
        if needed > w.available {
            return Err(AppError::conflict_on(
                "amount",
                &format!(
                    "Your wallet holds {}; this needs {} (fee included). Deposit first or send less.",
                    kitty_api::money::Money::new(w.available, currency),
                    kitty_api::money::Money::new(needed, currency),
                ),
            ));
        }
    }
    let t = now();
    let id = uuid::Uuid::new_v4().to_string();
    let resolves_at = t + if kind.is_collection() {
        STK_TIMEOUT_SECS
    } else {
        PAYOUT_DELAY_SECS
    };
    let conversation = format!(
        "AG_{}_{}",
        crate::clock::iso_date(crate::clock::day_of(t)).replace('-', ""),
        &uuid::Uuid::new_v4().simple().to_string()[..20]
    );
    let inserted = sqlx::query(
        "INSERT INTO ramp_transactions (id, seq, user_id, kind, status, amount, fee, currency, phone_number,
            service_provider_id, account_number, account_name, merchant_number, merchant_till, external_id,
            callback, quote_id, conversation_id, resolves_at, created_at, updated_at)
         VALUES ($1, (SELECT COALESCE(MAX(seq), 0) + 1 FROM ramp_transactions), $2, $3, 'pending', $4, $5, $6, $7,
            $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $18)",
    )
    .bind(&id)
    .bind(&partner.user_id)
    .bind(kind.as_str())
    .bind(tx.amount)
    .bind(tx.fee)
    .bind(currency.code())
    .bind(&tx.phone_number)
    .bind(&tx.service_provider_id)
    .bind(&tx.account_number)
    .bind(&tx.account_name)
    .bind(&tx.merchant_number)
    .bind(&tx.merchant_till)
    .bind(&tx.external_id)
    .bind(&tx.callback)
    .bind(&tx.quote_id)
    .bind(&conversation)
    .bind(resolves_at)
    .bind(t)
    .execute(&mut *conn)
    .await;
    match inserted {
        Err(e) if is_unique_violation(&e, "ramp_transactions.user_id") => {
            return Err(AppError::conflict_on(
                "externalId",
                "You already used this externalId. Each transaction needs its own.",
            ))
        }
        other => other?,
    };
    if kind.is_collection() {
        crate::mpesa::ensure_handset(
            conn,
            tx.phone_number.as_deref().unwrap_or_default(),
            currency,
        )
        .await?;
    }
    row(conn, &partner.user_id, &id).await
}

/// One of the caller's transactions by request id.
pub async fn row(conn: &mut Conn, user_id: &str, request_id: &str) -> AppResult<TxRow> {
    sqlx::query_as::<_, TxRow>(&format!(
        "SELECT {TX_COLUMNS} FROM ramp_transactions WHERE id = $1 AND user_id = $2"
    ))
    .bind(request_id)
    .bind(user_id)
    .fetch_optional(&mut *conn)
    .await?
    .ok_or_else(|| AppError::not_found("That transaction"))
}

/// Stores the movement in one write and answers with its record.
async fn start(state: &AppState, partner: &Partner, tx: NewTx) -> AppResult<RampTransaction> {
    let mut w = crate::db::write(&state.db).await?;
    let row = insert(&mut w, partner, tx).await?;
    w.commit().await?;
    record_of(&row)
}

#[utoipa::path(
    get, path = "/api/v2/wallet", tag = "Kotani Pay", summary = "Read the partner's fiat wallet.",
    description = "Derived from the partner's transactions: `available` can be withdrawn now; `incoming` are deposits waiting for the phone; `outgoing` are payouts on their way (already held). Minor units.",
    responses((status = 200, body = Wallet), (status = 401, body = ErrorBody), (status = 404, description = "No partner credentials yet", body = ErrorBody)),
    security(("bearer" = []))
)]
async fn wallet_view(State(state): State<AppState>, user: CurrentUser) -> AppResult<Json<Wallet>> {
    let partner = partner_of(&state.db, &user.user_id).await?;
    let mut conn = state.db.acquire().await?;
    Ok(Json(
        wallet(&mut conn, &partner.user_id, partner.country.currency()).await?,
    ))
}

#[utoipa::path(
    get, path = "/api/v2/reference", tag = "Kotani Pay", summary = "List the supported banks and the paybill tariff.",
    description = "The document's 24 Kenyan banks with their codes (`serviceProviderId`), and the paybill fee per amount band, in whole KES. Till payments are free.",
    responses((status = 200, body = RampReference))
)]
async fn reference() -> Json<RampReference> {
    Json(RampReference {
        banks: KENYA_BANKS
            .iter()
            .map(|(code, name)| Bank {
                code: (*code).into(),
                name: (*name).into(),
            })
            .collect(),
        paybill_tariff: PAYBILL_TARIFF
            .iter()
            .map(|(up_to, fee)| TariffBand {
                up_to: *up_to,
                fee: *fee,
            })
            .collect(),
    })
}

#[utoipa::path(
    post, path = "/api/v2/deposit/mobile-money", tag = "Kotani Pay", summary = "Deposit fiat",
    description = "Sends an M-Pesa STK push to `phoneNumber`: accepted at once as pending; the phone approves with its PIN, cancels (1032), has too little (1), enters a wrong PIN (2001) or does not answer in 60 s (1037). The result is POSTed to `callback`. In sandbox mode the phone is the simulated handset.",
    request_body = DepositRequest,
    responses(
        (status = 201, body = RampResult),
        (status = 401, body = ErrorBody),
        (status = 404, description = "No partner credentials yet", body = ErrorBody),
        (status = 409, description = "The externalId was used before", body = ErrorBody),
    ),
    security(("bearer" = []))
)]
async fn deposit(
    State(state): State<AppState>,
    user: CurrentUser,
    ApiJson(req): ApiJson<DepositRequest>,
) -> AppResult<(StatusCode, Json<RampResult>)> {
    let partner = partner_of(&state.db, &user.user_id).await?;
    let tx = NewTx {
        kind: Some(RampKind::Deposit),
        amount: whole_amount(req.amount)?,
        phone_number: Some(
            phone_number(&req.phone_number, partner.country)
                .map_err(|m| AppError::field("phoneNumber", m))?,
        ),
        callback: callback(&req.callback)?,
        external_id: external_id(&req.external_id)?,
        ..Default::default()
    };
    let result = start(&state, &partner, tx).await?;
    Ok((StatusCode::CREATED, Json(RampResult { result })))
}

#[utoipa::path(
    post, path = "/api/v2/deposit/mobile-money/quote", tag = "Kotani Pay", summary = "Deposit fiat with an accepted quote",
    description = "Like Deposit fiat, for the fiat amount of a cash-in quote that was accepted and has not expired. A quote serves one deposit.",
    request_body = QuoteDepositRequest,
    responses(
        (status = 201, body = RampResult),
        (status = 401, body = ErrorBody),
        (status = 404, description = "No such quote of yours, or no partner credentials", body = ErrorBody),
        (status = 409, description = "The quote is not accepted, expired, or used", body = ErrorBody),
    ),
    security(("bearer" = []))
)]
async fn deposit_with_quote(
    State(state): State<AppState>,
    user: CurrentUser,
    ApiJson(req): ApiJson<QuoteDepositRequest>,
) -> AppResult<(StatusCode, Json<RampResult>)> {
    let partner = partner_of(&state.db, &user.user_id).await?;
    let phone = phone_number(&req.phone_number, partner.country)
        .map_err(|m| AppError::field("phoneNumber", m))?;
    let (callback, external_id) = (callback(&req.callback)?, external_id(&req.external_id)?);
    let mut w = crate::db::write(&state.db).await?;
    super::lock_partner(&mut w, &user.user_id).await?;
    let quote = super::quotes::stored(&mut w, &user.user_id, req.accepted_quote_id.trim()).await?;
    if quote.direction != QuoteDirection::In {
        return Err(AppError::conflict_on(
            "acceptedQuoteId",
            "This is a cash-out quote; a deposit needs a cash-in quote.",
        ));
    }
    match quote.status {
        QuoteStatus::Accepted if quote.expires_at > now() => {}
        QuoteStatus::Open => {
            return Err(AppError::conflict_on(
                "acceptedQuoteId",
                "Accept this quote first, then deposit with it.",
            ))
        }
        QuoteStatus::Used => {
            return Err(AppError::conflict_on(
                "acceptedQuoteId",
                "This quote was already used for a deposit. Ask for a new one.",
            ))
        }
        _ => {
            return Err(AppError::conflict_on(
                "acceptedQuoteId",
                "This quote has expired. Ask for a new one.",
            ))
        }
    }
    if quote.currency != partner.country.currency() {
        return Err(AppError::conflict_on(
            "acceptedQuoteId",
            "This quote is in another currency than your wallet.",
        ));
    }
    sqlx::query("UPDATE ramp_quotes SET status = 'used' WHERE id = $1")
        .bind(&quote.id)
        .execute(&mut *w)
        .await?;
    let row = insert(
        &mut w,
        &partner,
        NewTx {
            kind: Some(RampKind::Deposit),
            amount: quote.fiat_amount,
            phone_number: Some(phone),
            callback,
            external_id,
            quote_id: Some(quote.id.clone()),
            ..Default::default()
        },
    )
    .await?;
    w.commit().await?;
    Ok((
        StatusCode::CREATED,
        Json(RampResult {
            result: record_of(&row)?,
        }),
    ))
}

#[utoipa::path(
    get, path = "/api/v2/transactions/{requestId}", tag = "Kotani Pay", summary = "Get transaction status using requestId",
    description = "One of the partner's transactions, by the `requestId` its creation answered. Another partner's is a 404.",
    params(("requestId" = String, Path)),
    responses((status = 200, body = RampResult), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)),
    security(("bearer" = []))
)]
async fn status_by_request(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(request_id): Path<String>,
) -> AppResult<Json<RampResult>> {
    let mut conn = state.db.acquire().await?;
    let r = row(&mut conn, &user.user_id, &request_id).await?;
    Ok(Json(RampResult {
        result: record_of(&r)?,
    }))
}

#[derive(Debug, serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(rename_all = "camelCase")]
pub struct ExternalQuery {
    /// Collections or Payouts.
    #[param(pattern = r"^(Collections|Payouts)$")]
    transactional_type: String,
}

#[utoipa::path(
    get, path = "/api/v2/transactions/external/{externalId}", tag = "Kotani Pay", summary = "Get transaction status using externalId",
    description = "One of the partner's transactions by its own `externalId`, within `transactionalType` (Collections or Payouts).",
    params(("externalId" = String, Path), ExternalQuery),
    responses((status = 200, body = RampResult), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)),
    security(("bearer" = []))
)]
async fn status_by_external(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(external): Path<String>,
    ApiQuery(q): ApiQuery<ExternalQuery>,
) -> AppResult<Json<RampResult>> {
    let deposits = match q.transactional_type.as_str() {
        "Collections" => true,
        "Payouts" => false,
        _ => {
            return Err(AppError::field(
                "transactionalType",
                "Use Collections or Payouts.",
            ))
        }
    };
    let r = sqlx::query_as::<_, TxRow>(&format!(
        "SELECT {TX_COLUMNS} FROM ramp_transactions WHERE user_id = $1 AND external_id = $2
           AND (kind = 'deposit') = $3"
    ))
    .bind(&user.user_id)
    .bind(&external)
    .bind(deposits)
    .fetch_optional(&state.db)
    .await?
    .ok_or_else(|| AppError::not_found("A transaction with that externalId"))?;
    Ok(Json(RampResult {
        result: record_of(&r)?,
    }))
}

#[utoipa::path(
    post, path = "/api/v2/withdraw/mobile-money", tag = "Kotani Pay", summary = "Withdraw fiat through mobile money",
    description = "Sends money from the partner's wallet to an M-Pesa number (B2C). The amount is held at once; the payout settles on the simulated rails a moment later, and a failed payout puts it back.",
    request_body = MobileWithdrawRequest,
    responses(
        (status = 201, body = MobileWithdrawResponse),
        (status = 401, body = ErrorBody),
        (status = 404, description = "No partner credentials yet", body = ErrorBody),
        (status = 409, description = "Not enough in the wallet, or the externalId was used", body = ErrorBody),
    ),
    security(("bearer" = []))
)]
async fn withdraw_mobile(
    State(state): State<AppState>,
    user: CurrentUser,
    ApiJson(req): ApiJson<MobileWithdrawRequest>,
) -> AppResult<(StatusCode, Json<MobileWithdrawResponse>)> {
    let partner = partner_of(&state.db, &user.user_id).await?;
    let tx = NewTx {
        kind: Some(RampKind::MobileWithdrawal),
        amount: whole_amount(req.amount)?,
        phone_number: Some(
            phone_number(&req.phone_number, partner.country)
                .map_err(|m| AppError::field("phoneNumber", m))?,
        ),
        callback: callback(&req.callback)?,
        external_id: external_id(&req.external_id)?,
        ..Default::default()
    };
    let r = start(&state, &partner, tx).await?;
    Ok((
        StatusCode::CREATED,
        Json(MobileWithdrawResponse {
            id: r.id,
            request_id: r.request_id,
            phone_number: r.phone_number.unwrap_or_default(),
            message: "Withdrawal request accepted; the payout is on its way.".into(),
            amount: units_text(r.amount),
            external_id: r.external_id,
        }),
    ))
}

#[utoipa::path(
    post, path = "/api/v2/withdraw/bank", tag = "Kotani Pay", summary = "Withdraw fiat through the bank",
    description = "Sends money from the partner's wallet to a Kenyan bank account. `serviceProviderId` is the bank's code from the document's table (`GET /api/v2/reference` lists it).",
    request_body = BankWithdrawRequest,
    responses(
        (status = 201, body = BankWithdrawResponse),
        (status = 401, body = ErrorBody),
        (status = 404, description = "No partner credentials yet", body = ErrorBody),
        (status = 409, description = "Not enough in the wallet, or the externalId was used", body = ErrorBody),
    ),
    security(("bearer" = []))
)]
async fn withdraw_bank(
    State(state): State<AppState>,
    user: CurrentUser,
    ApiJson(req): ApiJson<BankWithdrawRequest>,
) -> AppResult<(StatusCode, Json<BankWithdrawResponse>)> {
    let partner = partner_of(&state.db, &user.user_id).await?;
    let code = req.service_provider_id.trim().to_string();
    if bank_name(&code).is_none() {
        return Err(AppError::field(
            "serviceProviderId",
            "Use a bank code from the supported banks, like 68 for Equity Bank Kenya.",
        ));
    }
    let name = kitty_api::validate::label(&req.account_name, 100)
        .map_err(|e| AppError::field("accountName", e.message("the name on the account", 100)))?;
    let tx = NewTx {
        kind: Some(RampKind::BankWithdrawal),
        amount: whole_amount(req.amount)?,
        service_provider_id: Some(code),
        account_number: Some(digits(
            "accountNumber",
            &req.account_number,
            5..=20,
            "account number",
        )?),
        account_name: Some(name),
        callback: callback(&req.callback)?,
        external_id: external_id(&req.external_id)?,
        ..Default::default()
    };
    let r = start(&state, &partner, tx).await?;
    Ok((
        StatusCode::CREATED,
        Json(BankWithdrawResponse {
            id: r.id,
            request_id: r.request_id,
            account_number: r.account_number.unwrap_or_default(),
            account_name: r.account_name.unwrap_or_default(),
            service_provider_id: r.service_provider_id.unwrap_or_default(),
            message: "Bank withdrawal accepted; the transfer is on its way.".into(),
            amount: units_text(r.amount),
            external_id: r.external_id,
        }),
    ))
}

#[derive(Debug, serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(rename_all = "camelCase")]
pub struct AllQuery {
    /// Collections, Payouts, or empty for both.
    #[param(pattern = r"^(Collections|Payouts)?$")]
    transaction_type: Option<String>,
    /// 1 to 100; default 20.
    #[param(pattern = r"^([1-9][0-9]?|100)?$")]
    limit: Option<String>,
    /// desc (newest first, the default) or asc.
    #[param(pattern = r"^(asc|desc)$")]
    order_by: Option<String>,
}

#[utoipa::path(
    get, path = "/api/v2/transactions", tag = "Kotani Pay", summary = "Get all transactions",
    description = "The partner's deposits and payouts. `transactionType` (Collections or Payouts), `limit` and `orderBy` (asc or desc) filter them; the answer repeats them beside the transactions.",
    params(AllQuery),
    responses((status = 200, body = RampTransactionList), (status = 401, body = ErrorBody), (status = 422, body = ErrorBody)),
    security(("bearer" = []))
)]
async fn all_transactions(
    State(state): State<AppState>,
    user: CurrentUser,
    ApiQuery(q): ApiQuery<AllQuery>,
) -> AppResult<Json<RampTransactionList>> {
    let kind_filter = match q.transaction_type.as_deref().unwrap_or("") {
        "" => None,
        "Collections" => Some(true),
        "Payouts" => Some(false),
        _ => {
            return Err(AppError::field(
                "transactionType",
                "Use Collections or Payouts, or leave it empty.",
            ))
        }
    };
    let limit = match q.limit.as_deref() {
        None | Some("") => 20,
        Some(l) => l
            .parse::<i64>()
            .ok()
            .filter(|n| (1..=100).contains(n))
            .ok_or_else(|| AppError::field("limit", "Ask for 1 to 100."))?,
    };
    let ascending = match q.order_by.as_deref().unwrap_or("desc") {
        "desc" => false,
        "asc" => true,
        _ => return Err(AppError::field("orderBy", "Use asc or desc.")),
    };
    let rows = sqlx::query_as::<_, TxRow>(&format!(
        "SELECT {TX_COLUMNS} FROM ramp_transactions WHERE user_id = $1
           AND ($2 IS NULL OR (kind = 'deposit') = $2)
         ORDER BY seq {} LIMIT $3",
        if ascending { "ASC" } else { "DESC" }
    ))
    .bind(&user.user_id)
    .bind(kind_filter)
    .bind(limit)
    .fetch_all(&state.db)
    .await?;
    Ok(Json(RampTransactionList {
        transaction_type: q.transaction_type.unwrap_or_default(),
        limit: limit.to_string(),
        order_by: if ascending { "asc" } else { "desc" }.into(),
        transactions: rows.iter().map(record_of).collect::<AppResult<_>>()?,
    }))
}

#[utoipa::path(
    post, path = "/api/v2/paybill", tag = "Kotani Pay", summary = "Transact using payBill",
    description = "Pays a business through its paybill number (Kenya only), from the partner's wallet. A fee that varies with the amount is added (the tariff is in `GET /api/v2/reference`).",
    request_body = PaybillRequest,
    responses(
        (status = 201, body = RampResult),
        (status = 401, body = ErrorBody),
        (status = 404, description = "No partner credentials yet", body = ErrorBody),
        (status = 409, description = "Not enough in the wallet (fee included)", body = ErrorBody),
        (status = 422, description = "Bad input, or a partner outside Kenya", body = ErrorBody),
    ),
    security(("bearer" = []))
)]
async fn paybill(
    State(state): State<AppState>,
    user: CurrentUser,
    ApiJson(req): ApiJson<PaybillRequest>,
) -> AppResult<(StatusCode, Json<RampResult>)> {
    let partner = kenyan(&state, &user).await?;
    let amount = amount_minor(&req.amount).map_err(|m| AppError::field("amount", m))?;
    let tx =
        NewTx {
            kind: Some(RampKind::Paybill),
            amount,
            fee: paybill_fee(amount).unwrap_or_default(),
            merchant_number: Some(digits(
                "merchantNumber",
                &req.merchant_number,
                5..=7,
                "paybill number",
            )?),
            account_number: Some(kitty_api::validate::label(&req.account_number, 20).map_err(
                |e| AppError::field("accountNumber", e.message("the account number", 20)),
            )?),
            callback: callback(&req.callback)?,
            ..Default::default()
        };
    let result = start(&state, &partner, tx).await?;
    Ok((StatusCode::CREATED, Json(RampResult { result })))
}

#[utoipa::path(
    post, path = "/api/v2/till", tag = "Kotani Pay", summary = "Pay using a tillNumber",
    description = "Pays a merchant through its till number (Kenya only), from the partner's wallet; free of charge. KiotaPay's till look-up finds it by its `requestId`.",
    request_body = TillRequest,
    responses(
        (status = 201, body = RampResult),
        (status = 401, body = ErrorBody),
        (status = 404, description = "No partner credentials yet", body = ErrorBody),
        (status = 409, description = "Not enough in the wallet", body = ErrorBody),
        (status = 422, description = "Bad input, or a partner outside Kenya", body = ErrorBody),
    ),
    security(("bearer" = []))
)]
async fn till(
    State(state): State<AppState>,
    user: CurrentUser,
    ApiJson(req): ApiJson<TillRequest>,
) -> AppResult<(StatusCode, Json<RampResult>)> {
    let partner = kenyan(&state, &user).await?;
    let tx = NewTx {
        kind: Some(RampKind::Till),
        amount: amount_minor(&req.amount).map_err(|m| AppError::field("amount", m))?,
        merchant_till: Some(digits(
            "merchantTill",
            &req.merchant_till,
            5..=7,
            "till number",
        )?),
        callback: callback(&req.callback)?,
        ..Default::default()
    };
    let result = start(&state, &partner, tx).await?;
    Ok((StatusCode::CREATED, Json(RampResult { result })))
}

/// Paybill and till exist in Kenya only, as the document says.
async fn kenyan(state: &AppState, user: &CurrentUser) -> AppResult<Partner> {
    let partner = partner_of(&state.db, &user.user_id).await?;
    if partner.country != kitty_api::ramp::Country::KEN {
        return Err(AppError::field(
            "countryCode",
            "Paybill and till payments are for partners in Kenya only.",
        ));
    }
    Ok(partner)
}

#[utoipa::path(
    get, path = "/api/v2/callbacks", tag = "Kotani Pay", summary = "List the partner's callback deliveries.",
    description = "Every POST the server made (or is still trying) to the partner's callback addresses, newest first, with its tries and the last answer.",
    responses((status = 200, body = DeliveryList), (status = 401, body = ErrorBody)),
    security(("bearer" = []))
)]
async fn callbacks(
    State(state): State<AppState>,
    user: CurrentUser,
) -> AppResult<Json<DeliveryList>> {
    Ok(Json(DeliveryList {
        deliveries: crate::deliveries::list(&state.db, &user.user_id, "transaction.").await?,
    }))
}

#[utoipa::path(
    post, path = "/api/v2/callbacks/{id}/resend", tag = "Kotani Pay", summary = "Send a callback delivery again.",
    description = "Queues the delivery for another try at once, with the same event id and payload.",
    params(("id" = String, Path)),
    responses((status = 200, body = kitty_api::ramp::Delivery), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)),
    security(("bearer" = []))
)]
async fn resend_callback(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
) -> AppResult<Json<kitty_api::ramp::Delivery>> {
    Ok(Json(
        crate::deliveries::resend(&state.db, &user.user_id, "transaction.", &id).await?,
    ))
}

/// The demo partner's ramp (`scripts/run`): credentials, a deposit approved on the simulated
/// handset and a till payment, made by the same steps as real ones. Seeding twice changes nothing.
pub async fn seed_demo(db: &crate::db::Db, user_id: &str, password: &str) -> AppResult<()> {
    let has: Option<(String,)> =
        sqlx::query_as("SELECT user_id FROM kotani_partners WHERE user_id = $1")
            .bind(user_id)
            .fetch_optional(db)
            .await?;
    if has.is_some() {
        return Ok(());
    }
    let hash = crate::accounts::hash_password(password.to_string()).await?;
    let mut w = crate::db::write(db).await?;
    super::partner::insert_partner(
        &mut w,
        user_id,
        DEMO_PARTNER_PHONE,
        kitty_api::ramp::Country::KEN,
        &hash,
    )
    .await?;
    w.commit().await?;
    let partner = partner_of(db, user_id).await?;
    let mut w = crate::db::write(db).await?;
    let deposit = insert(
        &mut w,
        &partner,
        NewTx {
            kind: Some(RampKind::Deposit),
            amount: 250_000,
            phone_number: Some(DEMO_HANDSET.into()),
            external_id: Some("demo-deposit-1".into()),
            ..Default::default()
        },
    )
    .await?;
    crate::mpesa::settle(&mut w, &deposit, 0).await?;
    insert(
        &mut w,
        &partner,
        NewTx {
            kind: Some(RampKind::Till),
            amount: 35_000,
            merchant_till: Some("522533".into()),
            ..Default::default()
        },
    )
    .await?;
    w.commit().await?;
    Ok(())
}

/// The demo partner's client-login phone number, and the simulated handset it deposits from.
pub const DEMO_PARTNER_PHONE: &str = "254712345678";
pub const DEMO_HANDSET: &str = "254722123456";
