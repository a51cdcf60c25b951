//! Parses ClickHouse type names (`Nullable(Array(String))`, `Decimal32(2)`,
//! `Enum8('a' = 1)`, `Tuple(a UInt8, b String)`, SQL aliases such as `BIGINT`).
//! Names are case-sensitive except the SQL-compatibility aliases, as in
//! ClickHouse's `DataTypeFactory`.

use super::{ChType, IntervalKind};
use crate::error::{Error, ErrorCode, Result};

/// Parses a full type name; trailing text is an error.
pub fn parse_type(text: &str) -> Result<ChType> {
    let mut p = TypeParser { s: text.as_bytes(), pos: 0, text, depth: 0 };
    let t = p.parse()?;
    p.skip_ws();
    if p.pos != p.s.len() {
        return Err(p.syntax("end of type name"));
    }
    Ok(t)
}

struct TypeParser<'a> {
    s: &'a [u8],
    pos: usize,
    text: &'a str,
    depth: usize,
}

enum Arg {
    Type(ChType),
    Number(i64),
    Str(String),
    EnumItem(String, i64),
    Named(String, ChType),
    Ident(String),
}

impl<'a> TypeParser<'a> {
    fn syntax(&self, expected: &str) -> Error {
        Error::new(
            ErrorCode::SYNTAX_ERROR,
            format!(
                "Syntax error: failed at position {} in type name '{}': expected {expected}",
                self.pos + 1,
                self.text
            ),
        )
    }

    fn skip_ws(&mut self) {
        while self.pos < self.s.len() && self.s[self.pos].is_ascii_whitespace() {
            self.pos += 1;
        }
    }

    fn peek(&mut self) -> Option<u8> {
        self.skip_ws();
        self.s.get(self.pos).copied()
    }

    fn ident(&mut self) -> Option<String> {
        self.skip_ws();
        let start = self.pos;
        while self.pos < self.s.len() && (self.s[self.pos].is_ascii_alphanumeric() || self.s[self.pos] == b'_') {
            self.pos += 1;
        }
        if start == self.pos || self.s[start].is_ascii_digit() {
            self.pos = start;
            return None;
        }
        Some(self.text[start..self.pos].to_string())
    }

    fn string(&mut self) -> Result<String> {
        self.skip_ws();
        let quote = self.s[self.pos];
        self.pos += 1;
        let mut out = Vec::new();
        loop {
            let Some(&c) = self.s.get(self.pos) else { return Err(self.syntax("closing quote")) };
            self.pos += 1;
            if c == b'\\' {
                let Some(&n) = self.s.get(self.pos) else { return Err(self.syntax("escaped character")) };
                self.pos += 1;
                out.push(n);
            } else if c == quote {
                break;
            } else {
                out.push(c);
            }
        }
        Ok(String::from_utf8_lossy(&out).into_owned())
    }

    fn number(&mut self) -> Result<Arg> {
        self.skip_ws();
        let start = self.pos;
        if self.s.get(self.pos) == Some(&b'-') {
            self.pos += 1;
        }
        while self.pos < self.s.len() && self.s[self.pos].is_ascii_digit() {
            self.pos += 1;
        }
        let t = &self.text[start..self.pos];
        t.parse::<i64>().map(Arg::Number).map_err(|_| self.syntax("number"))
    }

    fn arg(&mut self) -> Result<Arg> {
        match self.peek() {
            Some(b'\'') => {
                let name = self.string()?;
                if self.peek() == Some(b'=') {
                    self.pos += 1;
                    match self.number()? {
                        Arg::Number(n) => Ok(Arg::EnumItem(name, n)),
                        _ => Err(self.syntax("enum value")),
                    }
                } else {
                    Ok(Arg::Str(name))
                }
            }
            Some(c) if c.is_ascii_digit() || c == b'-' => self.number(),
            _ => {
                let save = self.pos;
                let Some(word) = self.ident() else { return Err(self.syntax("type")) };
                // `name Type` inside Tuple: an identifier followed by another identifier.
                let after = self.pos;
                if let Some(c) = self.peek() {
                    if c.is_ascii_alphabetic() {
                        let t = self.parse()?;
                        return Ok(Arg::Named(word, t));
                    }
                }
                self.pos = after;
                if self.peek() == Some(b'(') || is_type_word(&word) {
                    self.pos = save;
                    return Ok(Arg::Type(self.parse()?));
                }
                Ok(Arg::Ident(word))
            }
        }
    }

    fn args(&mut self) -> Result<Vec<Arg>> {
        let mut args = Vec::new();
        if self.peek() != Some(b'(') {
            return Ok(args);
        }
        self.pos += 1;
        if self.peek() == Some(b')') {
            self.pos += 1;
            return Ok(args);
        }
        loop {
            args.push(self.arg()?);
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b')') => {
                    self.pos += 1;
                    return Ok(args);
                }
                _ => return Err(self.syntax("',' or ')'")),
            }
        }
    }

    /// `AggregateFunction(name[(params)], T…)`: the function part is kept as text.
    fn aggregate_args(&mut self) -> Result<Vec<Arg>> {
        if self.peek() != Some(b'(') {
            return Err(self.syntax("'('"));
        }
        self.pos += 1;
        self.skip_ws();
        let start = self.pos;
        let mut depth = 0usize;
        while let Some(&c) = self.s.get(self.pos) {
            match c {
                b'(' => depth += 1,
                b')' if depth == 0 => break,
                b')' => depth -= 1,
                b',' if depth == 0 => break,
                _ => {}
            }
            self.pos += 1;
        }
        let func: String = self.text[start..self.pos].split_whitespace().collect::<Vec<_>>().join(" ");
        let mut args = vec![Arg::Ident(func)];
        loop {
            match self.peek() {
                Some(b',') => {
                    self.pos += 1;
                    args.push(Arg::Type(self.parse()?));
                }
                Some(b')') => {
                    self.pos += 1;
                    return Ok(args);
                }
                _ => return Err(self.syntax("',' or ')'")),
            }
        }
    }

    fn parse(&mut self) -> Result<ChType> {
        self.depth += 1;
        if self.depth > 100 {
            return Err(Error::new(ErrorCode::TOO_DEEP_AST, "Type name is nested too deeply"));
        }
        let Some(name) = self.ident() else { return Err(self.syntax("type name")) };
        let mut args = if name == "AggregateFunction" || name == "SimpleAggregateFunction" {
            self.aggregate_args()?
        } else {
            self.args()?
        };
        let t = build(&name, &mut args).map_err(|e| {
            if e.error_code() == ErrorCode::UNKNOWN_TYPE && e.message().is_empty() {
                Error::new(ErrorCode::UNKNOWN_TYPE, format!("Unknown data type family: {name}"))
            } else {
                e
            }
        })?;
        self.depth -= 1;
        Ok(t)
    }
}

fn is_type_word(w: &str) -> bool {
    build(w, &mut Vec::new()).is_ok()
}

fn bad(name: &str, what: &str) -> Error {
    Error::new(ErrorCode::BAD_ARGUMENTS, format!("Data type {name} {what}"))
}

fn int_arg(args: &[Arg], i: usize, name: &str) -> Result<i64> {
    match args.get(i) {
        Some(Arg::Number(n)) => Ok(*n),
        _ => Err(bad(name, "expects a number argument")),
    }
}

fn type_arg(args: &mut [Arg], i: usize, name: &str) -> Result<ChType> {
    match args.get_mut(i) {
        Some(Arg::Type(t)) => Ok(std::mem::replace(t, ChType::Nothing)),
        Some(Arg::Ident(w)) => build(&w.clone(), &mut Vec::new()),
        _ => Err(bad(name, "expects a type argument")),
    }
}

fn tz_arg(args: &[Arg], i: usize, name: &str) -> Result<Option<String>> {
    match args.get(i) {
        None => Ok(None),
        Some(Arg::Str(s)) => {
            if s.parse::<chrono_tz::Tz>().is_err() && s != "UTC" {
                return Err(Error::new(ErrorCode::BAD_ARGUMENTS, format!("Invalid time zone: {s}")));
            }
            Ok(Some(s.clone()))
        }
        _ => Err(bad(name, "expects a time zone string")),
    }
}

fn decimal(name: &str, p: i64, s: i64) -> Result<ChType> {
    if !(1..=76).contains(&p) {
        return Err(Error::new(
            ErrorCode::ARGUMENT_OUT_OF_BOUND,
            format!("Precision {p} is out of bounds (precision range: [1, 76])"),
        ));
    }
    if s < 0 || s > p {
        return Err(Error::new(
            ErrorCode::ARGUMENT_OUT_OF_BOUND,
            format!("Scale {s} is out of bounds (max scale: {p}) for {name}"),
        ));
    }
    Ok(ChType::Decimal(p as u8, s as u8))
}

fn no_args(name: &str, args: &[Arg], t: ChType) -> Result<ChType> {
    if !args.is_empty() {
        return Err(bad(name, "cannot have arguments"));
    }
    Ok(t)
}

fn build(name: &str, args: &mut Vec<Arg>) -> Result<ChType> {
    let lower = name.to_ascii_lowercase();
    let simple = match name {
        "Nothing" => Some(ChType::Nothing),
        "Bool" => Some(ChType::Bool),
        "UInt8" => Some(ChType::UInt8),
        "UInt16" => Some(ChType::UInt16),
        "UInt32" => Some(ChType::UInt32),
        "UInt64" => Some(ChType::UInt64),
        "UInt128" => Some(ChType::UInt128),
        "UInt256" => Some(ChType::UInt256),
        "Int8" => Some(ChType::Int8),
        "Int16" => Some(ChType::Int16),
        "Int32" => Some(ChType::Int32),
        "Int64" => Some(ChType::Int64),
        "Int128" => Some(ChType::Int128),
        "Int256" => Some(ChType::Int256),
        "Float32" => Some(ChType::Float32),
        "Float64" => Some(ChType::Float64),
        "String" => Some(ChType::String),
        "Date" => Some(ChType::Date),
        "Date32" => Some(ChType::Date32),
        "UUID" => Some(ChType::UUID),
        "IPv4" => Some(ChType::IPv4),
        "IPv6" => Some(ChType::IPv6),
        _ => None,
    };
    // SQL-compatibility aliases are case-insensitive.
    let simple = simple.or(match lower.as_str() {
        "bool" | "boolean" => Some(ChType::Bool),
        "tinyint" | "int1" | "byte" | "tinyint signed" => Some(ChType::Int8),
        "smallint" | "int2" => Some(ChType::Int16),
        "int" | "integer" | "int4" | "mediumint" => Some(ChType::Int32),
        "bigint" | "int8" if name != "Int8" => Some(ChType::Int64),
        "float" | "real" | "single" => Some(ChType::Float32),
        "double" => Some(ChType::Float64),
        "text" | "varchar" | "char" | "tinytext" | "mediumtext" | "longtext" | "blob" | "tinyblob" | "mediumblob"
        | "longblob" | "bytea" | "character" | "nchar" | "nvarchar" | "clob" | "binary" | "varbinary" => {
            Some(ChType::String)
        }
        _ => None,
    });
    if let Some(t) = simple {
        // VARCHAR(255) and similar take an ignored length.
        if t == ChType::String && name != "String" {
            return Ok(t);
        }
        return no_args(name, args, t);
    }
    match name {
        "FixedString" => {
            let n = int_arg(args, 0, name)?;
            if n <= 0 || n > 0xFFFFFF {
                return Err(Error::new(ErrorCode::ARGUMENT_OUT_OF_BOUND, "FixedString size is out of bounds"));
            }
            Ok(ChType::FixedString(n as usize))
        }
        "DateTime" => Ok(ChType::DateTime(tz_arg(args, 0, name)?)),
        "DateTime64" => {
            let p = int_arg(args, 0, name)?;
            if !(0..=9).contains(&p) {
                return Err(Error::new(
                    ErrorCode::ARGUMENT_OUT_OF_BOUND,
                    format!("Scale {p} is out of bounds (max scale: 9)"),
                ));
            }
            Ok(ChType::DateTime64(p as u8, tz_arg(args, 1, name)?))
        }
        "Decimal32" => decimal(name, 9, int_arg(args, 0, name)?),
        "Decimal64" => decimal(name, 18, int_arg(args, 0, name)?),
        "Decimal128" => decimal(name, 38, int_arg(args, 0, name)?),
        "Decimal256" => decimal(name, 76, int_arg(args, 0, name)?),
        "Nullable" => {
            let inner = type_arg(args, 0, name)?;
            if !inner.can_be_inside_nullable() {
                return Err(Error::new(
                    ErrorCode::ILLEGAL_TYPE_OF_ARGUMENT,
                    format!("Nested type {inner} cannot be inside Nullable type"),
                ));
            }
            Ok(ChType::Nullable(Box::new(inner)))
        }
        "LowCardinality" => Ok(ChType::LowCardinality(Box::new(type_arg(args, 0, name)?))),
        "Array" => Ok(ChType::Array(Box::new(type_arg(args, 0, name)?))),
        "Map" => {
            let k = type_arg(args, 0, name)?;
            let v = type_arg(args, 1, name)?;
            Ok(ChType::Map(Box::new(k), Box::new(v)))
        }
        "Tuple" => {
            let mut elems = Vec::new();
            let mut names = Vec::new();
            for a in args.drain(..) {
                match a {
                    Arg::Type(t) => elems.push(t),
                    Arg::Ident(w) => elems.push(build(&w, &mut Vec::new())?),
                    Arg::Named(n, t) => {
                        names.push(n);
                        elems.push(t)
                    }
                    _ => return Err(bad(name, "expects types as arguments")),
                }
            }
            if elems.is_empty() {
                return Err(bad(name, "cannot be empty"));
            }
            let names = if names.len() == elems.len() { Some(names) } else { None };
            Ok(ChType::Tuple(elems, names))
        }
        "Enum8" | "Enum16" | "Enum" => {
            let mut items = Vec::new();
            let mut next = 1i64;
            for a in args.drain(..) {
                match a {
                    Arg::EnumItem(n, v) => {
                        next = v + 1;
                        items.push((n, v))
                    }
                    Arg::Str(n) => {
                        items.push((n, next));
                        next += 1;
                    }
                    _ => return Err(bad(name, "expects 'name' = value arguments")),
                }
            }
            if items.is_empty() {
                return Err(bad(name, "cannot be empty"));
            }
            let fits8 = items.iter().all(|(_, v)| i8::try_from(*v).is_ok());
            if name == "Enum8" || (name == "Enum" && fits8) {
                let mut out = Vec::new();
                for (n, v) in items {
                    let v = i8::try_from(v).map_err(|_| bad(name, "value out of range"))?;
                    out.push((n, v));
                }
                Ok(ChType::Enum8(out))
            } else {
                let mut out = Vec::new();
                for (n, v) in items {
                    let v = i16::try_from(v).map_err(|_| bad(name, "value out of range"))?;
                    out.push((n, v));
                }
                Ok(ChType::Enum16(out))
            }
        }
        "AggregateFunction" | "SimpleAggregateFunction" => {
            let mut it = args.drain(..);
            let func = match it.next() {
                Some(Arg::Ident(f)) => f,
                Some(Arg::Type(t)) => t.to_string(),
                _ => return Err(bad(name, "expects a function name")),
            };
            let mut types = Vec::new();
            for a in it {
                match a {
                    Arg::Type(t) => types.push(t),
                    Arg::Ident(w) => types.push(build(&w, &mut Vec::new())?),
                    _ => return Err(bad(name, "expects types after the function name")),
                }
            }
            Ok(ChType::AggregateFunction(func, types))
        }
        _ => {
            if lower == "decimal" || lower == "numeric" || lower == "dec" {
                let p = if args.is_empty() { 10 } else { int_arg(args, 0, name)? };
                let s = if args.len() > 1 { int_arg(args, 1, name)? } else { 0 };
                return decimal(name, p, s);
            }
            if let Some(rest) = name.strip_prefix("Interval") {
                if let Some(k) = IntervalKind::from_keyword(rest) {
                    return Ok(ChType::Interval(k));
                }
            }
            Err(Error::new(ErrorCode::UNKNOWN_TYPE, format!("Unknown data type family: {name}")))
        }
    }
}
