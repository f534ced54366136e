//! The merchant area: KPAY card-to-card (overview, shops, cards, payment links, transactions),
//! KPAY's crypto gateway, and Kotani Pay's Binance Pay orders.

mod cards;
pub mod crypto;
mod home;
mod links;
mod orders;
/// Also used by the Ramp's custodial pages.
pub(crate) mod poll;
mod shops;
mod transactions;

pub use cards::Cards;
pub use crypto::{Crypto, CryptoPaymentDetail};
pub use home::MerchantHome;
pub use links::NewLink;
pub use orders::BinanceOrders;
pub use shops::{ShopDetail, Shops};
pub use transactions::{TransactionDetail, Transactions};

use crate::i18n::merchant::MerchantText;
use crate::i18n::shell::ShellText;
use kitty_api::merchant::TransactionStatus;
use kitty_api::{Currency, Money};
use leptos::prelude::*;
use leptos_router::components::{Outlet, A};

/// Whole Rials, formatted: `IRR 1,250,000` (in Persian digits when chosen).
pub fn rials(amount: i64) -> String {
    crate::fmt::money(Money::new(amount, Currency::IRR))
}

/// `template`'s text with each `{slot}` drawn as a link: `links` gives a slot's address and
/// words.
pub(crate) fn linked(
    template: &'static str,
    links: &[(&'static str, &'static str, &'static str)],
) -> Vec<AnyView> {
    crate::i18n::pieces(template)
        .into_iter()
        .map(|piece| match piece {
            crate::i18n::Piece::Text(text) => text.into_any(),
            crate::i18n::Piece::Slot(slot) => {
                match links.iter().find(|(name, _, _)| *name == slot) {
                    Some(&(_, href, words)) => view! { <A href=href>{words}</A> }.into_any(),
                    None => ().into_any(),
                }
            }
        })
        .collect()
}

/// The merchant area's frame: a row of tabs over the page. On a phone the tabs wrap onto a
/// second line instead of scrolling out of sight (`.tabs--wrap`).
#[component]
pub fn MerchantLayout() -> impl IntoView {
    let t = MerchantText::get();
    let tabs = [
        ("/merchant", t.overview),
        ("/merchant/links/new", t.tab_new_link),
        ("/merchant/transactions", t.transactions),
        ("/merchant/crypto", t.crypto),
        ("/merchant/orders", t.binance_orders),
        ("/merchant/shops", t.shops),
        ("/merchant/cards", t.cards),
    ];
    view! {
        <nav class="tabs tabs--wrap" aria-label=ShellText::get().merchant>
            {tabs.into_iter().map(|(href, label)| view! {
                <A href=href exact=href == "/merchant" attr:class="tabs__tab"
                    attr:rel=crate::bundles::rel_for(href)>{label}</A>
            }).collect_view()}
        </nav>
        <Outlet />
    }
}

#[component]
pub fn StatusBadge(status: TransactionStatus) -> impl IntoView {
    let label = MerchantText::get().transaction_status(status);
    view! { <span class=format!("status status--{}", status.as_str())>{label}</span> }
}

/// The Merchant bundle's root (`src/bin/merchant.rs`): the same session and shell as the main
/// bundle, with only the Merchant pages; any other page is handed to its own bundle.
#[component]
pub fn MerchantApp() -> impl IntoView {
    crate::bundles::area_app!(crate::bundles::Bundle::Merchant,
        <ParentRoute path=path!("merchant") view=MerchantLayout>
            <Route path=path!("") view=MerchantHome />
            <Route path=path!("shops") view=Shops />
            <Route path=path!("shops/:id") view=ShopDetail />
            <Route path=path!("cards") view=Cards />
            <Route path=path!("links/new") view=NewLink />
            <Route path=path!("transactions") view=Transactions />
            <Route path=path!("transactions/:id") view=TransactionDetail />
        </ParentRoute>
    )
}

/// The bundle of the Merchant's crypto payments and Binance-style orders
/// (`src/bin/merchantcrypto.rs`): the same frame and tabs, apart so the Merchant bundle stays
/// within its 400 KB budget once its pages speak three languages; the other tabs are handed to
/// the Merchant bundle.
#[component]
pub fn MerchantCryptoApp() -> impl IntoView {
    crate::bundles::area_app!(crate::bundles::Bundle::MerchantCrypto,
        <ParentRoute path=path!("merchant") view=MerchantLayout>
            <Route path=path!("crypto") view=Crypto />
            <Route path=path!("crypto/:id") view=CryptoPaymentDetail />
            <Route path=path!("orders") view=BinanceOrders />
        </ParentRoute>
    )
}
