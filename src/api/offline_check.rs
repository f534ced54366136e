//! Reading offline, in headless Chromium: the read helper against `fetch` stubbed in the page
//! (answering, failing with an HTTP error, or failing as a browser offline does).

use super::offline::{self, admit, keeps, key, ME};
use super::{get, ApiError, Provider};
use leptos::prelude::GetUntracked;
use serde_json::{json, Value};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// `fetch` answers what `__answers` holds for the path and query (404 otherwise), or throws the
/// browser's offline `TypeError` while `__offline` is set.
const STUB: &str = r#"
window.__answers = {};
window.__offline = false;
window.fetch = async (req) => {
  if (window.__offline) throw new TypeError('Failed to fetch');
  const url = new URL(req.url);
  // gloo-net ends a query with '&'.
  const search = url.search.replace(/[?&]$/, '');
  const answer = window.__answers[url.pathname + search];
  if (answer === undefined) {
    return new Response(JSON.stringify({ error: 'not_found', message: 'Nope.', fields: {} }), { status: 404, headers: { 'content-type': 'application/json' } });
  }
  return new Response(JSON.stringify(answer), { status: 200, headers: { 'content-type': 'application/json' } });
};
"#;

const LIST: &str = "/api/v3/ktties?name=&status=";

/// A signed-in person, as `GET /api/v2/users/me` answers.
fn user(id: &str) -> Value {
    json!({ "id": id, "name": id, "merchant_id": format!("m-{id}"), "created_at": "2026-11-26T10:00:00Z" })
}

fn answer(path: &str, value: Option<Value>) {
    let answers = js_sys::eval("window.__answers").unwrap();
    let value = match value {
        Some(v) => js_sys::JSON::parse(&v.to_string()).unwrap(),
        None => wasm_bindgen::JsValue::UNDEFINED,
    };
    js_sys::Reflect::set(&answers, &format!("/ktti{path}").into(), &value).unwrap();
}

fn go_offline(offline: bool) {
    js_sys::eval(&format!("window.__offline = {offline}")).unwrap();
}

async fn read(path: &str) -> Result<Value, ApiError> {
    get::<Value>(Provider::Ktti, path).await
}

#[wasm_bindgen_test]
fn only_the_listed_reads_are_kept() {
    for path in [
        ME,
        LIST,
        "/api/v3/ktties/k1",
        "/api/v3/ktties/k1/transactions?page=1&per_page=20",
        "/api/v3/ktties/k1/members",
        "/api/v3/ktties/k1/chat?limit=50",
        "/api/v3/transactions?page=1&per_page=20",
        "/api/v2/notifications/inbox",
        "/api/v3/invitations",
    ] {
        assert!(keeps(path), "{path}");
    }
    for path in [
        "/api/v3/ktties/join/ABCD1234",
        "/api/v3/ktties/k1/card",
        "/api/v3/ktties/k1/bank-account",
        "/api/v3/ktties/k1/transactions/t1/split",
        "/api/v2/users/me/kyc",
        "/api/v2/devices",
    ] {
        assert!(!keeps(path), "{path}");
    }
    // Each person's copy of an address is a key of its own.
    assert_ne!(key("u1", "/ktti/x"), key("u2", "/ktti/x"));
}

#[wasm_bindgen_test]
fn the_oldest_copies_go_first_when_the_cap_is_reached() {
    let mut index = Vec::new();
    assert!(admit(&mut index, "a", 40, 100).is_empty());
    assert!(admit(&mut index, "b", 40, 100).is_empty());
    // Kept again: now the newest.
    assert!(admit(&mut index, "a", 40, 100).is_empty());
    assert_eq!(admit(&mut index, "c", 40, 100), vec!["b".to_string()]);
    assert_eq!(
        index.iter().map(|(k, _)| k.as_str()).collect::<Vec<_>>(),
        ["a", "c"]
    );
    // One copy larger than the cap stays alone.
    assert_eq!(admit(&mut index, "d", 500, 100), vec!["a", "c"]);
}

#[wasm_bindgen_test]
async fn a_read_offline_answers_with_the_same_persons_last_copy_only() {
    offline::forget();
    js_sys::eval(STUB).unwrap();
    let connection = offline::connection();

    // Ava signs in and reads her kitties.
    answer(ME, Some(user("ava")));
    answer(LIST, Some(json!({ "ktties": ["Kish"] })));
    assert_eq!(read(ME).await.unwrap()["id"], "ava");
    assert_eq!(read(LIST).await.unwrap(), json!({ "ktties": ["Kish"] }));
    assert_eq!(connection.as_of.get_untracked(), None);

    // Offline, and after a reload (who is signed in is asked again): the same answers, as of
    // when they were loaded.
    go_offline(true);
    assert_eq!(read(ME).await.unwrap()["id"], "ava");
    assert_eq!(read(LIST).await.unwrap(), json!({ "ktties": ["Kish"] }));
    assert!(connection.as_of.get_untracked().is_some());
    // A read that is not kept still fails.
    assert_eq!(read("/api/v3/ktties/k1/card").await, Err(ApiError::Network));

    // Online again: an HTTP error is the server's answer, not a reason to show the copy.
    go_offline(false);
    answer(LIST, None);
    assert!(matches!(read(LIST).await, Err(ApiError::NotFound(_))));
    assert_eq!(connection.as_of.get_untracked(), None);

    // Ben signs in on the same browser: Ava's copies are gone, offline he sees none of them.
    answer(LIST, Some(json!({ "ktties": ["Kish"] })));
    read(LIST).await.unwrap();
    answer(ME, Some(user("ben")));
    assert_eq!(read(ME).await.unwrap()["id"], "ben");
    assert!(offline::load("ava", &super::url(Provider::Ktti, LIST)).is_none());
    go_offline(true);
    assert_eq!(read(LIST).await, Err(ApiError::Network));
    assert_eq!(read(ME).await.unwrap()["id"], "ben");

    // Signing out leaves nothing behind.
    go_offline(false);
    answer(LIST, Some(json!({ "ktties": ["Ben's"] })));
    read(LIST).await.unwrap();
    offline::forget();
    go_offline(true);
    assert_eq!(read(LIST).await, Err(ApiError::Network));
    assert_eq!(read(ME).await, Err(ApiError::Network));
    go_offline(false);
}
