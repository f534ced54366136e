//! KPAY's card-to-card side: shops, bank cards, payment transactions. Amounts are whole Rials.

use crate::FieldErrors;
use serde::{Deserialize, Serialize};

pub use crate::bank::{bank_name, card_number, group_card, luhn_ok, mask_card, shaba};

crate::vocabulary! {
    /// Who pays the gateway fee.
    pub enum FeeSide {
        /// The buyer transfers amount + fee.
        Customer = "customer" / "Buyer pays the fee",
        /// The merchant receives amount − fee.
        Merchant = "merchant" / "Shop pays the fee",
    }
}

#[allow(clippy::derivable_impls)] // the enum comes from a macro
impl Default for FeeSide {
    fn default() -> Self {
        FeeSide::Merchant
    }
}

/// Smallest and largest payment, in Rials.
pub const MIN_AMOUNT: i64 = 10_000;
pub const MAX_AMOUNT: i64 = 5_000_000_000;
/// Fee: 1% of the amount, rounded down, at most 100,000 Rials.
pub fn fee(amount: i64) -> i64 {
    (amount / 100).min(100_000)
}

crate::vocabulary! {
    /// Payment transaction statuses. `paid_late` is a transfer that arrived after expiry.
    pub enum TransactionStatus {
        Pending = "pending" / "Pending",
        Paid = "paid" / "Paid",
        Expired = "expired" / "Expired",
        Failed = "failed" / "Failed",
        PaidLate = "paid_late" / "Paid late",
    }
}

// ---- Shops ----

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CreateShopRequest {
    /// At most 100 characters; not blank.
    #[cfg_attr(
        feature = "openapi",
        schema(
            max_length = 100,
            pattern = r"^[^\x00-\x1f\x7f-\x9f]*[^\s\x00-\x1f\x7f-\x9f][^\x00-\x1f\x7f-\x9f]*$"
        )
    )]
    pub name: String,
    /// An http(s) address, or empty for none.
    #[serde(default)]
    #[cfg_attr(
        feature = "openapi",
        schema(max_length = 2048, pattern = r"^$|^https?://[^\s/?#\[\]]+([/?#]\S*)?$")
    )]
    pub website: Option<String>,
    /// 5 to 15 digits, with spaces, `+`, `-` and brackets allowed; or empty for none.
    #[serde(default)]
    #[cfg_attr(
        feature = "openapi",
        schema(pattern = r"^$|^[ +()-]*([0-9][ +()-]*){5,15}$")
    )]
    pub phone: Option<String>,
}

impl CreateShopRequest {
    pub fn validate(&self) -> Result<CreateShopRequest, FieldErrors> {
        let mut errors = FieldErrors::new();
        let name = crate::validate::label(&self.name, 100)
            .map_err(|e| errors.insert("name".into(), e.message("the shop's name", 100)))
            .unwrap_or_default();
        let website = empty_to_none(&self.website);
        if let Some(w) = &website {
            if crate::validate::http_url(w).is_err() {
                errors.insert(
                    "website".into(),
                    "Enter a web address like https://shop.example.".into(),
                );
            }
        }
        let phone = empty_to_none(&self.phone);
        if let Some(p) = &phone {
            let digits = p.chars().filter(char::is_ascii_digit).count();
            if !(5..=15).contains(&digits)
                || p.chars()
                    .any(|c| !(c.is_ascii_digit() || " +-()".contains(c)))
            {
                errors.insert("phone".into(), "Enter a phone number, digits only.".into());
            }
        }
        if errors.is_empty() {
            Ok(CreateShopRequest {
                name,
                website,
                phone,
            })
        } else {
            Err(errors)
        }
    }
}

/// `None` for an absent or empty string; anything else is checked as given.
fn empty_to_none(v: &Option<String>) -> Option<String> {
    v.clone().filter(|s| !s.is_empty())
}

fn blank_to_none(v: &Option<String>) -> Option<String> {
    v.as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
}

/// The documented create response; `api_key` is shown this once and stored only hashed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CreatedShop {
    pub id: String,
    pub name: String,
    pub api_key: String,
    pub is_active: bool,
    /// The shop's Standard Webhooks signing secret (`whsec_…`), shown this once (ours).
    pub webhook_secret: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Shop {
    pub id: String,
    pub name: String,
    pub website: Option<String>,
    pub phone: Option<String>,
    pub is_active: bool,
    /// The first characters of the current API key, to tell keys apart.
    pub api_key_prefix: String,
    pub created_at: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ShopList {
    pub shops: Vec<Shop>,
    pub total: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ApiKey {
    pub api_key: String,
}

// ---- Cards ----

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AddCardRequest {
    /// 16 digits, spaces and dashes allowed between them.
    #[cfg_attr(feature = "openapi", schema(pattern = r"^[0-9][0-9 -]{14,22}[0-9]$"))]
    pub card_number: String,
    /// At most 100 characters; not blank.
    #[cfg_attr(
        feature = "openapi",
        schema(
            max_length = 100,
            pattern = r"^[^\x00-\x1f\x7f-\x9f]*[^\s\x00-\x1f\x7f-\x9f][^\x00-\x1f\x7f-\x9f]*$"
        )
    )]
    pub owner_name: String,
    #[serde(default)]
    pub shaba: Option<String>,
}

impl AddCardRequest {
    pub fn validate(&self) -> Result<AddCardRequest, FieldErrors> {
        let mut errors = FieldErrors::new();
        let number = card_number(&self.card_number)
            .map_err(|m| errors.insert("card_number".into(), m.into()))
            .unwrap_or_default();
        let owner = crate::validate::name(&self.owner_name)
            .map_err(|_| errors.insert("owner_name".into(), "Enter the name on the card.".into()))
            .unwrap_or_default();
        let shaba_v = match blank_to_none(&self.shaba) {
            None => None,
            Some(s) => shaba(&s)
                .map_err(|m| errors.insert("shaba".into(), m.into()))
                .ok(),
        };
        if errors.is_empty() {
            Ok(AddCardRequest {
                card_number: number,
                owner_name: owner,
                shaba: shaba_v,
            })
        } else {
            Err(errors)
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Card {
    pub id: String,
    /// Masked: `6037-99**-****-1234`.
    pub card_number: String,
    pub owner_name: String,
    pub bank_name: String,
    /// Masked but for the last four digits.
    pub shaba: Option<String>,
    pub is_active: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CardList {
    pub cards: Vec<Card>,
    pub total: i64,
}

// ---- Transactions ----

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CreateTransactionRequest {
    #[cfg_attr(feature = "openapi", schema(pattern = r"\S"))]
    pub shop_id: String,
    #[cfg_attr(feature = "openapi", schema(pattern = r"\S"))]
    pub card_id: String,
    /// Rials, 10,000 to 5,000,000,000.
    #[cfg_attr(
        feature = "openapi",
        schema(minimum = 10_000, maximum = 5_000_000_000_i64)
    )]
    #[serde(deserialize_with = "crate::money::whole_units::deserialize")]
    pub amount: i64,
    /// Where the buyer returns: an http(s) address.
    #[cfg_attr(
        feature = "openapi",
        schema(max_length = 2048, pattern = r"^https?://[^\s/?#\[\]]+([/?#]\S*)?$")
    )]
    pub callback_url: String,
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(max_length = 255))]
    pub description: Option<String>,
    /// Invoice number; unique per shop.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(max_length = 64))]
    pub factor_number: Option<String>,
    #[serde(default)]
    pub fee_side: Option<FeeSide>,
}

impl CreateTransactionRequest {
    pub fn validate(&self) -> Result<CreateTransactionRequest, FieldErrors> {
        let mut errors = FieldErrors::new();
        if self.shop_id.trim().is_empty() {
            errors.insert("shop_id".into(), "Choose a shop.".into());
        }
        if self.card_id.trim().is_empty() {
            errors.insert(
                "card_id".into(),
                "Choose the card that receives the money.".into(),
            );
        }
        if self.amount < MIN_AMOUNT {
            errors.insert(
                "amount".into(),
                format!("The smallest payment is {MIN_AMOUNT} Rials."),
            );
        } else if self.amount > MAX_AMOUNT {
            errors.insert(
                "amount".into(),
                format!("The largest payment is {MAX_AMOUNT} Rials."),
            );
        }
        let callback = crate::validate::http_url(&self.callback_url)
            .map_err(|m| errors.insert("callback_url".into(), m.into()))
            .unwrap_or_default();
        let description = blank_to_none(&self.description);
        if self
            .description
            .as_ref()
            .is_some_and(|d| d.chars().count() > 255)
        {
            errors.insert("description".into(), "Use at most 255 characters.".into());
        }
        let factor = blank_to_none(&self.factor_number);
        if self
            .factor_number
            .as_ref()
            .is_some_and(|f| f.chars().count() > 64)
        {
            errors.insert("factor_number".into(), "Use at most 64 characters.".into());
        }
        if errors.is_empty() {
            Ok(CreateTransactionRequest {
                shop_id: self.shop_id.trim().into(),
                card_id: self.card_id.trim().into(),
                amount: self.amount,
                callback_url: callback,
                description,
                factor_number: factor,
                fee_side: Some(self.fee_side.unwrap_or_default()),
            })
        } else {
            Err(errors)
        }
    }
}

/// The documented create response.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CreatedTransaction {
    pub id: String,
    pub authority: String,
    pub amount: i64,
    /// What the buyer must transfer: amount, plus the fee when the customer pays it, plus a
    /// small offset that tells this payment apart from others pending to the same card.
    pub final_amount: i64,
    pub fee: i64,
    pub status: TransactionStatus,
    pub payment_url: String,
}

/// `GET /transactions/payment/{authority}`: what the buyer's checkout page shows. Public.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PaymentInfo {
    pub authority: String,
    pub amount: i64,
    pub final_amount: i64,
    pub status: TransactionStatus,
    /// The full number: the buyer has to type it.
    pub card_number: String,
    pub owner_name: String,
    pub bank_name: String,
    pub shop_name: String,
    pub remaining_seconds: i64,
    pub description: Option<String>,
    pub callback_url: String,
    /// True on a sandbox server, where the page offers to simulate the transfer. Saves the buyer's
    /// phone a second request.
    #[serde(default)]
    pub sandbox: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct VerifyRequest {
    pub authority: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct VerifyResponse {
    pub id: String,
    pub authority: String,
    pub status: TransactionStatus,
    pub amount: i64,
    pub paid_at: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StatusCheck {
    pub authority: String,
    pub status: TransactionStatus,
    pub is_paid: bool,
}

/// A transaction as the merchant sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Transaction {
    pub id: String,
    pub authority: String,
    pub shop_id: String,
    pub shop_name: String,
    /// Masked.
    pub card_number: String,
    pub amount: i64,
    pub final_amount: i64,
    pub fee: i64,
    pub fee_side: FeeSide,
    pub status: TransactionStatus,
    pub description: Option<String>,
    pub factor_number: Option<String>,
    pub callback_url: String,
    pub payment_url: String,
    pub created_at: String,
    pub expires_at: String,
    pub paid_at: Option<String>,
    pub verified_at: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TransactionList {
    pub transactions: Vec<Transaction>,
    pub total: i64,
    pub page: i64,
    pub per_page: i64,
}

/// `POST /sandbox/card-transfers`: the bank's notification of an incoming card-to-card transfer.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CardTransfer {
    #[cfg_attr(feature = "openapi", schema(pattern = r"^[0-9][0-9 -]{14,22}[0-9]$"))]
    pub card_number: String,
    /// Rials, at least 1.
    #[cfg_attr(feature = "openapi", schema(minimum = 1))]
    #[serde(deserialize_with = "crate::money::whole_units::deserialize")]
    pub amount: i64,
}

/// What a bank notification did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CardTransferResult {
    /// `paid`, `paid_late`, or `unmatched`.
    pub outcome: String,
    pub authority: Option<String>,
}

/// Paid money on one day (in the merchant's time zone).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DailyTotal {
    /// `YYYY-MM-DD`.
    pub date: String,
    /// Rials received that day (paid and paid late).
    pub paid: i64,
}

/// `GET /kpay/merchant/summary`: the numbers on the merchant's home.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MerchantSummary {
    pub today_paid: i64,
    pub month_paid: i64,
    pub pending_count: i64,
    /// The last 14 days, oldest first, every day present.
    pub daily: Vec<DailyTotal>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fees() {
        assert_eq!(fee(10_000), 100);
        assert_eq!(fee(1_234_567), 12_345);
        assert_eq!(fee(50_000_000), 100_000);
    }

    #[test]
    fn shop_validation() {
        let ok = CreateShopRequest {
            name: " Cafe ".into(),
            website: Some("".into()),
            phone: Some("021-8888 1234".into()),
        }
        .validate()
        .unwrap();
        assert_eq!(ok.name, "Cafe");
        assert_eq!(ok.website, None);
        let bad = CreateShopRequest {
            name: "".into(),
            website: Some("shop".into()),
            phone: Some("abc".into()),
        }
        .validate()
        .unwrap_err();
        assert_eq!(bad.len(), 3);
    }
}
