//! KPAY: accounts and sessions (`/auth/*`), shops, cards, card-to-card transactions, and the
//! crypto gateway (`/gateway/*`: payments to a deposit address, balances, withdrawals and the
//! shop webhooks sent for them).

use super::{enc, get, post, ApiError, Provider::Kpay};
use kitty_api::crypto::{
    BalancesResponse, CreateCryptoPaymentRequest, CreatedCryptoPayment, CryptoPayment,
    CryptoPaymentList, CurrenciesResponse, WebhookSecret, Withdrawal, WithdrawalList,
    WithdrawalRequest,
};
use kitty_api::merchant::{
    AddCardRequest, ApiKey, Card, CardList, CreateShopRequest, CreateTransactionRequest,
    CreatedShop, CreatedTransaction, MerchantSummary, ShopList, Transaction, TransactionList,
    TransactionStatus,
};
use kitty_api::ramp::{Delivery, DeliveryList};

// ---- Merchant: shops, cards, transactions ----

pub async fn shops() -> Result<ShopList, ApiError> {
    get(Kpay, "/shops").await
}

pub async fn create_shop(req: &CreateShopRequest) -> Result<CreatedShop, ApiError> {
    post(Kpay, "/shops", req).await
}

pub async fn regenerate_key(shop_id: &str) -> Result<ApiKey, ApiError> {
    post(
        Kpay,
        &format!("/shops/{}/regenerate-key", enc(shop_id)),
        &(),
    )
    .await
}

/// A new Standard Webhooks signing secret for the shop; the old one stops signing at once.
pub async fn rotate_webhook_secret(shop_id: &str) -> Result<WebhookSecret, ApiError> {
    post(
        Kpay,
        &format!("/shops/{}/webhook-secret", enc(shop_id)),
        &(),
    )
    .await
}

pub async fn cards() -> Result<CardList, ApiError> {
    get(Kpay, "/cards").await
}

pub async fn add_card(req: &AddCardRequest) -> Result<Card, ApiError> {
    post(Kpay, "/cards", req).await
}

pub async fn deactivate_card(card_id: &str) -> Result<Card, ApiError> {
    post(Kpay, &format!("/cards/{}/deactivate", enc(card_id)), &()).await
}

pub async fn create_transaction(
    req: &CreateTransactionRequest,
) -> Result<CreatedTransaction, ApiError> {
    post(Kpay, "/transactions/create", req).await
}

/// The list filter, as it appears in the app's URL and the API's query string alike.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TransactionFilter {
    pub shop_id: Option<String>,
    pub status: Option<TransactionStatus>,
    pub page: i64,
}

impl TransactionFilter {
    pub fn query(&self) -> String {
        let mut parts = Vec::new();
        if let Some(s) = &self.shop_id {
            parts.push(format!("shop_id={}", enc(s)));
        }
        if let Some(s) = self.status {
            parts.push(format!("status={}", s.as_str()));
        }
        if self.page > 1 {
            parts.push(format!("page={}", self.page));
        }
        parts.join("&")
    }
}

pub async fn transactions(filter: &TransactionFilter) -> Result<TransactionList, ApiError> {
    get(
        Kpay,
        &format!("/transactions?per_page=20&{}", filter.query()),
    )
    .await
}

/// Where the browser downloads the CSV of the same filter (a plain link: GET with the cookie).
pub fn export_url(filter: &TransactionFilter) -> String {
    super::url(
        super::Provider::Kpay,
        &format!("/transactions/export.csv?{}", filter.query()),
    )
}

pub async fn transaction(id: &str) -> Result<Transaction, ApiError> {
    get(Kpay, &format!("/transactions/{}", enc(id))).await
}

pub async fn summary(tz_offset_minutes: i32) -> Result<MerchantSummary, ApiError> {
    get(
        Kpay,
        &format!("/merchant/summary?tz_offset={tz_offset_minutes}"),
    )
    .await
}

/// The QR code of a payment link (an SVG the server draws).
pub fn qr_url(authority: &str) -> String {
    super::url(
        super::Provider::Kpay,
        &format!("/transactions/payment/{}/qr.svg", enc(authority)),
    )
}

// ---- Crypto gateway ----

/// The currencies the gateway accepts, with each one's network and withdrawal fee.
pub async fn crypto_currencies() -> Result<CurrenciesResponse, ApiError> {
    get(Kpay, "/gateway/currencies").await
}

pub async fn create_crypto_payment(
    req: &CreateCryptoPaymentRequest,
) -> Result<CreatedCryptoPayment, ApiError> {
    post(Kpay, "/gateway/payments", req).await
}

/// The merchant's newest crypto payments.
pub async fn crypto_payments() -> Result<CryptoPaymentList, ApiError> {
    get(Kpay, "/gateway/payments").await
}

pub async fn crypto_payment(id: &str) -> Result<CryptoPayment, ApiError> {
    get(Kpay, &format!("/gateway/payments/{}", enc(id))).await
}

/// The QR code of a crypto payment's wallet link (an SVG the server draws).
pub fn crypto_qr_url(id: &str) -> String {
    super::url(
        super::Provider::Kpay,
        &format!("/gateway/payments/{}/qr.svg", enc(id)),
    )
}

pub async fn crypto_balances() -> Result<BalancesResponse, ApiError> {
    get(Kpay, "/gateway/balances").await
}

pub async fn create_withdrawal(req: &WithdrawalRequest) -> Result<Withdrawal, ApiError> {
    post(Kpay, "/gateway/withdrawals", req).await
}

pub async fn withdrawals() -> Result<WithdrawalList, ApiError> {
    get(Kpay, "/gateway/withdrawals").await
}

/// The shop webhooks sent for crypto payments.
pub async fn gateway_webhooks() -> Result<DeliveryList, ApiError> {
    get(Kpay, "/gateway/webhooks").await
}

pub async fn resend_gateway_webhook(id: &str) -> Result<Delivery, ApiError> {
    post(Kpay, &format!("/gateway/webhooks/{}/resend", enc(id)), &()).await
}
