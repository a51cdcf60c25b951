//! The Pretty family and Vertical (spec/formats.md §7): `PrettyCompact`,
//! `Pretty`, `PrettySpace` (+`MonoBlock`/`NoEscapes` spellings, which are the
//! same here: everything is one table and colour is never written) and
//! `Vertical`. Values are shown unescaped; NULL is `ᴺᵁᴸᴸ`; numbers and dates
//! are right-aligned; widths count East Asian wide characters as 2. At most
//! `output_format_pretty_max_rows` rows are shown (first half, a gap line,
//! last half, then `Showed N out of M rows.`). A short wide result (≤ 10
//! rows, ≥ 5 columns, ≥ 250 characters or a value with a line break) is written
//! as Vertical, as ClickHouse does. Named tuples show as indented JSON objects.

use arrow::array::RecordBatch;

use crate::error::Result;
use crate::formats::json_value::{JsonOptions, JsonValue};
use crate::formats::output::{check_columns, Table};
use crate::formats::text::{Escape, ValueWriter};
use crate::types::ChType;

/// Which Pretty layout.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PrettyKind {
    Compact,
    Full,
    Space,
}

const NULL: &str = "ᴺᵁᴸᴸ";

/// Display width of UTF-8 text (wide East Asian characters count 2; invalid bytes 1).
pub fn display_width(s: &[u8]) -> usize {
    display_width_at(s, 0)
}

/// Display width of text that starts at screen column `prefix`: a tab moves to
/// the next multiple of 4, as ClickHouse aligns tabs in Pretty output.
pub fn display_width_at(s: &[u8], prefix: usize) -> usize {
    let text = String::from_utf8_lossy(s);
    let mut pos = prefix;
    for c in text.chars() {
        pos = if c == '\t' { (pos / 4 + 1) * 4 } else { pos + char_width(c) };
    }
    pos - prefix
}

fn char_width(c: char) -> usize {
    let u = c as u32;
    let wide = matches!(u,
        0x1100..=0x115F | 0x2E80..=0x303E | 0x3041..=0x33FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF
        | 0xA000..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFF60
        | 0xFFE0..=0xFFE6 | 0x1F300..=0x1F64F | 0x1F900..=0x1F9FF | 0x20000..=0x3FFFD);
    if wide {
        2
    } else if (u < 0x20 && c != '\t') || matches!(u, 0x7F | 0x0300..=0x036F | 0x200B..=0x200F) {
        0
    } else {
        1
    }
}

fn right_aligned(ty: &ChType) -> bool {
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
            | ChType::Date
            | ChType::Date32
            | ChType::DateTime(_)
            | ChType::DateTime64(..)
    )
}

enum Cell {
    Text(ValueWriter),
    Json(JsonValue),
}

/// All cells of a set of batches as text, row by row.
fn cell_texts(t: &Table, batches: &[RecordBatch], json_tuples: bool) -> Result<Vec<Vec<Vec<u8>>>> {
    let mut rows = Vec::new();
    for batch in batches {
        check_columns(t, batch)?;
        // Named tuples are shown as indented JSON objects, as ClickHouse does.
        let writers = batch
            .columns()
            .iter()
            .zip(t.types)
            .map(|(c, ty)| match ty.base() {
                ChType::Tuple(_, Some(_)) if json_tuples => {
                    Ok(Cell::Json(JsonValue::new(c.as_ref(), ty, t.text, JsonOptions::default())?))
                }
                _ => Ok(Cell::Text(ValueWriter::new(c.as_ref(), ty, t.text)?)),
            })
            .collect::<Result<Vec<_>>>()?;
        let mut scratch = Vec::new();
        for row in 0..batch.num_rows() {
            let mut cells = Vec::with_capacity(writers.len());
            for w in &writers {
                let mut v = Vec::new();
                match w {
                    Cell::Text(w) if w.is_null(row) => v.extend_from_slice(NULL.as_bytes()),
                    Cell::Text(w) => w.write_non_null(&mut v, row, Escape::Raw)?,
                    Cell::Json(j) => {
                        let mut json = Vec::new();
                        j.write_pretty(&mut json, row, 0, &mut scratch)?;
                        for (i, line) in json.split(|&b| b == b'\n').enumerate() {
                            if i > 0 {
                                v.push(b'\n');
                            }
                            let tabs = line.iter().take_while(|&&b| b == b'\t').count();
                            v.extend(std::iter::repeat_n(b' ', tabs * 2));
                            v.extend_from_slice(&line[tabs..]);
                        }
                    }
                }
                cells.push(v);
            }
            rows.push(cells);
        }
    }
    Ok(rows)
}

fn pad(out: &mut Vec<u8>, n: usize, fill: &str) {
    for _ in 0..n {
        out.extend_from_slice(fill.as_bytes());
    }
}

/// Appends the result in a Pretty layout.
pub fn write_pretty(out: &mut Vec<u8>, t: &Table, kind: PrettyKind, max_rows: usize) -> Result<()> {
    let rows = cell_texts(t, t.batches, true)?;
    if rows.is_empty() {
        return Ok(());
    }
    let ncols = t.names.len();
    let right: Vec<bool> = t.types.iter().map(right_aligned).collect();
    let mut widths: Vec<usize> = t.names.iter().map(|n| display_width(n.as_bytes())).collect();
    let total = rows.len();
    let max_rows = max_rows.max(1);
    // Rows shown: all, or the first and last halves around a gap.
    let shown: Vec<usize> = if total > max_rows {
        let head = max_rows.div_ceil(2);
        (0..head).chain(total - (max_rows - head)..total).collect()
    } else {
        (0..total).collect()
    };
    let gutter = itoa::Buffer::new().format(total).len() + 2;
    // Each column's start on screen (tabs align to it), then its width.
    let mut starts = Vec::with_capacity(ncols);
    let mut start = gutter + if kind == PrettyKind::Space { 1 } else { 2 };
    for c in 0..ncols {
        starts.push(start);
        for &r in &shown {
            let w = rows[r][c].split(|&b| b == b'\n').map(|l| display_width_at(l, start)).max().unwrap_or(0);
            widths[c] = widths[c].max(w);
        }
        start += widths[c] + 3;
    }
    let l = Layout { widths: &widths, right: &right, starts: &starts };
    let table_width: usize = widths.iter().map(|w| w + 3).sum::<usize>() + 1;
    let multi_line = rows.iter().any(|r| r.iter().any(|v| v.contains(&b'\n')));
    if total <= 10 && ncols >= 5 && (table_width >= 250 || multi_line) {
        return write_vertical_as(out, t, true);
    }
    let footer_names = total >= 50;
    match kind {
        PrettyKind::Compact => {
            write_name_border(out, t, &l, gutter, ["┌", "┬", "┐"]);
        }
        PrettyKind::Full => {
            pad(out, gutter, " ");
            border(out, &widths, ["┏", "┳", "┓"], "━");
            write_full_names(out, t, &l, gutter);
            pad(out, gutter, " ");
            border(out, &widths, ["┡", "╇", "┩"], "━");
        }
        PrettyKind::Space => {
            write_space_header(out, t, &l, gutter);
            out.push(b'\n');
        }
    }
    let head = if total > max_rows { max_rows.div_ceil(2) } else { total };
    for (i, &r) in shown.iter().enumerate() {
        if i == head {
            pad(out, gutter, " ");
            let n = if kind == PrettyKind::Space { table_width - 2 } else { table_width };
            for k in 0..n {
                out.extend_from_slice(if k % 2 == 0 { "─".as_bytes() } else { b" " });
            }
            out.push(b'\n');
        } else if i > 0 && kind == PrettyKind::Full {
            pad(out, gutter, " ");
            border(out, &widths, ["├", "┼", "┤"], "─");
        }
        write_row(out, &rows[r], r + 1, &l, gutter, kind);
    }
    match kind {
        PrettyKind::Space if footer_names => {
            out.push(b'\n');
            write_space_header(out, t, &l, gutter);
            out.push(b'\n');
        }
        PrettyKind::Space => {}
        PrettyKind::Full if footer_names => {
            pad(out, gutter, " ");
            border(out, &widths, ["┢", "╈", "┪"], "━");
            write_full_names(out, t, &l, gutter);
            pad(out, gutter, " ");
            border(out, &widths, ["┗", "┻", "┛"], "━");
        }
        _ if footer_names => write_name_border(out, t, &l, gutter, ["└", "┴", "┘"]),
        _ => {
            pad(out, gutter, " ");
            border(out, &widths, ["└", "┴", "┘"], "─");
        }
    }
    if total > max_rows {
        out.extend_from_slice(format!("Showed {} out of {total} rows.\n", shown.len()).as_bytes());
    }
    if let Some(totals) = t.totals.iter().find(|b| b.num_rows() > 0) {
        out.extend_from_slice(b"\nTotals:\n");
        let sub = Table { batches: std::slice::from_ref(totals), totals: &[], ..*t };
        write_pretty(out, &sub, kind, max_rows)?;
    }
    Ok(())
}

/// `┃ name ┃ …┃` of the Pretty layout.
fn write_full_names(out: &mut Vec<u8>, t: &Table, l: &Layout, gutter: usize) {
    pad(out, gutter, " ");
    for (c, name) in t.names.iter().enumerate() {
        out.extend_from_slice("┃ ".as_bytes());
        write_cell(out, name.as_bytes(), l.widths[c], l.right[c], l.starts[c]);
        out.push(b' ');
    }
    out.extend_from_slice("┃\n".as_bytes());
}

/// The PrettySpace header line: names padded like the values, no trailing separator.
fn write_space_header(out: &mut Vec<u8>, t: &Table, l: &Layout, gutter: usize) {
    pad(out, gutter, " ");
    for (c, name) in t.names.iter().enumerate() {
        out.extend_from_slice(if c == 0 { b" " } else { b"   " });
        write_cell(out, name.as_bytes(), l.widths[c], l.right[c], l.starts[c]);
    }
    out.push(b'\n');
}

/// `┌─name─┬…┐` (names right-aligned in number columns).
fn write_name_border(out: &mut Vec<u8>, t: &Table, l: &Layout, gutter: usize, c: [&str; 3]) {
    let (widths, right) = (l.widths, l.right);
    pad(out, gutter, " ");
    out.extend_from_slice(c[0].as_bytes());
    for (i, name) in t.names.iter().enumerate() {
        if i > 0 {
            out.extend_from_slice(c[1].as_bytes());
        }
        let fill = widths[i].saturating_sub(display_width(name.as_bytes()));
        out.extend_from_slice("─".as_bytes());
        if right[i] {
            pad(out, fill, "─");
        }
        out.extend_from_slice(name.as_bytes());
        if !right[i] {
            pad(out, fill, "─");
        }
        out.extend_from_slice("─".as_bytes());
    }
    out.extend_from_slice(c[2].as_bytes());
    out.push(b'\n');
}

fn border(out: &mut Vec<u8>, widths: &[usize], c: [&str; 3], line: &str) {
    out.extend_from_slice(c[0].as_bytes());
    for (i, w) in widths.iter().enumerate() {
        if i > 0 {
            out.extend_from_slice(c[1].as_bytes());
        }
        pad(out, w + 2, line);
    }
    out.extend_from_slice(c[2].as_bytes());
    out.push(b'\n');
}

/// Column widths, alignment and screen start of a Pretty table.
struct Layout<'a> {
    widths: &'a [usize],
    right: &'a [bool],
    starts: &'a [usize],
}

fn write_cell(out: &mut Vec<u8>, v: &[u8], width: usize, right: bool, start: usize) {
    let fill = width.saturating_sub(display_width_at(v, start));
    if right {
        pad(out, fill, " ");
    }
    out.extend_from_slice(v);
    if !right {
        pad(out, fill, " ");
    }
}

fn write_row(out: &mut Vec<u8>, cells: &[Vec<u8>], number: usize, l: &Layout, gutter: usize, kind: PrettyKind) {
    let num = itoa::Buffer::new().format(number).len() + 2;
    pad(out, gutter.saturating_sub(num), " ");
    out.extend_from_slice(itoa::Buffer::new().format(number).as_bytes());
    out.extend_from_slice(b". ");
    // A value with line breaks continues on following lines: `v↴` … `↳rest`.
    let lines: Vec<Vec<&[u8]>> = cells.iter().map(|v| v.split(|&b| b == b'\n').collect()).collect();
    let height = lines.iter().map(Vec::len).max().unwrap_or(1);
    for line in 0..height {
        if line > 0 {
            pad(out, gutter, " ");
        }
        let bar: &[u8] = if kind == PrettyKind::Space { b" " } else { "│".as_bytes() };
        for (c, parts) in lines.iter().enumerate() {
            if c > 0 || kind != PrettyKind::Space {
                out.extend_from_slice(bar);
            }
            let cont = line > 0 && line < parts.len();
            out.extend_from_slice(if cont { "↳".as_bytes() } else { b" " });
            let text: &[u8] = parts.get(line).copied().unwrap_or(b"");
            write_cell(out, text, l.widths[c], l.right[c] && parts.len() == 1, l.starts[c]);
            out.extend_from_slice(if line + 1 < parts.len() { "↴".as_bytes() } else { b" " });
        }
        if kind != PrettyKind::Space {
            out.extend_from_slice(bar);
        }
        out.push(b'\n');
    }
}

/// Appends the result in the Vertical format.
pub fn write_vertical(out: &mut Vec<u8>, t: &Table) -> Result<()> {
    write_vertical_as(out, t, false)
}

/// Vertical layout; `json_tuples` when it stands in for a Pretty table.
fn write_vertical_as(out: &mut Vec<u8>, t: &Table, json_tuples: bool) -> Result<()> {
    let rows = cell_texts(t, t.batches, json_tuples)?;
    let name_width = t.names.iter().map(|n| display_width(n.as_bytes())).max().unwrap_or(0);
    for (i, row) in rows.iter().enumerate() {
        if i > 0 {
            out.push(b'\n');
        }
        let title = format!("Row {}:", i + 1);
        out.extend_from_slice(title.as_bytes());
        out.push(b'\n');
        pad(out, title.len(), "─");
        out.push(b'\n');
        for (name, v) in t.names.iter().zip(row) {
            out.extend_from_slice(name.as_bytes());
            out.push(b':');
            pad(out, name_width - display_width(name.as_bytes()) + 1, " ");
            out.extend_from_slice(v);
            out.push(b'\n');
        }
    }
    if let Some(totals) = t.totals.iter().find(|b| b.num_rows() > 0) {
        let rows = cell_texts(t, std::slice::from_ref(totals), json_tuples)?;
        if let Some(row) = rows.first() {
            out.extend_from_slice("\n\nTotals:\n───────\n".as_bytes());
            for (name, v) in t.names.iter().zip(row) {
                out.extend_from_slice(name.as_bytes());
                out.push(b':');
                pad(out, name_width - display_width(name.as_bytes()) + 1, " ");
                out.extend_from_slice(v);
                out.push(b'\n');
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths() {
        // chdb: 'a\x01' is 1 wide; tabs move to the next multiple of 4 of the screen column.
        assert_eq!(display_width("漢字".as_bytes()), 4);
        assert_eq!(display_width(b"a\x01"), 1);
        assert_eq!(display_width_at(b"a\tb", 5), 4);
        assert_eq!(display_width_at(b"a\tb", 10), 3);
        assert_eq!(display_width_at(b"back\\slash\x01", 10), 10);
    }
}
