//! Kitty helpers shared by the test files: users with bearer tokens, the sandbox rails.

use super::{expect, TestServer};
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

/// A user calling the API with a bearer token.
pub struct User {
    pub id: String,
    pub token: String,
    pub base: String,
    pub client: reqwest::Client,
}

impl User {
    pub async fn register(server: &TestServer, name: &str, mobile: &str) -> User {
        let client = reqwest::Client::new();
        let r = client
            .post(server.url("/kpay/auth/register"))
            .json(&json!({"name": name, "mobile": mobile, "email": format!("{mobile}@kitty.test"), "password": "secret1"}))
            .send()
            .await
            .unwrap();
        let token = expect(r, StatusCode::CREATED).await["access_token"]
            .as_str()
            .unwrap()
            .to_string();
        let me = client
            .get(server.url("/kpay/auth/me"))
            .bearer_auth(&token)
            .send()
            .await
            .unwrap();
        let id = expect(me, StatusCode::OK).await["id"]
            .as_str()
            .unwrap()
            .to_string();
        User {
            id,
            token,
            base: server.base.clone(),
            client,
        }
    }

    pub async fn call(&self, method: Method, path: &str, body: Option<Value>) -> reqwest::Response {
        let mut req = self
            .client
            .request(method, format!("{}/ktti/api/v3{path}", self.base))
            .bearer_auth(&self.token);
        if let Some(b) = body {
            req = req.json(&b);
        }
        req.send().await.unwrap()
    }

    pub async fn ok(&self, method: Method, path: &str, body: Option<Value>) -> Value {
        let m = method.clone();
        let r = self.call(method, path, body).await;
        let status = r.status();
        assert!(
            status.is_success(),
            "{m} {path}: {status} {}",
            r.text().await.unwrap()
        );
        let text = r.text().await.unwrap();
        if text.is_empty() {
            Value::Null
        } else {
            serde_json::from_str(&text).unwrap()
        }
    }

    pub async fn status(
        &self,
        method: Method,
        path: &str,
        body: Option<Value>,
    ) -> (StatusCode, Value) {
        let r = self.call(method, path, body).await;
        let s = r.status();
        let text = r.text().await.unwrap();
        (s, serde_json::from_str(&text).unwrap_or(Value::Null))
    }
}

pub async fn sandbox(server: &TestServer, path: &str, body: Value) -> (StatusCode, Value) {
    let r = reqwest::Client::new()
        .post(server.url(path))
        .json(&body)
        .send()
        .await
        .unwrap();
    let s = r.status();
    (s, r.json().await.unwrap_or(Value::Null))
}

pub async fn deposit(server: &TestServer, kitty: &Value, amount: i64, sender: &str) -> Value {
    let (s, v) = sandbox(server, "/sandbox/kitty-deposits", json!({"account_number": kitty["account"]["account_number"], "amount": amount, "sender_name": sender})).await;
    assert_eq!(s, StatusCode::OK, "{v}");
    v
}

pub async fn spend(
    server: &TestServer,
    kitty: &Value,
    amount: i64,
    refund: bool,
) -> (StatusCode, Value) {
    sandbox(server, "/sandbox/card-spends", json!({"card_id": kitty["card"]["id"], "merchant_name": "Sunset Grill", "amount": amount, "refund": refund})).await
}

/// A kitty made by `a`, joined by `b` with the referral code.
pub async fn shared_kitty(server: &TestServer) -> (User, User, Value) {
    let a = User::register(server, "Ava Admin", "09125550001").await;
    let b = User::register(server, "Ben Member", "09125550002").await;
    let kitty = a
        .ok(
            Method::POST,
            "/ktties",
            Some(json!({"name": "Weekend in Kish", "goal_amount": 100000})),
        )
        .await;
    b.ok(
        Method::POST,
        "/ktties/join",
        Some(json!({"referral_code": kitty["referral_code"]})),
    )
    .await;
    (a, b, kitty)
}

pub fn path(kitty: &Value, rest: &str) -> String {
    format!("/ktties/{}{rest}", kitty["id"].as_str().unwrap())
}

pub fn assert_balances_add_up(totals: &Value) {
    let sum: i64 = totals["members"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["balance"].as_i64().unwrap())
        .sum();
    assert_eq!(
        sum + totals["unassigned"].as_i64().unwrap(),
        totals["available_balance"].as_i64().unwrap(),
        "{totals}"
    );
}
