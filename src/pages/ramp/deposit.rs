use super::status::LiveStatus;
use super::{
    amount_label, callback_problem, optional, phone_hint, phone_number, phone_problem, set_error,
    use_ramp, whole_units, PartnerGate,
};
use crate::api;
use crate::components::feedback::{on_done, use_title, Failure};
use crate::components::form::{FormAlert, TextField};
use crate::i18n::ramp::{RampFrameText, RampText};
use crate::session::use_session;
use kitty_api::ramp::{DepositRequest, QuoteDepositRequest, RampResult};
use kitty_api::FieldErrors;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[derive(Clone)]
enum DepositInput {
    Plain(DepositRequest),
    Quote(QuoteDepositRequest),
}

/// An M-Pesa deposit (STK push) into the wallet, optionally paying for an accepted quote, then
/// its status, live. `?quote=ID` starts with that quote.
#[component]
pub fn Deposit() -> impl IntoView {
    let t = RampText::get();
    let f = RampFrameText::get();
    use_title(f.deposit);
    let ctx = use_ramp();
    let session = use_session();
    let quote_from_url = use_query_map()
        .with_untracked(|q| q.get("quote"))
        .unwrap_or_default();
    let phone = RwSignal::new(String::new());
    let amount = RwSignal::new(String::new());
    let external = RwSignal::new(String::new());
    let callback = RwSignal::new(String::new());
    let with_quote = RwSignal::new(!quote_from_url.is_empty());
    let quote_id = RwSignal::new(quote_from_url);
    let errors = RwSignal::new(FieldErrors::new());
    let alert = RwSignal::new(None::<String>);
    let started = RwSignal::new(None::<String>);

    // The number is checked as it is typed, once it is long enough to judge.
    Effect::new(move || {
        let problem = ctx.country().and_then(|c| phone_problem(&phone.get(), c));
        set_error(errors, "phoneNumber", problem);
    });

    let deposit = Action::new_local(|input: &DepositInput| {
        let input = input.clone();
        async move {
            match input {
                DepositInput::Plain(r) => api::kotani::deposit(&r).await,
                DepositInput::Quote(r) => api::kotani::deposit_with_quote(&r).await,
            }
        }
    });
    on_done(
        deposit,
        move |r: RampResult| started.set(Some(r.result.request_id)),
        Failure::Form(errors, alert),
    );
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        alert.set(None);
        let Some(country) = ctx.country() else {
            return;
        };
        let mut found = FieldErrors::new();
        let phone_number = phone_number(&phone.get_untracked(), country).unwrap_or_else(|e| {
            found.insert("phoneNumber".into(), e);
            String::new()
        });
        let callback = optional(callback.get_untracked());
        if let Some(p) = callback_problem(&callback) {
            found.insert("callback".into(), p);
        }
        let external_id = optional(external.get_untracked());
        let input = if with_quote.get_untracked() {
            let accepted_quote_id = quote_id.get_untracked().trim().to_string();
            if accepted_quote_id.is_empty() {
                found.insert("acceptedQuoteId".into(), t.enter_quote_id.into());
            }
            DepositInput::Quote(QuoteDepositRequest {
                accepted_quote_id,
                phone_number,
                callback,
                external_id,
            })
        } else {
            let amount = whole_units(&amount.get_untracked()).unwrap_or_else(|e| {
                found.insert("amount".into(), e);
                0
            });
            DepositInput::Plain(DepositRequest {
                amount,
                phone_number,
                callback,
                external_id,
            })
        };
        if found.is_empty() {
            errors.set(FieldErrors::new());
            deposit.dispatch(input);
        } else {
            errors.set(found);
        }
    };

    let form = move |country| {
        view! {
            <section class="card card--form" aria-labelledby="deposit-heading">
                <h2 id="deposit-heading">{f.kind_deposit}</h2>
                <p class="muted">{t.deposit_intro}</p>
                <Show when=move || session.is_sandbox()>
                    <p class="demo-hint">{t.deposit_sandbox}</p>
                </Show>
                <form class="form" on:submit=on_submit novalidate>
                    <FormAlert message=alert.into() />
                    <TextField name="phoneNumber" label=t.phone_number value=phone errors kind="tel" inputmode="tel"
                        autocomplete="tel" hint=phone_hint(country) required=true />
                    <label class="choice__option">
                        <input type="checkbox" prop:checked=move || with_quote.get()
                            on:change=move |ev| with_quote.set(event_target_checked(&ev)) />
                        {t.pay_for_quote}
                    </label>
                    {move || if with_quote.get() {
                        view! {
                            <TextField name="acceptedQuoteId" label=t.quote_id value=quote_id errors autocomplete="off"
                                hint=t.quote_id_hint required=true />
                        }.into_any()
                    } else {
                        view! {
                            <TextField name="amount" label=amount_label(country) value=amount errors inputmode="numeric"
                                autocomplete="off" hint=t.whole_units_hint required=true />
                        }.into_any()
                    }}
                    <TextField name="externalId" label=t.your_reference_optional value=external errors autocomplete="off"
                        hint=t.reference_hint />
                    <TextField name="callback" label=t.callback_optional value=callback errors kind="url"
                        autocomplete="off" hint=t.callback_hint_example />
                    <button class="btn btn--primary" type="submit" disabled=move || deposit.pending().get()>
                        {move || if deposit.pending().get() { t.sending_prompt } else { t.send_prompt }}
                    </button>
                </form>
            </section>
        }
        .into_any()
    };

    view! {
        {move || match started.get() {
            Some(id) => view! { <LiveStatus request_id=id on_again=Callback::new(move |_| started.set(None)) /> }.into_any(),
            None => view! { <PartnerGate form /> }.into_any(),
        }}
    }
}
