//! Simulated rails (`/sandbox`, sandbox mode only): the bank, card network, M-Pesa and chain
//! events that tests and demo users trigger. Each rail arrives with the feature that needs it.

use crate::AppState;
use utoipa_axum::router::OpenApiRouter;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
}
