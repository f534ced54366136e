//! Kotani Pay API v2 (`002_…`), under `/kotani`: ramps and Binance Pay orders. Filled by the ramp
//! issues; mounted now so the prefix answers with JSON errors from day one.

use crate::AppState;
use utoipa_axum::router::OpenApiRouter;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
}
