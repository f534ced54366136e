//! The crypto and order pages' requests, without serde_json (as the checkout page): the browser
//! parses the JSON, and the fields are read off the resulting object with the checkout's readers.
//! Every request gives up after [`TIMEOUT`], so a stalled connection on mobile data turns into a
//! retry instead of a page that waits forever.

use crate::checkout::net::{field, int, string};
use gloo_net::http::{Request, RequestBuilder};
use kitty_api::binance::{Order, OrderStatus};
use kitty_api::crypto::{CryptoPayment, CryptoStatus, Network};
use leptos::prelude::set_timeout_with_handle;
use std::time::Duration;
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;

const TIMEOUT: Duration = Duration::from_secs(15);

/// Why a request came back empty-handed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Failure {
    /// 404: there is no such payment (not worth retrying).
    NotFound,
    /// No answer, a timeout, a server error or an unreadable answer: worth retrying.
    Offline,
    /// The server said no, in its own words (the sandbox's validation, say).
    Refused(String),
}

/// Sends `builder` (with `body` as JSON when given) and reads the answer's JSON.
async fn send(builder: RequestBuilder, body: Option<String>) -> Result<JsValue, Failure> {
    let controller = web_sys::AbortController::new().ok();
    let builder = builder.abort_signal(controller.as_ref().map(|c| c.signal()).as_ref());
    let request = match body {
        Some(json) => builder
            .header("content-type", "application/json")
            .body(json),
        None => builder.build(),
    }
    .map_err(|_| Failure::Offline)?;
    let timer = controller.and_then(|c| set_timeout_with_handle(move || c.abort(), TIMEOUT).ok());
    let result = read(request).await;
    if let Some(t) = timer {
        t.clear();
    }
    result
}

async fn read(request: Request) -> Result<JsValue, Failure> {
    let response = request.send().await.map_err(|_| Failure::Offline)?;
    let status = response.status();
    let raw: web_sys::Response = response.into();
    let json = match raw.json() {
        Ok(promise) => JsFuture::from(promise).await.ok(),
        Err(_) => None,
    };
    match (status, json) {
        (200..=299, Some(v)) => Ok(v),
        (404, _) => Err(Failure::NotFound),
        (400..=499, Some(v)) => Err(string(&v, "message")
            .filter(|m| !m.is_empty())
            .map_or(Failure::Offline, Failure::Refused)),
        _ => Err(Failure::Offline),
    }
}

fn opt_string(obj: &JsValue, name: &str) -> Option<String> {
    string(obj, name).filter(|s| !s.is_empty())
}

fn flag(obj: &JsValue, name: &str) -> bool {
    field(obj, name).as_bool().unwrap_or(false)
}

/// `GET /kpay/gateway/payments/{id}` (public).
pub async fn crypto_payment(id: String) -> Result<CryptoPayment, Failure> {
    let url = format!(
        "/kpay/gateway/payments/{}",
        js_sys::encode_uri_component(&id)
    );
    let v = send(Request::get(&url), None).await?;
    let read = || -> Option<CryptoPayment> {
        Some(CryptoPayment {
            id: string(&v, "id")?,
            order_id: string(&v, "order_id").unwrap_or_default(),
            currency: string(&v, "currency")?,
            status: CryptoStatus::parse(&string(&v, "status")?)?,
            requested_amount: string(&v, "requested_amount")?,
            received_amount: opt_string(&v, "received_amount"),
            confirmations: int(&v, "confirmations").unwrap_or(0),
            required_confirmations: int(&v, "required_confirmations").unwrap_or(0),
            tx_hash: opt_string(&v, "tx_hash"),
            paid_at: opt_string(&v, "paid_at"),
            symbol: string(&v, "symbol")?,
            network: Network::parse(&string(&v, "network")?)?,
            deposit_address: string(&v, "deposit_address")?,
            memo: opt_string(&v, "memo"),
            amount_usd: opt_string(&v, "amount_usd"),
            rate_usd: string(&v, "rate_usd").unwrap_or_default(),
            remaining_amount: opt_string(&v, "remaining_amount"),
            surplus_amount: opt_string(&v, "surplus_amount"),
            late_amount: opt_string(&v, "late_amount"),
            payment_uri: string(&v, "payment_uri").unwrap_or_default(),
            expires_at: string(&v, "expires_at").unwrap_or_default(),
            remaining_seconds: int(&v, "remaining_seconds").unwrap_or(0),
            created_at: string(&v, "created_at").unwrap_or_default(),
            shop_name: string(&v, "shop_name").unwrap_or_default(),
            callback_success: opt_string(&v, "callback_success"),
            callback_failed: opt_string(&v, "callback_failed"),
            // Not shown to the buyer: left unread to keep the page small.
            transfers: Vec::new(),
            sandbox: flag(&v, "sandbox"),
        })
    };
    read().ok_or(Failure::Offline)
}

/// `GET /kotani/api/v2/binance/checkout/{prepayId}` (public): `{"result": {…}}`.
pub async fn order(prepay_id: String) -> Result<Order, Failure> {
    let url = format!(
        "/kotani/api/v2/binance/checkout/{}",
        js_sys::encode_uri_component(&prepay_id)
    );
    let v = field(&send(Request::get(&url), None).await?, "result");
    let read = || -> Option<Order> {
        Some(Order {
            prepay_id: string(&v, "prepayId")?,
            status: OrderStatus::parse(&string(&v, "status")?)?,
            currency: string(&v, "currency")?,
            total_fee: int(&v, "totalFee")?,
            paid_amount: string(&v, "paidAmount").unwrap_or_default(),
            goods_name: string(&v, "goodsName").unwrap_or_default(),
            goods_detail: string(&v, "goodsDetail").unwrap_or_default(),
            checkout_url: string(&v, "checkoutUrl").unwrap_or_default(),
            qrcode_link: string(&v, "qrcodeLink").unwrap_or_default(),
            qr_content: string(&v, "qrContent").unwrap_or_default(),
            return_url: string(&v, "returnUrl").unwrap_or_default(),
            cancel_url: string(&v, "cancelUrl").unwrap_or_default(),
            expire_time: int(&v, "expireTime").unwrap_or(0),
            create_time: int(&v, "createTime").unwrap_or(0),
            transact_time: int(&v, "transactTime"),
            remaining_seconds: int(&v, "remainingSeconds").unwrap_or(0),
            sandbox: flag(&v, "sandbox"),
        })
    };
    read().ok_or(Failure::Offline)
}

/// `s` as a JSON string literal. The values sent are decimal strings and addresses the server
/// checks anyway; escaping keeps a stray quote or backslash from changing the document.
pub fn json_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if u32::from(c) < 0x20 => out.push_str(&format!("\\u{:04x}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The body of a sandbox chain transfer: the memo only when there is one.
pub fn transfer_body(currency: &str, to_address: &str, memo: Option<&str>, amount: &str) -> String {
    let memo = memo
        .map(|m| format!(r#","memo":{}"#, json_string(m)))
        .unwrap_or_default();
    format!(
        r#"{{"currency":{},"to_address":{}{memo},"amount":{}}}"#,
        json_string(currency),
        json_string(to_address),
        json_string(amount)
    )
}

/// Sandbox: a buyer's wallet sends `amount` to the payment's address; answers the transfer's
/// hash. It sits in the mempool until a block is mined.
pub async fn simulate_chain_transfer(body: String) -> Result<String, Failure> {
    let v = send(Request::post("/sandbox/chain/transfers"), Some(body)).await?;
    Ok(string(&v, "tx_hash").unwrap_or_default())
}

/// Sandbox: mines one block on `network`, confirming what waits in its mempool.
pub async fn mine_block(network: Network) -> Result<(), Failure> {
    let url = format!("/sandbox/chain/{}/mine", network.as_str());
    send(Request::post(&url), Some(r#"{"blocks":1}"#.into()))
        .await
        .map(drop)
}

/// Sandbox: the buyer pays `amount` (a decimal string, at most 2 decimals) of the order.
pub async fn simulate_order_payment(prepay_id: String, amount: String) -> Result<(), Failure> {
    let url = format!(
        "/sandbox/binance/orders/{}/pay",
        js_sys::encode_uri_component(&prepay_id)
    );
    let body = format!(r#"{{"amount":{}}}"#, json_string(&amount));
    send(Request::post(&url), Some(body)).await.map(drop)
}
