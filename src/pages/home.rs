//! The dashboard: the person's kitties and their balances, invitations waiting for an answer,
//! and the latest of the inbox.

use crate::api;
use crate::components::feedback::{use_title, Loaded};
use crate::fmt::plural;
use crate::pages::inbox::{inbox_resource, NotificationItem};
use crate::session::use_session;
use kitty_api::kitty::{Kitty, KittyStatus};
use kitty_api::Money;
use leptos::prelude::*;
use leptos_router::components::A;

/// Kitties shown on Home; the rest are on the Kitties page.
const SHOWN: usize = 6;

#[component]
pub fn Home() -> impl IntoView {
    use_title("Home");
    let session = use_session();
    let inbox = inbox_resource();
    let kitties = LocalResource::new(|| api::ktti::kitties("", None));
    let invitations = LocalResource::new(api::ktti::my_invitations);
    let first_name = move || {
        session
            .user()
            .and_then(|u| u.name.split_whitespace().next().map(str::to_string))
            .unwrap_or_default()
    };
    let retry_kitties = Callback::new(move |_| kitties.refetch());
    let retry_inbox = Callback::new(move |_| inbox.refetch());
    let unread = move || {
        let n = session.unread.get();
        (n > 0).then(|| view! { <span class="section__count" data-testid="home-unread">{format!("{n} unread")}</span> })
    };

    view! {
        <div class="page">
            <header class="page__header">
                <h1>{move || format!("Hi, {}", first_name())}</h1>
            </header>
            <crate::pages::kitties::Invitations invitations on_answer=Callback::new(move |_| {
                invitations.refetch();
                kitties.refetch();
                inbox.refetch();
            }) />
            <section class="section" aria-labelledby="kitties-heading">
                <div class="section__header">
                    <h2 id="kitties-heading">"Your kitties"</h2>
                    <A href="/kitties" attr:class="link" attr:rel=crate::bundles::rel_for("/kitties")>"All kitties"</A>
                </div>
                <Loaded lines=3 retry=retry_kitties view=move || async move {
                    kitties.await.map(|list| {
                        let (shown, more) = on_home(list.ktties);
                        let has_shared = shown.iter().any(|k| !k.is_personal);
                        view! {
                            {(!shown.is_empty()).then(|| view! {
                                <ul class="kitty-grid">
                                    {shown.into_iter().map(|k| view! { <HomeKitty k /> }).collect_view()}
                                </ul>
                            })}
                            {(more > 0).then(|| view! {
                                <p class="home__more">
                                    <A href="/kitties" attr:class="link" attr:rel=crate::bundles::rel_for("/kitties")>
                                        {format!("and {} more", plural(more as i64, "kitty", "kitties"))}
                                    </A>
                                </p>
                            })}
                            {(!has_shared).then(|| view! { <StartKitty /> })}
                        }
                    })
                } />
            </section>
            <section class="section" aria-labelledby="inbox-heading">
                <div class="section__header">
                    <h2 id="inbox-heading">
                        "Inbox"
                        {unread}
                    </h2>
                    <A href="/inbox" attr:class="link">"Open inbox"</A>
                </div>
                <Loaded lines=3 retry=retry_inbox view=move || async move {
                    inbox.await.map(|list| {
                        if list.notifications.is_empty() {
                            view! { <p class="muted">"Nothing new. Deposits, card payments and invitations will appear here."</p> }.into_any()
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
        </div>
    }
}

/// The kitties Home lists, and how many more there are: closed ones are left to the Kitties
/// page, and at most [`SHOWN`] are listed.
pub fn on_home(mut kitties: Vec<Kitty>) -> (Vec<Kitty>, usize) {
    kitties.retain(|k| k.status != KittyStatus::Closed);
    let more = kitties.len().saturating_sub(SHOWN);
    kitties.truncate(SHOWN);
    (kitties, more)
}

/// One kitty: its name and what it can spend, linking to its page.
#[component]
fn HomeKitty(k: Kitty) -> impl IntoView {
    let href = format!("/kitties/{}", k.id);
    let rel = crate::bundles::rel_for(&href);
    let balance = Money::new(k.available_balance, k.currency).to_string();
    let members = (!k.is_personal).then(|| plural(k.member_count, "member", "members"));
    let status = (k.status != KittyStatus::Active).then(|| k.status.label());
    // "Personal" once: the personal kitty is usually called that.
    let personal = k.is_personal && !k.name.eq_ignore_ascii_case("personal");
    view! {
        <li>
            <A href=href attr:class="kitty-card" attr:rel=rel>
                <span class="kitty-card__top">
                    <span class="kitty-card__name">{k.name.clone()}</span>
                    {personal.then(|| view! { <span class="badge badge--soon">"Personal"</span> })}
                    {status.map(|s| view! { <span class="status status--expired">{s}</span> })}
                </span>
                <span class="kitty-card__balance">{balance}</span>
                <span class="row__meta">
                    "available"
                    {members.map(|m| format!(" · {m}"))}
                </span>
            </A>
        </li>
    }
}

/// For someone with no kitty to share yet: what a kitty is for, and the way to start one.
#[component]
fn StartKitty() -> impl IntoView {
    view! {
        <div class="card card--callout home__start">
            <h3 class="home__start-title">"Pool money with friends"</h3>
            <p>"Start a kitty for a trip, a flat or a gift: everyone pays in, the kitty's card pays, and every cost is split exactly."</p>
            <A href="/kitties" attr:class="btn btn--primary" attr:rel=crate::bundles::rel_for("/kitties")>"Start a kitty"</A>
        </div>
    }
}
