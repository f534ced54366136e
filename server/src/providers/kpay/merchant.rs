//! Who is calling a merchant endpoint: a signed-in merchant, or a merchant's own server with a
//! shop's API key (`X-API-Key`).

use crate::error::{AppError, AppResult};
use crate::session::{hash_token, CurrentUser};
use crate::AppState;
use axum::extract::FromRequestParts;
use axum::http::request::Parts;

pub const API_KEY_HEADER: &str = "x-api-key";

pub struct Merchant {
    pub user_id: String,
    /// Set when the caller used a shop's API key: it may act for that shop only.
    pub key_shop_id: Option<String>,
}

impl Merchant {
    /// 404 when an API key for one shop is used for another: "not yours" looks like "not there".
    pub fn check_shop(&self, shop_id: &str) -> AppResult<()> {
        match &self.key_shop_id {
            Some(id) if id != shop_id => Err(AppError::not_found("The shop")),
            _ => Ok(()),
        }
    }
}

impl FromRequestParts<AppState> for Merchant {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> AppResult<Self> {
        let Some(key) = parts.headers.get(API_KEY_HEADER) else {
            let user = CurrentUser::from_request_parts(parts, state).await?;
            return Ok(Merchant {
                user_id: user.user_id,
                key_shop_id: None,
            });
        };
        let key = key.to_str().unwrap_or_default().trim();
        let row: Option<(String, String)> = sqlx::query_as(
            "SELECT id, user_id FROM shops WHERE api_key_hash = $1 AND is_active = 1",
        )
        .bind(hash_token(key))
        .fetch_optional(&state.db)
        .await?;
        let (shop_id, user_id) = row.ok_or_else(|| {
            AppError::Unauthorized(
                "This API key is not valid. Regenerate it on the shop's page.".into(),
            )
        })?;
        Ok(Merchant {
            user_id,
            key_shop_id: Some(shop_id),
        })
    }
}
