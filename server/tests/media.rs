//! Photos over HTTP: the pre-signed upload flow and its refusals, who may see an image, moments,
//! and receipts whose line items split a card payment exactly.

mod common;

use common::kitty::{deposit, path, shared_kitty, spend, User};
use common::TestServer;
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

/// A PNG of `w × h` pixels, made with the image crate.
fn png(w: u32, h: u32) -> Vec<u8> {
    let picture = image::RgbImage::from_fn(w, h, |x, y| {
        image::Rgb([(x % 256) as u8, (y % 256) as u8, 90])
    });
    let mut out = std::io::Cursor::new(Vec::new());
    picture.write_to(&mut out, image::ImageFormat::Png).unwrap();
    out.into_inner()
}

/// Asks for an upload URL of `kind`.
async fn presign(user: &User, kind: &str) -> (StatusCode, Value) {
    let r = user
        .client
        .post(format!(
            "{}/ktti/api/v2/images/pre-signed-url-for-upload",
            user.base
        ))
        .bearer_auth(&user.token)
        .json(&json!({"image_type": kind}))
        .send()
        .await
        .unwrap();
    let s = r.status();
    (s, r.json().await.unwrap_or(Value::Null))
}

/// PUTs `bytes` to a pre-signed URL, with no credentials (the URL is the permission).
async fn put(url: &str, bytes: Vec<u8>) -> (StatusCode, Value) {
    let r = reqwest::Client::new()
        .put(url)
        .header("content-type", "image/png")
        .body(bytes)
        .send()
        .await
        .unwrap();
    let s = r.status();
    (s, r.json().await.unwrap_or(Value::Null))
}

/// An image uploaded as `kind` by `user`.
async fn uploaded(user: &User, kind: &str) -> Value {
    let (s, url) = presign(user, kind).await;
    assert_eq!(s, StatusCode::CREATED, "{url}");
    let (s, image) = put(url["presigned_url"].as_str().unwrap(), png(640, 480)).await;
    assert_eq!(s, StatusCode::CREATED, "{image}");
    image
}

async fn fetch(user: &User, path: &str) -> reqwest::Response {
    user.client
        .get(format!("{}{path}", user.base))
        .bearer_auth(&user.token)
        .send()
        .await
        .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_upload_flow_and_its_refusals() {
    let server = TestServer::start().await;
    let (a, b, _) = shared_kitty(&server).await;

    let (s, bad) = presign(&a, "selfie").await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad["fields"]["image_type"].is_string());

    // An upload: the original and a thumbnail, upright and at most 480 pixels.
    let (s, url) = presign(&a, "moment").await;
    assert_eq!(s, StatusCode::CREATED);
    let url = url["presigned_url"].as_str().unwrap().to_string();
    assert!(url.contains("signature="));
    let (s, image) = put(&url, png(1200, 900)).await;
    assert_eq!(s, StatusCode::CREATED, "{image}");
    assert_eq!(
        (image["width"].as_i64(), image["height"].as_i64()),
        (Some(1200), Some(900))
    );
    assert_eq!(image["content_type"], "image/png");
    let original = fetch(&a, image["url"].as_str().unwrap()).await;
    assert_eq!(original.status(), StatusCode::OK);
    assert_eq!(original.headers()["content-type"], "image/png");
    assert_eq!(original.headers()["x-content-type-options"], "nosniff");
    assert!(original.headers()["cache-control"]
        .to_str()
        .unwrap()
        .contains("private"));
    let thumb = fetch(&a, image["thumbnail_url"].as_str().unwrap()).await;
    assert_eq!(thumb.headers()["content-type"], "image/jpeg");
    let small = image::load_from_memory(&thumb.bytes().await.unwrap()).unwrap();
    assert_eq!((small.width(), small.height()), (480, 360));

    // The URL works once; a tampered one never; nobody else sees an image not yet shared.
    let (s, again) = put(&url, png(10, 10)).await;
    assert_eq!(s, StatusCode::CONFLICT, "{again}");
    let (_, fresh) = presign(&a, "receipt").await;
    let fresh = fresh["presigned_url"].as_str().unwrap().to_string();
    let tampered = fresh
        .replace("receipt", "moment")
        .replace("signature=", "signature=x");
    assert_eq!(put(&tampered, png(10, 10)).await.0, StatusCode::FORBIDDEN);
    let other_expiry = {
        let (head, tail) = fresh.split_once("expires=").unwrap();
        let (_, rest) = tail.split_once('&').unwrap();
        format!("{head}expires=99999999999&{rest}")
    };
    assert_eq!(
        put(&other_expiry, png(10, 10)).await.0,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        fetch(&b, image["url"].as_str().unwrap()).await.status(),
        StatusCode::NOT_FOUND
    );
    let anonymous = reqwest::get(format!("{}{}", a.base, image["url"].as_str().unwrap()))
        .await
        .unwrap();
    assert_eq!(anonymous.status(), StatusCode::UNAUTHORIZED);

    // Content decides, not labels: a GIF, and a file that starts like a PNG but is not one.
    let (s, gif) = put(&fresh, b"GIF89a\x01\0\x01\0\0\0\0;".to_vec()).await;
    assert_eq!(s, StatusCode::UNSUPPORTED_MEDIA_TYPE, "{gif}");
    let mut liar = b"\x89PNG\r\n\x1a\n".to_vec();
    liar.extend(std::iter::repeat_n(7u8, 2000));
    assert_eq!(
        put(&fresh, liar).await.0,
        StatusCode::UNSUPPORTED_MEDIA_TYPE
    );
    // Past 5 MB: 413, whether the size is declared up front or only streamed.
    let mut big = png(8, 8);
    big.resize(5 * 1024 * 1024 + 1, 0);
    let (s, too_big) = put(&fresh, big.clone()).await;
    assert_eq!(s, StatusCode::PAYLOAD_TOO_LARGE, "{too_big}");
    let streamed = reqwest::Client::new()
        .put(&fresh)
        .body(reqwest::Body::wrap_stream(futures_util::stream::iter(
            big.chunks(1 << 20)
                .map(|c| Ok::<_, std::io::Error>(c.to_vec()))
                .collect::<Vec<_>>(),
        )))
        .send()
        .await
        .unwrap();
    assert_eq!(streamed.status(), StatusCode::PAYLOAD_TOO_LARGE);
    // The refusals did not use the URL up.
    assert_eq!(put(&fresh, png(20, 20)).await.0, StatusCode::CREATED);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn moments_are_for_members_and_edited_by_their_author_or_an_admin() {
    let server = TestServer::start().await;
    let (a, b, kitty) = shared_kitty(&server).await;
    let outsider = User::register(&server, "Olive Outsider", "09125550009").await;
    let moments = path(&kitty, "/moments");
    assert_eq!(
        b.ok(Method::GET, &moments, None).await["moments"],
        json!([])
    );

    let photo = uploaded(&b, "moment").await;
    let (s, bad) = b
        .status(
            Method::POST,
            &moments,
            Some(json!({"title": " ", "date": "2999-01-01", "image_ids": [photo["id"]]})),
        )
        .await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad["fields"]["title"].is_string() && bad["fields"]["date"].is_string());
    let receipt_photo = uploaded(&b, "receipt").await;
    let a_photo = uploaded(&a, "moment").await;
    for wrong in [&receipt_photo, &a_photo] {
        let (s, bad) = b
            .status(
                Method::POST,
                &moments,
                Some(json!({"title": "Beach", "date": "2026-01-02", "image_ids": [wrong["id"]]})),
            )
            .await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{bad}");
        assert!(bad["fields"]["image_ids"].is_string());
    }
    let made = b
        .ok(
            Method::POST,
            &moments,
            Some(json!({"title": "Sunset at the pier", "note": "Everyone came.", "date": "2026-01-02", "image_ids": [photo["id"]]})),
        )
        .await;
    assert_eq!(made["photos"][0]["id"], photo["id"]);
    assert_eq!(made["can_edit"], true);
    // The photo cannot be in a second moment.
    let (s, _) = b
        .status(
            Method::POST,
            &moments,
            Some(json!({"title": "Again", "date": "2026-01-02", "image_ids": [photo["id"]]})),
        )
        .await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);

    // Now the kitty's members see the photo; an outsider sees neither it nor the moments.
    assert_eq!(
        fetch(&a, photo["thumbnail_url"].as_str().unwrap())
            .await
            .status(),
        StatusCode::OK
    );
    assert_eq!(
        fetch(&outsider, photo["url"].as_str().unwrap())
            .await
            .status(),
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        outsider.status(Method::GET, &moments, None).await.0,
        StatusCode::NOT_FOUND
    );
    let listed = a.ok(Method::GET, &moments, None).await;
    assert_eq!(listed["moments"][0]["author_name"], "Ben Member");
    assert_eq!(listed["moments"][0]["can_edit"], true, "A is an admin");

    // A's moment cannot be edited by B (a member), but B's can by A (an admin).
    let mine = a
        .ok(
            Method::POST,
            &moments,
            Some(json!({"title": "Dinner", "date": "2026-01-03"})),
        )
        .await;
    let one = |m: &Value| format!("{moments}/{}", m["id"].as_str().unwrap());
    let (s, _) = b
        .status(
            Method::PATCH,
            &one(&mine),
            Some(json!({"title": "Mine now"})),
        )
        .await;
    assert_eq!(s, StatusCode::FORBIDDEN);
    let edited = a
        .ok(
            Method::PATCH,
            &one(&made),
            Some(json!({"title": "Sunset", "image_ids": []})),
        )
        .await;
    assert_eq!(
        (edited["title"].as_str(), edited["note"].as_str()),
        (Some("Sunset"), Some("Everyone came."))
    );
    assert_eq!(edited["photos"], json!([]));
    // A photo taken out of its moment is gone, file and all.
    assert_eq!(
        fetch(&b, photo["url"].as_str().unwrap()).await.status(),
        StatusCode::NOT_FOUND
    );
    let (s, _) = outsider
        .status(Method::PATCH, &one(&made), Some(json!({"title": "x"})))
        .await;
    assert_eq!(s, StatusCode::NOT_FOUND);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_receipts_items_split_the_payment_exactly() {
    let server = TestServer::start().await;
    let (a, b, kitty) = shared_kitty(&server).await;
    let outsider = User::register(&server, "Olive Outsider", "09125550009").await;
    deposit(&server, &kitty, 20_000, "Ava Admin").await;
    let (s, paid) = spend(&server, &kitty, 7_720, false).await;
    assert_eq!(s, StatusCode::OK, "{paid}");
    let receipt = path(
        &kitty,
        &format!("/transactions/{}/receipt", paid["id"].as_str().unwrap()),
    );
    let (s, _) = b.status(Method::GET, &receipt, None).await;
    assert_eq!(s, StatusCode::NOT_FOUND, "no receipt yet");

    // B uploads it: salad (A), steak (B), a pizza for both; tax and tip.
    let photo = uploaded(&b, "receipt").await;
    let (s, bad) = b
        .status(
            Method::POST,
            &receipt,
            Some(json!({"image_id": photo["id"], "line_items": [{"description": "", "quantity": 0, "unit_price": 1}]})),
        )
        .await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        bad["fields"]["line_items.0.description"].is_string()
            && bad["fields"]["line_items.0.quantity"].is_string()
    );
    let made = b
        .ok(
            Method::POST,
            &receipt,
            Some(json!({"image_id": photo["id"], "tax": 620, "tip": 900, "line_items": [
                {"description": "Salad", "quantity": 1, "unit_price": 1200, "assignees": [a.id]},
                {"description": "Steak", "quantity": 1, "unit_price": 3000, "assignees": [b.id]},
                {"description": "Pizza", "quantity": 2, "unit_price": 1000, "assignees": [a.id, b.id]},
            ]})),
        )
        .await;
    assert_eq!(
        (made["items_total"].as_i64(), made["difference"].as_i64()),
        (Some(6200), Some(0))
    );
    let parts: Vec<(String, i64)> = made["itemised"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["user_id"].as_str().unwrap().to_string(),
                p["amount"].as_i64().unwrap(),
            )
        })
        .collect();
    assert_eq!(parts, vec![(a.id.clone(), 2739), (b.id.clone(), 4981)]);
    let (s, _) = b
        .status(
            Method::POST,
            &receipt,
            Some(json!({"image_id": photo["id"]})),
        )
        .await;
    assert_eq!(s, StatusCode::CONFLICT, "one receipt per payment");
    assert_eq!(
        outsider.status(Method::GET, &receipt, None).await.0,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        fetch(&a, made["image"]["thumbnail_url"].as_str().unwrap())
            .await
            .status(),
        StatusCode::OK
    );

    // Only admins apply it; then the payment's split follows the items, to the unit.
    assert_eq!(
        b.status(Method::POST, &format!("{receipt}/split"), Some(json!({})))
            .await
            .0,
        StatusCode::FORBIDDEN
    );
    let split = a
        .ok(Method::POST, &format!("{receipt}/split"), Some(json!({})))
        .await;
    let shares: Vec<i64> = split["shares"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["amount"].as_i64().unwrap())
        .collect();
    assert_eq!(shares.iter().sum::<i64>(), -7_720);
    assert!(
        shares.contains(&-2739) && shares.contains(&-4981),
        "{split}"
    );
    let totals = a
        .ok(Method::GET, &path(&kitty, "/member-totals"), None)
        .await;
    common::kitty::assert_balances_add_up(&totals);
    let spent = |who: &User| {
        totals["members"]
            .as_array()
            .unwrap()
            .iter()
            .find(|m| m["user_id"] == who.id.as_str())
            .map(|m| m["spent"].as_i64().unwrap())
    };
    assert_eq!((spent(&a), spent(&b)), (Some(2739), Some(4981)), "{totals}");

    // Edits: an item that breaks the sum says by how much, and the split is refused until fixed.
    let added = b
        .ok(
            Method::POST,
            &format!("{receipt}/line-items"),
            Some(json!({"description": "Water", "quantity": 1, "unit_price": 400, "assignees": [b.id]})),
        )
        .await;
    assert_eq!(added["difference"], -400);
    assert!(added["itemised_problem"]
        .as_str()
        .unwrap()
        .contains("more than the payment"));
    let (s, refused) = a
        .status(Method::POST, &format!("{receipt}/split"), Some(json!({})))
        .await;
    assert_eq!(s, StatusCode::CONFLICT, "{refused}");
    let water = added["line_items"][3]["id"].as_str().unwrap().to_string();
    let (s, bad) = b
        .status(
            Method::PATCH,
            &format!("{receipt}/line-items/{water}"),
            Some(json!({"assignees": [outsider.id]})),
        )
        .await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{bad}");
    let fixed = b
        .ok(
            Method::PATCH,
            &format!("{receipt}/line-items/{water}"),
            Some(json!({"unit_price": 0})),
        )
        .await;
    assert_eq!(fixed["difference"], 0);
    let fixed = b
        .ok(
            Method::DELETE,
            &format!("{receipt}/line-items/{water}"),
            None,
        )
        .await;
    assert_eq!(fixed["line_items"].as_array().unwrap().len(), 3);
    let fixed = b
        .ok(Method::PATCH, &receipt, Some(json!({"tip": 1000})))
        .await;
    assert_eq!(fixed["difference"], -100);

    // A deposit has no receipt; the receipt goes with its photo.
    let dep = a
        .ok(Method::GET, &path(&kitty, "/transactions"), None)
        .await;
    let deposit_id = dep["transactions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["kind"] == "deposit")
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string();
    let (s, _) = a
        .status(
            Method::GET,
            &path(&kitty, &format!("/transactions/{deposit_id}/receipt")),
            None,
        )
        .await;
    assert_eq!(s, StatusCode::CONFLICT);
    assert_eq!(
        outsider.status(Method::DELETE, &receipt, None).await.0,
        StatusCode::NOT_FOUND
    );
    a.ok(Method::DELETE, &receipt, None).await;
    assert_eq!(
        b.status(Method::GET, &receipt, None).await.0,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        fetch(&b, made["image"]["url"].as_str().unwrap())
            .await
            .status(),
        StatusCode::NOT_FOUND
    );
}
