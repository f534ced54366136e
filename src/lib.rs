//! Kitty: group wallets, merchant payments and mobile-money ramps, as a Leptos single-page app.

pub mod api;
pub mod app;
pub mod bundles;
pub mod checkout;
pub mod coinpay;
pub mod components;
pub mod device;
pub mod drafts;
pub mod fmt;
pub mod i18n;
pub mod live;
pub mod pages;
pub mod pwa;
pub mod session;
pub mod siwe;
pub mod social;
pub mod theme;
