//! Tuples: `tuple(a, b, …)` (what `(a, b)` binds to) and `tupleElement(t, i)` /
//! `tupleElement(t, 'name')` (what `t.1` and `t.name` bind to). The index must
//! be a constant: 1-based; out of range is ARGUMENT_OUT_OF_BOUND (69), as in
//! ClickHouse's `tupleElement.cpp`. Also `tupleNames`, element-wise tuple
//! arithmetic (`tuplePlus`, `tupleNegate`, …, bound as calls of `plus`, … on
//! the elements) and `dotProduct` / `L2Norm` on tuples and arrays.

use std::sync::Arc;

use arrow::array::{AsArray, StructArray};
use datafusion::error::Result as DfResult;
use datafusion::logical_expr::ColumnarValue;

use super::strings::{finish, logical, out_rows};
use super::udf::call;
use super::{check_arg_count, illegal_type, Case, FunctionContext, FunctionRegistry, KernelArgs, TypedExpr};
use crate::error::{Error, ErrorCode, Result};
use crate::types::{tuple_fields, ChType};

pub fn register(r: &mut FunctionRegistry) {
    r.scalar("tuple", Case::Sensitive, tuple);
    r.scalar("tupleElement", Case::Sensitive, tuple_element);
    r.scalar("tupleNames", Case::Sensitive, tuple_names);
    r.scalar("tuplePlus", Case::Sensitive, |c, a| pairwise(c, a, "plus"));
    r.scalar("tupleMinus", Case::Sensitive, |c, a| pairwise(c, a, "minus"));
    r.scalar("tupleMultiply", Case::Sensitive, |c, a| pairwise(c, a, "multiply"));
    r.scalar("tupleDivide", Case::Sensitive, |c, a| pairwise(c, a, "divide"));
    r.scalar("tupleNegate", Case::Sensitive, tuple_negate);
    r.scalar("tupleMultiplyByNumber", Case::Sensitive, |c, a| by_number(c, a, "multiply"));
    r.scalar("tupleDivideByNumber", Case::Sensitive, |c, a| by_number(c, a, "divide"));
    r.scalar("dotProduct", Case::Sensitive, dot_product);
    r.scalar("L2Norm", Case::Sensitive, l2_norm);
}

/// `dotProduct(a, b)`: tuples through `plus`/`multiply`; arrays by a kernel typed
/// as the elements' product (ClickHouse: `dotProduct([1, 2], [3, 4])` is UInt16).
fn dot_product(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    check_arg_count(&ctx.name, &args, 2, 2)?;
    if let (Some(a), Some(b)) = (args[0].ty.array_element(), args[1].ty.array_element()) {
        let numeric = |t: &ChType| (t.is_integer() || t.is_float()) && !t.is_nullable();
        if !numeric(a) || !numeric(b) {
            let bad = if numeric(a) { b } else { a };
            return Err(Error::new(
                ErrorCode::ILLEGAL_TYPE_OF_ARGUMENT,
                format!("Function arrayDotProduct cannot process values of type {bad}"),
            ));
        }
        let ret = crate::types::rules::arithmetic_result(crate::types::rules::ArithOp::Multiply, a, b)?;
        return call("dotProduct", dot_kernel, args, ret);
    }
    let products = elements(ctx, &args[0], 0)?
        .into_iter()
        .zip(elements(ctx, &args[1], 1)?)
        .map(|(x, y)| bind_call(ctx, "multiply", vec![x, y]))
        .collect::<Result<Vec<_>>>()?;
    sum_all(ctx, products)
}

fn sum_all(ctx: &FunctionContext, parts: Vec<TypedExpr>) -> Result<TypedExpr> {
    let mut it = parts.into_iter();
    let Some(mut acc) = it.next() else {
        return Err(Error::new(ErrorCode::ILLEGAL_TYPE_OF_ARGUMENT, format!("{}: empty tuple", ctx.name)));
    };
    for x in it {
        acc = bind_call(ctx, "plus", vec![acc, x])?;
    }
    Ok(acc)
}

/// `L2Norm(v)`: sqrt of the sum of squares, Float64.
fn l2_norm(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    check_arg_count(&ctx.name, &args, 1, 1)?;
    if let Some(e) = args[0].ty.array_element() {
        if !(e.is_integer() || e.is_float()) || e.is_nullable() {
            return Err(illegal_type(&ctx.name, 0, &args[0].ty));
        }
        let two = vec![args[0].clone(), args[0].clone()];
        let ret = ChType::Float64;
        let sq = call("dotProduct", dot_kernel, two, ret)?;
        return bind_call(ctx, "sqrt", vec![sq]);
    }
    let squares = elements(ctx, &args[0], 0)?
        .into_iter()
        .map(|x| bind_call(ctx, "multiply", vec![x.clone(), x]))
        .collect::<Result<Vec<_>>>()?;
    let s = sum_all(ctx, squares)?;
    bind_call(ctx, "sqrt", vec![s])
}

fn dot_kernel(k: &KernelArgs) -> DfResult<ColumnarValue> {
    use arrow::array::Array;
    use arrow::datatypes::{DataType, Float64Type, Int64Type};
    let n = out_rows(k);
    let a = super::arrays::list_arg(k, 0, n)?;
    let b = super::arrays::list_arg(k, 1, n)?;
    let float = k.ret.is_float();
    let mut f_out = Vec::with_capacity(n);
    let mut i_out = Vec::with_capacity(n);
    let (fa, fb) = if float {
        (arrow::compute::cast(a.values(), &DataType::Float64)?, arrow::compute::cast(b.values(), &DataType::Float64)?)
    } else {
        (arrow::compute::cast(a.values(), &DataType::Int64)?, arrow::compute::cast(b.values(), &DataType::Int64)?)
    };
    for row in 0..n {
        let (sa, ea) = super::arrays::bounds(a.value_offsets(), row);
        let (sb, eb) = super::arrays::bounds(b.value_offsets(), row);
        if ea - sa != eb - sb {
            return Err(Error::new(
                ErrorCode::BAD_ARGUMENTS,
                "Array arguments for function dotProduct must have equal sizes",
            )
            .into_datafusion());
        }
        if float {
            let (x, y) = (fa.as_primitive::<Float64Type>(), fb.as_primitive::<Float64Type>());
            f_out.push((0..ea - sa).map(|j| x.value(sa + j) * y.value(sb + j)).sum::<f64>());
        } else {
            let (x, y) = (fa.as_primitive::<Int64Type>(), fb.as_primitive::<Int64Type>());
            i_out.push(
                (0..ea - sa).fold(0i64, |acc, j| acc.wrapping_add(x.value(sa + j).wrapping_mul(y.value(sb + j)))),
            );
        }
    }
    let out: arrow::array::ArrayRef = if float {
        Arc::new(arrow::array::Float64Array::from(f_out))
    } else {
        Arc::new(arrow::array::Int64Array::from(i_out))
    };
    let out = if out.is_empty() { out } else { arrow::compute::cast(&out, &k.ret.to_arrow())? };
    finish(k, out)
}

/// The built-in registry, to bind element-wise calls (`plus` of two elements, …).
static REGISTRY: std::sync::LazyLock<Arc<FunctionRegistry>> = std::sync::LazyLock::new(FunctionRegistry::builtin);

/// A type name as ClickHouse's `toTypeName` prints it: named tuples one element per
/// line, indented four spaces per level (`Tuple(\n    a UInt8,\n    b String)`).
pub fn pretty_type_name(t: &ChType) -> String {
    let mut out = String::new();
    write_pretty(&mut out, t, 0);
    out
}

fn write_pretty(out: &mut String, t: &ChType, indent: usize) {
    match t {
        ChType::Nullable(x) | ChType::LowCardinality(x) | ChType::Array(x) => {
            let wrapper = match t {
                ChType::Nullable(_) => "Nullable(",
                ChType::LowCardinality(_) => "LowCardinality(",
                _ => "Array(",
            };
            out.push_str(wrapper);
            write_pretty(out, x, indent);
            out.push(')');
        }
        ChType::Map(k, v) => {
            out.push_str("Map(");
            write_pretty(out, k, indent);
            out.push_str(", ");
            write_pretty(out, v, indent);
            out.push(')');
        }
        ChType::Tuple(elems, Some(names)) if !elems.is_empty() => {
            out.push_str("Tuple(");
            for (i, (e, n)) in elems.iter().zip(names).enumerate() {
                if i > 0 {
                    out.push(',');
                }
                out.push('\n');
                out.push_str(&" ".repeat(indent + 4));
                out.push_str(n);
                out.push(' ');
                write_pretty(out, e, indent + 4);
            }
            out.push(')');
        }
        ChType::Tuple(elems, None) => {
            out.push_str("Tuple(");
            for (i, e) in elems.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                write_pretty(out, e, indent);
            }
            out.push(')');
        }
        other => out.push_str(&other.to_string()),
    }
}

/// The built-in registry (for functions that look up other functions by name).
pub(crate) fn registry() -> &'static FunctionRegistry {
    &REGISTRY
}

/// Binds `name(args)` through the built-in registry.
pub(crate) fn bind_call(ctx: &FunctionContext, name: &str, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    let c = FunctionContext { name: name.to_string(), ..ctx.clone() };
    REGISTRY.bind_scalar(&c, args)
}

/// The elements of tuple `t` as `tupleElement(t, i)` expressions.
pub(crate) fn elements(ctx: &FunctionContext, t: &TypedExpr, arg: usize) -> Result<Vec<TypedExpr>> {
    let ChType::Tuple(elems, _) = t.ty.base() else { return Err(illegal_type(&ctx.name, arg, &t.ty)) };
    (1..=elems.len())
        .map(|i| {
            let idx = TypedExpr::new(
                datafusion::logical_expr::lit(datafusion::scalar::ScalarValue::UInt64(Some(i as u64))),
                ChType::UInt64,
            );
            bind_call(ctx, "tupleElement", vec![t.clone(), idx])
        })
        .collect()
}

/// `tuplePlus(a, b)` …: `op` on elements at equal positions.
fn pairwise(ctx: &FunctionContext, args: Vec<TypedExpr>, op: &str) -> Result<TypedExpr> {
    check_arg_count(&ctx.name, &args, 2, 2)?;
    let a = elements(ctx, &args[0], 0)?;
    let b = elements(ctx, &args[1], 1)?;
    if a.len() != b.len() {
        return Err(Error::new(
            ErrorCode::BAD_ARGUMENTS,
            format!(
                "Expected tuples of the same size as arguments of function {}. Got {} and {}",
                ctx.name, args[0].ty, args[1].ty
            ),
        ));
    }
    let parts = a.into_iter().zip(b).map(|(x, y)| bind_call(ctx, op, vec![x, y])).collect::<Result<Vec<_>>>()?;
    tuple(ctx, parts)
}

fn tuple_negate(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    check_arg_count(&ctx.name, &args, 1, 1)?;
    let parts = elements(ctx, &args[0], 0)?
        .into_iter()
        .map(|x| bind_call(ctx, "negate", vec![x]))
        .collect::<Result<Vec<_>>>()?;
    tuple(ctx, parts)
}

fn by_number(ctx: &FunctionContext, args: Vec<TypedExpr>, op: &str) -> Result<TypedExpr> {
    check_arg_count(&ctx.name, &args, 2, 2)?;
    let parts = elements(ctx, &args[0], 0)?
        .into_iter()
        .map(|x| bind_call(ctx, op, vec![x, args[1].clone()]))
        .collect::<Result<Vec<_>>>()?;
    tuple(ctx, parts)
}

/// `tupleNames(t)`: the element names (empty strings for an unnamed tuple… ClickHouse
/// gives the positions' names only for named tuples).
fn tuple_names(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    check_arg_count(&ctx.name, &args, 1, 1)?;
    let ChType::Tuple(elems, names) = args[0].ty.base() else { return Err(illegal_type(&ctx.name, 0, &args[0].ty)) };
    let names: Vec<String> = match names {
        Some(n) => n.clone(),
        None => (1..=elems.len()).map(|i| i.to_string()).collect(),
    };
    let parts = names
        .into_iter()
        .map(|n| {
            TypedExpr::new(
                datafusion::logical_expr::lit(datafusion::scalar::ScalarValue::BinaryView(Some(n.into_bytes()))),
                ChType::String,
            )
        })
        .collect();
    bind_call(ctx, "array", parts)
}

fn tuple(_ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    let t = ChType::Tuple(args.iter().map(|a| a.ty.clone()).collect(), None);
    if args.is_empty() {
        // DataFusion calls need an argument: `()` is a literal.
        let v = datafusion::scalar::ScalarValue::Struct(Arc::new(StructArray::new_empty_fields(1, None)));
        return Ok(TypedExpr::new(datafusion::logical_expr::lit(v), t));
    }
    call("tuple", tuple_kernel, args, t)
}

fn tuple_kernel(k: &KernelArgs) -> DfResult<ColumnarValue> {
    let n = out_rows(k);
    let ChType::Tuple(elems, names) = k.ret else { return Err(logical("tuple of a non-tuple type".into())) };
    let cols = k.args.iter().map(|a| a.to_array(n)).collect::<DfResult<Vec<_>>>()?;
    let arr = if cols.is_empty() {
        StructArray::new_empty_fields(n, None)
    } else {
        StructArray::try_new(tuple_fields(elems, names.as_deref()), cols, None)?
    };
    finish(k, Arc::new(arr))
}

fn tuple_element(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    check_arg_count(&ctx.name, &args, 2, 3)?;
    let ChType::Tuple(elems, names) = args[0].ty.base().clone() else {
        return Err(illegal_type(&ctx.name, 0, &args[0].ty));
    };
    let idx = if let Some(i) = args[1].literal_int() {
        if i < 1 || i as usize > elems.len() {
            return Err(Error::new(
                ErrorCode::ARGUMENT_OUT_OF_BOUND,
                format!("Tuple doesn't have element with index '{i}'"),
            ));
        }
        (i - 1) as usize
    } else if let Some(name) = args[1].literal_str() {
        let pos = names.as_ref().and_then(|ns| ns.iter().position(|n| *n == name));
        match pos {
            Some(p) => p,
            None => {
                return Err(Error::new(
                    ErrorCode::BAD_ARGUMENTS,
                    format!("Tuple doesn't have element with name '{name}'"),
                ))
            }
        }
    } else {
        return Err(Error::new(
            ErrorCode::ILLEGAL_TYPE_OF_ARGUMENT,
            "Second argument to tupleElement must be a constant UInt or String",
        ));
    };
    let ret = elems[idx].clone();
    let idx_arg = TypedExpr::new(
        datafusion::logical_expr::lit(datafusion::scalar::ScalarValue::UInt64(Some(idx as u64))),
        ChType::UInt64,
    );
    call("tupleElement", element_kernel, vec![args[0].clone(), idx_arg], ret)
}

fn element_kernel(k: &KernelArgs) -> DfResult<ColumnarValue> {
    let n = out_rows(k);
    let t = k.args[0].to_array(n)?;
    let Some(s) = t.as_struct_opt() else { return Err(logical("tupleElement of a non-struct".into())) };
    let idx = super::strings::IntCol::new(&k.args[1])?.get(0).unwrap_or(0);
    let col = usize::try_from(idx).ok().and_then(|i| s.columns().get(i)).cloned();
    match col {
        Some(c) => finish(k, c),
        None => Err(logical("tupleElement index".into())),
    }
}

#[cfg(test)]
mod tests {
    use crate::functions::strings::testing::*;
    use crate::types::ChType;

    #[test]
    fn tuples() {
        // Checked with chdb 26.9.
        let t = || bind("tuple", vec![int(1, ChType::UInt8), s("a")]).unwrap();
        assert_eq!(t().ty.to_string(), "Tuple(UInt8, String)");
        assert_eq!(run("tupleElement", vec![t(), int(2, ChType::UInt8)]), "a");
        assert_eq!(run("tupleElement", vec![t(), int(1, ChType::UInt8)]), "1");
        assert_eq!(err_code("tupleElement", vec![t(), int(3, ChType::UInt8)]), 69);
        assert_eq!(ty("tuple", vec![]), "Tuple()");
        // chdb: toTypeName(CAST((1, (2, 'a')) AS Tuple(a UInt8, b Tuple(c UInt8, d String))))
        let t = crate::types::parse_type("Array(Tuple(a UInt8, b Tuple(c UInt8, d String)))").unwrap();
        assert_eq!(
            super::pretty_type_name(&t),
            "Array(Tuple(\n    a UInt8,\n    b Tuple(\n        c UInt8,\n        d String)))"
        );
    }
}
