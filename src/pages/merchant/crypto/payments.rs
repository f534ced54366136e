//! A new crypto payment, what to send the buyer once it exists, and the list of payments.

use super::super::linked;
use super::super::poll::{row_key, Polled, PolledView};
use super::{symbol_of, with_symbol, CryptoStatusBadge};
use crate::api::{self, ApiError};
use crate::components::copy::CopyButton;
use crate::components::feedback::{on_done, EmptyState, Failure};
use crate::components::form::{FormAlert, SelectField, TextField};
use crate::fmt;
use crate::i18n::merchant::{CryptoText, MerchantText, ProblemText};
use crate::i18n::shell::CommonText;
use crate::i18n::{digits, fill};
use kitty_api::crypto::{
    CreateCryptoPaymentRequest, CreatedCryptoPayment, CryptoPayment, CryptoPaymentList,
    CryptoStatus, CurrenciesResponse, DecimalText,
};
use kitty_api::merchant::ShopList;
use kitty_api::FieldErrors;
use leptos::prelude::*;
use leptos_router::components::A;

/// `Some(text)` unless it is blank.
fn optional(text: String) -> Option<String> {
    let t = text.trim();
    (!t.is_empty()).then(|| t.to_string())
}

/// The form, then what to send the buyer.
#[component]
pub fn NewCryptoPayment(
    currencies: LocalResource<Result<CurrenciesResponse, ApiError>>,
    shops: LocalResource<Result<ShopList, ApiError>>,
    on_created: Callback<()>,
) -> impl IntoView {
    let shop = RwSignal::new(String::new());
    let order = RwSignal::new(String::new());
    let currency = RwSignal::new(String::new());
    let in_usd = RwSignal::new(true);
    let amount = RwSignal::new(String::new());
    let success_url = RwSignal::new(String::new());
    let failed_url = RwSignal::new(String::new());
    let webhook_url = RwSignal::new(String::new());
    let expires = RwSignal::new("60".to_string());
    let errors = RwSignal::new(FieldErrors::new());
    let alert = RwSignal::new(None::<String>);
    let created = RwSignal::new(None::<CreatedCryptoPayment>);
    let t = CryptoText::get();
    let m = MerchantText::get();

    let currency_list = move || {
        currencies
            .get()
            .and_then(|r| r.ok())
            .map(|c| c.currencies)
            .unwrap_or_default()
    };
    let currency_options = Signal::derive(move || {
        currency_list()
            .into_iter()
            .map(|c| (c.code.clone(), format!("{} · {}", c.symbol, c.name)))
            .collect::<Vec<_>>()
    });
    let shop_options = Signal::derive(move || {
        shops
            .get()
            .and_then(|r| r.ok())
            .map(|l| {
                l.shops
                    .into_iter()
                    .map(|s| (s.id, s.name))
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    });
    let no_shop = move || {
        shops
            .get()
            .and_then(|r| r.ok())
            .is_some_and(|l| l.shops.is_empty())
    };
    // The first currency until one is chosen; with one shop there is nothing to choose.
    Effect::new(move || {
        if currency.with_untracked(String::is_empty) {
            if let Some((code, _)) = currency_options.get().first() {
                currency.set(code.clone());
            }
        }
        if let [(id, _)] = shop_options.get().as_slice() {
            shop.set(id.clone());
        }
    });
    let chosen = move || {
        let code = currency.get();
        currency_list().into_iter().find(|c| c.code == code)
    };
    let symbol = move || {
        chosen()
            .map(|c| c.symbol)
            .unwrap_or_else(|| t.the_currency.into())
    };
    let amount_hint = move || {
        if in_usd.get() {
            fill(t.usd_hint, &[("symbol", &symbol())])
        } else {
            match chosen() {
                Some(c) => fill(
                    t.crypto_hint,
                    &[
                        ("symbol", &c.symbol),
                        ("decimals", &digits(&c.decimals.to_string())),
                    ],
                ),
                None => t.chosen_hint.into(),
            }
        }
    };
    let load_problem = move || {
        let failed = |r: Option<Result<(), ApiError>>| r.and_then(|r| r.err());
        failed(currencies.get().map(|r| r.map(drop)))
            .or_else(|| failed(shops.get().map(|r| r.map(drop))))
    };

    let create = Action::new_local(|req: &CreateCryptoPaymentRequest| {
        let req = req.clone();
        async move { api::kpay::create_crypto_payment(&req).await }
    });
    on_done(
        create,
        move |c| {
            created.set(Some(c));
            on_created.run(());
        },
        Failure::Form(errors, alert),
    );
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        alert.set(None);
        let usd = in_usd.get_untracked();
        let typed = DecimalText(amount.get_untracked().trim().to_string());
        let minutes_text = expires.get_untracked();
        let minutes = minutes_text.trim().parse::<i64>().ok();
        let shop_id = optional(shop.get_untracked());
        let req = CreateCryptoPaymentRequest {
            order_id: order.get_untracked(),
            currency: currency.get_untracked(),
            amount_usd: usd.then(|| typed.clone()),
            amount_crypto: (!usd).then_some(typed),
            callback_success: optional(success_url.get_untracked()),
            callback_failed: optional(failed_url.get_untracked()),
            webhook_url: optional(webhook_url.get_untracked()),
            expires_minutes: minutes,
            shop_id: shop_id.clone(),
        };
        let mut found = FieldErrors::new();
        if shop_id.is_none() {
            found.insert("shop_id".into(), t.choose_shop_for.into());
        }
        if minutes.is_none() {
            found.insert("expires_minutes".into(), t.whole_minutes.into());
        }
        match req.validate() {
            Ok(checked) if found.is_empty() => {
                errors.set(FieldErrors::new());
                let (amount_usd, amount_crypto) = match checked.amount {
                    Ok(usd) => (Some(DecimalText(usd)), None),
                    Err(crypto) => (None, Some(DecimalText(crypto))),
                };
                create.dispatch(CreateCryptoPaymentRequest {
                    order_id: checked.order_id,
                    currency: checked.asset.code.to_string(),
                    amount_usd,
                    amount_crypto,
                    callback_success: checked.callback_success,
                    callback_failed: checked.callback_failed,
                    webhook_url: checked.webhook_url,
                    expires_minutes: Some(checked.expires_minutes),
                    shop_id,
                });
            }
            result => {
                let mut all = ProblemText::fields(result.err().unwrap_or_default());
                // Our own messages for what the contract could not read.
                all.append(&mut found);
                errors.set(all);
            }
        }
    };
    let set_mode = move |usd: bool| {
        in_usd.set(usd);
        errors.update(|e| {
            e.remove("amount_usd");
            e.remove("amount_crypto");
        });
    };
    let again = Callback::new(move |_| {
        created.set(None);
        order.set(String::new());
        amount.set(String::new());
    });

    view! {
        {move || match created.get() {
            Some(c) => view! { <PaymentResult c on_again=again /> }.into_any(),
            None => view! {
                <section class="card" aria-labelledby="new-crypto-heading">
                    <h2 id="new-crypto-heading">{t.new_payment}</h2>
                    {move || load_problem().map(|e| view! {
                        <div class="form-alert" role="alert">
                            <p>{fill(t.could_not_load_both, &[("error", &e.message())])}</p>
                            <button type="button" class="btn btn--secondary btn--small"
                                on:click=move |_| { currencies.refetch(); shops.refetch(); }>{CommonText::get().try_again}</button>
                        </div>
                    })}
                    <Show when=no_shop>
                        <p class="form-alert form-alert--info">
                            {linked(t.no_shop_notice, &[("link", "/merchant/shops", m.create_a_shop)])}
                        </p>
                    </Show>
                    <form class="form" on:submit=on_submit novalidate>
                        <FormAlert message=alert.into() />
                        <SelectField name="shop_id" label=m.shop value=shop errors options=shop_options placeholder=m.choose_shop />
                        <TextField name="order_id" label=t.order_reference value=order errors autocomplete="off" required=true
                            hint=t.order_reference_hint />
                        <SelectField name="currency" label=t.currency_buyer_pays value=currency errors options=currency_options />
                        <fieldset class="choice">
                            <legend class="field__label">{t.give_amount_in}</legend>
                            <div class="choice__options">
                                <label class="chip">
                                    <input type="radio" name="amount_mode" prop:checked=move || in_usd.get() on:change=move |_| set_mode(true) />
                                    {t.us_dollars}
                                </label>
                                <label class="chip">
                                    <input type="radio" name="amount_mode" prop:checked=move || !in_usd.get() on:change=move |_| set_mode(false) />
                                    {symbol}
                                </label>
                            </div>
                        </fieldset>
                        {move || if in_usd.get() {
                            view! { <TextField name="amount_usd" label=t.amount_in_usd value=amount errors inputmode="decimal" autocomplete="off" required=true /> }.into_any()
                        } else {
                            view! { <TextField name="amount_crypto" label=t.amount_in_currency value=amount errors inputmode="decimal" autocomplete="off" required=true /> }.into_any()
                        }}
                        <p class="field__hint field__hint--tight" aria-live="polite">{amount_hint}</p>
                        <TextField name="expires_minutes" label=t.minutes_to_pay value=expires errors inputmode="numeric" autocomplete="off"
                            hint=t.minutes_hint />
                        <TextField name="callback_success" label=t.return_after_optional value=success_url errors kind="url"
                            hint=t.return_after_hint />
                        <TextField name="callback_failed" label=t.return_failed_optional value=failed_url errors kind="url"
                            hint=t.return_failed_hint />
                        <TextField name="webhook_url" label=t.webhook_optional value=webhook_url errors kind="url"
                            hint=t.webhook_hint />
                        <button class="btn btn--primary" type="submit" disabled=move || create.pending().get()>
                            {move || if create.pending().get() { m.creating } else { t.create_payment }}
                        </button>
                    </form>
                </section>
            }.into_any(),
        }}
    }
}

/// A payment just made: the page to send the buyer, its QR code and the deposit address.
#[component]
fn PaymentResult(c: CreatedCryptoPayment, on_again: Callback<()>) -> impl IntoView {
    // The form this replaced had the focus: move it here, for keyboard and screen-reader users.
    let heading = NodeRef::<leptos::html::H2>::new();
    Effect::new(move || {
        if let Some(h) = heading.get() {
            let _ = h.focus();
        }
    });
    let symbol = symbol_of(&c.currency);
    let asked = with_symbol(&c.requested_amount, &symbol);
    let t = CryptoText::get();
    let m = MerchantText::get();
    view! {
        <section class="card link-result" aria-labelledby="crypto-result-heading">
            <h2 id="crypto-result-heading" tabindex="-1" node_ref=heading>{t.payment_ready}</h2>
            <p>{fill(
                t.send_page,
                &[("amount", &asked), ("time", &fmt::datetime(&c.expires_at))],
            )}</p>
            <div class="key-reveal__row">
                <a class="mono link-result__url" href=c.payment_url.clone() target="_blank" rel="noopener">
                    {c.payment_url.clone()}<span class="visually-hidden">{m.opens_new_tab}</span>
                </a>
                <CopyButton value=c.payment_url.clone() label=m.copy done=m.copied what=t.payment_page_link_what />
            </div>
            <img class="qr" src=api::kpay::crypto_qr_url(&c.id) width="200" height="200"
                alt=fill(t.qr_wallet_app, &[("amount", &asked)]) />
            <dl class="details">
                <dt>{m.order}</dt><dd>{c.order_id.clone()}</dd>
                <dt>{m.amount}</dt><dd>{asked.clone()}</dd>
                <dt>{t.deposit_address}</dt>
                <dd class="copy-line">
                    <span class="mono">{c.deposit_address.clone()}</span>
                    <CopyButton value=c.deposit_address.clone() label=m.copy done=m.copied what=t.deposit_address_what />
                </dd>
                {c.memo.clone().map(|memo| view! {
                    <dt>{t.destination_tag}</dt>
                    <dd class="copy-line">
                        <span class="mono">{memo.clone()}</span>
                        <CopyButton value=memo label=m.copy done=m.copied what=t.destination_tag_what />
                    </dd>
                })}
                <dt>{m.status}</dt><dd><CryptoStatusBadge status=c.status /></dd>
            </dl>
            {c.memo.is_some().then(|| view! {
                <p class="muted">{t.tag_needed}</p>
            })}
            <div class="actions">
                <A href=format!("/merchant/crypto/{}", api::enc(&c.id)) attr:class="btn btn--secondary">{m.follow_payment}</A>
                <button type="button" class="btn btn--secondary" on:click=move |_| on_again.run(())>{m.create_another}</button>
            </div>
        </section>
    }
}

/// The merchant's newest payments, kept current while any may still change.
#[component]
pub fn PaymentList(payments: Polled<CryptoPaymentList>) -> impl IntoView {
    let rows = move || {
        payments
            .data
            .with(|d| d.as_ref().map(|l| l.payments.clone()).unwrap_or_default())
    };
    let empty = move || {
        payments
            .data
            .with(|d| d.as_ref().is_some_and(|l| l.payments.is_empty()))
    };
    let t = CryptoText::get();
    view! {
        <section class="card" aria-labelledby="crypto-payments-heading">
            <h2 id="crypto-payments-heading">{t.payments}</h2>
            <PolledView polled=payments lines=4 body=move || view! {
                <Show when=empty>
                    <EmptyState title=t.no_payments>
                        <p>{t.no_payments_body}</p>
                    </EmptyState>
                </Show>
                <ul class="rows">
                    <For each=rows key=|p| {
                        // The countdown changes on every load; what the row shows does not.
                        let mut p = p.clone();
                        p.remaining_seconds = 0;
                        row_key(&p)
                    } let:p>
                        <PaymentRow p />
                    </For>
                </ul>
            } />
        </section>
    }
}

/// What is unusual about a payment: paid short, paid over, or paid after it expired.
pub fn flags(p: &CryptoPayment) -> Vec<(&'static str, String)> {
    let t = CryptoText::get();
    let mut out = Vec::new();
    if let Some(r) = &p.remaining_amount {
        out.push((
            "warn",
            fill(t.underpaid, &[("amount", &with_symbol(r, &p.symbol))]),
        ));
    }
    if let Some(s) = &p.surplus_amount {
        out.push((
            "info",
            fill(t.overpaid, &[("amount", &with_symbol(s, &p.symbol))]),
        ));
    }
    if let Some(l) = &p.late_amount {
        out.push((
            "warn",
            fill(t.late_amount, &[("amount", &with_symbol(l, &p.symbol))]),
        ));
    }
    out
}

#[component]
fn PaymentRow(p: CryptoPayment) -> impl IntoView {
    let t = CryptoText::get();
    let confirmations = (p.status != CryptoStatus::Created).then(|| {
        digits(&fill(
            t.confirmations_of,
            &[
                (
                    "n",
                    &p.confirmations.min(p.required_confirmations).to_string(),
                ),
                ("required", &p.required_confirmations.to_string()),
            ],
        ))
    });
    let received = p
        .received_amount
        .as_deref()
        .filter(|_| p.status != CryptoStatus::Completed)
        .map(|r| fill(t.received_amount, &[("amount", &with_symbol(r, &p.symbol))]));
    let progress = [received, confirmations]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" · ");
    let flags = flags(&p);
    view! {
        <li class="row">
            <A href=format!("/merchant/crypto/{}", api::enc(&p.id)) attr:class="row__main">
                <span class="row__title">{with_symbol(&p.requested_amount, &p.symbol)}</span>
                <span class="row__meta">{fill(t.order_line, &[("order", &p.order_id), ("time", &fmt::datetime(&p.created_at))])}</span>
                {(!progress.is_empty()).then(|| view! { <span class="row__meta">{progress}</span> })}
                {(!flags.is_empty()).then(|| view! {
                    <span class="flags">
                        {flags.into_iter().map(|(tone, text)| view! { <span class=format!("flag flag--{tone}")>{text}</span> }).collect_view()}
                    </span>
                })}
            </A>
            <CryptoStatusBadge status=p.status />
        </li>
    }
}
