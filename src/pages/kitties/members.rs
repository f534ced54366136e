use super::kitty::use_kitty;
use super::money;
use crate::api::{self, ApiError};
use crate::components::copy::CopyButton;
use crate::components::feedback::{on_done, Failure, Loaded};
use crate::components::form::TextField;
use crate::components::toast::use_toasts;
use crate::session::use_session;
use kitty_api::kitty::{Kitty, KittyStatus, Member, MemberTotals, Role};
use kitty_api::ledger::{may_leave, Refusal};
use kitty_api::{Currency, FieldErrors};
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
    let change = Action::new_local(move |c: &Change| {
        let (c, id) = (c.clone(), ctx.id.get_untracked());
        async move {
            match &c {
                Change::Role(u, r) => api::ktti::set_role(&id, u, *r)
                    .await
                    .map(|_| "Role updated."),
                Change::Remove(u) => api::ktti::remove_member(&id, u)
                    .await
                    .map(|_| "Member removed."),
                Change::PayOut(u) => api::ktti::pay_out_member(&id, u)
                    .await
                    .map(|_| "Paid out. They can leave now, settled."),
                Change::Leave => api::ktti::leave(&id).await.map(|_| "You left the kitty."),
                Change::RequestAdmin => api::ktti::request_admin(&id)
                    .await
                    .map(|_| "Admins were asked to make you an admin."),
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
    view! {
        {(admin && !requests.is_empty()).then(|| view! {
            <section class="card card--callout" aria-labelledby="requests-heading">
                <h2 id="requests-heading">"Admin requests"</h2>
                <ul class="rows">{requests.into_iter().map(|m| { let u = m.user_id.clone(); view! {
                    <li class="row"><span class="row__main row__title">{m.name.clone()}</span>
                        <button type="button" class="btn btn--primary btn--small" on:click=move |_| { change.dispatch(Change::Role(u.clone(), Role::Admin)); }>"Make admin"</button></li>
                }}).collect_view()}</ul>
            </section>
        })}
        <section class="card" aria-labelledby="members-heading">
            <h2 id="members-heading">"Members"</h2>
            <div class="table-wrap members-wrap">
                <table class="table members-table" role="table">
                    <thead role="rowgroup"><tr role="row">
                        <th scope="col" role="columnheader">"Member"</th>
                        <th scope="col" role="columnheader" class="money">"Deposited"</th>
                        <th scope="col" role="columnheader" class="money">"Spent"</th>
                        <th scope="col" role="columnheader" class="money">"Paid out"</th>
                        <th scope="col" role="columnheader" class="money">"Balance"</th>
                        <th scope="col" role="columnheader" aria-label="Actions"></th>
                    </tr></thead>
                    <tbody role="rowgroup">
                        {totals.members.iter().map(|m| {
                            let (u1, u2, u3) = (m.user_id.clone(), m.user_id.clone(), m.user_id.clone());
                            let owed = m.balance > 0;
                            let is_me = m.user_id == me;
                            let next_role = if m.role == Role::Admin { Role::Member } else { Role::Admin };
                            // The server refuses to remove anyone whose balance is not zero.
                            let unsettled = may_leave(&m.name, m.balance, kitty.currency, false).err().map(refusal_text);
                            view! {
                                <tr role="row" class:row--inactive=!m.active>
                                    <th scope="row" role="rowheader">{m.name.clone()}{is_me.then_some(" (you)")}
                                        {match (m.active, m.role) { (false, _) => Some("left"), (_, Role::Admin) => Some("admin"), _ => None }.map(|r| view! { " "<span class="row__meta members__role">{r}</span> })}</th>
                                    <td role="cell" class="money" data-label="Deposited">{money(m.deposited, &kitty)}</td>
                                    <td role="cell" class="money" data-label="Spent">{money(m.spent, &kitty)}</td>
                                    <td role="cell" class="money" data-label="Paid out">{money(m.paid_out, &kitty)}</td>
                                    <td role="cell" class="money members__balance" data-label="Balance" class:money--negative={m.balance < 0}>{money(m.balance, &kitty)}</td>
                                    <td role="cell" class="members__actions"><div class="table__actions">
                                        {(admin && owed && kitty.status != KittyStatus::Closed).then(|| view! {
                                            <button type="button" class="btn btn--small btn--secondary" on:click=move |_| { change.dispatch(Change::PayOut(u3.clone())); }>"Pay out"</button>
                                        })}
                                        {(admin && m.active && !is_me).then(|| view! {
                                            <button type="button" class="btn btn--small btn--secondary" on:click=move |_| { change.dispatch(Change::Role(u1.clone(), next_role)); }>
                                                {if next_role == Role::Admin { "Make admin" } else { "Make member" }}</button>
                                            <button type="button" class="btn btn--small btn--secondary" on:click=move |_| {
                                                if let Some(why) = unsettled.clone() {
                                                    remove_note.set(Some(why));
                                                } else if window().confirm_with_message("Remove this member from the kitty?").unwrap_or(false) {
                                                    remove_note.set(None);
                                                    change.dispatch(Change::Remove(u2.clone()));
                                                }
                                            }>"Remove"</button>
                                        })}
                                    </div></td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
            <p class="muted members-note" role="status">{move || remove_note.get()}</p>
            {(totals.unassigned != 0).then(|| view! { <p class="muted">{format!("Unassigned deposits: {}", money(totals.unassigned, &k2))}</p> })}
            <p class="muted">{format!("Available: {}", money(totals.available_balance, &k2))}</p>
            <h3>"Balances"</h3>
            <svg class="chart chart--balances" viewBox=format!("0 0 300 {}", 24 * totals.members.len().max(1)) role="img" aria-label="Each member's balance">
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
                    {(!admin).then(|| view! { <button type="button" class="btn btn--secondary" on:click=move |_| { change.dispatch(Change::RequestAdmin); }>"Ask to be admin"</button> })}
                    <button type="button" class="btn btn--danger" disabled=leave_blocked
                        aria-describedby=leave_blocked.then_some("leave-why")
                        on:click=move |_| {
                            if window().confirm_with_message("Leave this kitty?").unwrap_or(false) {
                                change.dispatch(Change::Leave);
                            }
                        }>"Leave kitty"</button>
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
    if mine.role == Role::Admin && other_admins == 0 {
        why.push(if others == 0 {
            "You are the only member, so there is no one to hand the kitty to. To end it, close it from the Settings tab.".to_string()
        } else {
            "You are the only admin, so you cannot leave yet. Make another member an admin first (Make admin, next to their name); then you can leave.".to_string()
        });
    }
    if let Err(r) = may_leave(&mine.name, mine.balance, currency, true) {
        why.push(refusal_text(r));
    }
    why
}

fn refusal_text(r: Refusal) -> String {
    match r {
        Refusal::Conflict(m) | Refusal::NotFound(m) | Refusal::Invalid { message: m, .. } => m,
        Refusal::Forbidden => "Only admins can do this.".to_string(),
    }
}

/// The referral link and QR code for anyone, direct invitations for admins.
#[component]
fn Invite(kitty: Kitty) -> impl IntoView {
    let toasts = use_toasts();
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
            toasts.success(format!("Invitation sent to {}.", i.contact));
            contact.set(String::new());
            pending.refetch();
        },
        Failure::Fields(errors),
    );
    view! {
        <section class="card" aria-labelledby="invite-heading">
            <h2 id="invite-heading">"Invite people"</h2>
            <p class="muted">"Anyone with this link can join."</p>
            <div class="key-reveal__row">
                <a class="mono link-result__url" href=link.clone()>{link.clone()}</a>
                <CopyButton value=link.clone() label="Copy" done="Copied" what="join link" />
            </div>
            <img class="qr" src=api::ktti::referral_qr_url(&kitty.id) width="180" height="180" alt="QR code of the join link" loading="lazy" />
            {admin.then(|| view! {
                <form class="form form--inline" on:submit=move |ev: leptos::ev::SubmitEvent| { ev.prevent_default(); invite.dispatch(contact.get_untracked()); }>
                    <TextField name="contact" label="Invite by mobile or email" value=contact errors autocomplete="off" />
                    <button class="btn btn--primary" type="submit" disabled=move || invite.pending().get()>"Send invitation"</button>
                </form>
                {move || pending.get().and_then(|r| r.ok()).filter(|l| !l.invitations.is_empty()).map(|l| view! {
                    <h3>"Waiting for an answer"</h3>
                    <ul class="rows">{l.invitations.into_iter().map(|i| view! { <li class="row"><span class="row__main">{i.contact.clone()}</span><span class="row__meta">{crate::fmt::relative(&i.created_at)}</span></li> }).collect_view()}</ul>
                })}
            })}
        </section>
    }
}
