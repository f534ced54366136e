//! The dashboard: the person's kitties and their balances, invitations waiting for an answer,
//! and the latest of the inbox.

use crate::api;
use crate::components::feedback::{use_title, Loaded};
use crate::i18n::{fill, shell::ShellText};
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
    let t = ShellText::get();
    use_title(t.home);
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
        (n > 0).then(|| view! { <span class="section__count" data-testid="home-unread">{ShellText::count(n, t.unread, t.unread)}</span> })
    };

    view! {
        <div class="page">
            <header class="page__header">
                <h1>{move || fill(t.hi, &[("name", &first_name())])}</h1>
            </header>
            <crate::pages::kitties::Invitations invitations on_answer=Callback::new(move |_| {
                invitations.refetch();
                kitties.refetch();
                inbox.refetch();
            }) />
            <section class="section" aria-labelledby="kitties-heading">
                <div class="section__header">
                    <h2 id="kitties-heading">{t.your_kitties}</h2>
                    <A href="/kitties" attr:class="link" attr:rel=crate::bundles::rel_for("/kitties")>{t.all_kitties}</A>
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
                                        {ShellText::count(more as i64, t.and_more_one, t.and_more_other)}
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
                        {t.inbox}
                        {unread}
                    </h2>
                    <A href="/inbox" attr:class="link">{t.open_inbox}</A>
                </div>
                <Loaded lines=3 retry=retry_inbox view=move || async move {
                    inbox.await.map(|list| {
                        if list.notifications.is_empty() {
                            view! { <p class="muted">{t.nothing_new}</p> }.into_any()
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
    let t = ShellText::get();
    let balance = crate::fmt::money(Money::new(k.available_balance, k.currency));
    let members =
        (!k.is_personal).then(|| ShellText::count(k.member_count, t.members_one, t.members_other));
    let status = match k.status {
        KittyStatus::Active => None,
        KittyStatus::Closing => Some(t.closing),
        KittyStatus::Closed => Some(t.closed),
    };
    // "Personal" once: the personal kitty is usually called that.
    let personal = k.is_personal && !k.name.eq_ignore_ascii_case("personal");
    view! {
        <li>
            <A href=href attr:class="kitty-card" attr:rel=rel>
                <span class="kitty-card__top">
                    <span class="kitty-card__name">{t.kitty_name(&k.name, k.is_personal)}</span>
                    {personal.then(|| view! { <span class="badge badge--soon">{t.personal}</span> })}
                    {status.map(|s| view! { <span class="status status--expired">{s}</span> })}
                </span>
                <span class="kitty-card__balance">{balance}</span>
                <span class="row__meta">
                    {t.available}
                    {members.map(|m| format!(" · {m}"))}
                </span>
            </A>
        </li>
    }
}

/// For someone with no kitty to share yet: what a kitty is for, and the way to start one.
#[component]
fn StartKitty() -> impl IntoView {
    let t = ShellText::get();
    view! {
        <div class="card card--callout home__start">
            <h3 class="home__start-title">{t.start_title}</h3>
            <p>{t.start_body}</p>
            <A href="/kitties" attr:class="btn btn--primary" attr:rel=crate::bundles::rel_for("/kitties")>{t.start_kitty}</A>
        </div>
    }
}
