//! Text → Array/Tuple/Map values: `[1,2]`, `('a',1)`, `{'k':1}`. Each element is
//! cut out of the text (quoted strings unescaped, `NULL` → NULL, nested
//! brackets kept whole) and the elements are parsed as one column by `parse`.

use arrow::array::ArrayRef;

use crate::error::{Error, ErrorCode, Result};
use crate::formats::parse::{list_from, map_from, parse_owned, struct_from, OnError};
use crate::formats::text::TextOptions;
use crate::types::ChType;

type Elem = Option<Vec<u8>>;

struct Cursor<'a> {
    s: &'a [u8],
    pos: usize,
}

impl Cursor<'_> {
    fn skip_ws(&mut self) {
        while self.pos < self.s.len() && self.s[self.pos].is_ascii_whitespace() {
            self.pos += 1;
        }
    }

    fn peek(&self) -> Option<u8> {
        self.s.get(self.pos).copied()
    }

    fn eat(&mut self, c: u8) -> bool {
        self.skip_ws();
        if self.peek() == Some(c) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    /// Reads a single-quoted string with backslash escapes (cursor on the quote).
    fn quoted(&mut self) -> Option<Vec<u8>> {
        let mut out = Vec::new();
        self.pos += 1;
        while let Some(c) = self.peek() {
            self.pos += 1;
            match c {
                b'\'' => {
                    if self.peek() == Some(b'\'') {
                        out.push(b'\'');
                        self.pos += 1;
                    } else {
                        return Some(out);
                    }
                }
                b'\\' => {
                    let e = self.peek()?;
                    self.pos += 1;
                    match e {
                        b't' => out.push(b'\t'),
                        b'n' => out.push(b'\n'),
                        b'r' => out.push(b'\r'),
                        b'0' => out.push(0),
                        b'b' => out.push(8),
                        b'f' => out.push(12),
                        b'a' => out.push(7),
                        b'v' => out.push(11),
                        b'x' => {
                            let h = self.s.get(self.pos..self.pos + 2)?;
                            let v = u8::from_str_radix(std::str::from_utf8(h).ok()?, 16).ok()?;
                            out.push(v);
                            self.pos += 2;
                        }
                        b'\\' | b'\'' | b'"' => out.push(e),
                        other => {
                            out.push(b'\\');
                            out.push(other);
                        }
                    }
                }
                other => out.push(other),
            }
        }
        None
    }

    /// Reads one element: quoted string, NULL, nested bracket group, or bare token.
    fn element(&mut self) -> Option<Elem> {
        self.skip_ws();
        match self.peek()? {
            b'\'' => self.quoted().map(Some),
            b'[' | b'(' | b'{' => {
                let start = self.pos;
                let mut depth = 0i32;
                while let Some(c) = self.peek() {
                    match c {
                        b'\'' => {
                            self.quoted()?;
                            continue;
                        }
                        b'[' | b'(' | b'{' => depth += 1,
                        b']' | b')' | b'}' => {
                            depth -= 1;
                            if depth == 0 {
                                self.pos += 1;
                                return Some(Some(self.s[start..self.pos].to_vec()));
                            }
                        }
                        _ => {}
                    }
                    self.pos += 1;
                }
                None
            }
            _ => {
                let start = self.pos;
                while let Some(c) = self.peek() {
                    if matches!(c, b',' | b']' | b')' | b'}' | b':') {
                        break;
                    }
                    self.pos += 1;
                }
                let tok = self.s[start..self.pos].trim_ascii();
                if tok.is_empty() {
                    return None;
                }
                if tok.eq_ignore_ascii_case(b"null") {
                    Some(None)
                } else {
                    Some(Some(tok.to_vec()))
                }
            }
        }
    }

    /// Reads `open elem (sep elem)* close` where each item is `per_item` elements joined by `:`.
    /// `Err(Some(c))`: the text ended where `c` was expected; `Err(None)`: any other malformation.
    fn group(&mut self, open: u8, close: u8, per_item: usize) -> std::result::Result<Vec<Elem>, Option<u8>> {
        let mut out = Vec::new();
        if !self.eat(open) {
            return Err(None);
        }
        if self.eat(close) {
            return Ok(out);
        }
        if self.at_end() {
            return Err(Some(close));
        }
        loop {
            for k in 0..per_item {
                if k > 0 && !self.eat(b':') {
                    return Err(self.at_end().then_some(b':'));
                }
                out.push(self.element().ok_or(None)?);
            }
            if self.eat(close) {
                return Ok(out);
            }
            if !self.eat(b',') {
                return Err(self.at_end().then_some(close));
            }
        }
    }

    /// Whether only whitespace is left.
    fn at_end(&mut self) -> bool {
        self.skip_ws();
        self.pos >= self.s.len()
    }
}

fn parse_one(text: &[u8], open: u8, close: u8, per_item: usize, ty: &ChType) -> Result<Vec<Elem>> {
    let mut c = Cursor { s: text, pos: 0 };
    match c.group(open, close, per_item) {
        Ok(g) if c.at_end() => Ok(g),
        Err(Some(expected)) => Err(Error::new(
            ErrorCode::CANNOT_PARSE_INPUT_ASSERTION_FAILED,
            format!("Cannot parse input: expected '{}' at end of stream", expected as char),
        )),
        _ => Err(bad(text, ty)),
    }
}

fn bad(text: &[u8], ty: &ChType) -> Error {
    Error::new(ErrorCode::CANNOT_PARSE_TEXT, format!("Cannot parse string '{}' as {ty}", String::from_utf8_lossy(text)))
}

/// Parses texts of an Array, Tuple or Map type (`ty` without Nullable).
pub fn parse_composite(
    texts: &[Option<&[u8]>],
    ty: &ChType,
    opts: &TextOptions,
    on_error: OnError,
) -> Result<ArrayRef> {
    let (open, close, per_item) = match ty {
        ChType::Array(_) => (b'[', b']', 1),
        ChType::Tuple(..) => (b'(', b')', 1),
        ChType::Map(..) => (b'{', b'}', 2),
        _ => return Err(Error::new(ErrorCode::LOGICAL_ERROR, format!("not a composite type: {ty}"))),
    };
    let mut rows: Vec<Option<Vec<Elem>>> = Vec::with_capacity(texts.len());
    for t in texts {
        match t {
            None => rows.push(None),
            Some(t) => match parse_one(t, open, close, per_item, ty) {
                Ok(g) => rows.push(Some(g)),
                Err(e) => match on_error {
                    OnError::Throw => return Err(e),
                    OnError::Null => rows.push(None),
                    OnError::Default => rows.push(Some(Vec::new())),
                },
            },
        }
    }
    match ty {
        ChType::Array(elem) => {
            let lens: Vec<Option<usize>> = rows.iter().map(|r| r.as_ref().map(Vec::len)).collect();
            let all: Vec<Elem> = rows.into_iter().flatten().flatten().collect();
            let values = parse_owned(&all, elem, opts, on_error)?;
            list_from(ty, &lens, values)
        }
        ChType::Map(k, v) => {
            let lens: Vec<Option<usize>> = rows.iter().map(|r| r.as_ref().map(|g| g.len() / 2)).collect();
            let mut keys = Vec::new();
            let mut values = Vec::new();
            for (i, e) in rows.into_iter().flatten().flatten().enumerate() {
                if i % 2 == 0 {
                    keys.push(e);
                } else {
                    values.push(e);
                }
            }
            let keys = parse_owned(&keys, &k.remove_nullable(), opts, on_error)?;
            let values = parse_owned(&values, v, opts, on_error)?;
            map_from(ty, &lens, keys, values)
        }
        ChType::Tuple(elems, _) => {
            let mut cols: Vec<Vec<Elem>> = vec![Vec::with_capacity(rows.len()); elems.len()];
            let mut valid = Vec::with_capacity(rows.len());
            for (row, t) in rows.into_iter().zip(texts) {
                match row {
                    Some(g) if g.len() == elems.len() => {
                        valid.push(true);
                        for (c, e) in cols.iter_mut().zip(g) {
                            c.push(e);
                        }
                    }
                    Some(_) if on_error == OnError::Throw => return Err(bad(t.unwrap_or_default(), ty)),
                    other => {
                        valid.push(other.is_some() && on_error == OnError::Default);
                        cols.iter_mut().for_each(|c| c.push(None));
                    }
                }
            }
            let columns =
                cols.iter().zip(elems).map(|(c, t)| parse_owned(c, t, opts, on_error)).collect::<Result<Vec<_>>>()?;
            struct_from(ty, &valid, columns)
        }
        _ => Err(Error::new(ErrorCode::LOGICAL_ERROR, format!("not a composite type: {ty}"))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::types::parse_type;

    fn code(text: &str, ty: &str) -> i32 {
        let ty = parse_type(ty).unwrap();
        let err = parse_composite(&[Some(text.as_bytes())], &ty, &TextOptions::default(), OnError::Throw).unwrap_err();
        err.code()
    }

    #[test]
    fn unterminated_text_is_an_assertion_failure() {
        // chdb: CAST('[1,2' AS Array(UInt8)), '[', '[(1,2)', '(1,2' as Tuple(UInt8, UInt8) → 27
        assert_eq!(code("[1,2", "Array(UInt8)"), 27);
        assert_eq!(code("[", "Array(UInt8)"), 27);
        assert_eq!(code("[(1,2)", "Array(Tuple(UInt8, UInt8))"), 27);
        assert_eq!(code("(1,2", "Tuple(UInt8, UInt8)"), 27);
        // Other malformed texts stay CANNOT_PARSE_TEXT here.
        assert_eq!(code("1,2]", "Array(UInt8)"), 6);
        let ok = parse_composite(
            &[Some(b"[1, 2 ,3] ".as_slice())],
            &parse_type("Array(UInt8)").unwrap(),
            &TextOptions::default(),
            OnError::Throw,
        )
        .unwrap();
        assert_eq!(ok.len(), 1);
    }
}
