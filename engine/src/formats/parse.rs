//! Text → values: how ClickHouse reads a value of each type from text (TSV
//! fields, VALUES literals, `toDate('…')`, `CAST('…' AS T)`, `toInt32('12')`).
//!
//! Integers wrap like ClickHouse's (`toUInt8('300')` = 44). Composite values
//! (`[1,2]`, `(1,'x')`, `{'k':1}`) are split into element texts that are parsed
//! recursively as columns. Storage layouts are those documented in `text.rs`.

use std::sync::Arc;

use arrow::array::{
    Array, ArrayRef, AsArray, BinaryViewArray, BooleanBuilder, FixedSizeBinaryBuilder, ListArray, MapArray, NullArray,
    PrimitiveBuilder, StructArray,
};
use arrow::buffer::{NullBuffer, OffsetBuffer};
use arrow::datatypes::{self as t, i256, ArrowPrimitiveType, DataType, TimeUnit};

use crate::error::{Error, ErrorCode, Result};
use crate::formats::text::{days_from_civil, encode_u128_key, uuid_to_storage, TextOptions, Zone};
use crate::types::{datetime64_unit, ChType};

/// What to do with text that does not parse.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OnError {
    /// Fail with ClickHouse's code (CANNOT_PARSE_TEXT 6, CANNOT_PARSE_DATE 38 …).
    Throw,
    /// NULL (the `…OrNull` functions).
    Null,
    /// The type's default (the `…OrZero` functions).
    Default,
}

/// Parses every value of a String (BinaryView) or FixedString column as type
/// `ty`, in the basic (strict) text format. NULL input rows stay NULL.
pub fn parse_column(strings: &dyn Array, ty: &ChType, opts: &TextOptions, on_error: OnError) -> Result<ArrayRef> {
    let mut texts = texts_of(strings)?;
    if ty.is_nullable() && !ty.is_string_or_fixed() {
        // CAST('\\N' AS Nullable(Int32)) and CAST('null' AS Nullable(Int32)) are NULL.
        for t in texts.iter_mut() {
            if t.is_some_and(|t| t == b"\\N" || t.eq_ignore_ascii_case(b"null")) {
                *t = None;
            }
        }
    }
    parse_texts(&texts, ty, opts, on_error)
}

/// The input strings as optional byte slices.
fn texts_of(strings: &dyn Array) -> Result<Vec<Option<&[u8]>>> {
    Ok(match strings.data_type() {
        DataType::BinaryView => strings.as_binary_view().iter().collect(),
        DataType::Utf8View => strings.as_string_view().iter().map(|s| s.map(str::as_bytes)).collect(),
        DataType::Binary => strings.as_binary::<i32>().iter().collect(),
        DataType::LargeBinary => strings.as_binary::<i64>().iter().collect(),
        DataType::Utf8 => strings.as_string::<i32>().iter().map(|s| s.map(str::as_bytes)).collect(),
        DataType::LargeUtf8 => strings.as_string::<i64>().iter().map(|s| s.map(str::as_bytes)).collect(),
        DataType::FixedSizeBinary(_) => strings.as_fixed_size_binary().iter().collect(),
        DataType::Null => vec![None; strings.len()],
        other => {
            return Err(Error::new(
                ErrorCode::ILLEGAL_TYPE_OF_ARGUMENT,
                format!("cannot parse text from Arrow {other}"),
            ))
        }
    })
}

fn err(code: ErrorCode, msg: String) -> Error {
    Error::new(code, msg)
}

fn show(text: &[u8]) -> String {
    String::from_utf8_lossy(text).into_owned()
}

/// Error 6 with ClickHouse's wording; the parsed prefix is the leading run of number/date characters.
fn syntax(text: &[u8], ty: &ChType) -> Error {
    let n = text.iter().take_while(|c| c.is_ascii_digit() || b"+-.:".contains(c)).count();
    syntax_at(text, ty, n)
}

/// Error 6 after `n` parsed bytes.
fn syntax_at(text: &[u8], ty: &ChType, n: usize) -> Error {
    let n = n.min(text.len());
    let at = if n == 0 {
        "at begin of string".to_string()
    } else {
        format!("at position {n} (parsed just '{}')", show(&text[..n]))
    };
    err(ErrorCode::CANNOT_PARSE_TEXT, format!("Cannot parse string '{}' as {ty}: syntax error {at}", show(text)))
}

fn prim<T: ArrowPrimitiveType>(
    texts: &[Option<&[u8]>],
    on_error: OnError,
    f: impl Fn(&[u8]) -> Result<T::Native>,
) -> Result<PrimitiveBuilder<T>> {
    let mut b = PrimitiveBuilder::<T>::with_capacity(texts.len());
    for t in texts {
        match t {
            None => b.append_null(),
            Some(t) => match f(t) {
                Ok(v) => b.append_value(v),
                Err(e) => match on_error {
                    OnError::Throw => return Err(e),
                    OnError::Null => b.append_null(),
                    OnError::Default => b.append_value(T::Native::default()),
                },
            },
        }
    }
    Ok(b)
}

fn fixed(
    texts: &[Option<&[u8]>],
    width: usize,
    on_error: OnError,
    f: impl Fn(&[u8], &mut [u8]) -> Result<()>,
) -> Result<ArrayRef> {
    let mut b = FixedSizeBinaryBuilder::with_capacity(texts.len(), width as i32);
    let mut buf = vec![0u8; width];
    let to_arrow = |e: arrow::error::ArrowError| err(ErrorCode::LOGICAL_ERROR, e.to_string());
    for t in texts {
        match t {
            None => b.append_null(),
            Some(t) => {
                buf.iter_mut().for_each(|x| *x = 0);
                match f(t, &mut buf) {
                    Ok(()) => b.append_value(&buf).map_err(to_arrow)?,
                    Err(e) => match on_error {
                        OnError::Throw => return Err(e),
                        OnError::Null => b.append_null(),
                        OnError::Default => b.append_value(vec![0u8; width]).map_err(to_arrow)?,
                    },
                }
            }
        }
    }
    Ok(Arc::new(b.finish()))
}

/// Reads an integer's two's complement bits (wrapping, as ClickHouse does) into 4 u64 limbs.
fn parse_int_limbs(text: &[u8], ty: &ChType) -> Result<[u64; 4]> {
    let (neg, digits) = match text.first() {
        Some(b'-') => (true, &text[1..]),
        Some(b'+') => (false, &text[1..]),
        _ => (false, text),
    };
    if text.is_empty() {
        return Err(err(
            ErrorCode::ATTEMPT_TO_READ_AFTER_EOF,
            format!("Attempt to read after eof: Cannot parse {ty} from String, because value is too short"),
        ));
    }
    if neg && ty.is_unsigned_int() {
        return Err(err(
            ErrorCode::CANNOT_PARSE_NUMBER,
            format!("Unsigned type must not contain '-' symbol: Cannot parse {ty} from String"),
        ));
    }
    if digits.is_empty() || !digits.iter().all(u8::is_ascii_digit) {
        let n = text.len() - digits.len() + digits.iter().take_while(|c| c.is_ascii_digit()).count();
        return Err(syntax_at(text, ty, if n == text.len() - digits.len() { 0 } else { n }));
    }
    let mut limbs = [0u64; 4];
    for &d in digits {
        let mut carry = (d - b'0') as u128;
        for l in limbs.iter_mut() {
            let v = *l as u128 * 10 + carry;
            *l = v as u64;
            carry = v >> 64;
        }
    }
    if neg {
        let mut carry = 1u128;
        for l in limbs.iter_mut() {
            let v = (!*l) as u128 + carry;
            *l = v as u64;
            carry = v >> 64;
        }
    }
    Ok(limbs)
}

fn int_bits(text: &[u8], ty: &ChType) -> Result<u128> {
    // Fast path: up to 19 digits fit in a u64 without overflow.
    let (neg, digits) = match text.first() {
        Some(b'-') => (true, &text[1..]),
        Some(b'+') => (false, &text[1..]),
        _ => (false, text),
    };
    if !digits.is_empty() && digits.len() <= 19 && (!neg || !ty.is_unsigned_int()) {
        let mut v: u64 = 0;
        let mut ok = true;
        for &d in digits {
            let x = d.wrapping_sub(b'0');
            ok &= x < 10;
            v = v * 10 + x as u64;
        }
        if ok {
            let v = v as u128;
            return Ok(if neg { v.wrapping_neg() } else { v });
        }
    }
    let l = parse_int_limbs(text, ty)?;
    Ok(l[0] as u128 | (l[1] as u128) << 64)
}

/// Parses a Float32/Float64 (`inf`, `nan`, `1e5`, `.5`; no hex, no spaces).
fn parse_float<T: std::str::FromStr>(text: &[u8], ty: &ChType) -> Result<T> {
    let first = text.first().copied().unwrap_or(b' ');
    let numeric_start = first.is_ascii_digit() || matches!(first, b'-' | b'+' | b'.');
    if numeric_start || matches!(first, b'i' | b'n' | b'I' | b'N') {
        if let Some(v) = std::str::from_utf8(text).ok().and_then(|s| s.parse::<T>().ok()) {
            return Ok(v);
        }
        if numeric_start {
            return Err(syntax(text, ty));
        }
    }
    let s = show(text);
    Err(err(
        ErrorCode::CANNOT_PARSE_NUMBER,
        format!("Cannot read floating point value here: {s}: Cannot parse {ty} from String"),
    ))
}

/// Parses a decimal number into an unscaled integer with `scale` digits (extra digits truncated).
fn parse_decimal(text: &[u8], precision: u8, scale: u8, ty: &ChType) -> Result<i256> {
    let (neg, rest) = match text.first() {
        Some(b'-') => (true, &text[1..]),
        Some(b'+') => (false, &text[1..]),
        _ => (false, text),
    };
    let (mant, exp) = match rest.iter().position(|&c| c == b'e' || c == b'E') {
        Some(p) => {
            let e = std::str::from_utf8(&rest[p + 1..])
                .ok()
                .and_then(|s| s.parse::<i32>().ok())
                .ok_or_else(|| syntax(text, ty))?;
            (&rest[..p], e)
        }
        None => (rest, 0),
    };
    let (int_part, frac) = match mant.iter().position(|&c| c == b'.') {
        Some(p) => (&mant[..p], &mant[p + 1..]),
        None => (mant, &mant[..0]),
    };
    if (int_part.is_empty() && frac.is_empty()) || !int_part.iter().chain(frac).all(u8::is_ascii_digit) {
        return Err(syntax(text, ty));
    }
    // All digits with the decimal point moved by exp, then keep `scale` fraction digits.
    let digits: Vec<u8> = int_part.iter().chain(frac).copied().collect();
    let point = int_part.len() as i64 + exp as i64; // digits before the point
    let keep = point + scale as i64; // how many leading digits form the unscaled value
    let mut v = i256::ZERO;
    let ten = i256::from_i128(10);
    let too_big = || {
        err(
            ErrorCode::ARGUMENT_OUT_OF_BOUND,
            format!("Decimal value is too big: Expected to read decimal with scale {scale} and precision {precision}"),
        )
    };
    let mut significant = 0usize;
    for i in 0..keep.max(0) {
        let d = digits.get(i as usize).map_or(0, |d| d - b'0');
        v = v.checked_mul(ten).and_then(|x| x.checked_add(i256::from_i128(d as i128))).ok_or_else(too_big)?;
        if v != i256::ZERO {
            significant += 1;
        }
    }
    if significant > precision as usize {
        return Err(too_big());
    }
    Ok(if neg { v.wrapping_neg() } else { v })
}

fn parse_bool(text: &[u8]) -> Result<bool> {
    let s = String::from_utf8_lossy(text).to_ascii_lowercase();
    match s.as_str() {
        "true" | "t" | "y" | "yes" | "on" | "enable" | "enabled" | "1" => Ok(true),
        "false" | "f" | "n" | "no" | "off" | "disable" | "disabled" | "0" => Ok(false),
        _ => Err(err(
            ErrorCode::CANNOT_PARSE_BOOL,
            format!("Cannot parse boolean value here: '{s}', should be 'true' or 'false'"),
        )),
    }
}

fn num(b: &[u8]) -> Option<u32> {
    if b.is_empty() || b.len() > 4 || !b.iter().all(u8::is_ascii_digit) {
        return None;
    }
    Some(b.iter().fold(0u32, |a, d| a * 10 + (d - b'0') as u32))
}

/// Splits `YYYY-MM-DD` / `YYYYMMDD` off the front; returns (days, rest).
fn parse_date_prefix(text: &[u8]) -> Option<(i64, &[u8])> {
    if text.len() >= 8 && text[..8].iter().all(u8::is_ascii_digit) && text.get(8).is_none_or(|c| !c.is_ascii_digit()) {
        let y = num(&text[..4])?;
        let m = num(&text[4..6])?;
        let d = num(&text[6..8])?;
        return Some((days_from_civil(y as i64, m.clamp(1, 12), d), &text[8..]));
    }
    let mut parts = [0u32; 3];
    let mut pos = 0;
    for (i, p) in parts.iter_mut().enumerate() {
        let start = pos;
        while pos < text.len() && text[pos].is_ascii_digit() {
            pos += 1;
        }
        let max = if i == 0 { 4 } else { 2 };
        if pos == start || pos - start > max || (i == 0 && pos - start != 4) {
            return None;
        }
        *p = num(&text[start..pos])?;
        if i < 2 {
            if pos >= text.len() || text[pos].is_ascii_alphanumeric() {
                return None;
            }
            pos += 1;
        }
    }
    if !(1..=12).contains(&parts[1]) || !(1..=31).contains(&parts[2]) {
        return None;
    }
    Some((days_from_civil(parts[0] as i64, parts[1], parts[2]), &text[pos..]))
}

fn parse_date(text: &[u8], ty: &ChType) -> Result<i32> {
    let bad = || {
        err(
            ErrorCode::CANNOT_PARSE_DATE,
            format!("Cannot parse date: expected a date in the YYYY-MM-DD or YYYYMMDD format: Cannot parse {ty} from String"),
        )
    };
    let (days, rest) = parse_date_prefix(text).ok_or_else(bad)?;
    if !rest.is_empty() && (rest[0] != b' ' || parse_time(rest).is_none()) {
        return Err(syntax(text, ty));
    }
    Ok(match ty.base() {
        ChType::Date => days.clamp(0, 65535),
        _ => days.clamp(i32::MIN as i64, i32::MAX as i64),
    } as i32)
}

/// Parses ` hh:mm[:ss][.frac]` (or `T…`) after a date: (seconds of day, fraction digits).
fn parse_time(rest: &[u8]) -> Option<(i64, &[u8])> {
    if rest.is_empty() {
        return Some((0, &rest[..0]));
    }
    if rest[0] != b' ' && rest[0] != b'T' {
        return None;
    }
    let s = &rest[1..];
    let (time, frac) = match s.iter().position(|&c| c == b'.') {
        Some(p) => (&s[..p], &s[p + 1..]),
        None => (s, &s[..0]),
    };
    let time = time.strip_suffix(b"Z").unwrap_or(time);
    // hh:mm[:ss], one or two digits each.
    let (mut secs, mut parts, mut cur, mut len) = (0i64, 0usize, 0i64, 0usize);
    for &c in time.iter().chain(std::iter::once(&b':')) {
        if c == b':' {
            if len == 0 || parts == 3 {
                return None;
            }
            secs += cur * [3600, 60, 1][parts];
            parts += 1;
            cur = 0;
            len = 0;
        } else if c.is_ascii_digit() && len < 2 {
            cur = cur * 10 + (c - b'0') as i64;
            len += 1;
        } else {
            return None;
        }
    }
    if parts < 2 {
        return None;
    }
    if !frac.iter().all(u8::is_ascii_digit) {
        return None;
    }
    Some((secs, frac))
}

/// Local seconds of exactly `YYYY-MM-DD hh:mm:ss`, else None.
fn fixed_datetime(t: &[u8]) -> Option<i64> {
    if t.len() != 19 || t[4] != b'-' || t[7] != b'-' || t[10] != b' ' || t[13] != b':' || t[16] != b':' {
        return None;
    }
    let d = |i: usize| -> Option<i64> {
        let (a, b) = (t[i].wrapping_sub(b'0'), t[i + 1].wrapping_sub(b'0'));
        (a < 10 && b < 10).then_some((a * 10 + b) as i64)
    };
    let (y, m, day) = (d(0)? * 100 + d(2)?, d(5)?, d(8)?);
    if !(1..=12).contains(&m) || !(1..=31).contains(&day) {
        return None;
    }
    let days = days_from_civil(y, m as u32, day as u32);
    Some(days * 86_400 + d(11)? * 3600 + d(14)? * 60 + d(17)?)
}

/// Parses a DateTime text into (UTC seconds, fraction digits).
fn parse_datetime<'a>(text: &'a [u8], zone: &Zone, ty: &ChType) -> Result<(i64, &'a [u8])> {
    let bad = || err(ErrorCode::CANNOT_PARSE_DATETIME, format!("Cannot read DateTime: Cannot parse {ty} from String"));
    // Fast path: exactly `YYYY-MM-DD hh:mm:ss`.
    if let Some(v) = fixed_datetime(text) {
        return Ok((zone.local_to_utc(v), &text[..0]));
    }
    // A Unix timestamp: digits only (not the 8-digit YYYYMMDD form), with an optional fraction.
    let (int_part, frac) = match text.iter().position(|&c| c == b'.') {
        Some(p) => (&text[..p], &text[p + 1..]),
        None => (text, &text[..0]),
    };
    if frac.is_empty() && matches!(text.len(), 4 | 6) && text.iter().all(u8::is_ascii_digit) {
        // `YYYY` and `YYYYMM`.
        let y = num(&text[..4]).ok_or_else(bad)? as i64;
        let m = if text.len() == 6 { num(&text[4..6]).ok_or_else(bad)? } else { 1 };
        if !(1..=12).contains(&m) {
            return Err(bad());
        }
        return Ok((zone.local_to_utc(days_from_civil(y, m, 1) * 86_400), frac));
    }
    if !int_part.is_empty() && int_part.len() != 8 && int_part.iter().all(u8::is_ascii_digit) {
        if int_part.len() < 9 {
            return Err(bad());
        }
        if !frac.iter().all(u8::is_ascii_digit) {
            return Err(bad());
        }
        let v = std::str::from_utf8(int_part).ok().and_then(|s| s.parse::<i64>().ok()).ok_or_else(bad)?;
        return Ok((v, frac));
    }
    let (days, rest) = parse_date_prefix(text).ok_or_else(bad)?;
    let (sod, frac) = parse_time(rest).ok_or_else(bad)?;
    Ok((zone.local_to_utc(days * 86_400 + sod), frac))
}

fn parse_uuid(text: &[u8], out: &mut [u8]) -> Result<()> {
    let bad = || {
        err(ErrorCode::CANNOT_PARSE_UUID, format!("Cannot parse uuid {}: Cannot parse UUID from String", show(text)))
    };
    let hex: Vec<u8> = match text.len() {
        36 if [8, 13, 18, 23].iter().all(|&i| text[i] == b'-') => text.iter().copied().filter(|&c| c != b'-').collect(),
        32 => text.to_vec(),
        _ => return Err(bad()),
    };
    if hex.len() != 32 {
        return Err(bad());
    }
    let mut t = [0u8; 16];
    for (i, b) in t.iter_mut().enumerate() {
        let h = |c: u8| (c as char).to_digit(16);
        *b = (h(hex[2 * i]).ok_or_else(bad)? * 16 + h(hex[2 * i + 1]).ok_or_else(bad)?) as u8;
    }
    out.copy_from_slice(&uuid_to_storage(&t));
    Ok(())
}

fn parse_ipv4(text: &[u8]) -> Result<u32> {
    let bad = || err(ErrorCode::CANNOT_PARSE_IPV4, format!("Cannot parse IPv4 {}", show(text)));
    let mut v: u32 = 0;
    let mut parts = 0;
    for part in text.split(|&c| c == b'.') {
        if part.is_empty() || !part.iter().all(u8::is_ascii_digit) || parts == 4 {
            return Err(bad());
        }
        let x = part.iter().try_fold(0u32, |a, d| a.checked_mul(10)?.checked_add((d - b'0') as u32)).ok_or_else(bad)?;
        if x > 255 {
            return Err(bad());
        }
        v = v << 8 | x;
        parts += 1;
    }
    if parts != 4 {
        return Err(bad());
    }
    Ok(v)
}

fn parse_ipv6(text: &[u8], out: &mut [u8]) -> Result<()> {
    let s = std::str::from_utf8(text).unwrap_or("");
    let addr = match s.parse::<std::net::Ipv6Addr>() {
        Ok(a) => a,
        Err(_) => match s.parse::<std::net::Ipv4Addr>() {
            Ok(v4) => v4.to_ipv6_mapped(),
            Err(_) => return Err(err(ErrorCode::CANNOT_PARSE_IPV6, format!("Cannot parse IPv6 {s}"))),
        },
    };
    out.copy_from_slice(&addr.octets());
    Ok(())
}

fn enum_code(text: &[u8], items: impl Iterator<Item = (String, i64)> + Clone) -> Result<i64> {
    if let Some((_, c)) = items.clone().find(|(n, _)| n.as_bytes() == text) {
        return Ok(c);
    }
    if let Some(code) = std::str::from_utf8(text).ok().and_then(|s| s.parse::<i64>().ok()) {
        if items.clone().any(|(_, c)| c == code) {
            return Ok(code);
        }
    }
    Err(err(ErrorCode::UNKNOWN_ELEMENT_OF_ENUM, format!("Unknown element '{}' for enum", show(text))))
}

fn pow10(n: u32) -> i64 {
    10i64.pow(n)
}

/// Parses optional texts as `ty`.
pub(crate) fn parse_texts(
    texts: &[Option<&[u8]>],
    ty: &ChType,
    opts: &TextOptions,
    on_error: OnError,
) -> Result<ArrayRef> {
    let base = ty.base();
    macro_rules! int {
        ($t:ty, $n:ty) => {
            Arc::new(prim::<$t>(texts, on_error, |s| Ok(int_bits(s, base)? as $n))?.finish())
        };
    }
    Ok(match base {
        ChType::Nothing => Arc::new(NullArray::new(texts.len())),
        ChType::UInt8 => int!(t::UInt8Type, u8),
        ChType::UInt16 => int!(t::UInt16Type, u16),
        ChType::UInt32 => int!(t::UInt32Type, u32),
        ChType::UInt64 => int!(t::UInt64Type, u64),
        ChType::Int8 => int!(t::Int8Type, i8),
        ChType::Int16 => int!(t::Int16Type, i16),
        ChType::Int32 => int!(t::Int32Type, i32),
        ChType::Int64 | ChType::Interval(_) => int!(t::Int64Type, i64),
        ChType::UInt128 | ChType::Int128 => fixed(texts, 16, on_error, |s, out| {
            out.copy_from_slice(&encode_u128_key(int_bits(s, base)?));
            Ok(())
        })?,
        ChType::UInt256 | ChType::Int256 => fixed(texts, 32, on_error, |s, out| {
            let mut l = parse_int_limbs(s, base)?;
            l[3] ^= 1 << 63;
            for (i, limb) in l.iter().enumerate() {
                out[(3 - i) * 8..(4 - i) * 8].copy_from_slice(&limb.to_be_bytes());
            }
            Ok(())
        })?,
        ChType::Float32 => Arc::new(prim::<t::Float32Type>(texts, on_error, |s| parse_float::<f32>(s, base))?.finish()),
        ChType::Float64 => Arc::new(prim::<t::Float64Type>(texts, on_error, |s| parse_float::<f64>(s, base))?.finish()),
        ChType::Decimal(p, s) => {
            let (p, s) = (*p, *s);
            if p <= 38 {
                let mut b = prim::<t::Decimal128Type>(texts, on_error, |x| {
                    parse_decimal(x, p, s, base)?.to_i128().ok_or_else(|| syntax(x, base))
                })?;
                Arc::new(
                    b.finish()
                        .with_precision_and_scale(p, s as i8)
                        .map_err(|e| err(ErrorCode::LOGICAL_ERROR, e.to_string()))?,
                )
            } else {
                let mut b = prim::<t::Decimal256Type>(texts, on_error, |x| parse_decimal(x, p, s, base))?;
                Arc::new(
                    b.finish()
                        .with_precision_and_scale(p, s as i8)
                        .map_err(|e| err(ErrorCode::LOGICAL_ERROR, e.to_string()))?,
                )
            }
        }
        ChType::Bool => {
            let mut b = BooleanBuilder::with_capacity(texts.len());
            for t in texts {
                match t.map(parse_bool) {
                    None => b.append_null(),
                    Some(Ok(v)) => b.append_value(v),
                    Some(Err(e)) => match on_error {
                        OnError::Throw => return Err(e),
                        OnError::Null => b.append_null(),
                        OnError::Default => b.append_value(false),
                    },
                }
            }
            Arc::new(b.finish())
        }
        ChType::String | ChType::AggregateFunction(..) => {
            let arr: BinaryViewArray = texts.iter().copied().collect();
            if matches!(base, ChType::AggregateFunction(..)) {
                arrow::compute::cast(&arr, &DataType::Binary)
                    .map_err(|e| err(ErrorCode::LOGICAL_ERROR, e.to_string()))?
            } else {
                Arc::new(arr)
            }
        }
        ChType::FixedString(n) => fixed(texts, *n, on_error, |s, out| {
            if s.len() > out.len() {
                return Err(err(
                    ErrorCode::TOO_LARGE_STRING_SIZE,
                    format!("String too long for type FixedString({})", out.len()),
                ));
            }
            out[..s.len()].copy_from_slice(s);
            Ok(())
        })?,
        ChType::Date | ChType::Date32 => {
            Arc::new(prim::<t::Date32Type>(texts, on_error, |s| parse_date(s, base))?.finish())
        }
        ChType::DateTime(_) => {
            let zone = Zone::for_type(base, &opts.timezone)?;
            Arc::new(
                prim::<t::TimestampSecondType>(texts, on_error, |s| {
                    // A fraction is read and dropped.
                    let (secs, _) = parse_datetime(s, &zone, base)?;
                    Ok(secs.clamp(0, u32::MAX as i64))
                })?
                .finish(),
            )
        }
        ChType::DateTime64(p, _) => {
            let zone = Zone::for_type(base, &opts.timezone)?;
            let unit = datetime64_unit(*p);
            let digits: u32 = match unit {
                TimeUnit::Second => 0,
                TimeUnit::Millisecond => 3,
                TimeUnit::Microsecond => 6,
                TimeUnit::Nanosecond => 9,
            };
            let p = (*p).min(9) as usize;
            let f = |s: &[u8]| -> Result<i64> {
                let (secs, frac) = parse_datetime(s, &zone, base)?;
                let mut f = 0i64;
                for i in 0..p {
                    f = f * 10 + frac.get(i).map_or(0, |d| (d - b'0') as i64);
                }
                let f = f * pow10(digits.saturating_sub(p as u32));
                Ok(secs.saturating_mul(pow10(digits)).saturating_add(f))
            };
            match unit {
                TimeUnit::Second => Arc::new(prim::<t::TimestampSecondType>(texts, on_error, f)?.finish()),
                TimeUnit::Millisecond => Arc::new(prim::<t::TimestampMillisecondType>(texts, on_error, f)?.finish()),
                TimeUnit::Microsecond => Arc::new(prim::<t::TimestampMicrosecondType>(texts, on_error, f)?.finish()),
                TimeUnit::Nanosecond => Arc::new(prim::<t::TimestampNanosecondType>(texts, on_error, f)?.finish()),
            }
        }
        ChType::UUID => fixed(texts, 16, on_error, parse_uuid)?,
        ChType::IPv4 => Arc::new(prim::<t::UInt32Type>(texts, on_error, parse_ipv4)?.finish()),
        ChType::IPv6 => fixed(texts, 16, on_error, parse_ipv6)?,
        ChType::Enum8(items) => Arc::new(
            prim::<t::Int8Type>(texts, on_error, |s| {
                Ok(enum_code(s, items.iter().map(|(n, c)| (n.clone(), *c as i64)))? as i8)
            })?
            .finish(),
        ),
        ChType::Enum16(items) => Arc::new(
            prim::<t::Int16Type>(texts, on_error, |s| {
                Ok(enum_code(s, items.iter().map(|(n, c)| (n.clone(), *c as i64)))? as i16)
            })?
            .finish(),
        ),
        ChType::Array(_) | ChType::Tuple(..) | ChType::Map(..) => {
            crate::formats::parse_composite::parse_composite(texts, base, opts, on_error)?
        }
        ChType::Nullable(_) | ChType::LowCardinality(_) => {
            return Err(err(ErrorCode::LOGICAL_ERROR, format!("unexpected type {ty}")))
        }
    })
}

/// Parses element texts (already unquoted) as a column of `ty`; used by composites.
pub(crate) fn parse_owned(
    texts: &[Option<Vec<u8>>],
    ty: &ChType,
    opts: &TextOptions,
    on_error: OnError,
) -> Result<ArrayRef> {
    let refs: Vec<Option<&[u8]>> = texts.iter().map(|t| t.as_deref()).collect();
    let arr = parse_texts(&refs, ty, opts, on_error)?;
    if ty.is_nullable() {
        Ok(arr)
    } else {
        strip_nulls(arr, ty)
    }
}

/// Drops the validity of a column of a non-Nullable type: NULL slots become the
/// type's default (the values under them are already zero/empty).
pub fn strip_nulls(array: ArrayRef, _ty: &ChType) -> Result<ArrayRef> {
    if array.null_count() == 0 || matches!(array.data_type(), DataType::Null) {
        return Ok(array);
    }
    let data =
        array.to_data().into_builder().nulls(None).build().map_err(|e| err(ErrorCode::LOGICAL_ERROR, e.to_string()))?;
    Ok(arrow::array::make_array(data))
}

/// Builds a list column from per-row element counts (None = NULL row).
pub(crate) fn list_from(ty: &ChType, lens: &[Option<usize>], values: ArrayRef) -> Result<ArrayRef> {
    let DataType::List(field) = ty.to_arrow() else { return Err(err(ErrorCode::LOGICAL_ERROR, "not a list".into())) };
    let offsets = OffsetBuffer::<i32>::from_lengths(lens.iter().map(|l| l.unwrap_or(0)));
    let nulls = nulls_of(lens);
    Ok(Arc::new(
        ListArray::try_new(field, offsets, values, nulls).map_err(|e| err(ErrorCode::LOGICAL_ERROR, e.to_string()))?,
    ))
}

/// Builds a map column from per-row entry counts.
pub(crate) fn map_from(ty: &ChType, lens: &[Option<usize>], keys: ArrayRef, values: ArrayRef) -> Result<ArrayRef> {
    let DataType::Map(field, _) = ty.to_arrow() else { return Err(err(ErrorCode::LOGICAL_ERROR, "not a map".into())) };
    let DataType::Struct(fields) = field.data_type().clone() else {
        return Err(err(ErrorCode::LOGICAL_ERROR, "bad map entries".into()));
    };
    let entries = StructArray::try_new(fields, vec![keys, values], None)
        .map_err(|e| err(ErrorCode::LOGICAL_ERROR, e.to_string()))?;
    let offsets = OffsetBuffer::<i32>::from_lengths(lens.iter().map(|l| l.unwrap_or(0)));
    Ok(Arc::new(
        MapArray::try_new(field, offsets, entries, nulls_of(lens), false)
            .map_err(|e| err(ErrorCode::LOGICAL_ERROR, e.to_string()))?,
    ))
}

/// Builds a tuple column from its element columns.
pub(crate) fn struct_from(ty: &ChType, valid: &[bool], columns: Vec<ArrayRef>) -> Result<ArrayRef> {
    let DataType::Struct(fields) = ty.to_arrow() else {
        return Err(err(ErrorCode::LOGICAL_ERROR, "not a tuple".into()));
    };
    let nulls = if valid.iter().all(|v| *v) { None } else { Some(NullBuffer::from(valid.to_vec())) };
    if fields.is_empty() {
        return Ok(Arc::new(StructArray::new_empty_fields(valid.len(), nulls)));
    }
    Ok(Arc::new(
        StructArray::try_new(fields, columns, nulls).map_err(|e| err(ErrorCode::LOGICAL_ERROR, e.to_string()))?,
    ))
}

fn nulls_of(lens: &[Option<usize>]) -> Option<NullBuffer> {
    if lens.iter().all(Option::is_some) {
        None
    } else {
        Some(NullBuffer::from(lens.iter().map(Option::is_some).collect::<Vec<_>>()))
    }
}
