//! How values look as text (spec/formats.md §2): numbers, dates, strings with
//! per-format escaping, arrays/tuples/maps with nested quoting.
//!
//! The hot path is [`ValueWriter`]: it downcasts a column once (per batch) and
//! then appends the text of any row to a byte buffer without allocating.
//!
//! Storage layouts decoded here (spec/engine.md "Types on Arrow"):
//! - (U)Int128/(U)Int256: FixedSizeBinary(16/32), big-endian two's complement
//!   with the top bit flipped (so byte order is numeric order, also for signed).
//!   Unsigned values are stored with the top bit flipped too.
//! - UUID: FixedSizeBinary(16). The text `00112233-4455-6677-8899-aabbccddeeff`
//!   has bytes t[0..16] = 00 11 … ff; the column stores `t[8..16] ++ t[0..8]`
//!   (the two 8-byte halves swapped), because ClickHouse orders UUIDs by the last
//!   8 bytes first and byte-wise order of the stored value must match.
//!   [`uuid_to_storage`] / [`uuid_from_storage`] convert; `parse` uses them too.
//! - IPv6: FixedSizeBinary(16), network byte order. IPv4: UInt32 (host value).
//! - DateTime: epoch seconds; DateTime64(p): epoch in `datetime64_unit(p)`.

use std::io::Write;
use std::sync::Arc;

use arrow::array::{
    Array, ArrayRef, AsArray, BinaryViewArray, BinaryViewBuilder, BooleanArray, FixedSizeBinaryArray,
    GenericBinaryArray, ListArray, MapArray, StructArray,
};
use arrow::buffer::{NullBuffer, OffsetBuffer, ScalarBuffer};
use arrow::datatypes::{i256, DataType, TimeUnit};

use crate::error::{Error, ErrorCode, Result};
use crate::functions::dates::tz;
use crate::types::ChType;

/// Options that change text forms.
#[derive(Debug, Clone)]
pub struct TextOptions {
    /// Zone for DateTime values whose type names none (session/server zone).
    pub timezone: String,
    /// `output_format_decimal_trailing_zeros`.
    pub decimal_trailing_zeros: bool,
}

impl Default for TextOptions {
    fn default() -> Self {
        TextOptions { timezone: "UTC".into(), decimal_trailing_zeros: false }
    }
}

/// How a top-level string is escaped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Escape {
    /// No escaping at all (`toString`, TSVRaw).
    Raw,
    /// TabSeparated escaping (`\t`, `\n`, `\\`, `\'` …).
    Tsv,
    /// Single-quoted with `\'` and `\\` (Values format, values inside arrays/tuples/maps).
    Quoted,
}

/// Appends the text form of `array[row]` (type `ty`) to `out`. A NULL is
/// written as `\N` (Raw/Tsv) or `NULL` (Quoted); nested NULLs are `NULL`.
pub fn write_value(
    out: &mut Vec<u8>,
    array: &dyn Array,
    row: usize,
    ty: &ChType,
    opts: &TextOptions,
    escape: Escape,
) -> Result<()> {
    if row >= array.len() {
        return Err(Error::new(ErrorCode::LOGICAL_ERROR, format!("row {row} out of {} rows", array.len())));
    }
    ValueWriter::new(array, ty, opts)?.write(out, row, escape)
}

/// `toString` of a whole column: an unescaped BinaryView column (NULL stays NULL).
pub fn to_text_column(array: &dyn Array, ty: &ChType, opts: &TextOptions) -> Result<ArrayRef> {
    let writer = ValueWriter::new(array, ty, opts)?;
    let mut builder = BinaryViewBuilder::with_capacity(array.len());
    let mut buf = Vec::with_capacity(64);
    let trim_zeros = matches!(ty.base(), ChType::FixedString(_));
    for row in 0..array.len() {
        if writer.is_null(row) {
            builder.append_null();
        } else {
            buf.clear();
            writer.write(&mut buf, row, Escape::Raw)?;
            if trim_zeros {
                // toString(FixedString) drops the trailing zero bytes.
                let end = buf.iter().rposition(|&b| b != 0).map_or(0, |p| p + 1);
                buf.truncate(end);
            }
            builder.append_value(&buf);
        }
    }
    Ok(Arc::new(builder.finish()))
}

/// A resolved time zone: UTC gets integer arithmetic only; other zones use the
/// precomputed offset transitions of `functions::dates::tz` (no chrono per value).
#[derive(Debug, Clone)]
pub enum Zone {
    Utc,
    Tz(Arc<tz::Zone>),
}

impl Zone {
    /// Resolves a zone name (unknown zone: BAD_ARGUMENTS 36, as ClickHouse says).
    pub fn parse(name: &str) -> Result<Zone> {
        match name {
            "UTC" | "Etc/UTC" | "UCT" | "Etc/UCT" | "Universal" | "Etc/Universal" | "Zulu" | "Etc/Zulu" => {
                Ok(Zone::Utc)
            }
            _ => tz::zone(name).map(Zone::Tz),
        }
    }

    /// The zone of a DateTime type: the type's own, else `default`.
    pub fn for_type(ty: &ChType, default: &str) -> Result<Zone> {
        Zone::parse(ty.timezone().unwrap_or(default))
    }

    /// Seconds to add to UTC to get local time at instant `secs`.
    #[inline]
    pub fn offset_at(&self, secs: i64) -> i64 {
        match self {
            Zone::Utc => 0,
            Zone::Tz(z) => z.offset_at(secs) as i64,
        }
    }

    /// UTC epoch seconds of a local civil time in this zone (earliest on ambiguity,
    /// the offset after the change inside a DST gap, as ClickHouse does).
    #[inline]
    pub fn local_to_utc(&self, local_secs: i64) -> i64 {
        match self {
            Zone::Utc => local_secs,
            Zone::Tz(z) => z.from_local(local_secs),
        }
    }
}

/// Civil date (year, month, day) from days since 1970-01-01.
pub fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

/// Days since 1970-01-01 of a civil date (month 1–12, day 1–31).
pub fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let m = m as i64;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

#[inline]
fn push2(out: &mut Vec<u8>, v: u32) {
    out.push(b'0' + (v / 10 % 10) as u8);
    out.push(b'0' + (v % 10) as u8);
}

/// Appends `YYYY-MM-DD` for days since the epoch.
pub fn write_date(out: &mut Vec<u8>, days: i64) {
    let (y, m, d) = civil_from_days(days);
    if (0..10000).contains(&y) {
        let y = y as u32;
        push2(out, y / 100);
        push2(out, y % 100);
    } else {
        let _ = write!(out, "{y:04}");
    }
    out.push(b'-');
    push2(out, m);
    out.push(b'-');
    push2(out, d);
}

/// Appends `YYYY-MM-DD hh:mm:ss` for epoch seconds shown in `zone`.
pub fn write_datetime(out: &mut Vec<u8>, secs: i64, zone: &Zone) {
    let local = secs + zone.offset_at(secs);
    let days = local.div_euclid(86_400);
    let sod = local.rem_euclid(86_400) as u32;
    write_date(out, days);
    out.push(b' ');
    push2(out, sod / 3600);
    out.push(b':');
    push2(out, sod / 60 % 60);
    out.push(b':');
    push2(out, sod % 60);
}

/// Appends a DateTime64 value stored as `value` units of 10^-`unit_digits` s, with `precision` digits.
pub fn write_datetime64(out: &mut Vec<u8>, value: i64, unit_digits: u32, precision: u32, zone: &Zone) {
    let scale = 10i64.pow(unit_digits);
    let secs = value.div_euclid(scale);
    let frac = value.rem_euclid(scale);
    write_datetime(out, secs, zone);
    if precision > 0 {
        out.push(b'.');
        let frac = if precision <= unit_digits {
            frac / 10i64.pow(unit_digits - precision)
        } else {
            frac * 10i64.pow(precision - unit_digits)
        };
        let mut digits = [b'0'; 18];
        let mut f = frac;
        for i in (0..precision as usize).rev() {
            digits[i] = b'0' + (f % 10) as u8;
            f /= 10;
        }
        out.extend_from_slice(&digits[..precision as usize]);
    }
}

fn unit_digits(unit: &TimeUnit) -> u32 {
    match unit {
        TimeUnit::Second => 0,
        TimeUnit::Millisecond => 3,
        TimeUnit::Microsecond => 6,
        TimeUnit::Nanosecond => 9,
    }
}

/// Appends bytes with TabSeparated / quoted-string escaping (the same set).
pub fn write_escaped(out: &mut Vec<u8>, bytes: &[u8]) {
    let mut start = 0;
    for (i, &b) in bytes.iter().enumerate() {
        let esc = match b {
            b'\\' => b'\\',
            b'\t' => b't',
            b'\n' => b'n',
            b'\r' => b'r',
            0 => b'0',
            8 => b'b',
            12 => b'f',
            b'\'' => b'\'',
            _ => continue,
        };
        out.extend_from_slice(&bytes[start..i]);
        out.push(b'\\');
        out.push(esc);
        start = i + 1;
    }
    out.extend_from_slice(&bytes[start..]);
}

/// Appends a string in the given escape mode (Quoted adds the quotes).
pub fn write_string(out: &mut Vec<u8>, bytes: &[u8], escape: Escape) {
    match escape {
        Escape::Raw => out.extend_from_slice(bytes),
        Escape::Tsv => write_escaped(out, bytes),
        Escape::Quoted => {
            out.push(b'\'');
            write_escaped(out, bytes);
            out.push(b'\'');
        }
    }
}

/// ClickHouse's text form of a Float64: shortest round-trip digits, plain
/// notation for 1e-6 ≤ |x| < 1e21, else `<digits>e<exp>`; `inf`, `-inf`, `nan`.
pub fn format_f64(v: f64) -> String {
    let mut out = Vec::new();
    write_f64(&mut out, v);
    String::from_utf8(out).unwrap_or_default()
}

/// [`format_f64`] for Float32 (shortest digits in 32-bit width).
pub fn format_f32(v: f32) -> String {
    let mut out = Vec::new();
    write_f32(&mut out, v);
    String::from_utf8(out).unwrap_or_default()
}

/// Appends [`format_f64`] of `v`.
pub fn write_f64(out: &mut Vec<u8>, v: f64) {
    if v.is_nan() {
        out.extend_from_slice(b"nan");
    } else if v.is_infinite() {
        out.extend_from_slice(if v > 0.0 { b"inf" } else { b"-inf" });
    } else if v == 0.0 {
        out.extend_from_slice(if v.is_sign_negative() { b"-0" } else { b"0" });
    } else if v == v.trunc() && v.abs() < 1e15 {
        out.extend_from_slice(itoa::Buffer::new().format(v as i64).as_bytes());
    } else {
        let a = v.abs();
        write_shortest(out, ryu::Buffer::new().format_finite(v).as_bytes(), (1e-6..1e21).contains(&a));
    }
}

/// Appends [`format_f32`] of `v`.
pub fn write_f32(out: &mut Vec<u8>, v: f32) {
    if v.is_nan() {
        out.extend_from_slice(b"nan");
    } else if v.is_infinite() {
        out.extend_from_slice(if v > 0.0 { b"inf" } else { b"-inf" });
    } else if v == 0.0 {
        out.extend_from_slice(if v.is_sign_negative() { b"-0" } else { b"0" });
    } else if v == v.trunc() && v.abs() < 1e7 {
        out.extend_from_slice(itoa::Buffer::new().format(v as i64).as_bytes());
    } else {
        let a = v.abs();
        write_shortest(out, ryu::Buffer::new().format_finite(v).as_bytes(), (1e-6..1e21).contains(&a));
    }
}

/// Re-lays out ryu's shortest digits (round-half-even, like ClickHouse's
/// dragonbox) as plain `123.45` or exponent `1.2345e-7` notation.
fn write_shortest(out: &mut Vec<u8>, ryu: &[u8], plain: bool) {
    // Fast path: ryu's own plain form (`0.14285714285714285`) is already ClickHouse's.
    if plain && !ryu.contains(&b'e') && !ryu.ends_with(b".0") {
        out.extend_from_slice(ryu);
        return;
    }
    let (neg, s) = match ryu.split_first() {
        Some((b'-', rest)) => (true, rest),
        _ => (false, ryu),
    };
    let (mant, exp) = match s.iter().position(|&c| c == b'e' || c == b'E') {
        Some(p) => {
            let e = std::str::from_utf8(&s[p + 1..]).ok().and_then(|x| x.parse::<i64>().ok()).unwrap_or(0);
            (&s[..p], e)
        }
        None => (s, 0),
    };
    let point = mant.iter().position(|&c| c == b'.').unwrap_or(mant.len()) as i64;
    let mut buf = [0u8; 40];
    let mut len = 0;
    for &c in mant.iter().filter(|&&c| c != b'.').take(buf.len()) {
        buf[len] = c;
        len += 1;
    }
    let lz = buf[..len].iter().take_while(|&&c| c == b'0').count();
    let mut end = len;
    while end > lz && buf[end - 1] == b'0' {
        end -= 1;
    }
    let digits = &buf[lz..end];
    if digits.is_empty() {
        out.push(b'0');
        return;
    }
    let pe = point - lz as i64 + exp; // digits before the decimal point
    if neg {
        out.push(b'-');
    }
    let n = digits.len() as i64;
    if plain {
        if pe <= 0 {
            out.extend_from_slice(b"0.");
            out.extend(std::iter::repeat_n(b'0', (-pe) as usize));
            out.extend_from_slice(digits);
        } else if pe >= n {
            out.extend_from_slice(digits);
            out.extend(std::iter::repeat_n(b'0', (pe - n) as usize));
        } else {
            out.extend_from_slice(&digits[..pe as usize]);
            out.push(b'.');
            out.extend_from_slice(&digits[pe as usize..]);
        }
    } else {
        out.push(digits[0]);
        if n > 1 {
            out.push(b'.');
            out.extend_from_slice(&digits[1..]);
        }
        out.push(b'e');
        out.extend_from_slice(itoa::Buffer::new().format(pe - 1).as_bytes());
    }
}

/// Decodes a 16-byte stored (U)Int128 (big-endian, top bit flipped).
pub fn decode_u128_key(bytes: &[u8]) -> u128 {
    let mut b = [0u8; 16];
    b.copy_from_slice(&bytes[..16]);
    u128::from_be_bytes(b) ^ (1u128 << 127)
}

/// Encodes a (U)Int128 bit pattern into its 16-byte stored form.
pub fn encode_u128_key(v: u128) -> [u8; 16] {
    (v ^ (1u128 << 127)).to_be_bytes()
}

/// Appends the decimal digits of a 256-bit value given as 4 little-endian u64 limbs (unsigned).
fn write_u256(out: &mut Vec<u8>, mut limbs: [u64; 4]) {
    let mut chunks: Vec<u64> = Vec::with_capacity(5);
    const BASE: u64 = 10_000_000_000_000_000_000;
    loop {
        let mut rem: u128 = 0;
        for limb in limbs.iter_mut().rev() {
            let cur = (rem << 64) | *limb as u128;
            *limb = (cur / BASE as u128) as u64;
            rem = cur % BASE as u128;
        }
        chunks.push(rem as u64);
        if limbs.iter().all(|&l| l == 0) {
            break;
        }
    }
    let mut it = chunks.iter().rev();
    if let Some(first) = it.next() {
        out.extend_from_slice(itoa::Buffer::new().format(*first).as_bytes());
    }
    for c in it {
        let _ = write!(out, "{c:019}");
    }
}

/// Appends a stored 16/32-byte big integer.
fn write_big_int(out: &mut Vec<u8>, bytes: &[u8], signed: bool) {
    if bytes.len() == 16 {
        let v = decode_u128_key(bytes);
        if signed {
            out.extend_from_slice(itoa::Buffer::new().format(v as i128).as_bytes());
        } else {
            out.extend_from_slice(itoa::Buffer::new().format(v).as_bytes());
        }
        return;
    }
    let mut limbs = [0u64; 4];
    for (i, limb) in limbs.iter_mut().enumerate() {
        let start = (3 - i) * 8;
        let mut b = [0u8; 8];
        b.copy_from_slice(&bytes[start..start + 8]);
        *limb = u64::from_be_bytes(b);
    }
    limbs[3] ^= 1u64 << 63;
    if signed && limbs[3] >> 63 == 1 {
        // Negative: print '-' and the two's complement magnitude.
        let mut carry = 1u128;
        for limb in limbs.iter_mut() {
            let s = (!*limb) as u128 + carry;
            *limb = s as u64;
            carry = s >> 64;
        }
        out.push(b'-');
    }
    write_u256(out, limbs);
}

/// Appends a scaled decimal integer (`digits` is the unscaled value's text, maybe with '-').
fn write_decimal_digits(out: &mut Vec<u8>, text: &[u8], scale: usize, trailing_zeros: bool) {
    let (neg, digits) = match text.split_first() {
        Some((b'-', rest)) => (true, rest),
        _ => (false, text),
    };
    if neg {
        out.push(b'-');
    }
    if scale == 0 {
        out.extend_from_slice(digits);
        return;
    }
    // Digits of the fraction: `scale` of them, left-padded with zeros (no allocation).
    let (int_part, frac_digits) = if digits.len() > scale {
        (&digits[..digits.len() - scale], &digits[digits.len() - scale..])
    } else {
        (&b"0"[..], digits)
    };
    let pad = scale - frac_digits.len();
    out.extend_from_slice(int_part);
    let kept = if trailing_zeros {
        scale
    } else {
        match frac_digits.iter().rposition(|&c| c != b'0') {
            Some(p) => pad + p + 1,
            None => 0,
        }
    };
    if kept > 0 {
        out.push(b'.');
        out.extend(std::iter::repeat_n(b'0', pad.min(kept)));
        if kept > pad {
            out.extend_from_slice(&frac_digits[..kept - pad]);
        }
    }
}

/// Appends an IPv4 address (host-order u32) in dotted form.
pub fn write_ipv4(out: &mut Vec<u8>, v: u32) {
    let b = v.to_be_bytes();
    let mut buf = itoa::Buffer::new();
    for (i, x) in b.iter().enumerate() {
        if i > 0 {
            out.push(b'.');
        }
        out.extend_from_slice(buf.format(*x).as_bytes());
    }
}

/// Appends an IPv6 address (16 bytes, network order) in RFC 5952 form.
pub fn write_ipv6(out: &mut Vec<u8>, b: &[u8]) {
    let mut w = [0u16; 8];
    for (i, word) in w.iter_mut().enumerate() {
        *word = u16::from_be_bytes([b[2 * i], b[2 * i + 1]]);
    }
    if w[..5].iter().all(|&x| x == 0) && w[5] == 0xffff {
        out.extend_from_slice(b"::ffff:");
        write_ipv4(out, u32::from_be_bytes([b[12], b[13], b[14], b[15]]));
        return;
    }
    if w[..6].iter().all(|&x| x == 0) && w[6] != 0 {
        // IPv4-compatible form, as inet_ntop writes it.
        out.extend_from_slice(b"::");
        write_ipv4(out, u32::from_be_bytes([b[12], b[13], b[14], b[15]]));
        return;
    }
    // Longest run (≥ 2) of zero words, first one on ties.
    let (mut best_start, mut best_len) = (8usize, 0usize);
    let mut i = 0;
    while i < 8 {
        if w[i] == 0 {
            let s = i;
            while i < 8 && w[i] == 0 {
                i += 1;
            }
            if i - s > best_len {
                best_start = s;
                best_len = i - s;
            }
        } else {
            i += 1;
        }
    }
    if best_len < 2 {
        best_start = 8;
    }
    let mut i = 0;
    while i < 8 {
        if i == best_start {
            out.extend_from_slice(b"::");
            i += best_len;
            continue;
        }
        if i > 0 && i != best_start + best_len {
            out.push(b':');
        }
        let _ = write!(out, "{:x}", w[i]);
        i += 1;
    }
}

/// The 16 stored bytes of a UUID given its 16 text-order bytes.
pub fn uuid_to_storage(text_order: &[u8; 16]) -> [u8; 16] {
    let mut s = [0u8; 16];
    s[..8].copy_from_slice(&text_order[8..]);
    s[8..].copy_from_slice(&text_order[..8]);
    s
}

/// The 16 text-order bytes of a stored UUID.
pub fn uuid_from_storage(stored: &[u8]) -> [u8; 16] {
    let mut t = [0u8; 16];
    t[..8].copy_from_slice(&stored[8..16]);
    t[8..].copy_from_slice(&stored[..8]);
    t
}

/// Appends a stored UUID as 8-4-4-4-12 lowercase hex.
pub fn write_uuid(out: &mut Vec<u8>, stored: &[u8]) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let t = uuid_from_storage(stored);
    for (i, b) in t.iter().enumerate() {
        if matches!(i, 4 | 6 | 8 | 10) {
            out.push(b'-');
        }
        out.push(HEX[(b >> 4) as usize]);
        out.push(HEX[(b & 15) as usize]);
    }
}

/// A column downcast once, ready to write any row's text.
pub struct ValueWriter {
    nulls: Option<NullBuffer>,
    kind: Kind,
}

enum Kind {
    Null,
    Bool(BooleanArray),
    U8(ScalarBuffer<u8>),
    U16(ScalarBuffer<u16>),
    U32(ScalarBuffer<u32>),
    U64(ScalarBuffer<u64>),
    I8(ScalarBuffer<i8>),
    I16(ScalarBuffer<i16>),
    I32(ScalarBuffer<i32>),
    I64(ScalarBuffer<i64>),
    F32(ScalarBuffer<f32>),
    F64(ScalarBuffer<f64>),
    BigInt(FixedSizeBinaryArray, bool),
    Dec128(ScalarBuffer<i128>, usize, bool),
    Dec256(ScalarBuffer<i256>, usize, bool),
    Str(BinaryViewArray),
    Binary(GenericBinaryArray<i32>),
    Fixed(FixedSizeBinaryArray),
    Date(ScalarBuffer<i32>),
    DateTime(ScalarBuffer<i64>, Zone),
    DateTime64(ScalarBuffer<i64>, Zone, u32, u32),
    Uuid(FixedSizeBinaryArray),
    Ipv4(ScalarBuffer<u32>),
    Ipv6(FixedSizeBinaryArray),
    Enum8(ScalarBuffer<i8>, Vec<(String, i8)>),
    Enum16(ScalarBuffer<i16>, Vec<(String, i16)>),
    Array(OffsetBuffer<i32>, Box<ValueWriter>),
    Tuple(Vec<ValueWriter>),
    Map(OffsetBuffer<i32>, Box<ValueWriter>, Box<ValueWriter>),
}

fn mismatch(ty: &ChType, dt: &DataType) -> Error {
    Error::new(ErrorCode::LOGICAL_ERROR, format!("column of type {ty} is stored as Arrow {dt}"))
}

impl ValueWriter {
    /// Downcasts `array` (storage of `ty`) once. An array stored in another
    /// Arrow type than `ty.to_arrow()` (e.g. Int64 for a UInt64 column) is cast first.
    pub fn new(array: &dyn Array, ty: &ChType, opts: &TextOptions) -> Result<ValueWriter> {
        match Self::new_exact(array, ty, opts) {
            Ok(w) => Ok(w),
            Err(e) => {
                let want = ty.to_arrow();
                if array.data_type() == &want {
                    return Err(e);
                }
                let cast = arrow::compute::cast(array, &want).map_err(|_| e)?;
                Self::new_exact(cast.as_ref(), ty, opts)
            }
        }
    }

    fn new_exact(array: &dyn Array, ty: &ChType, opts: &TextOptions) -> Result<ValueWriter> {
        let dt = array.data_type();
        let nulls = array.logical_nulls();
        macro_rules! prim {
            ($t:ty, $v:ident) => {
                array.as_primitive_opt::<$t>().map(|a| Kind::$v(a.values().clone())).ok_or_else(|| mismatch(ty, dt))?
            };
        }
        use arrow::datatypes as t;
        let base = ty.base();
        let kind = match base {
            _ if matches!(dt, DataType::Null) => Kind::Null,
            ChType::Nothing => Kind::Null,
            ChType::Bool => Kind::Bool(array.as_boolean_opt().ok_or_else(|| mismatch(ty, dt))?.clone()),
            ChType::UInt8 => prim!(t::UInt8Type, U8),
            ChType::UInt16 => prim!(t::UInt16Type, U16),
            ChType::UInt32 => prim!(t::UInt32Type, U32),
            ChType::UInt64 => prim!(t::UInt64Type, U64),
            ChType::Int8 => prim!(t::Int8Type, I8),
            ChType::Int16 => prim!(t::Int16Type, I16),
            ChType::Int32 => prim!(t::Int32Type, I32),
            ChType::Int64 | ChType::Interval(_) => prim!(t::Int64Type, I64),
            ChType::Float32 => prim!(t::Float32Type, F32),
            ChType::Float64 => prim!(t::Float64Type, F64),
            ChType::IPv4 => prim!(t::UInt32Type, Ipv4),
            ChType::Date | ChType::Date32 => prim!(t::Date32Type, Date),
            ChType::UInt128 | ChType::UInt256 | ChType::Int128 | ChType::Int256 => {
                let a = array.as_fixed_size_binary_opt().ok_or_else(|| mismatch(ty, dt))?;
                if !matches!(a.value_length(), 16 | 32) {
                    return Err(mismatch(ty, dt));
                }
                Kind::BigInt(a.clone(), base.is_signed_int())
            }
            ChType::UUID | ChType::IPv6 => {
                let a = array.as_fixed_size_binary_opt().ok_or_else(|| mismatch(ty, dt))?;
                if a.value_length() != 16 {
                    return Err(mismatch(ty, dt));
                }
                if matches!(base, ChType::UUID) {
                    Kind::Uuid(a.clone())
                } else {
                    Kind::Ipv6(a.clone())
                }
            }
            ChType::FixedString(_) => {
                Kind::Fixed(array.as_fixed_size_binary_opt().ok_or_else(|| mismatch(ty, dt))?.clone())
            }
            ChType::Decimal(_, s) => {
                let tz = opts.decimal_trailing_zeros;
                match dt {
                    DataType::Decimal128(..) => {
                        Kind::Dec128(array.as_primitive::<t::Decimal128Type>().values().clone(), *s as usize, tz)
                    }
                    DataType::Decimal256(..) => {
                        Kind::Dec256(array.as_primitive::<t::Decimal256Type>().values().clone(), *s as usize, tz)
                    }
                    _ => return Err(mismatch(ty, dt)),
                }
            }
            ChType::String => match dt {
                DataType::BinaryView => Kind::Str(array.as_binary_view().clone()),
                DataType::Binary => Kind::Binary(array.as_binary::<i32>().clone()),
                DataType::Utf8View => Kind::Str(array.as_string_view().clone().to_binary_view()),
                DataType::Utf8 | DataType::LargeUtf8 | DataType::LargeBinary => {
                    let c = arrow::compute::cast(array, &DataType::BinaryView).map_err(|_| mismatch(ty, dt))?;
                    Kind::Str(c.as_binary_view().clone())
                }
                _ => return Err(mismatch(ty, dt)),
            },
            ChType::AggregateFunction(..) => match dt {
                DataType::Binary => Kind::Binary(array.as_binary::<i32>().clone()),
                DataType::BinaryView => Kind::Str(array.as_binary_view().clone()),
                _ => return Err(mismatch(ty, dt)),
            },
            ChType::DateTime(_) => {
                let zone = Zone::for_type(base, &opts.timezone)?;
                match dt {
                    DataType::Timestamp(TimeUnit::Second, _) => {
                        Kind::DateTime(array.as_primitive::<t::TimestampSecondType>().values().clone(), zone)
                    }
                    _ => return Err(mismatch(ty, dt)),
                }
            }
            ChType::DateTime64(p, _) => {
                let zone = Zone::for_type(base, &opts.timezone)?;
                let DataType::Timestamp(unit, _) = dt else { return Err(mismatch(ty, dt)) };
                let values = match unit {
                    TimeUnit::Second => array.as_primitive::<t::TimestampSecondType>().values().clone(),
                    TimeUnit::Millisecond => array.as_primitive::<t::TimestampMillisecondType>().values().clone(),
                    TimeUnit::Microsecond => array.as_primitive::<t::TimestampMicrosecondType>().values().clone(),
                    TimeUnit::Nanosecond => array.as_primitive::<t::TimestampNanosecondType>().values().clone(),
                };
                Kind::DateTime64(values, zone, unit_digits(unit), (*p).min(9) as u32)
            }
            ChType::Enum8(items) => Kind::Enum8(
                array.as_primitive_opt::<t::Int8Type>().ok_or_else(|| mismatch(ty, dt))?.values().clone(),
                items.clone(),
            ),
            ChType::Enum16(items) => Kind::Enum16(
                array.as_primitive_opt::<t::Int16Type>().ok_or_else(|| mismatch(ty, dt))?.values().clone(),
                items.clone(),
            ),
            ChType::Array(elem) => {
                let a: &ListArray = array.as_list_opt::<i32>().ok_or_else(|| mismatch(ty, dt))?;
                Kind::Array(a.offsets().clone(), Box::new(ValueWriter::new(a.values().as_ref(), elem, opts)?))
            }
            ChType::Tuple(elems, _) => {
                let a: &StructArray = array.as_struct_opt().ok_or_else(|| mismatch(ty, dt))?;
                if a.num_columns() != elems.len() {
                    return Err(mismatch(ty, dt));
                }
                let cols = a
                    .columns()
                    .iter()
                    .zip(elems)
                    .map(|(c, t)| ValueWriter::new(c.as_ref(), t, opts))
                    .collect::<Result<Vec<_>>>()?;
                Kind::Tuple(cols)
            }
            ChType::Map(k, v) => {
                let a: &MapArray = array.as_map_opt().ok_or_else(|| mismatch(ty, dt))?;
                Kind::Map(
                    a.offsets().clone(),
                    Box::new(ValueWriter::new(a.keys().as_ref(), k, opts)?),
                    Box::new(ValueWriter::new(a.values().as_ref(), v, opts)?),
                )
            }
            ChType::Nullable(_) | ChType::LowCardinality(_) => return Err(mismatch(ty, dt)),
        };
        Ok(ValueWriter { nulls, kind })
    }

    /// Whether `row` is NULL.
    #[inline]
    pub fn is_null(&self, row: usize) -> bool {
        matches!(self.kind, Kind::Null) || self.nulls.as_ref().is_some_and(|n| n.is_null(row))
    }

    /// Appends the text of `row` (NULL as `\N`, or `NULL` when `escape` is Quoted).
    pub fn write(&self, out: &mut Vec<u8>, row: usize, escape: Escape) -> Result<()> {
        if self.is_null(row) {
            out.extend_from_slice(if escape == Escape::Quoted { b"NULL" } else { b"\\N" });
            return Ok(());
        }
        self.write_non_null(out, row, escape)
    }

    /// Appends the text of a non-NULL `row`. Values that are quoted inside
    /// composites (strings, dates, UUIDs …) get quotes when `escape` is Quoted.
    pub fn write_non_null(&self, out: &mut Vec<u8>, row: usize, escape: Escape) -> Result<()> {
        let mut ib = itoa::Buffer::new();
        let q = escape == Escape::Quoted;
        if q && self.quoted() {
            out.push(b'\'');
        }
        match &self.kind {
            Kind::Null => out.extend_from_slice(b"NULL"),
            Kind::Bool(a) => out.extend_from_slice(if a.value(row) { b"true" } else { b"false" }),
            Kind::U8(v) => out.extend_from_slice(ib.format(v[row]).as_bytes()),
            Kind::U16(v) => out.extend_from_slice(ib.format(v[row]).as_bytes()),
            Kind::U32(v) => out.extend_from_slice(ib.format(v[row]).as_bytes()),
            Kind::U64(v) => out.extend_from_slice(ib.format(v[row]).as_bytes()),
            Kind::I8(v) => out.extend_from_slice(ib.format(v[row]).as_bytes()),
            Kind::I16(v) => out.extend_from_slice(ib.format(v[row]).as_bytes()),
            Kind::I32(v) => out.extend_from_slice(ib.format(v[row]).as_bytes()),
            Kind::I64(v) => out.extend_from_slice(ib.format(v[row]).as_bytes()),
            Kind::F32(v) => write_f32(out, v[row]),
            Kind::F64(v) => write_f64(out, v[row]),
            Kind::BigInt(a, signed) => write_big_int(out, a.value(row), *signed),
            Kind::Dec128(v, scale, tz) => write_decimal_digits(out, ib.format(v[row]).as_bytes(), *scale, *tz),
            Kind::Dec256(v, scale, tz) => write_decimal_digits(out, v[row].to_string().as_bytes(), *scale, *tz),
            Kind::Str(a) => self.write_bytes(out, a.value(row), escape),
            Kind::Binary(a) => self.write_bytes(out, a.value(row), escape),
            Kind::Fixed(a) => self.write_bytes(out, a.value(row), escape),
            Kind::Date(v) => write_date(out, v[row] as i64),
            Kind::DateTime(v, zone) => write_datetime(out, v[row], zone),
            Kind::DateTime64(v, zone, unit, p) => write_datetime64(out, v[row], *unit, *p, zone),
            Kind::Uuid(a) => write_uuid(out, a.value(row)),
            Kind::Ipv4(v) => write_ipv4(out, v[row]),
            Kind::Ipv6(a) => write_ipv6(out, a.value(row)),
            Kind::Enum8(v, items) => {
                self.write_enum(out, v[row] as i64, items.iter().map(|(n, c)| (n, *c as i64)), escape)?
            }
            Kind::Enum16(v, items) => {
                self.write_enum(out, v[row] as i64, items.iter().map(|(n, c)| (n, *c as i64)), escape)?
            }
            Kind::Array(offsets, child) => {
                out.push(b'[');
                let (s, e) = (offsets[row] as usize, offsets[row + 1] as usize);
                for i in s..e {
                    if i > s {
                        out.push(b',');
                    }
                    child.write(out, i, Escape::Quoted)?;
                }
                out.push(b']');
            }
            Kind::Tuple(cols) => {
                out.push(b'(');
                for (i, c) in cols.iter().enumerate() {
                    if i > 0 {
                        out.push(b',');
                    }
                    c.write(out, row, Escape::Quoted)?;
                }
                out.push(b')');
            }
            Kind::Map(offsets, keys, values) => {
                out.push(b'{');
                let (s, e) = (offsets[row] as usize, offsets[row + 1] as usize);
                for i in s..e {
                    if i > s {
                        out.push(b',');
                    }
                    keys.write(out, i, Escape::Quoted)?;
                    out.push(b':');
                    values.write(out, i, Escape::Quoted)?;
                }
                out.push(b'}');
            }
        }
        if q && self.quoted() {
            out.push(b'\'');
        }
        Ok(())
    }

    fn quoted(&self) -> bool {
        matches!(
            self.kind,
            Kind::Str(_)
                | Kind::Binary(_)
                | Kind::Fixed(_)
                | Kind::Date(_)
                | Kind::DateTime(..)
                | Kind::DateTime64(..)
                | Kind::Uuid(_)
                | Kind::Ipv4(_)
                | Kind::Ipv6(_)
                | Kind::Enum8(..)
                | Kind::Enum16(..)
        )
    }

    /// Strings: the quotes (if any) are written by the caller.
    fn write_bytes(&self, out: &mut Vec<u8>, bytes: &[u8], escape: Escape) {
        match escape {
            Escape::Raw => out.extend_from_slice(bytes),
            Escape::Tsv | Escape::Quoted => write_escaped(out, bytes),
        }
    }

    fn write_enum<'n>(
        &self,
        out: &mut Vec<u8>,
        code: i64,
        mut items: impl Iterator<Item = (&'n String, i64)>,
        escape: Escape,
    ) -> Result<()> {
        match items.find(|(_, c)| *c == code) {
            Some((name, _)) => {
                self.write_bytes(out, name.as_bytes(), escape);
                Ok(())
            }
            None => Err(Error::new(ErrorCode::BAD_ARGUMENTS, format!("Unexpected value {code} in enum"))),
        }
    }
}

#[cfg(test)]
#[path = "text_tests.rs"]
mod tests;
