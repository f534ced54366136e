//! The Ramp's on-chain pages (`/ramp/wallets`, `/ramp/verify`, `/ramp/ubi`), built on their
//! own so the Ramp bundle stays within its budget (see `kitty::bundles`).

fn main() {
    console_error_panic_hook::set_once();
    kitty::i18n::init();
    leptos::mount::mount_to_body(kitty::pages::ramp::RampChainApp);
    if let Some(boot) = leptos::prelude::document().get_element_by_id("boot") {
        boot.remove();
    }
}
