//! Billing, in the Settings tab: the kitty's plan (Free or Plus) with its fee and member limit,
//! the plans an admin can move it to, and the history of plan changes and fees. A Plus fee is a
//! ledger transaction of its own, shared like a card payment, so a change reloads the whole kitty
//! (its balance moved).

use super::card::focus;
use super::kitty::use_kitty;
use crate::api::{self, ApiError};
use crate::components::feedback::{write, EmptyState, ErrorPanel, Skeleton};
use crate::components::form::FormAlert;
use crate::components::toast::use_toasts;
use crate::i18n::kitties::BillingText;
use crate::i18n::shell::{CommonText, ShellText};
use crate::i18n::{digits, fill};
use kitty_api::billing::{
    BillingEvent, BillingEventKind, BillingPlan, Plan, PlanOffer, PERIOD_DAYS,
};
use kitty_api::kitty::{KittyStatus, Role};
use kitty_api::{Currency, Money};
use leptos::either::Either;
use leptos::prelude::*;
use leptos_router::components::A;

/// A load's result, or `None` while the first one runs.
type Slot<T> = RwSignal<Option<Result<T, ApiError>>>;

/// Shows a load's result. A failed reload keeps what is shown, and an unchanged one is not
/// rendered again (so focus stays where it was when the kitty reloads).
fn keep<T: PartialEq + Send + Sync + 'static>(slot: Slot<T>, r: Result<T, ApiError>) {
    let shown = slot.with_untracked(|s| match s {
        Some(Ok(old)) => Some(r.as_ref().map_or(true, |new| new == old)),
        _ => None,
    });
    if shown != Some(true) {
        slot.set(Some(r));
    }
}

/// The billing period in this page's digits.
fn days() -> String {
    digits(&PERIOD_DAYS.to_string())
}

/// "1 member", "50 members".
fn members(n: i64) -> String {
    let s = ShellText::get();
    ShellText::count(n, s.members_one, s.members_other)
}

/// "A$4.99 every 30 days", or "No fee".
fn fee_text(fee: i64, currency: Currency) -> String {
    let t = BillingText::get();
    if fee == 0 {
        t.no_fee.into()
    } else {
        let amount = crate::fmt::money(Money::new(fee, currency));
        fill(t.every, &[("amount", &amount), ("days", &days())])
    }
}

/// What moving to `to` does, said plainly before it happens.
fn consequence(to: &PlanOffer, currency: Currency) -> String {
    let t = BillingText::get();
    match to.plan {
        Plan::Plus => {
            let amount = crate::fmt::money(Money::new(to.monthly_fee, currency));
            fill(t.plus_takes, &[("amount", &amount), ("days", &days())])
        }
        Plan::Free => t.plus_ends.into(),
    }
}

/// The id of the button that opens the confirm step for `plan` (focus returns to it).
fn opener(plan: Plan) -> String {
    format!("billing-move-{}", plan.as_str())
}

/// The Settings tab's Billing and Billing history sections.
#[component]
pub fn Billing() -> impl IntoView {
    let ctx = use_kitty();
    let toasts = use_toasts();
    let t = BillingText::get();
    // Loaded by hand, like the moments (a `Loaded` per resource would take the Kitties bundle past
    // its size budget): a skeleton, then the content, kept on screen while it reloads; an error
    // panel with "Try again".
    let plan: Slot<BillingPlan> = RwSignal::new(None);
    let history: Slot<Vec<BillingEvent>> = RwSignal::new(None);
    let (loading_plan, loading_history) = (RwSignal::new(false), RwSignal::new(false));
    let load_plan = move || {
        let id = ctx.id.get_untracked();
        write(
            loading_plan,
            async move { api::ktti::billing_plan(&id).await },
            move |r| keep(plan, r),
        );
    };
    let load_history = move || {
        let id = ctx.id.get_untracked();
        write(
            loading_history,
            async move { api::ktti::billing_history(&id).await },
            move |r| keep(history, r.map(|h| h.events)),
        );
    };
    // Now, and after every change to the kitty (a fee taken by the job runner is one).
    Effect::new(move || {
        ctx.watch();
        load_plan();
        load_history();
    });
    // Why this person cannot change the plan now, if they cannot.
    let blocked = Memo::new(move |_| {
        ctx.get().map_or(Some(""), |k| {
            if k.my_role != Role::Admin {
                Some(t.only_admins)
            } else if k.status != KittyStatus::Active {
                Some(t.cannot_change)
            } else {
                None
            }
        })
    });
    let holds = Memo::new(move |_| ctx.get().map(|k| k.available_balance));
    let confirming = RwSignal::new(None::<Plan>);
    let moving = RwSignal::new(false);
    let alert = RwSignal::new(None::<String>);
    let on_move = Callback::new(move |to: Plan| {
        let id = ctx.id.get_untracked();
        alert.set(None);
        write(
            moving,
            async move { api::ktti::change_plan(&id, to).await },
            move |r| {
                confirming.set(None);
                match r {
                    Ok(p) => {
                        let plan_name = t.plan_name(p.plan);
                        let message = if p.monthly_fee > 0 {
                            let amount = crate::fmt::money(Money::new(p.monthly_fee, p.currency));
                            fill(
                                t.on_plan_fee,
                                &[("plan", plan_name), ("amount", &amount), ("days", &days())],
                            )
                        } else {
                            fill(t.on_plan, &[("plan", plan_name)])
                        };
                        toasts.success(message);
                        plan.set(Some(Ok(p)));
                        // The fee moved the balance: the header, the activity and this reload.
                        ctx.refresh();
                        focus("billing-heading");
                    }
                    Err(e) => {
                        alert.set(Some(e.message()));
                        // The plan may have changed meanwhile (someone else moved it).
                        if matches!(e, ApiError::Conflict { .. }) {
                            load_plan();
                            load_history();
                        }
                        focus(&opener(to));
                    }
                }
            },
        );
    });
    let retry_plan = Callback::new(move |_| load_plan());
    let retry_history = Callback::new(move |_| load_history());
    let current = move || match plan.get() {
        None => view! { <Skeleton lines=4 /> }.into_any(),
        Some(Err(error)) => view! { <ErrorPanel error retry=retry_plan /> }.into_any(),
        Some(Ok(p)) => {
            view! { <PlanView p blocked holds confirming moving alert on_move /> }.into_any()
        }
    };
    // Only what the history shows of the kitty, so a reload of the kitty does not redraw it.
    let currency = Memo::new(move |_| ctx.get().map(|k| k.currency));
    let events = move || match (history.get(), currency.get()) {
        (Some(Ok(events)), Some(currency)) => {
            view! { <History events kitty_id=ctx.id.get_untracked() currency /> }.into_any()
        }
        (Some(Err(error)), _) => view! { <ErrorPanel error retry=retry_history /> }.into_any(),
        _ => view! { <Skeleton lines=3 /> }.into_any(),
    };
    view! {
        <section class="card billing" aria-labelledby="billing-heading">
            <h2 id="billing-heading" tabindex="-1">{t.billing}</h2>
            {current}
        </section>
        <section class="card" aria-labelledby="billing-history-heading">
            <h2 id="billing-history-heading">{t.history}</h2>
            {events}
        </section>
    }
}

/// The plan now, the plans to choose from and, for admins, the move with its confirm step.
#[component]
fn PlanView(
    p: BillingPlan,
    blocked: Memo<Option<&'static str>>,
    holds: Memo<Option<i64>>,
    confirming: RwSignal<Option<Plan>>,
    moving: RwSignal<bool>,
    alert: RwSignal<Option<String>>,
    on_move: Callback<Plan>,
) -> impl IntoView {
    let currency = p.currency;
    let t = BillingText::get();
    let summary = match p.monthly_fee {
        0 => t.plan_name(p.plan).to_string(),
        fee => format!("{} · {}", t.plan_name(p.plan), fee_text(fee, currency)),
    };
    let next_fee = p.renews_at.clone().filter(|_| p.monthly_fee > 0).map(|at| {
        let amount = crate::fmt::money(Money::new(p.monthly_fee, currency));
        fill(
            t.next_fee_on,
            &[("amount", &amount), ("date", &crate::fmt::date(&at))],
        )
    });
    let member_count = p.members;
    let offers = p.plans.clone();
    let cards = p
        .plans
        .into_iter()
        .map(|o| {
            let to = o.plan;
            let is_current = to == p.plan;
            let paid = o.monthly_fee > 0;
            let expanded = move || confirming.get() == Some(to);
            let too_many = (member_count > o.max_members).then(|| {
                let text = fill(
                    t.too_many,
                    &[
                        ("plan", t.plan_name(to)),
                        ("members", &members(o.max_members)),
                        ("n", &digits(&member_count.to_string())),
                    ],
                );
                view! { <p class="plan__note">{text}</p> }
            });
            let button = move || {
                (blocked.get().is_none() && !is_current).then(|| {
                    view! {
                        <button type="button" id=opener(to) class=if paid { "btn btn--primary plan__move" } else { "btn btn--secondary plan__move" }
                            aria-expanded=move || expanded().to_string()
                            aria-controls=move || expanded().then_some("billing-confirm")
                            on:click=move |_| {
                                alert.set(None);
                                confirming.set(Some(to));
                                focus("billing-confirm-heading");
                            }>
                            {fill(t.move_to, &[("plan", t.plan_name(to))])}
                        </button>
                    }
                })
            };
            view! {
                <li class="plan" class:plan--current=is_current>
                    <div class="plan__head">
                        <h3 class="plan__name">{t.plan_name(to)}</h3>
                        {is_current.then(|| view! { <span class="badge badge--this">{t.current}</span> })}
                    </div>
                    <p class="plan__fee">{fee_text(o.monthly_fee, currency)}</p>
                    <p class="plan__limit">{fill(t.up_to, &[("members", &members(o.max_members))])}</p>
                    {too_many}
                    {button}
                </li>
            }
        })
        .collect_view();
    let cancel = move || {
        if let Some(to) = confirming.get_untracked() {
            confirming.set(None);
            focus(&opener(to));
        }
    };
    let confirm = move || {
        let to = confirming.get().filter(|_| blocked.get().is_none())?;
        let o = offers.iter().find(|o| o.plan == to)?.clone();
        let fee = o.monthly_fee;
        let short = move || {
            holds.get().filter(|h| fee > 0 && *h < fee).map(|h| {
                view! {
                    <p class="form-alert form-alert--info">
                        {fill(t.holds, &[("amount", &crate::fmt::money(Money::new(h.max(0), currency)))])}
                    </p>
                }
            })
        };
        Some(view! {
            <div id="billing-confirm" class="billing-confirm" role="alertdialog"
                aria-labelledby="billing-confirm-heading" aria-describedby="billing-confirm-text"
                on:keydown=move |ev| { if ev.key() == "Escape" { cancel(); } }>
                <h3 id="billing-confirm-heading" tabindex="-1">{fill(t.move_to_q, &[("plan", t.plan_name(to))])}</h3>
                <p id="billing-confirm-text">{consequence(&o, currency)}</p>
                {short}
                <div class="actions">
                    <button type="button" class="btn btn--primary" disabled=move || moving.get()
                        aria-busy=move || moving.get().then_some("true")
                        on:click=move |_| on_move.run(to)>{t.confirm}</button>
                    <button type="button" class="btn btn--secondary" disabled=move || moving.get()
                        on:click=move |_| cancel()>{CommonText::get().cancel}</button>
                </div>
            </div>
        })
    };
    view! {
        <dl class="details billing__facts">
            <dt>{t.plan}</dt><dd><strong>{summary}</strong></dd>
            <dt>{crate::i18n::kitties::KittyText::get().tab_members}</dt><dd>{fill(t.of_members, &[("n", &digits(&member_count.to_string())), ("members", &members(p.max_members))])}</dd>
            {next_fee.map(|n| view! { <dt>{t.next_fee}</dt><dd>{n}</dd> })}
        </dl>
        <FormAlert message=alert.into() />
        <ul class="plans" aria-label=t.plans>{cards}</ul>
        {confirm}
        {move || blocked.get().filter(|b| !b.is_empty()).map(|b| view! { <p class="muted billing__note">{b}</p> })}
    }
}

/// Plan changes and fees, newest first; a fee links to its transaction.
#[component]
fn History(events: Vec<BillingEvent>, kitty_id: String, currency: Currency) -> impl IntoView {
    let t = BillingText::get();
    if events.is_empty() {
        return view! {
            <EmptyState title=t.none>
                <p>{t.none_body}</p>
            </EmptyState>
        }
        .into_any();
    }
    let rows = events
        .into_iter()
        .map(|e| {
            let plan = t.plan_name(e.plan);
            let title = match e.kind {
                BillingEventKind::PlanChanged => fill(t.changed_to, &[("plan", plan)]),
                kind => fill(t.kind_plan, &[("kind", t.event_kind(kind)), ("plan", plan)]),
            };
            let meta = match &e.by_name {
                Some(n) => fill(t.by, &[("name", n), ("time", &crate::fmt::datetime(&e.at))]),
                None => crate::fmt::datetime(&e.at),
            };
            let text = view! {
                <span class="row__title">{title}</span>
                <span class="row__meta">{meta}</span>
            };
            let main = match &e.transaction_id {
                Some(tx) => {
                    let href = format!("/kitties/{kitty_id}/transactions/{tx}");
                    let rel = crate::bundles::rel_for(&href);
                    Either::Left(view! { <A href=href attr:class="row__main" attr:rel=rel>{text}</A> })
                }
                None => Either::Right(view! { <div class="row__main">{text}</div> }),
            };
            let amount = match e.kind {
                BillingEventKind::FeeCharged => Some(view! {
                    <span class="money money--negative row__amount">{crate::fmt::money(Money::new(-e.amount, currency))}</span>
                }.into_any()),
                BillingEventKind::FeeUnpaid if e.amount > 0 => Some(view! {
                    <span class="money row__amount billing__unpaid">{crate::fmt::money(Money::new(e.amount, currency))}</span>
                }.into_any()),
                _ => None,
            };
            view! { <li class="row">{main}{amount}</li> }
        })
        .collect_view();
    view! { <ul class="rows">{rows}</ul> }.into_any()
}
