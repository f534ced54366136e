//! Landing pages of the areas whose features arrive in their own issues. Each says plainly what the
//! area will hold, so nobody mistakes it for a broken page.

use crate::components::feedback::use_title;
use leptos::prelude::*;

#[component]
fn AreaLanding(
    title: &'static str,
    lede: &'static str,
    coming: &'static [&'static str],
) -> impl IntoView {
    view! {
        <div class="page">
            <header class="page__header"><h1>{title}</h1></header>
            <p class="page__lede">{lede}</p>
            <section class="card" aria-labelledby="coming-heading">
                <h2 id="coming-heading">
                    "What will be here " <span class="badge badge--soon">"In the works"</span>
                </h2>
                <ul class="checklist">
                    {coming.iter().map(|c| view! { <li>{*c}</li> }).collect_view()}
                </ul>
            </section>
        </div>
    }
}

#[component]
pub fn Kitties() -> impl IntoView {
    use_title("Kitties");
    view! {
        <AreaLanding
            title="Kitties"
            lede="A kitty is money a group holds together: one balance with its own account number and a shared card."
            coming=&[
                "Your kitties and your personal kitty, with balances",
                "Members, invitations and referral codes",
                "Deposits by bank transfer, and assigning the unassigned ones",
                "Card spending and refunds split exactly: even, shares, percentages or fixed amounts",
                "What each member put in and spent",
                "Closing a kitty and paying out what is left",
            ]
        />
    }
}

#[component]
pub fn Ramp() -> impl IntoView {
    use_title("Ramp");
    view! {
        <AreaLanding
            title="Ramp"
            lede="Move money between mobile money, banks and Kitty."
            coming=&[
                "Mobile-money deposits and withdrawals (M-Pesa and others)",
                "Bank payouts",
                "Paybill and till payments, and till look-ups",
                "Quotes before you commit, and identity checks (KYC)",
            ]
        />
    }
}
