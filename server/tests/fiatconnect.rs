//! Fiat Connect sign-in over HTTP with messages signed by known secp256k1 keys: a good sign-in
//! sets the session cookie; a reused nonce, an expired message, a wrong domain or URI, another
//! chain, a message without an expiration time and a signature by another key are 401s with the
//! specification's error names. And the clock, and the partner's API credentials.

mod common;

use common::{csrf_from, expect, TestServer};
use k256::ecdsa::SigningKey;
use reqwest::StatusCode;
use serde_json::{json, Value};
use sha3::{Digest, Keccak256};

struct Wallet {
    key: SigningKey,
    address: String,
}

impl Wallet {
    fn new(seed: u8) -> Wallet {
        let key = SigningKey::from_slice(&[seed; 32]).unwrap();
        let point = key.verifying_key().to_encoded_point(false);
        let hash = Keccak256::digest(&point.as_bytes()[1..]);
        let mut a = [0u8; 20];
        a.copy_from_slice(&hash[12..]);
        Wallet {
            key,
            address: siwe::eip55(&a),
        }
    }

    /// An EIP-4361 message for this wallet, as the Fiat Connect SDK writes one.
    fn message(
        &self,
        domain: &str,
        uri: &str,
        chain: u64,
        nonce: &str,
        expires: Option<&str>,
    ) -> String {
        let mut m = format!(
            "{domain} wants you to sign in with your Ethereum account:\n{}\n\nSign in with Ethereum\n\nURI: {uri}\nVersion: 1\nChain ID: {chain}\nNonce: {nonce}\nIssued At: {}",
            self.address,
            iso(0)
        );
        if let Some(e) = expires {
            m.push_str(&format!("\nExpiration Time: {e}"));
        }
        m
    }

    /// The EIP-191 signature of `message`, hex.
    fn sign(&self, message: &str) -> String {
        let m: siwe::Message = message.parse().unwrap();
        let hash = m.eip191_hash().unwrap();
        let (sig, recid) = self.key.sign_prehash_recoverable(&hash).unwrap();
        let mut bytes = sig.to_bytes().to_vec();
        bytes.push(27 + recid.to_byte());
        format!(
            "0x{}",
            bytes.iter().map(|b| format!("{b:02x}")).collect::<String>()
        )
    }
}

async fn login(
    server: &TestServer,
    message: &str,
    signature: &str,
) -> (StatusCode, Value, Option<String>) {
    let r = server
        .browser()
        .post(
            "/kotani/fiatconnect/auth/login",
            json!({"message": message, "signature": signature}),
        )
        .await;
    let status = r.status();
    let cookie = r
        .headers()
        .get("set-cookie")
        .and_then(|v| v.to_str().ok())
        .map(str::to_string);
    (status, expect(r, status).await, cookie)
}

/// An RFC 3339 time `offset` seconds from now.
fn iso(offset: i64) -> String {
    (time::OffsetDateTime::now_utc() + time::Duration::seconds(offset))
        .replace_nanosecond(0)
        .unwrap()
        .format(&time::format_description::well_known::Rfc3339)
        .unwrap()
}

/// An expiration time an hour away.
fn later() -> String {
    iso(3600)
}

#[tokio::test]
async fn siwe_sign_in_and_its_refusals() {
    let server = TestServer::start().await;
    let host = server.base.trim_start_matches("http://").to_string();
    let name = host.split(':').next().unwrap().to_string();
    let w = Wallet::new(7);

    // The SDK leaves the port out of the domain; the URI is the server's address.
    let m = w.message(&name, &server.base, 44787, "nonce00000001", Some(&later()));
    let (status, body, cookie) = login(&server, &m, &w.sign(&m)).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["address"], w.address.as_str());
    let cookie = cookie.unwrap();
    assert!(
        cookie.starts_with("fiatconnect_session=") && cookie.contains("HttpOnly"),
        "{cookie}"
    );

    // With the port in the domain too.
    let m = w.message(&host, &server.base, 42220, "nonce00000002", Some(&later()));
    assert_eq!(login(&server, &m, &w.sign(&m)).await.0, StatusCode::OK);

    let refusals: Vec<(String, String, &str)> = {
        let reused = w.message(&name, &server.base, 44787, "nonce00000001", Some(&later()));
        let expired = w.message(
            &name,
            &server.base,
            44787,
            "nonce00000003",
            Some("2020-01-01T00:00:00Z"),
        );
        let domain = w.message(
            "wallet.example",
            &server.base,
            44787,
            "nonce00000004",
            Some(&later()),
        );
        let uri = w.message(
            &name,
            "https://wallet.example/login",
            44787,
            "nonce00000005",
            Some(&later()),
        );
        let chain = w.message(&name, &server.base, 1, "nonce00000006", Some(&later()));
        let forever = w.message(&name, &server.base, 44787, "nonce00000007", None);
        // Issued an hour ahead of the server's clock.
        let early: String = w
            .message(
                &name,
                &server.base,
                44787,
                "nonce00000009",
                Some(&iso(7200)),
            )
            .lines()
            .map(|l| {
                if l.starts_with("Issued At: ") {
                    format!("Issued At: {}", iso(3600))
                } else {
                    l.to_string()
                }
            })
            .collect::<Vec<_>>()
            .join("\n");
        let long = w.message(
            &name,
            &server.base,
            44787,
            "nonce00000010",
            Some(&iso(5 * 3600)),
        );
        let other = Wallet::new(9);
        let by_other = w.message(&name, &server.base, 44787, "nonce00000008", Some(&later()));
        vec![
            (reused.clone(), w.sign(&reused), "NonceInUse"),
            (expired.clone(), w.sign(&expired), "ExpiredSiweMessage"),
            (domain.clone(), w.sign(&domain), "InvalidSiweMessage"),
            (uri.clone(), w.sign(&uri), "InvalidSiweMessage"),
            (chain.clone(), w.sign(&chain), "InvalidSiweMessage"),
            (forever.clone(), w.sign(&forever), "InvalidSiweMessage"),
            (by_other.clone(), other.sign(&by_other), "InvalidSignature"),
            (early.clone(), w.sign(&early), "IssuedTooEarly"),
            (long.clone(), w.sign(&long), "ExpirationTooLong"),
            ("hello".into(), "0x00".into(), "InvalidSiweMessage"),
        ]
    };
    for (message, signature, error) in refusals {
        let (status, body, cookie) = login(&server, &message, &signature).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED, "{message}: {body}");
        assert_eq!(body["error"], error, "{message}");
        assert!(cookie.is_none());
    }
    // A refused message did not spend its nonce: signed properly, it signs in.
    let m = w.message(&name, &server.base, 44787, "nonce00000004", Some(&later()));
    assert_eq!(login(&server, &m, &w.sign(&m)).await.0, StatusCode::OK);

    let clock = expect(
        server.browser().get("/kotani/fiatconnect/clock").await,
        StatusCode::OK,
    )
    .await;
    assert!(clock["time"].as_str().unwrap().ends_with('Z'));
}

#[tokio::test]
async fn partners_get_api_credentials_once() {
    let server = TestServer::start().await;
    let b = server.browser();
    let reg = b.register("09121118001").await;
    let csrf = csrf_from(&reg);
    expect(reg, StatusCode::CREATED).await;
    let post = |path: &'static str, body: Value| {
        let b = &b;
        let csrf = csrf.clone();
        async move {
            b.client
                .post(format!("{}{path}", b.base))
                .header("x-csrf-token", csrf)
                .json(&body)
                .send()
                .await
                .unwrap()
        }
    };
    // No partner credentials yet: 404 that says what to do.
    let r = post(
        "/kotani/api/v2/fiatconnect/credentials",
        json!({"webhook": "https://wallet.example/hook"}),
    )
    .await;
    assert_eq!(r.status(), StatusCode::NOT_FOUND);
    let set = b
        .client
        .put(server.url("/kotani/api/v2/partner"))
        .header("x-csrf-token", &csrf)
        .json(&json!({"phoneNumber": "254711800001", "countryCode": "KEN", "password": "partner-pass"}))
        .send()
        .await
        .unwrap();
    expect(set, StatusCode::OK).await;
    let bad = post(
        "/kotani/api/v2/fiatconnect/credentials",
        json!({"webhook": "ftp://x"}),
    )
    .await;
    assert_eq!(bad.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let made = expect(
        post(
            "/kotani/api/v2/fiatconnect/credentials",
            json!({"webhook": "https://wallet.example/hook"}),
        )
        .await,
        StatusCode::CREATED,
    )
    .await;
    assert!(made["apiKey"].as_str().unwrap().starts_with("fc_"));
    assert!(made["webhookSecret"]
        .as_str()
        .unwrap()
        .starts_with("whsec_"));
    assert_eq!(made["webhook"], "https://wallet.example/hook");
    let again = expect(
        post(
            "/kotani/api/v2/fiatconnect/credentials",
            json!({"webhook": "https://wallet.example/hook"}),
        )
        .await,
        StatusCode::CREATED,
    )
    .await;
    assert_ne!(again["apiKey"], made["apiKey"]);
}

/// A browser signed in as `wallet` (its session cookie kept).
async fn signed_in(server: &TestServer, wallet: &Wallet, nonce: &str) -> common::Browser {
    let b = server.browser();
    let name = server
        .base
        .trim_start_matches("http://")
        .split(':')
        .next()
        .unwrap()
        .to_string();
    let m = wallet.message(&name, &server.base, 44787, nonce, Some(&later()));
    let r = b
        .post(
            "/kotani/fiatconnect/auth/login",
            json!({"message": m, "signature": wallet.sign(&m)}),
        )
        .await;
    expect(r, StatusCode::OK).await;
    b
}

async fn status(b: &common::Browser) -> String {
    let r = b
        .get("/kotani/fiatconnect/kyc/PersonalDataAndDocuments/status")
        .await;
    expect(r, StatusCode::OK).await["kycStatus"]
        .as_str()
        .unwrap()
        .to_string()
}

async fn delete(b: &common::Browser, path: &str) -> reqwest::Response {
    b.client
        .delete(format!("{}{path}", b.base))
        .send()
        .await
        .unwrap()
}

fn kyc(last_name: &str) -> Value {
    json!({
        "firstName": "Amina", "lastName": last_name, "phoneNumber": "+254722000111",
        "dateOfBirth": {"day": "14", "month": "2", "year": "1991"},
        "address": {"address1": "Moi Avenue 1", "isoCountryCode": "KE", "isoRegionCode": "KE-30", "city": "Nairobi"},
        "selfieDocument": "c2VsZmll", "identificationDocument": "aWQ="
    })
}

#[tokio::test]
async fn a_wallets_kyc_is_decided_and_its_fiat_accounts_kept() {
    let server = TestServer::start().await;
    let unsigned = server
        .browser()
        .post(
            "/kotani/fiatconnect/kyc/PersonalDataAndDocuments",
            kyc("Otieno"),
        )
        .await;
    assert_eq!(unsigned.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(
        expect(unsigned, StatusCode::UNAUTHORIZED).await["error"],
        "Unauthorized"
    );

    let b = signed_in(&server, &Wallet::new(21), "kycnonce0001").await;
    let r = b
        .post("/kotani/fiatconnect/kyc/Passport", kyc("Otieno"))
        .await;
    assert_eq!(
        expect(r, StatusCode::BAD_REQUEST).await["error"],
        "UnsupportedSchema"
    );
    let mut partial = kyc("Otieno");
    partial["dateOfBirth"] = json!({"day": "31", "month": "2", "year": "1991"});
    let r = b
        .post("/kotani/fiatconnect/kyc/PersonalDataAndDocuments", partial)
        .await;
    assert_eq!(
        expect(r, StatusCode::BAD_REQUEST).await["error"],
        "InvalidSchema"
    );

    let r = b
        .post(
            "/kotani/fiatconnect/kyc/PersonalDataAndDocuments",
            kyc("Otieno"),
        )
        .await;
    assert_eq!(expect(r, StatusCode::OK).await["kycStatus"], "KycPending");
    let again = b
        .post(
            "/kotani/fiatconnect/kyc/PersonalDataAndDocuments",
            kyc("Otieno"),
        )
        .await;
    assert_eq!(
        expect(again, StatusCode::CONFLICT).await["error"],
        "ResourceExists"
    );
    let mut waited = 0;
    while status(&b).await == "KycPending" {
        waited += 1;
        assert!(waited < 80, "never decided");
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert_eq!(status(&b).await, "KycApproved");

    // The document's sample shape, asking for a denial.
    let d = signed_in(&server, &Wallet::new(22), "kycnonce0002").await;
    let sample = json!({"firstName": "Baraka", "lastName": "Denied", "phoneNumber": "+254722000222",
        "localCurrency": "KES", "celoPublicAddress": "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
        "address": {"city": "Mombasa"}, "dateOfBirth": {"day": 1, "month": 1, "year": 1990}});
    let r = d
        .post("/kotani/fiatconnect/kyc/PersonalDataAndDocuments", sample)
        .await;
    expect(r, StatusCode::OK).await;
    let mut waited = 0;
    while status(&d).await == "KycPending" {
        waited += 1;
        assert!(waited < 80, "never decided");
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert_eq!(status(&d).await, "KycDenied");
    let gone = delete(&d, "/kotani/fiatconnect/kyc/PersonalDataAndDocuments").await;
    expect(gone, StatusCode::OK).await;
    let r = d
        .get("/kotani/fiatconnect/kyc/PersonalDataAndDocuments/status")
        .await;
    assert_eq!(
        expect(r, StatusCode::NOT_FOUND).await["error"],
        "ResourceNotFound"
    );

    // Fiat accounts: checked per schema, one of each number, grouped by type, private.
    let mm = json!({"fiatAccountSchema": "MobileMoney", "data": {"accountName": "Amina Otieno",
        "institutionName": "M-Pesa", "mobile": "254722000111", "country": "KE", "operator": "MPESA",
        "fiatAccountType": "MobileMoney"}});
    let bad = b
        .post(
            "/kotani/fiatconnect/accounts",
            json!({"fiatAccountSchema": "MobileMoney", "data": {"accountName": "A"}}),
        )
        .await;
    assert_eq!(
        expect(bad, StatusCode::BAD_REQUEST).await["error"],
        "InvalidSchema"
    );
    let made = expect(
        b.post("/kotani/fiatconnect/accounts", mm.clone()).await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(made["fiatAccountType"], "MobileMoney");
    assert_eq!(made["institutionName"], "M-Pesa");
    let twice = b.post("/kotani/fiatconnect/accounts", mm).await;
    assert_eq!(
        expect(twice, StatusCode::CONFLICT).await["error"],
        "ResourceExists"
    );
    let bank = json!({"fiatAccountSchema": "AccountNumber", "data": {"accountName": "Amina Otieno",
        "institutionName": "Equity Bank", "accountNumber": "0123456789", "country": "KE",
        "fiatAccountType": "BankAccount"}});
    expect(
        b.post("/kotani/fiatconnect/accounts", bank).await,
        StatusCode::OK,
    )
    .await;
    let all = expect(b.get("/kotani/fiatconnect/accounts").await, StatusCode::OK).await;
    assert_eq!(all["MobileMoney"].as_array().unwrap().len(), 1);
    assert_eq!(all["BankAccount"].as_array().unwrap().len(), 1);
    let id = made["fiatAccountId"].as_str().unwrap();
    let theirs = delete(&d, &format!("/kotani/fiatconnect/accounts/{id}")).await;
    assert_eq!(theirs.status(), StatusCode::NOT_FOUND);
    let mine = delete(&b, &format!("/kotani/fiatconnect/accounts/{id}")).await;
    expect(mine, StatusCode::OK).await;
    let all = expect(b.get("/kotani/fiatconnect/accounts").await, StatusCode::OK).await;
    assert!(all.get("MobileMoney").is_none());
}

#[tokio::test]
async fn quotes_in_and_out_with_their_limits() {
    let server = TestServer::start().await;
    // Quotes need no sign-in: they are for the body's address.
    let w = Wallet::new(31);
    let public = server
        .browser()
        .post(
            "/kotani/fiatconnect/quote/out",
            json!({"fiatType": "KES", "cryptoType": "cUSD", "cryptoAmount": "10", "country": "KE", "address": w.address}),
        )
        .await;
    assert_eq!(public.status(), StatusCode::OK);
    let b = signed_in(&server, &w, "quotenonce01").await;
    let out = expect(
        b.post(
            "/kotani/fiatconnect/quote/out",
            json!({"fiatType": "KES", "cryptoType": "cUSD", "cryptoAmount": "10", "country": "KE"}),
        )
        .await,
        StatusCode::OK,
    )
    .await;
    let q = &out["quote"];
    assert_eq!(q["transferType"], "TransferOut");
    assert_eq!(q["cryptoAmount"], "10");
    let fiat = rust_decimal::Decimal::from_str_exact(q["fiatAmount"].as_str().unwrap()).unwrap();
    assert!(
        (rust_decimal::Decimal::new(1290, 0)..=rust_decimal::Decimal::new(1300, 0)).contains(&fiat),
        "{q}"
    );
    assert!(q["guaranteedUntil"].as_str().unwrap().ends_with('Z'));
    assert_eq!(out["kyc"]["kycRequired"], true);
    assert_eq!(
        out["kyc"]["kycSchemas"][0]["kycSchema"],
        "PersonalDataAndDocuments"
    );
    assert_eq!(
        out["fiatAccount"]["MobileMoney"]["fiatAccountSchemas"][0]["fiatAccountSchema"],
        "MobileMoney"
    );

    let inq = expect(
        b.post(
            "/kotani/fiatconnect/quote/in",
            json!({"fiatType": "GHS", "cryptoType": "cUSD", "fiatAmount": "154", "country": "GH"}),
        )
        .await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(inq["quote"]["transferType"], "TransferIn");
    // An address of 40 bytes that are not 40 hex digits, with two-byte letters across the pairs
    // (slicing there used to panic), is a 400.
    let odd = expect(
        b.post(
            "/kotani/fiatconnect/quote/in",
            json!({"fiatType": "GHS", "cryptoType": "cUSD", "fiatAmount": "154", "country": "GH",
                "address": format!("0xa{}b", "é".repeat(19))}),
        )
        .await,
        StatusCode::BAD_REQUEST,
    )
    .await;
    assert_eq!(odd["error"], "InvalidSchema");
    for (body, error) in [
        (
            json!({"fiatType": "KES", "cryptoType": "cUSD", "fiatAmount": "5", "country": "KE"}),
            "FiatAmountTooLow",
        ),
        (
            json!({"fiatType": "KES", "cryptoType": "cUSD", "fiatAmount": "150000.01", "country": "KE"}),
            "FiatAmountTooHigh",
        ),
        (
            json!({"fiatType": "KES", "cryptoType": "cUSD", "fiatAmount": "100", "country": "GH"}),
            "GeoNotSupported",
        ),
        (
            json!({"fiatType": "KES", "cryptoType": "CELO", "fiatAmount": "100", "country": "KE"}),
            "CryptoNotSupported",
        ),
        (
            json!({"fiatType": "EUR", "cryptoType": "cUSD", "fiatAmount": "100", "country": "KE"}),
            "FiatNotSupported",
        ),
        (
            json!({"fiatType": "KES", "cryptoType": "cUSD", "country": "KE"}),
            "InvalidSchema",
        ),
    ] {
        let r = expect(
            b.post("/kotani/fiatconnect/quote/in", body.clone()).await,
            StatusCode::BAD_REQUEST,
        )
        .await;
        assert_eq!(r["error"], error, "{body}");
        if error == "FiatAmountTooLow" {
            assert_eq!(r["minimumFiatAmount"], "10");
        }
    }
}

#[tokio::test]
async fn a_transfer_out_is_idempotent_and_pays_the_phone() {
    let server = TestServer::start().await;
    let wallet = Wallet::new(41);
    let b = signed_in(&server, &wallet, "xfernonce001").await;
    let q = expect(quote_out(&b).await, StatusCode::OK).await;
    let quote_id = q["quote"]["quoteId"].as_str().unwrap().to_string();
    let account = expect(
        b.post(
            "/kotani/fiatconnect/accounts",
            json!({"fiatAccountSchema": "MobileMoney", "data": {
            "accountName": "Amina Otieno", "institutionName": "M-Pesa", "mobile": "254722555001",
            "country": "KE", "operator": "MPESA", "fiatAccountType": "MobileMoney"}}),
        )
        .await,
        StatusCode::OK,
    )
    .await;
    let body = json!({"fiatAccountId": account["fiatAccountId"], "quoteId": quote_id});
    let send = |key: Option<&str>, body: Value| {
        let mut r = b
            .client
            .post(server.url("/kotani/fiatconnect/transfer/out"))
            .json(&body);
        if let Some(k) = key {
            r = r.header("Idempotency-Key", k);
        }
        r.send()
    };

    // Before KYC is approved: refused. Without a key: refused.
    let r = expect(
        send(Some("k-0"), body.clone()).await.unwrap(),
        StatusCode::BAD_REQUEST,
    )
    .await;
    assert_eq!(r["error"], "TransferNotAllowed");
    expect(
        b.post(
            "/kotani/fiatconnect/kyc/PersonalDataAndDocuments",
            kyc("Otieno"),
        )
        .await,
        StatusCode::OK,
    )
    .await;
    let mut waited = 0;
    while status(&b).await != "KycApproved" {
        waited += 1;
        assert!(waited < 80, "never approved");
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    let r = expect(
        send(None, body.clone()).await.unwrap(),
        StatusCode::BAD_REQUEST,
    )
    .await;
    assert_eq!(r["error"], "InvalidParameters");

    let first = send(Some("k-1"), body.clone()).await.unwrap();
    assert_eq!(first.status(), StatusCode::OK);
    let first = first.text().await.unwrap();
    let again = send(Some("k-1"), body.clone())
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert_eq!(
        again, first,
        "the same key and body replay the first answer exactly"
    );
    let other_body = json!({"fiatAccountId": account["fiatAccountId"], "quoteId": "another"});
    let r = send(Some("k-1"), other_body).await.unwrap();
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let t: Value = serde_json::from_str(&first).unwrap();
    assert_eq!(t["transferStatus"], "TransferReadyForUserToSendCryptoFunds");

    // 50 at once with one new key, on a new quote: one transfer, one answer.
    let q2 = expect(quote_out(&b).await, StatusCode::OK).await;
    let body2 =
        json!({"fiatAccountId": account["fiatAccountId"], "quoteId": q2["quote"]["quoteId"]});
    let answers = futures_util::future::join_all((0..50).map(|_| {
        let body2 = body2.clone();
        async {
            send(Some("k-race"), body2)
                .await
                .unwrap()
                .text()
                .await
                .unwrap()
        }
    }))
    .await;
    assert!(
        answers.iter().all(|a| *a == answers[0]),
        "one answer for one key"
    );

    // The cUSD arrives at the transfer's address: M-Pesa pays the account's phone.
    sandbox_transfer(&server, t["transferAddress"].as_str().unwrap(), "10").await;
    let path = format!(
        "/kotani/fiatconnect/transfer/{}/status",
        t["transferId"].as_str().unwrap()
    );
    let mut waited = 0;
    loop {
        let s = expect(b.get(&path).await, StatusCode::OK).await;
        if s["status"] == "TransferComplete" {
            assert_eq!(s["amountProvided"], "10");
            assert!(s["txHash"].is_string());
            break;
        }
        waited += 1;
        assert!(waited < 80, "not complete: {s}");
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    let handset = expect(
        server
            .browser()
            .get("/sandbox/mpesa/handsets/254722555001")
            .await,
        StatusCode::OK,
    )
    .await;
    assert!(
        handset["messages"][0]
            .as_str()
            .unwrap()
            .contains("Fiat Connect"),
        "{handset}"
    );
    // Another wallet cannot read it.
    let other = signed_in(&server, &Wallet::new(42), "xfernonce002").await;
    assert_eq!(other.get(&path).await.status(), StatusCode::NOT_FOUND);
}

async fn quote_out(b: &common::Browser) -> reqwest::Response {
    b.post(
        "/kotani/fiatconnect/quote/out",
        json!({"fiatType": "KES", "cryptoType": "cUSD", "cryptoAmount": "10", "country": "KE"}),
    )
    .await
}

async fn sandbox_transfer(server: &TestServer, to: &str, amount: &str) {
    let r = server
        .browser()
        .post(
            "/sandbox/chain/transfers",
            json!({"currency": "cusd", "to_address": to, "amount": amount}),
        )
        .await;
    expect(r, StatusCode::CREATED).await;
}

#[tokio::test]
async fn a_transfer_in_sends_the_coins_and_the_clients_webhook_hears_each_status() {
    use axum::{extract::State as S, http::HeaderMap, routing::post, Router};
    use std::sync::{Arc, Mutex};
    let server = TestServer::start().await;

    // The wallet's provider: a partner with Fiat Connect credentials and a webhook receiver
    // that verifies every signature with the Standard Webhooks library.
    let partner = server.browser();
    let reg = partner.register("09121118002").await;
    let csrf = csrf_from(&reg);
    expect(reg, StatusCode::CREATED).await;
    let set = partner
        .client
        .put(server.url("/kotani/api/v2/partner"))
        .header("x-csrf-token", &csrf)
        .json(&json!({"phoneNumber": "254711800002", "countryCode": "KEN", "password": "partner-pass"}))
        .send()
        .await
        .unwrap();
    expect(set, StatusCode::OK).await;
    type Seen = Arc<Mutex<Vec<(String, bool)>>>;
    let seen: Seen = Arc::default();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let hook = format!("http://{}/fc", listener.local_addr().unwrap());
    let creds = expect(
        partner
            .client
            .post(server.url("/kotani/api/v2/fiatconnect/credentials"))
            .header("x-csrf-token", &csrf)
            .json(&json!({"webhook": hook}))
            .send()
            .await
            .unwrap(),
        StatusCode::CREATED,
    )
    .await;
    let verifier =
        Arc::new(standardwebhooks::Webhook::new(creds["webhookSecret"].as_str().unwrap()).unwrap());
    let app = Router::new()
        .route(
            "/fc",
            post(
                |S((seen, verifier)): S<(Seen, Arc<standardwebhooks::Webhook>)>,
                 headers: HeaderMap,
                 body: axum::body::Bytes| async move {
                    let ok = verifier.verify(&body, &headers).is_ok();
                    let v: Value = serde_json::from_slice(&body).unwrap();
                    seen.lock()
                        .unwrap()
                        .push((v["payload"]["status"].as_str().unwrap().to_string(), ok));
                    axum::http::StatusCode::OK
                },
            ),
        )
        .with_state((seen.clone(), verifier));
    tokio::spawn(async move { axum::serve(listener, app).await });

    let wallet = Wallet::new(51);
    let b = signed_in(&server, &wallet, "innonce00001").await;
    expect(
        b.post(
            "/kotani/fiatconnect/kyc/PersonalDataAndDocuments",
            kyc("Otieno"),
        )
        .await,
        StatusCode::OK,
    )
    .await;
    while status(&b).await != "KycApproved" {
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    let account = expect(
        b.post(
            "/kotani/fiatconnect/accounts",
            json!({"fiatAccountSchema": "MobileMoney", "data": {
            "accountName": "Amina Otieno", "institutionName": "M-Pesa", "mobile": "254722555002",
            "country": "KE", "operator": "MPESA", "fiatAccountType": "MobileMoney"}}),
        )
        .await,
        StatusCode::OK,
    )
    .await;
    let q = expect(
        b.post(
            "/kotani/fiatconnect/quote/in",
            json!({"fiatType": "KES", "cryptoType": "cUSD", "fiatAmount": "1295", "country": "KE"}),
        )
        .await,
        StatusCode::OK,
    )
    .await;
    // An out quote cannot start a transfer in.
    let out_quote = expect(quote_out(&b).await, StatusCode::OK).await;
    let api_key = creds["apiKey"].as_str().unwrap().to_string();
    let start = |quote: &Value| {
        b.client
            .post(server.url("/kotani/fiatconnect/transfer/in"))
            .header("Idempotency-Key", format!("in-{}", quote["quote"]["quoteId"].as_str().unwrap()))
            .bearer_auth(&api_key)
            .json(&json!({"fiatAccountId": account["fiatAccountId"], "quoteId": quote["quote"]["quoteId"]}))
            .send()
    };
    let wrong = expect(start(&out_quote).await.unwrap(), StatusCode::BAD_REQUEST).await;
    assert_eq!(wrong["error"], "InvalidQuote");
    let t = expect(start(&q).await.unwrap(), StatusCode::OK).await;
    assert_eq!(t["transferStatus"], "TransferStarted");
    assert_eq!(t["transferAddress"], wallet.address.as_str());
    let path = format!(
        "/kotani/fiatconnect/transfer/{}/status",
        t["transferId"].as_str().unwrap()
    );
    let mut waited = 0;
    loop {
        let s = expect(b.get(&path).await, StatusCode::OK).await;
        if s["status"] == "TransferComplete" {
            assert!(s["txHash"].as_str().unwrap().starts_with("0x"));
            assert_eq!(s["amountProvided"], "1295");
            break;
        }
        waited += 1;
        assert!(waited < 100, "not complete: {s}");
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    let mut waited = 0;
    while seen.lock().unwrap().len() < 3 {
        waited += 1;
        assert!(waited < 50, "{:?}", seen.lock().unwrap());
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    let events = seen.lock().unwrap().clone();
    let statuses: Vec<&str> = events.iter().map(|e| e.0.as_str()).collect();
    assert_eq!(
        statuses,
        [
            "TransferStarted",
            "TransferReceivedFiatFunds",
            "TransferComplete"
        ]
    );
    assert!(events.iter().all(|e| e.1), "every webhook verifies");
    let log = expect(
        partner.get("/kotani/api/v2/fiatconnect/webhooks").await,
        StatusCode::OK,
    )
    .await;
    let deliveries = log["deliveries"].as_array().unwrap();
    assert_eq!(deliveries.len(), 3);

    // A delivery is sent again on request, signed again with the same secret, and only by its
    // own partner: another's is not found, nor is the id as a ramp callback's.
    let id = deliveries[0]["id"].as_str().unwrap();
    let resend = |who: &common::Browser, csrf: &str, path: String| {
        who.client
            .post(server.url(&path))
            .header("x-csrf-token", csrf)
            .json(&json!({}))
            .send()
    };
    let path = format!("/kotani/api/v2/fiatconnect/webhooks/{id}/resend");
    let other = server.browser();
    let other_reg = other.register("09121118003").await;
    let other_csrf = csrf_from(&other_reg);
    expect(other_reg, StatusCode::CREATED).await;
    let stranger = resend(&other, &other_csrf, path.clone()).await.unwrap();
    assert_eq!(stranger.status(), StatusCode::NOT_FOUND);
    let again = expect(resend(&partner, &csrf, path).await.unwrap(), StatusCode::OK).await;
    assert_eq!(again["id"], id);
    let mut waited = 0;
    while seen.lock().unwrap().len() < 4 {
        waited += 1;
        assert!(waited < 50, "the resend did not arrive");
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert!(seen.lock().unwrap()[3].1, "the resent webhook verifies");
    let as_callback = resend(
        &partner,
        &csrf,
        format!("/kotani/api/v2/callbacks/{id}/resend"),
    )
    .await
    .unwrap();
    assert_eq!(as_callback.status(), StatusCode::NOT_FOUND);
}
