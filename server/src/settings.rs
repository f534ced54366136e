//! Configuration from the environment, read once at start-up.

use kitty_api::config::{Mode, ProviderUrls};
use std::net::SocketAddr;
use std::path::PathBuf;

pub const DEFAULT_PAYMENT_TTL_SECS: i64 = 15 * 60;

#[derive(Debug, Clone)]
pub struct Settings {
    /// `KITTY_ADDR`, default `127.0.0.1:8080`.
    pub addr: SocketAddr,
    /// `DATABASE_URL`, default a SQLite file under `./data`.
    pub database_url: String,
    /// `KITTY_DIST`: the folder trunk built the app into, default `./dist`.
    pub dist: PathBuf,
    /// `KITTY_MODE`: `sandbox` (default) or `live`.
    pub mode: Mode,
    /// `KITTY_KTTI_URL`, `KITTY_KPAY_URL`, `KITTY_KOTANI_URL`, `KITTY_KIOTA_URL`: where the app
    /// sends each provider's requests. Default: this server, under the provider's prefix.
    pub providers: ProviderUrls,
    /// `KITTY_COOKIE_SECURE=1` marks cookies `Secure`. Also on for requests that arrive with
    /// `X-Forwarded-Proto: https`.
    pub cookie_secure: bool,
    /// `KITTY_DEMO=1` (or `--demo`) seeds the demo account and its sample data.
    pub demo: bool,
    /// `KITTY_PAYMENT_TTL_SECS`: how long a buyer has to pay a card-to-card payment (default 900).
    pub payment_ttl_secs: i64,
    /// `KITTY_ACCESS_TTL_SECS`: how long a session's access token lives (default 900).
    pub access_ttl_secs: i64,
    /// `KITTY_IMAGE_STORE`: where images are kept, as an `object_store` URL: `file:///srv/images`
    /// (default: `data/images` beside the database), `s3://bucket/prefix` (with the usual
    /// `AWS_*` variables, `AWS_ENDPOINT` for an S3-compatible service), or `memory:///`.
    pub image_store: String,
    /// The social identity provider for "Login user using social.". `KITTY_OIDC_ISSUER`,
    /// `KITTY_OIDC_CLIENT_ID`, `KITTY_OIDC_AUTHORIZE_URL` and `KITTY_OIDC_JWKS_URL` (all four),
    /// with `KITTY_OIDC_NAME` for the button, name a real OpenID Connect provider. Without them,
    /// sandbox mode uses the server's own sandbox provider (`/sandbox/oidc`), and live mode none.
    pub social: Option<SocialSettings>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SocialSettings {
    pub name: String,
    pub issuer: String,
    pub client_id: String,
    pub authorize_url: String,
    /// `None`: the sandbox provider's keys, read in-process.
    pub jwks_url: Option<String>,
}

/// The sandbox identity provider's issuer and the client id the app uses with it.
pub const SANDBOX_ISSUER: &str = "urn:kitty:sandbox-id";
pub const SANDBOX_CLIENT_ID: &str = "kitty-app";

impl SocialSettings {
    pub fn sandbox() -> SocialSettings {
        SocialSettings {
            name: "Sandbox ID".into(),
            issuer: SANDBOX_ISSUER.into(),
            client_id: SANDBOX_CLIENT_ID.into(),
            authorize_url: "/sandbox/oidc/authorize".into(),
            jwks_url: None,
        }
    }
}

impl Settings {
    /// Whether the server runs its simulated rails (and the pages show it).
    pub fn is_sandbox(&self) -> bool {
        self.mode == kitty_api::config::Mode::Sandbox
    }

    pub fn from_env() -> Result<Settings, String> {
        let var = |k: &str| std::env::var(k).ok().filter(|v| !v.trim().is_empty());
        let addr = var("KITTY_ADDR")
            .unwrap_or_else(|| "127.0.0.1:8080".into())
            .parse()
            .map_err(|e| format!("KITTY_ADDR: {e}"))?;
        let mode = match var("KITTY_MODE").as_deref() {
            None | Some("sandbox") => Mode::Sandbox,
            Some("live") => Mode::Live,
            Some(other) => {
                return Err(format!("KITTY_MODE must be sandbox or live, not {other:?}"))
            }
        };
        let defaults = ProviderUrls::default();
        let flag = |k: &str| matches!(var(k).as_deref(), Some("1" | "true" | "yes"));
        let social = match (
            var("KITTY_OIDC_ISSUER"),
            var("KITTY_OIDC_CLIENT_ID"),
            var("KITTY_OIDC_AUTHORIZE_URL"),
            var("KITTY_OIDC_JWKS_URL"),
        ) {
            (Some(issuer), Some(client_id), Some(authorize_url), Some(jwks_url)) => {
                Some(SocialSettings {
                    name: var("KITTY_OIDC_NAME").unwrap_or_else(|| issuer.clone()),
                    issuer,
                    client_id,
                    authorize_url,
                    jwks_url: Some(jwks_url),
                })
            }
            (None, None, None, None) => {
                (mode == Mode::Sandbox).then(SocialSettings::sandbox)
            }
            _ => {
                return Err("KITTY_OIDC_ISSUER, KITTY_OIDC_CLIENT_ID, KITTY_OIDC_AUTHORIZE_URL and KITTY_OIDC_JWKS_URL go together: set all four, or none".into())
            }
        };
        Ok(Settings {
            social,
            addr,
            database_url: var("DATABASE_URL").unwrap_or_else(|| "sqlite://data/kitty.db".into()),
            dist: var("KITTY_DIST").unwrap_or_else(|| "dist".into()).into(),
            mode,
            providers: ProviderUrls {
                ktti: var("KITTY_KTTI_URL").unwrap_or(defaults.ktti),
                kpay: var("KITTY_KPAY_URL").unwrap_or(defaults.kpay),
                kotani: var("KITTY_KOTANI_URL").unwrap_or(defaults.kotani),
                kiota: var("KITTY_KIOTA_URL").unwrap_or(defaults.kiota),
            },
            cookie_secure: flag("KITTY_COOKIE_SECURE"),
            demo: flag("KITTY_DEMO") || std::env::args().any(|a| a == "--demo"),
            payment_ttl_secs: match var("KITTY_PAYMENT_TTL_SECS") {
                None => DEFAULT_PAYMENT_TTL_SECS,
                Some(v) => v.parse().ok().filter(|n| *n > 0).ok_or_else(|| {
                    format!("KITTY_PAYMENT_TTL_SECS must be a positive number, not {v:?}")
                })?,
            },
            image_store: var("KITTY_IMAGE_STORE").unwrap_or_else(|| "data/images".into()),
            access_ttl_secs: match var("KITTY_ACCESS_TTL_SECS") {
                None => crate::session::ACCESS_TTL_SECS,
                Some(v) => v.parse().ok().filter(|n| *n > 0).ok_or_else(|| {
                    format!("KITTY_ACCESS_TTL_SECS must be a positive number, not {v:?}")
                })?,
            },
        })
    }

    /// Settings for tests and tools: sandbox mode, the given database and app folder.
    pub fn for_test(database_url: String, dist: PathBuf) -> Settings {
        Settings {
            addr: "127.0.0.1:0".parse().expect("literal address"),
            database_url,
            dist,
            mode: Mode::Sandbox,
            providers: ProviderUrls::default(),
            cookie_secure: false,
            demo: false,
            payment_ttl_secs: DEFAULT_PAYMENT_TTL_SECS,
            access_ttl_secs: crate::session::ACCESS_TTL_SECS,
            image_store: "memory:///".into(),
            social: Some(SocialSettings::sandbox()),
        }
    }
}
