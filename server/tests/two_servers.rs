//! Two servers on one database, as two processes of one deployment: a session, a sign-in budget
//! and a payment started on one are the same on the other.

mod common;

use common::{expect, merchant, TestServer};
use reqwest::StatusCode;
use serde_json::json;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sessions_limits_and_payments_are_shared_between_servers() {
    let a = TestServer::start().await;
    let b = TestServer::beside(&a).await;
    assert_ne!(a.base, b.base);

    // A merchant signs up on A; their token works on B.
    let m = merchant(&a, "09121118801").await;
    let me =
        m.b.client
            .get(format!("{}/kpay/auth/me", b.base))
            .header("x-csrf-token", &m.csrf)
            .send()
            .await
            .unwrap();
    // Cookies ignore ports, so the browser session made on A reaches B, which knows it.
    assert_eq!(me.status(), StatusCode::OK, "A's session works on B");
    let login = reqwest::Client::new()
        .post(b.url("/kpay/auth/login"))
        .json(&json!({"username": "09121118801", "password": "secret1"}))
        .send()
        .await
        .unwrap();
    let token = expect(login, StatusCode::OK).await["access_token"]
        .as_str()
        .unwrap()
        .to_string();
    let me = reqwest::Client::new()
        .get(a.url("/kpay/auth/me"))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
    assert_eq!(
        me.status(),
        StatusCode::OK,
        "a session made on B works on A"
    );

    // A payment made through A is settled through B; A sees it paid.
    let payment = m.pay_link(250_000).await;
    let settled = reqwest::Client::new()
        .post(b.url("/sandbox/card-transfers"))
        .json(&json!({"card_number": m.card_number, "amount": payment["final_amount"]}))
        .send()
        .await
        .unwrap();
    assert_eq!(expect(settled, StatusCode::OK).await["outcome"], "paid");
    let check = reqwest::get(a.url(&format!(
        "/kpay/transactions/check/{}",
        payment["authority"].as_str().unwrap()
    )))
    .await
    .unwrap();
    assert_eq!(expect(check, StatusCode::OK).await["status"], "paid");

    // Wrong passwords on A use up the budget on B too.
    let wrong = |server: &TestServer| {
        let url = server.url("/kpay/auth/login");
        async move {
            reqwest::Client::new()
                .post(url)
                .json(&json!({"username": "09121118801", "password": "wrong!"}))
                .send()
                .await
                .unwrap()
                .status()
        }
    };
    for _ in 0..5 {
        assert_eq!(wrong(&a).await, StatusCode::UNAUTHORIZED);
    }
    assert_eq!(
        wrong(&b).await,
        StatusCode::TOO_MANY_REQUESTS,
        "B counts A's failures"
    );
}
