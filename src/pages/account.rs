//! The signed-in person's details, password, appearance, and signing out.

use crate::api;
use crate::components::feedback::{on_done, use_title, Failure};
use crate::components::form::TextField;
use crate::components::toast::use_toasts;
use crate::fmt;
use crate::session::{use_session, Auth};
use crate::theme::{self, Theme};
use leptos::prelude::*;

#[component]
pub fn Account() -> impl IntoView {
    use_title("Account");
    let session = use_session();
    let toasts = use_toasts();
    let sign_out = Action::new_local(|_: &()| api::kpay::logout());
    on_done(
        sign_out,
        move |_| {
            // The shell then sends the person to plain /login, with no way back here.
            session.signed_out_by_choice.set(true);
            session.auth.set(Auth::SignedOut);
            toasts.success("You are signed out.");
        },
        Failure::Toast,
    );

    view! {
        <div class="page">
            <header class="page__header"><h1>"Account"</h1></header>
            {move || session.user().map(|u| view! {
                <section class="card" aria-labelledby="profile-heading">
                    <h2 id="profile-heading">"Profile"</h2>
                    <dl class="details">
                        <dt>"Name"</dt><dd>{u.name.clone()}</dd>
                        <dt>"Mobile"</dt><dd class="mono">{u.mobile.clone()}</dd>
                        <dt>"Email"</dt><dd>{u.email.clone().unwrap_or_else(|| "Not set".into())}</dd>
                        <dt>"Merchant ID"</dt><dd class="mono">{u.merchant_id.clone()}</dd>
                        <dt>"Member since"</dt><dd>{fmt::date(&u.created_at)}</dd>
                    </dl>
                </section>
            })}
            <ChangePassword />
            <ThemePicker />
            <section class="card">
                <h2>"Session"</h2>
                <p class="muted">"Signing out ends this session on the server, not just in this browser."</p>
                <button type="button" class="btn btn--danger" disabled=move || sign_out.pending().get()
                    on:click=move |_| { sign_out.dispatch(()); }>
                    {move || if sign_out.pending().get() { "Signing out…" } else { "Sign out" }}
                </button>
            </section>
        </div>
    }
}

#[component]
fn ThemePicker() -> impl IntoView {
    let current = RwSignal::new(theme::saved());
    view! {
        <section class="card">
            <fieldset class="choice">
                <legend><h2>"Appearance"</h2></legend>
                {[Theme::System, Theme::Light, Theme::Dark].into_iter().map(|t| view! {
                    <label class="choice__option">
                        <input type="radio" name="theme" value=t.as_str()
                            prop:checked=move || current.get() == t
                            on:change=move |_| { current.set(t); theme::apply(t); } />
                        <span>{t.label()}</span>
                    </label>
                }).collect_view()}
            </fieldset>
        </section>
    }
}

/// "Change user password.": the current one, then the new one. Other devices are signed out.
#[component]
fn ChangePassword() -> impl IntoView {
    let toasts = use_toasts();
    let current = RwSignal::new(String::new());
    let new = RwSignal::new(String::new());
    let errors = RwSignal::new(kitty_api::FieldErrors::new());
    let change = Action::new_local(|req: &kitty_api::auth::ChangePasswordRequest| {
        let req = req.clone();
        async move { api::ktti::change_password(&req).await }
    });
    on_done(
        change,
        move |_| {
            current.set(String::new());
            new.set(String::new());
            toasts.success(
                "Password changed. You stay signed in here; other devices were signed out.",
            );
        },
        Failure::Fields(errors),
    );
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let req = kitty_api::auth::ChangePasswordRequest {
            current_password: current.get_untracked(),
            new_password: new.get_untracked(),
        };
        match req.validate() {
            Ok(()) => {
                errors.set(Default::default());
                change.dispatch(req);
            }
            Err(found) => errors.set(found),
        }
    };
    view! {
        <section class="card" aria-labelledby="password-heading">
            <h2 id="password-heading">"Password"</h2>
            <form class="form" on:submit=on_submit novalidate>
                <TextField name="current_password" label="Current password" value=current errors kind="password"
                    autocomplete="current-password" required=true />
                <TextField name="new_password" label="New password" value=new errors kind="password"
                    autocomplete="new-password" hint="At least 6 characters" required=true />
                <button class="btn btn--secondary" type="submit" disabled=move || change.pending().get()>
                    {move || if change.pending().get() { "Changing…" } else { "Change password" }}
                </button>
            </form>
        </section>
    }
}
