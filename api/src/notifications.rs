//! KttiPay's app inbox: `GET /ktti/api/v2/notifications`.

use serde::{Deserialize, Serialize};

crate::vocabulary! {
    /// What a notification is about; the app picks its icon from this.
    pub enum NotificationKind {
        Deposit = "deposit" / "Deposit",
        Expense = "expense" / "Card payment",
        Payment = "payment" / "Payment",
        Invitation = "invitation" / "Invitation",
        System = "system" / "Kitty",
    }
}

crate::vocabulary! {
    /// What an inbox item's button does.
    pub enum ActionKind {
        /// Join the kitty the person was invited to.
        AcceptInvitation = "accept_invitation" / "Accept and join",
        /// Make the member who asked an admin (for the kitty's admins).
        ApproveAdmin = "approve_admin" / "Make admin",
    }
}

/// An inbox item's action: `POST /ktti/api/v2/actions/{id}` carries it out, once.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct InboxAction {
    pub id: String,
    pub kind: ActionKind,
    pub done: bool,
}

/// One inbox item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Notification {
    pub id: String,
    pub kind: NotificationKind,
    pub title: String,
    pub body: String,
    pub read: bool,
    /// RFC 3339, UTC.
    pub created_at: String,
    #[serde(default)]
    pub action: Option<InboxAction>,
}

/// The inbox, newest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NotificationList {
    pub notifications: Vec<Notification>,
    pub total: i64,
    pub unread: i64,
}
