//! Kitty life over HTTP: the card and its physical order, the bank account, a transaction's split
//! alone, and the group chat (members only, live, unread counts, nothing for someone who left).

mod common;

use common::kitty::{deposit, path, shared_kitty, spend, User};
use common::TestServer;
use reqwest::{Method, StatusCode};
use serde_json::json;
use std::time::Duration;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn chat_card_bank_and_split_details() {
    let server = TestServer::start().await;
    let (a, b, kitty) = shared_kitty(&server).await;
    let outsider = User::register(&server, "Olive Outsider", "09125550009").await;
    let chat = path(&kitty, "/chat");

    // B follows the kitty's stream; A's message reaches it and is unread for B.
    let mut stream = b.call(Method::GET, &path(&kitty, "/events"), None).await;
    assert_eq!(stream.status(), StatusCode::OK);
    let sent = a
        .ok(
            Method::POST,
            &chat,
            Some(json!({"text": "  <b>Dinner</b> at 8?  "})),
        )
        .await;
    assert_eq!(sent["text"], "<b>Dinner</b> at 8?", "plain text, trimmed");
    let heard = tokio::time::timeout(Duration::from_secs(2), async {
        let mut seen = String::new();
        while !seen.contains("changed") {
            seen.push_str(&String::from_utf8_lossy(
                &stream.chunk().await.unwrap().unwrap(),
            ));
        }
    })
    .await;
    assert!(heard.is_ok(), "B's open kitty page heard the message");
    let page = b.ok(Method::GET, &chat, None).await;
    assert_eq!(
        (
            page["unread"].clone(),
            page["messages"].as_array().unwrap().len()
        ),
        (json!(1), 1)
    );
    let seq = page["messages"][0]["seq"].clone();
    b.ok(
        Method::PUT,
        &path(&kitty, "/chat/read"),
        Some(json!({"seq": seq})),
    )
    .await;
    assert_eq!(b.ok(Method::GET, &chat, None).await["unread"], 0);

    // Paging: with 56 messages the newest 50 come first, then the 6 before them.
    for i in 0..55 {
        a.ok(Method::POST, &chat, Some(json!({"text": format!("m{i}")})))
            .await;
    }
    let newest = b.ok(Method::GET, &chat, None).await;
    assert_eq!(
        (
            newest["messages"].as_array().unwrap().len(),
            newest["more"].clone()
        ),
        (50, json!(true))
    );
    let first = newest["messages"][0]["seq"].as_i64().unwrap();
    let older = b
        .ok(Method::GET, &format!("{chat}?before={first}"), None)
        .await;
    assert_eq!(
        (
            older["messages"].as_array().unwrap().len(),
            older["more"].clone()
        ),
        (6, json!(false))
    );
    for text in ["   ".to_string(), "x".repeat(1001)] {
        let (s, _) = a
            .status(Method::POST, &chat, Some(json!({"text": text})))
            .await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
    }
    assert_eq!(
        outsider.status(Method::GET, &chat, None).await.0,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        outsider
            .status(Method::POST, &chat, Some(json!({"text": "hi"})))
            .await
            .0,
        StatusCode::NOT_FOUND
    );

    // Card and bank account.
    let card = a.ok(Method::GET, &path(&kitty, "/card"), None).await;
    assert_eq!(
        (card["status"].clone(), card["physical"].clone()),
        (json!("active"), json!(null))
    );
    assert_eq!(card["expiry"].as_str().unwrap().len(), 5);
    let address =
        json!({"line1": "12 Harbour St", "suburb": "Sydney", "state": "NSW", "postcode": "2000"});
    let (s, _) = b
        .status(
            Method::PUT,
            &path(&kitty, "/card/address"),
            Some(address.clone()),
        )
        .await;
    assert_eq!(s, StatusCode::FORBIDDEN, "admins only");
    let (s, bad) = a
        .status(
            Method::PUT,
            &path(&kitty, "/card/address"),
            Some(json!({"line1": "1", "suburb": "S", "state": "XX", "postcode": "20"})),
        )
        .await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
    for f in ["line1", "suburb", "state", "postcode"] {
        assert!(bad["fields"][f].is_string(), "{f}: {bad}");
    }
    let ordered = a
        .ok(Method::PUT, &path(&kitty, "/card/address"), Some(address))
        .await;
    assert_eq!(ordered["physical"]["status"], "ordered");
    let bank = b
        .ok(Method::GET, &path(&kitty, "/bank-account"), None)
        .await;
    assert_eq!(bank["account_number"], kitty["account"]["account_number"]);
    assert_eq!(
        outsider
            .status(Method::GET, &path(&kitty, "/card"), None)
            .await
            .0,
        StatusCode::NOT_FOUND
    );

    // A transaction's split alone.
    deposit(&server, &kitty, 5_000, "Ava Admin").await;
    let (s, paid) = spend(&server, &kitty, 1_000, false).await;
    assert_eq!(s, StatusCode::OK, "{paid}");
    let split = a
        .ok(
            Method::GET,
            &path(
                &kitty,
                &format!(
                    "/transactions/{}/split-details",
                    paid["id"].as_str().unwrap()
                ),
            ),
            None,
        )
        .await;
    let total: i64 = split["shares"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["amount"].as_i64().unwrap())
        .sum();
    assert_eq!(total, -1_000);
    assert!(split.get("transaction").is_none(), "the split alone");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_member_who_leaves_stops_hearing_the_kitty() {
    let server = TestServer::start().await;
    let (a, b, kitty) = shared_kitty(&server).await;
    let mut stream = b.call(Method::GET, &path(&kitty, "/events"), None).await;
    // On PostgreSQL the news of B's joining comes through LISTEN/NOTIFY and may reach the open
    // stream a moment later, while B is still a member: let it pass before B leaves.
    while let Ok(Ok(Some(_))) =
        tokio::time::timeout(Duration::from_millis(300), stream.chunk()).await
    {}
    b.ok(Method::POST, &path(&kitty, "/leave"), None).await;
    a.ok(
        Method::POST,
        &path(&kitty, "/chat"),
        Some(json!({"text": "still there?"})),
    )
    .await;
    // B's stream ends instead of delivering the message.
    let ended = tokio::time::timeout(Duration::from_secs(3), async {
        loop {
            match stream.chunk().await {
                Ok(Some(c)) if String::from_utf8_lossy(&c).contains("changed") => return false,
                Ok(Some(_)) => continue,
                _ => return true,
            }
        }
    })
    .await;
    assert_eq!(ended, Ok(true), "the leaver's stream ends");
    assert_eq!(
        b.status(Method::GET, &path(&kitty, "/chat"), None).await.0,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn plans_fees_and_the_member_limit() {
    let server = TestServer::start().await;
    let (a, b, kitty) = shared_kitty(&server).await;
    let plan_path = path(&kitty, "/billing/plan");
    let plan = b.ok(Method::GET, &plan_path, None).await;
    assert_eq!(
        (
            plan["plan"].as_str(),
            plan["monthly_fee"].as_i64(),
            plan["max_members"].as_i64(),
            plan["members"].as_i64()
        ),
        (Some("free"), Some(0), Some(10), Some(2))
    );
    let plus_fee = plan["plans"][1]["monthly_fee"].as_i64().unwrap();
    assert!(plus_fee > 0);

    let plus = Some(json!({"plan": "plus"}));
    assert_eq!(
        b.status(Method::PUT, &plan_path, plus.clone()).await.0,
        StatusCode::FORBIDDEN
    );
    let (s, bad) = a
        .status(Method::PUT, &plan_path, Some(json!({"plan": "gold"})))
        .await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{bad}");
    let (s, poor) = a.status(Method::PUT, &plan_path, plus.clone()).await;
    assert_eq!(s, StatusCode::CONFLICT);
    assert!(
        poor["message"].as_str().unwrap().contains("Deposit first"),
        "{poor}"
    );

    // With money in, Plus takes its first fee: a transaction of its own, split like a payment.
    deposit(&server, &kitty, 10_000, "Ava Admin").await;
    let on_plus = a.ok(Method::PUT, &plan_path, plus.clone()).await;
    assert_eq!(on_plus["plan"], "plus");
    assert!(on_plus["renews_at"].is_string());
    assert_eq!(
        a.status(Method::PUT, &plan_path, plus.clone()).await.0,
        StatusCode::CONFLICT
    );
    let txs = a
        .ok(Method::GET, &path(&kitty, "/transactions"), None)
        .await;
    let fee = txs["transactions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["kind"] == "fee")
        .expect("a fee transaction")
        .clone();
    assert_eq!(fee["amount"].as_i64(), Some(plus_fee));
    let split = a
        .ok(
            Method::GET,
            &path(
                &kitty,
                &format!(
                    "/transactions/{}/split-details",
                    fee["id"].as_str().unwrap()
                ),
            ),
            None,
        )
        .await;
    let shares: i64 = split["shares"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["amount"].as_i64().unwrap())
        .sum();
    assert_eq!(shares, -plus_fee);
    let totals = a
        .ok(Method::GET, &path(&kitty, "/member-totals"), None)
        .await;
    common::kitty::assert_balances_add_up(&totals);
    assert_eq!(
        totals["available_balance"].as_i64(),
        Some(10_000 - plus_fee)
    );
    let history = b
        .ok(Method::GET, &path(&kitty, "/billing/history"), None)
        .await;
    let kinds: Vec<&str> = history["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["plan_changed", "fee_charged"]);
    assert_eq!(history["events"][1]["transaction_id"], fee["id"]);

    // Back to Free, which takes ten members: the eleventh is turned away with what to do.
    let free = a
        .ok(Method::PUT, &plan_path, Some(json!({"plan": "free"})))
        .await;
    assert_eq!(
        (free["plan"].as_str(), free["renews_at"].is_null()),
        (Some("free"), true)
    );
    for n in 0..8 {
        let u = User::register(&server, &format!("Member {n}"), &format!("0912555100{n}")).await;
        u.ok(
            Method::POST,
            "/ktties/join",
            Some(json!({"referral_code": kitty["referral_code"]})),
        )
        .await;
    }
    let eleventh = User::register(&server, "Eleventh Person", "09125551099").await;
    let (s, full) = eleventh
        .status(
            Method::POST,
            "/ktties/join",
            Some(json!({"referral_code": kitty["referral_code"]})),
        )
        .await;
    assert_eq!(s, StatusCode::CONFLICT);
    assert!(full["message"].as_str().unwrap().contains("Plus"), "{full}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_deposit_that_matched_nobody_is_assigned_from_the_admins_inbox() {
    let server = TestServer::start().await;
    let (a, b, kitty) = shared_kitty(&server).await;
    let v2 = |u: &User, method: Method, rest: &str| {
        u.client
            .request(method, format!("{}/ktti/api/v2{rest}", u.base))
            .bearer_auth(&u.token)
            .send()
    };
    let action_of = |inbox: &serde_json::Value| {
        inbox["notifications"]
            .as_array()
            .unwrap()
            .iter()
            .find(|n| n["action"]["kind"] == "assign_deposit")
            .map(|n| {
                (
                    n["action"]["id"].as_str().unwrap().to_string(),
                    n["body"].as_str().unwrap().to_string(),
                )
            })
    };
    // "B MEMBER JOINT ACCT" is nobody's name, but only Ben Member shares a word with it.
    let dep = deposit(&server, &kitty, 4_000, "B MEMBER JOINT ACCT").await;
    assert!(dep["assignee_id"].is_null());
    let inbox: serde_json::Value = v2(&a, Method::GET, "/notifications/inbox")
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let (action, body) = action_of(&inbox).expect("the admin's inbox offers to assign it");
    assert!(body.contains("looks like Ben Member's"), "{body}");
    let inbox_b: serde_json::Value = v2(&b, Method::GET, "/notifications/inbox")
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert!(action_of(&inbox_b).is_none(), "members are not asked");
    // The item leads to the transaction, and is marked read on its own; nobody else can.
    let item = inbox["notifications"]
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["action"]["kind"] == "assign_deposit")
        .unwrap()
        .clone();
    assert_eq!(
        item["link"],
        format!(
            "/kitties/{}/transactions/{}",
            kitty["id"].as_str().unwrap(),
            dep["id"].as_str().unwrap()
        )
    );
    assert_eq!(item["read"], false);
    let read = format!("/notifications/inbox/{}/read", item["id"].as_str().unwrap());
    assert_eq!(
        v2(&b, Method::POST, &read).await.unwrap().status(),
        StatusCode::NOT_FOUND,
        "someone else's notification"
    );
    let unread_before = inbox["unread"].as_i64().unwrap();
    assert_eq!(
        v2(&a, Method::POST, &read).await.unwrap().status(),
        StatusCode::NO_CONTENT
    );
    let after: serde_json::Value = v2(&a, Method::GET, "/notifications/inbox")
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(after["unread"].as_i64().unwrap(), unread_before - 1);
    let run = format!("/actions/{action}");
    assert_eq!(
        v2(&b, Method::POST, &run).await.unwrap().status(),
        StatusCode::NOT_FOUND,
        "someone else's action"
    );
    assert_eq!(
        v2(&a, Method::POST, &run).await.unwrap().status(),
        StatusCode::NO_CONTENT
    );
    assert_eq!(
        v2(&a, Method::POST, &run).await.unwrap().status(),
        StatusCode::CONFLICT,
        "once"
    );
    let totals = a
        .ok(Method::GET, &path(&kitty, "/member-totals"), None)
        .await;
    assert_eq!(totals["unassigned"], 0);
    let ben = totals["members"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["user_id"] == b.id.as_str())
        .unwrap()
        .clone();
    assert_eq!(ben["deposited"], 4_000);

    // A sender like nobody, or like two, gets no button: the Activity tab is where to assign.
    deposit(&server, &kitty, 1_000, "ZED QUUX").await;
    let inbox: serde_json::Value = v2(&a, Method::GET, "/notifications/inbox")
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let newest = inbox["notifications"]
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["body"].as_str().unwrap().contains("ZED QUUX"))
        .unwrap();
    assert!(newest["action"].is_null(), "{newest}");
    assert!(newest["body"].as_str().unwrap().contains("Activity tab"));
}
