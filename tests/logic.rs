//! App logic that needs the browser build: error mapping, redirects, initials.

use kitty::api::ApiError;
use kitty::app::initials;
use kitty::session::safe_next;
use kitty_api::ErrorBody;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn statuses_map_to_typed_errors_with_the_servers_words() {
    let mut body = ErrorBody::new(
        "conflict",
        "An account with this mobile number already exists.",
    );
    body.fields.insert("mobile".into(), "Taken.".into());
    let e = ApiError::from_status(409, Some(body), None);
    assert!(matches!(e, ApiError::Conflict { .. }));
    assert_eq!(
        e.message(),
        "An account with this mobile number already exists."
    );
    assert_eq!(e.fields().get("mobile").map(String::as_str), Some("Taken."));

    let limited = ApiError::from_status(429, None, Some(30));
    assert_eq!(
        limited,
        ApiError::RateLimited {
            message: "Too many attempts. Wait a moment and try again.".into(),
            retry_after: Some(30)
        }
    );
    assert!(limited.is_retryable());
    assert!(matches!(
        ApiError::from_status(401, None, None),
        ApiError::Unauthorized(_)
    ));
    assert!(matches!(
        ApiError::from_status(403, None, None),
        ApiError::Forbidden(_)
    ));
    assert!(matches!(
        ApiError::from_status(404, None, None),
        ApiError::NotFound(_)
    ));
    assert!(matches!(
        ApiError::from_status(422, None, None),
        ApiError::Validation { .. }
    ));
    assert!(matches!(
        ApiError::from_status(400, None, None),
        ApiError::BadRequest(_)
    ));
    assert!(matches!(
        ApiError::from_status(503, None, None),
        ApiError::Server(_)
    ));
    assert!(ApiError::Network.message().contains("connection"));
}

#[wasm_bindgen_test]
fn next_only_goes_to_paths_on_this_site() {
    assert_eq!(safe_next(Some("/inbox?tab=1".into())), "/inbox?tab=1");
    assert_eq!(safe_next(None), "/");
    assert_eq!(safe_next(Some("https://evil.example".into())), "/");
    assert_eq!(safe_next(Some("//evil.example".into())), "/");
    assert_eq!(safe_next(Some("/\\evil.example".into())), "/");
}

#[wasm_bindgen_test]
fn initials_of_names() {
    assert_eq!(initials("Sara Demo"), "SD");
    assert_eq!(initials("  mina  "), "M");
    assert_eq!(initials("Ali Reza Karimi"), "AR");
    assert_eq!(initials(""), "");
}

#[wasm_bindgen_test]
fn checkout_numbers_clock_and_return_address() {
    use kitty::checkout::i18n::{clock, number};
    use kitty::checkout::return_url;
    use kitty::i18n::to_persian_digits as digits_fa;
    use kitty_api::merchant::TransactionStatus;
    assert_eq!(number(1_262_513, false), "1,262,513");
    assert_eq!(number(1_262_513, true), "۱٬۲۶۲٬۵۱۳");
    assert_eq!(digits_fa("6037 99"), "۶۰۳۷ ۹۹");
    assert_eq!(clock(899, false), "14:59");
    assert_eq!(clock(-3, false), "00:00");
    assert_eq!(clock(65, true), "۰۱:۰۵");
    assert_eq!(
        return_url("https://shop.example/paid", "KPAB", TransactionStatus::Paid),
        "https://shop.example/paid?authority=KPAB&status=paid"
    );
    assert_eq!(
        return_url(
            "https://shop.example/r?order=7",
            "KP/1",
            TransactionStatus::Expired
        ),
        "https://shop.example/r?order=7&authority=KP%2F1&status=expired"
    );
}

#[wasm_bindgen_test]
fn device_models_and_ids() {
    use kitty::device::{model, valid_id};
    let chrome_linux = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36";
    assert_eq!(model(chrome_linux), "Chrome on Linux");
    let safari_iphone = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1";
    assert_eq!(model(safari_iphone), "Safari on iOS");
    let firefox_android = "Mozilla/5.0 (Android 14; Mobile; rv:121.0) Gecko/121.0 Firefox/121.0";
    assert_eq!(model(firefox_android), "Firefox on Android");
    let edge_windows = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 Edg/120.0.0.0";
    assert_eq!(model(edge_windows), "Edge on Windows");
    assert_eq!(model(""), "A browser");
    assert!(model(&"x".repeat(500)).len() <= 100);
    assert!(valid_id("3f2b8c1e-9a4d-4e5f-8b6a-0c1d2e3f4a5b"));
    assert!(valid_id("0123456789abcdef0123456789abcdef"));
    assert!(!valid_id("short"));
    assert!(!valid_id("has spaces in it"));
    assert!(!valid_id(&"a".repeat(65)));
}

#[wasm_bindgen_test]
fn crypto_amounts_are_exact() {
    use kitty::pages::merchant::crypto::{from_units, net_amount, to_units, trim_zeros};
    assert_eq!(to_units("0.5", 8), Some(50_000_000));
    assert_eq!(to_units("1", 0), Some(1));
    assert_eq!(to_units(".25", 6), Some(250_000));
    assert_eq!(to_units("0.10000000", 6), Some(100_000));
    assert_eq!(to_units("0.1234567", 6), None);
    assert_eq!(to_units("1e5", 8), None);
    assert_eq!(to_units("-1", 8), None);
    assert_eq!(to_units("", 8), None);
    // 12 digits before the point and 18 after still fit.
    assert_eq!(
        to_units("999999999999.999999999999999999", 18),
        Some(999_999_999_999_999_999_999_999_999_999)
    );
    assert_eq!(to_units(&"9".repeat(40), 18), None);
    assert_eq!(from_units(50_000_000, 8), "0.5");
    assert_eq!(from_units(100, 2), "1");
    assert_eq!(from_units(7, 18), "0.000000000000000007");
    assert_eq!(from_units(12, 0), "12");
    // Floating point would say 0.30000000000000004 − 0.1 ≠ 0.2.
    assert_eq!(net_amount("0.3", "0.1", 8), Some("0.2".into()));
    assert_eq!(net_amount("0.5", "0.0001", 8), Some("0.4999".into()));
    assert_eq!(
        net_amount("1.000000000000000001", "0.0005", 18),
        Some("0.999500000000000001".into())
    );
    assert_eq!(net_amount("1", "1", 6), None);
    assert_eq!(net_amount("0.5", "1", 6), None);
    assert_eq!(trim_zeros("0.000000000000000000"), "0.00");
    assert_eq!(trim_zeros("0.00050000"), "0.0005");
    assert_eq!(trim_zeros("60.000000"), "60.00");
    assert_eq!(trim_zeros("12"), "12");
}

#[wasm_bindgen_test]
fn ramp_fiat_figures_are_exact() {
    use kitty::pages::ramp::decimal::{at_most, is_zero, times_in_cents, Rounding, Scaled};
    use Rounding::{Down, Up};
    assert_eq!(
        Scaled::parse("12.50"),
        Some(Scaled {
            units: 125,
            scale: 1
        })
    );
    assert_eq!(Scaled::parse(".5"), Some(Scaled { units: 5, scale: 1 }));
    assert_eq!(Scaled::parse("-1"), None);
    assert_eq!(Scaled::parse("1e5"), None);
    assert_eq!(Scaled::parse("."), None);
    assert_eq!(Scaled::parse(""), None);
    assert_eq!(Scaled::parse("1.2.3"), None);
    // 10 cUSD at KES 129.5 a coin is KES 1,295.00.
    assert_eq!(times_in_cents("10", "129.5", Down), Some(129_500));
    // Floating point says 1.005 × 100 = 100.49999999999999.
    assert_eq!(times_in_cents("1.005", "100", Down), Some(10_050));
    // A payout rounds down, a cost up, to the cent.
    assert_eq!(times_in_cents("0.015", "1", Down), Some(1));
    assert_eq!(times_in_cents("0.015", "1", Up), Some(2));
    assert_eq!(times_in_cents("0.01", "1", Up), Some(1));
    assert_eq!(
        times_in_cents("1.000000000000000001", "129.5", Down),
        Some(12_950)
    );
    assert_eq!(
        times_in_cents("1.000000000000000001", "129.5", Up),
        Some(12_951)
    );
    assert_eq!(times_in_cents("12.345678", "15.04", Down), Some(18_567));
    assert_eq!(times_in_cents("5", "2", Down), Some(1_000));
    assert_eq!(times_in_cents("0", "129.5", Up), Some(0));
    // Too large for the integers: no figure rather than a wrong one.
    assert_eq!(times_in_cents(&"9".repeat(30), &"9".repeat(12), Down), None);
    assert_eq!(times_in_cents(&"9".repeat(20), "1", Down), None);
    assert_eq!(times_in_cents("ten", "129.5", Down), None);
    assert_eq!(times_in_cents("10", "-1", Down), None);
    assert_eq!(at_most("5.5", "5.50"), Some(true));
    assert_eq!(at_most("5.51", "5.5"), Some(false));
    assert_eq!(at_most("0.000000000000000001", "0"), Some(false));
    assert_eq!(at_most("x", "1"), None);
    assert!(is_zero("0.000000"));
    assert!(!is_zero("0.000001"));
    assert!(!is_zero("none"));
}

/// web3.js's documented `eth.accounts.sign('Some data', key)` example: the address of its key
/// and the exact signature (RFC 6979 makes it deterministic), which Fiat Connect's sign-in
/// verifies the same way.
#[wasm_bindgen_test]
fn the_sandbox_signer_matches_web3s_published_example() {
    use kitty::siwe::SandboxKey;
    let mut bytes = [0u8; 32];
    let hex = "4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318";
    for (i, b) in bytes.iter_mut().enumerate() {
        *b = u8::from_str_radix(&hex[2 * i..2 * i + 2], 16).unwrap();
    }
    let key = SandboxKey::from_bytes(&bytes).unwrap();
    assert_eq!(key.address(), "0x2c7536E3605D9C16a7a3D7b1898e529396a65c23");
    assert_eq!(
        key.sign("Some data").unwrap(),
        "0xb91467e570a6466aa9e9876cbcd013baba02900b8979d43fe208a4a4f339f5fd6007e74cd82e037b800186422fc2da167c747ef045e5d18a5f5d4300f8e1a0291c"
    );
    assert!(SandboxKey::from_bytes(&[0u8; 32]).is_err());
    let fresh = SandboxKey::random().unwrap();
    assert_ne!(fresh.address(), key.address());
    assert_eq!(kitty::siwe::nonce().unwrap().len(), 16);
}

#[wasm_bindgen_test]
fn a_siwe_message_is_laid_out_as_eip_4361_says() {
    let fields = kitty::siwe::SiweFields {
        domain: "localhost:8080".into(),
        address: "0x2c7536E3605D9C16a7a3D7b1898e529396a65c23".into(),
        statement: "Sign in to Fiat Connect.".into(),
        uri: "http://localhost:8080/kotani/fiatconnect".into(),
        chain_id: 44787,
        nonce: "abcdefgh12345678".into(),
        issued_at: "2026-11-26T06:00:00.000Z".into(),
        expiration_time: "2026-11-26T06:10:00.000Z".into(),
    };
    assert_eq!(
        fields.message(),
        "localhost:8080 wants you to sign in with your Ethereum account:\n\
         0x2c7536E3605D9C16a7a3D7b1898e529396a65c23\n\nSign in to Fiat Connect.\n\n\
         URI: http://localhost:8080/kotani/fiatconnect\nVersion: 1\nChain ID: 44787\n\
         Nonce: abcdefgh12345678\nIssued At: 2026-11-26T06:00:00.000Z\n\
         Expiration Time: 2026-11-26T06:10:00.000Z"
    );
}

#[wasm_bindgen_test]
fn the_social_callbacks_fragment_is_read_and_judged() {
    use kitty::social::{judge, parse_fragment, Fragment, Outcome, Pending};

    let f = parse_fragment("#id_token=eyJhbGciOi.eyJzdWIi.c2ln&state=ab%2Fc+d&extra=1");
    assert_eq!(f.id_token.as_deref(), Some("eyJhbGciOi.eyJzdWIi.c2ln"));
    assert_eq!(f.state.as_deref(), Some("ab/c d"));
    assert_eq!(f.error, None);
    // No leading '#', an error with its description, empty and repeated keys.
    let f = parse_fragment(
        "error=access_denied&error_description=The+user+said+no&state=s1&state=s2&id_token=",
    );
    assert_eq!(f.error.as_deref(), Some("access_denied"));
    assert_eq!(f.error_description.as_deref(), Some("The user said no"));
    assert_eq!(f.state.as_deref(), Some("s1"));
    assert_eq!(f.id_token, None);
    assert_eq!(parse_fragment(""), Fragment::default());
    assert_eq!(parse_fragment("#"), Fragment::default());
    // A value with a stray '%' does not decode, and stays as it came.
    assert_eq!(
        parse_fragment("state=100%25%2").state.as_deref(),
        Some("100%25%2")
    );

    let pending = Pending {
        state: "s1".into(),
        nonce: "n1".into(),
        next: "/kitties".into(),
    };
    let signed = parse_fragment("#id_token=tok&state=s1");
    match judge(&signed, Some(&pending)) {
        Outcome::SignIn(req) => {
            assert_eq!(req.id_token, "tok");
            assert_eq!(req.nonce, "n1");
        }
        other => panic!("expected a sign-in, got {other:?}"),
    }
    // Another state, no state, or nothing kept for this tab: not started here.
    for hash in ["#id_token=tok&state=s2", "#id_token=tok", ""] {
        assert_eq!(
            judge(&parse_fragment(hash), Some(&pending)),
            Outcome::NotStartedHere
        );
    }
    assert_eq!(judge(&signed, None), Outcome::NotStartedHere);
    assert_eq!(
        Outcome::NotStartedHere.message().as_deref(),
        Some("This sign-in did not start here. Try again.")
    );
    // The state is checked before the provider's error.
    let cancelled = parse_fragment("#error=access_denied&state=s1");
    assert_eq!(judge(&cancelled, Some(&pending)), Outcome::Cancelled);
    assert_eq!(
        Outcome::Cancelled.message().as_deref(),
        Some("You cancelled the sign-in.")
    );
    assert_eq!(
        judge(
            &parse_fragment("#error=access_denied&state=zz"),
            Some(&pending)
        ),
        Outcome::NotStartedHere
    );
    match judge(
        &parse_fragment("#error=server_error&error_description=Down&state=s1"),
        Some(&pending),
    ) {
        Outcome::Refused(m) => assert!(m.contains("Down"), "{m}"),
        other => panic!("expected a refusal, got {other:?}"),
    }
    assert!(matches!(
        judge(&parse_fragment("#state=s1"), Some(&pending)),
        Outcome::Refused(_)
    ));
}

#[wasm_bindgen_test]
fn the_social_authorize_url_has_every_parameter_encoded() {
    use kitty::social::{authorize_url, parse_fragment};
    use kitty_api::account::SocialProvider;

    let provider = SocialProvider {
        name: "Kitty ID".into(),
        authorize_url: "http://localhost:8080/sandbox/idp/authorize".into(),
        client_id: "kitty-web".into(),
    };
    assert_eq!(
        authorize_url(
            &provider,
            "http://localhost:8080/login/social",
            "n0nce",
            "st4te"
        ),
        "http://localhost:8080/sandbox/idp/authorize?response_type=id_token&scope=openid%20email%20profile\
         &client_id=kitty-web&redirect_uri=http%3A%2F%2Flocalhost%3A8080%2Flogin%2Fsocial&nonce=n0nce&state=st4te"
    );
    let with_query = SocialProvider {
        authorize_url: "https://id.example/authorize?tenant=a".into(),
        ..provider
    };
    assert!(authorize_url(&with_query, "x", "n", "s")
        .starts_with("https://id.example/authorize?tenant=a&response_type=id_token&"));
    // Values come back decoded, `+` as a space; one that does not decode stays as it came.
    let f = parse_fragment("#id_token=a%2Fb+c&state=%E0%A4%A&error_description=x%20y");
    assert_eq!(f.id_token.as_deref(), Some("a/b c"));
    assert_eq!(f.state.as_deref(), Some("%E0%A4%A"));
    assert_eq!(f.error_description.as_deref(), Some("x y"));
}

#[wasm_bindgen_test]
fn kitty_pages_name_their_tab_and_count_in_words() {
    use kitty::pages::kitties::{page_title, tab_title};
    use kitty_api::format::count;

    // Each tab has its own title; a transaction's page is the Activity tab's.
    assert_eq!(tab_title("/kitties/k1"), "Activity");
    assert_eq!(tab_title("/kitties/k1/"), "Activity");
    assert_eq!(tab_title("/kitties/k1/members"), "Members");
    assert_eq!(tab_title("/kitties/k1/settings"), "Settings");
    assert_eq!(tab_title("/kitties/k1/transactions/t9"), "Transaction");
    assert_eq!(
        page_title("/kitties/k1/chat", Some("Weekend in Kish")),
        "Chat · Weekend in Kish · Kitty"
    );
    assert_eq!(page_title("/kitties/k1/card", None), "Card · Kitty");
    // One member, not "1 members" (the kitty list, billing and the closure's payouts).
    assert_eq!(count(1, "member", "members"), "1 member");
    assert_eq!(count(0, "member", "members"), "0 members");
    assert_eq!(count(2, "transaction", "transactions"), "2 transactions");
}

#[wasm_bindgen_test]
fn leaving_a_kitty_is_refused_before_asking_for_the_servers_reasons() {
    use kitty::pages::kitties::leave_blockers;
    use kitty_api::kitty::{Member, MemberTotals, Role};
    use kitty_api::Currency;

    let member = |id: &str, role: Role, balance: i64| Member {
        user_id: id.into(),
        name: id.into(),
        role,
        admin_requested: false,
        active: true,
        deposited: balance.max(0),
        paid_out: 0,
        spent: (-balance).max(0),
        balance,
    };
    let totals = |members: Vec<Member>| MemberTotals {
        available_balance: members.iter().map(|m| m.balance).sum(),
        members,
        unassigned: 0,
    };
    // Settled, with another admin: nothing stands in the way.
    let t = totals(vec![
        member("ava", Role::Admin, 0),
        member("ben", Role::Admin, 0),
    ]);
    assert!(leave_blockers(&t, "ava", Currency::AUD).is_empty());
    // The last admin is told to make someone else admin first.
    let t = totals(vec![
        member("ava", Role::Admin, 0),
        member("ben", Role::Member, 0),
    ]);
    let why = leave_blockers(&t, "ava", Currency::AUD);
    assert_eq!(why.len(), 1);
    assert!(why[0].contains("only admin"), "{why:?}");
    assert!(leave_blockers(&t, "ben", Currency::AUD).is_empty());
    // Money either way: the server's own words, with what to do.
    let t = totals(vec![
        member("ava", Role::Admin, 0),
        member("ben", Role::Member, 7474),
        member("cat", Role::Member, -500),
    ]);
    let owed = leave_blockers(&t, "ben", Currency::AUD);
    assert_eq!(owed.len(), 1);
    assert!(
        owed[0].contains("A$74.74") && owed[0].contains("pays it out"),
        "{owed:?}"
    );
    let owes = leave_blockers(&t, "cat", Currency::AUD);
    assert!(
        owes[0].contains("owe the kitty A$5.00") && owes[0].contains("Deposit it"),
        "{owes:?}"
    );
    // Alone in the kitty: closing it is the way out.
    let t = totals(vec![member("ava", Role::Admin, 0)]);
    assert!(leave_blockers(&t, "ava", Currency::AUD)[0].contains("close it"));
}
