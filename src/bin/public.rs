//! The signed-out pages (`/login`, `/register`, password reset, the sandbox outbox), built on
//! their own so a first visit loads as little as it can (see `kitty::bundles`).

fn main() {
    console_error_panic_hook::set_once();
    kitty::i18n::init();
    leptos::mount::mount_to_body(kitty::pages::auth::PublicApp);
    if let Some(boot) = leptos::prelude::document().get_element_by_id("boot") {
        boot.remove();
    }
}
