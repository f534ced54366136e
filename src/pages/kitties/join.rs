//! `/join/{code}`: a referral link. The page says which kitty it is and who started it before
//! anyone decides; signed-out visitors sign in or register first and come back. "Not now"
//! leaves without joining.

use crate::api;
use crate::components::feedback::{use_title, Loaded};
use crate::session::{use_session, Auth};
use kitty_api::format::count;
use kitty_api::kitty::{JoinPreview, KittyStatus};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_params_map};

#[component]
pub fn Join() -> impl IntoView {
    use_title("Join a kitty");
    let params = use_params_map();
    let code = move || params.with(|p| p.get("code").unwrap_or_default());
    let preview = LocalResource::new(move || {
        let code = code();
        async move { api::ktti::join_preview(&code).await }
    });
    let retry = Callback::new(move |_| preview.refetch());
    view! {
        <main class="centered-page">
            <div class="card card--narrow join-card">
                <p class="eyebrow">"Kitty"</p>
                <Loaded lines=3 retry view=move || async move {
                    preview.await.map(|p| view! { <Invitation p code=code() /> })
                } />
            </div>
        </main>
    }
}

#[component]
fn Invitation(p: JoinPreview, code: String) -> impl IntoView {
    let session = use_session();
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
    let next = js_sys::encode_uri_component(&format!("/join/{code}"))
        .as_string()
        .unwrap_or_default();
    let open = p.status == KittyStatus::Active;
    let members = count(p.member_count, "member", "members");
    view! {
        <h1>{format!("Join {}", p.ktti_name)}</h1>
        <p data-testid="join-about">
            <strong>{p.started_by.clone()}</strong>" started this kitty. It has "{members}" and keeps its money in "{p.currency.code()}"."
        </p>
        {p.description.clone().filter(|d| !d.trim().is_empty()).map(|d| view! { <p class="muted">{d}</p> })}
        <p class="muted">"A kitty is money a group holds together, with its own account and card. Joining lets you see its balance and activity, and your deposits and shares of card payments count toward it."</p>
        {move || error.get().map(|m| view! { <div class="form-alert" role="alert">{m}</div> })}
        {(!open).then(|| view! {
            <p class="form-alert" role="status">"This kitty is closing, so it takes no new members."</p>
        })}
        {move || match (open, session.auth.get()) {
            (_, Auth::Checking) => view! { <p class="muted">"Checking your session…"</p> }.into_any(),
            (false, _) => ().into_any(),
            (true, Auth::SignedIn(u)) => {
                let code = code.clone();
                view! {
                    <div class="actions">
                        <button type="button" class="btn btn--primary" disabled=move || join.pending().get()
                            aria-busy=move || join.pending().get().then_some("true")
                            on:click=move |_| { join.dispatch(code.clone()); }>{format!("Join as {}", u.name)}</button>
                    </div>
                }.into_any()
            }
            (true, Auth::SignedOut) => view! {
                <div class="actions">
                    <A href=format!("/register?next={next}") attr:class="btn btn--primary" attr:rel=crate::bundles::rel_for("/register")>"Create an account to join"</A>
                    <A href=format!("/login?next={next}") attr:class="btn btn--secondary" attr:rel=crate::bundles::rel_for("/login")>"Sign in"</A>
                </div>
            }.into_any(),
        }}
        <p class="auth-page__switch">
            <A href="/" attr:class="link" attr:data-testid="join-decline">"Not now"</A>
            " — nothing is shared with the kitty until you join."
        </p>
    }
}
