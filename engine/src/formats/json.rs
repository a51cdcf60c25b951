//! The JSON output family (spec/formats.md §5): the `JSON` / `JSONCompact` /
//! `JSONStrings` / `JSONCompactStrings` documents (meta, data, totals, rows,
//! statistics) and the line formats `JSONEachRow`, `JSONStringsEachRow`,
//! `JSONCompactEachRow`, `JSONCompactStringsEachRow` (+`WithNames`,
//! `WithNamesAndTypes`) and `JSONObjectEachRow`.

use arrow::array::RecordBatch;

use crate::error::Result;
use crate::formats::json_value::{tabs, write_json_string, JsonOptions, JsonValue};
use crate::formats::output::{check_columns, Statistics, Table};
use crate::formats::text::{write_f64, Escape, ValueWriter};

/// Which JSON document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JsonDoc {
    /// `JSON`: rows as objects.
    Objects,
    /// `JSONCompact`: rows as arrays on one line.
    Compact,
    /// `JSONStrings`: objects, every value a string.
    Strings,
    /// `JSONCompactStrings`.
    CompactStrings,
}

/// Which line-per-row JSON format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JsonLines {
    /// `JSONEachRow`: `{"a":1}`.
    EachRow,
    /// `JSONStringsEachRow`: `{"a":"1"}`.
    StringsEachRow,
    /// `JSONCompactEachRow`: `[1, "x"]`.
    CompactEachRow,
    /// `JSONCompactStringsEachRow`: `["1", "x"]`.
    CompactStringsEachRow,
}

/// One column's writer: a JSON value, or (Strings formats) a JSON string of the text form.
enum Cell {
    Json(JsonValue),
    Text(ValueWriter),
}

impl Cell {
    fn write(&self, out: &mut Vec<u8>, row: usize, pretty: Option<usize>, scratch: &mut Vec<u8>) -> Result<()> {
        match self {
            Cell::Json(v) => match pretty {
                Some(indent) => v.write_pretty(out, row, indent, scratch),
                None => v.write(out, row, scratch),
            },
            Cell::Text(w) => {
                scratch.clear();
                if w.is_null(row) {
                    scratch.extend_from_slice("ᴺᵁᴸᴸ".as_bytes());
                } else {
                    w.write_non_null(scratch, row, Escape::Raw)?;
                }
                write_json_string(out, scratch);
                Ok(())
            }
        }
    }
}

fn cells(t: &Table, batch: &RecordBatch, strings: bool, opts: JsonOptions) -> Result<Vec<Cell>> {
    check_columns(t, batch)?;
    batch
        .columns()
        .iter()
        .zip(t.types)
        .map(|(c, ty)| {
            Ok(if strings {
                Cell::Text(ValueWriter::new(c.as_ref(), ty, t.text)?)
            } else {
                Cell::Json(JsonValue::new(c.as_ref(), ty, t.text, opts)?)
            })
        })
        .collect()
}

/// Writes one row as an object (`pretty`: the `JSON` document layout at 2 tabs, else one line).
fn write_object(
    out: &mut Vec<u8>,
    names: &[String],
    cells: &[Cell],
    row: usize,
    pretty: bool,
    scratch: &mut Vec<u8>,
) -> Result<()> {
    if pretty {
        out.extend_from_slice(b"\t\t{\n");
    } else {
        out.push(b'{');
    }
    for (i, (name, cell)) in names.iter().zip(cells).enumerate() {
        if pretty {
            tabs(out, 3);
        } else if i > 0 {
            out.push(b',');
        }
        write_json_string(out, name.as_bytes());
        out.extend_from_slice(if pretty { b": " } else { b":" });
        cell.write(out, row, pretty.then_some(3), scratch)?;
        if pretty {
            out.extend_from_slice(if i + 1 == cells.len() { b"\n" } else { b",\n" });
        }
    }
    if pretty {
        out.extend_from_slice(b"\t\t}");
    } else {
        out.push(b'}');
    }
    Ok(())
}

/// Writes one row as `[v, v]` (", " between the top-level values).
fn write_array_row(out: &mut Vec<u8>, cells: &[Cell], row: usize, scratch: &mut Vec<u8>) -> Result<()> {
    out.push(b'[');
    for (i, cell) in cells.iter().enumerate() {
        if i > 0 {
            out.extend_from_slice(b", ");
        }
        cell.write(out, row, None, scratch)?;
    }
    out.push(b']');
    Ok(())
}

fn write_string_array<'a>(out: &mut Vec<u8>, items: impl Iterator<Item = &'a [u8]>) {
    out.push(b'[');
    for (i, s) in items.enumerate() {
        if i > 0 {
            out.extend_from_slice(b", ");
        }
        write_json_string(out, s);
    }
    out.extend_from_slice(b"]\n");
}

/// Appends a JSON document.
pub fn write_json_doc(
    out: &mut Vec<u8>,
    t: &Table,
    doc: JsonDoc,
    opts: JsonOptions,
    stats: Option<&Statistics>,
) -> Result<()> {
    let strings = matches!(doc, JsonDoc::Strings | JsonDoc::CompactStrings);
    let compact = matches!(doc, JsonDoc::Compact | JsonDoc::CompactStrings);
    let type_names: Vec<String> = t.types.iter().map(|ty| ty.to_string()).collect();
    out.extend_from_slice(b"{\n\t\"meta\":\n\t[\n");
    for (i, (n, ty)) in t.names.iter().zip(&type_names).enumerate() {
        out.extend_from_slice(b"\t\t{\n\t\t\t\"name\": ");
        write_json_string(out, n.as_bytes());
        out.extend_from_slice(b",\n\t\t\t\"type\": ");
        write_json_string(out, ty.as_bytes());
        out.extend_from_slice(if i + 1 == t.names.len() { b"\n\t\t}\n" } else { b"\n\t\t},\n" });
    }
    out.extend_from_slice(b"\t],\n\n\t\"data\":\n\t[\n");
    let mut scratch = Vec::new();
    let mut first = true;
    let mut rows = 0usize;
    for batch in t.batches {
        let cells = cells(t, batch, strings, opts)?;
        for row in 0..batch.num_rows() {
            if !first {
                out.extend_from_slice(b",\n");
            }
            first = false;
            if compact {
                out.extend_from_slice(b"\t\t");
                write_array_row(out, &cells, row, &mut scratch)?;
            } else {
                write_object(out, t.names, &cells, row, true, &mut scratch)?;
            }
        }
        rows += batch.num_rows();
    }
    out.extend_from_slice(b"\n\t],\n\n");
    if let Some(batch) = t.totals.iter().find(|b| b.num_rows() > 0) {
        let cells = cells(t, batch, strings, opts)?;
        if compact {
            out.extend_from_slice(b"\t\"totals\": ");
            write_array_row(out, &cells, 0, &mut scratch)?;
        } else {
            out.extend_from_slice(b"\t\"totals\":\n\t{\n");
            for (i, (name, cell)) in t.names.iter().zip(&cells).enumerate() {
                tabs(out, 2);
                write_json_string(out, name.as_bytes());
                out.extend_from_slice(b": ");
                cell.write(out, 0, Some(2), &mut scratch)?;
                out.extend_from_slice(if i + 1 == cells.len() { b"\n" } else { b",\n" });
            }
            out.extend_from_slice(b"\t}");
        }
        out.extend_from_slice(b",\n\n");
    }
    out.extend_from_slice(b"\t\"rows\": ");
    out.extend_from_slice(itoa::Buffer::new().format(rows).as_bytes());
    if let Some(n) = t.rows_before_limit {
        out.extend_from_slice(b",\n\n\t\"rows_before_limit_at_least\": ");
        out.extend_from_slice(itoa::Buffer::new().format(n).as_bytes());
    }
    if let Some(s) = stats {
        out.extend_from_slice(b",\n\n\t\"statistics\":\n\t{\n\t\t\"elapsed\": ");
        write_f64(out, s.elapsed_seconds);
        out.extend_from_slice(b",\n\t\t\"rows_read\": ");
        out.extend_from_slice(itoa::Buffer::new().format(s.rows_read).as_bytes());
        out.extend_from_slice(b",\n\t\t\"bytes_read\": ");
        out.extend_from_slice(itoa::Buffer::new().format(s.bytes_read).as_bytes());
        out.extend_from_slice(b"\n\t}");
    }
    out.extend_from_slice(b"\n}\n");
    Ok(())
}

/// Appends one JSON value per row and line; `names`/`types` add the header
/// lines of the `…WithNames` / `…WithNamesAndTypes` compact variants.
pub fn write_json_lines(
    out: &mut Vec<u8>,
    t: &Table,
    kind: JsonLines,
    names: bool,
    types: bool,
    opts: JsonOptions,
) -> Result<()> {
    if names {
        write_string_array(out, t.names.iter().map(|n| n.as_bytes()));
    }
    if types {
        let type_names: Vec<String> = t.types.iter().map(|ty| ty.to_string()).collect();
        write_string_array(out, type_names.iter().map(|n| n.as_bytes()));
    }
    let strings = matches!(kind, JsonLines::StringsEachRow | JsonLines::CompactStringsEachRow);
    let mut scratch = Vec::new();
    for batch in t.batches {
        let cells = cells(t, batch, strings, opts)?;
        for row in 0..batch.num_rows() {
            match kind {
                JsonLines::EachRow | JsonLines::StringsEachRow => {
                    write_object(out, t.names, &cells, row, false, &mut scratch)?
                }
                JsonLines::CompactEachRow | JsonLines::CompactStringsEachRow => {
                    write_array_row(out, &cells, row, &mut scratch)?
                }
            }
            out.push(b'\n');
        }
    }
    Ok(())
}

/// Appends `JSONObjectEachRow`: `{\n\t"row_1": {…},\n\t"row_2": {…}\n}\n`.
pub fn write_json_object_each_row(out: &mut Vec<u8>, t: &Table, opts: JsonOptions) -> Result<()> {
    out.extend_from_slice(b"{\n");
    let mut scratch = Vec::new();
    let mut n = 0usize;
    for batch in t.batches {
        let cells = cells(t, batch, false, opts)?;
        for row in 0..batch.num_rows() {
            if n > 0 {
                out.extend_from_slice(b",\n");
            }
            n += 1;
            out.extend_from_slice(b"\t\"row_");
            out.extend_from_slice(itoa::Buffer::new().format(n).as_bytes());
            out.extend_from_slice(b"\": ");
            write_object(out, t.names, &cells, row, false, &mut scratch)?;
        }
    }
    out.extend_from_slice(b"\n}\n");
    Ok(())
}
