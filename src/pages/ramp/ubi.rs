//! UBI: the partner adds people to a programme's beneficiaries; for a person, "Am I a
//! beneficiary?" tells where they stand with the disbursement open now, and "Claim" pays it to
//! them, once per disbursement.

use super::users::{coins, UserPicker, Users};
use super::{phone_hint, phone_problem, set_error, PartnerGate};
use crate::api;
use crate::components::copy::CopyButton;
use crate::components::feedback::{on_done, use_title, Failure};
use crate::components::form::{FormAlert, TextField};
use crate::i18n::rampchain::{ChainText, UbiText};
use crate::i18n::validate::LabelText;
use crate::i18n::{digits, fill};
use kitty_api::onchain::{
    UbiCheckResponse, UbiClaimResponse, UbiRequest, UbiSetResponse, UbiStatus,
};
use kitty_api::ramp::Country;
use kitty_api::{validate, FieldErrors};
use leptos::prelude::*;

/// The longest programme id the server keeps.
const PROGRAM_MAX: usize = 64;

/// The three things the form does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum UbiOp {
    Add,
    Check,
    Claim,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum UbiOutcome {
    Added(UbiSetResponse),
    Checked(UbiCheckResponse),
    Claimed(UbiClaimResponse),
}

#[component]
pub fn Ubi() -> impl IntoView {
    use_title(crate::i18n::rampchain::UbiText::get().page_title);
    let form = |country: Country| view! { <UbiBody country /> }.into_any();
    view! { <PartnerGate form /> }
}

#[component]
fn UbiBody(country: Country) -> impl IntoView {
    let users: Users = LocalResource::new(api::kotani::my_users);
    let t = UbiText::get();
    let phone = RwSignal::new(String::new());
    let program = RwSignal::new(String::new());
    let errors = RwSignal::new(FieldErrors::new());
    let alert = RwSignal::new(None::<String>);
    let outcome = RwSignal::new(None::<UbiOutcome>);
    let last = RwSignal::new(UbiOp::Check);
    Effect::new(move || set_error(errors, "phoneNumber", phone_problem(&phone.get(), country)));
    let act = Action::new_local(|(op, req): &(UbiOp, UbiRequest)| {
        let (op, req) = (*op, req.clone());
        async move {
            match op {
                UbiOp::Add => api::kotani::ubi_add(&req).await.map(UbiOutcome::Added),
                UbiOp::Check => api::kotani::ubi_check(&req).await.map(UbiOutcome::Checked),
                UbiOp::Claim => api::kotani::ubi_claim(&req).await.map(UbiOutcome::Claimed),
            }
        }
    });
    on_done(
        act,
        move |o: UbiOutcome| outcome.set(Some(o)),
        Failure::Form(errors, alert),
    );
    let run = move |op: UbiOp| {
        alert.set(None);
        let mut found = FieldErrors::new();
        let phone_number = super::phone_number(&phone.get_untracked(), country)
            .map_err(|e| found.insert("phoneNumber".into(), e))
            .ok();
        let program_id = validate::label(&program.get_untracked(), PROGRAM_MAX)
            .map_err(|e| {
                found.insert(
                    "programId".into(),
                    LabelText::get().problem(e, t.enter_programme, PROGRAM_MAX),
                )
            })
            .unwrap_or_default();
        match phone_number {
            Some(phone_number) if found.is_empty() => {
                errors.set(FieldErrors::new());
                outcome.set(None);
                last.set(op);
                act.dispatch((
                    op,
                    UbiRequest {
                        phone_number,
                        program_id,
                    },
                ));
            }
            _ => errors.set(found),
        }
    };
    let pending = move || act.pending().get();
    let label = move |op: UbiOp, idle: &'static str, busy: &'static str| {
        move || {
            if pending() && last.get() == op {
                busy
            } else {
                idle
            }
        }
    };
    let result = move || match outcome.get() {
        Some(o) => view! { <Outcome o /> }.into_any(),
        None if pending() => view! { <p class="muted">{t.asking}</p> }.into_any(),
        None => view! {
            <p class="muted">{t.answer_here}</p>
        }
        .into_any(),
    };
    view! {
        <p class="page__lede">{t.lede}</p>
        <div class="split">
            <section class="card card--form" aria-labelledby="ubi-heading">
                <h2 id="ubi-heading">{t.person_programme}</h2>
                <form class="form" novalidate on:submit=move |ev: leptos::ev::SubmitEvent| {
                    ev.prevent_default();
                    run(UbiOp::Check);
                }>
                    <FormAlert message=alert.into() />
                    <TextField name="phoneNumber" label=ChainText::get().phone_number value=phone errors kind="tel"
                        inputmode="tel" autocomplete="off" hint=phone_hint(country) required=true />
                    <UserPicker users phone id="ubi-pick-label" />
                    <TextField name="programId" label=t.programme_id value=program errors autocomplete="off"
                        hint=t.programme_hint required=true />
                    <div class="actions ramp-ubi__actions">
                        <button type="submit" class="btn btn--primary" disabled=pending>
                            {label(UbiOp::Check, t.am_i, t.checking)}
                        </button>
                        <button type="button" class="btn btn--secondary" disabled=pending
                            on:click=move |_| run(UbiOp::Add)>
                            {label(UbiOp::Add, t.add, t.adding)}
                        </button>
                        <button type="button" class="btn btn--secondary" disabled=pending
                            on:click=move |_| run(UbiOp::Claim)>
                            {label(UbiOp::Claim, t.claim, t.claiming)}
                        </button>
                    </div>
                    <p class="field__hint">{t.note}</p>
                </form>
            </section>
            <section class="card" aria-labelledby="ubi-result-heading">
                <h2 id="ubi-result-heading">{t.result}</h2>
                <div class="ramp-ubi__result" aria-live="polite">{result}</div>
            </section>
        </div>
    }
}

#[component]
fn Outcome(o: UbiOutcome) -> impl IntoView {
    let t = UbiText::get();
    match o {
        UbiOutcome::Added(r) => view! {
            <p class="ramp-ubi__answer">{r.desc.clone()}</p>
            <UbiFacts s=r.result />
        }
        .into_any(),
        UbiOutcome::Checked(r) => {
            let s = &r.result;
            let answer = fill(
                if s.beneficiary { t.yes_is } else { t.no_is },
                &[("phone", &s.phone_number), ("program", &s.program_id)],
            );
            view! {
                <p class="ramp-ubi__answer">{answer}</p>
                <UbiFacts s=r.result.clone() />
            }
            .into_any()
        }
        UbiOutcome::Claimed(r) => view! {
            <p class="ramp-ubi__answer">{r.desc.clone()}</p>
            <dl class="details">
                <dt>{t.transaction_id}</dt>
                <dd class="copy-line">
                    <span class="mono">{r.txid.clone()}</span>
                    <CopyButton value=r.txid.clone() label=ChainText::get().copy done=ChainText::get().copied what=t.transaction_id_what />
                </dd>
            </dl>
        }
        .into_any(),
    }
}

#[component]
fn UbiFacts(s: UbiStatus) -> impl IntoView {
    let t = UbiText::get();
    view! {
        <dl class="details">
            <dt>{t.beneficiary}</dt><dd>{if s.beneficiary { t.yes } else { t.no }}</dd>
            <dt>{t.disbursement}</dt><dd>{month(&s.disbursement)}</dd>
            <dt>{t.claimed}</dt><dd>{if s.claimed { t.yes } else { t.not_yet }}</dd>
            <dt>{t.amount}</dt><dd>{coins(&s.amount, "cUSD")}</dd>
        </dl>
    }
}

/// `2026-11` as `November 2026` (in this page's language); anything else as it is.
fn month(disbursement: &str) -> String {
    let months = UbiText::get().months();
    let named = disbursement.split_once('-').and_then(|(year, m)| {
        let index = m.parse::<usize>().ok()?.checked_sub(1)?;
        (year.len() == 4 && year.bytes().all(|b| b.is_ascii_digit()))
            .then(|| {
                months
                    .get(index)
                    .map(|name| format!("{name} {}", digits(year)))
            })
            .flatten()
    });
    named.unwrap_or_else(|| disbursement.to_string())
}
