//! Arithmetic: `plus`, `minus`, `multiply`, `divide`, `intDiv[OrZero]`,
//! `modulo`/`mod`, `moduloOrZero`, `negate`, `abs`, `gcd`, `lcm`, date and
//! time arithmetic (± days/seconds, ± intervals, differences), and the
//! `toIntervalX` constructors. Mirrors ClickHouse `FunctionBinaryArithmetic.h`.
//!
//! `+ - *` on integers and floats cast both operands to ClickHouse's result type
//! (`types::rules`) and emit a DataFusion `BinaryExpr`, which wraps on overflow as ClickHouse does
//! (spec/engine.md §2); decimals use a checked kernel (407 on overflow). `/` is
//! Float64 except for decimals. Integer division, modulo, gcd
//! and abs run in kernels over a wide (i128) form and wrap into the result;
//! (U)Int128/(U)Int256 operands use exact 256-bit values (`types::wide`).
//! Calendar arithmetic lives in `date_arith.rs`.

use std::sync::Arc;

use arrow::array::{Array, ArrayRef, AsArray};
use arrow::buffer::NullBuffer;
use arrow::datatypes::Decimal128Type;
use datafusion::error::Result as DfResult;
use datafusion::logical_expr::{binary_expr, Cast, ColumnarValue, Expr as DfExpr, Operator};
use datafusion::scalar::ScalarValue;

use super::cast_kernel::{self, Mode, Vals};
use super::conversion::cast;
use super::date_arith;
use super::udf::call;
use super::{check_arg_count, illegal_type, Case, FunctionContext, FunctionRegistry, KernelArgs, TypedExpr};
use crate::error::{Error, ErrorCode, Result};
use crate::types::rules::{arithmetic_result, int_div_result, modulo_result, ArithOp};
use crate::types::wide::Wide;
use crate::types::{ChType, IntervalKind};

/// The NULL result of an operation on a NULL literal.
pub(crate) fn null_result() -> TypedExpr {
    TypedExpr::new(DfExpr::Literal(ScalarValue::Null, None), ChType::Nullable(Box::new(ChType::Nothing)))
}

/// `t` made Nullable when any argument is.
pub(crate) fn propagate_null(args: &[TypedExpr], t: ChType) -> ChType {
    if args.iter().any(|a| a.ty.is_nullable()) {
        t.nullable()
    } else {
        t
    }
}

/// Casts an argument to `t` keeping its Nullable-ness.
pub(crate) fn cast_keep_null(ctx: &FunctionContext, a: TypedExpr, t: &ChType) -> Result<TypedExpr> {
    let to = if a.ty.is_nullable() { t.clone().nullable() } else { t.clone() };
    cast(ctx, a, &to)
}

fn two(args: Vec<TypedExpr>) -> Result<(TypedExpr, TypedExpr)> {
    let mut it = args.into_iter();
    match (it.next(), it.next()) {
        (Some(a), Some(b)) => Ok((a, b)),
        _ => Err(Error::new(ErrorCode::LOGICAL_ERROR, "expected two arguments")),
    }
}

/// Types no kernel handles yet: Decimal256.
fn too_wide(t: &ChType) -> bool {
    matches!(t.base(), ChType::Decimal(p, _) if *p > 38)
}

/// (U)Int128 and (U)Int256: stored as bytes, computed in 256-bit kernels (`types::wide`).
fn is_128(t: &ChType) -> bool {
    matches!(t.base(), ChType::Int128 | ChType::UInt128 | ChType::Int256 | ChType::UInt256)
}

/// Arguments `i` (all rows; scalars expanded) as exact wide integers.
fn wide_ints(k: &KernelArgs, i: usize) -> DfResult<(Vec<Wide>, Option<NullBuffer>)> {
    let rows = if k.all_scalar() { 1 } else { k.rows };
    let arr = k.args[i].to_array(rows)?;
    let vals = cast_kernel::read_wide(arr.as_ref(), k.arg_types[i].base()).map_err(Error::into_datafusion)?;
    Ok((vals, arr.logical_nulls()))
}

/// `+ - *` on (U)Int128/(U)Int256, which Arrow cannot compute: wrapping 256-bit
/// arithmetic (the same bits for signed and unsigned), written in the result's width.
fn wide_arith(k: &KernelArgs, op: ArithOp) -> DfResult<ColumnarValue> {
    let (a, na) = wide_ints(k, 0)?;
    let (b, nb) = wide_ints(k, 1)?;
    let nulls = NullBuffer::union(na.as_ref(), nb.as_ref());
    let unsigned = k.ret.base().is_unsigned_int();
    let out: Vec<Wide> = a
        .iter()
        .zip(&b)
        .map(|(x, y)| {
            let (x, y) = (x.bits(), y.bits());
            let bits = match op {
                ArithOp::Plus => x.wrapping_add(y),
                ArithOp::Minus => x.wrapping_sub(y),
                ArithOp::Multiply => x.wrapping_mul(y),
            };
            Wide::from_bits(bits, unsigned)
        })
        .collect();
    let arr = cast_kernel::write_wide(&out, nulls.as_ref(), k.ret.base()).map_err(Error::into_datafusion)?;
    finish(k, arr)
}

fn wide_plus(k: &KernelArgs) -> DfResult<ColumnarValue> {
    wide_arith(k, ArithOp::Plus)
}
fn wide_minus(k: &KernelArgs) -> DfResult<ColumnarValue> {
    wide_arith(k, ArithOp::Minus)
}
fn wide_multiply(k: &KernelArgs) -> DfResult<ColumnarValue> {
    wide_arith(k, ArithOp::Multiply)
}

fn wide_not_implemented(name: &str, t: &ChType) -> Error {
    Error::new(ErrorCode::NOT_IMPLEMENTED, format!("Function {name} on {t} is not implemented yet"))
}

fn arith(ctx: &FunctionContext, args: Vec<TypedExpr>, op: ArithOp) -> Result<TypedExpr> {
    check_arg_count(&ctx.name, &args, 2, 2)?;
    if args.iter().any(|a| a.ty.is_nothing()) {
        return Ok(null_result());
    }
    let (a, b) = (args[0].ty.base().clone(), args[1].ty.base().clone());
    if a.is_date_or_datetime()
        || b.is_date_or_datetime()
        || matches!(a, ChType::Interval(_))
        || matches!(b, ChType::Interval(_))
    {
        return date_arith::bind(ctx, args, op);
    }
    let t = arithmetic_result(op, &a, &b)?;
    let ret = propagate_null(&args, t.clone());
    if too_wide(&t) {
        if a.is_float() || b.is_float() {
            return Err(wide_not_implemented(&ctx.name, &t));
        }
        let kernel: super::Kernel = match op {
            ArithOp::Plus => decimal256_plus,
            ArithOp::Minus => decimal256_minus,
            ArithOp::Multiply => decimal256_multiply,
        };
        return call(&ctx.name, kernel, args, ret);
    }
    if is_128(&t) && !t.is_decimal() {
        let kernel: super::Kernel = match op {
            ArithOp::Plus => wide_plus,
            ArithOp::Minus => wide_minus,
            ArithOp::Multiply => wide_multiply,
        };
        if a.is_float() || b.is_float() {
            return Err(wide_not_implemented(&ctx.name, &t));
        }
        return call(&ctx.name, kernel, args, ret);
    }
    let (x, y) = two(args)?;
    if t.is_decimal() {
        // Each side keeps its own scale; the kernel computes exactly and checks the precision.
        let x = cast_keep_null(ctx, x, &decimal_of(&a, None))?;
        let y = cast_keep_null(ctx, y, &decimal_of(&b, None))?;
        let kernel: super::Kernel = match op {
            ArithOp::Plus => decimal_plus,
            ArithOp::Minus => decimal_minus,
            ArithOp::Multiply => decimal_multiply,
        };
        return call(&ctx.name, kernel, vec![x, y], ret);
    }
    let dop = match op {
        ArithOp::Plus => Operator::Plus,
        ArithOp::Minus => Operator::Minus,
        ArithOp::Multiply => Operator::Multiply,
    };
    let x = cast_keep_null(ctx, x, &t)?;
    let y = cast_keep_null(ctx, y, &t)?;
    Ok(TypedExpr::new(binary_expr(x.expr, dop, y.expr), ret))
}

/// A numeric type as a Decimal128 (integers with scale 0), optionally rescaled to `scale`.
fn decimal_of(t: &ChType, scale: Option<u8>) -> ChType {
    let (p, s) = match t {
        ChType::Decimal(p, s) => (*p, *s),
        ChType::Bool | ChType::UInt8 | ChType::Int8 => (3, 0),
        ChType::UInt16 | ChType::Int16 => (5, 0),
        ChType::UInt32 | ChType::Int32 => (10, 0),
        _ => (20, 0),
    };
    match scale {
        Some(sc) if sc > s => ChType::Decimal((p + (sc - s)).min(38), sc),
        _ => ChType::Decimal(p.min(38), s),
    }
}

fn decimal_overflow() -> datafusion::error::DataFusionError {
    Error::new(ErrorCode::DECIMAL_OVERFLOW, "Decimal math overflow").into_datafusion()
}

/// Decimal `+ - *` with ClickHouse's result scale and overflow check (407).
fn decimal_arith(k: &KernelArgs, op: ArithOp) -> DfResult<ColumnarValue> {
    let scale = |t: &ChType| match t.base() {
        ChType::Decimal(_, s) => *s as u32,
        _ => 0,
    };
    let (sa, sb) = (scale(&k.arg_types[0]), scale(&k.arg_types[1]));
    let (p, s) = match k.ret.base() {
        ChType::Decimal(p, s) => (*p as u32, *s as u32),
        _ => (38, 0),
    };
    let rows = if k.all_scalar() { 1 } else { k.rows };
    let (a, b) = (k.args[0].to_array(rows)?, k.args[1].to_array(rows)?);
    let (a, b) = (a.as_primitive::<Decimal128Type>(), b.as_primitive::<Decimal128Type>());
    let nulls = NullBuffer::union(a.nulls(), b.nulls());
    let (ma, mb) = (cast_kernel::pow10(s.saturating_sub(sa)), cast_kernel::pow10(s.saturating_sub(sb)));
    let mut out = Vec::with_capacity(rows);
    for i in 0..rows {
        if nulls.as_ref().is_some_and(|n| n.is_null(i)) {
            out.push(0);
            continue;
        }
        let (x, y) = (a.value(i), b.value(i));
        let v = match op {
            ArithOp::Plus => x.checked_mul(ma).zip(y.checked_mul(mb)).and_then(|(x, y)| x.checked_add(y)),
            ArithOp::Minus => x.checked_mul(ma).zip(y.checked_mul(mb)).and_then(|(x, y)| x.checked_sub(y)),
            ArithOp::Multiply => x.checked_mul(y),
        }
        .ok_or_else(decimal_overflow)?;
        if !cast_kernel::fits_decimal_storage(v, p) {
            return Err(decimal_overflow());
        }
        out.push(v);
    }
    let arr = arrow::array::Decimal128Array::new(out.into(), nulls).with_data_type(k.ret.to_arrow());
    finish(k, Arc::new(arr))
}

/// `+ - *` with a Decimal256 result: computed in 256 bits, wrapping as ClickHouse does (chdb:
/// toDecimal256('5e75', 0) + toDecimal256('5e75', 0) = 1e76, no overflow error).
fn decimal256_arith(k: &KernelArgs, op: ArithOp) -> DfResult<ColumnarValue> {
    use arrow::datatypes::i256;
    let rows = if k.all_scalar() { 1 } else { k.rows };
    let (a, b) = (k.args[0].to_array(rows)?, k.args[1].to_array(rows)?);
    let nulls = NullBuffer::union(a.logical_nulls().as_ref(), b.logical_nulls().as_ref());
    let s = match k.ret.base() {
        ChType::Decimal(_, s) => *s as u32,
        _ => 0,
    };
    let (xa, sa) = cast_kernel::read_dec256(a.as_ref(), k.arg_types[0].base()).map_err(Error::into_datafusion)?;
    let (xb, sb) = cast_kernel::read_dec256(b.as_ref(), k.arg_types[1].base()).map_err(Error::into_datafusion)?;
    let ten = |n: u32| i256::from_i128(10).wrapping_pow(n);
    let (ma, mb) = (ten(s.saturating_sub(sa)), ten(s.saturating_sub(sb)));
    let mut out = Vec::with_capacity(xa.len());
    for (i, (x, y)) in xa.iter().zip(&xb).enumerate() {
        if nulls.as_ref().is_some_and(|n| n.is_null(i)) {
            out.push(i256::ZERO);
            continue;
        }
        let (x, y) = (*x, *y);
        out.push(match op {
            ArithOp::Plus => x.wrapping_mul(ma).wrapping_add(y.wrapping_mul(mb)),
            ArithOp::Minus => x.wrapping_mul(ma).wrapping_sub(y.wrapping_mul(mb)),
            ArithOp::Multiply => x.wrapping_mul(y),
        });
    }
    let arr = arrow::array::Decimal256Array::new(out.into(), nulls).with_data_type(k.ret.to_arrow());
    finish(k, Arc::new(arr))
}

fn decimal256_plus(k: &KernelArgs) -> DfResult<ColumnarValue> {
    decimal256_arith(k, ArithOp::Plus)
}
fn decimal256_minus(k: &KernelArgs) -> DfResult<ColumnarValue> {
    decimal256_arith(k, ArithOp::Minus)
}
fn decimal256_multiply(k: &KernelArgs) -> DfResult<ColumnarValue> {
    decimal256_arith(k, ArithOp::Multiply)
}

fn decimal_plus(k: &KernelArgs) -> DfResult<ColumnarValue> {
    decimal_arith(k, ArithOp::Plus)
}
fn decimal_minus(k: &KernelArgs) -> DfResult<ColumnarValue> {
    decimal_arith(k, ArithOp::Minus)
}
fn decimal_multiply(k: &KernelArgs) -> DfResult<ColumnarValue> {
    decimal_arith(k, ArithOp::Multiply)
}

fn plus(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    arith(ctx, args, ArithOp::Plus)
}
fn minus(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    arith(ctx, args, ArithOp::Minus)
}
fn multiply(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    arith(ctx, args, ArithOp::Multiply)
}

fn illegal_pair(name: &str, a: &ChType, b: &ChType) -> Error {
    Error::new(
        ErrorCode::ILLEGAL_TYPE_OF_ARGUMENT,
        format!("Illegal types {a} and {b} of arguments of function {name}"),
    )
}

fn divide(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    check_arg_count(&ctx.name, &args, 2, 2)?;
    if args.iter().any(|a| a.ty.is_nothing()) {
        return Ok(null_result());
    }
    let (a, b) = (args[0].ty.base().clone(), args[1].ty.base().clone());
    if !a.is_numeric() || !b.is_numeric() {
        return Err(illegal_pair(&ctx.name, &a, &b));
    }
    if (a.is_decimal() || b.is_decimal()) && !a.is_float() && !b.is_float() {
        return decimal_divide(ctx, args, &a, &b);
    }
    let ret = propagate_null(&args, ChType::Float64);
    let (x, y) = two(args)?;
    let x = cast_keep_null(ctx, x, &ChType::Float64)?;
    let y = cast_keep_null(ctx, y, &ChType::Float64)?;
    Ok(TypedExpr::new(binary_expr(x.expr, Operator::Divide, y.expr), ret))
}

/// Decimal / Decimal keeps the dividend's scale (ClickHouse refuses a smaller
/// dividend scale with ARGUMENT_OUT_OF_BOUND 69).
fn decimal_divide(ctx: &FunctionContext, args: Vec<TypedExpr>, a: &ChType, b: &ChType) -> Result<TypedExpr> {
    let (da, db) = (decimal_of(a, None), decimal_of(b, None));
    let (ChType::Decimal(_, sa), ChType::Decimal(_, sb)) = (&da, &db) else {
        return Err(illegal_pair(&ctx.name, a, b));
    };
    if sa < sb {
        return Err(Error::new(ErrorCode::ARGUMENT_OUT_OF_BOUND, "Decimal result's scale is less than argument's one"));
    }
    let t = arithmetic_result(ArithOp::Plus, a, b)?;
    let ChType::Decimal(p, _) = t else {
        return Err(illegal_pair(&ctx.name, a, b));
    };
    if p > 38 {
        return Err(wide_not_implemented(&ctx.name, &t));
    }
    let t = ChType::Decimal(p, *sa);
    let ret = propagate_null(&args, t);
    let (x, y) = two(args)?;
    let x = cast_keep_null(ctx, x, &da)?;
    let y = cast_keep_null(ctx, y, &db)?;
    call("divide", decimal_div_kernel, vec![x, y], ret)
}

fn decimal_div_kernel(k: &KernelArgs) -> DfResult<ColumnarValue> {
    let sb = match k.arg_types[1].base() {
        ChType::Decimal(_, s) => *s as u32,
        _ => 0,
    };
    let (a, b) = (k.array(0)?, k.array(1)?);
    let (a, b) = (a.as_primitive::<Decimal128Type>(), b.as_primitive::<Decimal128Type>());
    let nulls = NullBuffer::union(a.nulls(), b.nulls());
    let mul = cast_kernel::pow10(sb);
    let mut out = Vec::with_capacity(a.len());
    for i in 0..a.len() {
        if nulls.as_ref().is_some_and(|n| n.is_null(i)) {
            out.push(0);
            continue;
        }
        let d = b.value(i);
        if d == 0 {
            return Err(division_by_zero().into_datafusion());
        }
        let v = a
            .value(i)
            .checked_mul(mul)
            .ok_or_else(|| Error::new(ErrorCode::DECIMAL_OVERFLOW, "Decimal math overflow").into_datafusion())?;
        out.push(v / d);
    }
    let arr = arrow::array::Decimal128Array::new(out.into(), nulls).with_data_type(k.ret.to_arrow());
    finish(k, Arc::new(arr))
}

pub(crate) fn division_by_zero() -> Error {
    Error::new(ErrorCode::ILLEGAL_DIVISION, "Division by zero")
}

/// Returns a scalar when every argument was a scalar.
pub(crate) fn finish(k: &KernelArgs, arr: ArrayRef) -> DfResult<ColumnarValue> {
    if k.all_scalar() && !arr.is_empty() {
        return Ok(ColumnarValue::Scalar(ScalarValue::try_from_array(&arr, 0)?));
    }
    Ok(ColumnarValue::Array(arr))
}

/// Reads arguments `i` (all rows; scalars expanded) in the wide form.
pub(crate) fn wide(k: &KernelArgs, i: usize) -> DfResult<(Vals, Option<NullBuffer>)> {
    let rows = if k.all_scalar() { 1 } else { k.rows };
    let arr = k.args[i].to_array(rows)?;
    let vals = cast_kernel::read(arr.as_ref(), k.arg_types[i].base()).map_err(Error::into_datafusion)?;
    Ok((vals, arr.logical_nulls()))
}

/// The minimum of a signed integer type as i128 (for `MIN / -1`).
fn signed_min(t: &ChType) -> Option<i128> {
    if t.is_signed_int() {
        t.bit_width().filter(|b| *b < 128).map(|b| -(1i128 << (b - 1)))
    } else {
        None
    }
}

#[derive(Clone, Copy, PartialEq, Debug)]
enum IntOp {
    Div,
    DivOrZero,
    Mod,
    ModOrZero,
    PositiveMod,
    Gcd,
    Lcm,
}

fn gcd_u(mut a: u128, mut b: u128) -> u128 {
    while b != 0 {
        let t = a % b;
        a = b;
        b = t;
    }
    a
}

/// `intDiv`, `%` and friends when an argument or the result is (U)Int128/(U)Int256: exact wide integers.
fn wide_int_kernel(k: &KernelArgs, op: IntOp) -> DfResult<ColumnarValue> {
    let (a, na) = wide_ints(k, 0)?;
    let (b, nb) = wide_ints(k, 1)?;
    let nulls = NullBuffer::union(na.as_ref(), nb.as_ref());
    let ret = k.ret.base();
    let is_null = |i: usize| nulls.as_ref().is_some_and(|x| x.is_null(i));
    // The minimum of a signed dividend type, for `MIN / -1`.
    let min = match k.arg_types[0].base() {
        ChType::Int128 => Some(Wide::from_i128(i128::MIN)),
        ChType::Int256 => Some(Wide::from_bits(arrow::datatypes::i256::MIN, false)),
        t => signed_min(t).map(Wide::from_i128),
    };
    let minus_one = Wide::from_i128(-1);
    let mut out = Vec::with_capacity(a.len());
    for (i, (p, q)) in a.iter().zip(&b).enumerate() {
        if is_null(i) {
            out.push(Wide::ZERO);
            continue;
        }
        if *q == minus_one && Some(*p) == min {
            match op {
                IntOp::DivOrZero | IntOp::ModOrZero => {
                    out.push(Wide::ZERO);
                    continue;
                }
                IntOp::Div | IntOp::Mod => {
                    return Err(Error::new(
                        ErrorCode::ILLEGAL_DIVISION,
                        "Division of minimal signed number by minus one",
                    )
                    .into_datafusion())
                }
                _ => {}
            }
        }
        let r = match (op, p.div_rem(*q)) {
            (IntOp::DivOrZero | IntOp::ModOrZero, None) => Wide::ZERO,
            (IntOp::Gcd | IntOp::Lcm, _) => {
                return Err(wide_not_implemented(&format!("{op:?}"), ret).into_datafusion());
            }
            (_, None) => return Err(division_by_zero().into_datafusion()),
            (IntOp::Div | IntOp::DivOrZero, Some((d, _))) => d,
            (IntOp::Mod | IntOp::ModOrZero, Some((_, m))) => m,
            (IntOp::PositiveMod, Some((_, m))) => {
                if m.is_negative() {
                    Wide::from_bits(m.bits().wrapping_add(q.abs().bits()), false)
                } else {
                    m
                }
            }
        };
        out.push(r);
    }
    if cast_kernel::is_wide_int(ret) {
        let arr = cast_kernel::write_wide(&out, nulls.as_ref(), ret).map_err(Error::into_datafusion)?;
        return finish(k, arr);
    }
    let n = out.len();
    let vals = Vals::Int(out.iter().map(|w| w.low_i128()).collect());
    let arr = cast_kernel::write(&vals, nulls.as_ref(), n, &ChType::Int128, ret, Mode::Plain)
        .map_err(Error::into_datafusion)?;
    finish(k, arr)
}

fn int_kernel(k: &KernelArgs, op: IntOp) -> DfResult<ColumnarValue> {
    let int = |t: &ChType| t.is_integer() || matches!(t, ChType::Bool);
    let types = [k.arg_types[0].base(), k.arg_types[1].base(), k.ret.base()];
    if types[..2].iter().all(|t| int(t)) && types.iter().any(|t| cast_kernel::is_wide_int(t)) {
        return wide_int_kernel(k, op);
    }
    let (a, na) = wide(k, 0)?;
    let (b, nb) = wide(k, 1)?;
    let nulls = NullBuffer::union(na.as_ref(), nb.as_ref());
    let ret = k.ret.base();
    let n = match &a {
        Vals::Int(v) | Vals::Dec(v, _) => v.len(),
        Vals::Float(v) => v.len(),
    };
    let is_null = |i: usize| nulls.as_ref().is_some_and(|x| x.is_null(i));
    let out = match (&a, &b) {
        (Vals::Int(x), Vals::Int(y)) => {
            let min = signed_min(k.arg_types[0].base());
            let mut out = Vec::with_capacity(n);
            for i in 0..n {
                let (p, q) = (x[i], y[i]);
                if is_null(i) {
                    out.push(0);
                    continue;
                }
                let r = match op {
                    IntOp::Div | IntOp::Mod | IntOp::PositiveMod | IntOp::Gcd | IntOp::Lcm if q == 0 => {
                        return Err(division_by_zero().into_datafusion())
                    }
                    IntOp::Gcd | IntOp::Lcm if p == 0 => return Err(division_by_zero().into_datafusion()),
                    IntOp::DivOrZero | IntOp::ModOrZero if q == 0 => 0,
                    IntOp::DivOrZero | IntOp::ModOrZero if q == -1 && Some(p) == min => 0,
                    IntOp::Div | IntOp::Mod if q == -1 && Some(p) == min => {
                        return Err(Error::new(
                            ErrorCode::ILLEGAL_DIVISION,
                            "Division of minimal signed number by minus one",
                        )
                        .into_datafusion())
                    }
                    IntOp::Div | IntOp::DivOrZero => p.wrapping_div(q),
                    IntOp::Mod | IntOp::ModOrZero => p.wrapping_rem(q),
                    IntOp::PositiveMod => {
                        let r = p.wrapping_rem(q);
                        if r < 0 {
                            r + q.abs()
                        } else {
                            r
                        }
                    }
                    IntOp::Gcd => gcd_u(p.unsigned_abs(), q.unsigned_abs()) as i128,
                    IntOp::Lcm => {
                        let g = gcd_u(p.unsigned_abs(), q.unsigned_abs());
                        ((p.unsigned_abs() / g).wrapping_mul(q.unsigned_abs())) as i128
                    }
                };
                out.push(r);
            }
            Vals::Int(out)
        }
        _ => {
            let f = |v: &Vals, i: usize| match v {
                Vals::Int(x) => x[i] as f64,
                Vals::Float(x) => x[i],
                Vals::Dec(x, s) => x[i] as f64 / cast_kernel::pow10(*s) as f64,
            };
            let mut out = Vec::with_capacity(n);
            for i in 0..n {
                let (p, q) = (f(&a, i), f(&b, i));
                if is_null(i) {
                    out.push(0.0);
                    continue;
                }
                out.push(match op {
                    IntOp::Div | IntOp::Mod | IntOp::PositiveMod if q == 0.0 && ret.is_integer() => {
                        return Err(division_by_zero().into_datafusion())
                    }
                    IntOp::DivOrZero if q == 0.0 => 0.0,
                    IntOp::Div | IntOp::DivOrZero => {
                        let r = (p / q).trunc();
                        if !(-9.223_372_036_854_776e18..9.223_372_036_854_776e18).contains(&r) {
                            return Err(Error::new(
                                ErrorCode::ILLEGAL_DIVISION,
                                "Cannot perform integer division, because it will produce infinite or too large number",
                            )
                            .into_datafusion());
                        }
                        r
                    }
                    IntOp::PositiveMod => {
                        let r = p % q;
                        if r < 0.0 {
                            r + q.abs()
                        } else {
                            r
                        }
                    }
                    _ => p % q,
                });
            }
            Vals::Float(out)
        }
    };
    let from = match out {
        Vals::Int(_) => ChType::Int64,
        _ => ChType::Float64,
    };
    let arr = cast_kernel::write(&out, nulls.as_ref(), n, &from, ret, Mode::Plain).map_err(Error::into_datafusion)?;
    finish(k, arr)
}

fn int_div_kernel(k: &KernelArgs) -> DfResult<ColumnarValue> {
    int_kernel(k, IntOp::Div)
}
fn int_div_or_zero_kernel(k: &KernelArgs) -> DfResult<ColumnarValue> {
    int_kernel(k, IntOp::DivOrZero)
}
fn modulo_kernel(k: &KernelArgs) -> DfResult<ColumnarValue> {
    int_kernel(k, IntOp::Mod)
}
fn modulo_or_zero_kernel(k: &KernelArgs) -> DfResult<ColumnarValue> {
    int_kernel(k, IntOp::ModOrZero)
}
fn positive_modulo_kernel(k: &KernelArgs) -> DfResult<ColumnarValue> {
    int_kernel(k, IntOp::PositiveMod)
}
fn gcd_kernel(k: &KernelArgs) -> DfResult<ColumnarValue> {
    int_kernel(k, IntOp::Gcd)
}
fn lcm_kernel(k: &KernelArgs) -> DfResult<ColumnarValue> {
    int_kernel(k, IntOp::Lcm)
}

fn numeric_args(name: &str, args: &[TypedExpr]) -> Result<()> {
    for a in args {
        let t = a.ty.base();
        if !t.is_numeric() && !t.is_nothing() {
            return Err(illegal_pair(name, args[0].ty.base(), args.get(1).map(|x| x.ty.base()).unwrap_or(t)));
        }
        if too_wide(t) {
            return Err(wide_not_implemented(name, t));
        }
    }
    Ok(())
}

fn int_div_like(ctx: &FunctionContext, args: Vec<TypedExpr>, kernel: super::Kernel, modulo: bool) -> Result<TypedExpr> {
    check_arg_count(&ctx.name, &args, 2, 2)?;
    if args.iter().any(|a| a.ty.is_nothing()) {
        return Ok(null_result());
    }
    numeric_args(&ctx.name, &args)?;
    let (a, b) = (args[0].ty.base(), args[1].ty.base());
    if a.is_decimal() || b.is_decimal() {
        if modulo {
            return Err(wide_not_implemented(&ctx.name, a));
        }
        // intDiv(Decimal(9, 2), UInt8) is Int32 in ClickHouse: the decimal's storage width.
        let t = match a {
            ChType::Decimal(p, _) => ChType::int_of(true, if *p <= 9 { 32 } else { 64 }),
            _ => int_div_result(a, &ChType::Int64)?,
        };
        let ret = propagate_null(&args, t);
        return call(&ctx.name, kernel, args, ret);
    }
    let t = if modulo { modulo_result(a, b)? } else { int_div_result(a, b)? };
    let ret = propagate_null(&args, t);
    call(&ctx.name, kernel, args, ret)
}

fn int_div(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    int_div_like(ctx, args, int_div_kernel, false)
}
fn int_div_or_zero(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    int_div_like(ctx, args, int_div_or_zero_kernel, false)
}
fn modulo(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    int_div_like(ctx, args, modulo_kernel, true)
}
fn modulo_or_zero(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    int_div_like(ctx, args, modulo_or_zero_kernel, true)
}

/// `positiveModulo(a, b)` (`pmod`): the remainder made non-negative; its type is
/// the unsigned integer as wide as the divisor (chdb: Int32, UInt8 → UInt8; Int8, Int8 → UInt8).
fn positive_modulo(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    check_arg_count(&ctx.name, &args, 2, 2)?;
    if args.iter().any(|a| a.ty.is_nothing()) {
        return Ok(null_result());
    }
    numeric_args(&ctx.name, &args)?;
    let (a, b) = (args[0].ty.base(), args[1].ty.base());
    if a.is_decimal() || b.is_decimal() {
        return Err(wide_not_implemented(&ctx.name, a));
    }
    let t =
        if a.is_float() || b.is_float() { ChType::Float64 } else { ChType::int_of(false, b.bit_width().unwrap_or(64)) };
    let ret = propagate_null(&args, t);
    call(&ctx.name, positive_modulo_kernel, args, ret)
}

fn gcd_like(ctx: &FunctionContext, args: Vec<TypedExpr>, kernel: super::Kernel) -> Result<TypedExpr> {
    check_arg_count(&ctx.name, &args, 2, 2)?;
    if args.iter().any(|a| a.ty.is_nothing()) {
        return Ok(null_result());
    }
    let (a, b) = (args[0].ty.base(), args[1].ty.base());
    if !(a.is_integer() || matches!(a, ChType::Bool)) || !(b.is_integer() || matches!(b, ChType::Bool)) {
        return Err(illegal_pair(&ctx.name, a, b));
    }
    let t = arithmetic_result(ArithOp::Plus, a, b)?;
    if too_wide(&t) {
        return Err(wide_not_implemented(&ctx.name, &t));
    }
    let ret = propagate_null(&args, t);
    call(&ctx.name, kernel, args, ret)
}

fn gcd(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    gcd_like(ctx, args, gcd_kernel)
}
fn lcm(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    gcd_like(ctx, args, lcm_kernel)
}

fn one(args: Vec<TypedExpr>) -> Result<TypedExpr> {
    args.into_iter().next().ok_or_else(|| Error::new(ErrorCode::LOGICAL_ERROR, "expected one argument"))
}

/// `-x`: unsigned types become the signed type of twice the width (at most 64 bits).
fn negate(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    check_arg_count(&ctx.name, &args, 1, 1)?;
    let x = one(args)?;
    if x.ty.is_nothing() {
        return Ok(null_result());
    }
    let b = x.ty.base().clone();
    if too_wide(&b) {
        let ret = propagate_null(std::slice::from_ref(&x), b);
        return call("negate", decimal256_negate_kernel, vec![x], ret);
    }
    if is_128(&b) {
        // -UInt128 is Int128, -UInt256 is Int256 (wrapping), as in ClickHouse.
        let t = ChType::int_of(true, b.bit_width().unwrap_or(128));
        let ret = propagate_null(std::slice::from_ref(&x), t);
        return call("negate", wide_negate_kernel, vec![x], ret);
    }
    let t = match &b {
        t if t.is_unsigned_int() || matches!(t, ChType::Bool) => {
            ChType::int_of(true, (t.bit_width().unwrap_or(64) * 2).min(64))
        }
        t if t.is_numeric() => t.clone(),
        ChType::Interval(_) => b.clone(),
        t => return Err(illegal_type(&ctx.name, 0, t)),
    };
    let ret = propagate_null(std::slice::from_ref(&x), t.clone());
    let x = cast_keep_null(ctx, x, &t)?;
    let zero = ScalarValue::new_zero(&t.to_arrow()).map_err(Error::from)?;
    let e = binary_expr(DfExpr::Literal(zero, None), Operator::Minus, x.expr);
    // Arrow widens decimal precision on subtraction; pin the ClickHouse type.
    let e = if t.is_decimal() { DfExpr::Cast(Cast::new(Box::new(e), t.to_arrow())) } else { e };
    Ok(TypedExpr::new(e, ret))
}

fn decimal256_negate_kernel(k: &KernelArgs) -> DfResult<ColumnarValue> {
    let (a, nulls) = wide(k, 0)?;
    let Vals::Dec(v, s) = a else {
        return Err(wide_not_implemented("negate", k.ret).into_datafusion());
    };
    let n = v.len();
    let vals = Vals::Dec(v.into_iter().map(|x| x.wrapping_neg()).collect(), s);
    let arr = cast_kernel::write(&vals, nulls.as_ref(), n, k.ret.base(), k.ret.base(), Mode::Plain)
        .map_err(Error::into_datafusion)?;
    finish(k, arr)
}

fn wide_negate_kernel(k: &KernelArgs) -> DfResult<ColumnarValue> {
    let (a, nulls) = wide_ints(k, 0)?;
    let out: Vec<Wide> = a.iter().map(|w| w.negated()).collect();
    let arr = cast_kernel::write_wide(&out, nulls.as_ref(), k.ret.base()).map_err(Error::into_datafusion)?;
    finish(k, arr)
}

fn wide_abs_kernel(k: &KernelArgs) -> DfResult<ColumnarValue> {
    let (a, nulls) = wide_ints(k, 0)?;
    let out: Vec<Wide> = a.iter().map(|w| w.abs()).collect();
    let arr = cast_kernel::write_wide(&out, nulls.as_ref(), k.ret.base()).map_err(Error::into_datafusion)?;
    finish(k, arr)
}

fn abs_kernel(k: &KernelArgs) -> DfResult<ColumnarValue> {
    if cast_kernel::is_wide_int(k.arg_types[0].base()) {
        return wide_abs_kernel(k);
    }
    let (a, nulls) = wide(k, 0)?;
    let vals = match a {
        Vals::Int(v) => Vals::Int(v.into_iter().map(|x| x.abs()).collect()),
        Vals::Float(v) => Vals::Float(v.into_iter().map(f64::abs).collect()),
        Vals::Dec(v, s) => Vals::Dec(v.into_iter().map(|x| x.abs()).collect(), s),
    };
    let n = match &vals {
        Vals::Int(v) | Vals::Dec(v, _) => v.len(),
        Vals::Float(v) => v.len(),
    };
    let from = match &vals {
        Vals::Int(_) => ChType::Int64,
        _ => k.ret.base().clone(),
    };
    let arr = cast_kernel::write(&vals, nulls.as_ref(), n, &from, k.ret.base(), Mode::Plain)
        .map_err(Error::into_datafusion)?;
    finish(k, arr)
}

/// `abs(x)`: signed integers give the unsigned type of the same width.
fn abs(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    check_arg_count(&ctx.name, &args, 1, 1)?;
    let x = one(args)?;
    if x.ty.is_nothing() {
        return Ok(null_result());
    }
    let b = x.ty.base().clone();
    let t = match &b {
        t if t.is_signed_int() => ChType::int_of(false, t.bit_width().unwrap_or(64)),
        t if t.is_unsigned_int() => return Ok(x.clone()),
        ChType::Bool => ChType::UInt8,
        t if t.is_numeric() => t.clone(),
        t => return Err(illegal_type(&ctx.name, 0, t)),
    };
    let ret = propagate_null(std::slice::from_ref(&x), t);
    call("abs", abs_kernel, vec![x], ret)
}

fn to_interval(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    check_arg_count(&ctx.name, &args, 1, 1)?;
    let kind = ctx
        .name
        .strip_prefix("toInterval")
        .and_then(IntervalKind::from_keyword)
        .ok_or_else(|| Error::new(ErrorCode::UNKNOWN_FUNCTION, ctx.name.clone()))?;
    let x = one(args)?;
    if x.ty.is_nothing() {
        return Ok(null_result());
    }
    // INTERVAL '3' SECOND: ClickHouse parses a string count.
    if !x.ty.base().is_numeric() && !x.ty.base().is_string() {
        return Err(illegal_type(&ctx.name, 0, &x.ty));
    }
    let nullable = x.ty.is_nullable();
    let v = cast_keep_null(ctx, x, &ChType::Int64)?;
    let t = ChType::Interval(kind);
    Ok(TypedExpr::new(v.expr, if nullable { t.nullable() } else { t }))
}

/// Registers the arithmetic functions.
pub fn register(r: &mut FunctionRegistry) {
    r.scalar("plus", Case::Sensitive, plus);
    r.scalar("minus", Case::Sensitive, minus);
    r.scalar("multiply", Case::Sensitive, multiply);
    r.scalar("divide", Case::Sensitive, divide);
    r.scalar("intDiv", Case::Sensitive, int_div);
    r.scalar("intDivOrZero", Case::Sensitive, int_div_or_zero);
    r.scalar("modulo", Case::Sensitive, modulo);
    r.scalar("mod", Case::Insensitive, modulo);
    r.scalar("moduloOrZero", Case::Sensitive, modulo_or_zero);
    r.scalar("positiveModulo", Case::Sensitive, positive_modulo);
    r.scalar("positive_modulo", Case::Sensitive, positive_modulo);
    r.scalar("pmod", Case::Insensitive, positive_modulo);
    r.scalar("negate", Case::Sensitive, negate);
    r.scalar("abs", Case::Insensitive, abs);
    r.scalar("gcd", Case::Sensitive, gcd);
    r.scalar("lcm", Case::Sensitive, lcm);
    for k in [
        "Nanosecond",
        "Microsecond",
        "Millisecond",
        "Second",
        "Minute",
        "Hour",
        "Day",
        "Week",
        "Month",
        "Quarter",
        "Year",
    ] {
        r.scalar(&format!("toInterval{k}"), Case::Sensitive, to_interval);
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use datafusion::scalar::ScalarValue as S;

    fn r(name: &str, args: Vec<super::TypedExpr>) -> (String, S) {
        match run(name, args) {
            Ok(v) => v,
            Err(e) => panic!("{name}: {e}"),
        }
    }

    #[test]
    fn result_types_and_wrapping() {
        // chdb: toTypeName(toUInt8(255)*toUInt8(255)) = UInt16; toUInt64(max)+1 = 0 (UInt64);
        // toInt64(-1)+toUInt64(1) = 0 (Int64); toUInt32(1)-toUInt32(2) = -1 (Int64);
        // toInt64(9223372036854775807)*2 = -2
        assert_eq!(
            r("multiply", vec![int("UInt8", 255), int("UInt8", 255)]),
            ("UInt16".into(), S::UInt16(Some(65025)))
        );
        assert_eq!(r("plus", vec![u64_(u64::MAX), int("UInt8", 1)]), ("UInt64".into(), S::UInt64(Some(0))));
        assert_eq!(r("plus", vec![int("Int64", -1), u64_(1)]), ("Int64".into(), S::Int64(Some(0))));
        assert_eq!(r("minus", vec![int("UInt32", 1), int("UInt32", 2)]), ("Int64".into(), S::Int64(Some(-1))));
        assert_eq!(r("multiply", vec![int("Int64", i64::MAX), int("UInt8", 2)]).1, S::Int64(Some(-2)));
        assert_eq!(r("plus", vec![f64_(1.5), int("Int8", 1)]), ("Float64".into(), S::Float64(Some(2.5))));
        assert_eq!(run_code("plus", vec![str_("a"), int("UInt8", 1)]), 43);
        // chdb: toTypeName(1+NULL) = Nullable(Nothing), toTypeName(toNullable(1)+1) = Nullable(UInt16)
        assert_eq!(r("plus", vec![int("UInt8", 1), null()]).0, "Nullable(Nothing)");
        assert_eq!(
            r("plus", vec![nullable("UInt8", Some(1)), int("UInt8", 1)]),
            ("Nullable(UInt16)".into(), S::UInt16(Some(2)))
        );
    }

    #[test]
    fn division() {
        // chdb: 1/0 = inf, 0/0 = nan, intDiv(1,0) → 153, intDiv(toInt8(-128), -1) → 153,
        // intDiv(-5.5, 2) = -2 (Int64), -5.5 % 2 = -1.5, intDivOrZero(5,0) = 0 (UInt8)
        assert_eq!(
            r("divide", vec![int("UInt8", 1), int("UInt8", 0)]),
            ("Float64".into(), S::Float64(Some(f64::INFINITY)))
        );
        assert!(matches!(r("divide", vec![int("UInt8", 0), int("UInt8", 0)]).1, S::Float64(Some(v)) if v.is_nan()));
        assert_eq!(run_code("intDiv", vec![int("UInt8", 1), int("UInt8", 0)]), 153);
        assert_eq!(run_code("modulo", vec![int("UInt8", 1), int("UInt8", 0)]), 153);
        assert_eq!(run_code("intDiv", vec![int("Int8", -128), int("Int8", -1)]), 153);
        assert_eq!(r("intDiv", vec![f64_(-5.5), int("UInt8", 2)]), ("Int64".into(), S::Int64(Some(-2))));
        assert_eq!(r("modulo", vec![f64_(-5.5), int("UInt8", 2)]), ("Float64".into(), S::Float64(Some(-1.5))));
        assert_eq!(r("intDivOrZero", vec![int("UInt8", 5), int("UInt8", 0)]), ("UInt8".into(), S::UInt8(Some(0))));
        assert_eq!(r("moduloOrZero", vec![int("UInt8", 5), int("UInt8", 0)]).1, S::UInt8(Some(0)));
        // chdb: intDivOrZero(toInt8(-128), toInt8(-1)) = 0, moduloOrZero(5.5, 0) = nan, 5 % 0.0 = nan,
        // intDiv(5.5, 0) → 153, intDiv(1e300, 0.5) → 153
        assert_eq!(r("intDivOrZero", vec![int("Int8", -128), int("Int8", -1)]).1, S::Int8(Some(0)));
        assert!(matches!(r("moduloOrZero", vec![f64_(5.5), int("UInt8", 0)]).1, S::Float64(Some(v)) if v.is_nan()));
        assert!(matches!(r("modulo", vec![int("UInt8", 5), f64_(0.0)]).1, S::Float64(Some(v)) if v.is_nan()));
        assert_eq!(run_code("intDiv", vec![f64_(5.5), int("UInt8", 0)]), 153);
        assert_eq!(run_code("intDiv", vec![f64_(1e300), f64_(0.5)]), 153);
        // chdb: positiveModulo(-7, 3) = 2; positiveModulo(toInt32(-7), toUInt8(3)) UInt8; positiveModulo(-7, -3) = 2 (UInt8);
        // positiveModulo(-7.5, 2) = 0.5
        assert_eq!(r("positiveModulo", vec![int("Int8", -7), int("UInt8", 3)]), ("UInt8".into(), S::UInt8(Some(2))));
        assert_eq!(r("positiveModulo", vec![int("Int32", -7), int("UInt8", 3)]).0, "UInt8");
        assert_eq!(r("pmod", vec![int("Int8", -7), int("Int8", -3)]), ("UInt8".into(), S::UInt8(Some(2))));
        assert_eq!(r("positiveModulo", vec![f64_(-7.5), int("UInt8", 2)]), ("Float64".into(), S::Float64(Some(0.5))));
        // chdb: toTypeName(toInt32(1) % toUInt8(3)) = Int16; -7 % 3 = -1
        assert_eq!(r("modulo", vec![int("Int32", -7), int("UInt8", 3)]), ("Int16".into(), S::Int16(Some(-1))));
        assert_eq!(r("intDiv", vec![int("UInt8", 7), int("Int32", 2)]), ("Int8".into(), S::Int8(Some(3))));
    }

    #[test]
    fn columns_with_nulls() {
        use arrow::array::{Array, AsArray, Float64Array, Int32Array, UInt8Array};
        use std::sync::Arc;
        // chdb: SELECT x % y, intDiv(x, y), x < y, x = 1.5 FROM values('x Nullable(Int32), y UInt8', (10,3),(-7,2),(NULL,1))
        // → (1, 3, 0, 0), (-1, -3, 1, 0), (NULL, NULL, NULL, NULL)
        let b = batch(vec![
            ("x", Arc::new(Int32Array::from(vec![Some(10), Some(-7), None]))),
            ("y", Arc::new(UInt8Array::from(vec![3, 2, 1]))),
            ("f", Arc::new(Float64Array::from(vec![f64::NAN, 1.5, 2.0]))),
        ]);
        let x = || col("x", "Nullable(Int32)");
        let y = || col("y", "UInt8");
        let m = bind("modulo", vec![x(), y()]).unwrap();
        assert_eq!(m.ty.to_string(), "Nullable(Int16)");
        let a = eval_on(&m, &b).unwrap();
        let a = a.as_primitive::<arrow::datatypes::Int16Type>();
        assert_eq!((a.value(0), a.value(1), a.is_null(2)), (1, -1, true));
        let d = eval_on(&bind("intDiv", vec![x(), y()]).unwrap(), &b).unwrap();
        let d = d.as_primitive::<arrow::datatypes::Int32Type>();
        assert_eq!((d.value(0), d.value(1), d.is_null(2)), (3, -3, true));
        let lt = eval_on(&bind("less", vec![x(), y()]).unwrap(), &b).unwrap();
        let lt = lt.as_primitive::<arrow::datatypes::UInt8Type>();
        assert_eq!((lt.value(0), lt.value(1), lt.is_null(2)), (0, 1, true));
        // f > 1 over [nan, 1.5, 2]: 0, 1, 1; f != f: 1, 0, 0
        let f = || col("f", "Float64");
        let gt = eval_on(&bind("greater", vec![f(), int("UInt8", 1)]).unwrap(), &b).unwrap();
        let gt = gt.as_primitive::<arrow::datatypes::UInt8Type>();
        assert_eq!((gt.value(0), gt.value(1), gt.value(2)), (0, 1, 1));
        let ne = eval_on(&bind("notEquals", vec![f(), f()]).unwrap(), &b).unwrap();
        let ne = ne.as_primitive::<arrow::datatypes::UInt8Type>();
        assert_eq!((ne.value(0), ne.value(1)), (1, 0));
        let r = eval_on(&bind("round", vec![f(), int("UInt8", 0)]).unwrap(), &b).unwrap();
        assert_eq!(r.as_primitive::<arrow::datatypes::Float64Type>().value(1), 2.0);
        let zero = batch(vec![("y", Arc::new(UInt8Array::from(vec![1, 0])))]);
        let e = eval_on(&bind("intDiv", vec![int("UInt8", 1), y()]).unwrap(), &zero).unwrap_err();
        assert_eq!(e.code(), 153);
    }

    #[test]
    fn decimals_and_dates_through_a_session() {
        use arrow::array::{AsArray, Date32Array, Decimal128Array};
        use std::sync::Arc;
        let d = Decimal128Array::from(vec![150i128, -125]).with_data_type(arrow::datatypes::DataType::Decimal128(9, 2));
        let b = || {
            batch(vec![("d", Arc::new(d.clone()) as _), ("day", Arc::new(Date32Array::from(vec![19752, 19723])) as _)])
        };
        let col_d = || col("d", "Decimal(9, 2)");
        // d * d: Decimal(9, 4); 1.5 * 1.5 = 2.25, -1.25 * -1.25 = 1.5625
        let e = bind("multiply", vec![col_d(), col_d()]).unwrap();
        assert_eq!(e.ty.to_string(), "Decimal(9, 4)");
        let out = eval_session(&e, None, b()).unwrap();
        let a = out[0].column(0).as_primitive::<arrow::datatypes::Decimal128Type>();
        assert_eq!((a.value(0), a.value(1)), (22500, 15625));
        // d + 1: Decimal(9, 2)
        let e = bind("plus", vec![col_d(), int("UInt8", 1)]).unwrap();
        let out = eval_session(&e, None, b()).unwrap();
        let a = out[0].column(0).as_primitive::<arrow::datatypes::Decimal128Type>();
        assert_eq!((a.value(0), a.value(1)), (250, -25));
        // day + toIntervalMonth(1): 2024-01-31 → 2024-02-29, 2024-01-01 → 2024-02-01
        let m = bind("toIntervalMonth", vec![int("UInt8", 1)]).unwrap();
        let e = bind("plus", vec![col("day", "Date"), m]).unwrap();
        let out = eval_session(&e, None, b()).unwrap();
        let a = out[0].column(0).as_primitive::<arrow::datatypes::Date32Type>();
        assert_eq!((a.value(0), a.value(1)), (19782, 19754));
    }

    #[test]
    fn decimal_arithmetic() {
        // chdb: toDecimal32(1,2)+toDecimal64(1,3) = 2 (Decimal(18, 3)); toDecimal32(1,3)/toDecimal32(3,2) = 0.333 (Decimal(9, 3))
        let d = |v: f64, s: i64| bind("toDecimal32", vec![f64_(v), int("UInt8", s)]).unwrap();
        let d64 = bind("toDecimal64", vec![f64_(1.0), int("UInt8", 3)]).unwrap();
        assert_eq!(r("plus", vec![d(1.0, 2), d64]), ("Decimal(18, 3)".into(), S::Decimal128(Some(2000), 18, 3)));
        assert_eq!(
            r("multiply", vec![d(1.5, 2), d(2.0, 3)]),
            ("Decimal(9, 5)".into(), S::Decimal128(Some(300000), 9, 5))
        );
        assert_eq!(r("divide", vec![d(1.0, 3), d(3.0, 2)]), ("Decimal(9, 3)".into(), S::Decimal128(Some(333), 9, 3)));
        assert_eq!(run_code("divide", vec![d(1.0, 2), d(3.0, 3)]), 69);
        // chdb: toDecimal32(1,5)*toDecimal32(1,5) → 69 (scale 10 > 9); toDecimal32(99999, 4)^2 → 407
        assert_eq!(run_code("multiply", vec![d(1.0, 5), d(1.0, 5)]), 69);
        assert_eq!(run_code("multiply", vec![d(99999.0, 4), d(99999.0, 4)]), 407);
        assert_eq!(r("minus", vec![d(1.0, 2), d(1.5, 3)]).1, S::Decimal128(Some(-500), 9, 3));
        assert_eq!(
            r("plus", vec![d(1.0, 2), int("UInt8", 1)]),
            ("Decimal(9, 2)".into(), S::Decimal128(Some(200), 9, 2))
        );
    }

    #[test]
    fn unary_and_gcd() {
        // chdb: -toUInt8(1) = -1 (Int16); -toInt8(-128) = -128 (Int8); abs(toInt8(-128)) = 128 (UInt8)
        assert_eq!(r("negate", vec![int("UInt8", 1)]), ("Int16".into(), S::Int16(Some(-1))));
        assert_eq!(r("negate", vec![int("Int8", -128)]), ("Int8".into(), S::Int8(Some(-128))));
        assert_eq!(r("negate", vec![u64_(5)]), ("Int64".into(), S::Int64(Some(-5))));
        assert_eq!(r("abs", vec![int("Int8", -128)]), ("UInt8".into(), S::UInt8(Some(128))));
        assert_eq!(r("abs", vec![f64_(-1.5)]), ("Float64".into(), S::Float64(Some(1.5))));
        // chdb: toTypeName(negate(toDecimal32(1,2))) = Decimal(9, 2); abs(toBool(1)) UInt8; -toBool(1) Int16
        let d = bind("toDecimal32", vec![f64_(1.5), int("UInt8", 2)]).unwrap();
        assert_eq!(r("negate", vec![d.clone()]), ("Decimal(9, 2)".into(), S::Decimal128(Some(-150), 9, 2)));
        let nd = bind("negate", vec![d]).unwrap();
        assert_eq!(r("abs", vec![nd]), ("Decimal(9, 2)".into(), S::Decimal128(Some(150), 9, 2)));
        let t = bind("toBool", vec![int("UInt8", 1)]).unwrap();
        assert_eq!(r("negate", vec![t.clone()]), ("Int16".into(), S::Int16(Some(-1))));
        assert_eq!(r("abs", vec![t]), ("UInt8".into(), S::UInt8(Some(1))));
        // chdb: gcd(toInt8(4), toUInt8(6)) type Int16; gcd(12,18)=6; lcm(4,6)=12; gcd(1,0) → 153; gcd(1.5,2) → 43
        assert_eq!(r("gcd", vec![int("Int8", 4), int("UInt8", 6)]), ("Int16".into(), S::Int16(Some(2))));
        assert_eq!(r("gcd", vec![int("UInt8", 12), int("UInt8", 18)]).1, S::UInt16(Some(6)));
        assert_eq!(r("lcm", vec![int("UInt8", 4), int("UInt8", 6)]).1, S::UInt16(Some(12)));
        assert_eq!(run_code("gcd", vec![int("UInt8", 1), int("UInt8", 0)]), 153);
        assert_eq!(run_code("gcd", vec![f64_(1.5), int("UInt8", 2)]), 43);
        // chdb: toTypeName(toInt128(1)+1) = Int128; toUInt256(5)-1 = 4 (256-bit: not yet)
        let big = bind("toInt128", vec![int("Int64", i64::MAX)]).unwrap();
        let sum = bind("plus", vec![big.clone(), big]).unwrap();
        assert_eq!(sum.ty.to_string(), "Int128");
        let back = bind("toFloat64", vec![sum]).unwrap();
        assert_eq!(
            eval(&back).unwrap().as_any().downcast_ref::<arrow::array::Float64Array>().unwrap().value(0),
            1.8446744073709552e19
        );
        // chdb: toUInt256(12345678901234567890) * 1000000000 = 12345678901234567890000000000;
        // toTypeName(toInt256(1) + 1) = Int256; toUInt64(toUInt256(5) - 1) = 4; toInt8(toInt256(-1)) = -1
        let u = bind("toUInt256", vec![u64_(12345678901234567890)]).unwrap();
        let m = bind("multiply", vec![u, int("UInt32", 1000000000)]).unwrap();
        assert_eq!(m.ty.to_string(), "UInt256");
        let back = bind("toFloat64", vec![m]).unwrap();
        assert_eq!(
            eval(&back).unwrap().as_any().downcast_ref::<arrow::array::Float64Array>().unwrap().value(0),
            1.234_567_890_123_456_8e28
        );
        let i = bind("toInt256", vec![int("Int8", -1)]).unwrap();
        assert_eq!(bind("plus", vec![i.clone(), int("UInt8", 1)]).unwrap().ty.to_string(), "Int256");
        assert_eq!(r("toInt8", vec![i]).1, S::Int8(Some(-1)));
        let five = bind("toUInt256", vec![int("UInt8", 5)]).unwrap();
        let four = bind("minus", vec![five, int("UInt8", 1)]).unwrap();
        assert_eq!(r("toUInt64", vec![four]).1, S::UInt64(Some(4)));
        // chdb: toIntervalDay(1.5) = 1, type IntervalDay
        assert_eq!(r("toIntervalDay", vec![f64_(1.5)]), ("IntervalDay".into(), S::Int64(Some(1))));
    }

    /// `toString` of a bound expression.
    fn text(e: super::TypedExpr) -> String {
        match r("toString", vec![e]).1 {
            S::BinaryView(Some(b)) => String::from_utf8(b).unwrap(),
            other => panic!("toString gave {other:?}"),
        }
    }

    #[test]
    fn wide_integers_compute_in_256_bits() {
        let u256_max = "115792089237316195423570985008687907853269984665640564039457584007913129639935";
        let i256_min = "-57896044618658097711785492504343953926634992332820282019728792003956564819968";
        let big = |f: &str, s: &str| bind(f, vec![str_(s)]).unwrap();
        // chdb: toUInt256(max) + 1 = 0; toUInt256(max) * toUInt256(max) = 1; toUInt128(0) - 1 = -1 (Int128)
        assert_eq!(text(bind("plus", vec![big("toUInt256", u256_max), int("UInt8", 1)]).unwrap()), "0");
        assert_eq!(text(bind("multiply", vec![big("toUInt256", u256_max), big("toUInt256", u256_max)]).unwrap()), "1");
        let m = bind("minus", vec![big("toUInt128", "0"), int("UInt8", 1)]).unwrap();
        assert_eq!(m.ty.to_string(), "Int128");
        assert_eq!(text(m), "-1");
        // chdb: toUInt256(12345678901234567890) * toUInt256('100000000000000000000') = 1234567890123456789000000000000000000000
        let p = bind(
            "multiply",
            vec![
                bind("toUInt256", vec![u64_(12345678901234567890)]).unwrap(),
                big("toUInt256", "100000000000000000000"),
            ],
        );
        assert_eq!(text(p.unwrap()), "1234567890123456789000000000000000000000");
        // chdb: intDiv(toUInt256(max), 3) = 38597363079105398474523661669562635951089994888546854679819194669304376546645
        let d = bind("intDiv", vec![big("toUInt256", u256_max), int("UInt8", 3)]).unwrap();
        assert_eq!(text(d), "38597363079105398474523661669562635951089994888546854679819194669304376546645");
        // chdb: intDiv(toInt256(min + 1), 7) = -8270863516951156815969356072049136275233570333260040288532684571993794974281,
        // toInt128(-7) % 3 = -1, positiveModulo(toInt128(-7), 3) = 2
        let x = big("toInt256", "-57896044618658097711785492504343953926634992332820282019728792003956564819967");
        let d = bind("intDiv", vec![x, int("UInt8", 7)]).unwrap();
        assert_eq!(text(d), "-8270863516951156815969356072049136275233570333260040288532684571993794974281");
        assert_eq!(text(bind("modulo", vec![big("toInt128", "-7"), int("UInt8", 3)]).unwrap()), "-1");
        assert_eq!(text(bind("positiveModulo", vec![big("toInt128", "-7"), int("UInt8", 3)]).unwrap()), "2");
        // chdb: intDiv(toInt256(min), -1) → 153; intDivOrZero(toInt256(5), 0) = 0; intDiv(toInt128(1), 0) → 153
        assert_eq!(run_code("intDiv", vec![big("toInt256", i256_min), int("Int8", -1)]), 153);
        assert_eq!(text(bind("intDivOrZero", vec![big("toInt256", "5"), int("UInt8", 0)]).unwrap()), "0");
        assert_eq!(run_code("intDiv", vec![big("toInt128", "1"), int("UInt8", 0)]), 153);
        // chdb: -toUInt128(1) = -1 (Int128); abs(toInt256(min)) = 2^255 (UInt256)
        let n = bind("negate", vec![big("toUInt128", "1")]).unwrap();
        assert_eq!(n.ty.to_string(), "Int128");
        assert_eq!(text(n), "-1");
        let a = bind("abs", vec![big("toInt256", i256_min)]).unwrap();
        assert_eq!(a.ty.to_string(), "UInt256");
        assert_eq!(text(a), "57896044618658097711785492504343953926634992332820282019728792003956564819968");
    }

    #[test]
    fn decimal256_arithmetic() {
        let d = |s: &str, scale: i64| bind("toDecimal256", vec![str_(s), int("UInt8", scale)]).unwrap();
        // chdb: toDecimal256(1.5, 2) + 1 = 2.5 (Decimal(76, 2)); toDecimal256(1, 2) * toDecimal256('1e70', 0) = 1e70;
        // toDecimal256('5e75', 0) + toDecimal256('5e75', 0) = 1e76 (wraps, no 407); -toDecimal256(1.5, 2) = -1.5;
        // abs(toDecimal256(-1, 2)) = 1 (Decimal(76, 2))
        let p = bind("plus", vec![d("1.5", 2), int("UInt8", 1)]).unwrap();
        assert_eq!(p.ty.to_string(), "Decimal(76, 2)");
        assert_eq!(text(p), "2.5");
        let m = bind("multiply", vec![d("1", 2), d("1e70", 0)]).unwrap();
        assert_eq!(text(m), format!("1{}", "0".repeat(70)));
        assert_eq!(text(bind("plus", vec![d("5e75", 0), d("5e75", 0)]).unwrap()), format!("1{}", "0".repeat(76)));
        assert_eq!(text(bind("negate", vec![d("1.5", 2)]).unwrap()), "-1.5");
        let a = bind("abs", vec![d("-1", 2)]).unwrap();
        assert_eq!(a.ty.to_string(), "Decimal(76, 2)");
        assert_eq!(text(a), "1");
    }
}
