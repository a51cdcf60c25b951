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
    let ymd = (y * 100 + m as i64) * 100 + d as i64;
    ymd.wrapping_mul(1_000_000) + (s / 3600) * 10_000 + (s % 3600 / 60) * 100 + s % 60
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
        relative_hour(self, v).max(0)
    }
}

/// Hours since the epoch as ClickHouse counts them: UTC hours where the zone's
/// offsets are whole hours, else shifted by a day minus the offset at the epoch.
pub(crate) fn relative_hour(t: &TimeIn, v: i64) -> i64 {
    let u = t.utc_secs(v);
    if t.zone.whole_hours {
        u.div_euclid(3600)
    } else {
        u.saturating_add(DAY - t.zone.offset_at(0) as i64).div_euclid(3600)
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
        Some(a) => super::const_int(a).ok_or_else(|| {
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
        let y = |x: i64, m: i64| num("toYearWeek", b_yearweek, vec![date(x as i32), i(m)]).0;
        assert_eq!(y(d(2021, 1, 1), 0), Some(202052));
        assert_eq!(y(d(2021, 1, 1), 1), Some(202053));
        assert_eq!(y(d(2023, 1, 1), 0), Some(202301));
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

    /// toWeek (modes 0-9), toYearWeek (0-7), toDayOfWeek (0-3), toStartOfWeek (0, 1),
    /// toISOWeek, toISOYear over year boundaries (2020/21, 2023/24, 2025/26) and
    /// pre-1970 Date32 days, as chdb computes them.
    #[test]
    fn week_modes_sweep_matches_clickhouse() {
        const ROWS: &str = "-3 52 53 52 1 53 52 53 52 1 1 196952 197001 196952 197001 196953 196952 196953 196952 1 0 1 2 0 0 1 1970\n\
-2 52 53 52 1 53 52 53 52 1 1 196952 197001 196952 197001 196953 196952 196953 196952 2 1 2 3 0 0 1 1970\n\
-1 52 53 52 1 53 52 53 52 1 1 196952 197001 196952 197001 196953 196952 196953 196952 3 2 3 4 0 0 1 1970\n\
0 0 1 52 1 0 0 53 52 1 1 196952 197001 196952 197001 196953 196952 196953 196952 4 3 4 5 0 0 1 1970\n\
1 0 1 52 1 0 0 53 52 1 1 196952 197001 196952 197001 196953 196952 196953 196952 5 4 5 6 0 0 1 1970\n\
2 0 1 52 1 0 0 53 52 1 1 196952 197001 196952 197001 196953 196952 196953 196952 6 5 6 7 0 0 1 1970\n\
3 1 1 1 1 1 0 1 52 2 1 197001 197001 197001 197001 197001 196952 197001 196952 7 6 0 1 3 0 1 1970\n\
4 1 2 1 2 1 1 1 1 2 2 197001 197002 197001 197002 197001 197001 197001 197001 1 0 1 2 3 4 2 1970\n\
5 1 2 1 2 1 1 1 1 2 2 197001 197002 197001 197002 197001 197001 197001 197001 2 1 2 3 3 4 2 1970\n\
6 1 2 1 2 1 1 1 1 2 2 197001 197002 197001 197002 197001 197001 197001 197001 3 2 3 4 3 4 2 1970\n\
7 1 2 1 2 1 1 1 1 2 2 197001 197002 197001 197002 197001 197001 197001 197001 4 3 4 5 3 4 2 1970\n\
8 1 2 1 2 1 1 1 1 2 2 197001 197002 197001 197002 197001 197001 197001 197001 5 4 5 6 3 4 2 1970\n\
9 1 2 1 2 1 1 1 1 2 2 197001 197002 197001 197002 197001 197001 197001 197001 6 5 6 7 3 4 2 1970\n\
18600 48 49 48 49 49 48 49 48 49 49 202048 202049 202048 202049 202049 202048 202049 202048 5 4 5 6 18595 18596 49 2020\n\
18601 48 49 48 49 49 48 49 48 49 49 202048 202049 202048 202049 202049 202048 202049 202048 6 5 6 7 18595 18596 49 2020\n\
18602 49 49 49 49 50 48 50 48 50 49 202049 202049 202049 202049 202050 202048 202050 202048 7 6 0 1 18602 18596 49 2020\n\
18603 49 50 49 50 50 49 50 49 50 50 202049 202050 202049 202050 202050 202049 202050 202049 1 0 1 2 18602 18603 50 2020\n\
18604 49 50 49 50 50 49 50 49 50 50 202049 202050 202049 202050 202050 202049 202050 202049 2 1 2 3 18602 18603 50 2020\n\
18605 49 50 49 50 50 49 50 49 50 50 202049 202050 202049 202050 202050 202049 202050 202049 3 2 3 4 18602 18603 50 2020\n\
18606 49 50 49 50 50 49 50 49 50 50 202049 202050 202049 202050 202050 202049 202050 202049 4 3 4 5 18602 18603 50 2020\n\
18607 49 50 49 50 50 49 50 49 50 50 202049 202050 202049 202050 202050 202049 202050 202049 5 4 5 6 18602 18603 50 2020\n\
18608 49 50 49 50 50 49 50 49 50 50 202049 202050 202049 202050 202050 202049 202050 202049 6 5 6 7 18602 18603 50 2020\n\
18609 50 50 50 50 51 49 51 49 51 50 202050 202050 202050 202050 202051 202049 202051 202049 7 6 0 1 18609 18603 50 2020\n\
18610 50 51 50 51 51 50 51 50 51 51 202050 202051 202050 202051 202051 202050 202051 202050 1 0 1 2 18609 18610 51 2020\n\
18611 50 51 50 51 51 50 51 50 51 51 202050 202051 202050 202051 202051 202050 202051 202050 2 1 2 3 18609 18610 51 2020\n\
18612 50 51 50 51 51 50 51 50 51 51 202050 202051 202050 202051 202051 202050 202051 202050 3 2 3 4 18609 18610 51 2020\n\
18613 50 51 50 51 51 50 51 50 51 51 202050 202051 202050 202051 202051 202050 202051 202050 4 3 4 5 18609 18610 51 2020\n\
18614 50 51 50 51 51 50 51 50 51 51 202050 202051 202050 202051 202051 202050 202051 202050 5 4 5 6 18609 18610 51 2020\n\
18615 50 51 50 51 51 50 51 50 51 51 202050 202051 202050 202051 202051 202050 202051 202050 6 5 6 7 18609 18610 51 2020\n\
18616 51 51 51 51 52 50 52 50 52 51 202051 202051 202051 202051 202052 202050 202052 202050 7 6 0 1 18616 18610 51 2020\n\
18617 51 52 51 52 52 51 52 51 52 52 202051 202052 202051 202052 202052 202051 202052 202051 1 0 1 2 18616 18617 52 2020\n\
18618 51 52 51 52 52 51 52 51 52 52 202051 202052 202051 202052 202052 202051 202052 202051 2 1 2 3 18616 18617 52 2020\n\
18619 51 52 51 52 52 51 52 51 52 52 202051 202052 202051 202052 202052 202051 202052 202051 3 2 3 4 18616 18617 52 2020\n\
18620 51 52 51 52 52 51 52 51 52 52 202051 202052 202051 202052 202052 202051 202052 202051 4 3 4 5 18616 18617 52 2020\n\
18621 51 52 51 52 52 51 52 51 52 52 202051 202052 202051 202052 202052 202051 202052 202051 5 4 5 6 18616 18617 52 2020\n\
18622 51 52 51 52 52 51 52 51 52 52 202051 202052 202051 202052 202052 202051 202052 202051 6 5 6 7 18616 18617 52 2020\n\
18623 52 52 52 52 53 51 53 51 1 52 202052 202052 202052 202052 202053 202051 202053 202051 7 6 0 1 18623 18617 52 2020\n\
18624 52 53 52 53 53 52 53 52 1 1 202052 202053 202052 202053 202053 202052 202053 202052 1 0 1 2 18623 18624 53 2020\n\
18625 52 53 52 53 53 52 53 52 1 1 202052 202053 202052 202053 202053 202052 202053 202052 2 1 2 3 18623 18624 53 2020\n\
18626 52 53 52 53 53 52 53 52 1 1 202052 202053 202052 202053 202053 202052 202053 202052 3 2 3 4 18623 18624 53 2020\n\
18627 52 53 52 53 53 52 53 52 1 1 202052 202053 202052 202053 202053 202052 202053 202052 4 3 4 5 18623 18624 53 2020\n\
18628 0 0 52 53 0 0 53 52 1 1 202052 202053 202052 202053 202053 202052 202053 202052 5 4 5 6 18623 18624 53 2020\n\
18629 0 0 52 53 0 0 53 52 1 1 202052 202053 202052 202053 202053 202052 202053 202052 6 5 6 7 18623 18624 53 2020\n\
18630 1 0 1 53 1 0 1 52 2 1 202101 202053 202101 202053 202101 202052 202101 202052 7 6 0 1 18630 18624 53 2020\n\
18631 1 1 1 1 1 1 1 1 2 2 202101 202101 202101 202101 202101 202101 202101 202101 1 0 1 2 18630 18631 1 2021\n\
18632 1 1 1 1 1 1 1 1 2 2 202101 202101 202101 202101 202101 202101 202101 202101 2 1 2 3 18630 18631 1 2021\n\
18633 1 1 1 1 1 1 1 1 2 2 202101 202101 202101 202101 202101 202101 202101 202101 3 2 3 4 18630 18631 1 2021\n\
18634 1 1 1 1 1 1 1 1 2 2 202101 202101 202101 202101 202101 202101 202101 202101 4 3 4 5 18630 18631 1 2021\n\
18635 1 1 1 1 1 1 1 1 2 2 202101 202101 202101 202101 202101 202101 202101 202101 5 4 5 6 18630 18631 1 2021\n\
18636 1 1 1 1 1 1 1 1 2 2 202101 202101 202101 202101 202101 202101 202101 202101 6 5 6 7 18630 18631 1 2021\n\
18637 2 1 2 1 2 1 2 1 3 2 202102 202101 202102 202101 202102 202101 202102 202101 7 6 0 1 18637 18631 1 2021\n\
18638 2 2 2 2 2 2 2 2 3 3 202102 202102 202102 202102 202102 202102 202102 202102 1 0 1 2 18637 18638 2 2021\n\
18639 2 2 2 2 2 2 2 2 3 3 202102 202102 202102 202102 202102 202102 202102 202102 2 1 2 3 18637 18638 2 2021\n\
19700 49 49 49 49 49 49 49 49 49 50 202349 202349 202349 202349 202349 202349 202349 202349 6 5 6 7 19694 19695 49 2023\n\
19701 50 49 50 49 50 49 50 49 50 50 202350 202349 202350 202349 202350 202349 202350 202349 7 6 0 1 19701 19695 49 2023\n\
19702 50 50 50 50 50 50 50 50 50 51 202350 202350 202350 202350 202350 202350 202350 202350 1 0 1 2 19701 19702 50 2023\n\
19703 50 50 50 50 50 50 50 50 50 51 202350 202350 202350 202350 202350 202350 202350 202350 2 1 2 3 19701 19702 50 2023\n\
19704 50 50 50 50 50 50 50 50 50 51 202350 202350 202350 202350 202350 202350 202350 202350 3 2 3 4 19701 19702 50 2023\n\
19705 50 50 50 50 50 50 50 50 50 51 202350 202350 202350 202350 202350 202350 202350 202350 4 3 4 5 19701 19702 50 2023\n\
19706 50 50 50 50 50 50 50 50 50 51 202350 202350 202350 202350 202350 202350 202350 202350 5 4 5 6 19701 19702 50 2023\n\
19707 50 50 50 50 50 50 50 50 50 51 202350 202350 202350 202350 202350 202350 202350 202350 6 5 6 7 19701 19702 50 2023\n\
19708 51 50 51 50 51 50 51 50 51 51 202351 202350 202351 202350 202351 202350 202351 202350 7 6 0 1 19708 19702 50 2023\n\
19709 51 51 51 51 51 51 51 51 51 52 202351 202351 202351 202351 202351 202351 202351 202351 1 0 1 2 19708 19709 51 2023\n\
19710 51 51 51 51 51 51 51 51 51 52 202351 202351 202351 202351 202351 202351 202351 202351 2 1 2 3 19708 19709 51 2023\n\
19711 51 51 51 51 51 51 51 51 51 52 202351 202351 202351 202351 202351 202351 202351 202351 3 2 3 4 19708 19709 51 2023\n\
19712 51 51 51 51 51 51 51 51 51 52 202351 202351 202351 202351 202351 202351 202351 202351 4 3 4 5 19708 19709 51 2023\n\
19713 51 51 51 51 51 51 51 51 51 52 202351 202351 202351 202351 202351 202351 202351 202351 5 4 5 6 19708 19709 51 2023\n\
19714 51 51 51 51 51 51 51 51 51 52 202351 202351 202351 202351 202351 202351 202351 202351 6 5 6 7 19708 19709 51 2023\n\
19715 52 51 52 51 52 51 52 51 52 52 202352 202351 202352 202351 202352 202351 202352 202351 7 6 0 1 19715 19709 51 2023\n\
19716 52 52 52 52 52 52 52 52 52 53 202352 202352 202352 202352 202352 202352 202352 202352 1 0 1 2 19715 19716 52 2023\n\
19717 52 52 52 52 52 52 52 52 52 53 202352 202352 202352 202352 202352 202352 202352 202352 2 1 2 3 19715 19716 52 2023\n\
19718 52 52 52 52 52 52 52 52 52 53 202352 202352 202352 202352 202352 202352 202352 202352 3 2 3 4 19715 19716 52 2023\n\
19719 52 52 52 52 52 52 52 52 52 53 202352 202352 202352 202352 202352 202352 202352 202352 4 3 4 5 19715 19716 52 2023\n\
19720 52 52 52 52 52 52 52 52 52 53 202352 202352 202352 202352 202352 202352 202352 202352 5 4 5 6 19715 19716 52 2023\n\
19721 52 52 52 52 52 52 52 52 52 53 202352 202352 202352 202352 202352 202352 202352 202352 6 5 6 7 19715 19716 52 2023\n\
19722 53 52 53 52 53 52 1 52 1 53 202353 202352 202353 202352 202401 202352 202401 202352 7 6 0 1 19722 19716 52 2023\n\
19723 0 1 53 1 1 1 1 1 1 1 202353 202401 202353 202401 202401 202401 202401 202401 1 0 1 2 19722 19723 1 2024\n\
19724 0 1 53 1 1 1 1 1 1 1 202353 202401 202353 202401 202401 202401 202401 202401 2 1 2 3 19722 19723 1 2024\n\
19725 0 1 53 1 1 1 1 1 1 1 202353 202401 202353 202401 202401 202401 202401 202401 3 2 3 4 19722 19723 1 2024\n\
19726 0 1 53 1 1 1 1 1 1 1 202353 202401 202353 202401 202401 202401 202401 202401 4 3 4 5 19722 19723 1 2024\n\
19727 0 1 53 1 1 1 1 1 1 1 202353 202401 202353 202401 202401 202401 202401 202401 5 4 5 6 19722 19723 1 2024\n\
19728 0 1 53 1 1 1 1 1 1 1 202353 202401 202353 202401 202401 202401 202401 202401 6 5 6 7 19722 19723 1 2024\n\
19729 1 1 1 1 2 1 2 1 2 1 202401 202401 202401 202401 202402 202401 202402 202401 7 6 0 1 19729 19723 1 2024\n\
19730 1 2 1 2 2 2 2 2 2 2 202401 202402 202401 202402 202402 202402 202402 202402 1 0 1 2 19729 19730 2 2024\n\
19731 1 2 1 2 2 2 2 2 2 2 202401 202402 202401 202402 202402 202402 202402 202402 2 1 2 3 19729 19730 2 2024\n\
19732 1 2 1 2 2 2 2 2 2 2 202401 202402 202401 202402 202402 202402 202402 202402 3 2 3 4 19729 19730 2 2024\n\
19733 1 2 1 2 2 2 2 2 2 2 202401 202402 202401 202402 202402 202402 202402 202402 4 3 4 5 19729 19730 2 2024\n\
19734 1 2 1 2 2 2 2 2 2 2 202401 202402 202401 202402 202402 202402 202402 202402 5 4 5 6 19729 19730 2 2024\n\
20450 52 52 52 52 53 51 53 51 1 52 202552 202552 202552 202552 202553 202551 202553 202551 7 6 0 1 20450 20444 52 2025\n\
20451 52 53 52 1 53 52 53 52 1 1 202552 202601 202552 202601 202553 202552 202553 202552 1 0 1 2 20450 20451 1 2026\n\
20452 52 53 52 1 53 52 53 52 1 1 202552 202601 202552 202601 202553 202552 202553 202552 2 1 2 3 20450 20451 1 2026\n\
20453 52 53 52 1 53 52 53 52 1 1 202552 202601 202552 202601 202553 202552 202553 202552 3 2 3 4 20450 20451 1 2026\n\
20454 0 1 52 1 0 0 53 52 1 1 202552 202601 202552 202601 202553 202552 202553 202552 4 3 4 5 20450 20451 1 2026\n\
20455 0 1 52 1 0 0 53 52 1 1 202552 202601 202552 202601 202553 202552 202553 202552 5 4 5 6 20450 20451 1 2026\n\
20456 0 1 52 1 0 0 53 52 1 1 202552 202601 202552 202601 202553 202552 202553 202552 6 5 6 7 20450 20451 1 2026\n\
20457 1 1 1 1 1 0 1 52 2 1 202601 202601 202601 202601 202601 202552 202601 202552 7 6 0 1 20457 20451 1 2026\n\
20458 1 2 1 2 1 1 1 1 2 2 202601 202602 202601 202602 202601 202601 202601 202601 1 0 1 2 20457 20458 2 2026\n\
20459 1 2 1 2 1 1 1 1 2 2 202601 202602 202601 202602 202601 202601 202601 202601 2 1 2 3 20457 20458 2 2026\n\
20460 1 2 1 2 1 1 1 1 2 2 202601 202602 202601 202602 202601 202601 202601 202601 3 2 3 4 20457 20458 2 2026\n\
20461 1 2 1 2 1 1 1 1 2 2 202601 202602 202601 202602 202601 202601 202601 202601 4 3 4 5 20457 20458 2 2026\n\
20462 1 2 1 2 1 1 1 1 2 2 202601 202602 202601 202602 202601 202601 202601 202601 5 4 5 6 20457 20458 2 2026\n\
20463 1 2 1 2 1 1 1 1 2 2 202601 202602 202601 202602 202601 202601 202601 202601 6 5 6 7 20457 20458 2 2026\n\
20464 2 2 2 2 2 1 2 1 3 2 202602 202602 202602 202602 202602 202601 202602 202601 7 6 0 1 20464 20458 2 2026\n\
20465 2 3 2 3 2 2 2 2 3 3 202602 202603 202602 202603 202602 202602 202602 202602 1 0 1 2 20464 20465 3 2026\n\
20466 2 3 2 3 2 2 2 2 3 3 202602 202603 202602 202603 202602 202602 202602 202602 2 1 2 3 20464 20465 3 2026\n\
20467 2 3 2 3 2 2 2 2 3 3 202602 202603 202602 202603 202602 202602 202602 202602 3 2 3 4 20464 20465 3 2026\n\
20468 2 3 2 3 2 2 2 2 3 3 202602 202603 202602 202603 202602 202602 202602 202602 4 3 4 5 20464 20465 3 2026\n\
20469 2 3 2 3 2 2 2 2 3 3 202602 202603 202602 202603 202602 202602 202602 202602 5 4 5 6 20464 20465 3 2026\n\
20470 2 3 2 3 2 2 2 2 3 3 202602 202603 202602 202603 202602 202602 202602 202602 6 5 6 7 20464 20465 3 2026\n\
20471 3 3 3 3 3 2 3 2 4 3 202603 202603 202603 202603 202603 202602 202603 202602 7 6 0 1 20471 20465 3 2026\n\
20472 3 4 3 4 3 3 3 3 4 4 202603 202604 202603 202604 202603 202603 202603 202603 1 0 1 2 20471 20472 4 2026\n\
20473 3 4 3 4 3 3 3 3 4 4 202603 202604 202603 202604 202603 202603 202603 202603 2 1 2 3 20471 20472 4 2026\n\
20474 3 4 3 4 3 3 3 3 4 4 202603 202604 202603 202604 202603 202603 202603 202603 3 2 3 4 20471 20472 4 2026\n\
20475 3 4 3 4 3 3 3 3 4 4 202603 202604 202603 202604 202603 202603 202603 202603 4 3 4 5 20471 20472 4 2026\n\
20476 3 4 3 4 3 3 3 3 4 4 202603 202604 202603 202604 202603 202603 202603 202603 5 4 5 6 20471 20472 4 2026\n\
20477 3 4 3 4 3 3 3 3 4 4 202603 202604 202603 202604 202603 202603 202603 202603 6 5 6 7 20471 20472 4 2026\n\
20478 4 4 4 4 4 3 4 3 5 4 202604 202604 202604 202604 202604 202603 202604 202603 7 6 0 1 20478 20472 4 2026\n\
20479 4 5 4 5 4 4 4 4 5 5 202604 202605 202604 202605 202604 202604 202604 202604 1 0 1 2 20478 20479 5 2026";
        for line in ROWS.lines() {
            let v: Vec<i64> = line.split(' ').map(|x| x.parse().unwrap()).collect();
            let x = || date32(v[0] as i32);
            for m in 0..10 {
                assert_eq!(num("toWeek", b_week, vec![x(), i(m)]).0, Some(v[1 + m as usize]), "toWeek {} {m}", v[0]);
            }
            for m in 0..8 {
                let got = num("toYearWeek", b_yearweek, vec![x(), i(m)]).0;
                assert_eq!(got, Some(v[11 + m as usize]), "toYearWeek {} {m}", v[0]);
            }
            for m in 0..4 {
                assert_eq!(num("toDayOfWeek", b_dow, vec![x(), i(m)]).0, Some(v[19 + m as usize]), "dow {} {m}", v[0]);
            }
            let sow = crate::functions::FunctionRegistry::builtin();
            let Some(b) = sow.scalar_builder("toStartOfWeek") else { panic!("toStartOfWeek") };
            for m in 0..2 {
                assert_eq!(num("toStartOfWeek", b, vec![x(), i(m)]).0, Some(v[23 + m as usize]), "sow {} {m}", v[0]);
            }
            assert_eq!(num("toISOWeek", b_isoweek, vec![x()]).0, Some(v[25]), "isoweek {}", v[0]);
            assert_eq!(num("toISOYear", b_isoyear, vec![x()]).0, Some(v[26]), "isoyear {}", v[0]);
        }
    }
}
