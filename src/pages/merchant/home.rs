use super::transactions::TransactionRow;
use super::{linked, rials};
use crate::api::{self, kpay::TransactionFilter};
use crate::components::feedback::{use_title, Loaded};
use crate::fmt;
use crate::i18n::merchant::MerchantText;
use crate::i18n::shell::ShellText;
use crate::i18n::{digits, fill};
use kitty_api::merchant::DailyTotal;
use leptos::prelude::*;
use leptos_router::components::A;

/// How many of the newest payments the overview lists.
const RECENT: usize = 5;

#[component]
pub fn MerchantHome() -> impl IntoView {
    let t = MerchantText::get();
    use_title(ShellText::get().merchant);
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
                <h1>{ShellText::get().merchant}</h1>
                <A href="/merchant/links/new" attr:class="btn btn--primary">{t.new_payment_link}</A>
            </header>
            <Transition fallback=|| ()>
                {move || Suspend::new(async move {
                    setup.await.ok().map(|(shops, cards)| (shops == 0 || cards == 0).then(|| view! {
                        <section class="card card--callout" aria-labelledby="setup-heading">
                            <h2 id="setup-heading">{t.get_ready}</h2>
                            <ol class="checklist">
                                <li class:done={shops > 0}>{linked(t.setup_shop, &[("link", "/merchant/shops", t.create_a_shop)])}</li>
                                <li class:done={cards > 0}>{linked(t.setup_card, &[("link", "/merchant/cards", t.add_bank_card)])}</li>
                                <li>{linked(t.setup_link, &[("link", "/merchant/links/new", t.create_payment_link)])}</li>
                            </ol>
                        </section>
                    }))
                })}
            </Transition>
            <Loaded lines=4 retry view=move || async move {
                        summary.await.map(|s| view! {
                            <ul class="stats">
                                <li class="stat"><span class="stat__label">{t.paid_today}</span><span class="stat__value">{rials(s.today_paid)}</span></li>
                                <li class="stat"><span class="stat__label">{t.paid_this_month}</span><span class="stat__value">{rials(s.month_paid)}</span></li>
                                <li class="stat">
                                    <span class="stat__label">{t.waiting_for_payment}</span>
                                    <A href=format!("/merchant/transactions?status={}", kitty_api::merchant::TransactionStatus::Pending.as_str()) attr:class="stat__value">{digits(&s.pending_count.to_string())}</A>
                                </li>
                            </ul>
                            <section class="card" aria-labelledby="chart-heading">
                                <h2 id="chart-heading">{t.paid_per_day}</h2>
                                <DailyChart days=s.daily />
                            </section>
                        })
                    } />
            <section class="card" aria-labelledby="recent-heading">
                <div class="section__header recent__header">
                    <h2 id="recent-heading">{t.recent_payments}</h2>
                    <A href="/merchant/transactions" attr:class="link">{t.all_transactions}</A>
                </div>
                <Loaded lines=3 retry=retry_recent view=move || async move {
                    recent.await.map(|l| {
                        if l.transactions.is_empty() {
                            return view! {
                                <p class="muted">{t.no_links_yet}</p>
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
    let t = MerchantText::get();
    let total: i64 = days.iter().map(|d| d.paid).sum();
    if total == 0 {
        return view! {
            <div class="chart-empty">
                <p class="chart-empty__title">{t.no_payments_yet}</p>
                <p class="muted">{t.nothing_paid}</p>
                <A href="/merchant/links/new" attr:class="btn btn--secondary">{t.create_payment_link}</A>
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
            aria-label=fill(t.chart_label, &[("range", &range), ("total", &rials(total))])>
            {[0, top / 2, top].into_iter().map(|tick| view! {
                <line class="chart__grid" x1=LEFT x2=width y1=y(tick) y2=y(tick)></line>
                <text class="chart__axis" x=LEFT - 6.0 y=y(tick) + 3.5 text-anchor="end">{digits(&compact(tick))}</text>
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
                        <text class="chart__day" x=x + W / 2.0 y=TOP + H + 13.0 text-anchor="middle">{digits(d.date[8..].trim_start_matches('0'))}</text>
                        {new_month.map(|m| view! {
                            <text class="chart__month" x=x + 2.0 y=TOP + H + 27.0>{m}</text>
                        })}
                    </g>
                }
            }).collect_view()}
        </svg>
        <p class="chart__caption">{fill(t.chart_caption, &[("range", &range)])}</p>
    }
    .into_any()
}
