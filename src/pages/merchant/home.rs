use super::rials;
use crate::api;
use crate::components::feedback::{use_title, Loaded};
use crate::fmt;
use kitty_api::merchant::DailyTotal;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn MerchantHome() -> impl IntoView {
    use_title("Merchant");
    let summary = LocalResource::new(|| api::kpay::summary(fmt::offset_minutes()));
    let setup = LocalResource::new(|| async {
        let shops = api::kpay::shops().await?;
        let cards = api::kpay::cards().await?;
        Ok::<_, api::ApiError>((
            shops.total,
            cards.cards.iter().filter(|c| c.is_active).count(),
        ))
    });
    let retry = Callback::new(move |_| summary.refetch());
    view! {
        <div class="page">
            <header class="page__header">
                <h1>"Merchant"</h1>
                <A href="/merchant/links/new" attr:class="btn btn--primary">"New payment link"</A>
            </header>
            <Transition fallback=|| ()>
                {move || Suspend::new(async move {
                    setup.await.ok().map(|(shops, cards)| (shops == 0 || cards == 0).then(|| view! {
                        <section class="card card--callout" aria-labelledby="setup-heading">
                            <h2 id="setup-heading">"Get ready to take payments"</h2>
                            <ol class="checklist">
                                <li class:done={shops > 0}><A href="/merchant/shops">"Create a shop"</A>" — it gets an API key for your website."</li>
                                <li class:done={cards > 0}><A href="/merchant/cards">"Add the bank card"</A>" that receives buyers' transfers."</li>
                                <li><A href="/merchant/links/new">"Create a payment link"</A>" and send it to a buyer."</li>
                            </ol>
                        </section>
                    }))
                })}
            </Transition>
            <Loaded lines=4 retry view=move || async move {
                        summary.await.map(|s| view! {
                            <ul class="stats">
                                <li class="stat"><span class="stat__label">"Paid today"</span><span class="stat__value">{rials(s.today_paid)}</span></li>
                                <li class="stat"><span class="stat__label">"Paid this month"</span><span class="stat__value">{rials(s.month_paid)}</span></li>
                                <li class="stat">
                                    <span class="stat__label">"Waiting for payment"</span>
                                    <A href=format!("/merchant/transactions?status={}", kitty_api::merchant::TransactionStatus::Pending.as_str()) attr:class="stat__value">{s.pending_count}</A>
                                </li>
                            </ul>
                            <section class="card" aria-labelledby="chart-heading">
                                <h2 id="chart-heading">"Paid per day, last 14 days"</h2>
                                <DailyChart days=s.daily />
                            </section>
                        })
                    } />
        </div>
    }
}

/// Bars of paid amounts. Each bar carries its date and amount for screen readers and on hover.
#[component]
fn DailyChart(days: Vec<DailyTotal>) -> impl IntoView {
    const W: f64 = 28.0;
    const H: f64 = 120.0;
    let max = days.iter().map(|d| d.paid).max().unwrap_or(0).max(1);
    let width = W * days.len() as f64;
    let total: i64 = days.iter().map(|d| d.paid).sum();
    view! {
        <svg class="chart" viewBox=format!("0 0 {width} {}", H + 18.0) role="img"
            aria-label=format!("Paid per day over the last 14 days, {} in total", rials(total))>
            {days.into_iter().enumerate().map(|(i, d)| {
                // Integer ratio first: amounts stay exact; only the pixel height is fractional.
                let h = (d.paid * 1000 / max) as f64 / 1000.0 * H;
                let x = i as f64 * W;
                let label = format!("{}: {}", fmt::date(&format!("{}T12:00:00Z", d.date)), rials(d.paid));
                view! {
                    <g>
                        <title>{label}</title>
                        <rect class="chart__bar" x=x + 4.0 y=H - h.max(1.0) width=W - 8.0 height=h.max(1.0) rx="3"></rect>
                        <text class="chart__day" x=x + W / 2.0 y=H + 14.0 text-anchor="middle">{d.date[8..].to_string()}</text>
                    </g>
                }
            }).collect_view()}
        </svg>
    }
}
