//! Shell components, rendered in headless Chromium.

mod common;

use common::{all, click, container, sleep, text};
use kitty::components::form::TextField;
use kitty::components::money::MoneyText;
use kitty::components::nav::Nav;
use kitty::components::toast::{use_toasts, ToastHost};
use kitty_api::{Currency, FieldErrors, Money};
use leptos::prelude::*;
use leptos::task::tick;
use leptos_router::components::Router;
use std::time::Duration;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn nav_links_every_area_and_counts_unread() {
    let root = container();
    let unread = RwSignal::new(3i64);
    let _mounted = leptos::mount::mount_to(root.clone(), move || {
        view! { <Router><Nav unread=unread /></Router> }
    });
    tick().await;
    let nav = root.query_selector("nav[aria-label='Main']").unwrap();
    assert!(nav.is_some(), "a labelled nav landmark");
    let hrefs: Vec<String> = all(&root, "a.nav__link")
        .iter()
        .map(|a| a.get_attribute("href").unwrap())
        .collect();
    assert_eq!(
        hrefs,
        ["/", "/kitties", "/merchant", "/ramp", "/inbox", "/account"]
    );
    let labels: Vec<String> = all(&root, ".nav__label")
        .iter()
        .map(|l| l.text_content().unwrap())
        .collect();
    assert_eq!(
        labels,
        ["Home", "Kitties", "Merchant", "Ramp", "Inbox", "Account"]
    );
    assert_eq!(text(&root, ".nav__badge").as_deref(), Some("3 unread"));

    unread.set(0);
    tick().await;
    assert!(
        text(&root, ".nav__badge").is_none(),
        "no badge when all is read"
    );
}

#[component]
fn ToastButtons() -> impl IntoView {
    let toasts = use_toasts();
    view! {
        <button id="ok" on:click=move |_| toasts.success("Saved your changes")>"ok"</button>
        <button id="fail" on:click=move |_| toasts.error("Could not save")>"fail"</button>
    }
}

#[wasm_bindgen_test]
async fn a_toast_appears_and_goes_by_itself() {
    let root = container();
    let _mounted = leptos::mount::mount_to(root.clone(), || {
        view! { <ToastHost lifetime=Duration::from_millis(300)><ToastButtons /></ToastHost> }
    });
    tick().await;
    assert!(all(&root, ".toast").is_empty());
    click(&root, "#ok");
    tick().await;
    let toasts = all(&root, ".toast");
    assert_eq!(toasts.len(), 1);
    assert_eq!(toasts[0].get_attribute("role").as_deref(), Some("status"));
    // The text arrives a frame after its live region, so that it is announced.
    sleep(50).await;
    assert_eq!(
        text(&root, ".toast__text").as_deref(),
        Some("Saved your changes")
    );
    sleep(600).await;
    assert!(
        all(&root, ".toast").is_empty(),
        "the toast left after its lifetime"
    );
}

#[wasm_bindgen_test]
async fn an_error_toast_is_an_alert_and_can_be_dismissed() {
    let root = container();
    let _mounted = leptos::mount::mount_to(root.clone(), || {
        view! { <ToastHost lifetime=Duration::from_secs(60)><ToastButtons /></ToastHost> }
    });
    tick().await;
    click(&root, "#fail");
    tick().await;
    assert_eq!(
        all(&root, ".toast")[0].get_attribute("role").as_deref(),
        Some("alert")
    );
    click(&root, ".toast__close");
    tick().await;
    assert!(all(&root, ".toast").is_empty());
}

#[component]
fn NumberedToasts() -> impl IntoView {
    let toasts = use_toasts();
    let n = StoredValue::new(0);
    view! {
        <button id="next" on:click=move |_| {
            n.update_value(|n| *n += 1);
            toasts.success(format!("Toast {}", n.get_value()));
        }>"next"</button>
    }
}

#[wasm_bindgen_test]
async fn only_the_newest_two_toasts_stay_on_screen() {
    let root = container();
    let _mounted = leptos::mount::mount_to(root.clone(), || {
        view! { <ToastHost lifetime=Duration::from_secs(60)><NumberedToasts /></ToastHost> }
    });
    tick().await;
    for _ in 0..3 {
        click(&root, "#next");
        tick().await;
    }
    sleep(50).await;
    let shown: Vec<String> = all(&root, ".toast__text")
        .iter()
        .map(|t| t.text_content().unwrap())
        .collect();
    assert_eq!(shown, ["Toast 2", "Toast 3"]);
    assert_eq!(kitty::components::toast::MAX_VISIBLE, 2);
}

#[wasm_bindgen_test]
fn a_wait_says_still_loading_then_offers_to_stop() {
    use kitty::components::feedback::Wait;
    let s = Duration::from_secs;
    assert_eq!(Wait::after(Duration::ZERO), Wait::Loading);
    assert_eq!(Wait::after(Duration::from_millis(3_999)), Wait::Loading);
    assert_eq!(Wait::after(s(4)), Wait::Slow);
    assert_eq!(Wait::after(s(9)), Wait::Slow);
    assert_eq!(Wait::after(s(10)), Wait::TooLong);
    assert_eq!(Wait::after(s(600)), Wait::TooLong);
    assert_eq!(Wait::Slow.message(), "Still loading…");
    assert_eq!(Wait::TooLong.message(), "This is taking longer than usual.");
    assert!(Wait::Loading < Wait::Slow && Wait::Slow < Wait::TooLong);
}

#[wasm_bindgen_test]
async fn a_placeholder_says_still_loading_after_four_seconds() {
    use kitty::components::feedback::Skeleton;
    let root = container();
    let _mounted = leptos::mount::mount_to(root.clone(), || view! { <Skeleton lines=2 /> });
    tick().await;
    assert_eq!(all(&root, ".skeleton__line").len(), 2);
    assert!(
        root.query_selector("[role=status]").unwrap().is_some(),
        "a live region from the start"
    );
    assert!(text(&root, ".skeleton__message").is_none());
    sleep(4_200).await;
    assert_eq!(
        text(&root, ".skeleton__message").as_deref(),
        Some("Still loading…")
    );
    assert!(
        root.query_selector("button").unwrap().is_none(),
        "no Cancel yet"
    );
}

#[wasm_bindgen_test]
fn a_cancelled_read_can_be_tried_again() {
    use kitty::api::ApiError;
    assert!(ApiError::Cancelled.is_retryable());
    assert!(ApiError::Cancelled.message().contains("stopped waiting"));
    assert_eq!(
        kitty::api::cancel_slow_reads(Duration::ZERO),
        0,
        "nothing in flight"
    );
}

#[wasm_bindgen_test]
fn navigation_takes_focus_only_from_the_page_or_what_navigated() {
    use kitty::app::may_take_focus;
    for tag in [None, Some("BODY"), Some("A"), Some("BUTTON"), Some("H1")] {
        assert!(may_take_focus(tag, false), "{tag:?}");
    }
    for tag in [Some("INPUT"), Some("TEXTAREA"), Some("SELECT"), Some("DIV")] {
        assert!(!may_take_focus(tag, false), "{tag:?}");
    }
    assert!(
        !may_take_focus(Some("DIV"), true),
        "typing in an editable element"
    );
}

#[wasm_bindgen_test]
fn counts_use_the_right_form_of_the_noun() {
    use kitty::fmt::plural;
    assert_eq!(plural(1, "notification", "notifications"), "1 notification");
    assert_eq!(
        plural(0, "notification", "notifications"),
        "0 notifications"
    );
    assert_eq!(plural(4, "kitty", "kitties"), "4 kitties");
}

#[wasm_bindgen_test]
fn home_lists_open_kitties_six_at_most() {
    use kitty::pages::home::on_home;
    use kitty_api::kitty::{BankAccount, CardStatus, Kitty, KittyCard, KittyStatus, Role};
    let kitty = |n: usize, status: KittyStatus| Kitty {
        id: format!("k{n}"),
        name: format!("Kitty {n}"),
        description: None,
        currency: Currency::AUD,
        goal_amount: None,
        is_personal: n == 0,
        status,
        available_balance: 100 * n as i64,
        total_balance: 100 * n as i64,
        referral_code: String::new(),
        account: BankAccount {
            account_name: String::new(),
            bsb: String::new(),
            account_number: String::new(),
        },
        card: KittyCard {
            id: String::new(),
            masked_number: String::new(),
            status: CardStatus::Active,
        },
        my_role: Role::Member,
        member_count: 2,
        created_at: String::new(),
    };
    let (shown, more) = on_home(vec![
        kitty(0, KittyStatus::Active),
        kitty(1, KittyStatus::Closed),
    ]);
    assert_eq!(
        shown.iter().map(|k| k.id.as_str()).collect::<Vec<_>>(),
        ["k0"]
    );
    assert_eq!(more, 0, "closed kitties are left to the Kitties page");
    let (shown, more) = on_home((0..9).map(|n| kitty(n, KittyStatus::Active)).collect());
    assert_eq!(shown.len(), 6);
    assert_eq!(more, 3);
}

#[wasm_bindgen_test]
async fn money_is_formatted_per_currency_in_the_dom() {
    let root = container();
    let money = RwSignal::new(Money::new(123_450, Currency::KES));
    let _mounted =
        leptos::mount::mount_to(root.clone(), move || view! { <MoneyText money=money /> });
    tick().await;
    assert_eq!(text(&root, ".money").as_deref(), Some("KES 1,234.50"));
    money.set(Money::new(-1_250_000, Currency::IRR));
    tick().await;
    assert_eq!(text(&root, ".money").as_deref(), Some("-IRR 1,250,000"));
    assert!(root.query_selector(".money--negative").unwrap().is_some());
}

#[wasm_bindgen_test]
async fn a_field_error_is_announced_and_cleared_by_typing() {
    let root = container();
    let value = RwSignal::new(String::from("0912"));
    let mut initial = FieldErrors::new();
    initial.insert(
        "mobile".into(),
        "Enter a mobile number like 09121234567.".into(),
    );
    let errors = RwSignal::new(initial);
    let _mounted = leptos::mount::mount_to(root.clone(), move || {
        view! { <TextField name="mobile" label="Mobile number" value errors hint="Format: 09121234567" /> }
    });
    tick().await;
    let input = root.query_selector("input").unwrap().unwrap();
    assert_eq!(input.get_attribute("aria-invalid").as_deref(), Some("true"));
    assert_eq!(
        input.get_attribute("aria-describedby").as_deref(),
        Some("field-mobile-hint field-mobile-error")
    );
    assert_eq!(text(&root, "label").as_deref(), Some("Mobile number"));
    assert_eq!(
        text(&root, ".field__error").as_deref(),
        Some("Enter a mobile number like 09121234567.")
    );
    let input: web_sys::HtmlInputElement = wasm_bindgen::JsCast::unchecked_into(input);
    input.set_value("09121234567");
    input
        .dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
    tick().await;
    assert_eq!(value.get_untracked(), "09121234567");
    assert!(text(&root, ".field__error").is_none());
    assert!(input.get_attribute("aria-invalid").is_none());
}
