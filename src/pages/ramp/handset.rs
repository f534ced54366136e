//! Sandbox only: a simulated M-Pesa phone. It shows its balance, the payment prompts waiting for
//! it (approve with the PIN, or cancel) and the messages M-Pesa sent it, refreshed every 2
//! seconds.

use super::status::POLL;
use super::{clock, money, now_ms, ticking_now};
use crate::api;
use crate::components::feedback::{on_done, use_title, ErrorPanel, Failure, Skeleton};
use crate::components::toast::use_toasts;
use crate::i18n::ramp::{RampFrameText, RampStatusText, RampText};
use crate::i18n::shell::CommonText;
use crate::i18n::{fill, pieces, Piece};
use crate::session::use_session;
use kitty_api::ramp::{Handset, PromptAnswer, RampResult, RampStatus, StkPrompt};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

#[component]
pub fn HandsetPage() -> impl IntoView {
    let t = RampText::get();
    use_title(t.simulated_phone);
    let session = use_session();
    let params = use_params_map();
    let number = Memo::new(move |_| params.with(|p| p.get("phone").unwrap_or_default()));
    view! {
        <A href="/ramp/deposit" attr:class="back">{RampFrameText::get().deposit}</A>
        {move || if session.is_sandbox() {
            view! { <Phone number=number.get() /> }.into_any()
        } else {
            view! {
                <section class="card">
                    <h2>{t.sandbox_only}</h2>
                    <p>{t.sandbox_only_body}</p>
                </section>
            }.into_any()
        }}
    }
}

#[component]
fn Phone(number: String) -> impl IntoView {
    let t = RampText::get();
    let asked = number.clone();
    let data = LocalResource::new(move || {
        let n = asked.clone();
        async move { api::kotani::handset(&n).await }
    });
    if let Ok(h) = set_interval_with_handle(move || data.refetch(), POLL) {
        on_cleanup(move || h.clear());
    }
    // The phone as last loaded: a failed refresh keeps it on screen.
    let phone = Memo::new(move |prev: Option<&Option<Handset>>| match data.get() {
        Some(Ok(h)) => Some(h),
        _ => prev.cloned().flatten(),
    });
    let error = Memo::new(move |_| data.get().and_then(|r| r.err()));
    let loaded = Memo::new(move |_| phone.with(Option::is_some));
    let prompts = move || phone.with(|p| p.as_ref().map(|h| h.prompts.clone()).unwrap_or_default());
    let answered = Callback::new(move |_| data.refetch());
    view! {
        <section class="handset" aria-labelledby="handset-heading">
            <header class="handset__bar">
                <h2 id="handset-heading" class="handset__title">"M-Pesa"</h2>
                <span class="mono">{number}</span>
            </header>
            {move || match (loaded.get(), error.get()) {
                (false, None) => Some(view! { <Skeleton lines=3 /> }.into_any()),
                (false, Some(e)) => Some(view! { <ErrorPanel error=e retry=Callback::new(move |_| data.refetch()) /> }.into_any()),
                (true, Some(e)) if e.is_retryable() => Some(view! { <p class="form-alert form-alert--info">{fill(RampStatusText::get().trying_again, &[("error", &e.message())])}</p> }.into_any()),
                _ => None,
            }}
            <Show when=move || loaded.get()>
                <p class="handset__balance">
                    {pieces(t.balance).into_iter().map(|piece| match piece {
                        Piece::Text(text) => text.into_any(),
                        Piece::Slot(_) => view! {
                            <strong>{move || phone.get().map(|h| money(h.balance, h.currency))}</strong>
                        }.into_any(),
                    }).collect_view()}
                </p>
                <h3 class="handset__heading">{t.requests}</h3>
                <Show when=move || prompts().is_empty()>
                    <p class="muted">{t.no_requests}</p>
                </Show>
                <ul class="handset__prompts">
                    <For each=prompts key=|p| p.request_id.clone() let:p>
                        <PromptCard p answered />
                    </For>
                </ul>
                <h3 class="handset__heading">{t.messages}</h3>
                {move || {
                    let messages = phone.get().map(|h| h.messages).unwrap_or_default();
                    if messages.is_empty() {
                        view! { <p class="muted">{t.no_messages}</p> }.into_any()
                    } else {
                        view! {
                            <ol class="handset__messages">
                                {messages.into_iter().map(|m| view! { <li>{m}</li> }).collect_view()}
                            </ol>
                        }.into_any()
                    }
                }}
            </Show>
        </section>
    }
}

/// "Pay KES 1,250.00 to …? Enter M-Pesa PIN", with its countdown.
#[component]
fn PromptCard(p: StkPrompt, answered: Callback<()>) -> impl IntoView {
    let t = RampText::get();
    let toasts = use_toasts();
    let now = ticking_now();
    let since = now_ms();
    let expires_in = p.expires_in;
    let left = move || expires_in - (now.get() - since) / 1000;
    let timed_out = move || left() <= 0;
    let pin = RwSignal::new(String::new());
    let missing_pin = RwSignal::new(false);
    let answer = Action::new_local(|(id, a): &(String, PromptAnswer)| {
        let (id, a) = (id.clone(), a.clone());
        async move { api::kotani::answer_prompt(&id, &a).await }
    });
    on_done(
        answer,
        move |r: RampResult| {
            let tx = r.result;
            match tx.status {
                RampStatus::Successful => {
                    toasts.success(fill(t.paid, &[("amount", &money(tx.amount, tx.currency))]))
                }
                RampStatus::Failed => {
                    toasts.error(RampFrameText::get().result(tx.result_code.unwrap_or(-1)))
                }
                RampStatus::Pending => {}
            }
            answered.run(());
        },
        Failure::Toast,
    );
    let busy = move || answer.pending().get() || timed_out();
    let (id_approve, id_cancel) = (p.request_id.clone(), p.request_id.clone());
    let on_approve = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let typed = pin.get_untracked();
        if typed.trim().is_empty() {
            missing_pin.set(true);
            return;
        }
        missing_pin.set(false);
        answer.dispatch((
            id_approve.clone(),
            PromptAnswer {
                action: "approve".into(),
                pin: Some(typed.trim().to_string()),
            },
        ));
    };
    let on_cancel = move |_| {
        answer.dispatch((
            id_cancel.clone(),
            PromptAnswer {
                action: "cancel".into(),
                pin: None,
            },
        ));
    };
    let input_id = format!("pin-{}", p.request_id);
    let error_id = format!("{input_id}-error");
    let ask = fill(
        t.pay_ask,
        &[
            ("amount", &money(p.amount, p.currency)),
            ("payee", &p.payee),
        ],
    );
    view! {
        <li class="handset__prompt">
            <p class="handset__ask"><strong>{ask}</strong></p>
            <form class="form" on:submit=on_approve novalidate>
                <div class="field" class:field--invalid=move || missing_pin.get()>
                    <label class="field__label" for=input_id.clone()>{t.enter_pin_label}</label>
                    <input class="field__input" id=input_id.clone() type="password" inputmode="numeric" autocomplete="off"
                        aria-invalid=move || missing_pin.get().then_some("true")
                        aria-describedby={
                            let error_id = error_id.clone();
                            move || missing_pin.get().then(|| error_id.clone())
                        }
                        disabled=timed_out
                        prop:value=move || pin.get()
                        on:input=move |ev| { pin.set(event_target_value(&ev)); missing_pin.set(false); } />
                    {move || missing_pin.get().then(|| view! { <p class="field__error" id=error_id.clone()>{t.enter_pin}</p> })}
                </div>
                <div class="actions">
                    <button type="submit" class="btn btn--primary" disabled=busy>{t.approve}</button>
                    <button type="button" class="btn btn--secondary" disabled=busy on:click=on_cancel>{CommonText::get().cancel}</button>
                </div>
            </form>
            <p class="handset__timer">
                {move || if timed_out() {
                    t.timed_out.into_any()
                } else {
                    pieces(t.times_out_in).into_iter().map(|piece| match piece {
                        Piece::Text(text) => text.into_any(),
                        Piece::Slot(_) => view! { <span role="timer" class="mono">{move || clock(left())}</span> }.into_any(),
                    }).collect_view().into_any()
                }}
            </p>
        </li>
    }
}
