//! Light, dark or the system's choice. The choice is a preference, not a credential, so it is kept
//! in localStorage.

use leptos::prelude::*;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Theme {
    System,
    Light,
    Dark,
}

const KEY: &str = "kitty-theme";

impl Theme {
    pub fn as_str(self) -> &'static str {
        match self {
            Theme::System => "system",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Theme::System => "Same as device",
            Theme::Light => "Light",
            Theme::Dark => "Dark",
        }
    }

    fn parse(s: &str) -> Theme {
        match s {
            "light" => Theme::Light,
            "dark" => Theme::Dark,
            _ => Theme::System,
        }
    }
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

pub fn saved() -> Theme {
    storage()
        .and_then(|s| s.get_item(KEY).ok().flatten())
        .map(|v| Theme::parse(&v))
        .unwrap_or(Theme::System)
}

/// Applies `theme` to the page (`<html data-theme>`) and remembers it.
pub fn apply(theme: Theme) {
    if let Some(root) = document().document_element() {
        let _ = match theme {
            Theme::System => root.remove_attribute("data-theme"),
            t => root.set_attribute("data-theme", t.as_str()),
        };
    }
    if let Some(s) = storage() {
        let _ = s.set_item(KEY, theme.as_str());
    }
}
