//! Dates and times from their parts: `makeDate(y, m, d)` / `makeDate(y, doy)`,
//! `makeDate32`, `makeDateTime(y, m, d, h, mi, s[, tz])`,
//! `makeDateTime64(y, m, d, h, mi, s[, frac[, precision[, tz]]])`. Days and
//! clock fields past their range roll over; an invalid month or a result
//! outside the type's range gives the type's zero (as ClickHouse does).

use arrow::array::{Array, ArrayRef, AsArray};
use arrow::datatypes::{DataType, Float64Type};
use datafusion::error::Result as DfResult;
use datafusion::logical_expr::ColumnarValue;

use super::tz::days_from_civil;
use super::{
    arg_array, build_output, finish, lit_i64, lit_str, null_of, resolve_zone, scalar_int, ticks_per_second,
    union_nulls, zone_arg, DAY,
};
use crate::error::{Error, ErrorCode, Result};
use crate::functions::{check_arg_count, illegal_type, Case, FunctionContext, FunctionRegistry, KernelArgs, TypedExpr};
use crate::types::ChType;

/// Days of (y, m, d) with the day rolling over, or None for a bad month.
fn civil(y: i64, m: i64, d: i64) -> Option<i64> {
    if !(1..=12).contains(&m) || !(0..=9999).contains(&y) || d < 1 {
        return None;
    }
    Some(days_from_civil(y, m as u32, 1) + d - 1)
}

fn k_make(k: &KernelArgs) -> DfResult<ColumnarValue> {
    // Layout: the numeric parts…, then precision (-1 unless DateTime64), then the zone.
    let n = k.args.len() - 2;
    let precision = scalar_int(k, n)?;
    let zone = zone_arg(k, n + 1)?;
    let arrays: Vec<ArrayRef> = (0..n).map(|i| arg_array(k, i)).collect::<DfResult<_>>()?;
    let floats: Vec<ArrayRef> =
        arrays.iter().map(|a| arrow::compute::cast(a, &DataType::Float64)).collect::<std::result::Result<_, _>>()?;
    let cols: Vec<&[f64]> = floats.iter().map(|a| a.as_primitive::<Float64Type>().values().as_ref()).collect();
    let rows = arrays.first().map_or(0, |a| a.len());
    let get = |c: usize, r: usize| {
        cols.get(c).and_then(|v| v.get(r)).map_or(0, |x| if x.is_finite() { *x as i64 } else { 0 })
    };
    let ret = k.ret.base().clone();
    let mut vals = Vec::with_capacity(rows);
    for r in 0..rows {
        let v = match &ret {
            ChType::Date | ChType::Date32 => {
                let days = if n == 2 { civil(get(0, r), 1, get(1, r)) } else { civil(get(0, r), get(1, r), get(2, r)) };
                let (lo, hi) = if ret == ChType::Date { (0, 65_535) } else { (-25_567, 120_529) };
                days.filter(|d| (lo..=hi).contains(d)).unwrap_or(if ret == ChType::Date { 0 } else { lo })
            }
            _ => {
                let local = civil(get(0, r), get(1, r), get(2, r)).map(|d| {
                    d * DAY
                        + get(3, r).clamp(-1 << 40, 1 << 40) * 3600
                        + get(4, r).clamp(-1 << 40, 1 << 40) * 60
                        + get(5, r).clamp(-1 << 40, 1 << 40)
                });
                let secs = local.map(|l| zone.from_local(l));
                if precision < 0 {
                    secs.filter(|s| (0..=u32::MAX as i64).contains(s)).unwrap_or(0)
                } else {
                    let s = ticks_per_second(precision as u8);
                    let p = precision as u32;
                    let frac = get(6, r).clamp(0, 10i64.pow(p).saturating_sub(1)) * (s / 10i64.pow(p)).max(1);
                    secs.map_or(0, |x| x.saturating_mul(s).saturating_add(frac))
                }
            }
        };
        vals.push(v);
    }
    let refs: Vec<&ArrayRef> = arrays.iter().collect();
    finish(k, build_output(k.ret, vals, union_nulls(&refs))?)
}

fn bind_make(ctx: &FunctionContext, mut args: Vec<TypedExpr>, target: ChType) -> Result<TypedExpr> {
    let name = ctx.name.clone();
    let (min, max) = match target {
        ChType::Date | ChType::Date32 => (2, 3),
        ChType::DateTime(_) => (6, 7),
        _ => (6, 9),
    };
    check_arg_count(&name, &args, min, max)?;
    let mut precision = -1i64;
    let mut explicit = None;
    let mut target = target;
    if let ChType::DateTime64(..) = target {
        precision = 3;
        if args.len() == 9 {
            explicit = Some(super::const_str_arg(&name, &args, 8)?);
            args.truncate(8);
        }
        if args.len() == 8 {
            precision = super::const_int(&args[7]).filter(|p| (0..=9).contains(p)).ok_or_else(|| {
                Error::new(
                    ErrorCode::ILLEGAL_TYPE_OF_ARGUMENT,
                    format!("Illegal precision argument of function {name}"),
                )
            })? as i64;
            args.truncate(7);
        }
        target = ChType::DateTime64(precision as u8, explicit.clone());
    } else if matches!(target, ChType::DateTime(_)) && args.len() == 7 {
        explicit = Some(super::const_str_arg(&name, &args, 6)?);
        args.truncate(6);
        target = ChType::DateTime(explicit.clone());
    }
    for (i, a) in args.iter().enumerate() {
        if !a.ty.is_numeric() && !a.ty.is_nothing() {
            return Err(illegal_type(&name, i, &a.ty));
        }
    }
    if args.iter().any(|a| a.ty.is_nothing()) {
        return null_of(target);
    }
    let ret = if args.iter().any(|a| a.ty.is_nullable()) { target.nullable() } else { target };
    let zone = resolve_zone(ctx, &ChType::DateTime(None), explicit)?;
    args.push(lit_i64(precision));
    args.push(lit_str(&zone));
    super::super::udf::call(&name, k_make, args, ret)
}

fn b_date(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    bind_make(ctx, args, ChType::Date)
}

fn b_date32(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    bind_make(ctx, args, ChType::Date32)
}

fn b_datetime(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    bind_make(ctx, args, ChType::DateTime(None))
}

fn b_datetime64(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    bind_make(ctx, args, ChType::DateTime64(3, None))
}

pub fn register(r: &mut FunctionRegistry) {
    r.scalar("makeDate", Case::Insensitive, b_date);
    r.scalar("MAKEDATE", Case::Insensitive, b_date);
    r.scalar("makeDate32", Case::Sensitive, b_date32);
    r.scalar("makeDateTime", Case::Sensitive, b_datetime);
    r.scalar("makeDateTime64", Case::Sensitive, b_datetime64);
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use super::*;

    #[test]
    fn make_matches_clickhouse() {
        let f = |v: f64| lit(datafusion::scalar::ScalarValue::Float64(Some(v)), ChType::Float64);
        assert_eq!(num("makeDate", b_date, vec![i(2023), i(2), i(29)]), (Some(d(2023, 3, 1)), "Date".into()));
        assert_eq!(num("makeDate", b_date, vec![i(2023), i(13), i(1)]).0, Some(0));
        assert_eq!(num("makeDate", b_date, vec![i(1969), i(1), i(1)]).0, Some(0));
        assert_eq!(num("makeDate", b_date, vec![i(2150), i(1), i(1)]).0, Some(0));
        assert_eq!(num("makeDate", b_date, vec![i(2023), i(45)]).0, Some(d(2023, 2, 14)));
        assert_eq!(num("makeDate", b_date, vec![f(2023.5), i(1), i(1)]).0, Some(d(2023, 1, 1)));
        assert_eq!(num("makeDate32", b_date32, vec![i(1950), i(3), i(4)]), (Some(d(1950, 3, 4)), "Date32".into()));
        let t = num("makeDateTime", b_datetime, vec![i(2023), i(1), i(2), i(3), i(4), i(5), s("Asia/Tokyo")]);
        assert_eq!((t.0, t.1.as_str()), (Some(ts(2023, 1, 2, 3, 4, 5) - 9 * 3600), "DateTime('Asia/Tokyo')"));
        assert_eq!(
            num("makeDateTime", b_datetime, vec![i(2023), i(1), i(2), i(25), i(4), i(5)]).0,
            Some(ts(2023, 1, 3, 1, 4, 5))
        );
        assert_eq!(num("makeDateTime", b_datetime, vec![i(1960), i(1), i(1), i(0), i(0), i(0)]).0, Some(0));
        let t = num("makeDateTime64", b_datetime64, vec![i(2023), i(1), i(2), i(3), i(4), i(5), i(123), i(3)]);
        assert_eq!((t.0, t.1.as_str()), (Some(ts(2023, 1, 2, 3, 4, 5) * 1000 + 123), "DateTime64(3)"));
        assert_eq!(num("makeDate", b_date, vec![null(), i(1), i(1)]), (None, "Nullable(Date)".into()));
    }
}
