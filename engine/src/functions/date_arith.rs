//! Date and time arithmetic of `plus`/`minus`: Date/DateTime ± integer (days or
//! seconds), ± `IntervalX` (calendar months clamp to the month's end, as
//! ClickHouse's `addMonths`), Date − Date (Int32 days) and DateTime − DateTime
//! (Int32 seconds, as ClickHouse 26.9 types it). Intervals of hours or less on a
//! Date give a DateTime. Mirrors ClickHouse `FunctionDateOrDateTimeAddInterval.h`.
//!
//! Known gap: day/week intervals on a DateTime add 86400·n seconds (ClickHouse
//! adds calendar days in the zone, which differs across DST changes).

use std::sync::Arc;

use arrow::array::{Array, ArrayRef, AsArray, PrimitiveArray};
use arrow::buffer::NullBuffer;
use arrow::datatypes::*;
use chrono::{Months, NaiveDate};
use datafusion::error::Result as DfResult;
use datafusion::logical_expr::{binary_expr, lit, ColumnarValue, Operator};
use datafusion::scalar::ScalarValue;

use super::arithmetic::{cast_keep_null, finish, propagate_null};
use super::cast_kernel::{local_day, midnight, pow10, tz_of};
use super::udf::call;
use super::{FunctionContext, KernelArgs, TypedExpr};
use crate::error::{Error, ErrorCode, Result};
use crate::types::rules::ArithOp;
use crate::types::{datetime64_unit, ChType, IntervalKind};

fn illegal(name: &str, a: &ChType, b: &ChType) -> Error {
    Error::new(
        ErrorCode::ILLEGAL_TYPE_OF_ARGUMENT,
        format!("Illegal types {a} and {b} of arguments of function {name}"),
    )
}

/// Digits of the Arrow unit for a DateTime64 precision.
fn unit_digits(p: u8) -> u32 {
    match datetime64_unit(p) {
        TimeUnit::Second => 0,
        TimeUnit::Millisecond => 3,
        TimeUnit::Microsecond => 6,
        TimeUnit::Nanosecond => 9,
    }
}

fn interval_precision(k: IntervalKind) -> Option<u8> {
    match k {
        IntervalKind::Nanosecond => Some(9),
        IntervalKind::Microsecond => Some(6),
        IntervalKind::Millisecond => Some(3),
        _ => None,
    }
}

fn is_time_kind(k: IntervalKind) -> bool {
    matches!(k, IntervalKind::Second | IntervalKind::Minute | IntervalKind::Hour)
}

/// Binds `plus`/`minus` where a date, time or interval is involved.
pub fn bind(ctx: &FunctionContext, args: Vec<TypedExpr>, op: ArithOp) -> Result<TypedExpr> {
    let name = ctx.name.clone();
    let mut args = args;
    let (a, b) = (args[0].ty.base().clone(), args[1].ty.base().clone());
    if op == ArithOp::Multiply {
        return Err(illegal(&name, &a, &b));
    }
    // integer/interval + date → date + integer/interval
    if op == ArithOp::Plus && !a.is_date_or_datetime() && b.is_date_or_datetime() {
        args.swap(0, 1);
        return bind(ctx, args, op);
    }
    if !a.is_date_or_datetime() {
        return Err(illegal(&name, &a, &b));
    }
    if op == ArithOp::Minus && b.is_date_or_datetime() {
        let both_dates = matches!(a, ChType::Date | ChType::Date32) && matches!(b, ChType::Date | ChType::Date32);
        let both_times = matches!(a, ChType::DateTime(_)) && matches!(b, ChType::DateTime(_));
        if !both_dates && !both_times {
            return Err(illegal(&name, &a, &b));
        }
        let ret = propagate_null(&args, ChType::Int32);
        let (from, wide) = if both_dates { (ChType::Int32, ChType::Int32) } else { (ChType::Int64, ChType::Int64) };
        let mut it = args.into_iter();
        let (Some(x), Some(y)) = (it.next(), it.next()) else {
            return Err(illegal(&name, &a, &b));
        };
        let x = cast_keep_null(ctx, x, &from)?;
        let y = cast_keep_null(ctx, y, &from)?;
        let diff = TypedExpr::new(
            binary_expr(x.expr, Operator::Minus, y.expr),
            if ret.is_nullable() { wide.nullable() } else { wide },
        );
        return cast_keep_null(ctx, diff, &ChType::Int32).map(|e| TypedExpr::new(e.expr, ret));
    }
    let kind = match &b {
        ChType::Interval(k) => Some(*k),
        t if t.is_integer() || matches!(t, ChType::Bool) => None,
        _ => return Err(illegal(&name, &a, &b)),
    };
    let t = match (&a, kind) {
        (ChType::Date | ChType::Date32, None) => a.clone(),
        (ChType::Date | ChType::Date32, Some(k)) if is_time_kind(k) => ChType::DateTime(None),
        (ChType::Date | ChType::Date32, Some(k)) => match interval_precision(k) {
            Some(p) => ChType::DateTime64(p, None),
            None => a.clone(),
        },
        (ChType::DateTime(tz), Some(k)) => match interval_precision(k) {
            Some(p) => ChType::DateTime64(p, tz.clone()),
            None => a.clone(),
        },
        (ChType::DateTime64(p, tz), Some(k)) => match interval_precision(k) {
            Some(q) => ChType::DateTime64((*p).max(q), tz.clone()),
            None => a.clone(),
        },
        _ => a.clone(),
    };
    let ret = propagate_null(&args, t);
    let mut it = args.into_iter();
    let (Some(x), Some(y)) = (it.next(), it.next()) else {
        return Err(illegal(&name, &a, &b));
    };
    let n = if kind.is_some() { y } else { cast_keep_null(ctx, y, &ChType::Int64)? };
    let tz = TypedExpr::new(lit(ScalarValue::BinaryView(Some(ctx.timezone.as_bytes().to_vec()))), ChType::String);
    let kernel: super::Kernel = if op == ArithOp::Plus { add_kernel } else { sub_kernel };
    call(&name, kernel, vec![x, n, tz], ret)
}

fn add_kernel(k: &KernelArgs) -> DfResult<ColumnarValue> {
    run(k, 1)
}
fn sub_kernel(k: &KernelArgs) -> DfResult<ColumnarValue> {
    run(k, -1)
}

/// Adds `months` to a local date, clamping the day to the month's end.
fn add_months(d: NaiveDate, months: i64) -> Option<NaiveDate> {
    let m = Months::new(u32::try_from(months.unsigned_abs()).ok()?);
    if months >= 0 {
        d.checked_add_months(m)
    } else {
        d.checked_sub_months(m)
    }
}

fn epoch() -> NaiveDate {
    NaiveDate::default()
}

fn day_to_date(days: i64) -> Option<NaiveDate> {
    epoch().checked_add_signed(chrono::Duration::try_days(days)?)
}

fn date_to_day(d: NaiveDate) -> i64 {
    d.signed_duration_since(epoch()).num_days()
}

fn months_of(k: IntervalKind) -> Option<i64> {
    match k {
        IntervalKind::Month => Some(1),
        IntervalKind::Quarter => Some(3),
        IntervalKind::Year => Some(12),
        _ => None,
    }
}

/// Interval length in nanoseconds for fixed-length units.
fn nanos_of(k: Option<IntervalKind>) -> i128 {
    match k {
        None | Some(IntervalKind::Second) => 1_000_000_000,
        Some(IntervalKind::Nanosecond) => 1,
        Some(IntervalKind::Microsecond) => 1_000,
        Some(IntervalKind::Millisecond) => 1_000_000,
        Some(IntervalKind::Minute) => 60_000_000_000,
        Some(IntervalKind::Hour) => 3_600_000_000_000,
        Some(IntervalKind::Day) => 86_400_000_000_000,
        Some(IntervalKind::Week) => 604_800_000_000_000,
        _ => 0,
    }
}

fn overflow() -> datafusion::error::DataFusionError {
    Error::new(ErrorCode::VALUE_IS_OUT_OF_RANGE_OF_DATA_TYPE, "Date or time arithmetic overflow").into_datafusion()
}

fn run(k: &KernelArgs, sign: i64) -> DfResult<ColumnarValue> {
    let tz_name = match k.args.get(2) {
        Some(ColumnarValue::Scalar(ScalarValue::BinaryView(Some(b)))) => String::from_utf8_lossy(b).into_owned(),
        _ => "UTC".to_string(),
    };
    let rows = if k.all_scalar() { 1 } else { k.rows };
    let a = k.args[0].to_array(rows)?;
    let b = k.args[1].to_array(rows)?;
    let from = k.arg_types[0].base().clone();
    let kind = match k.arg_types[1].base() {
        ChType::Interval(kind) => Some(*kind),
        _ => None,
    };
    let ret = k.ret.base().clone();
    let zone = tz_of(&ret, &tz_name).or_else(|| tz_of(&from, &tz_name));
    let n_vals = b.as_primitive::<Int64Type>();
    let nulls = NullBuffer::union(a.logical_nulls().as_ref(), b.logical_nulls().as_ref());
    // The input as (days) for dates or (nanoseconds since epoch) for times.
    let len = a.len();
    let input_nanos: Vec<i128> = match &from {
        ChType::Date | ChType::Date32 => Vec::new(),
        ChType::DateTime(_) => {
            a.as_primitive::<TimestampSecondType>().values().iter().map(|v| *v as i128 * 1_000_000_000).collect()
        }
        ChType::DateTime64(p, _) => {
            let mul = pow10(9 - unit_digits(*p));
            match datetime64_unit(*p) {
                TimeUnit::Second => {
                    a.as_primitive::<TimestampSecondType>().values().iter().map(|v| *v as i128 * mul).collect()
                }
                TimeUnit::Millisecond => {
                    a.as_primitive::<TimestampMillisecondType>().values().iter().map(|v| *v as i128 * mul).collect()
                }
                TimeUnit::Microsecond => {
                    a.as_primitive::<TimestampMicrosecondType>().values().iter().map(|v| *v as i128 * mul).collect()
                }
                TimeUnit::Nanosecond => {
                    a.as_primitive::<TimestampNanosecondType>().values().iter().map(|v| *v as i128).collect()
                }
            }
        }
        other => {
            return Err(
                Error::new(ErrorCode::ILLEGAL_TYPE_OF_ARGUMENT, format!("Illegal type {other}")).into_datafusion()
            )
        }
    };
    let days_in: Vec<i64> = if matches!(from, ChType::Date | ChType::Date32) {
        a.as_primitive::<Date32Type>().values().iter().map(|v| *v as i64).collect()
    } else {
        Vec::new()
    };
    let is_null = |i: usize| nulls.as_ref().is_some_and(|x| x.is_null(i));
    if matches!(ret, ChType::Date | ChType::Date32) {
        let mut out = Vec::with_capacity(len);
        for (i, d) in days_in.iter().copied().enumerate() {
            if is_null(i) {
                out.push(0i32);
                continue;
            }
            let n = n_vals.value(i).wrapping_mul(sign);
            let r = match kind.and_then(months_of) {
                Some(m) => {
                    let date = day_to_date(d).ok_or_else(overflow)?;
                    date_to_day(add_months(date, n.saturating_mul(m)).ok_or_else(overflow)?)
                }
                None => d + n.saturating_mul(if kind == Some(IntervalKind::Week) { 7 } else { 1 }),
            };
            let r = if matches!(ret, ChType::Date) { r.clamp(0, 65535) } else { r };
            out.push(r as i32);
        }
        let arr: ArrayRef = Arc::new(PrimitiveArray::<Date32Type>::new(out.into(), nulls));
        return finish(k, arr);
    }
    // Times: compute in nanoseconds, then store in the result unit.
    let digits = match &ret {
        ChType::DateTime64(p, _) => unit_digits(*p),
        _ => 0,
    };
    let div = pow10(9 - digits);
    let mut out = Vec::with_capacity(len);
    for i in 0..len {
        if is_null(i) {
            out.push(0i64);
            continue;
        }
        let n = n_vals.value(i).wrapping_mul(sign) as i128;
        let t = if days_in.is_empty() { input_nanos[i] } else { midnight(days_in[i], zone) as i128 * 1_000_000_000 };
        let r = match kind.and_then(months_of) {
            Some(m) => {
                let secs = t.div_euclid(1_000_000_000) as i64;
                let frac = t.rem_euclid(1_000_000_000);
                let local_days = local_day(secs, zone);
                let date = day_to_date(local_days).ok_or_else(overflow)?;
                let shifted = add_months(date, (n as i64).saturating_mul(m)).ok_or_else(overflow)?;
                let tod = secs - midnight(local_days, zone);
                let new_secs = midnight(date_to_day(shifted), zone) + tod;
                new_secs as i128 * 1_000_000_000 + frac
            }
            None => t + n * nanos_of(kind),
        };
        out.push(r.div_euclid(div) as i64);
    }
    let arr: ArrayRef = match (&ret, digits) {
        (ChType::DateTime(_), _) | (_, 0) => Arc::new(PrimitiveArray::<TimestampSecondType>::new(out.into(), nulls)),
        (_, 3) => Arc::new(PrimitiveArray::<TimestampMillisecondType>::new(out.into(), nulls)),
        (_, 6) => Arc::new(PrimitiveArray::<TimestampMicrosecondType>::new(out.into(), nulls)),
        _ => Arc::new(PrimitiveArray::<TimestampNanosecondType>::new(out.into(), nulls)),
    };
    finish(k, arr)
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use super::super::TypedExpr;
    use crate::types::ChType;
    use datafusion::logical_expr::lit;
    use datafusion::scalar::ScalarValue as S;

    fn date(days: i32) -> TypedExpr {
        TypedExpr::new(lit(S::Date32(Some(days))), ChType::Date)
    }
    fn dt(secs: i64) -> TypedExpr {
        TypedExpr::new(lit(S::TimestampSecond(Some(secs), None)), ChType::DateTime(None))
    }

    #[test]
    fn date_plus_minus() {
        // chdb: toDate('2024-01-01')+1 = 2024-01-02 (Date); 1 + toDate(..) is Date;
        // toDate('2024-01-01')-toDate('2023-01-01') = 365 (Int32); DateTime - DateTime = 1 (Int32)
        assert_eq!(run("plus", vec![date(19723), int("UInt8", 1)]).unwrap(), ("Date".into(), S::Date32(Some(19724))));
        assert_eq!(run("plus", vec![int("UInt8", 1), date(19723)]).unwrap().0, "Date");
        assert_eq!(run("minus", vec![date(19723), date(19358)]).unwrap(), ("Int32".into(), S::Int32(Some(365))));
        assert_eq!(run("minus", vec![dt(1704067201), dt(1704067200)]).unwrap(), ("Int32".into(), S::Int32(Some(1))));
        assert_eq!(
            run("plus", vec![dt(1704067200), int("UInt8", 1)]).unwrap().1,
            S::TimestampSecond(Some(1704067201), None)
        );
        assert_eq!(run_code("multiply", vec![date(1), int("UInt8", 2)]), 43);
    }

    #[test]
    fn intervals() {
        // chdb: toDate('2024-01-31') + toIntervalMonth(1) = 2024-02-29 (Date);
        // toDate('2024-01-01') + toIntervalHour(1) = 2024-01-01 01:00:00 (DateTime)
        let m = bind("toIntervalMonth", vec![int("UInt8", 1)]).unwrap();
        assert_eq!(run("plus", vec![date(19752), m.clone()]).unwrap(), ("Date".into(), S::Date32(Some(19782))));
        let h = bind("toIntervalHour", vec![int("UInt8", 1)]).unwrap();
        assert_eq!(
            run("plus", vec![date(19723), h]).unwrap(),
            ("DateTime".into(), S::TimestampSecond(Some(1704070800), None))
        );
        // 2024-01-31 12:00:00 + 1 month = 2024-02-29 12:00:00; - 1 day
        assert_eq!(run("plus", vec![dt(1706702400), m]).unwrap().1, S::TimestampSecond(Some(1709208000), None));
        let d = bind("toIntervalDay", vec![int("UInt8", 1)]).unwrap();
        assert_eq!(run("minus", vec![dt(1706702400), d]).unwrap().1, S::TimestampSecond(Some(1706616000), None));
    }
}
