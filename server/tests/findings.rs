//! Regression tests for the findings of issue 7, each reproduced over real HTTP first: money
//! rules under sequences, amounts at the edges, concurrent writes, sign-in spellings, big bodies.

mod common;

use common::kitty::*;
use common::{expect, TestServer};
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};
use std::io::{Read, Write};

async fn balances(a: &User, kitty: &Value) -> Value {
    let totals = a
        .ok(Method::GET, &path(kitty, "/member-totals"), None)
        .await;
    assert_balances_add_up(&totals);
    totals
}

fn balance_of(totals: &Value, user: &User) -> i64 {
    totals["members"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["user_id"] == user.id.as_str())
        .map_or(0, |m| m["balance"].as_i64().unwrap())
}

#[tokio::test]
async fn finding_1_a_kitty_closes_only_with_every_balance_at_zero() {
    let server = TestServer::start().await;
    let (a, b, kitty) = shared_kitty(&server).await;
    let first = deposit(&server, &kitty, 10_000, "Ava Admin").await;
    let (s, expense) = spend(&server, &kitty, 10_000, false).await;
    assert_eq!(s, StatusCode::OK);
    let t = balances(&a, &kitty).await;
    assert_eq!((balance_of(&t, &a), balance_of(&t, &b)), (5_000, -5_000));

    a.ok(Method::POST, &path(&kitty, "/closure/initiate"), None)
        .await;
    let (s, v) = a
        .status(Method::POST, &path(&kitty, "/closure/close"), None)
        .await;
    assert_eq!(s, StatusCode::CONFLICT, "{v}");
    assert!(
        v["message"].as_str().unwrap().contains("Ben Member"),
        "names who: {v}"
    );
    // Splits and assignees are frozen once closure has started.
    let tx = expense["id"].as_str().unwrap();
    let (s, v) = a
        .status(
            Method::PUT,
            &path(&kitty, &format!("/transactions/{tx}/split")),
            Some(json!({"mode": "even", "proportions": [{"user_id": a.id}]})),
        )
        .await;
    assert_eq!(s, StatusCode::CONFLICT, "split frozen: {v}");
    let dep = first["id"].as_str().unwrap();
    let (s, v) = a
        .status(
            Method::PUT,
            &path(&kitty, &format!("/transactions/{dep}/assignee")),
            Some(json!({"user_id": b.id})),
        )
        .await;
    assert_eq!(s, StatusCode::CONFLICT, "assignee frozen: {v}");
    // Ben settles: an unmatched deposit during closure can still get its first assignee.
    let settle = deposit(&server, &kitty, 5_000, "B MEMBER SAVINGS").await;
    let id = settle["id"].as_str().unwrap();
    a.ok(
        Method::PUT,
        &path(&kitty, &format!("/transactions/{id}/assignee")),
        Some(json!({"user_id": b.id})),
    )
    .await;
    let paid = a
        .ok(Method::POST, &path(&kitty, "/closure/disburse"), None)
        .await;
    assert_eq!(paid["payouts"][0]["amount"], 5_000);
    let closed = a
        .ok(Method::POST, &path(&kitty, "/closure/close"), None)
        .await;
    assert_eq!(closed["status"], "closed");
    let t = balances(&a, &kitty).await;
    assert!(
        t["members"]
            .as_array()
            .unwrap()
            .iter()
            .all(|m| m["balance"] == 0),
        "{t}"
    );
}

#[tokio::test]
async fn finding_2_percent_rules_are_rebuilt_when_members_come_and_go() {
    let server = TestServer::start().await;
    let (a, b, kitty) = shared_kitty(&server).await;
    a.ok(
        Method::PUT,
        &path(&kitty, "/split"),
        Some(json!({"mode": "percent",
        "proportions": [{"user_id": a.id, "value": 50}, {"user_id": b.id, "value": 50}]})),
    )
    .await;
    b.ok(Method::POST, &path(&kitty, "/leave"), None).await;
    let rule = a.ok(Method::GET, &path(&kitty, "/split"), None).await;
    assert_eq!(
        rule["proportions"],
        json!([{"user_id": a.id, "value": 100}])
    );
    deposit(&server, &kitty, 2_000, "Ava Admin").await;
    assert_eq!(spend(&server, &kitty, 1_000, false).await.0, StatusCode::OK);
    assert_eq!(spend(&server, &kitty, 100, true).await.0, StatusCode::OK);
    // A newcomer takes part at once, and the admin is told how the rule stands.
    let c = User::register(&server, "Cyrus Newcomer", "09125550003").await;
    c.ok(
        Method::POST,
        "/ktties/join",
        Some(json!({"referral_code": kitty["referral_code"]})),
    )
    .await;
    let rule = a.ok(Method::GET, &path(&kitty, "/split"), None).await;
    assert_eq!(
        rule["proportions"],
        json!([{"user_id": a.id, "value": 50}, {"user_id": c.id, "value": 50}])
    );
    let inbox = a
        .client
        .get(format!("{}/ktti/api/v2/notifications/inbox", a.base))
        .bearer_auth(&a.token)
        .send()
        .await
        .unwrap();
    let inbox = expect(inbox, StatusCode::OK).await;
    let told = inbox["notifications"].as_array().unwrap().iter().any(|n| {
        n["title"] == "Split rule updated"
            && n["body"].as_str().unwrap().contains("Cyrus Newcomer 50%")
    });
    assert!(told, "{inbox}");
}

#[tokio::test]
async fn finding_3_a_refund_mirrors_the_payment_it_undoes() {
    let server = TestServer::start().await;
    let (a, b, kitty) = shared_kitty(&server).await;
    deposit(&server, &kitty, 1_000, "Ava Admin").await;
    deposit(&server, &kitty, 1_000, "Ben Member").await;
    let (_, expense) = spend(&server, &kitty, 1_000, false).await;
    a.ok(
        Method::PUT,
        &path(&kitty, "/split"),
        Some(json!({"mode": "percent", "proportions": [{"user_id": a.id, "value": 100}]})),
    )
    .await;
    let (s, refund) = sandbox(&server, "/sandbox/card-spends", json!({"card_id": kitty["card"]["id"],
        "merchant_name": "Sunset Grill", "amount": 1_000, "refund": true, "refund_of": expense["id"]})).await;
    assert_eq!(s, StatusCode::OK, "{refund}");
    assert_eq!(refund["refund_of"], expense["id"]);
    let t = balances(&a, &kitty).await;
    assert_eq!(
        (balance_of(&t, &a), balance_of(&t, &b)),
        (1_000, 1_000),
        "fully refunded: {t}"
    );
    // Its split follows the payment's, so it cannot be edited on its own.
    let (s, _) = a
        .status(
            Method::PUT,
            &path(
                &kitty,
                &format!("/transactions/{}/split", refund["id"].as_str().unwrap()),
            ),
            Some(json!({"mode": "even", "proportions": [{"user_id": a.id}]})),
        )
        .await;
    assert_eq!(s, StatusCode::CONFLICT);
    // Refunds never add up to more than the payment.
    let (s, v) = sandbox(
        &server,
        "/sandbox/card-spends",
        json!({"card_id": kitty["card"]["id"],
        "merchant_name": "Sunset Grill", "amount": 1, "refund": true, "refund_of": expense["id"]}),
    )
    .await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{v}");
    assert!(v["fields"]["amount"].is_string());
    // A refund that names no payment follows today's rule: all of it to Ava.
    let (s, _) = spend(&server, &kitty, 300, true).await;
    assert_eq!(s, StatusCode::OK);
    let t = balances(&a, &kitty).await;
    assert_eq!((balance_of(&t, &a), balance_of(&t, &b)), (1_300, 1_000));
}

#[tokio::test]
async fn finding_4_members_settle_before_they_leave_and_nobody_blocks_closure() {
    let server = TestServer::start().await;
    let (a, b, kitty) = shared_kitty(&server).await;
    deposit(&server, &kitty, 10_000, "Ava Admin").await;
    spend(&server, &kitty, 10_000, false).await;
    let (s, v) = b.status(Method::POST, &path(&kitty, "/leave"), None).await;
    assert_eq!(s, StatusCode::CONFLICT);
    let message = v["message"].as_str().unwrap();
    assert!(
        message.contains("owe the kitty A$50.00") && message.contains("Deposit"),
        "why and how: {v}"
    );
    let (s, v) = a
        .status(
            Method::DELETE,
            &path(&kitty, &format!("/members/{}", b.id)),
            None,
        )
        .await;
    assert_eq!(s, StatusCode::CONFLICT, "{v}");
    // Ava is owed, but the kitty does not hold it while Ben owes.
    let (s, v) = a
        .status(
            Method::POST,
            &path(&kitty, &format!("/members/{}/payout", a.id)),
            None,
        )
        .await;
    assert_eq!(s, StatusCode::CONFLICT, "{v}");
    deposit(&server, &kitty, 5_000, "Ben Member").await;
    b.ok(Method::POST, &path(&kitty, "/leave"), None).await;
    let paid = a
        .ok(
            Method::POST,
            &path(&kitty, &format!("/members/{}/payout", a.id)),
            None,
        )
        .await;
    assert_eq!(paid["payouts"][0]["amount"], 5_000);
    a.ok(Method::POST, &path(&kitty, "/closure/initiate"), None)
        .await;
    a.ok(Method::POST, &path(&kitty, "/closure/disburse"), None)
        .await;
    let closed = a
        .ok(Method::POST, &path(&kitty, "/closure/close"), None)
        .await;
    assert_eq!(closed["status"], "closed");
}

#[tokio::test]
async fn finding_5_amounts_have_a_range_and_no_request_breaks_a_read() {
    let server = TestServer::start().await;
    let (a, b, kitty) = shared_kitty(&server).await;
    let account = kitty["account"]["account_number"].clone();
    for amount in [i64::MAX, 10_000_000_000_001, 0, -5] {
        let (s, v) = sandbox(
            &server,
            "/sandbox/kitty-deposits",
            json!({"account_number": account, "amount": amount, "sender_name": "X"}),
        )
        .await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{amount}: {v}");
        assert!(v["fields"]["amount"].is_string());
    }
    for _ in 0..3 {
        deposit(&server, &kitty, 10_000_000_000_000, "Ava Admin").await;
    }
    let (s, v) = spend(&server, &kitty, i64::MAX, false).await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{v}");
    assert_eq!(
        spend(&server, &kitty, 10_000_000_000_000, false).await.0,
        StatusCode::OK
    );
    a.ok(Method::GET, &path(&kitty, ""), None).await;
    a.ok(Method::GET, "/ktties", None).await;
    balances(&a, &kitty).await;
    // Split values cannot wrap around their checks.
    for rule in [
        json!({"mode": "percent", "proportions": [{"user_id": a.id, "value": i64::MAX}, {"user_id": b.id, "value": i64::MAX}]}),
        json!({"mode": "shares", "proportions": [{"user_id": a.id, "value": i64::MAX}, {"user_id": b.id, "value": 2}]}),
        json!({"mode": "amount", "proportions": [{"user_id": a.id, "value": i64::MAX}, {"user_id": b.id, "value": 1}]}),
    ] {
        let (s, v) = a
            .status(Method::PUT, &path(&kitty, "/split"), Some(rule.clone()))
            .await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{rule}: {v}");
    }
    let (s, _) = a
        .status(
            Method::POST,
            "/ktties",
            Some(json!({"name": "Big", "goal_amount": i64::MAX})),
        )
        .await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(spend(&server, &kitty, 500, false).await.0, StatusCode::OK);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn finding_6_concurrent_writes_wait_instead_of_failing() {
    let server = TestServer::start().await;
    let (a, b, kitty) = shared_kitty(&server).await;
    let c = User::register(&server, "Cyrus Invitee", "09125550003").await;
    a.ok(
        Method::POST,
        &path(&kitty, "/invitations"),
        Some(json!({"contact": "09125550003"})),
    )
    .await;
    let first = deposit(&server, &kitty, 100, "Ava Admin").await;
    let tx = first["id"].as_str().unwrap().to_string();
    let (a, b, c) = (
        std::sync::Arc::new(a),
        std::sync::Arc::new(b),
        std::sync::Arc::new(c),
    );
    let mut statuses = Vec::new();
    for burst in 0..3 {
        let mut tasks = tokio::task::JoinSet::new();
        for i in 0..48 {
            let (a, b, c, kitty, tx, base) = (
                a.clone(),
                b.clone(),
                c.clone(),
                kitty.clone(),
                tx.clone(),
                server.base.clone(),
            );
            tasks.spawn(async move {
                let client = reqwest::Client::new();
                match i % 6 {
                    0 => client.post(format!("{base}/sandbox/kitty-deposits"))
                        .json(&json!({"account_number": kitty["account"]["account_number"], "amount": 100, "sender_name": "Ben Member"}))
                        .send().await.unwrap().status(),
                    1 => a.call(Method::PATCH, &format!("/transactions/{tx}/info"), Some(json!({"note": format!("burst {burst} {i}")}))).await.status(),
                    2 => b.call(Method::POST, "/ktties/join", Some(json!({"referral_code": kitty["referral_code"]}))).await.status(),
                    3 => a.call(Method::POST, &path(&kitty, "/invitations"), Some(json!({"contact": format!("0912777{:04}", burst * 100 + i)}))).await.status(),
                    4 => c.call(Method::POST, &path(&kitty, "/invitations/reject"), None).await.status(),
                    _ => client.post(format!("{base}/sandbox/card-spends"))
                        .json(&json!({"card_id": kitty["card"]["id"], "merchant_name": "Cafe", "amount": 10}))
                        .send().await.unwrap().status(),
                }
            });
        }
        while let Some(s) = tasks.join_next().await {
            statuses.push(s.unwrap());
        }
    }
    let failed: Vec<_> = statuses.iter().filter(|s| s.is_server_error()).collect();
    assert!(
        failed.is_empty(),
        "{} of {} answered 5xx: {failed:?}",
        failed.len(),
        statuses.len()
    );
    let t = balances(&a, &kitty).await;
    assert_eq!(
        t["available_balance"],
        100 + 3 * 8 * 100 - 3 * 8 * 10,
        "{t}"
    );
}

#[tokio::test]
async fn finding_7_the_sign_in_limit_counts_the_account_not_its_spellings() {
    let server = TestServer::start().await;
    let b = server.browser();
    expect(b.register("09121234567").await, StatusCode::CREATED).await;
    let login = |username: &'static str, password: &'static str| {
        let b = server.browser();
        async move {
            b.post(
                "/kpay/auth/login",
                json!({"username": username, "password": password}),
            )
            .await
            .status()
        }
    };
    for _ in 0..5 {
        assert_eq!(
            login("09121234567", "wrong!").await,
            StatusCode::UNAUTHORIZED
        );
    }
    for spelling in [
        "+989121234567",
        "00989121234567",
        "0912 123 4567",
        "0912-123-4567",
    ] {
        assert_eq!(
            login(spelling, "wrong!").await,
            StatusCode::TOO_MANY_REQUESTS,
            "{spelling}"
        );
        assert_eq!(
            login(spelling, "secret1").await,
            StatusCode::TOO_MANY_REQUESTS,
            "{spelling}"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn finding_8_a_big_body_gets_413_and_the_connection_stays_usable() {
    let server = TestServer::start().await;
    let addr = server.base.trim_start_matches("http://").to_string();
    tokio::task::spawn_blocking(move || one_connection(&addr))
        .await
        .unwrap();
}

/// A 3 MB sign-in body, then a health check, on one keep-alive connection.
fn one_connection(addr: &str) {
    let body = format!(
        "{{\"username\": \"{}\", \"password\": \"x\"}}",
        "a".repeat(3 << 20)
    );
    let mut stream = std::net::TcpStream::connect(addr).unwrap();
    stream
        .set_read_timeout(Some(std::time::Duration::from_secs(10)))
        .unwrap();
    let request = format!(
        "POST /kpay/auth/login HTTP/1.1\r\nHost: {addr}\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    );
    stream.write_all(request.as_bytes()).unwrap();
    let first = read_response(&mut stream);
    assert!(first.starts_with("HTTP/1.1 413"), "{first}");
    assert!(first.contains("\"error\":\"payload_too_large\""), "{first}");
    stream
        .write_all(format!("GET /healthz HTTP/1.1\r\nHost: {addr}\r\n\r\n").as_bytes())
        .unwrap();
    let second = read_response(&mut stream);
    assert!(
        second.starts_with("HTTP/1.1 200"),
        "the same connection answers again: {second}"
    );
}

/// Reads one HTTP/1.1 response with a Content-Length body.
fn read_response(stream: &mut std::net::TcpStream) -> String {
    let mut buf = Vec::new();
    let mut byte = [0u8; 1];
    while !buf.ends_with(b"\r\n\r\n") {
        if stream.read(&mut byte).unwrap() == 0 {
            break;
        }
        buf.push(byte[0]);
    }
    let head = String::from_utf8_lossy(&buf).to_string();
    let len = head
        .lines()
        .find_map(|l| {
            l.to_ascii_lowercase()
                .strip_prefix("content-length: ")
                .map(|v| v.trim().parse::<usize>().unwrap())
        })
        .unwrap_or(0);
    let mut body = vec![0u8; len];
    stream.read_exact(&mut body).unwrap();
    head + &String::from_utf8_lossy(&body)
}
