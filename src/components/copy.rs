use leptos::prelude::*;
use leptos::task::spawn_local;
use std::time::Duration;

/// Copies `value` to the clipboard and says "Copied" for two seconds (also to screen readers).
/// `what` completes the button's accessible name: "Copy card number".
#[component]
pub fn CopyButton(
    value: String,
    #[prop(into)] label: Signal<&'static str>,
    #[prop(into)] done: Signal<&'static str>,
    what: &'static str,
) -> impl IntoView {
    let copied = RwSignal::new(false);
    let copy = move |_| {
        let promise = window().navigator().clipboard().write_text(&value);
        spawn_local(async move {
            if wasm_bindgen_futures::JsFuture::from(promise).await.is_ok() {
                copied.set(true);
                set_timeout(
                    move || {
                        copied.try_set(false);
                    },
                    Duration::from_secs(2),
                );
            }
        });
    };
    view! {
        <button type="button" class="copy" on:click=copy aria-label=move || format!("{} {what}", label.get())>
            {move || if copied.get() { done.get() } else { label.get() }}
        </button>
        <span class="visually-hidden" role="status">{move || copied.get().then(|| done.get())}</span>
    }
}
