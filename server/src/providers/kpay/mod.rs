//! KPAY (`004_acec56fab5b4ad07.txt`), under `/kpay`: accounts, shops, cards and card-to-card
//! payment transactions.

mod auth;
mod cards;
mod merchant;
mod shops;
pub mod transactions;

use crate::AppState;
use utoipa_axum::router::OpenApiRouter;

pub fn router() -> OpenApiRouter<AppState> {
    let router = auth::routes(OpenApiRouter::new());
    let router = shops::routes(router);
    let router = cards::routes(router);
    transactions::routes(router)
}
