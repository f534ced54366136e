//! The kitty's card (its details and the physical card's order) and the account to deposit to.

use super::kitty::use_kitty;
use crate::api::{self, ApiError};
use crate::components::copy::CopyButton;
use crate::components::feedback::{on_done, Failure, Loaded};
use crate::components::form::{FormAlert, SelectField, TextField};
use crate::components::toast::use_toasts;
use crate::i18n::kitties::{CardText, KittyText, ProblemText};
use crate::i18n::shell::CommonText;
use kitty_api::kitty::{BankAccount, CardStatus, KittyStatus};
use kitty_api::life::{check_address, CardDetails, CardOrder, PostalAddress, STATES};
use kitty_api::FieldErrors;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

type CardResource = LocalResource<Result<CardDetails, ApiError>>;

#[component]
pub fn CardTab() -> impl IntoView {
    let ctx = use_kitty();
    let card: CardResource = LocalResource::new(move || {
        let id = ctx.watch();
        async move { api::ktti::card(&id).await }
    });
    let bank = LocalResource::new(move || {
        let id = ctx.id.get();
        async move { api::ktti::bank_account(&id).await }
    });
    let retry_card = Callback::new(move |_| card.refetch());
    let retry_bank = Callback::new(move |_| bank.refetch());
    // Once loaded, the physical card's section stays (a failed reload keeps a half-typed address).
    let loaded = Memo::new(move |was: Option<&bool>| {
        was.copied().unwrap_or(false) || card.get().is_some_and(|r| r.is_ok())
    });
    let t = CardText::get();
    view! {
        <section class="card" aria-labelledby="card-heading">
            <h2 id="card-heading">{KittyText::get().tab_card}</h2>
            <Loaded lines=4 retry=retry_card view=move || async move { card.await.map(|c| view! { <Facts c /> }) } />
        </section>
        <Show when=move || loaded.get()>
            <section class="card" aria-labelledby="physical-heading">
                <h2 id="physical-heading">{t.physical}</h2>
                {move || card.get().and_then(|r| r.ok()).map(|c| order(c.physical, ctx.is_admin()))}
                <Show when=move || ctx.is_admin()>
                    <AddressForm card />
                </Show>
            </section>
        </Show>
        <section class="card" aria-labelledby="account-heading">
            <h2 id="account-heading">{t.deposit_account}</h2>
            <Loaded lines=3 retry=retry_bank view=move || async move { bank.await.map(|b| view! { <Account b /> }) } />
        </section>
    }
}

#[component]
fn Facts(c: CardDetails) -> impl IntoView {
    let t = CardText::get();
    let note = match c.status {
        CardStatus::Active => None,
        CardStatus::Frozen => Some(t.frozen_note),
        CardStatus::Closed => Some(t.closed_note),
    };
    view! {
        <dl class="details">
            <dt>{t.number}</dt><dd class="mono">{c.masked_number}</dd>
            <dt>{t.expires}</dt><dd class="mono">{c.expiry}</dd>
            <dt>{t.name_on_card}</dt><dd>{c.name_on_card}</dd>
            <dt>{t.status}</dt>
            <dd><span class=format!("status status--card-{}", c.status.as_str())>{KittyText::get().card_status(c.status)}</span></dd>
        </dl>
        {note.map(|n| view! { <p class="banner banner--warning card-note">{n}</p> })}
    }
}

fn order(o: Option<CardOrder>, admin: bool) -> AnyView {
    let t = CardText::get();
    let Some(o) = o else {
        let who = if admin { "" } else { t.admin_can_order };
        return view! { <p class="muted">{t.none_ordered}{who}</p> }.into_any();
    };
    let a = o.address;
    view! {
        <dl class="details">
            <dt>{t.status}</dt>
            <dd><span class=format!("status status--order-{}", o.status.as_str())>{t.order_status(o.status)}</span></dd>
            <dt>{t.ordered_on}</dt><dd>{crate::fmt::date(&o.ordered_at)}</dd>
            <dt>{t.delivery_to}</dt>
            <dd>{a.line1}<br />{a.line2.map(|l| view! { {l}<br /> })}{format!("{} {} {}", a.suburb, a.state, a.postcode)}</dd>
        </dl>
    }
    .into_any()
}

pub(super) fn focus(id: &str) {
    request_animation_frame({
        let id = id.to_string();
        move || {
            if let Some(el) = document()
                .get_element_by_id(&id)
                .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
            {
                let _ = el.focus();
            }
        }
    });
}

/// Admins order the physical card, or change where it goes, while the kitty is active.
#[component]
fn AddressForm(card: CardResource) -> impl IntoView {
    let ctx = use_kitty();
    let toasts = use_toasts();
    let open = RwSignal::new(false);
    let [line1, line2, suburb, state, postcode] =
        std::array::from_fn(|_| RwSignal::new(String::new()));
    let errors = RwSignal::new(FieldErrors::new());
    let alert = RwSignal::new(None::<String>);
    let has_order = move || card.with(|c| matches!(c, Some(Ok(c)) if c.physical.is_some()));
    let t = CardText::get();
    let save = Action::new_local(move |(a, change): &(PostalAddress, bool)| {
        let (a, change, id) = (a.clone(), *change, ctx.id.get_untracked());
        async move {
            api::ktti::set_card_address(&id, &a).await?;
            Ok(if change {
                t.address_changed
            } else {
                t.card_ordered
            })
        }
    });
    on_done(
        save,
        move |m| {
            toasts.success(m);
            open.set(false);
            ctx.refresh();
            focus("card-address-open");
        },
        Failure::Form(errors, alert),
    );
    let start = move |_| {
        let a = card
            .get_untracked()
            .and_then(|r| r.ok())
            .and_then(|c| c.physical)
            .map(|o| o.address);
        let a = a.unwrap_or(PostalAddress {
            line1: String::new(),
            line2: None,
            suburb: String::new(),
            state: String::new(),
            postcode: String::new(),
        });
        line1.set(a.line1);
        line2.set(a.line2.unwrap_or_default());
        suburb.set(a.suburb);
        state.set(a.state);
        postcode.set(a.postcode);
        errors.set(FieldErrors::new());
        alert.set(None);
        open.set(true);
        focus("field-line1");
    };
    let cancel = move |_| {
        open.set(false);
        focus("card-address-open");
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let a = PostalAddress {
            line1: line1.get_untracked(),
            line2: Some(line2.get_untracked()),
            suburb: suburb.get_untracked(),
            state: state.get_untracked(),
            postcode: postcode.get_untracked().trim().to_string(),
        };
        match check_address(&a) {
            Ok(clean) => {
                errors.set(FieldErrors::new());
                alert.set(None);
                save.dispatch((clean, has_order()));
            }
            Err(mut fields) => {
                ProblemText::say_all(&mut fields);
                let first = ["line1", "line2", "suburb", "state", "postcode"]
                    .into_iter()
                    .find(|f| fields.contains_key(*f));
                errors.set(fields);
                alert.set(Some(t.check_fields.into()));
                if let Some(f) = first {
                    focus(&format!("field-{f}"));
                }
            }
        }
    };
    let states = Signal::derive(|| {
        STATES
            .iter()
            .map(|s| (s.to_string(), s.to_string()))
            .collect()
    });
    let title = move || {
        if has_order() {
            t.change_address
        } else {
            t.order
        }
    };
    let active = move || ctx.get().is_some_and(|k| k.status == KittyStatus::Active);
    view! {
        <Show when=active fallback=move || view! { <p class="muted">{t.active_only}</p> }>
            <Show when=move || open.get() fallback=move || view! {
                <button type="button" id="card-address-open" class="btn btn--secondary" on:click=start>{title}</button>
            }>
                <form class="form card--form address-form" on:submit=submit novalidate aria-labelledby="address-heading">
                    <h3 id="address-heading">{title}</h3>
                    <p class="muted">{t.australia}</p>
                    <FormAlert message=alert.into() />
                    <TextField name="line1" label=t.line1 value=line1 errors autocomplete="address-line1" required=true />
                    <TextField name="line2" label=t.line2 value=line2 errors autocomplete="address-line2" />
                    <TextField name="suburb" label=t.suburb value=suburb errors autocomplete="address-level2" required=true />
                    <SelectField name="state" label=t.state value=state errors options=states placeholder=t.choose />
                    <TextField name="postcode" label=t.postcode value=postcode errors autocomplete="postal-code" inputmode="numeric" required=true />
                    <div class="actions">
                        <button type="submit" class="btn btn--primary" disabled=move || save.pending().get()>
                            {move || if has_order() { t.save_address } else { t.order_card }}
                        </button>
                        <button type="button" class="btn btn--secondary" on:click=cancel>{CommonText::get().cancel}</button>
                    </div>
                </form>
            </Show>
        </Show>
    }
}

#[component]
fn Account(b: BankAccount) -> impl IntoView {
    let t = CardText::get();
    let words = KittyText::get();
    view! {
        <p class="muted">{t.transfer}</p>
        <dl class="details">
            <dt>{t.account_name}</dt>
            <dd class="copy-line"><span>{b.account_name.clone()}</span>
                <CopyButton value=b.account_name label=words.copy done=words.copied what=t.account_name_what /></dd>
            <dt>"BSB"</dt>
            <dd class="copy-line"><span class="mono">{b.bsb.clone()}</span>
                <CopyButton value=b.bsb label=words.copy done=words.copied what="BSB" /></dd>
            <dt>{t.account_number}</dt>
            <dd class="copy-line"><span class="mono">{b.account_number.clone()}</span>
                <CopyButton value=b.account_number label=words.copy done=words.copied what=words.account_number /></dd>
        </dl>
    }
}
