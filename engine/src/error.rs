//! The one error type of the engine: a ClickHouse error code (number and NAME,
//! from the single table below), a message and an optional source.
//!
//! Shown exactly as ClickHouse shows server errors:
//! `Code: 60. DB::Exception: Table default.t does not exist. (UNKNOWN_TABLE)`.
//! Errors raised inside DataFusion (from Granary UDFs and table providers) travel
//! as `DataFusionError::External(Box<Error>)` and are recovered, code intact, by
//! [`Error::from_datafusion`] at the boundary (spec/engine.md §2, "Error codes").

use std::fmt;

use datafusion::error::DataFusionError;

macro_rules! error_codes {
    ($($variant:ident = $num:literal),* $(,)?) => {
        /// ClickHouse error codes used by Granary (numbers and names as in
        /// ClickHouse's `src/Common/ErrorCodes.cpp`).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        #[allow(non_camel_case_types, clippy::upper_case_acronyms)]
        pub enum ErrorCode { $($variant),* }

        impl ErrorCode {
            /// ClickHouse's number for this code.
            pub fn number(self) -> i32 { match self { $(ErrorCode::$variant => $num),* } }
            /// ClickHouse's NAME for this code.
            pub fn name(self) -> &'static str { match self { $(ErrorCode::$variant => stringify!($variant)),* } }
            /// Looks a code up by its NAME (used by `-- { serverError NAME }` tests).
            pub fn from_name(name: &str) -> Option<ErrorCode> {
                match name { $(stringify!($variant) => Some(ErrorCode::$variant),)* _ => None }
            }
        }
    };
}

error_codes! {
    UNSUPPORTED_METHOD = 1,
    LOGICAL_ERROR = 49,
    NOT_IMPLEMENTED = 48,
    INVALID_WITH_FILL_EXPRESSION = 475,
    ILLEGAL_COLUMN = 44,
    NUMBER_OF_ARGUMENTS_DOESNT_MATCH = 42,
    ILLEGAL_TYPE_OF_ARGUMENT = 43,
    UNKNOWN_FUNCTION = 46,
    UNKNOWN_IDENTIFIER = 47,
    UNKNOWN_TYPE = 50,
    EMPTY_LIST_OF_COLUMNS_QUERIED = 51,
    TYPE_MISMATCH = 53,
    CANNOT_PARSE_TEXT = 6,
    CANNOT_PARSE_INPUT_ASSERTION_FAILED = 27,
    CANNOT_PARSE_DATE = 38,
    CANNOT_PARSE_DATETIME = 41,
    CANNOT_PARSE_NUMBER = 72,
    ARGUMENT_OUT_OF_BOUND = 69,
    TOO_LARGE_ARRAY_SIZE = 128,
    UNKNOWN_TABLE = 60,
    UNKNOWN_ELEMENT_IN_AST = 61,
    SYNTAX_ERROR = 62,
    UNKNOWN_AGGREGATE_FUNCTION = 63,
    AGGREGATE_FUNCTION_DOESNT_ALLOW_PARAMETERS = 133,
    CANNOT_CONVERT_TYPE = 70,
    UNKNOWN_FORMAT = 73,
    TABLE_ALREADY_EXISTS = 57,
    UNKNOWN_DATABASE = 81,
    DATABASE_ALREADY_EXISTS = 82,
    DATABASE_NOT_EMPTY = 219,
    UNKNOWN_SETTING = 115,
    CANNOT_PARSE_UUID = 376,
    INCORRECT_NUMBER_OF_COLUMNS = 7,
    NUMBER_OF_COLUMNS_DOESNT_MATCH = 8,
    SIZES_OF_ARRAYS_DONT_MATCH = 190,
    ILLEGAL_DIVISION = 153,
    DECIMAL_OVERFLOW = 407,
    TOO_BIG_AST = 168,
    TOO_DEEP_AST = 167,
    TOO_DEEP_RECURSION = 306,
    TIMEOUT_EXCEEDED = 159,
    TOO_SLOW = 160,
    TOO_MANY_ROWS_OR_BYTES = 396,
    MEMORY_LIMIT_EXCEEDED = 241,
    QUERY_WAS_CANCELLED = 394,
    READONLY = 164,
    NOT_AN_AGGREGATE = 215,
    ILLEGAL_AGGREGATION = 184,
    UNKNOWN_STORAGE = 56,
    BAD_ARGUMENTS = 36,
    ILLEGAL_COLUMN_TYPE = 255,
    DUPLICATE_COLUMN = 15,
    NO_SUCH_COLUMN_IN_TABLE = 16,
    MULTIPLE_EXPRESSIONS_FOR_ALIAS = 179,
    CYCLIC_ALIASES = 174,
    AMBIGUOUS_COLUMN_NAME = 352,
    AMBIGUOUS_IDENTIFIER = 207,
    INVALID_JOIN_ON_EXPRESSION = 403,
    INCOMPATIBLE_TYPE_OF_JOIN = 392,
    TOO_FEW_ARGUMENTS_FOR_FUNCTION = 35,
    TOO_MANY_ARGUMENTS_FOR_FUNCTION = 34,
    BAD_TYPE_OF_FIELD = 169,
    NO_COMMON_TYPE = 386,
    ILLEGAL_TYPE_OF_COLUMN_FOR_FILTER = 59,
    ILLEGAL_PREWHERE = 182,
    ILLEGAL_FINAL = 181,
    INVALID_LIMIT_EXPRESSION = 440,
    EXPECTED_ALL_OR_DISTINCT = 558,
    UNEXPECTED_EXPRESSION = 183,
    CANNOT_INSERT_NULL_IN_ORDINARY_COLUMN = 349,
    VALUE_IS_OUT_OF_RANGE_OF_DATA_TYPE = 321,
    INCORRECT_DATA = 117,
    INCORRECT_QUERY = 80,
    INCORRECT_ELEMENT_OF_SET = 137,
    SET_SIZE_LIMIT_EXCEEDED = 191,
    CANNOT_READ_ALL_DATA = 33,
    CORRUPTED_DATA = 246,
    CHECKSUM_DOESNT_MATCH = 40,
    FILE_DOESNT_EXIST = 107,
    CANNOT_OPEN_FILE = 76,
    UNKNOWN_TYPE_OF_QUERY = 225,
    BAD_QUERY_PARAMETER = 457,
    UNKNOWN_QUERY_PARAMETER = 456,
    CANNOT_COMPILE_REGEXP = 427,
    PARAMETER_OUT_OF_BOUND = 12,
    ZERO_ARRAY_OR_TUPLE_INDEX = 127,
    UNKNOWN_TIMEZONE = 1000,
    STD_EXCEPTION = 1001,
    POSITION_OUT_OF_BOUND = 11,
    FUNCTION_THROW_IF_VALUE_IS_NON_ZERO = 395,
    ATTEMPT_TO_READ_AFTER_EOF = 32,
    INCORRECT_RESULT_OF_SCALAR_SUBQUERY = 125,
    UNION_ALL_RESULT_STRUCTURES_MISMATCH = 258,
    TOO_LARGE_STRING_SIZE = 131,
    CANNOT_PARSE_BOOL = 467,
    CANNOT_PARSE_IPV4 = 675,
    CANNOT_PARSE_IPV6 = 676,
    UNKNOWN_ELEMENT_OF_ENUM = 691,
}

/// A Granary error: ClickHouse code, message and optional cause.
#[derive(Debug, thiserror::Error)]
pub struct Error {
    code: ErrorCode,
    message: String,
    #[source]
    source: Option<Box<dyn std::error::Error + Send + Sync>>,
}

/// Result with Granary's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    /// An error with a code and message.
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        Error { code, message: message.into(), source: None }
    }

    /// Attaches an underlying cause.
    pub fn with_source(mut self, source: impl std::error::Error + Send + Sync + 'static) -> Self {
        self.source = Some(Box::new(source));
        self
    }

    /// ClickHouse's numeric code.
    pub fn code(&self) -> i32 {
        self.code.number()
    }

    /// ClickHouse's NAME of the code.
    pub fn name(&self) -> &str {
        self.code.name()
    }

    /// The code as an enum.
    pub fn error_code(&self) -> ErrorCode {
        self.code
    }

    /// The message without the `Code: N. DB::Exception:` decoration.
    pub fn message(&self) -> &str {
        &self.message
    }

    /// Wraps this error for transport through DataFusion.
    pub fn into_datafusion(self) -> DataFusionError {
        DataFusionError::External(Box::new(self))
    }

    /// Recovers a Granary error (code intact) from a DataFusion error, mapping
    /// DataFusion's own failures onto the nearest ClickHouse code.
    pub fn from_datafusion(err: DataFusionError) -> Error {
        if let Some(e) = find_granary(&err) {
            return Error::new(e.code, e.message.clone());
        }
        let root = err.find_root();
        match root {
            DataFusionError::ResourcesExhausted(m) => {
                Error::new(ErrorCode::MEMORY_LIMIT_EXCEEDED, format!("Memory limit exceeded: {m}"))
            }
            DataFusionError::ArrowError(ae, _) => match ae.as_ref() {
                arrow::error::ArrowError::DivideByZero => Error::new(ErrorCode::ILLEGAL_DIVISION, "Division by zero"),
                other => Error::new(ErrorCode::STD_EXCEPTION, other.to_string()),
            },
            DataFusionError::NotImplemented(m) => Error::new(ErrorCode::NOT_IMPLEMENTED, m.clone()),
            DataFusionError::Execution(m) if m.contains("Cancelled") => {
                Error::new(ErrorCode::QUERY_WAS_CANCELLED, "Query was cancelled")
            }
            DataFusionError::Execution(m) if m.contains("Scalar subquery returned more than one row") => {
                Error::new(ErrorCode::INCORRECT_RESULT_OF_SCALAR_SUBQUERY, "Scalar subquery returned more than one row")
            }
            other => Error::new(ErrorCode::LOGICAL_ERROR, other.to_string()),
        }
    }
}

fn find_granary(err: &DataFusionError) -> Option<&Error> {
    let mut cur: &(dyn std::error::Error + 'static) = err;
    loop {
        if let Some(e) = cur.downcast_ref::<Error>() {
            return Some(e);
        }
        if let Some(DataFusionError::External(inner)) = cur.downcast_ref::<DataFusionError>() {
            if let Some(e) = inner.downcast_ref::<Error>() {
                return Some(e);
            }
        }
        if let Some(DataFusionError::Context(_, inner)) = cur.downcast_ref::<DataFusionError>() {
            cur = inner.as_ref();
            continue;
        }
        if let Some(DataFusionError::Shared(inner)) = cur.downcast_ref::<DataFusionError>() {
            cur = inner.as_ref();
            continue;
        }
        if let Some(DataFusionError::ArrowError(ae, _)) = cur.downcast_ref::<DataFusionError>() {
            if let arrow::error::ArrowError::ExternalError(inner) = ae.as_ref() {
                cur = inner.as_ref();
                continue;
            }
        }
        cur = cur.source()?;
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let msg = self.message.trim_end_matches('.');
        write!(f, "Code: {}. DB::Exception: {}. ({})", self.code.number(), msg, self.code.name())
    }
}

impl From<DataFusionError> for Error {
    fn from(e: DataFusionError) -> Self {
        Error::from_datafusion(e)
    }
}

impl From<arrow::error::ArrowError> for Error {
    fn from(e: arrow::error::ArrowError) -> Self {
        Error::from_datafusion(DataFusionError::ArrowError(Box::new(e), None))
    }
}

/// Shorthand: `Err(Error)` with a formatted message.
#[macro_export]
macro_rules! bail {
    ($code:ident, $($arg:tt)*) => {
        return Err($crate::error::Error::new($crate::error::ErrorCode::$code, format!($($arg)*)))
    };
}

/// Shorthand for building an [`Error`] with a formatted message.
#[macro_export]
macro_rules! err {
    ($code:ident, $($arg:tt)*) => {
        $crate::error::Error::new($crate::error::ErrorCode::$code, format!($($arg)*))
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_matches_clickhouse() {
        let e = Error::new(ErrorCode::UNKNOWN_TABLE, "Table default.t does not exist");
        assert_eq!(e.to_string(), "Code: 60. DB::Exception: Table default.t does not exist. (UNKNOWN_TABLE)");
        assert_eq!(e.code(), 60);
        assert_eq!(e.name(), "UNKNOWN_TABLE");
    }

    #[test]
    fn code_survives_datafusion() {
        let e = Error::new(ErrorCode::ILLEGAL_DIVISION, "Division by zero").into_datafusion();
        let wrapped = DataFusionError::Context("ctx".into(), Box::new(e));
        assert_eq!(Error::from_datafusion(wrapped).code(), 153);
    }
}
