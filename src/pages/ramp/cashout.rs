//! Moving a user's stablecoins: a cash-out to M-Pesa (the coins go to the escrow, then M-Pesa
//! pays a phone, followed live), cUSD bought with the partner's wallet, and USDT on TRON bought
//! by M-Pesa. Every fiat figure shown before sending is worked out exactly from today's escrow
//! rate ([`super::decimal`]).

use super::decimal::{self, Rounding};
use super::status::LiveStatus;
use super::users::{coins, fiat_text, rate_of, rate_text, symbol};
use super::wallets::{balance_now, balance_on, ChainBalances};
use super::{money, phone_hint, phone_problem, set_error, whole_units};
use crate::api::{self, kotani::CASHOUT_CHAINS, ApiError};
use crate::components::copy::CopyButton;
use crate::components::feedback::{on_done, Failure};
use crate::components::form::{FormAlert, TextField};
use crate::i18n::money::CoinAmountText;
use crate::i18n::rampchain::{CashoutText, ChainText};
use crate::i18n::{fill, pieces, Piece};
use crate::session::use_session;
use kitty_api::crypto::{self, stablecoin_of, Network};
use kitty_api::onchain::{
    BuyCusdRequest, CashoutDetails, ChainMovement, EscrowRates, TronCashinRequest,
    TronCashinResponse,
};
use kitty_api::ramp::{Country, MAX_AMOUNT, MIN_AMOUNT};
use kitty_api::{Currency, FieldErrors};
use leptos::prelude::*;

/// Today's escrow rates, loaded once for the wallet.
pub type Rates = LocalResource<Result<EscrowRates, ApiError>>;

/// The decimals cUSD is counted in.
const CUSD_DECIMALS: u32 = 18;

/// One sentence on today's rate for `symbol`, and what `amount` (if valid) comes to.
fn rate_sentence(
    rates: Option<Result<EscrowRates, ApiError>>,
    symbol: &str,
    fiat: Currency,
    figure: impl Fn(&str) -> Option<String>,
) -> String {
    let t = CashoutText::get();
    match rates {
        None => t.loading_rate.into(),
        Some(Err(e)) => fill(t.rate_failed, &[("error", &e.message())]),
        Some(Ok(r)) => match rate_of(&r, symbol, fiat) {
            None => fill(t.no_rate, &[("symbol", symbol), ("currency", fiat.code())]),
            Some(rate) => {
                let line = rate_text(&rate, symbol, fiat.code());
                match figure(&rate) {
                    Some(f) => fill(t.rate_today_so, &[("rate", &line), ("figure", &f)]),
                    None => fill(t.rate_today, &[("rate", &line)]),
                }
            }
        },
    }
}

/// A button to load the rates again, while they failed to load.
fn rates_retry(rates: Rates) -> impl IntoView {
    move || {
        matches!(rates.get(), Some(Err(_))).then(|| {
            view! {
                <button type="button" class="btn btn--secondary btn--small" on:click=move |_| rates.refetch()>
                    {CashoutText::get().load_again}
                </button>
            }
        })
    }
}

/// A message of `kitty_api::crypto::amount` (for "the amount") in this language.
fn amount_problem(english: String) -> String {
    CoinAmountText::say(&english).unwrap_or(english)
}

/// Moves the focus to a heading once it is on the page (it replaced what had the focus).
fn focus_on_mount(heading: NodeRef<leptos::html::H2>) {
    Effect::new(move || {
        if let Some(h) = heading.get() {
            let _ = h.focus();
        }
    });
}

/// A cash-out the person has reviewed, with the figures they were shown.
#[derive(Debug, Clone, PartialEq, Eq)]
struct CashoutPlan {
    user_phone: String,
    chain: Network,
    /// The coins, a checked decimal string.
    amount: String,
    /// The M-Pesa number paid.
    receiver: String,
    rate: String,
    /// What the payout comes to at `rate`, in minor units of the partner's currency.
    pays: i64,
    /// The escrow transfer already made for this cash-out, when only the payout is tried again.
    escrow_tx: Option<String>,
}

/// Which request a cash-out is waiting for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Step {
    Escrow,
    Payout,
}

type CashAction = Action<CashoutPlan, Result<CashoutDetails, ApiError>>;

/// "Cash out to M-Pesa": chain, coins and the phone to pay; then the rate and the payout to
/// confirm; then the coins go to the escrow, the chain's cash-out starts the payout, and its
/// status is followed until it succeeds or fails.
#[component]
pub fn CashOut(
    /// The user whose coins these are.
    phone: String,
    country: Country,
    rates: Rates,
    balances: ChainBalances,
    /// Runs when coins have moved (balances load again).
    moved: Callback<()>,
) -> impl IntoView {
    let session = use_session();
    let fiat = country.currency();
    let user_phone = StoredValue::new(phone.clone());
    let chain = RwSignal::new(Network::Celo);
    let amount = RwSignal::new(String::new());
    let receiver = RwSignal::new(phone);
    let errors = RwSignal::new(FieldErrors::new());
    let alert = RwSignal::new(None::<String>);
    let review = RwSignal::new(None::<CashoutPlan>);
    // The coins already in the escrow for the cash-out under way, if its payout has not started.
    let escrowed = RwSignal::new(None::<ChainMovement>);
    let step = RwSignal::new(Step::Escrow);
    let done = RwSignal::new(None::<CashoutDetails>);
    Effect::new(move || {
        set_error(
            errors,
            "phoneNumber",
            phone_problem(&receiver.get(), country),
        )
    });

    let cash: CashAction = Action::new_local(move |plan: &CashoutPlan| {
        let plan = plan.clone();
        async move {
            let tx_hash = match plan.escrow_tx {
                Some(hash) => hash,
                None => {
                    step.try_set(Step::Escrow);
                    let sent =
                        api::kotani::send_to_escrow(&plan.user_phone, plan.chain, &plan.amount)
                            .await?;
                    let hash = sent.tx_hash.clone();
                    escrowed.try_set(Some(sent));
                    hash
                }
            };
            step.try_set(Step::Payout);
            api::kotani::cash_out(plan.chain, country, &plan.receiver, &tx_hash).await
        }
    });
    on_done(
        cash,
        move |d: CashoutDetails| {
            escrowed.set(None);
            review.set(None);
            done.set(Some(d));
            moved.run(());
        },
        Failure::Form(errors, alert),
    );
    // A refusal before any coins moved goes back to the form, where its messages are. Once the
    // coins are in the escrow, only the payout is asked for again.
    Effect::new(move || {
        if matches!(cash.value().get(), Some(Err(_))) {
            match escrowed.get_untracked() {
                None => review.set(None),
                Some(m) => review.update(|r| {
                    if let Some(r) = r {
                        r.escrow_tx = Some(m.tx_hash);
                    }
                }),
            }
        }
    });
    // Coins left the wallet: its balances change.
    Effect::new(move || {
        if escrowed.with(Option::is_some) {
            moved.run(());
        }
    });

    let t = CashoutText::get();
    let held = move || {
        let c = chain.get();
        balance_on(&balances, c).map(|b| fill(t.holds, &[("amount", &coins(&b, symbol(c)))]))
    };
    let preview = move || {
        let asset = stablecoin_of(chain.get())?;
        let typed = amount.get();
        Some(rate_sentence(rates.get(), asset.symbol, fiat, |rate| {
            let a = crypto::amount(&typed, asset.decimals, "the amount").ok()?;
            let cents = decimal::times_in_cents(&a, rate, Rounding::Down)?;
            Some(fill(
                t.pays_figure,
                &[
                    ("coins", &coins(&a, asset.symbol)),
                    ("money", &money(cents, fiat)),
                ],
            ))
        }))
    };

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        alert.set(None);
        let chain = chain.get_untracked();
        let Some(asset) = stablecoin_of(chain) else {
            return;
        };
        let mut found = FieldErrors::new();
        let checked = crypto::amount(&amount.get_untracked(), asset.decimals, "the amount")
            .map_err(|e| found.insert("amount".into(), amount_problem(e)))
            .ok();
        if let (Some(a), Some(held)) = (checked.as_deref(), balance_now(&balances, chain)) {
            if decimal::at_most(a, &held) == Some(false) {
                found.insert(
                    "amount".into(),
                    fill(t.holds_at_most, &[("amount", &coins(&held, asset.symbol))]),
                );
            }
        }
        let number = super::phone_number(&receiver.get_untracked(), country)
            .map_err(|e| found.insert("phoneNumber".into(), e))
            .ok();
        let (Some(a), Some(number), true) = (checked, number, found.is_empty()) else {
            return errors.set(found);
        };
        let rate = rates
            .get_untracked()
            .and_then(|r| r.ok())
            .and_then(|r| rate_of(&r, asset.symbol, fiat));
        let Some(rate) = rate else {
            alert.set(Some(fill(t.rate_not_loaded, &[("symbol", asset.symbol)])));
            return;
        };
        let pays = decimal::times_in_cents(&a, &rate, Rounding::Down);
        let problem = match pays {
            None => Some(t.smaller.to_string()),
            Some(c) if c < MIN_AMOUNT * 100 => Some(fill(
                t.pays_less,
                &[("min", &money(MIN_AMOUNT * 100, fiat))],
            )),
            Some(c) if c > MAX_AMOUNT * 100 => Some(fill(
                t.pays_more,
                &[("max", &money(MAX_AMOUNT * 100, fiat))],
            )),
            Some(_) => None,
        };
        if let Some(p) = problem {
            found.insert("amount".into(), p);
            return errors.set(found);
        }
        errors.set(FieldErrors::new());
        review.set(Some(CashoutPlan {
            user_phone: user_phone.get_value(),
            chain,
            amount: a,
            receiver: number,
            rate,
            pays: pays.unwrap_or_default(),
            escrow_tx: None,
        }));
    };
    let on_change = Callback::new(move |_| {
        if let Some(m) = escrowed.get_untracked() {
            alert.set(Some(fill(
                t.stayed,
                &[("coins", &coins(&m.amount, &m.token)), ("tx", &m.tx_hash)],
            )));
            escrowed.set(None);
        } else {
            alert.set(None);
        }
        review.set(None);
    });

    let form = move || {
        view! {
            <section class="card card--form" aria-labelledby="cashout-heading">
                <h2 id="cashout-heading">{t.heading}</h2>
                <p class="muted">{t.intro}</p>
                <Show when=move || session.is_sandbox()>
                    <p class="demo-hint">{t.sandbox}</p>
                </Show>
                <form class="form" on:submit=on_submit novalidate>
                    <FormAlert message=alert.into() />
                    <fieldset class="choice ramp-choice">
                        <legend class="field__label">{t.coins_to_cash_out}</legend>
                        <div class="ramp-choice__options">
                            {CASHOUT_CHAINS.iter().map(|c| {
                                let c = *c;
                                view! {
                                    <label class="chip">
                                        <input type="radio" name="cashoutChain" value=c.as_str()
                                            prop:checked=move || chain.get() == c
                                            on:change=move |_| {
                                                chain.set(c);
                                                errors.update(|e| { e.remove("amount"); });
                                            } />
                                        {fill(t.on_chain, &[("symbol", symbol(c)), ("chain", c.label())])}
                                    </label>
                                }
                            }).collect_view()}
                        </div>
                    </fieldset>
                    <TextField scope="cashout" name="amount" label=t.amount_of_coins value=amount errors
                        inputmode="decimal" autocomplete="off" hint=t.like_amount required=true />
                    <p class="field__hint ramp-held" aria-live="polite">{held}</p>
                    <TextField scope="cashout" name="phoneNumber" label=t.mpesa_number value=receiver errors
                        kind="tel" inputmode="tel" autocomplete="off" hint=phone_hint(country) required=true />
                    <p class="ramp-preview" aria-live="polite">{preview}</p>
                    {rates_retry(rates)}
                    <button class="btn btn--primary" type="submit">{t.review}</button>
                </form>
            </section>
        }
        .into_any()
    };
    let again = Callback::new(move |_| {
        done.set(None);
        amount.set(String::new());
    });
    move || {
        if let Some(d) = done.get() {
            return view! { <CashoutDone d again moved /> }.into_any();
        }
        match review.get() {
            None => form(),
            Some(plan) => {
                view! { <CashoutConfirm plan fiat cash step alert on_change /> }.into_any()
            }
        }
    }
}

/// The confirm step: the rate and what M-Pesa pays, before any coins move.
#[component]
fn CashoutConfirm(
    plan: CashoutPlan,
    fiat: Currency,
    cash: CashAction,
    step: RwSignal<Step>,
    alert: RwSignal<Option<String>>,
    on_change: Callback<()>,
) -> impl IntoView {
    let heading = NodeRef::<leptos::html::H2>::new();
    focus_on_mount(heading);
    let t = CashoutText::get();
    let c = ChainText::get();
    let sym = symbol(plan.chain);
    let pays = money(plan.pays, fiat);
    let retrying = plan.escrow_tx.is_some();
    let pending = move || cash.pending().get();
    let label = {
        let pays = pays.clone();
        move || match (pending(), step.get()) {
            (true, Step::Escrow) => t.sending_escrow.to_string(),
            (true, Step::Payout) => t.asking_mpesa.to_string(),
            (false, _) if retrying => fill(t.ask_again, &[("amount", &pays)]),
            (false, _) => fill(t.cash_out, &[("amount", &pays)]),
        }
    };
    let to_send = plan.clone();
    view! {
        <section class="card card--form ramp-confirm" aria-labelledby="cashout-confirm-heading">
            <h2 id="cashout-confirm-heading" tabindex="-1" node_ref=heading>
                {if retrying { t.did_not_start } else { t.confirm }}
            </h2>
            <FormAlert message=alert.into() />
            <dl class="details">
                <dt>{t.from}</dt><dd>{fill(t.wallet_of_chain, &[("chain", plan.chain.label()), ("phone", &plan.user_phone)])}</dd>
                <dt>{t.coins}</dt><dd>{coins(&plan.amount, sym)}</dd>
                <dt>{t.todays_rate}</dt><dd>{rate_text(&plan.rate, sym, fiat.code())}</dd>
                <dt>{t.mpesa_pays}</dt><dd><strong>{pays.clone()}</strong></dd>
                <dt>{t.to}</dt><dd class="mono">{plan.receiver.clone()}</dd>
                {plan.escrow_tx.clone().map(|hash| view! {
                    <dt>{t.escrow_tx}</dt>
                    <dd class="copy-line">
                        <span class="mono">{hash.clone()}</span>
                        <CopyButton value=hash label=c.copy done=c.copied what=t.escrow_hash />
                    </dd>
                })}
            </dl>
            <p class="muted">
                {if retrying { t.retry_note } else { t.confirm_note }}
            </p>
            <div class="actions">
                <button type="button" class="btn btn--primary" disabled=pending
                    on:click=move |_| { cash.dispatch(to_send.clone()); }>
                    {label}
                </button>
                <button type="button" class="btn btn--secondary" disabled=pending
                    on:click=move |_| on_change.run(())>
                    {if retrying { t.give_up } else { t.change }}
                </button>
            </div>
        </section>
    }
}

/// A cash-out made: the payout's live status, and the coins that fund it.
#[component]
fn CashoutDone(d: CashoutDetails, again: Callback<()>, moved: Callback<()>) -> impl IntoView {
    let t = CashoutText::get();
    let c = ChainText::get();
    view! {
        <div class="ramp-stack">
            <LiveStatus request_id=d.request_id.clone() on_again=again on_settled=moved scope="cashout" />
            <section class="card" aria-labelledby="cashout-coins-heading">
                <h2 id="cashout-coins-heading">{t.the_coins}</h2>
                <dl class="details">
                    <dt>{t.sent_to_escrow}</dt><dd>{coins(&d.crypto_amount, &d.token)}</dd>
                    <dt>{t.rate}</dt><dd>{rate_text(&d.rate, &d.token, &d.fiat_currency)}</dd>
                    <dt>{t.payout}</dt><dd>{fiat_text(d.fiat_amount, &d.fiat_currency)}</dd>
                    <dt>{t.to}</dt><dd class="mono">{d.phone_number.clone()}</dd>
                    <dt>{t.escrow_tx}</dt>
                    <dd class="copy-line">
                        <span class="mono">{d.tx_hash.clone()}</span>
                        <CopyButton value=d.tx_hash.clone() label=c.copy done=c.copied what=t.escrow_hash />
                    </dd>
                </dl>
            </section>
        </div>
    }
}

/// "Buy cUSD": cUSD for the user, paid from the partner's wallet. The cost shows as the amount
/// is typed, and on the button.
#[component]
pub fn BuyCusd(
    phone: String,
    country: Country,
    rates: Rates,
    moved: Callback<()>,
) -> impl IntoView {
    let t = CashoutText::get();
    let fiat = country.currency();
    let number = RwSignal::new(phone);
    let amount = RwSignal::new(String::new());
    let errors = RwSignal::new(FieldErrors::new());
    let alert = RwSignal::new(None::<String>);
    let bought = RwSignal::new(None::<ChainMovement>);
    let wallet = LocalResource::new(api::kotani::wallet);
    Effect::new(move || set_error(errors, "phoneNumber", phone_problem(&number.get(), country)));
    let rate_now = move || {
        rates
            .get()
            .and_then(|r| r.ok())
            .and_then(|r| rate_of(&r, "cUSD", fiat))
    };
    // What the amount as typed costs, rounded up to the cent.
    let cost = move || {
        let rate = rate_now()?;
        let a = crypto::amount(&amount.get(), CUSD_DECIMALS, "the amount").ok()?;
        decimal::times_in_cents(&a, &rate, Rounding::Up)
    };
    let preview = move || {
        rate_sentence(rates.get(), "cUSD", fiat, |_| {
            cost().map(|c| fill(t.costs_from_wallet, &[("money", &money(c, fiat))]))
        })
    };
    let available = move || {
        wallet
            .get()
            .and_then(|r| r.ok())
            .map(|w| fill(t.wallet_has, &[("money", &money(w.available, w.currency))]))
    };
    let buy = Action::new_local(|req: &BuyCusdRequest| {
        let req = req.clone();
        async move { api::kotani::buy_cusd(&req).await.map(|r| r.details) }
    });
    on_done(
        buy,
        move |m: ChainMovement| {
            bought.set(Some(m));
            amount.set(String::new());
            wallet.refetch();
            moved.run(());
        },
        Failure::Form(errors, alert),
    );
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        alert.set(None);
        let mut found = FieldErrors::new();
        let phone_number = super::phone_number(&number.get_untracked(), country)
            .map_err(|e| found.insert("phoneNumber".into(), e))
            .ok();
        let celo_amount = crypto::amount(&amount.get_untracked(), CUSD_DECIMALS, "the amount")
            .map_err(|e| found.insert("celoAmount".into(), amount_problem(e)))
            .ok();
        // More than the wallet holds would be refused: say so before asking.
        let short = (|| {
            let rate = rates
                .get_untracked()?
                .ok()
                .and_then(|r| rate_of(&r, "cUSD", fiat))?;
            let cost = decimal::times_in_cents(celo_amount.as_deref()?, &rate, Rounding::Up)?;
            let w = wallet.get_untracked()?.ok()?;
            (cost > w.available).then(|| {
                fill(
                    t.costs_more,
                    &[
                        ("cost", &money(cost, fiat)),
                        ("available", &money(w.available, w.currency)),
                    ],
                )
            })
        })();
        if let Some(s) = short {
            found.insert("celoAmount".into(), s);
        }
        match (phone_number, celo_amount) {
            (Some(phone_number), Some(celo_amount)) if found.is_empty() => {
                errors.set(FieldErrors::new());
                buy.dispatch(BuyCusdRequest {
                    phone_number,
                    celo_amount,
                });
            }
            _ => errors.set(found),
        }
    };
    let button = move || {
        if buy.pending().get() {
            t.buying.to_string()
        } else {
            match cost() {
                Some(c) => fill(t.buy_for, &[("money", &money(c, fiat))]),
                None => t.buy_cusd.to_string(),
            }
        }
    };
    move || {
        match bought.get() {
        Some(m) => view! { <Bought m again=Callback::new(move |_| bought.set(None)) /> }.into_any(),
        None => view! {
            <section class="card card--form" aria-labelledby="buy-heading">
                <h2 id="buy-heading">{t.buy_cusd}</h2>
                <p class="muted">{t.buy_intro}</p>
                <form class="form" on:submit=on_submit novalidate>
                    <FormAlert message=alert.into() />
                    <TextField scope="buy" name="phoneNumber" label=t.users_phone value=number errors
                        kind="tel" inputmode="tel" autocomplete="off" hint=phone_hint(country) required=true />
                    <TextField scope="buy" name="celoAmount" label=t.cusd_to_buy value=amount errors
                        inputmode="decimal" autocomplete="off" hint=t.like_amount required=true />
                    <p class="ramp-preview" aria-live="polite">{preview}</p>
                    <p class="field__hint ramp-held" aria-live="polite">{available}</p>
                    {rates_retry(rates)}
                    <button class="btn btn--primary" type="submit" disabled=move || buy.pending().get()>{button}</button>
                </form>
            </section>
        }.into_any(),
    }
    }
}

/// cUSD just bought: what it cost and its transaction.
#[component]
fn Bought(m: ChainMovement, again: Callback<()>) -> impl IntoView {
    let heading = NodeRef::<leptos::html::H2>::new();
    focus_on_mount(heading);
    let t = CashoutText::get();
    let c = ChainText::get();
    view! {
        <section class="card card--form" aria-labelledby="bought-heading">
            <h2 id="bought-heading" tabindex="-1" node_ref=heading>{fill(t.bought, &[("coins", &coins(&m.amount, &m.token))])}</h2>
            <dl class="details">
                <dt>{t.cost}</dt><dd>{fiat_text(m.fiat_amount, &m.fiat_currency)}</dd>
                <dt>{t.rate}</dt><dd>{rate_text(&m.rate, &m.token, &m.fiat_currency)}</dd>
                <dt>{t.sent_to}</dt><dd class="mono">{m.address.clone()}</dd>
                <dt>{t.transaction}</dt>
                <dd class="copy-line">
                    <span class="mono">{m.tx_hash.clone()}</span>
                    <CopyButton value=m.tx_hash.clone() label=c.copy done=c.copied what=t.tx_hash />
                </dd>
            </dl>
            <div class="actions">
                <button type="button" class="btn btn--secondary" on:click=move |_| again.run(())>{t.buy_more}</button>
            </div>
        </section>
    }
}

/// "Buy USDT by M-Pesa" (Kenya): an M-Pesa prompt on the user's phone; once approved, USDT on
/// TRON goes to their TRON address.
#[component]
pub fn BuyUsdt(phone: String, moved: Callback<()>) -> impl IntoView {
    let session = use_session();
    let t = CashoutText::get();
    let country = Country::KEN;
    let number = RwSignal::new(phone);
    let amount = RwSignal::new(String::new());
    let errors = RwSignal::new(FieldErrors::new());
    let alert = RwSignal::new(None::<String>);
    let started = RwSignal::new(None::<TronCashinResponse>);
    Effect::new(move || set_error(errors, "phoneNumber", phone_problem(&number.get(), country)));
    let cashin = Action::new_local(|req: &TronCashinRequest| {
        let req = req.clone();
        async move { api::kotani::tron_cashin(&req).await }
    });
    on_done(
        cashin,
        move |r| started.set(Some(r)),
        Failure::Form(errors, alert),
    );
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        alert.set(None);
        let mut found = FieldErrors::new();
        let phone_number = super::phone_number(&number.get_untracked(), country)
            .map_err(|e| found.insert("phoneNumber".into(), e))
            .ok();
        let whole = whole_units(&amount.get_untracked())
            .map_err(|e| found.insert("amount".into(), e))
            .ok();
        match (phone_number, whole) {
            (Some(phone_number), Some(amount)) if found.is_empty() => {
                errors.set(FieldErrors::new());
                cashin.dispatch(TronCashinRequest {
                    phone_number,
                    amount,
                });
            }
            _ => errors.set(found),
        }
    };
    move || {
        match started.get() {
        Some(r) => view! {
            <div class="ramp-stack">
                <LiveStatus request_id=r.request_id.clone() on_again=Callback::new(move |_| started.set(None))
                    on_settled=moved scope="cashin" />
                <p class="ramp-preview">
                    {pieces(t.once_approves).into_iter().map(|p| match p {
                        Piece::Text(text) => text.into_any(),
                        Piece::Slot("amount") => coins(&r.usdt_amount, "USDT").into_any(),
                        Piece::Slot(_) => view! { <span class="mono">{r.address.clone()}</span> }.into_any(),
                    }).collect_view()}
                </p>
            </div>
        }.into_any(),
        None => view! {
            <section class="card card--form" aria-labelledby="cashin-heading">
                <h2 id="cashin-heading">{t.buy_usdt}</h2>
                <p class="muted">{t.buy_usdt_intro}</p>
                <Show when=move || session.is_sandbox()>
                    <p class="demo-hint">{t.usdt_sandbox}</p>
                </Show>
                <form class="form" on:submit=on_submit novalidate>
                    <FormAlert message=alert.into() />
                    <TextField scope="cashin" name="phoneNumber" label=t.users_phone value=number errors
                        kind="tel" inputmode="tel" autocomplete="off" hint=phone_hint(country) required=true />
                    <TextField scope="cashin" name="amount" label=t.amount_kes value=amount errors
                        inputmode="numeric" autocomplete="off" hint=t.whole_shillings required=true />
                    <button class="btn btn--primary" type="submit" disabled=move || cashin.pending().get()>
                        {move || if cashin.pending().get() { t.sending_prompt } else { t.send_prompt }}
                    </button>
                </form>
            </section>
        }.into_any(),
    }
    }
}
