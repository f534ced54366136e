//! Quotes: how much crypto a fiat deposit buys (cash in), or how much fiat a crypto amount pays
//! out (cash out), at a rate locked until the quote expires; accepting one makes it usable.

use super::{clock, now_ms, ticking_now, use_ramp};
use crate::api::{self, ApiError};
use crate::components::copy::CopyButton;
use crate::components::feedback::{on_done, use_title, Failure};
use crate::components::form::{FormAlert, SelectField, TextField};
use crate::components::toast::use_toasts;
use kitty_api::ramp::{
    self, CashInQuoteRequest, CashOutQuoteRequest, Quote, QuoteDirection, QuoteStatus, CRYPTO_TYPES,
};
use kitty_api::{Currency, FieldErrors, Money};
use leptos::prelude::*;
use leptos_router::components::A;

#[derive(Clone)]
enum QuoteInput {
    In(CashInQuoteRequest),
    Out(CashOutQuoteRequest),
}

/// A crypto amount as typed: digits with up to six decimals, more than zero.
fn crypto_amount(text: &str) -> Result<String, String> {
    let t = text.trim();
    let (whole, frac) = t.split_once('.').unwrap_or((t, ""));
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    let ok = !(whole.is_empty() && frac.is_empty())
        && whole.len() <= 12
        && frac.len() <= 6
        && digits(whole)
        && digits(frac);
    if !ok {
        return Err("Enter an amount like 10 or 10.5 (up to 6 decimals).".into());
    }
    if t.bytes().all(|b| b == b'0' || b == b'.') {
        return Err("Enter more than zero.".into());
    }
    let whole = if whole.is_empty() { "0" } else { whole };
    Ok(if frac.is_empty() {
        whole.to_string()
    } else {
        format!("{whole}.{frac}")
    })
}

/// A fiat amount from a quote (`"1300.00"`), formatted for its currency.
fn fiat(units: &str, currency: Currency) -> String {
    Money::parse(units, currency)
        .map(|m| m.to_string())
        .unwrap_or_else(|_| format!("{units} {}", currency.code()))
}

#[component]
pub fn Quotes() -> impl IntoView {
    use_title("Quotes");
    let ctx = use_ramp();
    let toasts = use_toasts();
    let direction = RwSignal::new(QuoteDirection::In);
    let fiat_amount = RwSignal::new(String::new());
    let crypto = RwSignal::new(String::new());
    let currency = RwSignal::new("KES".to_string());
    let crypto_type = RwSignal::new(CRYPTO_TYPES[0].to_string());
    let errors = RwSignal::new(FieldErrors::new());
    let alert = RwSignal::new(None::<String>);
    // The quote on screen and when it arrived (its countdown starts from there).
    let quote = RwSignal::new(None::<(Quote, i64)>);
    // The partner's own currency is the likely one.
    Effect::new(move || {
        if let Some(c) = ctx.country() {
            currency.set(c.currency().code().to_string());
        }
    });

    let ask = Action::new_local(|input: &QuoteInput| {
        let input = input.clone();
        async move {
            match input {
                QuoteInput::In(r) => api::kotani::quote_in(&r).await,
                QuoteInput::Out(r) => api::kotani::quote_out(&r).await,
            }
        }
    });
    on_done(
        ask,
        move |q| quote.set(Some((q, now_ms()))),
        Failure::Form(errors, alert),
    );
    let accept = Action::new_local(|(direction, id): &(QuoteDirection, String)| {
        let (direction, id) = (*direction, id.clone());
        async move { api::kotani::accept_quote(direction, &id).await }
    });
    on_done(
        accept,
        move |q| {
            toasts.success("Quote accepted: its rate is yours until it expires.");
            quote.set(Some((q, now_ms())));
        },
        Failure::Toast,
    );

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        alert.set(None);
        let mut found = FieldErrors::new();
        let currency = currency.get_untracked();
        let crypto_type = crypto_type.get_untracked();
        let input = match direction.get_untracked() {
            QuoteDirection::In => {
                let fiat_amount = ramp::amount_minor(&fiat_amount.get_untracked())
                    .map(ramp::units_text)
                    .unwrap_or_else(|e| {
                        found.insert("fiatAmount".into(), e);
                        String::new()
                    });
                QuoteInput::In(CashInQuoteRequest {
                    fiat_amount,
                    currency,
                    crypto_type,
                })
            }
            QuoteDirection::Out => {
                let crypto_amount = crypto_amount(&crypto.get_untracked()).unwrap_or_else(|e| {
                    found.insert("cryptoAmount".into(), e);
                    String::new()
                });
                QuoteInput::Out(CashOutQuoteRequest {
                    crypto_amount,
                    currency,
                    crypto_type,
                })
            }
        };
        if found.is_empty() {
            errors.set(FieldErrors::new());
            ask.dispatch(input);
        } else {
            errors.set(found);
        }
    };
    let currencies = Signal::derive(|| {
        [Currency::KES, Currency::GHS]
            .iter()
            .map(|c| (c.code().to_string(), c.code().to_string()))
            .collect()
    });
    let cryptos = Signal::derive(|| {
        CRYPTO_TYPES
            .iter()
            .map(|c| (c.to_string(), c.to_string()))
            .collect()
    });

    view! {
        <div class="split">
            <section class="card" aria-labelledby="quote-form-heading">
                <h2 id="quote-form-heading">"Get a quote"</h2>
                <form class="form" on:submit=on_submit novalidate>
                    <FormAlert message=alert.into() />
                    <fieldset class="choice ramp-choice">
                        <legend class="field__label">"Direction"</legend>
                        <div class="ramp-choice__options">
                            {QuoteDirection::ALL.iter().map(|d| {
                                let d = *d;
                                view! {
                                    <label class="chip">
                                        <input type="radio" name="direction" value=d.as_str()
                                            prop:checked=move || direction.get() == d
                                            on:change=move |_| { direction.set(d); errors.set(FieldErrors::new()); } />
                                        {match d {
                                            QuoteDirection::In => "Cash in (fiat to crypto)",
                                            QuoteDirection::Out => "Cash out (crypto to fiat)",
                                        }}
                                    </label>
                                }
                            }).collect_view()}
                        </div>
                    </fieldset>
                    {move || match direction.get() {
                        QuoteDirection::In => view! {
                            <TextField name="fiatAmount" label="Fiat amount to pay in" value=fiat_amount errors
                                inputmode="decimal" autocomplete="off" hint="Like 1300 or 1300.50" required=true />
                        }.into_any(),
                        QuoteDirection::Out => view! {
                            <TextField name="cryptoAmount" label="Crypto amount to cash out" value=crypto errors
                                inputmode="decimal" autocomplete="off" hint="Like 10 or 10.5" required=true />
                        }.into_any(),
                    }}
                    <SelectField name="currency" label="Fiat currency" value=currency errors options=currencies />
                    <SelectField name="cryptoType" label="Crypto" value=crypto_type errors options=cryptos />
                    <button class="btn btn--primary" type="submit" disabled=move || ask.pending().get()>
                        {move || if ask.pending().get() { "Getting a quote…" } else { "Get a quote" }}
                    </button>
                </form>
            </section>
            {move || match quote.get() {
                Some((q, since)) => view! { <QuoteCard q since accept /> }.into_any(),
                None => view! {
                    <section class="card" aria-labelledby="quote-empty-heading">
                        <h2 id="quote-empty-heading">"Your quote"</h2>
                        <p class="muted">"A quote shows the rate, the fee and what you get. Its rate holds for a few minutes; accept it to use it with a deposit."</p>
                    </section>
                }.into_any(),
            }}
        </div>
    }
}

/// A quote with its countdown, and the way to accept it (or use it, once accepted).
#[component]
fn QuoteCard(
    q: Quote,
    /// When the quote arrived, in ms since the epoch.
    since: i64,
    accept: Action<(QuoteDirection, String), Result<Quote, ApiError>>,
) -> impl IntoView {
    let now = ticking_now();
    let (expires_in, status) = (q.expires_in, q.status);
    let left = move || expires_in - (now.get() - since) / 1000;
    let expired = move || status == QuoteStatus::Expired || left() <= 0;
    let heading = NodeRef::<leptos::html::H2>::new();
    Effect::new(move || {
        if let Some(h) = heading.get() {
            let _ = h.focus();
        }
    });
    let (crypto, currency) = (q.crypto_type.clone(), q.currency);
    let gets = match q.direction {
        QuoteDirection::In => format!("{} {crypto}", q.amount_received),
        QuoteDirection::Out => fiat(&q.amount_received, currency),
    };
    let target = (q.direction, q.quote_id.clone());
    let id = q.quote_id.clone();
    let accepted = status == QuoteStatus::Accepted;
    view! {
        <section class="card ramp-quote" aria-labelledby="quote-heading">
            <h2 id="quote-heading" tabindex="-1" node_ref=heading>
                {q.direction.label()}" quote "
                <span class=format!("status status--{}", status.as_str())>{status.label()}</span>
            </h2>
            <dl class="details">
                <dt>"Fiat"</dt><dd>{fiat(&q.fiat_amount, currency)}</dd>
                <dt>"Crypto"</dt><dd>{format!("{} {crypto}", q.crypto_amount)}</dd>
                <dt>"Rate"</dt><dd>{format!("1 {crypto} = {}", fiat(&q.rate, currency))}</dd>
                <dt>"Fee"</dt><dd>{fiat(&q.fee, currency)}</dd>
                <dt>"You get"</dt><dd><strong>{gets}</strong></dd>
                <dt>"Expires"</dt><dd>{crate::fmt::datetime(&q.expires_at)}</dd>
            </dl>
            {move || if expired() {
                view! { <p class="form-alert" role="status">"This quote has expired. Get a new one for a fresh rate."</p> }.into_any()
            } else {
                view! {
                    <p class="ramp-countdown">
                        "Expires in "<span role="timer" class="mono">{move || clock(left())}</span>
                    </p>
                }.into_any()
            }}
            {if accepted {
                let deposit = (q.direction == QuoteDirection::In)
                    .then(|| format!("/ramp/deposit?quote={}", api::enc(&id)));
                view! {
                    <div class="key-reveal" role="status">
                        <p><strong>"Accepted."</strong>" Use this quote id before it expires."</p>
                        <div class="key-reveal__row">
                            <code class="mono key-reveal__key">{id.clone()}</code>
                            <CopyButton value=id.clone() label="Copy" done="Copied" what="quote id" />
                        </div>
                    </div>
                    {deposit.map(|href| view! { <A href=href attr:class="btn btn--primary">"Deposit with this quote"</A> })}
                }.into_any()
            } else {
                view! {
                    <button type="button" class="btn btn--primary"
                        disabled=move || expired() || status != QuoteStatus::Open || accept.pending().get()
                        on:click=move |_| { accept.dispatch(target.clone()); }>
                        {move || if accept.pending().get() { "Accepting…" } else { "Accept this quote" }}
                    </button>
                }.into_any()
            }}
        </section>
    }
}
