//! Error responses (spec/http.md §9): the body `Code: N. DB::Exception: ….
//! (NAME) (version …)\n`, the `X-ClickHouse-Exception-Code` header and the
//! HTTP status ClickHouse's `exceptionCodeToHTTPStatus` gives the code.

use axum::http::StatusCode;

use crate::version_string;

/// An error on its way to the client.
#[derive(Debug, Clone)]
pub struct HttpError {
    pub code: i32,
    pub name: &'static str,
    pub message: String,
}

impl HttpError {
    pub fn new(code: i32, name: &'static str, message: impl Into<String>) -> Self {
        HttpError { code, name, message: message.into() }
    }

    /// The response body line.
    pub fn body(&self) -> String {
        format!(
            "Code: {}. DB::Exception: {}. ({}) (version {})\n",
            self.code,
            self.message.trim_end_matches('.'),
            self.name,
            version_string()
        )
    }

    /// The HTTP status of this error's code.
    pub fn status(&self) -> StatusCode {
        status_of(self.code)
    }
}

impl From<granary_engine::Error> for HttpError {
    fn from(e: granary_engine::Error) -> Self {
        let code = e.error_code();
        HttpError { code: e.code(), name: code.name(), message: e.message().to_string() }
    }
}

/// ClickHouse's mapping from error code to HTTP status.
pub fn status_of(code: i32) -> StatusCode {
    match code {
        6 | 8 | 15 | 25 | 26 | 27 | 36 | 37 | 38 | 41 | 44 | 53 | 62 | 72 | 117 | 123 | 167 | 168 | 223 | 321 | 376
        | 427 | 441 | 675 | 676 => StatusCode::BAD_REQUEST,
        194 => StatusCode::UNAUTHORIZED,
        192 | 193 | 497 | 512 | 516 => StatusCode::FORBIDDEN,
        46 | 47 | 50 | 56 | 60 | 63 | 73 | 78 | 81 | 115 | 152 | 336 | 511 => StatusCode::NOT_FOUND,
        159 => StatusCode::REQUEST_TIMEOUT,
        381 => StatusCode::LENGTH_REQUIRED,
        229 => StatusCode::PAYLOAD_TOO_LARGE,
        779 => StatusCode::UNSUPPORTED_MEDIA_TYPE,
        48 => StatusCode::NOT_IMPLEMENTED,
        76 | 209 | 439 => StatusCode::SERVICE_UNAVAILABLE,
        _ => StatusCode::INTERNAL_SERVER_ERROR,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses() {
        assert_eq!(status_of(62), StatusCode::BAD_REQUEST);
        assert_eq!(status_of(60), StatusCode::NOT_FOUND);
        assert_eq!(status_of(164), StatusCode::INTERNAL_SERVER_ERROR);
        assert_eq!(status_of(48), StatusCode::NOT_IMPLEMENTED);
        let e = HttpError::new(60, "UNKNOWN_TABLE", "Table default.x does not exist.");
        assert!(e
            .body()
            .starts_with("Code: 60. DB::Exception: Table default.x does not exist. (UNKNOWN_TABLE) (version "));
    }
}
