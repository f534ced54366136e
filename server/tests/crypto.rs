//! KPAY's crypto gateway and Kotani's Binance orders over HTTP: bad input, the sandbox chain's
//! transfers and blocks, underpaid / overpaid / late payments, balances, withdrawals (with a
//! 50-way race), another merchant's data, and Standard Webhooks verified with the
//! `standardwebhooks` library.
//!
//! The clock of this test process is moved by at most a couple of minutes here (payments use
//! long expiries); the hour-long move lives in `tests/clock.rs`.

mod common;

use common::{expect, merchant, Merchant, TestServer};
use kitty_api::crypto::Network;
use reqwest::StatusCode;
use serde_json::{json, Value};
use std::time::Duration;

async fn sandbox(server: &TestServer, path: &str, body: Value) -> Value {
    let r = server.browser().post(path, body).await;
    let status = r.status();
    let v = expect(r, status).await;
    assert!(status.is_success(), "{path}: {status} {v}");
    v
}

async fn pay(server: &TestServer, p: &Value, amount: &str) -> String {
    let mut body =
        json!({"currency": p["currency"], "to_address": p["deposit_address"], "amount": amount});
    if !p["memo"].is_null() {
        body["memo"] = p["memo"].clone();
    }
    sandbox(server, "/sandbox/chain/transfers", body).await["tx_hash"]
        .as_str()
        .unwrap()
        .to_string()
}

async fn mine(server: &TestServer, network: &str, blocks: i64) {
    sandbox(
        server,
        &format!("/sandbox/chain/{network}/mine"),
        json!({ "blocks": blocks }),
    )
    .await;
}

async fn status(server: &TestServer, id: &str) -> Value {
    expect(
        server
            .browser()
            .get(&format!("/kpay/gateway/payments/{id}"))
            .await,
        StatusCode::OK,
    )
    .await
}

async fn create(m: &Merchant, body: Value) -> Value {
    expect(
        m.post("/kpay/gateway/payments", body).await,
        StatusCode::CREATED,
    )
    .await
}

async fn balance(m: &Merchant, currency: &str) -> Value {
    let all = expect(m.get("/kpay/gateway/balances").await, StatusCode::OK).await;
    all["balances"]
        .as_array()
        .unwrap()
        .iter()
        .find(|b| b["currency"] == currency)
        .unwrap()
        .clone()
}

fn fields(v: &Value) -> Vec<String> {
    v["fields"]
        .as_object()
        .map(|f| f.keys().cloned().collect())
        .unwrap_or_default()
}

#[tokio::test]
async fn currencies_and_bad_payment_requests() {
    let server = TestServer::start().await;
    let list = expect(
        server.browser().get("/kpay/gateway/currencies").await,
        StatusCode::OK,
    )
    .await;
    let codes: Vec<&str> = list["currencies"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["code"].as_str().unwrap())
        .collect();
    assert_eq!(codes, ["btc", "eth", "usdt_trc20", "usdt_erc20", "xrp"]);
    assert_eq!(list["currencies"][0]["decimals"], 8);
    assert_eq!(list["currencies"][4]["needs_memo"], true);

    let m = merchant(&server, "09121110001").await;
    let ok = json!({"order_id": "A-1", "currency": "btc", "amount_usd": "25.00", "expires_minutes": 1440});
    let cases: Vec<(Value, &str)> = vec![
        (json!({"currency": "doge"}), "currency"),
        (json!({"amount_crypto": "0.1"}), "amount_crypto"),
        (json!({"amount_usd": null}), "amount_usd"),
        (json!({"amount_usd": "-5"}), "amount_usd"),
        (json!({"amount_usd": "0"}), "amount_usd"),
        (json!({"amount_usd": "1.005"}), "amount_usd"),
        (
            json!({"amount_usd": null, "amount_crypto": "0.000000001"}),
            "amount_crypto",
        ),
        (
            json!({"callback_success": "javascript:alert(1)"}),
            "callback_success",
        ),
        (json!({"webhook_url": "ftp://x.example"}), "webhook_url"),
        (json!({"expires_minutes": 0}), "expires_minutes"),
        (json!({"order_id": ""}), "order_id"),
    ];
    for (patch, field) in cases {
        let mut body = ok.clone();
        for (k, v) in patch.as_object().unwrap() {
            if v.is_null() {
                body.as_object_mut().unwrap().remove(k);
            } else {
                body[k] = v.clone();
            }
        }
        let r = m.post("/kpay/gateway/payments", body.clone()).await;
        let v = expect(r, StatusCode::UNPROCESSABLE_ENTITY).await;
        assert!(fields(&v).contains(&field.to_string()), "{body}: {v}");
    }

    // A USD amount converts at the locked rate, rounded up to the currency's decimals, and the
    // address is real for its network.
    for (currency, network) in [
        ("btc", Network::Bitcoin),
        ("eth", Network::Ethereum),
        ("usdt_trc20", Network::Tron),
        ("usdt_erc20", Network::Ethereum),
        ("xrp", Network::Ripple),
    ] {
        let p = create(
            &m,
            json!({"order_id": format!("conv-{currency}"), "currency": currency, "amount_usd": 25, "expires_minutes": 1440}),
        )
        .await;
        assert_eq!(p["status"], "created");
        let address = p["deposit_address"].as_str().unwrap();
        assert_eq!(network.check_address(address), Ok(()), "{address}");
        assert_eq!(p["memo"].is_null(), !network.needs_memo());
        assert!(p["payment_url"]
            .as_str()
            .unwrap()
            .ends_with(&format!("/pay/crypto/{}", p["id"].as_str().unwrap())));
        let s = status(&server, p["id"].as_str().unwrap()).await;
        assert_eq!(s["amount_usd"], "25.00");
        assert!(s["payment_uri"].as_str().unwrap().contains(address));
    }
    let btc = status(
        &server,
        create(
            &m,
            json!({"order_id": "A-2", "currency": "btc", "amount_usd": "25.00"}),
        )
        .await["id"]
            .as_str()
            .unwrap(),
    )
    .await;
    // 25 / 97,000 = 0.000257731958…, rounded up to 8 decimals.
    assert_eq!(btc["requested_amount"], "0.00025774");
    assert_eq!(btc["rate_usd"], "97000");

    // The order reference is unique per merchant, not across merchants.
    let again = m
        .post(
            "/kpay/gateway/payments",
            json!({"order_id": "A-2", "currency": "eth", "amount_crypto": "1"}),
        )
        .await;
    assert_eq!(
        fields(&expect(again, StatusCode::CONFLICT).await),
        ["order_id"]
    );
    let other = merchant(&server, "09121110002").await;
    create(
        &other,
        json!({"order_id": "A-2", "currency": "eth", "amount_crypto": "1"}),
    )
    .await;
    // Not signed in: 401.
    let anon = server
        .browser()
        .post(
            "/kpay/gateway/payments",
            json!({"order_id": "x", "currency": "btc", "amount_usd": 1}),
        )
        .await;
    assert_eq!(anon.status(), StatusCode::UNAUTHORIZED);
    // The shop's API key works like the merchant's session, for its shop.
    let by_key = reqwest::Client::new()
        .post(server.url("/kpay/gateway/payments"))
        .header("x-api-key", &m.api_key)
        .json(&json!({"order_id": "K-1", "currency": "xrp", "amount_crypto": 10}))
        .send()
        .await
        .unwrap();
    expect(by_key, StatusCode::CREATED).await;
}

#[tokio::test]
async fn underpaid_overpaid_and_repeated_notifications() {
    let server = TestServer::start().await;
    let m = merchant(&server, "09121110003").await;
    let p = create(
        &m,
        json!({"order_id": "B-1", "currency": "btc", "amount_crypto": "0.001", "expires_minutes": 1440}),
    )
    .await;
    let id = p["id"].as_str().unwrap();

    let first = pay(&server, &p, "0.0004").await;
    let s = status(&server, id).await;
    assert_eq!(s["status"], "pending");
    assert_eq!(s["received_amount"], "0.00040000");
    assert_eq!(s["remaining_amount"], "0.00060000");
    assert_eq!(s["confirmations"], 0);
    assert!(s["payment_uri"]
        .as_str()
        .unwrap()
        .ends_with("amount=0.0006"));

    // The sandbox announces the same transfer three more times: it counts once.
    for _ in 0..3 {
        sandbox(
            &server,
            &format!("/sandbox/chain/transfers/{first}/notify"),
            json!({}),
        )
        .await;
    }
    assert_eq!(status(&server, id).await["received_amount"], "0.00040000");

    // The second transfer brings more than what was left: confirming, with a surplus.
    pay(&server, &p, "0.0007").await;
    let s = status(&server, id).await;
    assert_eq!(s["status"], "confirming");
    assert_eq!(s["received_amount"], "0.00110000");
    assert_eq!(s["surplus_amount"], "0.00010000");
    assert!(s["remaining_amount"].is_null());
    assert_eq!(s["transfers"].as_array().unwrap().len(), 2);
    assert_eq!(balance(&m, "btc").await["pending_balance"], "0.00110000");

    mine(&server, "bitcoin", 1).await;
    let s = status(&server, id).await;
    assert_eq!(s["status"], "confirming");
    assert_eq!(s["confirmations"], 1);
    mine(&server, "bitcoin", 1).await;
    let s = status(&server, id).await;
    assert_eq!(s["status"], "completed");
    assert_eq!(s["confirmations"], 2);
    assert!(s["paid_at"].is_string());
    assert!(s["tx_hash"].is_string());

    let b = balance(&m, "btc").await;
    assert_eq!(b["available_balance"], "0.00110000");
    assert_eq!(b["total_received"], "0.00110000");
    assert_eq!(b["pending_balance"], "0.00000000");

    // A transfer in another token to the same address does not count toward the payment.
    sandbox(
        &server,
        "/sandbox/chain/transfers",
        json!({"currency": "btc", "to_address": "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4", "amount": "1"}),
    )
    .await;
    assert_eq!(balance(&m, "btc").await["available_balance"], "0.00110000");

    // The merchant's list has it; another merchant's has not, and cannot withdraw it.
    let list = expect(m.get("/kpay/gateway/payments").await, StatusCode::OK).await;
    assert_eq!(list["payments"][0]["id"], id);
    let other = merchant(&server, "09121110004").await;
    let theirs = expect(other.get("/kpay/gateway/payments").await, StatusCode::OK).await;
    assert!(theirs["payments"].as_array().unwrap().is_empty());
    let steal = other
        .post(
            "/kpay/gateway/withdrawals",
            json!({"currency": "btc", "amount": "0.0005", "destination_address": "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4"}),
        )
        .await;
    assert_eq!(
        fields(&expect(steal, StatusCode::UNPROCESSABLE_ENTITY).await),
        ["amount"]
    );
}

#[tokio::test]
async fn a_payment_expires_and_a_late_transfer_is_recorded() {
    let server = TestServer::start().await;
    let m = merchant(&server, "09121110005").await;
    let part = create(
        &m,
        json!({"order_id": "L-1", "currency": "usdt_trc20", "amount_crypto": "50", "expires_minutes": 1}),
    )
    .await;
    let none = create(
        &m,
        json!({"order_id": "L-2", "currency": "usdt_trc20", "amount_crypto": "50", "expires_minutes": 1}),
    )
    .await;
    pay(&server, &part, "20").await;
    // The clock moves past the minute; the job runner expires both without anyone reading.
    sandbox(&server, "/sandbox/clock", json!({"advance_seconds": 61})).await;
    let mut waited = 0;
    loop {
        let a = status(&server, part["id"].as_str().unwrap()).await;
        let b = status(&server, none["id"].as_str().unwrap()).await;
        if a["status"] == "failed" && b["status"] == "expired" {
            break;
        }
        waited += 1;
        assert!(waited < 50, "not expired: {a} {b}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    // Paid after the expiry: recorded as late, not lost, and not toward the payment.
    pay(&server, &none, "50").await;
    let s = status(&server, none["id"].as_str().unwrap()).await;
    assert_eq!(s["status"], "expired");
    assert_eq!(s["late_amount"], "50.000000");
    assert_eq!(s["transfers"][0]["late"], true);
    mine(&server, "tron", 10).await;
    let b = balance(&m, "usdt_trc20").await;
    assert_eq!(b["available_balance"], "70.000000");
}

#[tokio::test]
async fn withdrawals_check_addresses_and_never_overdraw() {
    let server = TestServer::start().await;
    let m = merchant(&server, "09121110006").await;
    let p = create(
        &m,
        json!({"order_id": "W-1", "currency": "usdt_trc20", "amount_crypto": "100", "expires_minutes": 1440}),
    )
    .await;
    pay(&server, &p, "100").await;
    mine(&server, "tron", 10).await;
    assert_eq!(
        status(&server, p["id"].as_str().unwrap()).await["status"],
        "completed"
    );
    let dest = Network::Tron.encode_address(&[9; 32]);

    let bad: Vec<(Value, &str)> = vec![
        (
            json!({"currency": "usdt_trc20", "amount": "5", "destination_address": "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6u"}),
            "destination_address",
        ),
        (
            json!({"currency": "usdt_trc20", "amount": "5", "destination_address": "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"}),
            "destination_address",
        ),
        (
            json!({"currency": "usdt_trc20", "amount": "0.5", "destination_address": dest}),
            "amount",
        ),
        (
            json!({"currency": "usdt_trc20", "amount": "5.1234567", "destination_address": dest}),
            "amount",
        ),
        (
            json!({"currency": "usdt_trc20", "amount": "101", "destination_address": dest}),
            "amount",
        ),
        (
            json!({"currency": "xrp", "amount": "5", "destination_address": "rHb9CJAWyB4rj91VRWn96DkukG4bwdtyTh"}),
            "memo",
        ),
        (
            json!({"currency": "nope", "amount": "5", "destination_address": dest}),
            "currency",
        ),
    ];
    for (body, field) in bad {
        let v = expect(
            m.post("/kpay/gateway/withdrawals", body.clone()).await,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
        assert!(fields(&v).contains(&field.to_string()), "{body}: {v}");
    }

    // 50 withdrawals of 7 at once against 100: exactly 14 fit, and the balance never goes
    // below zero.
    let tasks: Vec<_> = (0..50)
        .map(|_| {
            let client = m.b.client.clone();
            let url = server.url("/kpay/gateway/withdrawals");
            let csrf = m.csrf.clone();
            let dest = dest.clone();
            tokio::spawn(async move {
                client
                    .post(url)
                    .header("x-csrf-token", csrf)
                    .json(&json!({"currency": "usdt_trc20", "amount": "7", "destination_address": dest}))
                    .send()
                    .await
                    .unwrap()
                    .status()
            })
        })
        .collect();
    let mut accepted = 0;
    for t in tasks {
        let s = t.await.unwrap();
        assert!(
            s == StatusCode::CREATED || s == StatusCode::UNPROCESSABLE_ENTITY,
            "{s}"
        );
        accepted += usize::from(s == StatusCode::CREATED);
    }
    assert_eq!(accepted, 14);
    let b = balance(&m, "usdt_trc20").await;
    assert_eq!(b["available_balance"], "2.000000");
    assert_eq!(b["total_withdrawn"], "98.000000");

    let list = expect(m.get("/kpay/gateway/withdrawals").await, StatusCode::OK).await;
    let first = &list["withdrawals"][0];
    assert_eq!(first["fee"], "1.000000");
    assert_eq!(first["net_amount"], "6.000000");
    assert_eq!(first["status"], "pending");
    mine(&server, "tron", 10).await;
    let list = expect(m.get("/kpay/gateway/withdrawals").await, StatusCode::OK).await;
    assert!(list["withdrawals"]
        .as_array()
        .unwrap()
        .iter()
        .all(|w| w["status"] == "completed" && w["confirmations"].as_i64().unwrap() >= 10));
    // Nobody else sees them.
    let other = merchant(&server, "09121110007").await;
    let theirs = expect(other.get("/kpay/gateway/withdrawals").await, StatusCode::OK).await;
    assert!(theirs["withdrawals"].as_array().unwrap().is_empty());
}

#[tokio::test]
async fn binance_orders_are_paid_closed_and_private() {
    let server = TestServer::start().await;
    let m = merchant(&server, "09121110008").await;
    let order = json!({"amount": 10, "goodsName": "Coffee beans", "goodsDetail": "1 kg, medium roast",
        "currency": "USDT", "returnUrl": "https://cafe.example/ok", "cancelUrl": "https://cafe.example/cancel"});
    for (patch, field) in [
        (json!({"currency": "EUR"}), "currency"),
        (json!({"amount": 0}), "amount"),
        (json!({"returnUrl": "javascript:x"}), "returnUrl"),
        (json!({"goodsName": ""}), "goodsName"),
    ] {
        let mut body = order.clone();
        for (k, v) in patch.as_object().unwrap() {
            body[k] = v.clone();
        }
        let v = expect(
            m.post("/kotani/api/v2/binance/orders", body).await,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
        assert_eq!(fields(&v), [field]);
    }
    let created = expect(
        m.post("/kotani/api/v2/binance/orders", order.clone()).await,
        StatusCode::CREATED,
    )
    .await;
    let o = &created["result"];
    let id = o["prepayId"].as_str().unwrap();
    assert_eq!(o["status"], "INITIAL");
    assert!(o["checkoutUrl"]
        .as_str()
        .unwrap()
        .ends_with(&format!("/pay/order/{id}")));
    let qr = server
        .browser()
        .get(&format!("/kotani/api/v2/binance/checkout/{id}/qr.svg"))
        .await;
    assert_eq!(qr.status(), StatusCode::OK);
    assert!(qr.text().await.unwrap().contains("<svg"));

    sandbox(
        &server,
        &format!("/sandbox/binance/orders/{id}/pay"),
        json!({"amount": "4.50"}),
    )
    .await;
    let q = expect(
        m.post(
            "/kotani/api/v2/binance/orders/query",
            json!({"prepayId": id}),
        )
        .await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(q["result"]["status"], "INITIAL");
    assert_eq!(q["result"]["paidAmount"], "4.50");
    let too_much = server
        .browser()
        .post(
            &format!("/sandbox/binance/orders/{id}/pay"),
            json!({"amount": "6"}),
        )
        .await;
    assert_eq!(too_much.status(), StatusCode::UNPROCESSABLE_ENTITY);
    sandbox(
        &server,
        &format!("/sandbox/binance/orders/{id}/pay"),
        json!({"amount": "5.50"}),
    )
    .await;
    let q = expect(
        m.post(
            "/kotani/api/v2/binance/orders/query",
            json!({"prepayId": id}),
        )
        .await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(q["result"]["status"], "PAID");
    assert!(q["result"]["transactTime"].is_i64());
    let close_paid = m
        .post(
            "/kotani/api/v2/binance/orders/close",
            json!({"prepayId": id}),
        )
        .await;
    assert_eq!(close_paid.status(), StatusCode::CONFLICT);

    // Another order is closed while unpaid; then it cannot be paid.
    let second = expect(
        m.post("/kotani/api/v2/binance/orders", order.clone()).await,
        StatusCode::CREATED,
    )
    .await;
    let id2 = second["result"]["prepayId"].as_str().unwrap();
    let other = merchant(&server, "09121110009").await;
    for path in ["query", "close"] {
        let r = other
            .post(
                &format!("/kotani/api/v2/binance/orders/{path}"),
                json!({"prepayId": id2}),
            )
            .await;
        assert_eq!(r.status(), StatusCode::NOT_FOUND, "{path}");
    }
    let closed = expect(
        m.post(
            "/kotani/api/v2/binance/orders/close",
            json!({"prepayId": id2}),
        )
        .await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(closed["result"]["status"], "CLOSED");
    let late = server
        .browser()
        .post(
            &format!("/sandbox/binance/orders/{id2}/pay"),
            json!({"amount": "10"}),
        )
        .await;
    assert_eq!(late.status(), StatusCode::CONFLICT);
    let list = expect(m.get("/kotani/api/v2/binance/orders").await, StatusCode::OK).await;
    assert_eq!(list["orders"].as_array().unwrap().len(), 2);
    let theirs = expect(
        other.get("/kotani/api/v2/binance/orders").await,
        StatusCode::OK,
    )
    .await;
    assert!(theirs["orders"].as_array().unwrap().is_empty());
}

/// A receiver that fails twice and then answers 200, verifying every signature with the
/// Standard Webhooks library.
#[tokio::test]
async fn webhooks_are_signed_retried_under_one_id_and_resent() {
    use axum::{extract::State as S, http::HeaderMap, routing::post, Router};
    use std::sync::{Arc, Mutex};

    type Seen = Arc<Mutex<Vec<(String, bool)>>>;
    let server = TestServer::start().await;
    let m = merchant(&server, "09121110010").await;
    // The secret was shown once, when the shop was made; rotating shows a new one.
    let secret = expect(
        m.post(
            &format!("/kpay/shops/{}/webhook-secret", m.shop_id),
            json!({}),
        )
        .await,
        StatusCode::OK,
    )
    .await["webhook_secret"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(secret.starts_with("whsec_"));

    let seen: Seen = Arc::default();
    let verifier = Arc::new(standardwebhooks::Webhook::new(&secret).unwrap());
    let app = Router::new()
        .route(
            "/hook",
            post(
                |S((seen, verifier)): S<(Seen, Arc<standardwebhooks::Webhook>)>,
                 headers: HeaderMap,
                 body: axum::body::Bytes| async move {
                    let ok = verifier.verify(&body, &headers).is_ok();
                    let id = headers["webhook-id"].to_str().unwrap().to_string();
                    let mut seen = seen.lock().unwrap();
                    seen.push((id, ok));
                    if seen.len() <= 2 {
                        axum::http::StatusCode::SERVICE_UNAVAILABLE
                    } else {
                        axum::http::StatusCode::OK
                    }
                },
            ),
        )
        .with_state((seen.clone(), verifier));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let hook = format!("http://{}/hook", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, app).await });

    let p = create(
        &m,
        json!({"order_id": "H-1", "currency": "xrp", "amount_crypto": "10", "webhook_url": hook, "expires_minutes": 1440}),
    )
    .await;
    pay(&server, &p, "10").await; // confirming: one webhook

    // First try at once, then 5 s and 10 s later: the clock moves instead of the test waiting.
    // (A block may complete the payment meanwhile: that is a second delivery, with its own id.)
    let first_id = || seen.lock().unwrap().first().map(|t| t.0.clone());
    let tries_of = |id: &str| -> Vec<(String, bool)> {
        seen.lock()
            .unwrap()
            .iter()
            .filter(|t| t.0 == id)
            .cloned()
            .collect()
    };
    let mut rounds = 0;
    while first_id().is_none_or(|id| tries_of(&id).len() < 3) {
        rounds += 1;
        assert!(rounds < 100, "only {:?}", seen.lock().unwrap());
        tokio::time::sleep(Duration::from_millis(200)).await;
        if rounds % 8 == 0 {
            sandbox(&server, "/sandbox/clock", json!({"advance_seconds": 10})).await;
        }
    }
    let id = first_id().unwrap();
    let tries = tries_of(&id);
    assert!(tries.iter().all(|(_, ok)| *ok), "{tries:?}");

    let log = expect(m.get("/kpay/gateway/webhooks").await, StatusCode::OK).await;
    let d = log["deliveries"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["id"] == id.as_str())
        .unwrap();
    assert_eq!(d["event"], "payment.confirming");
    assert_eq!(d["attempts"], 3);
    assert_eq!(d["delivered"], true);
    assert_eq!(d["lastStatus"], 200);

    // Resend: the same id again, verified again.
    expect(
        m.post(&format!("/kpay/gateway/webhooks/{id}/resend"), json!({}))
            .await,
        StatusCode::OK,
    )
    .await;
    let mut rounds = 0;
    while tries_of(&id).len() < 4 {
        rounds += 1;
        assert!(rounds < 50);
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(tries_of(&id)[3].1);
    // Another merchant cannot resend it.
    let other = merchant(&server, "09121110011").await;
    let r = other
        .post(&format!("/kpay/gateway/webhooks/{id}/resend"), json!({}))
        .await;
    assert_eq!(r.status(), StatusCode::NOT_FOUND);
}
