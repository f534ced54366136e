//! The webhooks sent to shops about crypto payments, with a way to send one again.

use super::super::poll::{poll, row_key, PolledView};
use crate::api::{self, ApiError};
use crate::components::feedback::{on_done, EmptyState, Failure};
use crate::components::toast::use_toasts;
use crate::fmt;
use kitty_api::ramp::{Delivery, DeliveryList};
use leptos::prelude::*;
use leptos_router::components::A;

/// The deliveries, kept current while any is waiting for its first try (as one is right after
/// "Resend").
#[component]
pub fn Deliveries() -> impl IntoView {
    let toasts = use_toasts();
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
            toasts.success(format!(
                "Sending the {} webhook to {} again. Its answer shows here in a few seconds.",
                d.event, d.url
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
                <h2 id="crypto-webhooks-heading">"Webhook deliveries"</h2>
                <button type="button" class="btn btn--secondary btn--small" on:click=move |_| list.refetch()>"Refresh"</button>
            </div>
            <p class="muted">
                "A payment with a webhook address gets a POST there each time its status changes, signed with its shop's webhook signing secret (see "
                <A href="/merchant/shops">"your shop's page"</A>"). Failed deliveries are tried again."
            </p>
            <PolledView polled=list lines=3 body=move || view! {
                <Show when=empty>
                    <EmptyState title="No webhooks yet">
                        <p>"Give a payment a webhook address, and each change of its status is POSTed there."</p>
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
    match (&d.last_error, d.last_status) {
        (Some(e), _) => e.clone(),
        (None, Some(s)) => format!("the address answered HTTP {s}"),
        (None, None) => "not tried yet".into(),
    }
}

#[component]
fn DeliveryRow(d: Delivery, resend: Action<String, Result<Delivery, ApiError>>) -> impl IntoView {
    let id = d.id.clone();
    let queued = !d.delivered && d.attempts == 0;
    let outcome = if d.delivered {
        match d.last_status {
            Some(s) => format!("Delivered (HTTP {s})"),
            None => "Delivered".into(),
        }
    } else if queued {
        "Waiting to be sent".into()
    } else {
        format!("Not delivered: {}", failure(&d))
    };
    let next = d
        .next_attempt_at
        .as_deref()
        .filter(|_| !d.delivered)
        .map(|t| format!(" · next try {}", fmt::datetime(t)));
    let attempts = kitty_api::format::count(d.attempts, "attempt", "attempts");
    view! {
        <li class="row row--wrap delivery">
            <div class="row__main">
                <span class="row__title mono delivery__url">{d.url.clone()}</span>
                <span class="row__meta">{format!("{} · {attempts} · {}", d.event, fmt::datetime(&d.created_at))}</span>
                <span class="row__meta">{outcome}{next}</span>
                <details class="delivery__payload">
                    <summary>"Payload"</summary>
                    <pre class="code" tabindex="0" role="region" aria-label=format!("Payload of the {} webhook", d.event)><code>{d.payload.clone()}</code></pre>
                </details>
            </div>
            {match (d.delivered, queued) {
                (true, _) => view! { <span class="status status--paid">"Delivered"</span> },
                (false, true) => view! { <span class="status status--pending">"Sending"</span> },
                (false, false) => view! { <span class="status status--failed">"Not delivered"</span> },
            }}
            <button type="button" class="btn btn--secondary btn--small" disabled=move || resend.pending().get()
                on:click=move |_| { resend.dispatch(id.clone()); }>
                "Resend"<span class="visually-hidden">{format!(" the {} webhook to {}", d.event, d.url)}</span>
            </button>
        </li>
    }
}
