//! Building and reshaping arrays: `array` (what `[a, b]` binds to), `range`,
//! `arrayConcat`, `arraySlice`, `arrayPushBack`/`Front`, `arrayPopBack`/`Front`.

use std::sync::Arc;

use arrow::array::{Array, ArrayRef, Int64Array};
use datafusion::error::Result as DfResult;
use datafusion::logical_expr::ColumnarValue;

use super::{bounds, coerce, elem_of, list_arg, make_list};
use crate::error::{Error, ErrorCode, Result};
use crate::functions::strings::slice::slice_range;
use crate::functions::strings::{finish, out_rows, IntCol};
use crate::functions::udf::call;
use crate::functions::{check_arg_count, illegal_type, Case, FunctionContext, FunctionRegistry, KernelArgs, TypedExpr};
use crate::types::rules::common_supertype;
use crate::types::ChType;

pub fn register(r: &mut FunctionRegistry) {
    r.scalar("array", Case::Sensitive, array);
    r.scalar("range", Case::Sensitive, range);
    r.scalar("arrayConcat", Case::Sensitive, array_concat);
    r.scalar("arraySlice", Case::Sensitive, array_slice);
    r.scalar("arrayPushBack", Case::Sensitive, |c, a| push(c, a, true));
    r.scalar("arrayPushFront", Case::Sensitive, |c, a| push(c, a, false));
    r.scalar("arrayPopBack", Case::Sensitive, |c, a| pop(c, a, true));
    r.scalar("arrayPopFront", Case::Sensitive, |c, a| pop(c, a, false));
}

/// `array(a, b, …)`: elements converted to their common supertype.
fn array(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    if args.is_empty() {
        // DataFusion calls need an argument: `[]` is a literal.
        let v = datafusion::scalar::ScalarValue::List(datafusion::scalar::ScalarValue::new_list(
            &[],
            &arrow::datatypes::DataType::Null,
            true,
        ));
        return Ok(TypedExpr::new(datafusion::logical_expr::lit(v), ChType::Array(Box::new(ChType::Nothing))));
    }
    let elem = common_supertype(&args.iter().map(|a| a.ty.clone()).collect::<Vec<_>>())?;
    let args = args.into_iter().map(|a| coerce(ctx, a, &elem)).collect::<Result<Vec<_>>>()?;
    call("array", array_kernel, args, ChType::Array(Box::new(elem)))
}

fn array_kernel(k: &KernelArgs) -> DfResult<ColumnarValue> {
    let n = out_rows(k);
    let elem = elem_of(k.ret).cloned().unwrap_or(ChType::Nothing);
    let width = k.args.len();
    let cols = k.args.iter().map(|a| a.to_array(n)).collect::<DfResult<Vec<_>>>()?;
    let values: ArrayRef = if width == 0 {
        arrow::array::new_empty_array(&elem.to_arrow())
    } else {
        let refs: Vec<&dyn Array> = cols.iter().map(|c| c.as_ref()).collect();
        let idx: Vec<(usize, usize)> = (0..n).flat_map(|r| (0..width).map(move |c| (c, r))).collect();
        arrow::compute::interleave(&refs, &idx)?
    };
    let w = i32::try_from(width).unwrap_or(i32::MAX);
    let offsets = (0..=n).map(|i| i32::try_from(i).unwrap_or(i32::MAX).saturating_mul(w)).collect();
    finish(k, Arc::new(make_list(&elem, offsets, values, None)?))
}

/// Largest array `range` builds (ClickHouse's `function_range_max_elements_in_block` default).
const RANGE_MAX: i64 = 500_000_000;

/// `range(end)`, `range(start, end[, step])`: the element type is the arguments' supertype.
fn range(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    check_arg_count(&ctx.name, &args, 1, 3)?;
    for (i, a) in args.iter().enumerate() {
        if !a.ty.is_integer() {
            return Err(illegal_type(&ctx.name, i, &a.ty));
        }
    }
    let elem = common_supertype(&args.iter().map(|a| a.ty.remove_nullable()).collect::<Vec<_>>())?;
    call("range", range_kernel, args, ChType::Array(Box::new(elem)))
}

fn range_kernel(k: &KernelArgs) -> DfResult<ColumnarValue> {
    let n = out_rows(k);
    let cols = k.args.iter().map(IntCol::new).collect::<DfResult<Vec<_>>>()?;
    let elem = elem_of(k.ret).cloned().unwrap_or(ChType::UInt64);
    let mut vals: Vec<i64> = Vec::new();
    let mut offsets = vec![0i32];
    for row in 0..n {
        let get = |i: usize| cols.get(i).and_then(|c| c.get(row));
        let (start, end, step) = match cols.len() {
            1 => {
                let end = get(0).unwrap_or(0);
                if end < 0 {
                    return Err(Error::new(
                        ErrorCode::ARGUMENT_OUT_OF_BOUND,
                        "A call to function range overflows, only support positive values when only end is provided",
                    )
                    .into_datafusion());
                }
                (0, end, 1)
            }
            2 => (get(0).unwrap_or(0), get(1).unwrap_or(0), 1),
            _ => (get(0).unwrap_or(0), get(1).unwrap_or(0), get(2).unwrap_or(1)),
        };
        if step == 0 {
            return Err(Error::new(
                ErrorCode::BAD_ARGUMENTS,
                "A call to function range would produce an infinite loop",
            )
            .into_datafusion());
        }
        let mut x = start;
        while (step > 0 && x < end) || (step < 0 && x > end) {
            vals.push(x);
            if vals.len() as i64 > RANGE_MAX {
                return Err(Error::new(
                    ErrorCode::ARGUMENT_OUT_OF_BOUND,
                    format!("A call to function range would produce more than {RANGE_MAX} array elements"),
                )
                .into_datafusion());
            }
            match x.checked_add(step) {
                Some(v) => x = v,
                None => break,
            }
        }
        offsets.push(i32::try_from(vals.len()).unwrap_or(i32::MAX));
    }
    let values = arrow::compute::cast(&Int64Array::from(vals), &elem.to_arrow())?;
    finish(k, Arc::new(make_list(&elem, offsets, values, None)?))
}

/// Checks that every argument is an array; returns the element supertype.
fn array_args(ctx: &FunctionContext, args: &[TypedExpr]) -> Result<ChType> {
    let mut elems = Vec::new();
    for (i, a) in args.iter().enumerate() {
        match elem_of(&a.ty) {
            Some(e) => elems.push(e.clone()),
            None => return Err(illegal_type(&ctx.name, i, &a.ty)),
        }
    }
    common_supertype(&elems)
}

fn array_concat(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    check_arg_count(&ctx.name, &args, 1, usize::MAX)?;
    let elem = array_args(ctx, &args)?;
    let t = ChType::Array(Box::new(elem));
    let args = args.into_iter().map(|a| coerce(ctx, a, &t)).collect::<Result<Vec<_>>>()?;
    call("arrayConcat", concat_kernel, args, t)
}

fn concat_kernel(k: &KernelArgs) -> DfResult<ColumnarValue> {
    let n = out_rows(k);
    let lists = (0..k.args.len()).map(|i| list_arg(k, i, n)).collect::<DfResult<Vec<_>>>()?;
    let refs: Vec<&dyn Array> = lists.iter().map(|l| l.values().as_ref()).collect();
    let mut idx = Vec::new();
    let mut offsets = vec![0i32];
    for row in 0..n {
        for (li, l) in lists.iter().enumerate() {
            let (s, e) = bounds(l.value_offsets(), row);
            idx.extend((s..e).map(|j| (li, j)));
        }
        offsets.push(i32::try_from(idx.len()).unwrap_or(i32::MAX));
    }
    let elem = elem_of(k.ret).cloned().unwrap_or(ChType::Nothing);
    let values = if refs.is_empty() {
        arrow::array::new_empty_array(&elem.to_arrow())
    } else {
        arrow::compute::interleave(&refs, &idx)?
    };
    finish(k, Arc::new(make_list(&elem, offsets, values, None)?))
}

/// Rebuilds list `l` keeping, per row, the element range `pick(row, len)` (relative to the row).
fn sub_lists(
    k: &KernelArgs,
    l: &arrow::array::ListArray,
    mut pick: impl FnMut(usize, usize) -> (usize, usize),
) -> DfResult<ColumnarValue> {
    let mut idx: Vec<u32> = Vec::new();
    let mut offsets = vec![0i32];
    for row in 0..l.len() {
        let (s, e) = bounds(l.value_offsets(), row);
        let (a, b) = pick(row, e - s);
        idx.extend((s + a..s + b).map(|x| x as u32));
        offsets.push(i32::try_from(idx.len()).unwrap_or(i32::MAX));
    }
    let values = arrow::compute::take(l.values().as_ref(), &arrow::array::UInt32Array::from(idx), None)?;
    let elem = elem_of(k.ret).cloned().unwrap_or(ChType::Nothing);
    finish(k, Arc::new(make_list(&elem, offsets, values, l.nulls().cloned())?))
}

fn array_slice(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    check_arg_count(&ctx.name, &args, 2, 3)?;
    if elem_of(&args[0].ty).is_none() {
        return Err(illegal_type(&ctx.name, 0, &args[0].ty));
    }
    for (i, a) in args.iter().enumerate().skip(1) {
        if !(a.ty.is_integer() || a.ty.is_nothing()) {
            return Err(illegal_type(&ctx.name, i, &a.ty));
        }
    }
    let t = args[0].ty.clone();
    call("arraySlice", slice_kernel, args, t)
}

fn slice_kernel(k: &KernelArgs) -> DfResult<ColumnarValue> {
    let n = out_rows(k);
    let l = list_arg(k, 0, n)?;
    let off = IntCol::new(&k.args[1])?;
    let len = k.args.get(2).map(IntCol::new).transpose()?;
    sub_lists(k, &l, |row, units| match off.get(row) {
        Some(o) => slice_range(units, o, len.as_ref().and_then(|c| c.get(row))),
        None => (0, 0),
    })
}

fn pop(ctx: &FunctionContext, args: Vec<TypedExpr>, back: bool) -> Result<TypedExpr> {
    check_arg_count(&ctx.name, &args, 1, 1)?;
    if elem_of(&args[0].ty).is_none() {
        return Err(illegal_type(&ctx.name, 0, &args[0].ty));
    }
    let t = args[0].ty.clone();
    if back {
        call("arrayPopBack", |k| pop_kernel(k, true), args, t)
    } else {
        call("arrayPopFront", |k| pop_kernel(k, false), args, t)
    }
}

fn pop_kernel(k: &KernelArgs, back: bool) -> DfResult<ColumnarValue> {
    let l = list_arg(k, 0, out_rows(k))?;
    sub_lists(k, &l, |_, len| if back { (0, len.saturating_sub(1)) } else { (len.min(1), len) })
}

fn push(ctx: &FunctionContext, args: Vec<TypedExpr>, back: bool) -> Result<TypedExpr> {
    check_arg_count(&ctx.name, &args, 2, 2)?;
    let Some(e) = elem_of(&args[0].ty) else {
        return Err(illegal_type(&ctx.name, 0, &args[0].ty));
    };
    let elem = common_supertype(&[e.clone(), args[1].ty.clone()])?;
    let t = ChType::Array(Box::new(elem.clone()));
    let mut it = args.into_iter();
    let (a, x) = (it.next(), it.next());
    let (Some(a), Some(x)) = (a, x) else { return Err(illegal_type(&ctx.name, 0, &ChType::Nothing)) };
    let args = vec![coerce(ctx, a, &t)?, coerce(ctx, x, &elem)?];
    if back {
        call("arrayPushBack", |k| push_kernel(k, true), args, t)
    } else {
        call("arrayPushFront", |k| push_kernel(k, false), args, t)
    }
}

fn push_kernel(k: &KernelArgs, back: bool) -> DfResult<ColumnarValue> {
    let n = out_rows(k);
    let l = list_arg(k, 0, n)?;
    let x = k.args[1].to_array(n)?;
    let refs: [&dyn Array; 2] = [l.values().as_ref(), x.as_ref()];
    let mut idx = Vec::new();
    let mut offsets = vec![0i32];
    for row in 0..n {
        let (s, e) = bounds(l.value_offsets(), row);
        if !back {
            idx.push((1, row));
        }
        idx.extend((s..e).map(|j| (0, j)));
        if back {
            idx.push((1, row));
        }
        offsets.push(i32::try_from(idx.len()).unwrap_or(i32::MAX));
    }
    let values = arrow::compute::interleave(&refs, &idx)?;
    let elem = elem_of(k.ret).cloned().unwrap_or(ChType::Nothing);
    finish(k, Arc::new(make_list(&elem, offsets, values, None)?))
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use crate::functions::strings::testing::*;
    use crate::types::ChType;

    #[test]
    fn building() {
        // Checked with chdb 26.9.
        assert_eq!(run("array", vec![int(1, ChType::UInt8), int(2, ChType::UInt8)]), "[1,2]");
        assert_eq!(ty("array", vec![]), "Array(Nothing)");
        assert_eq!(run("array", vec![int(1, ChType::UInt8), int(300, ChType::UInt16)]), "[1,300]");
        assert_eq!(ty("array", vec![int(1, ChType::UInt8), int(-1, ChType::Int8)]), "Array(Int16)");
        assert_eq!(ty("array", vec![null()]), "Array(Nullable(Nothing))");
        assert_eq!(run("range", vec![int(3, ChType::UInt8)]), "[0,1,2]");
        assert_eq!(run("range", vec![int(1, ChType::UInt8), int(4, ChType::UInt8)]), "[1,2,3]");
        let r = vec![int(1, ChType::UInt8), int(10, ChType::UInt8), int(3, ChType::UInt8)];
        assert_eq!(run("range", r), "[1,4,7]");
        let r = vec![int(5, ChType::UInt8), int(1, ChType::UInt8), int(-1, ChType::Int8)];
        assert_eq!(run("range", r), "[5,4,3,2]");
        assert_eq!(ty("range", vec![int(3, ChType::UInt8)]), "Array(UInt8)");
        assert_eq!(err_code("range", vec![int(-3, ChType::Int64)]), 69);
        assert_eq!(ty("range", vec![int(-1, ChType::Int8), int(3, ChType::UInt8)]), "Array(Int16)");
        assert_eq!(run("arrayConcat", vec![arr_u8(&[1]), arr_u8(&[2, 3])]), "[1,2,3]");
        assert_eq!(
            run("arraySlice", vec![arr_u8(&[1, 2, 3, 4]), int(2, ChType::UInt8), int(2, ChType::UInt8)]),
            "[2,3]"
        );
        assert_eq!(run("arraySlice", vec![arr_u8(&[1, 2, 3, 4]), int(-2, ChType::Int8)]), "[3,4]");
        assert_eq!(run("arrayPushBack", vec![arr_u8(&[1]), int(2, ChType::UInt8)]), "[1,2]");
        assert_eq!(run("arrayPushFront", vec![arr_u8(&[1]), int(2, ChType::UInt8)]), "[2,1]");
        assert_eq!(run("arrayPopBack", vec![arr_u8(&[1, 2])]), "[1]");
        assert_eq!(run("arrayPopFront", vec![arr_u8(&[1, 2])]), "[2]");
        assert_eq!(run("length", vec![arr_u8(&[1, 2])]), "2");
        assert_eq!(run("empty", vec![arr_u8(&[])]), "1");
        assert_eq!(run("reverse", vec![arr_u8(&[1, 2])]), "[2,1]");
    }
}

#[cfg(test)]
mod column_tests {
    use arrow::array::{Array, AsArray};

    use crate::functions::strings::testing::*;
    use crate::types::ChType;

    #[test]
    fn arrays_over_columns() {
        // splitByChar(',', c)[2], length(...), has(..., 'b') over three rows, one NULL.
        let parts = bind("splitByChar", vec![s(","), col_c()]).unwrap();
        let rows = [Some("a,b"), None, Some("x")];
        let second = bind("arrayElement", vec![parts.clone(), int(2, ChType::Int64)]).unwrap();
        let a = eval_rows(&second, &rows).unwrap();
        let v = a.as_binary_view();
        assert_eq!((v.value(0), v.value(1), v.value(2)), (&b"b"[..], &b""[..], &b""[..]));
        let len = bind("length", vec![parts.clone()]).unwrap();
        let a = eval_rows(&len, &rows).unwrap();
        let v = a.as_primitive::<arrow::datatypes::UInt64Type>();
        assert_eq!(v.values().to_vec(), vec![2, 1, 1]); // a NULL row splits '' (chdb)
        let has = bind("has", vec![parts.clone(), s("b")]).unwrap();
        let a = eval_rows(&has, &rows).unwrap();
        let v = a.as_primitive::<arrow::datatypes::UInt8Type>();
        assert_eq!(v.values().to_vec(), vec![1, 0, 0]);
        let pushed = bind("arrayPushBack", vec![parts, col_c()]).unwrap();
        assert_eq!(pushed.ty.to_string(), "Array(Nullable(String))");
        let a = eval_rows(&pushed, &rows).unwrap();
        assert_eq!(a.as_list::<i32>().value(0).len(), 3);
        assert!(a.as_list::<i32>().value(1).is_null(1));
    }
}
