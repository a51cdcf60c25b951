//! Rounding down to a calendar or clock unit: `toStartOfYear`, `toStartOfQuarter`,
//! `toStartOfMonth`, `toStartOfWeek`, `toMonday`, `toStartOfDay`,
//! `toStartOfHour`, `toStartOfMinute`, `toStartOfFiveMinutes`,
//! `toStartOfTenMinutes`, `toStartOfFifteenMinutes`, `toStartOfSecond` (and
//! milli/micro/nano), `toStartOfInterval(t, INTERVAL n unit)` and `date_trunc`.
//!
//! Calendar units round in the value's zone; clock units up to the hour round
//! the UTC instant (ClickHouse's results for zones like Asia/Kolkata); interval
//! hours and seconds round within the local day, interval minutes the UTC instant.

use datafusion::error::Result as DfResult;
use datafusion::logical_expr::ColumnarValue;

use super::tz::{civil_from_days, days_from_civil, iso_weekday};
use super::{bind_time_fn, lit_i64, scalar_int, unary, TKind, TimeIn, DAY};
use crate::error::{Error, ErrorCode, Result};
use crate::functions::{check_arg_count, Case, FunctionContext, FunctionRegistry, KernelArgs, TypedExpr};
use crate::types::{ChType, IntervalKind};

pub(crate) fn start_of_month(days: i64) -> i64 {
    let (y, m, _) = civil_from_days(days);
    days_from_civil(y, m, 1)
}

pub(crate) fn start_of_quarter(days: i64) -> i64 {
    let (y, m, _) = civil_from_days(days);
    days_from_civil(y, (m - 1) / 3 * 3 + 1, 1)
}

pub(crate) fn start_of_year(days: i64) -> i64 {
    days_from_civil(civil_from_days(days).0, 1, 1)
}

/// Start of the week: Monday when `mode & 1`, else Sunday.
pub(crate) fn start_of_week(days: i64, mode: i64) -> i64 {
    let iso = iso_weekday(days);
    if mode & 1 != 0 {
        days - (iso - 1)
    } else {
        days - iso % 7
    }
}

/// UTC instant of the local midnight of `t`'s day.
fn start_of_day(t: &TimeIn, v: i64) -> i64 {
    t.zone.from_local(t.local_days(v) * DAY)
}

fn date_ret(t: &ChType) -> Result<ChType> {
    let _ = t;
    Ok(ChType::Date)
}

fn datetime_ret(t: &ChType) -> ChType {
    ChType::DateTime(t.timezone().map(str::to_string))
}

fn reject_date(name: &str, t: &ChType) -> Result<()> {
    if TKind::of(t).is_some_and(|k| k.is_date()) {
        return Err(Error::new(
            ErrorCode::ILLEGAL_TYPE_OF_ARGUMENT,
            format!("Illegal argument of type {t} for function {name}"),
        ));
    }
    Ok(())
}

macro_rules! to_date {
    ($kernel:ident, $builder:ident, $f:expr) => {
        fn $kernel(k: &KernelArgs) -> DfResult<ColumnarValue> {
            unary(k, |t, v| $f(t.local_days(v)))
        }
        fn $builder(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
            bind_time_fn(ctx, args, 0, $kernel, |t, _| date_ret(t))
        }
    };
}

to_date!(k_year, b_year, start_of_year);
to_date!(k_quarter, b_quarter, start_of_quarter);
to_date!(k_month, b_month, start_of_month);
to_date!(k_monday, b_monday, |d| start_of_week(d, 1));

fn k_week(k: &KernelArgs) -> DfResult<ColumnarValue> {
    let mode = scalar_int(k, 1)?;
    unary(k, |t, v| start_of_week(t.local_days(v), mode))
}

fn b_week(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    super::parts::bind_with_mode(ctx, args, k_week, date_ret)
}

fn k_day(k: &KernelArgs) -> DfResult<ColumnarValue> {
    unary(k, start_of_day)
}

fn b_day(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    bind_time_fn(ctx, args, 0, k_day, |t, _| Ok(datetime_ret(t)))
}

macro_rules! floor_secs {
    ($kernel:ident, $builder:ident, $step:expr) => {
        fn $kernel(k: &KernelArgs) -> DfResult<ColumnarValue> {
            unary(k, |t, v| t.utc_secs(v).div_euclid($step) * $step)
        }
        fn $builder(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
            let name = ctx.name.clone();
            bind_time_fn(ctx, args, 0, $kernel, |t, _| {
                reject_date(&name, t)?;
                Ok(datetime_ret(t))
            })
        }
    };
}

floor_secs!(k_hour, b_hour, 3600);
floor_secs!(k_minute, b_minute, 60);
floor_secs!(k_five, b_five, 300);
floor_secs!(k_ten, b_ten, 600);
floor_secs!(k_fifteen, b_fifteen, 900);

/// Ticks of a DateTime64's unit in one `10^-digits` second (at least 1).
fn sub_step(kind: TKind, digits: u32) -> i64 {
    match kind {
        TKind::DateTime64(s, _) => (s / 10i64.pow(digits)).max(1),
        _ => 1,
    }
}

macro_rules! floor_sub {
    ($kernel:ident, $builder:ident, $digits:expr) => {
        fn $kernel(k: &KernelArgs) -> DfResult<ColumnarValue> {
            unary(k, |t, v| {
                let step = sub_step(t.kind, $digits);
                v.div_euclid(step) * step
            })
        }
        fn $builder(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
            let name = ctx.name.clone();
            bind_time_fn(ctx, args, 0, $kernel, |t, _| match t.base() {
                ChType::DateTime64(..) => Ok(t.remove_nullable()),
                _ => Err(Error::new(
                    ErrorCode::ILLEGAL_TYPE_OF_ARGUMENT,
                    format!("Illegal type {t} of argument of function {name}. Should be DateTime64"),
                )),
            })
        }
    };
}

floor_sub!(k_second, b_second, 0);
floor_sub!(k_milli, b_milli, 3);
floor_sub!(k_micro, b_micro, 6);
floor_sub!(k_nano, b_nano, 9);

fn kind_code(k: IntervalKind) -> i64 {
    k as i64
}

fn kind_of_code(c: i64) -> Option<IntervalKind> {
    use IntervalKind::*;
    [Nanosecond, Microsecond, Millisecond, Second, Minute, Hour, Day, Week, Month, Quarter, Year]
        .into_iter()
        .find(|k| *k as i64 == c)
}

/// Rounds raw value `v` of `t` down to a multiple of `n` `kind`s; the result is in
/// the result type's storage unit (days for Date results, seconds for DateTime,
/// ticks for DateTime64).
fn interval_floor(t: &TimeIn, v: i64, kind: IntervalKind, n: i64) -> i64 {
    use IntervalKind::*;
    let floor = |x: i64, m: i64| x - x.rem_euclid(m);
    match kind {
        Nanosecond | Microsecond | Millisecond => {
            let digits = match kind {
                Millisecond => 3,
                Microsecond => 6,
                _ => 9,
            };
            let step = sub_step(t.kind, digits).saturating_mul(n);
            floor(v, step)
        }
        Second => {
            let l = t.local_secs(v);
            let day = l.div_euclid(DAY) * DAY;
            t.zone.from_local(day + floor(l - day, n))
        }
        Minute => floor(t.utc_secs(v), n.saturating_mul(60)),
        Hour => {
            let l = t.local_secs(v);
            let day = l.div_euclid(DAY) * DAY;
            let h = (l - day) / 3600;
            t.zone.from_local(day + floor(h, n) * 3600)
        }
        Day => {
            let d = floor(t.local_days(v), n);
            if t.kind.is_date() {
                d
            } else {
                t.zone.from_local(d * DAY)
            }
        }
        Week => floor(t.local_days(v) - 4, n.saturating_mul(7)) + 4,
        Month | Quarter => {
            let (y, m, _) = civil_from_days(t.local_days(v));
            let months = (y - 1970) * 12 + m as i64 - 1;
            let step = if kind == Quarter { n.saturating_mul(3) } else { n };
            let f = floor(months, step);
            days_from_civil(1970 + f.div_euclid(12), (f.rem_euclid(12) + 1) as u32, 1)
        }
        Year => days_from_civil(floor(civil_from_days(t.local_days(v)).0, n), 1, 1),
    }
}

fn k_interval(k: &KernelArgs) -> DfResult<ColumnarValue> {
    let kind = kind_of_code(scalar_int(k, 1)?)
        .ok_or_else(|| Error::new(ErrorCode::LOGICAL_ERROR, "bad interval kind").into_datafusion())?;
    let n = scalar_int(k, 2)?;
    unary(k, |t, v| interval_floor(t, v, kind, n))
}

fn b_interval(ctx: &FunctionContext, mut args: Vec<TypedExpr>) -> Result<TypedExpr> {
    let name = ctx.name.clone();
    check_arg_count(&name, &args, 2, 3)?;
    let kind = match args[1].ty.base() {
        ChType::Interval(k) => *k,
        other => {
            return Err(Error::new(
                ErrorCode::ILLEGAL_TYPE_OF_ARGUMENT,
                format!("Illegal type {other} of argument of function {name}. Should be an interval of time"),
            ))
        }
    };
    let n = args[1].literal_int().ok_or_else(|| {
        Error::new(ErrorCode::ILLEGAL_COLUMN, format!("Illegal column of 2nd argument of function {name}"))
    })?;
    if n <= 0 {
        return Err(Error::new(
            ErrorCode::ARGUMENT_OUT_OF_BOUND,
            format!("Value for 2nd argument of function {name} must be positive"),
        ));
    }
    let n = i64::try_from(n).unwrap_or(i64::MAX);
    args[1] = lit_i64(kind_code(kind));
    args.insert(2, lit_i64(n));
    bind_time_fn(ctx, args, 2, k_interval, |t, _| interval_ret(&name, t, kind))
}

fn interval_ret(name: &str, t: &ChType, kind: IntervalKind) -> Result<ChType> {
    use IntervalKind::*;
    let bad = || {
        Error::new(
            ErrorCode::ILLEGAL_TYPE_OF_ARGUMENT,
            format!("Illegal interval kind for argument data type {t}: {name}"),
        )
    };
    match (TKind::of(t), kind) {
        (Some(TKind::DateTime64(..)), Nanosecond | Microsecond | Millisecond) => Ok(t.remove_nullable()),
        (_, Nanosecond | Microsecond | Millisecond) => Err(bad()),
        (Some(k), Second | Minute | Hour) if k.is_date() => Err(bad()),
        (Some(k), Day) if k.is_date() => Ok(ChType::Date),
        (_, Second | Minute | Hour | Day) => Ok(datetime_ret(t)),
        _ => Ok(ChType::Date),
    }
}

/// `date_trunc('unit', t[, tz])`.
fn b_date_trunc(ctx: &FunctionContext, mut args: Vec<TypedExpr>) -> Result<TypedExpr> {
    check_arg_count(&ctx.name, &args, 2, 3)?;
    let unit = super::const_str_arg(&ctx.name, &args, 0)?.to_ascii_lowercase();
    args.remove(0);
    let b: crate::functions::ScalarBuilder = match unit.as_str() {
        "year" => b_year,
        "quarter" => b_quarter,
        "month" => b_month,
        "week" => b_monday,
        "day" => b_day,
        "hour" => b_hour,
        "minute" => b_minute,
        "second" => b_second_or_dt,
        _ => {
            return Err(Error::new(
                ErrorCode::BAD_ARGUMENTS,
                format!("First argument for function {} must be a valid unit, got '{unit}'", ctx.name),
            ))
        }
    };
    b(ctx, args)
}

fn k_second_or_dt(k: &KernelArgs) -> DfResult<ColumnarValue> {
    unary(k, |t, v| t.utc_secs(v))
}

fn b_second_or_dt(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    bind_time_fn(ctx, args, 0, k_second_or_dt, |t, _| Ok(datetime_ret(t)))
}

pub fn register(r: &mut FunctionRegistry) {
    let s = Case::Sensitive;
    r.scalar("toStartOfYear", s, b_year);
    r.scalar("toStartOfQuarter", s, b_quarter);
    r.scalar("toStartOfMonth", s, b_month);
    r.scalar("toMonday", s, b_monday);
    r.scalar("toStartOfWeek", s, b_week);
    r.scalar("toStartOfDay", s, b_day);
    r.scalar("toStartOfHour", s, b_hour);
    r.scalar("toStartOfMinute", s, b_minute);
    r.scalar("toStartOfFiveMinutes", s, b_five);
    r.scalar("toStartOfFiveMinute", s, b_five);
    r.scalar("toStartOfTenMinutes", s, b_ten);
    r.scalar("toStartOfFifteenMinutes", s, b_fifteen);
    r.scalar("toStartOfSecond", s, b_second);
    r.scalar("toStartOfMillisecond", s, b_milli);
    r.scalar("toStartOfMicrosecond", s, b_micro);
    r.scalar("toStartOfNanosecond", s, b_nano);
    r.scalar("toStartOfInterval", s, b_interval);
    r.scalar("date_trunc", Case::Insensitive, b_date_trunc);
    r.scalar("DATE_TRUNC", Case::Insensitive, b_date_trunc);
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use super::*;
    use crate::functions::TypedExpr;
    use datafusion::scalar::ScalarValue;

    fn interval(kind: IntervalKind, n: i64) -> TypedExpr {
        lit(ScalarValue::Int64(Some(n)), ChType::Interval(kind))
    }

    #[test]
    fn calendar_units() {
        let x = || date(d(2023, 5, 4) as i32);
        assert_eq!(num("toStartOfQuarter", b_quarter, vec![x()]), (Some(d(2023, 4, 1)), "Date".into()));
        assert_eq!(num("toStartOfMonth", b_month, vec![x()]).0, Some(d(2023, 5, 1)));
        assert_eq!(num("toStartOfYear", b_year, vec![x()]).0, Some(d(2023, 1, 1)));
        // Sunday/Monday weeks: toStartOfWeek(toDate('2023-01-04'), 0..3)
        let w = || date(d(2023, 1, 4) as i32);
        assert_eq!(num("toStartOfWeek", b_week, vec![w()]).0, Some(d(2023, 1, 1)));
        assert_eq!(num("toStartOfWeek", b_week, vec![w(), i(1)]).0, Some(d(2023, 1, 2)));
        assert_eq!(num("toStartOfWeek", b_week, vec![w(), i(2)]).0, Some(d(2023, 1, 1)));
        assert_eq!(num("toStartOfWeek", b_week, vec![w(), i(3)]).0, Some(d(2023, 1, 2)));
        // Saturation at 1970-01-01: toMonday(toDate('1970-01-02')), toStartOfMonth(toDate32('1950-03-05')).
        assert_eq!(num("toMonday", b_monday, vec![date(1)]).0, Some(0));
        assert_eq!(num("toStartOfMonth", b_month, vec![date32(d(1950, 3, 5) as i32)]).0, Some(0));
    }

    #[test]
    fn clock_units_and_dst() {
        let ny = Some("America/New_York");
        // toStartOfHour(toDateTime('2021-03-14 03:30:00', NY)) = 03:00 EDT = 07:00 UTC
        assert_eq!(
            num("toStartOfHour", b_hour, vec![dt(ts(2021, 3, 14, 7, 30, 0), ny)]).0,
            Some(ts(2021, 3, 14, 7, 0, 0))
        );
        // toStartOfDay = 00:00 EST → 1615698000
        let (v, t) = num("toStartOfDay", b_day, vec![dt(ts(2021, 3, 14, 7, 30, 0), ny)]);
        assert_eq!((v, t.as_str()), (Some(1_615_698_000), "DateTime('America/New_York')"));
        // Ambiguous hour: 01:30 EDT + 3600 = 01:30 EST → toStartOfHour 01:00 EST
        assert_eq!(num("toStartOfHour", b_hour, vec![dt(1_636_263_000 + 3600, ny)]).0, Some(1_636_263_000 + 1800));
        // Kolkata: toStartOfHour(toDateTime(1000)) = 05:30 local = 0; fifteen minutes → 900.
        let k = Some("Asia/Kolkata");
        assert_eq!(num("toStartOfHour", b_hour, vec![dt(1000, k)]).0, Some(0));
        assert_eq!(num("toStartOfFifteenMinutes", b_fifteen, vec![dt(1000, k)]).0, Some(900));
        assert_eq!(
            num("toStartOfTenMinutes", b_ten, vec![dt(ts(2023, 1, 4, 10, 17, 0), None)]).0,
            Some(ts(2023, 1, 4, 10, 10, 0))
        );
        assert_eq!(run("toStartOfHour", b_hour, vec![date(0)]).unwrap_err().code(), 43);
        // toStartOfDay(toDate32('1950-01-01')) saturates to 0.
        assert_eq!(num("toStartOfDay", b_day, vec![date32(d(1950, 1, 1) as i32)]), (Some(0), "DateTime".into()));
        let (v, t) = num("toStartOfSecond", b_second, vec![dt64(1_684_318_653_456, 3, None)]);
        assert_eq!((v, t.as_str()), (Some(1_684_318_653_000), "DateTime64(3)"));
    }

    #[test]
    fn intervals_match_clickhouse() {
        let x = || dt(ts(2023, 5, 17, 10, 17, 33), None);
        let f = |kind, n| num("toStartOfInterval", b_interval, vec![x(), interval(kind, n)]);
        assert_eq!(f(IntervalKind::Minute, 7).0, Some(ts(2023, 5, 17, 10, 14, 0)));
        assert_eq!(f(IntervalKind::Hour, 5).0, Some(ts(2023, 5, 17, 10, 0, 0)));
        assert_eq!(f(IntervalKind::Hour, 7).0, Some(ts(2023, 5, 17, 7, 0, 0)));
        assert_eq!(f(IntervalKind::Day, 3), (Some(ts(2023, 5, 17, 0, 0, 0)), "DateTime".into()));
        assert_eq!(f(IntervalKind::Week, 2), (Some(d(2023, 5, 15)), "Date".into()));
        assert_eq!(f(IntervalKind::Month, 5).0, Some(d(2023, 5, 1)));
        assert_eq!(f(IntervalKind::Month, 7).0, Some(d(2023, 2, 1)));
        assert_eq!(f(IntervalKind::Quarter, 2).0, Some(d(2023, 1, 1)));
        assert_eq!(f(IntervalKind::Year, 3).0, Some(d(2022, 1, 1)));
        // Asia/Kolkata 10:17:33 local: 7 minutes → 10:15 local, 7 hours → 07:00 local.
        let k = || dt(ts(2023, 5, 17, 10, 17, 33) - 19800, Some("Asia/Kolkata"));
        let g = |kind, n| num("toStartOfInterval", b_interval, vec![k(), interval(kind, n)]).0;
        assert_eq!(g(IntervalKind::Minute, 7), Some(ts(2023, 5, 17, 10, 15, 0) - 19800));
        assert_eq!(g(IntervalKind::Second, 7), Some(ts(2023, 5, 17, 10, 17, 31) - 19800));
        assert_eq!(g(IntervalKind::Hour, 7), Some(ts(2023, 5, 17, 7, 0, 0) - 19800));
        // DateTime64(6) with 100 ms → .400
        let v = dt64(ts(2023, 5, 17, 10, 17, 33) * 1_000_000 + 456_789, 6, None);
        let (r, t) = num("toStartOfInterval", b_interval, vec![v, interval(IntervalKind::Millisecond, 100)]);
        assert_eq!((r, t.as_str()), (Some(ts(2023, 5, 17, 10, 17, 33) * 1_000_000 + 400_000), "DateTime64(6)"));
        let e = run("toStartOfInterval", b_interval, vec![x(), interval(IntervalKind::Day, 0)]).unwrap_err();
        assert_eq!(e.code(), 69);
        let e = run("toStartOfInterval", b_interval, vec![x(), interval(IntervalKind::Millisecond, 1)]).unwrap_err();
        assert_eq!(e.code(), 43);
    }

    #[test]
    fn date_trunc_units() {
        let x = || dt(ts(2023, 5, 17, 10, 17, 33), None);
        assert_eq!(num("date_trunc", b_date_trunc, vec![s("month"), x()]), (Some(d(2023, 5, 1)), "Date".into()));
        assert_eq!(num("date_trunc", b_date_trunc, vec![s("hour"), x()]).0, Some(ts(2023, 5, 17, 10, 0, 0)));
        assert_eq!(num("date_trunc", b_date_trunc, vec![s("week"), x()]).0, Some(d(2023, 5, 15)));
    }
}
