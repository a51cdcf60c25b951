//! How values look as text (spec/formats.md §2): numbers, dates, strings with
//! per-format escaping, arrays/tuples/maps with nested quoting.

use arrow::array::{Array, ArrayRef};

use crate::error::{Error, ErrorCode, Result};
use crate::types::ChType;

/// Options that change text forms.
#[derive(Debug, Clone)]
pub struct TextOptions {
    /// Zone for DateTime values whose type names none (session/server zone).
    pub timezone: String,
    /// `output_format_decimal_trailing_zeros`.
    pub decimal_trailing_zeros: bool,
}

impl Default for TextOptions {
    fn default() -> Self {
        TextOptions { timezone: "UTC".into(), decimal_trailing_zeros: false }
    }
}

/// How a top-level string is escaped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Escape {
    /// No escaping at all (`toString`, TSVRaw).
    Raw,
    /// TabSeparated escaping (`\t`, `\n`, `\\`, `\'` …).
    Tsv,
    /// Single-quoted with `\'` and `\\` (Values format, values inside arrays/tuples/maps).
    Quoted,
}

/// Appends the text form of `array[row]` (type `ty`) to `out`. A NULL is
/// written as `null_text` (only at top level; nested NULLs are `NULL`).
pub fn write_value(
    _out: &mut Vec<u8>,
    _array: &dyn Array,
    _row: usize,
    _ty: &ChType,
    _opts: &TextOptions,
    _escape: Escape,
) -> Result<()> {
    Err(Error::new(ErrorCode::NOT_IMPLEMENTED, "text form"))
}

/// `toString` of a whole column: an unescaped BinaryView column (NULL stays NULL).
pub fn to_text_column(_array: &dyn Array, _ty: &ChType, _opts: &TextOptions) -> Result<ArrayRef> {
    Err(Error::new(ErrorCode::NOT_IMPLEMENTED, "text form"))
}

/// ClickHouse's text form of a Float64: shortest round-trip digits, plain
/// notation for 1e-6 ≤ |x| < 1e21, else `<digits>e<exp>`; `inf`, `-inf`, `nan`.
pub fn format_f64(v: f64) -> String {
    if v.is_nan() {
        return "nan".into();
    }
    if v.is_infinite() {
        return if v > 0.0 { "inf".into() } else { "-inf".into() };
    }
    let a = v.abs();
    if a == 0.0 || (1e-6..1e21).contains(&a) {
        format!("{v}")
    } else {
        format!("{v:e}")
    }
}

/// [`format_f64`] for Float32 (shortest digits in 32-bit width).
pub fn format_f32(v: f32) -> String {
    if v.is_nan() {
        return "nan".into();
    }
    if v.is_infinite() {
        return if v > 0.0 { "inf".into() } else { "-inf".into() };
    }
    let a = v.abs();
    if a == 0.0 || (1e-6..1e21).contains(&a) {
        format!("{v}")
    } else {
        format!("{v:e}")
    }
}
