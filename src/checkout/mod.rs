//! The buyer's checkout page: what to transfer, to which card, before when; then the outcome.
//! It polls the payment's status and returns the buyer to the shop when it is settled.

pub mod i18n;
// Its JSON field readers serve the crypto and order pages too (`crate::coinpay`).
pub(crate) mod net;

use crate::api::ApiError;
use crate::components::copy::CopyButton;
use i18n::{clock, number, text, Lang, LangPicker, Text};
use kitty_api::merchant::{group_card, CardTransfer, PaymentInfo, TransactionStatus};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::time::Duration;

/// How often the page asks whether the money arrived.
const POLL: Duration = Duration::from_secs(3);
/// The first load is retried after 1, 2, 4 … seconds, at most this long apart.
const MAX_BACKOFF_SECS: u32 = 30;
/// How long the outcome stays on screen before the buyer is sent back to the shop.
const REDIRECT_AFTER: Duration = Duration::from_secs(5);

/// `callback_url` with the outcome appended, as the merchant's server expects it.
pub fn return_url(callback: &str, authority: &str, status: TransactionStatus) -> String {
    let sep = if callback.contains('?') { '&' } else { '?' };
    format!(
        "{callback}{sep}authority={}&status={}",
        js_sys::encode_uri_component(authority),
        status.as_str()
    )
}

#[component]
pub fn Checkout(authority: String) -> impl IntoView {
    let lang = RwSignal::new(crate::i18n::preferred());
    let persian_digits = RwSignal::new(true);
    let info = RwSignal::new(None::<Result<PaymentInfo, ApiError>>);
    let status = RwSignal::new(None::<TransactionStatus>);
    let remaining = RwSignal::new(0i64);
    let sandbox = RwSignal::new(false);
    let authority = StoredValue::new(authority);

    Effect::new(move || {
        let l = lang.get();
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("lang", l.code());
            let _ = root.set_attribute("dir", l.dir());
        }
        document().set_title(text(l).title);
    });

    let loader = Loader {
        authority,
        info,
        status,
        remaining,
        sandbox,
        failures: StoredValue::new(0),
        in_flight: StoredValue::new(false),
        timer: StoredValue::new_local(None),
        retry_in: RwSignal::new(None),
    };
    loader.load();
    // Back online: try at once instead of waiting out the back-off.
    let online = window_event_listener(leptos::ev::online, move |_| {
        if !matches!(info.get_untracked(), Some(Ok(_))) {
            loader.load();
        }
    });
    on_cleanup(move || {
        online.remove();
        loader.cancel_timer();
    });
    let retry_in = loader.retry_in;
    let countdown = set_interval_with_handle(
        move || {
            if let Some(n) = retry_in.get_untracked().filter(|n| *n > 0) {
                retry_in.set(Some(n - 1));
            }
        },
        Duration::from_secs(1),
    );
    if let Ok(h) = countdown {
        on_cleanup(move || h.clear());
    }

    // Polling failures are shown, not swallowed: the buyer knows the page is still trying.
    let connection_lost = RwSignal::new(false);
    // The browser's own word on the connection: an open event stream may not notice for minutes
    // that the network is gone, so the page listens for `offline` and `online` too.
    let offline = RwSignal::new(!window().navigator().on_line());
    // Set only when it changes: each set redraws the page, which would take the focus away.
    let set_status = move |s: TransactionStatus| {
        if status.get_untracked() != Some(s) {
            status.set(Some(s));
        }
    };
    let check = move || {
        spawn_local(async move {
            match net::check_status(&authority.get_value()).await {
                Ok(s) => {
                    connection_lost.set(false);
                    set_status(s);
                }
                Err(_) => connection_lost.set(true),
            }
        })
    };
    let pending = move || status.get_untracked() == Some(TransactionStatus::Pending);
    // The status arrives as server-sent events while the stream is up; polling covers the rest.
    let stream = StoredValue::new_local(None::<crate::live::Stream>);
    let open_stream = move || {
        let url = format!(
            "{}/{}/events",
            net::BASE,
            js_sys::encode_uri_component(&authority.get_value())
        );
        // The server sends the current status at once, so a reopened stream catches up.
        stream.set_value(crate::live::Stream::open(&url, "status", move |word| {
            if let Some(s) = TransactionStatus::parse(&word) {
                connection_lost.set(false);
                set_status(s);
            }
        }));
    };
    Effect::new(move || {
        if status.get() == Some(TransactionStatus::Pending)
            && stream.with_value(Option::is_none)
            && !offline.get_untracked()
        {
            open_stream();
        }
    });
    let went_offline = window_event_listener(leptos::ev::offline, move |_| {
        offline.set(true);
        // Closed now, and opened afresh when the network is back.
        stream.set_value(None);
    });
    let back_online = window_event_listener(leptos::ev::online, move |_| {
        offline.set(false);
        if pending() {
            open_stream();
        }
    });
    on_cleanup(move || {
        went_offline.remove();
        back_online.remove();
    });
    if let Ok(h) = set_interval_with_handle(
        move || {
            let live = stream.with_value(|s| s.as_ref().is_some_and(crate::live::Stream::is_open));
            if pending() && !live && !offline.get_untracked() {
                check();
            }
        },
        POLL,
    ) {
        on_cleanup(move || h.clear());
    }
    if let Ok(h) = set_interval_with_handle(
        move || {
            if pending() {
                let left = remaining.get_untracked() - 1;
                remaining.set(left.max(0));
                if left == 0 && !offline.get_untracked() {
                    // The server decides; ask it now rather than at the next poll.
                    check();
                }
            }
        },
        Duration::from_secs(1),
    ) {
        on_cleanup(move || h.clear());
    }

    // Once settled one way or the other, send the buyer back to the shop.
    Effect::new(move || {
        let Some(s) = status.get() else { return };
        if s == TransactionStatus::Pending {
            return;
        }
        let Some(Ok(p)) = info.get_untracked() else {
            return;
        };
        let url = return_url(&p.callback_url, &p.authority, s);
        set_timeout(
            move || {
                let _ = window().location().set_href(&url);
            },
            REDIRECT_AFTER,
        );
    });

    let t = move || text(lang.get());
    // Why the page is not hearing from the server right now, if it is not.
    let notice = move || {
        if offline.get() {
            Some(t().offline_notice)
        } else {
            connection_lost.get().then(|| t().reconnecting)
        }
    };
    let fa_digits = move || lang.get() == Lang::Fa && persian_digits.get();
    view! {
        <main class="checkout">
            <div class="checkout__bar">
                <span class="checkout__brand">"Kitty Pay"</span>
                <Show when=move || lang.get() == Lang::Fa>
                    <label class="checkout__digits">
                        <input type="checkbox" prop:checked=move || persian_digits.get()
                            on:change=move |_| persian_digits.update(|p| *p = !*p) />
                        {move || t().persian_digits}
                    </label>
                </Show>
                <LangPicker lang />
            </div>
            {move || match info.get() {
                None => view! { <p class="checkout__loading" role="status">{t().loading}</p> }.into_any(),
                Some(Err(e)) => view! {
                    <LoadError error=e t=t() retry_in=retry_in fa_digits=Signal::derive(fa_digits)
                        on_retry=Callback::new(move |_| {
                            // Asked for by the person: start the back-off again from one second.
                            loader.failures.set_value(0);
                            loader.load();
                        }) />
                }.into_any(),
                Some(Ok(p)) => match status.get().unwrap_or(p.status) {
                    TransactionStatus::Pending => view! {
                        <PayNow info=p remaining fa_digits=Signal::derive(fa_digits) t=Signal::derive(t) sandbox
                            notice=Signal::derive(notice) />
                    }.into_any(),
                    done => view! { <Outcome info=p status=done t=t() /> }.into_any(),
                },
            }}
        </main>
    }
}

/// The first load of the payment, retried with back-off until it succeeds (a link that does not
/// exist is not retried).
#[derive(Clone, Copy)]
struct Loader {
    authority: StoredValue<String>,
    info: RwSignal<Option<Result<PaymentInfo, ApiError>>>,
    status: RwSignal<Option<TransactionStatus>>,
    remaining: RwSignal<i64>,
    sandbox: RwSignal<bool>,
    /// Failed loads in a row.
    failures: StoredValue<u32>,
    in_flight: StoredValue<bool>,
    timer: StoredValue<Option<TimeoutHandle>, leptos::prelude::LocalStorage>,
    /// Seconds until the next automatic try, while one is waiting.
    retry_in: RwSignal<Option<u32>>,
}

impl Loader {
    fn cancel_timer(self) {
        if let Some(h) = self.timer.try_update_value(Option::take).flatten() {
            h.clear();
        }
    }

    fn load(self) {
        if self.in_flight.get_value() {
            return;
        }
        self.cancel_timer();
        self.retry_in.set(None);
        self.in_flight.set_value(true);
        spawn_local(async move {
            let result = net::payment_info(&self.authority.get_value()).await;
            self.in_flight.set_value(false);
            match &result {
                Ok(p) => {
                    self.failures.set_value(0);
                    self.status.set(Some(p.status));
                    self.remaining.set(p.remaining_seconds);
                    self.sandbox.set(p.sandbox);
                }
                Err(ApiError::NotFound(_)) => {}
                Err(_) => {
                    let n = self.failures.get_value();
                    self.failures.set_value(n + 1);
                    let wait = 2u32.saturating_pow(n).min(MAX_BACKOFF_SECS);
                    self.retry_in.set(Some(wait));
                    let handle = set_timeout_with_handle(
                        move || self.load(),
                        Duration::from_secs(u64::from(wait)),
                    );
                    self.timer.set_value(handle.ok());
                }
            }
            self.info.set(Some(result));
        });
    }
}

#[component]
fn LoadError(
    error: ApiError,
    t: &'static Text,
    retry_in: RwSignal<Option<u32>>,
    fa_digits: Signal<bool>,
    on_retry: Callback<()>,
) -> impl IntoView {
    let not_found = matches!(error, ApiError::NotFound(_));
    let message = if not_found { t.not_found } else { t.offline };
    view! {
        <section class="checkout__card checkout__card--error" role="alert">
            <p>{message}</p>
            {(!not_found).then(|| view! {
                <p class="checkout__retrying" aria-live="polite">{move || match retry_in.get() {
                    Some(n) if n > 0 => format!("{} {} {}", t.retrying_in, number(i64::from(n), fa_digits.get()), t.seconds),
                    _ => t.retrying.to_string(),
                }}</p>
                <button type="button" class="checkout__button" on:click=move |_| on_retry.run(())>{t.retry}</button>
            })}
        </section>
    }
}

#[component]
fn PayNow(
    info: PaymentInfo,
    remaining: RwSignal<i64>,
    fa_digits: Signal<bool>,
    t: Signal<&'static Text>,
    sandbox: RwSignal<bool>,
    /// Set while the connection is down: the page is not hearing from the server.
    notice: Signal<Option<&'static str>>,
) -> impl IntoView {
    let card_grouped = group_card(&info.card_number);
    let card_shown = {
        let g = card_grouped.clone();
        move || {
            if fa_digits.get() {
                crate::i18n::to_persian_digits(&g)
            } else {
                g.clone()
            }
        }
    };
    let amount = info.final_amount;
    let urgent = move || remaining.get() < 60;
    let simulate = Action::new_local(move |transfer: &CardTransfer| {
        let transfer = transfer.clone();
        async move { net::simulate_transfer(&transfer.card_number, transfer.amount).await }
    });
    // A failed sandbox request says so next to its button, instead of doing nothing.
    let simulate_failed = move || matches!(simulate.value().get(), Some(Err(_)));
    let transfer = CardTransfer {
        card_number: info.card_number.clone(),
        amount,
    };
    let qr = format!("/kpay/transactions/payment/{}/qr.svg", info.authority);
    view! {
        <section class="checkout__card" aria-labelledby="pay-heading">
            // Always in the page (empty while connected), so screen readers hear it change.
            <p class="checkout__notice" class:checkout__notice--on=move || notice.with(Option::is_some)
                role="status">{notice}</p>
            <h1 class="checkout__to" id="pay-heading">{move || t.get().pay_to} " " <strong>{info.shop_name.clone()}</strong></h1>
            {info.description.clone().map(|d| view! { <p class="checkout__desc">{d}</p> })}
            <div class="checkout__amount">
                <span class="checkout__label">{move || t.get().amount}</span>
                <div class="checkout__row">
                    <span class="checkout__big" dir="ltr">
                        {move || number(amount, fa_digits.get())} " " <small>{move || t.get().rials}</small>
                    </span>
                    <CopyButton value=amount.to_string() label=Signal::derive(move || t.get().copy)
                        done=Signal::derive(move || t.get().copied) what="amount" />
                </div>
                <p class="checkout__note">{move || t.get().exact_note}</p>
            </div>
            <div class="checkout__field">
                <span class="checkout__label">{move || t.get().card}</span>
                <div class="checkout__row">
                    <span class="checkout__cardno" dir="ltr">{card_shown}</span>
                    <CopyButton value=info.card_number.clone() label=Signal::derive(move || t.get().copy)
                        done=Signal::derive(move || t.get().copied) what="card number" />
                </div>
            </div>
            <dl class="checkout__facts">
                <div><dt>{move || t.get().owner}</dt><dd>{info.owner_name.clone()}</dd></div>
                <div><dt>{move || t.get().bank}</dt><dd>{info.bank_name.clone()}</dd></div>
                <div>
                    <dt>{move || t.get().time_left}</dt>
                    // The timer role goes on a span: a `dd` must stay a `dd` for the list to hold.
                    <dd class="checkout__timer" class:checkout__timer--urgent=urgent dir="ltr">
                        <span role="timer" aria-live="off">{move || clock(remaining.get(), fa_digits.get())}</span>
                    </dd>
                </div>
            </dl>
            <p class="checkout__waiting" class:checkout__waiting--paused=move || notice.with(Option::is_some) role="status">
                <span class="spinner" aria-hidden="true"></span>{move || t.get().waiting}
            </p>
        </section>
        <Show when=move || sandbox.get()>
            <section class="checkout__sandbox">
                <p>{move || t.get().sandbox_note}</p>
                <button type="button" class="checkout__button checkout__button--secondary"
                    disabled=move || simulate.pending().get()
                    on:click={
                        let transfer = transfer.clone();
                        move |_| { simulate.dispatch(transfer.clone()); }
                    }>
                    {move || t.get().simulate}
                </button>
                <p class="checkout__sandbox-error" role="alert">
                    {move || simulate_failed().then(|| t.get().simulate_failed)}
                </p>
            </section>
        </Show>
        <ol class="checkout__steps">
            {move || t.get().steps.iter().map(|s| view! { <li>{*s}</li> }).collect_view()}
        </ol>
        <aside class="checkout__qr">
            <img src=qr width="160" height="160" loading="lazy" alt=move || t.get().scan />
            <p>{move || t.get().scan}</p>
        </aside>
    }
}

#[component]
fn Outcome(info: PaymentInfo, status: TransactionStatus, t: &'static Text) -> impl IntoView {
    let (title, body, class) = match status {
        TransactionStatus::Paid => (
            t.paid_title,
            t.paid_body,
            "checkout__card checkout__card--paid",
        ),
        TransactionStatus::PaidLate => (
            t.late_title,
            t.late_body,
            "checkout__card checkout__card--late",
        ),
        TransactionStatus::Expired => (
            t.expired_title,
            t.expired_body,
            "checkout__card checkout__card--expired",
        ),
        _ => (
            t.failed_title,
            t.failed_body,
            "checkout__card checkout__card--failed",
        ),
    };
    let back = return_url(&info.callback_url, &info.authority, status);
    view! {
        <section class=class role="alert">
            <h1 class="checkout__outcome">{title}</h1>
            <p>{body}</p>
            <p class="checkout__label">{info.shop_name.clone()}</p>
            <a class="checkout__button" href=back>{t.back_to_shop}</a>
            <p class="checkout__note">{t.redirecting}</p>
        </section>
    }
}
