//! JSON input (spec/formats.md §5): `JSONEachRow` (objects, one per line, or
//! in an array, or separated by commas/whitespace; columns by key, unknown
//! keys skipped, missing keys and `null` take the column default) and
//! `JSONCompactEachRow` (+`WithNames`, `WithNamesAndTypes`: arrays, columns
//! in order or by the header's names).
//!
//! Each value is turned into ClickHouse's text form of the column type
//! (strings raw at the top level, quoted inside arrays/tuples/maps; JSON
//! arrays become `[…]` or `(…)` for tuples, objects `{…}` for maps and
//! `(…)` for named tuples) and then parsed by `formats::parse` like TSV text.

use std::borrow::Cow;
use std::sync::Arc;

use arrow::array::{ArrayRef, RecordBatch, RecordBatchOptions};
use arrow::datatypes::{Field, Schema};

use crate::error::{Error, ErrorCode, Result};
use crate::formats::parse::{parse_texts, strip_nulls, OnError};
use crate::formats::text::{write_escaped, TextOptions};
use crate::types::ChType;

/// Which JSON input layout.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JsonInput {
    /// `JSONEachRow`: objects.
    EachRow,
    /// `JSONCompactEachRow`: arrays; the flags say whether names / types header rows come first.
    CompactEachRow { names: bool, types: bool },
}

/// A parsed JSON value borrowing from the input where it can.
#[derive(Debug)]
enum JVal<'a> {
    Null,
    Bool(bool),
    Num(&'a [u8]),
    Str(Cow<'a, [u8]>),
    Arr(Vec<JVal<'a>>),
    Obj(Vec<(Cow<'a, [u8]>, JVal<'a>)>),
}

fn bad(msg: impl Into<String>) -> Error {
    Error::new(ErrorCode::INCORRECT_DATA, msg.into())
}

struct Reader<'a> {
    data: &'a [u8],
    pos: usize,
    depth: usize,
}

impl<'a> Reader<'a> {
    fn skip_ws(&mut self) {
        while matches!(self.data.get(self.pos), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.pos += 1;
        }
    }

    fn peek(&mut self) -> Option<u8> {
        self.skip_ws();
        self.data.get(self.pos).copied()
    }

    fn expect(&mut self, b: u8) -> Result<()> {
        if self.peek() == Some(b) {
            self.pos += 1;
            Ok(())
        } else {
            Err(bad(format!("Cannot parse JSON: expected '{}' at position {}", b as char, self.pos)))
        }
    }

    fn value(&mut self) -> Result<JVal<'a>> {
        self.depth += 1;
        if self.depth > 1000 {
            return Err(bad("JSON is nested too deeply"));
        }
        let v = match self.peek() {
            None => return Err(bad("Unexpected end of JSON input")),
            Some(b'{') => {
                self.pos += 1;
                let mut items = Vec::new();
                if self.peek() == Some(b'}') {
                    self.pos += 1;
                } else {
                    loop {
                        if self.peek() != Some(b'"') {
                            return Err(bad(format!("Cannot parse JSON: expected a key at position {}", self.pos)));
                        }
                        let k = self.string()?;
                        self.expect(b':')?;
                        items.push((k, self.value()?));
                        match self.peek() {
                            Some(b',') => self.pos += 1,
                            Some(b'}') => {
                                self.pos += 1;
                                break;
                            }
                            _ => return Err(bad(format!("Cannot parse JSON: expected ',' or '}}' at {}", self.pos))),
                        }
                    }
                }
                JVal::Obj(items)
            }
            Some(b'[') => {
                self.pos += 1;
                let mut items = Vec::new();
                if self.peek() == Some(b']') {
                    self.pos += 1;
                } else {
                    loop {
                        items.push(self.value()?);
                        match self.peek() {
                            Some(b',') => self.pos += 1,
                            Some(b']') => {
                                self.pos += 1;
                                break;
                            }
                            _ => return Err(bad(format!("Cannot parse JSON: expected ',' or ']' at {}", self.pos))),
                        }
                    }
                }
                JVal::Arr(items)
            }
            Some(b'"') => JVal::Str(self.string()?),
            Some(_) => {
                let start = self.pos;
                while self.pos < self.data.len()
                    && !matches!(self.data[self.pos], b',' | b']' | b'}' | b' ' | b'\t' | b'\n' | b'\r' | b':')
                {
                    self.pos += 1;
                }
                match &self.data[start..self.pos] {
                    b"null" => JVal::Null,
                    b"true" => JVal::Bool(true),
                    b"false" => JVal::Bool(false),
                    b"" => return Err(bad(format!("Cannot parse JSON: unexpected character at {start}"))),
                    n => JVal::Num(n),
                }
            }
        };
        self.depth -= 1;
        Ok(v)
    }

    /// A JSON string at `pos` (on its opening quote), unescaped.
    fn string(&mut self) -> Result<Cow<'a, [u8]>> {
        self.pos += 1;
        let start = self.pos;
        let data = self.data;
        while self.pos < data.len() && data[self.pos] != b'"' && data[self.pos] != b'\\' {
            self.pos += 1;
        }
        if data.get(self.pos) == Some(&b'"') {
            self.pos += 1;
            return Ok(Cow::Borrowed(&data[start..self.pos - 1]));
        }
        let mut out = data[start..self.pos].to_vec();
        loop {
            match data.get(self.pos) {
                None => return Err(bad("Cannot parse JSON: unterminated string")),
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(Cow::Owned(out));
                }
                Some(b'\\') => {
                    let c = *data.get(self.pos + 1).ok_or_else(|| bad("Cannot parse JSON: unterminated string"))?;
                    self.pos += 2;
                    match c {
                        b'n' => out.push(b'\n'),
                        b't' => out.push(b'\t'),
                        b'r' => out.push(b'\r'),
                        b'b' => out.push(8),
                        b'f' => out.push(12),
                        b'u' => {
                            let mut cp = self.hex4()?;
                            if (0xD800..0xDC00).contains(&cp) && data.get(self.pos..self.pos + 2) == Some(b"\\u") {
                                self.pos += 2;
                                let lo = self.hex4()?;
                                cp = 0x10000 + ((cp - 0xD800) << 10) + (lo.wrapping_sub(0xDC00) & 0x3FF);
                            }
                            let ch = char::from_u32(cp).unwrap_or('\u{FFFD}');
                            let mut buf = [0u8; 4];
                            out.extend_from_slice(ch.encode_utf8(&mut buf).as_bytes());
                        }
                        other => out.push(other),
                    }
                }
                Some(&b) => {
                    out.push(b);
                    self.pos += 1;
                }
            }
        }
    }

    fn hex4(&mut self) -> Result<u32> {
        let h = self.data.get(self.pos..self.pos + 4).ok_or_else(|| bad("Cannot parse JSON: bad \\u escape"))?;
        let s = std::str::from_utf8(h).map_err(|_| bad("Cannot parse JSON: bad \\u escape"))?;
        let v = u32::from_str_radix(s, 16).map_err(|_| bad("Cannot parse JSON: bad \\u escape"))?;
        self.pos += 4;
        Ok(v)
    }
}

/// Appends the text form of `v` as a value of `ty`: `quoted` inside composites.
fn to_text(out: &mut Vec<u8>, v: &JVal, ty: &ChType, quoted: bool) -> Result<()> {
    match v {
        JVal::Null => out.extend_from_slice(if quoted { b"NULL" } else { b"\\N" }),
        JVal::Bool(b) => out.extend_from_slice(if *b { b"true" } else { b"false" }),
        JVal::Num(n) => out.extend_from_slice(n),
        JVal::Str(s) => {
            if quoted {
                out.push(b'\'');
                write_escaped(out, s);
                out.push(b'\'');
            } else {
                out.extend_from_slice(s);
            }
        }
        JVal::Arr(items) => {
            let tuple = matches!(ty.base(), ChType::Tuple(..));
            out.push(if tuple { b'(' } else { b'[' });
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(b',');
                }
                let t = match ty.base() {
                    ChType::Array(e) => e.as_ref(),
                    ChType::Tuple(elems, _) => elems.get(i).unwrap_or(ty),
                    _ => ty,
                };
                to_text(out, item, t, true)?;
            }
            out.push(if tuple { b')' } else { b']' });
        }
        JVal::Obj(items) => match ty.base() {
            ChType::Tuple(elems, names) => {
                out.push(b'(');
                for (i, t) in elems.iter().enumerate() {
                    if i > 0 {
                        out.push(b',');
                    }
                    let name = names.as_ref().and_then(|n| n.get(i));
                    let found = items.iter().find(|(k, _)| name.is_some_and(|n| k.as_ref() == n.as_bytes()));
                    match found {
                        Some((_, v)) => to_text(out, v, t, true)?,
                        None => out.extend_from_slice(b"NULL"),
                    }
                }
                out.push(b')');
            }
            _ => {
                let (kt, vt) = match ty.base() {
                    ChType::Map(k, v) => (k.as_ref(), v.as_ref()),
                    _ => (ty, ty),
                };
                out.push(b'{');
                for (i, (k, v)) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(b',');
                    }
                    let key_is_string = matches!(kt.base(), ChType::String | ChType::FixedString(_));
                    if key_is_string {
                        out.push(b'\'');
                        write_escaped(out, k);
                        out.push(b'\'');
                    } else {
                        out.extend_from_slice(k);
                    }
                    out.push(b':');
                    to_text(out, v, vt, true)?;
                }
                out.push(b'}');
            }
        },
    }
    Ok(())
}

fn cell(v: &JVal, ty: &ChType) -> Result<Option<Vec<u8>>> {
    if matches!(v, JVal::Null) {
        return Ok(None);
    }
    let mut out = Vec::new();
    to_text(&mut out, v, ty, false)?;
    Ok(Some(out))
}

/// Reads JSON rows into one batch for the columns `names` of types `types`.
pub fn read_json(
    data: &[u8],
    names: &[String],
    types: &[ChType],
    opts: &TextOptions,
    layout: JsonInput,
) -> Result<RecordBatch> {
    let mut cols: Vec<Vec<Option<Vec<u8>>>> = types.iter().map(|_| Vec::new()).collect();
    let mut r = Reader { data, pos: 0, depth: 0 };
    // Rows may sit inside one top-level array.
    let in_array = layout == JsonInput::EachRow && r.peek() == Some(b'[');
    if in_array {
        r.pos += 1;
    }
    let mut positions: Option<Vec<Option<usize>>> = None;
    let mut header_rows = match layout {
        JsonInput::CompactEachRow { names, types } => names as usize + types as usize,
        JsonInput::EachRow => 0,
    };
    let mut rows = 0usize;
    loop {
        while matches!(r.peek(), Some(b',')) {
            r.pos += 1;
        }
        match r.peek() {
            None => break,
            Some(b']') if in_array => {
                r.pos += 1;
                continue;
            }
            _ => {}
        }
        let row = r.value()?;
        match (layout, row) {
            (JsonInput::EachRow, JVal::Obj(items)) => {
                rows += 1;
                let mut seen: Vec<Option<Vec<u8>>> = vec![None; types.len()];
                for (k, v) in &items {
                    if let Some(i) = names.iter().position(|n| n.as_bytes() == k.as_ref()) {
                        seen[i] = cell(v, &types[i])?;
                    }
                }
                for (c, v) in cols.iter_mut().zip(seen) {
                    c.push(v);
                }
            }
            (JsonInput::CompactEachRow { names: with_names, .. }, JVal::Arr(items)) => {
                if header_rows > 0 {
                    if with_names && positions.is_none() {
                        let mut p = Vec::with_capacity(items.len());
                        for it in &items {
                            let JVal::Str(s) = it else { return Err(bad("Column names must be JSON strings")) };
                            p.push(names.iter().position(|n| n.as_bytes() == s.as_ref()));
                        }
                        positions = Some(p);
                    }
                    header_rows -= 1;
                    continue;
                }
                rows += 1;
                let mut seen: Vec<Option<Vec<u8>>> = vec![None; types.len()];
                match &positions {
                    Some(p) => {
                        for (v, pos) in items.iter().zip(p) {
                            if let Some(i) = pos {
                                seen[*i] = cell(v, &types[*i])?;
                            }
                        }
                    }
                    None => {
                        if items.len() != types.len() {
                            return Err(Error::new(
                                ErrorCode::INCORRECT_DATA,
                                format!("Row {rows} has {} values, expected {}", items.len(), types.len()),
                            ));
                        }
                        for (i, v) in items.iter().enumerate() {
                            seen[i] = cell(v, &types[i])?;
                        }
                    }
                }
                for (c, v) in cols.iter_mut().zip(seen) {
                    c.push(v);
                }
            }
            _ => {
                let what = if layout == JsonInput::EachRow { "an object" } else { "an array" };
                return Err(bad(format!("Cannot parse JSON row {}: expected {what}", rows + 1)));
            }
        }
    }
    let mut columns: Vec<ArrayRef> = Vec::with_capacity(types.len());
    for (col, ty) in cols.iter().zip(types) {
        let texts: Vec<Option<&[u8]>> = col.iter().map(|t| t.as_deref()).collect();
        let parsed = parse_texts(&texts, ty, opts, OnError::Throw)?;
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

    fn read(data: &str, cols: &[(&str, &str)], layout: JsonInput) -> Result<String> {
        let names: Vec<String> = cols.iter().map(|c| c.0.to_string()).collect();
        let types: Vec<ChType> = cols.iter().map(|c| parse_type(c.1).expect("type")).collect();
        let opts = TextOptions::default();
        let batch = read_json(data.as_bytes(), &names, &types, &opts, layout)?;
        let mut out = Vec::new();
        write_tsv(&mut out, &[batch], &types, &names, &opts, TsvKind::Plain)?;
        Ok(String::from_utf8_lossy(&out).into_owned())
    }

    #[test]
    fn each_row() {
        // chdb: INSERT INTO t FORMAT JSONEachRow with these rows; SELECT * FORMAT TSV.
        let cols = [
            ("a", "UInt64"),
            ("s", "String"),
            ("arr", "Array(String)"),
            ("m", "Map(String, UInt8)"),
            ("n", "Nullable(Int8)"),
        ];
        let got = read(
            "{\"a\":\"5\",\"s\":\"x\\ty\\u00e9\",\"arr\":[\"p\",\"q'r\"],\"m\":{\"k\":1},\"zz\":3}\n{\"a\":6,\"n\":-1}\n",
            &cols,
            JsonInput::EachRow,
        )
        .expect("rows");
        assert_eq!(got, "5\tx\\tyé\t['p','q\\'r']\t{'k':1}\t\\N\n6\t\t[]\t{}\t-1\n");
        let got = read("[{\"a\":1},{\"a\":2}]", &cols[..1], JsonInput::EachRow).expect("array");
        assert_eq!(got, "1\n2\n");
        assert_eq!(read("{\"a\":1", &cols[..1], JsonInput::EachRow).expect_err("bad").code(), 117);
    }

    #[test]
    fn compact_each_row() {
        let cols = [("a", "UInt8"), ("t", "Tuple(UInt8, String)"), ("d", "Date")];
        let got = read(
            "[1, [2, \"x\"], \"2024-01-02\"]\n[3, [4, \"y\"], null]\n",
            &cols,
            JsonInput::CompactEachRow { names: false, types: false },
        )
        .expect("rows");
        assert_eq!(got, "1\t(2,'x')\t2024-01-02\n3\t(4,'y')\t1970-01-01\n");
        let got = read(
            "[\"d\", \"a\"]\n[\"Date\", \"UInt8\"]\n[\"2024-01-03\", 7]\n",
            &cols,
            JsonInput::CompactEachRow { names: true, types: true },
        )
        .expect("names");
        assert_eq!(got, "7\t(0,'')\t2024-01-03\n");
    }
}
