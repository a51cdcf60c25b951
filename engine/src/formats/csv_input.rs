//! CSV input (spec/formats.md §4): `CSV`, `CSVWithNames`,
//! `CSVWithNamesAndTypes` for `INSERT … FORMAT CSV`. Fields may be quoted
//! with `"` (`""` is one quote) or bare; a bare `\N` is NULL; an empty bare
//! field is the column default; `\r\n` line ends are accepted. Header lines
//! are skipped (columns are taken in order).

use std::borrow::Cow;
use std::sync::Arc;

use arrow::array::{ArrayRef, RecordBatch, RecordBatchOptions};
use arrow::datatypes::{Field, Schema};

use crate::error::{Error, ErrorCode, Result};
use crate::formats::csv::CsvKind;
use crate::formats::parse::{parse_texts, strip_nulls, OnError};
use crate::formats::text::TextOptions;
use crate::types::ChType;

fn input_error(row: usize, what: &str) -> Error {
    Error::new(ErrorCode::CANNOT_PARSE_INPUT_ASSERTION_FAILED, format!("Cannot parse input: (at row {row}): {what}"))
}

/// One field read from `data` at `*pos`: None for NULL (bare `\N` or empty).
/// Leaves `*pos` on the delimiter or line end that follows.
fn read_field<'a>(data: &'a [u8], pos: &mut usize, delimiter: u8, row: usize) -> Result<Option<Cow<'a, [u8]>>> {
    let start = *pos;
    if data.get(start) == Some(&b'"') {
        let mut out: Vec<u8> = Vec::new();
        let mut i = start + 1;
        let mut seg = i;
        loop {
            match data.get(i) {
                None => return Err(input_error(row, "unterminated quoted field")),
                Some(b'"') if data.get(i + 1) == Some(&b'"') => {
                    out.extend_from_slice(&data[seg..=i]);
                    i += 2;
                    seg = i;
                }
                Some(b'"') => {
                    out.extend_from_slice(&data[seg..i]);
                    i += 1;
                    break;
                }
                Some(_) => i += 1,
            }
        }
        // Spaces may follow the closing quote.
        while matches!(data.get(i), Some(b' ' | b'\t')) && delimiter != b'\t' {
            i += 1;
        }
        *pos = i;
        return Ok(Some(Cow::Owned(out)));
    }
    let mut i = start;
    while i < data.len() && data[i] != delimiter && data[i] != b'\n' && data[i] != b'\r' {
        i += 1;
    }
    *pos = i;
    let field = &data[start..i];
    Ok(match field {
        b"" | b"\\N" => None,
        f => Some(Cow::Borrowed(f)),
    })
}

/// Reads CSV into one batch whose columns have Arrow types `ty.to_arrow()`.
pub fn read_csv(
    data: &[u8],
    types: &[ChType],
    opts: &TextOptions,
    kind: CsvKind,
    delimiter: u8,
) -> Result<RecordBatch> {
    let mut cols: Vec<Vec<Option<Cow<[u8]>>>> = types.iter().map(|_| Vec::new()).collect();
    let mut skip = match kind {
        CsvKind::Plain => 0,
        CsvKind::WithNames => 1,
        CsvKind::WithNamesAndTypes => 2,
    };
    let mut pos = 0usize;
    let mut rows = 0usize;
    while pos < data.len() {
        // A line: fields separated by the delimiter, ended by \n, \r\n or the end.
        let mut fields = Vec::with_capacity(types.len());
        loop {
            fields.push(read_field(data, &mut pos, delimiter, rows + 1)?);
            match data.get(pos) {
                Some(&d) if d == delimiter => pos += 1,
                Some(b'\r') if data.get(pos + 1) == Some(&b'\n') => {
                    pos += 2;
                    break;
                }
                Some(b'\n') => {
                    pos += 1;
                    break;
                }
                None => break,
                Some(_) => return Err(input_error(rows + 1, "expected a delimiter or the end of the line")),
            }
        }
        if skip > 0 {
            skip -= 1;
            continue;
        }
        rows += 1;
        if fields.len() != types.len() {
            let what = if fields.len() > types.len() {
                "there are more columns than expected"
            } else {
                "there are fewer columns than expected"
            };
            return Err(input_error(rows, what));
        }
        for (col, f) in cols.iter_mut().zip(fields) {
            col.push(f);
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
    RecordBatch::try_new_with_options(
        Arc::new(Schema::new(fields)),
        columns,
        &RecordBatchOptions::new().with_row_count(Some(rows)),
    )
    .map_err(|e| Error::new(ErrorCode::LOGICAL_ERROR, e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::formats::tsv::{write_tsv, TsvKind};
    use crate::types::parse_type;

    fn roundtrip(data: &[u8], types: &[&str], kind: CsvKind) -> Result<String> {
        let types: Vec<ChType> = types.iter().map(|t| parse_type(t).expect("type")).collect();
        let opts = TextOptions::default();
        let batch = read_csv(data, &types, &opts, kind, b',')?;
        let names: Vec<String> = (0..types.len()).map(|i| format!("c{i}")).collect();
        let mut out = Vec::new();
        write_tsv(&mut out, &[batch], &types, &names, &opts, TsvKind::Plain)?;
        Ok(String::from_utf8_lossy(&out).into_owned())
    }

    #[test]
    fn reads_csv() {
        // chdb: INSERT INTO t FORMAT CSV with these lines, then SELECT * FORMAT TSV.
        let got = roundtrip(
            b"1,\"a,\"\"b\",\\N,\"[1,2]\",2024-01-02\r\n2,plain,,\"[]\",\"2024-01-03\"\n",
            &["UInt32", "String", "Nullable(Int8)", "Array(UInt8)", "Date"],
            CsvKind::Plain,
        )
        .expect("csv");
        assert_eq!(got, "1\ta,\"b\t\\N\t[1,2]\t2024-01-02\n2\tplain\t\\N\t[]\t2024-01-03\n");
        let got = roundtrip(b"\"a\",\"b\"\n5,x\n", &["UInt8", "String"], CsvKind::WithNames).expect("names");
        assert_eq!(got, "5\tx\n");
        let e = roundtrip(b"1,2,3\n", &["UInt8", "UInt8"], CsvKind::Plain).expect_err("count");
        assert_eq!(e.code(), 27);
        let e = roundtrip(b"1,\"open\n", &["UInt8", "String"], CsvKind::Plain).expect_err("quote");
        assert_eq!(e.code(), 27);
        assert_eq!(roundtrip(b"", &["UInt8"], CsvKind::Plain).expect("empty"), "");
    }
}
