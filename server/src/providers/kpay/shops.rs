//! `/kpay/shops`: a merchant's shops and their API keys.

use super::merchant::Merchant;
use crate::clock::rfc3339;
use crate::db::now;
use crate::error::{ApiJson, AppError, AppResult};
use crate::session::{hash_token, random_token, CurrentUser};
use crate::AppState;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::Json;
use kitty_api::merchant::{ApiKey, CreateShopRequest, CreatedShop, Shop, ShopList};
use kitty_api::ErrorBody;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

pub fn routes(router: OpenApiRouter<AppState>) -> OpenApiRouter<AppState> {
    router
        .routes(routes!(list_shops, create_shop))
        .routes(routes!(regenerate_key))
}

/// `kp_` and 40 random characters; the first 10 are kept in clear to tell keys apart.
fn new_api_key() -> (String, String, String) {
    let key = format!("kp_{}", &random_token()[..40]);
    let prefix = key[..10].to_string();
    let hash = hash_token(&key);
    (key, prefix, hash)
}

#[derive(sqlx::FromRow)]
struct ShopRow {
    id: String,
    name: String,
    website: Option<String>,
    phone: Option<String>,
    is_active: crate::db::Flag,
    api_key_prefix: String,
    created_at: i64,
}

impl From<ShopRow> for Shop {
    fn from(r: ShopRow) -> Self {
        Shop {
            id: r.id,
            name: r.name,
            website: r.website,
            phone: r.phone,
            is_active: r.is_active.0,
            api_key_prefix: r.api_key_prefix,
            created_at: rfc3339(r.created_at),
        }
    }
}

#[utoipa::path(
    get, path = "/shops", tag = "KPAY", summary = "List Shops",
    description = "Get all shops for current user",
    responses((status = 200, body = ShopList), (status = 401, body = ErrorBody)),
    security(("bearer" = []))
)]
async fn list_shops(State(state): State<AppState>, user: CurrentUser) -> AppResult<Json<ShopList>> {
    let shops: Vec<ShopRow> = sqlx::query_as(
        "SELECT id, name, website, phone, is_active, api_key_prefix, created_at FROM shops
         WHERE user_id = $1 ORDER BY created_at DESC, id",
    )
    .bind(&user.user_id)
    .fetch_all(&state.db)
    .await?;
    let shops: Vec<Shop> = shops.into_iter().map(Shop::from).collect();
    Ok(Json(ShopList {
        total: shops.len() as i64,
        shops,
    }))
}

#[utoipa::path(
    post, path = "/shops", tag = "KPAY", summary = "Create Shop",
    description = "Create a new shop. The API key and the webhook signing secret in the response are shown this once.",
    request_body = CreateShopRequest,
    responses((status = 201, body = CreatedShop), (status = 422, body = ErrorBody), (status = 401, body = ErrorBody)),
    security(("bearer" = []))
)]
async fn create_shop(
    State(state): State<AppState>,
    user: CurrentUser,
    ApiJson(req): ApiJson<CreateShopRequest>,
) -> AppResult<(StatusCode, Json<CreatedShop>)> {
    let req = req.validate().map_err(AppError::Validation)?;
    let id = uuid::Uuid::new_v4().to_string();
    let (key, prefix, hash) = new_api_key();
    let webhook_secret = crate::deliveries::new_secret();
    sqlx::query(
        "INSERT INTO shops (id, user_id, name, website, phone, api_key_hash, api_key_prefix, created_at, webhook_secret)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
    )
    .bind(&id)
    .bind(&user.user_id)
    .bind(&req.name)
    .bind(&req.website)
    .bind(&req.phone)
    .bind(hash)
    .bind(prefix)
    .bind(now())
    .bind(&webhook_secret)
    .execute(&state.db)
    .await?;
    Ok((
        StatusCode::CREATED,
        Json(CreatedShop {
            id,
            name: req.name,
            api_key: key,
            is_active: true,
            webhook_secret,
        }),
    ))
}

#[utoipa::path(
    post, path = "/shops/{id}/regenerate-key", tag = "KPAY", summary = "Regenerate API Key",
    description = "Generate a new API key for shop. The old key stops working at once.",
    params(("id" = String, Path, description = "Shop ID")),
    responses((status = 200, body = ApiKey), (status = 404, body = ErrorBody), (status = 401, body = ErrorBody)),
    security(("bearer" = []))
)]
async fn regenerate_key(
    State(state): State<AppState>,
    merchant: Merchant,
    Path(id): Path<String>,
) -> AppResult<Json<ApiKey>> {
    merchant.check_shop(&id)?;
    let (key, prefix, hash) = new_api_key();
    let updated = sqlx::query(
        "UPDATE shops SET api_key_hash = $1, api_key_prefix = $2 WHERE id = $3 AND user_id = $4",
    )
    .bind(hash)
    .bind(prefix)
    .bind(&id)
    .bind(&merchant.user_id)
    .execute(&state.db)
    .await?;
    if updated.rows_affected() == 0 {
        return Err(AppError::not_found("The shop"));
    }
    Ok(Json(ApiKey { api_key: key }))
}
