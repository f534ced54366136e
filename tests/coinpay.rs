//! The crypto and order pages' pure helpers: amounts, hand-built JSON, routes and safe links.

use kitty::checkout::i18n::Lang;
use kitty::coinpay::i18n::{cents, clock, count, from_cents, group, half, positive};
use kitty::coinpay::net::{json_string, transfer_body};
use kitty::coinpay::{safe_return, safe_wallet_link, Route};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn amounts_halve_group_and_count_in_hundredths() {
    assert_eq!(half("0.00125000", 8).as_deref(), Some("0.000625"));
    assert_eq!(half("1", 6).as_deref(), Some("0.5"));
    assert_eq!(half("25", 2).as_deref(), Some("12.5"));
    assert_eq!(half("0.03", 2).as_deref(), Some("0.01"));
    assert_eq!(half("0.00000001", 8), None);
    assert_eq!(half("1e5", 2), None);
    assert_eq!(group("97000"), "97,000");
    assert_eq!(group("1234567.891"), "1,234,567.891");
    assert_eq!(group("12"), "12");
    assert!(positive("0.001") && !positive("0.000") && !positive(""));
    assert_eq!(cents("12.5"), Some(1250));
    assert_eq!(cents("0.019"), Some(1));
    assert_eq!(cents("7"), Some(700));
    assert_eq!(cents("x"), None);
    assert_eq!(from_cents(1250), "12.50");
    assert_eq!(from_cents(1200), "12");
    assert_eq!(clock(3661, Lang::En), "1:01:01");
    assert_eq!(clock(65, Lang::Fa), "۰۱:۰۵");
    assert_eq!(count(2, Lang::Fa), "۲");
}

#[wasm_bindgen_test]
fn sandbox_bodies_are_escaped_json() {
    assert_eq!(json_string(r#"a"b\c"#), r#""a\"b\\c""#);
    assert_eq!(json_string("\n"), r#""\u000a""#);
    assert_eq!(
        transfer_body("xrp", "rAddr", Some("42"), "1.5"),
        r#"{"currency":"xrp","to_address":"rAddr","memo":"42","amount":"1.5"}"#
    );
    assert_eq!(
        transfer_body("btc", "bc1q", None, "0.1"),
        r#"{"currency":"btc","to_address":"bc1q","amount":"0.1"}"#
    );
}

#[wasm_bindgen_test]
fn routes_and_links() {
    assert_eq!(
        Route::from_path("/pay/crypto/cp_123"),
        Route::Crypto("cp_123".into())
    );
    assert_eq!(
        Route::from_path("/pay/order/29383937493038367292/"),
        Route::Order("29383937493038367292".into())
    );
    assert_eq!(Route::from_path("/pay/crypto/"), Route::Unknown);
    assert_eq!(Route::from_path("/pay/crypto/a/b"), Route::Unknown);
    assert_eq!(Route::from_path("/pay/KP123"), Route::Unknown);
    assert!(safe_return("https://shop.example/ok?x=1"));
    assert!(!safe_return("javascript:alert(1)"));
    assert!(safe_wallet_link("bitcoin:bc1qxyz?amount=0.1"));
    assert!(!safe_wallet_link("JavaScript:alert(1)"));
    assert!(!safe_wallet_link("java\tscript:alert(1)"));
}
