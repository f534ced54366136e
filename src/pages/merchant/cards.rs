use crate::api;
use crate::components::feedback::{on_done, use_title, EmptyState, Failure, Loaded};
use crate::components::form::{FormAlert, TextField};
use crate::components::toast::use_toasts;
use crate::i18n::fill;
use crate::i18n::merchant::{MerchantText, ProblemText};
use kitty_api::merchant::{self as m, AddCardRequest, Card};
use kitty_api::FieldErrors;
use leptos::prelude::*;

/// What the typed card number says so far: the bank once the BIN is in, a typo once all 16
/// digits are.
fn card_feedback(input: &str) -> (Option<&'static str>, Option<&'static str>) {
    let digits: String = input.chars().filter(char::is_ascii_digit).collect();
    let bank = m::bank_name(&digits);
    let problem = if digits.len() >= 16 {
        m::card_number(input).err()
    } else {
        None
    };
    (bank, problem)
}

#[component]
pub fn Cards() -> impl IntoView {
    let t = MerchantText::get();
    use_title(t.cards);
    let toasts = use_toasts();
    let cards = LocalResource::new(api::kpay::cards);
    let number = RwSignal::new(String::new());
    let owner = RwSignal::new(String::new());
    let shaba = RwSignal::new(String::new());
    let errors = RwSignal::new(FieldErrors::new());
    let alert = RwSignal::new(None::<String>);

    // Validate as the person types, without shouting before they are done.
    Effect::new(move || {
        let (_, problem) = card_feedback(&number.get());
        errors.update(|e| match problem {
            Some(p) => {
                e.insert("card_number".into(), ProblemText::say(p));
            }
            None => {
                e.remove("card_number");
            }
        });
    });
    Effect::new(move || {
        let s = shaba.get();
        let compact: String = s.chars().filter(|c| !c.is_whitespace()).collect();
        let problem = (compact.len() >= 26).then(|| m::shaba(&s).err()).flatten();
        errors.update(|e| match problem {
            Some(p) => {
                e.insert("shaba".into(), ProblemText::say(p));
            }
            None => {
                e.remove("shaba");
            }
        });
    });
    let bank = move || card_feedback(&number.get()).0;

    let add = Action::new_local(|req: &AddCardRequest| {
        let req = req.clone();
        async move { api::kpay::add_card(&req).await }
    });
    on_done(
        add,
        move |card| {
            toasts.success(fill(
                t.card_added,
                &[("bank", &card.bank_name), ("number", &card.card_number)],
            ));
            number.set(String::new());
            owner.set(String::new());
            shaba.set(String::new());
            cards.refetch();
        },
        Failure::Form(errors, alert),
    );
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        alert.set(None);
        let s = shaba.get_untracked();
        let req = AddCardRequest {
            card_number: number.get_untracked(),
            owner_name: owner.get_untracked(),
            shaba: (!s.trim().is_empty()).then_some(s),
        };
        match req.validate() {
            Ok(clean) => {
                errors.set(FieldErrors::new());
                add.dispatch(clean);
            }
            Err(found) => errors.set(ProblemText::fields(found)),
        }
    };
    let deactivate = Action::new_local(|id: &String| {
        let id = id.clone();
        async move { api::kpay::deactivate_card(&id).await }
    });
    on_done(
        deactivate,
        move |card| {
            toasts.success(fill(t.card_deactivated, &[("number", &card.card_number)]));
            cards.refetch();
        },
        Failure::Toast,
    );
    let retry = Callback::new(move |_| cards.refetch());

    view! {
        <div class="page">
            <header class="page__header"><h1>{t.cards}</h1></header>
            <div class="split">
                <section class="card" aria-labelledby="cards-heading">
                    <h2 id="cards-heading">{t.cards_receive}</h2>
                    <Loaded lines=3 retry view=move || async move {
                                cards.await.map(|list| if list.cards.is_empty() {
                                    view! { <EmptyState title=t.no_cards><p>{t.no_cards_body}</p></EmptyState> }.into_any()
                                } else {
                                    view! {
                                        <ul class="rows">
                                            {list.cards.into_iter().map(|c| view! { <CardRow card=c deactivate /> }).collect_view()}
                                        </ul>
                                    }.into_any()
                                })
                            } />
                </section>
                <section class="card" aria-labelledby="add-card-heading">
                    <h2 id="add-card-heading">{t.add_a_card}</h2>
                    <form class="form" on:submit=on_submit novalidate>
                        <FormAlert message=alert.into() />
                        <TextField name="card_number" label=t.card_number value=number errors inputmode="numeric"
                            autocomplete="off" hint=t.card_number_hint required=true />
                        <p class="bank-hint" aria-live="polite">{move || bank().map(|b| fill(t.bank, &[("bank", b)]))}</p>
                        <TextField name="owner_name" label=t.name_on_card value=owner errors required=true />
                        <TextField name="shaba" label=t.shaba_optional value=shaba errors autocomplete="off"
                            hint=t.shaba_hint />
                        <button class="btn btn--primary" type="submit" disabled=move || add.pending().get()>
                            {move || if add.pending().get() { t.adding } else { t.add_card }}
                        </button>
                    </form>
                </section>
            </div>
        </div>
    }
}

#[component]
fn CardRow(card: Card, deactivate: Action<String, Result<Card, api::ApiError>>) -> impl IntoView {
    let t = MerchantText::get();
    let id = card.id.clone();
    let on_deactivate = move |_| {
        if window()
            .confirm_with_message(t.stop_card_confirm)
            .unwrap_or(false)
        {
            deactivate.dispatch(id.clone());
        }
    };
    view! {
        <li class="row" class:row--inactive=!card.is_active>
            <div class="row__main">
                <span class="row__title mono">{card.card_number.clone()}</span>
                <span class="row__meta">{format!("{} · {}", card.bank_name, card.owner_name)}</span>
            </div>
            {if card.is_active {
                view! { <button type="button" class="btn btn--small btn--secondary" on:click=on_deactivate>{t.deactivate}</button> }.into_any()
            } else {
                view! { <span class="status status--expired">{t.inactive}</span> }.into_any()
            }}
        </li>
    }
}
