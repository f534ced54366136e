//! `/pay/order/{prepayId}`: a Binance Pay-style order, paid by scanning its QR code; then the
//! outcome (paid, closed by the shop, or expired after its hour).

use super::i18n::{cents, from_cents, group, half, positive, Text};
use super::net::{self, Failure};
use super::{
    failed, BackToShop, ConnectionNotice, Feed, Note, Phase, SandboxNote, Snapshot, TimeLeft,
};
use crate::checkout::i18n::Lang;
use kitty_api::binance::{Order, OrderStatus};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::future::Future;
use std::pin::Pin;

impl Snapshot for Order {
    fn is_final(&self) -> bool {
        self.status != OrderStatus::INITIAL
    }

    fn take_remaining(&mut self) -> i64 {
        std::mem::take(&mut self.remaining_seconds)
    }
}

fn fetch(prepay_id: String) -> Pin<Box<dyn Future<Output = Result<Order, Failure>>>> {
    Box::pin(net::order(prepay_id))
}

#[component]
pub fn OrderPage(id: String, lang: RwSignal<Lang>, t: Signal<&'static Text>) -> impl IntoView {
    let feed = Feed::start(id, fetch);
    view! {
        <ConnectionNotice lost=feed.connection_lost t />
        {move || {
            let phase = feed.phase.get();
            match (phase, feed.current.get_untracked()) {
                (Phase::Live, Some(o)) => view! { <Live o feed lang t /> }.into_any(),
                (Phase::Done, Some(o)) => view! { <Done o t /> }.into_any(),
                _ => feed.placeholder(phase, lang, t),
            }
        }}
    }
}

#[component]
fn Live(
    o: Order,
    feed: Feed<Order>,
    lang: RwSignal<Lang>,
    t: Signal<&'static Text>,
) -> impl IntoView {
    let total = format!("{} {}", group(&o.total_fee.to_string()), o.currency);
    let currency = StoredValue::new(o.currency.clone());
    let paid = move || {
        feed.current.with(|c| {
            c.as_ref()
                .map(|o| o.paid_amount.clone())
                .filter(|p| positive(p))
        })
    };
    let paid_line = {
        let total = total.clone();
        move || {
            paid().map(|p| {
                view! {
                    <p class="pay__line">
                        {move || t.get().paid_so_far} " "
                        <bdi dir="ltr" class="pay__strong">{format!("{} {}", group(&p), currency.get_value())}</bdi>
                        " " {move || t.get().of} " " <bdi dir="ltr">{total.clone()}</bdi>
                    </p>
                }
            })
        }
    };
    view! {
        <section class="pay__card" aria-labelledby="pay-heading">
            <h1 class="pay__title" id="pay-heading">{o.goods_name.clone()}</h1>
            {(!o.goods_detail.is_empty()).then(|| view! { <p class="pay__note">{o.goods_detail.clone()}</p> })}
            <div class="pay__field">
                <span class="pay__label">{move || t.get().order_amount}</span>
                <span class="pay__big" dir="ltr">{total}</span>
            </div>
            <dl class="pay__facts">
                <TimeLeft remaining=feed.remaining lang t />
            </dl>
            <div class="pay__status pay__status--order" aria-live="polite">
                <p class="pay__line"><span class="spinner" aria-hidden="true"></span>{move || t.get().order_waiting}</p>
                {paid_line}
            </div>
        </section>
        <section class="pay__card pay__send">
            <figure class="pay__qr">
                <img src=o.qrcode_link.clone() width="200" height="200" alt=move || t.get().qr_alt />
                <figcaption>{move || t.get().scan_order}</figcaption>
            </figure>
        </section>
        {o.sandbox.then(|| view! { <Sandbox o=o.clone() feed t /> })}
    }
}

/// Sandbox only: plays the buyer paying the order, all of it or part.
#[component]
fn Sandbox(o: Order, feed: Feed<Order>, t: Signal<&'static Text>) -> impl IntoView {
    let total = o.total_fee.saturating_mul(100);
    // What is still owed, in hundredths.
    let full = move || {
        let paid = feed
            .current
            .with(|c| c.as_ref().and_then(|o| cents(&o.paid_amount)))
            .unwrap_or(0);
        from_cents((total - paid).max(0))
    };
    let part = RwSignal::new(half(&untrack(full), 2).unwrap_or_default());
    let busy = RwSignal::new(false);
    let note = RwSignal::new(None::<Note>);
    let prepay_id = StoredValue::new(o.prepay_id.clone());
    let currency = o.currency.clone();
    let pay = move |amount: String| {
        busy.set(true);
        spawn_local(async move {
            let result =
                net::simulate_order_payment(prepay_id.get_value(), amount.trim().into()).await;
            // The order may have settled meanwhile, taking this box away.
            busy.try_set(false);
            note.try_set(Some(result.map_or_else(failed, |()| Note::Paid)));
            feed.refresh();
        });
    };
    view! {
        <section class="pay__sandbox" aria-labelledby="sandbox-heading">
            <h2 id="sandbox-heading" class="pay__subtitle">{move || t.get().simulate_payment}</h2>
            <p class="pay__note">{move || t.get().sandbox_note}</p>
            <button type="button" class="pay__button pay__button--secondary pay__button--wide"
                disabled=move || busy.get() on:click=move |_| pay(untrack(full))>
                {move || t.get().pay_full} " · "
                <bdi dir="ltr">{move || format!("{} {currency}", full())}</bdi>
            </button>
            <form class="pay__part" on:submit=move |ev| {
                ev.prevent_default();
                pay(part.get_untracked());
            }>
                <label class="pay__label" for="part-amount">{move || t.get().amount_label}</label>
                <div class="pay__row">
                    <input id="part-amount" class="pay__input" type="text" inputmode="decimal"
                        autocomplete="off" dir="ltr" required prop:value=move || part.get()
                        on:input=move |ev| part.set(event_target_value(&ev)) />
                    <button type="submit" class="pay__button pay__button--secondary"
                        disabled=move || busy.get()>{move || t.get().pay_part}</button>
                </div>
            </form>
            <SandboxNote note t />
        </section>
    }
}

#[component]
fn Done(o: Order, t: Signal<&'static Text>) -> impl IntoView {
    type Words = fn(&Text) -> &'static str;
    let (title, body, class, back): (Words, Words, &str, String) = match o.status {
        OrderStatus::PAID => (
            |t| t.paid,
            |t| t.paid_body,
            "pay__card pay__card--ok",
            o.return_url.clone(),
        ),
        OrderStatus::CLOSED => (
            |t| t.closed_title,
            |t| t.closed_body,
            "pay__card pay__card--bad",
            o.cancel_url.clone(),
        ),
        _ => (
            |t| t.order_expired_title,
            |t| t.order_expired_body,
            "pay__card pay__card--bad",
            o.cancel_url.clone(),
        ),
    };
    let paid =
        positive(&o.paid_amount).then(|| format!("{} {}", group(&o.paid_amount), o.currency));
    view! {
        <section class=class role="alert">
            <h1 class="pay__title">{move || title(t.get())}</h1>
            <p>{move || body(t.get())}</p>
            {paid.map(|p| view! {
                <p>{move || t.get().received} " " <bdi dir="ltr" class="pay__strong">{p}</bdi></p>
            })}
            <p class="pay__label">{o.goods_name.clone()}</p>
            <BackToShop url=Some(back) t />
        </section>
    }
}
