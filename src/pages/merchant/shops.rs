use crate::api;
use crate::components::copy::CopyButton;
use crate::components::feedback::{on_done, use_title, EmptyState, Failure, Loaded};
use crate::components::form::{FormAlert, TextField};
use kitty_api::merchant::{CreateShopRequest, CreatedShop, Shop};
use kitty_api::FieldErrors;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

/// The key just issued, with the warning that it will not be shown again.
#[component]
fn KeyReveal(key: String) -> impl IntoView {
    view! {
        <div class="key-reveal" role="status">
            <p><strong>"Copy this API key now."</strong>" It is shown once; Kitty keeps only a fingerprint of it."</p>
            <div class="key-reveal__row">
                <code class="mono key-reveal__key">{key.clone()}</code>
                <CopyButton value=key label="Copy" done="Copied" what="API key" />
            </div>
        </div>
    }
}

/// A shop's webhook signing secret just made (with the shop, or by rotating it), with the same
/// warning: it is shown this once.
#[component]
fn WebhookSecretReveal(secret: String, #[prop(optional)] rotated: bool) -> impl IntoView {
    view! {
        <div class="key-reveal" role="status">
            <p><strong>"Copy this webhook signing secret now."</strong>" It is shown once. Your server uses it to check that a webhook really comes from Kitty."</p>
            {rotated.then(|| view! {
                <p>"The old secret stopped signing at once: every webhook from now on is signed with this one, so put it on your server right away."</p>
            })}
            <div class="key-reveal__row">
                <code class="mono key-reveal__key">{secret.clone()}</code>
                <CopyButton value=secret label="Copy" done="Copied" what="webhook signing secret" />
            </div>
            <p class="key-reveal__note">"Webhooks follow the Standard Webhooks spec: each one carries webhook-id, webhook-timestamp and webhook-signature headers, which any Standard Webhooks library checks with this secret."</p>
        </div>
    }
}

#[component]
pub fn Shops() -> impl IntoView {
    use_title("Shops");
    let shops = LocalResource::new(api::kpay::shops);
    let name = RwSignal::new(String::new());
    let website = RwSignal::new(String::new());
    let phone = RwSignal::new(String::new());
    let errors = RwSignal::new(FieldErrors::new());
    let alert = RwSignal::new(None::<String>);
    let created = RwSignal::new(None::<CreatedShop>);
    let create = Action::new_local(|req: &CreateShopRequest| {
        let req = req.clone();
        async move { api::kpay::create_shop(&req).await }
    });
    on_done(
        create,
        move |shop| {
            created.set(Some(shop));
            name.set(String::new());
            website.set(String::new());
            phone.set(String::new());
            shops.refetch();
        },
        Failure::Form(errors, alert),
    );
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        alert.set(None);
        let opt = |s: String| Some(s.trim().to_string()).filter(|s| !s.is_empty());
        let req = CreateShopRequest {
            name: name.get_untracked(),
            website: opt(website.get_untracked()),
            phone: opt(phone.get_untracked()),
        };
        match req.validate() {
            Ok(clean) => {
                errors.set(FieldErrors::new());
                create.dispatch(clean);
            }
            Err(found) => errors.set(found),
        }
    };
    let retry = Callback::new(move |_| shops.refetch());
    view! {
        <div class="page">
            <header class="page__header"><h1>"Shops"</h1></header>
            {move || created.get().map(|s| view! {
                <section class="card">
                    <h2>{format!("{} is ready", s.name)}</h2>
                    <KeyReveal key=s.api_key.clone() />
                    <WebhookSecretReveal secret=s.webhook_secret.clone() />
                    <A href=format!("/merchant/shops/{}", s.id) attr:class="link">"See how to use it"</A>
                </section>
            })}
            <div class="split">
                <section class="card" aria-labelledby="shops-heading">
                    <h2 id="shops-heading">"Your shops"</h2>
                    <Loaded lines=3 retry view=move || async move {
                                shops.await.map(|list| if list.shops.is_empty() {
                                    view! { <EmptyState title="No shops yet"><p>"Create one to get an API key and start taking payments."</p></EmptyState> }.into_any()
                                } else {
                                    view! {
                                        <ul class="rows">
                                            {list.shops.into_iter().map(|s| view! { <ShopRow shop=s /> }).collect_view()}
                                        </ul>
                                    }.into_any()
                                })
                            } />
                </section>
                <section class="card" aria-labelledby="new-shop-heading">
                    <h2 id="new-shop-heading">"New shop"</h2>
                    <form class="form" on:submit=on_submit novalidate>
                        <FormAlert message=alert.into() />
                        <TextField name="name" label="Shop name" value=name errors required=true />
                        <TextField name="website" label="Website (optional)" value=website errors kind="url" hint="https://shop.example" />
                        <TextField name="phone" label="Support phone (optional)" value=phone errors kind="tel" inputmode="tel" />
                        <button class="btn btn--primary" type="submit" disabled=move || create.pending().get()>
                            {move || if create.pending().get() { "Creating…" } else { "Create shop" }}
                        </button>
                    </form>
                </section>
            </div>
        </div>
    }
}

#[component]
fn ShopRow(shop: Shop) -> impl IntoView {
    view! {
        <li class="row">
            <A href=format!("/merchant/shops/{}", shop.id) attr:class="row__main">
                <span class="row__title">{shop.name.clone()}</span>
                <span class="row__meta">{shop.website.clone().unwrap_or_else(|| "No website".into())}</span>
            </A>
            <code class="mono row__aside">{format!("{}…", shop.api_key_prefix)}</code>
        </li>
    }
}

#[component]
pub fn ShopDetail() -> impl IntoView {
    use_title("Shop");
    let params = use_params_map();
    let id = move || params.with(|p| p.get("id").unwrap_or_default());
    let shops = LocalResource::new(api::kpay::shops);
    let new_key = RwSignal::new(None::<String>);
    let regenerate = Action::new_local(|id: &String| {
        let id = id.clone();
        async move { api::kpay::regenerate_key(&id).await }
    });
    on_done(
        regenerate,
        move |k| {
            new_key.set(Some(k.api_key));
            shops.refetch();
        },
        Failure::Toast,
    );
    let on_regenerate = move |_| {
        let sure = window()
            .confirm_with_message("Make a new API key? The current key stops working at once, so update your server right after.")
            .unwrap_or(false);
        if sure {
            regenerate.dispatch(id());
        }
    };
    let new_secret = RwSignal::new(None::<String>);
    let rotate = Action::new_local(|id: &String| {
        let id = id.clone();
        async move { api::kpay::rotate_webhook_secret(&id).await }
    });
    on_done(
        rotate,
        move |s| new_secret.set(Some(s.webhook_secret)),
        Failure::Toast,
    );
    let on_rotate = move |_| {
        let sure = window()
            .confirm_with_message("Make a new webhook signing secret? The current one stops signing at once, so webhooks fail your server's check until you give it the new secret.")
            .unwrap_or(false);
        if sure {
            rotate.dispatch(id());
        }
    };
    let origin = window().location().origin().unwrap_or_default();
    let retry = Callback::new(move |_| shops.refetch());
    view! {
        <div class="page">
            <A href="/merchant/shops" attr:class="back">"Shops"</A>
            <Loaded lines=4 retry view=move || {
                        let origin = origin.clone();
                async move {
                            shops.await.map(|list| match list.shops.into_iter().find(|s| s.id == id()) {
                                None => view! { <EmptyState title="Shop not found"><p>"It may belong to another account."</p></EmptyState> }.into_any(),
                                Some(shop) => {
                                    let sample = format!(
                                        "curl -X POST {origin}/kpay/transactions/create \\\n  -H 'X-API-Key: YOUR_API_KEY' \\\n  -H 'Content-Type: application/json' \\\n  -d '{{\"shop_id\": \"{}\", \"card_id\": \"CARD_ID\", \"amount\": 1250000,\n       \"callback_url\": \"https://your-shop.example/paid\", \"factor_number\": \"INV-1001\"}}'",
                                        shop.id
                                    );
                                    view! {
                                        <header class="page__header"><h1>{shop.name.clone()}</h1></header>
                                        <section class="card">
                                            <dl class="details">
                                                <dt>"Shop ID"</dt><dd class="mono">{shop.id.clone()}</dd>
                                                <dt>"Website"</dt><dd>{shop.website.clone().unwrap_or_else(|| "—".into())}</dd>
                                                <dt>"Phone"</dt><dd>{shop.phone.clone().unwrap_or_else(|| "—".into())}</dd>
                                                <dt>"API key"</dt><dd class="mono">{format!("{}… (hidden)", shop.api_key_prefix)}</dd>
                                            </dl>
                                        </section>
                                        <section class="card" aria-labelledby="key-heading">
                                            <h2 id="key-heading">"API key"</h2>
                                            <p class="muted">"Your server sends it in the X-API-Key header to create and verify payments."</p>
                                            {move || new_key.get().map(|k| view! { <KeyReveal key=k /> })}
                                            <button type="button" class="btn btn--secondary" on:click=on_regenerate
                                                disabled=move || regenerate.pending().get()>"Regenerate key"</button>
                                        </section>
                                        <section class="card" aria-labelledby="webhook-secret-heading">
                                            <h2 id="webhook-secret-heading">"Webhook signing secret"</h2>
                                            <p class="muted">"Kitty signs the webhooks it sends about this shop's crypto payments with this secret, following the Standard Webhooks spec (webhook-id, webhook-timestamp and webhook-signature headers). It was shown once, when you created the shop. Make a new one if you lost it or it leaked."</p>
                                            {move || new_secret.get().map(|s| view! { <WebhookSecretReveal secret=s rotated=true /> })}
                                            <button type="button" class="btn btn--secondary" on:click=on_rotate
                                                disabled=move || rotate.pending().get()>
                                                {move || if rotate.pending().get() { "Rotating…" } else { "Rotate webhook signing secret" }}
                                            </button>
                                        </section>
                                        <section class="card" aria-labelledby="sample-heading">
                                            <h2 id="sample-heading">"Create a payment from your server"</h2>
                                            // Focusable, so a keyboard can scroll it sideways; named for the region it is.
                                            <pre class="code" tabindex="0" role="region" aria-label="Sample request: create a payment with curl"><code>{sample.clone()}</code></pre>
                                            <CopyButton value=sample label="Copy" done="Copied" what="code sample" />
                                        </section>
                                    }.into_any()
                                }
                            })
                        }
            } />
        </div>
    }
}
