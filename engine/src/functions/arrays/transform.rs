//! Whole-array transforms: `arrayReverse`.

use std::sync::Arc;

use arrow::array::{Array, AsArray, ListArray};
use arrow::buffer::OffsetBuffer;
use datafusion::error::Result as DfResult;
use datafusion::logical_expr::ColumnarValue;

use crate::error::Result;
use crate::functions::strings::{finish, logical, null_if_nothing, out_rows};
use crate::functions::udf::call;
use crate::functions::{check_arg_count, illegal_type, Case, FunctionContext, FunctionRegistry, KernelArgs, TypedExpr};
use crate::types::ChType;

pub fn register(r: &mut FunctionRegistry) {
    r.scalar("arrayReverse", Case::Sensitive, array_reverse);
}

/// `arrayReverse(arr)` (also `reverse` on an array).
pub fn array_reverse(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    check_arg_count(&ctx.name, &args, 1, 1)?;
    if let Some(n) = null_if_nothing(&args) {
        return Ok(n);
    }
    if !matches!(args[0].ty.base(), ChType::Array(_)) {
        return Err(illegal_type(&ctx.name, 0, &args[0].ty));
    }
    let ret = args[0].ty.clone();
    call("arrayReverse", reverse_kernel, args, ret)
}

fn reverse_kernel(k: &KernelArgs) -> DfResult<ColumnarValue> {
    let a = k.args[0].to_array(out_rows(k))?;
    let Some(list) = a.as_list_opt::<i32>() else {
        return Err(logical(format!("arrayReverse of {}", a.data_type())));
    };
    let offsets = list.value_offsets();
    let mut idx: Vec<u32> = Vec::with_capacity(list.values().len());
    for i in 0..list.len() {
        let (s, e) = (offsets[i], offsets[i + 1]);
        idx.extend((s..e).rev().map(|x| x as u32));
    }
    let base = usize::try_from(offsets[0]).unwrap_or(0);
    let values = arrow::compute::take(list.values().as_ref(), &arrow::array::UInt32Array::from(idx), None)?;
    let new_offsets: Vec<i32> = offsets.iter().map(|o| o - base as i32).collect();
    let out = ListArray::try_new(
        match list.data_type() {
            arrow::datatypes::DataType::List(f) => f.clone(),
            other => return Err(logical(format!("arrayReverse of {other}"))),
        },
        OffsetBuffer::new(new_offsets.into()),
        values,
        list.nulls().cloned(),
    )?;
    finish(k, Arc::new(out))
}
