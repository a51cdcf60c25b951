//! TabSeparated output and input (spec/formats.md §3): `TabSeparated`,
//! `TabSeparatedRaw`, `TabSeparatedWithNames`, `TabSeparatedWithNamesAndTypes`.

use std::borrow::Cow;
use std::sync::Arc;

use arrow::array::{ArrayRef, RecordBatch, RecordBatchOptions};
use arrow::datatypes::{Field, Schema};

use crate::error::{Error, ErrorCode, Result};
use crate::formats::parse::{parse_texts, strip_nulls, OnError};
use crate::formats::text::{write_escaped, Escape, TextOptions, ValueWriter};
use crate::types::ChType;

/// Which TabSeparated variant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TsvKind {
    Plain,
    Raw,
    WithNames,
    WithNamesAndTypes,
}

/// Appends `batches` as TabSeparated text (with the header lines `kind` asks for).
pub fn write_tsv(
    out: &mut Vec<u8>,
    batches: &[RecordBatch],
    types: &[ChType],
    names: &[String],
    opts: &TextOptions,
    kind: TsvKind,
) -> Result<()> {
    if matches!(kind, TsvKind::WithNames | TsvKind::WithNamesAndTypes) {
        write_header_line(out, names.iter().map(|n| n.as_bytes()));
        if kind == TsvKind::WithNamesAndTypes {
            let type_names: Vec<String> = types.iter().map(|t| t.to_string()).collect();
            write_header_line(out, type_names.iter().map(|n| n.as_bytes()));
        }
    }
    let escape = if kind == TsvKind::Raw { Escape::Raw } else { Escape::Tsv };
    for batch in batches {
        if batch.num_columns() != types.len() {
            return Err(Error::new(
                ErrorCode::LOGICAL_ERROR,
                format!("batch has {} columns, expected {}", batch.num_columns(), types.len()),
            ));
        }
        let writers = batch
            .columns()
            .iter()
            .zip(types)
            .map(|(c, t)| ValueWriter::new(c.as_ref(), t, opts))
            .collect::<Result<Vec<_>>>()?;
        out.reserve(batch.num_rows() * writers.len() * 8);
        for row in 0..batch.num_rows() {
            for (i, w) in writers.iter().enumerate() {
                if i > 0 {
                    out.push(b'\t');
                }
                w.write(out, row, escape)?;
            }
            out.push(b'\n');
        }
    }
    Ok(())
}

fn write_header_line<'a>(out: &mut Vec<u8>, fields: impl Iterator<Item = &'a [u8]>) {
    for (i, f) in fields.enumerate() {
        if i > 0 {
            out.push(b'\t');
        }
        write_escaped(out, f);
    }
    out.push(b'\n');
}

/// Decodes TabSeparated escapes (`\t`, `\n`, `\\`, `\0`, `\xHH` …); an unknown escape keeps both bytes.
pub fn unescape_tsv(field: &[u8], out: &mut Vec<u8>) {
    let mut i = 0;
    while i < field.len() {
        let b = field[i];
        if b != b'\\' || i + 1 >= field.len() {
            out.push(b);
            i += 1;
            continue;
        }
        let c = field[i + 1];
        i += 2;
        match c {
            b't' => out.push(b'\t'),
            b'n' => out.push(b'\n'),
            b'r' => out.push(b'\r'),
            b'0' => out.push(0),
            b'b' => out.push(8),
            b'f' => out.push(12),
            b'a' => out.push(7),
            b'v' => out.push(11),
            b'\\' | b'\'' | b'"' => out.push(c),
            b'x' if i + 2 <= field.len() && field[i..i + 2].iter().all(u8::is_ascii_hexdigit) => {
                let hex = |h: u8| (h as char).to_digit(16).unwrap_or(0) as u8;
                out.push(hex(field[i]) * 16 + hex(field[i + 1]));
                i += 2;
            }
            _ => {
                out.push(b'\\');
                out.push(c);
            }
        }
    }
}

fn field_count_error(row: usize, what: &str) -> Error {
    Error::new(ErrorCode::CANNOT_PARSE_INPUT_ASSERTION_FAILED, format!("Cannot parse input: (at row {row}): {what}"))
}

fn is_composite(ty: &ChType) -> bool {
    matches!(ty.base(), ChType::Array(_) | ChType::Tuple(..) | ChType::Map(..))
}

/// Reads TabSeparated text into one batch whose columns have Arrow types `ty.to_arrow()`.
/// `\N` is NULL (the type's default for non-Nullable columns). Header lines of
/// `…WithNames`/`…WithNamesAndTypes` are skipped (columns are taken in order).
pub fn read_tsv(data: &[u8], types: &[ChType], opts: &TextOptions, kind: TsvKind) -> Result<RecordBatch> {
    // Field texts per column, borrowed from `data` unless an escape had to be decoded.
    let mut cols: Vec<Vec<Option<Cow<[u8]>>>> = types.iter().map(|_| Vec::new()).collect();
    let skip = match kind {
        TsvKind::WithNames => 1,
        TsvKind::WithNamesAndTypes => 2,
        _ => 0,
    };
    let composite: Vec<bool> = types.iter().map(is_composite).collect();
    let mut rows = 0usize;
    let body = data.strip_suffix(b"\n").unwrap_or(data);
    if !data.is_empty() {
        for (line_no, line) in body.split(|&b| b == b'\n').enumerate() {
            if line.last() == Some(&b'\r') {
                return Err(Error::new(
                    ErrorCode::INCORRECT_DATA,
                    "You have carriage return (\\r, 0x0D, ASCII 13) at end of first row. It's like your input \
                     data has DOS/Windows style line separators, that are illegal in TabSeparated format.",
                ));
            }
            if line_no < skip {
                continue;
            }
            rows += 1;
            let mut fields = if types.is_empty() && line.is_empty() { None } else { Some(line.split(|&b| b == b'\t')) };
            for (i, col) in cols.iter_mut().enumerate() {
                let Some(field) = fields.as_mut().and_then(Iterator::next) else {
                    return Err(field_count_error(rows, "Line feed found where tab is expected"));
                };
                col.push(if field == b"\\N" {
                    None
                } else if composite[i] || !field.contains(&b'\\') {
                    Some(Cow::Borrowed(field))
                } else {
                    let mut buf = Vec::with_capacity(field.len());
                    unescape_tsv(field, &mut buf);
                    Some(Cow::Owned(buf))
                });
            }
            if fields.as_mut().and_then(Iterator::next).is_some() {
                return Err(field_count_error(
                    rows,
                    "Tab found where line feed is expected. It's like your file has more columns than expected.",
                ));
            }
        }
    }
    let mut columns: Vec<ArrayRef> = Vec::with_capacity(types.len());
    for (col, ty) in cols.iter().zip(types) {
        let texts: Vec<Option<&[u8]>> = col.iter().map(|t| t.as_deref()).collect();
        let parsed = parse_texts(&texts, ty, opts, OnError::Throw).map_err(|e| {
            Error::new(ErrorCode::CANNOT_PARSE_INPUT_ASSERTION_FAILED, format!("Cannot parse input: {}", e.message()))
        })?;
        columns.push(if ty.is_nullable() { parsed } else { strip_nulls(parsed, ty)? });
    }
    let fields: Vec<Field> = types.iter().enumerate().map(|(i, t)| t.to_arrow_field(&format!("c{}", i + 1))).collect();
    let schema = Arc::new(Schema::new(fields));
    RecordBatch::try_new_with_options(schema, columns, &RecordBatchOptions::new().with_row_count(Some(rows)))
        .map_err(|e| Error::new(ErrorCode::LOGICAL_ERROR, e.to_string()))
}
