//! Time-driven work with the clock moved: an unpaid Binance order closes by itself an hour after
//! it was made, without anyone reading it, an image upload URL stops working after its ten
//! minutes, a registration code after 15 and a sandbox ID token after five, and a kitty on Plus pays its next fee after 30 days, then drops to Free when it
//! cannot. Alone in its test process, because it moves this
//! process's clock by an hour.

mod common;

use common::kitty::{deposit, path, shared_kitty, User};
use common::{expect, merchant, TestServer};
use reqwest::Method;
use reqwest::StatusCode;
use serde_json::json;
use std::time::Duration;

#[tokio::test]
async fn an_unpaid_order_closes_itself_after_an_hour() {
    // Sessions outlive the hour here: the merchant stays signed in while the clock moves.
    let server = TestServer::start_with(|s| s.access_ttl_secs = 2 * 3600).await;
    let m = merchant(&server, "09121119001").await;
    let order = json!({"amount": 25, "goodsName": "Tea", "goodsDetail": "Green, 200 g", "currency": "BUSD",
        "returnUrl": "https://cafe.example/ok", "cancelUrl": "https://cafe.example/cancel"});
    let created = expect(
        m.post("/kotani/api/v2/binance/orders", order.clone()).await,
        StatusCode::CREATED,
    )
    .await;
    let id = created["result"]["prepayId"].as_str().unwrap().to_string();
    let paid = expect(
        m.post("/kotani/api/v2/binance/orders", order).await,
        StatusCode::CREATED,
    )
    .await;
    let paid_id = paid["result"]["prepayId"].as_str().unwrap().to_string();
    let r = server
        .browser()
        .post(
            &format!("/sandbox/binance/orders/{paid_id}/pay"),
            json!({"amount": "25"}),
        )
        .await;
    expect(r, StatusCode::OK).await;

    let upload = expect(
        m.post(
            "/ktti/api/v2/images/pre-signed-url-for-upload",
            json!({"image_type": "moment"}),
        )
        .await,
        StatusCode::CREATED,
    )
    .await["presigned_url"]
        .as_str()
        .unwrap()
        .to_string();

    // A registration code (15 minutes) and a sandbox ID token (5 minutes), both asked for now.
    let c = reqwest::Client::new();
    let started = expect(
        c.post(server.url("/ktti/api/v2/registration"))
            .json(&json!({"name": "Late Person", "email": "late@example.com"}))
            .send()
            .await
            .unwrap(),
        StatusCode::CREATED,
    )
    .await;
    let outbox = expect(
        c.get(server.url("/sandbox/outbox?to=late@example.com"))
            .send()
            .await
            .unwrap(),
        StatusCode::OK,
    )
    .await;
    let body = outbox["messages"][0]["body"].as_str().unwrap().to_string();
    let at = body.find("code is ").unwrap() + 8;
    let code = &body[at..at + 6];
    let nonce = expect(
        c.post(server.url("/ktti/api/v2/auth/social/nonce"))
            .send()
            .await
            .unwrap(),
        StatusCode::CREATED,
    )
    .await["nonce"]
        .as_str()
        .unwrap()
        .to_string();
    let redirect = format!("{}/login/social", server.base);
    let signed_in = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
        .post(server.url("/sandbox/oidc/authorize"))
        .form(&[
            ("response_type", "id_token"),
            ("client_id", "kitty-app"),
            ("redirect_uri", redirect.as_str()),
            ("nonce", nonce.as_str()),
            ("name", "Late Person"),
            ("email", "late@example.com"),
            ("action", "continue"),
        ])
        .send()
        .await
        .unwrap();
    let location = signed_in.headers()["location"].to_str().unwrap();
    let id_token = location
        .split("id_token=")
        .nth(1)
        .unwrap()
        .split('&')
        .next()
        .unwrap()
        .to_string();

    // 59 minutes: still open.
    let r = server
        .browser()
        .post("/sandbox/clock", json!({"advance_seconds": 59 * 60}))
        .await;
    expect(r, StatusCode::OK).await;
    tokio::time::sleep(Duration::from_millis(1500)).await;
    let read = || async {
        expect(
            server
                .browser()
                .get(&format!("/kotani/api/v2/binance/checkout/{id}"))
                .await,
            StatusCode::OK,
        )
        .await["result"]
            .clone()
    };
    assert_eq!(read().await["status"], "INITIAL");
    let late = reqwest::Client::new()
        .put(&upload)
        .body(b"\x89PNG\r\n\x1a\n".to_vec())
        .send()
        .await
        .unwrap();
    assert_eq!(late.status(), StatusCode::FORBIDDEN);
    assert!(late.text().await.unwrap().contains("expired"));
    // The registration code and the ID token have expired too.
    let r = c
        .post(server.url("/ktti/api/v2/registration/password"))
        .json(&json!({"registration_id": started["registration_id"], "code": code, "password": "secret12"}))
        .send()
        .await
        .unwrap();
    let v = expect(r, StatusCode::UNPROCESSABLE_ENTITY).await;
    assert!(
        v["fields"]["code"].as_str().unwrap().contains("expired"),
        "{v}"
    );
    let r = c
        .post(server.url("/ktti/api/v2/auth/social"))
        .json(&json!({"id_token": id_token, "nonce": nonce}))
        .send()
        .await
        .unwrap();
    let v = expect(r, StatusCode::UNAUTHORIZED).await;
    assert!(v["message"].as_str().unwrap().contains("expired"), "{v}");

    // Past the hour: the job runner closes it; the paid one stays paid.
    let r = server
        .browser()
        .post("/sandbox/clock", json!({"advance_seconds": 61}))
        .await;
    expect(r, StatusCode::OK).await;
    let mut waited = 0;
    while read().await["status"] != "EXPIRED" {
        waited += 1;
        assert!(waited < 40, "still {}", read().await);
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(read().await["transactTime"].is_i64());
    let q = expect(
        m.post(
            "/kotani/api/v2/binance/orders/query",
            json!({"prepayId": paid_id}),
        )
        .await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(q["result"]["status"], "PAID");
    let close = m
        .post(
            "/kotani/api/v2/binance/orders/close",
            json!({"prepayId": id}),
        )
        .await;
    assert_eq!(close.status(), StatusCode::CONFLICT);

    // A kitty on Plus holding two fees' worth (and a unit): the job runner takes the second
    // fee 30 days on, and 30 days later moves it back to Free, as it holds too little.
    let (a, _, kitty) = shared_kitty(&server).await;
    let plan = a
        .ok(Method::GET, &path(&kitty, "/billing/plan"), None)
        .await;
    let fee = plan["plans"][1]["monthly_fee"].as_i64().unwrap();
    deposit(&server, &kitty, 2 * fee + 1, "Ava Admin").await;
    a.ok(
        Method::PUT,
        &path(&kitty, "/billing/plan"),
        Some(json!({"plan": "plus"})),
    )
    .await;
    let relogin = |a: &User| {
        let client = a.client.clone();
        let url = server.url("/kpay/auth/login");
        async move {
            let r = client
                .post(url)
                .json(&json!({"username": "09125550001", "password": "secret1"}))
                .send()
                .await
                .unwrap();
            expect(r, StatusCode::OK).await["access_token"]
                .as_str()
                .unwrap()
                .to_string()
        }
    };
    let mut a = a;
    for (month, expected) in [
        (1, vec!["fee_charged", "plan_changed", "fee_charged"]),
        (
            2,
            vec![
                "plan_changed",
                "fee_unpaid",
                "fee_charged",
                "plan_changed",
                "fee_charged",
            ],
        ),
    ] {
        // The sandbox clock moves at most 7 days at a time.
        let mut left = 30 * 86_400 + 1;
        while left > 0 {
            let step = left.min(7 * 86_400);
            let r = server
                .browser()
                .post("/sandbox/clock", json!({"advance_seconds": step}))
                .await;
            expect(r, StatusCode::OK).await;
            left -= step;
        }
        a.token = relogin(&a).await;
        let mut waited = 0;
        loop {
            let history = a
                .ok(Method::GET, &path(&kitty, "/billing/history"), None)
                .await;
            let kinds: Vec<String> = history["events"]
                .as_array()
                .unwrap()
                .iter()
                .map(|e| e["kind"].as_str().unwrap().to_string())
                .collect();
            if kinds.len() == expected.len() {
                assert_eq!(kinds, expected, "month {month}");
                break;
            }
            waited += 1;
            assert!(waited < 50, "month {month}: {kinds:?}");
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }
    let plan = a
        .ok(Method::GET, &path(&kitty, "/billing/plan"), None)
        .await;
    assert_eq!(plan["plan"], "free");
    let totals = a
        .ok(Method::GET, &path(&kitty, "/member-totals"), None)
        .await;
    assert_eq!(totals["available_balance"].as_i64(), Some(1));
}
