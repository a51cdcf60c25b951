//! Tuples: `tuple(a, b, …)` (what `(a, b)` binds to) and `tupleElement(t, i)` /
//! `tupleElement(t, 'name')` (what `t.1` and `t.name` bind to). The index must
//! be a constant: 1-based; out of range is ARGUMENT_OUT_OF_BOUND (69), as in
//! ClickHouse's `tupleElement.cpp`.

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
    }
}
