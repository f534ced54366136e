use crate::api::{self, ApiError};
use crate::components::feedback::{on_done, use_title, EmptyState, Failure, Loaded};
use crate::components::form::{FormAlert, SelectField, TextField};
use crate::components::toast::use_toasts;
use crate::i18n::kitties::{InvitationsText, KittyText, ListText, ProblemText};
use crate::i18n::money::MoneyInputText;
use crate::i18n::shell::ShellText;
use crate::i18n::{digits, fill};
use kitty_api::kitty::{CreateKittyRequest, Invitation, Kitty, KittyStatus};
use kitty_api::{Currency, FieldErrors, Money};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;

#[component]
pub fn KittyListPage() -> impl IntoView {
    let t = ListText::get();
    let words = KittyText::get();
    use_title(ShellText::get().kitties);
    let name = RwSignal::new(String::new());
    let status = RwSignal::new(None::<KittyStatus>);
    let list = LocalResource::new(move || {
        let (n, s) = (name.get(), status.get());
        async move { api::ktti::kitties(&n, s).await }
    });
    let invitations = LocalResource::new(api::ktti::my_invitations);
    let retry = Callback::new(move |_| list.refetch());
    view! {
        <div class="page">
            <header class="page__header">
                <h1>{ShellText::get().kitties}</h1>
                <A href="/kitties/all" attr:class="btn btn--secondary">{t.all_transactions}</A>
            </header>
            <Invitations invitations on_answer=Callback::new(move |_| { invitations.refetch(); list.refetch(); }) />
            <div class="filters" role="search" aria-label=t.filter>
                <label class="field">
                    <span class="field__label">{t.search_by_name}</span>
                    <input class="field__input" type="search" prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev)) />
                </label>
                <label class="field">
                    <span class="field__label">{t.status}</span>
                    <select class="field__input" on:change=move |ev| status.set(KittyStatus::parse(&event_target_value(&ev)))>
                        <option value="">{t.any}</option>
                        {KittyStatus::ALL.iter().map(|s| view! { <option value=s.as_str()>{words.kitty_status(*s)}</option> }).collect_view()}
                    </select>
                </label>
            </div>
            <div class="split">
                <Loaded lines=4 retry view=move || async move {
                            list.await.map(|l| if l.ktties.is_empty() {
                                view! { <EmptyState title=t.none_match><p>{t.none_match_body}</p></EmptyState> }.into_any()
                            } else {
                                view! { <ul class="kitty-grid">{l.ktties.into_iter().map(|k| view! { <KittyCard k /> }).collect_view()}</ul> }.into_any()
                            })
                        } />
                <CreateKitty />
            </div>
        </div>
    }
}

fn status_label(s: KittyStatus) -> Option<&'static str> {
    (s != KittyStatus::Active).then(|| KittyText::get().kitty_status(s))
}

#[component]
fn KittyCard(k: Kitty) -> impl IntoView {
    let balance = crate::fmt::money(Money::new(k.available_balance, k.currency));
    let s = ShellText::get();
    let goal = k.goal_amount.map(|g| (k.available_balance.clamp(0, g), g));
    view! {
        <li>
            <A href=format!("/kitties/{}", k.id) attr:class="kitty-card">
                <span class="kitty-card__top">
                    <span class="kitty-card__name">{s.kitty_name(&k.name, k.is_personal)}</span>
                    {(k.is_personal && !k.name.eq_ignore_ascii_case("personal")).then(|| view! { <span class="badge badge--soon">{s.personal}</span> })}
                    {status_label(k.status).map(|s| view! { <span class="status status--expired">{s}</span> })}
                </span>
                <span class="kitty-card__balance">{balance}</span>
                <span class="row__meta">{ShellText::count(k.member_count, s.members_one, s.members_other)}</span>
                {goal.map(|(have, want)| view! {
                    <progress class="goal" max=want.to_string() value=have.to_string()>{fill(ListText::get().goal_of, &[("have", &digits(&have.to_string())), ("want", &digits(&want.to_string()))])}</progress>
                })}
            </A>
        </li>
    }
}

/// Kitty invitations waiting for the person, with accept and decline (also shown in the Inbox).
#[component]
pub fn Invitations(
    invitations: LocalResource<Result<kitty_api::kitty::InvitationList, ApiError>>,
    on_answer: Callback<()>,
) -> impl IntoView {
    let toasts = use_toasts();
    let t = InvitationsText::get();
    let answer = Action::new_local(|(id, accept): &(String, bool)| {
        let (id, accept) = (id.clone(), *accept);
        async move {
            api::ktti::answer_invitation(&id, accept)
                .await
                .map(|_| accept)
        }
    });
    on_done(
        answer,
        move |accepted| {
            toasts.success(if accepted { t.joined } else { t.declined });
            on_answer.run(());
        },
        Failure::Toast,
    );
    move || {
        invitations.get().and_then(|r| r.ok()).filter(|l| !l.invitations.is_empty()).map(|l| view! {
            <section class="card card--callout" aria-labelledby="inv-heading">
                <h2 id="inv-heading">{t.heading}</h2>
                <ul class="rows">
                    {l.invitations.into_iter().map(|i: Invitation| {
                        let (a, r) = (i.ktti_id.clone(), i.ktti_id.clone());
                        view! {
                            <li class="row">
                                <div class="row__main">
                                    <span class="row__title">{i.ktti_name.clone()}</span>
                                    <span class="row__meta">{fill(t.from, &[("name", &i.invited_by)])}</span>
                                </div>
                                <button type="button" class="btn btn--primary btn--small" on:click=move |_| { answer.dispatch((a.clone(), true)); }>{t.accept}</button>
                                <button type="button" class="btn btn--secondary btn--small" on:click=move |_| { answer.dispatch((r.clone(), false)); }>{t.decline}</button>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </section>
        })
    }
}

#[component]
fn CreateKitty() -> impl IntoView {
    let navigate = use_navigate();
    let name = RwSignal::new(String::new());
    let currency = RwSignal::new("AUD".to_string());
    let goal = RwSignal::new(String::new());
    let description = RwSignal::new(String::new());
    let errors = RwSignal::new(FieldErrors::new());
    let alert = RwSignal::new(None::<String>);
    let create = Action::new_local(|req: &CreateKittyRequest| {
        let req = req.clone();
        async move { api::ktti::create_kitty(&req).await }
    });
    on_done(
        create,
        move |k| {
            navigate(&format!("/kitties/{}", k.id), Default::default());
        },
        Failure::Form(errors, alert),
    );
    let currencies = Signal::derive(|| {
        ["AUD", "USD", "KES", "IRR"]
            .iter()
            .map(|c| (c.to_string(), c.to_string()))
            .collect::<Vec<_>>()
    });
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        alert.set(None);
        let cur = Currency::from_code(&currency.get_untracked()).unwrap_or(Currency::AUD);
        let goal_text = goal.get_untracked();
        let goal_amount = if goal_text.trim().is_empty() {
            Ok(None)
        } else {
            Money::parse(&goal_text, cur).map(|m| Some(m.amount))
        };
        let d = description.get_untracked();
        let req = CreateKittyRequest {
            name: name.get_untracked(),
            currency: Some(cur),
            goal_amount: goal_amount.unwrap_or(None),
            description: (!d.trim().is_empty()).then_some(d),
        };
        match (req.validate(), goal_amount) {
            (Ok(clean), Ok(_)) => {
                errors.set(FieldErrors::new());
                create.dispatch(clean);
            }
            (result, goal_result) => {
                let mut found = result.err().unwrap_or_default();
                ProblemText::say_all(&mut found);
                if let Err(e) = goal_result {
                    found.insert("goal_amount".into(), MoneyInputText::get().error(e).into());
                }
                errors.set(found);
            }
        }
    };
    let t = ListText::get();
    view! {
        <section class="card" aria-labelledby="new-kitty-heading">
            <h2 id="new-kitty-heading">{t.new_kitty}</h2>
            <form class="form" on:submit=on_submit novalidate>
                <FormAlert message=alert.into() />
                <TextField name="name" label=t.kitty_name value=name errors required=true hint=t.name_hint />
                <SelectField name="currency" label=t.currency value=currency errors options=currencies />
                <TextField name="goal_amount" label=t.goal_optional value=goal errors inputmode="decimal" />
                <TextField name="description" label=t.description_optional value=description errors />
                <button class="btn btn--primary" type="submit" disabled=move || create.pending().get()>
                    {move || if create.pending().get() { t.creating } else { t.create }}
                </button>
            </form>
        </section>
    }
}
