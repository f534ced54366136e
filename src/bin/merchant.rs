//! The Merchant area (`/merchant/...`), built on its own so the main bundle stays small
//! (see `kitty::bundles`).

fn main() {
    console_error_panic_hook::set_once();
    kitty::i18n::init();
    leptos::mount::mount_to_body(kitty::pages::merchant::MerchantApp);
    if let Some(boot) = leptos::prelude::document().get_element_by_id("boot") {
        boot.remove();
    }
}
