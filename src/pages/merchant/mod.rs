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

use kitty_api::merchant::TransactionStatus;
use kitty_api::{Currency, Money};
use leptos::prelude::*;
use leptos_router::components::{Outlet, A};

/// Whole Rials, formatted: `IRR 1,250,000`.
pub fn rials(amount: i64) -> String {
    Money::new(amount, Currency::IRR).to_string()
}

/// The merchant area's frame: a row of tabs over the page. On a phone the tabs wrap onto a
/// second line instead of scrolling out of sight (`.tabs--wrap`).
#[component]
pub fn MerchantLayout() -> impl IntoView {
    const TABS: [(&str, &str); 7] = [
        ("/merchant", "Overview"),
        ("/merchant/links/new", "New link"),
        ("/merchant/transactions", "Transactions"),
        ("/merchant/crypto", "Crypto"),
        ("/merchant/orders", "Binance orders"),
        ("/merchant/shops", "Shops"),
        ("/merchant/cards", "Cards"),
    ];
    view! {
        <nav class="tabs tabs--wrap" aria-label="Merchant">
            {TABS.iter().map(|(href, label)| view! {
                <A href=*href exact=*href == "/merchant" attr:class="tabs__tab">{*label}</A>
            }).collect_view()}
        </nav>
        <Outlet />
    }
}

#[component]
pub fn StatusBadge(status: TransactionStatus) -> impl IntoView {
    view! { <span class=format!("status status--{}", status.as_str())>{status.label()}</span> }
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
            <Route path=path!("crypto") view=Crypto />
            <Route path=path!("crypto/:id") view=CryptoPaymentDetail />
            <Route path=path!("orders") view=BinanceOrders />
        </ParentRoute>
    )
}
