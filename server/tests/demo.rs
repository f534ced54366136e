//! The demo seed: sign-in works, the inbox has sample data, and seeding twice duplicates nothing.

mod common;

use common::expect;
use kitty_server::settings::Settings;
use reqwest::StatusCode;
use serde_json::json;

#[tokio::test]
async fn demo_seed_is_idempotent_and_signs_in() {
    let dir = tempfile::tempdir().unwrap();
    let db = format!("sqlite://{}", dir.path().join("kitty.db").display());
    let mut settings = Settings::for_test(db.clone(), dir.path().join("dist"));
    settings.demo = true;
    for _ in 0..2 {
        let _ = kitty_server::build(settings.clone()).await.unwrap();
    }
    let app = kitty_server::build(settings).await.unwrap();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(kitty_server::serve(listener, app));
    let client = reqwest::Client::builder()
        .cookie_store(true)
        .build()
        .unwrap();

    let config = expect(
        client
            .get(format!("{base}/api/config"))
            .send()
            .await
            .unwrap(),
        StatusCode::OK,
    )
    .await;
    let login =
        json!({"username": config["demo"]["username"], "password": config["demo"]["password"]});
    expect(
        client
            .post(format!("{base}/kpay/auth/login"))
            .json(&login)
            .send()
            .await
            .unwrap(),
        StatusCode::OK,
    )
    .await;
    let inbox = expect(
        client
            .get(format!("{base}/ktti/api/v2/notifications/inbox"))
            .send()
            .await
            .unwrap(),
        StatusCode::OK,
    )
    .await;
    // The inbox comes from the same rails as real money: the demo person's own deposit, their
    // parts of the two card payments, and (as the admin) the deposit that matched nobody, with
    // its button, each once however often the seed runs.
    assert_eq!(inbox["total"], 4, "seeded three times: {inbox}");
    assert_eq!(inbox["unread"], 4);
    assert!(
        inbox["notifications"]
            .as_array()
            .unwrap()
            .iter()
            .any(|n| n["action"]["kind"] == "assign_deposit"),
        "{inbox}"
    );
    let bodies: Vec<&str> = inbox["notifications"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["body"].as_str().unwrap())
        .collect();
    assert!(
        bodies.contains(&"A$150.00 arrived in Weekend in Kish."),
        "{bodies:?}"
    );
    assert!(
        bodies.contains(
            &"A$84.20 at Sunset Grill was split between 2 members; your part is A$42.10."
        ),
        "{bodies:?}"
    );
    let kitties = expect(
        client
            .get(format!("{base}/ktti/api/v3/ktties"))
            .send()
            .await
            .unwrap(),
        StatusCode::OK,
    )
    .await;
    assert_eq!(
        kitties["total"], 2,
        "personal + one shared kitty, once: {kitties}"
    );
    let shared = &kitties["ktties"][1];
    assert_eq!(shared["member_count"], 2);
    assert_eq!(shared["available_balance"], 30_000 - 14_420);
    let shops = expect(
        client
            .get(format!("{base}/kpay/shops"))
            .send()
            .await
            .unwrap(),
        StatusCode::OK,
    )
    .await;
    assert_eq!(shops["total"], 1);
    let cards = expect(
        client
            .get(format!("{base}/kpay/cards"))
            .send()
            .await
            .unwrap(),
        StatusCode::OK,
    )
    .await;
    assert_eq!(cards["total"], 1);

    // The demo partner signs in to Kotani with the demo password; its wallet holds the approved
    // deposit less the till payment (held while it settles, paid after).
    let login = expect(
        reqwest::Client::new()
            .post(format!("{base}/kotani/api/v2/auth/login"))
            .json(&serde_json::json!({"phoneNumber": "254712345678", "countryCode": "KEN", "password": "demo1234"}))
            .send()
            .await
            .unwrap(),
        StatusCode::CREATED,
    )
    .await;
    let wallet = expect(
        reqwest::Client::new()
            .get(format!("{base}/kotani/api/v2/wallet"))
            .bearer_auth(login["accessToken"].as_str().unwrap())
            .send()
            .await
            .unwrap(),
        StatusCode::OK,
    )
    .await;
    assert_eq!(wallet["available"], 250_000 - 35_000);
}
