//! The public crypto payment page (`/pay/crypto/{id}`) and Binance-style order page
//! (`/pay/order/{prepayId}`), built on their own so buyers on slow mobile data download only what
//! these pages need.

fn main() {
    let path = leptos::prelude::window()
        .location()
        .pathname()
        .unwrap_or_default();
    let route = kitty::coinpay::Route::from_path(&path);
    leptos::mount::mount_to_body(move || {
        leptos::prelude::view! { <kitty::coinpay::CoinPay route=route.clone() /> }
    });
    if let Some(boot) = leptos::prelude::document().get_element_by_id("boot") {
        boot.remove();
    }
}
