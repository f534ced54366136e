//! Every ramp transaction, filtered; finding one by its request id or the partner's reference;
//! KiotaPay's till look-up; and one transaction's page.

use super::status::{status_sentence, watch_transaction};
use super::{money, use_ramp, NeedsPartner, RampRow, RampStatusBadge};
use crate::api::{
    self,
    kotani::{TransactionQuery, FAMILIES},
    ApiError,
};
use crate::components::feedback::{
    on_done, use_title, EmptyState, ErrorPanel, Failure, Loaded, Skeleton,
};
use crate::components::form::{FormAlert, SelectField, TextField};
use crate::fmt;
use kitty_api::ramp::kiota::TillResponse;
use kitty_api::ramp::{result_text, RampResult, RampTransaction};
use kitty_api::{Currency, FieldErrors, Money};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_params_map, use_query_map};

/// The list's page size, and how many more "Show more" asks for.
const PAGE: u32 = 20;
/// The most the API lists at once.
const MOST: u32 = 100;

/// The list's state lives in the URL (`?type=Payouts&order=asc&limit=40`), so a reload or a
/// shared link shows the same list.
#[component]
pub fn History() -> impl IntoView {
    use_title("Ramp history");
    let query = use_query_map();
    let navigate = use_navigate();
    let filter = Memo::new(move |_| {
        query.with(|q| TransactionQuery {
            transaction_type: q
                .get("type")
                .filter(|t| FAMILIES.contains(&t.as_str()))
                .unwrap_or_default(),
            limit: q
                .get("limit")
                .and_then(|l| l.parse().ok())
                .unwrap_or(PAGE)
                .clamp(1, MOST),
            newest_first: q.get("order").as_deref() != Some("asc"),
        })
    });
    let list = LocalResource::new(move || {
        let f = filter.get();
        async move { api::kotani::transactions(&f).await }
    });
    let go = move |f: TransactionQuery| {
        let mut parts = Vec::new();
        if !f.transaction_type.is_empty() {
            parts.push(format!("type={}", api::enc(&f.transaction_type)));
        }
        if !f.newest_first {
            parts.push("order=asc".to_string());
        }
        if f.limit != PAGE {
            parts.push(format!("limit={}", f.limit));
        }
        let path = if parts.is_empty() {
            "/ramp/history".to_string()
        } else {
            format!("/ramp/history?{}", parts.join("&"))
        };
        navigate(&path, Default::default());
    };
    let set_type = {
        let go = go.clone();
        move |ev| {
            go(TransactionQuery {
                transaction_type: event_target_value(&ev),
                limit: PAGE,
                ..filter.get_untracked()
            })
        }
    };
    let set_order = {
        let go = go.clone();
        move |ev| {
            go(TransactionQuery {
                newest_first: event_target_value(&ev) != "asc",
                ..filter.get_untracked()
            })
        }
    };
    let retry = Callback::new(move |_| list.refetch());
    view! {
        <section class="section" aria-labelledby="history-heading">
            <h2 id="history-heading">"History"</h2>
            <div class="filters" role="search" aria-label="Filter transactions">
                <label class="field">
                    <span class="field__label">"Type"</span>
                    <select class="field__input" on:change=set_type>
                        <option value="" selected=move || filter.with(|f| f.transaction_type.is_empty())>"All"</option>
                        <option value="Collections" selected=move || filter.with(|f| f.transaction_type == "Collections")>"Collections (deposits)"</option>
                        <option value="Payouts" selected=move || filter.with(|f| f.transaction_type == "Payouts")>"Payouts"</option>
                    </select>
                </label>
                <label class="field">
                    <span class="field__label">"Order"</span>
                    <select class="field__input" on:change=set_order>
                        <option value="desc" selected=move || filter.with(|f| f.newest_first)>"Newest first"</option>
                        <option value="asc" selected=move || filter.with(|f| !f.newest_first)>"Oldest first"</option>
                    </select>
                </label>
            </div>
            <Loaded lines=6 retry view=move || {
                let go = go.clone();
                async move {
                    match list.await {
                        // No wallet (and so no transactions) before the partner has credentials.
                        Err(ApiError::NotFound(_)) => Ok(view! { <NeedsPartner /> }.into_any()),
                        Err(e) => Err(e),
                        Ok(l) if l.transactions.is_empty() => Ok(view! {
                            <EmptyState title="No transactions here">
                                <p>"Deposits and payouts show up here as soon as they are made. "<A href="/ramp/deposit">"Make a deposit"</A></p>
                            </EmptyState>
                        }.into_any()),
                        Ok(l) => {
                            let limit = filter.get_untracked().limit;
                            let full = l.transactions.len() as u32 >= limit && limit < MOST;
                            Ok(view! {
                                <ul class="rows rows--card">
                                    {l.transactions.into_iter().map(|t| view! { <RampRow t /> }).collect_view()}
                                </ul>
                                {full.then(|| view! {
                                    <button type="button" class="btn btn--secondary load-more"
                                        on:click=move |_| {
                                            let f = filter.get_untracked();
                                            go(TransactionQuery { limit: (f.limit + PAGE).min(MOST), ..f })
                                        }>"Show more"</button>
                                })}
                            }.into_any())
                        }
                    }
                }
            } />
        </section>
        <div class="split">
            <FindTransaction />
            <TillLookup />
        </div>
    }
}

/// How a transaction is looked up.
#[derive(Clone)]
enum Lookup {
    Request(String),
    External { id: String, family: String },
}

/// A transaction by its request id, or by the partner's own reference and its family.
#[component]
fn FindTransaction() -> impl IntoView {
    let navigate = use_navigate();
    let by = RwSignal::new("request".to_string());
    let family = RwSignal::new(FAMILIES[0].to_string());
    let id = RwSignal::new(String::new());
    let errors = RwSignal::new(FieldErrors::new());
    let alert = RwSignal::new(None::<String>);
    let find = Action::new_local(|l: &Lookup| {
        let l = l.clone();
        async move {
            match l {
                Lookup::Request(id) => api::kotani::transaction(&id).await,
                Lookup::External { id, family } => {
                    api::kotani::transaction_by_external(&id, &family).await
                }
            }
        }
    });
    on_done(
        find,
        move |r: RampResult| {
            navigate(
                &format!("/ramp/transactions/{}", api::enc(&r.result.request_id)),
                Default::default(),
            )
        },
        Failure::Form(errors, alert),
    );
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        alert.set(None);
        let value = id.get_untracked().trim().to_string();
        if value.is_empty() {
            errors.set(FieldErrors::from([(
                "lookupId".to_string(),
                "Enter the id to look for.".to_string(),
            )]));
            return;
        }
        errors.set(FieldErrors::new());
        find.dispatch(if by.get_untracked() == "external" {
            Lookup::External {
                id: value,
                family: family.get_untracked(),
            }
        } else {
            Lookup::Request(value)
        });
    };
    let ways = Signal::derive(|| {
        vec![
            ("request".to_string(), "Request id".to_string()),
            (
                "external".to_string(),
                "Your reference (external id)".to_string(),
            ),
        ]
    });
    let families = Signal::derive(|| {
        vec![
            (
                "Collections".to_string(),
                "Collections (deposits)".to_string(),
            ),
            ("Payouts".to_string(), "Payouts".to_string()),
        ]
    });
    view! {
        <section class="card" aria-labelledby="find-heading">
            <h2 id="find-heading">"Find a transaction"</h2>
            <form class="form" on:submit=on_submit novalidate role="search" aria-labelledby="find-heading">
                <FormAlert message=alert.into() />
                <SelectField name="lookupBy" label="Look up by" value=by errors options=ways />
                <Show when=move || by.get() == "external">
                    <SelectField name="transactionalType" label="Type" value=family errors options=families />
                </Show>
                <TextField name="lookupId" label="Id" value=id errors autocomplete="off" required=true />
                <button class="btn btn--secondary" type="submit" disabled=move || find.pending().get()>
                    {move || if find.pending().get() { "Looking…" } else { "Find" }}
                </button>
            </form>
        </section>
    }
}

/// KiotaPay's answer for one till payment, asked with the partner's company id.
#[component]
fn TillLookup() -> impl IntoView {
    let ctx = use_ramp();
    let request_id = RwSignal::new(String::new());
    let errors = RwSignal::new(FieldErrors::new());
    let alert = RwSignal::new(None::<String>);
    let found = RwSignal::new(None::<TillResponse>);
    let look = Action::new_local(|(company, request): &(String, String)| {
        let (company, request) = (company.clone(), request.clone());
        async move { api::kotani::kiota_till(&company, &request).await }
    });
    on_done(
        look,
        move |r| found.set(Some(r)),
        Failure::Form(errors, alert),
    );
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        alert.set(None);
        found.set(None);
        let value = request_id.get_untracked().trim().to_string();
        if value.is_empty() {
            errors.set(FieldErrors::from([(
                "tillRequestId".to_string(),
                "Enter the request id of a till payment.".to_string(),
            )]));
            return;
        }
        let Some(profile) = ctx.profile() else {
            alert.set(Some(
                "Your KiotaPay company id is still loading. Try again in a moment.".into(),
            ));
            return;
        };
        errors.set(FieldErrors::new());
        look.dispatch((profile.company_id, value));
    };
    view! {
        <section class="card" aria-labelledby="till-lookup-heading">
            <h2 id="till-lookup-heading">"KiotaPay till look-up"</h2>
            <p class="muted">"What KiotaPay recorded for a till payment."</p>
            <form class="form" on:submit=on_submit novalidate>
                <FormAlert message=alert.into() />
                <TextField name="tillRequestId" label="Request id" value=request_id errors autocomplete="off"
                    hint="The request id of a till payment" required=true />
                <button class="btn btn--secondary" type="submit" disabled=move || look.pending().get()>
                    {move || if look.pending().get() { "Looking…" } else { "Look up" }}
                </button>
            </form>
            {move || found.get().map(|r| view! { <TillAnswer r /> })}
        </section>
    }
}

#[component]
fn TillAnswer(r: TillResponse) -> impl IntoView {
    let d = r.data;
    let amount = d.amount.to_string();
    let amount = Money::parse(&amount, Currency::KES)
        .map(|m| m.to_string())
        .unwrap_or(amount);
    let or_dash = |s: Option<String>| s.unwrap_or_else(|| "—".into());
    view! {
        <dl class="details ramp-till" aria-label="KiotaPay's answer">
            <dt>"Status"</dt><dd>{d.status.clone()}</dd>
            <dt>"Amount"</dt><dd>{amount}</dd>
            <dt>"Receipt"</dt><dd class="mono">{or_dash(d.transaction_receipt.clone())}</dd>
            <dt>"Receiver"</dt><dd>{or_dash(d.receiver_name.clone())}</dd>
            <dt>"Response"</dt><dd>{format!("{} (code {})", d.response_description, d.response_code)}</dd>
            <dt>"Organisation"</dt><dd>{d.organisation.name.clone()}</dd>
            <dt>"Business number"</dt><dd class="mono">{d.business_number.clone()}</dd>
            <dt>"Account number"</dt><dd class="mono">{d.account_number.clone()}</dd>
            <dt>"Created"</dt><dd>{fmt::datetime(&d.created_at)}</dd>
            <dt>"Message"</dt><dd>{r.message.clone()}</dd>
        </dl>
    }
}

/// One transaction with every field, kept current while it is pending.
#[component]
pub fn RampTransactionDetail() -> impl IntoView {
    use_title("Ramp transaction");
    let params = use_params_map();
    let id = Signal::derive(move || params.with(|p| p.get("id").unwrap_or_default()));
    let watch = watch_transaction(id);
    view! {
        <A href="/ramp/history" attr:class="back">"History"</A>
        {move || watch.tx.get().map(|t| view! {
            <header class="page__header">
                <h2>{money(t.amount, t.currency)}</h2>
                <RampStatusBadge status=t.status />
            </header>
        })}
        // Outside the part that is redrawn, so screen readers hear each change of status.
        <p role="status">{move || watch.tx.get().map(|t| status_sentence(&t))}</p>
        {move || match (watch.tx.get(), watch.error.get()) {
            (None, None) => view! { <Skeleton lines=6 /> }.into_any(),
            (None, Some(e)) => view! { <ErrorPanel error=e retry=Callback::new(move |_| watch.retry()) /> }.into_any(),
            (Some(t), _) => view! { <TransactionFields t /> }.into_any(),
        }}
    }
}

#[component]
fn TransactionFields(t: RampTransaction) -> impl IntoView {
    let or_dash = |s: &Option<String>| s.clone().unwrap_or_else(|| "—".into());
    let bank = match (&t.service_provider_id, &t.bank_name) {
        (Some(code), Some(name)) => format!("{name} ({code})"),
        (Some(code), None) => code.clone(),
        (None, Some(name)) => name.clone(),
        (None, None) => "—".into(),
    };
    let result = t
        .result_code
        .map(|c| format!("{c}: {}", result_text(c)))
        .unwrap_or_else(|| "Not settled yet".into());
    view! {
        <section class="card">
            <dl class="details">
                <dt>"Kind"</dt><dd>{t.kind.label()}</dd>
                <dt>"Type"</dt><dd>{t.transaction_type.clone()}</dd>
                <dt>"Status"</dt><dd>{t.status.label()}</dd>
                <dt>"Amount"</dt><dd>{money(t.amount, t.currency)}</dd>
                <dt>"Fee"</dt><dd>{money(t.fee, t.currency)}</dd>
                <dt>"Currency"</dt><dd>{t.currency.code()}</dd>
                <dt>"Phone number"</dt><dd class="mono">{or_dash(&t.phone_number)}</dd>
                <dt>"Bank"</dt><dd>{bank}</dd>
                <dt>"Account name"</dt><dd>{or_dash(&t.account_name)}</dd>
                <dt>"Account number"</dt><dd class="mono">{or_dash(&t.account_number)}</dd>
                <dt>"Business number"</dt><dd class="mono">{or_dash(&t.merchant_number)}</dd>
                <dt>"Till number"</dt><dd class="mono">{or_dash(&t.merchant_till)}</dd>
                <dt>"Your reference"</dt><dd class="mono">{or_dash(&t.external_id)}</dd>
                <dt>"Quote id"</dt><dd class="mono">{or_dash(&t.quote_id)}</dd>
                <dt>"Callback"</dt><dd class="mono">{or_dash(&t.callback)}</dd>
                <dt>"Result"</dt><dd>{result}</dd>
                <dt>"M-Pesa said"</dt><dd>{or_dash(&t.result_description)}</dd>
                <dt>"Request id"</dt><dd class="mono">{t.request_id.clone()}</dd>
                <dt>"Id"</dt><dd class="mono">{t.id}</dd>
                <dt>"Created"</dt><dd>{fmt::datetime(&t.created_at)}</dd>
                <dt>"Updated"</dt><dd>{fmt::datetime(&t.updated_at)}</dd>
            </dl>
        </section>
    }
}
