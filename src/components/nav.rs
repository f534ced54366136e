//! The main navigation: a side bar on desktop, a bar along the bottom on phones (same markup,
//! laid out by CSS).

use super::icons::{Icon, IconSvg};
use leptos::prelude::*;
use leptos_router::components::A;

/// One destination in the main navigation.
pub struct NavItem {
    pub href: &'static str,
    pub icon: Icon,
    /// Phones show five items at most; the rest are reached from the header.
    pub phone: bool,
}

pub const NAV_ITEMS: [NavItem; 6] = [
    NavItem {
        href: "/",
        icon: Icon::Home,
        phone: true,
    },
    NavItem {
        href: "/kitties",
        icon: Icon::Kitty,
        phone: true,
    },
    NavItem {
        href: "/merchant",
        icon: Icon::Merchant,
        phone: true,
    },
    NavItem {
        href: "/ramp",
        icon: Icon::Ramp,
        phone: true,
    },
    NavItem {
        href: "/inbox",
        icon: Icon::Inbox,
        phone: true,
    },
    NavItem {
        href: "/account",
        icon: Icon::Account,
        phone: false,
    },
];

/// The main navigation. `unread` puts a count on the Inbox item.
#[component]
pub fn Nav(#[prop(into)] unread: Signal<i64>) -> impl IntoView {
    let t = crate::i18n::shell::ShellText::get();
    view! {
        <nav class="nav" aria-label=t.nav_main>
            <ul class="nav__list">
                {NAV_ITEMS
                    .iter()
                    .map(|item| {
                        let is_inbox = item.href == "/inbox";
                        view! {
                            <li class="nav__item" class:nav__item--desktop-only=!item.phone>
                                <A href=item.href exact=item.href == "/" attr:class="nav__link"
                                    attr:rel=crate::bundles::rel_for(item.href)>
                                    <IconSvg icon=item.icon />
                                    <span class="nav__label">{t.nav_label(item.href)}</span>
                                    {is_inbox.then(|| view! {
                                        <Show when=move || { unread.get() > 0 }>
                                            <span class="nav__badge">
                                                {move || crate::i18n::digits(&unread.get().min(99).to_string())}
                                                <span class="visually-hidden">{t.unread.replace("{n}", "")}</span>
                                            </span>
                                        </Show>
                                    })}
                                </A>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </nav>
    }
}
