//! Conversions to and from dates and times: `toDate`, `toDate32`, `toDateTime`,
//! `toDateTime64` (and their `OrNull`/`OrZero` forms), `toUnixTimestamp`,
//! `fromUnixTimestamp`, `toTimeZone`, `timezone()`; and the text parsers every
//! other reader of date text uses: [`parse_date`], [`parse_datetime`],
//! [`parse_datetime64`] (`YYYY-MM-DD`, `YYYYMMDD`, `YYYY-M-D`, `YYYY/MM/DD`,
//! `YYYY-MM-DD hh:mm:ss[.fff]` with `T`, `Z` or `±hh[:mm]`, Unix timestamps).
//!
//! Numbers convert as ClickHouse does: toDate takes days up to 65535 and Unix
//! seconds above; DateTime clamps to 0…2^32-1; between time types values wrap
//! (Date is UInt16 days, DateTime UInt32 seconds).

use arrow::array::{Array, AsArray};
use arrow::buffer::NullBuffer;
use arrow::datatypes::DataType;
use datafusion::error::Result as DfResult;
use datafusion::logical_expr::ColumnarValue;

use super::tz::{days_from_civil, Zone};
use super::{
    arg_array, build_output, finish, lit_i64, lit_str, map_i64, null_of, resolve_zone, scalar_int, ticks_per_second,
    with_zone, zone_arg, TKind, TimeIn, DAY,
};
use crate::error::{Error, ErrorCode, Result};
use crate::functions::{check_arg_count, Case, FunctionContext, FunctionRegistry, KernelArgs, TypedExpr};
use crate::types::ChType;

/// Reads 1..=max digits at `*i`.
fn digits(b: &[u8], i: &mut usize, max: usize) -> Option<i64> {
    let start = *i;
    let mut v = 0i64;
    while *i < b.len() && *i - start < max && b[*i].is_ascii_digit() {
        v = v * 10 + (b[*i] - b'0') as i64;
        *i += 1;
    }
    (*i > start).then_some(v)
}

/// Days of a civil date; month 1..12 required, days past the month's end roll over.
fn civil_days(y: i64, m: i64, d: i64) -> i64 {
    if !(1..=12).contains(&m) {
        return 0;
    }
    days_from_civil(y, m as u32, 1) + d - 1
}

/// `YYYY-MM-DD` (any one-character separator, 1-2 digit month/day) or
/// `YYYYMMDD`: (days, bytes used).
fn date_prefix(b: &[u8]) -> Option<(i64, usize)> {
    let mut i = 0;
    let y = digits(b, &mut i, 8)?;
    if i == 8 {
        return Some((civil_days(y / 10_000, y / 100 % 100, y % 100), 8));
    }
    if i != 4 || i >= b.len() || b[i].is_ascii_digit() {
        return None;
    }
    i += 1;
    let m = digits(b, &mut i, 2)?;
    if i >= b.len() || b[i].is_ascii_digit() {
        return None;
    }
    i += 1;
    let d = digits(b, &mut i, 2)?;
    Some((civil_days(y, m, d), i))
}

/// Days since 1970-01-01 of a date text (`YYYY-MM-DD`, `YYYYMMDD`; a following
/// ` hh:mm:ss` is ignored), or None.
pub fn parse_date(b: &[u8]) -> Option<i32> {
    let (days, used) = date_prefix(b)?;
    let rest = &b[used..];
    if rest.is_empty() || (rest.len() > 1 && rest[0] == b' ') {
        return i32::try_from(days).ok();
    }
    None
}

/// Local seconds, sub-second digits (value, digit count) and an explicit UTC
/// offset of a date-time text.
fn datetime_parts(b: &[u8]) -> Option<(i64, i64, u32, Option<i64>)> {
    // A Unix timestamp: 9 or more digits, optionally with a fraction.
    let int_len = b.iter().take_while(|c| c.is_ascii_digit()).count();
    if int_len == b.len() || (int_len >= 9 && b.get(int_len) == Some(&b'.')) {
        if int_len < 9 && int_len != 8 {
            return None;
        }
        if int_len >= 9 {
            let mut i = 0;
            let secs = digits(b, &mut i, 18)?;
            let (frac, nd) = fraction(b, &mut i);
            return (i == b.len()).then_some((secs, frac, nd, Some(0)));
        }
    }
    let (days, mut i) = date_prefix(b)?;
    let mut secs = days * DAY;
    let (mut frac, mut nd) = (0, 0);
    if i < b.len() && (b[i] == b' ' || b[i] == b'T') && b.get(i + 1).is_some_and(|c| c.is_ascii_digit()) {
        i += 1;
        let h = digits(b, &mut i, 2)?;
        if b.get(i) != Some(&b':') {
            return None;
        }
        i += 1;
        let mi = digits(b, &mut i, 2)?;
        let mut s = 0;
        if b.get(i) == Some(&b':') {
            i += 1;
            s = digits(b, &mut i, 2)?;
            (frac, nd) = fraction(b, &mut i);
        }
        secs += h * 3600 + mi * 60 + s;
    }
    let mut offset = None;
    match b.get(i) {
        Some(b'Z') => {
            offset = Some(0);
            i += 1;
        }
        Some(&c @ (b'+' | b'-')) => {
            i += 1;
            let h = digits(b, &mut i, 2)?;
            let mut m = 0;
            if b.get(i) == Some(&b':') {
                i += 1;
                m = digits(b, &mut i, 2)?;
            } else if b.get(i).is_some_and(|c| c.is_ascii_digit()) {
                m = digits(b, &mut i, 2)?;
            }
            let o = h * 3600 + m * 60;
            offset = Some(if c == b'-' { -o } else { o });
        }
        _ => {}
    }
    while b.get(i) == Some(&b' ') {
        i += 1;
    }
    (i == b.len()).then_some((secs, frac, nd, offset))
}

/// `.ddd`: (value of the digits, number of digits).
fn fraction(b: &[u8], i: &mut usize) -> (i64, u32) {
    if b.get(*i) != Some(&b'.') {
        return (0, 0);
    }
    *i += 1;
    let (mut v, mut n) = (0i64, 0u32);
    while *i < b.len() && b[*i].is_ascii_digit() {
        if n < 18 {
            v = v * 10 + (b[*i] - b'0') as i64;
            n += 1;
        }
        *i += 1;
    }
    (v, n)
}

fn to_utc(local: i64, offset: Option<i64>, zone: &Zone) -> i64 {
    match offset {
        Some(o) => local - o,
        None => zone.from_local(local),
    }
}

/// UTC seconds of a date-time text read in `zone` (a fraction is dropped), or None.
pub fn parse_datetime(b: &[u8], zone: &Zone) -> Option<i64> {
    let (local, _, _, offset) = datetime_parts(b)?;
    Some(to_utc(local, offset, zone))
}

/// A DateTime64(`precision`) text read in `zone`, in ticks of the Arrow unit
/// for that precision (`types::datetime64_unit`), or None. Extra digits truncate.
pub fn parse_datetime64(b: &[u8], precision: u8, zone: &Zone) -> Option<i64> {
    let (local, frac, nd, offset) = datetime_parts(b)?;
    let secs = to_utc(local, offset, zone);
    let s = ticks_per_second(precision);
    let p = precision.min(9) as u32;
    let kept = if nd > p { frac / 10i64.pow(nd - p) } else { frac * 10i64.pow(p - nd) };
    let sub = kept * (s / 10i64.pow(p)).max(1);
    secs.checked_mul(s)?.checked_add(sub)
}

#[derive(Clone, Copy, PartialEq)]
enum Target {
    Date,
    Date32,
    DateTime,
    DateTime64(i64, u8),
}

fn target_of(ret: &ChType) -> Target {
    match ret.base() {
        ChType::Date => Target::Date,
        ChType::Date32 => Target::Date32,
        ChType::DateTime64(p, _) => Target::DateTime64(ticks_per_second(*p), *p),
        _ => Target::DateTime,
    }
}

const ON_ERROR_THROW: i64 = 0;
const ON_ERROR_NULL: i64 = 1;

fn parse_error(target: Target, text: &[u8]) -> datafusion::error::DataFusionError {
    let t = String::from_utf8_lossy(text);
    match target {
        Target::Date | Target::Date32 => Error::new(
            ErrorCode::CANNOT_PARSE_DATE,
            format!("Cannot parse date: expected a date in the YYYY-MM-DD or YYYYMMDD format: Cannot parse Date from String '{t}'"),
        ),
        _ => Error::new(ErrorCode::CANNOT_PARSE_DATETIME, format!("Cannot parse DateTime from String '{t}'")),
    }
    .into_datafusion()
}

fn parse_one(b: &[u8], target: Target, zone: &Zone) -> Option<i64> {
    match target {
        Target::Date => parse_date(b).map(|d| d as i64),
        Target::Date32 => parse_date(b).map(|d| d as i64),
        Target::DateTime => parse_datetime(b, zone),
        Target::DateTime64(_, p) => parse_datetime64(b, p, zone),
    }
}

/// Converts a time value (raw `v` of `t`) to the target's storage unit.
fn from_time(t: &TimeIn, v: i64, target: Target) -> i64 {
    match target {
        Target::Date => t.local_days(v).rem_euclid(65_536),
        Target::Date32 => t.local_days(v),
        Target::DateTime => t.utc_secs(v).rem_euclid(1 << 32),
        Target::DateTime64(s, _) => {
            let frac = match t.kind {
                TKind::DateTime64(si, _) => t.frac(v) * s / si,
                _ => 0,
            };
            t.utc_secs(v) * s + frac
        }
    }
}

/// Converts an integer to the target.
fn from_int(v: i64, target: Target, zone: &Zone) -> i64 {
    match target {
        Target::Date if v > 65_535 => zone.to_local(v).div_euclid(DAY),
        Target::Date => v.max(0),
        Target::Date32 => v,
        Target::DateTime => v,
        Target::DateTime64(s, _) => v.saturating_mul(s),
    }
}

fn k_convert(k: &KernelArgs) -> DfResult<ColumnarValue> {
    let mode = scalar_int(k, 1)?;
    let zone = zone_arg(k, 2)?;
    let target = target_of(k.ret);
    let arr = arg_array(k, 0)?;
    let in_ty = &k.arg_types[0];
    let mut nulls = arr.logical_nulls();
    let vals = if let Some(kind) = TKind::of(in_ty) {
        let t = TimeIn { kind, zone: zone.clone() };
        map_i64(arr.as_ref(), |v| from_time(&t, v, target))?
    } else if in_ty.is_string_or_fixed() {
        let mut vals = Vec::with_capacity(arr.len());
        let mut failed: Option<Vec<bool>> = None;
        let mut one = |i: usize, b: Option<&[u8]>| -> DfResult<()> {
            let v = match b {
                None => 0,
                Some(b) => match parse_one(b, target, &zone) {
                    Some(v) => v,
                    None if mode == ON_ERROR_THROW => return Err(parse_error(target, b)),
                    None => {
                        if mode == ON_ERROR_NULL {
                            failed.get_or_insert_with(|| vec![false; arr.len()])[i] = true;
                        }
                        match target {
                            Target::Date32 => -25_567,
                            _ => 0,
                        }
                    }
                },
            };
            vals.push(v);
            Ok(())
        };
        match arr.data_type() {
            DataType::BinaryView => {
                for (i, b) in arr.as_binary_view().iter().enumerate() {
                    one(i, b)?;
                }
            }
            DataType::FixedSizeBinary(_) => {
                for (i, b) in arr.as_fixed_size_binary().iter().enumerate() {
                    one(i, b.map(|b| b.split(|c| *c == 0).next().unwrap_or(b)))?;
                }
            }
            DataType::Utf8 => {
                for (i, b) in arr.as_string::<i32>().iter().enumerate() {
                    one(i, b.map(str::as_bytes))?;
                }
            }
            other => {
                return Err(
                    Error::new(ErrorCode::ILLEGAL_COLUMN, format!("Unexpected column {other}")).into_datafusion()
                )
            }
        }
        if let Some(f) = failed {
            let valid = NullBuffer::from(f.iter().map(|x| !x).collect::<Vec<bool>>());
            nulls = NullBuffer::union(nulls.as_ref(), Some(&valid));
        }
        vals
    } else if in_ty.is_float() {
        let f: Vec<f64> = match arr.data_type() {
            DataType::Float32 => {
                arr.as_primitive::<arrow::datatypes::Float32Type>().values().iter().map(|v| *v as f64).collect()
            }
            _ => arr.as_primitive::<arrow::datatypes::Float64Type>().values().to_vec(),
        };
        f.into_iter()
            .map(|x| match target {
                Target::DateTime64(s, _) => (x * s as f64).round() as i64,
                _ => from_int(if x.is_nan() { 0 } else { x as i64 }, target, &zone),
            })
            .collect()
    } else {
        map_i64(arr.as_ref(), |v| from_int(v, target, &zone))?
    };
    finish(k, build_output(k.ret, vals, nulls)?)
}

/// Binds a conversion to `target` (`DateTime`/`DateTime64` get the zone filled in).
fn bind_convert(ctx: &FunctionContext, mut args: Vec<TypedExpr>, target: ChType, on_error: i64) -> Result<TypedExpr> {
    let name = ctx.name.clone();
    let with_precision = matches!(target, ChType::DateTime64(..));
    let base = usize::from(with_precision);
    check_arg_count(&name, &args, 1 + base, 2 + base)?;
    let mut target = target;
    if with_precision {
        let p = args[1].literal_int().filter(|p| (0..=9).contains(p)).ok_or_else(|| {
            Error::new(ErrorCode::ILLEGAL_TYPE_OF_ARGUMENT, format!("Illegal scale argument of function {name}"))
        })?;
        target = ChType::DateTime64(p as u8, None);
        args.remove(1);
    }
    let explicit = if args.len() == 2 { Some(super::const_str_arg(&name, &args, 1)?) } else { None };
    let x = &args[0];
    let ok = x.ty.is_nothing() || x.ty.is_string_or_fixed() || x.ty.is_numeric() || TKind::of(&x.ty).is_some();
    if !ok {
        return Err(Error::new(
            ErrorCode::ILLEGAL_TYPE_OF_ARGUMENT,
            format!("Illegal type {} of argument of function {name}", x.ty),
        ));
    }
    let zone = resolve_zone(ctx, &x.ty, explicit.clone())?;
    let ret_zone = explicit.or_else(|| x.ty.timezone().map(str::to_string));
    let mut ret = with_zone(&target, ret_zone);
    if x.ty.is_nothing() {
        return null_of(ret);
    }
    if x.ty.is_nullable() || on_error == ON_ERROR_NULL {
        ret = ret.nullable();
    }
    if x.ty == ret {
        return Ok(args.swap_remove(0));
    }
    let x = args.swap_remove(0);
    super::super::udf::call(&name, k_convert, vec![x, lit_i64(on_error), lit_str(&zone)], ret)
}

macro_rules! conv {
    ($b:ident, $target:expr, $mode:expr) => {
        fn $b(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
            bind_convert(ctx, args, $target, $mode)
        }
    };
}

conv!(b_date, ChType::Date, 0);
conv!(b_date_or_null, ChType::Date, 1);
conv!(b_date_or_zero, ChType::Date, 2);
conv!(b_date32, ChType::Date32, 0);
conv!(b_date32_or_null, ChType::Date32, 1);
conv!(b_date32_or_zero, ChType::Date32, 2);
conv!(b_datetime, ChType::DateTime(None), 0);
conv!(b_datetime_or_null, ChType::DateTime(None), 1);
conv!(b_datetime_or_zero, ChType::DateTime(None), 2);
conv!(b_datetime64, ChType::DateTime64(3, None), 0);
conv!(b_datetime64_or_null, ChType::DateTime64(3, None), 1);
conv!(b_datetime64_or_zero, ChType::DateTime64(3, None), 2);

/// `toUnixTimestamp(x[, tz])`: UInt32 seconds.
fn b_unix(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    let name = ctx.name.clone();
    check_arg_count(&name, &args, 1, 2)?;
    let e = bind_convert(ctx, args, ChType::DateTime(None), 0)?;
    let ret = if e.ty.is_nullable() { ChType::UInt32.nullable() } else { ChType::UInt32 };
    if e.ty.is_nothing() {
        return null_of(ChType::UInt32);
    }
    // Reinterpret the DateTime seconds as UInt32.
    let expr =
        datafusion::logical_expr::Expr::Cast(datafusion::logical_expr::Cast::new(Box::new(e.expr), DataType::Int64));
    let expr =
        datafusion::logical_expr::Expr::Cast(datafusion::logical_expr::Cast::new(Box::new(expr), DataType::UInt32));
    Ok(TypedExpr::new(expr, ret))
}

/// `fromUnixTimestamp(x)` = `toDateTime(x)`; with a format it is `formatDateTime`.
fn b_from_unix(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    if args.len() >= 2 {
        return super::format::b_format(ctx, args);
    }
    check_arg_count(&ctx.name, &args, 1, 1)?;
    if !args[0].ty.is_integer() && !args[0].ty.is_nothing() {
        return Err(crate::functions::illegal_type(&ctx.name, 0, &args[0].ty));
    }
    bind_convert(ctx, args, ChType::DateTime(None), 0)
}

/// `toTimeZone(t, 'zone')`: the same instant shown in another zone.
fn b_to_time_zone(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    check_arg_count(&ctx.name, &args, 2, 2)?;
    let zone = super::const_str_arg(&ctx.name, &args, 1)?;
    super::tz::zone(&zone)?;
    let mut x = args.into_iter().next().ok_or_else(|| Error::new(ErrorCode::LOGICAL_ERROR, "no argument"))?;
    match x.ty.base() {
        ChType::DateTime(_) | ChType::DateTime64(..) => {
            x.ty = with_zone(&x.ty, Some(zone));
            Ok(x)
        }
        other => Err(Error::new(
            ErrorCode::ILLEGAL_TYPE_OF_ARGUMENT,
            format!("Illegal type {other} of argument of function {}", ctx.name),
        )),
    }
}

/// `timezone()`: the session zone.
fn b_timezone(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    check_arg_count(&ctx.name, &args, 0, 0)?;
    Ok(lit_str(&ctx.timezone))
}

pub fn register(r: &mut FunctionRegistry) {
    let s = Case::Sensitive;
    r.scalar("toDate", s, b_date);
    r.scalar("DATE", Case::Insensitive, b_date);
    r.scalar("toDateOrNull", s, b_date_or_null);
    r.scalar("toDateOrZero", s, b_date_or_zero);
    r.scalar("toDate32", s, b_date32);
    r.scalar("toDate32OrNull", s, b_date32_or_null);
    r.scalar("toDate32OrZero", s, b_date32_or_zero);
    r.scalar("toDateTime", s, b_datetime);
    r.scalar("toDateTimeOrNull", s, b_datetime_or_null);
    r.scalar("toDateTimeOrZero", s, b_datetime_or_zero);
    r.scalar("toDateTime64", s, b_datetime64);
    r.scalar("toDateTime64OrNull", s, b_datetime64_or_null);
    r.scalar("toDateTime64OrZero", s, b_datetime64_or_zero);
    r.scalar("toUnixTimestamp", s, b_unix);
    r.scalar("UNIX_TIMESTAMP", Case::Insensitive, b_unix);
    r.scalar("fromUnixTimestamp", s, b_from_unix);
    r.scalar("FROM_UNIXTIME", Case::Insensitive, b_from_unix);
    r.scalar("toTimeZone", s, b_to_time_zone);
    r.scalar("toTimezone", s, b_to_time_zone);
    r.scalar("timezone", s, b_timezone);
    r.scalar("timeZone", s, b_timezone);
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use super::super::tz::zone;
    use super::*;

    #[test]
    fn parsers() {
        let utc = zone("UTC").unwrap();
        let p = |s: &str| parse_date(s.as_bytes()).map(|v| v as i64);
        assert_eq!(p("2000-01-01 10:00:00"), Some(d(2000, 1, 1)));
        assert_eq!(p("2000-1-1"), Some(d(2000, 1, 1)));
        assert_eq!(p("20000101"), Some(d(2000, 1, 1)));
        assert_eq!(p("2000/01/02"), Some(d(2000, 1, 2)));
        assert_eq!(p("2000-02-30"), Some(d(2000, 3, 1)));
        for bad in [" 2000-01-01", "2000-01-01T10", "1000", "2000-01-01x", "", "2000-01", "2000-01-01 "] {
            assert_eq!(p(bad), None, "{bad}");
        }
        let t = |s: &str| parse_datetime(s.as_bytes(), &utc);
        assert_eq!(t("2000-01-01"), Some(ts(2000, 1, 1, 0, 0, 0)));
        assert_eq!(t("2000-01-01 1:2:3"), Some(ts(2000, 1, 1, 1, 2, 3)));
        assert_eq!(t("2000-01-01T01:02:03"), Some(ts(2000, 1, 1, 1, 2, 3)));
        assert_eq!(t("1234567890"), Some(1_234_567_890));
        assert_eq!(t("2000-01-01 01:02:03.789"), Some(ts(2000, 1, 1, 1, 2, 3)));
        assert_eq!(t("2000-01-01 01:02"), Some(ts(2000, 1, 1, 1, 2, 0)));
        assert_eq!(t("2000-01-01 01:02:03Z"), Some(ts(2000, 1, 1, 1, 2, 3)));
        assert_eq!(t("2000-01-01 01:02:03 "), Some(ts(2000, 1, 1, 1, 2, 3)));
        assert_eq!(t("2000-01-01 25:02:03"), Some(ts(2000, 1, 2, 1, 2, 3)));
        assert_eq!(t("2000-01-01 01:02:03+03:00"), Some(ts(1999, 12, 31, 22, 2, 3)));
        for bad in ["abc", "", "99999", "2000-01-01 01:02:03.5x", "2000-01-01 00:00:00x"] {
            assert_eq!(t(bad), None, "{bad}");
        }
        let t64 = |s: &str, p: u8| parse_datetime64(s.as_bytes(), p, &utc);
        assert_eq!(t64("2000-01-01 01:02:03.78", 3), Some(ts(2000, 1, 1, 1, 2, 3) * 1000 + 780));
        assert_eq!(t64("2000-01-01 01:02:03.123456789", 3), Some(ts(2000, 1, 1, 1, 2, 3) * 1000 + 123));
        assert_eq!(t64("1234567890.5", 3), Some(1_234_567_890_500));
        assert_eq!(t64("1969-12-31 23:59:59.5", 3), Some(-500));
        assert_eq!(t64("2000-01-01 00:00:00.5", 2), Some(ts(2000, 1, 1, 0, 0, 0) * 1000 + 500));
    }

    #[test]
    fn conversions_match_clickhouse() {
        assert_eq!(num("toDate", b_date, vec![s("2000-01-01")]), (Some(d(2000, 1, 1)), "Date".into()));
        assert_eq!(run("toDate", b_date, vec![s("abc")]).unwrap_err().code(), 38);
        assert_eq!(run("toDateTime", b_datetime, vec![s("abc")]).unwrap_err().code(), 41);
        assert_eq!(num("toDateOrNull", b_date_or_null, vec![s("abc")]), (None, "Nullable(Date)".into()));
        assert_eq!(num("toDateOrZero", b_date_or_zero, vec![s("abc")]).0, Some(0));
        assert_eq!(num("toDate32OrZero", b_date32_or_zero, vec![s("x")]).0, Some(d(1900, 1, 1)));
        assert_eq!(num("toDate32", b_date32, vec![s("1800-01-01")]).0, Some(d(1800, 1, 1)));
        // Date range: toDate('1969-12-31') = 1970-01-01, toDate('2150-01-01') = 2149-06-06.
        assert_eq!(num("toDate", b_date, vec![s("1969-12-31")]).0, Some(0));
        assert_eq!(num("toDate", b_date, vec![s("2150-01-01")]).0, Some(65_535));
        // Numbers: toDate(-1), toDate(65535), toDate(65536), toDate(100000), toDate32(-1), toDate(3.9).
        assert_eq!(num("toDate", b_date, vec![i(-1)]).0, Some(0));
        assert_eq!(num("toDate", b_date, vec![i(65_535)]).0, Some(65_535));
        assert_eq!(num("toDate", b_date, vec![i(65_536)]).0, Some(0));
        assert_eq!(num("toDate", b_date, vec![i(100_000)]).0, Some(1));
        assert_eq!(num("toDate32", b_date32, vec![i(-1)]).0, Some(-1));
        let f = |v: f64| lit(datafusion::scalar::ScalarValue::Float64(Some(v)), ChType::Float64);
        assert_eq!(num("toDate", b_date, vec![f(3.9)]).0, Some(3));
        assert_eq!(num("toDateTime", b_datetime, vec![i(-1)]).0, Some(0));
        assert_eq!(num("toDateTime", b_datetime, vec![i(4_294_967_296)]).0, Some(4_294_967_295));
        assert_eq!(num("toDateTime64", b_datetime64, vec![f(-1.5), i(3)]), (Some(-1500), "DateTime64(3)".into()));
        // Zones: toDateTime('2000-01-01 00:00:00', 'Asia/Tokyo') = 946652400.
        let (v, t) = num("toDateTime", b_datetime, vec![s("2000-01-01 00:00:00"), s("Asia/Tokyo")]);
        assert_eq!((v, t.as_str()), (Some(946_652_400), "DateTime('Asia/Tokyo')"));
        // DST gap and overlap in New York.
        let ny = || s("America/New_York");
        assert_eq!(num("toDateTime", b_datetime, vec![s("2021-03-14 02:30:00"), ny()]).0, Some(1_615_703_400));
        assert_eq!(num("toDateTime", b_datetime, vec![s("2021-11-07 01:30:00"), ny()]).0, Some(1_636_263_000));
        assert_eq!(run("toDateTime", b_datetime, vec![s("2000-01-01"), s("Bad/Zone")]).unwrap_err().code(), 36);
        // toDate(toDateTime('2000-01-01 23:00:00'), 'Asia/Tokyo') = 2000-01-02
        assert_eq!(
            num("toDate", b_date, vec![dt(ts(2000, 1, 1, 23, 0, 0), None), s("Asia/Tokyo")]).0,
            Some(d(2000, 1, 2))
        );
        // Wrapping between time types: toDate(toDate32('2200-01-01')) = 2020-07-27.
        assert_eq!(num("toDate", b_date, vec![date32(d(2200, 1, 1) as i32)]).0, Some(d(2020, 7, 27)));
        assert_eq!(
            num("toDateTime64", b_datetime64, vec![date32(d(1950, 1, 1) as i32), i(3)]).0,
            Some(ts(1950, 1, 1, 0, 0, 0) * 1000)
        );
        assert_eq!(
            num("toUnixTimestamp", b_unix, vec![s("2000-01-01 00:00:00"), s("Asia/Tokyo")]),
            (Some(946_652_400), "UInt32".into())
        );
        assert_eq!(num("toUnixTimestamp", b_unix, vec![dt64(946_684_800_500, 3, None)]).0, Some(946_684_800));
        assert_eq!(num("toDateTime", b_datetime, vec![null()]), (None, "Nullable(DateTime)".into()));
        let (_, t) = run("toTimeZone", b_to_time_zone, vec![dt(0, None), s("Asia/Tokyo")]).unwrap();
        assert_eq!(t.to_string(), "DateTime('Asia/Tokyo')");
        assert_eq!(text("timezone", b_timezone, vec![]), Some("UTC".into()));
    }
}
