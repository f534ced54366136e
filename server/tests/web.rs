//! The server as the browser sees it: app files, client routes, headers, config, OpenAPI.

mod common;

use common::{expect, TestServer, CHECKOUT_HTML, COINPAY_HTML, INDEX_HTML};
use reqwest::StatusCode;

#[tokio::test]
async fn client_routes_get_index_html_with_security_headers() {
    let server = TestServer::start().await;
    let b = server.browser();
    for path in [
        "/",
        "/kitties",
        "/merchant/shops/42",
        "/login?next=%2Finbox",
    ] {
        let r = b.get(path).await;
        assert_eq!(r.status(), StatusCode::OK, "{path}");
        let h = r.headers().clone();
        assert_eq!(h["cache-control"], "no-cache", "{path}");
        let csp = h["content-security-policy"].to_str().unwrap();
        assert!(
            csp.contains("'wasm-unsafe-eval'") && !csp.contains("'unsafe-eval'"),
            "{csp}"
        );
        assert!(
            csp.contains("frame-ancestors 'none'") && csp.contains("'sha256-"),
            "{csp}"
        );
        assert_eq!(h["x-content-type-options"], "nosniff");
        assert!(h.contains_key("referrer-policy"));
        assert_eq!(r.text().await.unwrap(), INDEX_HTML);
    }
}

#[tokio::test]
async fn hashed_assets_are_immutable_and_missing_files_404() {
    let server = TestServer::start().await;
    let b = server.browser();
    let js = b.get("/kitty-0123456789abcdef.js").await;
    assert_eq!(js.status(), StatusCode::OK);
    assert!(js.headers()["cache-control"]
        .to_str()
        .unwrap()
        .contains("immutable"));
    let manifest = b.get("/manifest.webmanifest").await;
    assert_eq!(manifest.headers()["cache-control"], "no-cache");
    assert_eq!(
        b.get("/missing-file.js").await.status(),
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn responses_are_compressed_when_asked() {
    let server = TestServer::start().await;
    // reqwest is built without decompression here, so the header is visible as sent.
    let r = reqwest::Client::new()
        .get(server.url("/api/openapi.json"))
        .header("accept-encoding", "br")
        .send()
        .await
        .unwrap();
    assert_eq!(r.headers()["content-encoding"], "br");
}

#[tokio::test]
async fn unknown_api_paths_are_json_404s() {
    let server = TestServer::start().await;
    let b = server.browser();
    for path in [
        "/kpay/nope",
        "/kotani/v2/nothing",
        "/api/nope",
        "/sandbox/x",
    ] {
        let body = expect(b.get(path).await, StatusCode::NOT_FOUND).await;
        assert_eq!(body["error"], "not_found", "{path}");
    }
}

#[tokio::test]
async fn config_health_and_openapi() {
    let server = TestServer::start().await;
    let b = server.browser();
    let config = expect(b.get("/api/config").await, StatusCode::OK).await;
    assert_eq!(config["mode"], "sandbox");
    assert_eq!(config["providers"]["kpay"], "/kpay");
    assert!(
        config.get("demo").is_none(),
        "no demo account unless seeded"
    );
    assert_eq!(b.get("/healthz").await.text().await.unwrap(), "ok");
    let doc = expect(b.get("/api/openapi.json").await, StatusCode::OK).await;
    let summary = |path: &str, method: &str| {
        doc["paths"][path][method]["summary"]
            .as_str()
            .map(str::to_string)
    };
    assert_eq!(
        summary("/kpay/auth/register", "post").as_deref(),
        Some("Register")
    );
    assert_eq!(
        summary("/kpay/auth/login", "post").as_deref(),
        Some("Login")
    );
    assert_eq!(
        summary("/kpay/auth/me", "get").as_deref(),
        Some("Get Current User")
    );
    assert_eq!(
        summary("/kpay/auth/refresh", "post").as_deref(),
        Some("Refresh user token.")
    );
    assert_eq!(
        summary("/kpay/auth/logout", "post").as_deref(),
        Some("Logout user.")
    );
    assert_eq!(
        summary("/ktti/api/v2/notifications/inbox", "get").as_deref(),
        Some("Get app inbox notifications for the current user.")
    );
    for (path, method, title) in [
        (
            "/ktti/api/v2/auth/login",
            "post",
            "Login user using email & password.",
        ),
        ("/ktti/api/v2/auth/refresh", "post", "Refresh user token."),
        ("/ktti/api/v2/auth/logout", "post", "Logout user."),
        ("/ktti/api/v2/registration", "post", "Register user."),
        (
            "/ktti/api/v2/registration/password",
            "post",
            "Set user password to finish registration.",
        ),
        ("/ktti/api/v2/auth/social", "post", "Login user using social."),
        (
            "/ktti/api/v2/users/me/kyc",
            "get",
            "Get KYC details for the current authenticated user.",
        ),
        (
            "/ktti/api/v2/actions/{actionItemUuid}",
            "post",
            "Execute action.",
        ),
        (
            "/ktti/api/v2/notifications/test-ping",
            "post",
            "Test ping push notification.",
        ),
        (
            "/ktti/api/v2/users/{userId}/block",
            "put",
            "Block a customer - only admins can do it!",
        ),
        (
            "/ktti/api/v2/core/config",
            "get",
            "Get application configuration values.",
        ),
        ("/kotani/api/v2/auth/login", "post", "Client login"),
        (
            "/kotani/api/v2/deposit/mobile-money",
            "post",
            "Deposit fiat",
        ),
        (
            "/kiota/api/sandbox/v1/till/single",
            "get",
            "Single Till Transaction API",
        ),
        ("/kpay/gateway/currencies", "get", "Supported Currencies"),
        ("/kpay/gateway/payments", "post", "Create Crypto Payment"),
        ("/kpay/gateway/payments/{id}", "get", "Get Payment Status"),
        ("/kpay/gateway/balances", "get", "Get Merchant Balances"),
        ("/kpay/gateway/withdrawals", "post", "Request Withdrawal"),
        ("/kotani/api/v2/binance/orders", "post", "Create Order"),
        ("/kotani/api/v2/binance/orders/close", "post", "Close Order"),
        ("/kotani/api/v2/binance/orders/query", "post", "Query Order"),
        ("/kotani/api/v2/kyc/users", "post", "Create a user"),
        ("/kotani/api/v2/kyc/users/verify", "post", "Verify a user"),
        ("/kotani/api/v2/kyc/users", "put", "Update user details"),
        (
            "/kotani/api/v2/kyc/users/find",
            "post",
            "Get all user details by phoneNumber",
        ),
        (
            "/kotani/api/v2/kyc/users",
            "get",
            "Get all user account details",
        ),
        (
            "/kotani/api/v2/kyc/users/by-address",
            "post",
            "Get user phoneNumber by their onchain address",
        ),
        (
            "/kotani/api/v2/onchain/balance",
            "post",
            "Get account balance",
        ),
        (
            "/kotani/api/v2/onchain/escrow-rates",
            "get",
            "Get Escrow transaction rates",
        ),
        ("/kotani/api/v2/celo/buy", "post", "Buy Celo cUSD"),
        ("/kotani/api/v2/celo/mpesa", "post", "Send cUSD to Mpesa"),
        (
            "/kotani/api/v2/stellar/cashout/{countryCode}",
            "post",
            "Fiat cashout",
        ),
        (
            "/kotani/api/v2/tron/cashout/{countryCode}",
            "post",
            "Convert USDT on Tron to Mobile Money",
        ),
        (
            "/kotani/api/v2/tron/cashin/{countryCode}",
            "post",
            "Convert Mobile Money to USDT on TRON",
        ),
        ("/kotani/api/v2/ubi/claim", "post", "Claim UBI funds"),
        (
            "/kotani/api/v2/ubi/check",
            "post",
            "Check if user is UBI beneficiary",
        ),
        (
            "/kotani/api/v2/ubi/beneficiaries",
            "post",
            "Set user as UBI beneficiary",
        ),
        (
            "/ktti/api/v2/images/pre-signed-url-for-upload",
            "post",
            "create a signed url used for uploading a certain type of images.",
        ),
        (
            "/ktti/api/v3/ktties/{kttiId}/billing/plan",
            "get",
            "View billing plan for a KTTI.",
        ),
        (
            "/ktti/api/v3/ktties/{kttiId}/billing/history",
            "get",
            "Return billing history for a specific KTTI.",
        ),
        ("/ktti/api/v3/ktties/{kttiId}/moments", "get", "List moments for a ktti."),
        ("/ktti/api/v3/ktties/{kttiId}/moments", "post", "Create a new moment for a ktti."),
        (
            "/ktti/api/v3/ktties/{kttiId}/moments/{momentId}",
            "patch",
            "Update a moment for a ktti.",
        ),
        (
            "/ktti/api/v3/ktties/{kttiId}/transactions/{transactionId}/receipt",
            "get",
            "Retrieve receipt details and line items for a transaction.",
        ),
        (
            "/ktti/api/v3/ktties/{kttiId}/transactions/{transactionId}/receipt",
            "post",
            "Upload a transaction receipt.",
        ),
        (
            "/ktti/api/v3/ktties/{kttiId}/transactions/{transactionId}/receipt",
            "delete",
            "Delete a receipt and its associated line items.",
        ),
        (
            "/ktti/api/v3/ktties/{kttiId}/transactions/{transactionId}/receipt/line-items/{lineItemId}",
            "patch",
            "Update a line item.",
        ),
    ] {
        assert_eq!(summary(path, method).as_deref(), Some(title), "{path}");
    }
}

#[tokio::test]
async fn checkout_links_get_the_small_checkout_page_and_its_script_is_allowed() {
    let server = TestServer::start().await;
    let r = server.browser().get("/pay/KPANYTHING").await;
    assert_eq!(r.status(), StatusCode::OK);
    let csp = r.headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .to_string();
    assert_eq!(r.text().await.unwrap(), CHECKOUT_HTML);
    // The three pages' inline loaders are allowed, and nothing else inline.
    assert_eq!(csp.matches("'sha256-").count(), 3, "{csp}");
    assert!(!csp.contains("unsafe-inline"));
    // The crypto and Binance-order pages have their own small build.
    for path in ["/pay/crypto/0b5e", "/pay/order/0123456789"] {
        let r = server.browser().get(path).await;
        assert_eq!(r.status(), StatusCode::OK);
        assert_eq!(r.text().await.unwrap(), COINPAY_HTML, "{path}");
    }
}

/// The published OpenAPI document spells every status and kind as the server sends it.
#[tokio::test]
async fn openapi_enums_use_the_wire_words() {
    use kitty_api::kitty::{
        CardStatus, ClosureStep, InvitationStatus, KittyStatus, MemberStatus, Role, SplitMode,
        TxKind,
    };
    use kitty_api::merchant::{FeeSide, TransactionStatus};
    use kitty_api::notifications::NotificationKind;
    let server = TestServer::start().await;
    let doc: serde_json::Value = reqwest::get(server.url("/api/openapi.json"))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let words = |name: &str| -> Vec<String> {
        doc["components"]["schemas"][name]["enum"]
            .as_array()
            .unwrap_or_else(|| panic!("{name} is in the schema"))
            .iter()
            .map(|v| v.as_str().unwrap().to_string())
            .collect()
    };
    macro_rules! check {
        ($($t:ident),+) => {$(
            assert_eq!(
                words(stringify!($t)),
                $t::ALL.iter().map(|v| v.as_str().to_string()).collect::<Vec<_>>(),
                stringify!($t)
            );
            for v in $t::ALL {
                assert_eq!(serde_json::to_value(v).unwrap(), v.as_str(), "{} serialises as its word", stringify!($t));
            }
        )+};
    }
    check!(
        KittyStatus,
        Role,
        SplitMode,
        TxKind,
        CardStatus,
        InvitationStatus,
        FeeSide,
        TransactionStatus,
        NotificationKind
    );
    let _ = (MemberStatus::Active, ClosureStep::Initiate);
}

/// Query parameters are published as query parameters (a custom extractor hides that from
/// utoipa, which then guessed "path").
#[tokio::test]
async fn openapi_query_parameters_are_in_the_query() {
    let server = TestServer::start().await;
    let doc: serde_json::Value = reqwest::get(server.url("/api/openapi.json"))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    for (path, name) in [
        ("/kpay/transactions", "per_page"),
        ("/kpay/merchant/summary", "tz_offset"),
        ("/ktti/api/v3/ktties", "status"),
        ("/ktti/api/v3/transactions", "page"),
        ("/sandbox/outbox", "to"),
    ] {
        let params = doc["paths"][path]["get"]["parameters"].as_array().unwrap();
        let p = params
            .iter()
            .find(|p| p["name"] == name)
            .unwrap_or_else(|| panic!("{path} {name}"));
        assert_eq!(p["in"], "query", "{path} {name}");
    }
    let per_page = &doc["paths"]["/kpay/transactions"]["get"]["parameters"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"] == "per_page")
        .unwrap()["schema"];
    assert_eq!(
        (per_page["minimum"].as_i64(), per_page["maximum"].as_i64()),
        (Some(1), Some(100))
    );
}
