//! KttiPay: the app inbox.

use super::{get, post_empty, ApiError, Provider::Ktti};
use kitty_api::notifications::NotificationList;

pub async fn inbox() -> Result<NotificationList, ApiError> {
    get(Ktti, "/api/v2/notifications/inbox").await
}

pub async fn mark_all_read() -> Result<(), ApiError> {
    post_empty(Ktti, "/api/v2/notifications/inbox/read").await
}
