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
        /// Give a deposit that matched nobody to the member it looks like (for the kitty's
        /// admins).
        AssignDeposit = "assign_deposit" / "Assign it",
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
    /// The app page it is about (`/kitties/{id}`, `/kitties/{id}/transactions/{tx}`), if any.
    #[serde(default)]
    pub link: Option<String>,
}

/// The inbox, newest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NotificationList {
    pub notifications: Vec<Notification>,
    pub total: i64,
    pub unread: i64,
}

/// The one member a bank transfer's sender name looks like, by a shared word of three letters
/// or more ("B MEMBER JOINT ACCT" and "Ben Member"), if exactly one does: a suggestion for the
/// admins, never an assignment by itself.
pub fn looks_like<'a>(sender: &str, members: &'a [(String, String)]) -> Option<&'a str> {
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.chars().count() >= 3)
            .map(str::to_lowercase)
            .collect()
    };
    let sent = words(sender);
    let mut found = members
        .iter()
        .filter(|(_, name)| words(name).iter().any(|w| sent.contains(w)));
    match (found.next(), found.next()) {
        (Some((id, _)), None) => Some(id),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_sender_looks_like_one_member_or_none() {
        let members = vec![
            ("a".to_string(), "Ava Admin".to_string()),
            ("b".to_string(), "Ben Member".to_string()),
        ];
        assert_eq!(
            super::looks_like("B MEMBER JOINT ACCT", &members),
            Some("b")
        );
        assert_eq!(super::looks_like("ava's savings", &members), Some("a"));
        assert_eq!(super::looks_like("SAVINGS ACCOUNT", &members), None);
        assert_eq!(super::looks_like("Ava Admin", &members), Some("a"));
        assert_eq!(
            super::looks_like("BE ME", &members),
            None,
            "short words say nothing"
        );
        let twins = vec![
            ("a".to_string(), "Sam Rahimi".to_string()),
            ("b".to_string(), "Ali Rahimi".to_string()),
        ];
        assert_eq!(
            super::looks_like("RAHIMI FAMILY", &twins),
            None,
            "two look alike"
        );
    }
}
