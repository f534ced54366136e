//! Balances per currency, withdrawals to the merchant's own wallet, and their history.

use super::super::poll::{row_key, Polled, PolledView};
use super::{net_amount, symbol_of, to_units, with_symbol, WithdrawalStatusBadge};
use crate::api::{self, ApiError};
use crate::components::feedback::{on_done, EmptyState, Failure, Loaded};
use crate::components::form::{FormAlert, SelectField, TextField};
use crate::components::toast::use_toasts;
use crate::fmt;
use crate::i18n::merchant::{CryptoText, MerchantText, ProblemText};
use crate::i18n::shell::CommonText;
use crate::i18n::{digits, fill};
use kitty_api::crypto::{
    self, BalancesResponse, CryptoBalance, CryptoCurrency, CurrenciesResponse, DecimalText,
    Withdrawal, WithdrawalList, WithdrawalRequest, WithdrawalStatus,
};
use kitty_api::FieldErrors;
use leptos::prelude::*;

/// Sets or clears the message for `name` (and leaves the signal alone when nothing changes).
fn set_error(errors: RwSignal<FieldErrors>, name: &str, problem: Option<String>) {
    if errors.with_untracked(|e| e.get(name) == problem.as_ref()) {
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

/// One card per currency: what can be withdrawn, what is still confirming, and the totals.
#[component]
pub fn Balances(balances: LocalResource<Result<BalancesResponse, ApiError>>) -> impl IntoView {
    let retry = Callback::new(move |_| balances.refetch());
    let t = CryptoText::get();
    view! {
        <section class="section" aria-labelledby="crypto-balances-heading">
            <h2 id="crypto-balances-heading">{t.balances}</h2>
            <Loaded lines=2 retry view=move || async move {
                balances.await.map(|b| if b.balances.is_empty() {
                    view! {
                        <EmptyState title=t.nothing_received>
                            <p>{t.nothing_received_body}</p>
                        </EmptyState>
                    }.into_any()
                } else {
                    view! {
                        <ul class="crypto-balances">
                            {b.balances.into_iter().map(|b| view! { <BalanceCard b /> }).collect_view()}
                        </ul>
                    }.into_any()
                })
            } />
        </section>
    }
}

#[component]
fn BalanceCard(b: CryptoBalance) -> impl IntoView {
    let asset = crypto::asset(&b.currency);
    let symbol = symbol_of(&b.currency);
    let name = asset.map_or_else(|| b.currency.clone(), |a| a.name.to_string());
    let icon = asset.map_or("", |a| a.icon);
    let t = CryptoText::get();
    view! {
        <li class="crypto-balance">
            <h3 class="crypto-balance__name">
                <span class="crypto-balance__icon" aria-hidden="true">{icon}</span>
                {name}
            </h3>
            <p class="crypto-balance__available">
                <span class="stat__label">{t.available}</span>
                <span class="crypto-balance__amount">{with_symbol(&b.available_balance, &symbol)}</span>
            </p>
            <dl class="details details--compact">
                <dt>{t.confirming}</dt><dd>{with_symbol(&b.pending_balance, &symbol)}</dd>
                <dt>{t.received_total}</dt><dd>{with_symbol(&b.total_received, &symbol)}</dd>
                <dt>{t.withdrawn_total}</dt><dd>{with_symbol(&b.total_withdrawn, &symbol)}</dd>
            </dl>
        </li>
    }
}

/// A withdrawal to an address on the currency's network. The address is checked as it is typed,
/// with the network's own checksum.
#[component]
pub fn WithdrawForm(
    currencies: LocalResource<Result<CurrenciesResponse, ApiError>>,
    balances: LocalResource<Result<BalancesResponse, ApiError>>,
    on_withdrawn: Callback<()>,
) -> impl IntoView {
    let toasts = use_toasts();
    let currency = RwSignal::new(String::new());
    let amount = RwSignal::new(String::new());
    let address = RwSignal::new(String::new());
    let memo = RwSignal::new(String::new());
    let errors = RwSignal::new(FieldErrors::new());
    let alert = RwSignal::new(None::<String>);
    let t = CryptoText::get();
    let m = MerchantText::get();

    let currency_list = move || {
        currencies
            .get()
            .and_then(|r| r.ok())
            .map(|c| c.currencies)
            .unwrap_or_default()
    };
    let currency_options = Signal::derive(move || {
        currency_list()
            .into_iter()
            .map(|c| (c.code.clone(), format!("{} · {}", c.symbol, c.name)))
            .collect::<Vec<_>>()
    });
    Effect::new(move || {
        if currency.with_untracked(String::is_empty) {
            if let Some((code, _)) = currency_options.get().first() {
                currency.set(code.clone());
            }
        }
    });
    let chosen = Memo::new(move |_| {
        let code = currency.get();
        currency_list().into_iter().find(|c| c.code == code)
    });
    let needs_memo = move || chosen.with(|c| c.as_ref().is_some_and(|c| c.network.needs_memo()));
    let available = move || {
        let code = currency.get();
        balances
            .get()
            .and_then(|r| r.ok())
            .and_then(|b| b.balances.into_iter().find(|b| b.currency == code))
            .map(|b| b.available_balance)
    };

    // The address, checked with the network's encoding and checksum as it is typed.
    Effect::new(move || {
        let typed = address.get();
        let typed = typed.trim();
        let problem = chosen.with(|c| match c {
            Some(c) if !typed.is_empty() => {
                c.network.check_address(typed).err().map(ProblemText::say)
            }
            _ => None,
        });
        set_error(errors, "destination_address", problem);
    });
    // A memo belongs to the network that needs one: switching away drops it.
    Effect::new(move || {
        if !needs_memo() {
            memo.set(String::new());
            set_error(errors, "memo", None);
        }
    });
    let address_hint = move || chosen.with(|c| c.as_ref().map(|c| t.address_hint(c.network)));
    let address_ok = move || {
        let typed = address.get();
        chosen.with(|c| {
            c.as_ref()
                .filter(|c| {
                    !typed.trim().is_empty() && c.network.check_address(typed.trim()).is_ok()
                })
                .map(|c| fill(t.address_valid, &[("network", c.network.label())]))
        })
    };

    // The fee and what the address receives, for the amount as typed.
    let summary = move || {
        let c = chosen.get()?;
        let fee = with_symbol(&c.withdrawal_fee, &c.symbol);
        let typed = amount.get();
        let checked = crypto::amount(&typed, c.decimals, "the amount").ok();
        let receives =
            checked
                .as_deref()
                .map(|a| match net_amount(a, &c.withdrawal_fee, c.decimals) {
                    Some(net) => format!(
                        "{} ({})",
                        with_symbol(&net, &c.symbol),
                        digits(&format!("{a} − {}", c.withdrawal_fee))
                    ),
                    None => fill(t.nothing_more_than_fee, &[("fee", &fee)]),
                });
        let over = checked.as_deref().zip(available()).and_then(|(a, avail)| {
            let (a, avail_units) = (to_units(a, c.decimals)?, to_units(&avail, c.decimals)?);
            (a > avail_units).then(|| {
                fill(
                    t.more_than_available,
                    &[("amount", &with_symbol(&avail, &c.symbol))],
                )
            })
        });
        Some((fee, receives.unwrap_or_else(|| "—".into()), over))
    };

    let withdraw = Action::new_local(|req: &WithdrawalRequest| {
        let req = req.clone();
        async move { api::kpay::create_withdrawal(&req).await }
    });
    on_done(
        withdraw,
        move |w: Withdrawal| {
            toasts.success(fill(
                t.withdrawal_started,
                &[
                    ("amount", &with_symbol(&w.amount, &symbol_of(&w.currency))),
                    ("n", &digits(&w.required_confirmations.to_string())),
                ],
            ));
            amount.set(String::new());
            address.set(String::new());
            memo.set(String::new());
            errors.set(FieldErrors::new());
            on_withdrawn.run(());
        },
        Failure::Form(errors, alert),
    );
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        alert.set(None);
        let c: Option<CryptoCurrency> = chosen.get_untracked();
        let memo_text = memo.get_untracked();
        let req = WithdrawalRequest {
            currency: currency.get_untracked(),
            amount: DecimalText(amount.get_untracked().trim().to_string()),
            destination_address: address.get_untracked().trim().to_string(),
            memo: (needs_memo() && !memo_text.trim().is_empty())
                .then(|| memo_text.trim().to_string()),
        };
        let checked = match req.validate() {
            Ok(checked) => checked,
            Err(found) => return errors.set(ProblemText::fields(found)),
        };
        let (fee, decimals, symbol) = c
            .map(|c| (c.withdrawal_fee, c.decimals, c.symbol))
            .unwrap_or_else(|| {
                (
                    "0".into(),
                    checked.asset.decimals,
                    checked.asset.symbol.into(),
                )
            });
        let Some(net) = net_amount(&checked.amount, &fee, decimals) else {
            let mut found = FieldErrors::new();
            found.insert(
                "amount".into(),
                fill(
                    t.more_than_network_fee,
                    &[("fee", &with_symbol(&fee, &symbol))],
                ),
            );
            return errors.set(found);
        };
        let question = fill(
            t.withdraw_confirm,
            &[
                ("amount", &with_symbol(&checked.amount, &symbol)),
                ("fee", &with_symbol(&fee, &symbol)),
                ("net", &with_symbol(&net, &symbol)),
                ("address", &checked.destination_address),
            ],
        );
        if !window().confirm_with_message(&question).unwrap_or(false) {
            return;
        }
        errors.set(FieldErrors::new());
        withdraw.dispatch(WithdrawalRequest {
            currency: checked.asset.code.to_string(),
            amount: DecimalText(checked.amount),
            destination_address: checked.destination_address,
            memo: checked.memo,
        });
    };

    view! {
        <section class="card" aria-labelledby="withdraw-heading">
            <h2 id="withdraw-heading">{t.withdraw}</h2>
            <p class="muted">{t.withdraw_intro}</p>
            {move || currencies.get().and_then(|r| r.err()).map(|e| view! {
                <div class="form-alert" role="alert">
                    <p>{fill(t.could_not_load_currencies, &[("error", &e.message())])}</p>
                    <button type="button" class="btn btn--secondary btn--small" on:click=move |_| currencies.refetch()>{CommonText::get().try_again}</button>
                </div>
            })}
            <form class="form" on:submit=on_submit novalidate>
                <FormAlert message=alert.into() />
                <SelectField scope="withdraw" name="currency" label=m.currency value=currency errors options=currency_options />
                <p class="field__hint field__hint--tight" aria-live="polite">
                    {move || available().map(|a| fill(t.available_amount, &[("amount", &with_symbol(&a, &chosen.with(|c| c.as_ref().map(|c| c.symbol.clone()).unwrap_or_default())))]))}
                </p>
                <TextField scope="withdraw" name="amount" label=m.amount value=amount errors inputmode="decimal" autocomplete="off" required=true />
                <TextField scope="withdraw" name="destination_address" label=t.destination_address value=address errors autocomplete="off" required=true />
                <p class="field__hint field__hint--tight">{address_hint}</p>
                <p class="bank-hint" aria-live="polite">{address_ok}</p>
                <Show when=needs_memo>
                    <TextField scope="withdraw" name="memo" label=t.destination_tag_memo value=memo errors inputmode="numeric" autocomplete="off" required=true
                        hint=t.memo_hint />
                </Show>
                // Kept on the page while amounts are typed, so screen readers hear each change.
                <Show when=move || chosen.with(Option::is_some)>
                    <dl class="details withdraw-summary" aria-live="polite">
                        <dt>{t.network_fee}</dt><dd>{move || summary().map(|s| s.0)}</dd>
                        <dt>{t.address_receives}</dt><dd>{move || summary().map(|s| s.1)}</dd>
                    </dl>
                </Show>
                <p class="field__hint withdraw-over" aria-live="polite">{move || summary().and_then(|s| s.2)}</p>
                <button class="btn btn--primary" type="submit" disabled=move || withdraw.pending().get()>
                    {move || if withdraw.pending().get() { t.sending } else { t.withdraw }}
                </button>
            </form>
        </section>
    }
}

/// The withdrawals, kept current while any is waiting for confirmations.
#[component]
pub fn WithdrawalHistory(withdrawals: Polled<WithdrawalList>) -> impl IntoView {
    let rows = move || {
        withdrawals.data.with(|d| {
            d.as_ref()
                .map(|l| l.withdrawals.clone())
                .unwrap_or_default()
        })
    };
    let empty = move || {
        withdrawals
            .data
            .with(|d| d.as_ref().is_some_and(|l| l.withdrawals.is_empty()))
    };
    let t = CryptoText::get();
    view! {
        <section class="card" aria-labelledby="withdrawals-heading">
            <h2 id="withdrawals-heading">{t.withdrawals}</h2>
            <PolledView polled=withdrawals lines=3 body=move || view! {
                <Show when=empty>
                    <EmptyState title=t.no_withdrawals>
                        <p>{t.no_withdrawals_body}</p>
                    </EmptyState>
                </Show>
                <ul class="rows">
                    <For each=rows key=row_key let:w>
                        <WithdrawalRow w />
                    </For>
                </ul>
            } />
        </section>
    }
}

#[component]
fn WithdrawalRow(w: Withdrawal) -> impl IntoView {
    let t = CryptoText::get();
    let symbol = symbol_of(&w.currency);
    let chain = match &w.tx_hash {
        Some(h) => view! {
            <span class="row__meta">
                {MerchantText::get().transaction_prefix}<span class="mono">{h.clone()}</span>
                {digits(&fill(t.withdrawal_confirmations, &[("n", &w.confirmations.min(w.required_confirmations).to_string()), ("required", &w.required_confirmations.to_string())]))}
            </span>
        }
        .into_any(),
        None if w.status == WithdrawalStatus::Failed => ().into_any(),
        None => view! { <span class="row__meta">{t.not_on_network}</span> }.into_any(),
    };
    let made = fmt::datetime(&w.created_at);
    let when = match &w.completed_at {
        Some(done) => fill(
            t.made_completed,
            &[("made", &made), ("done", &fmt::datetime(done))],
        ),
        None => fill(t.made, &[("made", &made)]),
    };
    view! {
        <li class="row">
            <div class="row__main">
                <span class="row__title">{with_symbol(&w.amount, &symbol)}</span>
                <span class="row__meta">{fill(
                    t.fee_receives,
                    &[
                        ("fee", &with_symbol(&w.fee, &symbol)),
                        ("net", &with_symbol(&w.net_amount, &symbol)),
                    ],
                )}</span>
                <span class="row__meta">
                    {t.to_prefix}<span class="mono">{w.destination_address.clone()}</span>
                    {w.memo.clone().map(|m| fill(t.with_tag, &[("tag", &m)]))}
                </span>
                {chain}
                <span class="row__meta">{when}</span>
            </div>
            <WithdrawalStatusBadge status=w.status />
        </li>
    }
}
