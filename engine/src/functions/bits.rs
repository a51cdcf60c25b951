//! Bit-mask decomposition: `bitmaskToList` (String), `bitmaskToArray` (Array of
//! the argument's type), `bitPositionsToArray` (Array(UInt64)). Mirrors
//! ClickHouse `bitmaskToList.cpp`, `bitPositionsToArray.cpp`.

use std::sync::Arc;

use arrow::array::{Array, AsArray, BinaryViewBuilder, Int64Builder, ListBuilder, UInt64Builder};
use arrow::datatypes::{Int64Type, UInt64Type};
use datafusion::error::Result as DfResult;
use datafusion::logical_expr::ColumnarValue;

use super::arithmetic::cast_keep_null;
use super::conversion::cast;
use super::strings::{finish, logical, null_if_nothing, out_rows, ret_type};
use super::udf::call;
use super::{check_arg_count, illegal_type, Case, FunctionContext, FunctionRegistry, Kernel, KernelArgs, TypedExpr};
use crate::error::Result;
use crate::types::ChType;

/// Registers the bit-mask functions.
pub fn register(r: &mut FunctionRegistry) {
    r.scalar("bitmaskToList", Case::Sensitive, bitmask_to_list);
    r.scalar("bitmaskToArray", Case::Sensitive, bitmask_to_array);
    r.scalar("bitPositionsToArray", Case::Sensitive, bit_positions_to_array);
}

/// Checks the integer argument; returns its type, its bit width and the 64-bit working type.
fn int_arg(ctx: &FunctionContext, args: &[TypedExpr]) -> Result<(ChType, u32, ChType)> {
    check_arg_count(&ctx.name, args, 1, 1)?;
    let t = args[0].ty.base().clone();
    let width =
        t.bit_width().filter(|w| *w <= 64 && t.is_integer()).ok_or_else(|| illegal_type(&ctx.name, 0, &args[0].ty))?;
    let work = if t.is_signed_int() { ChType::Int64 } else { ChType::UInt64 };
    Ok((t, width, work))
}

/// The value of bit `i` in a `width`-bit integer (negative for a signed type's top bit).
fn bit_value(i: u32, width: u32, signed: bool) -> i128 {
    if signed && i + 1 == width {
        -(1i128 << i)
    } else {
        1i128 << i
    }
}

fn bits_of(v: u64, width: u32) -> impl Iterator<Item = u32> {
    (0..width).filter(move |i| (v >> i) & 1 == 1)
}

/// Reads argument 0 (Int64 or UInt64) as raw u64 bits per row.
fn rows(k: &KernelArgs) -> DfResult<Vec<Option<u64>>> {
    let a = k.args[0].to_array(out_rows(k))?;
    Ok(match a.data_type() {
        arrow::datatypes::DataType::Int64 => {
            a.as_primitive::<Int64Type>().iter().map(|v| v.map(|x| x as u64)).collect()
        }
        arrow::datatypes::DataType::UInt64 => a.as_primitive::<UInt64Type>().iter().collect(),
        other => return Err(logical(format!("bitmask: unexpected {other}"))),
    })
}

fn width_of(k: &KernelArgs) -> (u32, bool) {
    let t = k.arg_types.get(1).map(|t| t.base().clone()).unwrap_or(ChType::UInt64);
    (t.bit_width().unwrap_or(64), t.is_signed_int())
}

fn bind(ctx: &FunctionContext, args: Vec<TypedExpr>, ret: Option<ChType>, kernel: Kernel) -> Result<TypedExpr> {
    if let Some(n) = null_if_nothing(&args) {
        return Ok(n);
    }
    let (t, _, work) = int_arg(ctx, &args)?;
    let ret = ret_type(ret.unwrap_or_else(|| ChType::Array(Box::new(work.clone()))), &args);
    let a = cast_keep_null(
        ctx,
        args.into_iter().next().ok_or_else(|| illegal_type(&ctx.name, 0, &ChType::Nothing))?,
        &work,
    )?;
    // The original type rides along as a typed NULL so the kernel knows the width.
    let marker = TypedExpr::new(
        datafusion::logical_expr::lit(datafusion::scalar::ScalarValue::try_from(&t.to_arrow())?),
        t.clone().nullable(),
    );
    call(&ctx.name, kernel, vec![a, marker], ret)
}

fn bitmask_to_list(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    bind(ctx, args, Some(ChType::String), k_to_list)
}

fn k_to_list(k: &KernelArgs) -> DfResult<ColumnarValue> {
    let (width, signed) = width_of(k);
    let mut b = BinaryViewBuilder::new();
    let mut s = String::new();
    for v in rows(k)? {
        match v {
            Some(v) => {
                s.clear();
                for (n, i) in bits_of(v, width).enumerate() {
                    if n > 0 {
                        s.push(',');
                    }
                    s.push_str(&bit_value(i, width, signed).to_string());
                }
                b.append_value(s.as_bytes());
            }
            None => b.append_null(),
        }
    }
    finish(k, Arc::new(b.finish()))
}

fn bitmask_to_array(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    let t = args.first().map(|a| a.ty.base().clone());
    let nullable = args.first().is_some_and(|a| a.ty.is_nullable());
    let r = bind(ctx, args, None, k_to_array)?;
    match t {
        Some(t) if r.ty.base() != &ChType::Nothing => {
            let to = ChType::Array(Box::new(t));
            cast(ctx, r, &if nullable { to.nullable() } else { to })
        }
        _ => Ok(r),
    }
}

fn k_to_array(k: &KernelArgs) -> DfResult<ColumnarValue> {
    let (width, signed) = width_of(k);
    let vals = rows(k)?;
    let arr: Arc<dyn Array> = if signed {
        let mut b = ListBuilder::new(Int64Builder::new());
        for v in vals {
            match v {
                Some(v) => {
                    for i in bits_of(v, width) {
                        b.values().append_value(bit_value(i, width, true) as i64);
                    }
                    b.append(true);
                }
                None => b.append(false),
            }
        }
        Arc::new(b.finish())
    } else {
        let mut b = ListBuilder::new(UInt64Builder::new());
        for v in vals {
            match v {
                Some(v) => {
                    for i in bits_of(v, width) {
                        b.values().append_value(bit_value(i, width, false) as u64);
                    }
                    b.append(true);
                }
                None => b.append(false),
            }
        }
        Arc::new(b.finish())
    };
    finish(k, relabel(arr, k)?)
}

/// Gives a built list the field of the declared result type.
fn relabel(arr: Arc<dyn Array>, k: &KernelArgs) -> DfResult<Arc<dyn Array>> {
    let field = match k.ret.to_arrow() {
        arrow::datatypes::DataType::List(f) => f,
        other => return Err(logical(format!("expected a list type, got {other}"))),
    };
    let (_, offsets, values, nulls) = arr.as_list::<i32>().clone().into_parts();
    Ok(Arc::new(arrow::array::ListArray::try_new(field, offsets, values, nulls)?))
}

fn bit_positions_to_array(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    if let Some(n) = null_if_nothing(&args) {
        return Ok(n);
    }
    bind(ctx, args, Some(ChType::Array(Box::new(ChType::UInt64))), k_positions)
}

fn k_positions(k: &KernelArgs) -> DfResult<ColumnarValue> {
    let (width, _) = width_of(k);
    let mut b = ListBuilder::new(UInt64Builder::new());
    for v in rows(k)? {
        match v {
            Some(v) => {
                for i in bits_of(v, width) {
                    b.values().append_value(u64::from(i));
                }
                b.append(true);
            }
            None => b.append(false),
        }
    }
    finish(k, relabel(Arc::new(b.finish()), k)?)
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use datafusion::scalar::ScalarValue as S;

    #[test]
    fn masks() {
        // chdb: bitmaskToList(50) = '2,16,32'; bitmaskToList(toInt8(-128)) = '-128'; bitPositionsToArray(toUInt8(5)) = [0,2]
        assert_eq!(run("bitmaskToList", vec![int("UInt8", 50)]).unwrap().1, S::BinaryView(Some(b"2,16,32".to_vec())));
        assert_eq!(run("bitmaskToList", vec![int("Int8", -128)]).unwrap().1, S::BinaryView(Some(b"-128".to_vec())));
        assert_eq!(run("bitPositionsToArray", vec![int("UInt8", 5)]).unwrap().0, "Array(UInt64)");
        assert_eq!(run("bitmaskToArray", vec![int("UInt8", 50)]).unwrap().0, "Array(UInt8)");
    }
}
