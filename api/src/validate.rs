//! Validators shared by the app (to show errors before a round trip) and the server (the authority).
//! Each returns the cleaned value or a message fit to show next to the field.

/// A short label (a person's, kitty's or shop's name): at most `max` characters as sent, no
/// control characters, and something left after trimming. The OpenAPI documents state the same
/// rule as the pattern [`LABEL_PATTERN`] with `maxLength`, so generated clients agree with it.
pub fn label(input: &str, max: usize) -> Result<String, LabelError> {
    if input.chars().count() > max {
        return Err(LabelError::TooLong);
    }
    if input.chars().any(char::is_control) {
        return Err(LabelError::Control);
    }
    let trimmed = input.trim();
    if trimmed.is_empty() {
        return Err(LabelError::Blank);
    }
    Ok(trimmed.to_string())
}

/// [`label`]'s rule as a regular expression (ECMA-262 and Python alike): no C0/C1 control
/// characters, and at least one character that is not white space.
pub const LABEL_PATTERN: &str =
    r"^[^\x00-\x1f\x7f-\x9f]*[^\s\x00-\x1f\x7f-\x9f][^\x00-\x1f\x7f-\x9f]*$";

/// Why a label was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LabelError {
    Blank,
    TooLong,
    Control,
}

impl LabelError {
    /// The message for a label that names `what` ("your name", "the shop's name").
    pub fn message(self, what: &str, max: usize) -> String {
        match self {
            LabelError::Blank => format!("Enter {what}."),
            LabelError::TooLong => format!("Use at most {max} characters."),
            LabelError::Control => "Use letters, digits and punctuation only.".into(),
        }
    }
}

/// A person's name: a [`label`] of at most 100 characters.
pub fn name(input: &str) -> Result<String, String> {
    label(input, 100).map_err(|e| e.message("your name", 100))
}

/// An http(s) address to send a person or a callback to: `http://` or `https://`, a host, then
/// an optional path, query or fragment; no white space, and no brackets in the host (IPv6
/// literals are not taken); at most 2,048 characters. Not trimmed:
/// the address is used exactly as given. Stated in the documents as [`HTTP_URL_PATTERN`].
pub fn http_url(input: &str) -> Result<String, &'static str> {
    const MSG: &str =
        "Enter an address that starts with https:// or http://, like https://shop.example/paid.";
    if input.chars().count() > 2048 {
        return Err("Use an address of at most 2,048 characters.");
    }
    let rest = input
        .strip_prefix("https://")
        .or_else(|| input.strip_prefix("http://"))
        .ok_or(MSG)?;
    let host_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    // No brackets in the host: a bare `[` is not a URL (and IPv6 literals are not taken).
    if host_end == 0 || rest[..host_end].contains(['[', ']']) || input.chars().any(is_pattern_space)
    {
        return Err(MSG);
    }
    Ok(input.to_string())
}

/// [`http_url`]'s rule as a regular expression.
pub const HTTP_URL_PATTERN: &str = r"^https?://[^\s/?#\[\]]+([/?#]\S*)?$";

/// White space as `\s` sees it in the documents' patterns: Unicode white space, and the four
/// information separators that Python's `re` also counts.
fn is_pattern_space(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
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
        assert!(
            name("\u{a0}\u{3000}").is_err(),
            "Unicode spaces are blank too"
        );
        assert!(name("A\u{1c}li").is_err(), "control characters are refused");
        assert!(name(&"a".repeat(100)).is_ok());
        assert!(name(&"a".repeat(101)).is_err());
        assert!(
            name(&format!(" {}", "a".repeat(100))).is_err(),
            "counted as sent"
        );
    }

    #[test]
    fn http_urls() {
        for good in [
            "http://0",
            "https://shop.example/paid?x=1#y",
            "http://a:8080",
        ] {
            assert_eq!(http_url(good).unwrap(), good);
        }
        for bad in [
            "",
            "ftp://a",
            "https://",
            "https:///path",
            "http://a b",
            " http://a",
            "http://a\u{1c}",
            "javascript:alert(1)",
            "http://[",
            "https://[::1]/x",
        ] {
            assert!(http_url(bad).is_err(), "{bad:?} should be refused");
        }
        assert!(http_url(&format!("https://a/{}", "x".repeat(2040))).is_err());
    }
}
