//! KttiPay (`000_…`, `001_…`), under `/ktti`: the current user, the inbox, and group wallets
//! ("kitties": the Ktti, KttiMembership, ExpenseSplit and Transaction groups).

mod account;
mod activity;
pub mod billing;
mod details;
pub mod inbox;
mod invitations;
mod kitties;
pub mod ledger;
mod life;
mod members;
mod moments;
mod password;
mod receipts;
mod signup;
mod split;

use crate::AppState;
use utoipa_axum::router::OpenApiRouter;

pub fn router() -> OpenApiRouter<AppState> {
    let router = inbox::routes(OpenApiRouter::new());
    let router = kitties::routes(router);
    let router = members::routes(router);
    let router = invitations::routes(router);
    let router = split::routes(router);
    let router = password::routes(router);
    let router = account::routes(router);
    let router = details::routes(router);
    let router = signup::routes(router);
    let router = life::routes(router);
    let router = moments::routes(router);
    let router = billing::routes(router);
    let router = receipts::routes(router);
    let router = crate::images::routes(router);
    let router = crate::providers::kpay::ktti_auth_routes(router);
    activity::routes(router)
}
