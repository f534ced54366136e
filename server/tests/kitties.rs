//! KttiPay group wallets through real HTTP: membership, deposits, splits, closure, authorization.

mod common;

use common::kitty::*;
use common::{expect, TestServer};
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

#[tokio::test]
async fn kitties_list_with_the_personal_one_pinned_and_filters() {
    let server = TestServer::start().await;
    let a = User::register(&server, "Ava Admin", "09125550001").await;
    let created = a.ok(Method::POST, "/ktties", Some(json!({"name": "Flat 3B bills", "currency": "AUD", "description": "Rent and power"}))).await;
    assert_eq!(created["my_role"], "admin");
    assert_eq!(created["currency"], "AUD");
    assert_eq!(created["card"]["status"], "active");
    assert!(created["account"]["bsb"].as_str().unwrap().len() == 7);
    let list = a.ok(Method::GET, "/ktties", None).await;
    assert_eq!(list["total"], 2);
    assert_eq!(
        list["ktties"][0]["is_personal"], true,
        "the personal kitty comes first"
    );
    assert_eq!(
        a.ok(Method::GET, "/ktties?name=flat", None).await["total"],
        1
    );
    assert_eq!(
        a.ok(Method::GET, "/ktties?role=member", None).await["total"],
        0
    );
    assert_eq!(
        a.ok(Method::GET, "/ktties?status=closing", None).await["total"],
        0
    );
    let personal = a.ok(Method::GET, "/ktties/personal", None).await;
    assert_eq!(personal["id"], list["ktties"][0]["id"]);
    let (s, v) = a
        .status(
            Method::POST,
            "/ktties",
            Some(json!({"name": " ", "goal_amount": -5})),
        )
        .await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(v["fields"]["name"].is_string() && v["fields"]["goal_amount"].is_string());
    let updated = a
        .ok(
            Method::PATCH,
            &path(&created, ""),
            Some(json!({"name": "Flat 3B", "goal_amount": 250000})),
        )
        .await;
    assert_eq!(
        (updated["name"].as_str(), updated["goal_amount"].as_i64()),
        (Some("Flat 3B"), Some(250000))
    );
    let (s, _) = a
        .status(
            Method::POST,
            &path(&personal, "/invitations"),
            Some(json!({"contact": "09125550002"})),
        )
        .await;
    assert_eq!(
        s,
        StatusCode::CONFLICT,
        "nobody is invited to a personal kitty"
    );
}

#[tokio::test]
async fn deposits_are_assigned_by_sender_or_wait_for_an_admin() {
    let server = TestServer::start().await;
    let (a, b, kitty) = shared_kitty(&server).await;
    let d1 = deposit(&server, &kitty, 5000, "ava admin").await;
    assert_eq!(d1["assignee_id"], a.id.as_str());
    let d2 = deposit(&server, &kitty, 3000, "B. Member (joint acct)").await;
    assert!(d2["assignee_id"].is_null());
    let unassigned = b
        .ok(Method::GET, &path(&kitty, "/unassigned-deposits"), None)
        .await;
    assert_eq!(unassigned["total"], 1);
    let tx = d2["id"].as_str().unwrap();
    let (s, _) = b
        .status(
            Method::PUT,
            &path(&kitty, &format!("/transactions/{tx}/assignee")),
            Some(json!({"user_id": b.id})),
        )
        .await;
    assert_eq!(s, StatusCode::FORBIDDEN, "members cannot assign");
    let (s, _) = a
        .status(
            Method::PUT,
            &path(&kitty, &format!("/transactions/{tx}/assignee")),
            Some(json!({"user_id": "nobody"})),
        )
        .await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
    let assigned = a
        .ok(
            Method::PUT,
            &path(&kitty, &format!("/transactions/{tx}/assignee")),
            Some(json!({"user_id": b.id})),
        )
        .await;
    assert_eq!(assigned["shares"][0]["amount"], 3000);
    let totals = a
        .ok(Method::GET, &path(&kitty, "/member-totals"), None)
        .await;
    assert_eq!(totals["unassigned"], 0);
    assert_eq!(totals["available_balance"], 8000);
    assert_balances_add_up(&totals);
    let inbox = b
        .client
        .get(format!("{}/ktti/api/v2/notifications/inbox", b.base))
        .bearer_auth(&b.token)
        .send()
        .await
        .unwrap();
    assert_eq!(
        expect(inbox, StatusCode::OK).await["total"],
        0,
        "B's deposit arrived unassigned: no notification then"
    );
    let (s, _) = sandbox(
        &server,
        "/sandbox/kitty-deposits",
        json!({"account_number": "00000000", "amount": 5, "sender_name": "x"}),
    )
    .await;
    assert_eq!(s, StatusCode::NOT_FOUND);
    let (s, _) = sandbox(&server, "/sandbox/kitty-deposits", json!({"account_number": kitty["account"]["account_number"], "amount": 0, "sender_name": "x"})).await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
}

#[tokio::test]
async fn spending_is_split_by_the_default_and_can_be_overridden_exactly() {
    let server = TestServer::start().await;
    let (a, b, kitty) = shared_kitty(&server).await;
    deposit(&server, &kitty, 10_000, "Ava Admin").await;
    deposit(&server, &kitty, 10_000, "Ben Member").await;
    let (s, v) = a.status(Method::PUT, &path(&kitty, "/split"), Some(json!({"mode": "percent", "proportions": [{"user_id": a.id, "value": 70}, {"user_id": b.id, "value": 20}]}))).await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(v["fields"]["proportions"]
        .as_str()
        .unwrap()
        .contains("add up to 100"));
    let (s, _) = b
        .status(
            Method::PUT,
            &path(&kitty, "/split"),
            Some(json!({"mode": "even", "proportions": [{"user_id": b.id}]})),
        )
        .await;
    assert_eq!(s, StatusCode::FORBIDDEN);
    let rule = a.ok(Method::PUT, &path(&kitty, "/split"), Some(json!({"mode": "percent", "proportions": [{"user_id": a.id, "value": 70}, {"user_id": b.id, "value": 30}]}))).await;
    assert_eq!(rule["mode"], "percent");
    assert_eq!(b.ok(Method::GET, &path(&kitty, "/split"), None).await, rule);

    let (s, expense) = spend(&server, &kitty, 8_421, false).await;
    assert_eq!(s, StatusCode::OK);
    let tx = expense["id"].as_str().unwrap().to_string();
    let split = b
        .ok(
            Method::GET,
            &path(&kitty, &format!("/transactions/{tx}/split")),
            None,
        )
        .await;
    let shares: Vec<i64> = split["shares"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["amount"].as_i64().unwrap())
        .collect();
    // A share is its effect on the member's balance: a card payment's are negative.
    assert_eq!(shares.iter().sum::<i64>(), -8_421);
    assert!(
        shares.contains(&-5_895) && shares.contains(&-2_526),
        "{shares:?}"
    );
    let totals = a.ok(Method::GET, &path(&kitty, "/members"), None).await;
    assert_balances_add_up(&totals);

    // One transaction's override: amounts must add up to it.
    let (s, v) = a.status(Method::PUT, &path(&kitty, &format!("/transactions/{tx}/split")), Some(json!({"mode": "amount", "proportions": [{"user_id": a.id, "value": 8000}, {"user_id": b.id, "value": 400}]}))).await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        v["fields"]["proportions"]
            .as_str()
            .unwrap()
            .contains("A$84.21"),
        "{v}"
    );
    let over = a.ok(Method::PUT, &path(&kitty, &format!("/transactions/{tx}/split")), Some(json!({"mode": "amount", "proportions": [{"user_id": a.id, "value": 8000}, {"user_id": b.id, "value": 421}]}))).await;
    assert_eq!(over["transaction"]["custom_split"], true);

    // A refund naming no payment follows the default rule: shares are positive and exact.
    let (_, refund) = spend(&server, &kitty, 1_001, true).await;
    let r = a
        .ok(
            Method::GET,
            &path(
                &kitty,
                &format!("/transactions/{}/split", refund["id"].as_str().unwrap()),
            ),
            None,
        )
        .await;
    let sum: i64 = r["shares"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["amount"].as_i64().unwrap())
        .sum();
    assert_eq!(sum, 1_001);
    let totals = a
        .ok(Method::GET, &path(&kitty, "/member-totals"), None)
        .await;
    assert_eq!(totals["available_balance"], 20_000 - 8_421 + 1_001);
    assert_balances_add_up(&totals);

    let (s, _) = a
        .status(
            Method::PUT,
            &path(
                &kitty,
                &format!("/transactions/{}/split", refund["id"].as_str().unwrap()),
            ),
            Some(json!({"mode": "shares", "proportions": [{"user_id": "stranger", "value": 1}]})),
        )
        .await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
    let (s, _) = spend(&server, &kitty, 1_000_000, false).await;
    assert_eq!(
        s,
        StatusCode::CONFLICT,
        "the card declines what the kitty cannot cover"
    );

    // Additional info, and everything across kitties.
    let info = a
        .ok(
            Method::PATCH,
            &format!("/transactions/{tx}/info"),
            Some(json!({"note": "Dinner on Friday", "category": "Food"})),
        )
        .await;
    assert_eq!(
        (info["note"].as_str(), info["category"].as_str()),
        (Some("Dinner on Friday"), Some("Food"))
    );
    let (s, _) = b
        .status(
            Method::PATCH,
            &format!("/transactions/{tx}/info"),
            Some(json!({"note": "x"})),
        )
        .await;
    assert_eq!(s, StatusCode::FORBIDDEN);
    assert_eq!(
        b.ok(Method::GET, &format!("/transactions/{tx}/info"), None)
            .await["category"],
        "Food"
    );
    let all = b.ok(Method::GET, "/transactions?per_page=2", None).await;
    assert_eq!(
        (
            all["total"].as_i64(),
            all["transactions"].as_array().unwrap().len()
        ),
        (Some(4), 2)
    );
    let page2 = b
        .ok(
            Method::GET,
            &path(&kitty, "/transactions?page=2&per_page=3"),
            None,
        )
        .await;
    assert_eq!(page2["transactions"].as_array().unwrap().len(), 1);
}

#[tokio::test]
async fn invitations_referral_roles_and_leaving() {
    let server = TestServer::start().await;
    let a = User::register(&server, "Ava Admin", "09125550001").await;
    let c = User::register(&server, "Cyrus Invitee", "09125550003").await;
    let d = User::register(&server, "Dara Other", "09125550004").await;
    let kitty = a
        .ok(Method::POST, "/ktties", Some(json!({"name": "Trip"})))
        .await;
    let inv = a
        .ok(
            Method::POST,
            &path(&kitty, "/invitations"),
            Some(json!({"contact": "+98 912 555 0003"})),
        )
        .await;
    assert_eq!(inv["status"], "pending");
    let (s, _) = a
        .status(
            Method::POST,
            &path(&kitty, "/invitations"),
            Some(json!({"contact": "09125550003"})),
        )
        .await;
    assert_eq!(s, StatusCode::CONFLICT, "one pending invitation per person");
    let (s, _) = a
        .status(
            Method::POST,
            &path(&kitty, "/invitations"),
            Some(json!({"contact": "nope"})),
        )
        .await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
    a.ok(
        Method::POST,
        &path(&kitty, "/invitations"),
        Some(json!({"contact": "09125550004@kitty.test"})),
    )
    .await;
    assert_eq!(
        a.ok(Method::GET, &path(&kitty, "/invitations"), None).await["invitations"]
            .as_array()
            .unwrap()
            .len(),
        2
    );

    let mine = c.ok(Method::GET, "/invitations", None).await;
    assert_eq!(mine["invitations"][0]["ktti_name"], "Trip");
    assert_eq!(mine["invitations"][0]["invited_by"], "Ava Admin");
    let joined = c
        .ok(Method::POST, &path(&kitty, "/invitations/accept"), None)
        .await;
    assert_eq!(joined["my_role"], "member");
    assert_eq!(
        d.ok(Method::GET, "/invitations", None).await["invitations"]
            .as_array()
            .unwrap()
            .len(),
        1
    );
    let (s, _) = d
        .status(Method::POST, &path(&kitty, "/invitations/reject"), None)
        .await;
    assert_eq!(s, StatusCode::NO_CONTENT);
    let (s, _) = d.status(Method::GET, &path(&kitty, ""), None).await;
    assert_eq!(s, StatusCode::NOT_FOUND, "rejecting does not join");
    let (s, _) = d
        .status(Method::POST, &path(&kitty, "/invitations/accept"), None)
        .await;
    assert_eq!(s, StatusCode::NOT_FOUND, "the invitation is used up");
    let (s, _) = d
        .status(
            Method::POST,
            "/ktties/join",
            Some(json!({"referral_code": "WRONG123"})),
        )
        .await;
    assert_eq!(s, StatusCode::NOT_FOUND);
    // The join page's preview needs no sign-in: the code is the invitation.
    let code = kitty["referral_code"].as_str().unwrap().to_lowercase();
    let preview = reqwest::get(server.url(&format!("/ktti/api/v3/ktties/join/{code}")))
        .await
        .unwrap();
    assert_eq!(preview.status(), StatusCode::OK);
    let preview: serde_json::Value = preview.json().await.unwrap();
    assert_eq!(preview["ktti_name"], kitty["name"]);
    assert_eq!(preview["status"], "active");
    assert!(preview["member_count"].as_i64().unwrap() >= 2, "{preview}");
    assert!(preview["started_by"].is_string());
    let unknown = reqwest::get(server.url("/ktti/api/v3/ktties/join/WRONG123"))
        .await
        .unwrap();
    assert_eq!(unknown.status(), StatusCode::NOT_FOUND);

    // Admin requests, roles, the last admin.
    c.ok(Method::POST, &path(&kitty, "/admin-requests"), None)
        .await;
    let members = a.ok(Method::GET, &path(&kitty, "/members"), None).await;
    let cm = members["members"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["user_id"] == c.id.as_str())
        .unwrap()
        .clone();
    assert_eq!(cm["admin_requested"], true);
    let (s, v) = a
        .status(
            Method::PUT,
            &path(&kitty, &format!("/members/{}", a.id)),
            Some(json!({"role": "member"})),
        )
        .await;
    assert_eq!(s, StatusCode::CONFLICT, "{v}");
    let (s, _) = a
        .status(
            Method::DELETE,
            &path(&kitty, &format!("/members/{}", a.id)),
            None,
        )
        .await;
    assert_eq!(s, StatusCode::CONFLICT);
    let (s, _) = a.status(Method::POST, &path(&kitty, "/leave"), None).await;
    assert_eq!(s, StatusCode::CONFLICT, "the last admin cannot leave");
    a.ok(
        Method::PUT,
        &path(&kitty, &format!("/members/{}", c.id)),
        Some(json!({"role": "admin"})),
    )
    .await;
    let (s, _) = c
        .status(Method::POST, &path(&kitty, "/admin-requests"), None)
        .await;
    assert_eq!(s, StatusCode::CONFLICT);

    // No leaving with money in.
    deposit(&server, &kitty, 500, "Cyrus Invitee").await;
    let (s, v) = c.status(Method::POST, &path(&kitty, "/leave"), None).await;
    assert_eq!(s, StatusCode::CONFLICT);
    assert!(
        v["message"].as_str().unwrap().contains("pays it out"),
        "says how to settle: {v}"
    );
    let (s, _) = a
        .status(
            Method::DELETE,
            &path(&kitty, &format!("/members/{}", c.id)),
            None,
        )
        .await;
    assert_eq!(s, StatusCode::CONFLICT);
    d.ok(
        Method::POST,
        "/ktties/join",
        Some(json!({"referral_code": kitty["referral_code"].as_str().unwrap().to_lowercase()})),
    )
    .await;
    let (s, _) = d.status(Method::POST, &path(&kitty, "/leave"), None).await;
    assert_eq!(s, StatusCode::NO_CONTENT);
}

#[tokio::test]
async fn closure_freezes_disburses_and_closes() {
    let server = TestServer::start().await;
    let (a, b, kitty) = shared_kitty(&server).await;
    deposit(&server, &kitty, 6_000, "Ava Admin").await;
    deposit(&server, &kitty, 4_000, "Ben Member").await;
    spend(&server, &kitty, 3_001, false).await;
    let (s, _) = a
        .status(Method::POST, &path(&kitty, "/closure/close"), None)
        .await;
    assert_eq!(s, StatusCode::CONFLICT, "close needs closure started");
    let (s, _) = b
        .status(Method::POST, &path(&kitty, "/closure/initiate"), None)
        .await;
    assert_eq!(s, StatusCode::FORBIDDEN);
    let closing = a
        .ok(Method::POST, &path(&kitty, "/closure/initiate"), None)
        .await;
    assert_eq!(
        (
            closing["status"].as_str(),
            closing["card"]["status"].as_str()
        ),
        (Some("closing"), Some("frozen"))
    );
    let (s, v) = spend(&server, &kitty, 10, false).await;
    assert_eq!(s, StatusCode::CONFLICT, "no spending while closing: {v}");
    let (s, v) = a
        .status(Method::POST, &path(&kitty, "/closure/close"), None)
        .await;
    assert_eq!(s, StatusCode::CONFLICT, "no close with money left");
    assert!(
        v["message"].as_str().unwrap().contains("Pay out"),
        "says how: {v}"
    );
    // Cancel and start again.
    assert_eq!(
        a.ok(Method::POST, &path(&kitty, "/closure/cancel"), None)
            .await["status"],
        "active"
    );
    a.ok(Method::POST, &path(&kitty, "/closure/initiate"), None)
        .await;
    let d = a
        .ok(Method::POST, &path(&kitty, "/closure/disburse"), None)
        .await;
    let paid: i64 = d["payouts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["amount"].as_i64().unwrap())
        .sum();
    assert_eq!(paid, 10_000 - 3_001);
    let totals = a.ok(Method::GET, &path(&kitty, "/members"), None).await;
    assert_eq!(totals["available_balance"], 0);
    assert!(
        totals["members"]
            .as_array()
            .unwrap()
            .iter()
            .all(|m| m["balance"] == 0),
        "{totals}"
    );
    let closed = a
        .ok(Method::POST, &path(&kitty, "/closure/close"), None)
        .await;
    assert_eq!(
        (closed["status"].as_str(), closed["card"]["status"].as_str()),
        (Some("closed"), Some("closed"))
    );
    let (s, _) = a
        .status(Method::POST, &path(&kitty, "/closure/cancel"), None)
        .await;
    assert_eq!(s, StatusCode::CONFLICT, "closing is permanent");
    let (s, _) = sandbox(&server, "/sandbox/kitty-deposits", json!({"account_number": kitty["account"]["account_number"], "amount": 5, "sender_name": "Ava Admin"})).await;
    assert_eq!(
        s,
        StatusCode::NOT_FOUND,
        "a closed kitty's account takes no deposits"
    );
}

#[tokio::test]
async fn disbursal_needs_deposits_assigned_and_nobody_in_debt() {
    let server = TestServer::start().await;
    let (a, b, kitty) = shared_kitty(&server).await;
    deposit(&server, &kitty, 1_000, "Ava Admin").await;
    let unknown = deposit(&server, &kitty, 500, "Someone").await;
    spend(&server, &kitty, 1_200, false).await; // Ben's half (600) is more than he put in (0).
    a.ok(Method::POST, &path(&kitty, "/closure/initiate"), None)
        .await;
    let (s, v) = a
        .status(Method::POST, &path(&kitty, "/closure/disburse"), None)
        .await;
    assert_eq!(s, StatusCode::CONFLICT);
    assert!(v["message"].as_str().unwrap().contains("not assigned"));
    a.ok(
        Method::PUT,
        &path(
            &kitty,
            &format!("/transactions/{}/assignee", unknown["id"].as_str().unwrap()),
        ),
        Some(json!({"user_id": b.id})),
    )
    .await;
    let (s, v) = a
        .status(Method::POST, &path(&kitty, "/closure/disburse"), None)
        .await;
    assert_eq!(s, StatusCode::CONFLICT);
    assert!(v["message"].as_str().unwrap().contains("Ben Member"), "{v}");
}

#[tokio::test]
async fn outsiders_get_404_and_members_get_403_for_admin_operations() {
    let server = TestServer::start().await;
    let (a, b, kitty) = shared_kitty(&server).await;
    let outsider = User::register(&server, "Omid Outsider", "09125550009").await;
    let d = deposit(&server, &kitty, 1_000, "Nobody").await;
    let (_, e) = spend(&server, &kitty, 100, false).await;
    let (dep, exp) = (d["id"].as_str().unwrap(), e["id"].as_str().unwrap());
    let split = json!({"mode": "even", "proportions": [{"user_id": a.id}]});
    let endpoints: Vec<(Method, String, Option<Value>, bool)> = vec![
        (Method::GET, path(&kitty, ""), None, false),
        (
            Method::PATCH,
            path(&kitty, ""),
            Some(json!({"name": "x"})),
            true,
        ),
        (Method::GET, path(&kitty, "/members"), None, false),
        (Method::GET, path(&kitty, "/member-totals"), None, false),
        (Method::GET, path(&kitty, "/invitations"), None, false),
        (
            Method::POST,
            path(&kitty, "/invitations"),
            Some(json!({"contact": "09125550077"})),
            true,
        ),
        (Method::GET, path(&kitty, "/split"), None, false),
        (
            Method::PUT,
            path(&kitty, "/split"),
            Some(split.clone()),
            true,
        ),
        (Method::GET, path(&kitty, "/transactions"), None, false),
        (
            Method::GET,
            path(&kitty, &format!("/transactions/{exp}")),
            None,
            false,
        ),
        (
            Method::GET,
            path(&kitty, &format!("/transactions/{exp}/split")),
            None,
            false,
        ),
        (
            Method::PUT,
            path(&kitty, &format!("/transactions/{exp}/split")),
            Some(split.clone()),
            true,
        ),
        (
            Method::PUT,
            path(&kitty, &format!("/transactions/{dep}/assignee")),
            Some(json!({"user_id": a.id})),
            true,
        ),
        (
            Method::GET,
            path(&kitty, "/unassigned-deposits"),
            None,
            false,
        ),
        (
            Method::GET,
            format!("/transactions/{exp}/info"),
            None,
            false,
        ),
        (
            Method::PATCH,
            format!("/transactions/{exp}/info"),
            Some(json!({"note": "x"})),
            true,
        ),
        (
            Method::PUT,
            path(&kitty, &format!("/members/{}", b.id)),
            Some(json!({"role": "admin"})),
            true,
        ),
        (
            Method::DELETE,
            path(&kitty, &format!("/members/{}", a.id)),
            None,
            true,
        ),
        (Method::POST, path(&kitty, "/closure/initiate"), None, true),
        (Method::POST, path(&kitty, "/closure/disburse"), None, true),
        (Method::POST, path(&kitty, "/closure/close"), None, true),
        (Method::POST, path(&kitty, "/closure/cancel"), None, true),
        (Method::POST, path(&kitty, "/admin-requests"), None, false),
        (Method::POST, path(&kitty, "/leave"), None, false),
    ];
    for (method, p, body, admin_only) in &endpoints {
        let (s, _) = outsider.status(method.clone(), p, body.clone()).await;
        assert_eq!(s, StatusCode::NOT_FOUND, "outsider {method} {p}");
        if *admin_only {
            let (s, _) = b.status(method.clone(), p, body.clone()).await;
            assert_eq!(s, StatusCode::FORBIDDEN, "member {method} {p}");
        }
    }
    // Nothing leaked into the outsider's lists.
    assert_eq!(
        outsider.ok(Method::GET, "/transactions", None).await["total"],
        0
    );
    assert_eq!(
        outsider.ok(Method::GET, "/ktties", None).await["total"],
        1,
        "only their personal kitty"
    );
}

#[tokio::test]
async fn fifty_concurrent_deposits_and_spends_leave_balances_exact() {
    let server = TestServer::start().await;
    let (a, _b, kitty) = shared_kitty(&server).await;
    deposit(&server, &kitty, 100_000, "Ava Admin").await;
    let mut handles = Vec::new();
    for i in 0..50 {
        let url = server.base.clone();
        let kitty = kitty.clone();
        handles.push(tokio::spawn(async move {
            let client = reqwest::Client::new();
            let (path, body) = if i % 2 == 0 {
                ("/sandbox/kitty-deposits", json!({"account_number": kitty["account"]["account_number"], "amount": 1_001, "sender_name": if i % 4 == 0 { "Ava Admin" } else { "Ben Member" }}))
            } else {
                ("/sandbox/card-spends", json!({"card_id": kitty["card"]["id"], "merchant_name": "Shop", "amount": 333, "refund": i % 5 == 0}))
            };
            client.post(format!("{url}{path}")).json(&body).send().await.unwrap().status()
        }));
    }
    for h in handles {
        assert_eq!(h.await.unwrap(), StatusCode::OK);
    }
    let totals = a
        .ok(Method::GET, &path(&kitty, "/member-totals"), None)
        .await;
    // 25 deposits of 1,001; 25 card events of 333, of which 5 are refunds (i = 5, 15, 25, 35, 45).
    let expected = 100_000 + 25 * 1_001 - 20 * 333 + 5 * 333;
    assert_eq!(totals["available_balance"], expected);
    assert_balances_add_up(&totals);
    assert_eq!(
        a.ok(Method::GET, &path(&kitty, "/transactions"), None)
            .await["total"],
        51
    );
}
