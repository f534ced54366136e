//! Formatting with the browser's clock and time zone. English uses `kitty_api::format` and
//! `Money`'s own display, which are unit-tested natively; Swahili and Persian use the browser's
//! `Intl` (dates in the Persian calendar for Persian readers, amounts with the locale's separators),
//! through `js-sys`, which costs no crate. Digits are Persian only when the person chose them.

use crate::i18n::{self, Lang};
use wasm_bindgen::JsValue;

/// The locale tag `Intl` is given: the page's language, with Latin digits unless Persian ones were
/// chosen (`fa` alone would always write Persian digits).
fn locale(lang: Lang) -> String {
    match (lang, i18n::persian_digits()) {
        (Lang::Fa, false) => "fa-u-nu-latn".into(),
        (Lang::Fa, true) => "fa".into(),
        (Lang::Sw, _) => "sw".into(),
        (Lang::En, _) => "en".into(),
    }
}

/// `options` as a JS object of string values.
fn options(pairs: &[(&str, &str)]) -> js_sys::Object {
    let o = js_sys::Object::new();
    for (k, v) in pairs {
        let _ = js_sys::Reflect::set(&o, &JsValue::from_str(k), &JsValue::from_str(v));
    }
    o
}

fn locales(lang: Lang) -> js_sys::Array {
    js_sys::Array::of1(&JsValue::from_str(&locale(lang)))
}

/// `rfc3339` written by `Intl.DateTimeFormat` with `pairs` as its options, in local time.
fn intl_date(rfc3339: &str, lang: Lang, pairs: &[(&str, &str)]) -> Option<String> {
    let unix = kitty_api::format::parse_rfc3339(rfc3339)?;
    let date = js_sys::Date::new(&JsValue::from_f64(unix as f64 * 1000.0));
    let format = js_sys::Intl::DateTimeFormat::new(&locales(lang), &options(pairs)).format();
    format.call1(&JsValue::NULL, &date).ok()?.as_string()
}

pub fn offset_minutes() -> i32 {
    // getTimezoneOffset is minutes *behind* UTC.
    -(js_sys::Date::new_0().get_timezone_offset() as i32)
}

fn now_unix() -> i64 {
    (js_sys::Date::now() / 1000.0) as i64
}

/// `23 Nov 2026, 07:45`, local time; the raw text if the server sent something unreadable.
pub fn datetime(rfc3339: &str) -> String {
    let lang = i18n::lang();
    if lang != Lang::En {
        let pairs = [("dateStyle", "medium"), ("timeStyle", "short")];
        if let Some(text) = intl_date(rfc3339, lang, &pairs) {
            return text;
        }
    }
    let text = kitty_api::format::datetime(rfc3339, offset_minutes())
        .unwrap_or_else(|| rfc3339.to_string());
    i18n::digits(&text)
}

/// `07:45`, local time: for a moment within the day, such as when a code stops working.
pub fn time(rfc3339: &str) -> String {
    let lang = i18n::lang();
    if lang != Lang::En {
        if let Some(text) = intl_date(rfc3339, lang, &[("timeStyle", "short")]) {
            return text;
        }
    }
    let full = datetime(rfc3339);
    match full.rsplit_once(", ") {
        Some((_, time)) => time.to_string(),
        None => full,
    }
}

/// `23 Nov 2026`, local time.
pub fn date(rfc3339: &str) -> String {
    let lang = i18n::lang();
    if lang != Lang::En {
        if let Some(text) = intl_date(rfc3339, lang, &[("dateStyle", "medium")]) {
            return text;
        }
    }
    let text =
        kitty_api::format::date(rfc3339, offset_minutes()).unwrap_or_else(|| rfc3339.to_string());
    i18n::digits(&text)
}

/// `5 min ago`, or the date once it is older than a week.
pub fn relative(rfc3339: &str) -> String {
    let lang = i18n::lang();
    if lang != Lang::En {
        if let Some(text) = intl_relative(rfc3339, lang) {
            return text;
        }
    }
    kitty_api::format::relative(rfc3339, now_unix(), offset_minutes())
        .unwrap_or_else(|| rfc3339.to_string())
}

/// `relative` through `Intl.RelativeTimeFormat`, with the same steps as the English one.
fn intl_relative(rfc3339: &str, lang: Lang) -> Option<String> {
    let ago = now_unix() - kitty_api::format::parse_rfc3339(rfc3339)?;
    let (value, unit) = match ago {
        i64::MIN..=59 => (0, "second"),
        60..=3599 => (ago / 60, "minute"),
        3600..=86_399 => (ago / 3600, "hour"),
        86_400..=604_799 => (ago / 86_400, "day"),
        _ => return intl_date(rfc3339, lang, &[("dateStyle", "medium")]),
    };
    let format =
        js_sys::Intl::RelativeTimeFormat::new(&locales(lang), &options(&[("numeric", "auto")]));
    Some(String::from(format.format(-(value as f64), unit)))
}

/// "1 notification", "3 notifications": a count with the right form of its noun. The app's one
/// plural helper (it lives in `kitty_api::format`, where it is unit-tested with the other
/// formatting); use it for every count shown to a person.
pub use kitty_api::format::count as plural;

/// An amount as this page's language writes it (`A$12.50`; Persian digits when chosen). Every
/// amount shown to a person goes through here.
pub fn money(m: kitty_api::Money) -> String {
    let lang = i18n::lang();
    if lang != Lang::En {
        if let Some(text) = intl_money(m, lang) {
            return text;
        }
    }
    i18n::digits(&m.to_string())
}

/// `m` through `Intl.NumberFormat`, given as exact decimal text (never a float).
fn intl_money(m: kitty_api::Money, lang: Lang) -> Option<String> {
    let decimals = m.currency.decimals();
    let abs = m.amount.unsigned_abs();
    let scale = 10u64.checked_pow(decimals)?;
    let sign = if m.amount < 0 { "-" } else { "" };
    let exact = if decimals == 0 {
        format!("{sign}{abs}")
    } else {
        format!(
            "{sign}{}.{:0w$}",
            abs / scale,
            abs % scale,
            w = decimals as usize
        )
    };
    let digits = decimals.to_string();
    let pairs = [
        ("style", "currency"),
        ("currency", m.currency.code()),
        ("minimumFractionDigits", digits.as_str()),
        ("maximumFractionDigits", digits.as_str()),
    ];
    let format = js_sys::Intl::NumberFormat::new(&locales(lang), &options(&pairs)).format();
    format
        .call1(&JsValue::NULL, &JsValue::from_str(&exact))
        .ok()?
        .as_string()
}

#[cfg(all(test, target_arch = "wasm32"))]
mod tests {
    use super::*;
    use kitty_api::{Currency, Money};
    use wasm_bindgen_test::wasm_bindgen_test;

    fn digits_of(text: &str) -> String {
        text.chars().filter(char::is_ascii_digit).collect()
    }

    #[wasm_bindgen_test]
    fn intl_money_is_exact_past_what_a_float_holds() {
        // 2^53 + 1 Rials: a float would print ...992.
        let m = Money::new(9_007_199_254_740_993, Currency::IRR);
        let text = intl_money(m, Lang::Fa).expect("Intl formats");
        assert_eq!(digits_of(&text), "9007199254740993", "{text}");
        let shillings = intl_money(Money::new(-123_456, Currency::KES), Lang::Sw).unwrap();
        assert!(shillings.contains("1,234.56"), "{shillings}");
        assert!(
            shillings.contains('-') || shillings.contains('\u{2212}'),
            "{shillings}"
        );
    }

    #[wasm_bindgen_test]
    fn persian_dates_use_the_persian_calendar() {
        // 2026-03-21 is 1 Farvardin 1405.
        let text = intl_date("2026-03-21T12:00:00Z", Lang::Fa, &[("dateStyle", "medium")]).unwrap();
        assert!(text.contains("1405"), "{text}");
        let sw = intl_date("2026-11-23T12:00:00Z", Lang::Sw, &[("dateStyle", "long")]).unwrap();
        assert!(sw.contains("Novemba"), "{sw}");
    }
}
