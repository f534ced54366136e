//! Kotani Pay's fiat ramp and KiotaPay's till look-up over HTTP: the partner's client login, the
//! wallet, every M-Pesa result code, withdrawals (including a 50-way race), paybill and till,
//! quotes, callbacks through the delivery outbox, and another partner's data.

mod common;

use common::{csrf_from, expect, TestServer};
use reqwest::{Client, StatusCode};
use serde_json::{json, Value};
use std::time::Duration;

/// A partner signed in through the documented client login, using its bearer token.
struct Partner {
    base: String,
    token: String,
    client: Client,
    user_id: String,
}

impl Partner {
    async fn new(server: &TestServer, mobile: &str, phone: &str) -> Partner {
        let b = server.browser();
        let reg = b.register(mobile).await;
        let csrf = csrf_from(&reg);
        let reg = expect(reg, StatusCode::CREATED).await;
        let set = b
            .client
            .put(server.url("/kotani/api/v2/partner"))
            .header("x-csrf-token", &csrf)
            .json(&json!({"phoneNumber": phone, "countryCode": "KEN", "password": "partner-pass"}))
            .send()
            .await
            .unwrap();
        let profile = expect(set, StatusCode::OK).await;
        assert_eq!(profile["phoneNumber"], phone);
        let login = Client::new()
            .post(server.url("/kotani/api/v2/auth/login"))
            .json(&json!({"phoneNumber": phone, "countryCode": "KEN", "password": "partner-pass"}))
            .send()
            .await
            .unwrap();
        let login = expect(login, StatusCode::CREATED).await;
        assert_eq!(login["status"], 201);
        Partner {
            base: server.base.clone(),
            token: login["accessToken"].as_str().unwrap().into(),
            client: Client::new(),
            user_id: reg["user"]["id"]
                .as_str()
                .or(profile["companyId"].as_str())
                .unwrap()
                .into(),
        }
    }

    async fn post(&self, path: &str, body: Value) -> reqwest::Response {
        self.client
            .post(format!("{}/kotani/api/v2{path}", self.base))
            .bearer_auth(&self.token)
            .json(&body)
            .send()
            .await
            .unwrap()
    }

    async fn get(&self, path: &str) -> reqwest::Response {
        self.client
            .get(format!("{}{path}", self.base))
            .bearer_auth(&self.token)
            .send()
            .await
            .unwrap()
    }

    async fn wallet(&self) -> Value {
        expect(self.get("/kotani/api/v2/wallet").await, StatusCode::OK).await
    }

    /// Starts a deposit and answers its prompt on the handset; returns the settled transaction.
    async fn deposit(&self, amount: i64, phone: &str, answer: Value) -> Value {
        let started = expect(
            self.post(
                "/deposit/mobile-money",
                json!({"amount": amount, "phoneNumber": phone}),
            )
            .await,
            StatusCode::CREATED,
        )
        .await;
        assert_eq!(started["result"]["status"], "pending");
        let id = started["result"]["requestId"].as_str().unwrap();
        let answered = self
            .client
            .post(format!("{}/sandbox/mpesa/prompts/{id}", self.base))
            .json(&answer)
            .send()
            .await
            .unwrap();
        expect(answered, StatusCode::OK).await["result"].clone()
    }

    /// Waits until the job runner settles `request_id`.
    async fn settled(&self, request_id: &str) -> Value {
        for _ in 0..80 {
            let r = expect(
                self.get(&format!("/kotani/api/v2/transactions/{request_id}"))
                    .await,
                StatusCode::OK,
            )
            .await;
            if r["result"]["status"] != "pending" {
                return r["result"].clone();
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!("{request_id} never settled");
    }
}

const PIN: &str = "1234";

#[tokio::test]
async fn every_mpesa_result_code_and_the_wallet_they_leave() {
    let server = TestServer::start().await;
    let p = Partner::new(&server, "09121115501", "254711000001").await;
    let phone = "254722000001";

    let ok = p
        .deposit(1_000, phone, json!({"action": "approve", "pin": PIN}))
        .await;
    assert_eq!(
        (ok["status"].clone(), ok["resultCode"].clone()),
        (json!("successful"), json!(0))
    );
    let cancelled = p.deposit(500, phone, json!({"action": "cancel"})).await;
    assert_eq!(cancelled["resultCode"], 1032);
    assert_eq!(
        cancelled["resultDescription"],
        "You cancelled on your phone."
    );
    let wrong_pin = p
        .deposit(500, phone, json!({"action": "approve", "pin": "9999"}))
        .await;
    assert_eq!(wrong_pin["resultCode"], 2001);
    let no_answer = p.deposit(500, phone, json!({"action": "timeout"})).await;
    assert_eq!(no_answer["resultCode"], 1037);
    // The handset started with 50,000.00 and paid 1,000: 49,500 is too much.
    let too_much = p
        .deposit(49_500, phone, json!({"action": "approve", "pin": PIN}))
        .await;
    assert_eq!(too_much["resultCode"], 1);

    let handset = expect(
        reqwest::get(server.url(&format!("/sandbox/mpesa/handsets/{phone}")))
            .await
            .unwrap(),
        StatusCode::OK,
    )
    .await;
    assert_eq!(handset["balance"], 4_900_000);
    assert!(handset["messages"][0]
        .as_str()
        .unwrap()
        .contains("Confirmed"));
    // Only the successful deposit counts.
    let w = p.wallet().await;
    assert_eq!(
        (w["available"].clone(), w["currency"].clone()),
        (json!(100_000), json!("KES"))
    );

    // A settled prompt cannot be answered again.
    let again = p
        .client
        .post(server.url(&format!(
            "/sandbox/mpesa/prompts/{}",
            ok["requestId"].as_str().unwrap()
        )))
        .json(&json!({"action": "cancel"}))
        .send()
        .await
        .unwrap();
    assert_eq!(again.status(), StatusCode::CONFLICT);
}

#[tokio::test]
async fn payouts_hold_the_money_and_a_failed_one_gives_it_back() {
    let server = TestServer::start().await;
    let p = Partner::new(&server, "09121115502", "254711000002").await;
    p.deposit(
        2_000,
        "254722000002",
        json!({"action": "approve", "pin": PIN}),
    )
    .await;

    // To M-Pesa: held at once, paid after the rails settle; the receiving handset gets it.
    let sent = expect(
        p.post(
            "/withdraw/mobile-money",
            json!({"amount": 300, "phoneNumber": 254733000002_u64, "externalId": "w-1"}),
        )
        .await,
        StatusCode::CREATED,
    )
    .await;
    assert_eq!(
        (sent["amount"].clone(), sent["phoneNumber"].clone()),
        (json!("300.00"), json!("254733000002"))
    );
    assert_eq!(p.wallet().await["outgoing"], 30_000);
    let done = p.settled(sent["requestId"].as_str().unwrap()).await;
    assert_eq!(done["status"], "successful");
    let w = p.wallet().await;
    assert_eq!(
        (w["available"].clone(), w["outgoing"].clone()),
        (json!(170_000), json!(0))
    );

    // A switched-off phone (ending 0000): the payout fails and the money is back.
    let off = expect(
        p.post(
            "/withdraw/mobile-money",
            json!({"amount": 100, "phoneNumber": "254733330000"}),
        )
        .await,
        StatusCode::CREATED,
    )
    .await;
    assert_eq!(p.wallet().await["available"], 160_000);
    let failed = p.settled(off["requestId"].as_str().unwrap()).await;
    assert_eq!(
        (failed["status"].clone(), failed["resultCode"].clone()),
        (json!("failed"), json!(1037))
    );
    assert_eq!(p.wallet().await["available"], 170_000);

    // To a bank from the document's table.
    let bank = expect(
        p.post(
            "/withdraw/bank",
            json!({"amount": 200, "accountNumber": 123456789, "accountName": "Jane Doe", "serviceProviderId": "68"}),
        )
        .await,
        StatusCode::CREATED,
    )
    .await;
    for key in [
        "id",
        "accountNumber",
        "accountName",
        "serviceProviderId",
        "message",
        "amount",
        "externalId",
    ] {
        assert!(bank.get(key).is_some(), "{key} in {bank}");
    }
    let bank_done = p.settled(bank["requestId"].as_str().unwrap()).await;
    assert_eq!(bank_done["bankName"], "Equity Bank Kenya");

    // Paybill adds its fee from the tariff; till is free.
    let bill = expect(
        p.post(
            "/paybill",
            json!({"merchantNumber": "888880", "accountNumber": "ACC-1", "amount": "600"}),
        )
        .await,
        StatusCode::CREATED,
    )
    .await;
    assert_eq!(
        (
            bill["result"]["amount"].clone(),
            bill["result"]["fee"].clone()
        ),
        (json!(60_000), json!(1_000))
    );
    let till = expect(
        p.post(
            "/till",
            json!({"merchantTill": "123456", "amount": "99.50"}),
        )
        .await,
        StatusCode::CREATED,
    )
    .await;
    assert_eq!(till["result"]["fee"], 0);
    // 1,700 - 200 - 610 - 99.50
    assert_eq!(p.wallet().await["available"], 79_050);

    // More than the wallet holds: 409, nothing stored.
    let over = p
        .post(
            "/withdraw/mobile-money",
            json!({"amount": 791, "phoneNumber": "254733000002"}),
        )
        .await;
    let body = expect(over, StatusCode::CONFLICT).await;
    assert!(
        body["fields"]["amount"].as_str().unwrap().contains("holds"),
        "{body}"
    );

    // Reading back: by request id, by external id within its family, and the list.
    let by_ext = p
        .get("/kotani/api/v2/transactions/external/w-1?transactionalType=Payouts")
        .await;
    assert_eq!(
        expect(by_ext, StatusCode::OK).await["result"]["requestId"],
        sent["requestId"]
    );
    let wrong_family = p
        .get("/kotani/api/v2/transactions/external/w-1?transactionalType=Collections")
        .await;
    assert_eq!(wrong_family.status(), StatusCode::NOT_FOUND);
    let list = expect(
        p.get("/kotani/api/v2/transactions?transactionType=Payouts&limit=2&orderBy=asc")
            .await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(list["transactions"].as_array().unwrap().len(), 2);
    assert_eq!(list["transactions"][0]["requestId"], sent["requestId"]);
    assert_eq!(
        (list["limit"].clone(), list["orderBy"].clone()),
        (json!("2"), json!("asc"))
    );

    // The till payment, found again through KiotaPay, in the sample's shape.
    let till_id = till["result"]["requestId"].as_str().unwrap();
    p.settled(till_id).await;
    let kiota = expect(
        p.get(&format!(
            "/kiota/api/sandbox/v1/till/single?companyId={}&requestId={till_id}",
            p.user_id
        ))
        .await,
        StatusCode::OK,
    )
    .await;
    let sample: Value = serde_json::from_str(KIOTA_SAMPLE).unwrap();
    same_keys(&sample, &kiota, "");
    assert_eq!(kiota["data"]["status"], "COMPLETED");
    assert_eq!(kiota["data"]["amount"], json!(99.5));
    assert!(kiota["data"]["transactionReceipt"].is_string());
}

/// Every key of the document's sample is in the answer, recursively (values may differ).
fn same_keys(sample: &Value, got: &Value, path: &str) {
    if let Value::Object(map) = sample {
        for (k, v) in map {
            let here = format!("{path}.{k}");
            let g = got
                .get(k)
                .unwrap_or_else(|| panic!("{here} missing in {got}"));
            same_keys(v, g, &here);
        }
    }
}

const KIOTA_SAMPLE: &str = r#"{"status":200,"message":"Success","data":{"id":1,"amount":1000.0,"uuid":"20f6da4c-f1fa-4af0-9e5c-72c4e7ac8f57","organisation":{"id":2,"uuid":"4d6e1ea9-5ab8-496a-978f-7e9b2bce80c4","name":"Maina Properties Limited Ke","phoneNumber":"254745362174","email":"maina@gmail.com","uniqueReference":"4780606","createdAt":"2025-01-24T13:35:12.151225","updatedAt":"2025-01-24T13:35:12.151225"},"accountNumber":"435567676","businessNumber":"12345","remarks":"Here are the remarks","occasion":"Here is the occasion","originatorConversationId":"10721650-d5f0-4dac-8d17-cb3b74df34c8","conversationId":"AG_20230420_2010759fd5662ef6d054","callbackUrl":"https://kiotapay.co.ke","createdAt":"2025-01-24T17:10:30.65054","updatedAt":"2025-01-24T17:10:30.65054","status":"PENDING","responseCode":0,"receiverName":null,"transactionReceipt":null,"responseDescription":"Accept the service request successfully."}}"#;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn fifty_concurrent_withdrawals_never_overdraw() {
    let server = TestServer::start().await;
    let p = std::sync::Arc::new(Partner::new(&server, "09121115503", "254711000003").await);
    p.deposit(
        1_000,
        "254722000003",
        json!({"action": "approve", "pin": PIN}),
    )
    .await;
    let mut tasks = Vec::new();
    for _ in 0..50 {
        let p = p.clone();
        tasks.push(tokio::spawn(async move {
            p.post(
                "/withdraw/mobile-money",
                json!({"amount": 70, "phoneNumber": "254733000003"}),
            )
            .await
            .status()
        }));
    }
    let mut accepted = 0;
    for t in tasks {
        match t.await.unwrap() {
            StatusCode::CREATED => accepted += 1,
            StatusCode::CONFLICT => {}
            other => panic!("unexpected {other}"),
        }
    }
    assert_eq!(accepted, 14, "1,000 / 70 = 14 withdrawals fit");
    let w = p.wallet().await;
    assert_eq!(w["available"], 2_000);
    assert!(w["available"].as_i64().unwrap() >= 0);
}

#[tokio::test]
async fn quotes_lock_a_rate_and_are_accepted_and_used_once() {
    let server = TestServer::start().await;
    let p = Partner::new(&server, "09121115504", "254711000004").await;
    let q = expect(
        p.post(
            "/quotes/in",
            json!({"fiatAmount": "1300", "currency": "KES", "cryptoType": "usdt"}),
        )
        .await,
        StatusCode::CREATED,
    )
    .await;
    assert_eq!(
        (
            q["status"].clone(),
            q["fee"].clone(),
            q["fiatAmount"].clone()
        ),
        (json!("open"), json!("13.00"), json!("1300.00"))
    );
    assert_eq!(
        q["cryptoAmount"]
            .as_str()
            .unwrap()
            .split('.')
            .nth(1)
            .unwrap()
            .len(),
        6
    );
    assert!(q["expiresIn"].as_i64().unwrap() > 290);
    let id = q["quoteId"].as_str().unwrap();

    // A deposit needs the quote accepted first.
    let early = p
        .post(
            "/deposit/mobile-money/quote",
            json!({"acceptedQuoteId": id, "phoneNumber": "254722000004"}),
        )
        .await;
    assert_eq!(early.status(), StatusCode::CONFLICT);
    let wrong_way = p.post("/quotes/out/accept", json!({"quoteId": id})).await;
    assert_eq!(wrong_way.status(), StatusCode::CONFLICT);
    let accepted = expect(
        p.post("/quotes/in/accept", json!({"quoteId": id})).await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(accepted["status"], "accepted");
    let twice = expect(
        p.post("/quotes/in/accept", json!({"quoteId": id})).await,
        StatusCode::CONFLICT,
    )
    .await;
    assert!(twice["fields"]["quoteId"]
        .as_str()
        .unwrap()
        .contains("already accepted"));

    let dep = expect(
        p.post(
            "/deposit/mobile-money/quote",
            json!({"acceptedQuoteId": id, "phoneNumber": "254722000004"}),
        )
        .await,
        StatusCode::CREATED,
    )
    .await;
    assert_eq!(
        (
            dep["result"]["amount"].clone(),
            dep["result"]["quoteId"].clone()
        ),
        (json!(130_000), json!(id))
    );
    let reused = p
        .post(
            "/deposit/mobile-money/quote",
            json!({"acceptedQuoteId": id, "phoneNumber": "254722000004"}),
        )
        .await;
    assert_eq!(reused.status(), StatusCode::CONFLICT);

    // An expired quote says so.
    let out = expect(
        p.post(
            "/quotes/out",
            json!({"cryptoAmount": "10.5", "currency": "KES", "cryptoType": "CUSD"}),
        )
        .await,
        StatusCode::CREATED,
    )
    .await;
    let out_id = out["quoteId"].as_str().unwrap();
    let expired = Client::new()
        .post(server.url(&format!("/sandbox/quotes/{out_id}/expire")))
        .send()
        .await
        .unwrap();
    assert_eq!(expired.status(), StatusCode::NO_CONTENT);
    let late = expect(
        p.post("/quotes/out/accept", json!({"quoteId": out_id}))
            .await,
        StatusCode::CONFLICT,
    )
    .await;
    assert!(
        late["fields"]["quoteId"]
            .as_str()
            .unwrap()
            .contains("expired"),
        "{late}"
    );

    // Bad input names the field.
    for (body, field) in [
        (
            json!({"fiatAmount": "-5", "currency": "KES", "cryptoType": "USDT"}),
            "fiatAmount",
        ),
        (
            json!({"fiatAmount": "100", "currency": "EUR", "cryptoType": "USDT"}),
            "currency",
        ),
        (
            json!({"fiatAmount": "100", "currency": "KES", "cryptoType": "DOGE"}),
            "cryptoType",
        ),
    ] {
        let r = expect(
            p.post("/quotes/in", body).await,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
        assert!(r["fields"][field].is_string(), "{r}");
    }
    let r = expect(
        p.post(
            "/quotes/out",
            json!({"cryptoAmount": "1.1234567", "currency": "KES", "cryptoType": "USDT"}),
        )
        .await,
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await;
    assert!(r["fields"]["cryptoAmount"].is_string());
}

#[tokio::test]
async fn bad_input_and_other_partners_data() {
    let server = TestServer::start().await;
    let p = Partner::new(&server, "09121115505", "254711000005").await;
    let other = Partner::new(&server, "09121115506", "254711000006").await;
    let cases = [
        (
            "/deposit/mobile-money",
            json!({"amount": 10, "phoneNumber": "0712345678"}),
            "phoneNumber",
        ),
        (
            "/deposit/mobile-money",
            json!({"amount": 0, "phoneNumber": "254712345678"}),
            "amount",
        ),
        (
            "/deposit/mobile-money",
            json!({"amount": -5, "phoneNumber": "254712345678"}),
            "amount",
        ),
        (
            "/deposit/mobile-money",
            json!({"amount": 10, "phoneNumber": "254712345678", "callback": "ftp://x"}),
            "callback",
        ),
        (
            "/withdraw/bank",
            json!({"amount": 20, "accountNumber": "123456789", "accountName": "Jane", "serviceProviderId": "99"}),
            "serviceProviderId",
        ),
        (
            "/withdraw/bank",
            json!({"amount": 20, "accountNumber": "12ab", "accountName": "Jane", "serviceProviderId": "01"}),
            "accountNumber",
        ),
        (
            "/paybill",
            json!({"merchantNumber": "88", "accountNumber": "A", "amount": "10"}),
            "merchantNumber",
        ),
        (
            "/till",
            json!({"merchantTill": "123456", "amount": "1.001"}),
            "amount",
        ),
    ];
    for (path, body, field) in cases {
        let r = expect(
            p.post(path, body.clone()).await,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
        assert!(r["fields"][field].is_string(), "{path} {body}: {r}");
    }
    // The document's default amount is 10.
    let d = expect(
        p.post(
            "/deposit/mobile-money",
            json!({"phoneNumber": "254712345678", "externalId": "dup"}),
        )
        .await,
        StatusCode::CREATED,
    )
    .await;
    assert_eq!(d["result"]["amount"], 1_000);
    let dup = expect(
        p.post(
            "/deposit/mobile-money",
            json!({"phoneNumber": "254712345678", "externalId": "dup"}),
        )
        .await,
        StatusCode::CONFLICT,
    )
    .await;
    assert!(dup["fields"]["externalId"].is_string());
    // Another partner may use the same externalId, and cannot see this one's transaction.
    let mine = d["result"]["requestId"].as_str().unwrap();
    expect(
        other
            .post(
                "/deposit/mobile-money",
                json!({"phoneNumber": "254712345678", "externalId": "dup"}),
            )
            .await,
        StatusCode::CREATED,
    )
    .await;
    let peek = other
        .get(&format!("/kotani/api/v2/transactions/{mine}"))
        .await;
    assert_eq!(peek.status(), StatusCode::NOT_FOUND);
    let kiota = other
        .get(&format!(
            "/kiota/api/sandbox/v1/till/single?companyId={}&requestId={mine}",
            p.user_id
        ))
        .await;
    assert_eq!(kiota.status(), StatusCode::NOT_FOUND);
    let unknown = p
        .get(&format!(
            "/kiota/api/sandbox/v1/till/single?companyId={}&requestId=nope",
            p.user_id
        ))
        .await;
    assert_eq!(unknown.status(), StatusCode::NOT_FOUND);

    // No token, a wrong password.
    let anon = Client::new()
        .get(server.url("/kotani/api/v2/wallet"))
        .send()
        .await
        .unwrap();
    assert_eq!(anon.status(), StatusCode::UNAUTHORIZED);
    let wrong = Client::new()
        .post(server.url("/kotani/api/v2/auth/login"))
        .json(
            &json!({"phoneNumber": "254711000005", "countryCode": "KEN", "password": "nope-nope"}),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(wrong.status(), StatusCode::UNAUTHORIZED);
    let health = expect(
        Client::new()
            .get(server.url("/kotani/api/v2/health"))
            .send()
            .await
            .unwrap(),
        StatusCode::OK,
    )
    .await;
    assert_eq!(health["checks"][0]["name"], "database");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn callbacks_are_delivered_and_retried_with_one_id() {
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::{Arc, Mutex};
    // A receiver that fails its first try, then accepts.
    let tries = Arc::new(AtomicUsize::new(0));
    let seen = Arc::new(Mutex::new(Vec::<(String, Value)>::new()));
    let app = {
        let (tries, seen) = (tries.clone(), seen.clone());
        axum::Router::new().route(
            "/hook",
            axum::routing::post(move |headers: axum::http::HeaderMap, body: String| {
                let (tries, seen) = (tries.clone(), seen.clone());
                async move {
                    let id = headers["webhook-id"].to_str().unwrap().to_string();
                    seen.lock()
                        .unwrap()
                        .push((id, serde_json::from_str(&body).unwrap()));
                    if tries.fetch_add(1, Ordering::SeqCst) == 0 {
                        axum::http::StatusCode::SERVICE_UNAVAILABLE
                    } else {
                        axum::http::StatusCode::OK
                    }
                }
            }),
        )
    };
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let hook = format!("http://{}/hook", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });

    let server = TestServer::start().await;
    let p = Partner::new(&server, "09121115507", "254711000007").await;
    let started = expect(
        p.post(
            "/deposit/mobile-money",
            json!({"amount": 50, "phoneNumber": "254722000007", "callback": hook}),
        )
        .await,
        StatusCode::CREATED,
    )
    .await;
    let id = started["result"]["requestId"].as_str().unwrap();
    Client::new()
        .post(server.url(&format!("/sandbox/mpesa/prompts/{id}")))
        .json(&json!({"action": "approve", "pin": PIN}))
        .send()
        .await
        .unwrap();
    let mut delivery = Value::Null;
    for _ in 0..100 {
        let list = expect(p.get("/kotani/api/v2/callbacks").await, StatusCode::OK).await;
        delivery = list["deliveries"][0].clone();
        if delivery["delivered"] == true {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(delivery["delivered"], true, "{delivery}");
    assert_eq!(delivery["attempts"], 2);
    let seen = seen.lock().unwrap().clone();
    assert_eq!(seen.len(), 2);
    assert_eq!(
        seen[0].0, seen[1].0,
        "every try carries the same webhook-id"
    );
    assert_eq!(seen[1].1["result"]["requestId"], id);
    assert_eq!(seen[1].1["result"]["resultCode"], 0);
}
