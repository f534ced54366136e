//! `/kpay/cards`: the bank cards that receive money. Numbers are masked in every response here.

use crate::db::{is_unique_violation, now};
use crate::error::{ApiJson, AppError, AppResult};
use crate::session::CurrentUser;
use crate::AppState;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::Json;
use kitty_api::merchant::{bank_name, mask_card, AddCardRequest, Card, CardList};
use kitty_api::ErrorBody;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

pub fn routes(router: OpenApiRouter<AppState>) -> OpenApiRouter<AppState> {
    router
        .routes(routes!(list_cards, add_card))
        .routes(routes!(deactivate_card))
}

#[derive(sqlx::FromRow)]
struct CardRow {
    id: String,
    card_number: String,
    owner_name: String,
    bank_name: String,
    shaba: Option<String>,
    is_active: crate::db::Flag,
}

impl From<CardRow> for Card {
    fn from(r: CardRow) -> Self {
        Card {
            id: r.id,
            card_number: mask_card(&r.card_number),
            owner_name: r.owner_name,
            bank_name: r.bank_name,
            shaba: r
                .shaba
                .map(|s| format!("IR** **** **** **** **** **{}", &s[s.len() - 4..])),
            is_active: r.is_active.0,
        }
    }
}

const CARD_COLUMNS: &str = "id, card_number, owner_name, bank_name, shaba, is_active";

#[utoipa::path(
    get, path = "/cards", tag = "KPAY", summary = "List Cards",
    description = "Get all bank cards for current user",
    responses((status = 200, body = CardList), (status = 401, body = ErrorBody)),
    security(("bearer" = []))
)]
async fn list_cards(State(state): State<AppState>, user: CurrentUser) -> AppResult<Json<CardList>> {
    let cards: Vec<CardRow> = sqlx::query_as(&format!(
        "SELECT {CARD_COLUMNS} FROM cards WHERE user_id = $1 ORDER BY is_active DESC, created_at DESC, id"
    ))
    .bind(&user.user_id)
    .fetch_all(&state.db)
    .await?;
    let cards: Vec<Card> = cards.into_iter().map(Card::from).collect();
    Ok(Json(CardList {
        total: cards.len() as i64,
        cards,
    }))
}

#[utoipa::path(
    post, path = "/cards", tag = "KPAY", summary = "Add Card",
    description = "Add a new bank card: 16 digits passing the Luhn check with an Iranian BIN; optional Shaba (IR + 24 digits, mod-97).",
    request_body = AddCardRequest,
    responses(
        (status = 201, body = Card),
        (status = 409, description = "This card is already on the account", body = ErrorBody),
        (status = 422, body = ErrorBody),
        (status = 401, body = ErrorBody),
    ),
    security(("bearer" = []))
)]
async fn add_card(
    State(state): State<AppState>,
    user: CurrentUser,
    ApiJson(req): ApiJson<AddCardRequest>,
) -> AppResult<(StatusCode, Json<Card>)> {
    let req = req.validate().map_err(AppError::Validation)?;
    let bank = bank_name(&req.card_number).unwrap_or("Unknown bank");
    let id = uuid::Uuid::new_v4().to_string();
    let inserted = sqlx::query(
        "INSERT INTO cards (id, user_id, card_number, owner_name, bank_name, shaba, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(&id)
    .bind(&user.user_id)
    .bind(&req.card_number)
    .bind(&req.owner_name)
    .bind(bank)
    .bind(&req.shaba)
    .bind(now())
    .execute(&state.db)
    .await;
    match inserted {
        Ok(_) => {}
        Err(e) if is_unique_violation(&e, "cards.") => {
            return Err(AppError::conflict_on(
                "card_number",
                "This card is already on your account.",
            ))
        }
        Err(e) => return Err(e.into()),
    }
    let card: CardRow = sqlx::query_as(&format!("SELECT {CARD_COLUMNS} FROM cards WHERE id = $1"))
        .bind(&id)
        .fetch_one(&state.db)
        .await?;
    Ok((StatusCode::CREATED, Json(card.into())))
}

#[utoipa::path(
    post, path = "/cards/{id}/deactivate", tag = "KPAY", summary = "Deactivate Card",
    description = "Stop using a card for new payments. Payments already made to it keep their history.",
    params(("id" = String, Path, description = "Card ID")),
    responses((status = 200, body = Card), (status = 404, body = ErrorBody), (status = 401, body = ErrorBody)),
    security(("bearer" = []))
)]
async fn deactivate_card(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
) -> AppResult<Json<Card>> {
    let card: Option<CardRow> = sqlx::query_as(&format!(
        "UPDATE cards SET is_active = 0 WHERE id = $1 AND user_id = $2 RETURNING {CARD_COLUMNS}"
    ))
    .bind(&id)
    .bind(&user.user_id)
    .fetch_optional(&state.db)
    .await?;
    card.map(|c| Json(c.into()))
        .ok_or_else(|| AppError::not_found("The card"))
}
