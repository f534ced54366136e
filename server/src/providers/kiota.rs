//! KiotaPay (`003_…`), under `/kiota`: till look-ups. Filled by the ramp issues; mounted now so the
//! prefix answers with JSON errors from day one.

use crate::AppState;
use utoipa_axum::router::OpenApiRouter;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
}
