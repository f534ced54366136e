//! The dashboard: a greeting, the latest of the inbox, and the way into each area.

use crate::components::feedback::{use_title, Loaded};
use crate::components::icons::{Icon, IconSvg};
use crate::pages::inbox::{inbox_resource, NotificationItem};
use crate::session::use_session;
use leptos::prelude::*;
use leptos_router::components::A;

struct AreaCard {
    href: &'static str,
    icon: Icon,
    title: &'static str,
    text: &'static str,
}

const AREAS: [AreaCard; 3] = [
    AreaCard {
        href: "/kitties",
        icon: Icon::Kitty,
        title: "Kitties",
        text: "Pool money with friends, spend with a shared card, split every cost exactly.",
    },
    AreaCard {
        href: "/merchant",
        icon: Icon::Merchant,
        title: "Merchant",
        text: "Shops, payment links with a checkout page, and every payment in one list.",
    },
    AreaCard {
        href: "/ramp",
        icon: Icon::Ramp,
        title: "Ramp",
        text: "Move money in and out by mobile money, bank, paybill and till.",
    },
];

#[component]
pub fn Home() -> impl IntoView {
    use_title("Home");
    let session = use_session();
    let inbox = inbox_resource();
    let first_name = move || {
        session
            .user()
            .and_then(|u| u.name.split_whitespace().next().map(str::to_string))
            .unwrap_or_default()
    };
    let retry = Callback::new(move |_| inbox.refetch());

    view! {
        <div class="page">
            <header class="page__header">
                <h1>{move || format!("Hi, {}", first_name())}</h1>
            </header>
            <section class="section" aria-labelledby="latest-heading">
                <div class="section__header">
                    <h2 id="latest-heading">"Latest"</h2>
                    <A href="/inbox" attr:class="link">"Open inbox"</A>
                </div>
                <Loaded lines=3 retry view=move || async move {
                            inbox.await.map(|list| {
                                if list.notifications.is_empty() {
                                    view! { <p class="muted">"Nothing new. Activity from your kitties and shops will appear here."</p> }.into_any()
                                } else {
                                    view! {
                                        <ul class="notice-list">
                                            {list.notifications.into_iter().take(3).map(|n| view! { <NotificationItem n /> }).collect_view()}
                                        </ul>
                                    }.into_any()
                                }
                            })
                        } />
            </section>
            <section class="section" aria-labelledby="areas-heading">
                <h2 id="areas-heading">"Your areas"</h2>
                <ul class="area-grid">
                    {AREAS.iter().map(|a| view! {
                        <li>
                            <A href=a.href attr:class="area-card" attr:rel=crate::bundles::rel_for(a.href)>
                                <IconSvg icon=a.icon />
                                <span class="area-card__title">{a.title}</span>
                                <span class="area-card__text">{a.text}</span>
                            </A>
                        </li>
                    }).collect_view()}
                </ul>
            </section>
        </div>
    }
}
