//! `/pay/crypto/{id}`: what to send, on which network, to which address (with its memo when the
//! network needs one), before when; then the transfer's progress, and the outcome.

use super::i18n::{count, group, half, positive, Text};
use super::net::{self, Failure};
use super::{
    failed, safe_wallet_link, BackToShop, ConnectionNotice, Feed, Note, Phase, SandboxNote,
    Snapshot, TimeLeft,
};
use crate::checkout::i18n::Lang;
use crate::components::copy::CopyButton;
use kitty_api::crypto::{CryptoPayment, CryptoStatus};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::future::Future;
use std::pin::Pin;

impl Snapshot for CryptoPayment {
    fn is_final(&self) -> bool {
        self.status.is_final()
    }

    fn take_remaining(&mut self) -> i64 {
        std::mem::take(&mut self.remaining_seconds)
    }
}

fn fetch(id: String) -> Pin<Box<dyn Future<Output = Result<CryptoPayment, Failure>>>> {
    Box::pin(net::crypto_payment(id))
}

#[component]
pub fn CryptoPage(id: String, lang: RwSignal<Lang>, t: Signal<&'static Text>) -> impl IntoView {
    let feed = Feed::start(id, fetch);
    view! {
        <ConnectionNotice lost=feed.connection_lost t />
        {move || {
            let phase = feed.phase.get();
            match (phase, feed.current.get_untracked()) {
                (Phase::Live, Some(p)) => view! { <Live p feed lang t /> }.into_any(),
                (Phase::Done, Some(p)) => view! { <Done p t /> }.into_any(),
                _ => feed.placeholder(phase, lang, t),
            }
        }}
    }
}

/// Waiting for the money: built once from the first answer; polls only change text inside it.
#[component]
fn Live(
    p: CryptoPayment,
    feed: Feed<CryptoPayment>,
    lang: RwSignal<Lang>,
    t: Signal<&'static Text>,
) -> impl IntoView {
    let cur = feed.current;
    let status = move || cur.with(|c| c.as_ref().map_or(CryptoStatus::Created, |p| p.status));
    // (received, still to send) while underpaid.
    let underpaid = move || {
        cur.with(|c| {
            let p = c.as_ref()?;
            let rest = p.remaining_amount.clone()?;
            Some((
                p.received_amount.clone().unwrap_or_else(|| "0".into()),
                rest,
            ))
        })
    };
    let confirmations = move || {
        cur.with(|c| {
            c.as_ref().map_or((0, 0), |p| {
                let of = p.required_confirmations.max(0);
                (p.confirmations.clamp(0, of), of)
            })
        })
    };
    let symbol = StoredValue::new(p.symbol.clone());
    let usd = p
        .amount_usd
        .as_deref()
        .map(|u| format!("≈ {} USD", group(u)));
    let rate =
        (!p.rate_usd.is_empty()).then(|| format!("1 {} = {} USD", p.symbol, group(&p.rate_usd)));
    let qr = format!(
        "/kpay/gateway/payments/{}/qr.svg",
        js_sys::encode_uri_component(&p.id)
    );
    let between = (usd.is_some() && rate.is_some()).then_some(" · ");
    let wallet = safe_wallet_link(&p.payment_uri).then(|| p.payment_uri.clone());
    let label = Signal::derive(move || t.get().copy);
    let done = Signal::derive(move || t.get().copied);

    let progress = move || {
        match (status(), underpaid()) {
        (CryptoStatus::Created, _) => view! {
            <p class="pay__line"><span class="spinner" aria-hidden="true"></span>{move || t.get().waiting}</p>
        }
        .into_any(),
        (_, Some((received, rest))) => view! {
            <p class="pay__line">
                {move || t.get().received} " "
                <bdi dir="ltr">{format!("{received} {}", symbol.get_value())}</bdi>
            </p>
            <div class="pay__row">
                <p class="pay__line">
                    {move || t.get().send_remaining} " "
                    <bdi dir="ltr" class="pay__strong">{format!("{rest} {}", symbol.get_value())}</bdi>
                </p>
                <CopyButton value=rest label done what="remaining amount" />
            </div>
        }
        .into_any(),
        _ => view! {
            <p class="pay__line"><span class="spinner" aria-hidden="true"></span>{move || t.get().seen}</p>
        }
        .into_any(),
    }
    };
    let confirmations_text = move || {
        let (n, of) = confirmations();
        let (l, t) = (lang.get(), t.get());
        format!(
            "{}{} {} {}{}",
            t.confirmations_before,
            count(n, l),
            t.of,
            count(of, l),
            t.confirmations
        )
    };
    let percent = move || {
        let (n, of) = confirmations();
        format!("{}%", if of > 0 { n * 100 / of } else { 0 })
    };

    view! {
        <section class="pay__card" aria-labelledby="pay-heading">
            <h1 class="pay__to" id="pay-heading">{move || t.get().pay_to} " " <strong>{p.shop_name.clone()}</strong></h1>
            <div class="pay__field">
                <span class="pay__label">{move || t.get().send_exactly}</span>
                <div class="pay__row">
                    <span class="pay__big" dir="ltr">
                        {p.requested_amount.clone()} " " <small>{p.symbol.clone()}</small>
                    </span>
                    <CopyButton value=p.requested_amount.clone() label done what="amount" />
                </div>
                <p class="pay__note" dir="ltr">
                    {usd} {between} {rate}
                </p>
                <p class="pay__note">{move || t.get().exact_note}</p>
            </div>
            <dl class="pay__facts">
                <div><dt>{move || t.get().network}</dt><dd>{p.network.label()}</dd></div>
                <TimeLeft remaining=feed.remaining lang t />
            </dl>
            <div class="pay__status" aria-live="polite">
                {progress}
                <div hidden=move || status() == CryptoStatus::Created>
                    <p class="pay__line">{confirmations_text}</p>
                    <div class="pay__meter" role="progressbar"
                        aria-label=move || t.get().confirmations_label
                        aria-valuemin="0"
                        aria-valuemax=move || confirmations().1.to_string()
                        aria-valuenow=move || confirmations().0.to_string()
                        aria-valuetext=confirmations_text>
                        <div class="pay__meter-fill" style:width=percent></div>
                    </div>
                </div>
            </div>
        </section>
        <section class="pay__card pay__send">
            <div class="pay__field">
                <span class="pay__label">{move || t.get().address}</span>
                <div class="pay__row">
                    <code class="pay__mono" dir="ltr">{p.deposit_address.clone()}</code>
                    <CopyButton value=p.deposit_address.clone() label done what="address" />
                </div>
            </div>
            {p.memo.clone().map(|memo| view! {
                <div class="pay__field pay__memo">
                    <span class="pay__label">{move || t.get().memo}</span>
                    <div class="pay__row">
                        <code class="pay__mono pay__mono--big" dir="ltr">{memo.clone()}</code>
                        <CopyButton value=memo label done what="destination tag" />
                    </div>
                    <p class="pay__warn" role="note">{move || t.get().memo_warning}</p>
                </div>
            })}
            <p class="pay__note">{move || t.get().only_network}</p>
            {wallet.map(|uri| view! {
                <a class="pay__button pay__button--wide" href=uri>{move || t.get().open_wallet}</a>
            })}
            <figure class="pay__qr">
                <img src=qr width="200" height="200" alt=move || t.get().qr_alt />
                <figcaption>{move || t.get().scan_wallet}</figcaption>
            </figure>
        </section>
        {p.sandbox.then(|| view! { <Sandbox p=p.clone() feed t /> })}
    }
}

/// Sandbox only: plays the buyer's wallet and the miners, so the whole journey can be tried.
#[component]
fn Sandbox(p: CryptoPayment, feed: Feed<CryptoPayment>, t: Signal<&'static Text>) -> impl IntoView {
    let decimals = kitty_api::crypto::asset(&p.currency).map_or(8, |a| a.decimals as usize);
    // What is still owed: the rest while underpaid, else the whole amount.
    let full = move || {
        feed.current.with(|c| {
            c.as_ref()
                .map(|p| {
                    p.remaining_amount
                        .clone()
                        .unwrap_or_else(|| p.requested_amount.clone())
                })
                .unwrap_or_default()
        })
    };
    let part = RwSignal::new(half(&untrack(full), decimals).unwrap_or_default());
    let busy = RwSignal::new(false);
    let note = RwSignal::new(None::<Note>);
    let target = StoredValue::new((
        p.currency.clone(),
        p.deposit_address.clone(),
        p.memo.clone(),
    ));
    let symbol = p.symbol.clone();
    let network = p.network;
    let send = move |amount: String| {
        let body = target.with_value(|(currency, address, memo)| {
            net::transfer_body(currency, address, memo.as_deref(), amount.trim())
        });
        busy.set(true);
        spawn_local(async move {
            let result = net::simulate_chain_transfer(body).await;
            // The payment may have settled meanwhile, taking this box away.
            busy.try_set(false);
            note.try_set(Some(result.map_or_else(failed, Note::Sent)));
            feed.refresh();
        });
    };
    let mine = move |_| {
        busy.set(true);
        spawn_local(async move {
            let result = net::mine_block(network).await;
            busy.try_set(false);
            note.try_set(Some(result.map_or_else(failed, |()| Note::Mined)));
            feed.refresh();
        });
    };
    view! {
        <section class="pay__sandbox" aria-labelledby="sandbox-heading">
            <h2 id="sandbox-heading" class="pay__subtitle">{move || t.get().simulate_transfer}</h2>
            <p class="pay__note">{move || t.get().sandbox_note}</p>
            <button type="button" class="pay__button pay__button--secondary pay__button--wide"
                disabled=move || busy.get() on:click=move |_| send(untrack(full))>
                {move || t.get().send_full} " · "
                <bdi dir="ltr">{move || format!("{} {symbol}", full())}</bdi>
            </button>
            <form class="pay__part" on:submit=move |ev| {
                ev.prevent_default();
                send(part.get_untracked());
            }>
                <label class="pay__label" for="part-amount">{move || t.get().amount_label}</label>
                <div class="pay__row">
                    <input id="part-amount" class="pay__input" type="text" inputmode="decimal"
                        autocomplete="off" dir="ltr" required prop:value=move || part.get()
                        on:input=move |ev| part.set(event_target_value(&ev)) />
                    <button type="submit" class="pay__button pay__button--secondary"
                        disabled=move || busy.get()>{move || t.get().send_part}</button>
                </div>
            </form>
            <button type="button" class="pay__button pay__button--secondary pay__button--wide"
                disabled=move || busy.get() on:click=mine>{move || t.get().mine}</button>
            <SandboxNote note t />
        </section>
    }
}

/// Settled: paid (perhaps more than asked), expired, or failed part-paid; and money that came late.
#[component]
fn Done(p: CryptoPayment, t: Signal<&'static Text>) -> impl IntoView {
    type Words = fn(&Text) -> &'static str;
    let (title, body, class, back): (Words, Words, &str, Option<String>) = match p.status {
        CryptoStatus::Completed => (
            |t| t.paid,
            |t| t.paid_body,
            "pay__card pay__card--ok",
            p.callback_success.clone(),
        ),
        CryptoStatus::Expired => (
            |t| t.expired_title,
            |t| t.expired_body,
            "pay__card pay__card--bad",
            p.callback_failed.clone(),
        ),
        _ => (
            |t| t.failed_title,
            |t| t.failed_body,
            "pay__card pay__card--warn",
            p.callback_failed.clone(),
        ),
    };
    let symbol = p.symbol.clone();
    let with_symbol = move |a: &str| format!("{a} {symbol}");
    let received = p
        .received_amount
        .as_deref()
        .filter(|r| positive(r))
        .map(with_symbol.clone());
    // Part paid: how much of how much.
    let of_requested = (p.status == CryptoStatus::Failed).then(|| with_symbol(&p.requested_amount));
    let surplus = p
        .surplus_amount
        .as_deref()
        .filter(|s| positive(s))
        .map(with_symbol.clone());
    let late = p
        .late_amount
        .as_deref()
        .filter(|s| positive(s))
        .map(with_symbol);
    view! {
        <section class=class role="alert">
            <h1 class="pay__title">{move || title(t.get())}</h1>
            <p>{move || body(t.get())}</p>
            {received.map(|r| view! {
                <p>
                    {move || t.get().received} " " <bdi dir="ltr" class="pay__strong">{r}</bdi>
                    {of_requested.map(|q| view! { " " {move || t.get().of} " " <bdi dir="ltr">{q}</bdi> })}
                </p>
            })}
            {surplus.map(|s| view! {
                <p>{move || t.get().surplus_before} " " <bdi dir="ltr" class="pay__strong">{s}</bdi> " " {move || t.get().surplus_after}</p>
            })}
            {late.map(|l| view! {
                <p class="pay__warn"><bdi dir="ltr" class="pay__strong">{l}</bdi> " " {move || t.get().late_after}</p>
            })}
            <p class="pay__label">{p.shop_name.clone()}</p>
            <BackToShop url=back t />
        </section>
    }
}
