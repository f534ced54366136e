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
