//! Pieces the custodial pages share: the partner's users as a "pick one" list next to a phone
//! number field, and how a stablecoin amount or a rate is written.

use crate::api::ApiError;
use crate::i18n::rampchain::ChainText;
use crate::i18n::{digits, fill, pieces, Piece};
use crate::pages::merchant::crypto::trim_zeros;
use kitty_api::crypto::{stablecoin_of, Network};
use kitty_api::onchain::{AllUsers, EscrowRates};
use kitty_api::Currency;
use leptos::prelude::*;
use leptos_router::components::A;

/// How many users the picker offers (the newest).
const PICKER_SIZE: usize = 12;

/// The partner's users, newest first.
pub type Users = LocalResource<Result<AllUsers, ApiError>>;

/// The partner's users as buttons that fill `phone` (a person can still type any number).
/// `on_pick` runs with the number chosen. `id` names the group for screen readers; it must be
/// unique on the page.
#[component]
pub fn UserPicker(
    users: Users,
    phone: RwSignal<String>,
    #[prop(optional)] on_pick: Option<Callback<String>>,
    id: &'static str,
) -> impl IntoView {
    let t = ChainText::get();
    move || {
        match users.get() {
        Some(Ok(all)) if all.data.is_empty() => Some(
            view! {
                <p class="field__hint">
                    {pieces(t.no_users_yet).into_iter().map(|p| match p {
                        Piece::Text(text) => text.into_any(),
                        Piece::Slot(_) => view! { <A href="/ramp/wallets">{t.create_one}</A> }.into_any(),
                    }).collect_view()}
                </p>
            }
            .into_any(),
        ),
        Some(Ok(all)) => {
            let more = all.data.len().saturating_sub(PICKER_SIZE);
            Some(
                view! {
                    <div class="ramp-pick" role="group" aria-labelledby=id>
                        <p class="field__label" id=id>{t.or_choose}</p>
                        <ul class="ramp-pick__list">
                            {all.data.into_iter().take(PICKER_SIZE).map(|u| {
                                let number = u.phone_number.clone();
                                let chosen = number.clone();
                                view! {
                                    <li>
                                        <button type="button" class="chip ramp-pick__chip"
                                            aria-pressed=move || if phone.get().trim() == chosen { "true" } else { "false" }
                                            on:click=move |_| {
                                                phone.set(number.clone());
                                                if let Some(cb) = on_pick {
                                                    cb.run(number.clone());
                                                }
                                            }>
                                            <span class="mono">{u.phone_number.clone()}</span>
                                            {u.verified.then(|| view! {
                                                <span class="ramp-pick__tick" aria-hidden="true">"✓"</span>
                                                <span class="visually-hidden">{t.verified_sr}</span>
                                            })}
                                        </button>
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                        {(more > 0).then(|| view! {
                            <p class="field__hint">{digits(&fill(t.and_more, &[("n", &more.to_string())]))}</p>
                        })}
                    </div>
                }
                .into_any(),
            )
        }
        // Loading, or failed: the phone number field still works on its own.
        _ => None,
    }
    }
}

/// `10.5 cUSD`: an amount as the server writes it, without the trailing zeros of the token's
/// fixed decimals.
pub fn coins(amount: &str, symbol: &str) -> String {
    format!("{} {symbol}", digits(&trim_zeros(amount)))
}

/// The symbol of the stablecoin `chain` carries (`cUSD`, `USDT`, `USDC`).
pub fn symbol(chain: Network) -> &'static str {
    stablecoin_of(chain).map_or("", |a| a.symbol)
}

/// What one coin of `symbol` pays in `fiat` today, from the escrow rates (a decimal string).
pub fn rate_of(rates: &EscrowRates, symbol: &str, fiat: Currency) -> Option<String> {
    rates
        .conversion_rate
        .iter()
        .find(|(token, _)| token.eq_ignore_ascii_case(symbol))
        .and_then(|(_, per_fiat)| {
            per_fiat
                .iter()
                .find(|(code, _)| code.eq_ignore_ascii_case(fiat.code()))
                .map(|(_, rate)| rate.clone())
        })
}

/// `1 cUSD = KES 129.50`, for a fiat currency's code.
pub fn rate_text(rate: &str, symbol: &str, fiat: &str) -> String {
    digits(&format!("1 {symbol} = {fiat} {}", trim_zeros(rate)))
}

/// An amount in minor units of a currency named by its code; the code and units when the app
/// does not know the currency.
pub fn fiat_text(minor: i64, code: &str) -> String {
    match Currency::from_code(code) {
        Some(c) => super::money(minor, c),
        None => format!("{code} {}", digits(&kitty_api::ramp::units_text(minor))),
    }
}

/// How a person refers to an address on `chain`, for the copy button's accessible name.
pub fn address_name(chain: Network) -> &'static str {
    let t = ChainText::get();
    match chain {
        Network::Tron => t.tron_address,
        Network::Arbitrum => t.arbitrum_address,
        Network::Celo => t.celo_address,
        Network::Avalanche => t.avalanche_address,
        Network::Stellar => t.stellar_address,
        _ => t.address,
    }
}
