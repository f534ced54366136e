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
