use crate::components::feedback::use_title;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn NotFound() -> impl IntoView {
    use_title("Page not found");
    view! {
        <main class="centered-page">
            <div class="card card--narrow">
                <p class="eyebrow">"404"</p>
                <h1>"This page does not exist"</h1>
                <p>"The link may be old, or the address mistyped."</p>
                <A href="/" attr:class="btn btn--primary">"Go to your dashboard"</A>
            </div>
        </main>
    }
}
