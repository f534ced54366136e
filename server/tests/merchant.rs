//! KPAY card-to-card through real HTTP: shops, cards, payments, settlement, expiry.

mod common;

use common::{card, expect, merchant, TestServer};
use reqwest::StatusCode;
use serde_json::{json, Value};

async fn transfer(server: &TestServer, card_number: &str, amount: i64) -> Value {
    let r = reqwest::Client::new()
        .post(server.url("/sandbox/card-transfers"))
        .json(&json!({"card_number": card_number, "amount": amount}))
        .send()
        .await
        .unwrap();
    expect(r, StatusCode::OK).await
}

async fn check(server: &TestServer, authority: &str) -> Value {
    let r = reqwest::get(server.url(&format!("/kpay/transactions/check/{authority}")))
        .await
        .unwrap();
    expect(r, StatusCode::OK).await
}

#[tokio::test]
async fn shops_show_their_key_once_and_regenerating_kills_the_old_one() {
    let server = TestServer::start().await;
    let m = merchant(&server, "09121110001").await;
    assert!(m.api_key.starts_with("kp_") && m.api_key.len() == 43);
    let list = expect(m.get("/kpay/shops").await, StatusCode::OK).await;
    assert_eq!(list["total"], 1);
    assert!(
        list["shops"][0].get("api_key").is_none(),
        "the key is never listed"
    );
    assert_eq!(list["shops"][0]["api_key_prefix"], &m.api_key[..10]);

    let api = reqwest::Client::new();
    let create = json!({"shop_id": m.shop_id, "card_id": m.card_id, "amount": 50_000, "callback_url": "https://cafe.example/paid"});
    let with_key = |key: String| {
        api.post(server.url("/kpay/transactions/create"))
            .header("x-api-key", key)
            .json(&create)
            .send()
    };
    expect(
        with_key(m.api_key.clone()).await.unwrap(),
        StatusCode::CREATED,
    )
    .await;
    let fresh = expect(
        m.post(
            &format!("/kpay/shops/{}/regenerate-key", m.shop_id),
            json!({}),
        )
        .await,
        StatusCode::OK,
    )
    .await;
    expect(
        with_key(m.api_key.clone()).await.unwrap(),
        StatusCode::UNAUTHORIZED,
    )
    .await;
    expect(
        with_key(fresh["api_key"].as_str().unwrap().into())
            .await
            .unwrap(),
        StatusCode::CREATED,
    )
    .await;

    let bad = expect(
        m.post("/kpay/shops", json!({"name": " ", "website": "nope"}))
            .await,
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await;
    assert!(bad["fields"]["name"].is_string() && bad["fields"]["website"].is_string());
}

#[tokio::test]
async fn cards_are_validated_masked_and_named_by_bank() {
    let server = TestServer::start().await;
    let m = merchant(&server, "09121110002").await;
    let list = expect(m.get("/kpay/cards").await, StatusCode::OK).await;
    let c = &list["cards"][0];
    assert_eq!(c["bank_name"], "Bank Melli Iran");
    assert_eq!(
        c["card_number"],
        format!("6037-99**-****-{}", &m.card_number[12..])
    );
    assert!(
        !list.to_string().contains(&m.card_number),
        "the full number never leaves in a list"
    );

    let mellat = card("610433", 42);
    let added = expect(
        m.post("/kpay/cards", json!({"card_number": mellat, "owner_name": "N R", "shaba": "IR062960000000100324200001"})).await,
        StatusCode::CREATED,
    )
    .await;
    assert_eq!(added["bank_name"], "Bank Mellat");
    assert_eq!(added["shaba"], "IR** **** **** **** **** **0001");

    let mut typo = mellat.clone().into_bytes();
    typo[3] = if typo[3] == b'9' { b'0' } else { typo[3] + 1 };
    let bad = expect(
        m.post("/kpay/cards", json!({"card_number": String::from_utf8(typo).unwrap(), "owner_name": "", "shaba": "IR072960000000100324200001"})).await,
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await;
    for f in ["card_number", "owner_name", "shaba"] {
        assert!(bad["fields"][f].is_string(), "{f}: {bad}");
    }
    let dup = expect(
        m.post(
            "/kpay/cards",
            json!({"card_number": mellat, "owner_name": "N R"}),
        )
        .await,
        StatusCode::CONFLICT,
    )
    .await;
    assert!(dup["fields"]["card_number"].is_string());

    let off = expect(
        m.post(&format!("/kpay/cards/{}/deactivate", m.card_id), json!({}))
            .await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(off["is_active"], false);
    let create = json!({"shop_id": m.shop_id, "card_id": m.card_id, "amount": 50_000, "callback_url": "https://cafe.example/paid"});
    expect(
        m.post("/kpay/transactions/create", create).await,
        StatusCode::NOT_FOUND,
    )
    .await;
}

#[tokio::test]
async fn nobody_reaches_another_merchants_shop_card_or_payment() {
    let server = TestServer::start().await;
    let a = merchant(&server, "09121110003").await;
    let b = merchant(&server, "09121110004").await;
    let paid = a.pay_link(80_000).await;
    let authority = paid["authority"].as_str().unwrap();

    let b_with_a_card = json!({"shop_id": b.shop_id, "card_id": a.card_id, "amount": 50_000, "callback_url": "https://x.example/ok"});
    let e1 = expect(
        b.post("/kpay/transactions/create", b_with_a_card).await,
        StatusCode::NOT_FOUND,
    )
    .await;
    let b_with_a_shop = json!({"shop_id": a.shop_id, "card_id": b.card_id, "amount": 50_000, "callback_url": "https://x.example/ok"});
    let e2 = expect(
        b.post("/kpay/transactions/create", b_with_a_shop).await,
        StatusCode::NOT_FOUND,
    )
    .await;
    assert_eq!(e1["error"], "not_found");
    assert_eq!(e2["error"], "not_found");
    expect(
        b.post(
            &format!("/kpay/shops/{}/regenerate-key", a.shop_id),
            json!({}),
        )
        .await,
        StatusCode::NOT_FOUND,
    )
    .await;
    expect(
        b.post(&format!("/kpay/cards/{}/deactivate", a.card_id), json!({}))
            .await,
        StatusCode::NOT_FOUND,
    )
    .await;
    expect(
        b.post("/kpay/transactions/verify", json!({"authority": authority}))
            .await,
        StatusCode::NOT_FOUND,
    )
    .await;
    let list = expect(b.get("/kpay/transactions").await, StatusCode::OK).await;
    assert_eq!(list["total"], 0);
    // A's own API key cannot act for a shop of A's that it does not belong to either.
    let second = expect(
        a.post("/kpay/shops", json!({"name": "Second"})).await,
        StatusCode::CREATED,
    )
    .await;
    let other_shop = json!({"shop_id": second["id"], "card_id": a.card_id, "amount": 50_000, "callback_url": "https://x.example/ok"});
    let r = reqwest::Client::new()
        .post(server.url("/kpay/transactions/create"))
        .header("x-api-key", &a.api_key)
        .json(&other_shop)
        .send()
        .await
        .unwrap();
    expect(r, StatusCode::NOT_FOUND).await;
}

#[tokio::test]
async fn a_payment_is_settled_by_the_bank_notification_and_verified() {
    let server = TestServer::start().await;
    let m = merchant(&server, "09121110005").await;
    let body = json!({"shop_id": m.shop_id, "card_id": m.card_id, "amount": 1_250_000, "callback_url": "https://cafe.example/paid",
                      "description": "Two coffees", "factor_number": "INV-1", "fee_side": "customer"});
    let created = expect(
        m.post("/kpay/transactions/create", body.clone()).await,
        StatusCode::CREATED,
    )
    .await;
    assert_eq!(created["fee"], 12_500);
    let final_amount = created["final_amount"].as_i64().unwrap();
    assert!(
        (1_262_501..=1_263_499).contains(&final_amount),
        "amount + fee + a small offset: {final_amount}"
    );
    assert_eq!(created["status"], "pending");
    let authority = created["authority"].as_str().unwrap().to_string();
    assert!(created["payment_url"]
        .as_str()
        .unwrap()
        .ends_with(&format!("/pay/{authority}")));

    let dup = expect(
        m.post("/kpay/transactions/create", body).await,
        StatusCode::CONFLICT,
    )
    .await;
    assert!(dup["fields"]["factor_number"].is_string());

    let info = expect(
        reqwest::get(server.url(&format!("/kpay/transactions/payment/{authority}")))
            .await
            .unwrap(),
        StatusCode::OK,
    )
    .await;
    assert_eq!(
        info["card_number"],
        m.card_number.as_str(),
        "the buyer sees the whole number"
    );
    assert_eq!(info["shop_name"], "Cafe Nadia");
    assert_eq!(info["owner_name"], "Nadia Rahimi");
    assert_eq!(info["bank_name"], "Bank Melli Iran");
    let remaining = info["remaining_seconds"].as_i64().unwrap();
    assert!((890..=900).contains(&remaining), "{remaining}");

    let not_yet = expect(
        m.post("/kpay/transactions/verify", json!({"authority": authority}))
            .await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(not_yet["status"], "pending");
    assert_eq!(check(&server, &authority).await["is_paid"], false);
    // The wrong sum settles nothing.
    assert_eq!(
        transfer(&server, &m.card_number, 1_250_000).await["outcome"],
        "unmatched"
    );
    let settled = transfer(&server, &m.card_number, final_amount).await;
    assert_eq!(settled["outcome"], "paid");
    assert_eq!(settled["authority"], authority.as_str());
    assert_eq!(
        check(&server, &authority).await,
        json!({"authority": authority, "status": "paid", "is_paid": true})
    );
    // The merchant's server verifies with its API key.
    let v = reqwest::Client::new()
        .post(server.url("/kpay/transactions/verify"))
        .header("x-api-key", &m.api_key)
        .json(&json!({"authority": authority}))
        .send()
        .await
        .unwrap();
    let v = expect(v, StatusCode::OK).await;
    assert_eq!(v["status"], "paid");
    assert_eq!(v["amount"], 1_250_000);
    assert!(v["paid_at"].as_str().unwrap().ends_with('Z'));
    expect(
        reqwest::get(server.url("/kpay/transactions/check/KPNOPE"))
            .await
            .unwrap(),
        StatusCode::NOT_FOUND,
    )
    .await;
}

#[tokio::test]
async fn two_pending_payments_to_one_card_ask_for_different_sums() {
    let server = TestServer::start().await;
    let m = merchant(&server, "09121110006").await;
    let sums: Vec<i64> = futures_join(&m, 5).await;
    let mut unique = sums.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), sums.len(), "{sums:?}");
    assert!(
        sums.iter().all(|s| (100_001..=100_999).contains(s)),
        "{sums:?}"
    );
}

async fn futures_join(m: &common::Merchant, n: usize) -> Vec<i64> {
    let mut out = Vec::new();
    for _ in 0..n {
        out.push(m.pay_link(100_000).await["final_amount"].as_i64().unwrap());
    }
    out
}

#[tokio::test]
async fn fifty_identical_notifications_settle_exactly_one_payment() {
    let server = TestServer::start().await;
    let m = merchant(&server, "09121110007").await;
    let created = m.pay_link(300_000).await;
    let amount = created["final_amount"].as_i64().unwrap();
    let client = reqwest::Client::new();
    let url = server.url("/sandbox/card-transfers");
    let handles: Vec<_> = (0..50)
        .map(|_| {
            let (client, url, card) = (client.clone(), url.clone(), m.card_number.clone());
            tokio::spawn(async move {
                let r = client
                    .post(url)
                    .json(&json!({"card_number": card, "amount": amount}))
                    .send()
                    .await
                    .unwrap();
                expect(r, StatusCode::OK).await["outcome"]
                    .as_str()
                    .unwrap()
                    .to_string()
            })
        })
        .collect();
    let mut outcomes = Vec::new();
    for h in handles {
        outcomes.push(h.await.unwrap());
    }
    assert_eq!(
        outcomes.iter().filter(|o| *o == "paid").count(),
        1,
        "{outcomes:?}"
    );
    assert_eq!(outcomes.iter().filter(|o| *o == "unmatched").count(), 49);
    let list = expect(
        m.get("/kpay/transactions?status=paid").await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(list["total"], 1);
}

#[tokio::test]
async fn unpaid_payments_expire_and_a_late_transfer_is_recorded() {
    let server = TestServer::start_with(|s| s.payment_ttl_secs = 1).await;
    let m = merchant(&server, "09121110008").await;
    let created = m.pay_link(200_000).await;
    let authority = created["authority"].as_str().unwrap();
    // The job runner expires it on its next tick after the second is over (ticks are 1 s
    // apart, and stored times are whole seconds): wait for that, up to a few ticks.
    let mut waited = 0;
    while check(&server, authority).await["status"] != "expired" {
        waited += 1;
        assert!(waited < 40, "not expired after 4 s");
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    let info = expect(
        reqwest::get(server.url(&format!("/kpay/transactions/payment/{authority}")))
            .await
            .unwrap(),
        StatusCode::OK,
    )
    .await;
    assert_eq!(info["remaining_seconds"], 0);
    let late = transfer(
        &server,
        &m.card_number,
        created["final_amount"].as_i64().unwrap(),
    )
    .await;
    assert_eq!(late["outcome"], "paid_late");
    assert_eq!(
        check(&server, authority).await,
        json!({"authority": authority, "status": "paid_late", "is_paid": false})
    );
    // The sandbox can also end a payment at once.
    let other = m.pay_link(200_000).await;
    let a2 = other["authority"].as_str().unwrap();
    let r = reqwest::Client::new()
        .post(server.url(&format!("/sandbox/transactions/{a2}/expire")))
        .send()
        .await
        .unwrap();
    expect(r, StatusCode::NO_CONTENT).await;
    assert_eq!(check(&server, a2).await["status"], "expired");
}

#[tokio::test]
async fn the_list_filters_pages_and_exports() {
    let server = TestServer::start().await;
    let m = merchant(&server, "09121110009").await;
    let second = expect(
        m.post("/kpay/shops", json!({"name": "Books, \"Quoted\""}))
            .await,
        StatusCode::CREATED,
    )
    .await;
    for _ in 0..3 {
        m.pay_link(100_000).await;
    }
    let body = json!({"shop_id": second["id"], "card_id": m.card_id, "amount": 70_000, "callback_url": "https://b.example/ok", "description": "=cmd"});
    let other = expect(
        m.post("/kpay/transactions/create", body).await,
        StatusCode::CREATED,
    )
    .await;
    transfer(
        &server,
        &m.card_number,
        other["final_amount"].as_i64().unwrap(),
    )
    .await;

    let all = expect(
        m.get("/kpay/transactions?per_page=2&page=2").await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(
        (
            all["total"].as_i64(),
            all["page"].as_i64(),
            all["per_page"].as_i64()
        ),
        (Some(4), Some(2), Some(2))
    );
    assert_eq!(all["transactions"].as_array().unwrap().len(), 2);
    let by_shop = expect(
        m.get(&format!("/kpay/transactions?shop_id={}", m.shop_id))
            .await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(by_shop["total"], 3);
    let paid = expect(
        m.get("/kpay/transactions?status=paid").await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(paid["total"], 1);
    assert_eq!(paid["transactions"][0]["shop_name"], "Books, \"Quoted\"");
    let bad = expect(
        m.get("/kpay/transactions?status=lost").await,
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await;
    assert!(bad["fields"]["status"].is_string());

    let csv = m.get("/kpay/transactions/export.csv?status=paid").await;
    assert!(csv.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/csv"));
    let text = csv.text().await.unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 2, "{text}");
    assert!(lines[1].contains("\"Books, \"\"Quoted\"\"\""), "{text}");
    assert!(lines[1].contains("'=cmd"), "formulas are defused: {text}");
    assert!(
        !text.contains(&m.card_number),
        "card numbers are masked in exports"
    );
}

#[tokio::test]
async fn merchant_endpoints_need_a_session_and_check_input() {
    let server = TestServer::start().await;
    let anon = server.browser();
    for path in ["/kpay/shops", "/kpay/cards", "/kpay/transactions"] {
        expect(anon.get(path).await, StatusCode::UNAUTHORIZED).await;
    }
    let m = merchant(&server, "09121110010").await;
    let bad = expect(
        m.post(
            "/kpay/transactions/create",
            json!({"shop_id": "", "card_id": "", "amount": 5, "callback_url": "ftp://x"}),
        )
        .await,
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await;
    for f in ["shop_id", "card_id", "amount", "callback_url"] {
        assert!(bad["fields"][f].is_string(), "{f}: {bad}");
    }
    let wrong_type = expect(m.post("/kpay/transactions/create", json!({"shop_id": "x", "card_id": "y", "amount": "lots", "callback_url": "https://a.example"})).await, StatusCode::UNPROCESSABLE_ENTITY).await;
    assert!(wrong_type["fields"]["amount"].is_string(), "{wrong_type}");
}

#[tokio::test]
async fn summary_detail_and_qr_code() {
    let server = TestServer::start().await;
    let m = merchant(&server, "09121110011").await;
    let a = m.pay_link(400_000).await;
    m.pay_link(150_000).await;
    transfer(&server, &m.card_number, a["final_amount"].as_i64().unwrap()).await;
    // The buyer pays the fee on this one: the merchant receives all of its 200,000.
    let body = json!({"shop_id": m.shop_id, "card_id": m.card_id, "amount": 200_000, "fee_side": "customer", "callback_url": "https://cafe.example/paid"});
    let c = expect(
        m.post("/kpay/transactions/create", body).await,
        StatusCode::CREATED,
    )
    .await;
    transfer(&server, &m.card_number, c["final_amount"].as_i64().unwrap()).await;
    let s = expect(
        m.get("/kpay/merchant/summary?tz_offset=210").await,
        StatusCode::OK,
    )
    .await;
    // What the merchant received: 400,000 less its 1% fee, plus 200,000 whose fee the buyer paid.
    let received = 400_000 - 4_000 + 200_000;
    assert_eq!(s["today_paid"], received);
    assert_eq!(s["month_paid"], received);
    assert_eq!(s["pending_count"], 1);
    let daily = s["daily"].as_array().unwrap();
    assert_eq!(daily.len(), 14);
    assert_eq!(daily[13]["paid"], received);
    assert!(daily[..13].iter().all(|d| d["paid"] == 0));

    let id = a["id"].as_str().unwrap();
    let detail = expect(
        m.get(&format!("/kpay/transactions/{id}")).await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(detail["status"], "paid");
    assert_eq!(detail["shop_name"], "Cafe Nadia");
    let other = merchant(&server, "09121110012").await;
    expect(
        other.get(&format!("/kpay/transactions/{id}")).await,
        StatusCode::NOT_FOUND,
    )
    .await;

    let qr = reqwest::get(server.url(&format!(
        "/kpay/transactions/payment/{}/qr.svg",
        a["authority"].as_str().unwrap()
    )))
    .await
    .unwrap();
    assert_eq!(qr.headers()["content-type"], "image/svg+xml");
    assert!(qr.text().await.unwrap().contains("<svg"));
}

#[tokio::test]
async fn query_parameters_out_of_range_are_422_on_the_parameter() {
    let server = TestServer::start().await;
    let m = merchant(&server, "09121110077").await;
    for (path, field) in [
        ("/kpay/transactions?per_page=0", "per_page"),
        ("/kpay/transactions?per_page=101", "per_page"),
        ("/kpay/transactions?per_page=lots", "per_page"),
        ("/kpay/transactions?page=0", "page"),
        ("/kpay/transactions/export.csv?per_page=0", "per_page"),
        ("/kpay/merchant/summary?tz_offset=900", "tz_offset"),
    ] {
        let v = expect(m.get(path).await, StatusCode::UNPROCESSABLE_ENTITY).await;
        assert!(v["fields"][field].is_string(), "{path}: {v}");
    }
    expect(
        m.get("/kpay/transactions?per_page=100").await,
        StatusCode::OK,
    )
    .await;
}
