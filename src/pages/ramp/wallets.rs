//! Wallets: the partner's custodial users, created by phone number. For the user chosen
//! (`?user=ID`): the stablecoin balance and address on each chain, test coins in sandbox mode,
//! cash-outs to M-Pesa, and stablecoins bought for them.

use super::cashout::{BuyCusd, BuyUsdt, CashOut};
use super::decimal;
use super::users::{address_name, coins, symbol, Users};
use super::{phone_hint, phone_problem, set_error, PartnerGate};
use crate::api;
use crate::components::copy::CopyButton;
use crate::components::feedback::{on_done, use_title, EmptyState, Failure, Loaded};
use crate::components::form::{FormAlert, TextField};
use crate::components::toast::use_toasts;
use crate::i18n::rampchain::{ChainText, WalletText};
use crate::i18n::{digits, fill};
use crate::pages::merchant::poll::{poll, Polled, PolledView};
use crate::session::use_session;
use kitty_api::crypto::{stablecoin_of, Network};
use kitty_api::onchain::{BalanceResponse, ChainAddress, CreatedUser, KotaniUser, CHAINS};
use kitty_api::ramp::Country;
use kitty_api::FieldErrors;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;
use std::collections::BTreeMap;

/// What "Receive test coins" sends, in the chain's stablecoin.
const TEST_COINS: &str = "10";

/// Each chain's balance, kept current while coins are arriving.
pub type ChainBalances = [(Network, Polled<BalanceResponse>); 5];

/// The amount of `symbol` in a balance map (token symbol → decimal string); `0` when absent.
fn token_amount(map: &BTreeMap<String, String>, symbol: &str) -> String {
    map.iter()
        .find(|(token, _)| token.eq_ignore_ascii_case(symbol))
        .map(|(_, amount)| amount.clone())
        .unwrap_or_else(|| "0".into())
}

/// The stablecoin balance on `chain` as last loaded, read reactively.
pub fn balance_on(balances: &ChainBalances, chain: Network) -> Option<String> {
    let (_, polled) = balances.iter().find(|(c, _)| *c == chain)?;
    polled
        .data
        .with(|d| d.as_ref().map(|b| token_amount(&b.balance, symbol(chain))))
}

/// The same, read once (in an event handler).
pub fn balance_now(balances: &ChainBalances, chain: Network) -> Option<String> {
    let (_, polled) = balances.iter().find(|(c, _)| *c == chain)?;
    polled
        .data
        .with_untracked(|d| d.as_ref().map(|b| token_amount(&b.balance, symbol(chain))))
}

#[component]
pub fn Wallets() -> impl IntoView {
    use_title(WalletText::get().title);
    let form = |country: Country| view! { <WalletsBody country /> }.into_any();
    view! { <PartnerGate form /> }
}

/// The user whose wallet is open, as far as the wallet needs them: it stays open (with what was
/// typed in its forms) when their name or verification changes.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Chosen {
    user_id: String,
    phone: String,
    addresses: Vec<ChainAddress>,
}

#[component]
fn WalletsBody(country: Country) -> impl IntoView {
    let users: Users = LocalResource::new(api::kotani::my_users);
    let query = use_query_map();
    let chosen_id = Memo::new(move |_| query.with(|q| q.get("user")).unwrap_or_default());
    // A wallet opened by choosing a user gets the focus; the one the address opened with does
    // not (the page has just loaded).
    let opened_with = chosen_id.get_untracked();
    let first = StoredValue::new(true);
    let find = move |id: &str| -> Option<KotaniUser> {
        users
            .get()
            .and_then(|r| r.ok())
            .and_then(|all| all.data.into_iter().find(|u| u.user_id == id))
    };
    let chosen = Memo::new(move |_| {
        find(&chosen_id.get()).map(|u| Chosen {
            user_id: u.user_id,
            phone: u.phone_number,
            addresses: u.addresses,
        })
    });
    let verified = Memo::new(move |_| find(&chosen_id.get()).map(|u| u.verified));
    let unknown = move || {
        !chosen_id.with(String::is_empty)
            && matches!(users.get(), Some(Ok(_)))
            && chosen.with(Option::is_none)
    };
    let t = WalletText::get();
    view! {
        <p class="page__lede">{t.lede}</p>
        <div class="split">
            <UserList users chosen_id />
            <CreateUser country users />
        </div>
        {move || unknown().then(|| view! {
            <p class="form-alert" role="alert">{t.not_yours}</p>
        })}
        {move || chosen.get().map(|c| {
            let focus = !first.get_value() || c.user_id != opened_with;
            first.set_value(false);
            view! { <UserWallet c country verified focus /> }
        })}
    }
}

#[component]
fn UserList(users: Users, chosen_id: Memo<String>) -> impl IntoView {
    let retry = Callback::new(move |_| users.refetch());
    let t = WalletText::get();
    view! {
        <section class="card" aria-labelledby="users-heading">
            <h2 id="users-heading">{t.your_users}</h2>
            <Loaded lines=3 retry view=move || async move {
                users.await.map(|all| if all.data.is_empty() {
                    view! {
                        <EmptyState title=t.no_users>
                            <p>{t.no_users_body}</p>
                        </EmptyState>
                    }.into_any()
                } else {
                    view! {
                        <ul class="rows ramp-users">
                            {all.data.into_iter().map(|u| view! { <UserRow u chosen_id /> }).collect_view()}
                        </ul>
                    }.into_any()
                })
            } />
        </section>
    }
}

#[component]
fn UserRow(u: KotaniUser, chosen_id: Memo<String>) -> impl IntoView {
    let href = format!("/ramp/wallets?user={}", api::enc(&u.user_id));
    let id = u.user_id.clone();
    let current = Memo::new(move |_| chosen_id.with(|c| *c == id));
    let name = [u.firstname.as_deref(), u.lastname.as_deref()]
        .into_iter()
        .flatten()
        .filter(|n| !n.trim().is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    let t = WalletText::get();
    let meta = fill(
        t.row_meta,
        &[
            ("name", if name.is_empty() { t.no_name } else { &name }),
            ("date", &crate::fmt::date(&u.created_at)),
        ],
    );
    let c = ChainText::get();
    let (class, label) = if u.verified {
        ("status status--successful", c.verified)
    } else {
        ("status status--pending", c.not_verified)
    };
    view! {
        <li class="row" class:ramp-users__row--chosen=move || current.get()>
            // A plain link: the router follows it, and the current row says so itself.
            <a href=href class="row__main" data-noscroll="true" aria-current=move || current.get().then_some("true")>
                <span class="row__title mono">{u.phone_number.clone()}</span>
                <span class="row__meta">{meta}</span>
            </a>
            <span class=class>{label}</span>
        </li>
    }
}

#[component]
fn CreateUser(country: Country, users: Users) -> impl IntoView {
    let toasts = use_toasts();
    let navigate = use_navigate();
    let phone = RwSignal::new(String::new());
    let errors = RwSignal::new(FieldErrors::new());
    let alert = RwSignal::new(None::<String>);
    Effect::new(move || set_error(errors, "phoneNumber", phone_problem(&phone.get(), country)));
    let create = Action::new_local(|phone_number: &String| {
        let phone_number = phone_number.clone();
        async move { api::kotani::create_user(&phone_number).await }
    });
    on_done(
        create,
        move |u: CreatedUser| {
            toasts.success(digits(&fill(
                WalletText::get().created,
                &[("n", &u.addresses.len().to_string())],
            )));
            phone.set(String::new());
            errors.set(FieldErrors::new());
            users.refetch();
            navigate(
                &format!("/ramp/wallets?user={}", api::enc(&u.user_id)),
                NavigateOptions {
                    scroll: false,
                    ..Default::default()
                },
            );
        },
        Failure::Form(errors, alert),
    );
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        alert.set(None);
        match super::phone_number(&phone.get_untracked(), country) {
            Ok(number) => {
                errors.set(FieldErrors::new());
                create.dispatch(number);
            }
            Err(e) => {
                let mut found = FieldErrors::new();
                found.insert("phoneNumber".into(), e);
                errors.set(found);
            }
        }
    };
    let t = WalletText::get();
    view! {
        <section class="card card--form" aria-labelledby="create-user-heading">
            <h2 id="create-user-heading">{t.create_user}</h2>
            <p class="muted">{t.create_note}</p>
            <form class="form" on:submit=on_submit novalidate>
                <FormAlert message=alert.into() />
                <TextField scope="create" name="phoneNumber" label=ChainText::get().phone_number value=phone errors kind="tel"
                    inputmode="tel" autocomplete="off" hint=phone_hint(country) required=true />
                <button class="btn btn--primary" type="submit" disabled=move || create.pending().get()>
                    {move || if create.pending().get() { t.creating } else { t.create_the_user }}
                </button>
            </form>
        </section>
    }
}

/// The chosen user's wallet: a card per chain, then what can be done with the coins.
#[component]
fn UserWallet(
    c: Chosen,
    country: Country,
    verified: Memo<Option<bool>>,
    /// Move the focus here (the user was just chosen).
    focus: bool,
) -> impl IntoView {
    let session = use_session();
    // Bumped whenever coins move, so every balance loads again.
    let moves = RwSignal::new(0u32);
    let balances: ChainBalances = CHAINS.map(|chain| {
        let phone = c.phone.clone();
        let polled = poll(
            move || {
                moves.track();
                let phone = phone.clone();
                async move { api::kotani::chain_balance(&phone, chain).await }
            },
            |b: &BalanceResponse| b.pending.values().any(|v| !decimal::is_zero(v)),
        );
        (chain, polled)
    });
    let moved = Callback::new(move |_| moves.update(|n| *n += 1));
    let rates = LocalResource::new(api::kotani::escrow_rates);
    let heading = NodeRef::<leptos::html::H2>::new();
    if focus {
        Effect::new(move || {
            if let Some(h) = heading.get() {
                let _ = h.focus();
            }
        });
    }
    let verify_href = format!("/ramp/verify?phone={}", api::enc(&c.phone));
    let cards = balances
        .iter()
        .map(|(chain, polled)| {
            let address = c
                .addresses
                .iter()
                .find(|a| a.chain == *chain)
                .map(|a| a.address.clone());
            view! {
                <ChainCard chain=*chain polled=*polled user_id=c.user_id.clone() address />
            }
        })
        .collect_view();
    let t = WalletText::get();
    view! {
        <section class="section ramp-wallet" aria-labelledby="wallet-heading">
            <div class="section__header">
                <h2 id="wallet-heading" tabindex="-1" node_ref=heading>{fill(t.wallet_of, &[("phone", &c.phone)])}</h2>
                {move || (verified.get() == Some(false)).then(|| view! {
                    <A href=verify_href.clone() attr:class="link">{t.add_details}</A>
                })}
            </div>
            <Show when=move || session.is_sandbox()>
                <p class="demo-hint">{t.sandbox}</p>
            </Show>
            <ul class="ramp-chains">{cards}</ul>
            <div class="split">
                <CashOut phone=c.phone.clone() country rates balances moved />
                <div class="ramp-stack">
                    <BuyCusd phone=c.phone.clone() country rates moved />
                    {(country == Country::KEN).then(|| view! { <BuyUsdt phone=c.phone.clone() moved /> })}
                </div>
            </div>
        </section>
    }
}

/// One chain of the wallet: the stablecoin balance (and what is arriving), the address to
/// receive on, with its QR code, and test coins in sandbox mode.
#[component]
fn ChainCard(
    chain: Network,
    polled: Polled<BalanceResponse>,
    user_id: String,
    /// The address the user was created with; else the one the balance names.
    address: Option<String>,
) -> impl IntoView {
    let session = use_session();
    let t = WalletText::get();
    let c = ChainText::get();
    let symbol = symbol(chain);
    let name = stablecoin_of(chain).map_or("", |a| a.name);
    let address = Memo::new(move |_| {
        address.clone().or_else(|| {
            polled
                .data
                .with(|d| d.as_ref().map(|b| b.address.clone()))
                .filter(|a| !a.is_empty())
        })
    });
    let balance = move || {
        polled.data.with(|d| {
            d.as_ref()
                .map(|b| coins(&token_amount(&b.balance, symbol), symbol))
        })
    };
    let arriving = move || {
        polled.data.with(|d| {
            d.as_ref().and_then(|b| {
                let p = token_amount(&b.pending, symbol);
                (!decimal::is_zero(&p)).then(|| fill(t.arriving, &[("amount", &coins(&p, symbol))]))
            })
        })
    };
    let qr = api::kotani::user_address_qr_url(&user_id, chain);
    view! {
        <li class="ramp-chain">
            <h3 class="ramp-chain__name">
                {chain.label()}
                <span class="ramp-chain__token">{format!("{symbol} · {name}")}</span>
            </h3>
            <PolledView polled lines=1 body=move || view! {
                <p class="ramp-chain__balance">
                    <span class="stat__label">{t.balance}</span>
                    <span class="ramp-chain__amount">{balance}</span>
                </p>
                <p class="ramp-chain__arriving" aria-live="polite">{arriving}</p>
            } />
            {move || address.get().map(|a| view! {
                <p class="ramp-chain__label">{t.address}</p>
                <div class="copy-line">
                    <span class="mono">{a.clone()}</span>
                    <CopyButton value=a.clone() label=c.copy done=c.copied what=address_name(chain) />
                </div>
                <details class="ramp-chain__qr">
                    <summary>{t.show_qr}</summary>
                    <img class="qr" src=qr.clone() width="160" height="160" loading="lazy"
                        alt=fill(t.qr_alt, &[("chain", chain.label()), ("address", &a)]) />
                </details>
            })}
            <Show when=move || session.is_sandbox()>
                <TestCoins chain address polled />
            </Show>
        </li>
    }
}

/// Sandbox: sends test coins to the address on the sandbox chain.
#[component]
fn TestCoins(
    chain: Network,
    address: Memo<Option<String>>,
    polled: Polled<BalanceResponse>,
) -> impl IntoView {
    let toasts = use_toasts();
    let symbol = symbol(chain);
    let code = stablecoin_of(chain).map_or("", |a| a.code);
    let send = Action::new_local(move |to: &String| {
        let to = to.clone();
        async move { api::kotani::receive_test_coins(code, &to, TEST_COINS).await }
    });
    on_done(
        send,
        move |_| {
            toasts.success(fill(
                WalletText::get().test_sent,
                &[
                    ("n", &digits(TEST_COINS)),
                    ("symbol", symbol),
                    ("chain", chain.label()),
                ],
            ));
            polled.refetch();
        },
        Failure::Toast,
    );
    view! {
        <button type="button" class="btn btn--secondary btn--small ramp-chain__test"
            disabled=move || send.pending().get() || address.with(Option::is_none)
            on:click=move |_| {
                if let Some(a) = address.get_untracked() {
                    send.dispatch(a);
                }
            }>
            {move || if send.pending().get() {
                WalletText::get().sending.to_string()
            } else {
                fill(
                    WalletText::get().receive_test,
                    &[("n", &digits(TEST_COINS)), ("symbol", symbol)],
                )
            }}
        </button>
    }
}
