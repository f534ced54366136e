//! Billing (`/ktti`): each kitty is on a plan, Free or Plus. Plus lifts the member limit and
//! charges a monthly fee, which is a ledger transaction of its own ([`crate::kitty::TxKind::Fee`])
//! shared like any card payment, so the members' balances stay exact.

use crate::Currency;

/// Days a paid month lasts.
pub const PERIOD_DAYS: i64 = 30;

crate::vocabulary! {
    pub enum Plan {
        Free = "free" / "Free",
        Plus = "plus" / "Plus",
    }
}

impl Plan {
    /// The most active members a kitty on this plan takes.
    pub fn max_members(self) -> i64 {
        match self {
            Plan::Free => 10,
            Plan::Plus => 50,
        }
    }

    /// The fee for 30 days, in the kitty's currency's minor units: none on Free; on Plus about
    /// A$4.99, set per currency in round local amounts.
    pub fn monthly_fee(self, currency: Currency) -> i64 {
        match self {
            Plan::Free => 0,
            Plan::Plus => match currency {
                Currency::AUD => 499,
                Currency::IRR => 1_500_000,
                Currency::KES => 45_000,
                Currency::UGX => 12_000,
                Currency::TZS => 900_000,
                Currency::NGN => 500_000,
                Currency::GHS => 5_000,
                Currency::ZAR => 6_000,
                Currency::USD => 399,
            },
        }
    }
}

crate::vocabulary! {
    pub enum BillingEventKind {
        /// The plan changed (by an admin, or back to Free when a fee could not be paid).
        PlanChanged = "plan_changed" / "Plan changed",
        /// A month's fee was taken from the kitty.
        FeeCharged = "fee_charged" / "Fee charged",
        /// The kitty held too little for the fee: it went back to Free.
        FeeUnpaid = "fee_unpaid" / "Fee not paid",
    }
}

schema! {
    /// "View billing plan for a KTTI."
    pub struct BillingPlan {
        pub plan: Plan,
        /// The fee of 30 days on this plan (minor units of `currency`).
        pub monthly_fee: i64,
        pub currency: Currency,
        pub max_members: i64,
        pub members: i64,
        /// On Plus: when the next fee is due (RFC 3339).
        pub renews_at: Option<String>,
        /// Every plan, to choose from.
        pub plans: Vec<PlanOffer>,
    }

    /// A plan as offered to this kitty.
    pub struct PlanOffer {
        pub plan: Plan,
        pub monthly_fee: i64,
        pub max_members: i64,
    }

    /// One line of the billing history.
    pub struct BillingEvent {
        pub id: String,
        pub kind: BillingEventKind,
        pub plan: Plan,
        /// The fee, for a charge (minor units); 0 otherwise.
        pub amount: i64,
        /// The fee's ledger transaction, for a charge.
        pub transaction_id: Option<String>,
        pub by_name: Option<String>,
        pub at: String,
    }

    /// "Return billing history for a specific KTTI.", newest first.
    pub struct BillingHistory {
        pub events: Vec<BillingEvent>,
    }

    /// Change the plan: `free` or `plus`.
    pub struct ChangePlanRequest {
        pub plan: Plan,
    }
}
