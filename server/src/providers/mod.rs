//! One router per provider document, mounted under its prefix. Paths below the prefix and
//! field names are the documents' own.

pub mod kiota;
pub mod kotani;
pub mod kpay;
pub mod ktti;
pub mod sandbox;

/// Prefixes that belong to APIs: an unknown path under one is a JSON 404, never the app's page.
pub const API_PREFIXES: [&str; 6] = [
    "/api/",
    "/ktti/",
    "/kpay/",
    "/kotani/",
    "/kiota/",
    "/sandbox/",
];
