use super::rials;
use super::transactions::TransactionRow;
use crate::api::{self, kpay::TransactionFilter};
use crate::components::feedback::{use_title, Loaded};
use crate::fmt;
use kitty_api::merchant::DailyTotal;
use leptos::prelude::*;
use leptos_router::components::A;

/// How many of the newest payments the overview lists.
const RECENT: usize = 5;

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
    // The newest first: the first page of the same list as the Transactions tab.
    let recent = LocalResource::new(|| async {
        api::kpay::transactions(&TransactionFilter::default()).await
    });
    let retry = Callback::new(move |_| summary.refetch());
    let retry_recent = Callback::new(move |_| recent.refetch());
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
            <section class="card" aria-labelledby="recent-heading">
                <div class="section__header recent__header">
                    <h2 id="recent-heading">"Recent payments"</h2>
                    <A href="/merchant/transactions" attr:class="link">"All transactions"</A>
                </div>
                <Loaded lines=3 retry=retry_recent view=move || async move {
                    recent.await.map(|l| {
                        if l.transactions.is_empty() {
                            return view! {
                                <p class="muted">"No payment links yet. Each link you create shows up here with its status, newest first."</p>
                            }.into_any();
                        }
                        view! {
                            <ul class="rows">
                                {l.transactions.into_iter().take(RECENT).map(|t| view! { <TransactionRow t /> }).collect_view()}
                            </ul>
                        }.into_any()
                    })
                } />
            </section>
        </div>
    }
}

/// A round number at or above `max` for the top of the amount scale: 1, 2, 2.5 or 5 times a
/// power of ten (`1,180,000` → `2,000,000`), so the scale's halfway mark is round too.
fn scale_top(max: i64) -> i64 {
    let mut power = 1i64;
    while power.saturating_mul(10) <= max {
        power *= 10;
    }
    [10, 20, 25, 50, 100]
        .into_iter()
        .map(|tenths| power * tenths / 10)
        .find(|top| *top >= max)
        .unwrap_or(power * 10)
        .max(1)
}

/// Rials in a few characters for the scale: `500K`, `1.25M`, `2B`.
fn compact(amount: i64) -> String {
    let (unit, suffix) = match amount {
        a if a >= 1_000_000_000 => (1_000_000_000, "B"),
        a if a >= 1_000_000 => (1_000_000, "M"),
        a if a >= 1_000 => (1_000, "K"),
        _ => return amount.to_string(),
    };
    let whole = amount / unit;
    // Two decimals at most, without trailing zeros.
    let hundredths = amount % unit * 100 / unit;
    match hundredths {
        0 => format!("{whole}{suffix}"),
        h if h % 10 == 0 => format!("{whole}.{}{suffix}", h / 10),
        h => format!("{whole}.{h:02}{suffix}"),
    }
}

/// Bars of paid amounts over an amount scale, with the day of the month under each bar and the
/// month where it starts or changes. Each bar carries its date and amount for screen readers and
/// on hover. With nothing paid, a note says so and what to do instead.
#[component]
fn DailyChart(days: Vec<DailyTotal>) -> impl IntoView {
    /// Width of a day's column, room for the scale on the left, and the plot's height.
    const W: f64 = 22.0;
    const LEFT: f64 = 40.0;
    const TOP: f64 = 8.0;
    const H: f64 = 110.0;
    let total: i64 = days.iter().map(|d| d.paid).sum();
    if total == 0 {
        return view! {
            <div class="chart-empty">
                <p class="chart-empty__title">"No payments yet"</p>
                <p class="muted">"Nothing has been paid in the last 14 days. Create a payment link and send it to a buyer: what they pay shows up here, day by day."</p>
                <A href="/merchant/links/new" attr:class="btn btn--secondary">"Create a payment link"</A>
            </div>
        }
        .into_any();
    }
    let top = scale_top(days.iter().map(|d| d.paid).max().unwrap_or(0));
    let width = LEFT + W * days.len() as f64;
    let y = |amount: i64| TOP + H - (amount * 1000 / top) as f64 / 1000.0 * H;
    let range = match (days.first(), days.last()) {
        (Some(a), Some(b)) => format!(
            "{} – {}",
            fmt::date(&format!("{}T12:00:00Z", a.date)),
            fmt::date(&format!("{}T12:00:00Z", b.date))
        ),
        _ => String::new(),
    };
    let mut last_month = String::new();
    view! {
        <svg class="chart chart--daily" viewBox=format!("0 0 {width} {}", TOP + H + 32.0) role="img"
            preserveAspectRatio="xMinYMid meet"
            aria-label=format!("Paid per day from {range}: {} in total", rials(total))>
            {[0, top / 2, top].into_iter().map(|tick| view! {
                <line class="chart__grid" x1=LEFT x2=width y1=y(tick) y2=y(tick)></line>
                <text class="chart__axis" x=LEFT - 6.0 y=y(tick) + 3.5 text-anchor="end">{compact(tick)}</text>
            }).collect_view()}
            {days.into_iter().enumerate().map(|(i, d)| {
                // Integer ratio first: amounts stay exact; only the pixel height is fractional.
                let h = (d.paid * 1000 / top) as f64 / 1000.0 * H;
                let h = if d.paid > 0 { h.max(2.0) } else { 0.0 };
                let x = LEFT + i as f64 * W;
                let day = format!("{}T12:00:00Z", d.date);
                let label = format!("{}: {}", fmt::date(&day), rials(d.paid));
                // `23 Nov 2026` → `Nov`, shown under the first day and where the month changes.
                let month = fmt::date(&day).split(' ').nth(1).unwrap_or_default().to_string();
                let new_month = (month != last_month).then(|| month.clone());
                last_month = month;
                view! {
                    <g>
                        <title>{label}</title>
                        // A full-height strip, so hovering anywhere over the day shows its total.
                        <rect class="chart__hit" x=x y=TOP width=W height=H></rect>
                        <rect class="chart__bar" x=x + 3.0 y=TOP + H - h width=W - 6.0 height=h rx="2"></rect>
                        <text class="chart__day" x=x + W / 2.0 y=TOP + H + 13.0 text-anchor="middle">{d.date[8..].trim_start_matches('0').to_string()}</text>
                        {new_month.map(|m| view! {
                            <text class="chart__month" x=x + 2.0 y=TOP + H + 27.0>{m}</text>
                        })}
                    </g>
                }
            }).collect_view()}
        </svg>
        <p class="chart__caption">{format!("Rials paid per day, {range}.")}</p>
    }
    .into_any()
}
