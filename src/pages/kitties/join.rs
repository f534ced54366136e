//! `/join/{code}`: a referral link. Signed-out visitors sign in or register first and come back.

use crate::api;
use crate::components::feedback::use_title;
use crate::session::{use_session, Auth};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_params_map};

#[component]
pub fn Join() -> impl IntoView {
    use_title("Join a kitty");
    let session = use_session();
    let params = use_params_map();
    let code = move || params.with(|p| p.get("code").unwrap_or_default());
    let navigate = use_navigate();
    let error = RwSignal::new(None::<String>);
    let join = Action::new_local(|code: &String| {
        let code = code.clone();
        async move { api::ktti::join(&code).await }
    });
    Effect::new(move || match join.value().get() {
        Some(Ok(k)) => navigate(&format!("/kitties/{}", k.id), Default::default()),
        Some(Err(e)) => error.set(Some(e.message())),
        None => {}
    });
    let next = move || {
        js_sys::encode_uri_component(&format!("/join/{}", code()))
            .as_string()
            .unwrap_or_default()
    };
    view! {
        <main class="centered-page">
            <div class="card card--narrow">
                <p class="eyebrow">"Kitty"</p>
                <h1>"You're invited to a kitty"</h1>
                <p>"A kitty is money a group holds together, with its own account and card. Code: " <strong class="mono">{code}</strong></p>
                {move || error.get().map(|m| view! { <div class="form-alert" role="alert">{m}</div> })}
                {move || match session.auth.get() {
                    Auth::Checking => view! { <p class="muted">"Checking your session…"</p> }.into_any(),
                    Auth::SignedIn(u) => view! {
                        <button type="button" class="btn btn--primary btn--block" disabled=move || join.pending().get()
                            on:click=move |_| { join.dispatch(code()); }>{format!("Join as {}", u.name)}</button>
                    }.into_any(),
                    Auth::SignedOut => view! {
                        <div class="actions">
                            <A href=format!("/register?next={}", next()) attr:class="btn btn--primary">"Create an account to join"</A>
                            <A href=format!("/login?next={}", next()) attr:class="btn btn--secondary">"Sign in"</A>
                        </div>
                    }.into_any(),
                }}
            </div>
        </main>
    }
}
