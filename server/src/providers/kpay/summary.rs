//! The numbers on the merchant's home.

use crate::db::now;
use crate::error::AppResult;
use crate::session::CurrentUser;
use crate::AppState;
use axum::extract::State;
use axum::Json;
use kitty_api::merchant::{DailyTotal, MerchantSummary};
use kitty_api::ErrorBody;
use serde::Deserialize;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;
pub fn routes(router: OpenApiRouter<AppState>) -> OpenApiRouter<AppState> {
    router.routes(routes!(summary))
}

#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct SummaryQuery {
    /// Minutes east of UTC that the merchant's days start in (Tehran: 210). Default 0.
    #[param(minimum = -840, maximum = 840)]
    tz_offset: Option<i64>,
}

#[utoipa::path(
    get, path = "/merchant/summary", tag = "KPAY", summary = "Merchant summary",
    description = "What the merchant received (net of KPAY's fee when the merchant pays it) today and this month, the pending count, and the last 14 days.",
    params(SummaryQuery),
    responses((status = 200, body = MerchantSummary), (status = 401, body = ErrorBody)),
    security(("bearer" = []))
)]
async fn summary(
    State(state): State<AppState>,
    user: CurrentUser,
    crate::error::ApiQuery(q): crate::error::ApiQuery<SummaryQuery>,
) -> AppResult<Json<MerchantSummary>> {
    let minutes = q.tz_offset.unwrap_or(0);
    if !(-14 * 60..=14 * 60).contains(&minutes) {
        return Err(crate::error::AppError::field(
            "tz_offset",
            "Use minutes east of UTC, from -840 to 840.",
        ));
    }
    let offset = minutes * 60;
    let local_now = now() + offset;
    let today = crate::clock::day_of(local_now);
    let first_day = today - 13;
    let month_start = crate::clock::month_start(today);
    let since_day = first_day.min(month_start);
    let rows: Vec<(i64, i64)> = sqlx::query_as(
        "SELECT (paid_at + $1) / 86400 AS day, CAST(SUM(amount - CASE WHEN fee_side = 'merchant' THEN fee ELSE 0 END) AS BIGINT)
         FROM transactions WHERE user_id = $2 AND status IN ('paid', 'paid_late') AND paid_at + $3 >= $4
         GROUP BY day",
    )
    .bind(offset)
    .bind(&user.user_id)
    .bind(offset)
    .bind(since_day * 86_400)
    .fetch_all(&state.db)
    .await?;
    let on = |d: i64| rows.iter().filter(|r| r.0 == d).map(|r| r.1).sum::<i64>();
    let (pending_count,): (i64,) = sqlx::query_as(
        "SELECT COUNT(*) FROM transactions WHERE user_id = $1 AND status = 'pending'",
    )
    .bind(&user.user_id)
    .fetch_one(&state.db)
    .await?;
    Ok(Json(MerchantSummary {
        today_paid: on(today),
        month_paid: rows
            .iter()
            .filter(|r| r.0 >= month_start)
            .map(|r| r.1)
            .sum(),
        pending_count,
        daily: (first_day..=today)
            .map(|d| DailyTotal {
                date: crate::clock::iso_date(d),
                paid: on(d),
            })
            .collect(),
    }))
}
