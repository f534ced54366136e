//! One crypto payment, everything known about it, kept current until it is final.

use super::super::poll::{now_ms, poll, ticking_now, time_left, PolledView};
use super::payments::flags;
use super::{with_symbol, CryptoStatusBadge};
use crate::api;
use crate::components::copy::CopyButton;
use crate::components::feedback::use_title;
use crate::fmt;
use kitty_api::crypto::{CryptoPayment, CryptoStatus, ReceivedTransfer};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

/// One sentence on where the payment stands.
fn status_sentence(p: &CryptoPayment) -> String {
    let asked = with_symbol(&p.requested_amount, &p.symbol);
    let received = p
        .received_amount
        .as_deref()
        .map(|r| with_symbol(r, &p.symbol))
        .unwrap_or_else(|| format!("0 {}", p.symbol));
    match p.status {
        CryptoStatus::Created => {
            format!("Waiting for the buyer to send {asked} to the deposit address.")
        }
        CryptoStatus::Pending => match &p.remaining_amount {
            Some(rest) => format!(
                "A transfer arrived: {received} of {asked}. {} is still to pay.",
                with_symbol(rest, &p.symbol)
            ),
            None => format!("A transfer of {received} arrived and is waiting for the network."),
        },
        CryptoStatus::Confirming => format!(
            "The full amount arrived. Waiting for the network: {} of {} confirmations.",
            p.confirmations.min(p.required_confirmations),
            p.required_confirmations
        ),
        CryptoStatus::Completed => format!("Completed: {received} received and confirmed."),
        CryptoStatus::Expired => "Expired: nothing arrived in time.".to_string(),
        CryptoStatus::Failed => format!(
            "Failed: only {received} of {asked} arrived before it expired. What arrived still counts toward your balance once confirmed."
        ),
    }
}

/// `/merchant/crypto/:id`.
#[component]
pub fn CryptoPaymentDetail() -> impl IntoView {
    use_title("Crypto payment");
    let params = use_params_map();
    let payment = poll(
        move || {
            let id = params.with(|p| p.get("id").unwrap_or_default());
            async move { api::kpay::crypto_payment(&id).await }
        },
        |p: &CryptoPayment| !p.status.is_final(),
    );
    // The countdown changes on every load; the page is redrawn only when something else does,
    // so focus (on a copy button, say) stays put. Time left counts down in the browser from
    // the server's figure.
    let shown = Memo::new(move |_| {
        payment.data.get().map(|mut p| {
            p.remaining_seconds = 0;
            p
        })
    });
    let deadline = RwSignal::new(None::<i64>);
    Effect::new(move || {
        let remaining = payment
            .data
            .with(|d| d.as_ref().map(|p| p.remaining_seconds));
        deadline.set(remaining.map(|s| now_ms() + s * 1000));
    });
    let now = ticking_now();
    let left = Signal::derive(move || {
        deadline
            .get()
            .map(|d| time_left((d - now.get()) / 1000))
            .unwrap_or_default()
    });
    view! {
        <div class="page">
            <A href="/merchant/crypto" attr:class="back">"Crypto"</A>
            <PolledView polled=payment lines=6 body=move || view! {
                <header class="page__header">
                    <h1>{move || shown.with(|p| p.as_ref().map(|p| with_symbol(&p.requested_amount, &p.symbol)))}</h1>
                    {move || shown.with(|p| p.as_ref().map(|p| p.status)).map(|status| view! { <CryptoStatusBadge status /> })}
                </header>
                // One live region for the whole stay, so each change of status is read out.
                <p class="crypto-status" role="status">{move || shown.with(|p| p.as_ref().map(status_sentence))}</p>
                {move || shown.get().map(|p| view! { <PaymentFacts p left /> })}
            } />
        </div>
    }
}

#[component]
fn PaymentFacts(p: CryptoPayment, left: Signal<String>) -> impl IntoView {
    let final_ = p.status.is_final();
    let sym = p.symbol.clone();
    let amount = move |a: &str| with_symbol(a, &sym);
    let flags = flags(&p);
    let usd = p
        .amount_usd
        .as_ref()
        .map(|u| format!("{u} USD at {} USD per {}", p.rate_usd, p.symbol))
        .unwrap_or_else(|| {
            format!(
                "Given in {} (rate then: {} USD per {})",
                p.symbol, p.rate_usd, p.symbol
            )
        });
    let currency = match kitty_api::crypto::asset(&p.currency) {
        Some(a) => format!(
            "{} ({}) on the {} network",
            a.name,
            a.symbol,
            p.network.label()
        ),
        None => format!("{} on the {} network", p.symbol, p.network.label()),
    };
    let transfers = p.transfers.clone();
    view! {
        {(!flags.is_empty()).then(|| view! {
            <p class="flags">
                {flags.into_iter().map(|(tone, text)| view! { <span class=format!("flag flag--{tone}")>{text}</span> }).collect_view()}
            </p>
        })}
        <div class="split">
            <section class="card" aria-labelledby="crypto-facts-heading">
                <h2 id="crypto-facts-heading">"Payment"</h2>
                <dl class="details">
                    <dt>"Order"</dt><dd>{p.order_id.clone()}</dd>
                    <dt>"Shop"</dt><dd>{p.shop_name.clone()}</dd>
                    <dt>"Currency"</dt><dd>{currency}</dd>
                    <dt>"Asked"</dt><dd>{amount(&p.requested_amount)}</dd>
                    <dt>"In dollars"</dt><dd>{usd}</dd>
                    <dt>"Received"</dt><dd>{p.received_amount.as_deref().map(&amount).unwrap_or_else(|| "Nothing yet".into())}</dd>
                    {p.remaining_amount.as_deref().map(|r| view! { <dt>"Still to pay"</dt><dd>{amount(r)}</dd> })}
                    {p.surplus_amount.as_deref().map(|s| view! { <dt>"Paid over"</dt><dd>{amount(s)}</dd> })}
                    {p.late_amount.as_deref().map(|l| view! { <dt>"Arrived late"</dt><dd>{amount(l)}</dd> })}
                    <dt>"Confirmations"</dt>
                    <dd>{format!("{}/{}", p.confirmations.min(p.required_confirmations), p.required_confirmations)}</dd>
                    <dt>"Transaction"</dt>
                    <dd class="mono">{p.tx_hash.clone().unwrap_or_else(|| "—".into())}</dd>
                    <dt>"Created"</dt><dd>{fmt::datetime(&p.created_at)}</dd>
                    <dt>"Expires"</dt>
                    <dd>
                        {fmt::datetime(&p.expires_at)}
                        {(!final_).then(|| view! { " · " <span class="countdown">{move || format!("{} left", left.get())}</span> })}
                    </dd>
                    <dt>"Paid"</dt><dd>{p.paid_at.as_deref().map(fmt::datetime).unwrap_or_else(|| "—".into())}</dd>
                    <dt>"Return address after paying"</dt><dd>{p.callback_success.clone().unwrap_or_else(|| "—".into())}</dd>
                    <dt>"Return address if it fails"</dt><dd>{p.callback_failed.clone().unwrap_or_else(|| "—".into())}</dd>
                    <dt>"Payment id"</dt>
                    <dd class="copy-line">
                        <span class="mono">{p.id.clone()}</span>
                        <CopyButton value=p.id.clone() label="Copy" done="Copied" what="payment id" />
                    </dd>
                    {p.sandbox.then(|| view! { <dt>"Chain"</dt><dd>"Sandbox: a simulated chain, where no real money moves"</dd> })}
                </dl>
            </section>
            <section class="card" aria-labelledby="crypto-pay-heading">
                <h2 id="crypto-pay-heading">"Where the buyer pays"</h2>
                <p>
                    <a href=format!("/pay/crypto/{}", p.id) target="_blank" rel="external noopener">
                        "Open the buyer's payment page"
                    </a>
                </p>
                <dl class="details">
                    <dt>"Deposit address"</dt>
                    <dd class="copy-line">
                        <span class="mono">{p.deposit_address.clone()}</span>
                        <CopyButton value=p.deposit_address.clone() label="Copy" done="Copied" what="deposit address" />
                    </dd>
                    {p.memo.clone().map(|m| view! {
                        <dt>"Destination tag"</dt>
                        <dd class="copy-line">
                            <span class="mono">{m.clone()}</span>
                            <CopyButton value=m label="Copy" done="Copied" what="destination tag" />
                        </dd>
                    })}
                    <dt>"Wallet link"</dt>
                    <dd class="copy-line">
                        <span class="mono">{p.payment_uri.clone()}</span>
                        <CopyButton value=p.payment_uri.clone() label="Copy" done="Copied" what="wallet link" />
                    </dd>
                </dl>
                {(!final_).then(|| view! {
                    <img class="qr" src=api::kpay::crypto_qr_url(&p.id) width="200" height="200"
                        alt=format!("QR code of the wallet link: pay {} to the deposit address", with_symbol(&p.requested_amount, &p.symbol)) />
                })}
            </section>
        </div>
        <section class="card" aria-labelledby="crypto-transfers-heading">
            <h2 id="crypto-transfers-heading">"Transfers received"</h2>
            {if transfers.is_empty() {
                view! { <p class="muted">"No transfer to the deposit address yet."</p> }.into_any()
            } else {
                let required = p.required_confirmations;
                let symbol = p.symbol.clone();
                view! {
                    <ul class="rows">
                        {transfers.into_iter().map(|t| view! { <TransferRow t required symbol=symbol.clone() /> }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>
    }
}

#[component]
fn TransferRow(t: ReceivedTransfer, required: i64, symbol: String) -> impl IntoView {
    view! {
        <li class="row">
            <div class="row__main">
                <span class="row__title">{with_symbol(&t.amount, &symbol)}</span>
                <span class="row__meta">"Transaction "<span class="mono">{t.tx_hash.clone()}</span></span>
                <span class="row__meta">{format!(
                    "{}/{required} confirmations · seen {}",
                    t.confirmations.min(required),
                    fmt::datetime(&t.seen_at)
                )}</span>
                {t.late.then(|| view! {
                    <span class="row__meta">"It arrived after the payment expired: it is in your balance, but it does not count toward this payment."</span>
                })}
            </div>
            {t.late.then(|| view! { <span class="flag flag--warn">"Late"</span> })}
        </li>
    }
}
