//! Money out of the wallet: to an M-Pesa phone, to a bank account, to a paybill or to a till.
//! Each form shows the transaction it made with its live status.

use super::status::LiveStatus;
use super::{
    amount_label, amount_minor, callback_problem, money, optional, phone_hint, phone_number,
    phone_problem, set_error, whole_units, PartnerGate,
};
use crate::api::{self, ApiError};
use crate::components::feedback::{on_done, use_title, Failure};
use crate::components::form::{FormAlert, SelectField, TextField};
use crate::i18n::fill;
use crate::i18n::ramp::{RampFrameText, RampStatusText, RampText};
use crate::session::use_session;
use kitty_api::ramp::{
    self, BankWithdrawRequest, Country, MobileWithdrawRequest, PaybillRequest, TillRequest,
    KENYA_BANKS,
};
use kitty_api::{Currency, FieldErrors};
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Destination {
    Mpesa,
    Bank,
    Paybill,
    Till,
}

/// Each destination and its word in the URL (`?to=bank`).
const DESTINATIONS: [(Destination, &str); 4] = [
    (Destination::Mpesa, "mpesa"),
    (Destination::Bank, "bank"),
    (Destination::Paybill, "paybill"),
    (Destination::Till, "till"),
];

impl Destination {
    /// Its label: M-Pesa's own service names, and the word for a bank.
    fn label(self) -> &'static str {
        match self {
            Destination::Mpesa => "M-Pesa",
            Destination::Bank => RampFrameText::get().bank,
            Destination::Paybill => "Paybill",
            Destination::Till => "Till",
        }
    }
}

#[component]
pub fn SendMoney() -> impl IntoView {
    let t = RampText::get();
    use_title(t.send_money);
    let session = use_session();
    let query = use_query_map();
    let navigate = use_navigate();
    let destination = Memo::new(move |_| {
        let word = query.with(|q| q.get("to")).unwrap_or_default();
        DESTINATIONS
            .iter()
            .find(|(_, w)| *w == word)
            .map(|(d, _)| *d)
            .unwrap_or(Destination::Mpesa)
    });
    // What the wallet holds, reloaded whenever a payment is made or settles.
    let wallet = LocalResource::new(api::kotani::wallet);
    let changed = Callback::new(move |_| wallet.refetch());
    let available = move || {
        wallet.get().and_then(|r| r.ok()).map(|w| {
            fill(
                t.available_amount,
                &[("amount", &money(w.available, w.currency))],
            )
        })
    };

    let form = move |country: Country| {
        let navigate = navigate.clone();
        view! {
            <p class="ramp-available" aria-live="polite">{available}</p>
            <fieldset class="choice ramp-choice">
                <legend class="field__label">{t.send_to}</legend>
                <div class="ramp-choice__options">
                    {DESTINATIONS.iter().map(|(d, word)| {
                        let (d, word) = (*d, *word);
                        let navigate = navigate.clone();
                        view! {
                            <label class="chip">
                                <input type="radio" name="destination" value=word
                                    prop:checked=move || destination.get() == d
                                    on:change=move |_| navigate(&format!("/ramp/send?to={word}"), NavigateOptions { replace: true, ..Default::default() }) />
                                {d.label()}
                            </label>
                        }
                    }).collect_view()}
                </div>
            </fieldset>
            <Show when=move || session.is_sandbox()>
                <p class="demo-hint">{t.send_sandbox}</p>
            </Show>
            {move || match destination.get() {
                Destination::Mpesa => view! { <MpesaForm country changed /> }.into_any(),
                Destination::Bank => view! { <BankForm country changed /> }.into_any(),
                Destination::Paybill | Destination::Till if country != Country::KEN => view! {
                    <section class="card card--form">
                        <h2>{t.kenya_only}</h2>
                        <p>{t.kenya_only_body}</p>
                    </section>
                }.into_any(),
                Destination::Paybill => view! { <PaybillForm currency=country.currency() changed /> }.into_any(),
                Destination::Till => view! { <TillForm currency=country.currency() changed /> }.into_any(),
            }}
        }
        .into_any()
    };
    view! { <PartnerGate form /> }
}

/// The live status of what a form sent, or the form itself.
fn sent_or(
    sent: RwSignal<Option<String>>,
    changed: Callback<()>,
    form: impl Fn() -> AnyView + Send + Sync + 'static,
) -> impl IntoView {
    move || {
        match sent.get() {
        Some(id) => view! {
            <LiveStatus request_id=id on_again=Callback::new(move |_| sent.set(None)) on_settled=changed />
        }
        .into_any(),
        None => form(),
    }
    }
}

#[component]
fn MpesaForm(country: Country, changed: Callback<()>) -> impl IntoView {
    let t = RampText::get();
    let phone = RwSignal::new(String::new());
    let amount = RwSignal::new(String::new());
    let external = RwSignal::new(String::new());
    let callback = RwSignal::new(String::new());
    let errors = RwSignal::new(FieldErrors::new());
    let alert = RwSignal::new(None::<String>);
    let sent = RwSignal::new(None::<String>);
    Effect::new(move || set_error(errors, "phoneNumber", phone_problem(&phone.get(), country)));
    let send = Action::new_local(|req: &MobileWithdrawRequest| {
        let req = req.clone();
        async move { api::kotani::withdraw_mobile(&req).await }
    });
    on_done(
        send,
        move |r| {
            sent.set(Some(r.request_id));
            changed.run(());
        },
        Failure::Form(errors, alert),
    );
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        alert.set(None);
        let mut found = FieldErrors::new();
        let phone_number = phone_number(&phone.get_untracked(), country).unwrap_or_else(|e| {
            found.insert("phoneNumber".into(), e);
            String::new()
        });
        let amount = whole_units(&amount.get_untracked()).unwrap_or_else(|e| {
            found.insert("amount".into(), e);
            0
        });
        let callback = optional(callback.get_untracked());
        if let Some(p) = callback_problem(&callback) {
            found.insert("callback".into(), p);
        }
        if found.is_empty() {
            errors.set(FieldErrors::new());
            send.dispatch(MobileWithdrawRequest {
                amount,
                phone_number,
                callback,
                external_id: optional(external.get_untracked()),
            });
        } else {
            errors.set(found);
        }
    };
    sent_or(sent, changed, move || {
        view! {
            <section class="card card--form" aria-labelledby="mpesa-heading">
                <h2 id="mpesa-heading">{t.send_to_mpesa}</h2>
                <form class="form" on:submit=on_submit novalidate>
                    <FormAlert message=alert.into() />
                    <TextField name="phoneNumber" label=t.phone_number value=phone errors kind="tel" inputmode="tel"
                        autocomplete="tel" hint=phone_hint(country) required=true />
                    <TextField name="amount" label=amount_label(country) value=amount errors inputmode="numeric"
                        autocomplete="off" hint=t.whole_units_hint required=true />
                    <TextField name="externalId" label=t.your_reference_optional value=external errors autocomplete="off" />
                    <TextField name="callback" label=t.callback_optional value=callback errors kind="url" autocomplete="off"
                        hint=t.callback_hint />
                    <button class="btn btn--primary" type="submit" disabled=move || send.pending().get()>
                        {move || if send.pending().get() { t.sending } else { RampFrameText::get().send }}
                    </button>
                </form>
            </section>
        }
        .into_any()
    })
}

#[component]
fn BankForm(country: Country, changed: Callback<()>) -> impl IntoView {
    let t = RampText::get();
    let reference = LocalResource::new(api::kotani::reference);
    let bank = RwSignal::new(String::new());
    let account_name = RwSignal::new(String::new());
    let account_number = RwSignal::new(String::new());
    let amount = RwSignal::new(String::new());
    let external = RwSignal::new(String::new());
    let callback = RwSignal::new(String::new());
    let errors = RwSignal::new(FieldErrors::new());
    let alert = RwSignal::new(None::<String>);
    let sent = RwSignal::new(None::<String>);
    // The server's table; the contract's copy of the same table if it cannot be loaded.
    let banks = Signal::derive(move || match reference.get() {
        Some(Ok(r)) => r
            .banks
            .into_iter()
            .map(|b| (b.code.clone(), format!("{} ({})", b.name, b.code)))
            .collect(),
        Some(Err(_)) => KENYA_BANKS
            .iter()
            .map(|(code, name)| (code.to_string(), format!("{name} ({code})")))
            .collect(),
        None => Vec::new(),
    });
    let send = Action::new_local(|req: &BankWithdrawRequest| {
        let req = req.clone();
        async move { api::kotani::withdraw_bank(&req).await }
    });
    on_done(
        send,
        move |r| {
            sent.set(Some(r.request_id));
            changed.run(());
        },
        Failure::Form(errors, alert),
    );
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        alert.set(None);
        let mut found = FieldErrors::new();
        let service_provider_id = bank.get_untracked();
        if service_provider_id.is_empty() {
            found.insert("serviceProviderId".into(), t.choose_the_bank.into());
        }
        let name = account_name.get_untracked().trim().to_string();
        if name.is_empty() {
            found.insert("accountName".into(), t.enter_account_name.into());
        }
        let number: String = account_number
            .get_untracked()
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect();
        if number.is_empty() {
            found.insert("accountNumber".into(), t.enter_account_number.into());
        }
        let amount = whole_units(&amount.get_untracked()).unwrap_or_else(|e| {
            found.insert("amount".into(), e);
            0
        });
        let callback = optional(callback.get_untracked());
        if let Some(p) = callback_problem(&callback) {
            found.insert("callback".into(), p);
        }
        if found.is_empty() {
            errors.set(FieldErrors::new());
            send.dispatch(BankWithdrawRequest {
                amount,
                account_number: number,
                account_name: name,
                service_provider_id,
                callback,
                external_id: optional(external.get_untracked()),
            });
        } else {
            errors.set(found);
        }
    };
    sent_or(sent, changed, move || {
        view! {
            <section class="card card--form" aria-labelledby="bank-heading">
                <h2 id="bank-heading">{t.send_to_bank_account}</h2>
                <form class="form" on:submit=on_submit novalidate>
                    <FormAlert message=alert.into() />
                    <SelectField name="serviceProviderId" label=RampFrameText::get().bank value=bank errors options=banks
                        placeholder=t.choose_a_bank />
                    <TextField name="accountName" label=t.account_name_label value=account_name errors
                        autocomplete="off" required=true />
                    <TextField name="accountNumber" label=t.account_number value=account_number errors
                        inputmode="numeric" autocomplete="off" required=true />
                    <TextField name="amount" label=amount_label(country) value=amount errors inputmode="numeric"
                        autocomplete="off" hint=t.whole_units_hint required=true />
                    <TextField name="externalId" label=t.your_reference_optional value=external errors autocomplete="off" />
                    <TextField name="callback" label=t.callback_optional value=callback errors kind="url" autocomplete="off"
                        hint=t.callback_hint />
                    <button class="btn btn--primary" type="submit" disabled=move || send.pending().get()>
                        {move || if send.pending().get() { t.sending } else { t.send_to_bank }}
                    </button>
                </form>
            </section>
        }
        .into_any()
    })
}

/// A paybill payment waiting for the person to confirm it, with its fee.
#[derive(Debug, Clone, PartialEq, Eq)]
struct PaybillReview {
    req: PaybillRequest,
    amount: i64,
    fee: i64,
}

#[component]
fn PaybillForm(currency: Currency, changed: Callback<()>) -> impl IntoView {
    let t = RampText::get();
    let amount_label = if currency == Currency::GHS {
        RampFrameText::get().amount_ghs
    } else {
        RampFrameText::get().amount_kes
    };
    let business = RwSignal::new(String::new());
    let account = RwSignal::new(String::new());
    let amount = RwSignal::new(String::new());
    let callback = RwSignal::new(String::new());
    let errors = RwSignal::new(FieldErrors::new());
    let alert = RwSignal::new(None::<String>);
    let sent = RwSignal::new(None::<String>);
    let review = RwSignal::new(None::<PaybillReview>);
    let pay = Action::new_local(|req: &PaybillRequest| {
        let req = req.clone();
        async move { api::kotani::paybill(&req).await }
    });
    on_done(
        pay,
        move |r| {
            review.set(None);
            sent.set(Some(r.result.request_id));
            changed.run(());
        },
        Failure::Form(errors, alert),
    );
    // A refused payment goes back to the form, where its messages are.
    Effect::new(move || {
        if matches!(pay.value().get(), Some(Err(_))) {
            review.set(None);
        }
    });
    // The fee, as the amount is typed.
    let fee_preview = move || {
        let minor = amount_minor(&amount.get()).ok()?;
        let fee = ramp::paybill_fee(minor)?;
        Some(if fee == 0 {
            t.no_fee.to_string()
        } else {
            fill(
                t.fee_preview,
                &[
                    ("fee", &money(fee, currency)),
                    ("total", &money(minor + fee, currency)),
                ],
            )
        })
    };
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        alert.set(None);
        let mut found = FieldErrors::new();
        let merchant_number = business.get_untracked().trim().to_string();
        if merchant_number.is_empty() {
            found.insert("merchantNumber".into(), t.enter_business_number.into());
        }
        let account_number = account.get_untracked().trim().to_string();
        if account_number.is_empty() {
            found.insert("accountNumber".into(), t.enter_business_account.into());
        }
        let minor = amount_minor(&amount.get_untracked()).unwrap_or_else(|e| {
            found.insert("amount".into(), e);
            0
        });
        let fee = ramp::paybill_fee(minor).unwrap_or(0);
        let callback = optional(callback.get_untracked());
        if let Some(p) = callback_problem(&callback) {
            found.insert("callback".into(), p);
        }
        if found.is_empty() {
            errors.set(FieldErrors::new());
            review.set(Some(PaybillReview {
                req: PaybillRequest {
                    merchant_number,
                    account_number,
                    amount: ramp::units_text(minor),
                    callback,
                },
                amount: minor,
                fee,
            }));
        } else {
            errors.set(found);
        }
    };
    let form = move || {
        view! {
            <section class="card card--form" aria-labelledby="paybill-heading">
                <h2 id="paybill-heading">{t.pay_paybill}</h2>
                <form class="form" on:submit=on_submit novalidate>
                    <FormAlert message=alert.into() />
                    <TextField name="merchantNumber" label=t.business_number value=business errors inputmode="numeric"
                        autocomplete="off" required=true />
                    <TextField name="accountNumber" label=t.account_number value=account errors autocomplete="off"
                        hint=t.business_reference_hint required=true />
                    <TextField name="amount" label=amount_label
                        value=amount errors inputmode="decimal" autocomplete="off" hint=t.decimal_hint required=true />
                    <p class="field__hint" aria-live="polite">{fee_preview}</p>
                    <TextField name="callback" label=t.callback_optional value=callback errors kind="url" autocomplete="off"
                        hint=t.callback_hint />
                    <button class="btn btn--primary" type="submit">{t.review_payment}</button>
                </form>
            </section>
        }
        .into_any()
    };
    sent_or(sent, changed, move || {
        match review.get() {
        None => form(),
        Some(r) => view! { <PaybillConfirm r currency pay on_change=Callback::new(move |_| review.set(None)) /> }.into_any(),
    }
    })
}

/// The confirm step of a paybill payment: what it costs before any money moves.
#[component]
fn PaybillConfirm(
    r: PaybillReview,
    currency: Currency,
    pay: Action<PaybillRequest, Result<kitty_api::ramp::RampResult, ApiError>>,
    on_change: Callback<()>,
) -> impl IntoView {
    let heading = NodeRef::<leptos::html::H2>::new();
    Effect::new(move || {
        if let Some(h) = heading.get() {
            let _ = h.focus();
        }
    });
    let t = RampText::get();
    let st = RampStatusText::get();
    let total = money(r.amount + r.fee, currency);
    let req = r.req.clone();
    view! {
        <section class="card card--form" aria-labelledby="paybill-confirm-heading">
            <h2 id="paybill-confirm-heading" tabindex="-1" node_ref=heading>{t.confirm_payment}</h2>
            <dl class="details">
                <dt>{t.business_number}</dt><dd class="mono">{r.req.merchant_number.clone()}</dd>
                <dt>{t.account_number}</dt><dd class="mono">{r.req.account_number.clone()}</dd>
                <dt>{st.amount}</dt><dd>{money(r.amount, currency)}</dd>
                <dt>{st.fee}</dt><dd>{if r.fee == 0 { t.no_fee_short.to_string() } else { money(r.fee, currency) }}</dd>
                <dt>{t.total_from_wallet}</dt><dd><strong>{total.clone()}</strong></dd>
            </dl>
            <div class="actions ramp-confirm__actions">
                <button type="button" class="btn btn--primary" disabled=move || pay.pending().get()
                    on:click=move |_| { pay.dispatch(req.clone()); }>
                    {move || if pay.pending().get() { t.paying.to_string() } else { fill(t.pay_total, &[("total", &total)]) }}
                </button>
                <button type="button" class="btn btn--secondary" disabled=move || pay.pending().get()
                    on:click=move |_| on_change.run(())>{t.change}</button>
            </div>
        </section>
    }
}

#[component]
fn TillForm(currency: Currency, changed: Callback<()>) -> impl IntoView {
    let t = RampText::get();
    let amount_label = if currency == Currency::GHS {
        RampFrameText::get().amount_ghs
    } else {
        RampFrameText::get().amount_kes
    };
    let till = RwSignal::new(String::new());
    let amount = RwSignal::new(String::new());
    let callback = RwSignal::new(String::new());
    let errors = RwSignal::new(FieldErrors::new());
    let alert = RwSignal::new(None::<String>);
    let sent = RwSignal::new(None::<String>);
    let pay = Action::new_local(|req: &TillRequest| {
        let req = req.clone();
        async move { api::kotani::till(&req).await }
    });
    on_done(
        pay,
        move |r| {
            sent.set(Some(r.result.request_id));
            changed.run(());
        },
        Failure::Form(errors, alert),
    );
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        alert.set(None);
        let mut found = FieldErrors::new();
        let merchant_till = till.get_untracked().trim().to_string();
        if merchant_till.is_empty() {
            found.insert("merchantTill".into(), t.enter_till.into());
        }
        let minor = amount_minor(&amount.get_untracked()).unwrap_or_else(|e| {
            found.insert("amount".into(), e);
            0
        });
        let callback = optional(callback.get_untracked());
        if let Some(p) = callback_problem(&callback) {
            found.insert("callback".into(), p);
        }
        if found.is_empty() {
            errors.set(FieldErrors::new());
            pay.dispatch(TillRequest {
                merchant_till,
                amount: ramp::units_text(minor),
                callback,
            });
        } else {
            errors.set(found);
        }
    };
    sent_or(sent, changed, move || {
        view! {
            <section class="card card--form" aria-labelledby="till-heading">
                <h2 id="till-heading">{t.pay_till}</h2>
                <p class="muted">{t.till_free}</p>
                <form class="form" on:submit=on_submit novalidate>
                    <FormAlert message=alert.into() />
                    <TextField name="merchantTill" label=t.till_number value=till errors inputmode="numeric"
                        autocomplete="off" required=true />
                    <TextField name="amount" label=amount_label
                        value=amount errors inputmode="decimal" autocomplete="off" hint=t.decimal_hint required=true />
                    <TextField name="callback" label=t.callback_optional value=callback errors kind="url" autocomplete="off"
                        hint=t.callback_hint />
                    <button class="btn btn--primary" type="submit" disabled=move || pay.pending().get()>
                        {move || if pay.pending().get() { t.paying } else { t.pay_free }}
                    </button>
                </form>
            </section>
        }
        .into_any()
    })
}
