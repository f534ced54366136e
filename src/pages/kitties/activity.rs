use super::kitty::use_kitty;
use super::receipt::{Person, ReceiptSection};
use super::split_editor::SplitEditor;
use super::TxRow;
use crate::api::{self, ApiError};
use crate::components::feedback::{on_done, use_title, EmptyState, Failure, Loaded, Skeleton};
use crate::components::form::TextField;
use crate::components::toast::use_toasts;
use crate::i18n::kitties::{ActivityText, KittyText};
use crate::i18n::shell::{CommonText, ShellText};
use crate::i18n::{fill, pieces, Piece};
use kitty_api::kitty::{
    KittyStatus, KittyTransaction, KittyTransactionList, Role, SplitRule, TransactionInfo, TxKind,
};
use kitty_api::{Currency, FieldErrors, Money};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use std::future::Future;

/// Pages of transactions, newest first, with "Show more" appending the next page.
#[component]
fn Paged<F, Fut>(
    load: F,
    #[prop(optional)] show_kitty: bool,
    /// When given, the list starts again from its first page whenever this changes.
    #[prop(optional, into)]
    reload: Option<Signal<u64>>,
) -> impl IntoView
where
    F: Fn(i64) -> Fut + Copy + 'static,
    Fut: Future<Output = Result<KittyTransactionList, ApiError>> + 'static,
{
    let items = RwSignal::new(Vec::<KittyTransaction>::new());
    let total = RwSignal::new(None::<i64>);
    let page = RwSignal::new(0i64);
    let error = RwSignal::new(None::<ApiError>);
    let more = Action::new_local(move |next: &i64| {
        let next = *next;
        async move { (next, load(next).await) }
    });
    Effect::new(move || match more.value().get() {
        Some((n, Ok(l))) => {
            if n == 1 {
                items.set(l.transactions);
            } else {
                items.update(|i| i.extend(l.transactions));
            }
            total.set(Some(l.total));
            page.set(n);
            error.set(None);
        }
        Some((_, Err(e))) => error.set(Some(e)),
        None => {}
    });
    Effect::new(move || {
        if let Some(r) = reload {
            r.track();
        }
        // Back online: from the first page again.
        crate::api::offline::track();
        more.dispatch(1);
    });
    let words = ActivityText::get();
    view! {
        {move || match (total.get(), error.get()) {
            (_, Some(e)) => view! { <crate::components::feedback::ErrorPanel error=e retry=Callback::new(move |_| { more.dispatch(page.get_untracked() + 1); }) /> }.into_any(),
            (None, None) => view! { <Skeleton lines=4 /> }.into_any(),
            (Some(0), None) => view! { <EmptyState title=words.no_activity><p>{words.no_activity_body}</p></EmptyState> }.into_any(),
            (Some(t), None) => view! {
                <ul class="rows rows--card">
                    <For each=move || items.get() key=|t| t.id.clone() let:t>
                        <TxRow t show_kitty />
                    </For>
                </ul>
                <Show when=move || { (items.with(Vec::len) as i64) < t }>
                    <button type="button" class="btn btn--secondary load-more" disabled=move || more.pending().get()
                        on:click=move |_| { more.dispatch(page.get_untracked() + 1); }>
                        {move || if more.pending().get() { CommonText::get().loading } else { words.show_more }}
                    </button>
                </Show>
            }.into_any(),
        }}
    }
}

#[component]
pub fn Activity() -> impl IntoView {
    let ctx = use_kitty();
    view! {
        <Show when=move || ctx.is_admin()>
            <Unassigned />
        </Show>
        <section aria-labelledby="activity-heading">
            <h2 id="activity-heading" class="visually-hidden">{KittyText::get().tab_activity}</h2>
            <Paged load=move |p| { let id = ctx.id.get_untracked(); async move { api::ktti::transactions(&id, p).await } } reload=ctx.version />
        </section>
    }
}

/// Deposits nobody could be matched to, with a way for admins to say whose they are.
#[component]
fn Unassigned() -> impl IntoView {
    let ctx = use_kitty();
    let toasts = use_toasts();
    let t = ActivityText::get();
    let list = LocalResource::new(move || {
        let id = ctx.watch();
        async move { api::ktti::unassigned(&id).await }
    });
    let members = LocalResource::new(move || {
        let id = ctx.watch();
        async move { api::ktti::members(&id).await }
    });
    let assign = Action::new_local(move |(tx, user): &(String, String)| {
        let (tx, user, id) = (tx.clone(), user.clone(), ctx.id.get_untracked());
        async move { api::ktti::assign(&id, &tx, &user).await }
    });
    on_done(
        assign,
        move |s| {
            toasts.success(fill(
                t.assigned,
                &[("name", &s.transaction.assignee_name.unwrap_or_default())],
            ));
            ctx.refresh();
        },
        Failure::Toast,
    );
    move || {
        let deposits = list
            .get()
            .and_then(|r| r.ok())
            .map(|l| l.transactions)
            .unwrap_or_default();
        let people: Vec<(String, String)> = members
            .get()
            .and_then(|r| r.ok())
            .map(|m| {
                m.members
                    .into_iter()
                    .filter(|m| m.active)
                    .map(|m| (m.user_id, m.name))
                    .collect()
            })
            .unwrap_or_default();
        (!deposits.is_empty()).then(|| view! {
            <section class="card card--callout" aria-labelledby="unassigned-heading">
                <h2 id="unassigned-heading">{t.unassigned}</h2>
                <p class="muted">{t.unassigned_body}</p>
                <ul class="rows">
                    {deposits.into_iter().map(|d| {
                        let choice = RwSignal::new(String::new());
                        let tx = d.id.clone();
                        let select_id = format!("assign-{}", d.id);
                        view! {
                            <li class="row row--wrap">
                                <div class="row__main">
                                    <span class="row__title">{crate::fmt::money(Money::new(d.amount, d.currency))}</span>
                                    <span class="row__meta">{fill(t.from, &[("sender", &d.description), ("time", &crate::fmt::datetime(&d.created_at))])}</span>
                                </div>
                                <label class="visually-hidden" for=select_id.clone()>{fill(t.member_for, &[("sender", &d.description)])}</label>
                                <select class="field__input" id=select_id on:change=move |ev| choice.set(event_target_value(&ev))>
                                    <option value="">{t.choose_member}</option>
                                    {people.iter().map(|(id, n)| view! { <option value=id.clone()>{n.clone()}</option> }).collect_view()}
                                </select>
                                <button type="button" class="btn btn--primary btn--small" disabled=move || choice.get().is_empty() || assign.pending().get()
                                    on:click=move |_| { assign.dispatch((tx.clone(), choice.get_untracked())); }>{t.assign}</button>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </section>
        })
    }
}

#[component]
pub fn AllTransactions() -> impl IntoView {
    let all = crate::i18n::kitties::ListText::get().all_transactions;
    use_title(all);
    view! {
        <div class="page">
            <A href="/kitties" attr:class="back">{ShellText::get().kitties}</A>
            <header class="page__header"><h1>{all}</h1></header>
            <Paged load=|p| api::ktti::all_transactions(p) show_kitty=true />
        </div>
    }
}

/// One transaction: its split (editable by admins, with a live preview) and its note and category.
#[component]
pub fn TransactionPage() -> impl IntoView {
    // The kitty's frame sets the title ("Transaction · Weekend in Kish · Kitty").
    let ctx = use_kitty();
    let params = use_params_map();
    let tx_id = Memo::new(move |_| params.with(|p| p.get("tx").unwrap_or_default()));
    let split = LocalResource::new(move || {
        let (id, tx) = (ctx.watch(), tx_id.get());
        async move { api::ktti::transaction_split(&id, &tx).await }
    });
    let members = LocalResource::new(move || {
        let id = ctx.watch();
        async move { api::ktti::members(&id).await }
    });
    let retry = Callback::new(move |_| split.refetch());
    // The receipt keeps what is typed in it while the rest of the page reloads (after every
    // change to the kitty), so it stands outside the reloading view and reads only what it needs.
    let facts = Memo::new(
        move |was: Option<&Option<(String, TxKind, i64, Currency)>>| match split.get() {
            Some(Ok(s)) => {
                let t = s.transaction;
                Some((t.id, t.kind, t.amount, t.currency))
            }
            _ => was
                .cloned()
                .flatten()
                .filter(|f| f.0 == tx_id.get_untracked()),
        },
    );
    let people = Memo::new(move |was: Option<&Vec<Person>>| match members.get() {
        Some(Ok(m)) => m
            .members
            .into_iter()
            .map(|m| Person {
                id: m.user_id,
                name: m.name,
                active: m.active,
            })
            .collect(),
        _ => was.cloned().unwrap_or_default(),
    });
    let can_split = Memo::new(move |_| {
        ctx.get()
            .is_some_and(|k| k.my_role == Role::Admin && k.status == KittyStatus::Active)
    });
    let receipt = move || {
        facts
            .get()
            .filter(|f| f.1 == TxKind::Expense)
            .map(|(tx, _, amount, currency)| {
                view! {
                    <ReceiptSection kitty=ctx.id.get_untracked() tx amount currency people can_split
                        on_split=Callback::new(move |_| ctx.refresh()) />
                }
            })
    };
    view! {
        <Loaded lines=5 retry view=move || async move {
                    let s = split.await?;
                    let m = members.await?;
                    let k = ctx.get();
                    Ok::<_, ApiError>(k.map(|k| view! { <TransactionView split=s members=m kitty=k on_saved=Callback::new(move |_| ctx.refresh()) /> }))
                } />
        {receipt}
    }
}

#[component]
fn TransactionView(
    split: kitty_api::kitty::TransactionSplit,
    members: kitty_api::kitty::MemberTotals,
    kitty: kitty_api::kitty::Kitty,
    on_saved: Callback<()>,
) -> impl IntoView {
    let toasts = use_toasts();
    let words = ActivityText::get();
    let t = split.transaction.clone();
    // Splits are frozen once closure starts, and a refund of a named payment follows that
    // payment's split.
    let admin = kitty.my_role == Role::Admin;
    let can_split = admin && kitty.status == KittyStatus::Active && t.refund_of.is_none();
    let signed = t.kind.signed(t.amount);
    let splittable = t.kind.is_split();
    let split_note = match (t.kind, &t.refund_of) {
        (TxKind::Refund, Some(of)) => {
            let href = format!("/kitties/{}/transactions/{}", kitty.id, of);
            let text = pieces(words.refund_mirrors)
                .into_iter()
                .map(|piece| match piece {
                    Piece::Text(text) => text.into_any(),
                    Piece::Slot(_) => view! { <A href=href.clone()>{words.the_payment}</A> }.into_any(),
                })
                .collect_view();
            Some(view! { <p class="muted">{text}</p> }.into_any())
        }
        (TxKind::Refund, None) => Some(view! {
            <p class="muted">{fill(words.refund_default, &[("time", &crate::fmt::datetime(&t.created_at))])}</p>
        }.into_any()),
        _ if splittable && kitty.status != KittyStatus::Active => Some(view! {
            <p class="muted">{words.frozen}</p>
        }.into_any()),
        _ => None,
    };
    let people: Vec<(String, String)> = members
        .members
        .iter()
        .map(|m| (m.user_id.clone(), m.name.clone()))
        .collect();
    let (kid, tid) = (kitty.id.clone(), t.id.clone());
    let save_split = Action::new_local(move |rule: &SplitRule| {
        let (rule, kid, tid) = (rule.clone(), kid.clone(), tid.clone());
        async move { api::ktti::set_transaction_split(&kid, &tid, &rule).await }
    });
    on_done(
        save_split,
        move |_| {
            toasts.success(words.split_saved);
            on_saved.run(());
        },
        Failure::Toast,
    );
    let note = RwSignal::new(t.note.clone().unwrap_or_default());
    let category = RwSignal::new(t.category.clone().unwrap_or_default());
    let errors = RwSignal::new(FieldErrors::new());
    let tid2 = t.id.clone();
    let save_info = Action::new_local(move |info: &TransactionInfo| {
        let (info, tid) = (info.clone(), tid2.clone());
        async move { api::ktti::set_info(&tid, &info).await }
    });
    on_done(
        save_info,
        move |_| {
            toasts.success(words.info_saved);
        },
        Failure::Fields(errors),
    );
    let kind = KittyText::get().tx_kind(t.kind);
    view! {
        <section class="card">
            <p class="eyebrow">{kind}</p>
            <h1 class="tx-heading">{format!("{} · {}", t.description, crate::fmt::money(Money::new(t.amount, t.currency)))}</h1>
            <p class="muted">{crate::fmt::datetime(&t.created_at)}{t.custom_split.then_some(words.custom_split)}</p>
            {(!splittable).then(|| view! {
                <p>{match &t.assignee_name { Some(n) => fill(words.belongs_to, &[("name", n)]), None => words.not_assigned.to_string() }}</p>
            })}
        </section>
        {splittable.then(|| view! {
            <section class="card" aria-labelledby="tx-split-heading">
                <h2 id="tx-split-heading">{KittyText::get().tab_split}</h2>
                {split_note}
                <SplitEditor members=people.clone() initial=split.rule.clone().unwrap_or_else(|| SplitRule::even(Vec::new()))
                    currency=t.currency total=signed saving=save_split.pending() editable=can_split
                    on_save=Callback::new(move |r| { save_split.dispatch(r); }) />
            </section>
        })}
        <section class="card" aria-labelledby="tx-info-heading">
            <h2 id="tx-info-heading">{words.note_and_category}</h2>
            {if admin {
                view! {
                    <form class="form" on:submit=move |ev: leptos::ev::SubmitEvent| {
                        ev.prevent_default();
                        save_info.dispatch(TransactionInfo { note: Some(note.get_untracked()), category: Some(category.get_untracked()) });
                    }>
                        <TextField name="note" label=words.note value=note errors />
                        <TextField name="category" label=words.category value=category errors hint=words.category_hint />
                        <button class="btn btn--secondary" type="submit" disabled=move || save_info.pending().get()>{words.save}</button>
                    </form>
                }.into_any()
            } else {
                view! { <p>{t.note.clone().unwrap_or_else(|| words.no_note.into())}</p><p class="muted">{t.category.clone().unwrap_or_default()}</p> }.into_any()
            }}
        </section>
    }
}
