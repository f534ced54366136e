//! Verification: where a user stands ("Verify a user"), checked again every 3 seconds while they
//! are unverified, and the form that puts their details on file ("Update user details").
//! `?phone=NUMBER` opens with that user.

use super::users::{UserPicker, Users};
use super::{phone_hint, phone_problem, set_error, PartnerGate};
use crate::api;
use crate::components::feedback::{on_done, use_title, Failure};
use crate::components::form::{FormAlert, TextField};
use crate::components::toast::use_toasts;
use crate::i18n::rampchain::{ChainText, VerifyText};
use crate::i18n::validate::LabelText;
use crate::i18n::{digits, fill};
use crate::pages::merchant::poll::{poll, PolledView, POLL};
use kitty_api::onchain::{UpdateUserRequest, UpdateUserResponse, UserVerification};
use kitty_api::ramp::Country;
use kitty_api::{validate, FieldErrors};
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;

/// The status of a user whose details are on file.
const VERIFIED: &str = "verified";

/// The longest first or last name the server keeps.
const NAME_MAX: usize = 60;

#[component]
pub fn Verification() -> impl IntoView {
    use_title(VerifyText::get().title);
    let form = |country: Country| view! { <VerifyBody country /> }.into_any();
    view! { <PartnerGate form /> }
}

#[component]
fn VerifyBody(country: Country) -> impl IntoView {
    let users: Users = LocalResource::new(api::kotani::my_users);
    let navigate = use_navigate();
    let from_url = use_query_map()
        .with_untracked(|q| q.get("phone"))
        .unwrap_or_default();
    let phone = RwSignal::new(from_url.clone());
    let errors = RwSignal::new(FieldErrors::new());
    // The number whose status is on screen.
    let shown = RwSignal::new(super::phone_number(&from_url, country).ok());
    Effect::new(move || set_error(errors, "phoneNumber", phone_problem(&phone.get(), country)));
    // The address follows the number shown, so a reload (or a shared link) shows it again.
    Effect::new(move |before: Option<Option<String>>| {
        let now = shown.get();
        if before.is_some_and(|b| b != now) {
            if let Some(n) = &now {
                navigate(
                    &format!("/ramp/verify?phone={}", api::enc(n)),
                    NavigateOptions {
                        replace: true,
                        scroll: false,
                        ..Default::default()
                    },
                );
            }
        }
        now
    });
    let show = Callback::new(
        move |typed: String| match super::phone_number(&typed, country) {
            Ok(n) => {
                errors.set(FieldErrors::new());
                shown.set(Some(n));
            }
            Err(e) => {
                let mut found = FieldErrors::new();
                found.insert("phoneNumber".into(), e);
                errors.set(found);
            }
        },
    );
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        show.run(phone.get_untracked());
    };
    let t = VerifyText::get();
    view! {
        <p class="page__lede">{t.lede}</p>
        <div class="split">
            <section class="card card--form" aria-labelledby="find-heading">
                <h2 id="find-heading">{t.find_user}</h2>
                <form class="form" on:submit=on_submit novalidate>
                    <TextField scope="find" name="phoneNumber" label=ChainText::get().phone_number value=phone errors kind="tel"
                        inputmode="tel" autocomplete="off" hint=phone_hint(country) required=true />
                    <button class="btn btn--primary" type="submit">{t.check_status}</button>
                </form>
                <UserPicker users phone on_pick=show id="verify-pick-label" />
            </section>
            {move || match shown.get() {
                Some(n) => view! { <UserStatus phone=n users /> }.into_any(),
                None => view! {
                    <section class="card" aria-labelledby="status-empty-heading">
                        <h2 id="status-empty-heading">{t.status}</h2>
                        <p class="muted">{t.status_empty}</p>
                    </section>
                }.into_any(),
            }}
        </div>
    }
}

/// One user's status, kept current while they are unverified, and their details form.
#[component]
fn UserStatus(phone: String, users: Users) -> impl IntoView {
    let toasts = use_toasts();
    let t = VerifyText::get();
    let c = ChainText::get();
    let number = StoredValue::new(phone.clone());
    let status = poll(
        move || {
            let n = number.get_value();
            async move { api::kotani::verify_user(&n).await }
        },
        |v: &UserVerification| v.status != VERIFIED,
    );
    let verified = Memo::new(move |_| {
        status
            .data
            .with(|d| d.as_ref().map(|v| v.status == VERIFIED))
    });
    let firstname = RwSignal::new(String::new());
    let lastname = RwSignal::new(String::new());
    let email = RwSignal::new(String::new());
    let errors = RwSignal::new(FieldErrors::new());
    let alert = RwSignal::new(None::<String>);
    // The details on file start the form, once the user list has them (unless typed over).
    Effect::new(move |filled: Option<bool>| {
        if filled == Some(true) {
            return true;
        }
        let found = users.with(|r| {
            r.as_ref().and_then(|r| r.as_ref().ok()).and_then(|all| {
                number.with_value(|n| all.data.iter().find(|u| &u.phone_number == n).cloned())
            })
        });
        let Some(u) = found else {
            return false;
        };
        for (field, value) in [
            (firstname, u.firstname),
            (lastname, u.lastname),
            (email, u.email),
        ] {
            if field.with_untracked(String::is_empty) {
                field.set(value.unwrap_or_default());
            }
        }
        true
    });
    let save = Action::new_local(|req: &UpdateUserRequest| {
        let req = req.clone();
        async move { api::kotani::update_user(&req).await }
    });
    on_done(
        save,
        move |r: UpdateUserResponse| {
            toasts.success(fill(
                if r.details.verified {
                    t.saved_verified
                } else {
                    t.saved_for
                },
                &[("phone", &r.details.phone_number)],
            ));
            status.refetch();
            users.refetch();
        },
        Failure::Form(errors, alert),
    );
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        alert.set(None);
        let mut found = FieldErrors::new();
        let mut name = |value: RwSignal<String>, field: &str, blank: &str| {
            validate::label(&value.get_untracked(), NAME_MAX)
                .map_err(|e| {
                    found.insert(field.into(), LabelText::get().problem(e, blank, NAME_MAX))
                })
                .unwrap_or_default()
        };
        let first = name(firstname, "firstname", t.enter_first);
        let last = name(lastname, "lastname", t.enter_last);
        let mail = validate::email(&email.get_untracked())
            .map_err(|e| found.insert("email".into(), t.email_problem(e)))
            .unwrap_or_default();
        if found.is_empty() {
            errors.set(FieldErrors::new());
            save.dispatch(UpdateUserRequest {
                phone_number: number.get_value(),
                firstname: first,
                lastname: last,
                email: mail,
            });
        } else {
            errors.set(found);
        }
    };
    let sentence = move || match verified.get() {
        Some(true) => t.verified_line.to_string(),
        Some(false) => digits(&fill(
            t.not_verified_line,
            &[("n", &POLL.as_secs().to_string())],
        )),
        None => String::new(),
    };
    view! {
        <div class="ramp-stack">
            <section class="card" aria-labelledby="status-heading">
                <h2 id="status-heading" class="ramp-heading">
                    <span class="mono">{phone}</span>
                    {move || verified.get().map(|v| {
                        let (class, label) = if v {
                            ("status status--successful", c.verified)
                        } else {
                            ("status status--pending", c.not_verified)
                        };
                        view! { <span class=class>{label}</span> }
                    })}
                </h2>
                <PolledView polled=status lines=1 body=move || view! {
                    <p class="ramp-status__line" role="status">{sentence}</p>
                } />
            </section>
            <section class="card card--form" aria-labelledby="details-heading">
                <h2 id="details-heading">{t.their_details}</h2>
                <p class="muted">{t.details_note}</p>
                <form class="form" on:submit=on_submit novalidate>
                    <FormAlert message=alert.into() />
                    <TextField name="firstname" label=t.first_name value=firstname errors autocomplete="off" required=true />
                    <TextField name="lastname" label=t.last_name value=lastname errors autocomplete="off" required=true />
                    <TextField name="email" label=t.email value=email errors kind="email" inputmode="email"
                        autocomplete="off" required=true />
                    <button class="btn btn--primary" type="submit" disabled=move || save.pending().get()>
                        {move || if save.pending().get() { c.saving } else { t.save_details }}
                    </button>
                </form>
            </section>
        </div>
    }
}
