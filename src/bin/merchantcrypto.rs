//! The Merchant's crypto payments and Binance-style orders (`/merchant/crypto`,
//! `/merchant/orders`), built on their own so the Merchant bundle stays within its budget
//! (see `kitty::bundles`).

fn main() {
    console_error_panic_hook::set_once();
    kitty::i18n::init();
    leptos::mount::mount_to_body(kitty::pages::merchant::MerchantCryptoApp);
    if let Some(boot) = leptos::prelude::document().get_element_by_id("boot") {
        boot.remove();
    }
}
