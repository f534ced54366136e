//! For the partner's developers: the client-login credentials of the API, the KiotaPay company
//! id, and the callback deliveries with a way to send one again.

use super::{phone_problem, set_error, use_ramp};
use crate::api::{self, ApiError, Provider};
use crate::components::copy::CopyButton;
use crate::components::feedback::{
    on_done, use_title, EmptyState, ErrorPanel, Failure, Loaded, Skeleton,
};
use crate::components::form::{FormAlert, SelectField, TextField};
use crate::components::toast::use_toasts;
use crate::fmt;
use crate::i18n::deliveries::DeliveryText;
use crate::i18n::rampchain::DevelopersText;
use crate::i18n::shell::ShellText;
use crate::i18n::{digits, fill, pieces, Piece};
use kitty_api::ramp::{self, Country, Delivery, SetPartnerRequest};
use kitty_api::FieldErrors;
use leptos::prelude::*;

#[component]
pub fn Developers() -> impl IntoView {
    let t = DevelopersText::get();
    use_title(t.title);
    view! {
        <div class="split">
            <Credentials />
            <section class="card" aria-labelledby="company-heading">
                <h2 id="company-heading">{t.company_heading}</h2>
                <p class="muted">{t.company_note}</p>
                <CompanyId />
            </section>
        </div>
        <Deliveries />
    }
}

/// An address of the Kotani API as a client outside the browser writes it.
pub(super) fn absolute(path: &str) -> String {
    let url = api::url(Provider::Kotani, path);
    if url.starts_with('/') {
        format!("{}{url}", window().location().origin().unwrap_or_default())
    } else {
        url
    }
}

#[component]
fn Credentials() -> impl IntoView {
    let ctx = use_ramp();
    let toasts = use_toasts();
    let t = DevelopersText::get();
    let phone = RwSignal::new(String::new());
    let country = RwSignal::new(Country::KEN.as_str().to_string());
    let password = RwSignal::new(String::new());
    let errors = RwSignal::new(FieldErrors::new());
    let alert = RwSignal::new(None::<String>);
    // Start from what is set.
    Effect::new(move || {
        if let Some(p) = ctx.profile() {
            if let Some(n) = p.phone_number {
                phone.set(n);
            }
            if let Some(c) = p.country_code {
                country.set(c.as_str().to_string());
            }
        }
    });
    Effect::new(move || {
        let problem = Country::parse(&country.get()).and_then(|c| phone_problem(&phone.get(), c));
        set_error(errors, "phoneNumber", problem);
    });
    let save = Action::new_local(|req: &SetPartnerRequest| {
        let req = req.clone();
        async move { api::kotani::set_partner(&req).await }
    });
    on_done(
        save,
        move |_| {
            toasts.success(t.saved);
            password.set(String::new());
            ctx.partner.refetch();
        },
        Failure::Form(errors, alert),
    );
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        alert.set(None);
        let mut found = FieldErrors::new();
        let country_code = country.get_untracked();
        let phone_number = match Country::parse(&country_code) {
            Some(c) => super::phone_number(&phone.get_untracked(), c).unwrap_or_else(|e| {
                found.insert("phoneNumber".into(), e);
                String::new()
            }),
            None => {
                found.insert("countryCode".into(), t.choose_country.into());
                String::new()
            }
        };
        let pass = password.get_untracked();
        if !(6..=128).contains(&pass.chars().count()) {
            found.insert("password".into(), digits(t.password_len));
        }
        if found.is_empty() {
            errors.set(FieldErrors::new());
            save.dispatch(SetPartnerRequest {
                phone_number,
                country_code,
                password: pass,
            });
        } else {
            errors.set(found);
        }
    };
    let countries = Signal::derive(move || {
        Country::ALL
            .iter()
            .map(|c| {
                (
                    c.as_str().to_string(),
                    format!("{} ({})", t.country_name(*c), c.as_str()),
                )
            })
            .collect()
    });
    let login_url = absolute("/api/v2/auth/login");
    let sample = format!(
        "curl -X POST {login_url} \\\n  -H 'Content-Type: application/json' \\\n  -d '{{\"phoneNumber\": \"254712345678\", \"countryCode\": \"KEN\", \"password\": \"YOUR_PASSWORD\"}}'"
    );
    view! {
        <section class="card" aria-labelledby="partner-heading">
            <h2 id="partner-heading">{t.partner_heading}</h2>
            {move || match ctx.partner.get() {
                None => view! { <Skeleton lines=2 /> }.into_any(),
                Some(Err(e)) => view! { <ErrorPanel error=e retry=Callback::new(move |_| ctx.partner.refetch()) /> }.into_any(),
                Some(Ok(p)) => match (p.phone_number, p.country_code) {
                    (Some(n), Some(c)) => view! {
                        <dl class="details">
                            <dt>{t.phone_number}</dt><dd class="mono">{n}</dd>
                            <dt>{t.country}</dt><dd>{format!("{} ({})", t.country_name(c), c.as_str())}</dd>
                            <dt>{t.currency}</dt><dd>{c.currency().code()}</dd>
                        </dl>
                    }.into_any(),
                    _ => view! { <p class="form-alert form-alert--info">{t.not_set}</p> }.into_any(),
                },
            }}
            <p class="muted ramp-explain">
                {pieces(t.with_these).into_iter().map(|p| match p {
                    Piece::Text(text) => text.into_any(),
                    Piece::Slot("login") => view! { <code class="mono">"POST /kotani/api/v2/auth/login"</code> }.into_any(),
                    Piece::Slot(_) => view! { <code class="mono">"Authorization: Bearer …"</code> }.into_any(),
                }).collect_view()}
            </p>
            <pre class="code" tabindex="0" role="region" aria-label=t.login_example><code>{sample.clone()}</code></pre>
            <CopyButton value=sample label=t.copy done=t.copied what=t.login_example />
            <form class="form form--inline" on:submit=on_submit novalidate>
                <FormAlert message=alert.into() />
                <SelectField name="countryCode" label=t.country value=country errors options=countries />
                <TextField name="phoneNumber" label=t.phone_number value=phone errors kind="tel" inputmode="tel"
                    autocomplete="tel" hint=t.phone_hint required=true />
                <TextField name="password" label=t.password value=password errors kind="password"
                    autocomplete="new-password" hint=t.password_hint required=true />
                <button class="btn btn--primary" type="submit" disabled=move || save.pending().get()>
                    {move || if save.pending().get() { t.saving } else { t.save_credentials }}
                </button>
            </form>
        </section>
    }
}

#[component]
fn CompanyId() -> impl IntoView {
    let ctx = use_ramp();
    let t = DevelopersText::get();
    move || match ctx.partner.get() {
        None => view! { <Skeleton lines=1 /> }.into_any(),
        Some(Err(e)) => view! { <ErrorPanel error=e /> }.into_any(),
        Some(Ok(p)) => view! {
            <div class="key-reveal__row">
                <code class="mono key-reveal__key">{p.company_id.clone()}</code>
                <CopyButton value=p.company_id label=t.copy done=t.copied what=t.company_id_what />
            </div>
        }
        .into_any(),
    }
}

/// The deliveries a partner can see and send again: the ramp's callbacks, or Fiat Connect's
/// webhooks.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Feed {
    Callbacks,
    FiatConnect,
}

impl Feed {
    async fn list(self) -> Result<ramp::DeliveryList, ApiError> {
        match self {
            Feed::Callbacks => api::kotani::callbacks().await,
            Feed::FiatConnect => api::kotani::fiatconnect_webhooks().await,
        }
    }

    async fn resend(self, id: String) -> Result<Delivery, ApiError> {
        match self {
            Feed::Callbacks => api::kotani::resend_callback(&id).await,
            Feed::FiatConnect => api::kotani::resend_fiatconnect_webhook(&id).await,
        }
    }

    /// The heading, what the list is, and what its empty state says.
    fn words(self) -> (&'static str, &'static str, &'static str, &'static str) {
        let t = DevelopersText::get();
        let dt = DeliveryText::get();
        match self {
            Feed::Callbacks => (
                t.callbacks_heading,
                t.callbacks_about,
                t.callbacks_empty,
                t.callbacks_empty_text,
            ),
            Feed::FiatConnect => (
                dt.webhook_deliveries,
                t.webhooks_about,
                dt.no_webhooks,
                t.webhooks_empty_text,
            ),
        }
    }
}

#[component]
pub fn Deliveries(#[prop(default = Feed::Callbacks)] feed: Feed) -> impl IntoView {
    let toasts = use_toasts();
    let t = DevelopersText::get();
    let dt = DeliveryText::get();
    let list = LocalResource::new(move || feed.list());
    let resend = Action::new_local(move |id: &String| feed.resend(id.clone()));
    on_done(
        resend,
        move |d: Delivery| {
            if d.delivered {
                toasts.success(fill(t.delivered_to, &[("url", &d.url)]));
            } else {
                toasts.error(fill(t.still_not, &[("url", &d.url), ("why", &failure(&d))]));
            }
            list.refetch();
        },
        Failure::Toast,
    );
    let retry = Callback::new(move |_| list.refetch());
    let (heading, about, empty_title, empty_text) = feed.words();
    view! {
        <section class="section" aria-labelledby="deliveries-heading">
            <div class="section__header">
                <h2 id="deliveries-heading">{heading}</h2>
                <button type="button" class="btn btn--secondary btn--small" on:click=move |_| list.refetch()>{dt.refresh}</button>
            </div>
            <p class="muted">{about}</p>
            <Loaded lines=4 retry view=move || async move {
                list.await.map(|l| if l.deliveries.is_empty() {
                    view! {
                        <EmptyState title=empty_title>
                            <p>{empty_text}</p>
                        </EmptyState>
                    }.into_any()
                } else {
                    view! {
                        <ul class="rows rows--card">
                            {l.deliveries.into_iter().map(|d| view! { <DeliveryRow d resend /> }).collect_view()}
                        </ul>
                    }.into_any()
                })
            } />
        </section>
    }
}

/// Why a delivery has not arrived, as far as known.
fn failure(d: &Delivery) -> String {
    let t = DeliveryText::get();
    match (&d.last_error, d.last_status) {
        (Some(e), _) => e.clone(),
        (None, Some(s)) => fill(t.answered_http, &[("status", &digits(&s.to_string()))]),
        (None, None) => t.not_tried.into(),
    }
}

#[component]
fn DeliveryRow(d: Delivery, resend: Action<String, Result<Delivery, ApiError>>) -> impl IntoView {
    let id = d.id.clone();
    let t = DevelopersText::get();
    let dt = DeliveryText::get();
    let outcome = if d.delivered {
        match d.last_status {
            Some(s) => fill(dt.delivered_http, &[("status", &digits(&s.to_string()))]),
            None => dt.delivered.into(),
        }
    } else {
        fill(dt.not_delivered_why, &[("why", &failure(&d))])
    };
    let next = d
        .next_attempt_at
        .as_deref()
        .filter(|_| !d.delivered)
        .map(|at| fill(t.next_try, &[("time", &fmt::datetime(at))]));
    let attempts = ShellText::count(d.attempts, dt.attempts_one, dt.attempts_other);
    view! {
        <li class="row row--wrap ramp-delivery">
            <div class="row__main">
                <span class="row__title mono ramp-delivery__url">{d.url.clone()}</span>
                <span class="row__meta">{format!("{} · {attempts} · {}", d.event, fmt::datetime(&d.created_at))}</span>
                <span class="row__meta">{outcome}{next.map(|n| format!(" · {n}"))}</span>
                <details class="ramp-delivery__payload">
                    <summary>{dt.payload}</summary>
                    <pre class="code" tabindex="0" role="region" aria-label=dt.payload><code>{d.payload.clone()}</code></pre>
                </details>
            </div>
            <span class=if d.delivered { "status status--successful" } else { "status status--failed" }>
                {if d.delivered { dt.delivered } else { dt.not_delivered }}
            </span>
            <button type="button" class="btn btn--secondary btn--small" disabled=move || resend.pending().get()
                on:click=move |_| { resend.dispatch(id.clone()); }>
                {dt.resend}<span class="visually-hidden">{fill(t.resend_what, &[("event", &d.event), ("url", &d.url)])}</span>
            </button>
        </li>
    }
}
