//! Running computations over numeric arrays: `arrayCumSum`,
//! `arrayCumSumNonNegative` (a running sum that restarts from 0 when it goes
//! negative), `arrayDifference` (first element 0, then x[i] - x[i-1]) and the
//! lambda-less `arrayCount(arr)` (non-zero elements). Integers wrap as in
//! ClickHouse; Nullable elements are rejected (ILLEGAL_TYPE_OF_ARGUMENT, as
//! ClickHouse).

use std::sync::Arc;

use arrow::array::{Array, ArrayRef, AsArray, Float64Array, Int64Array, UInt32Array};
use arrow::datatypes::{DataType, Float64Type, Int64Type};
use datafusion::error::Result as DfResult;
use datafusion::logical_expr::ColumnarValue;

use super::{bounds, elem_of, list_arg, make_list};
use crate::error::{Error, ErrorCode, Result};
use crate::functions::strings::{finish, out_rows};
use crate::functions::udf::call;
use crate::functions::{check_arg_count, illegal_type, Case, FunctionContext, FunctionRegistry, KernelArgs, TypedExpr};
use crate::types::ChType;

pub fn register(r: &mut FunctionRegistry) {
    r.scalar("arrayCumSum", Case::Sensitive, |c, a| running(c, a, Run::CumSum));
    r.scalar("arrayCumSumNonNegative", Case::Sensitive, |c, a| running(c, a, Run::NonNegative));
    r.scalar("arrayDifference", Case::Sensitive, |c, a| running(c, a, Run::Difference));
    r.scalar("arrayCount", Case::Sensitive, array_count);
}

#[derive(Clone, Copy, PartialEq)]
enum Run {
    CumSum,
    NonNegative,
    Difference,
}

/// ClickHouse's result element type for `run` over elements of type `e`.
fn result_elem(run: Run, e: &ChType) -> Option<ChType> {
    use ChType as C;
    if e.is_nullable() {
        return None;
    }
    if e.is_float() {
        return Some(C::Float64);
    }
    if !e.is_integer() || e.bit_width().is_some_and(|w| w > 64) {
        return None;
    }
    Some(match run {
        Run::CumSum | Run::NonNegative if e.is_unsigned_int() => C::UInt64,
        Run::CumSum | Run::NonNegative => C::Int64,
        Run::Difference => match e.bit_width() {
            Some(8) => C::Int16,
            Some(16) => C::Int32,
            _ => C::Int64,
        },
    })
}

fn running(ctx: &FunctionContext, args: Vec<TypedExpr>, run: Run) -> Result<TypedExpr> {
    check_arg_count(&ctx.name, &args, 1, 1)?;
    let Some(e) = elem_of(&args[0].ty) else { return Err(illegal_type(&ctx.name, 0, &args[0].ty)) };
    let Some(out) = result_elem(run, e) else {
        return Err(Error::new(
            ErrorCode::ILLEGAL_TYPE_OF_ARGUMENT,
            format!("{} cannot add values of type {e}", ctx.name),
        ));
    };
    let ret = ChType::Array(Box::new(out));
    let kernel: crate::functions::Kernel = match run {
        Run::CumSum => |k| running_kernel(k, Run::CumSum),
        Run::NonNegative => |k| running_kernel(k, Run::NonNegative),
        Run::Difference => |k| running_kernel(k, Run::Difference),
    };
    call(&ctx.name, kernel, args, ret)
}

fn running_kernel(k: &KernelArgs, run: Run) -> DfResult<ColumnarValue> {
    let n = out_rows(k);
    let l = list_arg(k, 0, n)?;
    let elem = elem_of(k.ret).cloned().unwrap_or(ChType::Int64);
    let offs = l.value_offsets();
    let values: ArrayRef = if elem.is_float() {
        let v = arrow::compute::cast(l.values(), &DataType::Float64)?;
        let v = v.as_primitive::<Float64Type>().values();
        let mut out = vec![0f64; v.len()];
        for row in 0..l.len() {
            let (s, e) = bounds(offs, row);
            let mut acc = 0f64;
            for j in s..e {
                out[j] = match run {
                    Run::CumSum => {
                        acc += v[j];
                        acc
                    }
                    Run::NonNegative => {
                        acc = (acc + v[j]).max(0.0);
                        acc
                    }
                    Run::Difference if j == s => 0.0,
                    Run::Difference => v[j] - v[j - 1],
                };
            }
        }
        Arc::new(Float64Array::from(out))
    } else {
        // Unsigned 64-bit values keep their bits through the Int64 cast (wrapping sums agree).
        let src = elem_of(&k.arg_types[0]).cloned().unwrap_or(ChType::Int64);
        let v = if matches!(src.base(), ChType::UInt64) {
            let u = l.values().as_primitive::<arrow::datatypes::UInt64Type>();
            Int64Array::from_iter_values(u.values().iter().map(|x| *x as i64))
        } else {
            arrow::compute::cast(l.values(), &DataType::Int64)?.as_primitive::<Int64Type>().clone()
        };
        let v = v.values();
        let mut out = vec![0i64; v.len()];
        for row in 0..l.len() {
            let (s, e) = bounds(offs, row);
            let mut acc = 0i64;
            for j in s..e {
                out[j] = match run {
                    Run::CumSum => {
                        acc = acc.wrapping_add(v[j]);
                        acc
                    }
                    Run::NonNegative => {
                        acc = acc.wrapping_add(v[j]).max(0);
                        acc
                    }
                    Run::Difference if j == s => 0,
                    Run::Difference => v[j].wrapping_sub(v[j - 1]),
                };
            }
        }
        let out: ArrayRef = Arc::new(Int64Array::from(out));
        if matches!(elem, ChType::UInt64) {
            let u = out.as_primitive::<Int64Type>();
            Arc::new(arrow::array::UInt64Array::from_iter_values(u.values().iter().map(|x| *x as u64)))
        } else {
            arrow::compute::cast(&out, &elem.to_arrow())?
        }
    };
    // The values array may start past 0 (a sliced list): rebase offsets.
    let base = offs.first().copied().unwrap_or(0);
    let offsets: Vec<i32> = offs.iter().map(|o| o - base).collect();
    let values = values.slice(base as usize, values.len() - base as usize);
    finish(k, Arc::new(make_list(&elem, offsets, values, l.nulls().cloned())?))
}

/// `arrayCount(arr)`: the number of non-zero elements of an integer array.
fn array_count(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    check_arg_count(&ctx.name, &args, 1, 1)?;
    let ok = elem_of(&args[0].ty).is_some_and(|e| e.is_integer() || matches!(e, ChType::Bool));
    if !ok {
        return Err(Error::new(
            ErrorCode::ILLEGAL_TYPE_OF_ARGUMENT,
            format!(
                "The 1st and only argument for function arrayCount must be array of UInt8. Found {} instead",
                args[0].ty
            ),
        ));
    }
    call("arrayCount", count_kernel, args, ChType::UInt32)
}

fn count_kernel(k: &KernelArgs) -> DfResult<ColumnarValue> {
    let n = out_rows(k);
    let l = list_arg(k, 0, n)?;
    let v = arrow::compute::cast(l.values(), &DataType::Int64)?;
    let v = v.as_primitive::<Int64Type>();
    let counts: UInt32Array = (0..n)
        .map(|row| {
            let (s, e) = bounds(l.value_offsets(), row);
            Some((s..e).filter(|&j| v.is_valid(j) && v.value(j) != 0).count() as u32)
        })
        .collect();
    finish(k, Arc::new(counts))
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use crate::functions::strings::testing::*;

    #[test]
    fn running_values() {
        // Checked with chdb 26.9.
        assert_eq!(run("arrayCumSum", vec![arr_u8(&[1, 2, 3, 4])]), "[1,3,6,10]");
        assert_eq!(ty("arrayCumSum", vec![arr_u8(&[1])]), "Array(UInt64)");
        assert_eq!(run("arrayDifference", vec![arr_u8(&[1, 4, 9, 16])]), "[0,3,5,7]");
        assert_eq!(ty("arrayDifference", vec![arr_u8(&[1])]), "Array(Int16)");
        assert_eq!(run("arrayCount", vec![arr_u8(&[1, 0, 2])]), "2");
    }
}
