//! The REST contract of Kitty, compiled by both the app (wasm32) and the sandbox server (native).
//!
//! A field renamed here breaks the build of both sides, which is the point: the contract lives once.

/// Declares contract types: each derives what every wire type needs (and its OpenAPI schema on
/// the server). Defined before the modules so each of them can use it.
macro_rules! schema {
    ($($item:item)*) => {
        $(
            #[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
            #[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
            $item
        )*
    };
}

pub mod account;
pub mod auth;
pub mod bank;
pub mod billing;
pub mod binance;
pub mod config;
pub mod crypto;
pub mod error;
pub mod fiatconnect;
pub mod format;
pub mod kitty;
pub mod ledger;
pub mod life;
pub mod media;
pub mod merchant;
pub mod money;
pub mod notifications;
pub mod onchain;
pub mod ramp;
pub mod split;
pub mod validate;
pub mod vocab;

pub use error::{ErrorBody, FieldErrors};
pub use money::{Currency, Money};
