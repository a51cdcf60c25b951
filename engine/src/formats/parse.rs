//! Text → values: how ClickHouse reads a value of each type from text (TSV
//! fields, VALUES literals, `toDate('…')`, `CAST('…' AS T)`, `toInt32('12')`).

use arrow::array::{Array, ArrayRef};

use crate::error::{Error, ErrorCode, Result};
use crate::formats::text::TextOptions;
use crate::types::ChType;

/// What to do with text that does not parse.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OnError {
    /// Fail with ClickHouse's code (CANNOT_PARSE_TEXT 6, CANNOT_PARSE_DATE 38 …).
    Throw,
    /// NULL (the `…OrNull` functions).
    Null,
    /// The type's default (the `…OrZero` functions).
    Default,
}

/// Parses every value of a String (BinaryView) or FixedString column as type
/// `ty`, in the basic (strict) text format. NULL input rows stay NULL.
pub fn parse_column(_strings: &dyn Array, _ty: &ChType, _opts: &TextOptions, _on_error: OnError) -> Result<ArrayRef> {
    Err(Error::new(ErrorCode::NOT_IMPLEMENTED, "parsing text"))
}
