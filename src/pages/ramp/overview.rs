use super::{money, NeedsPartner, RampRow};
use crate::api::{self, kotani::TransactionQuery, ApiError};
use crate::components::feedback::{use_title, EmptyState, Loaded};
use crate::i18n::fill;
use crate::i18n::ramp::{RampFrameText, RampText};
use crate::i18n::shell::ShellText;
use leptos::prelude::*;
use leptos_router::components::A;

/// The wallet and the latest transactions; a call to set credentials while there are none.
#[component]
pub fn Overview() -> impl IntoView {
    let t = RampText::get();
    let f = RampFrameText::get();
    use_title(ShellText::get().ramp);
    let data = LocalResource::new(|| async {
        // The wallet exists once the partner has credentials: ask only then.
        if api::kotani::partner().await?.phone_number.is_none() {
            return Ok(None);
        }
        let wallet = match api::kotani::wallet().await {
            Ok(w) => w,
            Err(ApiError::NotFound(_)) => return Ok(None),
            Err(e) => return Err(e),
        };
        let latest = TransactionQuery {
            limit: 5,
            ..Default::default()
        };
        let list = api::kotani::transactions(&latest).await?;
        Ok::<_, ApiError>(Some((wallet, list.transactions)))
    });
    let retry = Callback::new(move |_| data.refetch());
    view! {
        <Loaded lines=5 retry view=move || async move {
            data.await.map(|d| match d {
                None => view! { <NeedsPartner /> }.into_any(),
                Some((w, latest)) => view! {
                    <section aria-labelledby="wallet-heading">
                        <h2 id="wallet-heading">{fill(t.wallet, &[("currency", w.currency.code())])}</h2>
                        <ul class="stats">
                            <li class="stat"><span class="stat__label">{t.available}</span><span class="stat__value">{money(w.available, w.currency)}</span></li>
                            <li class="stat"><span class="stat__label">{t.incoming}</span><span class="stat__value">{money(w.incoming, w.currency)}</span></li>
                            <li class="stat"><span class="stat__label">{t.outgoing}</span><span class="stat__value">{money(w.outgoing, w.currency)}</span></li>
                        </ul>
                        <p class="muted">{t.incoming_outgoing}</p>
                        <div class="actions">
                            <A href="/ramp/deposit" attr:class="btn btn--primary">{f.deposit}</A>
                            <A href="/ramp/send" attr:class="btn btn--secondary">{t.send_money}</A>
                        </div>
                    </section>
                    <section class="section ramp-latest" aria-labelledby="latest-heading">
                        <div class="section__header">
                            <h2 id="latest-heading">{t.latest}</h2>
                            <A href="/ramp/history" attr:class="link">{t.see_all}</A>
                        </div>
                        {if latest.is_empty() {
                            view! {
                                <EmptyState title=t.no_transactions_yet>
                                    <p>{t.deposit_to_fill}<A href="/ramp/deposit">{t.make_deposit}</A></p>
                                </EmptyState>
                            }.into_any()
                        } else {
                            view! {
                                <ul class="rows rows--card">
                                    {latest.into_iter().map(|t| view! { <RampRow t /> }).collect_view()}
                                </ul>
                            }.into_any()
                        }}
                    </section>
                }.into_any(),
            })
        } />
    }
}
