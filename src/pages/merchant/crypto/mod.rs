//! The crypto gateway (KPAY `/gateway/*`): balances, payments to a deposit address, a payment's
//! page, withdrawals and the shop webhooks sent for payments.
//!
//! Amounts are decimal strings, exact to the asset's decimals. The app never turns them into
//! floating-point numbers: the one sum it shows (a withdrawal's amount less its fee) is done on
//! whole numbers of the asset's smallest unit ([`net_amount`]).

mod detail;
mod payments;
mod wallet;
mod webhooks;

pub use detail::CryptoPaymentDetail;

use super::poll::poll;
use crate::api;
use crate::components::feedback::use_title;
use crate::i18n::merchant::{CryptoText, MerchantText};
use kitty_api::crypto::{self, CryptoPaymentList, CryptoStatus, WithdrawalList, WithdrawalStatus};
use leptos::prelude::*;

/// `0.5 BTC`: the amount without the trailing zeros of the asset's fixed decimals (an ETH
/// balance of `0.000000000000000000` reads `0.00`), keeping at least two decimals; in Persian
/// digits when chosen.
pub fn with_symbol(amount: &str, symbol: &str) -> String {
    crate::i18n::digits(&format!("{} {symbol}", trim_zeros(amount)))
}

/// `60.000000` → `60.00`, `0.00050000` → `0.0005`; text that is not a decimal stays as it is.
pub fn trim_zeros(amount: &str) -> String {
    match amount.split_once('.') {
        Some((whole, frac)) if frac.chars().all(|c| c.is_ascii_digit()) => {
            let kept = frac.trim_end_matches('0');
            format!("{whole}.{kept:0<2}")
        }
        _ => amount.to_string(),
    }
}

/// The symbol of a currency code (`usdt_trc20` → `USDT`), or the code itself for one this app
/// does not know.
pub fn symbol_of(code: &str) -> String {
    crypto::asset(code)
        .map(|a| a.symbol.to_string())
        .unwrap_or_else(|| code.to_uppercase())
}

/// A decimal string as a whole number of the asset's smallest unit (10^-`decimals`): `"0.5"`
/// with 8 decimals is 50,000,000. `None` for anything but a plain non-negative decimal with at
/// most `decimals` significant decimals, or a number too large to hold.
pub fn to_units(text: &str, decimals: u32) -> Option<u128> {
    let s = text.trim();
    let (whole, frac) = s.split_once('.').unwrap_or((s, ""));
    // Zeros beyond the asset's decimals change nothing ("0.10000000" of a 6-decimal asset).
    let frac = if frac.len() > decimals as usize {
        frac.trim_end_matches('0')
    } else {
        frac
    };
    let digits = |p: &str| p.bytes().all(|b| b.is_ascii_digit());
    if (whole.is_empty() && frac.is_empty())
        || !digits(whole)
        || !digits(frac)
        || frac.len() > decimals as usize
    {
        return None;
    }
    let padding = std::iter::repeat_n(b'0', decimals as usize - frac.len());
    whole
        .bytes()
        .chain(frac.bytes())
        .chain(padding)
        .try_fold(0u128, |n, b| {
            n.checked_mul(10)?.checked_add(u128::from(b - b'0'))
        })
}

/// A whole number of the smallest unit as a decimal string, without trailing zeros:
/// 50,000,000 with 8 decimals is `"0.5"`.
pub fn from_units(units: u128, decimals: u32) -> String {
    let d = decimals as usize;
    let digits = format!("{units:0>width$}", width = d + 1);
    let (whole, frac) = digits.split_at(digits.len() - d);
    let frac = frac.trim_end_matches('0');
    if frac.is_empty() {
        whole.to_string()
    } else {
        format!("{whole}.{frac}")
    }
}

/// What a withdrawal's destination receives: `amount − fee`, exactly. `None` when either is not
/// a valid amount of the asset, or the amount does not cover more than the fee.
pub fn net_amount(amount: &str, fee: &str, decimals: u32) -> Option<String> {
    let net = to_units(amount, decimals)?.checked_sub(to_units(fee, decimals)?)?;
    (net > 0).then(|| from_units(net, decimals))
}

/// A crypto payment's status, as a coloured label.
#[component]
pub fn CryptoStatusBadge(status: CryptoStatus) -> impl IntoView {
    let label = CryptoText::get().payment_status(status);
    view! { <span class=format!("status status--{}", status.as_str())>{label}</span> }
}

/// A withdrawal's status, as a coloured label.
#[component]
pub fn WithdrawalStatusBadge(status: WithdrawalStatus) -> impl IntoView {
    let label = CryptoText::get().withdrawal_status(status);
    view! { <span class=format!("status status--{}", status.as_str())>{label}</span> }
}

/// `/merchant/crypto`: balances, new payments and the list of payments, withdrawals, webhooks.
#[component]
pub fn Crypto() -> impl IntoView {
    let m = MerchantText::get();
    use_title(m.crypto);
    let currencies = LocalResource::new(api::kpay::crypto_currencies);
    let shops = LocalResource::new(api::kpay::shops);
    let balances = LocalResource::new(api::kpay::crypto_balances);
    let payments = poll(api::kpay::crypto_payments, |l: &CryptoPaymentList| {
        l.payments.iter().any(|p| !p.status.is_final())
    });
    let withdrawals = poll(api::kpay::withdrawals, |l: &WithdrawalList| {
        l.withdrawals
            .iter()
            .any(|w| w.status == WithdrawalStatus::Pending)
    });
    // Balances follow what arrives and what leaves: load them again whenever a payment or a
    // withdrawal moves on.
    let progress = Memo::new(move |_| {
        let p = payments.data.with(|d| {
            d.as_ref().map(|l| {
                l.payments
                    .iter()
                    .map(|p| (p.status, p.received_amount.clone(), p.late_amount.clone()))
                    .collect::<Vec<_>>()
            })
        });
        let w = withdrawals.data.with(|d| {
            d.as_ref()
                .map(|l| l.withdrawals.iter().map(|w| w.status).collect::<Vec<_>>())
        });
        p.zip(w)
    });
    Effect::new(move |before: Option<bool>| {
        let known = progress.with(Option::is_some);
        if before == Some(true) && known {
            balances.refetch();
        }
        known
    });
    view! {
        <div class="page">
            <header class="page__header"><h1>{m.crypto}</h1></header>
            <p class="page__lede">{CryptoText::get().lede}</p>
            <wallet::Balances balances />
            <div class="split">
                <payments::PaymentList payments />
                <payments::NewCryptoPayment currencies shops on_created=Callback::new(move |_| payments.refetch()) />
            </div>
            <div class="split">
                <wallet::WithdrawalHistory withdrawals />
                <wallet::WithdrawForm currencies balances on_withdrawn=Callback::new(move |_| {
                    withdrawals.refetch();
                    balances.refetch();
                }) />
            </div>
            <webhooks::Deliveries />
        </div>
    }
}
