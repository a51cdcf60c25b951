//! Date and time arithmetic: `addSeconds`…`addYears` (and milli/micro/nano),
//! `subtract*`, `dateAdd`/`date_add`/`dateSub`/`date_sub`/`timestamp_add`/
//! `timestamp_sub`, `dateDiff` (boundary counting, as ClickHouse), and
//! [`add_interval`] for the `t + INTERVAL n unit` operator form.
//!
//! Calendar units (day and up) move the local civil date and keep the local
//! time of day (months clamp to the month's end); clock units move the instant.
//! Date results wrap modulo 65536 days and DateTime results modulo 2^32 seconds,
//! as ClickHouse's UInt16/UInt32 storage does.

use arrow::array::Array;
use datafusion::error::Result as DfResult;
use datafusion::logical_expr::ColumnarValue;

use super::tz::{civil_from_days, days_from_civil, days_in_month};
use super::{
    arg_array, build_output, finish, lit_i64, lit_str, map_i64, null_of, resolve_zone, scalar_int, union_nulls,
    zone_arg, TKind, TimeIn, DAY,
};
use crate::error::{Error, ErrorCode, Result};
use crate::functions::{check_arg_count, Case, FunctionContext, FunctionRegistry, KernelArgs, TypedExpr};
use crate::types::{ChType, IntervalKind};

fn kind_of_code(c: i64) -> Option<IntervalKind> {
    use IntervalKind::*;
    [Nanosecond, Microsecond, Millisecond, Second, Minute, Hour, Day, Week, Month, Quarter, Year]
        .into_iter()
        .find(|k| *k as i64 == c)
}

/// Adds `months` to a day number, clamping the day to the new month's length.
pub(crate) fn add_months(days: i64, months: i64) -> i64 {
    let (y, m, d) = civil_from_days(days);
    let total = y * 12 + (m as i64 - 1) + months;
    let (ny, nm) = (total.div_euclid(12), (total.rem_euclid(12) + 1) as u32);
    days_from_civil(ny, nm, d.min(days_in_month(ny, nm)))
}

/// Nanoseconds in one clock unit (None for calendar units).
fn unit_nanos(kind: IntervalKind) -> Option<i64> {
    use IntervalKind::*;
    Some(match kind {
        Nanosecond => 1,
        Microsecond => 1_000,
        Millisecond => 1_000_000,
        Second => 1_000_000_000,
        Minute => 60_000_000_000,
        Hour => 3_600_000_000_000,
        _ => return None,
    })
}

/// The value of `t` in ticks of `s` per second.
fn ticks(t: &TimeIn, v: i64, s: i64) -> i64 {
    let frac = match t.kind {
        TKind::DateTime64(si, _) => {
            if s >= si {
                t.frac(v) * (s / si)
            } else {
                t.frac(v) / (si / s)
            }
        }
        _ => 0,
    };
    t.utc_secs(v).saturating_mul(s).saturating_add(frac)
}

/// Result type of adding `kind` to `t`.
fn add_result_type(name: &str, t: &ChType, kind: IntervalKind) -> Result<ChType> {
    use IntervalKind::*;
    let sub_p = match kind {
        Millisecond => 3,
        Microsecond => 6,
        Nanosecond => 9,
        _ => 0,
    };
    let base = t.base();
    Ok(match (base, kind) {
        (ChType::Date | ChType::Date32 | ChType::DateTime(_), Day | Week | Month | Quarter | Year) => base.clone(),
        (ChType::Date, Second | Minute | Hour) => ChType::DateTime(None),
        (ChType::Date32, Second | Minute | Hour) => ChType::DateTime64(3, None),
        (ChType::Date | ChType::Date32, _) => ChType::DateTime64(sub_p, None),
        (ChType::DateTime(z), _) if sub_p > 0 => ChType::DateTime64(sub_p, z.clone()),
        (ChType::DateTime(_), _) => base.clone(),
        (ChType::DateTime64(p, z), _) => ChType::DateTime64((*p).max(sub_p), z.clone()),
        _ => {
            return Err(Error::new(
                ErrorCode::ILLEGAL_TYPE_OF_ARGUMENT,
                format!("Illegal type {t} of first argument of function {name}"),
            ))
        }
    })
}

fn k_add(k: &KernelArgs) -> DfResult<ColumnarValue> {
    let kind = kind_of_code(scalar_int(k, 2)?)
        .ok_or_else(|| Error::new(ErrorCode::LOGICAL_ERROR, "bad interval kind").into_datafusion())?;
    let zone = zone_arg(k, 3)?;
    let t = TimeIn::new(&k.arg_types[0], zone)?;
    let ta = arg_array(k, 0)?;
    let na = arg_array(k, 1)?;
    let ns: Vec<i64> = if k.arg_types[1].is_float() {
        let f = arrow::compute::cast(&na, &arrow::datatypes::DataType::Float64)?;
        f.as_any()
            .downcast_ref::<arrow::array::Float64Array>()
            .map(|a| a.values().iter().map(|x| *x as i64).collect())
            .unwrap_or_default()
    } else {
        map_i64(na.as_ref(), |x| x)?
    };
    let ret = k.ret.base();
    let out = TKind::of(ret).unwrap_or(TKind::DateTime);
    let mut idx = 0usize;
    let vals = map_i64(ta.as_ref(), |v| {
        let n = ns.get(idx).copied().unwrap_or(0);
        idx += 1;
        let r = match unit_nanos(kind) {
            Some(unit) => {
                let s = match out {
                    TKind::DateTime64(s, _) => s,
                    _ => 1,
                };
                let step = if s >= 1_000_000_000 {
                    unit.saturating_mul(s / 1_000_000_000)
                } else {
                    unit / (1_000_000_000 / s)
                };
                ticks(&t, v, s).saturating_add(n.saturating_mul(step))
            }
            None => {
                let days = t.local_days(v);
                let nd = match kind {
                    IntervalKind::Day => days.saturating_add(n),
                    IntervalKind::Week => days.saturating_add(n.saturating_mul(7)),
                    IntervalKind::Month => add_months(days, n.clamp(-1_000_000, 1_000_000)),
                    IntervalKind::Quarter => add_months(days, n.clamp(-1_000_000, 1_000_000) * 3),
                    _ => add_months(days, n.clamp(-100_000, 100_000) * 12),
                };
                match out {
                    TKind::Date | TKind::Date32 => nd,
                    _ => {
                        let tod = t.local_secs(v).rem_euclid(DAY);
                        let secs = t.zone.from_local(nd.saturating_mul(DAY) + tod);
                        match out {
                            TKind::DateTime64(s, _) => {
                                let frac = ticks(&t, v, s).rem_euclid(s);
                                secs.saturating_mul(s) + frac
                            }
                            _ => secs,
                        }
                    }
                }
            }
        };
        match ret {
            ChType::Date => r.rem_euclid(65_536),
            ChType::DateTime(_) => r.rem_euclid(1 << 32),
            _ => r,
        }
    })?;
    let nulls = union_nulls(&[&ta, &na]);
    finish(k, build_output(k.ret, vals, nulls)?)
}

/// `t + n kind` (the operator form `t + INTERVAL n unit` and every `add*`);
/// `n` may be any integer expression (negative to subtract).
pub fn add_interval(ctx: &FunctionContext, date: TypedExpr, kind: IntervalKind, n: TypedExpr) -> Result<TypedExpr> {
    let name = ctx.name.clone();
    if !n.ty.is_numeric() && !n.ty.is_nothing() && !matches!(n.ty.base(), ChType::Interval(_)) {
        return Err(crate::functions::illegal_type(&name, 1, &n.ty));
    }
    if date.ty.is_nothing() || n.ty.is_nothing() {
        let base = if date.ty.is_nothing() { ChType::DateTime(None) } else { date.ty.clone() };
        return null_of(add_result_type(&name, &base, kind)?);
    }
    let mut ret = add_result_type(&name, &date.ty, kind)?;
    if date.ty.is_nullable() || n.ty.is_nullable() {
        ret = ret.nullable();
    }
    let zone = resolve_zone(ctx, &date.ty, None)?;
    let n = if matches!(n.ty.base(), ChType::Interval(_)) {
        let nullable = n.ty.is_nullable();
        TypedExpr::new(n.expr, if nullable { ChType::Int64.nullable() } else { ChType::Int64 })
    } else {
        n
    };
    super::super::udf::call(&name, k_add, vec![date, n, lit_i64(kind as i64), lit_str(&zone)], ret)
}

fn negate(n: TypedExpr) -> TypedExpr {
    use datafusion::logical_expr::Expr;
    let e = Expr::Negative(Box::new(Expr::Cast(datafusion::logical_expr::Cast::new(
        Box::new(n.expr),
        arrow::datatypes::DataType::Int64,
    ))));
    TypedExpr::new(e, if n.ty.is_nullable() { ChType::Int64.nullable() } else { ChType::Int64 })
}

fn bind_add(ctx: &FunctionContext, args: Vec<TypedExpr>, kind: IntervalKind, sign: i64) -> Result<TypedExpr> {
    check_arg_count(&ctx.name, &args, 2, 2)?;
    let mut it = args.into_iter();
    let (Some(t), Some(n)) = (it.next(), it.next()) else {
        return Err(Error::new(ErrorCode::LOGICAL_ERROR, "missing arguments"));
    };
    if !n.ty.is_numeric() && !n.ty.is_nothing() {
        return Err(crate::functions::illegal_type(&ctx.name, 1, &n.ty));
    }
    let n = if sign < 0 && !n.ty.is_nothing() { negate(n) } else { n };
    add_interval(ctx, t, kind, n)
}

macro_rules! adder {
    ($add:ident, $sub:ident, $kind:expr) => {
        fn $add(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
            bind_add(ctx, args, $kind, 1)
        }
        fn $sub(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
            bind_add(ctx, args, $kind, -1)
        }
    };
}

adder!(add_ns, sub_ns, IntervalKind::Nanosecond);
adder!(add_us, sub_us, IntervalKind::Microsecond);
adder!(add_ms, sub_ms, IntervalKind::Millisecond);
adder!(add_s, sub_s, IntervalKind::Second);
adder!(add_mi, sub_mi, IntervalKind::Minute);
adder!(add_h, sub_h, IntervalKind::Hour);
adder!(add_d, sub_d, IntervalKind::Day);
adder!(add_w, sub_w, IntervalKind::Week);
adder!(add_mo, sub_mo, IntervalKind::Month);
adder!(add_q, sub_q, IntervalKind::Quarter);
adder!(add_y, sub_y, IntervalKind::Year);

fn unit_arg(name: &str, args: &[TypedExpr], i: usize) -> Result<IntervalKind> {
    let unit = super::const_str_arg(name, args, i)?;
    IntervalKind::from_keyword(&unit)
        .ok_or_else(|| Error::new(ErrorCode::BAD_ARGUMENTS, format!("Function {name} does not support '{unit}' unit")))
}

/// `dateAdd('unit', n, t)` / `dateAdd(t, INTERVAL n unit)` (and the `Sub` forms).
fn bind_date_add(ctx: &FunctionContext, mut args: Vec<TypedExpr>, sign: i64) -> Result<TypedExpr> {
    check_arg_count(&ctx.name, &args, 2, 3)?;
    if args.len() == 2 {
        let kind = match args[1].ty.base() {
            ChType::Interval(k) => *k,
            ChType::Nothing => IntervalKind::Second,
            other => {
                return Err(Error::new(
                    ErrorCode::ILLEGAL_TYPE_OF_ARGUMENT,
                    format!("Illegal type {other} of second argument of function {}", ctx.name),
                ))
            }
        };
        let n = args.pop().ok_or_else(|| Error::new(ErrorCode::LOGICAL_ERROR, "missing"))?;
        let t = args.pop().ok_or_else(|| Error::new(ErrorCode::LOGICAL_ERROR, "missing"))?;
        let n = TypedExpr::new(n.expr, if n.ty.is_nullable() { ChType::Int64.nullable() } else { ChType::Int64 });
        let n = if sign < 0 { negate(n) } else { n };
        return add_interval(ctx, t, kind, n);
    }
    let kind = unit_arg(&ctx.name, &args, 0)?;
    let t = args.pop().ok_or_else(|| Error::new(ErrorCode::LOGICAL_ERROR, "missing"))?;
    let n = args.pop().ok_or_else(|| Error::new(ErrorCode::LOGICAL_ERROR, "missing"))?;
    bind_add(ctx, vec![t, n], kind, sign)
}

fn b_date_add(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    bind_date_add(ctx, args, 1)
}

fn b_date_sub(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    bind_date_add(ctx, args, -1)
}

/// Unit number of a value for boundary counting in `dateDiff`.
fn diff_units(t: &TimeIn, v: i64, kind: IntervalKind) -> i64 {
    use IntervalKind::*;
    match kind {
        Nanosecond => ticks(t, v, 1_000_000_000),
        Microsecond => ticks(t, v, 1_000_000),
        Millisecond => ticks(t, v, 1_000),
        Second => t.utc_secs(v),
        Minute => t.utc_secs(v).div_euclid(60),
        Hour => t.local_secs(v).div_euclid(3600),
        Day => t.local_days(v),
        Week => (t.local_days(v) + 3).div_euclid(7),
        Month | Quarter | Year => {
            let (y, m, _) = civil_from_days(t.local_days(v));
            let months = y * 12 + m as i64 - 1;
            match kind {
                Month => months,
                Quarter => months.div_euclid(3),
                _ => y,
            }
        }
    }
}

fn k_diff(k: &KernelArgs) -> DfResult<ColumnarValue> {
    let kind = kind_of_code(scalar_int(k, 2)?)
        .ok_or_else(|| Error::new(ErrorCode::LOGICAL_ERROR, "bad interval kind").into_datafusion())?;
    let ta = TimeIn::new(&k.arg_types[0], zone_arg(k, 3)?)?;
    let tb = TimeIn::new(&k.arg_types[1], zone_arg(k, 4)?)?;
    let a = arg_array(k, 0)?;
    let b = arg_array(k, 1)?;
    let ua = map_i64(a.as_ref(), |v| diff_units(&ta, v, kind))?;
    let mut idx = 0usize;
    let vals = map_i64(b.as_ref(), |v| {
        let x = diff_units(&tb, v, kind).wrapping_sub(ua.get(idx).copied().unwrap_or(0));
        idx += 1;
        x
    })?;
    let nulls = union_nulls(&[&a, &b]);
    finish(k, build_output(k.ret, vals, nulls)?)
}

/// `dateDiff('unit', a, b[, tz])`: unit boundaries crossed from `a` to `b`.
fn b_date_diff(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    let name = ctx.name.clone();
    check_arg_count(&name, &args, 3, 4)?;
    let kind = unit_arg(&name, &args, 0)?;
    let explicit = if args.len() == 4 { Some(super::const_str_arg(&name, &args, 3)?) } else { None };
    for (i, a) in args.iter().enumerate().take(3).skip(1) {
        if !a.ty.is_nothing() && TKind::of(&a.ty).is_none() {
            return Err(Error::new(
                ErrorCode::ILLEGAL_TYPE_OF_ARGUMENT,
                format!("Illegal type {} of argument #{} of function {name}", a.ty, i + 1),
            ));
        }
    }
    if args[1].ty.is_nothing() || args[2].ty.is_nothing() {
        return null_of(ChType::Int64);
    }
    let za = resolve_zone(ctx, &args[1].ty, explicit.clone())?;
    let zb = resolve_zone(ctx, &args[2].ty, explicit)?;
    let ret =
        if args[1].ty.is_nullable() || args[2].ty.is_nullable() { ChType::Int64.nullable() } else { ChType::Int64 };
    let mut it = args.into_iter().skip(1);
    let (Some(a), Some(b)) = (it.next(), it.next()) else {
        return Err(Error::new(ErrorCode::LOGICAL_ERROR, "missing arguments"));
    };
    super::super::udf::call(&name, k_diff, vec![a, b, lit_i64(kind as i64), lit_str(&za), lit_str(&zb)], ret)
}

pub fn register(r: &mut FunctionRegistry) {
    let s = Case::Sensitive;
    let table: [(&str, &str, crate::functions::ScalarBuilder, crate::functions::ScalarBuilder); 11] = [
        ("addNanoseconds", "subtractNanoseconds", add_ns, sub_ns),
        ("addMicroseconds", "subtractMicroseconds", add_us, sub_us),
        ("addMilliseconds", "subtractMilliseconds", add_ms, sub_ms),
        ("addSeconds", "subtractSeconds", add_s, sub_s),
        ("addMinutes", "subtractMinutes", add_mi, sub_mi),
        ("addHours", "subtractHours", add_h, sub_h),
        ("addDays", "subtractDays", add_d, sub_d),
        ("addWeeks", "subtractWeeks", add_w, sub_w),
        ("addMonths", "subtractMonths", add_mo, sub_mo),
        ("addQuarters", "subtractQuarters", add_q, sub_q),
        ("addYears", "subtractYears", add_y, sub_y),
    ];
    for (a, sb, fa, fs) in table {
        r.scalar(a, s, fa);
        r.scalar(sb, s, fs);
    }
    for n in ["dateAdd", "date_add", "DATE_ADD", "timestamp_add", "TIMESTAMP_ADD"] {
        r.scalar(n, Case::Insensitive, b_date_add);
    }
    for n in ["dateSub", "date_sub", "DATE_SUB", "timestamp_sub", "TIMESTAMP_SUB"] {
        r.scalar(n, Case::Insensitive, b_date_sub);
    }
    for n in ["dateDiff", "date_diff", "DATE_DIFF", "timestampDiff", "timestamp_diff", "TIMESTAMP_DIFF"] {
        r.scalar(n, Case::Insensitive, b_date_diff);
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use super::*;

    #[test]
    fn month_end_clamping_and_wrap() {
        let x = |y, m, dd| date(d(y, m, dd) as i32);
        assert_eq!(num("addMonths", add_mo, vec![x(2000, 1, 31), i(1)]), (Some(d(2000, 2, 29)), "Date".into()));
        assert_eq!(num("addMonths", add_mo, vec![x(2000, 3, 31), i(-1)]).0, Some(d(2000, 2, 29)));
        assert_eq!(num("addYears", add_y, vec![x(2000, 2, 29), i(1)]).0, Some(d(2001, 2, 28)));
        assert_eq!(num("addQuarters", add_q, vec![x(2000, 1, 31), i(1)]).0, Some(d(2000, 4, 30)));
        assert_eq!(num("addWeeks", add_w, vec![x(2000, 1, 1), i(1)]).0, Some(d(2000, 1, 8)));
        assert_eq!(num("addDays", add_d, vec![date(65_535), i(1)]).0, Some(0));
        assert_eq!(num("subtractDays", sub_d, vec![date(0), i(1)]).0, Some(65_535));
        let (v, t) = num("addDays", add_d, vec![date32(d(1950, 1, 1) as i32), i(-1)]);
        assert_eq!((v, t.as_str()), (Some(d(1949, 12, 31)), "Date32"));
        assert_eq!(
            num("addHours", add_h, vec![x(2000, 1, 1), i(1)]),
            (Some(ts(2000, 1, 1, 1, 0, 0)), "DateTime".into())
        );
        assert_eq!(num("addHours", add_h, vec![date32(0), i(1)]), (Some(3_600_000), "DateTime64(3)".into()));
        assert_eq!(num("addDays", add_d, vec![x(2000, 1, 1), null()]).0, None);
    }

    #[test]
    fn times_and_dst() {
        let ny = Some("America/New_York");
        // addMonths(toDateTime('2000-01-31 10:00:00', NY), 1) = 2000-02-29 10:00 EST
        assert_eq!(
            num("addMonths", add_mo, vec![dt(ts(2000, 1, 31, 15, 0, 0), ny), i(1)]).0,
            Some(ts(2000, 2, 29, 15, 0, 0))
        );
        // addHours(01:30 EST on 2021-03-14, 1) = 03:30 EDT
        assert_eq!(
            num("addHours", add_h, vec![dt(ts(2021, 3, 14, 6, 30, 0), ny), i(1)]).0,
            Some(ts(2021, 3, 14, 7, 30, 0))
        );
        // addDays(2021-03-13 02:30 EST, 1) lands in the gap → 01:30 EST (06:30 UTC)
        assert_eq!(
            num("addDays", add_d, vec![dt(ts(2021, 3, 13, 7, 30, 0), ny), i(1)]).0,
            Some(ts(2021, 3, 14, 6, 30, 0))
        );
        let (v, t) = num("addMilliseconds", add_ms, vec![dt(ts(2000, 1, 1, 0, 0, 0), None), i(1500)]);
        assert_eq!((v, t.as_str()), (Some(ts(2000, 1, 1, 0, 0, 1) * 1000 + 500), "DateTime64(3)"));
        let base = ts(2000, 1, 31, 0, 0, 0) * 1000 + 500;
        assert_eq!(
            num("addMonths", add_mo, vec![dt64(base, 3, None), i(1)]).0,
            Some(ts(2000, 2, 29, 0, 0, 0) * 1000 + 500)
        );
        assert_eq!(
            num("dateAdd", b_date_add, vec![s("month"), i(1), date(d(2000, 1, 31) as i32)]).0,
            Some(d(2000, 2, 29))
        );
        assert_eq!(
            num("dateSub", b_date_sub, vec![s("year"), i(1), date(d(2000, 2, 29) as i32)]).0,
            Some(d(1999, 2, 28))
        );
    }

    #[test]
    fn date_diff_counts_boundaries() {
        let t = |y, m, dd, h, mi, sec| dt(ts(y, m, dd, h, mi, sec), None);
        let x = |y, m, dd| date(d(y, m, dd) as i32);
        let f = |u: &str, a, b| num("dateDiff", b_date_diff, vec![s(u), a, b]);
        assert_eq!(f("day", t(2000, 1, 1, 23, 59, 59), t(2000, 1, 2, 0, 0, 0)), (Some(1), "Int64".into()));
        assert_eq!(f("month", x(2000, 1, 31), x(2000, 2, 1)).0, Some(1));
        assert_eq!(f("year", x(2000, 12, 31), x(2001, 1, 1)).0, Some(1));
        assert_eq!(f("hour", t(2000, 1, 1, 0, 59, 59), t(2000, 1, 1, 1, 0, 0)).0, Some(1));
        assert_eq!(f("week", x(2023, 1, 1), x(2023, 1, 2)).0, Some(1));
        assert_eq!(f("week", x(2023, 1, 2), x(2023, 1, 8)).0, Some(0));
        assert_eq!(f("second", x(2000, 1, 1), t(2000, 1, 1, 0, 0, 10)).0, Some(10));
        assert_eq!(f("quarter", x(2000, 3, 31), x(2000, 4, 1)).0, Some(1));
        assert_eq!(f("day", x(2000, 1, 10), x(2000, 1, 1)).0, Some(-9));
        assert_eq!(f("DAY", x(2000, 1, 1), x(2000, 1, 5)).0, Some(4));
        let ms = f("ms", dt64(500, 3, None), dt64(1200, 3, None)).0;
        assert_eq!(ms, Some(700));
        assert_eq!(f("us", x(2000, 1, 1), x(2000, 1, 2)).0, Some(86_400_000_000));
        // Asia/Tokyo days: 2000-01-01 23:00 → 2000-01-02 01:00 local = 1.
        let tk = |h| dt(ts(2000, 1, 1, h, 0, 0) - 9 * 3600, Some("Asia/Tokyo"));
        assert_eq!(f("day", tk(23), tk(25)).0, Some(1));
        let tz4 = num(
            "dateDiff",
            b_date_diff,
            vec![s("day"), t(2000, 1, 1, 0, 0, 0), t(2000, 1, 2, 0, 0, 0), s("Asia/Tokyo")],
        );
        assert_eq!(tz4.0, Some(1));
        let e = run("dateDiff", b_date_diff, vec![s("unknown"), x(2000, 1, 1), x(2000, 1, 1)]).unwrap_err();
        assert_eq!(e.code(), 36);
    }
}
