//! Sign-in and registration (public pages).

use crate::api;
use crate::app::SandboxBadge;
use crate::components::feedback::{on_done, use_title, Failure};
use crate::components::form::{FormAlert, TextField};
use crate::session::{safe_next, use_session, Auth};
use kitty_api::auth::{LoginRequest, RegisterRequest};
use kitty_api::FieldErrors;
use leptos::prelude::*;
use leptos_router::components::{Redirect, A};
use leptos_router::hooks::use_query_map;

/// Once signed in (now, or already), go where the person was headed.
#[component]
fn LeaveWhenSignedIn() -> impl IntoView {
    let session = use_session();
    let query = use_query_map();
    move || {
        matches!(session.auth.get(), Auth::SignedIn(_))
            .then(|| view! { <Redirect path=safe_next(query.with(|q| q.get("next"))) /> })
    }
}

/// The frame both public forms share: logo, sandbox badge, title, card.
#[component]
fn AuthFrame(title: &'static str, children: Children) -> impl IntoView {
    view! {
        <main class="auth-page">
            <LeaveWhenSignedIn />
            <div class="auth-page__brand">
                <span class="brand__mark" aria-hidden="true">"K"</span>
                <span class="brand__name">"Kitty"</span>
                <SandboxBadge />
            </div>
            <div class="card card--narrow">
                <h1 class="auth-page__title">{title}</h1>
                {children()}
            </div>
        </main>
    }
}

#[component]
pub fn Login() -> impl IntoView {
    use_title("Sign in");
    let session = use_session();
    let query = use_query_map();
    let username = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let errors = RwSignal::new(FieldErrors::new());
    let alert = RwSignal::new(None::<String>);

    let sign_in = Action::new_local(move |req: &LoginRequest| {
        let req = req.clone();
        async move {
            api::kpay::login(&req).await?;
            api::kpay::me().await
        }
    });
    on_done(
        sign_in,
        move |user| {
            session.signed_in(user);
        },
        Failure::Form(errors, alert),
    );

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        alert.set(None);
        let mut found = FieldErrors::new();
        if username.get_untracked().trim().is_empty() {
            found.insert(
                "username".into(),
                "Enter your mobile number or email.".into(),
            );
        }
        if password.get_untracked().is_empty() {
            found.insert("password".into(), "Enter your password.".into());
        }
        errors.set(found.clone());
        if found.is_empty() {
            sign_in.dispatch(LoginRequest {
                username: username.get_untracked().trim().to_string(),
                password: password.get_untracked(),
            });
        }
    };
    let register_href = move || match query.with(|q| q.get("next")) {
        Some(n) => format!("/register?next={}", js_sys::encode_uri_component(&n)),
        None => "/register".to_string(),
    };

    view! {
        <AuthFrame title="Sign in">
            {move || query.with(|q| q.get("ended").is_some()).then(|| view! {
                <p class="banner banner--info" role="status">
                    "Your session ended, so you were signed out. Sign in again to go back to where you were, with what you had typed."
                </p>
            })}
            <DemoHint username password />
            <form class="form" on:submit=on_submit novalidate>
                <FormAlert message=alert.into() />
                <TextField name="username" label="Mobile number or email" value=username errors
                    autocomplete="username" hint="For example 09121234567 or name@example.com" required=true />
                <TextField name="password" label="Password" value=password errors kind="password"
                    autocomplete="current-password" required=true />
                <button class="btn btn--primary btn--block" type="submit" disabled=move || sign_in.pending().get()>
                    {move || if sign_in.pending().get() { "Signing in…" } else { "Sign in" }}
                </button>
            </form>
            <p class="auth-page__switch">"New to Kitty? " <A href=register_href>"Create an account"</A></p>
        </AuthFrame>
    }
}

/// In the sandbox, say how to get in without registering.
#[component]
fn DemoHint(username: RwSignal<String>, password: RwSignal<String>) -> impl IntoView {
    let session = use_session();
    let demo = move || session.config.get().and_then(|c| c.demo);
    move || {
        demo().map(|d| {
            let fill = d.clone();
            view! {
                <aside class="demo-hint" aria-label="Demo account">
                    <p>
                        "Try the demo: mobile " <strong class="mono">{d.username.clone()}</strong>
                        ", password " <strong class="mono">{d.password.clone()}</strong>"."
                    </p>
                    <button type="button" class="btn btn--secondary btn--small" on:click=move |_| {
                        username.set(fill.username.clone());
                        password.set(fill.password.clone());
                    }>"Fill in the demo account"</button>
                </aside>
            }
        })
    }
}

#[component]
pub fn Register() -> impl IntoView {
    use_title("Create account");
    let session = use_session();
    let query = use_query_map();
    let name = RwSignal::new(String::new());
    let mobile = RwSignal::new(String::new());
    let email = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let errors = RwSignal::new(FieldErrors::new());
    let alert = RwSignal::new(None::<String>);

    let create = Action::new_local(move |req: &RegisterRequest| {
        let req = req.clone();
        async move {
            api::kpay::register(&req).await?;
            api::kpay::me().await
        }
    });
    on_done(
        create,
        move |user| {
            session.signed_in(user);
        },
        Failure::Form(errors, alert),
    );

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        alert.set(None);
        let email_typed = email.get_untracked();
        let req = RegisterRequest {
            name: name.get_untracked(),
            mobile: mobile.get_untracked(),
            email: (!email_typed.trim().is_empty()).then_some(email_typed),
            password: password.get_untracked(),
        };
        // The same validators the server runs, so most mistakes show without a round trip.
        match req.validate() {
            Ok(clean) => {
                errors.set(FieldErrors::new());
                create.dispatch(clean);
            }
            Err(found) => errors.set(found),
        }
    };
    let login_href = move || match query.with(|q| q.get("next")) {
        Some(n) => format!("/login?next={}", js_sys::encode_uri_component(&n)),
        None => "/login".to_string(),
    };

    view! {
        <AuthFrame title="Create your account">
            <form class="form" on:submit=on_submit novalidate>
                <FormAlert message=alert.into() />
                <TextField name="name" label="Full name" value=name errors autocomplete="name" required=true />
                <TextField name="mobile" label="Mobile number" value=mobile errors kind="tel" inputmode="tel"
                    autocomplete="tel" hint="You sign in with it. Format: 09121234567" required=true />
                <TextField name="email" label="Email (optional)" value=email errors kind="email"
                    autocomplete="email" hint="Lets you sign in with your email too" />
                <TextField name="password" label="Password" value=password errors kind="password"
                    autocomplete="new-password" hint="At least 6 characters" required=true />
                <button class="btn btn--primary btn--block" type="submit" disabled=move || create.pending().get()>
                    {move || if create.pending().get() { "Creating your account…" } else { "Create account" }}
                </button>
            </form>
            <p class="auth-page__switch">"Already have an account? " <A href=login_href>"Sign in"</A></p>
        </AuthFrame>
    }
}
