//! Binance Pay orders (Kotani Pay `/binance/orders*`): create one for an amount in BUSD or
//! USDT, send the buyer its checkout link or QR code, and follow or close it while it waits.

use super::poll::{now_ms, poll, row_key, ticking_now, time_left, PolledView};
use crate::api::{self, ApiError};
use crate::components::copy::CopyButton;
use crate::components::feedback::{on_done, use_title, EmptyState, Failure};
use crate::components::form::{FormAlert, SelectField, TextField};
use crate::components::toast::use_toasts;
use crate::fmt;
use crate::i18n::merchant::{MerchantText, OrdersText, ProblemText};
use crate::i18n::{digits, fill};
use kitty_api::binance::{
    CreateOrderRequest, Order, OrderList, OrderResult, OrderStatus, CURRENCIES,
};
use kitty_api::FieldErrors;
use leptos::prelude::*;

/// A time in milliseconds since the epoch, as Binance Pay sends it, for a person.
fn when(ms: i64) -> String {
    let iso: String = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms as f64))
        .to_iso_string()
        .into();
    fmt::datetime(&iso)
}

/// An order's status, as a coloured label.
#[component]
fn OrderStatusBadge(status: OrderStatus) -> impl IntoView {
    let label = OrdersText::get().status(status);
    view! {
        <span class=format!("status status--{}", status.as_str().to_ascii_lowercase())>{label}</span>
    }
}

/// `12 USDT`: an order's amount and currency, for a person.
fn order_amount(amount: impl std::fmt::Display, currency: &str) -> String {
    digits(&format!("{amount} {currency}"))
}

/// `/merchant/orders`.
#[component]
pub fn BinanceOrders() -> impl IntoView {
    let t = OrdersText::get();
    let m = MerchantText::get();
    use_title(m.binance_orders);
    let toasts = use_toasts();
    let now = ticking_now();
    let orders = poll(api::kotani::binance_orders, |l: &OrderList| {
        l.orders.iter().any(|o| o.status == OrderStatus::INITIAL)
    });
    let close = Action::new_local(|id: &String| {
        let id = id.clone();
        async move { api::kotani::close_binance_order(&id).await }
    });
    on_done(
        close,
        move |r: OrderResult| {
            toasts.success(fill(
                t.closed_toast,
                &[(
                    "amount",
                    &order_amount(r.result.total_fee, &r.result.currency),
                )],
            ));
            orders.refetch();
        },
        Failure::Toast,
    );
    let rows = move || {
        orders
            .data
            .with(|d| d.as_ref().map(|l| l.orders.clone()).unwrap_or_default())
    };
    let empty = move || {
        orders
            .data
            .with(|d| d.as_ref().is_some_and(|l| l.orders.is_empty()))
    };
    // The order just created, as the list last showed it (so its status stays current).
    let latest = move |id: &str| {
        orders.data.with(|d| {
            d.as_ref().and_then(|l| {
                l.orders
                    .iter()
                    .find(|o| o.prepay_id == id)
                    .map(|o| o.status)
            })
        })
    };
    view! {
        <div class="page">
            <header class="page__header"><h1>{m.binance_orders}</h1></header>
            <p class="page__lede">{t.lede}</p>
            <div class="split">
                <section class="card" aria-labelledby="orders-heading">
                    <h2 id="orders-heading">{t.orders}</h2>
                    <PolledView polled=orders lines=4 body=move || view! {
                        <Show when=empty>
                            <EmptyState title=t.no_orders>
                                <p>{t.no_orders_body}</p>
                            </EmptyState>
                        </Show>
                        <ul class="rows">
                            <For each=rows key=|o| {
                                // The countdown changes on every load; what the row shows does not.
                                let mut o = o.clone();
                                o.remaining_seconds = 0;
                                row_key(&o)
                            } let:o>
                                <OrderRow o close now />
                            </For>
                        </ul>
                    } />
                </section>
                <NewOrder on_created=Callback::new(move |_| orders.refetch()) latest=Callback::new(move |id: String| latest(&id)) />
            </div>
        </div>
    }
}

#[component]
fn OrderRow(
    o: Order,
    close: Action<String, Result<OrderResult, ApiError>>,
    now: ReadSignal<i64>,
) -> impl IntoView {
    let t = OrdersText::get();
    let open = o.status == OrderStatus::INITIAL;
    // Counted down in the browser from the server's figure when this row was drawn.
    let deadline = now_ms() + o.remaining_seconds * 1000;
    let countdown = open.then(|| {
        view! {
            <span class="row__meta countdown">
                {move || fill(t.left_to_pay, &[("left", &time_left((deadline - now.get()) / 1000))])}
            </span>
        }
    });
    let id = o.prepay_id.clone();
    let amount = order_amount(o.total_fee, &o.currency);
    let on_close = {
        let amount = amount.clone();
        move |_| {
            let question = fill(t.close_confirm, &[("amount", &amount)]);
            if window().confirm_with_message(&question).unwrap_or(false) {
                close.dispatch(id.clone());
            }
        }
    };
    let when_done = o.transact_time.map(|ms| {
        let what = match o.status {
            OrderStatus::PAID => t.when_paid,
            _ => t.when_closed,
        };
        fill(what, &[("time", &when(ms))])
    });
    view! {
        <li class="row row--wrap">
            <div class="row__main">
                <span class="row__title">{format!("{amount} · {}", o.goods_name)}</span>
                <span class="row__meta">{fill(t.paid_amount, &[("amount", &order_amount(&o.paid_amount, &o.currency))])}</span>
                {countdown}
                <span class="row__meta">{fill(t.created_at, &[("time", &when(o.create_time))])}{when_done}</span>
                <span class="row__meta">{t.order_prefix}<span class="mono">{o.prepay_id.clone()}</span></span>
                {open.then(|| view! {
                    <a class="row__link" href=o.checkout_url.clone() target="_blank" rel="noopener">
                        {t.open_checkout}<span class="visually-hidden">{fill(t.for_amount_new_tab, &[("amount", &amount)])}</span>
                    </a>
                })}
            </div>
            <OrderStatusBadge status=o.status />
            {open.then(|| view! {
                <button type="button" class="btn btn--secondary btn--small" disabled=move || close.pending().get() on:click=on_close>
                    {t.close}<span class="visually-hidden">{fill(t.close_which, &[("amount", &amount)])}</span>
                </button>
            })}
        </li>
    }
}

/// The form, then the checkout link and QR code of the order it made.
#[component]
fn NewOrder(
    on_created: Callback<()>,
    latest: Callback<String, Option<OrderStatus>>,
) -> impl IntoView {
    let amount = RwSignal::new(String::new());
    let goods_name = RwSignal::new(String::new());
    let goods_detail = RwSignal::new(String::new());
    let currency = RwSignal::new(CURRENCIES[1].to_string());
    let return_url = RwSignal::new(String::new());
    let cancel_url = RwSignal::new(String::new());
    let errors = RwSignal::new(FieldErrors::new());
    let alert = RwSignal::new(None::<String>);
    let created = RwSignal::new(None::<Order>);
    let currency_options = Signal::derive(|| {
        CURRENCIES
            .iter()
            .map(|c| (c.to_string(), c.to_string()))
            .collect::<Vec<_>>()
    });
    let create = Action::new_local(|req: &CreateOrderRequest| {
        let req = req.clone();
        async move { api::kotani::create_binance_order(&req).await }
    });
    on_done(
        create,
        move |r: OrderResult| {
            created.set(Some(r.result));
            on_created.run(());
        },
        Failure::Form(errors, alert),
    );
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        alert.set(None);
        let typed = amount.get_untracked();
        let typed = typed.trim();
        let whole =
            (!typed.is_empty() && typed.len() <= 7 && typed.bytes().all(|b| b.is_ascii_digit()))
                .then(|| typed.parse::<i64>().ok())
                .flatten();
        let req = CreateOrderRequest {
            amount: whole.unwrap_or(0),
            goods_name: goods_name.get_untracked(),
            goods_detail: goods_detail.get_untracked(),
            currency: currency.get_untracked(),
            return_url: return_url.get_untracked().trim().to_string(),
            cancel_url: cancel_url.get_untracked().trim().to_string(),
        };
        match req.validate() {
            Ok(clean) => {
                errors.set(FieldErrors::new());
                create.dispatch(clean);
            }
            Err(found) => errors.set(ProblemText::fields(found)),
        }
    };
    let again = Callback::new(move |_| {
        created.set(None);
        amount.set(String::new());
        goods_name.set(String::new());
        goods_detail.set(String::new());
    });
    let t = OrdersText::get();
    let m = MerchantText::get();
    view! {
        {move || match created.get() {
            Some(o) => view! { <OrderResultCard o on_again=again latest /> }.into_any(),
            None => view! {
                <section class="card" aria-labelledby="new-order-heading">
                    <h2 id="new-order-heading">{t.new_order}</h2>
                    <form class="form" on:submit=on_submit novalidate>
                        <FormAlert message=alert.into() />
                        <TextField name="amount" label=m.amount value=amount errors inputmode="numeric" autocomplete="off" required=true
                            hint=t.amount_hint />
                        <SelectField name="currency" label=m.currency value=currency errors options=currency_options />
                        <TextField name="goodsName" label=t.what_is_sold value=goods_name errors required=true
                            hint=t.what_is_sold_hint />
                        <TextField name="goodsDetail" label=t.details value=goods_detail errors required=true
                            hint=t.details_hint />
                        <TextField name="returnUrl" label=m.return_after_paying value=return_url errors kind="url" required=true
                            hint=t.return_hint />
                        <TextField name="cancelUrl" label=t.cancel_address value=cancel_url errors kind="url" required=true
                            hint=t.cancel_hint />
                        <button class="btn btn--primary" type="submit" disabled=move || create.pending().get()>
                            {move || if create.pending().get() { m.creating } else { t.create_order }}
                        </button>
                    </form>
                </section>
            }.into_any(),
        }}
    }
}

#[component]
fn OrderResultCard(
    o: Order,
    on_again: Callback<()>,
    latest: Callback<String, Option<OrderStatus>>,
) -> impl IntoView {
    // The form this replaced had the focus: move it here, for keyboard and screen-reader users.
    let heading = NodeRef::<leptos::html::H2>::new();
    Effect::new(move || {
        if let Some(h) = heading.get() {
            let _ = h.focus();
        }
    });
    let id = o.prepay_id.clone();
    let first = o.status;
    let status = move || latest.run(id.clone()).unwrap_or(first);
    let amount = order_amount(o.total_fee, &o.currency);
    let t = OrdersText::get();
    let m = MerchantText::get();
    view! {
        <section class="card link-result" aria-labelledby="order-result-heading">
            <h2 id="order-result-heading" tabindex="-1" node_ref=heading>{t.order_ready}</h2>
            <p>{fill(t.send_checkout, &[("amount", &amount)])}</p>
            <p role="status">{t.status_prefix}{move || view! { <OrderStatusBadge status=status() /> }}</p>
            <div class="key-reveal__row">
                <a class="mono link-result__url" href=o.checkout_url.clone() target="_blank" rel="noopener">
                    {o.checkout_url.clone()}<span class="visually-hidden">{m.opens_new_tab}</span>
                </a>
                <CopyButton value=o.checkout_url.clone() label=m.copy done=m.copied what=t.checkout_link_what />
            </div>
            <img class="qr" src=o.qrcode_link.clone() width="200" height="200" alt=fill(t.qr_checkout, &[("amount", &amount)]) />
            <dl class="details">
                <dt>{t.what_is_sold}</dt><dd>{o.goods_name.clone()}</dd>
                <dt>{m.order}</dt>
                <dd class="copy-line">
                    <span class="mono">{o.prepay_id.clone()}</span>
                    <CopyButton value=o.prepay_id.clone() label=m.copy done=m.copied what=t.order_id_what />
                </dd>
                <dt>{t.closes}</dt><dd>{when(o.expire_time)}</dd>
            </dl>
            <div class="actions">
                <button type="button" class="btn btn--secondary" on:click=move |_| on_again.run(())>{m.create_another}</button>
            </div>
        </section>
    }
}
