//! Kotani Pay's fiat ramps (`002_…`: Authorization, Fiat-Fiat, Quotes in/out, Health) and
//! KiotaPay's till look-up (`003_…`). Field names are the documents' own (camelCase).
//!
//! Amounts: requests carry whole shillings or cedis as the document has them (`amount: 10`, or
//! `"amount": "150.50"` where the document makes it a string); records carry minor units (`i64`
//! cents) with their currency, like the rest of Kitty. Crypto amounts and rates are decimal
//! strings, computed on the server with `rust_decimal`.

use crate::money::Currency;
use serde::{Deserialize, Serialize};

macro_rules! wire {
    ($($item:item)*) => {
        $(
            #[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
            #[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
            #[serde(rename_all = "camelCase")]
            $item
        )*
    };
}

/// The smallest and largest amount of one mobile-money or bank movement, in whole units
/// (M-Pesa's own limits: KES 1 to 250,000 a transaction). The messages below spell them out.
pub const MIN_AMOUNT: i64 = 1;
pub const MAX_AMOUNT: i64 = 250_000;

/// The partner's country, as the client login takes it. Written by hand rather than with
/// `vocabulary!`, whose wire words are snake_case: the document's codes are upper case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[allow(clippy::upper_case_acronyms)]
pub enum Country {
    KEN,
    GH,
}

impl Country {
    pub const ALL: &'static [Country] = &[Country::KEN, Country::GH];

    /// The code on the wire and in the database.
    pub fn as_str(self) -> &'static str {
        match self {
            Country::KEN => "KEN",
            Country::GH => "GH",
        }
    }

    pub fn parse(word: &str) -> Option<Country> {
        Country::ALL.iter().copied().find(|c| c.as_str() == word)
    }

    pub fn label(self) -> &'static str {
        match self {
            Country::KEN => "Kenya",
            Country::GH => "Ghana",
        }
    }

    /// The wallet's currency.
    pub fn currency(self) -> Currency {
        match self {
            Country::KEN => Currency::KES,
            Country::GH => Currency::GHS,
        }
    }

    /// The international dialling code, as phone numbers are written (`254…`, `233…`).
    pub fn dial_code(self) -> &'static str {
        match self {
            Country::KEN => "254",
            Country::GH => "233",
        }
    }
}

crate::vocabulary! {
    /// What a ramp transaction does to the partner's wallet.
    pub enum RampKind {
        /// M-Pesa STK push into the wallet (a "Collection").
        Deposit = "deposit" / "Deposit by M-Pesa",
        /// B2C payout to a phone.
        MobileWithdrawal = "mobile_withdrawal" / "Withdrawal to M-Pesa",
        BankWithdrawal = "bank_withdrawal" / "Withdrawal to a bank",
        Paybill = "paybill" / "Paybill payment",
        Till = "till" / "Till payment",
        /// M-Pesa payout funded by stablecoins sent to the escrow (not the wallet).
        CryptoCashout = "crypto_cashout" / "Stablecoins to M-Pesa",
        /// Stablecoins bought for a user with the wallet's money.
        CryptoPurchase = "crypto_purchase" / "cUSD bought",
        /// STK push whose money buys USDT on TRON for the user (not the wallet).
        CryptoCashin = "crypto_cashin" / "M-Pesa to USDT on TRON",
    }
}

impl RampKind {
    /// The document's two families: deposits are Collections, everything else Payouts.
    pub fn family(self) -> &'static str {
        match self {
            RampKind::Deposit | RampKind::CryptoCashin => "Collections",
            _ => "Payouts",
        }
    }

    /// Whether the money comes from, or goes into, the partner's fiat wallet. Cash-outs are
    /// funded by stablecoins and cash-ins buy them: neither touches the wallet.
    pub fn uses_wallet(self) -> bool {
        !matches!(self, RampKind::CryptoCashout | RampKind::CryptoCashin)
    }

    /// Whether the phone is asked to pay (an STK push), rather than paid.
    pub fn is_collection(self) -> bool {
        matches!(self, RampKind::Deposit | RampKind::CryptoCashin)
    }
}

crate::vocabulary! {
    pub enum RampStatus {
        Pending = "pending" / "Pending",
        Successful = "successful" / "Successful",
        Failed = "failed" / "Failed",
    }
}

/// What an M-Pesa result code means, in words a person understands.
pub fn result_text(code: i64) -> &'static str {
    match code {
        0 => "The request was processed successfully.",
        1 => "The M-Pesa balance was too low for this amount.",
        1032 => "You cancelled on your phone.",
        1037 => "No answer from the phone in time.",
        2001 => "The M-Pesa PIN was wrong.",
        _ => "M-Pesa could not complete the request.",
    }
}

/// The banks that "Withdraw fiat through the bank" accepts, code and name as the document lists
/// them.
pub const KENYA_BANKS: &[(&str, &str)] = &[
    ("01", "Kenya Commercial Bank"),
    ("02", "Standard Chartered"),
    ("03", "Absa Bank Kenya"),
    ("07", "Ncba Bank Kenya"),
    ("10", "Prime Bank"),
    ("11", "Cooperative Bank"),
    ("12", "National Bank of Kenya"),
    ("16", "Citibank N.A Kenya"),
    ("18", "Middle East Bank Kenya"),
    ("19", "Bank of Africa Kenya"),
    ("25", "Credit Bank Limited"),
    ("31", "CFC Stanbic Kenya"),
    ("50", "Paramount Bank"),
    ("51", "Jamii Bora Bank"),
    ("53", "Guaranty Trust Bank"),
    ("55", "Guardian Bank"),
    ("57", "I&M Bank"),
    ("63", "Diamond Trust Bank"),
    ("66", "Sidian Bank"),
    ("68", "Equity Bank Kenya"),
    ("70", "Family Bank Limited"),
    ("72", "Gulf African Bank"),
    ("74", "First Community Bank"),
    ("78", "Kenya Women's Finance Trust"),
];

/// The bank's name for a `serviceProviderId`.
pub fn bank_name(code: &str) -> Option<&'static str> {
    KENYA_BANKS
        .iter()
        .find(|(c, _)| *c == code)
        .map(|(_, n)| *n)
}

/// The paybill tariff: (largest amount of the band in whole KES, fee in whole KES). "Transactions
/// done through paybill … incur a transactional fee that varies per the amount"; till payments
/// are free.
pub const PAYBILL_TARIFF: &[(i64, i64)] = &[
    (100, 0),
    (500, 5),
    (1_000, 10),
    (1_500, 15),
    (2_500, 20),
    (3_500, 25),
    (5_000, 34),
    (7_500, 42),
    (10_000, 48),
    (15_000, 57),
    (20_000, 62),
    (35_000, 67),
    (50_000, 72),
    (250_000, 83),
];

/// The paybill fee, in minor units, for an amount in minor units (bands are in whole units, and
/// a fraction of a shilling counts in the band above).
pub fn paybill_fee(amount_minor: i64) -> Option<i64> {
    PAYBILL_TARIFF
        .iter()
        .find(|(upto, _)| amount_minor <= upto * 100)
        .map(|(_, fee)| fee * 100)
}

/// A phone number as the document writes it: the country's dialling code and 9 digits, no `+`
/// (`254712345678`). A leading `+` and spaces are accepted and dropped; a local `07…` number is
/// refused with a hint, since the country is the partner's choice to make.
pub fn phone_number(input: &str, country: Country) -> Result<String, String> {
    let compact: String = input.chars().filter(|c| !matches!(c, ' ' | '-')).collect();
    let digits = compact.strip_prefix('+').unwrap_or(&compact);
    let code = country.dial_code();
    let ok = digits.len() == 12
        && digits.starts_with(code)
        && digits.bytes().all(|b| b.is_ascii_digit())
        && !digits[3..].starts_with('0');
    if ok {
        Ok(digits.to_string())
    } else {
        Err(format!(
            "Enter the number with the country code, like {code}712345678."
        ))
    }
}

/// Whole units (`10`) or units with up to two decimals (`"150.50"`), within the limits, as minor
/// units.
pub fn amount_minor(text: &str) -> Result<i64, String> {
    let t = text.trim();
    let (whole, frac) = t.split_once('.').unwrap_or((t, ""));
    let digits_ok = !whole.is_empty()
        && whole.len() <= 7
        && whole.bytes().all(|b| b.is_ascii_digit())
        && frac.len() <= 2
        && frac.bytes().all(|b| b.is_ascii_digit());
    if !digits_ok {
        return Err("Enter an amount like 150 or 150.50.".into());
    }
    let minor = whole.parse::<i64>().map_err(|e| e.to_string())? * 100
        + format!("{frac:0<2}")
            .parse::<i64>()
            .map_err(|e| e.to_string())?;
    if !(MIN_AMOUNT * 100..=MAX_AMOUNT * 100).contains(&minor) {
        return Err("Send between 1 and 250,000 at a time.".into());
    }
    Ok(minor)
}

/// Minor units as the document's amount strings: `"1250.00"`.
pub fn units_text(minor: i64) -> String {
    format!(
        "{}{}.{:02}",
        if minor < 0 { "-" } else { "" },
        minor.unsigned_abs() / 100,
        minor.unsigned_abs() % 100
    )
}

wire! {
    /// "Client login".
    pub struct ClientLoginRequest {
        /// The phone number the partner registered with.
        pub phone_number: String,
        /// KEN or GH.
        pub country_code: String,
        pub password: String,
    }

    pub struct ClientLoginResponse {
        /// 201, as documented.
        pub status: u16,
        pub access_token: String,
    }

    /// The partner's client-login credentials, as the app shows them (never the password).
    pub struct PartnerProfile {
        /// `None` until the partner has set credentials.
        pub phone_number: Option<String>,
        pub country_code: Option<Country>,
        pub currency: Option<Currency>,
        /// The partner's organisation id at KiotaPay (`companyId` of the till look-up).
        pub company_id: String,
    }

    /// Setting (or changing) the partner's client-login credentials.
    pub struct SetPartnerRequest {
        pub phone_number: String,
        pub country_code: String,
        /// 6 to 128 characters.
        #[cfg_attr(feature = "openapi", schema(min_length = 6, max_length = 128))]
        pub password: String,
    }

    /// The partner's fiat wallet, derived from its transactions.
    pub struct Wallet {
        pub currency: Currency,
        /// What can be withdrawn now: successful deposits less every payout that is pending or done.
        pub available: i64,
        /// Deposits not yet confirmed by the phone.
        pub incoming: i64,
        /// Payouts on their way.
        pub outgoing: i64,
    }

    /// "Deposit fiat".
    pub struct DepositRequest {
        /// Whole units; default 10.
        #[serde(default = "ten", deserialize_with = "crate::money::whole_units::deserialize")]
        #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 250_000, default = 10))]
        pub amount: i64,
        /// `254…`, the phone that approves the STK push.
        pub phone_number: String,
        /// Where the result is POSTed: an http(s) address.
        #[serde(default)]
        pub callback: Option<String>,
        /// The partner's own reference; unique per partner.
        #[serde(default)]
        pub external_id: Option<String>,
    }

    /// "Deposit fiat with an accepted quote".
    pub struct QuoteDepositRequest {
        pub accepted_quote_id: String,
        pub phone_number: String,
        #[serde(default)]
        pub callback: Option<String>,
        #[serde(default)]
        pub external_id: Option<String>,
    }

    /// "Withdraw fiat through mobile money".
    pub struct MobileWithdrawRequest {
        /// Whole units; default 20.
        #[serde(default = "twenty", deserialize_with = "crate::money::whole_units::deserialize")]
        #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 250_000, default = 20))]
        pub amount: i64,
        /// `254…`; the document's sample sends it as a number, which is accepted too.
        #[serde(deserialize_with = "text_or_number")]
        #[cfg_attr(feature = "openapi", schema(value_type = String))]
        pub phone_number: String,
        #[serde(default)]
        pub callback: Option<String>,
        #[serde(default)]
        pub external_id: Option<String>,
    }

    /// The documented answer of a mobile-money withdrawal.
    pub struct MobileWithdrawResponse {
        pub id: i64,
        pub request_id: String,
        pub phone_number: String,
        pub message: String,
        /// `"20.00"`.
        pub amount: String,
        pub external_id: Option<String>,
    }

    /// "Withdraw fiat through the bank".
    pub struct BankWithdrawRequest {
        #[serde(default = "twenty", deserialize_with = "crate::money::whole_units::deserialize")]
        #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 250_000, default = 20))]
        pub amount: i64,
        #[serde(deserialize_with = "text_or_number")]
        #[cfg_attr(feature = "openapi", schema(value_type = String))]
        pub account_number: String,
        /// The name on the bank account.
        pub account_name: String,
        /// The bank's code from the document's table (`01` … `78`).
        pub service_provider_id: String,
        #[serde(default)]
        pub callback: Option<String>,
        #[serde(default)]
        pub external_id: Option<String>,
    }

    /// The documented answer of a bank withdrawal.
    pub struct BankWithdrawResponse {
        pub id: i64,
        pub request_id: String,
        pub account_number: String,
        pub account_name: String,
        pub service_provider_id: String,
        pub message: String,
        pub amount: String,
        pub external_id: Option<String>,
    }

    /// "Transact using payBill".
    pub struct PaybillRequest {
        pub merchant_number: String,
        pub account_number: String,
        /// `"150"` or `"150.50"`.
        pub amount: String,
        #[serde(default)]
        pub callback: Option<String>,
    }

    /// "Pay using a tillNumber".
    pub struct TillRequest {
        pub merchant_till: String,
        pub amount: String,
        #[serde(default)]
        pub callback: Option<String>,
    }

    /// One deposit, payout or payment of the partner's wallet.
    pub struct RampTransaction {
        /// The document's numeric id.
        pub id: i64,
        pub request_id: String,
        pub kind: RampKind,
        /// Collections or Payouts.
        pub transaction_type: String,
        pub status: RampStatus,
        /// Minor units.
        pub amount: i64,
        /// Minor units; paybill only.
        pub fee: i64,
        pub currency: Currency,
        pub phone_number: Option<String>,
        pub service_provider_id: Option<String>,
        pub bank_name: Option<String>,
        pub account_number: Option<String>,
        pub account_name: Option<String>,
        pub merchant_number: Option<String>,
        pub merchant_till: Option<String>,
        pub external_id: Option<String>,
        pub callback: Option<String>,
        pub quote_id: Option<String>,
        /// M-Pesa's result code once settled (0 success, 1, 1032, 1037, 2001).
        pub result_code: Option<i64>,
        pub result_description: Option<String>,
        pub created_at: String,
        pub updated_at: String,
    }

    /// `{ "result": … }`, as the document wraps its answers.
    pub struct RampResult {
        pub result: RampTransaction,
    }

    /// "Get all transactions": the filters as given, and the transactions.
    pub struct RampTransactionList {
        pub transaction_type: String,
        pub limit: String,
        pub order_by: String,
        pub transactions: Vec<RampTransaction>,
    }

    /// "Get cash in quote": how much crypto a fiat deposit buys.
    pub struct CashInQuoteRequest {
        pub fiat_amount: String,
        /// KES or GHS.
        pub currency: String,
        /// USDT, USDC or CUSD.
        pub crypto_type: String,
    }

    /// "Get cash out quote": how much fiat a crypto amount pays out.
    pub struct CashOutQuoteRequest {
        pub crypto_amount: String,
        pub currency: String,
        pub crypto_type: String,
    }

    /// "Accept quote in" / "Accept quote out".
    pub struct AcceptQuoteRequest {
        pub quote_id: String,
    }

    /// A quote: the rate is locked until `expiresAt`.
    pub struct Quote {
        pub quote_id: String,
        /// in (fiat to crypto) or out (crypto to fiat).
        pub direction: QuoteDirection,
        pub status: QuoteStatus,
        pub currency: Currency,
        pub crypto_type: String,
        /// Fiat, in units with two decimals (`"1300.00"`).
        pub fiat_amount: String,
        /// Crypto, with the asset's six decimals.
        pub crypto_amount: String,
        /// Fiat per one unit of crypto.
        pub rate: String,
        /// Fiat, charged on the fiat side.
        pub fee: String,
        /// What the person gets: crypto for a quote in, fiat for a quote out.
        pub amount_received: String,
        pub expires_at: String,
        /// Seconds left, from the server's clock.
        pub expires_in: i64,
    }

    /// `{ "status": 200, … }` with what was checked.
    pub struct Health {
        pub status: u16,
        pub message: String,
        pub checks: Vec<HealthCheck>,
    }

    pub struct HealthCheck {
        pub name: String,
        pub ok: bool,
        pub detail: String,
    }

    /// One incoming M-Pesa prompt on a simulated handset.
    pub struct StkPrompt {
        pub request_id: String,
        /// Minor units.
        pub amount: i64,
        pub currency: Currency,
        /// Who asks for the money (the partner's name).
        pub payee: String,
        pub expires_in: i64,
    }

    /// A simulated handset: its M-Pesa balance, the prompts waiting for it, and what it received.
    pub struct Handset {
        pub phone_number: String,
        /// Minor units.
        pub balance: i64,
        pub currency: Currency,
        pub prompts: Vec<StkPrompt>,
        /// The last SMS-style messages from M-Pesa, newest first.
        pub messages: Vec<String>,
    }

    /// The handset's answer to a prompt: approve with a PIN, or cancel.
    pub struct PromptAnswer {
        /// approve or cancel.
        pub action: String,
        #[serde(default)]
        pub pin: Option<String>,
    }

    /// One callback POST, with its tries.
    pub struct Delivery {
        pub id: String,
        pub url: String,
        pub event: String,
        pub payload: String,
        pub attempts: i64,
        pub delivered: bool,
        pub last_status: Option<i64>,
        pub last_error: Option<String>,
        pub next_attempt_at: Option<String>,
        pub created_at: String,
    }

    pub struct DeliveryList {
        pub deliveries: Vec<Delivery>,
    }

    /// The bank table and the paybill tariff, for the app's pickers.
    pub struct RampReference {
        pub banks: Vec<Bank>,
        pub paybill_tariff: Vec<TariffBand>,
    }

    pub struct Bank {
        pub code: String,
        pub name: String,
    }

    pub struct TariffBand {
        /// Whole units, inclusive.
        pub up_to: i64,
        pub fee: i64,
    }
}

crate::vocabulary! {
    pub enum QuoteDirection {
        In = "in" / "Cash in",
        Out = "out" / "Cash out",
    }
}

crate::vocabulary! {
    pub enum QuoteStatus {
        Open = "open" / "Open",
        Accepted = "accepted" / "Accepted",
        Used = "used" / "Used",
        Expired = "expired" / "Expired",
    }
}

/// The stablecoins a quote can name.
pub const CRYPTO_TYPES: &[&str] = &["USDT", "USDC", "CUSD"];

fn ten() -> i64 {
    10
}

fn twenty() -> i64 {
    20
}

/// A string, or a JSON number written as its digits (the document's samples send phone and
/// account numbers as numbers).
fn text_or_number<'de, D: serde::Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum T {
        S(String),
        N(u64),
    }
    Ok(match T::deserialize(d)? {
        T::S(s) => s,
        T::N(n) => n.to_string(),
    })
}

/// KiotaPay's "Single Till Transaction API" answer, field for field as the sample has it.
pub mod kiota {
    use serde::{Deserialize, Serialize};

    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    #[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
    #[serde(rename_all = "camelCase")]
    pub struct TillResponse {
        pub status: u16,
        pub message: String,
        pub data: TillTransaction,
    }

    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    #[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
    #[serde(rename_all = "camelCase")]
    pub struct TillTransaction {
        pub id: i64,
        /// Units with decimals, a JSON number as in the sample (`1000.0`).
        #[cfg_attr(feature = "openapi", schema(value_type = f64))]
        pub amount: serde_json::Number,
        pub uuid: String,
        pub organisation: Organisation,
        pub account_number: String,
        pub business_number: String,
        pub remarks: String,
        pub occasion: String,
        pub originator_conversation_id: String,
        pub conversation_id: String,
        pub callback_url: Option<String>,
        pub created_at: String,
        pub updated_at: String,
        /// PENDING, then COMPLETED or FAILED.
        pub status: String,
        pub response_code: i64,
        pub receiver_name: Option<String>,
        pub transaction_receipt: Option<String>,
        pub response_description: String,
    }

    #[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
    #[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
    #[serde(rename_all = "camelCase")]
    pub struct Organisation {
        pub id: i64,
        pub uuid: String,
        pub name: String,
        pub phone_number: String,
        pub email: String,
        pub unique_reference: String,
        pub created_at: String,
        pub updated_at: String,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_and_fees() {
        assert_eq!(amount_minor("150").unwrap(), 15_000);
        assert_eq!(amount_minor("150.5").unwrap(), 15_050);
        assert_eq!(
            amount_minor("0.99").unwrap_err(),
            "Send between 1 and 250,000 at a time."
        );
        for bad in ["", "-5", "1.234", "1e3", "abc", "250000.01"] {
            assert!(amount_minor(bad).is_err(), "{bad}");
        }
        assert_eq!(paybill_fee(10_000), Some(0));
        assert_eq!(paybill_fee(10_001), Some(500));
        assert_eq!(paybill_fee(25_000_000), Some(8_300));
        assert_eq!(paybill_fee(25_000_001), None);
        assert_eq!(units_text(2_000), "20.00");
        assert_eq!(units_text(-5), "-0.05");
    }

    #[test]
    fn phones() {
        assert_eq!(
            phone_number("+254 712 345 678", Country::KEN).unwrap(),
            "254712345678"
        );
        assert!(phone_number("0712345678", Country::KEN).is_err());
        assert!(phone_number("254012345678", Country::KEN).is_err());
        assert!(phone_number("254712345678", Country::GH).is_err());
        assert_eq!(
            phone_number("233241234567", Country::GH).unwrap(),
            "233241234567"
        );
    }

    #[test]
    fn every_bank_code_is_two_digits_and_unique() {
        assert_eq!(KENYA_BANKS.len(), 24);
        let mut codes: Vec<_> = KENYA_BANKS.iter().map(|(c, _)| *c).collect();
        codes.dedup();
        assert_eq!(codes.len(), 24);
        assert!(codes.iter().all(|c| c.len() == 2));
        assert_eq!(bank_name("68"), Some("Equity Bank Kenya"));
        assert_eq!(bank_name("99"), None);
    }
}
