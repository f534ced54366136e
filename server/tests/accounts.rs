//! KttiPay's user side over HTTP: notification preferences that really decide what is sent, the
//! push channel and its test ping, devices, the application configuration, and platform admins'
//! blocks.

mod common;

use common::{csrf_from, expect, Browser, TestServer};
use reqwest::StatusCode;
use serde_json::{json, Value};
use std::time::Duration;

struct Person {
    b: Browser,
    csrf: String,
}

impl Person {
    async fn register(server: &TestServer, mobile: &str, email: &str) -> Person {
        let b = server.browser();
        let r = b
            .post(
                "/kpay/auth/register",
                json!({"name": "Amina Person", "mobile": mobile, "email": email, "password": "secret1"}),
            )
            .await;
        let csrf = csrf_from(&r);
        expect(r, StatusCode::CREATED).await;
        Person { b, csrf }
    }

    async fn sign_in(server: &TestServer, username: &str, password: &str) -> Person {
        let b = server.browser();
        let r = b
            .post(
                "/kpay/auth/login",
                json!({"username": username, "password": password}),
            )
            .await;
        let csrf = csrf_from(&r);
        expect(r, StatusCode::OK).await;
        Person { b, csrf }
    }

    async fn send(
        &self,
        method: reqwest::Method,
        path: &str,
        body: Option<Value>,
    ) -> reqwest::Response {
        let mut r = self
            .b
            .client
            .request(method, format!("{}{path}", self.b.base))
            .header("x-csrf-token", &self.csrf);
        if let Some(body) = body {
            r = r.json(&body);
        }
        r.send().await.unwrap()
    }
}

async fn me_id(p: &Person) -> String {
    expect(p.b.get("/ktti/api/v2/users/me").await, StatusCode::OK).await["id"]
        .as_str()
        .unwrap()
        .to_string()
}

/// Reads the push stream until one event arrives, or fails after `secs`.
async fn next_push(stream: &mut reqwest::Response, secs: u64) -> Value {
    let mut seen = String::new();
    let wait = tokio::time::timeout(Duration::from_secs(secs), async {
        loop {
            if let Some(at) = seen.find("event: push\ndata: ") {
                let rest = &seen[at + 18..];
                if let Some(end) = rest.find('\n') {
                    return serde_json::from_str::<Value>(&rest[..end]).unwrap();
                }
            }
            let chunk = stream
                .chunk()
                .await
                .unwrap()
                .expect("the stream stays open");
            seen.push_str(&String::from_utf8_lossy(&chunk));
        }
    });
    wait.await
        .unwrap_or_else(|_| panic!("no push within {secs} s; got {seen:?}"))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn preferences_decide_what_is_sent() {
    let server = TestServer::start().await;
    let p = Person::register(&server, "09121114401", "amina@kitty.test").await;
    let prefs = expect(
        p.b.get("/ktti/api/v2/notifications/preferences").await,
        StatusCode::OK,
    )
    .await;
    let list = prefs["preferences"].as_array().unwrap();
    assert_eq!(list.len(), 18, "6 categories × 3 channels");
    let find = |l: &Value, cat: &str, ch: &str| {
        l["preferences"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["category"] == cat && p["channel"] == ch)
            .unwrap()["enabled"]
            .clone()
    };
    assert_eq!(find(&prefs, "deposits", "in_app"), true);
    assert_eq!(find(&prefs, "deposits", "email"), false);

    // A kitty, and the push stream open.
    let kitty = expect(
        p.send(
            reqwest::Method::POST,
            "/ktti/api/v3/ktties",
            Some(json!({"name": "Trip"})),
        )
        .await,
        StatusCode::CREATED,
    )
    .await;
    let account = kitty["account"]["account_number"]
        .as_str()
        .unwrap()
        .to_string();
    let mut stream = p.b.get("/ktti/api/v2/notifications/push-events").await;
    assert_eq!(stream.status(), StatusCode::OK);

    // Defaults: a deposit is in the inbox and pushed, and no email is sent.
    let deposit = |amount: i64| {
        let (base, account) = (server.base.clone(), account.clone());
        async move {
            reqwest::Client::new()
                .post(format!("{base}/sandbox/kitty-deposits"))
                .json(&json!({"account_number": account, "amount": amount, "sender_name": "Amina Person"}))
                .send()
                .await
                .unwrap()
                .status()
        }
    };
    assert_eq!(deposit(1_000).await, StatusCode::OK);
    let pushed = next_push(&mut stream, 5).await;
    assert_eq!(pushed["title"], "Deposit received");
    let info = expect(
        p.b.get("/ktti/api/v2/notifications/info").await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(info["total"], 1);
    let outbox = |to: &str| {
        let url = server.url(&format!("/sandbox/outbox?to={to}"));
        async move {
            expect(reqwest::get(url).await.unwrap(), StatusCode::OK).await["messages"]
                .as_array()
                .unwrap()
                .len()
        }
    };
    assert_eq!(outbox("amina@kitty.test").await, 0);

    // Deposits: inbox off, email on.
    let updated = expect(
        p.send(
            reqwest::Method::PUT,
            "/ktti/api/v2/notifications/preferences",
            Some(json!({"preferences": [
                {"category": "deposits", "channel": "in_app", "enabled": false},
                {"category": "deposits", "channel": "email", "enabled": true},
                {"category": "deposits", "channel": "push", "enabled": false},
            ]})),
        )
        .await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(find(&updated, "deposits", "email"), true);
    assert_eq!(
        find(&updated, "spends", "in_app"),
        true,
        "other categories keep theirs"
    );
    assert_eq!(deposit(2_000).await, StatusCode::OK);
    let info = expect(
        p.b.get("/ktti/api/v2/notifications/info").await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(info["total"], 1, "no new inbox item");
    assert_eq!(outbox("amina@kitty.test").await, 1, "one email instead");

    // The app says the person reads Swahili: what the server writes to them follows.
    let me = expect(p.b.get("/ktti/api/v2/users/me").await, StatusCode::OK).await;
    assert_eq!(me["language"], "en", "English until the app says otherwise");
    let set = |language: &'static str| {
        p.send(
            reqwest::Method::PUT,
            "/ktti/api/v2/users/me/language",
            Some(json!({ "language": language })),
        )
    };
    assert_eq!(set("sw").await.status(), StatusCode::NO_CONTENT);
    assert_eq!(
        set("klingon").await.status(),
        StatusCode::UNPROCESSABLE_ENTITY
    );
    let me = expect(p.b.get("/ktti/api/v2/users/me").await, StatusCode::OK).await;
    assert_eq!(me["language"], "sw", "the refused word changed nothing");
    assert_eq!(deposit(3_000).await, StatusCode::OK);
    let mail = expect(
        reqwest::get(server.url("/sandbox/outbox?to=amina@kitty.test"))
            .await
            .unwrap(),
        StatusCode::OK,
    )
    .await;
    let mail = mail["messages"].as_array().unwrap();
    assert_eq!(mail.len(), 2);
    let swahili = mail
        .iter()
        .find(|m| m["subject"] == "Amana imepokelewa")
        .expect("the new email is in Swahili");
    assert_eq!(swahili["body"], "A$30.00 imeingia kwenye Trip.");

    // The test ping arrives at once on the live channel, whatever the preferences.
    let ping = expect(
        p.send(
            reqwest::Method::POST,
            "/ktti/api/v2/notifications/test-ping",
            None,
        )
        .await,
        StatusCode::ACCEPTED,
    )
    .await;
    let got = next_push(&mut stream, 2).await;
    assert_eq!(
        got["id"], ping["id"],
        "the deposit with push off sent none before it"
    );

    // A bad preference word is a 422.
    let bad = p
        .send(
            reqwest::Method::PUT,
            "/ktti/api/v2/notifications/preferences",
            Some(json!({"preferences": [{"category": "gossip", "channel": "push", "enabled": true}]})),
        )
        .await;
    assert_eq!(bad.status(), StatusCode::UNPROCESSABLE_ENTITY);
}

#[tokio::test]
async fn devices_are_saved_listed_and_forgotten() {
    let server = TestServer::start().await;
    let p = Person::register(&server, "09121114402", "d2@kitty.test").await;
    let other = Person::register(&server, "09121114403", "d3@kitty.test").await;
    let device = "dev-0123456789";
    async fn post(who: &Person, path: &str, body: Value) -> StatusCode {
        who.send(reqwest::Method::POST, path, Some(body))
            .await
            .status()
    }
    assert_eq!(
        post(&p, "/ktti/api/v2/devices/app-details", json!({"device_id": device, "platform": "web", "app_version": "0.1.0", "model": "Chromium on Linux"})).await,
        StatusCode::NO_CONTENT
    );
    assert_eq!(
        post(
            &p,
            "/ktti/api/v2/devices/fcm-token",
            json!({"device_id": device, "fcm_token": "tok-1"})
        )
        .await,
        StatusCode::NO_CONTENT
    );
    assert_eq!(
        post(
            &p,
            "/ktti/api/v2/devices/app-details",
            json!({"device_id": device, "platform": "windows", "app_version": "1", "model": "x"})
        )
        .await,
        StatusCode::UNPROCESSABLE_ENTITY
    );
    assert_eq!(
        post(
            &p,
            "/ktti/api/v2/devices/fcm-token",
            json!({"device_id": "short", "fcm_token": "t"})
        )
        .await,
        StatusCode::UNPROCESSABLE_ENTITY
    );
    let list = expect(p.b.get("/ktti/api/v2/devices").await, StatusCode::OK).await;
    assert_eq!(list["devices"][0]["model"], "Chromium on Linux");
    assert_eq!(list["devices"][0]["push"], true);
    let info = expect(
        p.b.get("/ktti/api/v2/notifications/info").await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(info["devices"], 1);
    // Someone else cannot forget it; its owner can.
    let theirs = other
        .send(
            reqwest::Method::DELETE,
            &format!("/ktti/api/v2/devices/{device}"),
            None,
        )
        .await;
    assert_eq!(theirs.status(), StatusCode::NOT_FOUND);
    let mine = p
        .send(
            reqwest::Method::DELETE,
            &format!("/ktti/api/v2/devices/{device}"),
            None,
        )
        .await;
    assert_eq!(mine.status(), StatusCode::NO_CONTENT);
    let list = expect(p.b.get("/ktti/api/v2/devices").await, StatusCode::OK).await;
    assert_eq!(list["devices"], json!([]));

    // The configuration is public.
    let core = expect(
        reqwest::get(server.url("/ktti/api/v2/core/config"))
            .await
            .unwrap(),
        StatusCode::OK,
    )
    .await;
    assert_eq!(core["notification_categories"].as_array().unwrap().len(), 6);
    assert_eq!(core["features"]["sandbox"], true);
}

#[tokio::test]
async fn only_platform_admins_block_and_a_blocked_customer_is_out() {
    let server = TestServer::start_with(|s| s.demo = true).await;
    let admin = Person::sign_in(&server, "09120000000", "demo1234").await;
    let me = expect(admin.b.get("/ktti/api/v2/users/me").await, StatusCode::OK).await;
    assert_eq!(me["is_platform_admin"], true);
    let friend = Person::sign_in(&server, "09120000001", "demo1234").await;
    let friend_id = me_id(&friend).await;
    let stranger = Person::register(&server, "09121114404", "s4@kitty.test").await;

    // Not an admin: 403, whoever the target.
    let r = stranger
        .send(
            reqwest::Method::PUT,
            &format!("/ktti/api/v2/users/{friend_id}/block"),
            None,
        )
        .await;
    assert_eq!(r.status(), StatusCode::FORBIDDEN);
    let found = stranger.b.get("/ktti/api/v2/users?query=reza").await;
    assert_eq!(found.status(), StatusCode::FORBIDDEN);

    // The admin finds and blocks the friend: their session ends, and they cannot sign in.
    let found = expect(
        admin.b.get("/ktti/api/v2/users?query=reza").await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(found["customers"][0]["id"], friend_id.as_str());
    let blocked = expect(
        admin
            .send(
                reqwest::Method::PUT,
                &format!("/ktti/api/v2/users/{friend_id}/block"),
                None,
            )
            .await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(blocked["blocked"], true);
    assert_eq!(
        friend.b.get("/ktti/api/v2/users/me").await.status(),
        StatusCode::UNAUTHORIZED
    );
    let again = server
        .browser()
        .post(
            "/kpay/auth/login",
            json!({"username": "09120000001", "password": "demo1234"}),
        )
        .await;
    assert_eq!(again.status(), StatusCode::FORBIDDEN);
    // The shared kitty stays readable for the other member.
    let kitties = expect(admin.b.get("/ktti/api/v3/ktties").await, StatusCode::OK).await;
    let shared = kitties["ktties"]
        .as_array()
        .unwrap()
        .iter()
        .find(|k| k["is_personal"] == false)
        .unwrap()
        .clone();
    let members = admin
        .b
        .get(&format!(
            "/ktti/api/v3/ktties/{}/members",
            shared["id"].as_str().unwrap()
        ))
        .await;
    assert_eq!(members.status(), StatusCode::OK);
    // An admin cannot block themself.
    let own = admin
        .send(
            reqwest::Method::PUT,
            &format!("/ktti/api/v2/users/{}/block", me["id"].as_str().unwrap()),
            None,
        )
        .await;
    assert_eq!(own.status(), StatusCode::CONFLICT);

    // Unblocked, the friend signs in again.
    expect(
        admin
            .send(
                reqwest::Method::PUT,
                &format!("/ktti/api/v2/users/{friend_id}/unblock"),
                None,
            )
            .await,
        StatusCode::OK,
    )
    .await;
    Person::sign_in(&server, "09120000001", "demo1234").await;
}

#[tokio::test]
async fn inbox_actions_run_once_for_their_owner() {
    let server = TestServer::start().await;
    let a = Person::register(&server, "09121114405", "a5@kitty.test").await;
    let b = Person::register(&server, "09121114406", "b6@kitty.test").await;
    let kitty = expect(
        a.send(
            reqwest::Method::POST,
            "/ktti/api/v3/ktties",
            Some(json!({"name": "Flat"})),
        )
        .await,
        StatusCode::CREATED,
    )
    .await;
    let kid = kitty["id"].as_str().unwrap();
    expect(
        a.send(
            reqwest::Method::POST,
            &format!("/ktti/api/v3/ktties/{kid}/invitations"),
            Some(json!({"contact": "09121114406"})),
        )
        .await,
        StatusCode::CREATED,
    )
    .await;
    let inbox = expect(
        b.b.get("/ktti/api/v2/notifications/inbox").await,
        StatusCode::OK,
    )
    .await;
    let action = inbox["notifications"][0]["action"].clone();
    assert_eq!(
        (action["kind"].clone(), action["done"].clone()),
        (json!("accept_invitation"), json!(false))
    );
    let id = action["id"].as_str().unwrap();

    // Someone else's action is a 404; its owner runs it once, then it is a 409.
    let path = format!("/ktti/api/v2/actions/{id}");
    assert_eq!(
        a.send(reqwest::Method::POST, &path, None).await.status(),
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        b.send(reqwest::Method::POST, &path, None).await.status(),
        StatusCode::NO_CONTENT
    );
    assert_eq!(
        b.send(reqwest::Method::POST, &path, None).await.status(),
        StatusCode::CONFLICT
    );
    let members = expect(
        b.b.get(&format!("/ktti/api/v3/ktties/{kid}/members")).await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(members["members"].as_array().unwrap().len(), 2, "{members}");
    let inbox = expect(
        b.b.get("/ktti/api/v2/notifications/inbox").await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(
        (
            inbox["notifications"][0]["action"]["done"].clone(),
            inbox["notifications"][0]["read"].clone()
        ),
        (json!(true), json!(true))
    );

    // B asks to be an admin; A's inbox item makes B one.
    assert_eq!(
        b.send(
            reqwest::Method::POST,
            &format!("/ktti/api/v3/ktties/{kid}/admin-requests"),
            None
        )
        .await
        .status(),
        StatusCode::NO_CONTENT
    );
    let inbox = expect(
        a.b.get("/ktti/api/v2/notifications/inbox").await,
        StatusCode::OK,
    )
    .await;
    let approve = inbox["notifications"]
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["action"]["kind"] == "approve_admin")
        .unwrap()["action"]["id"]
        .as_str()
        .unwrap()
        .to_string();
    assert_eq!(
        a.send(
            reqwest::Method::POST,
            &format!("/ktti/api/v2/actions/{approve}"),
            None
        )
        .await
        .status(),
        StatusCode::NO_CONTENT
    );
    let members = expect(
        a.b.get(&format!("/ktti/api/v3/ktties/{kid}/members")).await,
        StatusCode::OK,
    )
    .await;
    assert!(
        members["members"]
            .as_array()
            .unwrap()
            .iter()
            .all(|m| m["role"] == "admin"),
        "{members}"
    );
}

#[tokio::test]
async fn kttipay_login_refresh_and_logout_are_the_same_sessions() {
    let server = TestServer::start().await;
    Person::register(&server, "09121114407", "k7@kitty.test").await;
    let c = reqwest::Client::new();
    let login = expect(
        c.post(server.url("/ktti/api/v2/auth/login"))
            .json(&json!({"email": "K7@kitty.test", "password": "secret1"}))
            .send()
            .await
            .unwrap(),
        StatusCode::OK,
    )
    .await;
    let access = login["access_token"].as_str().unwrap();
    // The KttiPay token works on KPAY's routes too: one account, several doors.
    let me = c
        .get(server.url("/kpay/auth/me"))
        .bearer_auth(access)
        .send()
        .await
        .unwrap();
    assert_eq!(me.status(), StatusCode::OK);
    let refreshed = expect(
        c.post(server.url("/ktti/api/v2/auth/refresh"))
            .json(&json!({"refresh_token": login["refresh_token"]}))
            .send()
            .await
            .unwrap(),
        StatusCode::OK,
    )
    .await;
    let again = c
        .post(server.url("/ktti/api/v2/auth/refresh"))
        .json(&json!({"refresh_token": login["refresh_token"]}))
        .send()
        .await
        .unwrap();
    assert_eq!(
        again.status(),
        StatusCode::UNAUTHORIZED,
        "a refresh token works once"
    );
    let new_access = refreshed["access_token"].as_str().unwrap();
    let out = c
        .post(server.url("/ktti/api/v2/auth/logout"))
        .bearer_auth(new_access)
        .send()
        .await
        .unwrap();
    assert_eq!(out.status(), StatusCode::NO_CONTENT);
    let me = c
        .get(server.url("/ktti/api/v2/users/me"))
        .bearer_auth(new_access)
        .send()
        .await
        .unwrap();
    assert_eq!(me.status(), StatusCode::UNAUTHORIZED);
    let wrong = c
        .post(server.url("/ktti/api/v2/auth/login"))
        .json(&json!({"email": "k7@kitty.test", "password": "nope-nope"}))
        .send()
        .await
        .unwrap();
    assert_eq!(wrong.status(), StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn a_new_email_waits_for_its_code() {
    let server = TestServer::start().await;
    let p = Person::register(&server, "09121114408", "old8@kitty.test").await;
    Person::register(&server, "09121114409", "taken9@kitty.test").await;
    let patch = |body: Value| {
        p.send(
            reqwest::Method::PATCH,
            "/ktti/api/v2/settings/user-details",
            Some(body),
        )
    };
    let r = expect(
        patch(json!({"name": "  Amina Changed ", "email": "New8@Kitty.test"})).await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(
        r["user"]["name"], "Amina Changed",
        "the name changes at once"
    );
    assert_eq!(r["user"]["email"], "old8@kitty.test", "the email waits");
    assert_eq!(r["pending"][0]["to"], "new8@kitty.test");
    let taken = patch(json!({"email": "taken9@kitty.test"})).await;
    assert_eq!(taken.status(), StatusCode::CONFLICT);
    let bad = patch(json!({"mobile": "12345"})).await;
    assert_eq!(bad.status(), StatusCode::UNPROCESSABLE_ENTITY);

    let mail = expect(
        reqwest::get(server.url("/sandbox/outbox?to=new8@kitty.test"))
            .await
            .unwrap(),
        StatusCode::OK,
    )
    .await;
    let body = mail["messages"][0]["body"].as_str().unwrap();
    let code: String = body
        .split("code is ")
        .nth(1)
        .unwrap()
        .chars()
        .take(6)
        .collect();
    let confirm = |c: &str| {
        p.send(
            reqwest::Method::POST,
            "/ktti/api/v2/settings/user-details/confirm",
            Some(json!({"code": c})),
        )
    };
    let wrong = if code == "000000" { "111111" } else { "000000" };
    assert_eq!(
        confirm(wrong).await.status(),
        StatusCode::UNPROCESSABLE_ENTITY
    );
    let done = expect(confirm(&code).await, StatusCode::OK).await;
    assert_eq!(done["user"]["email"], "new8@kitty.test");
    assert_eq!(done["pending"], json!([]));
    assert_eq!(
        confirm(&code).await.status(),
        StatusCode::UNPROCESSABLE_ENTITY,
        "a code works once"
    );
}
