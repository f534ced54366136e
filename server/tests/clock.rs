//! Time-driven work with the clock moved: an unpaid Binance order closes by itself an hour after
//! it was made, without anyone reading it, and an image upload URL stops working after its ten
//! minutes. Alone in its test process, because it moves this
//! process's clock by an hour.

mod common;

use common::{expect, merchant, TestServer};
use reqwest::StatusCode;
use serde_json::json;
use std::time::Duration;

#[tokio::test]
async fn an_unpaid_order_closes_itself_after_an_hour() {
    // Sessions outlive the hour here: the merchant stays signed in while the clock moves.
    let server = TestServer::start_with(|s| s.access_ttl_secs = 2 * 3600).await;
    let m = merchant(&server, "09121119001").await;
    let order = json!({"amount": 25, "goodsName": "Tea", "goodsDetail": "Green, 200 g", "currency": "BUSD",
        "returnUrl": "https://cafe.example/ok", "cancelUrl": "https://cafe.example/cancel"});
    let created = expect(
        m.post("/kotani/api/v2/binance/orders", order.clone()).await,
        StatusCode::CREATED,
    )
    .await;
    let id = created["result"]["prepayId"].as_str().unwrap().to_string();
    let paid = expect(
        m.post("/kotani/api/v2/binance/orders", order).await,
        StatusCode::CREATED,
    )
    .await;
    let paid_id = paid["result"]["prepayId"].as_str().unwrap().to_string();
    let r = server
        .browser()
        .post(
            &format!("/sandbox/binance/orders/{paid_id}/pay"),
            json!({"amount": "25"}),
        )
        .await;
    expect(r, StatusCode::OK).await;

    let upload = expect(
        m.post(
            "/ktti/api/v2/images/pre-signed-url-for-upload",
            json!({"image_type": "moment"}),
        )
        .await,
        StatusCode::CREATED,
    )
    .await["presigned_url"]
        .as_str()
        .unwrap()
        .to_string();

    // 59 minutes: still open.
    let r = server
        .browser()
        .post("/sandbox/clock", json!({"advance_seconds": 59 * 60}))
        .await;
    expect(r, StatusCode::OK).await;
    tokio::time::sleep(Duration::from_millis(1500)).await;
    let read = || async {
        expect(
            server
                .browser()
                .get(&format!("/kotani/api/v2/binance/checkout/{id}"))
                .await,
            StatusCode::OK,
        )
        .await["result"]
            .clone()
    };
    assert_eq!(read().await["status"], "INITIAL");
    let late = reqwest::Client::new()
        .put(&upload)
        .body(b"\x89PNG\r\n\x1a\n".to_vec())
        .send()
        .await
        .unwrap();
    assert_eq!(late.status(), StatusCode::FORBIDDEN);
    assert!(late.text().await.unwrap().contains("expired"));

    // Past the hour: the job runner closes it; the paid one stays paid.
    let r = server
        .browser()
        .post("/sandbox/clock", json!({"advance_seconds": 61}))
        .await;
    expect(r, StatusCode::OK).await;
    let mut waited = 0;
    while read().await["status"] != "EXPIRED" {
        waited += 1;
        assert!(waited < 40, "still {}", read().await);
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(read().await["transactTime"].is_i64());
    let q = expect(
        m.post(
            "/kotani/api/v2/binance/orders/query",
            json!({"prepayId": paid_id}),
        )
        .await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(q["result"]["status"], "PAID");
    let close = m
        .post(
            "/kotani/api/v2/binance/orders/close",
            json!({"prepayId": id}),
        )
        .await;
    assert_eq!(close.status(), StatusCode::CONFLICT);
}
