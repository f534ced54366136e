//! Accounts and sessions, after KPAY's `/auth/*` endpoints (and KttiPay's email for the same user).

use crate::validate;
use crate::FieldErrors;
use serde::{Deserialize, Serialize};

/// `POST /kpay/auth/register`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RegisterRequest {
    /// Full name, at most 100 characters; not blank.
    #[cfg_attr(
        feature = "openapi",
        schema(
            max_length = 100,
            pattern = r"^[^\x00-\x1f\x7f-\x9f]*[^\s\x00-\x1f\x7f-\x9f][^\x00-\x1f\x7f-\x9f]*$"
        )
    )]
    pub name: String,
    /// Mobile number, `09xxxxxxxxx` (or `+989…`, `00989…`; spaces, dashes and brackets ignored).
    #[cfg_attr(
        feature = "openapi",
        schema(
            pattern = r"^[ ()-]*(0|\+[ ()-]*9[ ()-]*8|0[ ()-]*0[ ()-]*9[ ()-]*8)[ ()-]*9([ ()-]*[0-9]){9}[ ()-]*$"
        )
    )]
    pub mobile: String,
    /// Optional email, used to sign in on the KttiPay side.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// 6 to 128 characters.
    #[cfg_attr(feature = "openapi", schema(min_length = 6, max_length = 128))]
    pub password: String,
}

impl RegisterRequest {
    /// Checks every field and returns the cleaned request (trimmed name, normalised mobile,
    /// lower-cased email, `None` for a blank email) or the message for each bad field.
    pub fn validate(&self) -> Result<RegisterRequest, FieldErrors> {
        let mut errors = FieldErrors::new();
        let name = validate::name(&self.name).map_err(|m| errors.insert("name".into(), m));
        let mobile =
            validate::mobile(&self.mobile).map_err(|m| errors.insert("mobile".into(), m.into()));
        let email = match self.email.as_deref().map(str::trim) {
            None | Some("") => Ok(None),
            Some(e) => validate::email(e)
                .map(Some)
                .map_err(|m| errors.insert("email".into(), m.into())),
        };
        if let Err(m) = validate::password(&self.password) {
            errors.insert("password".into(), m.into());
        }
        match (name, mobile, email) {
            (Ok(name), Ok(mobile), Ok(email)) if errors.is_empty() => Ok(RegisterRequest {
                name,
                mobile,
                email,
                password: self.password.clone(),
            }),
            _ => Err(errors),
        }
    }
}

/// `POST /kpay/auth/login`. `username` is the mobile number, or the email given at registration.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LoginRequest {
    pub username: String,
    pub password: String,
}

/// KttiPay's "Login user using email & password." (`POST /ktti/api/v2/auth/login`): the same
/// accounts as KPAY's login; the account's mobile number works in `email` too.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EmailLoginRequest {
    pub email: String,
    pub password: String,
}

/// `POST /kpay/auth/refresh`. API clients send their refresh token; the browser sends none and
/// relies on its cookie.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RefreshRequest {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub refresh_token: Option<String>,
}

/// The documented token response of register, login and refresh.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TokenResponse {
    pub access_token: String,
    pub refresh_token: String,
    /// Always `bearer`.
    pub token_type: String,
}

/// `GET /kpay/auth/me`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct User {
    pub id: String,
    pub name: String,
    /// Absent for an account registered (or signed up through a social provider) with an email
    /// only; one can be added in Settings.
    #[serde(default)]
    pub mobile: Option<String>,
    #[serde(default)]
    pub email: Option<String>,
    pub merchant_id: String,
    /// RFC 3339, UTC.
    pub created_at: String,
    /// A platform admin may block and unblock customers.
    #[serde(default)]
    pub is_platform_admin: bool,
    /// The language of their notifications, pushes and emails (the app sets it to its own).
    #[serde(default)]
    pub language: crate::account::Language,
}

/// Name of the header that carries the CSRF token on state-changing requests made with the
/// session cookie. Its value is the `kitty_csrf` cookie's.
pub const CSRF_HEADER: &str = "x-csrf-token";
/// Cookie that holds the CSRF token. Readable by the app's script, unlike the session cookies.
pub const CSRF_COOKIE: &str = "kitty_csrf";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn register_cleans_good_input() {
        let req = RegisterRequest {
            name: "  Sara Ahmadi ".into(),
            mobile: "+98 912 123 4567".into(),
            email: Some(" Sara@Example.COM ".into()),
            password: "secret1".into(),
        };
        let ok = req.validate().unwrap();
        assert_eq!(ok.name, "Sara Ahmadi");
        assert_eq!(ok.mobile, "09121234567");
        assert_eq!(ok.email.as_deref(), Some("sara@example.com"));
    }

    #[test]
    fn register_reports_every_bad_field() {
        let req = RegisterRequest {
            name: " ".into(),
            mobile: "12345".into(),
            email: Some("nope".into()),
            password: "12345".into(),
        };
        let errs = req.validate().unwrap_err();
        let keys: Vec<_> = errs.keys().map(String::as_str).collect();
        assert_eq!(keys, ["email", "mobile", "name", "password"]);
    }

    #[test]
    fn blank_email_is_none() {
        let req = RegisterRequest {
            name: "A".into(),
            mobile: "09120000000".into(),
            email: Some("   ".into()),
            password: "123456".into(),
        };
        assert_eq!(req.validate().unwrap().email, None);
    }
}

crate::vocabulary! {
    /// How the sandbox outbox "sent" a message.
    pub enum Channel {
        Email = "email" / "Email",
        Sms = "sms" / "SMS",
    }
}

/// "Change user password." and "Update user password.": the current password, and the new one.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ChangePasswordRequest {
    #[cfg_attr(feature = "openapi", schema(min_length = 1))]
    pub current_password: String,
    /// 6 to 128 characters, and not the current one.
    #[cfg_attr(feature = "openapi", schema(min_length = 6, max_length = 128))]
    pub new_password: String,
}

impl ChangePasswordRequest {
    pub fn validate(&self) -> Result<(), FieldErrors> {
        let mut errors = FieldErrors::new();
        if self.current_password.is_empty() {
            errors.insert(
                "current_password".into(),
                "Enter your current password.".into(),
            );
        }
        if let Err(m) = validate::password(&self.new_password) {
            errors.insert("new_password".into(), m.into());
        } else if self.new_password == self.current_password {
            errors.insert(
                "new_password".into(),
                "Choose a password different from the current one.".into(),
            );
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    }
}

/// "Request for a user reset password.": the mobile number or email of the account.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ResetRequest {
    pub username: String,
}

/// Finishing a reset: the token from the link, and the new password.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FinishResetRequest {
    #[cfg_attr(feature = "openapi", schema(min_length = 1))]
    pub token: String,
    /// 6 to 128 characters.
    #[cfg_attr(feature = "openapi", schema(min_length = 6, max_length = 128))]
    pub password: String,
}

/// One message the sandbox "sent" (sandbox mode only: nothing leaves the machine).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OutboxMessage {
    pub id: String,
    pub channel: Channel,
    /// The email address or mobile number it went to.
    pub to: String,
    pub subject: String,
    pub body: String,
    /// RFC 3339, UTC.
    pub created_at: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OutboxList {
    pub messages: Vec<OutboxMessage>,
}

/// "Register user.": the first of two steps. The name, and an email **or** a mobile number: the
/// verification code goes there.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StartRegistrationRequest {
    /// Full name, at most 100 characters; not blank.
    #[cfg_attr(feature = "openapi", schema(max_length = 100))]
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// `09xxxxxxxxx` (or `+989…`, `00989…`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mobile: Option<String>,
}

/// Where a registration's code went, once cleaned: exactly one of the two.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Contact {
    Email(String),
    Mobile(String),
}

impl Contact {
    pub fn channel(&self) -> Channel {
        match self {
            Contact::Email(_) => Channel::Email,
            Contact::Mobile(_) => Channel::Sms,
        }
    }
    pub fn value(&self) -> &str {
        match self {
            Contact::Email(v) | Contact::Mobile(v) => v,
        }
    }
}

impl StartRegistrationRequest {
    /// The trimmed name and the one contact, or the message for each bad field.
    pub fn validate(&self) -> Result<(String, Contact), FieldErrors> {
        let mut errors = FieldErrors::new();
        let name = validate::name(&self.name).map_err(|m| errors.insert("name".into(), m));
        let blank = |v: &Option<String>| {
            v.as_deref()
                .map(str::trim)
                .filter(|v| !v.is_empty())
                .map(str::to_string)
        };
        let contact = match (blank(&self.email), blank(&self.mobile)) {
            (Some(e), None) => validate::email(&e)
                .map(Contact::Email)
                .map_err(|m| errors.insert("email".into(), m.into())),
            (None, Some(m)) => validate::mobile(&m)
                .map(Contact::Mobile)
                .map_err(|e| errors.insert("mobile".into(), e.into())),
            (None, None) => Err(errors.insert(
                "email".into(),
                "Enter an email or a mobile number: the code goes there.".into(),
            )),
            (Some(_), Some(_)) => Err(errors.insert(
                "mobile".into(),
                "Give an email or a mobile number, not both. You can add the other in Settings later.".into(),
            )),
        };
        match (name, contact) {
            (Ok(name), Ok(contact)) if errors.is_empty() => Ok((name, contact)),
            _ => Err(errors),
        }
    }
}

/// The first step's answer: where the code went and until when it works.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RegistrationStarted {
    pub registration_id: String,
    pub channel: Channel,
    /// The email address or mobile number the code went to.
    pub to: String,
    /// RFC 3339, UTC.
    pub expires_at: String,
}

/// "Set user password to finish registration.": the code that was sent, and the password.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FinishRegistrationRequest {
    #[cfg_attr(feature = "openapi", schema(min_length = 1))]
    pub registration_id: String,
    #[cfg_attr(feature = "openapi", schema(pattern = r"^[0-9]{6}$"))]
    pub code: String,
    /// 6 to 128 characters.
    #[cfg_attr(feature = "openapi", schema(min_length = 6, max_length = 128))]
    pub password: String,
}

/// A nonce for one social sign-in: it goes into the identity provider's request and must come
/// back inside the ID token. It works once, for ten minutes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SocialNonce {
    pub nonce: String,
    /// RFC 3339, UTC.
    pub expires_at: String,
}

/// "Login user using social.": the identity provider's ID token (a JWT), and the nonce it was
/// asked for with.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SocialLoginRequest {
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 8192))]
    pub id_token: String,
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 100))]
    pub nonce: String,
}
