//! `arrayReduce('agg', arr…)`: runs an aggregate function (with combinators,
//! without parameters) over each row's array elements, through the aggregate
//! states of `crate::aggregates` (the same code as GROUP BY).

use std::sync::Arc;

use arrow::array::{Array, ArrayRef};
use datafusion::error::Result as DfResult;
use datafusion::logical_expr::ColumnarValue;
use datafusion::scalar::ScalarValue;

use super::{bounds, elem_of, list_arg};
use crate::aggregates::udaf::AggregateFunction;
use crate::error::{Error, ErrorCode, Result};
use crate::functions::strings::{finish, logical, out_rows};
use crate::functions::udf::call;
use crate::functions::{check_arg_count, illegal_type, Case, FunctionContext, FunctionRegistry, KernelArgs, TypedExpr};
use crate::types::ChType;

pub fn register(r: &mut FunctionRegistry) {
    r.scalar("arrayReduce", Case::Sensitive, array_reduce);
}

/// The aggregate named `name` over arguments of types `args`.
fn build(name: &str, args: &[ChType]) -> Result<Arc<dyn AggregateFunction>> {
    let registry = crate::functions::tuples::registry();
    let Some((base, combs)) = crate::aggregates::resolve(registry, name) else {
        return Err(Error::new(ErrorCode::UNKNOWN_AGGREGATE_FUNCTION, format!("Unknown aggregate function {name}")));
    };
    crate::aggregates::build_chain(&base, &combs, &[], args)
}

fn array_reduce(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    check_arg_count(&ctx.name, &args, 2, usize::MAX)?;
    let Some(name) = args[0].literal_str() else {
        return Err(Error::new(
            ErrorCode::ILLEGAL_COLUMN,
            "The first argument for function arrayReduce must be constant string: name of aggregate function",
        ));
    };
    let mut elems = Vec::new();
    for (i, a) in args.iter().enumerate().skip(1) {
        match elem_of(&a.ty) {
            Some(e) => elems.push(e.clone()),
            None => return Err(illegal_type(&ctx.name, i, &a.ty)),
        }
    }
    let f = build(&name, &elems)?;
    call("arrayReduce", reduce_kernel, args, f.return_type())
}

fn reduce_kernel(k: &KernelArgs) -> DfResult<ColumnarValue> {
    let n = out_rows(k);
    let name = match &k.args[0] {
        ColumnarValue::Scalar(ScalarValue::BinaryView(Some(b)) | ScalarValue::Binary(Some(b))) => {
            String::from_utf8_lossy(b).into_owned()
        }
        ColumnarValue::Scalar(ScalarValue::Utf8(Some(s)) | ScalarValue::Utf8View(Some(s))) => s.clone(),
        _ => return Err(logical("arrayReduce needs a constant function name".into())),
    };
    let elems: Vec<ChType> = k.arg_types[1..].iter().map(|t| elem_of(t).cloned().unwrap_or(ChType::Nothing)).collect();
    let f = build(&name, &elems).map_err(Error::into_datafusion)?;
    let lists = (1..k.args.len()).map(|i| list_arg(k, i, n)).collect::<DfResult<Vec<_>>>()?;
    let mut out = Vec::with_capacity(n);
    for row in 0..n {
        let mut state = f.new_state();
        let mut cols: Vec<ArrayRef> = Vec::with_capacity(lists.len());
        let mut len = None;
        for l in &lists {
            let (s, e) = bounds(l.value_offsets(), row);
            if len.is_some_and(|x| x != e - s) {
                return Err(Error::new(
                    ErrorCode::SIZES_OF_ARRAYS_DONT_MATCH,
                    "All arrays passed to arrayReduce must have equal size",
                )
                .into_datafusion());
            }
            len = Some(e - s);
            cols.push(l.values().slice(s, e - s));
        }
        if len.unwrap_or(0) > 0 {
            state.add(&cols)?;
        }
        out.push(state.result()?);
    }
    let arr = ScalarValue::iter_to_array(out)?;
    let want = k.ret.to_arrow();
    let arr = if arr.data_type() == &want { arr } else { arrow::compute::cast(&arr, &want)? };
    finish(k, arr)
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use crate::functions::strings::testing::*;

    #[test]
    fn reduce() {
        // Checked with chdb 26.9.
        assert_eq!(run("arrayReduce", vec![s("sum"), arr_u8(&[1, 2, 3])]), "6");
        assert_eq!(run("arrayReduce", vec![s("max"), arr_s(&["a", "c", "b"])]), "c");
        assert_eq!(run("arrayReduce", vec![s("uniqExact"), arr_u8(&[1, 1, 2])]), "2");
    }
}
