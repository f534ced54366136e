//! The checkout page's three requests, without serde_json: the browser parses the JSON and the
//! fields are read off the resulting object. This keeps a JSON parser out of the page's wasm,
//! which is what keeps the page under its size budget (see README, "Measured").

use crate::api::ApiError;
use kitty_api::merchant::{PaymentInfo, TransactionStatus};
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;

async fn fetch_json(request: gloo_net::http::Request) -> Result<JsValue, ApiError> {
    let response = request.send().await.map_err(|_| ApiError::Network)?;
    if !response.ok() {
        // Only "not found" changes what the buyer is told; anything else means "try again".
        return Err(match response.status() {
            404 => ApiError::NotFound(String::new()),
            s => ApiError::Server(format!("status {s}")),
        });
    }
    let raw: web_sys::Response = response.into();
    let promise = raw
        .json()
        .map_err(|_| ApiError::Unexpected("not JSON".into()))?;
    JsFuture::from(promise)
        .await
        .map_err(|_| ApiError::Unexpected("not JSON".into()))
}

pub(crate) fn field(obj: &JsValue, name: &str) -> JsValue {
    js_sys::Reflect::get(obj, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED)
}

pub(crate) fn string(obj: &JsValue, name: &str) -> Option<String> {
    field(obj, name).as_string()
}

pub(crate) fn int(obj: &JsValue, name: &str) -> Option<i64> {
    // JSON numbers arrive as f64; Rial amounts are far below 2^53, so this is exact.
    field(obj, name)
        .as_f64()
        .filter(|f| f.fract() == 0.0)
        .map(|f| f as i64)
}

fn status(obj: &JsValue) -> Option<TransactionStatus> {
    TransactionStatus::parse(&string(obj, "status")?)
}

pub const BASE: &str = "/kpay/transactions";

pub async fn payment_info(authority: &str) -> Result<PaymentInfo, ApiError> {
    let url = format!("{BASE}/payment/{}", js_sys::encode_uri_component(authority));
    let v = fetch_json(
        gloo_net::http::Request::get(&url)
            .build()
            .map_err(|_| ApiError::Network)?,
    )
    .await?;
    let read = || -> Option<PaymentInfo> {
        Some(PaymentInfo {
            authority: string(&v, "authority")?,
            amount: int(&v, "amount")?,
            final_amount: int(&v, "final_amount")?,
            status: status(&v)?,
            card_number: string(&v, "card_number")?,
            owner_name: string(&v, "owner_name")?,
            bank_name: string(&v, "bank_name")?,
            shop_name: string(&v, "shop_name")?,
            remaining_seconds: int(&v, "remaining_seconds")?,
            description: string(&v, "description"),
            callback_url: string(&v, "callback_url")?,
            sandbox: field(&v, "sandbox").as_bool().unwrap_or(false),
        })
    };
    read().ok_or_else(|| ApiError::Unexpected("unreadable payment".into()))
}

pub async fn check_status(authority: &str) -> Result<TransactionStatus, ApiError> {
    let url = format!("{BASE}/check/{}", js_sys::encode_uri_component(authority));
    let v = fetch_json(
        gloo_net::http::Request::get(&url)
            .build()
            .map_err(|_| ApiError::Network)?,
    )
    .await?;
    status(&v).ok_or_else(|| ApiError::Unexpected("unreadable status".into()))
}

/// Sandbox only: plays the bank's notification of the buyer's transfer. The page learns the
/// outcome from its next status check, like it would from a real bank.
pub async fn simulate_transfer(card_number: &str, amount: i64) -> Result<(), ApiError> {
    // Both values are digits only (validated by the server when the card was added).
    let body = format!(r#"{{"card_number":"{card_number}","amount":{amount}}}"#);
    let request = gloo_net::http::Request::post("/sandbox/card-transfers")
        .header("content-type", "application/json")
        .body(body)
        .map_err(|_| ApiError::Network)?;
    fetch_json(request).await.map(drop)
}
