//! Fiat Connect for the partner's developers: the API credentials with the webhook (shown once),
//! the webhook deliveries, and a Sign-In with Ethereum demo that signs with a throw-away key in
//! this browser and signs in to `/kotani/fiatconnect` the way a wallet does.

use super::developers::{absolute, Deliveries, Feed};
use super::PartnerGate;
use crate::api::kotani::Refusal;
use crate::api::{self, ApiError};
use crate::components::copy::CopyButton;
use crate::components::feedback::{on_done, use_title, Failure};
use crate::components::form::{FormAlert, SelectField, TextField};
use crate::i18n::rampchain::FiatConnectText;
use crate::i18n::shell::ShellText;
use crate::i18n::validate::UrlText;
use crate::i18n::{fill, pieces, Piece};
use crate::siwe::{SandboxKey, SiweFields};
use kitty_api::fiatconnect::{Credentials, SiweLoginRequest, SiweSession, CHAIN_IDS};
use kitty_api::FieldErrors;
use leptos::prelude::*;

#[component]
pub fn FiatConnect() -> impl IntoView {
    use_title("Fiat Connect");
    let t = FiatConnectText::get();
    view! {
        <div class="split">
            <section class="card" aria-labelledby="fc-credentials-heading">
                <h2 id="fc-credentials-heading">{t.credentials_heading}</h2>
                <p class="muted siwe__explain">
                    {pieces(t.reach).into_iter().map(|p| match p {
                        Piece::Text(text) => text.into_any(),
                        Piece::Slot("url") => view! { <code class="mono">{absolute("/fiatconnect")}</code> }.into_any(),
                        Piece::Slot(_) => view! { <code class="mono">"Authorization: Bearer …"</code> }.into_any(),
                    }).collect_view()}
                </p>
                <PartnerGate form=|_| view! { <CredentialsForm /> }.into_any() />
            </section>
            <SignInDemo />
        </div>
        <Deliveries feed=Feed::FiatConnect />
    }
}

#[component]
fn CredentialsForm() -> impl IntoView {
    let t = FiatConnectText::get();
    let webhook = RwSignal::new(String::new());
    let errors = RwSignal::new(FieldErrors::new());
    let alert = RwSignal::new(None::<String>);
    let issued = RwSignal::new(None::<Credentials>);
    let create = Action::new_local(|webhook: &String| {
        let webhook = webhook.clone();
        async move { api::kotani::fiatconnect_credentials(&webhook).await }
    });
    on_done(
        create,
        move |c: Credentials| {
            issued.set(Some(c));
        },
        Failure::Form(errors, alert),
    );
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        alert.set(None);
        let url = webhook.get_untracked().trim().to_string();
        match kitty_api::validate::http_url(&url) {
            Ok(url) => {
                errors.set(FieldErrors::new());
                create.dispatch(url);
            }
            Err(m) => errors.set(FieldErrors::from([(
                "webhook".to_string(),
                UrlText::say(m).unwrap_or(m).to_string(),
            )])),
        }
    };
    view! {
        <form class="form" on:submit=on_submit novalidate>
            <FormAlert message=alert.into() />
            <TextField name="webhook" label=t.webhook_address value=webhook errors kind="url" inputmode="url"
                hint=t.webhook_hint required=true />
            <button class="btn btn--primary" type="submit" disabled=move || create.pending().get()>
                {move || if create.pending().get() { t.creating } else { t.create }}
            </button>
            <p class="muted">{t.replaces}</p>
        </form>
        {move || issued.get().map(|c| view! { <CredentialsReveal c /> })}
    }
}

/// The API key and webhook secret just made, with the warning that they are shown this once.
#[component]
fn CredentialsReveal(c: Credentials) -> impl IntoView {
    let t = FiatConnectText::get();
    view! {
        <div class="key-reveal" role="status">
            <p><strong>{t.copy_now}</strong>{t.shown_once}</p>
            <p class="key-reveal__label">{t.api_key}</p>
            <div class="key-reveal__row">
                <code class="mono key-reveal__key">{c.api_key.clone()}</code>
                <CopyButton value=c.api_key label=t.copy done=t.copied what=t.api_key_what />
            </div>
            <p class="key-reveal__label">{t.webhook_secret}</p>
            <div class="key-reveal__row">
                <code class="mono key-reveal__key">{c.webhook_secret.clone()}</code>
                <CopyButton value=c.webhook_secret label=t.copy done=t.copied what=t.webhook_secret_what />
            </div>
            <p class="key-reveal__note">{fill(t.webhooks_note, &[("url", &c.webhook)])}</p>
        </div>
    }
}

/// A message as signed, kept to send again.
#[derive(Clone)]
struct Signed {
    message: String,
    signature: String,
}

/// How a sign-in went; when it worked, whether the session cookie then opened the wallet's
/// fiat accounts.
#[derive(Clone)]
enum Outcome {
    SignedIn {
        session: SiweSession,
        accounts: Result<usize, ApiError>,
    },
    Refused(Refusal),
}

/// Makes the message for `key` with the server's clock (so a fast or slow phone clock does not
/// spoil it), valid ten minutes, and signs it.
async fn sign_new(key: SandboxKey, chain_id: u64) -> Result<Signed, String> {
    let clock = api::kotani::fiatconnect_clock()
        .await
        .map_err(|e| e.to_string())?;
    let issued = js_sys::Date::new(&wasm_bindgen::JsValue::from_str(&clock.time));
    if issued.get_time().is_nan() {
        return Err(fill(
            FiatConnectText::get().clock_bad,
            &[("time", &clock.time)],
        ));
    }
    let expires = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(
        issued.get_time() + 10.0 * 60_000.0,
    ));
    let location = window().location();
    let fields = SiweFields {
        domain: location.host().unwrap_or_default(),
        address: key.address(),
        statement: "Sign in to Fiat Connect with a Kitty sandbox key.".into(),
        uri: absolute("/fiatconnect"),
        chain_id,
        nonce: crate::siwe::nonce()?,
        issued_at: String::from(issued.to_iso_string()),
        expiration_time: String::from(expires.to_iso_string()),
    };
    let message = fields.message();
    let signature = key.sign(&message)?;
    Ok(Signed { message, signature })
}

/// Sends a signed message and, once signed in, asks for the wallet's accounts with the cookie.
async fn send(signed: Signed) -> Outcome {
    let req = SiweLoginRequest {
        message: signed.message,
        signature: signed.signature,
    };
    match api::kotani::fiatconnect_login(&req).await {
        Ok(session) => Outcome::SignedIn {
            session,
            accounts: api::kotani::fiatconnect_accounts()
                .await
                .map(|by_type| by_type.values().map(Vec::len).sum()),
        },
        Err(refusal) => Outcome::Refused(refusal),
    }
}

#[component]
fn SignInDemo() -> impl IntoView {
    let key = RwSignal::new(None::<SandboxKey>);
    let key_error = RwSignal::new(None::<String>);
    let chain = RwSignal::new(CHAIN_IDS[1].to_string());
    let errors = RwSignal::new(FieldErrors::new());
    let signed = RwSignal::new(None::<Signed>);
    let outcome = RwSignal::new(None::<Outcome>);
    let sign_in = Action::new_local(move |(key, chain_id): &(SandboxKey, u64)| {
        let (key, chain_id) = (key.clone(), *chain_id);
        async move {
            let fresh = sign_new(key, chain_id).await?;
            signed.set(Some(fresh.clone()));
            Ok::<_, String>(send(fresh).await)
        }
    });
    let replay = Action::new_local(|s: &Signed| send(s.clone()));
    Effect::new(move || match sign_in.value().get() {
        Some(Ok(o)) => outcome.set(Some(o)),
        Some(Err(e)) => outcome.set(Some(Outcome::Refused(Refusal {
            status: 0,
            error: String::new(),
            message: e,
        }))),
        None => {}
    });
    Effect::new(move || {
        if let Some(o) = replay.value().get() {
            outcome.set(Some(o));
        }
    });
    let make_key = move |_| match SandboxKey::random() {
        Ok(k) => {
            key.set(Some(k));
            key_error.set(None);
            signed.set(None);
            outcome.set(None);
        }
        Err(e) => key_error.set(Some(e)),
    };
    let busy = move || sign_in.pending().get() || replay.pending().get();
    let t = FiatConnectText::get();
    let chains = Signal::derive(move || {
        vec![
            (CHAIN_IDS[1].to_string(), t.alfajores.to_string()),
            (CHAIN_IDS[0].to_string(), "Celo (42220)".to_string()),
        ]
    });
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if let (Some(k), Ok(c)) = (key.get_untracked(), chain.get_untracked().parse::<u64>()) {
            outcome.set(None);
            sign_in.dispatch((k, c));
        }
    };
    view! {
        <section class="card" aria-labelledby="siwe-heading">
            <h2 id="siwe-heading">{t.siwe_heading}</h2>
            <p class="muted siwe__explain">
                {pieces(t.siwe_explain).into_iter().map(|p| match p {
                    Piece::Text(text) => text.into_any(),
                    Piece::Slot(_) => view! { <code class="mono">"POST /kotani/fiatconnect/auth/login"</code> }.into_any(),
                }).collect_view()}
            </p>
            <button type="button" class="btn btn--secondary" on:click=make_key disabled=busy>
                {move || if key.with(Option::is_some) { t.make_another } else { t.make_key }}
            </button>
            {move || key_error.get().map(|e| view! { <p class="form-alert" role="alert">{e}</p> })}
            {move || key.get().map(|k| {
                let address = k.address();
                view! {
                    <p class="key-reveal__label">{t.its_address}</p>
                    <div class="key-reveal__row">
                        <code class="mono key-reveal__key">{address.clone()}</code>
                        <CopyButton value=address label=t.copy done=t.copied what=t.address_what />
                    </div>
                    <form class="form" on:submit=on_submit novalidate>
                        <SelectField name="chainId" label=t.chain value=chain errors options=chains scope="siwe" />
                        <button class="btn btn--primary" type="submit" disabled=busy>
                            {move || if sign_in.pending().get() { t.signing_in } else { t.sign_and_sign_in }}
                        </button>
                    </form>
                }
            })}
            {move || signed.get().map(|s| {
                let again = s.clone();
                view! {
                    <details class="siwe__signed">
                        <summary>{t.message_sig}</summary>
                        <pre class="code"><code>{s.message.clone()}</code></pre>
                        <p class="mono siwe__signature">{s.signature.clone()}</p>
                    </details>
                    <button type="button" class="btn btn--secondary btn--small" disabled=busy
                        on:click=move |_| { replay.dispatch(again.clone()); }>
                        {t.send_again}
                    </button>
                }
            })}
            <div role="status" aria-live="polite">
                {move || outcome.get().map(|o| view! { <OutcomeView o /> })}
            </div>
        </section>
    }
}

#[component]
fn OutcomeView(o: Outcome) -> impl IntoView {
    let t = FiatConnectText::get();
    match o {
        Outcome::SignedIn { session, accounts } => {
            let cookie = match accounts {
                Ok(0) => t.accounts_none.to_string(),
                Ok(n) => ShellText::count(n as i64, t.accounts_one, t.accounts_other),
                Err(e) => fill(t.accounts_failed, &[("error", &e.to_string())]),
            };
            view! {
                <div class="siwe__outcome">
                    <span class="status status--successful">{t.signed_in}</span>
                    <p>{fill(t.as_until, &[("address", &session.address), ("time", &crate::fmt::datetime(&session.expires_at))])}</p>
                    <p class="muted">{cookie}</p>
                </div>
            }
            .into_any()
        }
        Outcome::Refused(r) => {
            let what = if r.error.is_empty() {
                t.not_signed_in.to_string()
            } else {
                format!("{} {}", r.status, r.error)
            };
            view! {
                <div class="siwe__outcome">
                    <span class="status status--failed">{what}</span>
                    <p>{r.message}</p>
                </div>
            }
            .into_any()
        }
    }
}
