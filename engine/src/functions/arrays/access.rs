//! Element access and search: `arrayElement` (what `arr[i]` and `map[key]`
//! bind to), `has`, `indexOf`, `countEqual`, `hasAll`, `hasAny`.
//! Mirrors ClickHouse's `arrayElement.cpp`, `arrayIndex.h`, `hasAllAny.h`.

use std::sync::Arc;

use arrow::array::{Array, ArrayRef, AsArray, UInt32Array, UInt64Builder};
use datafusion::error::Result as DfResult;
use datafusion::logical_expr::ColumnarValue;

use super::{bounds, elem_of, element_rows, list_arg};
use crate::error::{Error, Result};
use crate::functions::strings::{finish, logical, null_if_nothing, out_rows, IntCol};
use crate::functions::udf::call;
use crate::functions::{
    check_arg_count, from_bool, illegal_type, Case, FunctionContext, FunctionRegistry, KernelArgs, TypedExpr,
};
use crate::types::rules::common_supertype;
use crate::types::ChType;

pub fn register(r: &mut FunctionRegistry) {
    r.scalar("arrayElement", Case::Sensitive, array_element);
    r.scalar("has", Case::Sensitive, has);
    r.scalar("indexOf", Case::Sensitive, |c, a| search(c, a, true));
    r.scalar("countEqual", Case::Sensitive, |c, a| search(c, a, false));
    r.scalar("hasAll", Case::Sensitive, |c, a| has_all_any(c, a, true));
    r.scalar("hasAny", Case::Sensitive, |c, a| has_all_any(c, a, false));
}

/// `arr[i]` (1-based, negative from the end; out of range gives the default value,
/// NULL for Nullable elements) and `map[key]` (the value, or the default).
fn array_element(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    check_arg_count(&ctx.name, &args, 2, 2)?;
    match args[0].ty.base().clone() {
        ChType::Array(e) => {
            if !(args[1].ty.is_integer() || args[1].ty.is_nothing()) {
                return Err(illegal_type(&ctx.name, 1, &args[1].ty));
            }
            let ret = if args[1].ty.is_nullable() { e.nullable() } else { *e };
            call("arrayElement", element_kernel, args, ret)
        }
        ChType::Map(key, v) => {
            common_supertype(&[(*key).clone(), args[1].ty.clone()])?;
            call("arrayElement", map_element_kernel, args, *v)
        }
        ChType::Nothing => null_if_nothing(&args).ok_or_else(|| illegal_type(&ctx.name, 0, &args[0].ty)),
        _ => Err(illegal_type(&ctx.name, 0, &args[0].ty)),
    }
}

/// `take` from `values` with `idx`, None giving the default value of `ret` (NULL when Nullable).
fn take_or_default(values: &ArrayRef, idx: Vec<Option<u32>>, ret: &ChType) -> DfResult<ArrayRef> {
    let dt = values.data_type().clone();
    if ret.is_nullable() || ret.is_nothing() {
        return Ok(arrow::compute::take(values.as_ref(), &UInt32Array::from(idx), None)?);
    }
    let default = super::default_row(ret, &dt)?;
    let ext = arrow::compute::concat(&[values.as_ref(), default.as_ref()])?;
    let d = u32::try_from(values.len()).map_err(|_| logical("array too large".into()))?;
    let idx: UInt32Array = idx.into_iter().map(|i| Some(i.unwrap_or(d))).collect();
    Ok(arrow::compute::take(ext.as_ref(), &idx, None)?)
}

fn element_kernel(k: &KernelArgs) -> DfResult<ColumnarValue> {
    let n = out_rows(k);
    let l = list_arg(k, 0, n)?;
    let pos = IntCol::new(&k.args[1])?;
    let mut idx = Vec::with_capacity(n);
    for row in 0..n {
        let (s, e) = bounds(l.value_offsets(), row);
        let len = (e - s) as i64;
        let at = match pos.get(row) {
            Some(p) if p > 0 && p <= len => Some(s as i64 + p - 1),
            Some(p) if p < 0 && -p <= len => Some(e as i64 + p),
            _ => None,
        };
        idx.push(at.and_then(|a| u32::try_from(a).ok()));
    }
    finish(k, take_or_default(l.values(), idx, k.ret)?)
}

fn map_element_kernel(k: &KernelArgs) -> DfResult<ColumnarValue> {
    let n = out_rows(k);
    let m = k.args[0].to_array(n)?;
    let Some(m) = m.as_map_opt() else { return Err(logical("expected a map".into())) };
    let keys = m.keys();
    let needle = arrow::compute::cast(&k.args[1].to_array(n)?, keys.data_type())?;
    let rows = element_rows(&[keys, &needle])?;
    let mut idx = Vec::with_capacity(n);
    for row in 0..n {
        let (s, e) = bounds(m.value_offsets(), row);
        let want = rows[1].row(row);
        let hit = (s..e).find(|&j| rows[0].row(j) == want);
        idx.push(hit.and_then(|j| u32::try_from(j).ok()));
    }
    finish(k, take_or_default(m.values(), idx, k.ret)?)
}

/// The Arrow type both sides are compared in (their common supertype's).
fn compare_type(elem: &ChType, x: &ChType) -> DfResult<arrow::datatypes::DataType> {
    common_supertype(&[elem.clone(), x.clone()]).map(|t| t.to_arrow()).map_err(Error::into_datafusion)
}

fn has(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    check_arg_count(&ctx.name, &args, 2, 2)?;
    let Some(e) = elem_of(&args[0].ty) else { return Err(illegal_type(&ctx.name, 0, &args[0].ty)) };
    common_supertype(&[e.clone(), args[1].ty.clone()])?;
    // `has` is never Nullable: a NULL needle looks for NULL elements.
    Ok(from_bool(call("has", has_kernel, args, ChType::Bool)?.expr))
}

/// For each row, every position of the needle in the array (calls `f(row, count, first_pos)`).
fn scan(k: &KernelArgs, mut f: impl FnMut(usize, u64, u64)) -> DfResult<()> {
    let n = out_rows(k);
    let l = list_arg(k, 0, n)?;
    let elem = elem_of(&k.arg_types[0]).cloned().unwrap_or(ChType::Nothing);
    let dt = compare_type(&elem, &k.arg_types[1])?;
    let values = arrow::compute::cast(l.values(), &dt)?;
    let needle = arrow::compute::cast(&k.args[1].to_array(n)?, &dt)?;
    let rows = element_rows(&[&values, &needle])?;
    for row in 0..n {
        let (s, e) = bounds(l.value_offsets(), row);
        let want = rows[1].row(row);
        let (mut count, mut first) = (0u64, 0u64);
        for j in s..e {
            if rows[0].row(j) == want {
                count += 1;
                if first == 0 {
                    first = (j - s + 1) as u64;
                }
            }
        }
        f(row, count, first);
    }
    Ok(())
}

fn has_kernel(k: &KernelArgs) -> DfResult<ColumnarValue> {
    let mut b = arrow::array::BooleanBuilder::with_capacity(out_rows(k));
    scan(k, |_, c, _| b.append_value(c > 0))?;
    finish(k, Arc::new(b.finish()))
}

fn search(ctx: &FunctionContext, args: Vec<TypedExpr>, index: bool) -> Result<TypedExpr> {
    check_arg_count(&ctx.name, &args, 2, 2)?;
    let Some(e) = elem_of(&args[0].ty) else { return Err(illegal_type(&ctx.name, 0, &args[0].ty)) };
    common_supertype(&[e.clone(), args[1].ty.clone()])?;
    if index {
        call("indexOf", |k| search_kernel(k, true), args, ChType::UInt64)
    } else {
        call("countEqual", |k| search_kernel(k, false), args, ChType::UInt64)
    }
}

fn search_kernel(k: &KernelArgs, index: bool) -> DfResult<ColumnarValue> {
    let mut b = UInt64Builder::with_capacity(out_rows(k));
    scan(k, |_, c, first| b.append_value(if index { first } else { c }))?;
    finish(k, Arc::new(b.finish()))
}

fn has_all_any(ctx: &FunctionContext, args: Vec<TypedExpr>, all: bool) -> Result<TypedExpr> {
    check_arg_count(&ctx.name, &args, 2, 2)?;
    let mut elems = Vec::new();
    for (i, a) in args.iter().enumerate() {
        match elem_of(&a.ty) {
            Some(e) => elems.push(e.clone()),
            None => return Err(illegal_type(&ctx.name, i, &a.ty)),
        }
    }
    common_supertype(&elems)?;
    if all {
        Ok(from_bool(call("hasAll", |k| has_all_any_kernel(k, true), args, ChType::Bool)?.expr))
    } else {
        Ok(from_bool(call("hasAny", |k| has_all_any_kernel(k, false), args, ChType::Bool)?.expr))
    }
}

fn has_all_any_kernel(k: &KernelArgs, all: bool) -> DfResult<ColumnarValue> {
    let n = out_rows(k);
    let a = list_arg(k, 0, n)?;
    let b = list_arg(k, 1, n)?;
    let ea = elem_of(&k.arg_types[0]).cloned().unwrap_or(ChType::Nothing);
    let eb = elem_of(&k.arg_types[1]).cloned().unwrap_or(ChType::Nothing);
    let dt = compare_type(&ea, &eb)?;
    let va = arrow::compute::cast(a.values(), &dt)?;
    let vb = arrow::compute::cast(b.values(), &dt)?;
    let rows = element_rows(&[&va, &vb])?;
    let mut out = arrow::array::BooleanBuilder::with_capacity(n);
    for row in 0..n {
        let (sa, ea_) = bounds(a.value_offsets(), row);
        let (sb, eb_) = bounds(b.value_offsets(), row);
        let present = |j: usize| (sa..ea_).any(|i| rows[0].row(i) == rows[1].row(j));
        let v = if all { (sb..eb_).all(present) } else { (sb..eb_).any(present) };
        out.append_value(v);
    }
    finish(k, Arc::new(out.finish()))
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use crate::functions::strings::testing::*;
    use crate::types::ChType;

    #[test]
    fn access_and_search() {
        // Checked with chdb 26.9.
        let i = |v| int(v, ChType::Int64);
        assert_eq!(run("arrayElement", vec![arr_u8(&[1, 2, 3]), i(0)]), "0");
        assert_eq!(run("arrayElement", vec![arr_u8(&[1, 2, 3]), i(-1)]), "3");
        assert_eq!(run("arrayElement", vec![arr_u8(&[1, 2, 3]), i(5)]), "0");
        assert_eq!(run("arrayElement", vec![arr_s(&["a"]), i(2)]), "");
        assert_eq!(ty("arrayElement", vec![arr_u8(&[1, 2]), i(1)]), "UInt8");
        let with_null = bind("array", vec![int(1, ChType::UInt8), null()]).unwrap();
        assert_eq!(ty("arrayElement", vec![with_null.clone(), i(1)]), "Nullable(UInt8)");
        assert_eq!(run("arrayElement", vec![with_null.clone(), i(3)]), "\\N");
        assert_eq!(run("has", vec![arr_u8(&[1, 2]), int(2, ChType::UInt8)]), "1");
        assert_eq!(ty("has", vec![arr_u8(&[1, 2]), int(2, ChType::UInt8)]), "UInt8");
        assert_eq!(run("has", vec![arr_u8(&[1, 2]), int(300, ChType::UInt16)]), "0");
        assert_eq!(run("indexOf", vec![arr_u8(&[1, 2, 2]), int(2, ChType::UInt8)]), "2");
        assert_eq!(run("countEqual", vec![arr_u8(&[1, 2, 2]), int(2, ChType::UInt8)]), "2");
        assert_eq!(run("has", vec![with_null.clone(), null()]), "1");
        assert_eq!(ty("has", vec![with_null.clone(), null()]), "UInt8");
        assert_eq!(run("indexOf", vec![with_null, null()]), "2");
        assert_eq!(run("hasAll", vec![arr_u8(&[1, 2, 3]), arr_u8(&[1, 3])]), "1");
        assert_eq!(run("hasAll", vec![arr_u8(&[1, 2, 3]), arr_u8(&[4])]), "0");
        assert_eq!(run("hasAny", vec![arr_u8(&[1, 2, 3]), arr_u8(&[4, 2])]), "1");
        assert_eq!(run("hasAll", vec![arr_u8(&[1]), arr_u8(&[])]), "1");
    }
}
