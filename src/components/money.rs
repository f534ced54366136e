use kitty_api::Money;
use leptos::prelude::*;

/// An amount, formatted for its currency (in Persian digits when the person chose them);
/// negative amounts get their own class.
#[component]
pub fn MoneyText(#[prop(into)] money: Signal<Money>) -> impl IntoView {
    view! {
        <span class="money" class:money--negative=move || money.get().amount < 0>
            {move || crate::i18n::digits(&money.get().to_string())}
        </span>
    }
}
