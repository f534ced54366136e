use super::billing::Billing;
use super::kitty::use_kitty;
use super::money;
use super::split_editor::SplitEditor;
use crate::api::{self, ApiError};
use crate::components::feedback::{on_done, Failure, Loaded};
use crate::components::form::TextField;
use crate::components::toast::use_toasts;
use crate::i18n::fill;
use crate::i18n::kitties::{KittyText, SettingsText};
use crate::i18n::money::MoneyInputText;
use crate::i18n::shell::ShellText;
use kitty_api::kitty::{
    ClosureStep, Kitty, KittyStatus, MemberTotals, Role, SplitRule, UpdateKittyRequest,
};
use kitty_api::{FieldErrors, Money};
use leptos::prelude::*;

/// The kitty's default split, which every new card payment follows.
#[component]
pub fn SplitTab() -> impl IntoView {
    let ctx = use_kitty();
    let toasts = use_toasts();
    let t = SettingsText::get();
    let data = LocalResource::new(move || {
        let id = ctx.watch();
        async move { Ok::<_, ApiError>((api::ktti::split(&id).await?, api::ktti::members(&id).await?)) }
    });
    let save = Action::new_local(move |rule: &SplitRule| {
        let (rule, id) = (rule.clone(), ctx.id.get_untracked());
        async move { api::ktti::set_split(&id, &rule).await }
    });
    on_done(
        save,
        move |_| {
            toasts.success(t.default_saved);
            ctx.refresh();
        },
        Failure::Toast,
    );
    let retry = Callback::new(move |_| data.refetch());
    view! {
        <section class="card" aria-labelledby="split-heading">
            <h2 id="split-heading">{t.default_split}</h2>
            <p class="muted">{t.default_body}</p>
            <Loaded lines=4 retry view=move || async move {
                        let (rule, m) = data.await?;
                        Ok::<_, ApiError>(ctx.get().map(|k| {
                            let people = m.members.into_iter().filter(|m| m.active).map(|m| (m.user_id, m.name)).collect();
                            view! { <SplitEditor members=people initial=rule currency=k.currency saving=save.pending()
                                editable={k.my_role == Role::Admin && k.status == KittyStatus::Active}
                                on_save=Callback::new(move |r| { save.dispatch(r); }) /> }
                        }))
                    } />
        </section>
    }
}

#[component]
pub fn Settings() -> impl IntoView {
    let ctx = use_kitty();
    // Billing stays mounted while the kitty reloads (a plan change reloads it), so its confirm
    // step and focus survive.
    view! {
        {move || ctx.get().map(|k| view! {
            {(k.my_role == Role::Admin && k.status != KittyStatus::Closed).then(|| view! { <EditKitty k=k.clone() /> })}
            {(k.my_role != Role::Admin).then(|| view! { <p class="card muted">{SettingsText::get().only_admins}</p> })}
        })}
        <Billing />
        {move || ctx.get().and_then(|k| (!k.is_personal && k.my_role == Role::Admin).then(|| view! { <Closure k /> }))}
    }
}

#[component]
fn EditKitty(k: Kitty) -> impl IntoView {
    let ctx = use_kitty();
    let toasts = use_toasts();
    let name = RwSignal::new(k.name.clone());
    let description = RwSignal::new(k.description.clone().unwrap_or_default());
    let goal = RwSignal::new(
        k.goal_amount
            .map(|g| Money::new(g, k.currency).to_input())
            .unwrap_or_default(),
    );
    let errors = RwSignal::new(FieldErrors::new());
    let currency = k.currency;
    let t = SettingsText::get();
    let save = Action::new_local(move |req: &UpdateKittyRequest| {
        let (req, id) = (req.clone(), ctx.id.get_untracked());
        async move { api::ktti::update_kitty(&id, &req).await }
    });
    on_done(
        save,
        move |_| {
            toasts.success(t.saved);
            ctx.refresh();
        },
        Failure::Fields(errors),
    );
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let g = goal.get_untracked();
        let goal_amount = if g.trim().is_empty() {
            Ok(0)
        } else {
            Money::parse(&g, currency).map(|m| m.amount)
        };
        match goal_amount {
            Ok(goal_amount) => {
                save.dispatch(UpdateKittyRequest {
                    name: Some(name.get_untracked()),
                    description: Some(description.get_untracked()),
                    goal_amount: Some(goal_amount),
                });
            }
            Err(e) => errors.update(|f| {
                f.insert("goal_amount".into(), MoneyInputText::get().error(e).into());
            }),
        }
    };
    view! {
        <section class="card" aria-labelledby="edit-heading">
            <h2 id="edit-heading">{t.details}</h2>
            <form class="form" on:submit=on_submit novalidate>
                <TextField name="name" label=t.name value=name errors required=true />
                <TextField name="description" label=t.description value=description errors />
                <TextField name="goal_amount" label=t.goal value=goal errors inputmode="decimal" />
                <button class="btn btn--secondary" type="submit" disabled=move || save.pending().get()>{t.save_details}</button>
            </form>
        </section>
    }
}

/// The guided closure: start (card frozen), see who gets what, pay out, close. Or cancel.
#[component]
fn Closure(k: Kitty) -> impl IntoView {
    let ctx = use_kitty();
    let toasts = use_toasts();
    let t = SettingsText::get();
    // `t` names the totals in the payouts' list.
    let words = t;
    let totals = LocalResource::new(move || {
        let id = ctx.watch();
        async move { api::ktti::members(&id).await }
    });
    let step = Action::new_local(move |s: &ClosureStep| {
        let (s, id) = (*s, ctx.id.get_untracked());
        async move {
            match s {
                ClosureStep::Disburse => api::ktti::disburse(&id).await.map(|d| {
                    let shell = ShellText::get();
                    let n = d.payouts.len() as i64;
                    let members = ShellText::count(n, shell.members_one, shell.members_other);
                    fill(t.paid_out_to, &[("members", &members)])
                }),
                _ => api::ktti::closure(&id, s).await.map(|_| {
                    match s {
                        ClosureStep::Initiate => t.closure_started,
                        ClosureStep::Close => t.kitty_closed,
                        _ => t.closure_cancelled,
                    }
                    .to_string()
                }),
            }
        }
    });
    on_done(
        step,
        move |m| {
            toasts.success(m);
            ctx.refresh();
        },
        Failure::Toast,
    );
    let status = k.status;
    let kk = k.clone();
    // Paying out needs every deposit assigned and nobody owing (the server says the same).
    let can_pay_out = move || {
        totals
            .get()
            .and_then(|r| r.ok())
            .is_some_and(|t| t.unassigned == 0 && t.members.iter().all(|m| m.balance >= 0))
    };
    view! {
        <section class="card" aria-labelledby="closure-heading">
            <h2 id="closure-heading">{t.close_heading}</h2>
            {match status {
                KittyStatus::Active => view! {
                    <p>{t.close_intro}</p>
                    <button type="button" class="btn btn--danger" disabled=move || step.pending().get()
                        on:click=move |_| { if window().confirm_with_message(t.start_confirm).unwrap_or(false) { step.dispatch(ClosureStep::Initiate); } }>{t.start}</button>
                }.into_any(),
                KittyStatus::Closing => view! {
                    <ol class="steps">
                        <li class="done">{t.step_started}</li>
                        <li>{t.step_pay}
                            {move || totals.get().and_then(|r| r.ok()).map(|t: MemberTotals| {
                                let k = kk.clone();
                                view! {
                                    <ul class="rows">{t.members.iter().filter(|m| m.balance != 0).map(|m| view! {
                                        <li class="row"><span class="row__main">{m.name.clone()}</span>
                                            <span class="money" class:money--negative={m.balance < 0}>{if m.balance > 0 { fill(words.receives, &[("amount", &money(m.balance, &k))]) } else { fill(words.owes, &[("amount", &money(-m.balance, &k))]) }}</span></li>
                                    }).collect_view()}</ul>
                                    {(t.unassigned != 0).then(|| view! { <p class="form-alert">{fill(words.unassigned, &[("amount", &money(t.unassigned, &k))])}</p> })}
                                    {t.members.iter().any(|m| m.balance < 0).then(|| view! {
                                        <p class="steps__hint">{words.owes_hint}</p>
                                    })}
                                    {(t.available_balance == 0).then(|| view! { <p class="muted">{words.nothing_left}</p> })}
                                }
                            })}
                            <button type="button" class="btn btn--primary"
                                disabled=move || step.pending().get() || !can_pay_out()
                                on:click=move |_| { step.dispatch(ClosureStep::Disburse); }>{t.pay_out}</button>
                        </li>
                        <li>{t.step_close}
                            <button type="button" class="btn btn--danger" disabled=move || step.pending().get()
                                on:click=move |_| { if window().confirm_with_message(t.close_confirm).unwrap_or(false) { step.dispatch(ClosureStep::Close); } }>{t.close}</button>
                        </li>
                    </ol>
                    <button type="button" class="btn btn--secondary" disabled=move || step.pending().get() on:click=move |_| { step.dispatch(ClosureStep::Cancel); }>{t.cancel}</button>
                }.into_any(),
                KittyStatus::Closed => view! { <p>{KittyText::get().closed_banner}</p> }.into_any(),
            }}
        </section>
    }
}
