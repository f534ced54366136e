//! The webhooks sent to shops about crypto payments, with a way to send one again.

use super::super::linked;
use super::super::poll::{poll, row_key, PolledView};
use crate::api::{self, ApiError};
use crate::components::feedback::{on_done, EmptyState, Failure};
use crate::components::toast::use_toasts;
use crate::fmt;
use crate::i18n::deliveries::DeliveryText;
use crate::i18n::fill;
use crate::i18n::merchant::CryptoText;
use crate::i18n::shell::ShellText;
use kitty_api::ramp::{Delivery, DeliveryList};
use leptos::prelude::*;

/// The deliveries, kept current while any is waiting for its first try (as one is right after
/// "Resend").
#[component]
pub fn Deliveries() -> impl IntoView {
    let toasts = use_toasts();
    let t = CryptoText::get();
    let dt = DeliveryText::get();
    let list = poll(api::kpay::gateway_webhooks, |l: &DeliveryList| {
        l.deliveries.iter().any(|d| !d.delivered && d.attempts == 0)
    });
    let resend = Action::new_local(|id: &String| {
        let id = id.clone();
        async move { api::kpay::resend_gateway_webhook(&id).await }
    });
    on_done(
        resend,
        move |d: Delivery| {
            toasts.success(fill(
                t.resend_toast,
                &[("event", &d.event), ("url", &d.url)],
            ));
            list.refetch();
        },
        Failure::Toast,
    );
    let rows = move || {
        list.data
            .with(|d| d.as_ref().map(|l| l.deliveries.clone()).unwrap_or_default())
    };
    let empty = move || {
        list.data
            .with(|d| d.as_ref().is_some_and(|l| l.deliveries.is_empty()))
    };
    view! {
        <section class="section" aria-labelledby="crypto-webhooks-heading">
            <div class="section__header">
                <h2 id="crypto-webhooks-heading">{dt.webhook_deliveries}</h2>
                <button type="button" class="btn btn--secondary btn--small" on:click=move |_| list.refetch()>{dt.refresh}</button>
            </div>
            <p class="muted">
                {linked(t.deliveries_intro, &[("link", "/merchant/shops", t.your_shop_page)])}
            </p>
            <PolledView polled=list lines=3 body=move || view! {
                <Show when=empty>
                    <EmptyState title=dt.no_webhooks>
                        <p>{t.no_webhooks_body}</p>
                    </EmptyState>
                </Show>
                <Show when=move || !empty()>
                    <ul class="rows rows--card">
                        <For each=rows key=row_key let:d>
                            <DeliveryRow d resend />
                        </For>
                    </ul>
                </Show>
            } />
        </section>
    }
}

/// Why a delivery has not arrived, as far as known.
fn failure(d: &Delivery) -> String {
    let t = DeliveryText::get();
    match (&d.last_error, d.last_status) {
        (Some(e), _) => e.clone(),
        (None, Some(s)) => fill(t.answered_http, &[("status", &s.to_string())]),
        (None, None) => t.not_tried.into(),
    }
}

#[component]
fn DeliveryRow(d: Delivery, resend: Action<String, Result<Delivery, ApiError>>) -> impl IntoView {
    let t = CryptoText::get();
    let dt = DeliveryText::get();
    let id = d.id.clone();
    let queued = !d.delivered && d.attempts == 0;
    let outcome = if d.delivered {
        match d.last_status {
            Some(s) => fill(dt.delivered_http, &[("status", &s.to_string())]),
            None => dt.delivered.into(),
        }
    } else if queued {
        t.waiting_to_send.into()
    } else {
        fill(dt.not_delivered_why, &[("why", &failure(&d))])
    };
    let next = d
        .next_attempt_at
        .as_deref()
        .filter(|_| !d.delivered)
        .map(|at| fill(t.next_try, &[("time", &fmt::datetime(at))]));
    let attempts = ShellText::count(d.attempts, dt.attempts_one, dt.attempts_other);
    view! {
        <li class="row row--wrap delivery">
            <div class="row__main">
                <span class="row__title mono delivery__url">{d.url.clone()}</span>
                <span class="row__meta">{format!("{} · {attempts} · {}", d.event, fmt::datetime(&d.created_at))}</span>
                <span class="row__meta">{outcome}{next}</span>
                <details class="delivery__payload">
                    <summary>{dt.payload}</summary>
                    <pre class="code" tabindex="0" role="region" aria-label=fill(t.payload_of, &[("event", &d.event)])><code>{d.payload.clone()}</code></pre>
                </details>
            </div>
            {match (d.delivered, queued) {
                (true, _) => view! { <span class="status status--paid">{dt.delivered}</span> },
                (false, true) => view! { <span class="status status--pending">{t.sending_badge}</span> },
                (false, false) => view! { <span class="status status--failed">{dt.not_delivered}</span> },
            }}
            <button type="button" class="btn btn--secondary btn--small" disabled=move || resend.pending().get()
                on:click=move |_| { resend.dispatch(id.clone()); }>
                {dt.resend}<span class="visually-hidden">{fill(t.resend_which, &[("event", &d.event), ("url", &d.url)])}</span>
            </button>
        </li>
    }
}
