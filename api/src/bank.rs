//! Iranian bank cards and accounts: card numbers (Luhn, and the bank from the BIN), Shaba (IBAN)
//! numbers checked with mod-97, and how card numbers are shown.

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
}
