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

/// Reads server-sent events from `response` until one whose data is `want` (or 10 s pass).
async fn wait_for_event(response: &mut reqwest::Response, want: &str) -> Vec<String> {
    let mut seen = Vec::new();
    let mut buffer = String::new();
    let deadline = tokio::time::Instant::now() + std::time::Duration::from_secs(10);
    while tokio::time::Instant::now() < deadline {
        let chunk = tokio::time::timeout_at(deadline, response.chunk()).await;
        let Ok(Ok(Some(bytes))) = chunk else { break };
        buffer.push_str(&String::from_utf8_lossy(&bytes));
        while let Some(end) = buffer.find("\n\n") {
            let event: String = buffer.drain(..end + 2).collect();
            if let Some(data) = event.lines().find_map(|l| l.strip_prefix("data: ")) {
                seen.push(data.to_string());
                if data == want {
                    return seen;
                }
            }
        }
    }
    panic!("no {want:?} event; saw {seen:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_payment_settled_on_one_server_reaches_a_stream_on_the_other() {
    let a = TestServer::start().await;
    let b = TestServer::beside(&a).await;
    let m = merchant(&a, "09121118802").await;
    let payment = m.pay_link(300_000).await;
    let authority = payment["authority"].as_str().unwrap();
    let mut stream = reqwest::get(a.url(&format!("/kpay/transactions/{authority}/events")))
        .await
        .unwrap();
    assert_eq!(stream.status(), StatusCode::OK);
    assert_eq!(wait_for_event(&mut stream, "pending").await, ["pending"]);
    let settled = reqwest::Client::new()
        .post(b.url("/sandbox/card-transfers"))
        .json(&json!({"card_number": m.card_number, "amount": payment["final_amount"]}))
        .send()
        .await
        .unwrap();
    assert_eq!(expect(settled, StatusCode::OK).await["outcome"], "paid");
    assert_eq!(wait_for_event(&mut stream, "paid").await, ["paid"]);
    // Settled one way or the other, the stream ends.
    assert!(matches!(stream.chunk().await, Ok(None)), "the stream ends");
    let missing = reqwest::get(a.url("/kpay/transactions/KPNOSUCHPAYMENT/events"))
        .await
        .unwrap();
    assert_eq!(missing.status(), StatusCode::NOT_FOUND);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_kitty_page_hears_money_arriving_through_another_server() {
    let a = TestServer::start().await;
    let b = TestServer::beside(&a).await;
    let ava = common::kitty::User::register(&a, "Ava Admin", "09121118803").await;
    let kitty = ava
        .ok(
            reqwest::Method::POST,
            "/ktties",
            Some(json!({"name": "Live"})),
        )
        .await;
    let id = kitty["id"].as_str().unwrap();
    let mut stream = ava
        .client
        .get(a.url(&format!("/ktti/api/v3/ktties/{id}/events")))
        .bearer_auth(&ava.token)
        .send()
        .await
        .unwrap();
    assert_eq!(stream.status(), StatusCode::OK);
    let (s, _) = common::kitty::sandbox(&b, "/sandbox/kitty-deposits", json!({"account_number": kitty["account"]["account_number"], "amount": 500, "sender_name": "Ava Admin"})).await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(wait_for_event(&mut stream, "changed").await, ["changed"]);
    // Outsiders hear nothing: the stream is for members.
    let eve = common::kitty::User::register(&a, "Eve Outsider", "09121118804").await;
    let denied = eve
        .client
        .get(a.url(&format!("/ktti/api/v3/ktties/{id}/events")))
        .bearer_auth(&eve.token)
        .send()
        .await
        .unwrap();
    assert_eq!(denied.status(), StatusCode::NOT_FOUND);
}
