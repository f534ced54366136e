//! A ramp transaction followed live: loaded, then asked for again every 2 seconds while it is
//! pending (and after a failed request that may work later). Deposits, every payout and the
//! transaction page use it; leaving the page stops it.

use super::{counterparty, money, RampStatusBadge};
use crate::api::{self, ApiError};
use crate::components::copy::CopyButton;
use crate::components::feedback::{ErrorPanel, Skeleton};
use crate::i18n::fill;
use crate::i18n::ramp::{RampFrameText, RampStatusText};
use crate::i18n::shell::CommonText;
use crate::session::use_session;
use kitty_api::ramp::{RampStatus, RampTransaction};
use leptos::prelude::*;
use leptos_router::components::A;
use std::time::Duration;

/// How often a pending transaction is asked for again.
pub const POLL: Duration = Duration::from_secs(2);

/// A transaction being watched.
#[derive(Clone, Copy)]
pub struct Watch {
    resource: LocalResource<Result<RampTransaction, ApiError>>,
    /// The transaction as last loaded; kept while a reload is under way or fails, so the page
    /// changes only when the transaction does.
    pub tx: Memo<Option<RampTransaction>>,
    /// Why the last load failed, if it did.
    pub error: Memo<Option<ApiError>>,
}

impl Watch {
    pub fn retry(&self) {
        self.resource.refetch();
    }
}

/// Loads the transaction `request_id` and keeps it current while it is pending.
pub fn watch_transaction(request_id: Signal<String>) -> Watch {
    let resource = LocalResource::new(move || {
        let id = request_id.get();
        async move { api::kotani::transaction(&id).await.map(|r| r.result) }
    });
    let tx = Memo::new(
        move |prev: Option<&Option<RampTransaction>>| match resource.get() {
            Some(Ok(t)) => Some(t),
            _ => prev.cloned().flatten(),
        },
    );
    let error = Memo::new(move |_| resource.get().and_then(|r| r.err()));
    if let Ok(h) = set_interval_with_handle(
        move || {
            let again = resource.with_untracked(|r| match r {
                Some(Ok(t)) => t.status == RampStatus::Pending,
                Some(Err(e)) => e.is_retryable(),
                None => false,
            });
            if again {
                resource.refetch();
            }
        },
        POLL,
    ) {
        on_cleanup(move || h.clear());
    }
    Watch {
        resource,
        tx,
        error,
    }
}

/// One sentence on where the transaction stands.
pub fn status_sentence(t: &RampTransaction) -> String {
    let st = RampStatusText::get();
    let amount = money(t.amount, t.currency);
    let amount = [("amount", amount.as_str())];
    let deposit = t.kind.is_collection();
    match t.status {
        RampStatus::Pending if deposit => match t.phone_number.as_deref() {
            Some(phone) => fill(st.waiting_for, &[("phone", phone), amount[0]]),
            None => fill(st.waiting_phone, &amount),
        },
        RampStatus::Pending => fill(st.sending, &amount),
        RampStatus::Successful if deposit => fill(st.received, &amount),
        RampStatus::Successful => fill(st.sent, &amount),
        RampStatus::Failed => RampFrameText::get()
            .result(t.result_code.unwrap_or(-1))
            .to_string(),
    }
}

/// The status of a deposit or payout just made, kept current, with a way back to the form
/// (`on_again`; the form keeps what was typed). `on_settled` runs once it succeeds or fails.
#[component]
pub fn LiveStatus(
    request_id: String,
    on_again: Callback<()>,
    #[prop(optional)] on_settled: Option<Callback<()>>,
    /// Tells apart two of these on one page (their heading ids must differ).
    #[prop(optional)]
    scope: &'static str,
) -> impl IntoView {
    let heading_id = if scope.is_empty() {
        "ramp-status-heading".to_string()
    } else {
        format!("ramp-status-{scope}-heading")
    };
    let labelled_by = heading_id.clone();
    let st = RampStatusText::get();
    let session = use_session();
    let details_href = format!("/ramp/transactions/{}", api::enc(&request_id));
    let watch = watch_transaction(Signal::derive(move || request_id.clone()));
    // The form this replaced had the focus: move it here, so keyboard and screen-reader users
    // land on the result.
    let heading = NodeRef::<leptos::html::H2>::new();
    Effect::new(move || {
        if let Some(h) = heading.get() {
            let _ = h.focus();
        }
    });
    let line = move || match (watch.tx.get(), watch.error.get()) {
        (Some(t), _) => status_sentence(&t),
        (None, Some(_)) => st.could_not_load.to_string(),
        (None, None) => st.checking.to_string(),
    };
    let status = move || watch.tx.get().map(|t| t.status);
    Effect::new(move |before: Option<Option<RampStatus>>| {
        let now = status();
        let settled = now.is_some_and(|s| s != RampStatus::Pending);
        if settled && before.flatten() != now {
            if let Some(cb) = on_settled {
                cb.run(());
            }
        }
        now
    });
    let again_label = move || match status() {
        Some(RampStatus::Failed) => CommonText::get().try_again,
        Some(RampStatus::Successful) => st.start_another,
        _ => st.back_to_form,
    };
    let phone_link = move || {
        let phone = watch.tx.get().and_then(|t| t.phone_number)?;
        session.is_sandbox().then(|| {
            view! {
                <a class="btn btn--secondary" href=format!("/ramp/handset/{}", api::enc(&phone)) target="_blank" rel="noopener">
                    {st.open_phone}<span class="visually-hidden">{st.new_tab}</span>
                </a>
            }
        })
    };
    view! {
        <section class="card ramp-status" aria-labelledby=labelled_by>
            <h2 id=heading_id tabindex="-1" node_ref=heading>
                {move || watch.tx.get().map(|t| RampFrameText::get().kind(t.kind)).unwrap_or(st.status)}
                " "
                {move || status().map(|s| view! { <RampStatusBadge status=s /> })}
            </h2>
            <p class="ramp-status__line" role="status">{line}</p>
            {move || match (watch.tx.get(), watch.error.get()) {
                (None, None) => view! { <Skeleton lines=2 /> }.into_any(),
                (None, Some(e)) => view! { <ErrorPanel error=e retry=Callback::new(move |_| watch.retry()) /> }.into_any(),
                (Some(t), error) => view! {
                    {error.filter(ApiError::is_retryable).map(|e| view! {
                        <p class="form-alert form-alert--info">{fill(st.trying_again, &[("error", &e.message())])}</p>
                    })}
                    <TransactionFacts t />
                }.into_any(),
            }}
            <div class="actions">
                <button type="button"
                    class=move || if status() == Some(RampStatus::Failed) { "btn btn--primary" } else { "btn btn--secondary" }
                    on:click=move |_| on_again.run(())>{again_label}</button>
                <A href=details_href attr:class="btn btn--secondary">{st.see_details}</A>
                {phone_link}
            </div>
        </section>
    }
}

/// The few facts a person checks right after sending: amount, fee, where, result, reference.
#[component]
fn TransactionFacts(t: RampTransaction) -> impl IntoView {
    let st = RampStatusText::get();
    view! {
        <dl class="details">
            <dt>{st.amount}</dt><dd>{money(t.amount, t.currency)}</dd>
            {(t.fee != 0).then(|| view! { <dt>{st.fee}</dt><dd>{money(t.fee, t.currency)}</dd> })}
            <dt>{if t.kind.is_collection() { st.from } else { st.to }}</dt><dd>{counterparty(&t)}</dd>
            {t.result_code.map(|code| {
                let text = t
                    .result_description
                    .clone()
                    .unwrap_or_else(|| RampFrameText::get().result(code).to_string());
                view! {
                    <dt>{st.result}</dt>
                    <dd>{fill(st.with_code, &[("text", &text), ("code", &code.to_string())])}</dd>
                }
            })}
            <dt>{st.request_id}</dt>
            <dd class="copy-line">
                <span class="mono">{t.request_id.clone()}</span>
                <CopyButton value=t.request_id.clone() label=st.copy done=st.copied what=st.request_id_what />
            </dd>
            {t.external_id.clone().map(|x| view! { <dt>{st.external_id}</dt><dd class="mono">{x}</dd> })}
        </dl>
    }
}
