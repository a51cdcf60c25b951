//! CSV output (spec/formats.md §4): `CSV`, `CSVWithNames`,
//! `CSVWithNamesAndTypes`. Numbers and Bool unquoted, NULL `\N`, every other
//! value as its text form in `"…"` with `"` doubled; Tuple columns are
//! flattened into one field per element (`t.1`, `t.name`).

use arrow::array::{ArrayRef, AsArray, RecordBatch};

use crate::error::{Error, ErrorCode, Result};
use crate::formats::output::{check_columns, Table};
use crate::formats::text::{Escape, ValueWriter};
use crate::types::ChType;

/// Which CSV variant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CsvKind {
    Plain,
    WithNames,
    WithNamesAndTypes,
}

/// Appends `bytes` in double quotes, doubling embedded quotes.
pub fn write_csv_quoted(out: &mut Vec<u8>, bytes: &[u8]) {
    out.push(b'"');
    let mut start = 0;
    for (i, &b) in bytes.iter().enumerate() {
        if b == b'"' {
            out.extend_from_slice(&bytes[start..=i]);
            out.push(b'"');
            start = i + 1;
        }
    }
    out.extend_from_slice(&bytes[start..]);
    out.push(b'"');
}

fn unquoted(ty: &ChType) -> bool {
    matches!(
        ty.base(),
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
            | ChType::Float32
            | ChType::Float64
            | ChType::Decimal(..)
            | ChType::Bool
            | ChType::Interval(_)
            | ChType::Nothing
    )
}

/// A leaf column after flattening tuples: header name, type, storage.
fn flatten(name: String, ty: &ChType, array: &ArrayRef, out: &mut Vec<(String, ChType, ArrayRef)>) -> Result<()> {
    if let ChType::Tuple(elems, names) = ty.base() {
        if let Some(s) = array.as_struct_opt() {
            if s.num_columns() == elems.len() && !elems.is_empty() {
                for (i, (e, c)) in elems.iter().zip(s.columns()).enumerate() {
                    let part = match names {
                        Some(n) if n.len() == elems.len() => n[i].clone(),
                        _ => (i + 1).to_string(),
                    };
                    flatten(format!("{name}.{part}"), e, c, out)?;
                }
                return Ok(());
            }
        }
        return Err(Error::new(ErrorCode::LOGICAL_ERROR, format!("tuple column {name} has an unexpected layout")));
    }
    out.push((name, ty.clone(), array.clone()));
    Ok(())
}

fn leaves(t: &Table, batch: &RecordBatch) -> Result<Vec<(String, ChType, ArrayRef)>> {
    check_columns(t, batch)?;
    let mut out = Vec::with_capacity(t.types.len());
    for ((name, ty), col) in t.names.iter().zip(t.types).zip(batch.columns()) {
        flatten(name.clone(), ty, col, &mut out)?;
    }
    Ok(out)
}

fn write_rows(out: &mut Vec<u8>, t: &Table, batches: &[RecordBatch], delimiter: u8) -> Result<()> {
    let mut scratch = Vec::new();
    for batch in batches {
        let cols = leaves(t, batch)?;
        let writers = cols
            .iter()
            .map(|(_, ty, a)| Ok((ValueWriter::new(a.as_ref(), ty, t.text)?, unquoted(ty))))
            .collect::<Result<Vec<_>>>()?;
        for row in 0..batch.num_rows() {
            for (i, (w, bare)) in writers.iter().enumerate() {
                if i > 0 {
                    out.push(delimiter);
                }
                if w.is_null(row) {
                    out.extend_from_slice(b"\\N");
                } else if *bare {
                    w.write_non_null(out, row, Escape::Raw)?;
                } else {
                    scratch.clear();
                    w.write_non_null(&mut scratch, row, Escape::Raw)?;
                    write_csv_quoted(out, &scratch);
                }
            }
            out.push(b'\n');
        }
    }
    Ok(())
}

/// Appends the result as CSV (`delimiter`: `format_csv_delimiter`). Totals
/// follow after an empty line, as ClickHouse writes them.
pub fn write_csv(out: &mut Vec<u8>, t: &Table, kind: CsvKind, delimiter: u8) -> Result<()> {
    if kind != CsvKind::Plain {
        // The header names the flattened columns; an empty result still has them.
        let mut flat = Vec::new();
        for (name, ty) in t.names.iter().zip(t.types) {
            flatten_types(name.clone(), ty, &mut flat);
        }
        write_header(out, flat.iter().map(|(n, _)| n.as_bytes()), delimiter);
        if kind == CsvKind::WithNamesAndTypes {
            let types: Vec<String> = flat.iter().map(|(_, ty)| ty.to_string()).collect();
            write_header(out, types.iter().map(|n| n.as_bytes()), delimiter);
        }
    }
    write_rows(out, t, t.batches, delimiter)?;
    if t.totals.iter().any(|b| b.num_rows() > 0) {
        out.push(b'\n');
        write_rows(out, t, t.totals, delimiter)?;
    }
    Ok(())
}

fn flatten_types(name: String, ty: &ChType, out: &mut Vec<(String, ChType)>) {
    if let ChType::Tuple(elems, names) = ty.base() {
        if !elems.is_empty() {
            for (i, e) in elems.iter().enumerate() {
                let part = match names {
                    Some(n) if n.len() == elems.len() => n[i].clone(),
                    _ => (i + 1).to_string(),
                };
                flatten_types(format!("{name}.{part}"), e, out);
            }
            return;
        }
    }
    out.push((name, ty.clone()));
}

fn write_header<'a>(out: &mut Vec<u8>, fields: impl Iterator<Item = &'a [u8]>, delimiter: u8) {
    for (i, f) in fields.enumerate() {
        if i > 0 {
            out.push(delimiter);
        }
        write_csv_quoted(out, f);
    }
    out.push(b'\n');
}
