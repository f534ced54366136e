//! Passwords: changing one (knowing the current), and resetting one through the outbox.

mod common;

use common::{expect, TestServer};
use reqwest::StatusCode;
use serde_json::{json, Value};

async fn register(server: &TestServer, mobile: &str, email: Option<&str>) -> String {
    let r = reqwest::Client::new()
        .post(server.url("/kpay/auth/register"))
        .json(&json!({"name": "Pari Test", "mobile": mobile, "email": email, "password": "first-pass"}))
        .send()
        .await
        .unwrap();
    expect(r, StatusCode::CREATED).await["access_token"]
        .as_str()
        .unwrap()
        .to_string()
}

async fn login(server: &TestServer, username: &str, password: &str) -> reqwest::Response {
    reqwest::Client::new()
        .post(server.url("/kpay/auth/login"))
        .json(&json!({"username": username, "password": password}))
        .send()
        .await
        .unwrap()
}

async fn me(server: &TestServer, token: &str) -> StatusCode {
    reqwest::Client::new()
        .get(server.url("/kpay/auth/me"))
        .bearer_auth(token)
        .send()
        .await
        .unwrap()
        .status()
}

async fn post(
    server: &TestServer,
    path: &str,
    token: Option<&str>,
    body: Value,
) -> (StatusCode, Value) {
    let mut r = reqwest::Client::new().post(server.url(path)).json(&body);
    if let Some(t) = token {
        r = r.bearer_auth(t);
    }
    let r = r.send().await.unwrap();
    let s = r.status();
    (s, r.json().await.unwrap_or(Value::Null))
}

#[tokio::test]
async fn changing_the_password_needs_the_current_one_and_ends_other_sessions() {
    let server = TestServer::start().await;
    let here = register(&server, "09127770001", None).await;
    let elsewhere = expect(
        login(&server, "09127770001", "first-pass").await,
        StatusCode::OK,
    )
    .await["access_token"]
        .as_str()
        .unwrap()
        .to_string();
    let (s, v) = post(
        &server,
        "/ktti/api/v2/settings/password",
        Some(&here),
        json!({"current_password": "wrong-pass", "new_password": "second-pass"}),
    )
    .await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{v}");
    assert!(v["fields"]["current_password"].is_string());
    let (s, v) = post(
        &server,
        "/ktti/api/v2/settings/password",
        Some(&here),
        json!({"current_password": "first-pass", "new_password": "first-pass"}),
    )
    .await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{v}");
    assert!(v["fields"]["new_password"].is_string());
    let (s, _) = post(
        &server,
        "/ktti/api/v2/settings/password",
        Some(&here),
        json!({"current_password": "first-pass", "new_password": "second-pass"}),
    )
    .await;
    assert_eq!(s, StatusCode::NO_CONTENT);
    assert_eq!(
        me(&server, &here).await,
        StatusCode::OK,
        "this session stays"
    );
    assert_eq!(
        me(&server, &elsewhere).await,
        StatusCode::UNAUTHORIZED,
        "the others end"
    );
    assert_eq!(
        login(&server, "09127770001", "first-pass").await.status(),
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        login(&server, "09127770001", "second-pass").await.status(),
        StatusCode::OK
    );
    // The User group's operation follows the same rules.
    let r = reqwest::Client::new()
        .put(server.url("/ktti/api/v2/users/me/password"))
        .bearer_auth(&here)
        .json(&json!({"current_password": "second-pass", "new_password": "third-pass"}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::NO_CONTENT);
}

#[tokio::test]
async fn a_reset_link_from_the_outbox_works_once_and_ends_every_session() {
    let server = TestServer::start().await;
    let token = register(&server, "09127770002", Some("pari@example.com")).await;
    // Unknown accounts get the same answer, and nothing is sent.
    let (s, _) = post(
        &server,
        "/ktti/api/v2/users/password-reset",
        None,
        json!({"username": "nobody@example.com"}),
    )
    .await;
    assert_eq!(s, StatusCode::ACCEPTED);
    let outbox = |to: &str| {
        let url = server.url(&format!("/sandbox/outbox?to={to}"));
        async move { expect(reqwest::get(url).await.unwrap(), StatusCode::OK).await }
    };
    assert_eq!(outbox("nobody@example.com").await["messages"], json!([]));
    // Any spelling of the account reaches it; the link goes to its email.
    let (s, _) = post(
        &server,
        "/ktti/api/v2/users/password-reset",
        None,
        json!({"username": "+98 912 777 0002"}),
    )
    .await;
    assert_eq!(s, StatusCode::ACCEPTED);
    let sent = outbox("PARI@example.com").await;
    let body = sent["messages"][0]["body"].as_str().unwrap().to_string();
    assert_eq!(sent["messages"][0]["channel"], "email");
    let link = body
        .split_whitespace()
        .find(|w| w.contains("/reset-password?token="))
        .expect("a link");
    let reset = link.split("token=").nth(1).unwrap();
    let (s, v) = post(
        &server,
        "/ktti/api/v2/users/password-reset/finish",
        None,
        json!({"token": reset, "password": "123"}),
    )
    .await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{v}");
    let (s, _) = post(
        &server,
        "/ktti/api/v2/users/password-reset/finish",
        None,
        json!({"token": reset, "password": "reset-pass"}),
    )
    .await;
    assert_eq!(s, StatusCode::NO_CONTENT);
    assert_eq!(
        me(&server, &token).await,
        StatusCode::UNAUTHORIZED,
        "every session ends"
    );
    assert_eq!(
        login(&server, "pari@example.com", "reset-pass")
            .await
            .status(),
        StatusCode::OK
    );
    let (s, _) = post(
        &server,
        "/ktti/api/v2/users/password-reset/finish",
        None,
        json!({"token": reset, "password": "again-pass"}),
    )
    .await;
    assert_eq!(s, StatusCode::NOT_FOUND, "a link works once");
    let (s, _) = post(
        &server,
        "/ktti/api/v2/users/password-reset/finish",
        None,
        json!({"token": "made-up", "password": "again-pass"}),
    )
    .await;
    assert_eq!(s, StatusCode::NOT_FOUND);
    // Three requests per account in 15 minutes: the link cannot be used to flood an inbox.
    for _ in 0..2 {
        let (s, _) = post(
            &server,
            "/ktti/api/v2/users/password-reset",
            None,
            json!({"username": "09127770002"}),
        )
        .await;
        assert_eq!(s, StatusCode::ACCEPTED);
    }
    let (s, _) = post(
        &server,
        "/ktti/api/v2/users/password-reset",
        None,
        json!({"username": "pari@example.com"}),
    )
    .await;
    assert_eq!(s, StatusCode::TOO_MANY_REQUESTS);
}
