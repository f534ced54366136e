//! The Kitties area (KttiPay group wallets).

mod activity;
mod billing;
mod card;
mod chat;
mod join;
mod kitty;
mod list;
#[cfg(all(test, target_arch = "wasm32"))]
mod media_check;
mod members;
mod moments;
mod receipt;
mod settings;
pub mod split_editor;

pub use activity::{Activity, AllTransactions, TransactionPage};
pub use card::CardTab;
pub use chat::ChatTab;
pub use join::Join;
pub use kitty::{page_title, tab_title, KittyLayout};
pub use list::{Invitations, KittyListPage};
pub use members::{leave_blockers, Members};
pub use moments::MomentsTab;
pub use settings::{Settings, SplitTab};

use crate::i18n::fill;
use crate::i18n::kitties::KittyText;
use kitty_api::kitty::{Kitty, KittyTransaction, TxKind};
use kitty_api::Money;
use leptos::prelude::*;
use leptos_router::components::A;

/// An amount of the kitty's currency, as this page's language writes it.
pub fn money(amount: i64, k: &Kitty) -> String {
    crate::fmt::money(Money::new(amount, k.currency))
}

/// One line of activity: what, when, how much (spending shown negative).
#[component]
pub fn TxRow(t: KittyTransaction, #[prop(optional)] show_kitty: bool) -> impl IntoView {
    let signed = t.kind.signed(t.amount);
    let words = KittyText::get();
    let label = match t.kind {
        TxKind::Deposit => t
            .assignee_name
            .clone()
            .map_or(words.deposit_unassigned.to_string(), |n| {
                fill(words.deposit_from, &[("name", &n)])
            }),
        kind => words.tx_kind(kind).to_string(),
    };
    let href = format!("/kitties/{}/transactions/{}", t.ktti_id, t.id);
    view! {
        <li class="row">
            <A href=href.clone() attr:class="row__main" attr:rel=crate::bundles::rel_for(&href)>
                <span class="row__title">{t.description.clone()}</span>
                // Each part isolated (`bdi`), so a Latin name beside a Persian date keeps its order.
                <span class="row__meta">
                    {show_kitty.then(|| view! { <bdi>{t.ktti_name.clone()}</bdi>" · " })}
                    <bdi>{label}</bdi> " · " <bdi>{crate::fmt::datetime(&t.created_at)}</bdi>
                    {t.category.clone().map(|c| view! { " · "<bdi>{c}</bdi> })}
                </span>
            </A>
            <span class="money row__amount" class:money--negative={signed < 0}>{crate::fmt::money(Money::new(signed, t.currency))}</span>
        </li>
    }
}

/// The Kitties bundle's root (`src/bin/kitties.rs`): the same session and shell as the main
/// bundle, with only the kitty pages; any other page is handed to its own bundle.
#[component]
pub fn KittiesApp() -> impl IntoView {
    crate::bundles::area_app!(crate::bundles::Bundle::Kitties,
        <Route path=path!("kitties") view=KittyListPage />
        <Route path=path!("kitties/all") view=AllTransactions />
        <ParentRoute path=path!("kitties/:id") view=KittyLayout>
            <Route path=path!("") view=Activity />
            <Route path=path!("chat") view=ChatTab />
            <Route path=path!("members") view=Members />
            <Route path=path!("split") view=SplitTab />
            <Route path=path!("settings") view=Settings />
        </ParentRoute>
    )
}

/// The bundle of a kitty's moments and transaction pages (`src/bin/kittymedia.rs`): the photo
/// uploads and the receipt editor, and the card tab (its order form moved here when the kitty
/// pages gained Swahili and Persian), apart so the Kitties bundle stays within its budget. The
/// kitty's frame is the same; its other tabs are handed to the Kitties bundle.
#[component]
pub fn KittyMediaApp() -> impl IntoView {
    crate::bundles::area_app!(crate::bundles::Bundle::KittyMedia,
        <ParentRoute path=path!("kitties/:id") view=KittyLayout>
            <Route path=path!("moments") view=MomentsTab />
            <Route path=path!("transactions/:tx") view=TransactionPage />
            <Route path=path!("card") view=CardTab />
        </ParentRoute>
    )
}
