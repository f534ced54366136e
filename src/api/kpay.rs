//! KPAY: accounts and sessions (`/auth/*`).

use super::{get, post, post_empty, ApiError, Provider::Kpay};
use kitty_api::auth::{LoginRequest, RegisterRequest, TokenResponse, User};

/// The browser keeps the session in cookies; the token body is for API clients, so it is dropped.
pub async fn register(req: &RegisterRequest) -> Result<(), ApiError> {
    post::<_, TokenResponse>(Kpay, "/auth/register", req)
        .await
        .map(drop)
}

pub async fn login(req: &LoginRequest) -> Result<(), ApiError> {
    post::<_, TokenResponse>(Kpay, "/auth/login", req)
        .await
        .map(drop)
}

pub async fn me() -> Result<User, ApiError> {
    get(Kpay, "/auth/me").await
}

/// Renews the session from the refresh cookie.
pub async fn refresh() -> Result<(), ApiError> {
    super::refresh_session().await
}

pub async fn logout() -> Result<(), ApiError> {
    post_empty(Kpay, "/auth/logout").await
}

