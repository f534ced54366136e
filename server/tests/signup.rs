//! KttiPay's other doors into the one account store, over HTTP: registration in two steps with
//! its code from the outbox (wrong, reused, rate limited), social sign-in through the sandbox
//! identity provider (the ID-token checks: signature, audience, issuer, nonce replay; linking;
//! a blocked account), and the KYC details shared with the ramp's records.

mod common;

use common::{csrf_from, expect, TestServer};
use jsonwebtoken::{Algorithm, EncodingKey, Header};
use reqwest::{Client, StatusCode};
use serde_json::{json, Value};

async fn post(server: &TestServer, path: &str, body: Value) -> (StatusCode, Value) {
    let r = Client::new()
        .post(server.url(path))
        .json(&body)
        .send()
        .await
        .unwrap();
    let s = r.status();
    (s, r.json().await.unwrap_or(Value::Null))
}

/// The code in the newest message the outbox holds for `to`.
async fn code_for(server: &TestServer, to: &str) -> String {
    let outbox = expect(
        Client::new()
            .get(server.url(&format!("/sandbox/outbox?to={to}")))
            .send()
            .await
            .unwrap(),
        StatusCode::OK,
    )
    .await;
    let body = outbox["messages"][0]["body"].as_str().unwrap();
    let at = body.find("code is ").expect("a code in the message") + 8;
    body[at..at + 6].to_string()
}

async fn me(server: &TestServer, token: &str) -> Value {
    expect(
        Client::new()
            .get(server.url("/ktti/api/v2/users/me"))
            .bearer_auth(token)
            .send()
            .await
            .unwrap(),
        StatusCode::OK,
    )
    .await
}

#[tokio::test]
async fn registration_takes_two_steps_and_its_code_works_once() {
    let server = TestServer::start().await;

    // Bad first steps: each problem on its field.
    for (body, field) in [
        (json!({"name": "Nia"}), "email"),
        (
            json!({"name": "Nia", "email": "a@b.co", "mobile": "09121230000"}),
            "mobile",
        ),
        (json!({"name": "Nia", "email": "not-an-email"}), "email"),
        (json!({"name": "Nia", "mobile": "12345"}), "mobile"),
        (json!({"name": " ", "email": "nia@example.com"}), "name"),
    ] {
        let (s, v) = post(&server, "/ktti/api/v2/registration", body.clone()).await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{body}: {v}");
        assert!(v["fields"][field].is_string(), "{body}: {v}");
    }

    let (s, started) = post(
        &server,
        "/ktti/api/v2/registration",
        json!({"name": "Nia Two", "email": " Nia@Example.com "}),
    )
    .await;
    assert_eq!(s, StatusCode::CREATED, "{started}");
    assert_eq!(started["to"], "nia@example.com");
    assert_eq!(started["channel"], "email");
    let id = started["registration_id"].as_str().unwrap().to_string();
    let code = code_for(&server, "nia@example.com").await;

    // The second step: bad password, bad code shape, wrong code (counted), unknown id.
    let finish = |code: &str, password: &str| json!({"registration_id": id, "code": code, "password": password});
    let (s, v) = post(
        &server,
        "/ktti/api/v2/registration/password",
        finish(&code, "12345"),
    )
    .await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(v["fields"]["password"].is_string(), "{v}");
    let (s, v) = post(
        &server,
        "/ktti/api/v2/registration/password",
        finish("12ab", "secret12"),
    )
    .await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(v["fields"]["code"].is_string(), "{v}");
    let wrong = if code == "000000" { "000001" } else { "000000" };
    let (s, v) = post(
        &server,
        "/ktti/api/v2/registration/password",
        finish(wrong, "secret12"),
    )
    .await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        v["fields"]["code"]
            .as_str()
            .unwrap()
            .contains("4 tries left"),
        "{v}"
    );
    let (s, _) = post(
        &server,
        "/ktti/api/v2/registration/password",
        json!({"registration_id": "no-such", "code": code, "password": "secret12"}),
    )
    .await;
    assert_eq!(s, StatusCode::NOT_FOUND);

    // The right code: the account exists and is signed in, with cookies for the browser.
    let r = Client::new()
        .post(server.url("/ktti/api/v2/registration/password"))
        .json(&finish(&code, "secret12"))
        .send()
        .await
        .unwrap();
    assert!(!csrf_from(&r).is_empty());
    let tokens = expect(r, StatusCode::CREATED).await;
    let user = me(&server, tokens["access_token"].as_str().unwrap()).await;
    assert_eq!(user["name"], "Nia Two");
    assert_eq!(user["email"], "nia@example.com");
    assert_eq!(user["mobile"], Value::Null);
    // An account without a mobile works everywhere one is read: invitations, a password reset.
    let r = Client::new()
        .get(server.url("/ktti/api/v3/invitations"))
        .bearer_auth(tokens["access_token"].as_str().unwrap())
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    let (s, _) = post(
        &server,
        "/ktti/api/v2/users/password-reset",
        json!({"username": "nia@example.com"}),
    )
    .await;
    assert_eq!(s, StatusCode::ACCEPTED);

    // A browser's session renews and ends through KttiPay's doors: the refresh cookie is set for
    // them as for KPAY's.
    let browser = server.browser();
    let (s, started) = post(
        &server,
        "/ktti/api/v2/registration",
        json!({"name": "Cookie Person", "email": "cookie@example.com"}),
    )
    .await;
    assert_eq!(s, StatusCode::CREATED);
    let code2 = code_for(&server, "cookie@example.com").await;
    let r = browser
        .post(
            "/ktti/api/v2/registration/password",
            json!({"registration_id": started["registration_id"], "code": code2, "password": "secret12"}),
        )
        .await;
    let csrf = csrf_from(&r);
    let paths: Vec<String> = r
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|c| c.to_str().ok())
        .filter(|c| c.starts_with("kitty_refresh="))
        .map(|c| {
            c.split("Path=")
                .nth(1)
                .unwrap()
                .split(';')
                .next()
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(paths, ["/kpay/auth", "/ktti/api/v2/auth"]);
    expect(r, StatusCode::CREATED).await;
    let refreshed = browser
        .client
        .post(server.url("/ktti/api/v2/auth/refresh"))
        .header("x-csrf-token", &csrf)
        .send()
        .await
        .unwrap();
    let csrf = csrf_from(&refreshed);
    expect(refreshed, StatusCode::OK).await;
    let out = browser
        .client
        .post(server.url("/ktti/api/v2/auth/logout"))
        .header("x-csrf-token", &csrf)
        .send()
        .await
        .unwrap();
    assert_eq!(out.status(), StatusCode::NO_CONTENT);
    assert_eq!(
        browser.get("/ktti/api/v2/users/me").await.status(),
        StatusCode::UNAUTHORIZED
    );
    let again = browser
        .client
        .post(server.url("/ktti/api/v2/auth/refresh"))
        .send()
        .await
        .unwrap();
    assert_eq!(
        again.status(),
        StatusCode::UNAUTHORIZED,
        "the session is over"
    );

    // Used once: a second finish is a 409, and the password signs in.
    let (s, _) = post(
        &server,
        "/ktti/api/v2/registration/password",
        finish(&code, "other-pass"),
    )
    .await;
    assert_eq!(s, StatusCode::CONFLICT);
    let (s, _) = post(
        &server,
        "/ktti/api/v2/auth/login",
        json!({"email": "NIA@example.com", "password": "secret12"}),
    )
    .await;
    assert_eq!(s, StatusCode::OK);

    // The address is taken now.
    let (s, v) = post(
        &server,
        "/ktti/api/v2/registration",
        json!({"name": "Someone", "email": "nia@example.com"}),
    )
    .await;
    assert_eq!(s, StatusCode::CONFLICT);
    assert!(v["fields"]["email"].is_string(), "{v}");

    // By mobile: the code goes by SMS. Five wrong tries drop the registration.
    let (s, started) = post(
        &server,
        "/ktti/api/v2/registration",
        json!({"name": "Mobile Person", "mobile": "+98 912 555 0101"}),
    )
    .await;
    assert_eq!(s, StatusCode::CREATED, "{started}");
    assert_eq!(started["channel"], "sms");
    assert_eq!(started["to"], "09125550101");
    let id = started["registration_id"].as_str().unwrap();
    let code = code_for(&server, "09125550101").await;
    let wrong = if code == "000000" { "000001" } else { "000000" };
    for tries_left in (0..5).rev() {
        let (s, v) = post(
            &server,
            "/ktti/api/v2/registration/password",
            json!({"registration_id": id, "code": wrong, "password": "secret12"}),
        )
        .await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
        let m = v["fields"]["code"].as_str().unwrap();
        assert!(
            if tries_left == 0 {
                m.contains("last try")
            } else {
                m.contains(&format!("{tries_left} tries left"))
            },
            "{m}"
        );
    }
    let (s, v) = post(
        &server,
        "/ktti/api/v2/registration/password",
        json!({"registration_id": id, "code": code, "password": "secret12"}),
    )
    .await;
    assert_eq!(
        s,
        StatusCode::UNPROCESSABLE_ENTITY,
        "the right code after five wrong ones"
    );
    assert!(v["fields"]["code"]
        .as_str()
        .unwrap()
        .contains("Start the registration again"));

    // Codes to one address are rate limited: the second and third are fine, the fourth is a 429.
    for expected in [
        StatusCode::CREATED,
        StatusCode::CREATED,
        StatusCode::TOO_MANY_REQUESTS,
    ] {
        let (s, v) = post(
            &server,
            "/ktti/api/v2/registration",
            json!({"name": "Mobile Person", "mobile": "09125550101"}),
        )
        .await;
        assert_eq!(s, expected, "{v}");
    }
}

/// Runs the sandbox provider's sign-in page as a person would, and returns the ID token it
/// redirects back with.
async fn sandbox_id_token(
    server: &TestServer,
    client_id: &str,
    nonce: &str,
    email: &str,
) -> String {
    let redirect = format!("{}/login/social", server.base);
    let form = [
        ("response_type", "id_token"),
        ("client_id", client_id),
        ("redirect_uri", redirect.as_str()),
        ("nonce", nonce),
        ("state", "s-1"),
        ("name", "Sam Social"),
        ("email", email),
        ("action", "continue"),
    ];
    let page = Client::new()
        .get(server.url("/sandbox/oidc/authorize"))
        .query(&form[..5])
        .send()
        .await
        .unwrap();
    assert_eq!(page.status(), StatusCode::OK);
    assert!(page
        .text()
        .await
        .unwrap()
        .contains("Sign in with Sandbox ID"));
    let r = Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
        .post(server.url("/sandbox/oidc/authorize"))
        .form(&form)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let location = r.headers()["location"].to_str().unwrap().to_string();
    assert!(location.starts_with(&redirect), "{location}");
    assert!(location.ends_with("&state=s-1"), "{location}");
    let token = location.split("id_token=").nth(1).unwrap();
    token.split('&').next().unwrap().to_string()
}

async fn nonce(server: &TestServer) -> String {
    let (s, v) = post(server, "/ktti/api/v2/auth/social/nonce", Value::Null).await;
    assert_eq!(s, StatusCode::CREATED, "{v}");
    v["nonce"].as_str().unwrap().to_string()
}

async fn social(server: &TestServer, token: &str, nonce: &str) -> (StatusCode, Value) {
    post(
        server,
        "/ktti/api/v2/auth/social",
        json!({"id_token": token, "nonce": nonce}),
    )
    .await
}

#[tokio::test]
async fn social_sign_in_checks_the_id_token_and_links_one_account() {
    let server = TestServer::start_with(|s| s.demo = true).await;

    // The provider refuses a redirect away from this server, and anything but id_token.
    let bad = Client::new()
        .get(server.url("/sandbox/oidc/authorize"))
        .query(&[
            ("response_type", "id_token"),
            ("client_id", "kitty-app"),
            ("redirect_uri", "https://evil.example/steal"),
            ("nonce", "n"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(bad.status(), StatusCode::BAD_REQUEST);

    // A first sign-in makes an account with the verified email, no mobile, no password.
    let n = nonce(&server).await;
    let token = sandbox_id_token(&server, "kitty-app", &n, "sam@example.com").await;
    let (s, tokens) = social(&server, &token, &n).await;
    assert_eq!(s, StatusCode::OK, "{tokens}");
    let sam = me(&server, tokens["access_token"].as_str().unwrap()).await;
    assert_eq!(sam["email"], "sam@example.com");
    assert_eq!(sam["name"], "Sam Social");
    assert_eq!(sam["mobile"], Value::Null);
    let (s, _) = post(
        &server,
        "/ktti/api/v2/auth/login",
        json!({"email": "sam@example.com", "password": "anything"}),
    )
    .await;
    assert_eq!(s, StatusCode::UNAUTHORIZED, "no password until one is set");

    // The same token again: its nonce is spent.
    let (s, v) = social(&server, &token, &n).await;
    assert_eq!(s, StatusCode::UNAUTHORIZED);
    assert!(v["message"].as_str().unwrap().contains("nonce"), "{v}");

    // A fresh token for a nonce it was not issued with.
    let n2 = nonce(&server).await;
    let other = nonce(&server).await;
    let token2 = sandbox_id_token(&server, "kitty-app", &n2, "sam@example.com").await;
    let (s, v) = social(&server, &token2, &other).await;
    assert_eq!(s, StatusCode::UNAUTHORIZED);
    assert!(
        v["message"].as_str().unwrap().contains("another sign-in"),
        "{v}"
    );
    // ...and the right pair signs the same person in again.
    let (s, again) = social(&server, &token2, &n2).await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(
        me(&server, again["access_token"].as_str().unwrap()).await["id"],
        sam["id"]
    );

    // Issued for another application.
    let n3 = nonce(&server).await;
    let foreign = sandbox_id_token(&server, "someone-else", &n3, "sam@example.com").await;
    let (s, v) = social(&server, &foreign, &n3).await;
    assert_eq!(s, StatusCode::UNAUTHORIZED);
    assert!(
        v["message"]
            .as_str()
            .unwrap()
            .contains("another application"),
        "{v}"
    );

    // Signed by a key that is not the provider's, under the provider's key id; and a token
    // whose payload was changed after signing.
    let jwks = expect(
        Client::new()
            .get(server.url("/sandbox/oidc/jwks.json"))
            .send()
            .await
            .unwrap(),
        StatusCode::OK,
    )
    .await;
    let kid = jwks["keys"][0]["kid"].as_str().unwrap().to_string();
    let pkcs8 = ring::signature::EcdsaKeyPair::generate_pkcs8(
        &ring::signature::ECDSA_P256_SHA256_FIXED_SIGNING,
        &ring::rand::SystemRandom::new(),
    )
    .unwrap();
    let n4 = nonce(&server).await;
    let now = time::OffsetDateTime::now_utc().unix_timestamp();
    let claims = json!({"iss": "urn:kitty:sandbox-id", "sub": "sbx-forged", "aud": "kitty-app",
        "exp": now + 300, "iat": now, "nonce": n4, "email": "sam@example.com", "email_verified": true});
    let mut header = Header::new(Algorithm::ES256);
    header.kid = Some(kid.clone());
    let forged =
        jsonwebtoken::encode(&header, &claims, &EncodingKey::from_ec_der(pkcs8.as_ref())).unwrap();
    let (s, v) = social(&server, &forged, &n4).await;
    assert_eq!(s, StatusCode::UNAUTHORIZED);
    assert!(v["message"].as_str().unwrap().contains("signature"), "{v}");
    let real = sandbox_id_token(&server, "kitty-app", &n4, "sam@example.com").await;
    let mut parts: Vec<&str> = real.split('.').collect();
    use base64::Engine;
    let tampered = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(
        serde_json::to_vec(
            &json!({"iss": "urn:kitty:sandbox-id", "sub": "sbx-admin", "aud": "kitty-app",
            "exp": now + 300, "nonce": n4, "email": "demo@kitty.test", "email_verified": true}),
        )
        .unwrap(),
    );
    parts[1] = &tampered;
    let (s, _) = social(&server, &parts.join("."), &n4).await;
    assert_eq!(s, StatusCode::UNAUTHORIZED);
    // Another issuer, even with the provider's own key id.
    let claims = json!({"iss": "https://elsewhere.example", "sub": "x", "aud": "kitty-app",
        "exp": now + 300, "nonce": n4});
    let other_issuer =
        jsonwebtoken::encode(&header, &claims, &EncodingKey::from_ec_der(pkcs8.as_ref())).unwrap();
    let (s, _) = social(&server, &other_issuer, &n4).await;
    assert_eq!(s, StatusCode::UNAUTHORIZED);
    let (s, _) = social(&server, "not-a-jwt", &n4).await;
    assert_eq!(s, StatusCode::UNAUTHORIZED);
    // The nonce survived all of those: the untampered token still signs in.
    let (s, _) = social(&server, &real, &n4).await;
    assert_eq!(s, StatusCode::OK);

    // An existing account with that verified email is linked, not duplicated.
    let n5 = nonce(&server).await;
    let demo_token = sandbox_id_token(&server, "kitty-app", &n5, "DEMO@kitty.test").await;
    let (s, demo) = social(&server, &demo_token, &n5).await;
    assert_eq!(s, StatusCode::OK, "{demo}");
    let demo = me(&server, demo["access_token"].as_str().unwrap()).await;
    assert_eq!(demo["mobile"], "09120000000", "the demo account itself");

    // Blocked by a platform admin: the social door is shut too.
    let admin = demo;
    assert_eq!(admin["is_platform_admin"], true);
    let admin_login = Client::new()
        .post(server.url("/kpay/auth/login"))
        .json(&json!({"username": "09120000000", "password": "demo1234"}))
        .send()
        .await
        .unwrap();
    let admin_token = expect(admin_login, StatusCode::OK).await["access_token"]
        .as_str()
        .unwrap()
        .to_string();
    let r = Client::new()
        .put(server.url(&format!(
            "/ktti/api/v2/users/{}/block",
            sam["id"].as_str().unwrap()
        )))
        .bearer_auth(&admin_token)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    let n6 = nonce(&server).await;
    let token6 = sandbox_id_token(&server, "kitty-app", &n6, "sam@example.com").await;
    let (s, _) = social(&server, &token6, &n6).await;
    assert_eq!(s, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn kyc_details_show_the_ramp_records_that_share_the_email() {
    let server = TestServer::start().await;
    // A person, by two-step registration with an email.
    let (_, started) = post(
        &server,
        "/ktti/api/v2/registration",
        json!({"name": "Wanjiru K", "email": "wanjiru@example.com"}),
    )
    .await;
    let code = code_for(&server, "wanjiru@example.com").await;
    let (s, tokens) = post(
        &server,
        "/ktti/api/v2/registration/password",
        json!({"registration_id": started["registration_id"], "code": code, "password": "secret12"}),
    )
    .await;
    assert_eq!(s, StatusCode::CREATED);
    let token = tokens["access_token"].as_str().unwrap().to_string();
    let kyc = || async {
        expect(
            Client::new()
                .get(server.url("/ktti/api/v2/users/me/kyc"))
                .bearer_auth(&token)
                .send()
                .await
                .unwrap(),
            StatusCode::OK,
        )
        .await
    };
    let before = kyc().await;
    assert_eq!(before["status"], "unverified");
    assert_eq!(before["documents"].as_array().unwrap().len(), 0);
    assert_eq!(
        Client::new()
            .get(server.url("/ktti/api/v2/users/me/kyc"))
            .send()
            .await
            .unwrap()
            .status(),
        StatusCode::UNAUTHORIZED
    );

    // A Kotani partner records her as a user, then her names and this email.
    let b = server.browser();
    let reg = b.register("09127771234").await;
    let csrf = csrf_from(&reg);
    expect(reg, StatusCode::CREATED).await;
    let set = b
        .client
        .put(server.url("/kotani/api/v2/partner"))
        .header("x-csrf-token", &csrf)
        .json(&json!({"phoneNumber": "254712000111", "countryCode": "KEN", "password": "partner-pass"}))
        .send()
        .await
        .unwrap();
    expect(set, StatusCode::OK).await;
    let login = Client::new()
        .post(server.url("/kotani/api/v2/auth/login"))
        .json(&json!({"phoneNumber": "254712000111", "countryCode": "KEN", "password": "partner-pass"}))
        .send()
        .await
        .unwrap();
    let partner = expect(login, StatusCode::CREATED).await["accessToken"]
        .as_str()
        .unwrap()
        .to_string();
    let r = Client::new()
        .post(server.url("/kotani/api/v2/kyc/users"))
        .bearer_auth(&partner)
        .json(&json!({"phoneNumber": "254712345678"}))
        .send()
        .await
        .unwrap();
    expect(r, StatusCode::CREATED).await;
    let r = Client::new()
        .put(server.url("/kotani/api/v2/kyc/users"))
        .bearer_auth(&partner)
        .json(&json!({"phoneNumber": "254712345678", "firstname": "Wanjiru", "lastname": "Kamau", "email": "wanjiru@example.com"}))
        .send()
        .await
        .unwrap();
    let updated = expect(r, StatusCode::OK).await;
    assert!(updated.is_object());

    let after = kyc().await;
    assert_eq!(after["status"], "verified", "{after}");
    let doc = &after["documents"][0];
    assert_eq!(doc["first_name"], "Wanjiru");
    assert_eq!(doc["verified"], true);
    assert!(doc["source"]
        .as_str()
        .unwrap()
        .starts_with("Kotani Pay, for "));
}
