//! Kotani Pay's fiat ramp (`/kotani/api/v2/*`): the partner's credentials and wallet, M-Pesa
//! deposits, payouts to phones, banks, paybills and tills, quotes and callback deliveries. Also
//! KiotaPay's till look-up, Binance Pay orders (`/kotani/api/v2/binance/orders*`) and, in
//! sandbox mode, the simulated M-Pesa handsets. And the custodial side: users the partner
//! creates by phone number, their stablecoin wallets on five chains, cash-outs to M-Pesa through
//! the escrow, cUSD bought from the wallet, and UBI.

use super::{
    enc, get, post, send_json, ApiError, Method,
    Provider::{Kiota, Kotani, Sandbox},
};
use kitty_api::binance::{CreateOrderRequest, OrderList, OrderResult, PrepayIdRequest};
use kitty_api::crypto::{ChainTransfer, ChainTransferRequest, DecimalText, Network};
use kitty_api::fiatconnect::{
    Credentials, CredentialsRequest, FiatAccount, ServerClock, SiweLoginRequest, SiweSession,
};
use kitty_api::onchain::{
    AllUsers, BalanceRequest, BalanceResponse, BuyCusdRequest, BuyCusdResponse, CashoutDetails,
    CashoutRequest, CashoutResponse, ChainMovement, CreatedUser, EscrowRates, EscrowSendRequest,
    PhoneRequest, SendCusdRequest, SendCusdResponse, TronCashinRequest, TronCashinResponse,
    UbiCheckResponse, UbiClaimResponse, UbiRequest, UbiSetResponse, UpdateUserRequest,
    UpdateUserResponse, UserVerification,
};
use kitty_api::ramp::{
    kiota::TillResponse, AcceptQuoteRequest, BankWithdrawRequest, BankWithdrawResponse,
    CashInQuoteRequest, CashOutQuoteRequest, Country, Delivery, DeliveryList, DepositRequest,
    Handset, MobileWithdrawRequest, MobileWithdrawResponse, PartnerProfile, PaybillRequest,
    PromptAnswer, Quote, QuoteDepositRequest, QuoteDirection, RampReference, RampResult,
    RampTransactionList, SetPartnerRequest, TillRequest, Wallet,
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

// ---- Fiat Connect ----

/// New Fiat Connect credentials for the partner (replacing any): the API key and the webhook's
/// signing secret, shown this once.
pub async fn fiatconnect_credentials(webhook: &str) -> Result<Credentials, ApiError> {
    let req = CredentialsRequest {
        webhook: webhook.to_string(),
    };
    post(Kotani, "/api/v2/fiatconnect/credentials", &req).await
}

pub async fn fiatconnect_webhooks() -> Result<DeliveryList, ApiError> {
    get(Kotani, "/api/v2/fiatconnect/webhooks").await
}

pub async fn resend_fiatconnect_webhook(id: &str) -> Result<Delivery, ApiError> {
    post(
        Kotani,
        &format!("/api/v2/fiatconnect/webhooks/{}/resend", enc(id)),
        &(),
    )
    .await
}

/// The server's clock, which a sign-in message's times follow.
pub async fn fiatconnect_clock() -> Result<ServerClock, ApiError> {
    get(Kotani, "/fiatconnect/clock").await
}

/// A refused Fiat Connect sign-in: the specification's error name (`NonceInUse`, …) and the
/// server's sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    pub status: u16,
    pub error: String,
    pub message: String,
}

/// Signs a wallet in with a signed SIWE message; the session is a cookie for
/// `/kotani/fiatconnect`.
pub async fn fiatconnect_login(req: &SiweLoginRequest) -> Result<SiweSession, Refusal> {
    let call = super::Call::json(Method::Post, Kotani, "/fiatconnect/auth/login", req)
        .map_err(refusal_of)?;
    let response = call.send().await.map_err(refusal_of)?;
    if response.ok() {
        return response
            .json()
            .await
            .map_err(|e| refusal_of(ApiError::Unexpected(e.to_string())));
    }
    let status = response.status();
    let body = response.json::<kitty_api::ErrorBody>().await.ok();
    Err(match body {
        Some(b) => Refusal {
            status,
            error: b.error,
            message: b.message,
        },
        None => refusal_of(ApiError::from_status(status, None, None)),
    })
}

fn refusal_of(e: ApiError) -> Refusal {
    Refusal {
        status: 0,
        error: String::new(),
        message: e.to_string(),
    }
}

/// The signed-in wallet's fiat accounts, by type (its session cookie goes along).
pub async fn fiatconnect_accounts(
) -> Result<std::collections::BTreeMap<String, Vec<FiatAccount>>, ApiError> {
    get(Kotani, "/fiatconnect/accounts").await
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

// ---- Custodial users: KYC, on-chain wallets, cash-outs, purchases and UBI ----

/// Creates a user for a phone number, with an address on every ramp chain; 409 when the number
/// already has one.
pub async fn create_user(phone_number: &str) -> Result<CreatedUser, ApiError> {
    let req = PhoneRequest {
        phone_number: phone_number.to_string(),
    };
    post(Kotani, "/api/v2/kyc/users", &req).await
}

/// The partner's own users, newest first.
pub async fn my_users() -> Result<AllUsers, ApiError> {
    get(Kotani, "/api/v2/kyc/users/mine").await
}

/// `verified` once the user's details are on file, `unverified` until then.
pub async fn verify_user(phone_number: &str) -> Result<UserVerification, ApiError> {
    let req = PhoneRequest {
        phone_number: phone_number.to_string(),
    };
    post(Kotani, "/api/v2/kyc/users/verify", &req).await
}

pub async fn update_user(req: &UpdateUserRequest) -> Result<UpdateUserResponse, ApiError> {
    send_json(Method::Put, Kotani, "/api/v2/kyc/users", req).await
}

/// The user's stablecoin balance on `chain` (confirmed, and arriving).
pub async fn chain_balance(
    phone_number: &str,
    chain: Network,
) -> Result<BalanceResponse, ApiError> {
    let req = BalanceRequest {
        phone_number: phone_number.to_string(),
        chain: chain.as_str().to_string(),
    };
    post(Kotani, "/api/v2/onchain/balance", &req).await
}

/// The escrow addresses and what each stablecoin pays in each fiat currency.
pub async fn escrow_rates() -> Result<EscrowRates, ApiError> {
    get(Kotani, "/api/v2/onchain/escrow-rates").await
}

/// An SVG QR code of the user's address on `chain`, for an `<img src>`.
pub fn user_address_qr_url(user_id: &str, chain: Network) -> String {
    super::url(
        Kotani,
        &format!(
            "/api/v2/kyc/users/{}/addresses/{}/qr.svg",
            enc(user_id),
            chain.as_str()
        ),
    )
}

/// "Send to the escrow": the user's custodial wallet sends `amount` (a decimal string) of the
/// chain's stablecoin to the escrow. Its tx hash is what a cash-out pays against.
pub async fn send_to_escrow(
    phone_number: &str,
    chain: Network,
    amount: &str,
) -> Result<ChainMovement, ApiError> {
    let req = EscrowSendRequest {
        phone_number: phone_number.to_string(),
        chain: chain.as_str().to_string(),
        amount: amount.to_string(),
    };
    post(Kotani, "/api/v2/onchain/escrow", &req).await
}

/// The chains whose stablecoins cash out to M-Pesa.
pub const CASHOUT_CHAINS: [Network; 3] = [Network::Celo, Network::Tron, Network::Stellar];

/// Pays out to `phone_number` by M-Pesa what the escrow transfer `tx_hash` brought, by the
/// chain's own endpoint: Celo cUSD, USDT on TRON or Stellar USDC. The payout is a ramp
/// transaction: follow its `request_id`.
pub async fn cash_out(
    chain: Network,
    country: Country,
    phone_number: &str,
    tx_hash: &str,
) -> Result<CashoutDetails, ApiError> {
    let req = CashoutRequest {
        phone_number: phone_number.to_string(),
        tx_hash: tx_hash.to_string(),
        callback: None,
        name: None,
        email: None,
        description: None,
    };
    let country = match country {
        Country::KEN => "KE",
        Country::GH => "GH",
    };
    match chain {
        Network::Celo => {
            let req = SendCusdRequest {
                phone_number: req.phone_number,
                txhash: req.tx_hash,
            };
            let r: SendCusdResponse = post(Kotani, "/api/v2/celo/mpesa", &req).await?;
            Ok(r.cusd_details)
        }
        Network::Tron | Network::Stellar => {
            let path = format!("/api/v2/{}/cashout/{country}", chain.as_str());
            let r: CashoutResponse = post(Kotani, &path, &req).await?;
            Ok(r.details)
        }
        other => Err(ApiError::Unexpected(format!(
            "{} stablecoins do not cash out to M-Pesa.",
            other.label()
        ))),
    }
}

/// Buys cUSD for the user, paid from the partner's fiat wallet.
pub async fn buy_cusd(req: &BuyCusdRequest) -> Result<BuyCusdResponse, ApiError> {
    post(Kotani, "/api/v2/celo/buy", req).await
}

/// An STK push for `amount` KES; once the phone approves, USDT goes to the user's TRON address.
pub async fn tron_cashin(req: &TronCashinRequest) -> Result<TronCashinResponse, ApiError> {
    post(Kotani, "/api/v2/tron/cashin/KE", req).await
}

/// Adds the person to the programme's beneficiaries.
pub async fn ubi_add(req: &UbiRequest) -> Result<UbiSetResponse, ApiError> {
    post(Kotani, "/api/v2/ubi/beneficiaries", req).await
}

/// Whether the person is a beneficiary, and where they stand with this disbursement.
pub async fn ubi_check(req: &UbiRequest) -> Result<UbiCheckResponse, ApiError> {
    post(Kotani, "/api/v2/ubi/check", req).await
}

/// Claims this disbursement: 409 once claimed, 403 or 422 for someone who is not a beneficiary.
pub async fn ubi_claim(req: &UbiRequest) -> Result<UbiClaimResponse, ApiError> {
    post(Kotani, "/api/v2/ubi/claim", req).await
}

/// Sandbox: test coins for `to_address`, sent on the sandbox chain; they arrive with its next
/// block. `currency` is the asset's code (`cusd`, `usdt_trc20`, …).
pub async fn receive_test_coins(
    currency: &str,
    to_address: &str,
    amount: &str,
) -> Result<ChainTransfer, ApiError> {
    let req = ChainTransferRequest {
        currency: currency.to_string(),
        to_address: to_address.to_string(),
        memo: None,
        amount: DecimalText(amount.to_string()),
    };
    post(Sandbox, "/chain/transfers", &req).await
}
