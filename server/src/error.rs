//! One error type for every handler. It becomes the contract's [`ErrorBody`] with the right status;
//! internal causes are logged and never sent.

use axum::extract::rejection::{JsonRejection, QueryRejection};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use kitty_api::error::code;
use kitty_api::{ErrorBody, FieldErrors};

#[derive(Debug)]
pub enum AppError {
    BadRequest(String),
    Unauthorized(String),
    Forbidden {
        code: &'static str,
        message: String,
    },
    NotFound(String),
    Conflict {
        message: String,
        fields: FieldErrors,
    },
    Validation(FieldErrors),
    RateLimited {
        retry_after_secs: u64,
    },
    /// 413: the body is larger than the server accepts.
    TooLarge(String),
    /// 415: the body is not of a type the endpoint takes (told by its content, not its label).
    UnsupportedMedia(String),
    /// 503: the database is busy; the request can be sent again after `Retry-After`.
    Busy,
    Internal(String),
}

pub type AppResult<T> = Result<T, AppError>;

impl AppError {
    pub fn unauthorized() -> Self {
        AppError::Unauthorized("Sign in to continue.".into())
    }

    pub fn not_found(what: &str) -> Self {
        AppError::NotFound(format!("{what} was not found."))
    }

    /// 422 with one field's message.
    pub fn field(field: &str, message: impl Into<String>) -> Self {
        let mut fields = FieldErrors::new();
        fields.insert(field.into(), message.into());
        AppError::Validation(fields)
    }

    pub fn conflict_on(field: &str, message: &str) -> Self {
        let mut fields = FieldErrors::new();
        fields.insert(field.into(), message.into());
        AppError::Conflict {
            message: message.into(),
            fields,
        }
    }

    /// Logs the cause and hides it from the client.
    pub fn internal(cause: impl std::fmt::Display) -> Self {
        AppError::Internal(cause.to_string())
    }
}

impl From<sqlx::Error> for AppError {
    fn from(e: sqlx::Error) -> Self {
        if crate::db::is_busy(&e) {
            tracing::warn!(error = %e, "database busy");
            return AppError::Busy;
        }
        // Two writers made the same thing at the same moment and the database kept the first: the
        // second is refused cleanly (handlers that expect a particular clash answer it better).
        if let sqlx::Error::Database(db) = &e {
            if db.is_unique_violation() {
                tracing::warn!(error = %e, "unique violation");
                return AppError::Conflict {
                    message: "This was changed by another request at the same moment. Load it again and retry.".into(),
                    fields: Default::default(),
                };
            }
        }
        AppError::internal(format!("database: {e}"))
    }
}

impl From<JsonRejection> for AppError {
    fn from(r: JsonRejection) -> Self {
        match r {
            JsonRejection::JsonDataError(e) => {
                AppError::Validation(field_from_serde_message(&e.body_text()))
            }
            other if other.status() == StatusCode::PAYLOAD_TOO_LARGE => crate::web::too_large(),
            JsonRejection::MissingJsonContentType(_) => {
                AppError::BadRequest(JSON_CONTENT_TYPE.into())
            }
            other => AppError::BadRequest(format!(
                "The request body is not valid JSON: {}",
                other.body_text()
            )),
        }
    }
}

/// axum says ``…target type: missing field `name` at line 1`` or ``…target type: name: invalid
/// type: integer `3`…``: point the error at that field.
const JSON_CONTENT_TYPE: &str = "Send the body as JSON (Content-Type: application/json).";

fn field_from_serde_message(text: &str) -> FieldErrors {
    let detail = text.split_once("target type: ").map_or(text, |(_, d)| d);
    let (field, message) = if let Some(rest) = detail.strip_prefix("missing field `") {
        (
            rest.split('`').next().unwrap_or("body"),
            "This field is required.",
        )
    } else {
        match detail.split_once(": ") {
            Some((path, _)) if !path.contains(' ') => (path, "This value has the wrong type."),
            _ => ("body", "This value has the wrong type."),
        }
    };
    let mut fields = FieldErrors::new();
    fields.insert(field.to_string(), message.to_string());
    fields
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let (status, body, retry_after) = match self {
            AppError::BadRequest(m) => (
                StatusCode::BAD_REQUEST,
                ErrorBody::new(code::BAD_REQUEST, m),
                None,
            ),
            AppError::Unauthorized(m) => (
                StatusCode::UNAUTHORIZED,
                ErrorBody::new(code::UNAUTHORIZED, m),
                None,
            ),
            AppError::Forbidden { code, message } => {
                (StatusCode::FORBIDDEN, ErrorBody::new(code, message), None)
            }
            AppError::NotFound(m) => (
                StatusCode::NOT_FOUND,
                ErrorBody::new(code::NOT_FOUND, m),
                None,
            ),
            AppError::Conflict { message, fields } => (
                StatusCode::CONFLICT,
                ErrorBody::new(code::CONFLICT, message).with_fields(fields),
                None,
            ),
            AppError::Validation(fields) => (
                StatusCode::UNPROCESSABLE_ENTITY,
                ErrorBody::new(code::VALIDATION, "Some fields need fixing.").with_fields(fields),
                None,
            ),
            AppError::RateLimited { retry_after_secs } => (
                StatusCode::TOO_MANY_REQUESTS,
                ErrorBody::new(
                    code::RATE_LIMITED,
                    format!(
                        "Too many attempts. Try again in {}.",
                        human_wait(retry_after_secs)
                    ),
                ),
                Some(retry_after_secs),
            ),
            AppError::TooLarge(m) => (
                StatusCode::PAYLOAD_TOO_LARGE,
                ErrorBody::new(code::TOO_LARGE, m),
                None,
            ),
            AppError::UnsupportedMedia(m) => (
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                ErrorBody::new(code::UNSUPPORTED_MEDIA, m),
                None,
            ),
            AppError::Busy => (
                StatusCode::SERVICE_UNAVAILABLE,
                ErrorBody::new(
                    code::BUSY,
                    "The server is busy with other changes to the same records. Try again in a second.",
                ),
                Some(1),
            ),
            AppError::Internal(cause) => {
                tracing::error!(%cause, "internal error");
                (
                    StatusCode::INTERNAL_SERVER_ERROR,
                    ErrorBody::new(
                        code::INTERNAL,
                        "Something went wrong on our side. Try again in a moment.",
                    ),
                    None,
                )
            }
        };
        let mut response = (status, Json(body)).into_response();
        if let Some(secs) = retry_after {
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(secs));
        }
        response
    }
}

fn human_wait(secs: u64) -> String {
    match secs {
        0..=1 => "a second".into(),
        2..=59 => format!("{secs} seconds"),
        60..=119 => "a minute".into(),
        _ => format!("{} minutes", secs.div_ceil(60)),
    }
}

impl From<QueryRejection> for AppError {
    fn from(r: QueryRejection) -> Self {
        // "Failed to deserialize query string: per_page: invalid digit found in string"
        let text = r.body_text();
        let detail = text
            .split_once("query string: ")
            .map_or(text.as_str(), |(_, d)| d);
        let field = detail
            .split_once(": ")
            .map(|(f, _)| f)
            .filter(|f| !f.contains(' '))
            .unwrap_or("query");
        AppError::field(field, "This value has the wrong type.")
    }
}

/// `Query<T>` whose rejection is our error body (422 on the parameter).
#[derive(Debug, Clone, Copy, Default, axum::extract::FromRequestParts)]
#[from_request(via(axum::extract::Query), rejection(AppError))]
pub struct ApiQuery<T>(pub T);

pub const NUL_TEXT: &str = "Text cannot contain the NUL character.";

/// `Json<T>` whose rejection is our error body (400 for malformed JSON, 422 for a wrong field).
///
/// Every body is a JSON object: serde would also read a struct from an array of its fields in
/// order, which no client means, so a top-level array is refused. So is the NUL character
/// (`\u0000`) in any string: PostgreSQL cannot store it in text, and no field needs it.
#[derive(Debug, Clone, Copy, Default)]
pub struct ApiJson<T>(pub T);

impl<T, S> axum::extract::FromRequest<S> for ApiJson<T>
where
    T: serde::de::DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = AppError;

    async fn from_request(req: axum::extract::Request, state: &S) -> Result<Self, AppError> {
        let is_json = req
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(is_json_content_type);
        let bytes = axum::body::Bytes::from_request(req, state)
            .await
            .map_err(|r| {
                if r.status() == StatusCode::PAYLOAD_TOO_LARGE {
                    crate::web::too_large()
                } else {
                    AppError::BadRequest(format!(
                        "The request body could not be read: {}",
                        r.body_text()
                    ))
                }
            })?;
        if !is_json {
            return Err(AppError::BadRequest(JSON_CONTENT_TYPE.into()));
        }
        if bytes.trim_ascii_start().first() == Some(&b'[') {
            return Err(AppError::BadRequest(
                "Send the body as a JSON object, not a list.".into(),
            ));
        }
        if has_escaped_nul(&bytes) {
            return Err(AppError::BadRequest(NUL_TEXT.into()));
        }
        Ok(ApiJson(Json::<T>::from_bytes(&bytes)?.0))
    }
}

/// `application/json`, or any `application/…+json`, with or without parameters.
fn is_json_content_type(value: &str) -> bool {
    let essence = value
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    essence == "application/json"
        || (essence.starts_with("application/") && essence.ends_with("+json"))
}

/// True when a JSON text holds the escape `\u0000` (an escape, not an escaped backslash).
fn has_escaped_nul(json: &[u8]) -> bool {
    let mut i = 0;
    while i < json.len() {
        if json[i] == b'\\' {
            if json[i + 1..].len() >= 5 && json[i + 1..i + 6].eq_ignore_ascii_case(b"u0000") {
                return true;
            }
            i += 2; // skip the escaped character, so `\\\\u0000` is not a NUL
        } else {
            i += 1;
        }
    }
    false
}

impl<T: serde::Serialize> IntoResponse for ApiJson<T> {
    fn into_response(self) -> Response {
        Json(self.0).into_response()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serde_messages_point_at_fields() {
        let f = field_from_serde_message("Failed to deserialize the JSON body into the target type: missing field `password` at line 1 column 20");
        assert_eq!(
            f.get("password").map(String::as_str),
            Some("This field is required.")
        );
        let f = field_from_serde_message("Failed to deserialize the JSON body into the target type: name: invalid type: integer `3`, expected a string at line 1 column 9");
        assert!(f.contains_key("name"), "{f:?}");
    }
}
