//! Human-readable number formatting: `formatReadableSize` (powers of 1024),
//! `formatReadableDecimalSize` (powers of 1000), `formatReadableQuantity` and
//! `formatReadableTimeDelta`. Mirrors ClickHouse `formatReadable.h`,
//! `formatReadableTimeDelta.cpp` (a year is 365 days, a month 30.5 days).

use std::sync::Arc;

use arrow::array::{AsArray, BinaryViewBuilder};
use arrow::datatypes::Float64Type;
use datafusion::error::Result as DfResult;
use datafusion::logical_expr::ColumnarValue;

use super::arithmetic::cast_keep_null;
use super::strings::{finish, null_if_nothing, out_rows, ret_type};
use super::udf::call;
use super::{check_arg_count, Case, FunctionContext, FunctionRegistry, Kernel, KernelArgs, TypedExpr};
use crate::error::{Error, ErrorCode, Result};
use crate::types::ChType;

/// Registers the formatting functions.
pub fn register(r: &mut FunctionRegistry) {
    r.scalar("formatReadableSize", Case::Insensitive, |c, a| bind(c, a, k_size));
    r.scalar("FORMAT_BYTES", Case::Insensitive, |c, a| bind(c, a, k_size));
    r.scalar("formatReadableDecimalSize", Case::Sensitive, |c, a| bind(c, a, k_decimal_size));
    r.scalar("formatReadableQuantity", Case::Sensitive, |c, a| bind(c, a, k_quantity));
    r.scalar("formatReadableTimeDelta", Case::Sensitive, |c, a| bind(c, a, k_time_delta));
}

fn bind(ctx: &FunctionContext, args: Vec<TypedExpr>, kernel: Kernel) -> Result<TypedExpr> {
    check_arg_count(&ctx.name, &args, 1, 1)?;
    if let Some(n) = null_if_nothing(&args) {
        return Ok(n);
    }
    let t = args[0].ty.base();
    if !t.is_numeric() || matches!(t, ChType::Bool) {
        return Err(Error::new(
            ErrorCode::ILLEGAL_TYPE_OF_ARGUMENT,
            format!(
                "A value of illegal type was provided as 1st argument 'value' to function '{}'. Expected: Number, got: {}",
                ctx.name, args[0].ty
            ),
        ));
    }
    let ret = ret_type(ChType::String, &args);
    let mut args = args;
    let a = args.remove(0);
    let a = cast_keep_null(ctx, a, &ChType::Float64)?;
    call(&ctx.name, kernel, vec![a], ret)
}

fn map_f64(k: &KernelArgs, f: impl Fn(f64, &mut String)) -> DfResult<ColumnarValue> {
    let n = out_rows(k);
    let a = k.args[0].to_array(n)?;
    let a = a.as_primitive::<Float64Type>();
    let mut b = BinaryViewBuilder::with_capacity(n);
    let mut s = String::new();
    for (row, v) in a.iter().enumerate().take(n) {
        let _ = row;
        match v {
            Some(v) => {
                s.clear();
                f(v, &mut s);
                b.append_value(s.as_bytes());
            }
            None => b.append_null(),
        }
    }
    finish(k, Arc::new(b.finish()))
}

/// `value` divided by `base` until it is below it (or the last unit), with 2 decimals.
pub fn readable(mut v: f64, base: f64, units: &[&str], out: &mut String) {
    let mut i = 0;
    while v.abs() >= base && i + 1 < units.len() {
        v /= base;
        i += 1;
    }
    out.push_str(&format!("{v:.2}"));
    if let Some(u) = units.get(i) {
        if !u.is_empty() {
            out.push(' ');
            out.push_str(u);
        }
    }
}

fn k_size(k: &KernelArgs) -> DfResult<ColumnarValue> {
    const U: [&str; 9] = ["B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB", "ZiB", "YiB"];
    map_f64(k, |v, s| readable(v, 1024.0, &U, s))
}

fn k_decimal_size(k: &KernelArgs) -> DfResult<ColumnarValue> {
    const U: [&str; 9] = ["B", "KB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB"];
    map_f64(k, |v, s| readable(v, 1000.0, &U, s))
}

fn k_quantity(k: &KernelArgs) -> DfResult<ColumnarValue> {
    const U: [&str; 9] =
        ["", "thousand", "million", "billion", "trillion", "quadrillion", "quintillion", "sextillion", "septillion"];
    map_f64(k, |v, s| readable(v, 1000.0, &U, s))
}

/// `formatReadableTimeDelta(seconds)`: "1 hour, 1 minute and 1 second".
pub fn time_delta(v: f64, out: &mut String) {
    const UNITS: [(&str, f64); 6] = [
        ("year", 365.0 * 86400.0),
        ("month", 30.5 * 86400.0),
        ("day", 86400.0),
        ("hour", 3600.0),
        ("minute", 60.0),
        ("second", 1.0),
    ];
    if !v.is_finite() {
        out.push_str(&format!("{v}"));
        return;
    }
    if v < 0.0 {
        out.push('-');
    }
    let mut rest = v.abs();
    let mut parts: Vec<String> = Vec::new();
    for (name, secs) in UNITS {
        let n = (rest / secs).floor();
        if n >= 1.0 {
            rest -= n * secs;
            let plural = if n == 1.0 { "" } else { "s" };
            parts.push(format!("{n} {name}{plural}"));
        }
    }
    match parts.len() {
        0 => out.push_str("0 seconds"),
        1 => out.push_str(&parts[0]),
        n => {
            out.push_str(&parts[..n - 1].join(", "));
            out.push_str(" and ");
            out.push_str(&parts[n - 1]);
        }
    }
}

fn k_time_delta(k: &KernelArgs) -> DfResult<ColumnarValue> {
    map_f64(k, time_delta)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn size(v: f64) -> String {
        let mut s = String::new();
        readable(v, 1024.0, &["B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB", "ZiB", "YiB"], &mut s);
        s
    }

    fn delta(v: f64) -> String {
        let mut s = String::new();
        time_delta(v, &mut s);
        s
    }

    #[test]
    fn formats() {
        // chdb: formatReadableSize(1024) = '1.00 KiB', (1536000) = '1.46 MiB', (-1024) = '-1.00 KiB',
        // (1e30) = '827180.61 YiB'; formatReadableTimeDelta(3661) = '1 hour, 1 minute and 1 second',
        // (0) = '0 seconds', (-3661) = '-1 hour, …', (86400*400) = '1 year, 1 month, 4 days and 12 hours',
        // (100000000) = '3 years, 2 months, 1 day, 9 hours, 46 minutes and 40 seconds'
        assert_eq!(size(1024.0), "1.00 KiB");
        assert_eq!(size(1536000.0), "1.46 MiB");
        assert_eq!(size(-1024.0), "-1.00 KiB");
        assert_eq!(size(1e30), "827180.61 YiB");
        assert_eq!(delta(3661.0), "1 hour, 1 minute and 1 second");
        assert_eq!(delta(0.0), "0 seconds");
        assert_eq!(delta(-3661.0), "-1 hour, 1 minute and 1 second");
        assert_eq!(delta(86400.0 * 400.0), "1 year, 1 month, 4 days and 12 hours");
        assert_eq!(delta(100000000.0), "3 years, 2 months, 1 day, 9 hours, 46 minutes and 40 seconds");
    }
}
