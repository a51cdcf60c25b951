//! Parts of a date or time in its zone: `toYear`, `toQuarter`, `toMonth`,
//! `toDayOfYear`, `toDayOfMonth`, `toDayOfWeek`, `toHour`, `toMinute`,
//! `toSecond`, `toMillisecond`, `toYYYYMM`, `toYYYYMMDD`, `toYYYYMMDDhhmmss`,
//! `toISOWeek`, `toISOYear`, `toWeek`, `toRelative*Num`, and the MySQL aliases
//! (`YEAR`, `MONTH`, `DAY`, `HOUR`…).

use datafusion::error::Result as DfResult;
use datafusion::logical_expr::ColumnarValue;

use super::tz::{civil_from_days, days_from_civil, is_leap, iso_weekday};
use super::{bind_time_fn, unary, TKind, TimeIn, DAY};
use crate::error::{Error, ErrorCode, Result};
use crate::functions::{Case, FunctionContext, FunctionRegistry, KernelArgs, TypedExpr};
use crate::types::ChType;

fn year_of(t: &TimeIn, v: i64) -> i64 {
    civil_from_days(t.local_days(v)).0
}

/// Days of year 1-based.
fn day_of_year(days: i64) -> i64 {
    let (y, _, _) = civil_from_days(days);
    days - days_from_civil(y, 1, 1) + 1
}

/// MySQL's week number for `mode` (0..9): (year, week).
pub(crate) fn week_of(days: i64, mode: i64) -> (i64, i64) {
    let (y, m, d) = civil_from_days(days);
    if mode & 8 != 0 {
        // Week 1 is the week containing January 1st.
        let monday = mode & 1 != 0;
        let start = |x: i64| x - if monday { (x + 3).rem_euclid(7) } else { (x + 4).rem_euclid(7) };
        let next_jan1 = days_from_civil(y + 1, 1, 1);
        if start(next_jan1) <= days {
            return (y + 1, 1);
        }
        let first = start(days_from_civil(y, 1, 1));
        return (y, (start(days) - first) / 7 + 1);
    }
    let mut behaviour = mode & 7;
    if behaviour & 1 == 0 {
        behaviour ^= 4;
    }
    let monday_first = behaviour & 1 != 0;
    let mut week_year = behaviour & 2 != 0;
    let first_weekday = behaviour & 4 != 0;
    let weekday_of = |x: i64| if monday_first { (x + 3).rem_euclid(7) } else { (x + 4).rem_euclid(7) };
    let mut year = y;
    let mut first_daynr = days_from_civil(y, 1, 1);
    let mut weekday = weekday_of(first_daynr);
    let year_days = |yy: i64| if is_leap(yy) { 366 } else { 365 };
    if m == 1 && (d as i64) <= 7 - weekday {
        if !week_year && ((first_weekday && weekday != 0) || (!first_weekday && weekday >= 4)) {
            return (year, 0);
        }
        week_year = true;
        year -= 1;
        let yd = year_days(year);
        first_daynr -= yd;
        weekday = (weekday + 53 * 7 - yd).rem_euclid(7);
    }
    let n = if (first_weekday && weekday != 0) || (!first_weekday && weekday >= 4) {
        days - (first_daynr + (7 - weekday))
    } else {
        days - (first_daynr - weekday)
    };
    if week_year && n >= 52 * 7 {
        let wd = (weekday + year_days(year)).rem_euclid(7);
        if (!first_weekday && wd < 4) || (first_weekday && wd == 0) {
            return (year + 1, 1);
        }
    }
    (year, n / 7 + 1)
}

/// `toDayOfWeek` in `mode`: 0 Mon=1..Sun=7, 1 Mon=0..6, 2 Sun=0..6, 3 Sun=1..7.
pub(crate) fn day_of_week(days: i64, mode: i64) -> i64 {
    let iso = iso_weekday(days);
    match mode & 3 {
        0 => iso,
        1 => iso - 1,
        2 => iso % 7,
        _ => iso % 7 + 1,
    }
}

macro_rules! part {
    ($kernel:ident, $builder:ident, $ret:expr, $dates_ok:expr, $f:expr) => {
        fn $kernel(k: &KernelArgs) -> DfResult<ColumnarValue> {
            unary(k, $f)
        }
        fn $builder(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
            bind_time_fn(ctx, args, 0, $kernel, |t, _| {
                if !$dates_ok && TKind::of(t).is_some_and(|k| k.is_date()) {
                    return Err(Error::new(
                        ErrorCode::ILLEGAL_TYPE_OF_ARGUMENT,
                        format!("Illegal argument of type {t} for function {}", stringify!($builder)),
                    ));
                }
                Ok($ret)
            })
        }
    };
}

part!(k_year, b_year, ChType::UInt16, true, year_of);
part!(k_quarter, b_quarter, ChType::UInt8, true, |t, v| (civil_from_days(t.local_days(v)).1 as i64 - 1) / 3 + 1);
part!(k_month, b_month, ChType::UInt8, true, |t, v| civil_from_days(t.local_days(v)).1 as i64);
part!(k_doy, b_doy, ChType::UInt16, true, |t, v| day_of_year(t.local_days(v)));
part!(k_dom, b_dom, ChType::UInt8, true, |t, v| civil_from_days(t.local_days(v)).2 as i64);
part!(k_hour, b_hour, ChType::UInt8, false, |t, v| t.local_secs(v).rem_euclid(DAY) / 3600);
part!(k_minute, b_minute, ChType::UInt8, false, |t, v| t.local_secs(v).rem_euclid(3600) / 60);
part!(k_second, b_second, ChType::UInt8, false, |t, v| t.local_secs(v).rem_euclid(60));
part!(k_milli, b_milli, ChType::UInt16, false, |t, v| match t.kind {
    TKind::DateTime64(s, _) => t.frac(v) * 1000 / s,
    _ => 0,
});
part!(k_yyyymm, b_yyyymm, ChType::UInt32, true, |t, v| {
    let (y, m, _) = civil_from_days(t.local_days(v));
    y * 100 + m as i64
});
part!(k_yyyymmdd, b_yyyymmdd, ChType::UInt32, true, |t, v| {
    let (y, m, d) = civil_from_days(t.local_days(v));
    y * 10_000 + m as i64 * 100 + d as i64
});
part!(k_yyyymmddhhmmss, b_yyyymmddhhmmss, ChType::UInt64, true, |t, v| {
    let l = t.local_secs(v);
    let (y, m, d) = civil_from_days(l.div_euclid(DAY));
    let s = l.rem_euclid(DAY);
    ((y * 100 + m as i64) * 100 + d as i64) * 1_000_000 + (s / 3600) * 10_000 + (s % 3600 / 60) * 100 + s % 60
});
part!(k_isoweek, b_isoweek, ChType::UInt8, true, |t, v| week_of(t.local_days(v), 3).1);
part!(k_isoyear, b_isoyear, ChType::UInt16, true, |t, v| week_of(t.local_days(v), 3).0);
part!(k_rel_year, b_rel_year, ChType::UInt16, true, year_of);
part!(k_rel_quarter, b_rel_quarter, ChType::UInt32, true, |t, v| {
    let (y, m, _) = civil_from_days(t.local_days(v));
    (y * 4 + (m as i64 - 1) / 3).max(0)
});
part!(k_rel_month, b_rel_month, ChType::UInt32, true, |t, v| {
    let (y, m, _) = civil_from_days(t.local_days(v));
    (y * 12 + m as i64).max(0)
});
part!(k_rel_week, b_rel_week, ChType::UInt32, true, |t, v| ((t.local_days(v) + 3).div_euclid(7)).max(0));
part!(k_rel_day, b_rel_day, ChType::UInt32, true, |t, v| t.local_days(v).max(0));
part!(k_rel_hour, b_rel_hour, ChType::UInt32, true, |t, v| t.utc_local_hour(v));
part!(k_rel_minute, b_rel_minute, ChType::UInt32, true, |t, v| t.utc_secs(v).div_euclid(60).max(0));
part!(k_rel_second, b_rel_second, ChType::UInt32, true, |t, v| t.utc_secs(v).max(0));

impl TimeIn {
    /// Hours since epoch as ClickHouse's `toRelativeHourNum` counts them (local hours).
    fn utc_local_hour(&self, v: i64) -> i64 {
        self.local_secs(v).div_euclid(3600).max(0)
    }
}

fn mode_kernel(k: &KernelArgs, f: fn(i64, i64) -> i64) -> DfResult<ColumnarValue> {
    let mode = super::scalar_int(k, 1)?;
    unary(k, |t, v| f(t.local_days(v), mode))
}

fn k_dow(k: &KernelArgs) -> DfResult<ColumnarValue> {
    mode_kernel(k, day_of_week)
}

fn k_week(k: &KernelArgs) -> DfResult<ColumnarValue> {
    mode_kernel(k, |d, m| week_of(d, m).1)
}

fn k_yearweek(k: &KernelArgs) -> DfResult<ColumnarValue> {
    mode_kernel(k, |d, m| {
        // toYearWeek always counts weeks of the week's own year (MySQL YEARWEEK).
        let (y, w) = week_of(d, m | 2);
        y * 100 + w
    })
}

/// Binds a `f(t[, mode[, tz]])` function: the mode must be a constant.
pub(crate) fn bind_with_mode(
    ctx: &FunctionContext,
    mut args: Vec<TypedExpr>,
    kernel: crate::functions::Kernel,
    ret: impl Fn(&ChType) -> Result<ChType>,
) -> Result<TypedExpr> {
    let name = ctx.name.clone();
    crate::functions::check_arg_count(&name, &args, 1, 3)?;
    let mode = match args.get(1) {
        Some(a) => a.literal_int().ok_or_else(|| {
            Error::new(ErrorCode::ILLEGAL_COLUMN, format!("Argument at index 1 for function {name} must be constant"))
        })? as i64,
        None => 0,
    };
    if args.len() == 1 {
        args.push(super::lit_i64(mode));
    } else {
        args[1] = super::lit_i64(mode);
    }
    bind_time_fn(ctx, args, 1, kernel, |t, _| ret(t))
}

fn b_dow(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    bind_with_mode(ctx, args, k_dow, |_| Ok(ChType::UInt8))
}

fn b_week(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    bind_with_mode(ctx, args, k_week, |_| Ok(ChType::UInt8))
}

fn b_yearweek(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    bind_with_mode(ctx, args, k_yearweek, |_| Ok(ChType::UInt32))
}

pub fn register(r: &mut FunctionRegistry) {
    let s = Case::Sensitive;
    let i = Case::Insensitive;
    r.scalar("toYear", s, b_year);
    r.scalar("YEAR", i, b_year);
    r.scalar("toQuarter", s, b_quarter);
    r.scalar("QUARTER", i, b_quarter);
    r.scalar("toMonth", s, b_month);
    r.scalar("MONTH", i, b_month);
    r.scalar("toDayOfYear", s, b_doy);
    r.scalar("DAYOFYEAR", i, b_doy);
    r.scalar("toDayOfMonth", s, b_dom);
    r.scalar("DAY", i, b_dom);
    r.scalar("DAYOFMONTH", i, b_dom);
    r.scalar("toDayOfWeek", s, b_dow);
    r.scalar("DAYOFWEEK", i, b_dow);
    r.scalar("toHour", s, b_hour);
    r.scalar("HOUR", i, b_hour);
    r.scalar("toMinute", s, b_minute);
    r.scalar("MINUTE", i, b_minute);
    r.scalar("toSecond", s, b_second);
    r.scalar("SECOND", i, b_second);
    r.scalar("toMillisecond", s, b_milli);
    r.scalar("MILLISECOND", i, b_milli);
    r.scalar("toYYYYMM", s, b_yyyymm);
    r.scalar("toYYYYMMDD", s, b_yyyymmdd);
    r.scalar("toYYYYMMDDhhmmss", s, b_yyyymmddhhmmss);
    r.scalar("toISOWeek", s, b_isoweek);
    r.scalar("toISOYear", s, b_isoyear);
    r.scalar("toWeek", s, b_week);
    r.scalar("WEEK", i, b_week);
    r.scalar("toYearWeek", s, b_yearweek);
    r.scalar("YEARWEEK", i, b_yearweek);
    r.scalar("toRelativeYearNum", s, b_rel_year);
    r.scalar("toRelativeQuarterNum", s, b_rel_quarter);
    r.scalar("toRelativeMonthNum", s, b_rel_month);
    r.scalar("toRelativeWeekNum", s, b_rel_week);
    r.scalar("toRelativeDayNum", s, b_rel_day);
    r.scalar("toRelativeHourNum", s, b_rel_hour);
    r.scalar("toRelativeMinuteNum", s, b_rel_minute);
    r.scalar("toRelativeSecondNum", s, b_rel_second);
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use super::*;

    #[test]
    fn parts_match_clickhouse() {
        let t = || dt(ts(2000, 1, 2, 3, 4, 5), Some("UTC"));
        assert_eq!(num("toYear", b_year, vec![t()]), (Some(2000), "UInt16".into()));
        assert_eq!(num("toMonth", b_month, vec![t()]).0, Some(1));
        assert_eq!(num("toDayOfMonth", b_dom, vec![t()]).0, Some(2));
        assert_eq!(num("toHour", b_hour, vec![t()]), (Some(3), "UInt8".into()));
        assert_eq!(num("toMinute", b_minute, vec![t()]).0, Some(4));
        assert_eq!(num("toSecond", b_second, vec![t()]).0, Some(5));
        assert_eq!(num("toQuarter", b_quarter, vec![date(d(2000, 5, 1) as i32)]).0, Some(2));
        assert_eq!(num("toDayOfYear", b_doy, vec![date(d(2000, 2, 5) as i32)]).0, Some(36));
        // toYYYYMMDDhhmmss(toDateTime('2000-01-02 03:04:05', 'Asia/Tokyo'))
        let tokyo = dt(ts(2000, 1, 2, 3, 4, 5) - 9 * 3600, Some("Asia/Tokyo"));
        assert_eq!(num("toYYYYMMDDhhmmss", b_yyyymmddhhmmss, vec![tokyo]), (Some(20000102030405), "UInt64".into()));
        // toHour/toMinute(toDateTime(0, 'Asia/Kolkata')) = 5, 30
        assert_eq!(num("toHour", b_hour, vec![dt(0, Some("Asia/Kolkata"))]).0, Some(5));
        assert_eq!(num("toMinute", b_minute, vec![dt(0, None), s("Asia/Kolkata")]).0, Some(30));
        // Pre-1970 Date32: toYear 1950, toYYYYMM 195003, toDayOfWeek 6.
        let old = || date32(d(1950, 3, 4) as i32);
        assert_eq!(num("toYear", b_year, vec![old()]).0, Some(1950));
        assert_eq!(num("toYYYYMM", b_yyyymm, vec![old()]), (Some(195003), "UInt32".into()));
        assert_eq!(num("toDayOfWeek", b_dow, vec![old()]).0, Some(6));
        assert_eq!(num("toRelativeDayNum", b_rel_day, vec![old()]).0, Some(0));
        // toMillisecond(toDateTime64('2000-01-01 00:00:00.123456', 6)) = 123
        assert_eq!(
            num("toMillisecond", b_milli, vec![dt64(ts(2000, 1, 1, 0, 0, 0) * 1_000_000 + 123_456, 6, None)]).0,
            Some(123)
        );
        // toSecond(toDateTime64('1969-12-31 23:59:59.5', 3)) = 59
        assert_eq!(num("toSecond", b_second, vec![dt64(-500, 3, None)]).0, Some(59));
        assert_eq!(run("toHour", b_hour, vec![date(0)]).unwrap_err().code(), 43);
        assert_eq!(run("toYear", b_year, vec![s("2000-01-01")]).unwrap_err().code(), 43);
        assert_eq!(num("toYear", b_year, vec![null()]), (None, "Nullable(UInt16)".into()));
    }

    #[test]
    fn weeks_match_clickhouse() {
        let jan1 = d(2023, 1, 1);
        let dows: Vec<i64> = (0..4).map(|m| day_of_week(jan1, m)).collect();
        assert_eq!(dows, vec![7, 6, 0, 1]);
        assert_eq!(day_of_week(jan1, 7), 1);
        let w: Vec<i64> = (0..10).map(|m| week_of(jan1, m).1).collect();
        assert_eq!(w, vec![1, 0, 1, 52, 1, 0, 1, 52, 1, 1]);
        let w: Vec<i64> = (0..10).map(|m| week_of(d(2021, 12, 31), m).1).collect();
        assert_eq!(w, vec![52, 52, 52, 52, 52, 52, 52, 52, 1, 1]);
        assert_eq!(week_of(d(2021, 1, 1), 3), (2020, 53));
        assert_eq!(num("toDayOfWeek", b_dow, vec![date(jan1 as i32), i(2)]).0, Some(0));
        assert_eq!(num("toISOWeek", b_isoweek, vec![date(d(2021, 1, 1) as i32)]).0, Some(53));
        assert_eq!(num("toISOYear", b_isoyear, vec![date(d(2021, 1, 1) as i32)]).0, Some(2020));
    }

    #[test]
    fn relative_numbers() {
        let x = || date(d(2000, 1, 1) as i32);
        assert_eq!(num("toRelativeYearNum", b_rel_year, vec![x()]).0, Some(2000));
        assert_eq!(num("toRelativeQuarterNum", b_rel_quarter, vec![x()]).0, Some(8000));
        assert_eq!(num("toRelativeMonthNum", b_rel_month, vec![x()]).0, Some(24001));
        assert_eq!(num("toRelativeWeekNum", b_rel_week, vec![x()]).0, Some(1565));
        assert_eq!(num("toRelativeDayNum", b_rel_day, vec![x()]).0, Some(10957));
        let t = || dt(ts(2000, 1, 1, 0, 0, 0), None);
        assert_eq!(num("toRelativeHourNum", b_rel_hour, vec![t()]).0, Some(262968));
        assert_eq!(num("toRelativeMinuteNum", b_rel_minute, vec![t()]).0, Some(15778080));
        assert_eq!(num("toRelativeSecondNum", b_rel_second, vec![t()]).0, Some(946684800));
    }
}
