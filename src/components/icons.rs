//! Line icons drawn with the text colour. Decorative: the label next to them carries the meaning.

use leptos::prelude::*;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Icon {
    Home,
    Kitty,
    Merchant,
    Ramp,
    Inbox,
    Account,
}

impl Icon {
    fn path(self) -> &'static str {
        match self {
            Icon::Home => "M3 11l9-8 9 8M5 10v10h5v-6h4v6h5V10",
            Icon::Kitty => "M4 8h16v11a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1zM8 8V6a4 4 0 0 1 8 0v2M9 13h6",
            Icon::Merchant => {
                "M3 9l2-5h14l2 5M3 9h18v2a3 3 0 0 1-6 0 3 3 0 0 1-6 0 3 3 0 0 1-6 0zM5 13v7h14v-7"
            }
            Icon::Ramp => "M7 4v16M7 4l-3 3M7 4l3 3M17 20V4M17 20l-3-3M17 20l3-3",
            Icon::Inbox => "M3 13l3-8h12l3 8M3 13v6h18v-6M3 13h5l1 3h6l1-3h5",
            Icon::Account => "M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8zM4 21a8 8 0 0 1 16 0",
        }
    }
}

#[component]
pub fn IconSvg(icon: Icon) -> impl IntoView {
    view! {
        <svg
            class="icon"
            viewBox="0 0 24 24"
            width="24"
            height="24"
            fill="none"
            stroke="currentColor"
            stroke-width="1.8"
            stroke-linecap="round"
            stroke-linejoin="round"
            aria-hidden="true"
            focusable="false"
        >
            <path d=icon.path()></path>
        </svg>
    }
}
