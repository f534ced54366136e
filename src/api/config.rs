//! `GET /api/config`, served by Kitty itself (not a provider).

use super::ApiError;
use kitty_api::config::AppConfig;

pub async fn load() -> Result<AppConfig, ApiError> {
    let response = gloo_net::http::Request::get("/api/config")
        .send()
        .await
        .map_err(|_| ApiError::Network)?;
    super::decode(response).await
}
