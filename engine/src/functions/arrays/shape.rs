//! Arrays built or reshaped by size: `emptyArrayUInt8()`… (typed empty arrays),
//! `arrayWithConstant(n, x)`, `arrayResize(arr, size[, extender])`,
//! `arrayRotateLeft`/`Right`, `arrayShiftLeft`/`Right`, `arrayShingles` and
//! `arrayPartialSort`/`arrayPartialReverseSort`.

use std::sync::Arc;

use arrow::array::{Array, ArrayRef, UInt32Array};
use arrow::compute::SortOptions;
use arrow::row::{RowConverter, SortField};
use datafusion::error::Result as DfResult;
use datafusion::logical_expr::{lit, ColumnarValue};
use datafusion::scalar::ScalarValue;

use super::{bounds, coerce, default_row, elem_of, list_arg, make_list};
use crate::error::{Error, ErrorCode, Result};
use crate::functions::strings::{finish, out_rows, IntCol};
use crate::functions::udf::call;
use crate::functions::{check_arg_count, illegal_type, Case, FunctionContext, FunctionRegistry, KernelArgs, TypedExpr};
use crate::types::rules::common_supertype;
use crate::types::{parse_type, ChType};

/// Element types of the `emptyArray<T>()` functions.
const EMPTY_TYPES: [&str; 14] = [
    "UInt8", "UInt16", "UInt32", "UInt64", "Int8", "Int16", "Int32", "Int64", "Float32", "Float64", "Date", "DateTime",
    "String", "UUID",
];

pub fn register(r: &mut FunctionRegistry) {
    for t in EMPTY_TYPES {
        let name = format!("emptyArray{t}");
        r.scalar(&name, Case::Sensitive, empty_array);
    }
    r.scalar("arrayWithConstant", Case::Sensitive, with_constant);
    r.scalar("arrayResize", Case::Sensitive, resize);
    r.scalar("arrayRotateLeft", Case::Sensitive, |c, a| shift(c, a, Shift::RotateLeft));
    r.scalar("arrayRotateRight", Case::Sensitive, |c, a| shift(c, a, Shift::RotateRight));
    r.scalar("arrayShiftLeft", Case::Sensitive, |c, a| shift(c, a, Shift::Left));
    r.scalar("arrayShiftRight", Case::Sensitive, |c, a| shift(c, a, Shift::Right));
    r.scalar("arrayShingles", Case::Sensitive, shingles);
    r.scalar("arrayPartialSort", Case::Sensitive, |c, a| partial_sort(c, a, false));
    r.scalar("arrayPartialReverseSort", Case::Sensitive, |c, a| partial_sort(c, a, true));
}

/// `emptyArray<T>()`: a constant empty Array(T).
fn empty_array(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    check_arg_count(&ctx.name, &args, 0, 0)?;
    let elem = parse_type(ctx.name.trim_start_matches("emptyArray"))?;
    let list = make_list(&elem, vec![0, 0], arrow::array::new_empty_array(&elem.to_arrow()), None)?;
    Ok(TypedExpr::new(lit(ScalarValue::List(Arc::new(list))), ChType::Array(Box::new(elem))))
}

fn with_constant(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    check_arg_count(&ctx.name, &args, 2, 2)?;
    if !args[0].ty.base().is_integer() {
        return Err(illegal_type(&ctx.name, 0, &args[0].ty));
    }
    let ret = ChType::Array(Box::new(args[1].ty.clone()));
    call("arrayWithConstant", with_constant_kernel, args, ret)
}

fn negative_size(n: i64) -> datafusion::error::DataFusionError {
    Error::new(ErrorCode::TOO_LARGE_ARRAY_SIZE, format!("Array size {n} cannot be negative")).into_datafusion()
}

/// Largest array these functions build (ClickHouse's limit for arrayWithConstant).
const MAX_SIZE: i64 = 1 << 30;

fn with_constant_kernel(k: &KernelArgs) -> DfResult<ColumnarValue> {
    let n = out_rows(k);
    let sizes = IntCol::new(&k.args[0])?;
    let x = k.args[1].to_array(n)?;
    let mut idx: Vec<u32> = Vec::new();
    let mut offsets = vec![0i32];
    for row in 0..n {
        let c = sizes.get(row).unwrap_or(0);
        if c < 0 {
            return Err(negative_size(c));
        }
        if c + idx.len() as i64 > MAX_SIZE {
            return Err(Error::new(ErrorCode::TOO_LARGE_ARRAY_SIZE, "Too large array size").into_datafusion());
        }
        idx.extend(std::iter::repeat_n(row as u32, c as usize));
        offsets.push(i32::try_from(idx.len()).unwrap_or(i32::MAX));
    }
    let values = arrow::compute::take(x.as_ref(), &UInt32Array::from(idx), None)?;
    let elem = elem_of(k.ret).cloned().unwrap_or(ChType::Nothing);
    finish(k, Arc::new(make_list(&elem, offsets, values, None)?))
}

fn resize(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    check_arg_count(&ctx.name, &args, 2, 3)?;
    let Some(e) = elem_of(&args[0].ty).cloned() else { return Err(illegal_type(&ctx.name, 0, &args[0].ty)) };
    if !args[1].ty.base().is_integer() {
        return Err(illegal_type(&ctx.name, 1, &args[1].ty));
    }
    let elem = match args.get(2) {
        Some(x) => common_supertype(&[e, x.ty.clone()])?,
        None => e,
    };
    let t = ChType::Array(Box::new(elem.clone()));
    let mut args = args;
    args[0] = coerce(ctx, args[0].clone(), &t)?;
    if args.len() == 3 {
        let x = args.pop().ok_or_else(|| Error::new(ErrorCode::LOGICAL_ERROR, "no extender"))?;
        args.push(coerce(ctx, x, &elem)?);
    }
    call("arrayResize", resize_kernel, args, t)
}

/// Per row, `(source, index)` pairs: source 0 = the array's values, 1 = the filler column.
fn interleave_rows(values: &ArrayRef, filler: &ArrayRef, pairs: &[(usize, usize)]) -> DfResult<ArrayRef> {
    Ok(arrow::compute::interleave(&[values.as_ref(), filler.as_ref()], pairs)?)
}

/// The filler column: argument `i` when given, else the element type's default repeated.
fn filler(k: &KernelArgs, i: usize, n: usize) -> DfResult<ArrayRef> {
    match k.args.get(i) {
        Some(a) => a.to_array(n),
        None => {
            let elem = elem_of(k.ret).cloned().unwrap_or(ChType::Nothing);
            let one = default_row(&elem, &elem.to_arrow())?;
            Ok(arrow::compute::take(one.as_ref(), &UInt32Array::from(vec![0u32; n]), None)?)
        }
    }
}

fn resize_kernel(k: &KernelArgs) -> DfResult<ColumnarValue> {
    let n = out_rows(k);
    let l = list_arg(k, 0, n)?;
    let sizes = IntCol::new(&k.args[1])?;
    let fill = filler(k, 2, n)?;
    let mut pairs = Vec::new();
    let mut offsets = vec![0i32];
    for row in 0..n {
        let (s, e) = bounds(l.value_offsets(), row);
        let len = (e - s) as i64;
        let size = sizes.get(row).unwrap_or(len);
        if size.abs() > MAX_SIZE {
            return Err(Error::new(ErrorCode::TOO_LARGE_ARRAY_SIZE, "Too large array size").into_datafusion());
        }
        if size >= 0 {
            let keep = size.min(len) as usize;
            pairs.extend((s..s + keep).map(|j| (0, j)));
            pairs.extend(std::iter::repeat_n((1, row), (size - keep as i64) as usize));
        } else {
            let want = -size;
            let keep = want.min(len) as usize;
            pairs.extend(std::iter::repeat_n((1, row), (want - keep as i64) as usize));
            pairs.extend((e - keep..e).map(|j| (0, j)));
        }
        offsets.push(i32::try_from(pairs.len()).unwrap_or(i32::MAX));
    }
    let values = interleave_rows(l.values(), &fill, &pairs)?;
    let elem = elem_of(k.ret).cloned().unwrap_or(ChType::Nothing);
    finish(k, Arc::new(make_list(&elem, offsets, values, None)?))
}

#[derive(Clone, Copy, PartialEq)]
enum Shift {
    RotateLeft,
    RotateRight,
    Left,
    Right,
}

fn shift(ctx: &FunctionContext, args: Vec<TypedExpr>, how: Shift) -> Result<TypedExpr> {
    let rotate = matches!(how, Shift::RotateLeft | Shift::RotateRight);
    check_arg_count(&ctx.name, &args, 2, if rotate { 2 } else { 3 })?;
    let Some(e) = elem_of(&args[0].ty).cloned() else { return Err(illegal_type(&ctx.name, 0, &args[0].ty)) };
    if !args[1].ty.base().is_integer() {
        return Err(illegal_type(&ctx.name, 1, &args[1].ty));
    }
    let t = args[0].ty.clone();
    let mut args = args;
    if args.len() == 3 {
        let x = args.pop().ok_or_else(|| Error::new(ErrorCode::LOGICAL_ERROR, "no default"))?;
        args.push(coerce(ctx, x, &e)?);
    }
    let kernel: crate::functions::Kernel = match how {
        Shift::RotateLeft => |k| shift_kernel(k, Shift::RotateLeft),
        Shift::RotateRight => |k| shift_kernel(k, Shift::RotateRight),
        Shift::Left => |k| shift_kernel(k, Shift::Left),
        Shift::Right => |k| shift_kernel(k, Shift::Right),
    };
    call(&ctx.name, kernel, args, t)
}

fn shift_kernel(k: &KernelArgs, how: Shift) -> DfResult<ColumnarValue> {
    let n = out_rows(k);
    let l = list_arg(k, 0, n)?;
    let by = IntCol::new(&k.args[1])?;
    let fill = filler(k, 2, n)?;
    let mut pairs = Vec::new();
    let mut offsets = vec![0i32];
    for row in 0..n {
        let (s, e) = bounds(l.value_offsets(), row);
        let len = (e - s) as i64;
        // A left move by `d` (negative = right).
        let mut d = by.get(row).unwrap_or(0);
        if matches!(how, Shift::RotateRight | Shift::Right) {
            d = d.saturating_neg();
        }
        for i in 0..len {
            let src = i.saturating_add(d);
            let pair = if matches!(how, Shift::RotateLeft | Shift::RotateRight) {
                (0, s + src.rem_euclid(len.max(1)) as usize)
            } else if (0..len).contains(&src) {
                (0, s + src as usize)
            } else {
                (1, row)
            };
            pairs.push(pair);
        }
        offsets.push(i32::try_from(pairs.len()).unwrap_or(i32::MAX));
    }
    let values = interleave_rows(l.values(), &fill, &pairs)?;
    let elem = elem_of(k.ret).cloned().unwrap_or(ChType::Nothing);
    finish(k, Arc::new(make_list(&elem, offsets, values, l.nulls().cloned())?))
}

fn shingles(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    check_arg_count(&ctx.name, &args, 2, 2)?;
    if elem_of(&args[0].ty).is_none() {
        return Err(illegal_type(&ctx.name, 0, &args[0].ty));
    }
    if !args[1].ty.base().is_integer() {
        return Err(illegal_type(&ctx.name, 1, &args[1].ty));
    }
    let t = ChType::Array(Box::new(args[0].ty.remove_nullable()));
    call("arrayShingles", shingles_kernel, args, t)
}

fn shingles_kernel(k: &KernelArgs) -> DfResult<ColumnarValue> {
    let n = out_rows(k);
    let l = list_arg(k, 0, n)?;
    let size = IntCol::new(&k.args[1])?;
    let mut idx: Vec<u32> = Vec::new();
    let mut inner = vec![0i32];
    let mut outer = vec![0i32];
    for row in 0..n {
        let (s, e) = bounds(l.value_offsets(), row);
        let w = size.get(row).unwrap_or(0);
        if w <= 0 || w as usize > e - s {
            return Err(Error::new(
                ErrorCode::BAD_ARGUMENTS,
                "Shingle argument of function arrayShingles must be positive and less or equal than the array length",
            )
            .into_datafusion());
        }
        let w = w as usize;
        for start in s..=e - w {
            idx.extend((start..start + w).map(|j| j as u32));
            inner.push(i32::try_from(idx.len()).unwrap_or(i32::MAX));
        }
        outer.push(i32::try_from(inner.len() - 1).unwrap_or(i32::MAX));
    }
    let values = arrow::compute::take(l.values().as_ref(), &UInt32Array::from(idx), None)?;
    let arr_t = elem_of(k.ret).cloned().unwrap_or(ChType::Nothing);
    let elem = elem_of(&arr_t).cloned().unwrap_or(ChType::Nothing);
    let shingles = make_list(&elem, inner, values, None)?;
    finish(k, Arc::new(make_list(&arr_t, outer, Arc::new(shingles), None)?))
}

fn partial_sort(ctx: &FunctionContext, args: Vec<TypedExpr>, descending: bool) -> Result<TypedExpr> {
    check_arg_count(&ctx.name, &args, 2, 2)?;
    if !args[0].ty.base().is_integer() {
        return Err(illegal_type(&ctx.name, 0, &args[0].ty));
    }
    if elem_of(&args[1].ty).is_none() {
        return Err(illegal_type(&ctx.name, 1, &args[1].ty));
    }
    let t = args[1].ty.clone();
    if descending {
        call("arrayPartialReverseSort", |k| partial_sort_kernel(k, true), args, t)
    } else {
        call("arrayPartialSort", |k| partial_sort_kernel(k, false), args, t)
    }
}

/// The `limit` smallest (largest) elements in order, then the rest in their original order.
fn partial_sort_kernel(k: &KernelArgs, descending: bool) -> DfResult<ColumnarValue> {
    let n = out_rows(k);
    let limit = IntCol::new(&k.args[0])?;
    let l = list_arg(k, 1, n)?;
    let opts = SortOptions { descending, nulls_first: false };
    let conv = RowConverter::new(vec![SortField::new_with_options(l.values().data_type().clone(), opts)])?;
    let rows = conv.convert_columns(&[Arc::clone(l.values())])?;
    let mut idx: Vec<u32> = Vec::new();
    let mut offsets = vec![0i32];
    for row in 0..n {
        let (s, e) = bounds(l.value_offsets(), row);
        let mut order: Vec<usize> = (s..e).collect();
        order.sort_by(|a, b| rows.row(*a).cmp(&rows.row(*b)));
        let m = (limit.get(row).unwrap_or(0).max(0) as usize).min(e - s);
        let head = &order[..m];
        idx.extend(head.iter().map(|j| *j as u32));
        let mut rest: Vec<usize> = order[m..].to_vec();
        rest.sort_unstable();
        idx.extend(rest.iter().map(|j| *j as u32));
        offsets.push(i32::try_from(idx.len()).unwrap_or(i32::MAX));
    }
    let values = arrow::compute::take(l.values().as_ref(), &UInt32Array::from(idx), None)?;
    let elem = elem_of(k.ret).cloned().unwrap_or(ChType::Nothing);
    finish(k, Arc::new(make_list(&elem, offsets, values, l.nulls().cloned())?))
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use crate::functions::strings::testing::*;
    use crate::types::ChType;

    #[test]
    fn shapes() {
        // Checked with chdb 26.9.
        let i = |v| int(v, ChType::Int64);
        assert_eq!(run("arrayResize", vec![arr_u8(&[1, 2]), i(4)]), "[1,2,0,0]");
        assert_eq!(run("arrayResize", vec![arr_u8(&[1, 2, 3]), i(-1)]), "[3]");
        assert_eq!(run("arrayResize", vec![arr_s(&["a"]), i(3), s("z")]), "['a','z','z']");
        assert_eq!(run("arrayRotateLeft", vec![arr_u8(&[1, 2, 3]), i(-1)]), "[3,1,2]");
        assert_eq!(run("arrayRotateRight", vec![arr_u8(&[1, 2, 3]), i(4)]), "[3,1,2]");
        assert_eq!(run("arrayShiftLeft", vec![arr_u8(&[1, 2, 3]), i(1)]), "[2,3,0]");
        assert_eq!(run("arrayShiftRight", vec![arr_u8(&[1, 2, 3]), i(1)]), "[0,1,2]");
        assert_eq!(run("arrayShiftLeft", vec![arr_u8(&[1, 2, 3]), i(5)]), "[0,0,0]");
        assert_eq!(run("arrayShingles", vec![arr_u8(&[1, 2, 3, 4]), i(2)]), "[[1,2],[2,3],[3,4]]");
        assert_eq!(run("arrayPartialSort", vec![i(2), arr_u8(&[5, 3, 1, 4])]), "[1,3,5,4]");
        assert_eq!(run("arrayPartialReverseSort", vec![i(2), arr_u8(&[5, 3, 1, 4])]), "[5,4,3,1]");
        assert_eq!(run("arrayWithConstant", vec![i(3), s("x")]), "['x','x','x']");
        assert_eq!(ty("emptyArrayString", vec![]), "Array(String)");
        assert_eq!(run("emptyArrayUInt8", vec![]), "[]");
    }
}
