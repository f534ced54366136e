use crate::components::feedback::use_title;
use crate::i18n::shell::NotFoundText;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn NotFound() -> impl IntoView {
    let t = NotFoundText::get();
    use_title(t.title);
    view! {
        <main class="centered-page">
            <div class="card card--narrow">
                <p class="eyebrow">{crate::i18n::digits("404")}</p>
                <h1>{t.heading}</h1>
                <p>{t.body}</p>
                <A href="/" attr:class="btn btn--primary">{t.home}</A>
            </div>
        </main>
    }
}
