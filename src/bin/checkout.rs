//! The public checkout page (`/pay/{authority}`), built on its own so buyers on slow mobile data
//! download only what this page needs.

fn main() {
    let path = leptos::prelude::window()
        .location()
        .pathname()
        .unwrap_or_default();
    let authority = path
        .trim_start_matches("/pay/")
        .trim_end_matches('/')
        .to_string();
    leptos::mount::mount_to_body(move || {
        leptos::prelude::view! { <kitty::checkout::Checkout authority=authority.clone() /> }
    });
    if let Some(boot) = leptos::prelude::document().get_element_by_id("boot") {
        boot.remove();
    }
}
