use super::kitty::use_kitty;
use super::money;
use crate::api::{self, ApiError};
use crate::components::copy::CopyButton;
use crate::components::feedback::{on_done, Failure, Loaded};
use crate::components::form::TextField;
use crate::components::toast::use_toasts;
use crate::i18n::fill;
use crate::i18n::kitties::{KittyText, MembersText};
use crate::session::use_session;
use kitty_api::kitty::{Kitty, KittyStatus, Member, MemberTotals, Role};
use kitty_api::ledger::may_leave;
use kitty_api::{Currency, FieldErrors, Money};
use leptos::prelude::*;

/// What a member (or admin) did to the membership list.
#[derive(Clone, PartialEq)]
enum Change {
    Role(String, Role),
    Remove(String),
    /// Pay out what this member is owed.
    PayOut(String),
    Leave,
    RequestAdmin,
}

#[component]
pub fn Members() -> impl IntoView {
    let ctx = use_kitty();
    let toasts = use_toasts();
    let members = LocalResource::new(move || {
        let id = ctx.watch();
        async move { api::ktti::members(&id).await }
    });
    let navigate = leptos_router::hooks::use_navigate();
    let t = MembersText::get();
    let change = Action::new_local(move |c: &Change| {
        let (c, id) = (c.clone(), ctx.id.get_untracked());
        async move {
            match &c {
                Change::Role(u, r) => api::ktti::set_role(&id, u, *r)
                    .await
                    .map(|_| t.role_updated),
                Change::Remove(u) => api::ktti::remove_member(&id, u).await.map(|_| t.removed),
                Change::PayOut(u) => api::ktti::pay_out_member(&id, u)
                    .await
                    .map(|_| t.paid_out_toast),
                Change::Leave => api::ktti::leave(&id).await.map(|_| t.left_kitty),
                Change::RequestAdmin => api::ktti::request_admin(&id).await.map(|_| t.asked),
            }
            .map(|message| (c, message))
        }
    });
    on_done(
        change,
        move |(c, message)| {
            toasts.success(message);
            if c == Change::Leave {
                navigate("/kitties", Default::default());
            } else {
                ctx.refresh();
            }
        },
        Failure::Toast,
    );
    let retry = Callback::new(move |_| members.refetch());
    view! {
        <Loaded lines=4 retry view=move || async move {
            let m = members.await?;
            Ok(ctx.get().map(|k| view! { <MemberList totals=m kitty=k change /> }))
        } />
        {move || ctx.get().filter(|k| !k.is_personal).map(|k| view! { <Invite kitty=k /> })}
    }
}

#[component]
fn MemberList(
    totals: MemberTotals,
    kitty: Kitty,
    change: Action<Change, Result<(Change, &'static str), ApiError>>,
) -> impl IntoView {
    let me = use_session().user().map(|u| u.id).unwrap_or_default();
    let admin = kitty.my_role == Role::Admin;
    let max = totals
        .members
        .iter()
        .map(|m| m.balance.abs())
        .max()
        .unwrap_or(0)
        .max(1);
    let requests: Vec<Member> = totals
        .members
        .iter()
        .filter(|m| m.admin_requested && m.active)
        .cloned()
        .collect();
    let k2 = kitty.clone();
    // Leaving is refused by the server as the last admin or with a balance other than zero: say
    // so, and what to do instead, before anyone presses the button.
    let leave_blockers = leave_blockers(&totals, &me, kitty.currency);
    let leave_blocked = !leave_blockers.is_empty();
    // Why a member cannot be removed yet (their balance), shown instead of asking.
    let remove_note = RwSignal::new(None::<String>);
    let t = MembersText::get();
    view! {
        {(admin && !requests.is_empty()).then(|| view! {
            <section class="card card--callout" aria-labelledby="requests-heading">
                <h2 id="requests-heading">{t.admin_requests}</h2>
                <ul class="rows">{requests.into_iter().map(|m| { let u = m.user_id.clone(); view! {
                    <li class="row"><span class="row__main row__title">{m.name.clone()}</span>
                        <button type="button" class="btn btn--primary btn--small" on:click=move |_| { change.dispatch(Change::Role(u.clone(), Role::Admin)); }>{t.make_admin}</button></li>
                }}).collect_view()}</ul>
            </section>
        })}
        <section class="card" aria-labelledby="members-heading">
            <h2 id="members-heading">{KittyText::get().tab_members}</h2>
            <div class="table-wrap members-wrap">
                <table class="table members-table" role="table">
                    <thead role="rowgroup"><tr role="row">
                        <th scope="col" role="columnheader">{t.member}</th>
                        <th scope="col" role="columnheader" class="money">{t.deposited}</th>
                        <th scope="col" role="columnheader" class="money">{t.spent}</th>
                        <th scope="col" role="columnheader" class="money">{t.paid_out}</th>
                        <th scope="col" role="columnheader" class="money">{t.balance}</th>
                        <th scope="col" role="columnheader"><span class="visually-hidden">{t.actions}</span></th>
                    </tr></thead>
                    <tbody role="rowgroup">
                        {totals.members.iter().map(|m| {
                            let (u1, u2, u3) = (m.user_id.clone(), m.user_id.clone(), m.user_id.clone());
                            let owed = m.balance > 0;
                            let is_me = m.user_id == me;
                            let next_role = if m.role == Role::Admin { Role::Member } else { Role::Admin };
                            // The server refuses to remove anyone whose balance is not zero.
                            let unsettled = unsettled_text(&m.name, m.balance, kitty.currency, false);
                            view! {
                                <tr role="row" class:row--inactive=!m.active>
                                    <th scope="row" role="rowheader">{m.name.clone()}{is_me.then_some(t.you)}
                                        {match (m.active, m.role) { (false, _) => Some(t.role_left), (_, Role::Admin) => Some(t.role_admin), _ => None }.map(|r| view! { " "<span class="row__meta members__role">{r}</span> })}</th>
                                    <td role="cell" class="money" data-label=t.deposited>{money(m.deposited, &kitty)}</td>
                                    <td role="cell" class="money" data-label=t.spent>{money(m.spent, &kitty)}</td>
                                    <td role="cell" class="money" data-label=t.paid_out>{money(m.paid_out, &kitty)}</td>
                                    <td role="cell" class="money members__balance" data-label=t.balance class:money--negative={m.balance < 0}>{money(m.balance, &kitty)}</td>
                                    <td role="cell" class="members__actions"><div class="table__actions">
                                        {(admin && owed && kitty.status != KittyStatus::Closed).then(|| view! {
                                            <button type="button" class="btn btn--small btn--secondary" on:click=move |_| { change.dispatch(Change::PayOut(u3.clone())); }>{t.pay_out}</button>
                                        })}
                                        {(admin && m.active && !is_me).then(|| view! {
                                            <button type="button" class="btn btn--small btn--secondary" on:click=move |_| { change.dispatch(Change::Role(u1.clone(), next_role)); }>
                                                {if next_role == Role::Admin { t.make_admin } else { t.make_member }}</button>
                                            <button type="button" class="btn btn--small btn--secondary" on:click=move |_| {
                                                if let Some(why) = unsettled.clone() {
                                                    remove_note.set(Some(why));
                                                } else if window().confirm_with_message(t.remove_confirm).unwrap_or(false) {
                                                    remove_note.set(None);
                                                    change.dispatch(Change::Remove(u2.clone()));
                                                }
                                            }>{t.remove}</button>
                                        })}
                                    </div></td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
            <p class="muted members-note" role="status">{move || remove_note.get()}</p>
            {(totals.unassigned != 0).then(|| view! { <p class="muted">{fill(t.unassigned, &[("amount", &money(totals.unassigned, &k2))])}</p> })}
            <p class="muted">{fill(t.available, &[("amount", &money(totals.available_balance, &k2))])}</p>
            <h3>{t.balances}</h3>
            <svg class="chart chart--balances" viewBox=format!("0 0 300 {}", 24 * totals.members.len().max(1)) role="img" aria-label=t.balances_chart>
                {totals.members.iter().enumerate().map(|(i, m)| {
                    let w = (m.balance.abs() * 1000 / max) as f64 / 1000.0 * 140.0;
                    let x = if m.balance < 0 { 150.0 - w } else { 150.0 };
                    let y = i as f64 * 24.0 + 4.0;
                    view! {
                        <g>
                            <title>{format!("{}: {}", m.name, money(m.balance, &k2))}</title>
                            <rect class=if m.balance < 0 { "chart__bar chart__bar--negative" } else { "chart__bar" } x=x y=y width=w.max(1.0) height="16" rx="3"></rect>
                            <text class="chart__day" x=if m.balance < 0 { 154.0 } else { 146.0 } y=y + 12.0 text-anchor=if m.balance < 0 { "start" } else { "end" }>{m.name.clone()}</text>
                        </g>
                    }
                }).collect_view()}
            </svg>
            {(!kitty.is_personal).then(|| view! {
                {leave_blocked.then(|| view! {
                    <div class="leave-blocked" id="leave-why">
                        {leave_blockers.into_iter().map(|why| view! { <p>{why}</p> }).collect_view()}
                    </div>
                })}
                <div class="actions">
                    {(!admin).then(|| view! { <button type="button" class="btn btn--secondary" on:click=move |_| { change.dispatch(Change::RequestAdmin); }>{t.ask_admin}</button> })}
                    <button type="button" class="btn btn--danger" disabled=leave_blocked
                        aria-describedby=leave_blocked.then_some("leave-why")
                        on:click=move |_| {
                            if window().confirm_with_message(t.leave_confirm).unwrap_or(false) {
                                change.dispatch(Change::Leave);
                            }
                        }>{t.leave}</button>
                </div>
            })}
        </section>
    }
}

/// Why the person `me` cannot leave the kitty now, with what to do instead: the server's rules
/// (`leave` in `server/src/providers/ktti/members.rs`), checked before asking. Empty when they
/// can leave.
pub fn leave_blockers(totals: &MemberTotals, me: &str, currency: Currency) -> Vec<String> {
    let Some(mine) = totals.members.iter().find(|m| m.user_id == me && m.active) else {
        return Vec::new();
    };
    let mut why = Vec::new();
    let other_admins = totals
        .members
        .iter()
        .filter(|m| m.active && m.role == Role::Admin && m.user_id != me)
        .count();
    let others = totals
        .members
        .iter()
        .filter(|m| m.active && m.user_id != me)
        .count();
    let t = MembersText::get();
    if mine.role == Role::Admin && other_admins == 0 {
        why.push(
            if others == 0 {
                t.only_member
            } else {
                t.only_admin
            }
            .to_string(),
        );
    }
    why.extend(unsettled_text(&mine.name, mine.balance, currency, true));
    why
}

/// Why `name` (the person, when `own`) cannot leave or be removed yet: the balance the server's
/// rule (`may_leave`) refuses, said in this page's language. `None` when settled.
fn unsettled_text(name: &str, balance: i64, currency: Currency, own: bool) -> Option<String> {
    may_leave(name, balance, currency, own).err()?;
    let t = MembersText::get();
    let template = match (balance > 0, own) {
        (true, true) => t.owed_own,
        (true, false) => t.owed_other,
        (false, true) => t.owes_own,
        (false, false) => t.owes_other,
    };
    let amount = crate::fmt::money(Money::new(balance.abs(), currency));
    Some(fill(template, &[("name", name), ("amount", &amount)]))
}

/// The referral link and QR code for anyone, direct invitations for admins.
#[component]
fn Invite(kitty: Kitty) -> impl IntoView {
    let toasts = use_toasts();
    let t = MembersText::get();
    let words = KittyText::get();
    let origin = window().location().origin().unwrap_or_default();
    let link = format!("{origin}/join/{}", kitty.referral_code);
    let admin = kitty.my_role == Role::Admin;
    let contact = RwSignal::new(String::new());
    let errors = RwSignal::new(FieldErrors::new());
    let id = kitty.id.clone();
    let pending = LocalResource::new(move || {
        let id = id.clone();
        async move { api::ktti::kitty_invitations(&id).await }
    });
    let id2 = kitty.id.clone();
    let invite = Action::new_local(move |c: &String| {
        let (c, id) = (c.clone(), id2.clone());
        async move { api::ktti::invite(&id, &c).await }
    });
    on_done(
        invite,
        move |i| {
            toasts.success(fill(t.invitation_sent, &[("contact", &i.contact)]));
            contact.set(String::new());
            pending.refetch();
        },
        Failure::Fields(errors),
    );
    view! {
        <section class="card" aria-labelledby="invite-heading">
            <h2 id="invite-heading">{t.invite_people}</h2>
            <p class="muted">{t.anyone}</p>
            <div class="key-reveal__row">
                <a class="mono link-result__url" href=link.clone()>{link.clone()}</a>
                <CopyButton value=link.clone() label=words.copy done=words.copied what=t.join_link />
            </div>
            <img class="qr" src=api::ktti::referral_qr_url(&kitty.id) width="180" height="180" alt=t.qr_alt loading="lazy" />
            {admin.then(|| view! {
                <form class="form form--inline" on:submit=move |ev: leptos::ev::SubmitEvent| { ev.prevent_default(); invite.dispatch(contact.get_untracked()); }>
                    <TextField name="contact" label=t.invite_by value=contact errors autocomplete="off" />
                    <button class="btn btn--primary" type="submit" disabled=move || invite.pending().get()>{t.send_invitation}</button>
                </form>
                {move || pending.get().and_then(|r| r.ok()).filter(|l| !l.invitations.is_empty()).map(|l| view! {
                    <h3>{t.waiting}</h3>
                    <ul class="rows">{l.invitations.into_iter().map(|i| view! { <li class="row"><span class="row__main">{i.contact.clone()}</span><span class="row__meta">{crate::fmt::relative(&i.created_at)}</span></li> }).collect_view()}</ul>
                })}
            })}
        </section>
    }
}
