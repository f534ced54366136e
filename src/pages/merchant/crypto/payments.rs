//! A new crypto payment, what to send the buyer once it exists, and the list of payments.

use super::super::poll::{row_key, Polled, PolledView};
use super::{symbol_of, with_symbol, CryptoStatusBadge};
use crate::api::{self, ApiError};
use crate::components::copy::CopyButton;
use crate::components::feedback::{on_done, EmptyState, Failure};
use crate::components::form::{FormAlert, SelectField, TextField};
use crate::fmt;
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
            .unwrap_or_else(|| "the currency".into())
    };
    let amount_hint = move || {
        if in_usd.get() {
            format!(
                "In US dollars, up to 2 decimals. The buyer pays the same value in {}, at the rate when you create the payment.",
                symbol()
            )
        } else {
            match chosen() {
                Some(c) => format!("In {}, up to {} decimals.", c.symbol, c.decimals),
                None => "In the currency you chose.".into(),
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
            found.insert(
                "shop_id".into(),
                "Choose the shop this payment is for.".into(),
            );
        }
        if minutes.is_none() {
            found.insert(
                "expires_minutes".into(),
                "Enter whole minutes, from 1 to 1,440 (a day).".into(),
            );
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
                let mut all = result.err().unwrap_or_default();
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
                    <h2 id="new-crypto-heading">"New crypto payment"</h2>
                    {move || load_problem().map(|e| view! {
                        <div class="form-alert" role="alert">
                            <p>{format!("Could not load the currencies or your shops: {}", e.message())}</p>
                            <button type="button" class="btn btn--secondary btn--small"
                                on:click=move |_| { currencies.refetch(); shops.refetch(); }>"Try again"</button>
                        </div>
                    })}
                    <Show when=no_shop>
                        <p class="form-alert form-alert--info">
                            "A payment belongs to a shop, and you have none yet. "
                            <A href="/merchant/shops">"Create a shop"</A>" first, then come back here."
                        </p>
                    </Show>
                    <form class="form" on:submit=on_submit novalidate>
                        <FormAlert message=alert.into() />
                        <SelectField name="shop_id" label="Shop" value=shop errors options=shop_options placeholder="Choose a shop" />
                        <TextField name="order_id" label="Order reference" value=order errors autocomplete="off" required=true
                            hint="Your own reference for this order, unique among your payments" />
                        <SelectField name="currency" label="Currency the buyer pays in" value=currency errors options=currency_options />
                        <fieldset class="choice">
                            <legend class="field__label">"Give the amount in"</legend>
                            <div class="choice__options">
                                <label class="chip">
                                    <input type="radio" name="amount_mode" prop:checked=move || in_usd.get() on:change=move |_| set_mode(true) />
                                    "US dollars"
                                </label>
                                <label class="chip">
                                    <input type="radio" name="amount_mode" prop:checked=move || !in_usd.get() on:change=move |_| set_mode(false) />
                                    {symbol}
                                </label>
                            </div>
                        </fieldset>
                        {move || if in_usd.get() {
                            view! { <TextField name="amount_usd" label="Amount in US dollars" value=amount errors inputmode="decimal" autocomplete="off" required=true /> }.into_any()
                        } else {
                            view! { <TextField name="amount_crypto" label="Amount in the currency" value=amount errors inputmode="decimal" autocomplete="off" required=true /> }.into_any()
                        }}
                        <p class="field__hint field__hint--tight" aria-live="polite">{amount_hint}</p>
                        <TextField name="expires_minutes" label="Minutes the buyer has to pay" value=expires errors inputmode="numeric" autocomplete="off"
                            hint="From 1 to 1,440 (a day). 60 unless you change it." />
                        <TextField name="callback_success" label="Return address after paying (optional)" value=success_url errors kind="url"
                            hint="Where the buyer's page sends them once paid, like https://shop.example/paid" />
                        <TextField name="callback_failed" label="Return address if it fails (optional)" value=failed_url errors kind="url"
                            hint="Where the buyer's page sends them when the payment expires or fails" />
                        <TextField name="webhook_url" label="Webhook address (optional)" value=webhook_url errors kind="url"
                            hint="Your server gets a signed POST here as the payment moves on" />
                        <button class="btn btn--primary" type="submit" disabled=move || create.pending().get()>
                            {move || if create.pending().get() { "Creating…" } else { "Create payment" }}
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
    view! {
        <section class="card link-result" aria-labelledby="crypto-result-heading">
            <h2 id="crypto-result-heading" tabindex="-1" node_ref=heading>"Your crypto payment is ready"</h2>
            <p>{format!(
                "Send the buyer this payment page. It asks for {asked} to the deposit address below, until {}.",
                fmt::datetime(&c.expires_at)
            )}</p>
            <div class="key-reveal__row">
                <a class="mono link-result__url" href=c.payment_url.clone() target="_blank" rel="noopener">
                    {c.payment_url.clone()}<span class="visually-hidden">" (opens in a new tab)"</span>
                </a>
                <CopyButton value=c.payment_url.clone() label="Copy" done="Copied" what="payment page link" />
            </div>
            <img class="qr" src=api::kpay::crypto_qr_url(&c.id) width="200" height="200"
                alt=format!("QR code for a wallet app: pay {asked} to the deposit address") />
            <dl class="details">
                <dt>"Order"</dt><dd>{c.order_id.clone()}</dd>
                <dt>"Amount"</dt><dd>{asked.clone()}</dd>
                <dt>"Deposit address"</dt>
                <dd class="copy-line">
                    <span class="mono">{c.deposit_address.clone()}</span>
                    <CopyButton value=c.deposit_address.clone() label="Copy" done="Copied" what="deposit address" />
                </dd>
                {c.memo.clone().map(|m| view! {
                    <dt>"Destination tag"</dt>
                    <dd class="copy-line">
                        <span class="mono">{m.clone()}</span>
                        <CopyButton value=m label="Copy" done="Copied" what="destination tag" />
                    </dd>
                })}
                <dt>"Status"</dt><dd><CryptoStatusBadge status=c.status /></dd>
            </dl>
            {c.memo.is_some().then(|| view! {
                <p class="muted">"The buyer's transfer must carry this destination tag, or it cannot be matched to the payment."</p>
            })}
            <div class="actions">
                <A href=format!("/merchant/crypto/{}", api::enc(&c.id)) attr:class="btn btn--secondary">"Follow this payment"</A>
                <button type="button" class="btn btn--secondary" on:click=move |_| on_again.run(())>"Create another"</button>
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
    view! {
        <section class="card" aria-labelledby="crypto-payments-heading">
            <h2 id="crypto-payments-heading">"Payments"</h2>
            <PolledView polled=payments lines=4 body=move || view! {
                <Show when=empty>
                    <EmptyState title="No crypto payments yet">
                        <p>"Create one with the form. It gets its own deposit address and a page for the buyer."</p>
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
    let mut out = Vec::new();
    if let Some(r) = &p.remaining_amount {
        out.push((
            "warn",
            format!("Underpaid: {} still to pay", with_symbol(r, &p.symbol)),
        ));
    }
    if let Some(s) = &p.surplus_amount {
        out.push(("info", format!("Overpaid by {}", with_symbol(s, &p.symbol))));
    }
    if let Some(l) = &p.late_amount {
        out.push((
            "warn",
            format!(
                "Late: {} arrived after it expired",
                with_symbol(l, &p.symbol)
            ),
        ));
    }
    out
}

#[component]
fn PaymentRow(p: CryptoPayment) -> impl IntoView {
    let confirmations = (p.status != CryptoStatus::Created).then(|| {
        format!(
            "{}/{} confirmations",
            p.confirmations.min(p.required_confirmations),
            p.required_confirmations
        )
    });
    let received = p
        .received_amount
        .as_deref()
        .filter(|_| p.status != CryptoStatus::Completed)
        .map(|r| format!("received {}", with_symbol(r, &p.symbol)));
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
                <span class="row__meta">{format!("Order {} · {}", p.order_id, fmt::datetime(&p.created_at))}</span>
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
