//! Further numeric functions: `roundToExp2`, `roundDown`, `factorial`,
//! `randCanonical`. Mirrors ClickHouse `roundToExp2.cpp`, `roundDown.cpp`,
//! `factorial.cpp`, `randCanonical.cpp`.

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
    }
}
