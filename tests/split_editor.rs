//! The split editor in headless Chromium: the preview always sums to the amount, and input that
//! cannot make a split says why.

mod common;

use common::{all, click, container, text};
use kitty::pages::kitties::split_editor::SplitEditor;
use kitty_api::kitty::{SplitMode, SplitRule};
use kitty_api::Currency;
use leptos::prelude::*;
use leptos::task::tick;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn members() -> Vec<(String, String)> {
    ["Ava", "Ben", "Cyrus"]
        .iter()
        .enumerate()
        .map(|(i, n)| (format!("u{i}"), n.to_string()))
        .collect()
}

/// The preview's amounts, in minor units, read back from the DOM ("A$28.07" → 2807).
fn preview(root: &web_sys::HtmlElement) -> Vec<i64> {
    all(root, ".split-editor__preview li .money")
        .iter()
        .map(|e| {
            e.text_content()
                .unwrap()
                .replace(['A', '$', ',', '.'], "")
                .parse()
                .unwrap()
        })
        .collect()
}

fn type_into(root: &web_sys::HtmlElement, id: &str, value: &str) {
    let input: web_sys::HtmlInputElement = root
        .query_selector(&format!("#{id}"))
        .unwrap()
        .unwrap()
        .unchecked_into();
    input.set_value(value);
    input
        .dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
}

#[wasm_bindgen_test]
async fn the_preview_always_sums_to_the_amount() {
    let root = container();
    let saved = RwSignal::new(None::<SplitRule>);
    let _mounted = leptos::mount::mount_to(root.clone(), move || {
        view! {
            <SplitEditor members=members() initial=SplitRule::even(["u0".into(), "u1".into(), "u2".into()])
                currency=Currency::AUD total=8421 saving=Signal::from(false)
                on_save=Callback::new(move |r| saved.set(Some(r))) />
        }
    });
    tick().await;
    let even = preview(&root);
    assert_eq!(even, vec![2807, 2807, 2807]);
    assert_eq!(even.iter().sum::<i64>(), 8421);

    // Percent: 70 / 20 / 10 of 84.21.
    click(&root, "input[value='percent']");
    tick().await;
    type_into(&root, "split-u0", "70");
    type_into(&root, "split-u1", "20");
    type_into(&root, "split-u2", "10");
    tick().await;
    let pct = preview(&root);
    assert_eq!(pct.iter().sum::<i64>(), 8421, "{pct:?}");
    assert_eq!(pct, vec![5895, 1684, 842]);

    // Drop Cyrus: the percentages no longer add up, and the editor says so.
    let cyrus: web_sys::HtmlInputElement = all(&root, "input[type='checkbox']")[2]
        .clone()
        .unchecked_into();
    cyrus.click();
    tick().await;
    assert_eq!(
        text(&root, ".split-editor__error").as_deref(),
        Some("Percentages must add up to 100; these add up to 90.")
    );
    assert!(all(&root, ".split-editor__preview").is_empty());
    let save: web_sys::HtmlButtonElement = root
        .query_selector("button")
        .unwrap()
        .unwrap()
        .unchecked_into();
    assert!(save.disabled(), "nothing invalid can be saved");

    // Shares 2 : 1 of the same amount, then save.
    click(&root, "input[value='shares']");
    tick().await;
    type_into(&root, "split-u0", "2");
    type_into(&root, "split-u1", "1");
    tick().await;
    let shares = preview(&root);
    assert_eq!(shares, vec![5614, 2807]);
    assert!(!save.disabled());
    save.click();
    tick().await;
    let rule = saved.get_untracked().expect("saved");
    assert_eq!(rule.mode, SplitMode::Shares);
    assert_eq!(
        rule.proportions.iter().map(|p| p.value).collect::<Vec<_>>(),
        vec![2, 1]
    );
}

#[wasm_bindgen_test]
async fn fixed_amounts_must_add_up_and_bad_numbers_are_named() {
    let root = container();
    let _mounted = leptos::mount::mount_to(root.clone(), move || {
        view! {
            <SplitEditor members=members() initial=SplitRule::even(["u0".into(), "u1".into()])
                currency=Currency::AUD total=-1000 saving=Signal::from(false) on_save=Callback::new(|_| ()) />
        }
    });
    tick().await;
    assert_eq!(
        preview(&root).iter().sum::<i64>(),
        -1000,
        "a refund splits into negative shares"
    );
    click(&root, "input[value='amount']");
    tick().await;
    type_into(&root, "split-u0", "6");
    type_into(&root, "split-u1", "abc");
    tick().await;
    assert!(
        text(&root, ".split-editor__error")
            .unwrap()
            .starts_with("Ben:"),
        "the member with the bad value is named"
    );
    type_into(&root, "split-u1", "3");
    tick().await;
    assert_eq!(
        text(&root, ".split-editor__error").as_deref(),
        Some("Amounts must add up to the transaction's A$10.00; these add up to A$9.00.")
    );
    type_into(&root, "split-u1", "4");
    tick().await;
    assert!(text(&root, ".split-editor__error").is_none());
    assert_eq!(preview(&root), vec![-600, -400]);
}
