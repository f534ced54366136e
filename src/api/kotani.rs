//! Kotani Pay's fiat ramp (`/kotani/api/v2/*`): the partner's credentials and wallet, M-Pesa
//! deposits, payouts to phones, banks, paybills and tills, quotes and callback deliveries. Also
//! KiotaPay's till look-up, Binance Pay orders (`/kotani/api/v2/binance/orders*`) and, in
//! sandbox mode, the simulated M-Pesa handsets.

use super::{
    enc, get, post, send_json, ApiError, Method,
    Provider::{Kiota, Kotani, Sandbox},
};
use kitty_api::binance::{CreateOrderRequest, OrderList, OrderResult, PrepayIdRequest};
use kitty_api::ramp::{
    kiota::TillResponse, AcceptQuoteRequest, BankWithdrawRequest, BankWithdrawResponse,
    CashInQuoteRequest, CashOutQuoteRequest, Delivery, DeliveryList, DepositRequest, Handset,
    MobileWithdrawRequest, MobileWithdrawResponse, PartnerProfile, PaybillRequest, PromptAnswer,
    Quote, QuoteDepositRequest, QuoteDirection, RampReference, RampResult, RampTransactionList,
    SetPartnerRequest, TillRequest, Wallet,
};

// ---- Partner and wallet ----

pub async fn partner() -> Result<PartnerProfile, ApiError> {
    get(Kotani, "/api/v2/partner").await
}

pub async fn set_partner(req: &SetPartnerRequest) -> Result<PartnerProfile, ApiError> {
    send_json(Method::Put, Kotani, "/api/v2/partner", req).await
}

/// 404 until the partner has set credentials.
pub async fn wallet() -> Result<Wallet, ApiError> {
    get(Kotani, "/api/v2/wallet").await
}

/// The bank table and the paybill tariff.
pub async fn reference() -> Result<RampReference, ApiError> {
    get(Kotani, "/api/v2/reference").await
}

// ---- Deposits (Collections) ----

/// Starts an M-Pesa STK push; the transaction is pending until the phone answers.
pub async fn deposit(req: &DepositRequest) -> Result<RampResult, ApiError> {
    post(Kotani, "/api/v2/deposit/mobile-money", req).await
}

pub async fn deposit_with_quote(req: &QuoteDepositRequest) -> Result<RampResult, ApiError> {
    post(Kotani, "/api/v2/deposit/mobile-money/quote", req).await
}

// ---- Payouts ----

pub async fn withdraw_mobile(
    req: &MobileWithdrawRequest,
) -> Result<MobileWithdrawResponse, ApiError> {
    post(Kotani, "/api/v2/withdraw/mobile-money", req).await
}

pub async fn withdraw_bank(req: &BankWithdrawRequest) -> Result<BankWithdrawResponse, ApiError> {
    post(Kotani, "/api/v2/withdraw/bank", req).await
}

pub async fn paybill(req: &PaybillRequest) -> Result<RampResult, ApiError> {
    post(Kotani, "/api/v2/paybill", req).await
}

pub async fn till(req: &TillRequest) -> Result<RampResult, ApiError> {
    post(Kotani, "/api/v2/till", req).await
}

// ---- Transactions ----

/// The two families of the document: deposits are Collections, everything else Payouts.
pub const FAMILIES: [&str; 2] = ["Collections", "Payouts"];

pub async fn transaction(request_id: &str) -> Result<RampResult, ApiError> {
    get(Kotani, &format!("/api/v2/transactions/{}", enc(request_id))).await
}

/// A transaction by the partner's own reference; `family` is Collections or Payouts.
pub async fn transaction_by_external(
    external_id: &str,
    family: &str,
) -> Result<RampResult, ApiError> {
    get(
        Kotani,
        &format!(
            "/api/v2/transactions/external/{}?transactionalType={}",
            enc(external_id),
            enc(family)
        ),
    )
    .await
}

/// The list filter, as it appears in the app's URL and the API's query string alike.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TransactionQuery {
    /// Collections, Payouts, or empty for both.
    pub transaction_type: String,
    pub limit: u32,
    pub newest_first: bool,
}

impl Default for TransactionQuery {
    fn default() -> Self {
        Self {
            transaction_type: String::new(),
            limit: 20,
            newest_first: true,
        }
    }
}

impl TransactionQuery {
    pub fn order_by(&self) -> &'static str {
        if self.newest_first {
            "desc"
        } else {
            "asc"
        }
    }

    pub fn query(&self) -> String {
        format!(
            "transactionType={}&limit={}&orderBy={}",
            enc(&self.transaction_type),
            self.limit,
            self.order_by()
        )
    }
}

pub async fn transactions(q: &TransactionQuery) -> Result<RampTransactionList, ApiError> {
    get(Kotani, &format!("/api/v2/transactions?{}", q.query())).await
}

// ---- Quotes ----

pub async fn quote_in(req: &CashInQuoteRequest) -> Result<Quote, ApiError> {
    post(Kotani, "/api/v2/quotes/in", req).await
}

pub async fn quote_out(req: &CashOutQuoteRequest) -> Result<Quote, ApiError> {
    post(Kotani, "/api/v2/quotes/out", req).await
}

/// 409 when the quote was already accepted or has expired.
pub async fn accept_quote(direction: QuoteDirection, quote_id: &str) -> Result<Quote, ApiError> {
    let req = AcceptQuoteRequest {
        quote_id: quote_id.to_string(),
    };
    post(
        Kotani,
        &format!("/api/v2/quotes/{}/accept", direction.as_str()),
        &req,
    )
    .await
}

// ---- Callbacks ----

pub async fn callbacks() -> Result<DeliveryList, ApiError> {
    get(Kotani, "/api/v2/callbacks").await
}

pub async fn resend_callback(id: &str) -> Result<Delivery, ApiError> {
    post(
        Kotani,
        &format!("/api/v2/callbacks/{}/resend", enc(id)),
        &(),
    )
    .await
}

// ---- Binance orders ----

/// Creates an order; its `checkoutUrl` and QR code are what the buyer pays through.
pub async fn create_binance_order(req: &CreateOrderRequest) -> Result<OrderResult, ApiError> {
    post(Kotani, "/api/v2/binance/orders", req).await
}

/// Closes an order that is still waiting for payment.
pub async fn close_binance_order(prepay_id: &str) -> Result<OrderResult, ApiError> {
    let req = PrepayIdRequest {
        prepay_id: prepay_id.to_string(),
    };
    post(Kotani, "/api/v2/binance/orders/close", &req).await
}

pub async fn query_binance_order(prepay_id: &str) -> Result<OrderResult, ApiError> {
    let req = PrepayIdRequest {
        prepay_id: prepay_id.to_string(),
    };
    post(Kotani, "/api/v2/binance/orders/query", &req).await
}

/// The merchant's orders, newest first.
pub async fn binance_orders() -> Result<OrderList, ApiError> {
    get(Kotani, "/api/v2/binance/orders").await
}

// ---- KiotaPay ----

/// KiotaPay's single till transaction; 404 when there is none.
pub async fn kiota_till(company_id: &str, request_id: &str) -> Result<TillResponse, ApiError> {
    get(
        Kiota,
        &format!(
            "/api/sandbox/v1/till/single?companyId={}&requestId={}",
            enc(company_id),
            enc(request_id)
        ),
    )
    .await
}

// ---- Sandbox: simulated M-Pesa handsets ----

pub async fn handset(phone_number: &str) -> Result<Handset, ApiError> {
    get(Sandbox, &format!("/mpesa/handsets/{}", enc(phone_number))).await
}

/// Approves (with a PIN) or cancels an STK prompt on a simulated handset.
pub async fn answer_prompt(
    request_id: &str,
    answer: &PromptAnswer,
) -> Result<RampResult, ApiError> {
    post(
        Sandbox,
        &format!("/mpesa/prompts/{}", enc(request_id)),
        answer,
    )
    .await
}
