//! Exact money: integer minor units with a currency. No floating point anywhere.

use serde::{Deserialize, Serialize};
use std::fmt;

/// The fiat currencies the providers deal in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum Currency {
    /// Iranian Rial (KPAY). Has no minor unit.
    IRR,
    /// Australian dollar (KttiPay's bank accounts use BSB numbers).
    AUD,
    /// Kenyan shilling (Kotani Pay, KiotaPay).
    KES,
    /// Ugandan shilling. Has no minor unit in practice.
    UGX,
    /// Tanzanian shilling.
    TZS,
    /// Nigerian naira.
    NGN,
    /// Ghanaian cedi.
    GHS,
    /// South African rand.
    ZAR,
    /// US dollar.
    USD,
}

impl Currency {
    /// ISO 4217 code.
    pub fn code(self) -> &'static str {
        match self {
            Currency::IRR => "IRR",
            Currency::AUD => "AUD",
            Currency::KES => "KES",
            Currency::UGX => "UGX",
            Currency::TZS => "TZS",
            Currency::NGN => "NGN",
            Currency::GHS => "GHS",
            Currency::ZAR => "ZAR",
            Currency::USD => "USD",
        }
    }

    /// Number of decimal places of the minor unit.
    pub fn decimals(self) -> u32 {
        match self {
            Currency::IRR | Currency::UGX => 0,
            _ => 2,
        }
    }

    /// What goes before the amount when shown to a person.
    fn prefix(self) -> &'static str {
        match self {
            Currency::USD => "$",
            Currency::AUD => "A$",
            Currency::IRR => "IRR ",
            Currency::KES => "KES ",
            Currency::UGX => "UGX ",
            Currency::TZS => "TZS ",
            Currency::NGN => "NGN ",
            Currency::GHS => "GHS ",
            Currency::ZAR => "ZAR ",
        }
    }

    pub fn from_code(code: &str) -> Option<Currency> {
        [
            Currency::IRR,
            Currency::AUD,
            Currency::KES,
            Currency::UGX,
            Currency::TZS,
            Currency::NGN,
            Currency::GHS,
            Currency::ZAR,
            Currency::USD,
        ]
        .into_iter()
        .find(|c| c.code().eq_ignore_ascii_case(code.trim()))
    }
}

/// An amount in minor units (cents; whole Rials) of a currency.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Money {
    /// Minor units: `1050` KES is 10.50 shillings; `1050` IRR is 1,050 Rials.
    pub amount: i64,
    pub currency: Currency,
}

/// Why a typed amount could not be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParseMoneyError {
    Empty,
    Invalid,
    TooManyDecimals,
    TooLarge,
}

impl fmt::Display for ParseMoneyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            ParseMoneyError::Empty => "Enter an amount.",
            ParseMoneyError::Invalid => "Enter a number, like 1250 or 12.50.",
            ParseMoneyError::TooManyDecimals => "Too many decimal places for this currency.",
            ParseMoneyError::TooLarge => "That amount is too large.",
        })
    }
}

impl Money {
    pub fn new(amount: i64, currency: Currency) -> Self {
        Self { amount, currency }
    }

    /// Reads an amount typed by a person (`"1,250.5"`, `"-3"`) into exact minor units.
    pub fn parse(input: &str, currency: Currency) -> Result<Money, ParseMoneyError> {
        let s: String = input
            .trim()
            .chars()
            .filter(|c| *c != ',' && *c != ' ')
            .collect();
        if s.is_empty() {
            return Err(ParseMoneyError::Empty);
        }
        let (negative, digits) = match s.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, s.as_str()),
        };
        let (whole, frac) = digits.split_once('.').unwrap_or((digits, ""));
        let all_digits = |p: &str| p.bytes().all(|b| b.is_ascii_digit());
        if (whole.is_empty() && frac.is_empty()) || !all_digits(whole) || !all_digits(frac) {
            return Err(ParseMoneyError::Invalid);
        }
        let decimals = currency.decimals() as usize;
        if frac.len() > decimals {
            return Err(ParseMoneyError::TooManyDecimals);
        }
        let scale = 10i64.pow(decimals as u32);
        let whole: i64 = if whole.is_empty() {
            0
        } else {
            whole.parse().map_err(|_| ParseMoneyError::TooLarge)?
        };
        let frac_value: i64 = if frac.is_empty() {
            0
        } else {
            format!("{frac:0<decimals$}")
                .parse()
                .map_err(|_| ParseMoneyError::Invalid)?
        };
        let minor = whole
            .checked_mul(scale)
            .and_then(|w| w.checked_add(frac_value))
            .ok_or(ParseMoneyError::TooLarge)?;
        Ok(Money::new(if negative { -minor } else { minor }, currency))
    }
}

/// Groups an unsigned integer's digits in threes: `1234567` → `1,234,567`.
fn group_thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

impl Money {
    /// The amount as a person would type it into a form: no currency, no grouping
    /// (`1234.50`, `-3`, `1250000`). [`Money::parse`] reads it back to the same amount.
    pub fn to_input(&self) -> String {
        let sign = if self.amount < 0 { "-" } else { "" };
        let abs = self.amount.unsigned_abs();
        let decimals = self.currency.decimals();
        if decimals == 0 {
            return format!("{sign}{abs}");
        }
        let scale = 10u64.pow(decimals);
        format!(
            "{sign}{}.{:0width$}",
            abs / scale,
            abs % scale,
            width = decimals as usize
        )
    }
}

impl fmt::Display for Money {
    /// `KES 1,234.50`, `IRR 1,250,000`, `-$0.05`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.amount < 0 { "-" } else { "" };
        let abs = self.amount.unsigned_abs();
        let decimals = self.currency.decimals();
        let prefix = self.currency.prefix();
        if decimals == 0 {
            return write!(f, "{sign}{prefix}{}", group_thousands(abs));
        }
        let scale = 10u64.pow(decimals);
        write!(
            f,
            "{sign}{prefix}{}.{:0width$}",
            group_thousands(abs / scale),
            abs % scale,
            width = decimals as usize
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn whole_units_read_integral_numbers_only() {
        #[derive(serde::Deserialize)]
        struct A {
            #[serde(deserialize_with = "whole_units::deserialize")]
            amount: i64,
        }
        let read = |json: &str| serde_json::from_str::<A>(json).map(|a| a.amount);
        assert_eq!(read(r#"{"amount": 250}"#).unwrap(), 250);
        assert_eq!(read(r#"{"amount": 250.0}"#).unwrap(), 250);
        assert_eq!(read(r#"{"amount": -3e2}"#).unwrap(), -300);
        assert_eq!(
            read(r#"{"amount": 10000000000000.0}"#).unwrap(),
            10_000_000_000_000
        );
        for bad in [
            "250.5",
            "1e300",
            "1000000000000001.0",
            "\"250\"",
            "18446744073709551615",
        ] {
            assert!(read(&format!(r#"{{"amount": {bad}}}"#)).is_err(), "{bad}");
        }
    }

    #[test]
    fn input_text_has_no_prefix_or_grouping() {
        assert_eq!(Money::new(123_450, Currency::AUD).to_input(), "1234.50");
        assert_eq!(Money::new(-5, Currency::USD).to_input(), "-0.05");
        assert_eq!(Money::new(1_250_000, Currency::IRR).to_input(), "1250000");
    }

    proptest! {
        #[test]
        fn input_text_reads_back(amount in -1_000_000_000_000i64..1_000_000_000_000, irr: bool) {
            let currency = if irr { Currency::IRR } else { Currency::KES };
            let m = Money::new(amount, currency);
            prop_assert_eq!(Money::parse(&m.to_input(), currency), Ok(m));
        }
    }

    #[test]
    fn formats_per_currency() {
        assert_eq!(
            Money::new(1_250_000, Currency::IRR).to_string(),
            "IRR 1,250,000"
        );
        assert_eq!(
            Money::new(123_450, Currency::KES).to_string(),
            "KES 1,234.50"
        );
        assert_eq!(Money::new(-5, Currency::USD).to_string(), "-$0.05");
        assert_eq!(Money::new(0, Currency::AUD).to_string(), "A$0.00");
        assert_eq!(Money::new(999, Currency::IRR).to_string(), "IRR 999");
        assert_eq!(Money::new(1000, Currency::UGX).to_string(), "UGX 1,000");
        assert_eq!(
            Money::new(i64::MIN, Currency::IRR).to_string(),
            "-IRR 9,223,372,036,854,775,808"
        );
    }

    #[test]
    fn parses_typed_amounts() {
        assert_eq!(
            Money::parse("1,234.5", Currency::KES).unwrap().amount,
            123_450
        );
        assert_eq!(Money::parse(".05", Currency::USD).unwrap().amount, 5);
        assert_eq!(Money::parse("-3", Currency::AUD).unwrap().amount, -300);
        assert_eq!(
            Money::parse("1 250 000", Currency::IRR).unwrap().amount,
            1_250_000
        );
        assert_eq!(Money::parse("", Currency::IRR), Err(ParseMoneyError::Empty));
        assert_eq!(
            Money::parse("1.5", Currency::IRR),
            Err(ParseMoneyError::TooManyDecimals)
        );
        assert_eq!(
            Money::parse("1.005", Currency::KES),
            Err(ParseMoneyError::TooManyDecimals)
        );
        assert_eq!(
            Money::parse("abc", Currency::KES),
            Err(ParseMoneyError::Invalid)
        );
        assert_eq!(
            Money::parse(".", Currency::KES),
            Err(ParseMoneyError::Invalid)
        );
        assert_eq!(
            Money::parse("99999999999999999999", Currency::KES),
            Err(ParseMoneyError::TooLarge)
        );
    }

    #[test]
    fn currency_codes_round_trip() {
        assert_eq!(Currency::from_code("kes"), Some(Currency::KES));
        assert_eq!(Currency::from_code("XXX"), None);
    }

    proptest! {
        #[test]
        fn display_then_parse_is_identity(amount in -(i64::MAX / 100)..(i64::MAX / 100), two in any::<bool>()) {
            let currency = if two { Currency::KES } else { Currency::IRR };
            let shown = Money::new(amount, currency).to_string();
            let number = shown.replace(currency.prefix().trim(), "").replace('$', "");
            prop_assert_eq!(Money::parse(&number, currency).unwrap().amount, amount);
        }
    }
}

/// Serde helpers for amounts in minor units. JSON Schema counts `250.0` as an integer, so an
/// amount written with a zero fraction is read as the whole number it is; any real fraction, and
/// any number past 2^53 written as a float (where a float can no longer hold every whole number
/// exactly), is refused as the wrong type. No arithmetic is done in floating point.
pub mod whole_units {
    use serde::de::{Error, Unexpected, Visitor};
    use serde::Deserializer;
    use std::fmt;

    /// Floats are read exactly up to here (15 digits: serde_json's fast path); money never
    /// comes near it (at most 10^13 minor units).
    const EXACT: f64 = 1e15;

    /// A visitor rather than an untagged enum: it adds far less to the app's wasm.
    struct Whole;

    impl Visitor<'_> for Whole {
        type Value = i64;

        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a whole number of minor units")
        }

        fn visit_i64<E: Error>(self, v: i64) -> Result<i64, E> {
            Ok(v)
        }

        fn visit_u64<E: Error>(self, v: u64) -> Result<i64, E> {
            i64::try_from(v).map_err(|_| E::invalid_value(Unexpected::Unsigned(v), &self))
        }

        fn visit_f64<E: Error>(self, v: f64) -> Result<i64, E> {
            if v.fract() == 0.0 && v.abs() <= EXACT {
                Ok(v as i64)
            } else {
                Err(E::invalid_type(Unexpected::Float(v), &self))
            }
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<i64, D::Error> {
        d.deserialize_any(Whole)
    }

    /// The same for an optional amount.
    pub mod option {
        use super::Whole;
        use serde::de::{Error, Visitor};
        use serde::Deserializer;
        use std::fmt;

        struct Maybe;

        impl<'de> Visitor<'de> for Maybe {
            type Value = Option<i64>;

            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a whole number of minor units, or null")
            }

            fn visit_none<E: Error>(self) -> Result<Option<i64>, E> {
                Ok(None)
            }

            fn visit_unit<E: Error>(self) -> Result<Option<i64>, E> {
                Ok(None)
            }

            fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Option<i64>, D::Error> {
                d.deserialize_any(Whole).map(Some)
            }
        }

        pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<i64>, D::Error> {
            d.deserialize_option(Maybe)
        }
    }
}
