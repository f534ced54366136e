//! A real server on a random port with a fresh database and a tiny built app, per test.

#![allow(dead_code)]

pub mod kitty;

use kitty_server::settings::Settings;
use reqwest::{Client, Response, StatusCode};
use serde_json::{json, Value};
use std::io::BufRead;
use tempfile::TempDir;

pub const INDEX_HTML: &str = r#"<!doctype html><html><head><script type="module">import init from '/kitty-0123456789abcdef.js';init('/kitty-0123456789abcdef_bg.wasm');</script></head><body></body></html>"#;

pub const CHECKOUT_HTML: &str = r#"<!doctype html><html><head><script type="module">import init from '/checkout/checkout-0123456789abcdef.js';init();</script></head><body></body></html>"#;

pub const COINPAY_HTML: &str = r#"<!doctype html><html><head><script type="module">import init from '/coinpay/coinpay-0123456789abcdef.js';init();</script></head><body></body></html>"#;

pub struct TestServer {
    pub base: String,
    /// The database it runs on, for a second server on the same one.
    pub database_url: String,
    _dir: TempDir,
}

impl TestServer {
    pub async fn start() -> TestServer {
        Self::start_with(|_| {}).await
    }

    /// A server whose settings `tweak` adjusts first.
    pub async fn start_with(tweak: impl FnOnce(&mut Settings)) -> TestServer {
        let dir = tempfile::tempdir().expect("temp dir");
        let db = database_url(dir.path()).await;
        Self::serve(dir, db, tweak).await
    }

    /// A second server on `other`'s database, as a second process of one deployment would be.
    pub async fn beside(other: &TestServer) -> TestServer {
        let dir = tempfile::tempdir().expect("temp dir");
        Self::serve(dir, other.database_url.clone(), |_| {}).await
    }

    async fn serve(dir: TempDir, db: String, tweak: impl FnOnce(&mut Settings)) -> TestServer {
        let dist = dir.path().join("dist");
        std::fs::create_dir_all(&dist).unwrap();
        std::fs::write(dist.join("index.html"), INDEX_HTML).unwrap();
        std::fs::write(
            dist.join("kitty-0123456789abcdef.js"),
            "export default function init(){}",
        )
        .unwrap();
        std::fs::write(dist.join("manifest.webmanifest"), "{}").unwrap();
        std::fs::create_dir_all(dist.join("checkout")).unwrap();
        std::fs::write(dist.join("checkout/index.html"), CHECKOUT_HTML).unwrap();
        std::fs::create_dir_all(dist.join("coinpay")).unwrap();
        std::fs::write(dist.join("coinpay/index.html"), COINPAY_HTML).unwrap();
        let mut settings = Settings::for_test(db.clone(), dist);
        tweak(&mut settings);
        let app = kitty_server::build(settings).await.expect("server builds");
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        tokio::spawn(kitty_server::serve(listener, app));
        TestServer {
            base,
            database_url: db,
            _dir: dir,
        }
    }

    /// A view of a server that runs elsewhere (another process), for the same helpers.
    pub fn at(base: String, database_url: String) -> TestServer {
        TestServer {
            base,
            database_url,
            _dir: tempfile::tempdir().expect("temp dir"),
        }
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

/// A valid 16-digit card number on `bin` (Luhn check digit computed).
pub fn card(bin: &str, middle: u64) -> String {
    let prefix = format!("{bin}{middle:09}");
    (0..10)
        .map(|d| format!("{prefix}{d}"))
        .find(|n| kitty_api::merchant::luhn_ok(n))
        .unwrap()
}

/// A signed-in browser with a shop and a card; returns (browser, csrf, shop id, api key, card id, card number).
pub async fn merchant(server: &TestServer, mobile: &str) -> Merchant {
    let b = server.browser();
    let registered = b.register(mobile).await;
    let csrf = csrf_from(&registered);
    expect(registered, StatusCode::CREATED).await;
    let m = Merchant {
        b,
        csrf,
        shop_id: String::new(),
        api_key: String::new(),
        card_id: String::new(),
        card_number: String::new(),
    };
    let shop = expect(
        m.post(
            "/kpay/shops",
            json!({"name": "Cafe Nadia", "website": "https://cafe.example"}),
        )
        .await,
        StatusCode::CREATED,
    )
    .await;
    let number = card("603799", mobile[5..].parse().unwrap());
    let card = expect(
        m.post(
            "/kpay/cards",
            json!({"card_number": number, "owner_name": "Nadia Rahimi"}),
        )
        .await,
        StatusCode::CREATED,
    )
    .await;
    Merchant {
        shop_id: shop["id"].as_str().unwrap().into(),
        api_key: shop["api_key"].as_str().unwrap().into(),
        card_id: card["id"].as_str().unwrap().into(),
        card_number: number,
        ..m
    }
}

pub struct Merchant {
    pub b: Browser,
    pub csrf: String,
    pub shop_id: String,
    pub api_key: String,
    pub card_id: String,
    pub card_number: String,
}

impl Merchant {
    /// A state-changing request as the app sends it: cookie plus CSRF header.
    pub async fn post(&self, path: &str, body: Value) -> Response {
        self.b
            .client
            .post(format!("{}{path}", self.b.base))
            .header("x-csrf-token", &self.csrf)
            .json(&body)
            .send()
            .await
            .unwrap()
    }

    pub async fn get(&self, path: &str) -> Response {
        self.b.get(path).await
    }

    pub async fn pay_link(&self, amount: i64) -> Value {
        let body = json!({"shop_id": self.shop_id, "card_id": self.card_id, "amount": amount, "callback_url": "https://cafe.example/paid"});
        expect(
            self.post("/kpay/transactions/create", body).await,
            StatusCode::CREATED,
        )
        .await
    }
}

/// Starts the real server binary, as its own process, on `database` and returns it with its address.
pub fn spawn_server(database: &str, dir: &std::path::Path) -> (std::process::Child, String) {
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_kitty-server"))
        .env("KITTY_ADDR", "127.0.0.1:0")
        .env("DATABASE_URL", database)
        .env("KITTY_DIST", dir.join("dist"))
        .env("KITTY_DEMO", "0")
        .env("RUST_LOG", "error")
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("server starts");
    let mut lines = std::io::BufReader::new(child.stdout.take().unwrap()).lines();
    let url = loop {
        let line = lines.next().expect("server prints its address").unwrap();
        if let Some(url) = line.split("running at ").nth(1) {
            break url.trim().to_string();
        }
    };
    (child, url)
}

/// The database for one test server: a SQLite file in `dir`, or, when `KITTY_TEST_POSTGRES`
/// holds a PostgreSQL admin URL, a fresh PostgreSQL database of its own.
pub async fn database_url(dir: &std::path::Path) -> String {
    match std::env::var("KITTY_TEST_POSTGRES") {
        Ok(admin) if !admin.is_empty() => {
            use sqlx::{Connection, Executor};
            let name = format!("kitty_test_{}", uuid::Uuid::new_v4().simple());
            let mut conn = sqlx::PgConnection::connect(&admin)
                .await
                .expect("PostgreSQL for tests");
            conn.execute(format!("CREATE DATABASE {name}").as_str())
                .await
                .unwrap();
            let base = admin.rsplit_once('/').map_or(admin.as_str(), |(b, _)| b);
            format!("{base}/{name}")
        }
        _ => format!("sqlite://{}", dir.join("data/kitty.db").display()),
    }
}
