//! Mathematical functions: rounding (`round`, `roundBankers`, `floor`, `ceil`,
//! `trunc`/`truncate`, with optional digits; the input type is kept), Float64
//! functions (`sqrt`, `exp`, `log`, trigonometry, `pow`, `atan2`, `hypot` …),
//! constants `e()`/`pi()`, `sign`, bit operations (`bitAnd`, `bitOr`, `bitXor`,
//! `bitNot`, `bitShiftLeft`, `bitShiftRight`) and `intExp2`/`intExp10`.
//! Mirrors ClickHouse `FunctionsRound.h`, `FunctionMathUnary.h`, `FunctionsBitwise`.
//!
//! Float `round` rounds half to even at the scaled value (`rint(x·10ⁿ)/10ⁿ`,
//! verified with chdb: round(2.5)=2, round(2.675, 2)=2.68); integers and
//! decimals round half away from zero; `roundBankers` is half to even for all.

use std::sync::Arc;

use arrow::array::{AsArray, Float64Array};
use arrow::datatypes::Float64Type;
use datafusion::error::Result as DfResult;
use datafusion::logical_expr::{binary_expr, lit, ColumnarValue, Operator};
use datafusion::scalar::ScalarValue;

use super::arithmetic::{cast_keep_null, finish, null_result, propagate_null, wide};
use super::cast_kernel::{self, pow10, Mode, Vals};
use super::udf::call;
use super::{check_arg_count, illegal_type, Case, FunctionContext, FunctionRegistry, Kernel, KernelArgs, TypedExpr};
use crate::error::{Error, ErrorCode, Result};
use crate::types::ChType;

#[derive(Clone, Copy, PartialEq)]
enum Rounding {
    Round,
    Bankers,
    Floor,
    Ceil,
    Trunc,
}

fn round_f(x: f64, m: Rounding) -> f64 {
    match m {
        Rounding::Round | Rounding::Bankers => x.round_ties_even(),
        Rounding::Floor => x.floor(),
        Rounding::Ceil => x.ceil(),
        Rounding::Trunc => x.trunc(),
    }
}

/// Rounds `v` to a multiple of `s` (s > 1).
fn round_i(v: i128, s: i128, m: Rounding) -> i128 {
    let (q, r) = (v / s, v % s);
    let q = match m {
        Rounding::Trunc => q,
        Rounding::Floor => q - i128::from(r < 0),
        Rounding::Ceil => q + i128::from(r > 0),
        Rounding::Round => {
            if r.abs() * 2 >= s {
                q + v.signum()
            } else {
                q
            }
        }
        Rounding::Bankers => {
            if r.abs() * 2 > s || (r.abs() * 2 == s && q % 2 != 0) {
                q + v.signum()
            } else {
                q
            }
        }
    };
    q.wrapping_mul(s)
}

fn round_kernel(k: &KernelArgs, m: Rounding) -> DfResult<ColumnarValue> {
    let digits: i64 = match k.args.get(1) {
        Some(ColumnarValue::Scalar(s)) => match s.cast_to(&arrow::datatypes::DataType::Int64)? {
            ScalarValue::Int64(Some(v)) => v,
            _ => 0,
        },
        Some(_) => {
            return Err(Error::new(ErrorCode::ILLEGAL_COLUMN, "Scale argument for rounding functions must be constant")
                .into_datafusion())
        }
        None => 0,
    };
    let (vals, nulls) = wide(k, 0)?;
    let out = match vals {
        Vals::Float(v) => {
            let d = digits.clamp(-400, 400) as i32;
            let s = 10f64.powi(d.abs());
            Vals::Float(
                v.into_iter().map(|x| if d >= 0 { round_f(x * s, m) / s } else { round_f(x / s, m) * s }).collect(),
            )
        }
        Vals::Int(v) => {
            if digits >= 0 {
                Vals::Int(v)
            } else {
                let s = pow10(digits.unsigned_abs().min(38) as u32);
                Vals::Int(v.into_iter().map(|x| round_i(x, s, m)).collect())
            }
        }
        Vals::Dec(v, sc) => {
            if digits >= sc as i64 {
                Vals::Dec(v, sc)
            } else {
                let s = pow10((sc as i64 - digits).min(38) as u32);
                Vals::Dec(v.into_iter().map(|x| round_i(x, s, m)).collect(), sc)
            }
        }
    };
    let n = match &out {
        Vals::Int(v) | Vals::Dec(v, _) => v.len(),
        Vals::Float(v) => v.len(),
    };
    let from = match &out {
        Vals::Int(_) => ChType::Int64,
        _ => k.arg_types[0].base().clone(),
    };
    let arr = cast_kernel::write(&out, nulls.as_ref(), n, &from, k.ret.base(), Mode::Plain)
        .map_err(Error::into_datafusion)?;
    finish(k, arr)
}

fn k_round(k: &KernelArgs) -> DfResult<ColumnarValue> {
    round_kernel(k, Rounding::Round)
}
fn k_bankers(k: &KernelArgs) -> DfResult<ColumnarValue> {
    round_kernel(k, Rounding::Bankers)
}
fn k_floor(k: &KernelArgs) -> DfResult<ColumnarValue> {
    round_kernel(k, Rounding::Floor)
}
fn k_ceil(k: &KernelArgs) -> DfResult<ColumnarValue> {
    round_kernel(k, Rounding::Ceil)
}
fn k_trunc(k: &KernelArgs) -> DfResult<ColumnarValue> {
    round_kernel(k, Rounding::Trunc)
}

fn rounding(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    check_arg_count(&ctx.name, &args, 1, 2)?;
    if args[0].ty.is_nothing() {
        return Ok(null_result());
    }
    let t = args[0].ty.base().clone();
    if !t.is_numeric()
        || matches!(t, ChType::Bool)
        || t.bit_width().is_some_and(|b| b > 64)
        || matches!(t, ChType::Decimal(p, _) if p > 38)
    {
        return Err(illegal_type(&ctx.name, 0, &args[0].ty));
    }
    if let Some(d) = args.get(1) {
        if !d.ty.base().is_integer() || d.literal().is_none() {
            return Err(illegal_type(&ctx.name, 1, &d.ty));
        }
    }
    let kernel: Kernel = match ctx.name.to_ascii_lowercase().as_str() {
        "round" => k_round,
        "roundbankers" => k_bankers,
        "floor" => k_floor,
        "ceil" | "ceiling" => k_ceil,
        _ => k_trunc,
    };
    let ret = propagate_null(&args[..1], t);
    call(&ctx.name, kernel, args, ret)
}

macro_rules! float_fns {
    ($($name:ident => $f:expr),* $(,)?) => {
        $(fn $name(k: &KernelArgs) -> DfResult<ColumnarValue> {
            unary_f64(k, $f)
        })*
    };
}

fn unary_f64(k: &KernelArgs, f: fn(f64) -> f64) -> DfResult<ColumnarValue> {
    match &k.args[0] {
        ColumnarValue::Scalar(ScalarValue::Float64(v)) => Ok(ColumnarValue::Scalar(ScalarValue::Float64(v.map(f)))),
        other => {
            let arr = other.to_array(k.rows)?;
            let out: Float64Array = arr.as_primitive::<Float64Type>().unary(f);
            Ok(ColumnarValue::Array(Arc::new(out)))
        }
    }
}

fn binary_f64(k: &KernelArgs, f: fn(f64, f64) -> f64) -> DfResult<ColumnarValue> {
    let rows = if k.all_scalar() { 1 } else { k.rows };
    let a = k.args[0].to_array(rows)?;
    let b = k.args[1].to_array(rows)?;
    let out: Float64Array =
        arrow::compute::binary(a.as_primitive::<Float64Type>(), b.as_primitive::<Float64Type>(), f)?;
    finish(k, Arc::new(out))
}

float_fns! {
    k_sqrt => f64::sqrt, k_cbrt => f64::cbrt, k_exp => f64::exp, k_exp2 => f64::exp2,
    k_exp10 => |x| 10f64.powf(x), k_log => f64::ln, k_log2 => f64::log2, k_log10 => f64::log10,
    k_log1p => f64::ln_1p, k_sin => f64::sin, k_cos => f64::cos, k_tan => f64::tan,
    k_asin => f64::asin, k_acos => f64::acos, k_atan => f64::atan, k_sinh => f64::sinh,
    k_cosh => f64::cosh, k_tanh => f64::tanh, k_asinh => f64::asinh, k_acosh => f64::acosh,
    k_atanh => f64::atanh, k_degrees => f64::to_degrees, k_radians => f64::to_radians,
}

fn k_pow(k: &KernelArgs) -> DfResult<ColumnarValue> {
    binary_f64(k, f64::powf)
}
fn k_atan2(k: &KernelArgs) -> DfResult<ColumnarValue> {
    binary_f64(k, f64::atan2)
}
fn k_hypot(k: &KernelArgs) -> DfResult<ColumnarValue> {
    binary_f64(k, f64::hypot)
}

fn unary_kernel(name: &str) -> Option<Kernel> {
    Some(match name {
        "sqrt" => k_sqrt,
        "cbrt" => k_cbrt,
        "exp" => k_exp,
        "exp2" => k_exp2,
        "exp10" => k_exp10,
        "log" | "ln" => k_log,
        "log2" => k_log2,
        "log10" => k_log10,
        "log1p" => k_log1p,
        "sin" => k_sin,
        "cos" => k_cos,
        "tan" => k_tan,
        "asin" => k_asin,
        "acos" => k_acos,
        "atan" => k_atan,
        "sinh" => k_sinh,
        "cosh" => k_cosh,
        "tanh" => k_tanh,
        "asinh" => k_asinh,
        "acosh" => k_acosh,
        "atanh" => k_atanh,
        "degrees" => k_degrees,
        "radians" => k_radians,
        "pow" | "power" => k_pow,
        "atan2" => k_atan2,
        "hypot" => k_hypot,
        _ => return None,
    })
}

/// Float64 functions of one or two numeric arguments.
fn float_fn(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    let lname = ctx.name.to_ascii_lowercase();
    let arity = if matches!(lname.as_str(), "pow" | "power" | "atan2" | "hypot") { 2 } else { 1 };
    check_arg_count(&ctx.name, &args, arity, arity)?;
    if args.iter().any(|a| a.ty.is_nothing()) {
        return Ok(null_result());
    }
    for (i, a) in args.iter().enumerate() {
        if !a.ty.base().is_numeric() || a.ty.base().bit_width().is_some_and(|b| b > 64) {
            return Err(illegal_type(&ctx.name, i, &a.ty));
        }
    }
    let kernel = unary_kernel(&lname).ok_or_else(|| Error::new(ErrorCode::UNKNOWN_FUNCTION, ctx.name.clone()))?;
    let ret = propagate_null(&args, ChType::Float64);
    let mut cast_args = Vec::with_capacity(args.len());
    for a in args {
        cast_args.push(cast_keep_null(ctx, a, &ChType::Float64)?);
    }
    call(&lname, kernel, cast_args, ret)
}

fn constant(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    check_arg_count(&ctx.name, &args, 0, 0)?;
    let v = if ctx.name.eq_ignore_ascii_case("pi") { std::f64::consts::PI } else { std::f64::consts::E };
    Ok(TypedExpr::new(lit(v), ChType::Float64))
}

fn k_sign(k: &KernelArgs) -> DfResult<ColumnarValue> {
    let (vals, nulls) = wide(k, 0)?;
    let out = match vals {
        Vals::Int(v) | Vals::Dec(v, _) => Vals::Int(v.into_iter().map(|x| x.signum()).collect()),
        Vals::Float(v) => Vals::Int(
            v.into_iter()
                .map(|x| {
                    if x > 0.0 {
                        1
                    } else if x < 0.0 {
                        -1
                    } else {
                        0
                    }
                })
                .collect(),
        ),
    };
    let n = if let Vals::Int(v) = &out { v.len() } else { 0 };
    let arr = cast_kernel::write(&out, nulls.as_ref(), n, &ChType::Int64, &ChType::Int8, Mode::Plain)
        .map_err(Error::into_datafusion)?;
    finish(k, arr)
}

fn sign(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    check_arg_count(&ctx.name, &args, 1, 1)?;
    if args[0].ty.is_nothing() {
        return Ok(null_result());
    }
    let t = args[0].ty.base();
    if !t.is_numeric() || t.bit_width().is_some_and(|b| b > 64) {
        return Err(illegal_type(&ctx.name, 0, &args[0].ty));
    }
    let ret = propagate_null(&args, ChType::Int8);
    call("sign", k_sign, args, ret)
}

fn int_only(ctx: &FunctionContext, args: &[TypedExpr]) -> Result<()> {
    for a in args {
        let t = a.ty.base();
        if !(t.is_integer() || matches!(t, ChType::Bool)) || t.bit_width().is_some_and(|b| b > 64) {
            let names: Vec<String> = args.iter().map(|a| a.ty.base().to_string()).collect();
            return Err(Error::new(
                ErrorCode::ILLEGAL_TYPE_OF_ARGUMENT,
                format!("Illegal types {} of arguments of function {}", names.join(" and "), ctx.name),
            ));
        }
    }
    Ok(())
}

/// `bitAnd`/`bitOr`/`bitXor`: signed if either side is, the wider width.
fn bit_binary(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    check_arg_count(&ctx.name, &args, 2, 2)?;
    if args.iter().any(|a| a.ty.is_nothing()) {
        return Ok(null_result());
    }
    int_only(ctx, &args)?;
    let (a, b) = (args[0].ty.base(), args[1].ty.base());
    let t = ChType::int_of(
        a.is_signed_int() || b.is_signed_int(),
        a.bit_width().unwrap_or(64).max(b.bit_width().unwrap_or(64)),
    );
    let ret = propagate_null(&args, t.clone());
    let op = match ctx.name.as_str() {
        "bitAnd" => Operator::BitwiseAnd,
        "bitOr" => Operator::BitwiseOr,
        _ => Operator::BitwiseXor,
    };
    let mut it = args.into_iter();
    let (Some(x), Some(y)) = (it.next(), it.next()) else {
        return Err(Error::new(ErrorCode::LOGICAL_ERROR, "arity"));
    };
    let x = cast_keep_null(ctx, x, &t)?;
    let y = cast_keep_null(ctx, y, &t)?;
    Ok(TypedExpr::new(binary_expr(x.expr, op, y.expr), ret))
}

fn bit_not(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    check_arg_count(&ctx.name, &args, 1, 1)?;
    if args[0].ty.is_nothing() {
        return Ok(null_result());
    }
    int_only(ctx, &args)?;
    let t = match args[0].ty.base() {
        ChType::Bool => ChType::UInt8,
        t => t.clone(),
    };
    let ret = propagate_null(&args, t.clone());
    let x =
        cast_keep_null(ctx, args.into_iter().next().ok_or_else(|| Error::new(ErrorCode::LOGICAL_ERROR, "arity"))?, &t)?;
    let ones = ScalarValue::Int64(Some(-1)).cast_to(&arrow::datatypes::DataType::Int64).map_err(Error::from)?;
    let ones = match &t {
        t if t.is_unsigned_int() => ScalarValue::UInt64(Some(u64::MAX)),
        _ => ones,
    };
    let ones = match (&ones, t.to_arrow()) {
        (ScalarValue::UInt64(_), dt) => match dt {
            arrow::datatypes::DataType::UInt8 => ScalarValue::UInt8(Some(u8::MAX)),
            arrow::datatypes::DataType::UInt16 => ScalarValue::UInt16(Some(u16::MAX)),
            arrow::datatypes::DataType::UInt32 => ScalarValue::UInt32(Some(u32::MAX)),
            _ => ScalarValue::UInt64(Some(u64::MAX)),
        },
        (_, dt) => ones.cast_to(&dt).map_err(Error::from)?,
    };
    Ok(TypedExpr::new(binary_expr(x.expr, Operator::BitwiseXor, lit(ones)), ret))
}

fn shift_kernel(k: &KernelArgs, left: bool) -> DfResult<ColumnarValue> {
    let (a, na) = wide(k, 0)?;
    let (b, nb) = wide(k, 1)?;
    let nulls = arrow::buffer::NullBuffer::union(na.as_ref(), nb.as_ref());
    let bits = k.ret.base().bit_width().unwrap_or(64) as i128;
    let (Vals::Int(a), Vals::Int(b)) = (a, b) else {
        return Err(Error::new(ErrorCode::ILLEGAL_TYPE_OF_ARGUMENT, "bit shift of a non-integer").into_datafusion());
    };
    let out: Vec<i128> = a
        .iter()
        .zip(&b)
        .map(|(x, s)| {
            if *s < 0 || *s >= bits {
                0
            } else if left {
                x.wrapping_shl(*s as u32)
            } else {
                x >> (*s as u32)
            }
        })
        .collect();
    let n = out.len();
    let arr = cast_kernel::write(&Vals::Int(out), nulls.as_ref(), n, &ChType::Int64, k.ret.base(), Mode::Plain)
        .map_err(Error::into_datafusion)?;
    finish(k, arr)
}

fn k_shl(k: &KernelArgs) -> DfResult<ColumnarValue> {
    shift_kernel(k, true)
}
fn k_shr(k: &KernelArgs) -> DfResult<ColumnarValue> {
    shift_kernel(k, false)
}

fn bit_shift(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    check_arg_count(&ctx.name, &args, 2, 2)?;
    if args.iter().any(|a| a.ty.is_nothing()) {
        return Ok(null_result());
    }
    int_only(ctx, &args)?;
    let t = match args[0].ty.base() {
        ChType::Bool => ChType::UInt8,
        t => t.clone(),
    };
    let ret = propagate_null(&args, t);
    let kernel: Kernel = if ctx.name == "bitShiftLeft" { k_shl } else { k_shr };
    call(&ctx.name, kernel, args, ret)
}

fn int_exp_kernel(k: &KernelArgs, base: u64) -> DfResult<ColumnarValue> {
    let (a, nulls) = wide(k, 0)?;
    let f = |e: f64| -> u64 {
        if e.is_nan() || e < 0.0 {
            0
        } else if e >= 64.0 {
            u64::MAX
        } else {
            base.checked_pow(e as u32).unwrap_or(u64::MAX)
        }
    };
    let out: Vec<u64> = match a {
        Vals::Int(v) => v.iter().map(|x| f(*x as f64)).collect(),
        Vals::Float(v) => v.iter().map(|x| f(*x)).collect(),
        Vals::Dec(v, s) => v.iter().map(|x| f((*x / pow10(s)) as f64)).collect(),
    };
    finish(k, Arc::new(arrow::array::UInt64Array::new(out.into(), nulls)))
}

fn k_exp2i(k: &KernelArgs) -> DfResult<ColumnarValue> {
    int_exp_kernel(k, 2)
}
fn k_exp10i(k: &KernelArgs) -> DfResult<ColumnarValue> {
    int_exp_kernel(k, 10)
}

fn int_exp(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    check_arg_count(&ctx.name, &args, 1, 1)?;
    if args[0].ty.is_nothing() {
        return Ok(null_result());
    }
    if !args[0].ty.base().is_numeric() || args[0].ty.base().bit_width().is_some_and(|b| b > 64) {
        return Err(illegal_type(&ctx.name, 0, &args[0].ty));
    }
    let ret = propagate_null(&args, ChType::UInt64);
    let kernel: Kernel = if ctx.name == "intExp2" { k_exp2i } else { k_exp10i };
    call(&ctx.name, kernel, args, ret)
}

/// Registers the mathematical functions.
pub fn register(r: &mut FunctionRegistry) {
    for n in ["round", "floor", "trunc", "truncate"] {
        r.scalar(n, Case::Insensitive, rounding);
    }
    r.scalar("ceil", Case::Insensitive, rounding);
    r.scalar("ceiling", Case::Insensitive, rounding);
    r.scalar("roundBankers", Case::Sensitive, rounding);
    for n in [
        "sqrt", "cbrt", "exp", "exp2", "exp10", "log", "ln", "log2", "log10", "log1p", "sin", "cos", "tan", "asin",
        "acos", "atan", "sinh", "cosh", "tanh", "asinh", "acosh", "atanh", "degrees", "radians", "pow", "power",
        "atan2", "hypot",
    ] {
        r.scalar(n, Case::Insensitive, float_fn);
    }
    r.scalar("e", Case::Sensitive, constant);
    r.scalar("pi", Case::Insensitive, constant);
    r.scalar("sign", Case::Insensitive, sign);
    for n in ["bitAnd", "bitOr", "bitXor"] {
        r.scalar(n, Case::Sensitive, bit_binary);
    }
    r.scalar("bitNot", Case::Sensitive, bit_not);
    r.scalar("bitShiftLeft", Case::Sensitive, bit_shift);
    r.scalar("bitShiftRight", Case::Sensitive, bit_shift);
    r.scalar("intExp2", Case::Sensitive, int_exp);
    r.scalar("intExp10", Case::Sensitive, int_exp);
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use datafusion::scalar::ScalarValue as S;

    fn f(name: &str, args: Vec<super::TypedExpr>) -> f64 {
        match run(name, args) {
            Ok((_, S::Float64(Some(v)))) => v,
            Ok((_, S::Float32(Some(v)))) => v as f64,
            other => panic!("{name}: {other:?}"),
        }
    }

    #[test]
    fn rounding() {
        // chdb: round(2.5)=2, round(-2.5)=-2, round(1.2345, 2)=1.23, round(2.675, 2)=2.68, round(1.005, 2)=1,
        // round(12345.6789, -2)=12300, round(125, -1)=130 (UInt8), roundBankers(125, -1)=120,
        // floor(-1.5)=-2, ceil(1.5)=2, trunc(-1.5)=-1, floor(123, -1)=120, ceil(121, -1)=130,
        // floor(1.2345, 2)=1.23, ceil(1.2341, 2)=1.24, round(toDecimal32(1.25, 2), 1)=1.3 (Decimal(9, 2))
        assert_eq!(f("round", vec![f64_(2.5)]), 2.0);
        assert_eq!(f("round", vec![f64_(-2.5)]), -2.0);
        assert_eq!(f("round", vec![f64_(1.2345), int("UInt8", 2)]), 1.23);
        assert_eq!(f("round", vec![f64_(2.675), int("UInt8", 2)]), 2.68);
        assert_eq!(f("round", vec![f64_(1.005), int("UInt8", 2)]), 1.0);
        assert_eq!(f("round", vec![f64_(12345.6789), int("Int8", -2)]), 12300.0);
        assert_eq!(
            run("round", vec![int("UInt8", 125), int("Int8", -1)]).unwrap(),
            ("UInt8".into(), S::UInt8(Some(130)))
        );
        assert_eq!(run("roundBankers", vec![int("UInt8", 125), int("Int8", -1)]).unwrap().1, S::UInt8(Some(120)));
        assert_eq!(f("roundBankers", vec![f64_(3.5)]), 4.0);
        assert_eq!(f("floor", vec![f64_(-1.5)]), -2.0);
        assert_eq!(f("ceil", vec![f64_(1.5)]), 2.0);
        assert_eq!(f("trunc", vec![f64_(-1.5)]), -1.0);
        assert_eq!(run("floor", vec![int("UInt8", 123), int("Int8", -1)]).unwrap().1, S::UInt8(Some(120)));
        assert_eq!(run("ceil", vec![int("UInt8", 121), int("Int8", -1)]).unwrap().1, S::UInt8(Some(130)));
        assert_eq!(f("floor", vec![f64_(1.2345), int("UInt8", 2)]), 1.23);
        assert_eq!(f("ceil", vec![f64_(1.2341), int("UInt8", 2)]), 1.24);
        let d = bind("toDecimal32", vec![f64_(1.25), int("UInt8", 2)]).unwrap();
        assert_eq!(
            run("round", vec![d, int("UInt8", 1)]).unwrap(),
            ("Decimal(9, 2)".into(), S::Decimal128(Some(130), 9, 2))
        );
        let d = bind("toDecimal32", vec![f64_(-1.25), int("UInt8", 2)]).unwrap();
        assert_eq!(run("round", vec![d, int("UInt8", 1)]).unwrap().1, S::Decimal128(Some(-130), 9, 2));
        let x = lit_typed(S::Float32(Some(1.5)), "Float32");
        assert_eq!(run("floor", vec![x]).unwrap(), ("Float32".into(), S::Float32(Some(1.0))));
    }

    #[test]
    fn float_functions() {
        // chdb: sqrt(4)=2, sqrt(-1)=nan, cbrt(8)=2, exp2(3)=8, exp10(2)=100, log(0)=-inf, log2(8)=3,
        // pow(2, 10)=1024, atan2(1,1)=0.7853981633974483, hypot(3,4)=5, degrees(pi())=180, sign(-5)=-1 (Int8)
        assert_eq!(run("sqrt", vec![int("UInt8", 4)]).unwrap(), ("Float64".into(), S::Float64(Some(2.0))));
        assert!(f("sqrt", vec![int("Int8", -1)]).is_nan());
        assert_eq!(f("cbrt", vec![int("UInt8", 8)]), 2.0);
        assert_eq!(f("exp2", vec![int("UInt8", 3)]), 8.0);
        assert_eq!(f("exp10", vec![int("UInt8", 2)]), 100.0);
        assert_eq!(f("log", vec![int("UInt8", 0)]), f64::NEG_INFINITY);
        assert_eq!(f("log2", vec![int("UInt8", 8)]), 3.0);
        assert_eq!(f("pow", vec![int("UInt8", 2), int("UInt8", 10)]), 1024.0);
        assert_eq!(f("atan2", vec![int("UInt8", 1), int("UInt8", 1)]), std::f64::consts::FRAC_PI_4);
        assert_eq!(f("hypot", vec![int("UInt8", 3), int("UInt8", 4)]), 5.0);
        let pi = bind("pi", vec![]).unwrap();
        assert_eq!(f("degrees", vec![pi]), 180.0);
        assert_eq!(run("sign", vec![int("Int8", -5)]).unwrap(), ("Int8".into(), S::Int8(Some(-1))));
        assert_eq!(run("sign", vec![f64_(2.5)]).unwrap().1, S::Int8(Some(1)));
    }

    #[test]
    fn bits() {
        // chdb: bitAnd(12, 10)=8, bitOr=14, bitXor=6, bitNot(toUInt8(0))=255 (UInt8), bitAnd(UInt8, Int16) Int16,
        // bitShiftLeft(toUInt8(1), 8)=0, bitShiftLeft(1, 3)=8 (UInt8), bitShiftRight(16, 2)=4, bitAnd(1.5, 1) → 43,
        // intExp2(3)=8 (UInt64), intExp10(3)=1000, intExp2(64)=18446744073709551615, intExp2(-1)=0
        let u = |v| int("UInt8", v);
        assert_eq!(run("bitAnd", vec![u(12), u(10)]).unwrap(), ("UInt8".into(), S::UInt8(Some(8))));
        assert_eq!(run("bitOr", vec![u(12), u(10)]).unwrap().1, S::UInt8(Some(14)));
        assert_eq!(run("bitXor", vec![u(12), u(10)]).unwrap().1, S::UInt8(Some(6)));
        assert_eq!(run("bitNot", vec![u(0)]).unwrap(), ("UInt8".into(), S::UInt8(Some(255))));
        assert_eq!(run("bitNot", vec![int("Int8", 0)]).unwrap().1, S::Int8(Some(-1)));
        assert_eq!(run("bitAnd", vec![u(1), int("Int16", 1)]).unwrap().0, "Int16");
        assert_eq!(run("bitShiftLeft", vec![u(1), u(8)]).unwrap().1, S::UInt8(Some(0)));
        assert_eq!(run("bitShiftLeft", vec![u(1), u(3)]).unwrap(), ("UInt8".into(), S::UInt8(Some(8))));
        assert_eq!(run("bitShiftRight", vec![u(16), u(2)]).unwrap().1, S::UInt8(Some(4)));
        assert_eq!(run_code("bitAnd", vec![f64_(1.5), u(1)]), 43);
        assert_eq!(run("intExp2", vec![u(3)]).unwrap(), ("UInt64".into(), S::UInt64(Some(8))));
        assert_eq!(run("intExp10", vec![u(3)]).unwrap().1, S::UInt64(Some(1000)));
        assert_eq!(run("intExp2", vec![u(64)]).unwrap().1, S::UInt64(Some(u64::MAX)));
        assert_eq!(run("intExp2", vec![int("Int8", -1)]).unwrap().1, S::UInt64(Some(0)));
    }
}
