//! Two server processes (the real binary, twice) on one PostgreSQL database, as a deployment
//! runs them: a buyer follows a payment on process A, the bank's notification reaches process
//! B, and A's stream still says "paid" — through PostgreSQL's LISTEN/NOTIFY, since the two
//! processes share nothing else.
//!
//! SQLite is one machine and one process by design (see the README), so on SQLite this test
//! only runs in the PostgreSQL pass of `scripts/test`.

mod common;

use common::{expect, merchant, spawn_server, TestServer};
use reqwest::StatusCode;
use serde_json::json;
use std::time::Duration;

/// Reads an event stream until `text` has arrived, or fails after 10 s.
async fn read_until(stream: &mut reqwest::Response, seen: &mut String, text: &str) {
    let wait = tokio::time::timeout(Duration::from_secs(10), async {
        while !seen.contains(text) {
            let chunk = stream
                .chunk()
                .await
                .unwrap()
                .expect("the stream stays open");
            seen.push_str(&String::from_utf8_lossy(&chunk));
        }
    });
    wait.await
        .unwrap_or_else(|_| panic!("no {text:?} within 10 s; got {seen:?}"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_payment_settled_on_one_process_reaches_a_stream_on_the_other() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("dist")).unwrap();
    let database = common::database_url(dir.path()).await;
    if !database.starts_with("postgres") {
        eprintln!("skipped on SQLite: several processes need PostgreSQL");
        return;
    }
    let (mut process_a, url_a) = spawn_server(&database, dir.path());
    let (mut process_b, url_b) = spawn_server(&database, dir.path());
    assert_ne!(url_a, url_b);
    let a = TestServer::at(url_a, database.clone());
    let b = TestServer::at(url_b, database);

    let m = merchant(&a, "09121116601").await;
    let payment = m.pay_link(300_000).await;
    let authority = payment["authority"].as_str().unwrap();
    let mut stream = reqwest::get(a.url(&format!("/kpay/transactions/{authority}/events")))
        .await
        .unwrap();
    assert_eq!(stream.status(), StatusCode::OK);
    let mut seen = String::new();
    read_until(&mut stream, &mut seen, "data: pending").await;

    let settled = reqwest::Client::new()
        .post(b.url("/sandbox/card-transfers"))
        .json(&json!({"card_number": m.card_number, "amount": payment["final_amount"]}))
        .send()
        .await
        .unwrap();
    assert_eq!(expect(settled, StatusCode::OK).await["outcome"], "paid");
    read_until(&mut stream, &mut seen, "data: paid").await;

    // And A answers a plain read with what B wrote.
    let check = reqwest::get(a.url(&format!("/kpay/transactions/check/{authority}")))
        .await
        .unwrap();
    assert_eq!(expect(check, StatusCode::OK).await["status"], "paid");

    process_a.kill().unwrap();
    process_b.kill().unwrap();
    process_a.wait().unwrap();
    process_b.wait().unwrap();
}
