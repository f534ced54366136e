use super::{linked, rials};
use crate::api;
use crate::components::copy::CopyButton;
use crate::components::feedback::{on_done, use_title, Failure};
use crate::components::form::{FormAlert, SelectField, TextField};
use crate::i18n::fill;
use crate::i18n::merchant::{MerchantText, ProblemText};
use crate::i18n::money::MoneyInputText;
use crate::i18n::shell::ShellText;
use kitty_api::merchant::{CreateTransactionRequest, CreatedTransaction, FeeSide};
use kitty_api::{Currency, FieldErrors, Money};
use leptos::prelude::*;
use leptos_router::components::A;

/// The shops and cards a link can use.
type Choices = (kitty_api::merchant::ShopList, kitty_api::merchant::CardList);
/// `(value, label)` pairs of a select.
type Options = Vec<(String, String)>;

#[component]
pub fn NewLink() -> impl IntoView {
    let t = MerchantText::get();
    use_title(t.new_payment_link);
    let choices = LocalResource::new(|| async {
        let shops = api::kpay::shops().await?;
        let cards = api::kpay::cards().await?;
        Ok::<_, api::ApiError>((shops, cards))
    });
    let shop = RwSignal::new(String::new());
    let card = RwSignal::new(String::new());
    let amount = RwSignal::new(String::new());
    let description = RwSignal::new(String::new());
    let factor = RwSignal::new(String::new());
    let callback = RwSignal::new(String::new());
    let customer_pays = RwSignal::new(false);
    let errors = RwSignal::new(FieldErrors::new());
    let alert = RwSignal::new(None::<String>);
    let created = RwSignal::new(None::<CreatedTransaction>);

    let options = move |pick: fn(&Choices) -> Options| {
        choices
            .get()
            .and_then(|r| r.ok())
            .map(|c| pick(&c))
            .unwrap_or_default()
    };
    let shop_options = Signal::derive(move || {
        options(|(s, _)| {
            s.shops
                .iter()
                .map(|s| (s.id.clone(), s.name.clone()))
                .collect()
        })
    });
    let card_options = Signal::derive(move || {
        options(|(_, c)| {
            c.cards
                .iter()
                .filter(|c| c.is_active)
                // The number isolated left to right, so a right-to-left page keeps its order.
                .map(|c| {
                    (
                        c.id.clone(),
                        format!("\u{2066}{}\u{2069} · {}", c.card_number, c.bank_name),
                    )
                })
                .collect()
        })
    });
    // With one shop or one card there is nothing to choose.
    Effect::new(move || {
        if let [(id, _)] = shop_options.get().as_slice() {
            shop.set(id.clone());
        }
        if let [(id, _)] = card_options.get().as_slice() {
            card.set(id.clone());
        }
    });

    let create = Action::new_local(|req: &CreateTransactionRequest| {
        let req = req.clone();
        async move { api::kpay::create_transaction(&req).await }
    });
    on_done(
        create,
        move |t| {
            created.set(Some(t));
        },
        Failure::Form(errors, alert),
    );
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        alert.set(None);
        let opt = |s: String| (!s.trim().is_empty()).then_some(s);
        let parsed = Money::parse(&amount.get_untracked(), Currency::IRR);
        let req = CreateTransactionRequest {
            shop_id: shop.get_untracked(),
            card_id: card.get_untracked(),
            amount: parsed.map(|m| m.amount).unwrap_or(0),
            callback_url: callback.get_untracked().trim().to_string(),
            description: opt(description.get_untracked()),
            factor_number: opt(factor.get_untracked()),
            fee_side: Some(if customer_pays.get_untracked() {
                FeeSide::Customer
            } else {
                FeeSide::Merchant
            }),
        };
        match req.validate() {
            Ok(clean) if parsed.is_ok() => {
                errors.set(FieldErrors::new());
                create.dispatch(clean);
            }
            result => {
                let mut found = ProblemText::fields(result.err().unwrap_or_default());
                if let Err(e) = parsed {
                    found.insert("amount".into(), MoneyInputText::get().error(e).into());
                }
                errors.set(found);
            }
        }
    };
    let fee_preview = move || {
        Money::parse(&amount.get(), Currency::IRR)
            .ok()
            .filter(|m| m.amount > 0)
            .map(|m| {
                fill(
                    t.fee_preview,
                    &[("fee", &rials(kitty_api::merchant::fee(m.amount)))],
                )
            })
    };

    view! {
        <div class="page">
            <header class="page__header"><h1>{t.new_payment_link}</h1></header>
            {move || match created.get() {
                Some(created_link) => view! { <LinkResult t=created_link on_again=Callback::new(move |_| { created.set(None); amount.set(String::new()); factor.set(String::new()); }) /> }.into_any(),
                None => view! {
                    <section class="card card--form">
                        <form class="form" on:submit=on_submit novalidate>
                            <FormAlert message=alert.into() />
                            <Show when=move || choices.get().and_then(|r| r.ok()).is_some_and(|(s, c)| s.total == 0 || !c.cards.iter().any(|c| c.is_active))>
                                <p class="form-alert form-alert--info">{linked(t.need_shop_and_card, &[("shops", "/merchant/shops", t.shops_link), ("cards", "/merchant/cards", t.cards_link)])}</p>
                            </Show>
                            <SelectField name="shop_id" label=t.shop value=shop errors options=shop_options placeholder=t.choose_shop />
                            <SelectField name="card_id" label=t.card_receives value=card errors options=card_options placeholder=t.choose_card />
                            <TextField name="amount" label=t.amount_rials value=amount errors inputmode="numeric" autocomplete="off" required=true />
                            <p class="field__hint" aria-live="polite">{fee_preview}</p>
                            <fieldset class="choice">
                                <legend class="field__label">{t.who_pays_fee}</legend>
                                <label class="choice__option">
                                    <input type="radio" name="fee_side" prop:checked=move || !customer_pays.get() on:change=move |_| customer_pays.set(false) />
                                    {t.i_pay}
                                </label>
                                <label class="choice__option">
                                    <input type="radio" name="fee_side" prop:checked=move || customer_pays.get() on:change=move |_| customer_pays.set(true) />
                                    {t.buyer_pays}
                                </label>
                            </fieldset>
                            <TextField name="description" label=t.description_optional value=description errors />
                            <TextField name="factor_number" label=t.invoice_optional value=factor errors hint=t.unique_per_shop />
                            <TextField name="callback_url" label=t.return_address value=callback errors kind="url"
                                hint=t.return_hint required=true />
                            <button class="btn btn--primary" type="submit" disabled=move || create.pending().get()>
                                {move || if create.pending().get() { t.creating } else { t.create_link }}
                            </button>
                        </form>
                    </section>
                }.into_any(),
            }}
        </div>
    }
}

/// "This link works for 15 minutes, until 14:32.": how long from creation to expiry, and when.
fn lifetime(t: &kitty_api::merchant::Transaction) -> Option<String> {
    use kitty_api::format::parse_rfc3339;
    let seconds = parse_rfc3339(&t.expires_at)? - parse_rfc3339(&t.created_at)?;
    let minutes = (seconds + 30) / 60;
    let m = MerchantText::get();
    let span = match minutes {
        n if n >= 120 && n % 60 == 0 => ShellText::count(n / 60, m.hours, m.hours),
        n if n >= 1 => ShellText::count(n, m.minute_one, m.minute_other),
        _ => ShellText::count(seconds, m.seconds, m.seconds),
    };
    Some(fill(
        m.works_for,
        &[("span", &span), ("time", &crate::fmt::time(&t.expires_at))],
    ))
}

#[component]
fn LinkResult(t: CreatedTransaction, on_again: Callback<()>) -> impl IntoView {
    // The answer to "create" has no expiry; the payment's own record has.
    let m = MerchantText::get();
    let id = t.id.clone();
    let details = LocalResource::new(move || {
        let id = id.clone();
        async move { api::kpay::transaction(&id).await }
    });
    let expiry = move || {
        details.get().map(|r| {
            r.ok()
                .as_ref()
                .and_then(lifetime)
                .unwrap_or_else(|| m.limited_time.into())
        })
    };
    view! {
        <section class="card link-result" aria-labelledby="link-heading">
            <h2 id="link-heading">{m.link_ready}</h2>
            <p>{fill(m.buyer_transfers_sentence, &[("final", &rials(t.final_amount)), ("amount", &rials(t.amount)), ("fee", &rials(t.fee))])}</p>
            <p class="link-result__expiry">{expiry}</p>
            <div class="key-reveal__row">
                <a class="mono link-result__url" href=t.payment_url.clone() target="_blank" rel="noopener">{t.payment_url.clone()}</a>
                <CopyButton value=t.payment_url.clone() label=m.copy done=m.copied what=m.payment_link_what />
            </div>
            <img class="qr" src=api::kpay::qr_url(&t.authority) width="200" height="200" alt=m.qr_link />
            <div class="actions">
                <A href=format!("/merchant/transactions/{}", t.id) attr:class="btn btn--secondary">{m.follow_payment}</A>
                <button type="button" class="btn btn--secondary" on:click=move |_| on_again.run(())>{m.create_another}</button>
            </div>
        </section>
    }
}
