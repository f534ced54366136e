//! KiotaPay (`003_…`), under `/kiota`: the single till transaction look-up. The till payments
//! it finds are real ones, made through Kotani's "Pay using a tillNumber"; the organisation is
//! the partner who paid (`companyId` is the partner's id, shown on Ramp → Developers).

use crate::clock::rfc3339;
use crate::error::{ApiQuery, AppError, AppResult};
use crate::providers::kotani::{partner_of, TxRow};
use crate::session::CurrentUser;
use crate::AppState;
use axum::extract::State;
use axum::Json;
use kitty_api::ramp::kiota::{Organisation, TillResponse, TillTransaction};
use kitty_api::ErrorBody;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(single_till))
}

#[derive(Debug, serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(rename_all = "camelCase")]
pub struct TillQuery {
    /// The organisation's uuid.
    company_id: String,
    /// The unique ID of the request for the till transaction.
    request_id: String,
}

#[utoipa::path(
    get, path = "/api/sandbox/v1/till/single", tag = "KiotaPay", summary = "Single Till Transaction API",
    description = "This API retrieves the details of a specific till transaction based on the requestId provided. The answer has the document's sample shape, field for field. An unknown `requestId`, or another organisation's payment, is a 404.",
    params(TillQuery),
    responses((status = 200, body = TillResponse), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)),
    security(("bearer" = []))
)]
async fn single_till(
    State(state): State<AppState>,
    user: CurrentUser,
    ApiQuery(q): ApiQuery<TillQuery>,
) -> AppResult<Json<TillResponse>> {
    let not_found = || AppError::not_found("A till transaction with that requestId");
    if q.company_id != user.user_id {
        return Err(not_found());
    }
    let partner = partner_of(&state.db, &user.user_id).await?;
    let row = sqlx::query_as::<_, TxRow>(&format!(
        "SELECT {} FROM ramp_transactions WHERE id = $1 AND user_id = $2 AND kind = 'till'",
        crate::providers::kotani::TX_COLUMNS
    ))
    .bind(&q.request_id)
    .bind(&user.user_id)
    .fetch_optional(&state.db)
    .await?
    .ok_or_else(not_found)?;
    let (status, code, description) = match row.status.as_str() {
        "pending" => (
            "PENDING",
            0,
            "Accept the service request successfully.".to_string(),
        ),
        "successful" => (
            "COMPLETED",
            0,
            row.result_description.clone().unwrap_or_default(),
        ),
        _ => (
            "FAILED",
            row.result_code.unwrap_or(1),
            row.result_description.clone().unwrap_or_default(),
        ),
    };
    let till = row.merchant_till.clone().unwrap_or_default();
    let amount: serde_json::Number = serde_json::from_str(&kitty_api::ramp::units_text(row.amount))
        .map_err(|e| AppError::internal(format!("till amount: {e}")))?;
    Ok(Json(TillResponse {
        status: 200,
        message: "Success".into(),
        data: TillTransaction {
            id: row.seq,
            amount,
            uuid: row.id.clone(),
            organisation: Organisation {
                id: partner.seq,
                uuid: partner.user_id.clone(),
                name: partner.name.clone(),
                phone_number: partner.phone_number.clone(),
                email: partner.email.clone().unwrap_or_default(),
                unique_reference: format!("{:07}", 4_780_000 + partner.seq),
                created_at: rfc3339(partner.created_at),
                updated_at: rfc3339(partner.updated_at),
            },
            account_number: partner.phone_number.clone(),
            business_number: till.clone(),
            remarks: format!("Till payment to {till}"),
            occasion: "Kotani Pay till payment".into(),
            originator_conversation_id: row.id.clone(),
            conversation_id: row.conversation_id.clone(),
            callback_url: row.callback.clone(),
            created_at: rfc3339(row.created_at),
            updated_at: rfc3339(row.updated_at),
            status: status.into(),
            response_code: code,
            receiver_name: (status == "COMPLETED").then(|| format!("Till {till}")),
            transaction_receipt: row.receipt.clone(),
            response_description: description,
        },
    }))
}
