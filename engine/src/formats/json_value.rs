//! JSON form of values (spec/formats.md §5): numbers unquoted (64-bit and
//! wider integers quoted with `output_format_json_quote_64bit_integers=1`),
//! `nan`/`inf` → `null`, Bool → `true`/`false`, NULL → `null`, strings and
//! every other scalar as a JSON string of its text form, Array → JSON array,
//! Map → object, named Tuple → object, unnamed Tuple → array.
//!
//! [`JsonValue`] downcasts a column once per batch like `text::ValueWriter`
//! (which it uses for the text of scalars) and writes rows either compactly
//! (`JSONEachRow`, `JSONCompact`) or in the multi-line layout the `JSON`
//! document uses for tuples, maps and arrays of composites.

use arrow::array::{Array, AsArray};
use arrow::buffer::{NullBuffer, OffsetBuffer};

use crate::error::{Error, ErrorCode, Result};
use crate::formats::text::{Escape, TextOptions, ValueWriter};
use crate::types::ChType;

/// Appends `bytes` as a JSON string (with the quotes): `"` `\` `/` escaped,
/// `\b \f \n \r \t`, other control bytes and U+2028/U+2029 as `\uXXXX`;
/// everything else (UTF-8, invalid bytes) raw, as ClickHouse writes it.
pub fn write_json_string(out: &mut Vec<u8>, bytes: &[u8]) {
    out.push(b'"');
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let short: Option<&[u8]> = match b {
            b'"' => Some(b"\\\""),
            b'\\' => Some(b"\\\\"),
            b'/' => Some(b"\\/"),
            8 => Some(b"\\b"),
            12 => Some(b"\\f"),
            b'\n' => Some(b"\\n"),
            b'\r' => Some(b"\\r"),
            b'\t' => Some(b"\\t"),
            _ => None,
        };
        if let Some(s) = short {
            out.extend_from_slice(&bytes[start..i]);
            out.extend_from_slice(s);
            i += 1;
            start = i;
        } else if b < 0x20 {
            out.extend_from_slice(&bytes[start..i]);
            out.extend_from_slice(b"\\u00");
            out.push(HEX[(b >> 4) as usize]);
            out.push(HEX[(b & 15) as usize]);
            i += 1;
            start = i;
        } else if b == 0xE2 && i + 2 < bytes.len() && bytes[i + 1] == 0x80 && matches!(bytes[i + 2], 0xA8 | 0xA9) {
            out.extend_from_slice(&bytes[start..i]);
            out.extend_from_slice(if bytes[i + 2] == 0xA8 { b"\\u2028" } else { b"\\u2029" });
            i += 3;
            start = i;
        } else {
            i += 1;
        }
    }
    out.extend_from_slice(&bytes[start..]);
    out.push(b'"');
}

const HEX: &[u8; 16] = b"0123456789abcdef";

/// Options of the JSON value form.
#[derive(Debug, Clone, Copy, Default)]
pub struct JsonOptions {
    /// `output_format_json_quote_64bit_integers`.
    pub quote_64bit_integers: bool,
}

/// A column downcast once, ready to write any row as JSON.
pub struct JsonValue {
    nulls: Option<NullBuffer>,
    kind: JKind,
}

enum JKind {
    Null,
    /// Written as the text form, unquoted (ints, decimals, Bool).
    Number(ValueWriter),
    /// Floats: the text form, `nan`/`inf` become `null`.
    Float(ValueWriter),
    /// A JSON string of the unescaped text form.
    Str(ValueWriter),
    Array(OffsetBuffer<i32>, Box<JsonValue>),
    Tuple(Vec<JsonValue>, Option<Vec<String>>),
    Map(OffsetBuffer<i32>, ValueWriter, Box<JsonValue>),
}

fn mismatch(ty: &ChType) -> Error {
    Error::new(ErrorCode::LOGICAL_ERROR, format!("column of type {ty} has an unexpected Arrow layout"))
}

impl JsonValue {
    /// Downcasts `array` (storage of `ty`).
    pub fn new(array: &dyn Array, ty: &ChType, text: &TextOptions, opts: JsonOptions) -> Result<JsonValue> {
        let base = ty.base();
        let nulls = array.logical_nulls();
        let kind = match base {
            ChType::Nothing => JKind::Null,
            ChType::Array(elem) => {
                let a = array.as_list_opt::<i32>().ok_or_else(|| mismatch(ty))?;
                JKind::Array(a.offsets().clone(), Box::new(JsonValue::new(a.values().as_ref(), elem, text, opts)?))
            }
            ChType::Tuple(elems, names) => {
                let a = array.as_struct_opt().ok_or_else(|| mismatch(ty))?;
                if a.num_columns() != elems.len() {
                    return Err(mismatch(ty));
                }
                let cols = a
                    .columns()
                    .iter()
                    .zip(elems)
                    .map(|(c, t)| JsonValue::new(c.as_ref(), t, text, opts))
                    .collect::<Result<Vec<_>>>()?;
                JKind::Tuple(cols, names.clone())
            }
            ChType::Map(k, v) => {
                let a = array.as_map_opt().ok_or_else(|| mismatch(ty))?;
                JKind::Map(
                    a.offsets().clone(),
                    ValueWriter::new(a.keys().as_ref(), k, text)?,
                    Box::new(JsonValue::new(a.values().as_ref(), v, text, opts)?),
                )
            }
            _ => {
                let w = ValueWriter::new(array, ty, text)?;
                match base {
                    ChType::Float32 | ChType::Float64 => JKind::Float(w),
                    ChType::Int64
                    | ChType::UInt64
                    | ChType::Int128
                    | ChType::UInt128
                    | ChType::Int256
                    | ChType::UInt256
                        if opts.quote_64bit_integers =>
                    {
                        JKind::Str(w)
                    }
                    ChType::Int8
                    | ChType::Int16
                    | ChType::Int32
                    | ChType::Int64
                    | ChType::Int128
                    | ChType::Int256
                    | ChType::UInt8
                    | ChType::UInt16
                    | ChType::UInt32
                    | ChType::UInt64
                    | ChType::UInt128
                    | ChType::UInt256
                    | ChType::Decimal(..)
                    | ChType::Bool
                    | ChType::Interval(_) => JKind::Number(w),
                    _ => JKind::Str(w),
                }
            }
        };
        Ok(JsonValue { nulls, kind })
    }

    fn is_null(&self, row: usize) -> bool {
        match &self.kind {
            JKind::Null => true,
            JKind::Number(w) | JKind::Float(w) | JKind::Str(w) => w.is_null(row),
            _ => self.nulls.as_ref().is_some_and(|n| n.is_null(row)),
        }
    }

    fn is_composite(&self) -> bool {
        matches!(self.kind, JKind::Array(..) | JKind::Tuple(..) | JKind::Map(..))
    }

    /// Appends `row` compactly (no spaces, one line). `scratch` is reused for text forms.
    pub fn write(&self, out: &mut Vec<u8>, row: usize, scratch: &mut Vec<u8>) -> Result<()> {
        if self.is_null(row) {
            out.extend_from_slice(b"null");
            return Ok(());
        }
        match &self.kind {
            JKind::Null => out.extend_from_slice(b"null"),
            JKind::Number(w) => w.write_non_null(out, row, Escape::Raw)?,
            JKind::Float(w) => write_float(out, w, row)?,
            JKind::Str(w) => {
                scratch.clear();
                w.write_non_null(scratch, row, Escape::Raw)?;
                write_json_string(out, scratch);
            }
            JKind::Array(offsets, child) => {
                out.push(b'[');
                for (n, i) in range(offsets, row)?.enumerate() {
                    if n > 0 {
                        out.push(b',');
                    }
                    child.write(out, i, scratch)?;
                }
                out.push(b']');
            }
            JKind::Tuple(cols, names) => {
                let named = names.as_ref().filter(|n| n.len() == cols.len());
                out.push(if named.is_some() { b'{' } else { b'[' });
                for (i, c) in cols.iter().enumerate() {
                    if i > 0 {
                        out.push(b',');
                    }
                    if let Some(names) = named {
                        write_json_string(out, names[i].as_bytes());
                        out.push(b':');
                    }
                    c.write(out, row, scratch)?;
                }
                out.push(if named.is_some() { b'}' } else { b']' });
            }
            JKind::Map(offsets, keys, values) => {
                out.push(b'{');
                for (n, i) in range(offsets, row)?.enumerate() {
                    if n > 0 {
                        out.push(b',');
                    }
                    write_key(out, keys, i, scratch)?;
                    out.push(b':');
                    values.write(out, i, scratch)?;
                }
                out.push(b'}');
            }
        }
        Ok(())
    }

    /// Appends `row` in the `JSON` document's layout: tuples, maps and arrays of
    /// composites over several lines, their items indented by `indent + 1` tabs.
    pub fn write_pretty(&self, out: &mut Vec<u8>, row: usize, indent: usize, scratch: &mut Vec<u8>) -> Result<()> {
        if self.is_null(row) {
            out.extend_from_slice(b"null");
            return Ok(());
        }
        match &self.kind {
            JKind::Array(offsets, child) if child.is_composite() => {
                let r = range(offsets, row)?;
                if r.is_empty() {
                    out.extend_from_slice(b"[]");
                    return Ok(());
                }
                out.extend_from_slice(b"[\n");
                let last = r.end - 1;
                for i in r {
                    tabs(out, indent + 1);
                    child.write_pretty(out, i, indent + 1, scratch)?;
                    out.extend_from_slice(if i == last { b"\n" } else { b",\n" });
                }
                tabs(out, indent);
                out.push(b']');
            }
            JKind::Tuple(cols, names) => {
                let named = names.as_ref().filter(|n| n.len() == cols.len());
                out.extend_from_slice(if named.is_some() { b"{\n" } else { b"[\n" });
                if cols.is_empty() {
                    out.push(b'\n');
                }
                for (i, c) in cols.iter().enumerate() {
                    tabs(out, indent + 1);
                    if let Some(names) = named {
                        write_json_string(out, names[i].as_bytes());
                        out.extend_from_slice(b": ");
                    }
                    c.write_pretty(out, row, indent + 1, scratch)?;
                    out.extend_from_slice(if i + 1 == cols.len() { b"\n" } else { b",\n" });
                }
                tabs(out, indent);
                out.push(if named.is_some() { b'}' } else { b']' });
            }
            JKind::Map(offsets, keys, values) => {
                let r = range(offsets, row)?;
                if r.is_empty() {
                    out.extend_from_slice(b"{}");
                    return Ok(());
                }
                out.extend_from_slice(b"{\n");
                let last = r.end - 1;
                for i in r {
                    tabs(out, indent + 1);
                    write_key(out, keys, i, scratch)?;
                    out.extend_from_slice(b": ");
                    values.write_pretty(out, i, indent + 1, scratch)?;
                    out.extend_from_slice(if i == last { b"\n" } else { b",\n" });
                }
                tabs(out, indent);
                out.push(b'}');
            }
            _ => self.write(out, row, scratch)?,
        }
        Ok(())
    }
}

/// Appends `n` tabs.
pub(crate) fn tabs(out: &mut Vec<u8>, n: usize) {
    out.extend(std::iter::repeat_n(b'\t', n));
}

fn range(offsets: &OffsetBuffer<i32>, row: usize) -> Result<std::ops::Range<usize>> {
    match (offsets.get(row), offsets.get(row + 1)) {
        (Some(&s), Some(&e)) if s >= 0 && e >= s => Ok(s as usize..e as usize),
        _ => Err(Error::new(ErrorCode::LOGICAL_ERROR, format!("row {row} out of range of an array column"))),
    }
}

fn write_key(out: &mut Vec<u8>, keys: &ValueWriter, i: usize, scratch: &mut Vec<u8>) -> Result<()> {
    scratch.clear();
    if keys.is_null(i) {
        scratch.extend_from_slice(b"null");
    } else {
        keys.write_non_null(scratch, i, Escape::Raw)?;
    }
    write_json_string(out, scratch);
    Ok(())
}

fn write_float(out: &mut Vec<u8>, w: &ValueWriter, row: usize) -> Result<()> {
    let start = out.len();
    w.write_non_null(out, row, Escape::Raw)?;
    if matches!(&out[start..], b"nan" | b"inf" | b"-inf") {
        out.truncate(start);
        out.extend_from_slice(b"null");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn string_escapes() {
        // SELECT concat('a', char(127), char(0), unhex('E280A8'), unhex('FF'), '\\u00e9', '"/\t') FORMAT JSONEachRow
        let mut out = Vec::new();
        write_json_string(&mut out, b"a\x7f\x00\xe2\x80\xa8\xff\\u00e9\"/\t");
        assert_eq!(out, b"\"a\x7f\\u0000\\u2028\xff\\\\u00e9\\\"\\/\\t\"".to_vec());
    }
}
