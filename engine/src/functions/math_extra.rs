//! Further numeric functions: `roundToExp2`, `roundDown`, `factorial`,
//! `randCanonical`, `erf`, `tgamma`, `lgamma`. Mirrors ClickHouse
//! `roundToExp2.cpp`, `roundDown.cpp`, `factorial.cpp`, `randCanonical.cpp`
//! and its libm-based math functions.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use arrow::array::{Array, AsArray, Float64Array, Float64Builder, UInt64Builder};
use arrow::datatypes::{Float64Type, Int64Type, UInt64Type};
use datafusion::error::Result as DfResult;
use datafusion::logical_expr::{lit, ColumnarValue, Volatility};
use datafusion::scalar::ScalarValue;

use super::arithmetic::cast_keep_null;
use super::conversion::cast;
use super::strings::{finish, logical, null_if_nothing, out_rows, ret_type};
use super::udf::{call, call_with_volatility};
use super::{check_arg_count, illegal_type, Case, FunctionContext, FunctionRegistry, KernelArgs, TypedExpr};
use crate::error::{Error, ErrorCode, Result};
use crate::types::ChType;

/// Registers the functions.
pub fn register(r: &mut FunctionRegistry) {
    r.scalar("roundToExp2", Case::Sensitive, round_to_exp2);
    r.scalar("roundDown", Case::Sensitive, round_down);
    r.scalar("factorial", Case::Insensitive, factorial);
    r.scalar("randCanonical", Case::Sensitive, rand_canonical);
    r.scalar("erf", Case::Sensitive, |c, a| float_fn(c, a, |k| float_kernel(k, erf)));
    r.scalar("tgamma", Case::Sensitive, |c, a| float_fn(c, a, |k| float_kernel(k, tgamma)));
    r.scalar("lgamma", Case::Sensitive, |c, a| float_fn(c, a, |k| float_kernel(k, lgamma)));
}

/// A Float64 function of one number.
fn float_fn(ctx: &FunctionContext, args: Vec<TypedExpr>, kernel: super::Kernel) -> Result<TypedExpr> {
    check_arg_count(&ctx.name, &args, 1, 1)?;
    if let Some(n) = null_if_nothing(&args) {
        return Ok(n);
    }
    if !args[0].ty.base().is_numeric() {
        return Err(illegal_type(&ctx.name, 0, &args[0].ty));
    }
    let ret = ret_type(ChType::Float64, &args);
    let a = cast_keep_null(ctx, one(args)?, &ChType::Float64)?;
    call(&ctx.name, kernel, vec![a], ret)
}

fn float_kernel(k: &KernelArgs, f: fn(f64) -> f64) -> DfResult<ColumnarValue> {
    let a = k.args[0].to_array(out_rows(k))?;
    let r: Float64Array = a.as_primitive::<Float64Type>().unary(f);
    finish(k, Arc::new(r))
}

/// The error function: its Taylor series near 0, a continued fraction for erfc further out.
/// Known gap: the last digit may differ from ClickHouse's libm for some inputs.
pub fn erf(x: f64) -> f64 {
    if x.is_nan() {
        return x;
    }
    let ax = x.abs();
    if ax >= 6.0 {
        return x.signum();
    }
    let two_over_sqrt_pi = std::f64::consts::FRAC_2_SQRT_PI;
    if ax < 2.0 {
        let mut sum = x;
        let mut term = x;
        let x2 = x * x;
        for i in 1..200 {
            let n = f64::from(i);
            term *= -x2 / n;
            let t = term / (2.0 * n + 1.0);
            sum += t;
            if t.abs() <= 1e-17 * sum.abs() {
                break;
            }
        }
        return two_over_sqrt_pi * sum;
    }
    // erfc(x) = exp(-x²)/√π · 1/(x + 1/2/(x + 1/(x + 3/2/(x + …)))) (modified Lentz)
    let tiny = 1e-300;
    let mut f = ax;
    let mut c = ax;
    let mut d = 0.0;
    for i in 1..300 {
        let a = f64::from(i) / 2.0;
        d = ax + a * d;
        d = if d.abs() < tiny { tiny } else { d };
        c = ax + a / c;
        c = if c.abs() < tiny { tiny } else { c };
        d = 1.0 / d;
        let delta = c * d;
        f *= delta;
        if (delta - 1.0).abs() < 1e-16 {
            break;
        }
    }
    let erfc = (-ax * ax).exp() / std::f64::consts::PI.sqrt() / f;
    (1.0 - erfc) * x.signum()
}

const LANCZOS: [f64; 9] = [
    0.999_999_999_999_809_9,
    676.520_368_121_885_1,
    -1_259.139_216_722_402_8,
    771.323_428_777_653_1,
    -176.615_029_162_140_6,
    12.507_343_278_686_905,
    -0.138_571_095_265_720_12,
    9.984_369_578_019_572e-6,
    1.505_632_735_149_311_6e-7,
];

/// The gamma function: exact for positive integers up to 171, Lanczos (g = 7) elsewhere.
pub fn tgamma(x: f64) -> f64 {
    if x.is_nan() {
        return x;
    }
    if x == x.floor() {
        if x <= 0.0 {
            return f64::NAN;
        }
        if x <= 171.0 {
            let mut r = 1.0;
            let mut i = 2.0;
            while i < x {
                r *= i;
                i += 1.0;
            }
            return r;
        }
        return f64::INFINITY;
    }
    if x < 0.5 {
        return std::f64::consts::PI / ((std::f64::consts::PI * x).sin() * tgamma(1.0 - x));
    }
    let x = x - 1.0;
    let mut a = LANCZOS[0];
    let t = x + 7.5;
    for (i, c) in LANCZOS.iter().enumerate().skip(1) {
        a += c / (x + i as f64);
    }
    (2.0 * std::f64::consts::PI).sqrt() * t.powf(x + 0.5) * (-t).exp() * a
}

/// The logarithm of |gamma(x)|: 0 at 1 and 2, Stirling's series for large x.
pub fn lgamma(x: f64) -> f64 {
    if x.is_nan() {
        return x;
    }
    if x == 1.0 || x == 2.0 {
        return 0.0;
    }
    if x <= 0.0 && x == x.floor() {
        return f64::INFINITY;
    }
    if x < 0.5 {
        let s = (std::f64::consts::PI * x).sin().abs();
        return (std::f64::consts::PI / s).ln() - lgamma(1.0 - x);
    }
    if x < 30.0 {
        return tgamma(x).abs().ln();
    }
    let x2 = x * x;
    (x - 0.5) * x.ln() - x + 0.5 * (2.0 * std::f64::consts::PI).ln() + 1.0 / (12.0 * x) - 1.0 / (360.0 * x * x2)
        + 1.0 / (1260.0 * x2 * x2 * x)
}

fn one(args: Vec<TypedExpr>) -> Result<TypedExpr> {
    args.into_iter().next().ok_or_else(|| Error::new(ErrorCode::LOGICAL_ERROR, "missing argument"))
}

/// `roundToExp2(x)`: the largest power of two not above x (0 for x < 1 integers), same type.
fn round_to_exp2(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    check_arg_count(&ctx.name, &args, 1, 1)?;
    if let Some(n) = null_if_nothing(&args) {
        return Ok(n);
    }
    let t = args[0].ty.base().clone();
    let (work, kernel): (ChType, super::Kernel) = if t.is_float() {
        (ChType::Float64, k_exp2_float)
    } else if t.is_unsigned_int() && t.bit_width().is_some_and(|b| b <= 64) {
        (ChType::UInt64, k_exp2_uint)
    } else if t.is_signed_int() && t.bit_width().is_some_and(|b| b <= 64) {
        (ChType::Int64, k_exp2_int)
    } else {
        return Err(illegal_type(&ctx.name, 0, &args[0].ty));
    };
    let ret = ret_type(t.clone(), &args);
    let a = cast_keep_null(ctx, one(args)?, &work)?;
    let wret = if ret.is_nullable() { work.nullable() } else { work };
    let r = call(&ctx.name, kernel, vec![a], wret)?;
    cast(ctx, r, &ret)
}

fn k_exp2_float(k: &KernelArgs) -> DfResult<ColumnarValue> {
    let a = k.args[0].to_array(out_rows(k))?;
    let r: Float64Array =
        a.as_primitive::<Float64Type>().unary(|v| if v > 0.0 { 2f64.powi(v.log2().floor() as i32) } else { 0.0 });
    finish(k, Arc::new(r))
}

fn k_exp2_uint(k: &KernelArgs) -> DfResult<ColumnarValue> {
    let a = k.args[0].to_array(out_rows(k))?;
    let r = a.as_primitive::<UInt64Type>().unary::<_, UInt64Type>(|v| {
        if v == 0 {
            0
        } else {
            1u64 << (63 - v.leading_zeros())
        }
    });
    finish(k, Arc::new(r))
}

fn k_exp2_int(k: &KernelArgs) -> DfResult<ColumnarValue> {
    let a = k.args[0].to_array(out_rows(k))?;
    let r =
        a.as_primitive::<Int64Type>()
            .unary::<_, Int64Type>(|v| if v <= 0 { 0 } else { 1i64 << (63 - v.leading_zeros()) });
    finish(k, Arc::new(r))
}

/// `roundDown(x, [b1, b2, …])`: the largest boundary not above x, else the first boundary.
fn round_down(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    check_arg_count(&ctx.name, &args, 2, 2)?;
    if let Some(n) = null_if_nothing(&args[..1]) {
        return Ok(n);
    }
    let t = args[0].ty.base().clone();
    let ChType::Array(elem) = args[1].ty.base().clone() else {
        return Err(illegal_type(&ctx.name, 1, &args[1].ty));
    };
    if !t.is_numeric() || !elem.is_numeric() {
        return Err(illegal_type(&ctx.name, 0, &args[0].ty));
    }
    let out = crate::types::rules::common_supertype(&[t, (*elem).clone()])?;
    let ret = ret_type(out, &args[..1]);
    let mut it = args.into_iter();
    let (x, bounds) = match (it.next(), it.next()) {
        (Some(x), Some(b)) => (x, b),
        _ => return Err(Error::new(ErrorCode::LOGICAL_ERROR, "roundDown arguments")),
    };
    let x = cast_keep_null(ctx, x, &ChType::Float64)?;
    let bounds = cast(ctx, bounds, &ChType::Array(Box::new(ChType::Float64)))?;
    let wret = if ret.is_nullable() { ChType::Float64.nullable() } else { ChType::Float64 };
    let r = call(&ctx.name, k_round_down, vec![x, bounds], wret)?;
    cast(ctx, r, &ret)
}

fn k_round_down(k: &KernelArgs) -> DfResult<ColumnarValue> {
    let n = out_rows(k);
    let bounds = k.args[1].to_array(n)?;
    let list = bounds.as_list_opt::<i32>().ok_or_else(|| logical("roundDown: expected a list".into()))?;
    let row_bounds = |i: usize| -> Vec<f64> {
        if list.is_null(i) {
            return Vec::new();
        }
        list.value(i).as_primitive::<Float64Type>().iter().map(|v| v.unwrap_or(0.0)).collect()
    };
    let constant = matches!(k.args[1], ColumnarValue::Scalar(_));
    let mut b: Vec<f64> = if n > 0 { row_bounds(0) } else { Vec::new() };
    let a = k.args[0].to_array(n)?;
    let a = a.as_primitive::<Float64Type>();
    let mut out = Float64Builder::with_capacity(n);
    for i in 0..n {
        if a.is_null(i) {
            out.append_null();
            continue;
        }
        if !constant && i > 0 {
            b = row_bounds(i);
        }
        let x = a.value(i);
        let mut r = b.first().copied().unwrap_or(0.0);
        for &v in &b {
            if v <= x {
                r = v;
            }
        }
        out.append_value(r);
    }
    finish(k, Arc::new(out.finish()))
}

/// `factorial(n)`: UInt64; n ≤ 0 gives 1, n > 20 is BAD_ARGUMENTS.
fn factorial(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    check_arg_count(&ctx.name, &args, 1, 1)?;
    if let Some(n) = null_if_nothing(&args) {
        return Ok(n);
    }
    let t = args[0].ty.base();
    if !t.is_integer() || t.bit_width().is_none_or(|b| b > 64) {
        return Err(Error::new(
            ErrorCode::ILLEGAL_TYPE_OF_ARGUMENT,
            format!("Illegal type of argument of function {}, should not be floating point or big int", ctx.name),
        ));
    }
    let ret = ret_type(ChType::UInt64, &args);
    let work = if t.is_unsigned_int() { ChType::UInt64 } else { ChType::Int64 };
    let a = cast_keep_null(ctx, one(args)?, &work)?;
    call(&ctx.name, k_factorial, vec![a], ret)
}

fn k_factorial(k: &KernelArgs) -> DfResult<ColumnarValue> {
    let n = out_rows(k);
    let a = k.args[0].to_array(n)?;
    let a = arrow::compute::cast(&a, &arrow::datatypes::DataType::Float64)?;
    let a = a.as_primitive::<Float64Type>();
    let mut out = UInt64Builder::with_capacity(n);
    for v in a.iter() {
        match v {
            None => out.append_null(),
            Some(v) if v > 20.0 => {
                return Err(Error::new(
                    ErrorCode::BAD_ARGUMENTS,
                    "The maximum value for the input argument of function factorial is 20",
                )
                .into_datafusion())
            }
            Some(v) => out.append_value((1..=(v.max(0.0) as u64)).product()),
        }
    }
    finish(k, Arc::new(out.finish()))
}

static STATE: AtomicU64 = AtomicU64::new(0);

fn next_random() -> u64 {
    const GOLDEN: u64 = 0x9E37_79B9_7F4A_7C15;
    if STATE.load(Ordering::Relaxed) == 0 {
        let seed = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos() as u64)
            .unwrap_or(GOLDEN)
            | 1;
        let _ = STATE.compare_exchange(0, seed, Ordering::Relaxed, Ordering::Relaxed);
    }
    let mut z = STATE.fetch_add(GOLDEN, Ordering::Relaxed).wrapping_add(GOLDEN);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

fn k_rand_canonical(k: &KernelArgs) -> DfResult<ColumnarValue> {
    let v: Vec<f64> = (0..k.rows).map(|_| (next_random() >> 11) as f64 / (1u64 << 53) as f64).collect();
    Ok(ColumnarValue::Array(Arc::new(Float64Array::from(v))))
}

/// `randCanonical([x])`: a uniform Float64 in [0, 1) per row.
fn rand_canonical(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    check_arg_count(&ctx.name, &args, 0, 1)?;
    let mut args = args;
    if args.is_empty() {
        args.push(TypedExpr::new(lit(ScalarValue::UInt8(Some(0))), ChType::UInt8));
    }
    call_with_volatility(&ctx.name, k_rand_canonical, args, ChType::Float64, Volatility::Volatile)
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use datafusion::scalar::ScalarValue as S;

    #[test]
    fn values() {
        // chdb: roundToExp2(100) = 64 (UInt8); roundToExp2(1.5) = 1; roundToExp2(0.3) = 0.25;
        // roundToExp2(toInt32(-5)) = 0; roundDown(15, [10, 20, 30]) = 10 (UInt8); roundDown(5, [10, 20]) = 10;
        // factorial(5) = 120 (UInt64), factorial(0) = 1, factorial(-1) = 1, factorial(21) → 36, factorial(1.5) → 43
        assert_eq!(run("roundToExp2", vec![int("UInt8", 100)]).unwrap(), ("UInt8".into(), S::UInt8(Some(64))));
        assert_eq!(run("roundToExp2", vec![f64_(0.3)]).unwrap().1, S::Float64(Some(0.25)));
        assert_eq!(run("roundToExp2", vec![int("Int32", -5)]).unwrap().1, S::Int32(Some(0)));
        assert_eq!(run("factorial", vec![int("UInt8", 5)]).unwrap(), ("UInt64".into(), S::UInt64(Some(120))));
        assert_eq!(run("factorial", vec![int("Int8", -1)]).unwrap().1, S::UInt64(Some(1)));
        assert_eq!(run_code("factorial", vec![int("UInt8", 21)]), 36);
        assert_eq!(run_code("factorial", vec![f64_(1.5)]), 43);
        assert_eq!(run("randCanonical", vec![]).unwrap().0, "Float64");
        // chdb: erf(0) = 0, lgamma(1) = 0, tgamma(5) = 24, erf(1) = 0.8427007929497149,
        // tgamma(0.5) = 1.772453850905516, lgamma(0.5) = 0.5723649429247001
        assert_eq!(run("erf", vec![int("UInt8", 0)]).unwrap(), ("Float64".into(), S::Float64(Some(0.0))));
        assert_eq!(run("lgamma", vec![int("UInt8", 1)]).unwrap().1, S::Float64(Some(0.0)));
        assert_eq!(run("tgamma", vec![int("UInt8", 5)]).unwrap().1, S::Float64(Some(24.0)));
        assert!((super::erf(1.0) - 0.8427007929497149).abs() < 1e-15);
        assert!((super::tgamma(0.5) - 1.772453850905516).abs() < 1e-14);
        assert!((super::lgamma(0.5) - 0.5723649429247001).abs() < 1e-14);
        assert!((super::erf(3.0) - 0.9999779095030014).abs() < 1e-15);
    }
}
