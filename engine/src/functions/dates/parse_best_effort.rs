//! `parseDateTimeBestEffort(s[, tz])`, its `OrNull`/`OrZero` forms and
//! `parseDateTime64BestEffort(s[, p[, tz]])` (+ `OrNull`/`OrZero`): reading
//! dates and times in the many shapes people write them: ISO 8601 with `T`,
//! `Z` and offsets, `YYYY-MM-DD hh:mm:ss`, `DD/MM/YYYY`, `YYYYMMDD[hhmmss]`,
//! Unix timestamps (10 digits, or 13 with milliseconds), month and weekday
//! names, RFC 2822 (`Sat, 01 Jan 2022 10:00:00 +0000`), AM/PM. A missing year
//! is the current year (of the query's clock), a missing month or day is 1.

use arrow::array::{Array, AsArray};
use arrow::buffer::NullBuffer;
use arrow::datatypes::DataType;
use datafusion::error::Result as DfResult;
use datafusion::logical_expr::ColumnarValue;

use super::tz::{days_from_civil, days_in_month, Zone};
use super::{
    arg_array, build_output, finish, lit_i64, lit_str, null_of, resolve_zone, scalar_int, ticks_per_second, zone_arg,
    DAY,
};
use crate::error::{Error, ErrorCode, Result};
use crate::functions::{check_arg_count, Case, FunctionContext, FunctionRegistry, KernelArgs, TypedExpr};
use crate::types::ChType;

const MONTHS: [&[u8]; 12] =
    [b"jan", b"feb", b"mar", b"apr", b"may", b"jun", b"jul", b"aug", b"sep", b"oct", b"nov", b"dec"];
const WEEKDAYS: [&[u8]; 7] = [b"mon", b"tue", b"wed", b"thu", b"fri", b"sat", b"sun"];

/// What was read from a text.
#[derive(Default, Debug, PartialEq)]
struct Parts {
    year: Option<i64>,
    month: Option<i64>,
    day: Option<i64>,
    time: Option<(i64, i64, i64)>,
    /// Fraction digits (value, count).
    frac: (i64, u32),
    offset: Option<i64>,
    pm: Option<bool>,
    /// A Unix timestamp in (seconds, milliseconds).
    unix: Option<(i64, i64)>,
}

fn run_digits(b: &[u8], i: usize) -> usize {
    b[i..].iter().take_while(|c| c.is_ascii_digit()).count()
}

fn val(b: &[u8]) -> i64 {
    b.iter().fold(0i64, |a, c| a.saturating_mul(10).saturating_add((c - b'0') as i64))
}

/// Reads `hh:mm[:ss[.fff]]` at `i` (the hour digits already known to be 1-2 long).
fn read_time(b: &[u8], i: &mut usize, p: &mut Parts) -> Option<()> {
    let mut fields = [0i64; 3];
    let mut n = 0;
    loop {
        let len = run_digits(b, *i);
        if len == 0 || len > 2 || n == 3 {
            return None;
        }
        fields[n] = val(&b[*i..*i + len]);
        n += 1;
        *i += len;
        if b.get(*i) == Some(&b':') && n < 3 {
            *i += 1;
            continue;
        }
        break;
    }
    if n < 2 {
        return None;
    }
    if n == 3 && b.get(*i) == Some(&b'.') {
        *i += 1;
        let len = run_digits(b, *i);
        let kept = len.min(18);
        p.frac = (val(&b[*i..*i + kept]), kept as u32);
        *i += len;
    }
    p.time = Some((fields[0], fields[1], fields[2]));
    Some(())
}

/// Reads a `+hh[:mm]` / `-hhmm` offset at `i` (the sign).
fn read_offset(b: &[u8], i: &mut usize) -> Option<i64> {
    let neg = b[*i] == b'-';
    *i += 1;
    let len = run_digits(b, *i);
    let (h, m) = match len {
        1 | 2 => {
            let h = val(&b[*i..*i + len]);
            *i += len;
            let mut m = 0;
            if b.get(*i) == Some(&b':') {
                *i += 1;
                let l2 = run_digits(b, *i);
                if l2 != 2 {
                    return None;
                }
                m = val(&b[*i..*i + 2]);
                *i += 2;
            }
            (h, m)
        }
        4 => {
            let v = val(&b[*i..*i + 4]);
            *i += 4;
            (v / 100, v % 100)
        }
        _ => return None,
    };
    let o = h * 3600 + m * 60;
    Some(if neg { -o } else { o })
}

fn parse_parts(b: &[u8]) -> Option<Parts> {
    let mut p = Parts::default();
    let trimmed: &[u8] = {
        let s = b.iter().position(|c| !c.is_ascii_whitespace()).unwrap_or(b.len());
        let e = b.iter().rposition(|c| !c.is_ascii_whitespace()).map_or(s, |e| e + 1);
        &b[s..e]
    };
    if trimmed.is_empty() {
        return None;
    }
    if trimmed.iter().all(u8::is_ascii_digit) {
        let v = val(trimmed);
        match trimmed.len() {
            8 => {
                p.year = Some(v / 10_000);
                p.month = Some(v / 100 % 100);
                p.day = Some(v % 100);
            }
            14 => {
                let (d, t) = (v / 1_000_000, v % 1_000_000);
                p.year = Some(d / 10_000);
                p.month = Some(d / 100 % 100);
                p.day = Some(d % 100);
                p.time = Some((t / 10_000, t / 100 % 100, t % 100));
            }
            1..=10 => p.unix = Some((v, 0)),
            13 => p.unix = Some((v / 1000, v % 1000)),
            _ => return None,
        }
        return Some(p);
    }
    let b = trimmed;
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c.is_ascii_whitespace() || c == b',' {
            i += 1;
        } else if c.is_ascii_digit() {
            let len = run_digits(b, i);
            let next = b.get(i + len).copied();
            if len == 4 && p.year.is_none() && matches!(next, Some(b'-' | b'/' | b'.')) && p.day.is_none() {
                // YYYY-MM-DD
                p.year = Some(val(&b[i..i + 4]));
                let sep = b[i + 4];
                i += 5;
                let ml = run_digits(b, i);
                if ml == 0 || ml > 2 {
                    return None;
                }
                p.month = Some(val(&b[i..i + ml]));
                i += ml;
                if b.get(i) == Some(&sep) {
                    i += 1;
                    let dl = run_digits(b, i);
                    if dl == 0 || dl > 2 {
                        return None;
                    }
                    p.day = Some(val(&b[i..i + dl]));
                    i += dl;
                } else {
                    p.day = Some(1);
                }
                if b.get(i) == Some(&b'T') {
                    i += 1;
                }
            } else if len <= 2 && next == Some(b':') && p.time.is_none() {
                read_time(b, &mut i, &mut p)?;
            } else if len <= 2 && matches!(next, Some(b'/' | b'-' | b'.')) && p.day.is_none() && p.year.is_none() {
                // DD/MM/YYYY
                let sep = b[i + len];
                p.day = Some(val(&b[i..i + len]));
                i += len + 1;
                let ml = run_digits(b, i);
                if ml == 0 || ml > 2 || b.get(i + ml) != Some(&sep) {
                    return None;
                }
                p.month = Some(val(&b[i..i + ml]));
                i += ml + 1;
                let yl = run_digits(b, i);
                p.year = Some(match yl {
                    4 => val(&b[i..i + 4]),
                    2 => 2000 + val(&b[i..i + 2]),
                    _ => return None,
                });
                i += yl;
            } else if len <= 2 && p.day.is_none() {
                p.day = Some(val(&b[i..i + len]));
                i += len;
            } else if len == 4 && p.year.is_none() {
                p.year = Some(val(&b[i..i + 4]));
                i += 4;
            } else {
                return None;
            }
        } else if c.is_ascii_alphabetic() {
            let len = b[i..].iter().take_while(|c| c.is_ascii_alphabetic()).count();
            let w = b[i..i + len].to_ascii_lowercase();
            i += len;
            if w == b"t" {
                continue;
            }
            if w == b"z" || w == b"utc" || w == b"gmt" || w == b"ut" {
                p.offset = Some(0);
            } else if w == b"am" || w == b"pm" {
                p.pm = Some(w == b"pm");
            } else if w.len() >= 3 && MONTHS.iter().any(|m| w.starts_with(m)) && p.month.is_none() {
                p.month = MONTHS.iter().position(|m| w.starts_with(m)).map(|x| x as i64 + 1);
            } else if w.len() >= 3 && WEEKDAYS.iter().any(|d| w.starts_with(d)) {
                // The weekday name adds nothing.
            } else {
                return None;
            }
        } else if (c == b'+' || c == b'-') && p.time.is_some() && p.offset.is_none() {
            p.offset = Some(read_offset(b, &mut i)?);
        } else {
            return None;
        }
    }
    if p.year.is_none() && p.month.is_none() && p.day.is_none() && p.time.is_none() {
        return None;
    }
    Some(p)
}

/// UTC seconds and sub-second (value, digits) of a best-effort text.
fn best_effort(b: &[u8], zone: &Zone, current_year: i64) -> Option<(i64, (i64, u32))> {
    let p = parse_parts(b)?;
    if let Some((s, ms)) = p.unix {
        return Some((s, (ms, 3)));
    }
    let y = p.year.unwrap_or(current_year);
    let m = p.month.unwrap_or(1);
    let d = p.day.unwrap_or(1);
    if !(1..=12).contains(&m) || d < 1 || d > days_in_month(y, m as u32) as i64 {
        return None;
    }
    let (mut h, mi, s) = p.time.unwrap_or((0, 0, 0));
    if let Some(pm) = p.pm {
        if !(1..=12).contains(&h) {
            return None;
        }
        h = match (pm, h) {
            (false, 12) => 0,
            (true, 12) => 12,
            (true, h) => h + 12,
            (false, h) => h,
        };
    }
    if h > 23 || mi > 59 || s > 60 {
        return None;
    }
    let local = days_from_civil(y, m as u32, d as u32) * DAY + h * 3600 + mi * 60 + s;
    let utc = match p.offset {
        Some(o) => local - o,
        None => zone.from_local(local),
    };
    Some((utc, p.frac))
}

fn k_best_effort(k: &KernelArgs) -> DfResult<ColumnarValue> {
    let mode = scalar_int(k, 1)?;
    let zone = zone_arg(k, 2)?;
    let precision = scalar_int(k, 3)?;
    let year = scalar_int(k, 4)?;
    let arr = arg_array(k, 0)?;
    let mut nulls = arr.logical_nulls();
    let mut failed: Option<Vec<bool>> = None;
    let mut vals = Vec::with_capacity(arr.len());
    let mut one = |i: usize, b: Option<&[u8]>| -> DfResult<()> {
        let v = match b.map(|b| (b, best_effort(b, &zone, year))) {
            None => 0,
            Some((_, Some((secs, (frac, nd))))) => {
                if precision < 0 {
                    secs
                } else {
                    let p = precision as u32;
                    let s = ticks_per_second(precision as u8);
                    let kept = if nd > p { frac / 10i64.pow(nd - p) } else { frac * 10i64.pow(p - nd) };
                    secs.saturating_mul(s).saturating_add(kept * (s / 10i64.pow(p)).max(1))
                }
            }
            Some((b, None)) => {
                if mode == 0 {
                    return Err(Error::new(
                        ErrorCode::CANNOT_PARSE_DATETIME,
                        format!("Cannot read DateTime: unexpected word: '{}'", String::from_utf8_lossy(b)),
                    )
                    .into_datafusion());
                }
                if mode == 1 {
                    failed.get_or_insert_with(|| vec![false; arr.len()])[i] = true;
                }
                0
            }
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
            return Err(Error::new(ErrorCode::ILLEGAL_COLUMN, format!("Unexpected column {other}")).into_datafusion())
        }
    }
    if let Some(f) = failed {
        let valid = NullBuffer::from(f.iter().map(|x| !x).collect::<Vec<bool>>());
        nulls = NullBuffer::union(nulls.as_ref(), Some(&valid));
    }
    finish(k, build_output(k.ret, vals, nulls)?)
}

fn bind(ctx: &FunctionContext, mut args: Vec<TypedExpr>, dt64: bool, mode: i64) -> Result<TypedExpr> {
    let name = ctx.name.clone();
    check_arg_count(&name, &args, 1, if dt64 { 3 } else { 2 })?;
    let mut precision = -1i64;
    if dt64 {
        precision = 3;
        if args.len() >= 2 {
            precision = args[1].literal_int().filter(|p| (0..=9).contains(p)).ok_or_else(|| {
                Error::new(ErrorCode::ILLEGAL_TYPE_OF_ARGUMENT, format!("Illegal scale argument of function {name}"))
            })? as i64;
            args.remove(1);
        }
    }
    let explicit = if args.len() == 2 { Some(super::const_str_arg(&name, &args, 1)?) } else { None };
    let x = args.swap_remove(0);
    let base =
        if dt64 { ChType::DateTime64(precision as u8, explicit.clone()) } else { ChType::DateTime(explicit.clone()) };
    if x.ty.is_nothing() {
        return null_of(base);
    }
    if !x.ty.is_string_or_fixed() {
        return Err(Error::new(
            ErrorCode::ILLEGAL_TYPE_OF_ARGUMENT,
            format!("Illegal type {} of first argument of function {name}", x.ty),
        ));
    }
    let zone = resolve_zone(ctx, &ChType::String, explicit)?;
    let ret = if mode == 1 || x.ty.is_nullable() { base.nullable() } else { base };
    let year = super::tz::zone(&zone)
        .map(|z| super::tz::civil_from_days(z.to_local(ctx.now_micros.div_euclid(1_000_000)).div_euclid(DAY)).0)?;
    let args = vec![x, lit_i64(mode), lit_str(&zone), lit_i64(precision), lit_i64(year)];
    super::super::udf::call(&name, k_best_effort, args, ret)
}

macro_rules! best {
    ($b:ident, $dt64:expr, $mode:expr) => {
        fn $b(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
            bind(ctx, args, $dt64, $mode)
        }
    };
}

best!(b_dt, false, 0);
best!(b_dt_null, false, 1);
best!(b_dt_zero, false, 2);
best!(b_dt64, true, 0);
best!(b_dt64_null, true, 1);
best!(b_dt64_zero, true, 2);

pub fn register(r: &mut FunctionRegistry) {
    let s = Case::Sensitive;
    r.scalar("parseDateTimeBestEffort", s, b_dt);
    r.scalar("parseDateTimeBestEffortOrNull", s, b_dt_null);
    r.scalar("parseDateTimeBestEffortOrZero", s, b_dt_zero);
    r.scalar("parseDateTime32BestEffort", s, b_dt);
    r.scalar("parseDateTime32BestEffortOrNull", s, b_dt_null);
    r.scalar("parseDateTime32BestEffortOrZero", s, b_dt_zero);
    r.scalar("parseDateTime64BestEffort", s, b_dt64);
    r.scalar("parseDateTime64BestEffortOrNull", s, b_dt64_null);
    r.scalar("parseDateTime64BestEffortOrZero", s, b_dt64_zero);
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use super::*;

    #[test]
    fn inputs_match_clickhouse() {
        let dt = |s: &str| num("parseDateTimeBestEffortOrNull", b_dt_null, vec![super::super::testing::s(s)]).0;
        let dt64 = |s: &str| num("parseDateTime64BestEffortOrNull", b_dt64_null, vec![super::super::testing::s(s)]).0;
        // (input, DateTime, DateTime64(3) fraction in ms), expected from chdb.
        let y = 2023; // the test clock's year (now_micros = 2023-11-14)
        let cases: Vec<(&str, Option<i64>, i64)> = vec![
            ("2022-01-01T10:00:00Z", Some(ts(2022, 1, 1, 10, 0, 0)), 0),
            ("2022-01-01T10:00:00+03:00", Some(ts(2022, 1, 1, 7, 0, 0)), 0),
            ("2022-01-01T10:00:00.123Z", Some(ts(2022, 1, 1, 10, 0, 0)), 123),
            ("2022-01-01 10:00:00", Some(ts(2022, 1, 1, 10, 0, 0)), 0),
            ("2022-01-01", Some(ts(2022, 1, 1, 0, 0, 0)), 0),
            ("01/02/2022", Some(ts(2022, 2, 1, 0, 0, 0)), 0),
            ("1/2/2022 10:20", Some(ts(2022, 2, 1, 10, 20, 0)), 0),
            ("31/12/2022", Some(ts(2022, 12, 31, 0, 0, 0)), 0),
            ("1640995200", Some(ts(2022, 1, 1, 0, 0, 0)), 0),
            ("Sat, 01 Jan 2022 10:00:00 +0000", Some(ts(2022, 1, 1, 10, 0, 0)), 0),
            ("Sat, 01 Jan 2022 10:00:00 GMT", Some(ts(2022, 1, 1, 10, 0, 0)), 0),
            ("01 Jan 2022", Some(ts(2022, 1, 1, 0, 0, 0)), 0),
            ("Jan 1 2022", Some(ts(2022, 1, 1, 0, 0, 0)), 0),
            ("January 1, 2022 10:00", Some(ts(2022, 1, 1, 10, 0, 0)), 0),
            ("2022-01-01T10:00", Some(ts(2022, 1, 1, 10, 0, 0)), 0),
            ("20220101", Some(ts(2022, 1, 1, 0, 0, 0)), 0),
            ("20220101103000", Some(ts(2022, 1, 1, 10, 30, 0)), 0),
            ("2022/01/01 10:00:00", Some(ts(2022, 1, 1, 10, 0, 0)), 0),
            ("2022-01-01 10:00:00 PM", Some(ts(2022, 1, 1, 22, 0, 0)), 0),
            ("2022-01-01 10:00 am", Some(ts(2022, 1, 1, 10, 0, 0)), 0),
            ("2022-01-01 12:00:00 AM", Some(ts(2022, 1, 1, 0, 0, 0)), 0),
            ("10:00:00", Some(ts(y, 1, 1, 10, 0, 0)), 0),
            ("5 Jan", Some(ts(y, 1, 5, 0, 0, 0)), 0),
            ("abc", None, 0),
            ("", None, 0),
            ("2022-13-01", None, 0),
            ("2022.01.02", Some(ts(2022, 1, 2, 0, 0, 0)), 0),
            ("2022-01-01T10:00:00-0500", Some(ts(2022, 1, 1, 15, 0, 0)), 0),
            ("1640995200123", Some(ts(2022, 1, 1, 0, 0, 0)), 123),
            ("Sat Jan  1 10:00:00 2022", Some(ts(2022, 1, 1, 10, 0, 0)), 0),
            ("2022-01-01 10:00:00.5 +01:00", Some(ts(2022, 1, 1, 9, 0, 0)), 500),
            ("17:00 2022-01-01", Some(ts(2022, 1, 1, 17, 0, 0)), 0),
            ("  2022-01-01  ", Some(ts(2022, 1, 1, 0, 0, 0)), 0),
        ];
        for (input, want, ms) in cases {
            assert_eq!(dt(input), want, "{input}");
            assert_eq!(dt64(input), want.map(|s| s * 1000 + ms), "{input} (64)");
        }
        assert_eq!(run("parseDateTimeBestEffort", b_dt, vec![s("abc")]).unwrap_err().code(), 41);
        assert_eq!(num("parseDateTimeBestEffortOrZero", b_dt_zero, vec![s("abc")]), (Some(0), "DateTime".into()));
        let (v, t) = num("parseDateTimeBestEffort", b_dt, vec![s("2022-01-01 10:00:00"), s("Asia/Tokyo")]);
        assert_eq!((v, t.as_str()), (Some(ts(2022, 1, 1, 1, 0, 0)), "DateTime('Asia/Tokyo')"));
        assert_eq!(num("parseDateTime64BestEffort", b_dt64, vec![s("2022-01-01"), i(6)]).1, "DateTime64(6)");
    }
}
