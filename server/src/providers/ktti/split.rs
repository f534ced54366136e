//! The kitty's default split, which every new card payment follows.

use super::ledger::{self, conflict};
use crate::error::{ApiJson, AppResult};
use crate::session::CurrentUser;
use crate::AppState;
use axum::extract::{Path, State};
use axum::Json;
use kitty_api::kitty::{KittyStatus, SplitRule};
use kitty_api::ErrorBody;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;
pub fn routes(router: OpenApiRouter<AppState>) -> OpenApiRouter<AppState> {
    router.routes(routes!(get_split, update_split))
}

#[utoipa::path(
    get, path = "/api/v3/ktties/{kttiId}/split", tag = "KttiPay", summary = "Get split proportions for members of a KTTI.",
    params(("kttiId" = String, Path)),
    responses((status = 200, body = SplitRule), (status = 404, body = ErrorBody)),
    security(("bearer" = []))
)]
async fn get_split(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
) -> AppResult<Json<SplitRule>> {
    let mut conn = state.db.acquire().await?;
    ledger::access(&mut conn, &id, &user.user_id).await?;
    Ok(Json(ledger::default_rule(&mut conn, &id).await?))
}

#[utoipa::path(
    put, path = "/api/v3/ktties/{kttiId}/split", tag = "KttiPay", summary = "Update split proportions for members of a KTTI.",
    description = "Even, shares, whole percentages (adding up to 100) or amounts (used as proportions), for every member or some.",
    params(("kttiId" = String, Path)),
    request_body = SplitRule,
    responses((status = 200, body = SplitRule), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)),
    security(("bearer" = []))
)]
async fn update_split(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
    ApiJson(rule): ApiJson<SplitRule>,
) -> AppResult<Json<SplitRule>> {
    let (mut tx, access) = ledger::admin_change(&state.db, &id, &user.user_id).await?;
    if access.status == KittyStatus::Closed {
        return Err(conflict(
            "This kitty is closed; its split can no longer change.",
        ));
    }
    ledger::check_rule(&mut tx, &id, &rule, None).await?;
    sqlx::query("UPDATE ktties SET split_mode = $1 WHERE id = $2")
        .bind(rule.mode.as_str())
        .bind(&id)
        .execute(&mut *tx)
        .await?;
    sqlx::query("UPDATE ktti_members SET split_value = NULL WHERE ktti_id = $1")
        .bind(&id)
        .execute(&mut *tx)
        .await?;
    for p in &rule.proportions {
        let value = if rule.mode == kitty_api::kitty::SplitMode::Even {
            1
        } else {
            p.value
        };
        sqlx::query("UPDATE ktti_members SET split_value = $1 WHERE ktti_id = $2 AND user_id = $3")
            .bind(value)
            .bind(&id)
            .bind(&p.user_id)
            .execute(&mut *tx)
            .await?;
    }
    let saved = ledger::default_rule(&mut tx, &id).await?;
    tx.commit().await?;
    crate::live::kitty_changed(&state.db, &id).await;
    Ok(Json(saved))
}
