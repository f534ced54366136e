//! Quotes: how much crypto a fiat deposit buys (cash in), or how much fiat a crypto amount pays
//! out (cash out), at a rate locked until the quote expires; accepting one makes it usable.

use super::{amount_minor, clock, now_ms, ticking_now, use_ramp};
use crate::api::{self, ApiError};
use crate::components::copy::CopyButton;
use crate::components::feedback::{on_done, use_title, Failure};
use crate::components::form::{FormAlert, SelectField, TextField};
use crate::components::toast::use_toasts;
use crate::i18n::ramp::{RampFrameText, RampStatusText, RampText};
use crate::i18n::{digits, pieces, Piece};
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
        return Err(RampText::get().crypto_amount_like.into());
    }
    if t.bytes().all(|b| b == b'0' || b == b'.') {
        return Err(RampText::get().more_than_zero.into());
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
        .map(crate::fmt::money)
        .unwrap_or_else(|_| digits(&format!("{units} {}", currency.code())))
}

#[component]
pub fn Quotes() -> impl IntoView {
    let t = RampText::get();
    use_title(RampFrameText::get().quotes);
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
            toasts.success(t.quote_accepted);
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
                let fiat_amount = amount_minor(&fiat_amount.get_untracked())
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
                <h2 id="quote-form-heading">{t.get_quote}</h2>
                <form class="form" on:submit=on_submit novalidate>
                    <FormAlert message=alert.into() />
                    <fieldset class="choice ramp-choice">
                        <legend class="field__label">{t.direction}</legend>
                        <div class="ramp-choice__options">
                            {QuoteDirection::ALL.iter().map(|d| {
                                let d = *d;
                                view! {
                                    <label class="chip">
                                        <input type="radio" name="direction" value=d.as_str()
                                            prop:checked=move || direction.get() == d
                                            on:change=move |_| { direction.set(d); errors.set(FieldErrors::new()); } />
                                        {match d {
                                            QuoteDirection::In => t.cash_in_choice,
                                            QuoteDirection::Out => t.cash_out_choice,
                                        }}
                                    </label>
                                }
                            }).collect_view()}
                        </div>
                    </fieldset>
                    {move || match direction.get() {
                        QuoteDirection::In => view! {
                            <TextField name="fiatAmount" label=t.fiat_amount value=fiat_amount errors
                                inputmode="decimal" autocomplete="off" hint=t.fiat_amount_hint required=true />
                        }.into_any(),
                        QuoteDirection::Out => view! {
                            <TextField name="cryptoAmount" label=t.crypto_amount value=crypto errors
                                inputmode="decimal" autocomplete="off" hint=t.crypto_amount_hint required=true />
                        }.into_any(),
                    }}
                    <SelectField name="currency" label=t.fiat_currency value=currency errors options=currencies />
                    <SelectField name="cryptoType" label=t.crypto value=crypto_type errors options=cryptos />
                    <button class="btn btn--primary" type="submit" disabled=move || ask.pending().get()>
                        {move || if ask.pending().get() { t.getting_quote } else { t.get_quote }}
                    </button>
                </form>
            </section>
            {move || match quote.get() {
                Some((q, since)) => view! { <QuoteCard q since accept /> }.into_any(),
                None => view! {
                    <section class="card" aria-labelledby="quote-empty-heading">
                        <h2 id="quote-empty-heading">{t.your_quote}</h2>
                        <p class="muted">{t.your_quote_body}</p>
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
    let t = RampText::get();
    let st = RampStatusText::get();
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
        QuoteDirection::In => digits(&format!("{} {crypto}", q.amount_received)),
        QuoteDirection::Out => fiat(&q.amount_received, currency),
    };
    let target = (q.direction, q.quote_id.clone());
    let id = q.quote_id.clone();
    let accepted = status == QuoteStatus::Accepted;
    view! {
        <section class="card ramp-quote" aria-labelledby="quote-heading">
            <h2 id="quote-heading" tabindex="-1" node_ref=heading>
                {match q.direction {
                    QuoteDirection::In => t.cash_in_quote,
                    QuoteDirection::Out => t.cash_out_quote,
                }}" "
                <span class=format!("status status--{}", status.as_str())>{t.quote_status(status)}</span>
            </h2>
            <dl class="details">
                <dt>{t.fiat}</dt><dd>{fiat(&q.fiat_amount, currency)}</dd>
                <dt>{t.crypto}</dt><dd>{digits(&format!("{} {crypto}", q.crypto_amount))}</dd>
                <dt>{t.rate}</dt><dd>{format!("{} = {}", digits(&format!("1 {crypto}")), fiat(&q.rate, currency))}</dd>
                <dt>{st.fee}</dt><dd>{fiat(&q.fee, currency)}</dd>
                <dt>{t.you_get}</dt><dd><strong>{gets}</strong></dd>
                <dt>{t.expires}</dt><dd>{crate::fmt::datetime(&q.expires_at)}</dd>
            </dl>
            {move || if expired() {
                view! { <p class="form-alert" role="status">{t.quote_expired}</p> }.into_any()
            } else {
                view! {
                    <p class="ramp-countdown">
                        {pieces(t.expires_in).into_iter().map(|piece| match piece {
                            Piece::Text(text) => text.into_any(),
                            Piece::Slot(_) => view! { <span role="timer" class="mono">{move || clock(left())}</span> }.into_any(),
                        }).collect_view()}
                    </p>
                }.into_any()
            }}
            {if accepted {
                let deposit = (q.direction == QuoteDirection::In)
                    .then(|| format!("/ramp/deposit?quote={}", api::enc(&id)));
                view! {
                    <div class="key-reveal" role="status">
                        <p><strong>{t.accepted}</strong>{t.use_quote_id}</p>
                        <div class="key-reveal__row">
                            <code class="mono key-reveal__key">{id.clone()}</code>
                            <CopyButton value=id.clone() label=st.copy done=st.copied what=t.quote_id_what />
                        </div>
                    </div>
                    {deposit.map(|href| view! { <A href=href attr:class="btn btn--primary">{t.deposit_with_quote}</A> })}
                }.into_any()
            } else {
                view! {
                    <button type="button" class="btn btn--primary"
                        disabled=move || expired() || status != QuoteStatus::Open || accept.pending().get()
                        on:click=move |_| { accept.dispatch(target.clone()); }>
                        {move || if accept.pending().get() { t.accepting } else { t.accept_quote }}
                    </button>
                }.into_any()
            }}
        </section>
    }
}
