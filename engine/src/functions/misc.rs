//! Miscellaneous functions: `toTypeName`, `materialize`, `identity`, `ignore`,
//! `version`, `currentDatabase`, `isFinite`/`isInfinite`/`isNaN`,
//! `rand`/`rand64`/`randConstant` (Volatile), `throwIf`. Mirrors ClickHouse
//! `toTypeName.cpp`, `FunctionsMiscellaneous`, `rand.cpp`, `throwIf.cpp`.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use arrow::array::{Array, AsArray, BooleanArray, UInt32Array, UInt64Array};
use arrow::datatypes::{Float32Type, Float64Type};
use datafusion::error::Result as DfResult;
use datafusion::logical_expr::{lit, ColumnarValue, Volatility};
use datafusion::scalar::ScalarValue;

use super::arithmetic::{finish, null_result, wide};
use super::cast_kernel::Vals;
use super::udf::{call, call_with_volatility};
use super::{check_arg_count, from_bool, illegal_type, Case, FunctionContext, FunctionRegistry, KernelArgs, TypedExpr};
use crate::error::{Error, ErrorCode, Result};
use crate::types::ChType;

/// The ClickHouse version Granary answers to (`SELECT version()` in chdb 26.9).
pub const VERSION: &str = "26.9.2.1";

fn string_lit(s: &str) -> TypedExpr {
    TypedExpr::new(lit(ScalarValue::BinaryView(Some(s.as_bytes().to_vec()))), ChType::String)
}

fn first(args: Vec<TypedExpr>) -> Result<TypedExpr> {
    args.into_iter().next().ok_or_else(|| Error::new(ErrorCode::LOGICAL_ERROR, "missing argument"))
}

fn to_type_name(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    check_arg_count(&ctx.name, &args, 1, 1)?;
    Ok(string_lit(&super::tuples::pretty_type_name(&args[0].ty)))
}

fn identity(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    check_arg_count(&ctx.name, &args, 1, 1)?;
    first(args)
}

fn ignore(_ctx: &FunctionContext, _args: Vec<TypedExpr>) -> Result<TypedExpr> {
    Ok(TypedExpr::new(lit(ScalarValue::UInt8(Some(0))), ChType::UInt8))
}

fn version(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    check_arg_count(&ctx.name, &args, 0, 0)?;
    Ok(string_lit(VERSION))
}

fn current_database(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    check_arg_count(&ctx.name, &args, 0, 0)?;
    Ok(string_lit(&ctx.database))
}

#[derive(Clone, Copy)]
enum FloatClass {
    Finite,
    Infinite,
    NaN,
}

fn classify(k: &KernelArgs, c: FloatClass) -> DfResult<ColumnarValue> {
    let rows = if k.all_scalar() { 1 } else { k.rows };
    let arr = k.args[0].to_array(rows)?;
    let test = |x: f64| match c {
        FloatClass::Finite => x.is_finite(),
        FloatClass::Infinite => x.is_infinite(),
        FloatClass::NaN => x.is_nan(),
    };
    let vals: Vec<bool> = match k.arg_types[0].base() {
        ChType::Float32 => arr.as_primitive::<Float32Type>().values().iter().map(|x| test(*x as f64)).collect(),
        _ => arr.as_primitive::<Float64Type>().values().iter().map(|x| test(*x)).collect(),
    };
    finish(k, Arc::new(BooleanArray::new(vals.into(), arr.logical_nulls())))
}

fn k_finite(k: &KernelArgs) -> DfResult<ColumnarValue> {
    classify(k, FloatClass::Finite)
}
fn k_infinite(k: &KernelArgs) -> DfResult<ColumnarValue> {
    classify(k, FloatClass::Infinite)
}
fn k_nan(k: &KernelArgs) -> DfResult<ColumnarValue> {
    classify(k, FloatClass::NaN)
}

fn float_class(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    check_arg_count(&ctx.name, &args, 1, 1)?;
    let x = first(args)?;
    if x.ty.is_nothing() {
        return Ok(null_result());
    }
    let t = x.ty.base().clone();
    if !t.is_numeric() {
        return Err(Error::new(
            ErrorCode::ILLEGAL_TYPE_OF_ARGUMENT,
            format!("Argument for function {} must be a number", ctx.name),
        ));
    }
    let ret = if x.ty.is_nullable() { ChType::UInt8.nullable() } else { ChType::UInt8 };
    if !t.is_float() {
        let v = ctx.name == "isFinite";
        return Ok(TypedExpr::new(lit(ScalarValue::UInt8(Some(u8::from(v)))), ChType::UInt8));
    }
    let kernel: super::Kernel = match ctx.name.as_str() {
        "isFinite" => k_finite,
        "isInfinite" => k_infinite,
        _ => k_nan,
    };
    let e = call(&ctx.name, kernel, vec![x], ChType::Bool)?;
    Ok(TypedExpr::new(from_bool(e.expr).expr, ret))
}

/// The Boolean predicate `isNaN(x)` for a float expression (used by comparisons).
pub(crate) fn is_nan_predicate(ctx: &FunctionContext, x: TypedExpr) -> Result<datafusion::logical_expr::Expr> {
    Ok(call(&ctx.name, k_nan, vec![x], ChType::Bool)?.expr)
}

/// `ifNotFinite(x, y)`: `x` unless it is inf or NaN, then `y` (common supertype).
fn if_not_finite(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    check_arg_count(&ctx.name, &args, 2, 2)?;
    if !args[0].ty.base().is_numeric() {
        return Err(illegal_type(&ctx.name, 0, &args[0].ty));
    }
    let fin_ctx = FunctionContext { name: "isFinite".into(), ..ctx.clone() };
    let finite = float_class(&fin_ctx, vec![args[0].clone()])?;
    let if_ctx = FunctionContext { name: "if".into(), ..ctx.clone() };
    super::conditional::bind_if(&if_ctx, vec![finite, args[0].clone(), args[1].clone()])
}

static RNG_STATE: AtomicU64 = AtomicU64::new(0);

/// A splitmix64 step over a process-wide counter seeded from the clock.
fn next_random() -> u64 {
    const GOLDEN: u64 = 0x9E37_79B9_7F4A_7C15;
    if RNG_STATE.load(Ordering::Relaxed) == 0 {
        let seed = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos() as u64)
            .unwrap_or(GOLDEN)
            | 1;
        let _ = RNG_STATE.compare_exchange(0, seed, Ordering::Relaxed, Ordering::Relaxed);
    }
    let mut z = RNG_STATE.fetch_add(GOLDEN, Ordering::Relaxed).wrapping_add(GOLDEN);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

fn k_rand(k: &KernelArgs) -> DfResult<ColumnarValue> {
    let v: Vec<u32> = (0..k.rows).map(|_| next_random() as u32).collect();
    Ok(ColumnarValue::Array(Arc::new(UInt32Array::from(v))))
}

fn k_rand64(k: &KernelArgs) -> DfResult<ColumnarValue> {
    let v: Vec<u64> = (0..k.rows).map(|_| next_random()).collect();
    Ok(ColumnarValue::Array(Arc::new(UInt64Array::from(v))))
}

/// `rand([x])`, `rand64([x])`: the arguments only keep calls apart.
fn rand(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    check_arg_count(&ctx.name, &args, 0, 1)?;
    let (kernel, t): (super::Kernel, ChType) =
        if ctx.name == "rand64" { (k_rand64, ChType::UInt64) } else { (k_rand, ChType::UInt32) };
    // DataFusion's variadic signature needs an argument: a zero-argument call gets a dummy one.
    let mut args = args;
    if args.is_empty() {
        args.push(TypedExpr::new(lit(ScalarValue::UInt8(Some(0))), ChType::UInt8));
    }
    call_with_volatility(&ctx.name, kernel, args, t, Volatility::Volatile)
}

/// `randConstant()`: one value per query, chosen when the call is bound.
fn rand_constant(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    check_arg_count(&ctx.name, &args, 0, 1)?;
    Ok(TypedExpr::new(lit(ScalarValue::UInt32(Some(next_random() as u32))), ChType::UInt32))
}

fn k_throw_if(k: &KernelArgs) -> DfResult<ColumnarValue> {
    let (vals, nulls) = wide(k, 0)?;
    let hit = |i: usize| !nulls.as_ref().is_some_and(|n| n.is_null(i));
    let fired = match &vals {
        Vals::Int(v) | Vals::Dec(v, _) => v.iter().enumerate().any(|(i, x)| *x != 0 && hit(i)),
        Vals::Float(v) => v.iter().enumerate().any(|(i, x)| *x != 0.0 && hit(i)),
    };
    if fired {
        let msg = match k.args.get(1) {
            Some(ColumnarValue::Scalar(ScalarValue::BinaryView(Some(b)))) => String::from_utf8_lossy(b).into_owned(),
            _ => "Value passed to 'throwIf' function is non-zero".to_string(),
        };
        return Err(Error::new(ErrorCode::FUNCTION_THROW_IF_VALUE_IS_NON_ZERO, msg).into_datafusion());
    }
    let n = match &vals {
        Vals::Int(v) | Vals::Dec(v, _) => v.len(),
        Vals::Float(v) => v.len(),
    };
    finish(k, Arc::new(arrow::array::UInt8Array::from(vec![0u8; n])))
}

fn throw_if(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    check_arg_count(&ctx.name, &args, 1, 2)?;
    if !args[0].ty.base().is_numeric() && !args[0].ty.is_nothing() {
        return Err(illegal_type(&ctx.name, 0, &args[0].ty));
    }
    if let Some(m) = args.get(1) {
        if m.literal_str().is_none() {
            return Err(illegal_type(&ctx.name, 1, &m.ty));
        }
    }
    if args[0].ty.is_nothing() {
        return Ok(TypedExpr::new(lit(ScalarValue::UInt8(Some(0))), ChType::UInt8));
    }
    call_with_volatility(&ctx.name, k_throw_if, args, ChType::UInt8, Volatility::Volatile)
}

/// Registers the miscellaneous functions.
pub fn register(r: &mut FunctionRegistry) {
    r.scalar("toTypeName", Case::Sensitive, to_type_name);
    r.scalar("materialize", Case::Sensitive, identity);
    r.scalar("identity", Case::Sensitive, identity);
    r.scalar("ignore", Case::Sensitive, ignore);
    r.scalar("version", Case::Insensitive, version);
    r.scalar("currentDatabase", Case::Sensitive, current_database);
    r.scalar("DATABASE", Case::Insensitive, current_database);
    r.scalar("isFinite", Case::Sensitive, float_class);
    r.scalar("isInfinite", Case::Sensitive, float_class);
    r.scalar("isNaN", Case::Sensitive, float_class);
    r.scalar("rand", Case::Sensitive, rand);
    r.scalar("rand32", Case::Sensitive, rand);
    r.scalar("rand64", Case::Sensitive, rand);
    r.scalar("randConstant", Case::Sensitive, rand_constant);
    r.scalar("throwIf", Case::Sensitive, throw_if);
    r.scalar("ifNotFinite", Case::Sensitive, if_not_finite);
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use datafusion::scalar::ScalarValue as S;

    fn s(v: &str) -> S {
        S::BinaryView(Some(v.as_bytes().to_vec()))
    }

    #[test]
    fn misc() {
        // chdb: version() = '26.9.2.1'; currentDatabase() = 'default'; toTypeName(materialize(1)) = UInt8;
        // ignore(1, 'a') = 0 (UInt8); isFinite(1/0)=0, isInfinite(1/0)=1, isNaN(0/0)=1, isNaN(1)=0 (UInt8);
        // toTypeName(rand()) = UInt32, rand64() UInt64; throwIf(0) = 0; throwIf(1, 'boom') → 395 'boom'; isNaN('a') → 43
        assert_eq!(run("version", vec![]).unwrap(), ("String".into(), s("26.9.2.1")));
        assert_eq!(run("currentDatabase", vec![]).unwrap().1, s("default"));
        assert_eq!(run("toTypeName", vec![nullable("UInt8", Some(1))]).unwrap().1, s("Nullable(UInt8)"));
        assert_eq!(run("materialize", vec![int("UInt8", 1)]).unwrap(), ("UInt8".into(), S::UInt8(Some(1))));
        assert_eq!(run("ignore", vec![int("UInt8", 1), str_("a")]).unwrap(), ("UInt8".into(), S::UInt8(Some(0))));
        assert_eq!(run("isFinite", vec![f64_(f64::INFINITY)]).unwrap(), ("UInt8".into(), S::UInt8(Some(0))));
        assert_eq!(run("isInfinite", vec![f64_(f64::INFINITY)]).unwrap().1, S::UInt8(Some(1)));
        assert_eq!(run("isNaN", vec![f64_(f64::NAN)]).unwrap().1, S::UInt8(Some(1)));
        assert_eq!(run("isNaN", vec![int("UInt8", 1)]).unwrap().1, S::UInt8(Some(0)));
        assert_eq!(run_code("isNaN", vec![str_("a")]), 43);
        assert_eq!(run("rand", vec![]).unwrap().0, "UInt32");
        assert_eq!(run("rand64", vec![]).unwrap().0, "UInt64");
        assert_eq!(run("throwIf", vec![int("UInt8", 0)]).unwrap(), ("UInt8".into(), S::UInt8(Some(0))));
        // chdb: ifNotFinite(1 / 0, 42) = 42 (Float64), ifNotFinite(2.5, 42) = 2.5
        assert_eq!(
            run("ifNotFinite", vec![f64_(f64::INFINITY), int("UInt8", 42)]).unwrap(),
            ("Float64".into(), S::Float64(Some(42.0)))
        );
        assert_eq!(run("ifNotFinite", vec![f64_(2.5), int("UInt8", 42)]).unwrap().1, S::Float64(Some(2.5)));
        let e = run("throwIf", vec![int("UInt8", 1), str_("boom")]).unwrap_err();
        assert_eq!((e.code(), e.message()), (395, "boom"));
    }
}
