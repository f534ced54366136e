//! The server process is killed (SIGKILL) in the middle of a stream of writes, then started
//! again on the same database: every write it acknowledged is there.

mod common;

use serde_json::{json, Value};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn acknowledged_writes_survive_a_kill() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("dist")).unwrap();
    let database = common::database_url(dir.path()).await;
    let (mut server, url) = common::spawn_server(&database, dir.path());
    let client = reqwest::Client::new();
    let reg: Value = client
        .post(format!("{url}/kpay/auth/register"))
        .json(&json!({"name": "Crash Test", "mobile": "09121119901", "password": "secret1"}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let token = reg["access_token"].as_str().unwrap().to_string();
    let kitty: Value = client
        .post(format!("{url}/ktti/api/v3/ktties"))
        .bearer_auth(&token)
        .json(&json!({"name": "Crash"}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let account = kitty["account"]["account_number"]
        .as_str()
        .unwrap()
        .to_string();

    // 1,000 deposits from 8 writers at once; the server is killed once 400 are acknowledged.
    let acknowledged = Arc::new(std::sync::Mutex::new(Vec::<i64>::new()));
    let next = Arc::new(AtomicUsize::new(1));
    let mut writers = Vec::new();
    for _ in 0..8 {
        let (client, url, account, acknowledged, next) = (
            client.clone(),
            url.clone(),
            account.clone(),
            acknowledged.clone(),
            next.clone(),
        );
        writers.push(tokio::spawn(async move {
            loop {
                let n = next.fetch_add(1, Ordering::SeqCst);
                if n > 1_000 {
                    break;
                }
                let sent = client
                    .post(format!("{url}/sandbox/kitty-deposits"))
                    .json(&json!({"account_number": account, "amount": n, "sender_name": "Crash Test"}))
                    .send()
                    .await;
                match sent {
                    Ok(r) if r.status().is_success() => acknowledged.lock().unwrap().push(n as i64),
                    Ok(r) => panic!("deposit {n}: {}", r.status()),
                    Err(_) => break, // the server is gone
                }
            }
        }));
    }
    while acknowledged.lock().unwrap().len() < 400 {
        tokio::time::sleep(std::time::Duration::from_millis(5)).await;
    }
    server.kill().unwrap();
    server.wait().unwrap();
    for w in writers {
        w.await.unwrap();
    }
    let acknowledged = acknowledged.lock().unwrap().clone();
    assert!(
        acknowledged.len() >= 400 && acknowledged.len() < 1_000,
        "killed midway: {}",
        acknowledged.len()
    );

    // Started again on the same database: every acknowledged deposit is in the books.
    let (mut again, url) = common::spawn_server(&database, dir.path());
    let mut amounts = Vec::new();
    for page in 1.. {
        let list: Value = client
            .get(format!(
                "{url}/ktti/api/v3/ktties/{}/transactions?page={page}&per_page=100",
                kitty["id"].as_str().unwrap()
            ))
            .bearer_auth(&token)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        let txs = list["transactions"].as_array().unwrap();
        amounts.extend(txs.iter().map(|t| t["amount"].as_i64().unwrap()));
        if txs.len() < 100 {
            break;
        }
    }
    let lost: Vec<_> = acknowledged
        .iter()
        .filter(|a| !amounts.contains(a))
        .collect();
    assert!(
        lost.is_empty(),
        "{} acknowledged deposits lost: {lost:?}",
        lost.len()
    );
    again.kill().unwrap();
    again.wait().unwrap();
}
