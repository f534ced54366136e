//! A real server on a random port with a fresh database and a tiny built app, per test.

#![allow(dead_code)]

use kitty_server::settings::Settings;
use reqwest::{Client, Response, StatusCode};
use serde_json::{json, Value};
use tempfile::TempDir;

pub const INDEX_HTML: &str = r#"<!doctype html><html><head><script type="module">import init from '/kitty-0123456789abcdef.js';init('/kitty-0123456789abcdef_bg.wasm');</script></head><body></body></html>"#;

pub struct TestServer {
    pub base: String,
    _dir: TempDir,
}

impl TestServer {
    pub async fn start() -> TestServer {
        let dir = tempfile::tempdir().expect("temp dir");
        let dist = dir.path().join("dist");
        std::fs::create_dir_all(&dist).unwrap();
        std::fs::write(dist.join("index.html"), INDEX_HTML).unwrap();
        std::fs::write(
            dist.join("kitty-0123456789abcdef.js"),
            "export default function init(){}",
        )
        .unwrap();
        std::fs::write(dist.join("manifest.webmanifest"), "{}").unwrap();
        let db = format!("sqlite://{}", dir.path().join("data/kitty.db").display());
        let app = kitty_server::build(Settings::for_test(db, dist))
            .await
            .expect("server builds");
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        tokio::spawn(kitty_server::serve(listener, app));
        TestServer { base, _dir: dir }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// A client that keeps cookies, like a browser.
    pub fn browser(&self) -> Browser {
        Browser {
            client: Client::builder().cookie_store(true).build().unwrap(),
            base: self.base.clone(),
        }
    }
}

pub struct Browser {
    pub client: Client,
    pub base: String,
}

impl Browser {
    pub async fn post(&self, path: &str, body: Value) -> Response {
        self.client
            .post(format!("{}{path}", self.base))
            .json(&body)
            .send()
            .await
            .unwrap()
    }

    pub async fn get(&self, path: &str) -> Response {
        self.client
            .get(format!("{}{path}", self.base))
            .send()
            .await
            .unwrap()
    }

    pub async fn register(&self, mobile: &str) -> Response {
        self.post(
            "/kpay/auth/register",
            json!({"name": "Test Person", "mobile": mobile, "password": "secret1"}),
        )
        .await
    }
}

/// The CSRF token the server set in its readable cookie.
pub fn csrf_from(response: &Response) -> String {
    response
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find_map(|c| c.strip_prefix("kitty_csrf="))
        .and_then(|c| c.split(';').next())
        .expect("kitty_csrf cookie")
        .to_string()
}

pub async fn expect(response: Response, status: StatusCode) -> Value {
    let got = response.status();
    let text = response.text().await.unwrap();
    assert_eq!(got, status, "body: {text}");
    if text.is_empty() {
        Value::Null
    } else {
        serde_json::from_str(&text).unwrap_or(Value::String(text))
    }
}
