//! Sign-in and registration (public pages).

use crate::api::{self, ApiError};
use crate::app::SandboxBadge;
use crate::components::feedback::{on_done, use_title, write, Failure, Loaded, Skeleton};
use crate::components::form::{FormAlert, TextField};
use crate::components::toast::{use_toasts, Toasts};
use crate::i18n::{auth::AuthText, fill, pieces, Piece};
use crate::session::{safe_next, use_session, Auth};
use crate::social;
use kitty_api::account::CoreConfig;
use kitty_api::auth::{
    EmailLoginRequest, FinishRegistrationRequest, FinishResetRequest, RegistrationStarted,
    StartRegistrationRequest,
};
use kitty_api::FieldErrors;
use leptos::prelude::*;
use leptos_router::components::{Redirect, A};
use leptos_router::hooks::use_query_map;

/// Once signed in (now, or already), go where the person was headed: `next`, else the page's
/// `next` query value.
fn leave_when_signed_in(next: Option<String>) -> impl IntoView {
    let session = use_session();
    let query = use_query_map();
    move || {
        matches!(session.auth.get(), Auth::SignedIn(_)).then(|| {
            let path = safe_next(next.clone().or_else(|| query.with(|q| q.get("next"))));
            view! { <Redirect path /> }
        })
    }
}

/// The frame the public pages share: logo, sandbox badge, title, card. `next` is where to go
/// once signed in, when not the address's `next` query value.
#[component]
fn AuthFrame(
    #[prop(into)] title: TextProp,
    #[prop(optional)] next: Option<String>,
    children: Children,
) -> impl IntoView {
    view! {
        <main class="auth-page">
            {leave_when_signed_in(next)}
            <div class="auth-page__brand">
                <span class="brand__mark" aria-hidden="true">"K"</span>
                <span class="brand__name">"Kitty"</span>
                <SandboxBadge />
            </div>
            <div class="card card--narrow">
                <h1 class="auth-page__title">{move || title.get()}</h1>
                {children()}
            </div>
            <crate::components::language::LanguagePicker />
        </main>
    }
}

/// The `next` query value as a link's query (`?next=…`), or nothing.
fn next_query(next: Option<String>) -> String {
    next.map(|n| format!("?next={}", js_sys::encode_uri_component(&n)))
        .unwrap_or_default()
}

/// Shows a failed request: each field's message next to its field, and as a toast what no field
/// on the page shows (the message itself when it names no field).
fn show_error(e: &ApiError, errors: RwSignal<FieldErrors>, toasts: Toasts) {
    let fields = e.fields();
    let elsewhere: Vec<&str> = fields
        .iter()
        .filter(|(name, _)| {
            document()
                .get_element_by_id(&format!("field-{name}"))
                .is_none()
        })
        .map(|(_, m)| m.as_str())
        .collect();
    if fields.is_empty() {
        toasts.error(e.message());
    } else if !elsewhere.is_empty() {
        toasts.error(elsewhere.join(" "));
    }
    errors.set(fields);
}

/// Moves focus to the input with `id` once the page has drawn it.
fn focus_when_drawn(id: &'static str) {
    request_animation_frame(move || {
        use wasm_bindgen::JsCast;
        if let Some(input) = document()
            .get_element_by_id(id)
            .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
        {
            let _ = input.focus();
        }
    });
}

/// "Continue with {name}", after an "or", when the server offers a social identity provider.
/// It asks the server for a nonce, keeps the sign-in for this tab ([`social::begin`]) and
/// leaves for the provider's page.
#[component]
fn SocialSignIn(core: LocalResource<Result<CoreConfig, ApiError>>) -> impl IntoView {
    let query = use_query_map();
    let toasts = use_toasts();
    let busy = RwSignal::new(false);
    let t = AuthText::get();
    move || {
        // While the configuration loads, the button's room is kept (invisible), so that the
        // links below do not jump when it appears.
        let Some(config) = core.get() else {
            return Some(
                view! {
                    <div class="auth-social-pending" aria-hidden="true">
                        <p class="auth-divider"><span>{t.or}</span></p>
                        <button type="button" class="btn btn--secondary btn--block" tabindex="-1" disabled=true>{t.continue_plain}</button>
                    </div>
                }
                .into_any(),
            );
        };
        let provider = config.ok()?.social_sign_in?;
        let name = provider.name.clone();
        let go = move |_| {
            if busy.get_untracked() {
                return;
            }
            let provider = provider.clone();
            let next = safe_next(query.with_untracked(|q| q.get("next")));
            write(busy, api::ktti::social_nonce(), move |answer| {
                let url = answer
                    .map_err(|e| e.message())
                    .and_then(|n| social::begin(&provider, &n.nonce, &next));
                match url {
                    Ok(url) => {
                        // Stays busy while the browser leaves.
                        busy.set(true);
                        if window().location().assign(&url).is_err() {
                            busy.set(false);
                            toasts.error(t.browser_did_not_open);
                        }
                    }
                    Err(m) => toasts.error(m),
                }
            });
        };
        Some(view! {
            <p class="auth-divider"><span>{t.or}</span></p>
            <button type="button" class="btn btn--secondary btn--block" data-testid="social-sign-in"
                disabled=move || busy.get() aria-busy=move || busy.get().then_some("true") on:click=go>
                {move || fill(if busy.get() { t.opening } else { t.continue_with }, &[("name", &name)])}
            </button>
        }.into_any())
    }
}

#[component]
pub fn Login() -> impl IntoView {
    let t = AuthText::get();
    use_title(t.sign_in);
    let session = use_session();
    let query = use_query_map();
    let username = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let errors = RwSignal::new(FieldErrors::new());
    let alert = RwSignal::new(None::<String>);

    let sign_in = Action::new_local(move |req: &EmailLoginRequest| {
        let req = req.clone();
        async move {
            api::ktti::login(&req).await?;
            api::ktti::me().await
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
            found.insert("username".into(), t.username_missing.into());
        }
        if password.get_untracked().is_empty() {
            found.insert("password".into(), t.password_missing.into());
        }
        errors.set(found.clone());
        if found.is_empty() {
            sign_in.dispatch(EmailLoginRequest {
                email: username.get_untracked().trim().to_string(),
                password: password.get_untracked(),
            });
        }
    };
    let register_href = move || format!("/register{}", next_query(query.with(|q| q.get("next"))));
    let core = LocalResource::new(api::ktti::core_config);

    view! {
        <AuthFrame title=t.sign_in>
            {move || query.with(|q| q.get("ended").is_some()).then(|| view! {
                <p class="banner banner--info" role="status">
                    {t.session_ended}
                </p>
            })}
            <form class="form" on:submit=on_submit novalidate>
                <FormAlert message=alert.into() />
                <TextField name="username" label=t.username_label value=username errors
                    autocomplete="username" hint=t.username_hint required=true />
                <TextField name="password" label=t.password_label value=password errors kind="password"
                    autocomplete="current-password" required=true />
                <button class="btn btn--primary btn--block" type="submit" disabled=move || sign_in.pending().get()
                    aria-busy=move || sign_in.pending().get().then_some("true")>
                    {move || if sign_in.pending().get() { t.signing_in } else { t.sign_in }}
                </button>
            </form>
            <SocialSignIn core />
            // Below the form, so that the form does not move when the demo's details arrive.
            <DemoHint username password />
            <p class="auth-page__switch">
                <A href=move || format!("/forgot-password?username={}", js_sys::encode_uri_component(username.get().trim()))>{t.forgot}</A>
            </p>
            <p class="auth-page__switch">{t.new_to_kitty}" " <A href=register_href>{t.create_an_account}</A></p>
        </AuthFrame>
    }
}

/// "Forgot your password?": a reset link goes to the account's email (or mobile). The page says
/// the same whether or not the account exists; in the sandbox it points to the outbox.
#[component]
pub fn ForgotPassword() -> impl IntoView {
    let t = AuthText::get();
    use_title(t.reset_title);
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
            e.insert("username".into(), t.username_missing.into());
            errors.set(e);
            return;
        }
        errors.set(FieldErrors::new());
        send.dispatch(typed);
    };
    view! {
        <AuthFrame title=t.reset_title>
            {move || match sent_to.get() {
                Some(to) => view! {
                    <div class="form" role="status">
                        <p>{fill(t.reset_sent, &[("to", &to)])}</p>
                        {session.is_sandbox().then(|| view! {
                            <p>{t.sandbox_nothing_leaves}" "
                               <A href=format!("/outbox?to={}", js_sys::encode_uri_component(&to))>{t.open_outbox}</A>
                               " "{t.to_read_message}</p>
                        })}
                    </div>
                }.into_any(),
                None => view! {
                    <form class="form" on:submit=on_submit novalidate>
                        <FormAlert message=alert.into() />
                        <TextField name="username" label=t.username_label value=username errors
                            autocomplete="username" hint=t.reset_hint required=true />
                        <button class="btn btn--primary btn--block" type="submit" disabled=move || send.pending().get()>
                            {move || if send.pending().get() { t.sending } else { t.send_link }}
                        </button>
                    </form>
                }.into_any(),
            }}
            <p class="auth-page__switch"><A href="/login">{t.back_to_sign_in}</A></p>
        </AuthFrame>
    }
}

/// The page a reset link opens: choose the new password.
#[component]
pub fn ResetPassword() -> impl IntoView {
    let t = AuthText::get();
    use_title(t.new_password_title);
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
            e.insert("password".into(), t.password_problem(m));
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
        <AuthFrame title=t.new_password_title>
            {move || if done.get() {
                view! {
                    <div class="form" role="status">
                        <p>{t.password_changed}</p>
                        <A href="/login" attr:class="btn btn--primary btn--block">{t.sign_in}</A>
                    </div>
                }.into_any()
            } else {
                view! {
                    <form class="form" on:submit=on_submit novalidate>
                        <FormAlert message=alert.into() />
                        <TextField name="password" label=t.new_password_label value=password errors kind="password"
                            autocomplete="new-password" hint=t.password_hint required=true />
                        <button class="btn btn--primary btn--block" type="submit" disabled=move || finish.pending().get()>
                            {move || if finish.pending().get() { t.saving } else { t.save_new_password }}
                        </button>
                    </form>
                    <p class="auth-page__switch">{t.link_not_working}" " <A href="/forgot-password">{t.ask_new_one}</A></p>
                }.into_any()
            }}
        </AuthFrame>
    }
}

/// The sandbox outbox: what the server "sent" to an email or mobile number.
#[component]
pub fn Outbox() -> impl IntoView {
    let t = AuthText::get();
    use_title(t.outbox_title);
    let query = use_query_map();
    let to = Memo::new(move |_| query.with(|q| q.get("to")).unwrap_or_default());
    let messages = LocalResource::new(move || {
        let to = to.get();
        // No address yet: nothing to ask the server (it would refuse an empty one).
        async move {
            if to.trim().is_empty() {
                Ok(None)
            } else {
                api::ktti::outbox(&to).await.map(Some)
            }
        }
    });
    let retry = Callback::new(move |_| messages.refetch());
    view! {
        <AuthFrame title=t.outbox_title>
            <Loaded lines=3 retry view=move || async move {
                let Some(list) = messages.await? else {
                    // A plain GET form: the page loads again with `?to=`.
                    return Ok(view! {
                        <form class="form" method="get" action="/outbox">
                            <p class="muted">{t.outbox_pick}</p>
                            <div class="field">
                                <label class="field__label" for="field-to">{t.outbox_to}</label>
                                <input class="field__input" id="field-to" name="to" type="text" required=true
                                    autocomplete="username" />
                            </div>
                            <button type="submit" class="btn btn--primary">{t.outbox_show}</button>
                        </form>
                    }.into_any());
                };
                let intro = fill(t.outbox_intro, &[("to", &to.get_untracked())]);
                Ok(if list.messages.is_empty() {
                    view! { <p class="muted">{intro}</p><p>{t.outbox_empty}</p> }.into_any()
                } else {
                    view! {
                        <p class="muted">{intro}</p>
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
            <p class="auth-page__switch"><A href="/login">{t.back_to_sign_in}</A></p>
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
                view! { <A href=path>{AuthText::get().this_link}</A>" " }.into_any()
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
    let t = AuthText::get();
    move || {
        demo().map(|d| {
            let fill = d.clone();
            view! {
                <aside class="demo-hint" aria-label=t.demo_account>
                    <p>{demo_sentence(t.demo_try, &d.username, &d.password)}</p>
                    <button type="button" class="btn btn--secondary btn--small" on:click=move |_| {
                        username.set(fill.username.clone());
                        password.set(fill.password.clone());
                    }>{t.demo_fill}</button>
                </aside>
            }
        })
    }
}

/// "Try the demo: mobile {mobile}, password {password}." with the two values in bold.
fn demo_sentence(template: &str, mobile: &str, password: &str) -> Vec<AnyView> {
    pieces(template)
        .into_iter()
        .map(|p| match p {
            Piece::Text(text) => text.to_string().into_any(),
            Piece::Slot(slot) => {
                let value = if slot == "mobile" { mobile } else { password };
                view! { <strong class="mono">{value.to_string()}</strong> }.into_any()
            }
        })
        .collect()
}

/// Where the registration code goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ContactKind {
    Email,
    Mobile,
}

/// Registration in two steps on one page: the name and an email or mobile number (a code goes
/// there), then the code and a password. The second step signs the person in.
#[component]
pub fn Register() -> impl IntoView {
    let t = AuthText::get();
    use_title(t.create_account);
    let session = use_session();
    let query = use_query_map();
    let toasts = use_toasts();
    let core = LocalResource::new(api::ktti::core_config);
    let name = RwSignal::new(String::new());
    let kind = RwSignal::new(ContactKind::Email);
    let email = RwSignal::new(String::new());
    let mobile = RwSignal::new(String::new());
    let code = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let errors = RwSignal::new(FieldErrors::new());
    // Set once the code is sent: the page shows the second step.
    let started = RwSignal::new(None::<RegistrationStarted>);
    let sending = RwSignal::new(false);
    let creating = RwSignal::new(false);
    let contact_field = move || match kind.get_untracked() {
        ContactKind::Email => "field-email",
        ContactKind::Mobile => "field-mobile",
    };

    let on_start = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if sending.get_untracked() {
            return;
        }
        let by_mobile = kind.get_untracked() == ContactKind::Mobile;
        let typed = if by_mobile { mobile } else { email }.get_untracked();
        let req = StartRegistrationRequest {
            name: name.get_untracked(),
            email: (!by_mobile).then(|| typed.clone()),
            mobile: by_mobile.then(|| typed.clone()),
        };
        // The same validators the server runs, so most mistakes show without a round trip.
        let clean = match req.validate() {
            Ok((name, contact)) => {
                let (email, mobile) = match contact {
                    kitty_api::auth::Contact::Email(e) => (Some(e), None),
                    kitty_api::auth::Contact::Mobile(m) => (None, Some(m)),
                };
                StartRegistrationRequest {
                    name,
                    email,
                    mobile,
                }
            }
            Err(mut found) => {
                // The shared check asks for "an email or a mobile number"; this form shows one.
                if typed.trim().is_empty() {
                    found.remove("email");
                    found.insert(
                        if by_mobile { "mobile" } else { "email" }.into(),
                        if by_mobile {
                            t.mobile_missing
                        } else {
                            t.email_missing
                        }
                        .into(),
                    );
                }
                errors.set(found);
                return;
            }
        };
        errors.set(FieldErrors::new());
        write(
            sending,
            async move { api::ktti::start_registration(&clean).await },
            move |answer| match answer {
                Ok(s) => {
                    code.set(String::new());
                    started.set(Some(s));
                    focus_when_drawn("field-code");
                }
                Err(e) => show_error(&e, errors, toasts),
            },
        );
    };

    let on_finish = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(s) = started.get_untracked() else {
            return;
        };
        if creating.get_untracked() {
            return;
        }
        let typed_code: String = code
            .get_untracked()
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect();
        let mut found = FieldErrors::new();
        if typed_code.len() != 6 || !typed_code.bytes().all(|b| b.is_ascii_digit()) {
            found.insert("code".into(), t.code_invalid.into());
        }
        if let Err(m) = kitty_api::validate::password(&password.get_untracked()) {
            found.insert("password".into(), t.password_problem(m));
        }
        let no_errors = found.is_empty();
        errors.set(found);
        if !no_errors {
            return;
        }
        let req = FinishRegistrationRequest {
            registration_id: s.registration_id,
            code: typed_code,
            password: password.get_untracked(),
        };
        write(
            creating,
            async move {
                api::ktti::finish_registration(&req).await?;
                api::ktti::me().await
            },
            move |answer| match answer {
                // The session cookies are set: as after signing in, the frame takes the person
                // where they were headed.
                Ok(user) => session.signed_in(user),
                // The registration is gone (too many wrong codes, or expired): start again.
                Err(ApiError::NotFound(m)) => {
                    toasts.error(m);
                    started.set(None);
                    focus_when_drawn(contact_field());
                }
                Err(e) => show_error(&e, errors, toasts),
            },
        );
    };

    let change_contact = move |_| {
        started.set(None);
        code.set(String::new());
        errors.set(FieldErrors::new());
        focus_when_drawn(contact_field());
    };
    // The outbox link is for the sandbox only; before the configuration loads, the mode says.
    let sandbox = move || {
        core.get()
            .and_then(Result::ok)
            .map(|c| c.features.sandbox)
            .unwrap_or_else(|| session.is_sandbox())
    };
    let login_href = move || format!("/login{}", next_query(query.with(|q| q.get("next"))));
    let kind_option = move |value: ContactKind, word: &'static str, label: &'static str| {
        view! {
            <label class="chip">
                <input type="radio" name="contact-kind" value=word
                    prop:checked=move || kind.get() == value
                    on:change=move |_| {
                        kind.set(value);
                        errors.update(|e| { e.remove("email"); e.remove("mobile"); });
                    } />
                {label}
            </label>
        }
    };

    let step_one = move || {
        view! {
            <form class="form" on:submit=on_start novalidate data-testid="register-start">
                <TextField name="name" label=t.full_name value=name errors autocomplete="name" required=true />
                <fieldset class="choice">
                    <legend class="field__label">{t.where_code}</legend>
                    <div class="choice__options">
                        {kind_option(ContactKind::Email, "email", t.email)}
                        {kind_option(ContactKind::Mobile, "mobile", t.mobile)}
                    </div>
                </fieldset>
                {move || match kind.get() {
                    ContactKind::Email => view! {
                        <TextField name="email" label=t.your_email value=email errors kind="email"
                            autocomplete="email" hint=t.your_email_hint required=true />
                    }.into_any(),
                    ContactKind::Mobile => view! {
                        <TextField name="mobile" label=t.your_mobile value=mobile errors kind="tel" inputmode="tel"
                            autocomplete="tel" hint=t.your_mobile_hint required=true />
                    }.into_any(),
                }}
                <button class="btn btn--primary btn--block" type="submit" disabled=move || sending.get()
                    aria-busy=move || sending.get().then_some("true")>
                    {move || if sending.get() { t.sending_code } else { t.send_code }}
                </button>
            </form>
            <SocialSignIn core />
        }
    };

    let step_two = move |s: RegistrationStarted| {
        let outbox = format!("/outbox?to={}", js_sys::encode_uri_component(&s.to));
        view! {
            <form class="form" on:submit=on_finish novalidate data-testid="register-finish"
                aria-labelledby="register-code-heading" aria-describedby="register-code-sent">
                <h2 id="register-code-heading" class="auth-page__step">{t.enter_code}</h2>
                <p id="register-code-sent" data-testid="register-code-sent">
                    {code_sent(t.code_sent, &s.to, &s.expires_at)}
                </p>
                {move || sandbox().then(|| view! {
                    <p class="muted">
                        {t.sandbox_nothing_leaves}" "
                        <a href=outbox.clone() target="_blank" rel="noopener" data-testid="register-outbox-link">
                            {t.open_outbox_tab}<span class="visually-hidden">{t.new_tab}</span>
                        </a>
                        " "{t.to_read_code}
                    </p>
                })}
                <TextField name="code" label=t.code_label value=code errors inputmode="numeric"
                    autocomplete="one-time-code" required=true />
                <TextField name="password" label=t.password_label value=password errors kind="password"
                    autocomplete="new-password" hint=t.password_hint required=true />
                <button class="btn btn--primary btn--block" type="submit" disabled=move || creating.get()
                    aria-busy=move || creating.get().then_some("true")>
                    {move || if creating.get() { t.creating } else { t.create_account }}
                </button>
                <button class="btn btn--secondary btn--block" type="button" data-testid="register-change-contact"
                    disabled=move || creating.get() on:click=change_contact>
                    {t.different_contact}
                </button>
            </form>
        }
    };

    view! {
        <AuthFrame title=t.register_title>
            {move || match started.get() {
                None => step_one().into_any(),
                Some(s) => step_two(s).into_any(),
            }}
            <p class="auth-page__switch">{t.have_account}" " <A href=login_href>{t.sign_in}</A></p>
        </AuthFrame>
    }
}

/// "We sent a 6-digit code to {to}. It works until {time}." with the address in bold and the
/// time as a `<time>`.
fn code_sent(template: &str, to: &str, expires_at: &str) -> Vec<AnyView> {
    pieces(template)
        .into_iter()
        .map(|p| match p {
            Piece::Text(text) => text.to_string().into_any(),
            Piece::Slot("to") => view! { <strong>{to.to_string()}</strong> }.into_any(),
            Piece::Slot(_) => view! {
                <time datetime=expires_at.to_string() title=crate::fmt::datetime(expires_at)>
                    {crate::fmt::time(expires_at)}
                </time>
            }
            .into_any(),
        })
        .collect()
}

/// Where the identity provider sends the browser back (`/login/social#id_token=…&state=…`):
/// checks the return against the sign-in this tab started, then signs in with the ID token.
#[component]
pub fn SocialCallback() -> impl IntoView {
    let t = AuthText::get();
    use_title(t.social_title_working);
    let session = use_session();
    // Read once and removed: the token must not stay in the address or the history, and a state
    // works once.
    let fragment = social::parse_fragment(&social::take_fragment());
    let pending = social::take_pending();
    let outcome = social::judge(&fragment, pending.as_ref());
    let next = pending.map(|p| safe_next(Some(p.next)));
    let login_href = format!(
        "/login{}",
        next_query(next.clone().filter(|n| n.as_str() != "/"))
    );
    // What went wrong, and whether it is an error (a cancel is not).
    let failed = RwSignal::new(
        outcome
            .message()
            .map(|m| (m, outcome != social::Outcome::Cancelled)),
    );
    let working = RwSignal::new(false);
    if let social::Outcome::SignIn(req) = outcome {
        write(
            working,
            async move {
                api::ktti::social_login(&req).await?;
                api::ktti::me().await
            },
            move |answer| match answer {
                Ok(user) => {
                    // Still "signing in" until the frame has moved on.
                    working.set(true);
                    session.signed_in(user);
                }
                Err(e) => failed.set(Some((e.message(), true))),
            },
        );
    }
    let title = move || {
        if failed.with(Option::is_some) {
            t.social_title_failed
        } else {
            t.social_title_working
        }
    };
    view! {
        <AuthFrame title=title next=next.unwrap_or_else(|| "/".into())>
            {move || match failed.get() {
                Some((message, is_error)) => view! {
                    <div class="form" data-testid="social-failed">
                        <p class=if is_error { "form-alert" } else { "banner banner--info" } role="alert"
                            data-testid="social-message">{message}</p>
                        <A href=login_href.clone() attr:class="btn btn--primary btn--block">{t.back_to_sign_in}</A>
                    </div>
                }.into_any(),
                None => view! {
                    <div class="form" role="status" aria-busy="true" data-testid="social-working">
                        <p>{t.social_working}</p>
                        <Skeleton lines=2 />
                    </div>
                }.into_any(),
            }}
        </AuthFrame>
    }
}

/// The public bundle's root (`public.html`): the signed-out pages only, so that a first visit to
/// `/login` or `/register` loads as little as it can. Signing in hands over to the main bundle
/// (or whichever owns the page to go back to) with a page load.
#[component]
pub fn PublicApp() -> impl IntoView {
    use crate::bundles::{Bundle, Handover};
    use leptos_router::components::{Route, Router, Routes};
    use leptos_router::path;
    provide_context(Bundle::Public);
    crate::app::start_session();
    view! {
        <crate::components::toast::ToastHost>
            <Router>
                <Routes fallback=|| view! { <Handover current=Bundle::Public /> }>
                    <Route path=path!("/login") view=Login />
                    <Route path=path!("/login/social") view=SocialCallback />
                    <Route path=path!("/register") view=Register />
                    <Route path=path!("/forgot-password") view=ForgotPassword />
                    <Route path=path!("/reset-password") view=ResetPassword />
                    <Route path=path!("/outbox") view=Outbox />
                </Routes>
            </Router>
        </crate::components::toast::ToastHost>
    }
}
