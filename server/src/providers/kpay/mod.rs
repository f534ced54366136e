//! KPAY (`004_acec56fab5b4ad07.txt`), under `/kpay`: accounts, shops, cards and card-to-card
//! payment transactions, and the crypto gateway.

pub(crate) mod auth;
mod cards;
pub mod gateway;
mod listing;
mod merchant;
mod payments;
pub mod settlement;
mod shops;
mod summary;

use crate::AppState;
use utoipa_axum::router::OpenApiRouter;

pub use auth::ktti_routes as ktti_auth_routes;

pub fn router() -> OpenApiRouter<AppState> {
    let router = auth::routes(OpenApiRouter::new());
    let router = shops::routes(router);
    let router = cards::routes(router);
    let router = payments::routes(router);
    let router = listing::routes(router);
    let router = gateway::routes(router);
    summary::routes(router)
}
