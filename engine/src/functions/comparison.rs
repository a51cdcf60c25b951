//! Comparisons: `equals`, `notEquals`, `less`, `greater`, `lessOrEquals`,
//! `greaterOrEquals`. The result is UInt8 ([`from_bool`]), Nullable when an
//! argument is. Mirrors ClickHouse `FunctionsComparison.h`.
//!
//! Where DataFusion's semantics match (integers of any signedness, decimals,
//! strings, dates — after casting both sides to one type) the comparison is a
//! plain `BinaryExpr`, so the optimizer can push it into scans. Floats go
//! through a kernel: Arrow orders NaN above everything and compares u64 with
//! f64 inexactly, ClickHouse follows IEEE (NaN is unequal and unordered) and
//! compares integers with floats exactly. A string literal compared with a
//! number or date is parsed as that type, as ClickHouse does.

use std::cmp::Ordering;
use std::sync::Arc;

use arrow::array::BooleanArray;
use arrow::buffer::NullBuffer;
use arrow::datatypes::DataType;
use datafusion::error::Result as DfResult;
use datafusion::functions::core::expr_fn::get_field;
use datafusion::logical_expr::{binary_expr, Cast, ColumnarValue, Expr as DfExpr, Operator};

use super::arithmetic::{cast_keep_null, finish, null_result, propagate_null, wide};
use super::cast_kernel::{self, enum_items, pow10, Vals};
use super::conversion::cast;
use super::udf::call;
use super::{
    as_predicate, check_arg_count, from_bool, Case, FunctionContext, FunctionRegistry, Kernel, KernelArgs, TypedExpr,
};
use crate::error::{Error, ErrorCode, Result};
use crate::types::rules::common_supertype;
use crate::types::ChType;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum CmpOp {
    Eq,
    NotEq,
    Lt,
    Gt,
    LtEq,
    GtEq,
}

impl CmpOp {
    fn operator(self) -> Operator {
        match self {
            CmpOp::Eq => Operator::Eq,
            CmpOp::NotEq => Operator::NotEq,
            CmpOp::Lt => Operator::Lt,
            CmpOp::Gt => Operator::Gt,
            CmpOp::LtEq => Operator::LtEq,
            CmpOp::GtEq => Operator::GtEq,
        }
    }

    /// The result for an ordering (`None` = unordered, i.e. NaN).
    fn test(self, o: Option<Ordering>) -> bool {
        match o {
            None => self == CmpOp::NotEq,
            Some(o) => match self {
                CmpOp::Eq => o == Ordering::Equal,
                CmpOp::NotEq => o != Ordering::Equal,
                CmpOp::Lt => o == Ordering::Less,
                CmpOp::Gt => o == Ordering::Greater,
                CmpOp::LtEq => o != Ordering::Greater,
                CmpOp::GtEq => o != Ordering::Less,
            },
        }
    }

    fn kernel(self) -> Kernel {
        match self {
            CmpOp::Eq => k_eq,
            CmpOp::NotEq => k_ne,
            CmpOp::Lt => k_lt,
            CmpOp::Gt => k_gt,
            CmpOp::LtEq => k_le,
            CmpOp::GtEq => k_ge,
        }
    }
}

fn k_eq(k: &KernelArgs) -> DfResult<ColumnarValue> {
    numeric_kernel(k, CmpOp::Eq)
}
fn k_ne(k: &KernelArgs) -> DfResult<ColumnarValue> {
    numeric_kernel(k, CmpOp::NotEq)
}
fn k_lt(k: &KernelArgs) -> DfResult<ColumnarValue> {
    numeric_kernel(k, CmpOp::Lt)
}
fn k_gt(k: &KernelArgs) -> DfResult<ColumnarValue> {
    numeric_kernel(k, CmpOp::Gt)
}
fn k_le(k: &KernelArgs) -> DfResult<ColumnarValue> {
    numeric_kernel(k, CmpOp::LtEq)
}
fn k_ge(k: &KernelArgs) -> DfResult<ColumnarValue> {
    numeric_kernel(k, CmpOp::GtEq)
}

/// Exact comparison of an integer with a float.
fn cmp_int_float(i: i128, f: f64) -> Option<Ordering> {
    if f.is_nan() {
        return None;
    }
    if f >= 1.7e38 {
        return Some(Ordering::Less);
    }
    if f <= -1.7e38 {
        return Some(Ordering::Greater);
    }
    let t = f.trunc();
    match i.cmp(&(t as i128)) {
        Ordering::Equal => (0.0).partial_cmp(&(f - t)),
        o => Some(o),
    }
}

/// Decimals compare as Float64 against floats (as ClickHouse does).
fn undecimal(v: Vals) -> Vals {
    match v {
        Vals::Dec(x, s) => {
            let d = pow10(s) as f64;
            Vals::Float(x.iter().map(|y| *y as f64 / d).collect())
        }
        other => other,
    }
}

fn cmp_vals(a: &Vals, b: &Vals, i: usize) -> Option<Ordering> {
    match (a, b) {
        (Vals::Int(x), Vals::Int(y)) => Some(x[i].cmp(&y[i])),
        (Vals::Int(x), Vals::Float(y)) => cmp_int_float(x[i], y[i]),
        (Vals::Float(x), Vals::Int(y)) => cmp_int_float(y[i], x[i]).map(Ordering::reverse),
        (Vals::Float(x), Vals::Float(y)) => x[i].partial_cmp(&y[i]),
        // undecimal() removed decimals before the loop
        _ => None,
    }
}

/// Integers of which one is (U)Int128/(U)Int256: compared exactly in 256 bits.
fn wide_int_kernel(k: &KernelArgs, op: CmpOp) -> DfResult<ColumnarValue> {
    let rows = if k.all_scalar() { 1 } else { k.rows };
    let mut cols = Vec::with_capacity(2);
    let mut nulls = Vec::with_capacity(2);
    for i in 0..2 {
        let arr = k.args[i].to_array(rows)?;
        let v = cast_kernel::read_wide(arr.as_ref(), k.arg_types[i].base()).map_err(Error::into_datafusion)?;
        cols.push(v);
        nulls.push(arr.logical_nulls());
    }
    let nulls = NullBuffer::union(nulls[0].as_ref(), nulls[1].as_ref());
    let vals: Vec<bool> = cols[0].iter().zip(&cols[1]).map(|(x, y)| op.test(Some(x.cmp(y)))).collect();
    finish(k, Arc::new(BooleanArray::new(vals.into(), nulls)))
}

/// A Decimal256 against an integer or decimal: compared in 256 bits at the
/// larger scale; rescaling wraps as in ClickHouse (chdb: toDecimal256('1e50', 2)
/// > toDecimal128(5, 30) is 0).
fn decimal256_kernel(k: &KernelArgs, op: CmpOp) -> DfResult<ColumnarValue> {
    use arrow::datatypes::i256;
    let rows = if k.all_scalar() { 1 } else { k.rows };
    let (a, b) = (k.args[0].to_array(rows)?, k.args[1].to_array(rows)?);
    let (xa, sa) = cast_kernel::read_dec256(a.as_ref(), k.arg_types[0].base()).map_err(Error::into_datafusion)?;
    let (xb, sb) = cast_kernel::read_dec256(b.as_ref(), k.arg_types[1].base()).map_err(Error::into_datafusion)?;
    let s = sa.max(sb);
    let ten = |n: u32| i256::from_i128(10).wrapping_pow(n);
    let (ma, mb) = (ten(s - sa), ten(s - sb));
    let nulls = NullBuffer::union(a.logical_nulls().as_ref(), b.logical_nulls().as_ref());
    let vals: Vec<bool> =
        xa.iter().zip(&xb).map(|(x, y)| op.test(Some(x.wrapping_mul(ma).cmp(&y.wrapping_mul(mb))))).collect();
    finish(k, Arc::new(BooleanArray::new(vals.into(), nulls)))
}

fn numeric_kernel(k: &KernelArgs, op: CmpOp) -> DfResult<ColumnarValue> {
    let int = |t: &ChType| t.is_integer() || matches!(t, ChType::Bool);
    let (ta, tb) = (k.arg_types[0].base(), k.arg_types[1].base());
    if int(ta) && int(tb) && (cast_kernel::is_wide_int(ta) || cast_kernel::is_wide_int(tb)) {
        return wide_int_kernel(k, op);
    }
    let dec256 = |t: &ChType| matches!(t, ChType::Decimal(p, _) if *p > 38);
    let exact = |t: &ChType| int(t) || t.is_decimal();
    if exact(ta) && exact(tb) && (dec256(ta) || dec256(tb)) {
        return decimal256_kernel(k, op);
    }
    let (a, na) = wide(k, 0)?;
    let (b, nb) = wide(k, 1)?;
    let (a, b) = (undecimal(a), undecimal(b));
    let nulls = NullBuffer::union(na.as_ref(), nb.as_ref());
    let n = match &a {
        Vals::Int(v) | Vals::Dec(v, _) => v.len(),
        Vals::Float(v) => v.len(),
    };
    let vals: Vec<bool> = (0..n).map(|i| op.test(cmp_vals(&a, &b, i))).collect();
    let arr = BooleanArray::new(vals.into(), nulls);
    finish(k, Arc::new(arr))
}

fn illegal(name: &str, a: &ChType, b: &ChType) -> Error {
    Error::new(ErrorCode::ILLEGAL_TYPE_OF_ARGUMENT, format!("Illegal types of arguments ({a}, {b}) of function {name}"))
}

fn plain_cast(e: DfExpr, t: &DataType) -> DfExpr {
    DfExpr::Cast(Cast::new(Box::new(e), t.clone()))
}

/// Binds a comparison; also used by `nullIf`, `caseWithExpression` and `least`/`greatest`.
pub fn compare(ctx: &FunctionContext, args: Vec<TypedExpr>, op: CmpOp) -> Result<TypedExpr> {
    check_arg_count(&ctx.name, &args, 2, 2)?;
    if args.iter().any(|a| a.ty.is_nothing()) {
        return Ok(null_result());
    }
    let ret = propagate_null(&args, ChType::UInt8);
    let mut it = args.into_iter();
    let (Some(mut x), Some(mut y)) = (it.next(), it.next()) else {
        return Err(Error::new(ErrorCode::LOGICAL_ERROR, "comparison arity"));
    };
    let (a, b) = (x.ty.base().clone(), y.ty.base().clone());
    // An enum against a string: a literal naming an element compares codes (and
    // pushes down); anything else compares the enum's names as strings.
    if let (Some(items), true) = (enum_items(&a), b.is_string()) {
        if let Some(code) = y.literal_str().and_then(|s| items.iter().find(|(n, _)| *n == s).map(|(_, v)| *v)) {
            let v = datafusion::scalar::ScalarValue::Int16(Some(code)).cast_to(&a.to_arrow()).map_err(Error::from)?;
            let e = binary_expr(x.expr, op.operator(), datafusion::logical_expr::lit(v));
            return Ok(TypedExpr::new(from_bool(e).expr, ret));
        }
        let t = if x.ty.is_nullable() { ChType::String.nullable() } else { ChType::String };
        x = cast(ctx, x, &t)?;
        return compare(ctx, vec![x, y], op);
    }
    if let (true, Some(_)) = (a.is_string(), enum_items(&b)) {
        let flipped = match op {
            CmpOp::Lt => CmpOp::Gt,
            CmpOp::Gt => CmpOp::Lt,
            CmpOp::LtEq => CmpOp::GtEq,
            CmpOp::GtEq => CmpOp::LtEq,
            o => o,
        };
        return compare(ctx, vec![y, x], flipped);
    }
    // A string compared with a non-string is parsed as the other side's type.
    if a.is_string_or_fixed() && !b.is_string_or_fixed() {
        let t = if x.ty.is_nullable() { b.clone().nullable() } else { b.clone() };
        x = cast(ctx, x, &t)?;
        return compare(ctx, vec![x, y], op);
    }
    if b.is_string_or_fixed() && !a.is_string_or_fixed() {
        let t = if y.ty.is_nullable() { a.clone().nullable() } else { a.clone() };
        y = cast(ctx, y, &t)?;
        return compare(ctx, vec![x, y], op);
    }
    let with_ret = |e: TypedExpr| TypedExpr::new(e.expr, ret.clone());
    if a.is_numeric() && b.is_numeric() {
        if a.is_float() || b.is_float() {
            if let Some(e) = float_vs_literal(ctx, &x, &y, op)? {
                return Ok(with_ret(from_bool(e)));
            }
            let e = call(&ctx.name, op.kernel(), vec![x, y], ChType::Bool)?;
            return Ok(with_ret(from_bool(e.expr)));
        }
        if a.is_decimal() || b.is_decimal() {
            let scale = [&a, &b].iter().map(|t| if let ChType::Decimal(_, s) = t { *s } else { 0 }).max().unwrap_or(0);
            let t = DataType::Decimal128(38, scale as i8);
            if [&a, &b].iter().any(|t| matches!(t, ChType::Decimal(p, _) if *p > 38)) || scale > 18 {
                let e = call(&ctx.name, op.kernel(), vec![x, y], ChType::Bool)?;
                return Ok(with_ret(from_bool(e.expr)));
            }
            let e = binary_expr(plain_cast(x.expr, &t), op.operator(), plain_cast(y.expr, &t));
            return Ok(with_ret(from_bool(e)));
        }
        let wide = |t: &ChType| t.bit_width().is_some_and(|w| w > 64);
        if wide(&a) || wide(&b) {
            let e = call(&ctx.name, op.kernel(), vec![x, y], ChType::Bool)?;
            return Ok(with_ret(from_bool(e.expr)));
        }
        return match common_supertype(&[a.clone(), b.clone()]) {
            Ok(t) => {
                let x = cast_keep_null(ctx, x, &t)?;
                let y = cast_keep_null(ctx, y, &t)?;
                Ok(with_ret(from_bool(binary_expr(x.expr, op.operator(), y.expr))))
            }
            Err(_) => {
                // UInt64 against a signed type: Decimal(20, 0) holds both exactly.
                let t = DataType::Decimal128(20, 0);
                Ok(with_ret(from_bool(binary_expr(plain_cast(x.expr, &t), op.operator(), plain_cast(y.expr, &t)))))
            }
        };
    }
    if a.is_string_or_fixed() && b.is_string_or_fixed() {
        let xs = if a.is_string() { x.expr } else { plain_cast(x.expr, &DataType::BinaryView) };
        let ys = if b.is_string() { y.expr } else { plain_cast(y.expr, &DataType::BinaryView) };
        return Ok(with_ret(from_bool(binary_expr(xs, op.operator(), ys))));
    }
    if a.is_date_or_datetime() && b.is_date_or_datetime() {
        let t = common_supertype(&[a.clone(), b.clone()]).map_err(|_| illegal(&ctx.name, &a, &b))?;
        let x = cast_keep_null(ctx, x, &t)?;
        let y = cast_keep_null(ctx, y, &t)?;
        return Ok(with_ret(from_bool(binary_expr(x.expr, op.operator(), y.expr))));
    }
    if let (ChType::Tuple(ea, na), ChType::Tuple(eb, nb)) = (&a, &b) {
        if ea.len() == eb.len() && !ea.is_empty() {
            let fa = crate::types::tuple_fields(ea, na.as_deref());
            let fb = crate::types::tuple_fields(eb, nb.as_deref());
            let mut xs = Vec::with_capacity(ea.len());
            let mut ys = Vec::with_capacity(eb.len());
            for i in 0..ea.len() {
                xs.push(TypedExpr::new(get_field(x.expr.clone(), fa[i].name().as_str()), ea[i].clone()));
                ys.push(TypedExpr::new(get_field(y.expr.clone(), fb[i].name().as_str()), eb[i].clone()));
            }
            return tuple_compare(ctx, xs, ys, op);
        }
    }
    if let (ChType::Array(_), ChType::Array(_)) = (&a, &b) {
        // Lexicographic, as DataFusion compares nested lists.
        let t = common_supertype(&[a.clone(), b.clone()]).map_err(|_| illegal(&ctx.name, &a, &b))?;
        let x = cast(ctx, x, &t)?;
        let y = cast(ctx, y, &t)?;
        return Ok(with_ret(from_bool(binary_expr(x.expr, op.operator(), y.expr))));
    }
    let same_storage = a == b
        || (matches!(a, ChType::Enum8(_) | ChType::Int8) && matches!(b, ChType::Enum8(_) | ChType::Int8))
        || (matches!(a, ChType::Enum16(_) | ChType::Int16) && matches!(b, ChType::Enum16(_) | ChType::Int16));
    if same_storage && !matches!(a, ChType::Tuple(..) | ChType::Array(_) | ChType::Map(..)) {
        return Ok(with_ret(from_bool(binary_expr(x.expr, op.operator(), y.expr))));
    }
    Err(illegal(&ctx.name, &a, &b))
}

/// Lexicographic tuple comparison from element comparisons (three-valued, like ClickHouse).
fn tuple_compare(ctx: &FunctionContext, xs: Vec<TypedExpr>, ys: Vec<TypedExpr>, op: CmpOp) -> Result<TypedExpr> {
    let mut nullable = false;
    let mut elem = |x: &TypedExpr, y: &TypedExpr, op: CmpOp| -> Result<DfExpr> {
        let e = compare(ctx, vec![x.clone(), y.clone()], op)?;
        nullable |= e.ty.is_nullable();
        as_predicate(&e)
    };
    let n = xs.len();
    let pred = match op {
        CmpOp::Eq | CmpOp::NotEq => {
            let mut acc: Option<DfExpr> = None;
            for i in 0..n {
                let p = elem(&xs[i], &ys[i], op)?;
                let join = if op == CmpOp::Eq { Operator::And } else { Operator::Or };
                acc = Some(match acc {
                    None => p,
                    Some(a) => binary_expr(a, join, p),
                });
            }
            acc
        }
        _ => {
            // from the last element backwards: x_i op' y_i OR (x_i = y_i AND rest)
            let strict = match op {
                CmpOp::Lt | CmpOp::LtEq => CmpOp::Lt,
                _ => CmpOp::Gt,
            };
            let mut acc = elem(&xs[n - 1], &ys[n - 1], op)?;
            for i in (0..n - 1).rev() {
                let s = elem(&xs[i], &ys[i], strict)?;
                let e = elem(&xs[i], &ys[i], CmpOp::Eq)?;
                acc = binary_expr(s, Operator::Or, binary_expr(e, Operator::And, acc));
            }
            Some(acc)
        }
    };
    let pred = pred.ok_or_else(|| Error::new(ErrorCode::LOGICAL_ERROR, "empty tuple"))?;
    let ret = if nullable { ChType::UInt8.nullable() } else { ChType::UInt8 };
    Ok(TypedExpr::new(from_bool(pred).expr, ret))
}

/// A float column against a constant that the column's type holds exactly (not
/// zero, not NaN) compares with a plain `BinaryExpr`, which DataFusion can push
/// down; Arrow orders NaN (either sign) outside all numbers, so ordering
/// comparisons add `NOT isNaN(column)` to get IEEE's "NaN compares false".
fn float_vs_literal(ctx: &FunctionContext, x: &TypedExpr, y: &TypedExpr, op: CmpOp) -> Result<Option<DfExpr>> {
    let (col, konst, op) = match (x.literal(), y.literal()) {
        (None, Some(_)) => (x, y, op),
        (Some(_), None) => (
            y,
            x,
            match op {
                CmpOp::Lt => CmpOp::Gt,
                CmpOp::Gt => CmpOp::Lt,
                CmpOp::LtEq => CmpOp::GtEq,
                CmpOp::GtEq => CmpOp::LtEq,
                o => o,
            },
        ),
        _ => return Ok(None),
    };
    let ct = col.ty.base();
    if !ct.is_float() {
        return Ok(None);
    }
    let v = match konst.literal_int() {
        Some(i) => {
            let f = i as f64;
            if f as i128 != i {
                return Ok(None);
            }
            f
        }
        None => match konst.literal().map(|l| l.cast_to(&arrow::datatypes::DataType::Float64)) {
            Some(Ok(datafusion::scalar::ScalarValue::Float64(Some(f)))) if konst.ty.base().is_float() => f,
            _ => return Ok(None),
        },
    };
    if !v.is_finite() || v == 0.0 {
        return Ok(None);
    }
    let lit_v = match ct {
        ChType::Float32 => {
            if (v as f32) as f64 != v {
                return Ok(None);
            }
            datafusion::scalar::ScalarValue::Float32(Some(v as f32))
        }
        _ => datafusion::scalar::ScalarValue::Float64(Some(v)),
    };
    let cmp = binary_expr(col.expr.clone(), op.operator(), datafusion::logical_expr::lit(lit_v));
    if matches!(op, CmpOp::Eq | CmpOp::NotEq) {
        return Ok(Some(cmp));
    }
    let nan_ctx = FunctionContext { name: "isNaN".into(), ..ctx.clone() };
    let is_nan = super::misc::is_nan_predicate(&nan_ctx, col.clone())?;
    Ok(Some(binary_expr(cmp, Operator::And, DfExpr::Not(Box::new(is_nan)))))
}

fn equals(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    compare(ctx, args, CmpOp::Eq)
}
fn not_equals(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    compare(ctx, args, CmpOp::NotEq)
}
fn less(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    compare(ctx, args, CmpOp::Lt)
}
fn greater(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    compare(ctx, args, CmpOp::Gt)
}
fn less_or_equals(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    compare(ctx, args, CmpOp::LtEq)
}
fn greater_or_equals(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    compare(ctx, args, CmpOp::GtEq)
}

/// `a <=> b` / `isNotDistinctFrom`: NULL-safe equality, never NULL (UInt8).
fn not_distinct(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<DfExpr> {
    check_arg_count(&ctx.name, &args, 2, 2)?;
    let (x, y) = (args[0].clone(), args[1].clone());
    let is_null = |e: &TypedExpr| DfExpr::IsNull(Box::new(e.expr.clone()));
    match (x.ty.is_nothing(), y.ty.is_nothing()) {
        (true, true) => return Ok(datafusion::logical_expr::lit(true)),
        (true, false) => return Ok(is_null(&y)),
        (false, true) => return Ok(is_null(&x)),
        _ => {}
    }
    let eq_ctx = FunctionContext { name: "equals".into(), ..ctx.clone() };
    let eq = as_predicate(&compare(&eq_ctx, args, CmpOp::Eq)?)?;
    if !x.ty.is_nullable() && !y.ty.is_nullable() {
        return Ok(eq);
    }
    let either = binary_expr(is_null(&x), Operator::Or, is_null(&y));
    let both = binary_expr(is_null(&x), Operator::And, is_null(&y));
    Ok(DfExpr::Case(datafusion::logical_expr::expr::Case::new(
        None,
        vec![(Box::new(either), Box::new(both))],
        Some(Box::new(eq)),
    )))
}

fn is_not_distinct_from(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    Ok(from_bool(not_distinct(ctx, args)?))
}

fn is_distinct_from(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    Ok(from_bool(DfExpr::Not(Box::new(not_distinct(ctx, args)?))))
}

/// Registers the comparison functions.
pub fn register(r: &mut FunctionRegistry) {
    r.scalar("equals", Case::Sensitive, equals);
    r.scalar("notEquals", Case::Sensitive, not_equals);
    r.scalar("less", Case::Sensitive, less);
    r.scalar("greater", Case::Sensitive, greater);
    r.scalar("lessOrEquals", Case::Sensitive, less_or_equals);
    r.scalar("greaterOrEquals", Case::Sensitive, greater_or_equals);
    r.scalar("isNotDistinctFrom", Case::Sensitive, is_not_distinct_from);
    r.scalar("isDistinctFrom", Case::Sensitive, is_distinct_from);
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use super::super::TypedExpr;
    use crate::types::ChType;
    use datafusion::logical_expr::lit;
    use datafusion::scalar::ScalarValue as S;

    fn v(name: &str, args: Vec<TypedExpr>) -> S {
        match run(name, args) {
            Ok((t, v)) => {
                assert!(t == "UInt8" || t == "Nullable(UInt8)" || t == "Nullable(Nothing)", "{t}");
                v
            }
            Err(e) => panic!("{name}: {e}"),
        }
    }
    const T: S = S::UInt8(Some(1));
    const F: S = S::UInt8(Some(0));

    #[test]
    fn nan_and_exact_numbers() {
        // chdb: nan = nan → 0, nan != nan → 1, nan < 1 → 0, nan > 1 → 0,
        // toUInt64(max) = 18446744073709551616.0 → 0, toInt8(-1) < toUInt64(1) → 1, toInt64(-1) = toUInt64(max) → 0
        let nan = || f64_(f64::NAN);
        assert_eq!(v("equals", vec![nan(), nan()]), F);
        assert_eq!(v("notEquals", vec![nan(), nan()]), T);
        assert_eq!(v("less", vec![nan(), int("UInt8", 1)]), F);
        assert_eq!(v("greater", vec![nan(), int("UInt8", 1)]), F);
        assert_eq!(v("equals", vec![u64_(u64::MAX), f64_(18446744073709551616.0)]), F);
        assert_eq!(v("less", vec![u64_(u64::MAX), f64_(18446744073709551616.0)]), T);
        assert_eq!(v("less", vec![int("Int8", -1), u64_(1)]), T);
        assert_eq!(v("equals", vec![int("Int64", -1), u64_(u64::MAX)]), F);
        assert_eq!(v("lessOrEquals", vec![f64_(1.5), int("UInt8", 2)]), T);
        assert_eq!(v("greaterOrEquals", vec![int("Int32", 2), f64_(1.5)]), T);
    }

    #[test]
    fn float_column_against_constants() {
        use arrow::array::{AsArray, Float32Array, Float64Array};
        use std::sync::Arc;
        // IEEE: every comparison with NaN (of either sign) is false except !=.
        let neg_nan = f64::from_bits(0xFFF8_0000_0000_0000);
        let b = batch(vec![
            ("f", Arc::new(Float64Array::from(vec![neg_nan, f64::NAN, 1.5, 2.0, -3.0])) as _),
            ("g", Arc::new(Float32Array::from(vec![f32::NAN, 0.5, 1.5, 2.0, -3.0])) as _),
        ]);
        let check = |name: &str, args: Vec<TypedExpr>, want: [u8; 5]| {
            let e = bind(name, args).unwrap();
            let a = eval_on(&e, &b).unwrap();
            let a = a.as_primitive::<arrow::datatypes::UInt8Type>();
            let got: Vec<u8> = (0..a.len()).map(|i| a.value(i)).collect();
            assert_eq!(got, want.to_vec(), "{name}");
        };
        let f = || col("f", "Float64");
        let g = || col("g", "Float32");
        check("greater", vec![f(), int("UInt8", 1)], [0, 0, 1, 1, 0]);
        check("less", vec![f(), int("UInt8", 2)], [0, 0, 1, 0, 1]);
        check("lessOrEquals", vec![int("UInt8", 2), f()], [0, 0, 0, 1, 0]);
        check("equals", vec![f(), f64_(1.5)], [0, 0, 1, 0, 0]);
        check("notEquals", vec![f(), f64_(1.5)], [1, 1, 0, 1, 1]);
        check("greaterOrEquals", vec![g(), f64_(1.5)], [0, 0, 1, 1, 0]);
        check("less", vec![g(), f64_(0.1)], [0, 0, 0, 0, 1]);
        check("less", vec![f(), f64_(0.0)], [0, 0, 0, 0, 1]);
        let e = bind("greater", vec![f(), int("UInt8", 1)]).unwrap();
        assert!(format!("{}", e.expr).contains("f > Float64(1)"), "{}", e.expr);
    }

    #[test]
    fn types_and_nulls() {
        // chdb: toTypeName(NULL = 1) = Nullable(Nothing); toTypeName(toNullable(1) = 1) = Nullable(UInt8)
        assert_eq!(run("equals", vec![null(), int("UInt8", 1)]).unwrap().0, "Nullable(Nothing)");
        assert_eq!(
            run("equals", vec![nullable("UInt8", Some(1)), int("UInt8", 1)]).unwrap(),
            ("Nullable(UInt8)".into(), T)
        );
        assert_eq!(run("equals", vec![nullable("UInt8", None), int("UInt8", 1)]).unwrap().1, S::UInt8(None));
        assert_eq!(v("less", vec![str_("a"), str_("b")]), T);
        assert_eq!(v("equals", vec![str_("a"), str_("a")]), T);
        // Date vs DateTime: toDate('2024-01-01') < toDateTime('2024-01-01 00:00:01') → 1
        let d = TypedExpr::new(lit(S::Date32(Some(19723))), ChType::Date);
        let t = TypedExpr::new(lit(S::TimestampSecond(Some(1704067201), None)), ChType::DateTime(None));
        assert_eq!(v("less", vec![d, t]), T);
        // chdb: (1, 2) < (1, 3) → 1; (1,2) = (1,2) → 1; (2, 0) >= (1, 9) → 1; (1, NULL) = (1, NULL) → NULL
        let tup = |a: i64, b: Option<i64>| {
            let fields = crate::types::tuple_fields(&[ChType::Int64, ChType::Int64.nullable()], None);
            let arrays: Vec<arrow::array::ArrayRef> = vec![
                std::sync::Arc::new(arrow::array::Int64Array::from(vec![a])),
                std::sync::Arc::new(arrow::array::Int64Array::from(vec![b])),
            ];
            let sa = arrow::array::StructArray::new(fields, arrays, None);
            TypedExpr::new(
                lit(S::Struct(std::sync::Arc::new(sa))),
                ChType::Tuple(vec![ChType::Int64, ChType::Int64.nullable()], None),
            )
        };
        assert_eq!(run("less", vec![tup(1, Some(2)), tup(1, Some(3))]).unwrap(), ("Nullable(UInt8)".into(), T));
        assert_eq!(run("equals", vec![tup(1, Some(2)), tup(1, Some(2))]).unwrap().1, T);
        assert_eq!(run("notEquals", vec![tup(1, Some(2)), tup(1, Some(2))]).unwrap().1, F);
        assert_eq!(run("greaterOrEquals", vec![tup(2, Some(0)), tup(1, Some(9))]).unwrap().1, T);
        assert_eq!(run("greater", vec![tup(1, Some(0)), tup(1, Some(9))]).unwrap().1, F);
        assert_eq!(run("equals", vec![tup(1, None), tup(1, None)]).unwrap().1, S::UInt8(None));
        // chdb: e = 'b' → 0, e = 'a' → 1, e = 'c' → 0, e < 'b' → 1 for e = CAST('a' AS Enum8('a'=1, 'b'=2));
        // CAST(e AS String) = 'a'; CAST('c' AS Enum8(...)) → error; CAST('2' AS Enum8(...)) = 'b'
        let et = crate::types::parse_type("Enum8('a' = 1, 'b' = 2)").unwrap();
        let e = || TypedExpr::new(lit(S::Int8(Some(1))), et.clone());
        assert_eq!(v("equals", vec![e(), str_("b")]), F);
        assert_eq!(v("equals", vec![e(), str_("a")]), T);
        assert_eq!(v("equals", vec![str_("a"), e()]), T);
        assert_eq!(v("less", vec![e(), str_("b")]), T);
        assert_eq!(run("CAST", vec![e(), str_("String")]).unwrap().1, S::BinaryView(Some(b"a".to_vec())));
        let en = "Enum8('a' = 1, 'b' = 2)";
        assert_eq!(run("CAST", vec![str_("2"), str_(en)]).unwrap().1, S::Int8(Some(2)));
        assert_eq!(run("CAST", vec![str_("b"), str_(en)]).unwrap().1, S::Int8(Some(2)));
        assert_ne!(run_code("CAST", vec![str_("c"), str_(en)]), 0);
        assert_ne!(run_code("CAST", vec![int("UInt8", 3), str_(en)]), 0);
        // chdb: [1,2] < [1,3] → 1, [1,2] = [1,2] → 1, [1,2] < [1,2,0] → 1
        let arr = |v: Vec<i64>| {
            let l = arrow::array::ListArray::from_iter_primitive::<arrow::datatypes::Int64Type, _, _>(vec![Some(
                v.into_iter().map(Some).collect::<Vec<_>>(),
            )]);
            TypedExpr::new(lit(S::List(std::sync::Arc::new(l))), ChType::Array(Box::new(ChType::Int64)))
        };
        assert_eq!(v("less", vec![arr(vec![1, 2]), arr(vec![1, 3])]), T);
        assert_eq!(v("equals", vec![arr(vec![1, 2]), arr(vec![1, 2])]), T);
        assert_eq!(v("less", vec![arr(vec![1, 2]), arr(vec![1, 2, 0])]), T);
        assert_eq!(v("greater", vec![arr(vec![2]), arr(vec![1, 9])]), T);
        // chdb: NULL <=> NULL → 1, 1 <=> NULL → 0, 1 <=> 1 → 1 (UInt8); 1 IS DISTINCT FROM NULL → 1
        assert_eq!(run("isNotDistinctFrom", vec![null(), null()]).unwrap(), ("UInt8".into(), T));
        assert_eq!(run("isNotDistinctFrom", vec![int("UInt8", 1), null()]).unwrap().1, F);
        assert_eq!(
            run("isNotDistinctFrom", vec![nullable("UInt8", None), nullable("UInt8", None)]).unwrap(),
            ("UInt8".into(), T)
        );
        assert_eq!(run("isNotDistinctFrom", vec![nullable("UInt8", Some(1)), int("UInt8", 1)]).unwrap().1, T);
        assert_eq!(run("isNotDistinctFrom", vec![nullable("UInt8", None), int("UInt8", 1)]).unwrap().1, F);
        assert_eq!(run("isDistinctFrom", vec![int("UInt8", 1), null()]).unwrap().1, T);
        // FixedString(2) 'ab' = 'ab'
        let fs = TypedExpr::new(lit(S::FixedSizeBinary(2, Some(b"ab".to_vec()))), ChType::FixedString(2));
        assert_eq!(v("equals", vec![fs, str_("ab")]), T);
        // a decimal against an integer
        let dec = bind("toDecimal32", vec![f64_(1.5), int("UInt8", 2)]).unwrap();
        assert_eq!(v("greater", vec![dec, int("UInt8", 1)]), T);
    }

    #[test]
    fn wide_integers_compare_exactly() {
        let big = |f: &str, s: &str| bind(f, vec![str_(s)]).unwrap();
        // chdb: toUInt256(2^128) > toUInt256(2^128 - 1) = 1; toUInt128(max) > 0 = 1;
        // toInt8(-1) < toUInt256(0) = 1; toUInt64(max) < toInt128(2^64) = 1; toInt128(-5) = toInt64(-5) = 1
        let a = big("toUInt256", "340282366920938463463374607431768211456");
        let b = big("toUInt256", "340282366920938463463374607431768211455");
        assert_eq!(v("greater", vec![a, b]), S::UInt8(Some(1)));
        let m = big("toUInt128", "340282366920938463463374607431768211455");
        assert_eq!(v("greater", vec![m, int("UInt8", 0)]), S::UInt8(Some(1)));
        assert_eq!(v("less", vec![int("Int8", -1), big("toUInt256", "0")]), S::UInt8(Some(1)));
        let h = big("toInt128", "18446744073709551616");
        assert_eq!(v("less", vec![u64_(u64::MAX), h]), S::UInt8(Some(1)));
        assert_eq!(v("equals", vec![big("toInt128", "-5"), int("Int64", -5)]), S::UInt8(Some(1)));
        let top = big("toUInt256", "115792089237316195423570985008687907853269984665640564039457584007913129639935");
        assert_eq!(v("less", vec![top, big("toUInt256", "1")]), S::UInt8(Some(0)));
    }

    #[test]
    fn decimal256_compares_in_256_bits() {
        let d = |s: &str, scale: i64| bind("toDecimal256", vec![str_(s), int("UInt8", scale)]).unwrap();
        // chdb: toDecimal256(1, 40) > toDecimal256(0.5, 40) = 1; toDecimal256('2', 2) = 2 is 1;
        // toDecimal256(-3, 40) < toInt256(-2) = 1; toDecimal256('1e50', 2) > toDecimal128(5, 30) = 0 (rescale wraps)
        assert_eq!(v("greater", vec![d("1", 40), d("0.5", 40)]), S::UInt8(Some(1)));
        assert_eq!(v("equals", vec![d("2", 2), int("UInt8", 2)]), S::UInt8(Some(1)));
        let m2 = bind("toInt256", vec![int("Int8", -2)]).unwrap();
        assert_eq!(v("less", vec![d("-3", 40), m2]), S::UInt8(Some(1)));
        let small = bind("toDecimal128", vec![int("UInt8", 5), int("UInt8", 30)]).unwrap();
        assert_eq!(v("greater", vec![d("1e50", 2), small]), S::UInt8(Some(0)));
    }
}
