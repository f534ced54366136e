//! The app inbox (KttiPay notifications).

use crate::api::{self, ApiError};
use crate::components::feedback::{on_done, use_title, write, EmptyState, Failure, Loaded};
use crate::components::toast::use_toasts;
use crate::fmt;
use crate::i18n::{
    digits, fill,
    shell::{InboxText, ShellText},
};
use crate::session::use_session;
use kitty_api::notifications::{InboxAction, Notification, NotificationKind, NotificationList};
use leptos::prelude::*;
use leptos_router::components::A;

/// Loads the inbox and keeps the nav's unread badge in step with it.
pub fn inbox_resource() -> LocalResource<Result<NotificationList, ApiError>> {
    let session = use_session();
    LocalResource::new(move || async move {
        let list = api::ktti::inbox().await;
        if let Ok(l) = &list {
            session.unread.set(l.unread);
        }
        list
    })
}

fn kind_label(kind: NotificationKind) -> &'static str {
    let t = InboxText::get();
    match kind {
        NotificationKind::Deposit => t.deposit,
        NotificationKind::Expense => t.expense,
        NotificationKind::Payment => t.payment,
        NotificationKind::Invitation => t.invitation,
        NotificationKind::System => t.kitty,
    }
}

fn kind_class(kind: NotificationKind) -> &'static str {
    match kind {
        NotificationKind::Deposit => "dot dot--deposit",
        NotificationKind::Expense => "dot dot--expense",
        NotificationKind::Payment => "dot dot--payment",
        NotificationKind::Invitation => "dot dot--invitation",
        NotificationKind::System => "dot dot--system",
    }
}

/// An inbox item's button: runs its action once, then says it is done.
#[component]
fn ActionButton(action: InboxAction) -> impl IntoView {
    let toasts = use_toasts();
    let done = RwSignal::new(action.done);
    let run = Action::new_local(move |id: &String| {
        let path = format!("/api/v2/actions/{}", api::enc(id));
        async move { api::post_empty(api::Provider::Ktti, &path).await }
    });
    on_done(
        run,
        move |_| {
            done.set(true);
            toasts.success(InboxText::get().done);
        },
        Failure::Toast,
    );
    let id = action.id.clone();
    view! {
        {move || if done.get() {
            view! { <p class="notice__done">"✓ Done"</p> }.into_any()
        } else {
            let id = id.clone();
            view! {
                <button type="button" class="btn btn--primary btn--small" disabled=move || run.pending().get()
                    on:click=move |_| { run.dispatch(id.clone()); }>
                    {action.kind.label()}
                </button>
            }.into_any()
        }}
    }
}

/// One inbox item. With a link, its title is a link to the page it is about (the whole item is
/// the link's target area) and following it marks it read; an unread item has "Mark as read".
#[component]
pub fn NotificationItem(n: Notification) -> impl IntoView {
    let session = use_session();
    let toasts = use_toasts();
    let when = fmt::relative(&n.created_at);
    let exact = fmt::datetime(&n.created_at);
    let action = n.action.clone();
    let read = RwSignal::new(n.read);
    let busy = RwSignal::new(false);
    let item = NodeRef::<leptos::html::Li>::new();
    let id = StoredValue::new(n.id.clone());
    let now_read = move || {
        if !read.get_untracked() {
            read.set(true);
            session.unread.update(|u| *u = (*u - 1).max(0));
        }
    };
    // Following the link: the request is sent so that it outlives this page (a link into
    // another bundle loads a new one at once).
    let follow = move |_| {
        if read.get_untracked() {
            return;
        }
        now_read();
        let id = id.get_value();
        leptos::task::spawn_local(async move {
            let _ = api::ktti::mark_read_leaving(&id).await;
        });
    };
    let mark = move |_| {
        let id = id.get_value();
        write(
            busy,
            async move { api::ktti::mark_read(&id).await },
            move |result| match result {
                Ok(()) => {
                    now_read();
                    // The button goes: keep the keyboard on this item.
                    if let Some(li) = item.get_untracked() {
                        let _ = li.focus();
                    }
                }
                Err(e) => toasts.error(e.message()),
            },
        );
    };
    let title = n.title.clone();
    // Named with its item ("Mark as read: Deposit received"), since each unread item has one.
    let t = InboxText::get();
    let label = fill(t.mark_read_named, &[("title", &title)]);
    let heading = match n.link.clone() {
        Some(href) => {
            let rel = crate::bundles::rel_for(&href);
            view! {
                <A href=href attr:class="notice__link" attr:rel=rel on:click=follow>{title}</A>
            }
            .into_any()
        }
        None => view! { <span>{title}</span> }.into_any(),
    };
    view! {
        <li class="notice" class:notice--unread=move || !read.get() class:notice--linked=n.link.is_some()
            node_ref=item tabindex="-1">
            <span class=kind_class(n.kind) aria-hidden="true"></span>
            <div class="notice__text">
                <p class="notice__title" dir="auto">
                    {move || (!read.get()).then(|| view! { <span class="visually-hidden">{t.unread_prefix}</span> })}
                    {heading}
                </p>
                <p class="notice__body" dir="auto">{n.body.clone()}</p>
                <p class="notice__meta">
                    <span>{kind_label(n.kind)}</span>
                    " · "
                    <time datetime=n.created_at.clone() title=exact>{when}</time>
                </p>
                <div class="notice__actions">
                    {action.map(|action| view! { <ActionButton action /> })}
                    <Show when=move || !read.get()>
                        <button type="button" class="btn btn--secondary btn--small notice__mark"
                            aria-label=label.clone() disabled=move || busy.get() on:click=mark>
                            {t.mark_read}
                        </button>
                    </Show>
                </div>
            </div>
        </li>
    }
}

#[component]
pub fn Inbox() -> impl IntoView {
    let t = InboxText::get();
    use_title(ShellText::get().inbox);
    let toasts = use_toasts();
    let session = use_session();
    let inbox = inbox_resource();
    let mark_read = Action::new_local(|_: &()| api::ktti::mark_all_read());
    on_done(
        mark_read,
        move |_| {
            toasts.success(t.all_caught_up);
            inbox.refetch();
        },
        Failure::Toast,
    );
    let retry = Callback::new(move |_| inbox.refetch());
    let invitations = LocalResource::new(api::ktti::my_invitations);

    view! {
        <div class="page">
            <header class="page__header">
                <h1>{ShellText::get().inbox}</h1>
                <button
                    type="button"
                    class="btn btn--secondary"
                    disabled=move || mark_read.pending().get() || session.unread.get() == 0
                    on:click=move |_| { mark_read.dispatch(()); }
                >
                    {t.mark_all_read}
                </button>
            </header>
            <crate::pages::kitties::Invitations invitations on_answer=Callback::new(move |_| { invitations.refetch(); inbox.refetch(); }) />
            <Loaded lines=5 retry view=move || async move {
                        inbox.await.map(|list| {
                            if list.notifications.is_empty() {
                                view! {
                                    <EmptyState title=t.empty_title>
                                        <p>{t.empty_body}</p>
                                    </EmptyState>
                                }.into_any()
                            } else {
                                view! {
                                    <p class="page__lede" data-testid="inbox-count">
                                        {move || {
                                            let form = if list.total == 1 { t.count_one } else { t.count_other };
                                            digits(&fill(form, &[
                                                ("n", &list.total.to_string()),
                                                ("unread", &session.unread.get().to_string()),
                                            ]))
                                        }}
                                    </p>
                                    <ul class="notice-list">
                                        {list.notifications.into_iter().map(|n| view! { <NotificationItem n /> }).collect_view()}
                                    </ul>
                                }.into_any()
                            }
                        })
                    } />
        </div>
    }
}
