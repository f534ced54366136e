//! Validators shared by the app (to show errors before a round trip) and the server (the authority).
//! Each returns the cleaned value or a message fit to show next to the field.

/// A person's name: 1 to 100 characters after trimming.
pub fn name(input: &str) -> Result<String, &'static str> {
    let trimmed = input.trim();
    if trimmed.is_empty() {
        return Err("Enter your name.");
    }
    if trimmed.chars().count() > 100 {
        return Err("Use at most 100 characters.");
    }
    Ok(trimmed.to_string())
}

/// An Iranian mobile number as KPAY documents it, `09xxxxxxxxx`. Spaces and dashes are ignored and
/// the international forms `+989…` and `00989…` are accepted and normalised.
pub fn mobile(input: &str) -> Result<String, &'static str> {
    let compact: String = input
        .chars()
        .filter(|c| !matches!(c, ' ' | '-' | '(' | ')'))
        .collect();
    if compact.is_empty() {
        return Err("Enter your mobile number.");
    }
    let local = if let Some(rest) = compact.strip_prefix("+98") {
        format!("0{rest}")
    } else if let Some(rest) = compact.strip_prefix("0098") {
        format!("0{rest}")
    } else {
        compact
    };
    if local.len() == 11 && local.starts_with("09") && local.bytes().all(|b| b.is_ascii_digit()) {
        Ok(local)
    } else {
        Err("Enter a mobile number like 09121234567.")
    }
}

/// An email address: one `@`, a non-empty local part, a dotted domain, no spaces. Lower-cased.
pub fn email(input: &str) -> Result<String, &'static str> {
    const MSG: &str = "Enter an email address like name@example.com.";
    let e = input.trim().to_lowercase();
    if e.len() > 254 || e.chars().any(char::is_whitespace) {
        return Err(MSG);
    }
    let Some((local, domain)) = e.split_once('@') else {
        return Err(MSG);
    };
    let domain_ok = !domain.contains('@')
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !domain.contains("..");
    if local.is_empty() || !domain_ok {
        return Err(MSG);
    }
    Ok(e)
}

/// A password: at least 6 characters (KPAY's minimum), at most 128.
pub fn password(input: &str) -> Result<(), &'static str> {
    let n = input.chars().count();
    if n < 6 {
        Err("Use at least 6 characters.")
    } else if n > 128 {
        Err("Use at most 128 characters.")
    } else {
        Ok(())
    }
}

/// True when a sign-in username looks like an email rather than a mobile number.
pub fn is_email_username(username: &str) -> bool {
    username.contains('@')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mobiles() {
        assert_eq!(mobile("09121234567").unwrap(), "09121234567");
        assert_eq!(mobile("0912-123-4567").unwrap(), "09121234567");
        assert_eq!(mobile("+989121234567").unwrap(), "09121234567");
        assert_eq!(mobile("00989121234567").unwrap(), "09121234567");
        assert!(mobile("").is_err());
        assert!(mobile("0912123456").is_err());
        assert!(mobile("091212345678").is_err());
        assert!(mobile("08121234567").is_err());
        assert!(mobile("0912123456a").is_err());
    }

    #[test]
    fn emails() {
        assert_eq!(email(" A@B.co ").unwrap(), "a@b.co");
        for bad in [
            "", "a", "a@", "@b.co", "a@b", "a@.b", "a@b.", "a b@c.d", "a@b@c.d", "a@b..c",
        ] {
            assert!(email(bad).is_err(), "{bad:?} should be rejected");
        }
    }

    #[test]
    fn passwords() {
        assert!(password("12345").is_err());
        assert!(password("123456").is_ok());
        assert!(password("ÿÿÿÿÿÿ").is_ok());
        assert!(password(&"x".repeat(129)).is_err());
    }

    #[test]
    fn names() {
        assert_eq!(name("  Ali  ").unwrap(), "Ali");
        assert!(name("   ").is_err());
        assert!(name(&"a".repeat(101)).is_err());
    }
}
