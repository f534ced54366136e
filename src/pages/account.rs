//! The signed-in person's details, appearance, and signing out.

use crate::api;
use crate::components::feedback::{on_done, use_title, Failure};
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
