//! The value conversions behind [`super::conversion::cast`]: one kernel that
//! converts an Arrow column of one ClickHouse type into another with
//! ClickHouse's `CAST` semantics (integers wrap like C `as`, floats truncate
//! toward zero through a 32- or 64-bit register, decimals truncate and overflow
//! with DECIMAL_OVERFLOW 407, dates and times convert in a time zone), plus the
//! `accurateCast` (exact or error) and `…OrNull` modes. Casts that Arrow does
//! exactly (widening) never come here: the binder emits a plain `Expr::Cast`.
//!
//! (U)Int128 is stored as 16 big-endian bytes with the top bit flipped (signed
//! and unsigned alike, as `formats::text` decodes) (spec/engine.md "Types on Arrow"); (U)Int256 likewise in 32 bytes,
//! converted through its low 128 bits (exact for values that fit an i128).

use std::sync::Arc;

use arrow::array::{Array, ArrayRef, ArrowPrimitiveType, AsArray, BooleanArray, FixedSizeBinaryArray, PrimitiveArray};
use arrow::buffer::NullBuffer;
use arrow::datatypes::*;
use chrono::{NaiveDate, TimeZone};
use datafusion::error::Result as DfResult;
use datafusion::logical_expr::ColumnarValue;
use datafusion::scalar::ScalarValue;

use super::KernelArgs;
use crate::error::{Error, ErrorCode, Result};
use crate::formats::parse::{parse_column, OnError};
use crate::formats::text::{to_text_column, TextOptions};
use crate::types::wide::{self, Wide};
use crate::types::{datetime64_unit, ChType};

/// How a conversion treats values that do not fit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// `CAST`/`toT`: wrap, truncate, parse or throw.
    Plain,
    /// `…OrNull`: unparsable text gives NULL.
    OrNull,
    /// `…OrZero`: unparsable text gives the default value.
    OrZero,
    /// `accurateCast`: a value that changes gives CANNOT_CONVERT_TYPE (70).
    Accurate,
    /// `accurateCastOrNull`: a value that changes gives NULL.
    AccurateOrNull,
}

pub fn cast_plain(k: &KernelArgs) -> DfResult<ColumnarValue> {
    run(k, Mode::Plain)
}
pub fn cast_or_null(k: &KernelArgs) -> DfResult<ColumnarValue> {
    run(k, Mode::OrNull)
}
pub fn cast_or_zero(k: &KernelArgs) -> DfResult<ColumnarValue> {
    run(k, Mode::OrZero)
}
pub fn cast_accurate(k: &KernelArgs) -> DfResult<ColumnarValue> {
    run(k, Mode::Accurate)
}
pub fn cast_accurate_or_null(k: &KernelArgs) -> DfResult<ColumnarValue> {
    run(k, Mode::AccurateOrNull)
}

/// Argument 0 is the value, argument 1 the session time zone (a string literal).
fn run(k: &KernelArgs, mode: Mode) -> DfResult<ColumnarValue> {
    let tz = match k.args.get(1) {
        Some(ColumnarValue::Scalar(ScalarValue::BinaryView(Some(b)))) => String::from_utf8_lossy(b).into_owned(),
        _ => "UTC".to_string(),
    };
    let Some(from) = k.arg_types.first() else {
        return Err(Error::new(ErrorCode::LOGICAL_ERROR, "cast without argument").into_datafusion());
    };
    match &k.args[0] {
        ColumnarValue::Scalar(s) => {
            let arr = s.to_array_of_size(1)?;
            let out = convert(&arr, from, k.ret, &tz, mode).map_err(Error::into_datafusion)?;
            Ok(ColumnarValue::Scalar(ScalarValue::try_from_array(&out, 0)?))
        }
        ColumnarValue::Array(arr) => {
            Ok(ColumnarValue::Array(convert(arr, from, k.ret, &tz, mode).map_err(Error::into_datafusion)?))
        }
    }
}

/// Values read from a column, in a wide form.
pub(crate) enum Vals {
    Int(Vec<i128>),
    Float(Vec<f64>),
    /// Unscaled value and scale (Decimal, and DateTime64 in its Arrow unit).
    Dec(Vec<i128>, u32),
}

fn prim<T: ArrowPrimitiveType>(arr: &dyn Array, f: impl Fn(T::Native) -> i128) -> Vec<i128> {
    arr.as_primitive::<T>().values().iter().map(|v| f(*v)).collect()
}

/// Decodes a (U)Int128 stored as big-endian bytes with the top bit flipped (for
/// signed and unsigned alike: the layout `formats::text` decodes).
pub fn i128_from_bytes(b: &[u8], _signed: bool) -> i128 {
    let mut buf = [0u8; 16];
    if b.len() == 16 {
        buf.copy_from_slice(b);
    }
    (u128::from_be_bytes(buf) ^ (1u128 << 127)) as i128
}

/// Encodes a (U)Int128 as stored in Arrow (see [`i128_from_bytes`]).
pub fn i128_to_bytes(v: i128, _signed: bool) -> [u8; 16] {
    ((v as u128) ^ (1u128 << 127)).to_be_bytes()
}

/// The low 128 bits of a stored (U)Int256 (32 big-endian bytes, sign bit flipped when signed).
fn i256_low(b: &[u8], _signed: bool) -> i128 {
    // The flipped top bit lives in the high half, so the low 128 bits are stored as is.
    let mut buf = [0u8; 16];
    if b.len() == 32 {
        buf.copy_from_slice(&b[16..]);
    }
    i128::from_be_bytes(buf)
}

/// Stores an i128 as a (U)Int256, sign-extended (so toUInt256(-1) is 2^256 − 1, as in ClickHouse).
fn i256_bytes(v: i128, _signed: bool) -> [u8; 32] {
    let mut out = [if v < 0 { 0xFF } else { 0 }; 32];
    out[16..].copy_from_slice(&v.to_be_bytes());
    out[0] ^= 0x80;
    out
}

/// (U)Int128 and (U)Int256.
pub(crate) fn is_wide_int(t: &ChType) -> bool {
    matches!(t, ChType::Int128 | ChType::UInt128 | ChType::Int256 | ChType::UInt256)
}

/// Reads an integer column (any width, Bool included) as exact [`Wide`] values.
pub(crate) fn read_wide(arr: &dyn Array, from: &ChType) -> Result<Vec<Wide>> {
    if is_wide_int(from) {
        let fsb = arr.as_fixed_size_binary_opt().ok_or_else(|| not_supported(from, None))?;
        let unsigned = from.is_unsigned_int();
        return Ok((0..fsb.len()).map(|i| wide::decode(fsb.value(i), unsigned)).collect());
    }
    match read(arr, from)? {
        Vals::Int(v) => Ok(v.into_iter().map(Wide::from_i128).collect()),
        _ => Err(not_supported(from, None)),
    }
}

/// Reads an integer or decimal column as 256-bit unscaled values and their scale
/// (UInt256 values above 2^255 are not representable and read as their bits).
pub(crate) fn read_dec256(arr: &dyn Array, from: &ChType) -> Result<(Vec<i256>, u32)> {
    match from {
        ChType::Decimal(p, s) if *p > 38 => {
            let d = arr.as_primitive_opt::<Decimal256Type>().ok_or_else(|| not_supported(from, None))?;
            Ok((d.values().to_vec(), *s as u32))
        }
        ChType::Decimal(_, s) => {
            let d = arr.as_primitive_opt::<Decimal128Type>().ok_or_else(|| not_supported(from, None))?;
            Ok((d.values().iter().map(|v| i256::from_i128(*v)).collect(), *s as u32))
        }
        _ => Ok((read_wide(arr, from)?.into_iter().map(Wide::bits).collect(), 0)),
    }
}

/// Writes [`Wide`] values as a (U)Int128/(U)Int256 column (wrapping into the width).
pub(crate) fn write_wide(vals: &[Wide], nulls: Option<&NullBuffer>, to: &ChType) -> Result<ArrayRef> {
    let valid = |i: usize| !nulls.is_some_and(|b| b.is_null(i));
    let arr = if to.bit_width().is_some_and(|b| b > 128) {
        let bytes: Vec<[u8; 32]> = vals.iter().map(|w| wide::encode32(w.bits())).collect();
        FixedSizeBinaryArray::try_from_sparse_iter_with_size(
            bytes.iter().enumerate().map(|(i, b)| valid(i).then_some(b.as_slice())),
            32,
        )?
    } else {
        let bytes: Vec<[u8; 16]> = vals.iter().map(|w| wide::encode16(w.bits())).collect();
        FixedSizeBinaryArray::try_from_sparse_iter_with_size(
            bytes.iter().enumerate().map(|(i, b)| valid(i).then_some(b.as_slice())),
            16,
        )?
    };
    Ok(Arc::new(arr))
}

/// Conversions into or out of (U)Int128/(U)Int256 that need all 256 bits:
/// integer ↔ wide integer (wrapping into the target width) and wide integer →
/// float, float → wide integer. None: not such a conversion.
fn convert_wide(arr: &ArrayRef, fb: &ChType, tb: &ChType) -> Option<Result<ArrayRef>> {
    let int = |t: &ChType| t.is_integer() || matches!(t, ChType::Bool);
    if !(is_wide_int(fb) || is_wide_int(tb)) {
        return None;
    }
    let nulls = arr.logical_nulls();
    if is_wide_int(tb) && int(fb) {
        return Some(read_wide(arr.as_ref(), fb).and_then(|v| write_wide(&v, nulls.as_ref(), tb)));
    }
    if is_wide_int(tb) && fb.is_float() {
        let Ok(Vals::Float(f)) = read(arr.as_ref(), fb) else { return None };
        let mut out = Vec::with_capacity(f.len());
        for (i, x) in f.iter().enumerate() {
            if nulls.as_ref().is_some_and(|b| b.is_null(i)) {
                out.push(Wide::ZERO);
                continue;
            }
            if !x.is_finite() {
                return Some(Err(nan_to_int()));
            }
            out.push(Wide::from_f64_clickhouse(*x).unwrap_or(Wide::ZERO));
        }
        return Some(write_wide(&out, nulls.as_ref(), tb));
    }
    if is_wide_int(fb) && matches!(tb, ChType::Decimal(p, _) if *p > 38) {
        return Some(read_dec256(arr.as_ref(), fb).and_then(|(v, _)| {
            let ChType::Decimal(_, s) = tb else { return Err(decimal_overflow()) };
            // Wraps in 256 bits, as ClickHouse does for Decimal256.
            let m = i256::from_i128(10).checked_pow(*s as u32).ok_or_else(decimal_overflow)?;
            let out: Vec<i256> = v.iter().map(|x| x.wrapping_mul(m)).collect();
            Ok(Arc::new(arrow::array::Decimal256Array::new(out.into(), nulls.clone()).with_data_type(tb.to_arrow()))
                as ArrayRef)
        }));
    }
    if is_wide_int(fb) && tb.is_float() {
        let v = match read_wide(arr.as_ref(), fb) {
            Ok(v) => v,
            Err(e) => return Some(Err(e)),
        };
        let n = v.len();
        let f = Vals::Float(v.iter().map(|w| w.to_f64()).collect());
        return Some(write(&f, nulls.as_ref(), n, &ChType::Float64, tb, Mode::Plain));
    }
    None
}

pub(crate) fn read(arr: &dyn Array, from: &ChType) -> Result<Vals> {
    use ChType as C;
    Ok(match from {
        C::UInt8 => Vals::Int(prim::<UInt8Type>(arr, |v| v as i128)),
        C::UInt16 => Vals::Int(prim::<UInt16Type>(arr, |v| v as i128)),
        C::UInt32 | C::IPv4 => Vals::Int(prim::<UInt32Type>(arr, |v| v as i128)),
        C::UInt64 => Vals::Int(prim::<UInt64Type>(arr, |v| v as i128)),
        C::Int8 | C::Enum8(_) => Vals::Int(prim::<Int8Type>(arr, |v| v as i128)),
        C::Int16 | C::Enum16(_) => Vals::Int(prim::<Int16Type>(arr, |v| v as i128)),
        C::Int32 => Vals::Int(prim::<Int32Type>(arr, |v| v as i128)),
        C::Int64 | C::Interval(_) => Vals::Int(prim::<Int64Type>(arr, |v| v as i128)),
        C::Date | C::Date32 => Vals::Int(prim::<Date32Type>(arr, |v| v as i128)),
        C::DateTime(_) => Vals::Int(prim::<TimestampSecondType>(arr, |v| v as i128)),
        C::DateTime64(p, _) => {
            let (vals, scale) = match datetime64_unit(*p) {
                TimeUnit::Second => (prim::<TimestampSecondType>(arr, |v| v as i128), 0),
                TimeUnit::Millisecond => (prim::<TimestampMillisecondType>(arr, |v| v as i128), 3),
                TimeUnit::Microsecond => (prim::<TimestampMicrosecondType>(arr, |v| v as i128), 6),
                TimeUnit::Nanosecond => (prim::<TimestampNanosecondType>(arr, |v| v as i128), 9),
            };
            Vals::Dec(vals, scale)
        }
        C::Bool => {
            let b = arr.as_boolean();
            Vals::Int((0..b.len()).map(|i| b.value(i) as i128).collect())
        }
        C::Float32 => Vals::Float(arr.as_primitive::<Float32Type>().values().iter().map(|v| *v as f64).collect()),
        C::Float64 => Vals::Float(arr.as_primitive::<Float64Type>().values().to_vec()),
        C::Decimal(p, s) if *p <= 38 => Vals::Dec(prim::<Decimal128Type>(arr, |v| v), *s as u32),
        C::Decimal(_, s) => {
            // Decimal256 through i128: exact for values of up to 38 digits, else 407.
            let d = arr.as_primitive_opt::<Decimal256Type>().ok_or_else(|| not_supported(from, None))?;
            let nulls = d.nulls();
            let mut out = Vec::with_capacity(d.len());
            for (i, v) in d.values().iter().enumerate() {
                match v.to_i128() {
                    Some(x) => out.push(x),
                    None if nulls.is_some_and(|n| n.is_null(i)) => out.push(0),
                    None => return Err(decimal_overflow()),
                }
            }
            Vals::Dec(out, *s as u32)
        }
        C::Int128 | C::UInt128 => {
            let fsb = arr.as_fixed_size_binary();
            let signed = matches!(from, C::Int128);
            Vals::Int((0..fsb.len()).map(|i| i128_from_bytes(fsb.value(i), signed)).collect())
        }
        C::Int256 | C::UInt256 => {
            // The low 128 bits: exact for values in i128, and the wrap ClickHouse does when narrowing.
            let fsb = arr.as_fixed_size_binary();
            let signed = matches!(from, C::Int256);
            Vals::Int((0..fsb.len()).map(|i| i256_low(fsb.value(i), signed)).collect())
        }
        other => return Err(not_supported(other, None)),
    })
}

fn not_supported(from: &ChType, to: Option<&ChType>) -> Error {
    match to {
        Some(to) => {
            Error::new(ErrorCode::CANNOT_CONVERT_TYPE, format!("Conversion from {from} to {to} is not supported"))
        }
        None => Error::new(ErrorCode::NOT_IMPLEMENTED, format!("Conversion from {from} is not supported yet")),
    }
}

pub(crate) fn pow10(n: u32) -> i128 {
    10i128.checked_pow(n).unwrap_or(i128::MAX)
}

fn cannot_convert(from: &ChType, to: &ChType) -> Error {
    Error::new(
        ErrorCode::CANNOT_CONVERT_TYPE,
        format!("Value in column {from} cannot be safely converted into type {to}"),
    )
}

fn nan_to_int() -> Error {
    Error::new(ErrorCode::CANNOT_CONVERT_TYPE, "Unexpected inf or nan to integer conversion")
}

/// Float → integer as ClickHouse does on x86: truncate toward zero in a 32-bit
/// register for targets up to 32 bits (64 for UInt32 and wider); out of range
/// gives the register's minimum; the result then wraps into the target.
fn float_to_int(f: f64, to: &ChType) -> Result<i128> {
    if !f.is_finite() {
        return Err(nan_to_int());
    }
    let t = f.trunc();
    let bits = to.bit_width().unwrap_or(64);
    Ok(if bits <= 32 && !matches!(to, ChType::UInt32) {
        if (-2147483648.0..2147483648.0).contains(&t) {
            t as i32 as i128
        } else {
            i32::MIN as i128
        }
    } else if matches!(to, ChType::UInt64) && (0.0..1.844_674_407_370_955_2e19).contains(&t) {
        // chdb: toUInt64(1e19) = 10000000000000000000; beyond 2^64 the i64 rule applies.
        t as u64 as i128
    } else if bits <= 64 {
        if (-9.223_372_036_854_776e18..9.223_372_036_854_776e18).contains(&t) {
            t as i64 as i128
        } else {
            i64::MIN as i128
        }
    } else {
        t as i128
    })
}

/// Whether an integer fits the target integer type exactly.
fn int_fits(v: i128, to: &ChType) -> bool {
    let bits = to.bit_width().unwrap_or(64);
    if bits >= 128 {
        return if to.is_unsigned_int() { v >= 0 } else { true };
    }
    if to.is_unsigned_int() || matches!(to, ChType::Bool) {
        v >= 0 && (v as u128) < (1u128 << bits)
    } else {
        let half = 1i128 << (bits - 1);
        v >= -half && v < half
    }
}

/// A value in the wide form, converted to an integer of type `to`.
fn to_int(vals: &Vals, i: usize, from: &ChType, to: &ChType, mode: Mode) -> Result<Option<i128>> {
    let accurate = matches!(mode, Mode::Accurate | Mode::AccurateOrNull);
    let fail = || -> Result<Option<i128>> {
        if mode == Mode::AccurateOrNull {
            Ok(None)
        } else {
            Err(cannot_convert(from, to))
        }
    };
    let v = match vals {
        Vals::Int(v) => v[i],
        Vals::Float(v) => {
            let f = v[i];
            if accurate && (!f.is_finite() || f.trunc() != f || !int_fits(f as i128, to)) {
                return fail();
            }
            float_to_int(f, to)?
        }
        Vals::Dec(v, s) => {
            let q = v[i] / pow10(*s);
            if accurate && q * pow10(*s) != v[i] {
                return fail();
            }
            // Decimal → integer never wraps: ClickHouse raises DECIMAL_OVERFLOW.
            if !accurate && *s > 0 && !int_fits(q, to) && to.is_integer() {
                return Err(Error::new(ErrorCode::DECIMAL_OVERFLOW, "Convert overflow"));
            }
            q
        }
    };
    if accurate && !int_fits(v, to) {
        return fail();
    }
    Ok(Some(v))
}

fn to_f64(vals: &Vals, i: usize) -> f64 {
    match vals {
        Vals::Int(v) => v[i] as f64,
        Vals::Float(v) => v[i],
        Vals::Dec(v, s) => v[i] as f64 / pow10(*s) as f64,
    }
}

fn decimal_overflow() -> Error {
    Error::new(ErrorCode::DECIMAL_OVERFLOW, "Decimal convert overflow")
}

/// A value as an unscaled decimal of scale `scale` (truncating), checked against `precision` digits.
fn to_decimal(vals: &Vals, i: usize, precision: u32, scale: u32) -> Result<i128> {
    let v = match vals {
        Vals::Int(v) => v[i].checked_mul(pow10(scale)).ok_or_else(decimal_overflow)?,
        Vals::Float(v) => {
            let f = v[i];
            if !f.is_finite() {
                return Err(Error::new(
                    ErrorCode::DECIMAL_OVERFLOW,
                    "Decimal convert overflow. Cannot convert infinity or NaN to decimal",
                ));
            }
            let x = (f * pow10(scale) as f64).trunc();
            if x.abs() >= 1e38 {
                return Err(decimal_overflow());
            }
            if precision > 18 {
                // Decimal128's storage is a ClickHouse wide integer, which takes large floats inexactly.
                Wide::from_f64_clickhouse(x).map_or(x as i128, Wide::low_i128)
            } else {
                x as i128
            }
        }
        Vals::Dec(v, s) => {
            if scale >= *s {
                v[i].checked_mul(pow10(scale - s)).ok_or_else(decimal_overflow)?
            } else {
                v[i] / pow10(s - scale)
            }
        }
    };
    // ClickHouse bounds a decimal by its storage, not its digits: toDecimal64(1, 18) is fine.
    if !fits_decimal_storage(v, precision) {
        return Err(decimal_overflow());
    }
    Ok(v)
}

/// Whether an unscaled value fits the storage of Decimal(precision, _) (Int32/64/128).
pub(crate) fn fits_decimal_storage(v: i128, precision: u32) -> bool {
    match precision {
        0..=9 => i32::try_from(v).is_ok(),
        10..=18 => i64::try_from(v).is_ok(),
        _ => true,
    }
}

/// Builds a primitive array row by row; `None` from `f` is NULL.
fn build<T: ArrowPrimitiveType>(
    n: usize,
    nulls: Option<&NullBuffer>,
    mut f: impl FnMut(usize) -> Result<Option<T::Native>>,
) -> Result<(Vec<T::Native>, Option<NullBuffer>)> {
    let mut out = Vec::with_capacity(n);
    let mut valid: Option<Vec<bool>> = None;
    for i in 0..n {
        if nulls.is_some_and(|b| b.is_null(i)) {
            out.push(T::Native::default());
            continue;
        }
        match f(i)? {
            Some(v) => out.push(v),
            None => {
                out.push(T::Native::default());
                valid.get_or_insert_with(|| vec![true; n])[i] = false;
            }
        }
    }
    let extra = valid.map(NullBuffer::from);
    Ok((out, NullBuffer::union(nulls, extra.as_ref())))
}

fn prim_array<T: ArrowPrimitiveType>(
    n: usize,
    nulls: Option<&NullBuffer>,
    dt: DataType,
    f: impl FnMut(usize) -> Result<Option<T::Native>>,
) -> Result<ArrayRef> {
    let (vals, nb) = build::<T>(n, nulls, f)?;
    let arr = PrimitiveArray::<T>::new(vals.into(), nb).with_data_type(dt);
    Ok(Arc::new(arr))
}

pub(crate) fn tz_of(to: &ChType, session: &str) -> Option<chrono_tz::Tz> {
    let name = to.timezone().unwrap_or(session);
    if name == "UTC" {
        return None;
    }
    name.parse::<chrono_tz::Tz>().ok()
}

/// Seconds of local midnight of `days` in `tz`.
pub(crate) fn midnight(days: i64, tz: Option<chrono_tz::Tz>) -> i64 {
    let Some(tz) = tz else {
        return days * 86400;
    };
    let date = NaiveDate::from_num_days_from_ce_opt((days + 719_163).clamp(i32::MIN as i64, i32::MAX as i64) as i32);
    match date.and_then(|d| d.and_hms_opt(0, 0, 0)) {
        Some(naive) => match tz.from_local_datetime(&naive).earliest() {
            Some(t) => t.timestamp(),
            None => days * 86400,
        },
        None => days * 86400,
    }
}

/// Local day number of Unix `secs` in `tz`.
pub(crate) fn local_day(secs: i64, tz: Option<chrono_tz::Tz>) -> i64 {
    let Some(tz) = tz else {
        return secs.div_euclid(86400);
    };
    match tz.timestamp_opt(secs, 0).single() {
        Some(t) => t.date_naive().signed_duration_since(NaiveDate::default()).num_days(),
        None => secs.div_euclid(86400),
    }
}

/// Converts `arr` (ClickHouse type `from`) to type `to`.
pub fn convert(arr: &ArrayRef, from: &ChType, to: &ChType, tz: &str, mode: Mode) -> Result<ArrayRef> {
    if !to.is_nullable() && !from.is_nothing() && arr.null_count() > 0 && from.is_nullable() {
        return Err(Error::new(
            ErrorCode::CANNOT_INSERT_NULL_IN_ORDINARY_COLUMN,
            "Cannot convert NULL value to non-Nullable type",
        ));
    }
    let (fb, tb) = (from.base(), to.base());
    let opts = TextOptions { timezone: tz.to_string(), ..TextOptions::default() };
    if fb.is_nothing() {
        return Ok(arrow::array::new_null_array(&tb.to_arrow(), arr.len()));
    }
    if let (Some(items), ChType::String) = (enum_items(fb), tb) {
        return enum_to_string(arr, &items);
    }
    if let (true, Some(items)) = (fb.is_string(), enum_items(tb)) {
        return string_to_enum(arr, &items, tb);
    }
    if matches!(tb, ChType::String) {
        return to_text_column(arr.as_ref(), fb, &opts);
    }
    if fb.is_string_or_fixed() {
        let on_error = match mode {
            Mode::OrNull | Mode::AccurateOrNull => OnError::Null,
            Mode::OrZero => OnError::Default,
            _ => OnError::Throw,
        };
        return parse_column(arr.as_ref(), tb, &opts, on_error);
    }
    if let (ChType::Array(fe), ChType::Array(te)) = (fb, tb) {
        return convert_list(arr, fe, te, tz, mode);
    }
    if mode == Mode::Plain {
        if let Some(r) = convert_wide(arr, fb, tb) {
            return r;
        }
    }
    if let Some(r) = super::cast_composite::convert(arr, fb, tb, tz, mode) {
        return r;
    }
    let n = arr.len();
    let nulls = arr.logical_nulls();
    let nulls = nulls.as_ref();
    // Calendar conversions need the time zone.
    let from_date = matches!(fb, ChType::Date | ChType::Date32);
    let from_time = matches!(fb, ChType::DateTime(_) | ChType::DateTime64(..));
    let to_time = matches!(tb, ChType::DateTime(_) | ChType::DateTime64(..));
    let to_date = matches!(tb, ChType::Date | ChType::Date32);
    let mut vals = read(arr.as_ref(), fb)?;
    if from_date && to_time {
        let zone = tz_of(tb, tz);
        if let Vals::Int(v) = &mut vals {
            for x in v.iter_mut() {
                *x = midnight(*x as i64, zone) as i128;
            }
        }
    } else if from_time && to_date {
        let zone = tz_of(fb, tz);
        let secs: Vec<i128> = (0..n)
            .map(|i| match &vals {
                Vals::Int(v) => local_day(v[i] as i64, zone) as i128,
                Vals::Dec(v, s) => local_day((v[i].div_euclid(pow10(*s))) as i64, zone) as i128,
                Vals::Float(_) => 0,
            })
            .collect();
        return write_date(&Vals::Int(secs), nulls, n, tb, true);
    }
    if to_date {
        return write_date(&vals, nulls, n, tb, from_date);
    }
    if let Some(items) = enum_items(tb) {
        check_enum_values(&vals, nulls, &items)?;
    }
    write(&vals, nulls, n, fb, tb, mode)
}

/// An enum's (name, value) pairs.
pub(crate) fn enum_items(t: &ChType) -> Option<Vec<(String, i16)>> {
    match t {
        ChType::Enum8(items) => Some(items.iter().map(|(n, v)| (n.clone(), *v as i16)).collect()),
        ChType::Enum16(items) => Some(items.clone()),
        _ => None,
    }
}

fn enum_codes(arr: &dyn Array) -> Vec<i16> {
    match arr.data_type() {
        DataType::Int8 => arr.as_primitive::<Int8Type>().values().iter().map(|v| *v as i16).collect(),
        _ => arr.as_primitive::<Int16Type>().values().to_vec(),
    }
}

fn enum_to_string(arr: &ArrayRef, items: &[(String, i16)]) -> Result<ArrayRef> {
    let codes = enum_codes(arr.as_ref());
    let nulls = arr.logical_nulls();
    let mut b = arrow::array::BinaryViewBuilder::with_capacity(codes.len());
    for (i, c) in codes.iter().enumerate() {
        if nulls.as_ref().is_some_and(|n| n.is_null(i)) {
            b.append_null();
            continue;
        }
        match items.iter().find(|(_, v)| v == c) {
            Some((name, _)) => b.append_value(name.as_bytes()),
            None => b.append_value(c.to_string().as_bytes()),
        }
    }
    Ok(Arc::new(b.finish()))
}

fn unknown_enum(what: String) -> Error {
    Error::new(ErrorCode::UNKNOWN_ELEMENT_OF_ENUM, what)
}

fn string_to_enum(arr: &ArrayRef, items: &[(String, i16)], to: &ChType) -> Result<ArrayRef> {
    let s = arr.as_binary_view_opt().ok_or_else(|| Error::new(ErrorCode::LOGICAL_ERROR, "String is not BinaryView"))?;
    let mut codes = Vec::with_capacity(s.len());
    for i in 0..s.len() {
        if s.is_null(i) {
            codes.push(0i16);
            continue;
        }
        let text = s.value(i);
        let code = match items.iter().find(|(n, _)| n.as_bytes() == text) {
            Some((_, v)) => *v,
            None => {
                let num = std::str::from_utf8(text).ok().and_then(|t| t.parse::<i16>().ok());
                match num.filter(|n| items.iter().any(|(_, v)| v == n)) {
                    Some(n) => n,
                    None => {
                        return Err(unknown_enum(format!(
                            "Unknown element '{}' for enum",
                            String::from_utf8_lossy(text)
                        )))
                    }
                }
            }
        };
        codes.push(code);
    }
    let nulls = s.nulls().cloned();
    Ok(match to {
        ChType::Enum8(_) => {
            Arc::new(PrimitiveArray::<Int8Type>::new(codes.iter().map(|c| *c as i8).collect::<Vec<_>>().into(), nulls))
        }
        _ => Arc::new(PrimitiveArray::<Int16Type>::new(codes.into(), nulls)),
    })
}

fn check_enum_values(vals: &Vals, nulls: Option<&NullBuffer>, items: &[(String, i16)]) -> Result<()> {
    if let Vals::Int(v) = vals {
        for (i, x) in v.iter().enumerate() {
            if nulls.is_some_and(|n| n.is_null(i)) {
                continue;
            }
            if !items.iter().any(|(_, c)| *c as i128 == *x) {
                return Err(unknown_enum(format!("Unexpected value {x} in enum")));
            }
        }
    }
    Ok(())
}

/// Array(T) → Array(U): the elements are converted, offsets and validity kept.
fn convert_list(arr: &ArrayRef, from: &ChType, to: &ChType, tz: &str, mode: Mode) -> Result<ArrayRef> {
    let list = arr.as_list_opt::<i32>().ok_or_else(|| Error::new(ErrorCode::LOGICAL_ERROR, "Array is not a List"))?;
    let values = convert(list.values(), from, to, tz, mode)?;
    let field = Arc::new(to.to_arrow_field("item"));
    let out = arrow::array::ListArray::try_new(field, list.offsets().clone(), values, list.nulls().cloned())?;
    Ok(Arc::new(out))
}

fn write_date(vals: &Vals, nulls: Option<&NullBuffer>, n: usize, to: &ChType, days: bool) -> Result<ArrayRef> {
    let date32 = matches!(to, ChType::Date32);
    prim_array::<Date32Type>(n, nulls, DataType::Date32, |i| {
        let v = match vals {
            Vals::Int(v) => v[i],
            Vals::Float(v) => {
                if !v[i].is_finite() {
                    return Err(nan_to_int());
                }
                v[i].trunc() as i128
            }
            Vals::Dec(v, s) => v[i] / pow10(*s),
        };
        Ok(Some(if date32 {
            v.clamp(i32::MIN as i128, i32::MAX as i128) as i32
        } else if days {
            v.clamp(0, 65535) as i32
        } else if v < 0 {
            0
        } else if v <= 65535 {
            v as i32
        } else {
            (v / 86400).min(65535) as i32
        }))
    })
}

macro_rules! int_target {
    ($T:ty, $native:ty, $vals:expr, $nulls:expr, $n:expr, $from:expr, $to:expr, $mode:expr) => {
        prim_array::<$T>($n, $nulls, $to.to_arrow(), |i| Ok(to_int($vals, i, $from, $to, $mode)?.map(|v| v as $native)))
    };
}

pub(crate) fn write(
    vals: &Vals,
    nulls: Option<&NullBuffer>,
    n: usize,
    from: &ChType,
    to: &ChType,
    mode: Mode,
) -> Result<ArrayRef> {
    use ChType as C;
    match to {
        C::UInt8 => int_target!(UInt8Type, u8, vals, nulls, n, from, to, mode),
        C::UInt16 => int_target!(UInt16Type, u16, vals, nulls, n, from, to, mode),
        C::UInt32 | C::IPv4 => int_target!(UInt32Type, u32, vals, nulls, n, from, to, mode),
        C::UInt64 => int_target!(UInt64Type, u64, vals, nulls, n, from, to, mode),
        C::Int8 | C::Enum8(_) => int_target!(Int8Type, i8, vals, nulls, n, from, to, mode),
        C::Int16 | C::Enum16(_) => int_target!(Int16Type, i16, vals, nulls, n, from, to, mode),
        C::Int32 => int_target!(Int32Type, i32, vals, nulls, n, from, to, mode),
        C::Int64 | C::Interval(_) => int_target!(Int64Type, i64, vals, nulls, n, from, to, mode),
        C::DateTime(_) => prim_array::<TimestampSecondType>(n, nulls, to.to_arrow(), |i| {
            // ClickHouse saturates: toDateTime(-1) is 1970-01-01 00:00:00, 2^32 is 2106-02-07 06:28:15.
            let v = match vals {
                Vals::Float(f) if f[i].is_finite() => Some(f[i].trunc().clamp(0.0, u32::MAX as f64) as i128),
                _ => to_int(vals, i, from, &C::Int64, mode)?,
            };
            Ok(v.map(|v| v.clamp(0, u32::MAX as i128) as i64))
        }),
        C::Int128 | C::UInt128 => {
            let signed = matches!(to, C::Int128);
            let mut out: Vec<[u8; 16]> = Vec::with_capacity(n);
            let mut valid = Vec::with_capacity(n);
            for i in 0..n {
                if nulls.is_some_and(|b| b.is_null(i)) {
                    out.push([0; 16]);
                    valid.push(false);
                    continue;
                }
                match to_int(vals, i, from, to, mode)? {
                    Some(v) => {
                        out.push(i128_to_bytes(v, signed));
                        valid.push(true);
                    }
                    None => {
                        out.push([0; 16]);
                        valid.push(false);
                    }
                }
            }
            let arr = FixedSizeBinaryArray::try_from_sparse_iter_with_size(
                out.iter().zip(&valid).map(|(b, ok)| if *ok { Some(b.as_slice()) } else { None }),
                16,
            )?;
            Ok(Arc::new(arr))
        }
        C::Int256 | C::UInt256 => {
            let signed = matches!(to, C::Int256);
            let mut out: Vec<Option<[u8; 32]>> = Vec::with_capacity(n);
            for i in 0..n {
                if nulls.is_some_and(|b| b.is_null(i)) {
                    out.push(None);
                    continue;
                }
                out.push(to_int(vals, i, from, to, mode)?.map(|v| i256_bytes(v, signed)));
            }
            let arr = FixedSizeBinaryArray::try_from_sparse_iter_with_size(
                out.iter().map(|b| b.as_ref().map(|b| b.as_slice())),
                32,
            )?;
            Ok(Arc::new(arr))
        }
        C::Float32 => prim_array::<Float32Type>(n, nulls, DataType::Float32, |i| Ok(Some(to_f64(vals, i) as f32))),
        C::Float64 => prim_array::<Float64Type>(n, nulls, DataType::Float64, |i| Ok(Some(to_f64(vals, i)))),
        C::Bool => {
            let b: BooleanArray = (0..n)
                .map(|i| {
                    if nulls.is_some_and(|b| b.is_null(i)) {
                        None
                    } else {
                        Some(match vals {
                            Vals::Int(v) | Vals::Dec(v, _) => v[i] != 0,
                            Vals::Float(v) => v[i] != 0.0,
                        })
                    }
                })
                .collect();
            Ok(Arc::new(b))
        }
        C::Decimal(p, s) if *p <= 38 => {
            let accurate_null = mode == Mode::AccurateOrNull;
            prim_array::<Decimal128Type>(n, nulls, to.to_arrow(), |i| match to_decimal(vals, i, *p as u32, *s as u32) {
                Ok(v) => Ok(Some(v)),
                Err(_) if accurate_null => Ok(None),
                Err(e) => Err(e),
            })
        }
        C::Decimal(_, s) => {
            // Decimal256: computed in i256 (values read through i128, so sources up to 38 digits).
            use arrow::datatypes::i256;
            let ten = |n: u32| i256::from_i128(10).checked_pow(n).ok_or_else(decimal_overflow);
            let scale = *s as u32;
            let mut out = Vec::with_capacity(n);
            for i in 0..n {
                if nulls.is_some_and(|b| b.is_null(i)) {
                    out.push(i256::ZERO);
                    continue;
                }
                let v = match vals {
                    Vals::Int(v) => i256::from_i128(v[i]).checked_mul(ten(scale)?),
                    Vals::Float(v) => {
                        if !v[i].is_finite() {
                            return Err(decimal_overflow());
                        }
                        Wide::from_f64_clickhouse(v[i] * 10f64.powi(scale as i32)).map(Wide::bits)
                    }
                    Vals::Dec(v, s0) => {
                        let x = i256::from_i128(v[i]);
                        if scale >= *s0 {
                            x.checked_mul(ten(scale - s0)?)
                        } else {
                            x.checked_div(ten(s0 - scale)?)
                        }
                    }
                }
                .ok_or_else(decimal_overflow)?;
                out.push(v);
            }
            let arr = arrow::array::Decimal256Array::new(out.into(), nulls.cloned()).with_data_type(to.to_arrow());
            Ok(Arc::new(arr))
        }
        C::DateTime64(p, _) => {
            let (unit, digits) = match datetime64_unit(*p) {
                TimeUnit::Second => (TimeUnit::Second, 0u32),
                TimeUnit::Millisecond => (TimeUnit::Millisecond, 3),
                TimeUnit::Microsecond => (TimeUnit::Microsecond, 6),
                TimeUnit::Nanosecond => (TimeUnit::Nanosecond, 9),
            };
            let p = *p as u32;
            let f = |i: usize| -> Result<Option<i64>> {
                let v = to_decimal(vals, i, 39, p)?;
                Ok(Some((v.saturating_mul(pow10(digits.saturating_sub(p)))) as i64))
            };
            match unit {
                TimeUnit::Second => prim_array::<TimestampSecondType>(n, nulls, to.to_arrow(), f),
                TimeUnit::Millisecond => prim_array::<TimestampMillisecondType>(n, nulls, to.to_arrow(), f),
                TimeUnit::Microsecond => prim_array::<TimestampMicrosecondType>(n, nulls, to.to_arrow(), f),
                TimeUnit::Nanosecond => prim_array::<TimestampNanosecondType>(n, nulls, to.to_arrow(), f),
            }
        }
        other => Err(not_supported(from, Some(other))),
    }
}

/// Whether [`convert`] handles `from` → `to` (base types).
pub fn supported(from: &ChType, to: &ChType) -> bool {
    use ChType as C;
    let f = from.base();
    let t = to.base();
    if f.is_nothing() || matches!(t, C::String) || f.is_string_or_fixed() {
        return true;
    }
    if let (C::Array(fe), C::Array(te)) = (f, t) {
        return fe.base() == te.base() || supported(fe, te);
    }
    if let Some(s) = super::cast_composite::supported(f, t) {
        return s;
    }
    let readable = |x: &ChType| {
        matches!(
            x,
            C::UInt8
                | C::UInt16
                | C::UInt32
                | C::UInt64
                | C::Int8
                | C::Int16
                | C::Int32
                | C::Int64
                | C::Int128
                | C::UInt128
                | C::Int256
                | C::UInt256
                | C::IPv4
                | C::Enum8(_)
                | C::Enum16(_)
                | C::Interval(_)
                | C::Date
                | C::Date32
                | C::DateTime(_)
                | C::DateTime64(..)
                | C::Bool
                | C::Float32
                | C::Float64
        ) || matches!(x, C::Decimal(..))
    };
    let writable = readable;
    readable(f) && writable(t) && !matches!(t, C::Interval(_))
}
