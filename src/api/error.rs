use kitty_api::{ErrorBody, FieldErrors};
use std::fmt;

/// Every way a request can fail, as the app needs to tell them apart.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ApiError {
    /// No answer: offline, or the server is down.
    Network,
    /// A change attempted while the browser is offline: not sent.
    Offline,
    /// The person stopped waiting for a slow answer ([`super::cancel_slow_reads`]).
    Cancelled,
    /// 400: the request itself was malformed.
    BadRequest(String),
    /// 401: not signed in, or wrong credentials.
    Unauthorized(String),
    /// 403: signed in but not allowed (or the CSRF token is missing).
    Forbidden(String),
    /// 404.
    NotFound(String),
    /// 409: clashes with something that exists, usually on a field.
    Conflict {
        message: String,
        fields: FieldErrors,
    },
    /// 422: some fields are invalid.
    Validation {
        message: String,
        fields: FieldErrors,
    },
    /// 429: wait `retry_after` seconds.
    RateLimited {
        message: String,
        retry_after: Option<u64>,
    },
    /// 5xx.
    Server(String),
    /// A response the app could not read.
    Unexpected(String),
}

impl ApiError {
    /// Maps an HTTP status and the server's error body (when it sent one).
    pub fn from_status(status: u16, body: Option<ErrorBody>, retry_after: Option<u64>) -> ApiError {
        let (code, message, fields) = match body {
            Some(b) => (Some(b.error), b.message, b.fields),
            None => (None, String::new(), FieldErrors::new()),
        };
        // In Swahili or Persian, the phrase for the server's code, with its English words after
        // it (they name the detail); in English the server's words as they are.
        let lang = crate::i18n::lang();
        let message = if lang == crate::i18n::Lang::En {
            message
        } else {
            crate::i18n::errors::Errors::of(lang).say(lang, code.as_deref(), status, &message)
        };
        let or = |fallback: &str| {
            if message.is_empty() {
                fallback.to_string()
            } else {
                message.clone()
            }
        };
        match status {
            400 => ApiError::BadRequest(or("The request was not understood.")),
            401 => ApiError::Unauthorized(or("Sign in to continue.")),
            403 => ApiError::Forbidden(or("You do not have access to this.")),
            404 => ApiError::NotFound(or("This was not found. It may have been removed.")),
            409 => ApiError::Conflict {
                message: or("This clashes with something that already exists."),
                fields,
            },
            422 => ApiError::Validation {
                message: or("Some fields need fixing."),
                fields,
            },
            413 => ApiError::BadRequest(or("That is too large to send.")),
            429 => ApiError::RateLimited {
                message: or("Too many attempts. Wait a moment and try again."),
                retry_after,
            },
            500..=599 => ApiError::Server(or("The server had a problem. Try again in a moment.")),
            other => ApiError::Unexpected(format!("Unexpected response ({other}).")),
        }
    }

    /// A sentence to show a person.
    pub fn message(&self) -> String {
        match self {
            ApiError::Network => crate::i18n::errors::Errors::get().network.into(),
            ApiError::Offline => crate::i18n::errors::Errors::get().offline.into(),
            ApiError::Cancelled => crate::i18n::errors::Errors::get().cancelled.into(),
            ApiError::BadRequest(m)
            | ApiError::Unauthorized(m)
            | ApiError::Forbidden(m)
            | ApiError::NotFound(m)
            | ApiError::Server(m)
            | ApiError::Unexpected(m) => m.clone(),
            ApiError::Conflict { message, .. }
            | ApiError::Validation { message, .. }
            | ApiError::RateLimited { message, .. } => message.clone(),
        }
    }

    /// Per-field messages, for forms.
    pub fn fields(&self) -> FieldErrors {
        match self {
            ApiError::Conflict { fields, .. } | ApiError::Validation { fields, .. } => {
                // The server writes a field's message in English: in another language it is
                // marked as the server's words, as a whole error's detail is.
                let lang = crate::i18n::lang();
                if lang == crate::i18n::Lang::En {
                    return fields.clone();
                }
                let said = crate::i18n::errors::Errors::of(lang).server_said;
                fields
                    .iter()
                    .map(|(k, v)| (k.clone(), format!("{said} {v}")))
                    .collect()
            }
            _ => FieldErrors::new(),
        }
    }

    /// Whether trying the same request again later may work.
    pub fn is_retryable(&self) -> bool {
        matches!(
            self,
            ApiError::Network
                | ApiError::Offline
                | ApiError::Cancelled
                | ApiError::Server(_)
                | ApiError::RateLimited { .. }
        )
    }
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message())
    }
}

impl std::error::Error for ApiError {}
