//! A kitty's frame: its header (balance, goal, where to deposit, the card), tabs, and the
//! closure banner. The pages under it read the kitty from context.

use super::money;
use crate::api::{self, ApiError};
use crate::components::copy::CopyButton;
use crate::components::feedback::Loaded;
use crate::i18n::kitties::KittyText;
use crate::i18n::shell::ShellText;
use crate::i18n::{digits, fill};
use kitty_api::kitty::{Kitty, KittyStatus, Role};
use leptos::prelude::*;
use leptos_router::components::{Outlet, A};
use leptos_router::hooks::use_params_map;

/// The kitty being viewed, shared with its tabs. Every view of its numbers (the header, the
/// members' totals, the activity, the closure guide) reads through [`KittyCtx::watch`], and every
/// write ends with [`KittyCtx::refresh`], so they all show the same balance after any change.
#[derive(Clone, Copy)]
pub struct KittyCtx {
    pub id: Memo<String>,
    pub kitty: LocalResource<Result<Kitty, ApiError>>,
    /// Bumped after every write to this kitty.
    pub version: RwSignal<u64>,
    /// Chat messages by others that the person has not read (the Chat tab's badge).
    pub unread: RwSignal<i64>,
}

impl KittyCtx {
    /// The kitty once loaded (tabs render under the loaded header, so this is set there).
    pub fn get(&self) -> Option<Kitty> {
        self.kitty.get().and_then(|r| r.ok())
    }

    pub fn is_admin(&self) -> bool {
        self.get().is_some_and(|k| k.my_role == Role::Admin)
    }

    /// The kitty's id, for a resource that must reload whenever the kitty changes.
    pub fn watch(&self) -> String {
        self.version.track();
        // Back online: read again.
        crate::api::offline::track();
        self.id.get()
    }

    /// Something changed the kitty: every view of it reloads.
    pub fn refresh(&self) {
        self.version.update(|v| *v += 1);
    }
}

pub fn use_kitty() -> KittyCtx {
    expect_context::<KittyCtx>()
}

#[component]
pub fn KittyLayout() -> impl IntoView {
    let params = use_params_map();
    let id = Memo::new(move |_| params.with(|p| p.get("id").unwrap_or_default()));
    let version = RwSignal::new(0u64);
    let kitty = LocalResource::new(move || {
        version.track();
        let id = id.get();
        async move { api::ktti::kitty(&id).await }
    });
    let unread = RwSignal::new(0i64);
    let ctx = KittyCtx {
        id,
        kitty,
        version,
        unread,
    };
    provide_context(ctx);
    // Money moves from outside too (deposits, card payments, other members): the header reloads
    // when another tab of the kitty opens (the tab loads its own data fresh), and everything
    // reloads when the person comes back to the window.
    let location = leptos_router::hooks::use_location();
    // The Chat tab's badge follows every change (a message is one); the chat page keeps the
    // count itself while it is open, as it marks messages read. Only the latest answer counts.
    let on_chat = Memo::new(move |_| location.pathname.with(|p| p.ends_with("/chat")));
    let asked = StoredValue::new(0u32);
    Effect::new(move || {
        let id = ctx.watch();
        if on_chat.get() {
            return;
        }
        let n = asked.get_value().wrapping_add(1);
        asked.set_value(n);
        leptos::task::spawn_local(async move {
            let page = api::ktti::chat(&id, None, 1).await;
            if let Ok(p) = page {
                if asked.try_get_value() == Some(n) && on_chat.try_get_untracked() == Some(false) {
                    unread.try_set(p.unread);
                }
            }
        });
    });
    // On a phone the tab row scrolls: the open tab is brought into view, and a faded edge shows
    // on each side that has more tabs.
    let tabs = NodeRef::<leptos::html::Nav>::new();
    let edges = RwSignal::new((false, false));
    let measure = move || {
        if let Some(nav) = tabs.get_untracked() {
            let left = nav.scroll_left();
            let more = nav.scroll_width() - nav.client_width();
            edges.set((left > 1, left < more - 1));
        }
    };
    let center = move |tab: web_sys::HtmlElement| {
        if let Some(nav) = tabs.get_untracked() {
            nav.set_scroll_left(tab.offset_left() - (nav.client_width() - tab.offset_width()) / 2);
            measure();
        }
    };
    Effect::new(move || {
        location.pathname.track();
        if let Some(nav) = tabs.get() {
            request_animation_frame(move || {
                use wasm_bindgen::JsCast;
                let tab = nav.query_selector("[aria-current=page]").ok().flatten();
                match tab.and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok()) {
                    Some(tab) => center(tab),
                    None => measure(),
                }
            });
        }
    });
    let resize = window_event_listener(leptos::ev::resize, move |_| measure());
    on_cleanup(move || resize.remove());
    // Where each tab goes, and whether it is the open one: a transaction's page is part of the
    // Activity tab.
    let path = Memo::new(move |_| location.pathname.get());
    let on_tx = Memo::new(move |_| path.with(|p| tab_key(p) == "transactions"));
    let tab_links = move || {
        let base = format!("/kitties/{}", id.get());
        KITTY_TABS.map(|rest| {
            let label = tab_label(rest.trim_start_matches('/'));
            let href = format!("{base}{rest}");
            let base = base.clone();
            let current = move || path.with(|p| tab_is_open(p, &base, rest));
            (href, label, current, rest == "/chat")
        })
    };
    // The header's account and card details fold away on a phone. Unless the person opened or
    // closed them, they are open only on the Activity tab of a kitty with nothing in it yet
    // (the account to deposit to is what a new kitty needs first).
    let details_choice = RwSignal::new(None::<bool>);
    let details_open = Signal::derive(move || {
        details_choice.get().unwrap_or_else(|| {
            path.with(|p| tab_key(p).is_empty())
                && kitty
                    .get()
                    .and_then(|r| r.ok())
                    .is_some_and(|k| k.available_balance == 0 && k.status == KittyStatus::Active)
        })
    });
    Effect::new(move |seen: Option<String>| {
        let path = location.pathname.get();
        if seen.is_some_and(|p| p != path) {
            kitty.refetch();
        }
        path
    });
    let focus = window_event_listener(leptos::ev::focus, move |_| {
        version.update(|v| *v += 1);
    });
    on_cleanup(move || focus.remove());
    // Changes by other members, the bank or the card network arrive as server-sent events. The
    // stream closes when the page goes (its stored value is dropped with it).
    let stream = StoredValue::new_local(None::<crate::live::Stream>);
    let open = move |id: &str| {
        let path = format!("/api/v3/ktties/{}/events", crate::api::enc(id));
        let url = crate::api::url(crate::api::Provider::Ktti, &path);
        stream.set_value(crate::live::Stream::open(&url, "changed", move |_| {
            version.update(|v| *v += 1)
        }));
    };
    Effect::new(move || {
        // Opened again when the connection comes back, rather than whenever the browser next
        // retries the one that failed.
        crate::api::offline::track();
        open(&id.get())
    });
    // A stream refused (its session's access token had expired) opens again: the page's other
    // requests refresh the session meanwhile, and the reopened stream's first change reloads all.
    if let Ok(h) = set_interval_with_handle(
        move || {
            if stream.with_value(|s| s.as_ref().is_none_or(crate::live::Stream::gave_up)) {
                open(&id.get_untracked());
                version.update(|v| *v += 1);
            }
        },
        std::time::Duration::from_secs(15),
    ) {
        on_cleanup(move || h.clear());
    }
    let retry = Callback::new(move |_| kitty.refetch());
    // The kitty on screen: the latest one loaded, kept while it reloads or if a reload fails.
    let shown = Memo::new(move |was: Option<&Option<Kitty>>| match kitty.get() {
        Some(Ok(k)) => Some(k),
        _ => was
            .cloned()
            .flatten()
            .filter(|k| k.id == id.get_untracked()),
    });
    // Each tab has its own page title: "Chat · Weekend in Kish · Kitty".
    Effect::new(move |_| {
        let path = path.get();
        let name = kitty.get().and_then(|r| r.ok()).map(|k| k.name);
        document().set_title(&page_title(&path, name.as_deref()));
    });
    let words = KittyText::get();
    let back = move || {
        if on_tx.get() {
            let href = format!("/kitties/{}", id.get());
            let rel = crate::bundles::rel_for(&href);
            view! { <a href=href class="back" rel=rel>{words.tab_activity}</a> }.into_any()
        } else {
            view! { <A href="/kitties" attr:class="back">{ShellText::get().kitties}</A> }.into_any()
        }
    };
    view! {
        <div class="page">
            {back}
            // The header is built once and follows the kitty's changes in place, so that focus
            // on its heading or buttons survives the reloads after every change.
            <Show when=move || shown.with(Option::is_some) fallback=move || view! {
                <Loaded lines=5 retry view=move || async move { kitty.await.map(|_| ()) } />
            }>
                <Header k=shown on_tx details_open details_choice />
            </Show>
            <Show when=move || shown.with(Option::is_some)>
                <nav class="tabs kitty-tabs" aria-label=words.kitty node_ref=tabs
                    class:kitty-tabs--more-start=move || edges.get().0
                    class:kitty-tabs--more-end=move || edges.get().1
                    on:scroll=move |_| measure()>
                    {move || tab_links().into_iter().map(|(href, label, current, chat)| {
                        let rel = crate::bundles::rel_for(&href);
                        view! {
                            <a href=href class="tabs__tab" rel=rel aria-current=move || current().then_some("page")>{label}
                                {chat.then(|| view! {
                                    <Show when=move || { unread.get() > 0 }>
                                        <span class="tabs__badge">{move || digits(&unread.get().min(99).to_string())}<span class="visually-hidden">{words.unread}</span></span>
                                    </Show>
                                })}
                            </a>
                        }
                    }).collect_view()}
                </nav>
                <Outlet />
            </Show>
        </div>
    }
}

/// A kitty's tabs: the path after `/kitties/{id}`.
const KITTY_TABS: [&str; 7] = [
    "",
    "/chat",
    "/moments",
    "/members",
    "/split",
    "/card",
    "/settings",
];

/// Whether the tab at `{base}{rest}` is the open one at `path`: a transaction's page belongs to
/// the Activity tab.
fn tab_is_open(path: &str, base: &str, rest: &str) -> bool {
    let path = path.trim_end_matches('/');
    let tab = format!("{base}{rest}");
    if rest.is_empty() {
        path == base || path.starts_with(&format!("{base}/transactions/"))
    } else {
        path == tab || path.starts_with(&format!("{tab}/"))
    }
}

/// The document title of a kitty's page: "Members · Weekend in Kish · Kitty"; "Members · Kitty"
/// while the kitty's name is not known yet.
pub fn page_title(path: &str, kitty_name: Option<&str>) -> String {
    match kitty_name {
        Some(name) => format!("{} · {name} · Kitty", tab_title(path)),
        None => format!("{} · Kitty", tab_title(path)),
    }
}

/// The tab a kitty path shows (`/kitties/{id}/members` is "Members"), for the page title.
pub fn tab_title(path: &str) -> &'static str {
    tab_label(tab_key(path))
}

/// The part of a kitty path after `/kitties/{id}/` that names its tab: `members`; empty for the
/// Activity tab.
fn tab_key(path: &str) -> &str {
    path.trim_end_matches('/').split('/').nth(3).unwrap_or("")
}

/// The name of the tab at `/kitties/{id}/{key}` in this page's language.
fn tab_label(key: &str) -> &'static str {
    let t = KittyText::get();
    match key {
        "" => t.tab_activity,
        "chat" => t.tab_chat,
        "moments" => t.tab_moments,
        "members" => t.tab_members,
        "split" => t.tab_split,
        "card" => t.tab_card,
        "settings" => t.tab_settings,
        "transactions" => t.tab_transaction,
        _ => t.kitty,
    }
}

/// The kitty's name, balance and goal, and where to deposit and its card. On a phone the
/// description, account and card fold away behind a button, so every tab starts near the top.
/// On a transaction's page the transaction has the page's `h1`, so the kitty's name is a line.
/// Built once: each part follows `k`, so the elements (and focus on them) stay.
#[component]
fn Header(
    k: Memo<Option<Kitty>>,
    on_tx: Memo<bool>,
    details_open: Signal<bool>,
    details_choice: RwSignal<Option<bool>>,
) -> impl IntoView {
    let name = move || k.with(|k| k.as_ref().map(|k| k.name.clone()).unwrap_or_default());
    let title = move || {
        if on_tx.get() {
            view! { <p class="kitty-header__name">{name}</p> }.into_any()
        } else {
            view! { <h1 class="kitty-header__name">{name}</h1> }.into_any()
        }
    };
    let t = KittyText::get();
    let status = Memo::new(move |_| k.with(|k| k.as_ref().map(|k| (k.id.clone(), k.status))));
    let banner = move || {
        status.get().and_then(|(id, status)| match status {
            KittyStatus::Closing => {
                let settings = format!("/kitties/{id}/settings");
                let rel = crate::bundles::rel_for(&settings);
                Some(view! {
                    <div class="banner banner--warning" role="status">
                        <strong>{t.closing_banner}</strong>{t.card_frozen}
                        <a href=settings rel=rel>{t.see_closure}</a>
                    </div>
                }.into_any())
            }
            KittyStatus::Closed => Some(view! {
                <div class="banner" role="status"><strong>{t.closed_banner}</strong>{t.history_stays}</div>
            }.into_any()),
            KittyStatus::Active => None,
        })
    };
    let balance = move || k.with(|k| k.as_ref().map(|k| money(k.available_balance, k)));
    let goal = move || {
        k.with(|k| {
            let k = k.as_ref()?;
            let g = k.goal_amount?;
            let have = k.available_balance.clamp(0, g);
            let pct = (have * 100).checked_div(g).unwrap_or(0);
            Some(view! {
                <div class="goal-row kitty-header__goal">
                    <progress class="goal" max=g.to_string() value=have.to_string() aria-label=t.goal_progress></progress>
                    <span class="row__meta">{fill(t.goal_of, &[("pct", &digits(&pct.to_string())), ("amount", &money(g, k))])}</span>
                </div>
            })
        })
    };
    let description = move || {
        k.with(|k| k.as_ref().and_then(|k| k.description.clone()))
            .map(|d| view! { <p class="muted kitty-header__description">{d}</p> })
    };
    // The account and card change rarely: their copy buttons are rebuilt only when they do.
    let facts =
        Memo::new(move |_| k.with(|k| k.as_ref().map(|k| (k.account.clone(), k.card.clone()))));
    let facts = move || {
        facts.get().map(|(account, card)| view! {
            <dl class="kitty-header__facts">
                <div>
                    <dt>{t.deposit_to}</dt>
                    <dd>
                        <span class="row__meta">{account.account_name.clone()}</span>
                        <span class="copy-line"><span>"BSB "<span class="mono">{account.bsb.clone()}</span></span>
                            <CopyButton value=account.bsb.clone() label=t.copy done=t.copied what="BSB" /></span>
                        <span class="copy-line"><span>{t.account}<span class="mono">{account.account_number.clone()}</span></span>
                            <CopyButton value=account.account_number.clone() label=t.copy done=t.copied what=t.account_number /></span>
                    </dd>
                </div>
                <div>
                    <dt>{t.tab_card}</dt>
                    <dd><span class="mono">{card.masked_number.clone()}</span>" "
                        <span class=format!("status status--card-{}", card.status.as_str())>{t.card_status(card.status)}</span></dd>
                </div>
            </dl>
        })
    };
    view! {
        {banner}
        <header class="kitty-header" class:kitty-header--open=move || details_open.get()>
            {title}
            <p class="kitty-header__balance">{balance}<span class="row__meta">{t.available}</span></p>
            {goal}
            <button type="button" class="btn btn--secondary btn--small kitty-header__toggle"
                aria-expanded=move || details_open.get().to_string() aria-controls="kitty-details"
                on:click=move |_| details_choice.set(Some(!details_open.get_untracked()))>
                {t.details_toggle}<span class="kitty-header__chevron" aria-hidden="true"></span>
            </button>
            <div class="kitty-header__more" id="kitty-details">
                {description}
                {facts}
            </div>
        </header>
    }
}
