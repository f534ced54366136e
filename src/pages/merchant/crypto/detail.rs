//! One crypto payment, everything known about it, kept current until it is final.

use super::super::poll::{now_ms, poll, ticking_now, time_left, PolledView};
use super::payments::flags;
use super::{with_symbol, CryptoStatusBadge};
use crate::api;
use crate::components::copy::CopyButton;
use crate::components::feedback::use_title;
use crate::fmt;
use crate::i18n::merchant::{CryptoText, MerchantText};
use crate::i18n::{digits, fill};
use kitty_api::crypto::{CryptoPayment, CryptoStatus, ReceivedTransfer};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

/// One sentence on where the payment stands.
fn status_sentence(p: &CryptoPayment) -> String {
    let t = CryptoText::get();
    let asked = with_symbol(&p.requested_amount, &p.symbol);
    let received = p
        .received_amount
        .as_deref()
        .map(|r| with_symbol(r, &p.symbol))
        .unwrap_or_else(|| digits(&format!("0 {}", p.symbol)));
    let amounts = [("asked", asked.as_str()), ("received", received.as_str())];
    match p.status {
        CryptoStatus::Created => fill(t.awaiting_buyer, &amounts),
        CryptoStatus::Pending => match &p.remaining_amount {
            Some(rest) => fill(
                t.part_arrived,
                &[
                    ("received", &received),
                    ("asked", &asked),
                    ("rest", &with_symbol(rest, &p.symbol)),
                ],
            ),
            None => fill(t.arrived_waiting, &amounts),
        },
        CryptoStatus::Confirming => digits(&fill(
            t.full_arrived,
            &[
                (
                    "n",
                    &p.confirmations.min(p.required_confirmations).to_string(),
                ),
                ("required", &p.required_confirmations.to_string()),
            ],
        )),
        CryptoStatus::Completed => fill(t.completed_sentence, &amounts),
        CryptoStatus::Expired => t.expired_sentence.to_string(),
        CryptoStatus::Failed => fill(t.failed_sentence, &amounts),
    }
}

/// `/merchant/crypto/:id`.
#[component]
pub fn CryptoPaymentDetail() -> impl IntoView {
    use_title(CryptoText::get().crypto_payment);
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
            <A href="/merchant/crypto" attr:class="back">{MerchantText::get().crypto}</A>
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
    let t = CryptoText::get();
    let m = MerchantText::get();
    let final_ = p.status.is_final();
    let sym = p.symbol.clone();
    let amount = move |a: &str| with_symbol(a, &sym);
    let flags = flags(&p);
    let rate = digits(&p.rate_usd);
    let usd = p
        .amount_usd
        .as_ref()
        .map(|u| {
            fill(
                t.usd_at_rate,
                &[("usd", &digits(u)), ("rate", &rate), ("symbol", &p.symbol)],
            )
        })
        .unwrap_or_else(|| fill(t.given_in, &[("symbol", &p.symbol), ("rate", &rate)]));
    let currency = match kitty_api::crypto::asset(&p.currency) {
        Some(a) => fill(
            t.named_on_network,
            &[
                ("name", a.name),
                ("symbol", a.symbol),
                ("network", p.network.label()),
            ],
        ),
        None => fill(
            t.on_network,
            &[("symbol", &p.symbol), ("network", p.network.label())],
        ),
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
                <h2 id="crypto-facts-heading">{t.payment}</h2>
                <dl class="details">
                    <dt>{m.order}</dt><dd>{p.order_id.clone()}</dd>
                    <dt>{m.shop}</dt><dd>{p.shop_name.clone()}</dd>
                    <dt>{m.currency}</dt><dd>{currency}</dd>
                    <dt>{t.asked}</dt><dd>{amount(&p.requested_amount)}</dd>
                    <dt>{t.in_dollars}</dt><dd>{usd}</dd>
                    <dt>{t.received}</dt><dd>{p.received_amount.as_deref().map(&amount).unwrap_or_else(|| t.nothing_yet.into())}</dd>
                    {p.remaining_amount.as_deref().map(|r| view! { <dt>{t.still_to_pay}</dt><dd>{amount(r)}</dd> })}
                    {p.surplus_amount.as_deref().map(|s| view! { <dt>{t.paid_over}</dt><dd>{amount(s)}</dd> })}
                    {p.late_amount.as_deref().map(|l| view! { <dt>{t.arrived_late}</dt><dd>{amount(l)}</dd> })}
                    <dt>{t.confirmations}</dt>
                    <dd>{digits(&format!("{}/{}", p.confirmations.min(p.required_confirmations), p.required_confirmations))}</dd>
                    <dt>{m.transaction}</dt>
                    <dd class="mono">{p.tx_hash.clone().unwrap_or_else(|| "—".into())}</dd>
                    <dt>{m.created}</dt><dd>{fmt::datetime(&p.created_at)}</dd>
                    <dt>{m.expires}</dt>
                    <dd>
                        {fmt::datetime(&p.expires_at)}
                        {(!final_).then(|| view! { " · " <span class="countdown">{move || fill(t.time_left, &[("left", &left.get())])}</span> })}
                    </dd>
                    <dt>{m.paid_at}</dt><dd>{p.paid_at.as_deref().map(fmt::datetime).unwrap_or_else(|| "—".into())}</dd>
                    <dt>{m.return_after_paying}</dt><dd>{p.callback_success.clone().unwrap_or_else(|| "—".into())}</dd>
                    <dt>{t.return_failed}</dt><dd>{p.callback_failed.clone().unwrap_or_else(|| "—".into())}</dd>
                    <dt>{t.payment_id}</dt>
                    <dd class="copy-line">
                        <span class="mono">{p.id.clone()}</span>
                        <CopyButton value=p.id.clone() label=m.copy done=m.copied what=t.payment_id_what />
                    </dd>
                    {p.sandbox.then(|| view! { <dt>{t.chain}</dt><dd>{t.sandbox_chain}</dd> })}
                </dl>
            </section>
            <section class="card" aria-labelledby="crypto-pay-heading">
                <h2 id="crypto-pay-heading">{t.where_buyer_pays}</h2>
                <p>
                    <a href=format!("/pay/crypto/{}", p.id) target="_blank" rel="external noopener">
                        {t.open_buyer_page}
                    </a>
                </p>
                <dl class="details">
                    <dt>{t.deposit_address}</dt>
                    <dd class="copy-line">
                        <span class="mono">{p.deposit_address.clone()}</span>
                        <CopyButton value=p.deposit_address.clone() label=m.copy done=m.copied what=t.deposit_address_what />
                    </dd>
                    {p.memo.clone().map(|memo| view! {
                        <dt>{t.destination_tag}</dt>
                        <dd class="copy-line">
                            <span class="mono">{memo.clone()}</span>
                            <CopyButton value=memo label=m.copy done=m.copied what=t.destination_tag_what />
                        </dd>
                    })}
                    <dt>{t.wallet_link}</dt>
                    <dd class="copy-line">
                        <span class="mono">{p.payment_uri.clone()}</span>
                        <CopyButton value=p.payment_uri.clone() label=m.copy done=m.copied what=t.wallet_link_what />
                    </dd>
                </dl>
                {(!final_).then(|| view! {
                    <img class="qr" src=api::kpay::crypto_qr_url(&p.id) width="200" height="200"
                        alt=fill(t.qr_wallet_link, &[("amount", &with_symbol(&p.requested_amount, &p.symbol))]) />
                })}
            </section>
        </div>
        <section class="card" aria-labelledby="crypto-transfers-heading">
            <h2 id="crypto-transfers-heading">{t.transfers_received}</h2>
            {if transfers.is_empty() {
                view! { <p class="muted">{t.no_transfer}</p> }.into_any()
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
    let words = CryptoText::get();
    let seen = fill(
        words.confirmations_seen,
        &[
            ("n", &digits(&t.confirmations.min(required).to_string())),
            ("required", &digits(&required.to_string())),
        ],
    );
    view! {
        <li class="row">
            <div class="row__main">
                <span class="row__title">{with_symbol(&t.amount, &symbol)}</span>
                <span class="row__meta">{MerchantText::get().transaction_prefix}<span class="mono">{t.tx_hash.clone()}</span></span>
                <span class="row__meta">{fill(&seen, &[("time", &fmt::datetime(&t.seen_at))])}</span>
                {t.late.then(|| view! {
                    <span class="row__meta">{words.arrived_after_expiry}</span>
                })}
            </div>
            {t.late.then(|| view! { <span class="flag flag--warn">{words.late}</span> })}
        </li>
    }
}
