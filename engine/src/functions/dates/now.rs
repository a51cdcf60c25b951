//! The query's clock: `now([tz])`, `now64([p[, tz]])`, `today()`,
//! `yesterday()` and their SQL aliases. Each is a constant taken from
//! `FunctionContext::now_micros`, so every row and every call in one query sees
//! the same instant.

use datafusion::logical_expr::Expr as DfExpr;
use datafusion::scalar::ScalarValue;

use super::{const_str_arg, resolve_zone, ticks_per_second, tz, DAY};
use crate::error::{Error, ErrorCode, Result};
use crate::functions::{check_arg_count, Case, FunctionContext, FunctionRegistry, TypedExpr};
use crate::types::{datetime64_unit, ChType};

fn b_now(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    check_arg_count(&ctx.name, &args, 0, 1)?;
    let zone = if args.is_empty() { None } else { Some(const_str_arg(&ctx.name, &args, 0)?) };
    if let Some(z) = &zone {
        tz::zone(z)?;
    }
    let secs = ctx.now_micros.div_euclid(1_000_000);
    Ok(TypedExpr::new(DfExpr::Literal(ScalarValue::TimestampSecond(Some(secs), None), None), ChType::DateTime(zone)))
}

fn b_now64(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    check_arg_count(&ctx.name, &args, 0, 2)?;
    let p = match args.first() {
        Some(a) => a.literal_int().filter(|p| (0..=9).contains(p)).ok_or_else(|| {
            Error::new(ErrorCode::ILLEGAL_TYPE_OF_ARGUMENT, format!("Illegal scale argument of function {}", ctx.name))
        })? as u8,
        None => 3,
    };
    let zone = if args.len() == 2 { Some(const_str_arg(&ctx.name, &args, 1)?) } else { None };
    if let Some(z) = &zone {
        tz::zone(z)?;
    }
    let s = ticks_per_second(p);
    // Keep only `p` digits of the microsecond clock.
    let keep = 10i64.pow(6u32.saturating_sub(p as u32));
    let micros = ctx.now_micros - ctx.now_micros.rem_euclid(keep);
    let ticks = if s >= 1_000_000 { micros * (s / 1_000_000) } else { micros.div_euclid(1_000_000 / s) };
    let v = match datetime64_unit(p) {
        arrow::datatypes::TimeUnit::Second => ScalarValue::TimestampSecond(Some(ticks), None),
        arrow::datatypes::TimeUnit::Millisecond => ScalarValue::TimestampMillisecond(Some(ticks), None),
        arrow::datatypes::TimeUnit::Microsecond => ScalarValue::TimestampMicrosecond(Some(ticks), None),
        arrow::datatypes::TimeUnit::Nanosecond => ScalarValue::TimestampNanosecond(Some(ticks), None),
    };
    Ok(TypedExpr::new(DfExpr::Literal(v, None), ChType::DateTime64(p, zone)))
}

fn today_minus(ctx: &FunctionContext, args: &[TypedExpr], back: i64) -> Result<TypedExpr> {
    check_arg_count(&ctx.name, args, 0, 0)?;
    let zone = resolve_zone(ctx, &ChType::Date, None)?;
    let z = tz::zone(&zone)?;
    let days = z.to_local(ctx.now_micros.div_euclid(1_000_000)).div_euclid(DAY) - back;
    let days = i32::try_from(days).unwrap_or(0);
    Ok(TypedExpr::new(DfExpr::Literal(ScalarValue::Date32(Some(days)), None), ChType::Date))
}

fn b_today(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    today_minus(ctx, &args, 0)
}

fn b_yesterday(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    today_minus(ctx, &args, 1)
}

pub fn register(r: &mut FunctionRegistry) {
    r.scalar("now", Case::Insensitive, b_now);
    r.scalar("current_timestamp", Case::Insensitive, b_now);
    r.scalar("now64", Case::Insensitive, b_now64);
    r.scalar("today", Case::Insensitive, b_today);
    r.scalar("curdate", Case::Insensitive, b_today);
    r.scalar("current_date", Case::Insensitive, b_today);
    r.scalar("yesterday", Case::Insensitive, b_yesterday);
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use super::*;

    #[test]
    fn clock_is_the_query_start() {
        // ctx.now_micros = 1_700_000_000_123_456 (2023-11-14 22:13:20.123456 UTC)
        assert_eq!(num("now", b_now, vec![]), (Some(1_700_000_000), "DateTime".into()));
        assert_eq!(num("now", b_now, vec![s("Asia/Tokyo")]).1, "DateTime('Asia/Tokyo')");
        assert_eq!(num("now64", b_now64, vec![]), (Some(1_700_000_000_123), "DateTime64(3)".into()));
        assert_eq!(num("now64", b_now64, vec![i(2)]).0, Some(1_700_000_000_120));
        assert_eq!(num("now64", b_now64, vec![i(9)]).0, Some(1_700_000_000_123_456_000));
        assert_eq!(num("today", b_today, vec![]), (Some(d(2023, 11, 14)), "Date".into()));
        assert_eq!(num("yesterday", b_yesterday, vec![]).0, Some(d(2023, 11, 13)));
        assert_eq!(run("now", b_now, vec![s("Bad/Zone")]).unwrap_err().code(), 36);
    }
}
