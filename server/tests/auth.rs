//! Accounts and sessions through real HTTP.

mod common;

use common::{csrf_from, expect, TestServer};
use reqwest::StatusCode;
use serde_json::json;

#[tokio::test]
async fn register_returns_tokens_sets_cookies_and_me_works() {
    let server = TestServer::start().await;
    let browser = server.browser();
    let response = browser
        .post(
            "/kpay/auth/register",
            json!({"name": "Sara", "mobile": "0912 123 4567", "email": "Sara@Example.com", "password": "secret1"}),
        )
        .await;
    let cookies: Vec<String> = response
        .headers()
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().unwrap().to_string())
        .collect();
    let session = cookies
        .iter()
        .find(|c| c.starts_with("kitty_session="))
        .unwrap();
    assert!(
        session.contains("HttpOnly") && session.contains("SameSite=Strict"),
        "{session}"
    );
    assert!(
        !session.contains("Secure"),
        "plain http must not mark cookies Secure"
    );
    let body = expect(response, StatusCode::CREATED).await;
    assert_eq!(body["token_type"], "bearer");
    let access = body["access_token"].as_str().unwrap().to_string();
    assert!(body["refresh_token"].as_str().unwrap().len() >= 32);

    // The browser's cookie works...
    let me = expect(browser.get("/kpay/auth/me").await, StatusCode::OK).await;
    assert_eq!(me["mobile"], "09121234567");
    assert_eq!(me["email"], "sara@example.com");
    assert!(me["merchant_id"].as_str().unwrap().starts_with("KP"));
    assert!(me["created_at"].as_str().unwrap().ends_with('Z'));
    // ...and so does the bearer token, on the KttiPay side too.
    let api = reqwest::Client::new();
    let me2 = api
        .get(server.url("/ktti/api/v2/users/me"))
        .bearer_auth(&access)
        .send()
        .await
        .unwrap();
    assert_eq!(expect(me2, StatusCode::OK).await["id"], me["id"]);
}

#[tokio::test]
async fn invalid_fields_are_422_with_field_errors_and_nothing_is_written() {
    let server = TestServer::start().await;
    let browser = server.browser();
    let body = expect(
        browser
            .post(
                "/kpay/auth/register",
                json!({"name": "", "mobile": "123", "password": "12345"}),
            )
            .await,
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await;
    assert_eq!(body["error"], "validation_failed");
    for field in ["name", "mobile", "password"] {
        assert!(body["fields"][field].is_string(), "{field} in {body}");
    }
    let missing = expect(
        browser
            .post("/kpay/auth/register", json!({"name": "A"}))
            .await,
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await;
    assert!(
        missing["fields"].as_object().unwrap().len() == 1,
        "{missing}"
    );
    let malformed = browser
        .client
        .post(server.url("/kpay/auth/register"))
        .header("content-type", "application/json")
        .body("{not json")
        .send()
        .await
        .unwrap();
    assert_eq!(
        expect(malformed, StatusCode::BAD_REQUEST).await["error"],
        "bad_request"
    );
    // Nothing was created: the mobile is still free.
    expect(browser.register("09121234567").await, StatusCode::CREATED).await;
}

#[tokio::test]
async fn duplicate_mobile_or_email_is_409_on_that_field() {
    let server = TestServer::start().await;
    let browser = server.browser();
    expect(
        browser
            .post("/kpay/auth/register", json!({"name": "A", "mobile": "09120000001", "email": "a@b.co", "password": "secret1"}))
            .await,
        StatusCode::CREATED,
    )
    .await;
    let dup_mobile = expect(
        browser.register("+989120000001").await,
        StatusCode::CONFLICT,
    )
    .await;
    assert!(dup_mobile["fields"]["mobile"].is_string(), "{dup_mobile}");
    let dup_email = expect(
        browser
            .post("/kpay/auth/register", json!({"name": "B", "mobile": "09120000002", "email": "A@B.CO", "password": "secret1"}))
            .await,
        StatusCode::CONFLICT,
    )
    .await;
    assert!(dup_email["fields"]["email"].is_string(), "{dup_email}");
}

#[tokio::test]
async fn login_by_mobile_or_email_and_wrong_password_is_401() {
    let server = TestServer::start().await;
    let setup = server.browser();
    expect(
        setup
            .post("/kpay/auth/register", json!({"name": "A", "mobile": "09120000003", "email": "me@kitty.test", "password": "secret1"}))
            .await,
        StatusCode::CREATED,
    )
    .await;
    let b = server.browser();
    let wrong = expect(
        b.post(
            "/kpay/auth/login",
            json!({"username": "09120000003", "password": "nope-nope"}),
        )
        .await,
        StatusCode::UNAUTHORIZED,
    )
    .await;
    assert_eq!(wrong["error"], "unauthorized");
    let unknown = expect(
        b.post(
            "/kpay/auth/login",
            json!({"username": "09129999999", "password": "secret1"}),
        )
        .await,
        StatusCode::UNAUTHORIZED,
    )
    .await;
    assert_eq!(
        unknown["message"], wrong["message"],
        "unknown users must look like wrong passwords"
    );
    expect(
        b.post(
            "/kpay/auth/login",
            json!({"username": "ME@kitty.test", "password": "secret1"}),
        )
        .await,
        StatusCode::OK,
    )
    .await;
    expect(b.get("/kpay/auth/me").await, StatusCode::OK).await;
    let by_mobile = server.browser();
    expect(
        by_mobile
            .post(
                "/kpay/auth/login",
                json!({"username": "+98 912 000 0003", "password": "secret1"}),
            )
            .await,
        StatusCode::OK,
    )
    .await;
}

#[tokio::test]
async fn repeated_wrong_passwords_are_rate_limited_with_retry_after() {
    let server = TestServer::start().await;
    let b = server.browser();
    expect(b.register("09120000004").await, StatusCode::CREATED).await;
    for _ in 0..5 {
        expect(
            b.post(
                "/kpay/auth/login",
                json!({"username": "09120000004", "password": "wrong!"}),
            )
            .await,
            StatusCode::UNAUTHORIZED,
        )
        .await;
    }
    let limited = b
        .post(
            "/kpay/auth/login",
            json!({"username": "09120000004", "password": "secret1"}),
        )
        .await;
    let retry: u64 = limited.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((1..=900).contains(&retry), "retry-after {retry}");
    assert_eq!(
        expect(limited, StatusCode::TOO_MANY_REQUESTS).await["error"],
        "rate_limited"
    );
}

#[tokio::test]
async fn me_without_a_session_is_401() {
    let server = TestServer::start().await;
    let b = server.browser();
    assert_eq!(
        expect(b.get("/kpay/auth/me").await, StatusCode::UNAUTHORIZED).await["error"],
        "unauthorized"
    );
    let bad_bearer = reqwest::Client::new()
        .get(server.url("/kpay/auth/me"))
        .bearer_auth("forged")
        .send()
        .await
        .unwrap();
    expect(bad_bearer, StatusCode::UNAUTHORIZED).await;
}

#[tokio::test]
async fn cookie_requests_that_change_state_need_the_csrf_token() {
    let server = TestServer::start().await;
    let b = server.browser();
    let registered = b.register("09120000005").await;
    let csrf = csrf_from(&registered);
    expect(registered, StatusCode::CREATED).await;
    // A forged cross-site form post carries the cookie but not the header.
    let forged = expect(
        b.post("/ktti/api/v2/notifications/inbox/read", json!({}))
            .await,
        StatusCode::FORBIDDEN,
    )
    .await;
    assert_eq!(forged["error"], "csrf_failed");
    let wrong = b
        .client
        .post(format!("{}/kpay/auth/logout", b.base))
        .header("x-csrf-token", "guess")
        .send()
        .await
        .unwrap();
    expect(wrong, StatusCode::FORBIDDEN).await;
    // Still signed in; with the right token the same requests succeed.
    expect(b.get("/kpay/auth/me").await, StatusCode::OK).await;
    let ok = b
        .client
        .post(format!("{}/ktti/api/v2/notifications/inbox/read", b.base))
        .header("x-csrf-token", &csrf)
        .send()
        .await
        .unwrap();
    expect(ok, StatusCode::NO_CONTENT).await;
}

#[tokio::test]
async fn refresh_rotates_tokens_and_the_old_refresh_token_dies() {
    let server = TestServer::start().await;
    let b = server.browser();
    let first = expect(b.register("09120000006").await, StatusCode::CREATED).await;
    let old_refresh = first["refresh_token"].as_str().unwrap();
    let api = reqwest::Client::new();
    let refreshed = api
        .post(server.url("/kpay/auth/refresh"))
        .json(&json!({"refresh_token": old_refresh}))
        .send()
        .await
        .unwrap();
    let second = expect(refreshed, StatusCode::OK).await;
    assert_ne!(second["access_token"], first["access_token"]);
    let me = api
        .get(server.url("/kpay/auth/me"))
        .bearer_auth(second["access_token"].as_str().unwrap())
        .send()
        .await
        .unwrap();
    expect(me, StatusCode::OK).await;
    let old_access = api
        .get(server.url("/kpay/auth/me"))
        .bearer_auth(first["access_token"].as_str().unwrap())
        .send()
        .await
        .unwrap();
    expect(old_access, StatusCode::UNAUTHORIZED).await;
    let reused = api
        .post(server.url("/kpay/auth/refresh"))
        .json(&json!({"refresh_token": old_refresh}))
        .send()
        .await
        .unwrap();
    expect(reused, StatusCode::UNAUTHORIZED).await;
}

#[tokio::test]
async fn browser_refresh_uses_the_cookie_and_needs_csrf() {
    let server = TestServer::start().await;
    let b = server.browser();
    let registered = b.register("09120000007").await;
    let csrf = csrf_from(&registered);
    expect(registered, StatusCode::CREATED).await;
    expect(
        b.post("/kpay/auth/refresh", json!({})).await,
        StatusCode::FORBIDDEN,
    )
    .await;
    let ok = b
        .client
        .post(format!("{}/kpay/auth/refresh", b.base))
        .header("x-csrf-token", &csrf)
        .send()
        .await
        .unwrap();
    expect(ok, StatusCode::OK).await;
    expect(b.get("/kpay/auth/me").await, StatusCode::OK).await;
}

#[tokio::test]
async fn logout_ends_the_session_and_clears_cookies() {
    let server = TestServer::start().await;
    let b = server.browser();
    let registered = b.register("09120000008").await;
    let csrf = csrf_from(&registered);
    let tokens = expect(registered, StatusCode::CREATED).await;
    let out = b
        .client
        .post(format!("{}/kpay/auth/logout", b.base))
        .header("x-csrf-token", &csrf)
        .send()
        .await
        .unwrap();
    let cleared = out
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter(|c| c.to_str().unwrap().contains("Max-Age=0"))
        .count();
    assert_eq!(cleared, 4, "the access, CSRF and both refresh cookies");
    expect(out, StatusCode::NO_CONTENT).await;
    expect(b.get("/kpay/auth/me").await, StatusCode::UNAUTHORIZED).await;
    // The session is gone on the server too, not just in the browser.
    let api = reqwest::Client::new();
    let me = api
        .get(server.url("/kpay/auth/me"))
        .bearer_auth(tokens["access_token"].as_str().unwrap())
        .send()
        .await
        .unwrap();
    expect(me, StatusCode::UNAUTHORIZED).await;
    let refresh = api
        .post(server.url("/kpay/auth/refresh"))
        .json(&json!({"refresh_token": tokens["refresh_token"]}))
        .send()
        .await
        .unwrap();
    expect(refresh, StatusCode::UNAUTHORIZED).await;
}

#[tokio::test]
async fn a_dead_browser_session_gets_its_cookies_cleared_on_refresh() {
    let server = TestServer::start().await;
    let b = server.browser();
    let registered = b.register("09120000009").await;
    let csrf = csrf_from(&registered);
    let tokens = expect(registered, StatusCode::CREATED).await;
    // The session ends elsewhere (another device signs it out by its bearer token).
    let api = reqwest::Client::new();
    let out = api
        .post(server.url("/kpay/auth/logout"))
        .bearer_auth(tokens["access_token"].as_str().unwrap())
        .send()
        .await
        .unwrap();
    expect(out, StatusCode::NO_CONTENT).await;
    let refresh = b
        .client
        .post(format!("{}/kpay/auth/refresh", b.base))
        .header("x-csrf-token", &csrf)
        .send()
        .await
        .unwrap();
    let cleared = refresh
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter(|c| c.to_str().unwrap().contains("Max-Age=0"))
        .count();
    assert_eq!(
        cleared, 4,
        "the access, CSRF and both refresh cookies are cleared"
    );
    expect(refresh, StatusCode::UNAUTHORIZED).await;
}
