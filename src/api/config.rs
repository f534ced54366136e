//! `GET /api/config`, served by Kitty itself (not a provider).

use super::ApiError;
use kitty_api::config::AppConfig;

/// The last configuration loaded (the same for everyone), for starting offline.
const KEPT: &str = "kitty-config";

pub async fn load() -> Result<AppConfig, ApiError> {
    let storage = web_sys::window().and_then(|w| w.local_storage().ok().flatten());
    let body = match gloo_net::http::Request::get("/api/config").send().await {
        Ok(response) => {
            let body = super::into_result(response)
                .await?
                .text()
                .await
                .map_err(|e| ApiError::Unexpected(format!("unreadable response: {e}")))?;
            if let Some(s) = &storage {
                let _ = s.set_item(KEPT, &body);
            }
            body
        }
        Err(_) => storage
            .and_then(|s| s.get_item(KEPT).ok().flatten())
            .ok_or(ApiError::Network)?,
    };
    super::read_json(&body)
}
