//! Kotani's custodial side over HTTP: users with an address on every ramp chain, balances on
//! the sandbox chain, cash-outs through the escrow (a hash pays out once, an unknown one is a
//! 422), Stellar and TRON cash-outs by country, M-Pesa to USDT on TRON, buying cUSD with the
//! wallet, UBI claimed once, the internal endpoints for admins only, and another partner's data.

mod common;

use common::{csrf_from, expect, TestServer};
use kitty_api::crypto::Network;
use reqwest::{Client, StatusCode};
use serde_json::{json, Value};
use std::time::Duration;

struct Partner {
    base: String,
    token: String,
    client: Client,
}

impl Partner {
    async fn new(server: &TestServer, mobile: &str, phone: &str) -> Partner {
        let b = server.browser();
        let reg = b.register(mobile).await;
        let csrf = csrf_from(&reg);
        expect(reg, StatusCode::CREATED).await;
        let set = b
            .client
            .put(server.url("/kotani/api/v2/partner"))
            .header("x-csrf-token", &csrf)
            .json(&json!({"phoneNumber": phone, "countryCode": "KEN", "password": "partner-pass"}))
            .send()
            .await
            .unwrap();
        expect(set, StatusCode::OK).await;
        let login = Client::new()
            .post(server.url("/kotani/api/v2/auth/login"))
            .json(&json!({"phoneNumber": phone, "countryCode": "KEN", "password": "partner-pass"}))
            .send()
            .await
            .unwrap();
        let login = expect(login, StatusCode::CREATED).await;
        Partner {
            base: server.base.clone(),
            token: login["accessToken"].as_str().unwrap().into(),
            client: Client::new(),
        }
    }

    async fn call(
        &self,
        method: reqwest::Method,
        path: &str,
        body: Option<Value>,
    ) -> reqwest::Response {
        let mut r = self
            .client
            .request(method, format!("{}{path}", self.base))
            .bearer_auth(&self.token);
        if let Some(b) = body {
            r = r.json(&b);
        }
        r.send().await.unwrap()
    }

    async fn post(&self, path: &str, body: Value) -> reqwest::Response {
        self.call(
            reqwest::Method::POST,
            &format!("/kotani/api/v2{path}"),
            Some(body),
        )
        .await
    }

    async fn ok(&self, path: &str, body: Value, status: StatusCode) -> Value {
        expect(self.post(path, body).await, status).await
    }

    async fn settled(&self, request_id: &str) -> Value {
        for _ in 0..80 {
            let r = expect(
                self.call(
                    reqwest::Method::GET,
                    &format!("/kotani/api/v2/transactions/{request_id}"),
                    None,
                )
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

async fn sandbox(server: &TestServer, path: &str, body: Value) -> Value {
    let r = server.browser().post(path, body).await;
    let status = r.status();
    let v = expect(r, status).await;
    assert!(status.is_success(), "{path}: {status} {v}");
    v
}

async fn handset_balance(server: &TestServer, phone: &str) -> i64 {
    let r = server
        .browser()
        .get(&format!("/sandbox/mpesa/handsets/{phone}"))
        .await;
    if r.status() == StatusCode::NOT_FOUND {
        return 0;
    }
    expect(r, StatusCode::OK).await["balance"].as_i64().unwrap()
}

fn fields(v: &Value) -> Vec<String> {
    v["fields"]
        .as_object()
        .map(|f| f.keys().cloned().collect())
        .unwrap_or_default()
}

#[tokio::test]
async fn users_balances_cashouts_cashins_and_ubi() {
    let server = TestServer::start().await;
    let p = Partner::new(&server, "09121117001", "254711700001").await;
    let phone = "254722700001";

    // A user, with an address on every chain in its encoding.
    let created = p
        .ok(
            "/kyc/users",
            json!({"phoneNumber": phone}),
            StatusCode::CREATED,
        )
        .await;
    let addresses = created["addresses"].as_array().unwrap();
    assert_eq!(addresses.len(), 5);
    for a in addresses {
        let network = Network::parse(a["chain"].as_str().unwrap()).unwrap();
        assert_eq!(
            network.check_address(a["address"].as_str().unwrap()),
            Ok(()),
            "{a}"
        );
    }
    let celo = addresses.iter().find(|a| a["chain"] == "celo").unwrap()["address"]
        .as_str()
        .unwrap()
        .to_string();
    let tron = addresses.iter().find(|a| a["chain"] == "tron").unwrap()["address"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(addresses
        .iter()
        .any(|a| a["address"].as_str().unwrap().starts_with('G')));
    let again = p
        .ok(
            "/kyc/users",
            json!({"phoneNumber": phone}),
            StatusCode::CONFLICT,
        )
        .await;
    assert_eq!(fields(&again), ["phoneNumber"]);
    let bad = p
        .ok(
            "/kyc/users",
            json!({"phoneNumber": "12"}),
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    assert_eq!(fields(&bad), ["phoneNumber"]);

    // Verification: unverified until the details are on file.
    let v = p
        .ok(
            "/kyc/users/verify",
            json!({"phoneNumber": phone}),
            StatusCode::OK,
        )
        .await;
    assert_eq!(v["status"], "unverified");
    let bad = p
        .call(
            reqwest::Method::PUT,
            "/kotani/api/v2/kyc/users",
            Some(json!({"phoneNumber": phone, "firstname": "Amina", "lastname": "", "email": "not-mail"})),
        )
        .await;
    let bad = expect(bad, StatusCode::UNPROCESSABLE_ENTITY).await;
    assert_eq!(fields(&bad), ["email", "lastname"]);
    let done = p
        .call(
            reqwest::Method::PUT,
            "/kotani/api/v2/kyc/users",
            Some(json!({"phoneNumber": phone, "firstname": "Amina", "lastname": "Otieno", "email": "amina@example.com"})),
        )
        .await;
    assert_eq!(
        expect(done, StatusCode::OK).await["details"]["verified"],
        true
    );
    let v = p
        .ok(
            "/kyc/users/verify",
            json!({"phoneNumber": phone}),
            StatusCode::OK,
        )
        .await;
    assert_eq!(v["status"], "verified");
    let found = p
        .ok(
            "/kyc/users/by-address",
            json!({"publicAddress": celo}),
            StatusCode::OK,
        )
        .await;
    assert_eq!(found["phoneNumber"], phone);

    // Balances: an unknown chain is a 422; coins arrive pending, then confirmed.
    let bad = p
        .ok(
            "/onchain/balance",
            json!({"phoneNumber": phone, "chain": "bitcoin"}),
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    assert_eq!(fields(&bad), ["chain"]);
    sandbox(
        &server,
        "/sandbox/chain/transfers",
        json!({"currency": "cusd", "to_address": celo, "amount": "25"}),
    )
    .await;
    let b = p
        .ok(
            "/onchain/balance",
            json!({"phoneNumber": phone, "chain": "celo"}),
            StatusCode::OK,
        )
        .await;
    assert_eq!(b["address"], celo.as_str());
    assert_eq!(b["pending"]["cUSD"], "25.000000000000000000");
    sandbox(&server, "/sandbox/chain/celo/mine", json!({"blocks": 1})).await;
    let b = p
        .ok(
            "/onchain/balance",
            json!({"phoneNumber": phone, "chain": "celo"}),
            StatusCode::OK,
        )
        .await;
    assert_eq!(b["balance"]["cUSD"], "25.000000000000000000");

    // Cash-out: 10 cUSD to the escrow, then to M-Pesa; the hash pays out once.
    let rates = expect(
        p.call(
            reqwest::Method::GET,
            "/kotani/api/v2/onchain/escrow-rates",
            None,
        )
        .await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(
        Network::Celo.check_address(rates["escrowAddress"].as_str().unwrap()),
        Ok(())
    );
    let too_much = p
        .ok(
            "/onchain/escrow",
            json!({"phoneNumber": phone, "chain": "celo", "amount": "26"}),
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    assert_eq!(fields(&too_much), ["amount"]);
    let sent = p
        .ok(
            "/onchain/escrow",
            json!({"phoneNumber": phone, "chain": "celo", "amount": "10"}),
            StatusCode::CREATED,
        )
        .await;
    let hash = sent["txHash"].as_str().unwrap();
    let before = handset_balance(&server, phone).await;
    let out = p
        .ok(
            "/celo/mpesa",
            json!({"phoneNumber": phone, "txhash": hash}),
            StatusCode::OK,
        )
        .await;
    let d = &out["cusdDetails"];
    let fiat = d["fiatAmount"].as_i64().unwrap();
    assert!((129_000..=130_000).contains(&fiat), "{d}");
    let twice = p
        .ok(
            "/celo/mpesa",
            json!({"phoneNumber": phone, "txhash": hash}),
            StatusCode::CONFLICT,
        )
        .await;
    assert_eq!(fields(&twice), ["txhash"]);
    let unknown = p
        .ok(
            "/celo/mpesa",
            json!({"phoneNumber": phone, "txhash": "0xdead"}),
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    assert_eq!(fields(&unknown), ["txhash"]);
    let settled = p.settled(d["requestId"].as_str().unwrap()).await;
    assert_eq!(settled["status"], "successful");
    assert_eq!(
        handset_balance(&server, phone).await,
        before.max(5_000_000) + fiat
    );
    let b = p
        .ok(
            "/onchain/balance",
            json!({"phoneNumber": phone, "chain": "celo"}),
            StatusCode::OK,
        )
        .await;
    assert_eq!(b["balance"]["cUSD"], "15.000000000000000000");
    // The cash-out did not touch the partner's wallet.
    let wallet = expect(
        p.call(reqwest::Method::GET, "/kotani/api/v2/wallet", None)
            .await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(wallet["available"], 0);

    // Stellar and TRON cash-outs: KE or GH only; a transfer that is not to the escrow is refused.
    let stellar_escrow = rates["escrowAddresses"]["stellar"].as_str().unwrap();
    let usdc = sandbox(
        &server,
        "/sandbox/chain/transfers",
        json!({"currency": "usdc_stellar", "to_address": stellar_escrow, "amount": "3.5"}),
    )
    .await;
    let wrong = p
        .ok(
            "/stellar/cashout/US",
            json!({"phoneNumber": phone, "txHash": usdc["tx_hash"]}),
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    assert_eq!(fields(&wrong), ["countryCode"]);
    let ok = p
        .ok(
            "/stellar/cashout/KE",
            json!({"phoneNumber": phone, "txHash": usdc["tx_hash"]}),
            StatusCode::CREATED,
        )
        .await;
    assert_eq!(ok["details"]["token"], "USDC");
    let to_user = sandbox(
        &server,
        "/sandbox/chain/transfers",
        json!({"currency": "usdt_trc20", "to_address": tron, "amount": "5"}),
    )
    .await;
    let not_escrow = p
        .ok(
            "/tron/cashout/KE",
            json!({"phoneNumber": phone, "txHash": to_user["tx_hash"]}),
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    assert_eq!(fields(&not_escrow), ["txHash"]);

    // M-Pesa to USDT on TRON: KE only; the USDT arrives once the phone pays.
    let gh = p
        .ok(
            "/tron/cashin/GH",
            json!({"phoneNumber": phone, "amount": 1000}),
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    assert_eq!(fields(&gh), ["countryCode"]);
    let cashin = p
        .ok(
            "/tron/cashin/KE",
            json!({"phoneNumber": phone, "amount": 1295}),
            StatusCode::CREATED,
        )
        .await;
    assert_eq!(cashin["address"], tron.as_str());
    let answered = Client::new()
        .post(server.url(&format!(
            "/sandbox/mpesa/prompts/{}",
            cashin["requestId"].as_str().unwrap()
        )))
        .json(&json!({"action": "approve", "pin": "1234"}))
        .send()
        .await
        .unwrap();
    expect(answered, StatusCode::OK).await;
    sandbox(&server, "/sandbox/chain/tron/mine", json!({"blocks": 10})).await;
    let b = p
        .ok(
            "/onchain/balance",
            json!({"phoneNumber": phone, "chain": "tron"}),
            StatusCode::OK,
        )
        .await;
    assert_eq!(
        b["balance"]["USDT"].as_str().unwrap(),
        format!(
            "{}",
            rust_decimal::Decimal::from_str_exact(cashin["usdtAmount"].as_str().unwrap()).unwrap()
                + rust_decimal::Decimal::new(5_000_000, 6)
        )
    );

    // Buying cUSD is paid from the wallet: refused while it is empty.
    let broke = p
        .ok(
            "/celo/buy",
            json!({"phoneNumber": phone, "celoAmount": "1"}),
            StatusCode::CONFLICT,
        )
        .await;
    assert_eq!(fields(&broke), ["amount"]);

    // UBI: not a beneficiary yet, then one claim per disbursement.
    let ubi = json!({"phoneNumber": phone, "programId": "nairobi-2026"});
    let check = p.ok("/ubi/check", ubi.clone(), StatusCode::OK).await;
    assert_eq!(check["result"]["beneficiary"], false);
    let refused = p.post("/ubi/claim", ubi.clone()).await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    p.ok("/ubi/beneficiaries", ubi.clone(), StatusCode::OK)
        .await;
    let claim = p.ok("/ubi/claim", ubi.clone(), StatusCode::CREATED).await;
    assert!(claim["txid"].as_str().unwrap().starts_with("0x"));
    let twice = p.post("/ubi/claim", ubi.clone()).await;
    assert_eq!(twice.status(), StatusCode::CONFLICT);
    let check = p.ok("/ubi/check", ubi.clone(), StatusCode::OK).await;
    assert_eq!(check["result"]["claimed"], true);

    // The internal endpoints are for admins; another partner sees none of this.
    let all = p
        .call(reqwest::Method::GET, "/kotani/api/v2/kyc/users", None)
        .await;
    assert_eq!(all.status(), StatusCode::FORBIDDEN);
    let find = p
        .post("/kyc/users/find", json!({"phoneNumber": phone}))
        .await;
    assert_eq!(find.status(), StatusCode::FORBIDDEN);
    let other = Partner::new(&server, "09121117002", "254711700002").await;
    for (path, body) in [
        ("/kyc/users/verify", json!({"phoneNumber": phone})),
        ("/kyc/users/by-address", json!({"publicAddress": celo})),
        (
            "/onchain/balance",
            json!({"phoneNumber": phone, "chain": "celo"}),
        ),
        (
            "/onchain/escrow",
            json!({"phoneNumber": phone, "chain": "celo", "amount": "1"}),
        ),
    ] {
        let r = other.post(path, body).await;
        assert_eq!(r.status(), StatusCode::NOT_FOUND, "{path}");
    }
    let mine = expect(
        other
            .call(reqwest::Method::GET, "/kotani/api/v2/kyc/users/mine", None)
            .await,
        StatusCode::OK,
    )
    .await;
    assert!(mine["data"].as_array().unwrap().is_empty());
}

#[tokio::test]
async fn kotani_admins_read_every_user() {
    let server = TestServer::start_with(|s| s.demo = true).await;
    let p = Partner::new(&server, "09121117003", "254711700003").await;
    p.ok(
        "/kyc/users",
        json!({"phoneNumber": "254722700003"}),
        StatusCode::CREATED,
    )
    .await;
    let login = Client::new()
        .post(server.url("/kpay/auth/login"))
        .json(&json!({"username": "09120000000", "password": "demo1234"}))
        .send()
        .await
        .unwrap();
    let token = expect(login, StatusCode::OK).await["access_token"]
        .as_str()
        .unwrap()
        .to_string();
    let admin = Partner {
        base: server.base.clone(),
        token,
        client: Client::new(),
    };
    let all = expect(
        admin
            .call(reqwest::Method::GET, "/kotani/api/v2/kyc/users", None)
            .await,
        StatusCode::OK,
    )
    .await;
    assert!(all["data"]
        .as_array()
        .unwrap()
        .iter()
        .any(|u| u["phoneNumber"] == "254722700003"));
    let one = admin
        .ok(
            "/kyc/users/find",
            json!({"phoneNumber": "+254 722 700 003"}),
            StatusCode::OK,
        )
        .await;
    assert_eq!(one["userRecord"]["phoneNumber"], "254722700003");
}
