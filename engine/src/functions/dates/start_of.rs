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
use super::{bind_time_fn, lit_i64, scalar_int, unary, TKind, TimeIn};
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
    t.day_start(t.local_days(v))
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
to_date!(k_last_of_month, b_last_of_month, last_of_month);
to_date!(k_iso_year, b_iso_year, |d| {
    let y = super::parts::week_of(d, 3).0;
    start_of_week(days_from_civil(y, 1, 4), 1)
});

/// The last day of `days`'s month.
fn last_of_month(days: i64) -> i64 {
    let (y, m, _) = civil_from_days(days);
    days_from_civil(y, m, super::tz::days_in_month(y, m))
}

fn k_last_of_week(k: &KernelArgs) -> DfResult<ColumnarValue> {
    let mode = scalar_int(k, 1)?;
    unary(k, |t, v| start_of_week(t.local_days(v), mode) + 6)
}

fn b_last_of_week(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    super::parts::bind_with_mode(ctx, args, k_last_of_week, date_ret)
}

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
            unary(k, |t, v| t.utc_secs(v).div_euclid($step).saturating_mul($step))
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

/// `toStartOfHour`: UTC hour boundaries where the zone's offsets are whole
/// hours; otherwise whole hours counted from the local midnight.
pub(crate) fn start_of_hour(t: &TimeIn, v: i64) -> i64 {
    let u = t.utc_secs(v);
    if t.zone.whole_hours {
        return u.div_euclid(3600).saturating_mul(3600);
    }
    let day = start_of_day(t, v);
    day.saturating_add(u.saturating_sub(day).div_euclid(3600).saturating_mul(3600))
}

fn k_hour(k: &KernelArgs) -> DfResult<ColumnarValue> {
    unary(k, start_of_hour)
}

fn b_hour(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    let name = ctx.name.clone();
    bind_time_fn(ctx, args, 0, k_hour, |t, _| {
        reject_date(&name, t)?;
        Ok(datetime_ret(t))
    })
}

floor_secs!(k_minute, b_minute, 60);
floor_secs!(k_time_slot, b_time_slot, 1800);
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
                v.div_euclid(step).saturating_mul(step)
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
    let floor = |x: i64, m: i64| x.saturating_sub(x.rem_euclid(m.max(1)));
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
        Hour if n == 1 => start_of_hour(t, v),
        // Hours and seconds count from the local midnight (as an instant).
        Second | Hour => {
            let day = start_of_day(t, v);
            let step = if kind == Hour { n.saturating_mul(3600) } else { n };
            day.saturating_add(floor(t.utc_secs(v).saturating_sub(day), step))
        }
        Minute => floor(t.utc_secs(v), n.saturating_mul(60)),
        Day => t.day_start(floor(t.local_days(v), n)),
        Week => floor(t.local_days(v) - 4, n.saturating_mul(7)).saturating_add(4),
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
    // Date results wrap (UInt16 days), as ClickHouse's toStartOfInterval does.
    let wrap = matches!(k.ret.base(), ChType::Date);
    unary(k, |t, v| {
        let r = interval_floor(t, v, kind, n);
        if wrap {
            r.rem_euclid(65_536)
        } else {
            r
        }
    })
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
    let n = super::const_int(&args[1]).ok_or_else(|| {
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
        (_, Second | Minute | Hour | Day) => Ok(datetime_ret(t)),
        _ => Ok(ChType::Date),
    }
}

fn k_time_slots(k: &KernelArgs) -> DfResult<ColumnarValue> {
    use arrow::array::{ListBuilder, TimestampSecondBuilder};
    let start = super::arg_array(k, 0)?;
    let dur = super::arg_array(k, 1)?;
    let size = super::arg_array(k, 2)?;
    let starts = super::map_i64(start.as_ref(), |v| v)?;
    let durs = super::map_i64(dur.as_ref(), |v| v)?;
    let sizes = super::map_i64(size.as_ref(), |v| v)?;
    let nulls = super::union_nulls(&[&start, &dur, &size]);
    let item = match k.ret.base() {
        ChType::Array(inner) => inner.to_arrow_field("item"),
        other => other.to_arrow_field("item"),
    };
    let mut b = ListBuilder::new(TimestampSecondBuilder::new()).with_field(std::sync::Arc::new(item));
    for (r, &st) in starts.iter().enumerate() {
        if nulls.as_ref().is_some_and(|n| n.is_null(r)) {
            b.append(false);
            continue;
        }
        let (du, sz) = (durs.get(r).copied().unwrap_or(0), sizes.get(r).copied().unwrap_or(1800));
        if sz <= 0 {
            return Err(Error::new(ErrorCode::ILLEGAL_COLUMN, "Time slot size must be positive").into_datafusion());
        }
        let end = st.saturating_add(du);
        let mut t = st.div_euclid(sz) * sz;
        let mut count = 0;
        while t <= end && count < 1_000_000 {
            b.values().append_value(t);
            t += sz;
            count += 1;
        }
        b.append(true);
    }
    super::finish(k, std::sync::Arc::new(b.finish()))
}

/// `timeSlots(start, duration[, size])`: the half-hour (or `size`) slots a
/// period touches, as Array(DateTime).
fn b_time_slots(ctx: &FunctionContext, mut args: Vec<TypedExpr>) -> Result<TypedExpr> {
    let name = ctx.name.clone();
    check_arg_count(&name, &args, 2, 3)?;
    if !matches!(args[0].ty.base(), ChType::DateTime(_)) {
        return Err(crate::functions::illegal_type(&name, 0, &args[0].ty));
    }
    for (i, a) in args.iter().enumerate().skip(1) {
        if !a.ty.is_integer() {
            return Err(crate::functions::illegal_type(&name, i, &a.ty));
        }
    }
    if args.len() == 2 {
        args.push(lit_i64(1800));
    }
    let elem = args[0].ty.remove_nullable();
    let ret = ChType::Array(Box::new(elem));
    super::super::udf::call(&name, k_time_slots, args, ret)
}

/// `date_trunc('unit', t[, tz])`.
fn b_date_trunc(ctx: &FunctionContext, mut args: Vec<TypedExpr>) -> Result<TypedExpr> {
    check_arg_count(&ctx.name, &args, 2, 3)?;
    let unit = super::const_str_arg(&ctx.name, &args, 0)?.to_ascii_lowercase();
    args.remove(0);
    let (kernel, calendar): (crate::functions::Kernel, bool) = match unit.as_str() {
        "year" => (k_year, true),
        "quarter" => (k_quarter, true),
        "month" => (k_month, true),
        "week" => (k_monday, true),
        "day" => (k_day, false),
        "hour" => (k_hour, false),
        "minute" => (k_minute, false),
        "second" => (k_second_or_dt, false),
        _ => {
            return Err(Error::new(
                ErrorCode::BAD_ARGUMENTS,
                format!("First argument for function {} must be a valid unit, got '{unit}'", ctx.name),
            ))
        }
    };
    // Date32 and DateTime64 arguments give the extended types (Date32, DateTime64(0)).
    bind_time_fn(ctx, args, 0, kernel, |t, _| {
        let extended = matches!(t.base(), ChType::Date32 | ChType::DateTime64(..));
        Ok(match (calendar, extended) {
            (true, false) => ChType::Date,
            (true, true) => ChType::Date32,
            (false, false) => datetime_ret(t),
            (false, true) => ChType::DateTime64(0, t.timezone().map(str::to_string)),
        })
    })
}

fn k_second_or_dt(k: &KernelArgs) -> DfResult<ColumnarValue> {
    unary(k, |t, v| t.utc_secs(v))
}

pub fn register(r: &mut FunctionRegistry) {
    let s = Case::Sensitive;
    r.scalar("toStartOfYear", s, b_year);
    r.scalar("toStartOfQuarter", s, b_quarter);
    r.scalar("toStartOfMonth", s, b_month);
    r.scalar("toMonday", s, b_monday);
    r.scalar("toStartOfWeek", s, b_week);
    r.scalar("toLastDayOfWeek", s, b_last_of_week);
    r.scalar("toLastDayOfMonth", s, b_last_of_month);
    r.scalar("LAST_DAY", Case::Insensitive, b_last_of_month);
    r.scalar("toStartOfISOYear", s, b_iso_year);
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
    r.scalar("timeSlot", s, b_time_slot);
    r.scalar("timeSlots", s, b_time_slots);
    r.scalar("date_trunc", Case::Insensitive, b_date_trunc);
    r.scalar("DATE_TRUNC", Case::Insensitive, b_date_trunc);
    r.scalar("dateTrunc", Case::Sensitive, b_date_trunc);
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
        assert_eq!(num("toLastDayOfMonth", b_last_of_month, vec![date(d(2000, 2, 10) as i32)]).0, Some(d(2000, 2, 29)));
        assert_eq!(num("toLastDayOfWeek", b_last_of_week, vec![w()]).0, Some(d(2023, 1, 7)));
        assert_eq!(num("toLastDayOfWeek", b_last_of_week, vec![w(), i(1)]).0, Some(d(2023, 1, 8)));
        assert_eq!(num("toStartOfISOYear", b_iso_year, vec![date(d(2021, 1, 1) as i32)]).0, Some(d(2019, 12, 30)));
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
        assert_eq!(
            num("timeSlot", b_time_slot, vec![dt(ts(2023, 1, 1, 10, 47, 0), None)]).0,
            Some(ts(2023, 1, 1, 10, 30, 0))
        );
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
        let old = || date32(d(1950, 5, 17) as i32);
        assert_eq!(num("date_trunc", b_date_trunc, vec![s("month"), old()]), (Some(d(1950, 5, 1)), "Date32".into()));
        assert_eq!(num("date_trunc", b_date_trunc, vec![s("day"), old()]).1, "DateTime64(0)");
        assert_eq!(
            num("date_trunc", b_date_trunc, vec![s("second"), dt64(1500, 3, None)]),
            (Some(1), "DateTime64(0)".into())
        );
        // toStartOfInterval(Date32, month) is a Date and wraps: 1950-05-17 → 2129-10-05.
        let iv = lit(ScalarValue::Int64(Some(1)), ChType::Interval(IntervalKind::Month));
        assert_eq!(num("toStartOfInterval", b_interval, vec![old(), iv]), (Some(d(2129, 10, 5)), "Date".into()));
        let iv = lit(ScalarValue::Int64(Some(2)), ChType::Interval(IntervalKind::Day));
        let r = num("toStartOfInterval", b_interval, vec![date(d(2023, 5, 17) as i32), iv]);
        assert_eq!(r, (Some(ts(2023, 5, 17, 0, 0, 0)), "DateTime".into()));
    }
}
