//! KPAY's card-to-card side: shops, bank cards, payment transactions. Amounts are whole Rials.

use crate::FieldErrors;
use serde::{Deserialize, Serialize};

/// Iranian card BINs (first six digits) and their banks.
const BANKS: &[(&str, &str)] = &[
    ("603799", "Bank Melli Iran"),
    ("589210", "Bank Sepah"),
    ("627648", "Export Development Bank of Iran"),
    ("627961", "Bank of Industry and Mine"),
    ("603770", "Bank Keshavarzi"),
    ("639217", "Bank Keshavarzi"),
    ("628023", "Bank Maskan"),
    ("627760", "Post Bank of Iran"),
    ("502908", "Tose'e Ta'avon Bank"),
    ("627412", "Eghtesad Novin Bank"),
    ("622106", "Parsian Bank"),
    ("639194", "Parsian Bank"),
    ("502229", "Pasargad Bank"),
    ("639347", "Pasargad Bank"),
    ("627488", "Karafarin Bank"),
    ("621986", "Saman Bank"),
    ("639346", "Sina Bank"),
    ("639607", "Sarmayeh Bank"),
    ("636214", "Ayandeh Bank"),
    ("502806", "Shahr Bank"),
    ("504706", "Shahr Bank"),
    ("502938", "Day Bank"),
    ("603769", "Bank Saderat Iran"),
    ("610433", "Bank Mellat"),
    ("991975", "Bank Mellat"),
    ("627353", "Tejarat Bank"),
    ("585983", "Tejarat Bank"),
    ("589463", "Refah Kargaran Bank"),
    ("639370", "Mehr Eqtesad Bank"),
    ("505785", "Iran Zamin Bank"),
    ("606373", "Gharzolhasaneh Mehr Iran Bank"),
    ("628157", "Tose'e Credit Institution"),
    ("505801", "Kosar Credit Institution"),
    ("606256", "Melal Credit Institution"),
    ("507677", "Noor Credit Institution"),
];

/// The bank that issued a card, from its BIN.
pub fn bank_name(card_number: &str) -> Option<&'static str> {
    let bin = card_number.get(..6)?;
    BANKS.iter().find(|(b, _)| *b == bin).map(|(_, name)| *name)
}

/// True when the digits pass the Luhn check.
pub fn luhn_ok(digits: &str) -> bool {
    let mut sum = 0u32;
    for (i, b) in digits.bytes().rev().enumerate() {
        let Some(d) = (b as char).to_digit(10) else {
            return false;
        };
        sum += if i % 2 == 1 {
            let x = d * 2;
            if x > 9 {
                x - 9
            } else {
                x
            }
        } else {
            d
        };
    }
    !digits.is_empty() && sum.is_multiple_of(10)
}

/// A 16-digit card number (spaces and dashes ignored) that passes Luhn and has a known Iranian BIN.
pub fn card_number(input: &str) -> Result<String, &'static str> {
    let digits: String = input.chars().filter(|c| !matches!(c, ' ' | '-')).collect();
    if digits.is_empty() {
        return Err("Enter the 16-digit card number.");
    }
    if digits.len() != 16 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err("A card number has 16 digits.");
    }
    if !luhn_ok(&digits) {
        return Err("This card number has a typo: check the digits.");
    }
    if bank_name(&digits).is_none() {
        return Err("This card is not from a bank we know. Use a card of an Iranian bank.");
    }
    Ok(digits)
}

/// A Shaba (Iranian IBAN): `IR` and 24 digits, with valid ISO 7064 mod-97 check digits.
pub fn shaba(input: &str) -> Result<String, &'static str> {
    let s: String = input
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .collect::<String>()
        .to_uppercase();
    let s = if s.len() == 24 && s.bytes().all(|b| b.is_ascii_digit()) {
        format!("IR{s}")
    } else {
        s
    };
    if s.len() != 26 || !s.starts_with("IR") || !s[2..].bytes().all(|b| b.is_ascii_digit()) {
        return Err("A Shaba number is IR followed by 24 digits.");
    }
    // Move the country code and check digits to the end; letters become 10..35.
    let rearranged = format!("{}{}", &s[4..], &s[..4]);
    let mut rem = 0u32;
    for c in rearranged.chars() {
        let v = c.to_digit(36).expect("checked: digits and letters");
        rem = if v >= 10 {
            (rem * 100 + v) % 97
        } else {
            (rem * 10 + v) % 97
        };
    }
    if rem == 1 {
        Ok(s)
    } else {
        Err("This Shaba number has a typo: its check digits do not match.")
    }
}

/// `6037-99**-****-1234`: enough to recognise a card, not enough to use it.
pub fn mask_card(digits: &str) -> String {
    if digits.len() != 16 {
        return "****".into();
    }
    format!(
        "{}-{}**-****-{}",
        &digits[..4],
        &digits[4..6],
        &digits[12..]
    )
}

/// `6037 9912 3456 7890`, for the buyer who must type it into their bank app.
pub fn group_card(digits: &str) -> String {
    digits
        .as_bytes()
        .chunks(4)
        .map(|c| String::from_utf8_lossy(c).into_owned())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Who pays the gateway fee.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "lowercase")]
pub enum FeeSide {
    /// The buyer transfers amount + fee.
    Customer,
    /// The merchant receives amount − fee.
    #[default]
    Merchant,
}

/// Smallest and largest payment, in Rials.
pub const MIN_AMOUNT: i64 = 10_000;
pub const MAX_AMOUNT: i64 = 5_000_000_000;
/// Fee: 1% of the amount, rounded down, at most 100,000 Rials.
pub fn fee(amount: i64) -> i64 {
    (amount / 100).min(100_000)
}

/// Payment transaction statuses. `paid_late` is a transfer that arrived after expiry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum TransactionStatus {
    Pending,
    Paid,
    Expired,
    Failed,
    PaidLate,
}

impl TransactionStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            TransactionStatus::Pending => "pending",
            TransactionStatus::Paid => "paid",
            TransactionStatus::Expired => "expired",
            TransactionStatus::Failed => "failed",
            TransactionStatus::PaidLate => "paid_late",
        }
    }

    pub fn parse(s: &str) -> Option<TransactionStatus> {
        [
            TransactionStatus::Pending,
            TransactionStatus::Paid,
            TransactionStatus::Expired,
            TransactionStatus::Failed,
            TransactionStatus::PaidLate,
        ]
        .into_iter()
        .find(|t| t.as_str() == s)
    }

    /// A person's word for it.
    pub fn label(self) -> &'static str {
        match self {
            TransactionStatus::Pending => "Pending",
            TransactionStatus::Paid => "Paid",
            TransactionStatus::Expired => "Expired",
            TransactionStatus::Failed => "Failed",
            TransactionStatus::PaidLate => "Paid late",
        }
    }
}

// ---- Shops ----

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CreateShopRequest {
    pub name: String,
    #[serde(default)]
    pub website: Option<String>,
    #[serde(default)]
    pub phone: Option<String>,
}

impl CreateShopRequest {
    pub fn validate(&self) -> Result<CreateShopRequest, FieldErrors> {
        let mut errors = FieldErrors::new();
        let name = self.name.trim().to_string();
        if name.is_empty() {
            errors.insert("name".into(), "Enter the shop's name.".into());
        } else if name.chars().count() > 100 {
            errors.insert("name".into(), "Use at most 100 characters.".into());
        }
        let website = blank_to_none(&self.website);
        if let Some(w) = &website {
            if !(w.starts_with("https://") || w.starts_with("http://"))
                || w.len() < 11
                || w.contains(' ')
            {
                errors.insert(
                    "website".into(),
                    "Enter a web address like https://shop.example.".into(),
                );
            }
        }
        let phone = blank_to_none(&self.phone);
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
    pub card_number: String,
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
    pub shop_id: String,
    pub card_id: String,
    /// Rials.
    pub amount: i64,
    pub callback_url: String,
    #[serde(default)]
    pub description: Option<String>,
    /// Invoice number; unique per shop.
    #[serde(default)]
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
        let callback = self.callback_url.trim();
        if !(callback.starts_with("https://") || callback.starts_with("http://"))
            || callback.contains(' ')
            || callback.len() < 11
        {
            errors.insert(
                "callback_url".into(),
                "Enter the address to return to, like https://shop.example/paid.".into(),
            );
        }
        let description = blank_to_none(&self.description);
        if description
            .as_ref()
            .is_some_and(|d| d.chars().count() > 255)
        {
            errors.insert("description".into(), "Use at most 255 characters.".into());
        }
        let factor = blank_to_none(&self.factor_number);
        if factor.as_ref().is_some_and(|f| f.chars().count() > 64) {
            errors.insert("factor_number".into(), "Use at most 64 characters.".into());
        }
        if errors.is_empty() {
            Ok(CreateTransactionRequest {
                shop_id: self.shop_id.trim().into(),
                card_id: self.card_id.trim().into(),
                amount: self.amount,
                callback_url: callback.into(),
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
    pub card_number: String,
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

    /// Completes a 15-digit prefix with its Luhn check digit.
    fn with_check_digit(prefix: &str) -> String {
        (0..10)
            .map(|d| format!("{prefix}{d}"))
            .find(|n| luhn_ok(n))
            .unwrap()
    }

    #[test]
    fn card_numbers() {
        let good = with_check_digit("603799123456789");
        assert_eq!(card_number(&good).unwrap(), good);
        let spaced = good
            .as_bytes()
            .chunks(4)
            .map(|c| std::str::from_utf8(c).unwrap())
            .collect::<Vec<_>>()
            .join(" ");
        assert_eq!(card_number(&spaced).unwrap(), good);
        let mut typo = good.clone().into_bytes();
        typo[15] = if typo[15] == b'9' { b'0' } else { typo[15] + 1 };
        assert!(card_number(std::str::from_utf8(&typo).unwrap()).is_err());
        assert!(card_number("1234").is_err());
        assert!(
            card_number(&with_check_digit("411111111111111")).is_err(),
            "unknown BIN"
        );
        assert_eq!(bank_name(&good), Some("Bank Melli Iran"));
    }

    #[test]
    fn luhn_known_values() {
        assert!(luhn_ok("4111111111111111"));
        assert!(!luhn_ok("4111111111111112"));
        assert!(!luhn_ok(""));
    }

    #[test]
    fn shaba_numbers() {
        // A well-known valid sample Sheba.
        assert_eq!(
            shaba("IR06 2960 0000 0010 0324 2000 01").unwrap(),
            "IR062960000000100324200001"
        );
        assert_eq!(
            shaba("062960000000100324200001").unwrap(),
            "IR062960000000100324200001"
        );
        assert!(shaba("IR072960000000100324200001").is_err());
        assert!(shaba("DE89370400440532013000").is_err());
        assert!(shaba("IR0629600000001003242000").is_err());
    }

    #[test]
    fn masking_and_grouping() {
        assert_eq!(mask_card("6037991234567890"), "6037-99**-****-7890");
        assert_eq!(group_card("6037991234567890"), "6037 9912 3456 7890");
    }

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
            website: Some(" ".into()),
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
