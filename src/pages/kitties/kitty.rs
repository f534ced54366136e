//! A kitty's frame: its header (balance, goal, where to deposit, the card), tabs, and the
//! closure banner. The pages under it read the kitty from context.

use super::money;
use crate::api::{self, ApiError};
use crate::components::copy::CopyButton;
use crate::components::feedback::Loaded;
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
    // On a phone the tab row scrolls: the open tab is brought into view.
    let tabs = NodeRef::<leptos::html::Nav>::new();
    Effect::new(move || {
        location.pathname.track();
        if let Some(nav) = tabs.get() {
            request_animation_frame(move || {
                use wasm_bindgen::JsCast;
                let tab = nav.query_selector("[aria-current=page]").ok().flatten();
                if let Some(tab) = tab.and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok()) {
                    nav.set_scroll_left(
                        tab.offset_left() - (nav.client_width() - tab.offset_width()) / 2,
                    );
                }
            });
        }
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
    Effect::new(move || open(&id.get()));
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
    // Each tab has its own page title: "Chat · Weekend in Kish · Kitty".
    let location = leptos_router::hooks::use_location();
    Effect::new(move |_| {
        let path = location.pathname.get();
        if let Some(Ok(k)) = kitty.get() {
            document().set_title(&format!("{} · {} · Kitty", tab_title(&path), k.name));
        }
    });
    view! {
        <div class="page">
            <A href="/kitties" attr:class="back">"← Kitties"</A>
            <Loaded lines=5 retry view=move || async move { kitty.await.map(|k| view! { <Header k /> }) } />
            <Show when=move || kitty.get().is_some_and(|r| r.is_ok())>
                <nav class="tabs" aria-label="Kitty" node_ref=tabs>
                    {move || {
                        let base = format!("/kitties/{}", id.get());
                        [("", "Activity"), ("/chat", "Chat"), ("/moments", "Moments"), ("/members", "Members"), ("/split", "Split"), ("/card", "Card"), ("/settings", "Settings")]
                            .into_iter()
                            .map(|(rest, label)| view! {
                                <A href=format!("{base}{rest}") exact=rest.is_empty() attr:class="tabs__tab"
                                    attr:rel=crate::bundles::rel_for(&format!("{base}{rest}"))>{label}
                                    {(rest == "/chat").then(|| view! {
                                        <Show when=move || { unread.get() > 0 }>
                                            <span class="tabs__badge">{move || unread.get().min(99)}<span class="visually-hidden">" unread"</span></span>
                                        </Show>
                                    })}
                                </A>
                            })
                            .collect_view()
                    }}
                </nav>
                <Outlet />
            </Show>
        </div>
    }
}

/// The tab a kitty path shows, for the page title.
fn tab_title(path: &str) -> &'static str {
    let rest: Vec<&str> = path.trim_end_matches('/').split('/').skip(3).collect();
    match rest.first().copied() {
        None => "Activity",
        Some("chat") => "Chat",
        Some("moments") => "Moments",
        Some("members") => "Members",
        Some("split") => "Split",
        Some("card") => "Card",
        Some("settings") => "Settings",
        Some("transactions") => "Transaction",
        Some(_) => "Kitty",
    }
}

#[component]
fn Header(k: Kitty) -> impl IntoView {
    let goal = k.goal_amount.map(|g| {
        let have = k.available_balance.clamp(0, g);
        let pct = (have * 100).checked_div(g).unwrap_or(0);
        view! {
            <div class="goal-row">
                <progress class="goal" max=g.to_string() value=have.to_string() aria-label="Goal progress"></progress>
                <span class="row__meta">{format!("{pct}% of {}", money(g, &k))}</span>
            </div>
        }
    });
    let closing = k.status == KittyStatus::Closing;
    let closed = k.status == KittyStatus::Closed;
    let settings = format!("/kitties/{}/settings", k.id);
    view! {
        {closing.then(|| view! {
            <div class="banner banner--warning" role="status">
                <strong>"This kitty is closing."</strong>" The card is frozen. "
                <A href=settings.clone()>"See the closure"</A>
            </div>
        })}
        {closed.then(|| view! { <div class="banner" role="status"><strong>"This kitty is closed."</strong>" Its history stays here."</div> })}
        <header class="kitty-header">
            <div>
                <h1>{k.name.clone()}</h1>
                {k.description.clone().map(|d| view! { <p class="muted">{d}</p> })}
                <p class="kitty-header__balance">{money(k.available_balance, &k)}<span class="row__meta">" available"</span></p>
                {goal}
            </div>
            <dl class="kitty-header__facts">
                <div>
                    <dt>"Deposit to"</dt>
                    <dd>
                        <span class="row__meta">{k.account.account_name.clone()}</span>
                        <span class="copy-line"><span>"BSB "<span class="mono">{k.account.bsb.clone()}</span></span>
                            <CopyButton value=k.account.bsb.clone() label="Copy" done="Copied" what="BSB" /></span>
                        <span class="copy-line"><span>"Account "<span class="mono">{k.account.account_number.clone()}</span></span>
                            <CopyButton value=k.account.account_number.clone() label="Copy" done="Copied" what="account number" /></span>
                    </dd>
                </div>
                <div>
                    <dt>"Card"</dt>
                    <dd><span class="mono">{k.card.masked_number.clone()}</span>" "
                        <span class=format!("status status--card-{}", k.card.status.as_str())>{k.card.status.label()}</span></dd>
                </div>
            </dl>
        </header>
    }
}
