//! Whole-array transforms: `arrayReverse`, `arraySort`/`arrayReverseSort`
//! (no lambda; NULLs last, NaN after numbers), `arrayDistinct` (NULLs dropped),
//! `arrayUniq` (NULL counts as a value), `arrayEnumerate`, `arrayEnumerateUniq`,
//! `arrayCompact`, `arrayFlatten`, `arrayZip`, `arrayIntersect` (order of the
//! first array). Elements are compared through Arrow's row format.

use std::sync::Arc;

use std::collections::{HashMap, HashSet};

use arrow::array::{Array, ArrayRef, AsArray, ListArray, UInt32Array};
use arrow::buffer::OffsetBuffer;
use arrow::compute::SortOptions;
use arrow::row::{RowConverter, Rows, SortField};
use datafusion::error::Result as DfResult;
use datafusion::logical_expr::ColumnarValue;

use super::{bounds, elem_of, element_rows, list_arg, make_list};
use crate::error::{Error, ErrorCode, Result};
use crate::functions::strings::{finish, logical, null_if_nothing, out_rows};
use crate::functions::udf::call;
use crate::functions::{check_arg_count, illegal_type, Case, FunctionContext, FunctionRegistry, KernelArgs, TypedExpr};
use crate::types::ChType;

pub fn register(r: &mut FunctionRegistry) {
    r.scalar("arrayReverse", Case::Sensitive, array_reverse);
    r.scalar("arraySort", Case::Sensitive, |c, a| same_type(c, a, |k| sort_kernel(k, false)));
    r.scalar("arrayReverseSort", Case::Sensitive, |c, a| same_type(c, a, |k| sort_kernel(k, true)));
    r.scalar("arrayDistinct", Case::Sensitive, |c, a| same_type(c, a, distinct_kernel));
    r.scalar("arrayCompact", Case::Sensitive, |c, a| same_type(c, a, compact_kernel));
    r.scalar("arrayUniq", Case::Sensitive, array_uniq);
    r.scalar("arrayEnumerate", Case::Sensitive, |c, a| enumerate(c, a, false));
    r.scalar("arrayEnumerateUniq", Case::Sensitive, |c, a| enumerate(c, a, true));
    r.scalar("arrayFlatten", Case::Sensitive, array_flatten);
    r.scalar("flatten", Case::Insensitive, array_flatten);
    r.scalar("arrayZip", Case::Sensitive, array_zip);
    r.scalar("arrayIntersect", Case::Sensitive, array_intersect);
}

/// A one-array function whose result has the argument's type.
fn same_type(ctx: &FunctionContext, args: Vec<TypedExpr>, kernel: crate::functions::Kernel) -> Result<TypedExpr> {
    check_arg_count(&ctx.name, &args, 1, 1)?;
    if !matches!(args[0].ty.base(), ChType::Array(_)) {
        return Err(illegal_type(&ctx.name, 0, &args[0].ty));
    }
    let ret = args[0].ty.clone();
    call(&ctx.name, kernel, args, ret)
}

/// Row-format keys of `values` with the given order for sorting.
fn sort_rows(values: &ArrayRef, descending: bool) -> DfResult<Rows> {
    let opts = SortOptions { descending, nulls_first: false };
    let conv = RowConverter::new(vec![SortField::new_with_options(values.data_type().clone(), opts)])?;
    Ok(conv.convert_columns(&[Arc::clone(values)])?)
}

/// Rebuilds list `l` from per-row element indices chosen by `pick(start, end, out)` (absolute indices).
fn regroup(
    k: &KernelArgs,
    l: &ListArray,
    mut pick: impl FnMut(usize, usize, &mut Vec<u32>),
) -> DfResult<ColumnarValue> {
    let mut idx: Vec<u32> = Vec::new();
    let mut offsets = vec![0i32];
    for row in 0..l.len() {
        let (s, e) = bounds(l.value_offsets(), row);
        pick(s, e, &mut idx);
        offsets.push(i32::try_from(idx.len()).unwrap_or(i32::MAX));
    }
    let values = arrow::compute::take(l.values().as_ref(), &UInt32Array::from(idx), None)?;
    let elem = elem_of(k.ret).cloned().unwrap_or(ChType::Nothing);
    finish(k, Arc::new(make_list(&elem, offsets, values, l.nulls().cloned())?))
}

fn sort_kernel(k: &KernelArgs, descending: bool) -> DfResult<ColumnarValue> {
    let l = list_arg(k, 0, out_rows(k))?;
    let rows = sort_rows(l.values(), descending)?;
    // NaN sorts after every number in both directions (then NULLs), as in ClickHouse.
    let values = Arc::clone(l.values());
    let is_nan = |j: usize| -> bool {
        if values.is_null(j) {
            return false;
        }
        match values.data_type() {
            arrow::datatypes::DataType::Float64 => {
                values.as_primitive::<arrow::datatypes::Float64Type>().value(j).is_nan()
            }
            arrow::datatypes::DataType::Float32 => {
                values.as_primitive::<arrow::datatypes::Float32Type>().value(j).is_nan()
            }
            _ => false,
        }
    };
    let rank = |j: usize| u8::from(values.is_null(j)) * 2 + u8::from(is_nan(j));
    regroup(k, &l, |s, e, idx| {
        let mut v: Vec<u32> = (s as u32..e as u32).collect();
        v.sort_by(|a, b| {
            let (a, b) = (*a as usize, *b as usize);
            rank(a).cmp(&rank(b)).then_with(|| rows.row(a).cmp(&rows.row(b)))
        });
        idx.extend(v);
    })
}

fn distinct_kernel(k: &KernelArgs) -> DfResult<ColumnarValue> {
    let l = list_arg(k, 0, out_rows(k))?;
    let values = Arc::clone(l.values());
    let rows = element_rows(&[&values])?;
    let mut seen = HashSet::new();
    regroup(k, &l, |s, e, idx| {
        seen.clear();
        for j in s..e {
            if values.is_valid(j) && seen.insert(rows[0].row(j)) {
                idx.push(j as u32);
            }
        }
    })
}

fn compact_kernel(k: &KernelArgs) -> DfResult<ColumnarValue> {
    let l = list_arg(k, 0, out_rows(k))?;
    let rows = element_rows(&[l.values()])?;
    regroup(k, &l, |s, e, idx| {
        for j in s..e {
            if j == s || rows[0].row(j) != rows[0].row(j - 1) {
                idx.push(j as u32);
            }
        }
    })
}

fn array_uniq(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    check_arg_count(&ctx.name, &args, 1, usize::MAX)?;
    for (i, a) in args.iter().enumerate() {
        if !matches!(a.ty.base(), ChType::Array(_)) {
            return Err(illegal_type(&ctx.name, i, &a.ty));
        }
    }
    call("arrayUniq", uniq_kernel, args, ChType::UInt32)
}

/// Distinct element tuples across the argument arrays (which must have equal sizes per row).
fn uniq_kernel(k: &KernelArgs) -> DfResult<ColumnarValue> {
    let n = out_rows(k);
    let lists = (0..k.args.len()).map(|i| list_arg(k, i, n)).collect::<DfResult<Vec<_>>>()?;
    let vals: Vec<&ArrayRef> = lists.iter().map(|l| l.values()).collect();
    let rows = vals.iter().map(|v| element_rows(&[v])).collect::<DfResult<Vec<_>>>()?;
    let mut out = Vec::with_capacity(n);
    let mut seen = HashSet::new();
    for row in 0..n {
        seen.clear();
        let (s0, e0) = bounds(lists[0].value_offsets(), row);
        for (li, l) in lists.iter().enumerate().skip(1) {
            let (s, e) = bounds(l.value_offsets(), row);
            if e - s != e0 - s0 {
                return Err(sizes_differ("arrayUniq", li));
            }
        }
        for j in 0..e0 - s0 {
            let key: Vec<Vec<u8>> = lists
                .iter()
                .zip(&rows)
                .map(|(l, r)| r[0].row(bounds(l.value_offsets(), row).0 + j).as_ref().to_vec())
                .collect();
            seen.insert(key);
        }
        out.push(seen.len() as u32);
    }
    finish(k, Arc::new(UInt32Array::from(out)))
}

fn sizes_differ(name: &str, arg: usize) -> datafusion::error::DataFusionError {
    Error::new(
        ErrorCode::SIZES_OF_ARRAYS_DONT_MATCH,
        format!("The argument 1 and argument {} of function {name} have different array sizes", arg + 1),
    )
    .into_datafusion()
}

fn enumerate(ctx: &FunctionContext, args: Vec<TypedExpr>, uniq: bool) -> Result<TypedExpr> {
    check_arg_count(&ctx.name, &args, 1, 1)?;
    if !matches!(args[0].ty.base(), ChType::Array(_)) {
        return Err(illegal_type(&ctx.name, 0, &args[0].ty));
    }
    let ret = ChType::Array(Box::new(ChType::UInt32));
    if uniq {
        call("arrayEnumerateUniq", |k| enumerate_kernel(k, true), args, ret)
    } else {
        call("arrayEnumerate", |k| enumerate_kernel(k, false), args, ret)
    }
}

/// 1, 2, 3… per row; with `uniq`, the occurrence number of each element among equal ones.
fn enumerate_kernel(k: &KernelArgs, uniq: bool) -> DfResult<ColumnarValue> {
    let n = out_rows(k);
    let l = list_arg(k, 0, n)?;
    let rows = if uniq { Some(element_rows(&[l.values()])?) } else { None };
    let mut vals: Vec<u32> = Vec::with_capacity(l.values().len());
    let mut offsets = vec![0i32];
    let mut counts = HashMap::new();
    for row in 0..n {
        let (s, e) = bounds(l.value_offsets(), row);
        counts.clear();
        for j in s..e {
            match &rows {
                Some(r) => {
                    let c = counts.entry(r[0].row(j)).or_insert(0u32);
                    *c += 1;
                    vals.push(*c);
                }
                None => vals.push((j - s + 1) as u32),
            }
        }
        offsets.push(i32::try_from(vals.len()).unwrap_or(i32::MAX));
    }
    finish(k, Arc::new(make_list(&ChType::UInt32, offsets, Arc::new(UInt32Array::from(vals)), None)?))
}

fn array_flatten(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    check_arg_count(&ctx.name, &args, 1, 1)?;
    let mut t = args[0].ty.base().clone();
    if !matches!(t, ChType::Array(_)) {
        return Err(illegal_type(&ctx.name, 0, &args[0].ty));
    }
    while let ChType::Array(inner) = &t {
        match inner.base() {
            ChType::Array(_) => t = inner.base().clone(),
            _ => break,
        }
    }
    call("arrayFlatten", flatten_kernel, args, t)
}

/// Merges nested list levels until the elements are no longer lists.
fn flatten_kernel(k: &KernelArgs) -> DfResult<ColumnarValue> {
    let mut l = list_arg(k, 0, out_rows(k))?;
    let mut offsets: Vec<i32> = l.value_offsets().to_vec();
    while let Some(inner) = l.values().as_list_opt::<i32>() {
        let io = inner.value_offsets();
        offsets = offsets.iter().map(|o| io[usize::try_from(*o).unwrap_or(0)]).collect();
        l = inner.clone();
    }
    let base = usize::try_from(offsets[0]).unwrap_or(0);
    let end = usize::try_from(offsets[offsets.len() - 1]).unwrap_or(0);
    let values = l.values().slice(base, end - base);
    let offsets = offsets.iter().map(|o| o - base as i32).collect();
    let elem = elem_of(k.ret).cloned().unwrap_or(ChType::Nothing);
    finish(k, Arc::new(make_list(&elem, offsets, values, None)?))
}

fn array_zip(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    check_arg_count(&ctx.name, &args, 1, usize::MAX)?;
    let mut elems = Vec::new();
    for (i, a) in args.iter().enumerate() {
        match elem_of(&a.ty) {
            Some(e) => elems.push(e.clone()),
            None => return Err(illegal_type(&ctx.name, i, &a.ty)),
        }
    }
    call("arrayZip", zip_kernel, args, ChType::Array(Box::new(ChType::Tuple(elems, None))))
}

fn zip_kernel(k: &KernelArgs) -> DfResult<ColumnarValue> {
    let n = out_rows(k);
    let lists = (0..k.args.len()).map(|i| list_arg(k, i, n)).collect::<DfResult<Vec<_>>>()?;
    let mut idx: Vec<Vec<u32>> = vec![Vec::new(); lists.len()];
    let mut offsets = vec![0i32];
    for row in 0..n {
        let (s0, e0) = bounds(lists[0].value_offsets(), row);
        for (li, l) in lists.iter().enumerate() {
            let (s, e) = bounds(l.value_offsets(), row);
            if e - s != e0 - s0 {
                return Err(sizes_differ("arrayZip", li));
            }
            idx[li].extend((s..e).map(|x| x as u32));
        }
        offsets.push(i32::try_from(idx[0].len()).unwrap_or(i32::MAX));
    }
    let elem = elem_of(k.ret).cloned().unwrap_or(ChType::Nothing);
    let ChType::Tuple(ts, names) = &elem else { return Err(logical("arrayZip type".into())) };
    let cols = lists
        .iter()
        .zip(idx)
        .map(|(l, ix)| Ok(arrow::compute::take(l.values().as_ref(), &UInt32Array::from(ix), None)?))
        .collect::<DfResult<Vec<_>>>()?;
    let s = arrow::array::StructArray::try_new(crate::types::tuple_fields(ts, names.as_deref()), cols, None)?;
    finish(k, Arc::new(make_list(&elem, offsets, Arc::new(s), None)?))
}

fn array_intersect(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    check_arg_count(&ctx.name, &args, 1, usize::MAX)?;
    let mut elems = Vec::new();
    for (i, a) in args.iter().enumerate() {
        match elem_of(&a.ty) {
            Some(e) => elems.push(e.clone()),
            None => return Err(illegal_type(&ctx.name, i, &a.ty)),
        }
    }
    let sup = crate::types::rules::common_supertype(&elems)?;
    let t = ChType::Array(Box::new(sup));
    let args = args.into_iter().map(|a| super::coerce(ctx, a, &t)).collect::<Result<Vec<_>>>()?;
    call("arrayIntersect", intersect_kernel, args, t)
}

/// Distinct elements of the first array (in its order) present in every other array.
fn intersect_kernel(k: &KernelArgs) -> DfResult<ColumnarValue> {
    let n = out_rows(k);
    let lists = (0..k.args.len()).map(|i| list_arg(k, i, n)).collect::<DfResult<Vec<_>>>()?;
    let vals: Vec<&ArrayRef> = lists.iter().map(|l| l.values()).collect();
    let rows = element_rows(&vals)?;
    let mut idx: Vec<u32> = Vec::new();
    let mut offsets = vec![0i32];
    let mut seen = HashSet::new();
    for row in 0..n {
        seen.clear();
        let (s, e) = bounds(lists[0].value_offsets(), row);
        for j in s..e {
            let key = rows[0].row(j);
            if seen.contains(&key) {
                continue;
            }
            let everywhere = lists.iter().zip(&rows).skip(1).all(|(l, r)| {
                let (a, b) = bounds(l.value_offsets(), row);
                (a..b).any(|x| r.row(x) == key)
            });
            if everywhere {
                seen.insert(key);
                idx.push(j as u32);
            }
        }
        offsets.push(i32::try_from(idx.len()).unwrap_or(i32::MAX));
    }
    let values = arrow::compute::take(lists[0].values().as_ref(), &UInt32Array::from(idx), None)?;
    let elem = elem_of(k.ret).cloned().unwrap_or(ChType::Nothing);
    finish(k, Arc::new(make_list(&elem, offsets, values, None)?))
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

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use crate::functions::strings::testing::*;
    use crate::types::ChType;

    #[test]
    fn transforms() {
        // Checked with chdb 26.9.
        let with_nulls = || bind("array", vec![int(1, ChType::UInt8), null(), int(1, ChType::UInt8), null()]).unwrap();
        assert_eq!(run("arrayDistinct", vec![with_nulls()]), "[1]");
        assert_eq!(run("arrayUniq", vec![with_nulls()]), "2");
        assert_eq!(ty("arrayUniq", vec![arr_u8(&[1])]), "UInt32");
        let unsorted = || bind("array", vec![int(3, ChType::UInt8), null(), int(1, ChType::UInt8)]).unwrap();
        assert_eq!(run("arraySort", vec![unsorted()]), "[1,3,\\N]");
        assert_eq!(run("arrayReverseSort", vec![unsorted()]), "[3,1,\\N]");
        assert_eq!(run("arraySort", vec![arr_s(&["b", "a"])]), "['a','b']");
        let f = |v: f64| {
            crate::functions::TypedExpr::new(
                datafusion::logical_expr::lit(datafusion::scalar::ScalarValue::Float64(Some(v))),
                ChType::Float64,
            )
        };
        let floats = || bind("array", vec![f(f64::NAN), f(1.0), f(f64::NEG_INFINITY)]).unwrap();
        assert_eq!(run("arraySort", vec![floats()]), "[-inf,1,NaN]");
        assert_eq!(run("arrayReverseSort", vec![floats()]), "[1,-inf,NaN]");
        assert_eq!(run("arrayEnumerate", vec![arr_u8(&[5, 6])]), "[1,2]");
        assert_eq!(ty("arrayEnumerate", vec![arr_u8(&[5, 6])]), "Array(UInt32)");
        assert_eq!(run("arrayEnumerateUniq", vec![arr_u8(&[1, 1, 2])]), "[1,2,1]");
        assert_eq!(run("arrayCompact", vec![arr_u8(&[1, 1, 2, 1])]), "[1,2,1]");
        let nested = bind("array", vec![arr_u8(&[1]), arr_u8(&[2, 3])]).unwrap();
        assert_eq!(run("arrayFlatten", vec![nested.clone()]), "[1,2,3]");
        assert_eq!(ty("arrayFlatten", vec![nested]), "Array(UInt8)");
        assert_eq!(run("arrayIntersect", vec![arr_u8(&[3, 2, 1]), arr_u8(&[1, 2])]), "[2,1]");
        assert_eq!(run("arrayIntersect", vec![arr_u8(&[1, 1, 2]), arr_u8(&[1])]), "[1]");
        assert_eq!(ty("arrayZip", vec![arr_u8(&[1]), arr_s(&["a"])]), "Array(Tuple(UInt8, String))");
        assert_eq!(err_code("arrayZip", vec![arr_u8(&[1]), arr_u8(&[2, 3])]), 190);
    }
}
