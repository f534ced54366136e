//! What schemathesis found, each kept as a plain HTTP test so it stays fixed without the fuzzer.

mod common;

use common::{expect, merchant, TestServer};
use reqwest::StatusCode;
use serde_json::json;

#[tokio::test]
async fn schema_bounds_hold_at_the_edges() {
    let server = TestServer::start().await;
    let m = merchant(&server, "09121117701").await;

    // JSON Schema counts 250000.0 as an integer: it is read as 250,000, not refused.
    let body = json!({"shop_id": m.shop_id, "card_id": m.card_id, "amount": 250_000.0, "callback_url": "http://0"});
    let created = expect(
        m.post("/kpay/transactions/create", body).await,
        StatusCode::CREATED,
    )
    .await;
    assert_eq!(created["amount"], 250_000);
    // A real fraction is still the wrong type, on the field.
    let body = json!({"shop_id": m.shop_id, "card_id": m.card_id, "amount": 250_000.5, "callback_url": "https://a.example"});
    let refused = expect(
        m.post("/kpay/transactions/create", body).await,
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await;
    assert!(refused["fields"]["amount"].is_string(), "{refused}");

    // A body that is a list of the fields in order is not an object: 400, nothing created.
    let listed = m
        .post("/kpay/shops", json!(["Cafe", "https://cafe.example", null]))
        .await;
    assert_eq!(listed.status(), StatusCode::BAD_REQUEST);

    // NUL cannot be stored in PostgreSQL text: refused in bodies, paths and queries alike.
    let nul = m.post("/kpay/shops", json!({"name": "Ca\u{0}fe"})).await;
    assert_eq!(nul.status(), StatusCode::BAD_REQUEST);
    for path in ["/kpay/transactions?shop_id=%00", "/kpay/transactions/a%00b"] {
        assert_eq!(
            m.get(path).await.status(),
            StatusCode::BAD_REQUEST,
            "{path}"
        );
    }

    // A name that is only spaces, or has control characters, is refused; the limit counts
    // characters as sent.
    for name in ["   ", "Ca\u{1c}fe", &format!(" {}", "a".repeat(100))] {
        let r = m.post("/kpay/shops", json!({"name": name})).await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY, "{name:?}");
    }

    // A page far past the end is refused rather than overflowing the offset.
    let far = m.get("/kpay/transactions?page=461168601842738792").await;
    assert_eq!(far.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let last = m.get("/kpay/transactions?page=1000000").await;
    assert_eq!(
        expect(last, StatusCode::OK).await["transactions"],
        json!([])
    );

    // Filters take the words exactly; empty means any.
    let any = m.get("/kpay/transactions?status=").await;
    assert_eq!(any.status(), StatusCode::OK);
    let spaced = m.get("/kpay/transactions?status=%20paid").await;
    assert_eq!(spaced.status(), StatusCode::UNPROCESSABLE_ENTITY);
}
