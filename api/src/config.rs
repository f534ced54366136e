//! `GET /api/config`: what the app needs to know about the server before anything else.

use serde::{Deserialize, Serialize};

/// Whether the server drives simulated rails (`sandbox`) or real providers (`live`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "lowercase")]
pub enum Mode {
    Sandbox,
    Live,
}

/// Base URL of each provider's API. Relative values resolve against the app's own origin.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ProviderUrls {
    pub ktti: String,
    pub kpay: String,
    pub kotani: String,
    pub kiota: String,
}

impl Default for ProviderUrls {
    fn default() -> Self {
        Self {
            ktti: "/ktti".into(),
            kpay: "/kpay".into(),
            kotani: "/kotani".into(),
            kiota: "/kiota".into(),
        }
    }
}

/// The body of `GET /api/config`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AppConfig {
    pub mode: Mode,
    pub version: String,
    pub providers: ProviderUrls,
    /// Sign-in details of the demo account, when the server seeded one (sandbox only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub demo: Option<DemoLogin>,
}

/// Credentials a visitor can use to try the sandbox.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DemoLogin {
    pub username: String,
    pub password: String,
}

/// The app's areas built as bundles of their own, by the folder each is built into under
/// `dist/areas/`: the one rule by which the server answers a page with its bundle's entry page
/// and the app tells which bundle routes a link.
pub const AREAS: [&str; 8] = [
    "developers",
    "kittymedia",
    "kitties",
    "merchant",
    "merchantcrypto",
    "public",
    "ramp",
    "rampchain",
];

/// The area whose pages `path` is (`/ramp/deposit` → `ramp`), or `None` for the main bundle's.
/// A query or fragment is ignored. The Ramp's developer pages, and a kitty's moments and
/// transaction pages (the photo uploads), the Ramp's on-chain pages (wallets and cash-outs,
/// verification, UBI: `rampchain`) and the Merchant's crypto payments and Binance-style orders
/// (`merchantcrypto`) are bundles apart from their areas. The signed-out
/// pages (sign-in, registration, password reset, the sandbox outbox) are the small `public`
/// bundle, so that a first visit moves as little as it can.
pub fn area_of(path: &str) -> Option<&'static str> {
    let path = path.split(['?', '#']).next().unwrap_or("");
    let mut segments = path.trim_start_matches('/').split('/');
    let (first, second, third) = (segments.next(), segments.next(), segments.next());
    match (first, second, third) {
        (Some("ramp"), Some("developers"), _) => Some("developers"),
        (Some("ramp"), Some("wallets" | "verify" | "ubi"), _) => Some("rampchain"),
        (Some("kitties"), Some(id), Some("moments" | "transactions" | "card"))
            if !id.is_empty() =>
        {
            Some("kittymedia")
        }
        (Some("merchant"), Some("crypto" | "orders"), _) => Some("merchantcrypto"),
        (Some("kitties"), ..) => Some("kitties"),
        (Some("merchant"), ..) => Some("merchant"),
        (Some("ramp"), ..) => Some("ramp"),
        (Some("login" | "register" | "forgot-password" | "reset-password" | "outbox"), ..) => {
            Some("public")
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_page_belongs_to_one_area() {
        for (path, area) in [
            ("/", None),
            ("/login", Some("public")),
            ("/login/social", Some("public")),
            ("/register?next=%2Fjoin%2Fabc", Some("public")),
            ("/forgot-password", Some("public")),
            ("/reset-password", Some("public")),
            ("/outbox", Some("public")),
            ("/loginx", None),
            ("/join/abc", None),
            ("/account", None),
            ("/ramp", Some("ramp")),
            ("/ramp/deposit?x=1", Some("ramp")),
            ("/ramp/developers", Some("developers")),
            ("/ramp/developers/fiatconnect", Some("developers")),
            ("/ramp/developersx", Some("ramp")),
            ("/ramp/wallets", Some("rampchain")),
            ("/ramp/verify?phone=1", Some("rampchain")),
            ("/ramp/ubi", Some("rampchain")),
            ("/ramp/walletsx", Some("ramp")),
            ("/merchant/crypto", Some("merchantcrypto")),
            ("/merchant/crypto/abc", Some("merchantcrypto")),
            ("/merchant/orders?page=2", Some("merchantcrypto")),
            ("/merchant/cryptox", Some("merchant")),
            ("/merchant/transactions", Some("merchant")),
            ("/rampage", None),
            ("/kitties", Some("kitties")),
            ("/kitties/all", Some("kitties")),
            ("/kitties/k1", Some("kitties")),
            ("/kitties/k1/chat", Some("kitties")),
            ("/kitties/k1/moments", Some("kittymedia")),
            ("/kitties/k1/transactions/t1", Some("kittymedia")),
            ("/kitties/k1/card", Some("kittymedia")),
            ("/kitties/k1/cardx", Some("kitties")),
            ("/kitties/k1/momentsx", Some("kitties")),
            ("/merchant/shops", Some("merchant")),
            ("/areas/ramp/ramp-1a2b3c4d5e6f7a8b.js", None),
        ] {
            assert_eq!(area_of(path), area, "{path}");
        }
        for area in AREAS {
            assert!(area.chars().all(|c| c.is_ascii_lowercase() || c == '-'));
        }
    }
}
