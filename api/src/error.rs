//! The one error body every endpoint returns.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Field name → message, for errors a form can show next to the field.
pub type FieldErrors = BTreeMap<String, String>;

/// `{ "error": code, "message": text, "fields": {name: message} }`, sent with a 4xx or 5xx status.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ErrorBody {
    /// Machine-readable code, such as `validation_failed`, `conflict` or `rate_limited`.
    pub error: String,
    /// A sentence for a person: what went wrong and what to do.
    pub message: String,
    /// Per-field messages; empty when the error is not about a field.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub fields: FieldErrors,
}

impl ErrorBody {
    pub fn new(error: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            error: error.into(),
            message: message.into(),
            fields: FieldErrors::new(),
        }
    }

    pub fn with_fields(mut self, fields: FieldErrors) -> Self {
        self.fields = fields;
        self
    }
}

/// Error codes used in [`ErrorBody::error`].
pub mod code {
    pub const BAD_REQUEST: &str = "bad_request";
    pub const UNAUTHORIZED: &str = "unauthorized";
    pub const FORBIDDEN: &str = "forbidden";
    pub const CSRF: &str = "csrf_failed";
    pub const NOT_FOUND: &str = "not_found";
    pub const CONFLICT: &str = "conflict";
    pub const VALIDATION: &str = "validation_failed";
    pub const RATE_LIMITED: &str = "rate_limited";
    pub const TOO_LARGE: &str = "payload_too_large";
    pub const UNSUPPORTED_MEDIA: &str = "unsupported_media_type";
    pub const BUSY: &str = "busy";
    pub const INTERNAL: &str = "internal";
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_omitted_when_empty_and_default_when_missing() {
        let body = ErrorBody::new(code::NOT_FOUND, "No such kitty.");
        let json = serde_json::to_string(&body).unwrap();
        assert_eq!(json, r#"{"error":"not_found","message":"No such kitty."}"#);
        let back: ErrorBody = serde_json::from_str(&json).unwrap();
        assert_eq!(back, body);
    }
}
