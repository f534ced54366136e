//! The kitty's card (its details and the physical card's order) and the account to deposit to.

use super::kitty::use_kitty;
use crate::api::{self, ApiError};
use crate::components::copy::CopyButton;
use crate::components::feedback::{on_done, Failure, Loaded};
use crate::components::form::{FormAlert, SelectField, TextField};
use crate::components::toast::use_toasts;
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
    view! {
        <section class="card" aria-labelledby="card-heading">
            <h2 id="card-heading">"Card"</h2>
            <Loaded lines=4 retry=retry_card view=move || async move { card.await.map(|c| view! { <Facts c /> }) } />
        </section>
        <Show when=move || loaded.get()>
            <section class="card" aria-labelledby="physical-heading">
                <h2 id="physical-heading">"Physical card"</h2>
                {move || card.get().and_then(|r| r.ok()).map(|c| order(c.physical, ctx.is_admin()))}
                <Show when=move || ctx.is_admin()>
                    <AddressForm card />
                </Show>
            </section>
        </Show>
        <section class="card" aria-labelledby="account-heading">
            <h2 id="account-heading">"Deposit account"</h2>
            <Loaded lines=3 retry=retry_bank view=move || async move { bank.await.map(|b| view! { <Account b /> }) } />
        </section>
    }
}

#[component]
fn Facts(c: CardDetails) -> impl IntoView {
    let note = match c.status {
        CardStatus::Active => None,
        CardStatus::Frozen => Some("Frozen while the kitty closes: the card can't be used."),
        CardStatus::Closed => Some("Closed with the kitty."),
    };
    view! {
        <dl class="details">
            <dt>"Number"</dt><dd class="mono">{c.masked_number}</dd>
            <dt>"Expires"</dt><dd class="mono">{c.expiry}</dd>
            <dt>"Name on card"</dt><dd>{c.name_on_card}</dd>
            <dt>"Status"</dt>
            <dd><span class=format!("status status--card-{}", c.status.as_str())>{c.status.label()}</span></dd>
        </dl>
        {note.map(|n| view! { <p class="banner banner--warning card-note">{n}</p> })}
    }
}

fn order(o: Option<CardOrder>, admin: bool) -> AnyView {
    let Some(o) = o else {
        let who = if admin {
            ""
        } else {
            " An admin can order one."
        };
        return view! { <p class="muted">"No physical card has been ordered yet."{who}</p> }
            .into_any();
    };
    let a = o.address;
    view! {
        <dl class="details">
            <dt>"Status"</dt>
            <dd><span class=format!("status status--order-{}", o.status.as_str())>{o.status.label()}</span></dd>
            <dt>"Ordered"</dt><dd>{crate::fmt::date(&o.ordered_at)}</dd>
            <dt>"Delivery to"</dt>
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
    let save = Action::new_local(move |(a, change): &(PostalAddress, bool)| {
        let (a, change, id) = (a.clone(), *change, ctx.id.get_untracked());
        async move {
            api::ktti::set_card_address(&id, &a).await?;
            Ok(if change {
                "Delivery address changed."
            } else {
                "Physical card ordered."
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
            Err(fields) => {
                let first = ["line1", "line2", "suburb", "state", "postcode"]
                    .into_iter()
                    .find(|f| fields.contains_key(*f));
                errors.set(fields);
                alert.set(Some("Check the highlighted fields.".into()));
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
            "Change the delivery address"
        } else {
            "Order a physical card"
        }
    };
    let active = move || ctx.get().is_some_and(|k| k.status == KittyStatus::Active);
    view! {
        <Show when=active fallback=|| view! { <p class="muted">"A physical card can be ordered only while the kitty is active."</p> }>
            <Show when=move || open.get() fallback=move || view! {
                <button type="button" id="card-address-open" class="btn btn--secondary" on:click=start>{title}</button>
            }>
                <form class="form card--form address-form" on:submit=submit novalidate aria-labelledby="address-heading">
                    <h3 id="address-heading">{title}</h3>
                    <p class="muted">"Cards are posted within Australia."</p>
                    <FormAlert message=alert.into() />
                    <TextField name="line1" label="Address line 1" value=line1 errors autocomplete="address-line1" required=true />
                    <TextField name="line2" label="Address line 2 (optional)" value=line2 errors autocomplete="address-line2" />
                    <TextField name="suburb" label="Suburb" value=suburb errors autocomplete="address-level2" required=true />
                    <SelectField name="state" label="State or territory" value=state errors options=states placeholder="Choose…" />
                    <TextField name="postcode" label="Postcode" value=postcode errors autocomplete="postal-code" inputmode="numeric" required=true />
                    <div class="actions">
                        <button type="submit" class="btn btn--primary" disabled=move || save.pending().get()>
                            {move || if has_order() { "Save the address" } else { "Order the card" }}
                        </button>
                        <button type="button" class="btn btn--secondary" on:click=cancel>"Cancel"</button>
                    </div>
                </form>
            </Show>
        </Show>
    }
}

#[component]
fn Account(b: BankAccount) -> impl IntoView {
    view! {
        <p class="muted">"Transfer to this account to add money to the kitty."</p>
        <dl class="details">
            <dt>"Account name"</dt>
            <dd class="copy-line"><span>{b.account_name.clone()}</span>
                <CopyButton value=b.account_name label="Copy" done="Copied" what="account name" /></dd>
            <dt>"BSB"</dt>
            <dd class="copy-line"><span class="mono">{b.bsb.clone()}</span>
                <CopyButton value=b.bsb label="Copy" done="Copied" what="BSB" /></dd>
            <dt>"Account number"</dt>
            <dd class="copy-line"><span class="mono">{b.account_number.clone()}</span>
                <CopyButton value=b.account_number label="Copy" done="Copied" what="account number" /></dd>
        </dl>
    }
}
