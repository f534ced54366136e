//! The signed-in person's details, identity checks (KYC), password, appearance, notifications
//! (preferences and a test push), devices, platform admins' blocks, and signing out.

use crate::api::{self, ApiError};
use crate::components::feedback::{on_done, use_title, EmptyState, Failure, Loaded};
use crate::components::form::{FormAlert, TextField};
use crate::components::toast::use_toasts;
use crate::device;
use crate::fmt;
use crate::i18n::account::AccountText;
use crate::session::{use_session, Auth};
use crate::theme::{self, Theme};
use kitty_api::account::{
    Customer, Device, KycDetails, KycDocument, KycStatus, NotificationCategory,
    NotificationChannel, Preference, Preferences,
};
use leptos::prelude::*;
use web_sys::NotificationPermission;

#[component]
pub fn Account() -> impl IntoView {
    let t = AccountText::get();
    use_title(crate::i18n::shell::ShellText::get().account);
    let session = use_session();
    let toasts = use_toasts();
    let sign_out = Action::new_local(|_: &()| api::ktti::logout());
    on_done(
        sign_out,
        move |_| {
            // The shell then sends the person to plain /login, with no way back here.
            session.signed_out_by_choice.set(true);
            session.auth.set(Auth::SignedOut);
            toasts.success(t.signed_out);
        },
        Failure::Toast,
    );

    view! {
        <div class="page">
            <header class="page__header"><h1>{crate::i18n::shell::ShellText::get().account}</h1></header>
            {move || session.user().map(|u| view! {
                <section class="card" aria-labelledby="profile-heading">
                    <h2 id="profile-heading">{t.profile}</h2>
                    <dl class="details">
                        <dt>{t.name}</dt><dd>{u.name.clone()}</dd>
                        <dt>{t.mobile}</dt>{match u.mobile.clone() {
                            Some(m) => view! { <dd class="mono">{m}</dd> }.into_any(),
                            None => view! { <dd class="muted">{t.not_added}</dd> }.into_any(),
                        }}
                        <dt>{t.email}</dt><dd>{u.email.clone().unwrap_or_else(|| t.not_set.into())}</dd>
                        <dt>{t.merchant_id}</dt><dd class="mono">{u.merchant_id.clone()}</dd>
                        <dt>{t.member_since}</dt><dd>{fmt::date(&u.created_at)}</dd>
                    </dl>
                </section>
            })}
            <Kyc />
            <ChangePassword />
            <ThemePicker />
            <NotificationSettings />
            <PushTest />
            <Devices />
            {move || session.user().is_some_and(|u| u.is_platform_admin).then(|| view! { <BlockCustomers /> })}
            <section class="card">
                <h2>{t.session}</h2>
                <p class="muted">{t.session_note}</p>
                <button type="button" class="btn btn--danger" disabled=move || sign_out.pending().get()
                    on:click=move |_| { sign_out.dispatch(()); }>
                    {move || if sign_out.pending().get() { t.signing_out } else { t.sign_out }}
                </button>
            </section>
        </div>
    }
}

/// "Get KYC details": whether the person's identity is checked, what the account holds, and the
/// ramp partners' KYC records that share its email or mobile number.
#[component]
fn Kyc() -> impl IntoView {
    let kyc = LocalResource::new(api::ktti::kyc);
    let retry = Callback::new(move |_| kyc.refetch());
    view! {
        <section class="card" aria-labelledby="kyc-heading" data-testid="kyc">
            <h2 id="kyc-heading">{AccountText::get().kyc}</h2>
            <Loaded lines=4 retry view=move || async move {
                let details = kyc.await?;
                Ok(kyc_view(details))
            } />
        </section>
    }
}

fn kyc_view(k: KycDetails) -> impl IntoView {
    let status_class = match k.status {
        KycStatus::Verified => "status status--verified",
        KycStatus::Unverified => "status status--unverified",
    };
    let t = AccountText::get();
    let or_none = |v: Option<String>| v.unwrap_or_else(|| t.not_added.into());
    let documents = if k.documents.is_empty() {
        view! {
            <EmptyState title=t.kyc_none_title>
                <p>{t.kyc_none_body}</p>
            </EmptyState>
        }
        .into_any()
    } else {
        view! {
            <div class="table-wrap">
                <table class="table" data-testid="kyc-documents">
                    <caption class="visually-hidden">{t.kyc_caption}</caption>
                    <thead><tr>
                        <th scope="col">{t.source}</th>
                        <th scope="col">{t.phone_number}</th>
                        <th scope="col">{t.first_name}</th>
                        <th scope="col">{t.last_name}</th>
                        <th scope="col">{t.email}</th>
                        <th scope="col">{t.verified}</th>
                        <th scope="col">{t.date}</th>
                    </tr></thead>
                    <tbody>{k.documents.into_iter().map(kyc_row).collect_view()}</tbody>
                </table>
            </div>
        }
        .into_any()
    };
    view! {
        <p class="kyc__status">
            <span class=status_class data-testid="kyc-status">{t.kyc_status(k.status)}</span>
        </p>
        <p data-testid="kyc-explanation">{k.explanation}</p>
        <dl class="details kyc__details">
            <dt>{t.name}</dt><dd>{k.name}</dd>
            <dt>{t.email}</dt><dd>{or_none(k.email)}</dd>
            <dt>{t.mobile}</dt><dd>{or_none(k.mobile)}</dd>
        </dl>
        <h3 class="kyc__records">{t.records_on_file}</h3>
        {documents}
    }
}

fn kyc_row(d: KycDocument) -> impl IntoView {
    let dash = |v: Option<String>| v.unwrap_or_else(|| "—".into());
    view! {
        <tr>
            <td>{d.source}</td>
            <td class="mono">{d.phone_number}</td>
            <td>{dash(d.first_name)}</td>
            <td>{dash(d.last_name)}</td>
            <td>{dash(d.email)}</td>
            <td>{if d.verified { AccountText::get().yes } else { AccountText::get().no }}</td>
            <td><time datetime=d.created_at.clone()>{fmt::date(&d.created_at)}</time></td>
        </tr>
    }
}

fn theme_label(theme: Theme) -> &'static str {
    let t = AccountText::get();
    match theme {
        Theme::System => t.theme_system,
        Theme::Light => t.theme_light,
        Theme::Dark => t.theme_dark,
    }
}

#[component]
fn ThemePicker() -> impl IntoView {
    let current = RwSignal::new(theme::saved());
    view! {
        <section class="card">
            <fieldset class="choice">
                <legend><h2>{AccountText::get().appearance}</h2></legend>
                {[Theme::System, Theme::Light, Theme::Dark].into_iter().map(|t| view! {
                    <label class="choice__option">
                        <input type="radio" name="theme" value=t.as_str()
                            prop:checked=move || current.get() == t
                            on:change=move |_| { current.set(t); theme::apply(t); } />
                        <span>{theme_label(t)}</span>
                    </label>
                }).collect_view()}
            </fieldset>
            <crate::components::language::LanguagePicker />
        </section>
    }
}

/// "Change user password.": the current one, then the new one. Other devices are signed out.
#[component]
fn ChangePassword() -> impl IntoView {
    let toasts = use_toasts();
    let current = RwSignal::new(String::new());
    let new = RwSignal::new(String::new());
    let errors = RwSignal::new(kitty_api::FieldErrors::new());
    let change = Action::new_local(|req: &kitty_api::auth::ChangePasswordRequest| {
        let req = req.clone();
        async move { api::ktti::change_password(&req).await }
    });
    on_done(
        change,
        move |_| {
            current.set(String::new());
            new.set(String::new());
            toasts.success(AccountText::get().password_changed);
        },
        Failure::Fields(errors),
    );
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let req = kitty_api::auth::ChangePasswordRequest {
            current_password: current.get_untracked(),
            new_password: new.get_untracked(),
        };
        match req.validate() {
            Ok(()) => {
                errors.set(Default::default());
                change.dispatch(req);
            }
            Err(found) => errors.set(found),
        }
    };
    let t = AccountText::get();
    view! {
        <section class="card" aria-labelledby="password-heading">
            <h2 id="password-heading">{t.password}</h2>
            <form class="form" on:submit=on_submit novalidate>
                <TextField name="current_password" label=t.current_password value=current errors kind="password"
                    autocomplete="current-password" required=true />
                <TextField name="new_password" label=t.new_password value=new errors kind="password"
                    autocomplete="new-password" hint=t.password_hint required=true />
                <button class="btn btn--secondary" type="submit" disabled=move || change.pending().get()>
                    {move || if change.pending().get() { t.changing } else { t.change_password }}
                </button>
            </form>
        </section>
    }
}

/// "Deposits by email": one box of the preferences, in words.
fn pair_label(category: NotificationCategory, channel: NotificationChannel) -> String {
    AccountText::get().pair(category, channel)
}

/// One preference box and the box it is shown in, for a save that fails to put it back.
type Change = (Preference, RwSignal<bool>);

/// Which notifications arrive where: a box for each topic on each channel, saved as it changes.
#[component]
fn NotificationSettings() -> impl IntoView {
    let prefs = LocalResource::new(api::ktti::preferences);
    let info = LocalResource::new(api::ktti::notification_info);
    let save = Action::new_local(|(p, shown): &Change| {
        let (p, shown) = (p.clone(), *shown);
        async move {
            let changed = Preferences {
                preferences: vec![p.clone()],
            };
            let saved = api::ktti::set_preferences(&changed).await;
            if saved.is_err() {
                // The box shows what the server keeps.
                shown.try_set(!p.enabled);
            }
            saved.map(|_| p)
        }
    });
    let t = AccountText::get();
    let status = move || {
        if save.pending().get() {
            return (None, t.saving.to_string());
        }
        match save.value().get() {
            Some(Ok(p)) => (
                Some(true),
                crate::i18n::fill(
                    if p.enabled { t.saved_on } else { t.saved_off },
                    &[("what", &pair_label(p.category, p.channel))],
                ),
            ),
            Some(Err(e)) => (
                Some(false),
                crate::i18n::fill(t.not_saved, &[("error", &e.message())]),
            ),
            None => (None, String::new()),
        }
    };
    let counts = move || match info.get() {
        None => t.counting.to_string(),
        Some(Ok(i)) => crate::i18n::fill(
            t.unread_of,
            &[
                ("unread", &crate::i18n::digits(&i.unread.to_string())),
                ("total", &crate::i18n::digits(&i.total.to_string())),
            ],
        ),
        Some(Err(e)) => crate::i18n::fill(t.count_failed, &[("error", &e.message())]),
    };
    let retry = Callback::new(move |_| prefs.refetch());
    view! {
        <section class="card" aria-labelledby="notifications-heading">
            <h2 id="notifications-heading">{t.notifications}</h2>
            <p class="muted">{counts}</p>
            <Loaded lines=4 retry view=move || async move {
                let all = prefs.await?.preferences;
                Ok(if all.is_empty() {
                    view! {
                        <EmptyState title=t.prefs_empty_title>
                            <p>{t.prefs_empty_body}</p>
                        </EmptyState>
                    }.into_any()
                } else {
                    preference_table(all, save).into_any()
                })
            } />
            <p class="save-status" class:save-status--ok=move || status().0 == Some(true)
                class:save-status--error=move || status().0 == Some(false)
                role="status" aria-live="polite">{move || status().1}</p>
        </section>
    }
}

fn preference_table(
    all: Vec<Preference>,
    save: Action<Change, Result<Preference, ApiError>>,
) -> impl IntoView {
    let t = AccountText::get();
    let enabled = move |category, channel| {
        all.iter()
            .find(|p| p.category == category && p.channel == channel)
            .map(|p| p.enabled)
    };
    let rows = NotificationCategory::ALL
        .iter()
        .copied()
        .filter(|c| NotificationChannel::ALL.iter().any(|ch| enabled(*c, *ch).is_some()))
        .map(|category| {
            let cells = NotificationChannel::ALL.iter().copied().map(|channel| {
                let cell = enabled(category, channel).map(|on| {
                    let shown = RwSignal::new(on);
                    view! {
                        <label class="prefs__box">
                            <input type="checkbox" prop:checked=move || shown.get()
                                on:change=move |ev| {
                                    let enabled = event_target_checked(&ev);
                                    shown.set(enabled);
                                    save.dispatch((Preference { category, channel, enabled }, shown));
                                } />
                            <span class="visually-hidden">{pair_label(category, channel)}</span>
                        </label>
                    }
                });
                view! { <td>{cell}</td> }
            }).collect_view();
            view! { <tr><th scope="row">{t.category(category)}</th>{cells}</tr> }
        })
        .collect_view();
    view! {
        <div class="table-wrap">
            <table class="table prefs">
                <caption class="visually-hidden">{t.prefs_caption}</caption>
                <thead><tr>
                    <th scope="col">{t.topic}</th>
                    {NotificationChannel::ALL.iter().map(|ch| view! { <th scope="col">{t.channel(*ch)}</th> }).collect_view()}
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

/// Sends a test push, and lets the browser show pushes as notifications.
#[component]
fn PushTest() -> impl IntoView {
    let permission = RwSignal::new(device::permission());
    let ping = Action::new_local(|_: &()| api::ktti::test_ping());
    let t = AccountText::get();
    let status = move || match ping.value().get() {
        _ if ping.pending().get() => t.sending.to_string(),
        Some(Ok(_)) => t.push_sent.to_string(),
        Some(Err(e)) => crate::i18n::fill(t.not_sent, &[("error", &e.message())]),
        None => String::new(),
    };
    let failed = move || ping.value().with(|v| matches!(v, Some(Err(_))));
    let allowed = move || match permission.get() {
        None => t.browser_unsupported,
        Some(NotificationPermission::Granted) => t.browser_granted,
        Some(NotificationPermission::Denied) => t.browser_denied,
        Some(_) => t.browser_not_yet,
    };
    view! {
        <section class="card" aria-labelledby="push-heading">
            <h2 id="push-heading">{t.push_test}</h2>
            <p class="muted">{t.push_sandbox}</p>
            <p role="status">{allowed}</p>
            <div class="actions">
                <button type="button" class="btn btn--secondary" disabled=move || ping.pending().get()
                    on:click=move |_| { ping.dispatch(()); }>{t.send_test_push}</button>
                <Show when=move || permission.get() == Some(NotificationPermission::Default)>
                    <button type="button" class="btn btn--secondary" on:click=move |_| {
                        device::request_permission(move |p| { permission.try_set(p); });
                    }>{t.allow_browser}</button>
                </Show>
            </div>
            <p class="save-status" class:save-status--error=failed role="status" aria-live="polite">{status}</p>
        </section>
    }
}

/// The person's devices, this browser marked, each one forgettable.
#[component]
fn Devices() -> impl IntoView {
    let toasts = use_toasts();
    let registered = use_context::<device::Registered>();
    let devices = LocalResource::new(move || {
        // Loads again once this browser has registered, to list it.
        if let Some(r) = registered {
            r.0.track();
        }
        api::ktti::devices()
    });
    let forget = Action::new_local(|id: &String| {
        let id = id.clone();
        async move { api::ktti::forget_device(&id).await }
    });
    on_done(
        forget,
        move |_| {
            toasts.success(AccountText::get().device_forgotten);
            devices.refetch();
        },
        Failure::Toast,
    );
    let retry = Callback::new(move |_| devices.refetch());
    view! {
        <section class="card" aria-labelledby="devices-heading">
            <h2 id="devices-heading">{AccountText::get().devices}</h2>
            <p class="muted">{AccountText::get().devices_note}</p>
            <Loaded lines=3 retry view=move || async move {
                let list = devices.await?.devices;
                Ok(if list.is_empty() {
                    view! {
                        <EmptyState title=AccountText::get().no_devices>
                            <p>{AccountText::get().no_devices_body}</p>
                        </EmptyState>
                    }.into_any()
                } else {
                    let this = device::stored_id();
                    view! {
                        <ul class="rows">
                            {list.into_iter().map(|d| {
                                let is_this = this.as_deref() == Some(d.device_id.as_str());
                                view! { <DeviceRow d is_this forget /> }
                            }).collect_view()}
                        </ul>
                    }.into_any()
                })
            } />
        </section>
    }
}

#[component]
fn DeviceRow(
    d: Device,
    is_this: bool,
    forget: Action<String, Result<(), ApiError>>,
) -> impl IntoView {
    let t = AccountText::get();
    let name = d
        .model
        .clone()
        .filter(|m| !m.trim().is_empty())
        .unwrap_or_else(|| t.unknown_device.into());
    let platform = match d.platform.as_deref() {
        Some("web") => t.platform_web.to_string(),
        Some("android") => "Android".to_string(),
        Some("ios") => "iOS".to_string(),
        Some(other) => other.to_string(),
        None => t.unknown_platform.to_string(),
    };
    let mut meta = vec![platform];
    meta.extend(
        d.app_version
            .as_ref()
            .map(|v| crate::i18n::fill(t.app_version, &[("v", &crate::i18n::digits(v))])),
    );
    if d.push {
        meta.push(t.push_on.into());
    }
    let question = if is_this {
        t.forget_this_question.to_string()
    } else {
        crate::i18n::fill(t.forget_question, &[("name", &name)])
    };
    let id = d.device_id.clone();
    view! {
        <li class="row">
            <div class="row__main">
                <span class="row__title">{name.clone()}
                    {is_this.then(|| view! { " " <span class="badge badge--this">{t.this_device}</span> })}</span>
                <span class="row__meta">{meta.join(" · ")}</span>
                <span class="row__meta">{t.last_seen}" "
                    <time datetime=d.last_seen_at.clone() title=fmt::datetime(&d.last_seen_at)>{fmt::relative(&d.last_seen_at)}</time></span>
            </div>
            <button type="button" class="btn btn--small btn--danger" disabled=move || forget.pending().get()
                on:click=move |_| {
                    if window().confirm_with_message(&question).unwrap_or(false) { forget.dispatch(id.clone()); }
                }>{t.forget}<span class="visually-hidden">{format!(" {name}")}</span></button>
        </li>
    }
}

/// Platform admins find customers and block or unblock them.
#[component]
fn BlockCustomers() -> impl IntoView {
    let t = AccountText::get();
    let toasts = use_toasts();
    let query = RwSignal::new(String::new());
    let errors = RwSignal::new(kitty_api::FieldErrors::new());
    let alert = RwSignal::new(None::<String>);
    // What was last searched for; nothing is listed before the first search.
    let searched = RwSignal::new(None::<String>);
    let found = LocalResource::new(move || {
        let q = searched.get();
        async move {
            match q {
                Some(q) => api::ktti::customers(&q).await.map(|l| l.customers),
                None => Ok(Vec::new()),
            }
        }
    });
    let block = Action::new_local(|(id, blocked): &(String, bool)| {
        let (id, blocked) = (id.clone(), *blocked);
        async move { api::ktti::set_blocked(&id, blocked).await }
    });
    on_done(
        block,
        move |c: Customer| {
            alert.set(None);
            toasts.success(crate::i18n::fill(
                if c.blocked {
                    t.customer_blocked
                } else {
                    t.customer_unblocked
                },
                &[("name", &c.name)],
            ));
            found.refetch();
        },
        Failure::Form(errors, alert),
    );
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let q = query.get_untracked().trim().to_string();
        alert.set(None);
        if !(3..=100).contains(&q.chars().count()) {
            let mut e = kitty_api::FieldErrors::new();
            e.insert("query".into(), t.customer_query_length.into());
            errors.set(e);
            return;
        }
        errors.set(Default::default());
        searched.set(Some(q));
    };
    let retry = Callback::new(move |_| found.refetch());
    view! {
        <section class="card" aria-labelledby="block-heading">
            <h2 id="block-heading">{t.admin_block}</h2>
            <p class="muted">{t.admin_block_note}</p>
            <form class="form" role="search" aria-label=t.find_customers on:submit=on_submit novalidate>
                <TextField name="query" label=t.customer_query value=query errors kind="search"
                    hint=t.customer_query_hint />
                <button class="btn btn--secondary" type="submit">{t.search}</button>
            </form>
            <div class="form--inline"><FormAlert message=alert.into() /></div>
            <Show when=move || searched.get().is_some()>
                <Loaded lines=3 retry view=move || {
                    async move {
                        let list = found.await?;
                        Ok(if list.is_empty() {
                            view! {
                                <EmptyState title=t.no_customers>
                                    <p>{t.no_customers_body}</p>
                                </EmptyState>
                            }.into_any()
                        } else {
                            view! {
                                <ul class="rows">
                                    {list.into_iter().map(|c| view! { <CustomerRow c block /> }).collect_view()}
                                </ul>
                            }.into_any()
                        })
                    }
                } />
            </Show>
        </section>
    }
}

#[component]
fn CustomerRow(
    c: Customer,
    block: Action<(String, bool), Result<Customer, ApiError>>,
) -> impl IntoView {
    let t = AccountText::get();
    let is_me = use_session().user().is_some_and(|u| u.id == c.id);
    let contact = match (&c.mobile, &c.email) {
        (Some(mobile), Some(email)) => format!("{mobile} · {email}"),
        (Some(only), None) | (None, Some(only)) => only.clone(),
        (None, None) => t.no_contact.to_string(),
    };
    let (id, name, blocked) = (c.id.clone(), c.name.clone(), c.blocked);
    let question = crate::i18n::fill(t.block_question, &[("name", &name)]);
    let on_click = move |_| {
        if blocked || window().confirm_with_message(&question).unwrap_or(false) {
            block.dispatch((id.clone(), !blocked));
        }
    };
    view! {
        <li class="row">
            <div class="row__main">
                <span class="row__title">{c.name.clone()}{is_me.then_some(t.you)}
                    {blocked.then(|| view! { " " <span class="status status--blocked">{t.blocked}</span> })}</span>
                <span class="row__meta">{contact}</span>
            </div>
            <button type="button" class=if blocked { "btn btn--small btn--secondary" } else { "btn btn--small btn--danger" }
                disabled=move || block.pending().get() on:click=on_click>
                {if blocked { t.unblock } else { t.block }}
                <span class="visually-hidden">{format!(" {name}")}</span>
            </button>
        </li>
    }
}
