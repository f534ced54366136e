//! The app's words in English, Swahili and Persian.
//!
//! Each part of the app has its own small catalogue (a struct with one field per phrase), written
//! with [`catalogue!`]: every phrase names its three translations on one line, so a phrase missing
//! in one language fails the build, and a bundle carries only the catalogues its pages use (keep
//! them per area: a bundle that uses one phrase of a catalogue carries all of it, in all three
//! languages). What several areas say alike (the shared checks' messages, a list of deliveries)
//! is written once, in a small catalogue of its own ([`money`], [`validate`], [`deliveries`]), so
//! a fix to its translation is made in one place. Measured on the same 80 phrases in three languages, with an English-only build as
//! the baseline: this way (no reactive text, a reload on a change of language) adds 10.4 KB of
//! brotli; `leptos_i18n` 0.6.2 added 31.7–77.6 KB, and reports a phrase missing in one language
//! only as a warning (the README gives the figures).
//!
//! The language is chosen once per page load ([`init`]): the one saved on this device, else the
//! browser's first language Kitty speaks, else English. Changing it ([`switch`]) saves the choice
//! and reloads, so no text has to be reactive to it. Persian pages are right to left
//! (`<html dir="rtl">`), and can show Persian digits ([`digits`]).

pub mod account;
pub mod auth;
pub mod deliveries;
pub mod errors;
pub mod kitties;
pub mod media;
pub mod merchant;
pub mod money;
pub mod ramp;
pub mod rampchain;
pub mod shell;
pub mod validate;

use std::cell::Cell;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    En,
    Sw,
    Fa,
}

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::En, Lang::Sw, Lang::Fa];

    /// The BCP 47 tag, for `<html lang>` and the browser's `Intl`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Sw => "sw",
            Lang::Fa => "fa",
        }
    }

    pub fn dir(self) -> &'static str {
        match self {
            Lang::Fa => "rtl",
            _ => "ltr",
        }
    }

    /// The language's name in itself, as a language picker shows it.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Sw => "Kiswahili",
            Lang::Fa => "فارسی",
        }
    }

    /// The language of a tag such as `sw-KE` or `fa`; `None` for one Kitty does not speak.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.split(['-', '_']).next()?.to_ascii_lowercase();
        match primary.as_str() {
            "en" => Some(Lang::En),
            "sw" => Some(Lang::Sw),
            "fa" => Some(Lang::Fa),
            _ => None,
        }
    }
}

thread_local! {
    static CURRENT: Cell<Lang> = const { Cell::new(Lang::En) };
    static PERSIAN_DIGITS: Cell<bool> = const { Cell::new(false) };
}

const LANG_KEY: &str = "kitty-lang";
const DIGITS_KEY: &str = "kitty-digits";

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

/// The language of this page load.
pub fn lang() -> Lang {
    CURRENT.with(Cell::get)
}

/// The language saved on this device, else the browser's first that Kitty speaks, else English.
pub fn preferred() -> Lang {
    let saved = storage()
        .and_then(|s| s.get_item(LANG_KEY).ok().flatten())
        .and_then(|t| Lang::from_tag(&t));
    saved
        .or_else(|| {
            let navigator = web_sys::window()?.navigator();
            navigator
                .languages()
                .iter()
                .filter_map(|t| t.as_string())
                .chain(navigator.language())
                .find_map(|t| Lang::from_tag(&t))
        })
        .unwrap_or(Lang::En)
}

/// Chooses the language for this page load and marks the document with it (`lang`, `dir`).
/// Each bundle calls it before it draws anything.
pub fn init() {
    set_current(preferred());
    let digits = storage()
        .and_then(|s| s.get_item(DIGITS_KEY).ok().flatten())
        .is_some_and(|v| v == "persian");
    PERSIAN_DIGITS.with(|d| d.set(digits));
}

fn set_current(lang: Lang) {
    CURRENT.with(|c| c.set(lang));
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = root.set_attribute("lang", lang.code());
        let _ = root.set_attribute("dir", lang.dir());
    }
}

/// Saves `lang` as this device's choice (the buyer pages, whose text follows a signal, apply it
/// at once).
pub fn save(lang: Lang) {
    if let Some(s) = storage() {
        let _ = s.set_item(LANG_KEY, lang.code());
    }
}

/// Saves `lang` as this device's choice and reloads the page in it.
pub fn switch(lang: Lang) {
    save(lang);
    if let Some(w) = web_sys::window() {
        let _ = w.location().reload();
    }
}

/// Whether numbers are shown with Persian digits (۰–۹), a choice for Persian readers.
pub fn persian_digits() -> bool {
    PERSIAN_DIGITS.with(Cell::get)
}

/// Saves the digits choice and reloads the page with it.
pub fn set_persian_digits(on: bool) {
    if let Some(s) = storage() {
        let _ = s.set_item(DIGITS_KEY, if on { "persian" } else { "latin" });
    }
    if let Some(w) = web_sys::window() {
        let _ = w.location().reload();
    }
}

/// `text` with its ASCII digits as Persian ones when the person chose those; as it is otherwise.
pub fn digits(text: &str) -> String {
    if persian_digits() {
        to_persian_digits(text)
    } else {
        text.to_string()
    }
}

pub fn to_persian_digits(text: &str) -> String {
    text.chars()
        .map(|c| match c.to_digit(10) {
            Some(d) if c.is_ascii_digit() => char::from_u32(0x06F0 + d).unwrap_or(c),
            _ => c,
        })
        .collect()
}

/// `template` with each `{name}` replaced by its value, in the order given.
/// On a right-to-left page each value is isolated (U+2068 … U+2069), so a Latin name or a number
/// beside Persian words keeps its order ("از R KARIMI SAVINGS · 5 آذر" would otherwise draw the
/// day beside the name).
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let isolate = lang().dir() == "rtl";
    let mut out = template.to_string();
    for (name, value) in values {
        let value = if isolate {
            format!("\u{2068}{value}\u{2069}")
        } else {
            (*value).to_string()
        };
        out = out.replace(&format!("{{{name}}}"), &value);
    }
    out
}

/// `english`, a message of the shared checks (`kitty_api`), as the phrase of `here` in the place
/// its English is in `en` (a catalogue's messages, in English and in the language wanted): a
/// `{n}` in a phrase stands for a number, kept (in the digits chosen). `None` when it is none of
/// them.
pub fn translate(en: &[&str], here: &[&'static str], english: &str) -> Option<String> {
    en.iter()
        .zip(here)
        .find_map(|(en, here)| match en.split_once("{n}") {
            None => (*en == english).then(|| here.to_string()),
            Some((before, after)) => english
                .strip_prefix(before)?
                .strip_suffix(after)
                .filter(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit() || b == b','))
                .map(|n| digits(&fill(here, &[("n", n)]))),
        })
}

/// A piece of a phrase: its text, or one of its `{slots}` by name.
#[derive(Debug, PartialEq, Eq)]
pub enum Piece<'a> {
    Text(&'a str),
    Slot(&'a str),
}

/// The pieces of `template` in order, for phrases whose values are drawn as elements (an address
/// in bold, a `<time>`) rather than filled in as text.
pub fn pieces(template: &str) -> Vec<Piece<'_>> {
    let mut out = Vec::new();
    let mut rest = template;
    while let Some(start) = rest.find('{') {
        let Some(len) = rest[start..].find('}') else {
            break;
        };
        if start > 0 {
            out.push(Piece::Text(&rest[..start]));
        }
        out.push(Piece::Slot(&rest[start + 1..start + len]));
        rest = &rest[start + len + 1..];
    }
    if !rest.is_empty() {
        out.push(Piece::Text(rest));
    }
    out
}

/// A catalogue: a struct of phrases, and its English, Swahili and Persian values. Every phrase is
/// one line, `name: "English", "Swahili", "Persian";`, so a missing translation does not compile.
/// `Catalogue::get()` gives the one of this page load's language.
#[macro_export]
macro_rules! catalogue {
    ($(#[$meta:meta])* pub struct $name:ident { $($(#[$fmeta:meta])* $key:ident: $en:literal, $sw:literal, $fa:literal;)* }) => {
        $(#[$meta])*
        #[allow(non_snake_case)]
        pub struct $name {
            $($(#[$fmeta])* pub $key: &'static str,)*
        }

        impl $name {
            pub const EN: $name = $name { $($key: $en,)* };
            pub const SW: $name = $name { $($key: $sw,)* };
            pub const FA: $name = $name { $($key: $fa,)* };

            pub fn of(lang: $crate::i18n::Lang) -> &'static $name {
                match lang {
                    $crate::i18n::Lang::En => &Self::EN,
                    $crate::i18n::Lang::Sw => &Self::SW,
                    $crate::i18n::Lang::Fa => &Self::FA,
                }
            }

            /// This page load's language.
            pub fn get() -> &'static $name {
                Self::of($crate::i18n::lang())
            }
        }
    };
}

pub use catalogue;

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    fn tags_and_digits() {
        assert_eq!(Lang::from_tag("sw-KE"), Some(Lang::Sw));
        assert_eq!(Lang::from_tag("FA_ir"), Some(Lang::Fa));
        assert_eq!(Lang::from_tag("de"), None);
        assert_eq!(to_persian_digits("A$1,250.50"), "A$۱,۲۵۰.۵۰");
        assert_eq!(
            pieces("Sent to {to}."),
            vec![Piece::Text("Sent to "), Piece::Slot("to"), Piece::Text(".")]
        );
        assert_eq!(
            fill(
                "Sent to {to} at {time}.",
                &[("to", "a@b"), ("time", "07:45")]
            ),
            "Sent to a@b at 07:45."
        );
    }
}
