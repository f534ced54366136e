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
