//! Simulated rails (`/sandbox`, sandbox mode only): the bank, card network, M-Pesa and chain
//! events that tests and demo users trigger. Each rail arrives with the feature that needs it.

use super::kpay::transactions::{expire_now, settle_transfer};
use crate::error::{ApiJson, AppError, AppResult};
use crate::AppState;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::Json;
use kitty_api::merchant::{CardTransfer, CardTransferResult};
use kitty_api::ErrorBody;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(card_transfer))
        .routes(routes!(expire_payment))
}

#[utoipa::path(
    post, path = "/card-transfers", tag = "Sandbox",
    summary = "Simulate the bank's notification of an incoming card-to-card transfer.",
    description = "Settles the pending payment asking for exactly this amount on this card; after expiry it is recorded as paid_late.",
    request_body = CardTransfer,
    responses((status = 200, body = CardTransferResult), (status = 422, body = ErrorBody))
)]
async fn card_transfer(
    State(state): State<AppState>,
    ApiJson(transfer): ApiJson<CardTransfer>,
) -> AppResult<Json<CardTransferResult>> {
    let card_number = kitty_api::merchant::card_number(&transfer.card_number).map_err(|m| {
        let mut f = kitty_api::FieldErrors::new();
        f.insert("card_number".into(), m.into());
        AppError::Validation(f)
    })?;
    if transfer.amount <= 0 {
        let mut f = kitty_api::FieldErrors::new();
        f.insert(
            "amount".into(),
            "A transfer is a positive number of Rials.".into(),
        );
        return Err(AppError::Validation(f));
    }
    let result = settle_transfer(
        &state.db,
        &CardTransfer {
            card_number,
            amount: transfer.amount,
        },
    )
    .await?;
    tracing::info!(outcome = %result.outcome, authority = ?result.authority, "sandbox card transfer");
    Ok(Json(result))
}

#[utoipa::path(
    post, path = "/transactions/{authority}/expire", tag = "Sandbox",
    summary = "Simulate a payment's time running out.",
    params(("authority" = String, Path)),
    responses((status = 204), (status = 404, body = ErrorBody))
)]
async fn expire_payment(
    State(state): State<AppState>,
    Path(authority): Path<String>,
) -> AppResult<StatusCode> {
    expire_now(&state.db, &authority).await?;
    Ok(StatusCode::NO_CONTENT)
}
