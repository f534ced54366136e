fn main() {
    console_error_panic_hook::set_once();
    kitty::i18n::init();
    leptos::mount::mount_to_body(kitty::app::App);
    // The static "Loading Kitty…" in index.html covers the wasm download on slow networks.
    if let Some(boot) = leptos::prelude::document().get_element_by_id("boot") {
        boot.remove();
    }
}
