use super::poll::{poll, ticking_now, time_left, PolledView};
use super::{linked, rials, StatusBadge};
use crate::api::{self, kpay::TransactionFilter};
use crate::components::copy::CopyButton;
use crate::components::feedback::{use_title, EmptyState, Loaded};
use crate::fmt;
use crate::i18n::merchant::MerchantText;
use crate::i18n::shell::ShellText;
use crate::i18n::{digits, fill};
use kitty_api::merchant::{Transaction, TransactionStatus};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_params_map, use_query_map};

const STATUSES: [TransactionStatus; 5] = [
    TransactionStatus::Pending,
    TransactionStatus::Paid,
    TransactionStatus::PaidLate,
    TransactionStatus::Expired,
    TransactionStatus::Failed,
];

/// The list's state lives in the URL, so a reload or a shared link shows the same page.
#[component]
pub fn Transactions() -> impl IntoView {
    let t = MerchantText::get();
    use_title(t.transactions);
    let query = use_query_map();
    let navigate = use_navigate();
    let filter = Memo::new(move |_| {
        query.with(|q| TransactionFilter {
            shop_id: q.get("shop_id").filter(|s| !s.is_empty()),
            status: q.get("status").and_then(|s| TransactionStatus::parse(&s)),
            page: q
                .get("page")
                .and_then(|p| p.parse().ok())
                .unwrap_or(1)
                .max(1),
        })
    });
    let list = LocalResource::new(move || {
        let f = filter.get();
        async move { api::kpay::transactions(&f).await }
    });
    let shops = LocalResource::new(api::kpay::shops);
    let go = move |f: TransactionFilter| {
        let q = f.query();
        navigate(
            &if q.is_empty() {
                "/merchant/transactions".to_string()
            } else {
                format!("/merchant/transactions?{q}")
            },
            Default::default(),
        );
    };
    let set_shop = {
        let go = go.clone();
        move |ev| {
            go(TransactionFilter {
                shop_id: Some(event_target_value(&ev)).filter(|s| !s.is_empty()),
                page: 1,
                ..filter.get_untracked()
            })
        }
    };
    let set_status = {
        let go = go.clone();
        move |ev| {
            go(TransactionFilter {
                status: TransactionStatus::parse(&event_target_value(&ev)),
                page: 1,
                ..filter.get_untracked()
            })
        }
    };
    let retry = Callback::new(move |_| list.refetch());
    view! {
        <div class="page">
            <header class="page__header">
                <h1>{t.transactions}</h1>
                <a class="btn btn--secondary" href=move || api::kpay::export_url(&filter.get()) download="kitty-transactions.csv">{t.export_csv}</a>
            </header>
            <div class="filters" role="search" aria-label=t.filter_transactions>
                <label class="field">
                    <span class="field__label">{t.shop}</span>
                    <select class="field__input" on:change=set_shop>
                        <option value="">{t.all_shops}</option>
                        {move || shops.get().and_then(|r| r.ok()).map(|l| l.shops.into_iter().map(|s| {
                            let selected = filter.with(|f| f.shop_id.as_deref() == Some(s.id.as_str()));
                            view! { <option value=s.id.clone() selected=selected>{s.name.clone()}</option> }
                        }).collect_view())}
                    </select>
                </label>
                <label class="field">
                    <span class="field__label">{t.status}</span>
                    <select class="field__input" on:change=set_status>
                        <option value="">{t.any_status}</option>
                        {STATUSES.iter().map(|s| {
                            let s = *s;
                            view! { <option value=s.as_str() selected=move || filter.with(|f| f.status == Some(s))>{t.transaction_status(s)}</option> }
                        }).collect_view()}
                    </select>
                </label>
            </div>
            <Loaded lines=6 retry view=move || {
                        let go = go.clone();
                async move {
                            list.await.map(|l| {
                                if l.transactions.is_empty() {
                                    return view! {
                                        <EmptyState title=t.no_transactions>
                                            <p>{linked(t.payments_show_up, &[("link", "/merchant/links/new", t.create_one)])}</p>
                                        </EmptyState>
                                    }.into_any();
                                }
                                let pages = (l.total + l.per_page - 1) / l.per_page;
                                let page = l.page;
                                let (prev, next) = (go.clone(), go.clone());
                                view! {
                                    <p class="page__lede">{ShellText::count(l.total, t.transactions_one, t.transactions_other)}</p>
                                    <ul class="rows rows--card">
                                        {l.transactions.into_iter().map(|t| view! { <TransactionRow t /> }).collect_view()}
                                    </ul>
                                    <nav class="pager" aria-label=t.pages>
                                        <button type="button" class="btn btn--secondary btn--small" disabled={page <= 1}
                                            on:click=move |_| prev(TransactionFilter { page: page - 1, ..filter.get_untracked() })>{t.previous}</button>
                                        <span>{digits(&fill(t.page_of, &[("page", &page.to_string()), ("pages", &pages.max(1).to_string())]))}</span>
                                        <button type="button" class="btn btn--secondary btn--small" disabled={page >= pages}
                                            on:click=move |_| next(TransactionFilter { page: page + 1, ..filter.get_untracked() })>{t.next}</button>
                                    </nav>
                                }.into_any()
                            })
                        }
            } />
        </div>
    }
}

/// Also the overview's list of recent payments.
#[component]
pub(super) fn TransactionRow(t: Transaction) -> impl IntoView {
    view! {
        <li class="row">
            <A href=format!("/merchant/transactions/{}", t.id) attr:class="row__main">
                <span class="row__title">{rials(t.amount)}</span>
                <span class="row__meta">
                    {t.shop_name.clone()}
                    {t.factor_number.clone().map(|f| format!(" · {f}"))}
                    " · " {fmt::datetime(&t.created_at)}
                </span>
            </A>
            <StatusBadge status=t.status />
        </li>
    }
}

#[component]
pub fn TransactionDetail() -> impl IntoView {
    let m = MerchantText::get();
    use_title(m.transaction);
    let params = use_params_map();
    // While the buyer may still pay, keep the page current. Only a change redraws it, so focus
    // on the copy button stays put between checks.
    let tx = poll(
        move || {
            let id = params.with(|p| p.get("id").unwrap_or_default());
            async move { api::kpay::transaction(&id).await }
        },
        |t: &Transaction| t.status == TransactionStatus::Pending,
    );
    view! {
        <div class="page">
            <A href="/merchant/transactions" attr:class="back">{m.transactions}</A>
            <PolledView polled=tx lines=6 body=move || move || tx.data.get().map(|t| view! {
                <header class="page__header">
                    <h1>{rials(t.amount)}</h1>
                    <StatusBadge status=t.status />
                </header>
                {(t.status == TransactionStatus::Pending).then(|| view! { <ShareLink t=t.clone() /> })}
                <section class="card">
                    <dl class="details">
                        <dt>{m.shop}</dt><dd>{t.shop_name.clone()}</dd>
                        <dt>{m.buyer_transfers}</dt><dd>{rials(t.final_amount)}</dd>
                        <dt>{m.fee}</dt><dd>{fill(if t.fee_side == kitty_api::merchant::FeeSide::Customer { m.fee_by_buyer } else { m.fee_by_you }, &[("fee", &rials(t.fee))])}</dd>
                        <dt>{m.to_card}</dt><dd class="mono">{t.card_number.clone()}</dd>
                        <dt>{m.invoice}</dt><dd>{t.factor_number.clone().unwrap_or_else(|| "—".into())}</dd>
                        <dt>{m.description}</dt><dd>{t.description.clone().unwrap_or_else(|| "—".into())}</dd>
                        <dt>{m.authority}</dt><dd class="mono">{t.authority.clone()}</dd>
                        <dt>{m.created}</dt><dd>{fmt::datetime(&t.created_at)}</dd>
                        <dt>{m.expires}</dt><dd>{fmt::datetime(&t.expires_at)}</dd>
                        <dt>{m.paid_at}</dt><dd>{t.paid_at.as_deref().map(fmt::datetime).unwrap_or_else(|| "—".into())}</dd>
                        <dt>{m.verified}</dt><dd>{t.verified_at.as_deref().map(fmt::datetime).unwrap_or_else(|| m.not_yet.into())}</dd>
                        <dt>{m.payment_page}</dt><dd><a href=t.payment_url.clone() target="_blank" rel="noopener">{t.payment_url.clone()}</a></dd>
                    </dl>
                </section>
            }) />
        </div>
    }
}

/// A pending payment's link, to send to the buyer: copy it, or let them scan it, while it works.
#[component]
fn ShareLink(t: Transaction) -> impl IntoView {
    let m = MerchantText::get();
    let now = ticking_now();
    let expires_ms = kitty_api::format::parse_rfc3339(&t.expires_at).map(|s| s * 1000);
    let left = move || {
        expires_ms.map(|e| {
            let seconds = (e - now.get()) / 1000;
            if seconds > 0 {
                fill(
                    m.works_until,
                    &[
                        ("time", &fmt::time(&t.expires_at)),
                        ("left", &time_left(seconds)),
                    ],
                )
            } else {
                m.time_up.to_string()
            }
        })
    };
    view! {
        <section class="card link-result" aria-labelledby="share-heading">
            <h2 id="share-heading">{m.send_to_buyer}</h2>
            <p>{fill(m.they_transfer, &[("amount", &rials(t.final_amount))])}{left}</p>
            <div class="key-reveal__row">
                <a class="mono link-result__url" href=t.payment_url.clone() target="_blank" rel="noopener">{t.payment_url.clone()}</a>
                <CopyButton value=t.payment_url.clone() label=m.copy done=m.copied what=m.payment_link_what />
            </div>
            <img class="qr" src=api::kpay::qr_url(&t.authority) width="200" height="200" loading="lazy"
                alt=m.qr_to_scan />
        </section>
    }
}
