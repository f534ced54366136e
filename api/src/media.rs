//! Photos in a kitty (`/ktti`): the documented upload flow (a pre-signed URL, then the bytes
//! PUT straight to it), moments with their photos, and receipts whose line items split a card
//! payment item by item.

use crate::kitty::SplitRule;
use crate::FieldErrors;

/// The largest image accepted, in bytes (5 MB).
pub const MAX_IMAGE_BYTES: usize = 5 * 1024 * 1024;
/// How long a pre-signed upload URL works, in seconds.
pub const UPLOAD_URL_SECONDS: i64 = 10 * 60;
/// The longest side of a thumbnail, in pixels.
pub const THUMBNAIL_SIDE: u32 = 480;
/// At most this many photos in one moment.
pub const MAX_MOMENT_PHOTOS: usize = 10;
/// At most this many line items on one receipt.
pub const MAX_LINE_ITEMS: usize = 100;
/// A receipt's items, tax and tip may differ from the payment by this much (cash rounding to
/// 5 cents); the difference is then shared like the tax and tip.
pub const ROUNDING_ALLOWANCE: i64 = 5;

crate::vocabulary! {
    /// What an image is for: each pre-signed URL takes one kind.
    pub enum ImageType {
        KttiProfile = "ktti_profile" / "Kitty picture",
        Moment = "moment" / "Moment photo",
        Receipt = "receipt" / "Receipt",
        UserAvatar = "user_avatar" / "Profile picture",
    }
}

/// The image formats accepted, told by their first bytes (never by a name or a header).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImageFormat {
    Jpeg,
    Png,
    Webp,
}

impl ImageFormat {
    /// The format the bytes start with, if it is one of the three.
    pub fn sniff(bytes: &[u8]) -> Option<ImageFormat> {
        if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
            Some(ImageFormat::Jpeg)
        } else if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
            Some(ImageFormat::Png)
        } else if bytes.len() >= 12 && &bytes[..4] == b"RIFF" && &bytes[8..12] == b"WEBP" {
            Some(ImageFormat::Webp)
        } else {
            None
        }
    }

    pub fn content_type(self) -> &'static str {
        match self {
            ImageFormat::Jpeg => "image/jpeg",
            ImageFormat::Png => "image/png",
            ImageFormat::Webp => "image/webp",
        }
    }
}

schema! {
    /// "create a signed url used for uploading a certain type of images."
    pub struct PresignRequest {
        /// ktti_profile, moment, receipt or user_avatar.
        pub image_type: String,
    }

    /// Where to PUT the image's bytes: once, within minutes, by the person who asked.
    pub struct PresignedUrl {
        pub presigned_url: String,
    }

    /// An image as stored: the original and a thumbnail, served only to those who may see it.
    pub struct Image {
        pub id: String,
        pub image_type: ImageType,
        pub content_type: String,
        pub bytes: i64,
        pub width: i64,
        pub height: i64,
        /// The original.
        pub url: String,
        /// A JPEG at most 480 pixels on its longest side.
        pub thumbnail_url: String,
    }

    /// "List moments for a ktti.", newest first.
    pub struct MomentList {
        pub moments: Vec<Moment>,
    }

    /// Something the group did together, with its photos.
    pub struct Moment {
        pub id: String,
        pub ktti_id: String,
        pub author_id: String,
        pub author_name: String,
        pub title: String,
        pub note: Option<String>,
        /// `YYYY-MM-DD`.
        pub date: String,
        pub photos: Vec<Image>,
        /// The author and the kitty's admins may edit it.
        pub can_edit: bool,
        pub created_at: String,
        pub updated_at: String,
    }

    /// "Create a new moment for a ktti."
    pub struct CreateMomentRequest {
        #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 80))]
        pub title: String,
        #[serde(default)]
        #[cfg_attr(feature = "openapi", schema(max_length = 1000))]
        pub note: Option<String>,
        /// `YYYY-MM-DD`, not after today.
        #[cfg_attr(feature = "openapi", schema(pattern = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"))]
        pub date: String,
        /// Images uploaded as `moment` by the author, at most 10.
        #[serde(default)]
        #[cfg_attr(feature = "openapi", schema(max_items = 10))]
        pub image_ids: Vec<String>,
    }

    /// "Update a moment for a ktti.": what is given changes; `image_ids` replaces the photos.
    pub struct UpdateMomentRequest {
        #[serde(default)]
        #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 80))]
        pub title: Option<String>,
        #[serde(default)]
        #[cfg_attr(feature = "openapi", schema(max_length = 1000))]
        pub note: Option<String>,
        #[serde(default)]
        #[cfg_attr(feature = "openapi", schema(pattern = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"))]
        pub date: Option<String>,
        #[serde(default)]
        #[cfg_attr(feature = "openapi", schema(max_items = 10))]
        pub image_ids: Option<Vec<String>>,
    }

    /// A line of a receipt.
    pub struct LineItem {
        pub id: String,
        pub description: String,
        pub quantity: i64,
        /// Minor units.
        pub unit_price: i64,
        /// `quantity × unit_price`.
        pub total: i64,
        /// The members who share this item (evenly); none yet means it is not assigned.
        pub assignees: Vec<String>,
    }

    /// A line as typed.
    pub struct LineItemInput {
        #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 80))]
        pub description: String,
        #[serde(deserialize_with = "crate::money::whole_units::deserialize")]
        #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 1000))]
        pub quantity: i64,
        /// Minor units, 0 to 10^13.
        #[serde(deserialize_with = "crate::money::whole_units::deserialize")]
        #[cfg_attr(feature = "openapi", schema(minimum = 0, maximum = 10_000_000_000_000_i64))]
        pub unit_price: i64,
        #[serde(default)]
        pub assignees: Vec<String>,
    }

    /// "Upload a transaction receipt.": the photo (uploaded as `receipt`) and its lines.
    pub struct UploadReceiptRequest {
        pub image_id: String,
        #[serde(default)]
        #[cfg_attr(feature = "openapi", schema(max_items = 100))]
        pub line_items: Vec<LineItemInput>,
        /// Minor units.
        #[serde(default, deserialize_with = "crate::money::whole_units::deserialize")]
        #[cfg_attr(feature = "openapi", schema(minimum = 0, maximum = 10_000_000_000_000_i64))]
        pub tax: i64,
        #[serde(default, deserialize_with = "crate::money::whole_units::deserialize")]
        #[cfg_attr(feature = "openapi", schema(minimum = 0, maximum = 10_000_000_000_000_i64))]
        pub tip: i64,
    }

    /// "Update a line item.": what is given changes.
    pub struct UpdateLineItemRequest {
        #[serde(default)]
        #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 80))]
        pub description: Option<String>,
        #[serde(default, deserialize_with = "crate::money::whole_units::option::deserialize")]
        #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 1000))]
        pub quantity: Option<i64>,
        #[serde(default, deserialize_with = "crate::money::whole_units::option::deserialize")]
        #[cfg_attr(feature = "openapi", schema(minimum = 0, maximum = 10_000_000_000_000_i64))]
        pub unit_price: Option<i64>,
        #[serde(default)]
        pub assignees: Option<Vec<String>>,
    }

    /// "Retrieve receipt details and line items for a transaction."
    pub struct Receipt {
        pub transaction_id: String,
        pub ktti_id: String,
        pub image: Image,
        pub line_items: Vec<LineItem>,
        pub tax: i64,
        pub tip: i64,
        /// The items' totals added up.
        pub items_total: i64,
        /// The card payment's amount.
        pub transaction_amount: i64,
        /// `transaction_amount − items_total − tax − tip`: 0 when the receipt matches.
        pub difference: i64,
        /// Each member's part if the items decided the split: once every item is assigned and
        /// the receipt matches the payment (to within 5 cents of rounding).
        pub itemised: Option<Vec<ItemisedShare>>,
        /// Why the items cannot decide the split yet, when they cannot.
        pub itemised_problem: Option<String>,
        pub uploaded_by: String,
        pub created_at: String,
    }

    /// A member's part of the payment by the items they had.
    pub struct ItemisedShare {
        pub user_id: String,
        pub amount: i64,
    }
}

/// Checks a moment's words and date (`today` is `YYYY-MM-DD`): the cleaned title and note.
pub fn check_moment(
    title: Option<&str>,
    note: Option<&str>,
    date: Option<&str>,
    photos: Option<usize>,
    today: &str,
) -> Result<(Option<String>, Option<Option<String>>), FieldErrors> {
    let mut errors = FieldErrors::new();
    let title = title.map(|t| {
        let t = t.trim();
        if t.is_empty() || t.chars().count() > 80 || t.chars().any(char::is_control) {
            errors.insert(
                "title".into(),
                "Give it a title of 1 to 80 characters.".into(),
            );
        }
        t.to_string()
    });
    let note = note.map(|n| {
        let n = n.trim();
        if n.chars().count() > 1000 {
            errors.insert("note".into(), "Keep the note to 1,000 characters.".into());
        }
        (!n.is_empty()).then(|| n.to_string())
    });
    if let Some(d) = date {
        match crate::format::parse_date(d) {
            None => {
                errors.insert("date".into(), "Enter a date as YYYY-MM-DD.".into());
            }
            // ISO dates compare as text.
            Some(_) if d > today => {
                errors.insert("date".into(), "A moment cannot be in the future.".into());
            }
            Some(_) => {}
        }
    }
    if photos.is_some_and(|n| n > MAX_MOMENT_PHOTOS) {
        errors.insert(
            "image_ids".into(),
            format!("At most {MAX_MOMENT_PHOTOS} photos in one moment."),
        );
    }
    if errors.is_empty() {
        Ok((title, note))
    } else {
        Err(errors)
    }
}

/// Checks a typed line: the cleaned description and its total, or the message for each field
/// (named `prefix.field`).
pub fn check_line(
    description: &str,
    quantity: i64,
    unit_price: i64,
    prefix: &str,
) -> Result<(String, i64), FieldErrors> {
    let mut errors = FieldErrors::new();
    let d = description.trim();
    if d.is_empty() || d.chars().count() > 80 || d.chars().any(char::is_control) {
        errors.insert(
            format!("{prefix}description"),
            "Describe the item in 1 to 80 characters.".into(),
        );
    }
    if !(1..=1000).contains(&quantity) {
        errors.insert(
            format!("{prefix}quantity"),
            "The quantity is 1 to 1,000.".into(),
        );
    }
    if !(0..=crate::ledger::MAX_AMOUNT).contains(&unit_price) {
        errors.insert(
            format!("{prefix}unit_price"),
            "Enter a price from 0 up to the largest amount a kitty takes.".into(),
        );
    }
    let total = quantity.checked_mul(unit_price);
    match total {
        Some(t) if errors.is_empty() && t <= crate::ledger::MAX_AMOUNT => Ok((d.to_string(), t)),
        _ => {
            if errors.is_empty() {
                errors.insert(
                    format!("{prefix}quantity"),
                    "This line comes to more than a kitty can take.".into(),
                );
            }
            Err(errors)
        }
    }
}

/// The itemised split: each item is shared evenly by its assignees (exactly, by
/// [`crate::split::allocate`]), and the payment's `amount` is then shared in proportion to what
/// each member had, so the tax, the tip and any rounding difference follow the items. The parts
/// add up to `amount` exactly, in the order of `members`.
///
/// `items` are each item's total and its assignees (indexes into `members`).
pub fn itemised(
    amount: i64,
    members: usize,
    items: &[(i64, Vec<usize>)],
) -> Result<Vec<i64>, String> {
    let mut had = vec![0i64; members];
    for (n, (total, assignees)) in items.iter().enumerate() {
        if assignees.is_empty() {
            return Err(format!("Item {} is not assigned to anyone yet.", n + 1));
        }
        let parts = crate::split::allocate(*total, &vec![1; assignees.len()])
            .ok_or("An item has no one to share it.")?;
        for (m, part) in assignees.iter().zip(parts) {
            let slot = had
                .get_mut(*m)
                .ok_or("An item names someone who is not in the kitty.")?;
            *slot = slot
                .checked_add(part)
                .ok_or("These items add up to too much.")?;
        }
    }
    let weights: Vec<u64> = had.iter().map(|h| h.unsigned_abs()).collect();
    crate::split::allocate(amount, &weights)
        .ok_or_else(|| "Add the items, with a price, before splitting by them.".to_string())
}

/// The rule that splits a payment of `amount` as the receipt's items say: fixed amounts per
/// member (members with nothing are left out).
pub fn itemised_rule(parts: &[ItemisedShare]) -> SplitRule {
    SplitRule {
        mode: crate::kitty::SplitMode::Amount,
        proportions: parts
            .iter()
            .filter(|p| p.amount != 0)
            .map(|p| crate::kitty::Proportion {
                user_id: p.user_id.clone(),
                value: p.amount,
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn formats_are_told_by_their_first_bytes() {
        assert_eq!(
            ImageFormat::sniff(&[0xFF, 0xD8, 0xFF, 0xE0, 0]),
            Some(ImageFormat::Jpeg)
        );
        assert_eq!(
            ImageFormat::sniff(b"\x89PNG\r\n\x1a\n...."),
            Some(ImageFormat::Png)
        );
        assert_eq!(
            ImageFormat::sniff(b"RIFF\x10\0\0\0WEBPVP8 "),
            Some(ImageFormat::Webp)
        );
        assert_eq!(ImageFormat::sniff(b"GIF89a"), None);
        assert_eq!(ImageFormat::sniff(b"<svg xmlns="), None);
        assert_eq!(ImageFormat::sniff(b"RIFF\0\0\0\0WAVE"), None);
        assert_eq!(ImageFormat::sniff(b""), None);
    }

    #[test]
    fn a_shared_pizza_tax_and_tip() {
        // Alice: salad 12.00; Bob: steak 30.00; both: pizza 20.00; tax 6.20, tip 9.00 → 77.20.
        let items = vec![(1200, vec![0]), (3000, vec![1]), (2000, vec![0, 1])];
        let parts = itemised(7720, 2, &items).unwrap();
        assert_eq!(parts.iter().sum::<i64>(), 7720);
        // Alice had 22.00 of 62.00: 7720 × 22/62 = 2739.35… → 2739 and Bob 4981.
        assert_eq!(parts, vec![2739, 4981]);
        assert!(itemised(7720, 2, &[(1200, vec![])]).is_err());
        assert!(itemised(7720, 2, &[(1200, vec![2])]).is_err());
        assert!(itemised(7720, 2, &[]).is_err());
    }

    #[test]
    fn lines_and_moments_are_checked() {
        assert_eq!(
            check_line(" Pizza ", 2, 1000, "").unwrap(),
            ("Pizza".into(), 2000)
        );
        assert!(check_line("", 1, 1, "")
            .unwrap_err()
            .contains_key("description"));
        assert!(check_line("x", 0, 1, "line_items.0.")
            .unwrap_err()
            .contains_key("line_items.0.quantity"));
        assert!(check_line("x", 1000, crate::ledger::MAX_AMOUNT, "").is_err());
        assert!(check_moment(
            Some("Beach"),
            None,
            Some("2026-11-26"),
            Some(1),
            "2026-11-26"
        )
        .is_ok());
        let e =
            check_moment(Some(" "), None, Some("2026-11-27"), Some(11), "2026-11-26").unwrap_err();
        assert_eq!(e.len(), 3);
        assert!(check_moment(None, None, Some("2026-02-30"), None, "2026-11-26").is_err());
    }

    proptest! {
        /// Whatever the items and their assignees, the parts add up to the payment, nobody
        /// without an item pays anything, and everyone's part is within one unit of their
        /// items' share of the payment.
        #[test]
        fn the_items_split_always_adds_up(
            amount in 1i64..10_000_000_000,
            members in 1usize..8,
            raw in proptest::collection::vec((0i64..1_000_000, proptest::collection::vec(0usize..8, 1..4)), 1..12),
        ) {
            let items: Vec<(i64, Vec<usize>)> = raw
                .into_iter()
                .map(|(t, a)| {
                    let mut a: Vec<usize> = a.into_iter().map(|m| m % members).collect();
                    a.sort_unstable();
                    a.dedup();
                    (t, a)
                })
                .collect();
            let items_total: i64 = items.iter().map(|i| i.0).sum();
            match itemised(amount, members, &items) {
                Ok(parts) => {
                    prop_assert_eq!(parts.len(), members);
                    prop_assert_eq!(parts.iter().sum::<i64>(), amount);
                    for (m, part) in parts.iter().enumerate() {
                        let had: i128 = items.iter().filter(|(_, a)| a.contains(&m)).map(|(t, a)| *t as i128 / a.len() as i128).sum();
                        if !items.iter().any(|(t, a)| a.contains(&m) && *t > 0) {
                            prop_assert_eq!(*part, 0);
                        }
                        // Each item's even part is within a unit of total/len, so a member's
                        // weight is within (items they share) units of `had`.
                        let shared = items.iter().filter(|(_, a)| a.contains(&m)).count() as i128;
                        let exact = |w: i128| amount as i128 * w / items_total as i128;
                        prop_assert!((*part as i128) >= exact(had) - 1);
                        prop_assert!((*part as i128) <= exact(had + shared) + 1);
                    }
                }
                Err(_) => prop_assert_eq!(items_total, 0),
            }
        }
    }
}
