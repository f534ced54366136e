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
use crate::i18n::fill;
use crate::i18n::ramp::{RampFrameText, RampStatusText, RampText};
use kitty_api::ramp::kiota::TillResponse;
use kitty_api::ramp::{RampResult, RampTransaction};
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
    let t = RampText::get();
    use_title(t.history_title);
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
            <h2 id="history-heading">{RampFrameText::get().history}</h2>
            <div class="filters" role="search" aria-label=t.filter>
                <label class="field">
                    <span class="field__label">{t.type_}</span>
                    <select class="field__input" on:change=set_type>
                        <option value="" selected=move || filter.with(|f| f.transaction_type.is_empty())>{t.all}</option>
                        <option value="Collections" selected=move || filter.with(|f| f.transaction_type == "Collections")>{t.collections}</option>
                        <option value="Payouts" selected=move || filter.with(|f| f.transaction_type == "Payouts")>{t.payouts}</option>
                    </select>
                </label>
                <label class="field">
                    <span class="field__label">{t.order}</span>
                    <select class="field__input" on:change=set_order>
                        <option value="desc" selected=move || filter.with(|f| f.newest_first)>{t.newest_first}</option>
                        <option value="asc" selected=move || filter.with(|f| !f.newest_first)>{t.oldest_first}</option>
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
                            <EmptyState title=t.no_transactions_here>
                                <p>{t.history_empty_body}<A href="/ramp/deposit">{t.make_deposit}</A></p>
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
                                        }>{t.show_more}</button>
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
    let t = RampText::get();
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
                t.enter_lookup_id.to_string(),
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
    let ways = Signal::derive(move || {
        vec![
            (
                "request".to_string(),
                RampStatusText::get().request_id.to_string(),
            ),
            (
                "external".to_string(),
                t.your_reference_external.to_string(),
            ),
        ]
    });
    let families = Signal::derive(move || {
        vec![
            ("Collections".to_string(), t.collections.to_string()),
            ("Payouts".to_string(), t.payouts.to_string()),
        ]
    });
    view! {
        <section class="card" aria-labelledby="find-heading">
            <h2 id="find-heading">{t.find_transaction}</h2>
            <form class="form" on:submit=on_submit novalidate role="search" aria-labelledby="find-heading">
                <FormAlert message=alert.into() />
                <SelectField name="lookupBy" label=t.look_up_by value=by errors options=ways />
                <Show when=move || by.get() == "external">
                    <SelectField name="transactionalType" label=t.type_ value=family errors options=families />
                </Show>
                <TextField name="lookupId" label=t.id value=id errors autocomplete="off" required=true />
                <button class="btn btn--secondary" type="submit" disabled=move || find.pending().get()>
                    {move || if find.pending().get() { t.looking } else { t.find }}
                </button>
            </form>
        </section>
    }
}

/// KiotaPay's answer for one till payment, asked with the partner's company id.
#[component]
fn TillLookup() -> impl IntoView {
    let t = RampText::get();
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
                t.enter_till_request.to_string(),
            )]));
            return;
        }
        let Some(profile) = ctx.profile() else {
            alert.set(Some(t.company_loading.into()));
            return;
        };
        errors.set(FieldErrors::new());
        look.dispatch((profile.company_id, value));
    };
    view! {
        <section class="card" aria-labelledby="till-lookup-heading">
            <h2 id="till-lookup-heading">{t.till_lookup}</h2>
            <p class="muted">{t.till_lookup_body}</p>
            <form class="form" on:submit=on_submit novalidate>
                <FormAlert message=alert.into() />
                <TextField name="tillRequestId" label=RampStatusText::get().request_id value=request_id errors autocomplete="off"
                    hint=t.till_request_hint required=true />
                <button class="btn btn--secondary" type="submit" disabled=move || look.pending().get()>
                    {move || if look.pending().get() { t.looking } else { t.look_up }}
                </button>
            </form>
            {move || found.get().map(|r| view! { <TillAnswer r /> })}
        </section>
    }
}

#[component]
fn TillAnswer(r: TillResponse) -> impl IntoView {
    let t = RampText::get();
    let st = RampStatusText::get();
    let d = r.data;
    let amount = d.amount.to_string();
    let amount = Money::parse(&amount, Currency::KES)
        .map(fmt::money)
        .unwrap_or(amount);
    let or_dash = |s: Option<String>| s.unwrap_or_else(|| "—".into());
    view! {
        <dl class="details ramp-till" aria-label=t.kiota_answer>
            <dt>{st.status}</dt><dd>{d.status.clone()}</dd>
            <dt>{st.amount}</dt><dd>{amount}</dd>
            <dt>{t.receipt}</dt><dd class="mono">{or_dash(d.transaction_receipt.clone())}</dd>
            <dt>{t.receiver}</dt><dd>{or_dash(d.receiver_name.clone())}</dd>
            <dt>{t.response}</dt><dd>{fill(st.with_code, &[("text", &d.response_description), ("code", &d.response_code.to_string())])}</dd>
            <dt>{t.organisation}</dt><dd>{d.organisation.name.clone()}</dd>
            <dt>{t.business_number}</dt><dd class="mono">{d.business_number.clone()}</dd>
            <dt>{t.account_number}</dt><dd class="mono">{d.account_number.clone()}</dd>
            <dt>{t.created}</dt><dd>{fmt::datetime(&d.created_at)}</dd>
            <dt>{t.message}</dt><dd>{r.message.clone()}</dd>
        </dl>
    }
}

/// One transaction with every field, kept current while it is pending.
#[component]
pub fn RampTransactionDetail() -> impl IntoView {
    let t = RampText::get();
    use_title(t.transaction_title);
    let params = use_params_map();
    let id = Signal::derive(move || params.with(|p| p.get("id").unwrap_or_default()));
    let watch = watch_transaction(id);
    view! {
        <A href="/ramp/history" attr:class="back">{RampFrameText::get().history}</A>
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
    let (f, st, x) = (RampFrameText::get(), RampStatusText::get(), RampText::get());
    let or_dash = |s: &Option<String>| s.clone().unwrap_or_else(|| "—".into());
    let bank = match (&t.service_provider_id, &t.bank_name) {
        (Some(code), Some(name)) => format!("{name} ({code})"),
        (Some(code), None) => code.clone(),
        (None, Some(name)) => name.clone(),
        (None, None) => "—".into(),
    };
    let result = t
        .result_code
        .map(|c| format!("{c}: {}", f.result(c)))
        .unwrap_or_else(|| x.not_settled.into());
    view! {
        <section class="card">
            <dl class="details">
                <dt>{x.kind}</dt><dd>{f.kind(t.kind)}</dd>
                <dt>{x.type_}</dt><dd>{t.transaction_type.clone()}</dd>
                <dt>{st.status}</dt><dd>{f.status(t.status)}</dd>
                <dt>{st.amount}</dt><dd>{money(t.amount, t.currency)}</dd>
                <dt>{st.fee}</dt><dd>{money(t.fee, t.currency)}</dd>
                <dt>{x.currency}</dt><dd>{t.currency.code()}</dd>
                <dt>{x.phone_number}</dt><dd class="mono">{or_dash(&t.phone_number)}</dd>
                <dt>{f.bank}</dt><dd>{bank}</dd>
                <dt>{x.account_name}</dt><dd>{or_dash(&t.account_name)}</dd>
                <dt>{x.account_number}</dt><dd class="mono">{or_dash(&t.account_number)}</dd>
                <dt>{x.business_number}</dt><dd class="mono">{or_dash(&t.merchant_number)}</dd>
                <dt>{x.till_number}</dt><dd class="mono">{or_dash(&t.merchant_till)}</dd>
                <dt>{x.your_reference}</dt><dd class="mono">{or_dash(&t.external_id)}</dd>
                <dt>{x.quote_id}</dt><dd class="mono">{or_dash(&t.quote_id)}</dd>
                <dt>{x.callback}</dt><dd class="mono">{or_dash(&t.callback)}</dd>
                <dt>{st.result}</dt><dd>{result}</dd>
                <dt>{x.mpesa_said}</dt><dd>{or_dash(&t.result_description)}</dd>
                <dt>{st.request_id}</dt><dd class="mono">{t.request_id.clone()}</dd>
                <dt>{x.id}</dt><dd class="mono">{t.id}</dd>
                <dt>{x.created}</dt><dd>{fmt::datetime(&t.created_at)}</dd>
                <dt>{x.updated}</dt><dd>{fmt::datetime(&t.updated_at)}</dd>
            </dl>
        </section>
    }
}
