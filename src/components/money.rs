use kitty_api::Money;
use leptos::prelude::*;

/// An amount, formatted for its currency; negative amounts get their own class.
#[component]
pub fn MoneyText(#[prop(into)] money: Signal<Money>) -> impl IntoView {
    view! {
        <span class="money" class:money--negative=move || money.get().amount < 0>
            {move || money.get().to_string()}
        </span>
    }
}
