//! Sign-in and registration (public pages).

use crate::api;
use crate::app::SandboxBadge;
use crate::components::feedback::{on_done, use_title, Failure, Loaded};
use crate::components::form::{FormAlert, TextField};
use crate::session::{safe_next, use_session, Auth};
use kitty_api::auth::{FinishResetRequest, LoginRequest, RegisterRequest};
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
            <p class="auth-page__switch">
                <A href=move || format!("/forgot-password?username={}", js_sys::encode_uri_component(username.get().trim()))>"Forgot your password?"</A>
            </p>
            <p class="auth-page__switch">"New to Kitty? " <A href=register_href>"Create an account"</A></p>
        </AuthFrame>
    }
}

/// "Forgot your password?": a reset link goes to the account's email (or mobile). The page says
/// the same whether or not the account exists; in the sandbox it points to the outbox.
#[component]
pub fn ForgotPassword() -> impl IntoView {
    use_title("Reset your password");
    let session = use_session();
    let query = use_query_map();
    let username = RwSignal::new(
        query
            .with_untracked(|q| q.get("username"))
            .unwrap_or_default(),
    );
    let errors = RwSignal::new(FieldErrors::new());
    let alert = RwSignal::new(None::<String>);
    let sent_to = RwSignal::new(None::<String>);
    let send = Action::new_local(|to: &String| {
        let to = to.clone();
        async move { api::ktti::request_reset(&to).await.map(|_| to) }
    });
    on_done(
        send,
        move |to| sent_to.set(Some(to)),
        Failure::Form(errors, alert),
    );
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        alert.set(None);
        let typed = username.get_untracked().trim().to_string();
        if typed.is_empty() {
            let mut e = FieldErrors::new();
            e.insert(
                "username".into(),
                "Enter your mobile number or email.".into(),
            );
            errors.set(e);
            return;
        }
        errors.set(FieldErrors::new());
        send.dispatch(typed);
    };
    view! {
        <AuthFrame title="Reset your password">
            {move || match sent_to.get() {
                Some(to) => view! {
                    <div class="form" role="status">
                        <p>"If an account has " <strong>{to.clone()}</strong>
                           ", we sent it a link to choose a new password. It works once, for 30 minutes."</p>
                        {session.is_sandbox().then(|| view! {
                            <p>"This is the sandbox, so nothing really leaves the server: "
                               <A href=format!("/outbox?to={}", js_sys::encode_uri_component(&to))>"open the sandbox outbox"</A>
                               " to read the message."</p>
                        })}
                    </div>
                }.into_any(),
                None => view! {
                    <form class="form" on:submit=on_submit novalidate>
                        <FormAlert message=alert.into() />
                        <TextField name="username" label="Mobile number or email" value=username errors
                            autocomplete="username" hint="The one you sign in with" required=true />
                        <button class="btn btn--primary btn--block" type="submit" disabled=move || send.pending().get()>
                            {move || if send.pending().get() { "Sending…" } else { "Send me a link" }}
                        </button>
                    </form>
                }.into_any(),
            }}
            <p class="auth-page__switch"><A href="/login">"Back to sign in"</A></p>
        </AuthFrame>
    }
}

/// The page a reset link opens: choose the new password.
#[component]
pub fn ResetPassword() -> impl IntoView {
    use_title("Choose a new password");
    let query = use_query_map();
    let token = move || query.with(|q| q.get("token")).unwrap_or_default();
    let password = RwSignal::new(String::new());
    let errors = RwSignal::new(FieldErrors::new());
    let alert = RwSignal::new(None::<String>);
    let done = RwSignal::new(false);
    let finish = Action::new_local(|req: &FinishResetRequest| {
        let req = req.clone();
        async move { api::ktti::finish_reset(&req).await }
    });
    on_done(
        finish,
        move |_| done.set(true),
        Failure::Form(errors, alert),
    );
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        alert.set(None);
        if let Err(m) = kitty_api::validate::password(&password.get_untracked()) {
            let mut e = FieldErrors::new();
            e.insert("password".into(), m.into());
            errors.set(e);
            return;
        }
        errors.set(FieldErrors::new());
        finish.dispatch(FinishResetRequest {
            token: token(),
            password: password.get_untracked(),
        });
    };
    view! {
        <AuthFrame title="Choose a new password">
            {move || if done.get() {
                view! {
                    <div class="form" role="status">
                        <p>"Your password is changed, and every device that was signed in has been signed out."</p>
                        <A href="/login" attr:class="btn btn--primary btn--block">"Sign in"</A>
                    </div>
                }.into_any()
            } else {
                view! {
                    <form class="form" on:submit=on_submit novalidate>
                        <FormAlert message=alert.into() />
                        <TextField name="password" label="New password" value=password errors kind="password"
                            autocomplete="new-password" hint="At least 6 characters" required=true />
                        <button class="btn btn--primary btn--block" type="submit" disabled=move || finish.pending().get()>
                            {move || if finish.pending().get() { "Saving…" } else { "Save the new password" }}
                        </button>
                    </form>
                    <p class="auth-page__switch">"Link not working? " <A href="/forgot-password">"Ask for a new one"</A></p>
                }.into_any()
            }}
        </AuthFrame>
    }
}

/// The sandbox outbox: what the server "sent" to an email or mobile number.
#[component]
pub fn Outbox() -> impl IntoView {
    use_title("Sandbox outbox");
    let query = use_query_map();
    let to = Memo::new(move |_| query.with(|q| q.get("to")).unwrap_or_default());
    let messages = LocalResource::new(move || {
        let to = to.get();
        async move { api::ktti::outbox(&to).await }
    });
    let retry = Callback::new(move |_| messages.refetch());
    view! {
        <AuthFrame title="Sandbox outbox">
            <p class="muted">{move || format!("Messages sent to {}, newest first. In the sandbox nothing leaves the server; this is where it lands.", to.get())}</p>
            <Loaded lines=3 retry view=move || async move {
                let list = messages.await?;
                Ok(if list.messages.is_empty() {
                    view! { <p>"Nothing was sent here yet."</p> }.into_any()
                } else {
                    view! {
                        <ul class="rows">{list.messages.into_iter().map(|m| view! {
                            <li class="outbox__message">
                                <p class="row__meta">{format!("{} · {}", m.channel.label(), crate::fmt::datetime(&m.created_at))}</p>
                                <h2 class="outbox__subject">{m.subject}</h2>
                                <p>{linkified(&m.body)}</p>
                            </li>
                        }).collect_view()}</ul>
                    }.into_any()
                })
            } />
            <p class="auth-page__switch"><A href="/login">"Back to sign in"</A></p>
        </AuthFrame>
    }
}

/// Text with its web addresses made into links (only this site's own, as a reset link is).
fn linkified(text: &str) -> Vec<AnyView> {
    let origin = window().location().origin().unwrap_or_default();
    text.split(' ')
        .map(|word| {
            if !origin.is_empty() && word.starts_with(&origin) {
                let path = word.trim_start_matches(&origin).to_string();
                view! { <A href=path>"this link"</A>" " }.into_any()
            } else {
                format!("{word} ").into_any()
            }
        })
        .collect()
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
