use crate::api;
use crate::components::copy::CopyButton;
use crate::components::feedback::{on_done, use_title, EmptyState, Failure, Loaded};
use crate::components::form::{FormAlert, TextField};
use crate::i18n::fill;
use crate::i18n::merchant::{MerchantText, ProblemText};
use kitty_api::merchant::{CreateShopRequest, CreatedShop, Shop};
use kitty_api::FieldErrors;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

/// The key just issued, with the warning that it will not be shown again.
#[component]
fn KeyReveal(key: String) -> impl IntoView {
    let t = MerchantText::get();
    view! {
        <div class="key-reveal" role="status">
            <p><strong>{t.copy_key_now}</strong>{t.key_shown_once}</p>
            <div class="key-reveal__row">
                <code class="mono key-reveal__key">{key.clone()}</code>
                <CopyButton value=key label=t.copy done=t.copied what=t.api_key_what />
            </div>
        </div>
    }
}

/// A shop's webhook signing secret just made (with the shop, or by rotating it), with the same
/// warning: it is shown this once.
#[component]
fn WebhookSecretReveal(secret: String, #[prop(optional)] rotated: bool) -> impl IntoView {
    let t = MerchantText::get();
    view! {
        <div class="key-reveal" role="status">
            <p><strong>{t.copy_secret_now}</strong>{t.secret_shown_once}</p>
            {rotated.then(|| view! {
                <p>{t.old_secret_stopped}</p>
            })}
            <div class="key-reveal__row">
                <code class="mono key-reveal__key">{secret.clone()}</code>
                <CopyButton value=secret label=t.copy done=t.copied what=t.secret_what />
            </div>
            <p class="key-reveal__note">{t.standard_webhooks}</p>
        </div>
    }
}

#[component]
pub fn Shops() -> impl IntoView {
    let t = MerchantText::get();
    use_title(t.shops);
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
            Err(found) => errors.set(ProblemText::fields(found)),
        }
    };
    let retry = Callback::new(move |_| shops.refetch());
    view! {
        <div class="page">
            <header class="page__header"><h1>{t.shops}</h1></header>
            {move || created.get().map(|s| view! {
                <section class="card">
                    <h2>{fill(t.shop_is_ready, &[("name", &s.name)])}</h2>
                    <KeyReveal key=s.api_key.clone() />
                    <WebhookSecretReveal secret=s.webhook_secret.clone() />
                    <A href=format!("/merchant/shops/{}", s.id) attr:class="link">{t.see_how}</A>
                </section>
            })}
            <div class="split">
                <section class="card" aria-labelledby="shops-heading">
                    <h2 id="shops-heading">{t.your_shops}</h2>
                    <Loaded lines=3 retry view=move || async move {
                                shops.await.map(|list| if list.shops.is_empty() {
                                    view! { <EmptyState title=t.no_shops><p>{t.no_shops_body}</p></EmptyState> }.into_any()
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
                    <h2 id="new-shop-heading">{t.new_shop}</h2>
                    <form class="form" on:submit=on_submit novalidate>
                        <FormAlert message=alert.into() />
                        <TextField name="name" label=t.shop_name value=name errors required=true />
                        <TextField name="website" label=t.website_optional value=website errors kind="url" hint="https://shop.example" />
                        <TextField name="phone" label=t.phone_optional value=phone errors kind="tel" inputmode="tel" />
                        <button class="btn btn--primary" type="submit" disabled=move || create.pending().get()>
                            {move || if create.pending().get() { t.creating } else { t.create_shop }}
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
                <span class="row__meta">{shop.website.clone().unwrap_or_else(|| MerchantText::get().no_website.into())}</span>
            </A>
            <code class="mono row__aside">{format!("{}…", shop.api_key_prefix)}</code>
        </li>
    }
}

#[component]
pub fn ShopDetail() -> impl IntoView {
    let t = MerchantText::get();
    use_title(t.shop);
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
            .confirm_with_message(t.regenerate_confirm)
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
            .confirm_with_message(t.rotate_confirm)
            .unwrap_or(false);
        if sure {
            rotate.dispatch(id());
        }
    };
    let origin = window().location().origin().unwrap_or_default();
    let retry = Callback::new(move |_| shops.refetch());
    view! {
        <div class="page">
            <A href="/merchant/shops" attr:class="back">{t.shops}</A>
            <Loaded lines=4 retry view=move || {
                        let origin = origin.clone();
                async move {
                            shops.await.map(|list| match list.shops.into_iter().find(|s| s.id == id()) {
                                None => view! { <EmptyState title=t.shop_not_found><p>{t.other_account}</p></EmptyState> }.into_any(),
                                Some(shop) => {
                                    let sample = format!(
                                        "curl -X POST {origin}/kpay/transactions/create \\\n  -H 'X-API-Key: YOUR_API_KEY' \\\n  -H 'Content-Type: application/json' \\\n  -d '{{\"shop_id\": \"{}\", \"card_id\": \"CARD_ID\", \"amount\": 1250000,\n       \"callback_url\": \"https://your-shop.example/paid\", \"factor_number\": \"INV-1001\"}}'",
                                        shop.id
                                    );
                                    view! {
                                        <header class="page__header"><h1>{shop.name.clone()}</h1></header>
                                        <section class="card">
                                            <dl class="details">
                                                <dt>{t.shop_id}</dt><dd class="mono">{shop.id.clone()}</dd>
                                                <dt>{t.website}</dt><dd>{shop.website.clone().unwrap_or_else(|| "—".into())}</dd>
                                                <dt>{t.phone}</dt><dd>{shop.phone.clone().unwrap_or_else(|| "—".into())}</dd>
                                                <dt>{t.api_key}</dt><dd class="mono">{fill(t.key_hidden, &[("prefix", &shop.api_key_prefix)])}</dd>
                                            </dl>
                                        </section>
                                        <section class="card" aria-labelledby="key-heading">
                                            <h2 id="key-heading">{t.api_key}</h2>
                                            <p class="muted">{t.key_usage}</p>
                                            {move || new_key.get().map(|k| view! { <KeyReveal key=k /> })}
                                            <button type="button" class="btn btn--secondary" on:click=on_regenerate
                                                disabled=move || regenerate.pending().get()>{t.regenerate_key}</button>
                                        </section>
                                        <section class="card" aria-labelledby="webhook-secret-heading">
                                            <h2 id="webhook-secret-heading">{t.webhook_secret}</h2>
                                            <p class="muted">{t.secret_explained}</p>
                                            {move || new_secret.get().map(|s| view! { <WebhookSecretReveal secret=s rotated=true /> })}
                                            <button type="button" class="btn btn--secondary" on:click=on_rotate
                                                disabled=move || rotate.pending().get()>
                                                {move || if rotate.pending().get() { t.rotating } else { t.rotate_secret }}
                                            </button>
                                        </section>
                                        <section class="card" aria-labelledby="sample-heading">
                                            <h2 id="sample-heading">{t.sample_heading}</h2>
                                            // Focusable, so a keyboard can scroll it sideways; named for the region it is.
                                            <pre class="code" tabindex="0" role="region" aria-label=t.sample_label><code>{sample.clone()}</code></pre>
                                            <CopyButton value=sample label=t.copy done=t.copied what=t.code_sample_what />
                                        </section>
                                    }.into_any()
                                }
                            })
                        }
            } />
        </div>
    }
}
