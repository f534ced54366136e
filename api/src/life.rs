//! Kitty life around the money (`/ktti`): the card's details and its physical order, the bank
//! account, one transaction's split alone, and the group chat.

use crate::kitty::{CardStatus, ShareLine, SplitRule};

/// The Australian states and territories a card can be posted to.
pub const STATES: &[&str] = &["ACT", "NSW", "NT", "QLD", "SA", "TAS", "VIC", "WA"];

/// Longest chat message, in characters.
pub const MAX_CHAT: usize = 1_000;

crate::vocabulary! {
    pub enum CardOrderStatus {
        Ordered = "ordered" / "Ordered",
        Shipped = "shipped" / "Shipped",
        Delivered = "delivered" / "Delivered",
    }
}

schema! {
    /// "Get card details for a specific Ktti."
    pub struct CardDetails {
        pub id: String,
        /// `•••• 1234`.
        pub masked_number: String,
        /// `MM/YY`.
        pub expiry: String,
        pub name_on_card: String,
        /// Frozen while the kitty closes, closed with it.
        pub status: CardStatus,
        pub physical: Option<CardOrder>,
    }

    /// A physical card on its way.
    pub struct CardOrder {
        pub address: PostalAddress,
        pub status: CardOrderStatus,
        pub ordered_at: String,
    }

    /// An Australian postal address.
    pub struct PostalAddress {
        #[cfg_attr(feature = "openapi", schema(min_length = 3, max_length = 80))]
        pub line1: String,
        #[serde(default)]
        #[cfg_attr(feature = "openapi", schema(max_length = 80))]
        pub line2: Option<String>,
        #[cfg_attr(feature = "openapi", schema(min_length = 2, max_length = 40))]
        pub suburb: String,
        /// ACT, NSW, NT, QLD, SA, TAS, VIC or WA.
        #[cfg_attr(feature = "openapi", schema(pattern = r"^(ACT|NSW|NT|QLD|SA|TAS|VIC|WA)$"))]
        pub state: String,
        /// Four digits.
        #[cfg_attr(feature = "openapi", schema(pattern = r"^[0-9]{4}$"))]
        pub postcode: String,
    }

    /// "Retrieve split details for a transaction.": the split alone.
    pub struct SplitDetails {
        pub transaction_id: String,
        pub rule: Option<SplitRule>,
        pub shares: Vec<ShareLine>,
    }

    /// One chat message.
    pub struct ChatMessage {
        pub id: String,
        /// Grows by one per message in the kitty; pages and read markers use it.
        pub seq: i64,
        pub author_id: String,
        pub author_name: String,
        pub text: String,
        pub created_at: String,
    }

    /// "Send a chat to the group ktti."
    pub struct SendChatRequest {
        /// Plain text, 1 to 1,000 characters.
        #[cfg_attr(feature = "openapi", schema(max_length = 1000, pattern = r"\S"))]
        pub text: String,
    }

    /// A page of the chat, oldest first, and how many the caller has not read.
    pub struct ChatPage {
        pub messages: Vec<ChatMessage>,
        /// True when older messages exist before the first one here.
        pub more: bool,
        pub unread: i64,
    }

    /// Everything up to `seq` has been read.
    pub struct ChatRead {
        #[cfg_attr(feature = "openapi", schema(minimum = 0))]
        pub seq: i64,
    }
}

/// Checks an address; the cleaned address or the message for each bad field.
pub fn check_address(a: &PostalAddress) -> Result<PostalAddress, crate::FieldErrors> {
    let mut errors = crate::FieldErrors::new();
    let text = |field: &str, v: &str, min: usize, max: usize, errors: &mut crate::FieldErrors| {
        let t = v.trim();
        let n = t.chars().count();
        if n < min || n > max || t.chars().any(char::is_control) {
            errors.insert(field.into(), format!("Use {min} to {max} characters."));
        }
        t.to_string()
    };
    let line1 = text("line1", &a.line1, 3, 80, &mut errors);
    let line2 = a
        .line2
        .as_deref()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(|l| text("line2", l, 1, 80, &mut errors));
    let suburb = text("suburb", &a.suburb, 2, 40, &mut errors);
    if !STATES.contains(&a.state.as_str()) {
        errors.insert("state".into(), "Choose a state or territory.".into());
    }
    if a.postcode.len() != 4 || !a.postcode.bytes().all(|b| b.is_ascii_digit()) {
        errors.insert("postcode".into(), "A postcode has four digits.".into());
    }
    if errors.is_empty() {
        Ok(PostalAddress {
            line1,
            line2,
            suburb,
            state: a.state.clone(),
            postcode: a.postcode.clone(),
        })
    } else {
        Err(errors)
    }
}
