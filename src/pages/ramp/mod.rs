//! The ramp area (Kotani Pay): the partner's fiat wallet, M-Pesa deposits, payouts to phones,
//! banks, paybills and tills, quotes, history, the partner's credentials and, in sandbox mode, a
//! simulated M-Pesa phone. Also the custodial side: the partner's users and their stablecoin
//! wallets (cash-outs to M-Pesa, cUSD bought from the wallet), their verification, and UBI.

mod cashout;
pub mod decimal;
mod deposit;
mod developers;
mod fiatconnect;
mod handset;
mod history;
mod overview;
mod quotes;
mod send;
mod status;
mod ubi;
mod users;
mod verify;
mod wallets;

pub use deposit::Deposit;
pub use developers::Developers;
pub use fiatconnect::FiatConnect;
pub use handset::HandsetPage;
pub use history::{History, RampTransactionDetail};
pub use overview::Overview;
pub use quotes::Quotes;
pub use send::SendMoney;
pub use ubi::Ubi;
pub use verify::Verification;
pub use wallets::Wallets;

use crate::api::{self, ApiError};
use crate::components::feedback::Loaded;
use crate::i18n::fill;
use crate::i18n::ramp::RampFrameText;
use crate::i18n::shell::ShellText;
use kitty_api::ramp::{self, Country, PartnerProfile, RampStatus};
use kitty_api::{Currency, Money};
use leptos::prelude::*;
use leptos_router::components::{Outlet, A};
use std::sync::Arc;

/// An amount in minor units, formatted: `KES 1,250.00` (in Persian digits when chosen).
pub fn money(minor: i64, currency: Currency) -> String {
    crate::fmt::money(Money::new(minor, currency))
}

/// A whole amount of shillings or cedis as typed (`150`, or `150.00`), within M-Pesa's limits.
pub fn whole_units(text: &str) -> Result<i64, String> {
    let f = RampFrameText::get();
    let t = text.trim();
    if t.is_empty() {
        return Err(f.enter_amount.into());
    }
    let minor = amount_minor(t).map_err(|e| {
        if t.contains('.') {
            f.enter_whole.to_string()
        } else {
            e
        }
    })?;
    if minor % 100 != 0 {
        return Err(f.enter_whole.into());
    }
    Ok(minor / 100)
}

/// [`ramp::amount_minor`], with its message in this page's language.
pub fn amount_minor(text: &str) -> Result<i64, String> {
    ramp::amount_minor(text).map_err(|e| {
        let f = RampFrameText::get();
        // The contract has two messages: the amount's form, and M-Pesa's limits.
        if e == "Send between 1 and 250,000 at a time." {
            f.amount_range.to_string()
        } else {
            f.amount_like.to_string()
        }
    })
}

/// [`ramp::phone_number`], with its message in this page's language.
pub fn phone_number(input: &str, country: Country) -> Result<String, String> {
    ramp::phone_number(input, country).map_err(|_| {
        fill(
            RampFrameText::get().phone_invalid,
            &[("code", country.dial_code())],
        )
    })
}

/// What is wrong with a phone number typed so far: nothing while it may still be incomplete,
/// the contract's message once it is as long as a full number (or starts like a local one).
pub fn phone_problem(input: &str, country: Country) -> Option<String> {
    let digits = input.chars().filter(char::is_ascii_digit).count();
    let local = input.trim_start().starts_with('0');
    (local || digits >= 12)
        .then(|| phone_number(input, country).err())
        .flatten()
}

/// Sets or clears the message for `name`.
pub fn set_error(errors: RwSignal<kitty_api::FieldErrors>, name: &str, problem: Option<String>) {
    let same = errors.with_untracked(|e| e.get(name) == problem.as_ref());
    if same {
        return;
    }
    errors.update(|e| match problem {
        Some(p) => {
            e.insert(name.into(), p);
        }
        None => {
            e.remove(name);
        }
    });
}

/// `Some(text)` unless it is blank.
pub fn optional(text: String) -> Option<String> {
    let t = text.trim();
    (!t.is_empty()).then(|| t.to_string())
}

/// The partner's profile, loaded once for the whole area (the Developers page reloads it after
/// saving new credentials).
#[derive(Clone, Copy)]
pub struct RampCtx {
    pub partner: LocalResource<Result<PartnerProfile, ApiError>>,
}

impl RampCtx {
    pub fn profile(&self) -> Option<PartnerProfile> {
        self.partner.get().and_then(|r| r.ok())
    }

    /// The partner's country, once credentials are set.
    pub fn country(&self) -> Option<Country> {
        self.profile().and_then(|p| p.country_code)
    }

    /// The wallet's currency: the partner's, or KES until it is known.
    pub fn currency(&self) -> Currency {
        self.country()
            .map(Country::currency)
            .unwrap_or(Currency::KES)
    }
}

pub fn use_ramp() -> RampCtx {
    expect_context::<RampCtx>()
}

/// The ramp area's frame: its heading and a row of tabs over the page.
#[component]
pub fn RampLayout() -> impl IntoView {
    let f = RampFrameText::get();
    let tabs: [(&'static str, &'static str); 9] = [
        ("/ramp", f.overview),
        ("/ramp/deposit", f.deposit),
        ("/ramp/send", f.send),
        ("/ramp/wallets", f.wallets),
        ("/ramp/verify", f.verification),
        ("/ramp/ubi", "UBI"),
        ("/ramp/quotes", f.quotes),
        ("/ramp/history", f.history),
        ("/ramp/developers", f.developers),
    ];
    provide_context(RampCtx {
        partner: LocalResource::new(api::kotani::partner),
    });
    let ramp = ShellText::get().ramp;
    view! {
        <div class="page">
            <header class="page__header"><h1>{ramp}</h1></header>
            <nav class="tabs tabs--wrap" aria-label=ramp>
                {tabs.into_iter().map(|(href, label)| view! {
                    <A href=href exact=href == "/ramp" attr:class="tabs__tab"
                        attr:rel=crate::bundles::rel_for(href)>{label}</A>
                }).collect_view()}
            </nav>
            <Outlet />
        </div>
    }
}

/// The partner has no client-login credentials yet: nothing moves until it has.
#[component]
pub fn NeedsPartner() -> impl IntoView {
    let f = RampFrameText::get();
    view! {
        <section class="card card--callout" aria-labelledby="partner-needed-heading">
            <h2 id="partner-needed-heading">{f.partner_needed_title}</h2>
            <p>{f.partner_needed_body}</p>
            <A href="/ramp/developers" attr:class="btn btn--primary"
                attr:rel=crate::bundles::rel_for("/ramp/developers")>{f.set_partner}</A>
        </section>
    }
}

/// Shows `form` with the partner's country once the partner has credentials, and
/// [`NeedsPartner`] until then.
#[component]
pub fn PartnerGate<F>(form: F) -> impl IntoView
where
    F: Fn(Country) -> AnyView + Send + Sync + 'static,
{
    let ctx = use_ramp();
    let form = Arc::new(form);
    let retry = Callback::new(move |_| ctx.partner.refetch());
    view! {
        <Loaded lines=4 retry view=move || {
            let form = form.clone();
            async move {
                ctx.partner.await.map(|p| match (p.phone_number, p.country_code) {
                    (Some(_), Some(country)) => form(country),
                    _ => view! { <NeedsPartner /> }.into_any(),
                })
            }
        } />
    }
}

#[component]
pub fn RampStatusBadge(status: RampStatus) -> impl IntoView {
    view! { <span class=format!("status status--{}", status.as_str())>{RampFrameText::get().status(status)}</span> }
}

/// `m:ss` of a number of seconds (in Persian digits when chosen).
pub fn clock(seconds: i64) -> String {
    let s = seconds.max(0);
    crate::i18n::digits(&format!("{}:{:02}", s / 60, s % 60))
}

/// Milliseconds since the epoch, by the browser's clock.
pub fn now_ms() -> i64 {
    js_sys::Date::now() as i64
}

/// A clock that ticks every second while the component lives, for countdowns.
pub fn ticking_now() -> ReadSignal<i64> {
    let (now, set_now) = signal(now_ms());
    if let Ok(h) = set_interval_with_handle(
        move || set_now.set(now_ms()),
        std::time::Duration::from_secs(1),
    ) {
        on_cleanup(move || h.clear());
    }
    now
}

/// Where the money came from (a deposit) or went (a payout), in a few words.
pub fn counterparty(t: &kitty_api::ramp::RampTransaction) -> String {
    use kitty_api::ramp::RampKind;
    let f = RampFrameText::get();
    let or_dash = |s: &Option<String>| s.clone().unwrap_or_else(|| "—".into());
    match t.kind {
        RampKind::Deposit
        | RampKind::MobileWithdrawal
        | RampKind::CryptoCashout
        | RampKind::CryptoPurchase
        | RampKind::CryptoCashin => or_dash(&t.phone_number),
        RampKind::BankWithdrawal => {
            let bank = t
                .bank_name
                .clone()
                .or_else(|| {
                    t.service_provider_id
                        .as_deref()
                        .and_then(ramp::bank_name)
                        .map(str::to_string)
                })
                .unwrap_or_else(|| f.bank.into());
            format!(
                "{bank} · {} ({})",
                or_dash(&t.account_number),
                or_dash(&t.account_name)
            )
        }
        RampKind::Paybill => fill(
            f.paybill_to,
            &[
                ("number", &or_dash(&t.merchant_number)),
                ("account", &or_dash(&t.account_number)),
            ],
        ),
        RampKind::Till => fill(f.till_to, &[("till", &or_dash(&t.merchant_till))]),
    }
}

/// One transaction in a list, linking to its page.
#[component]
pub fn RampRow(t: kitty_api::ramp::RampTransaction) -> impl IntoView {
    let title = money(t.amount, t.currency);
    // Each part isolated (`bdi`), so a Latin name beside a Persian date keeps its order.
    let meta = view! {
        <bdi>{RampFrameText::get().kind(t.kind)}</bdi>" · "
        <bdi>{counterparty(&t)}</bdi>" · "
        <bdi>{crate::fmt::datetime(&t.created_at)}</bdi>
    };
    view! {
        <li class="row">
            <A href=format!("/ramp/transactions/{}", api::enc(&t.request_id)) attr:class="row__main">
                <span class="row__title">{title}</span>
                <span class="row__meta">{meta}</span>
            </A>
            <RampStatusBadge status=t.status />
        </li>
    }
}

/// "Amount (KES)".
pub fn amount_label(country: Country) -> &'static str {
    let f = RampFrameText::get();
    match country {
        Country::KEN => f.amount_kes,
        Country::GH => f.amount_ghs,
    }
}

/// How a phone number is written in the partner's country.
pub fn phone_hint(country: Country) -> &'static str {
    let f = RampFrameText::get();
    match country {
        Country::KEN => f.phone_hint_ke,
        Country::GH => f.phone_hint_gh,
    }
}

/// The message for a callback address that is not http(s), if it is not.
pub fn callback_problem(callback: &Option<String>) -> Option<String> {
    callback
        .as_deref()
        .filter(|c| !(c.starts_with("https://") || c.starts_with("http://")))
        .map(|_| RampFrameText::get().callback_invalid.to_string())
}

/// The Ramp bundle's root (`src/bin/ramp.rs`): the same session and shell as the main bundle,
/// with only the Ramp's pages; any other page is handed to its own bundle.
#[component]
pub fn RampApp() -> impl IntoView {
    crate::bundles::area_app!(crate::bundles::Bundle::Ramp,
        <ParentRoute path=path!("ramp") view=RampLayout>
            <Route path=path!("") view=Overview />
            <Route path=path!("deposit") view=Deposit />
            <Route path=path!("send") view=SendMoney />
            <Route path=path!("quotes") view=Quotes />
            <Route path=path!("history") view=History />
            <Route path=path!("transactions/:id") view=RampTransactionDetail />
            <Route path=path!("handset/:phone") view=HandsetPage />
        </ParentRoute>
    )
}

/// The Ramp's on-chain pages' bundle root (`src/bin/rampchain.rs`): the Ramp's frame with the
/// wallets and cash-outs, verification and UBI pages, which kept the Ramp bundle under its
/// 400 KB budget once they moved out; the Ramp's other pages are handed to the Ramp bundle.
#[component]
pub fn RampChainApp() -> impl IntoView {
    crate::bundles::area_app!(crate::bundles::Bundle::RampChain,
        <ParentRoute path=path!("ramp") view=RampLayout>
            <Route path=path!("wallets") view=Wallets />
            <Route path=path!("verify") view=Verification />
            <Route path=path!("ubi") view=Ubi />
        </ParentRoute>
    )
}

/// The developer pages' frame inside the Ramp's: two tabs, the Kotani API and Fiat Connect.
#[component]
fn DevelopersLayout() -> impl IntoView {
    view! {
        <nav class="tabs tabs--sub" aria-label=RampFrameText::get().developers>
            <A href="/ramp/developers" exact=true attr:class="tabs__tab">"Kotani API"</A>
            <A href="/ramp/developers/fiatconnect" attr:class="tabs__tab">"Fiat Connect"</A>
        </nav>
        <Outlet />
    }
}

/// The Ramp developer pages' bundle root (`src/bin/developers.rs`): the Ramp's frame with only
/// the developer pages, which carry the sign-in demo's secp256k1 signer; the Ramp's other pages
/// are handed to the Ramp bundle.
#[component]
pub fn DevelopersApp() -> impl IntoView {
    crate::bundles::area_app!(crate::bundles::Bundle::Developers,
        <ParentRoute path=path!("ramp") view=RampLayout>
            <ParentRoute path=path!("developers") view=DevelopersLayout>
                <Route path=path!("") view=Developers />
                <Route path=path!("fiatconnect") view=FiatConnect />
            </ParentRoute>
        </ParentRoute>
    )
}
