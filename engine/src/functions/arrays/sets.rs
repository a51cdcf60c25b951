//! Arrays as sets and sequences: `arrayUnion` (distinct elements of all arrays),
//! `arrayExcept` (elements of the first not in the second, order and duplicates
//! kept), `arraySymmetricDifference` (distinct elements missing from at least one
//! array), `hasSubstr` (contiguous sub-array) and `arrayEnumerateDense`. Elements
//! are compared through the row format (NULL equals NULL).

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use arrow::array::{Array, ArrayRef, UInt32Array};
use datafusion::error::Result as DfResult;
use datafusion::logical_expr::ColumnarValue;

use super::{bounds, coerce, elem_of, element_rows, list_arg, make_list};
use crate::error::{Error, ErrorCode, Result};
use crate::functions::strings::{finish, out_rows};
use crate::functions::udf::call;
use crate::functions::{
    check_arg_count, from_bool, illegal_type, Case, FunctionContext, FunctionRegistry, KernelArgs, TypedExpr,
};
use crate::types::rules::common_supertype;
use crate::types::ChType;

pub fn register(r: &mut FunctionRegistry) {
    r.scalar("arrayUnion", Case::Sensitive, |c, a| set_op(c, a, SetOp::Union));
    r.scalar("arraySymmetricDifference", Case::Sensitive, |c, a| set_op(c, a, SetOp::SymDiff));
    r.scalar("arrayExcept", Case::Sensitive, array_except);
    r.scalar("hasSubstr", Case::Sensitive, has_substr);
    r.scalar("arrayEnumerateDense", Case::Sensitive, enumerate_dense);
}

#[derive(Clone, Copy, PartialEq)]
enum SetOp {
    Union,
    SymDiff,
}

/// All arguments as arrays of their element supertype.
fn unify(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<(Vec<TypedExpr>, ChType)> {
    let mut elems = Vec::new();
    for (i, a) in args.iter().enumerate() {
        match elem_of(&a.ty) {
            Some(e) => elems.push(e.clone()),
            None => return Err(illegal_type(&ctx.name, i, &a.ty)),
        }
    }
    let t = ChType::Array(Box::new(common_supertype(&elems)?));
    let args = args.into_iter().map(|a| coerce(ctx, a, &t)).collect::<Result<Vec<_>>>()?;
    Ok((args, t))
}

fn set_op(ctx: &FunctionContext, args: Vec<TypedExpr>, op: SetOp) -> Result<TypedExpr> {
    check_arg_count(&ctx.name, &args, 1, usize::MAX)?;
    let (args, t) = unify(ctx, args)?;
    match op {
        SetOp::Union => call("arrayUnion", |k| set_kernel(k, SetOp::Union), args, t),
        SetOp::SymDiff => call("arraySymmetricDifference", |k| set_kernel(k, SetOp::SymDiff), args, t),
    }
}

/// Takes elements of all lists by (list, index) pairs chosen per row by `pick`.
fn gather(
    k: &KernelArgs,
    lists: &[arrow::array::ListArray],
    mut pick: impl FnMut(usize, &mut Vec<(usize, usize)>),
) -> DfResult<ColumnarValue> {
    let n = out_rows(k);
    let mut pairs = Vec::new();
    let mut offsets = vec![0i32];
    for row in 0..n {
        pick(row, &mut pairs);
        offsets.push(i32::try_from(pairs.len()).unwrap_or(i32::MAX));
    }
    let refs: Vec<&dyn Array> = lists.iter().map(|l| l.values().as_ref()).collect();
    let elem = elem_of(k.ret).cloned().unwrap_or(ChType::Nothing);
    let values = if refs.is_empty() {
        arrow::array::new_empty_array(&elem.to_arrow())
    } else {
        arrow::compute::interleave(&refs, &pairs)?
    };
    finish(k, Arc::new(make_list(&elem, offsets, values, None)?))
}

fn set_kernel(k: &KernelArgs, op: SetOp) -> DfResult<ColumnarValue> {
    let n = out_rows(k);
    let lists = (0..k.args.len()).map(|i| list_arg(k, i, n)).collect::<DfResult<Vec<_>>>()?;
    let vals: Vec<&ArrayRef> = lists.iter().map(|l| l.values()).collect();
    let rows = element_rows(&vals)?;
    gather(k, &lists, |row, out| {
        // Per distinct element: first occurrence and the number of arrays holding it.
        let mut seen: HashMap<arrow::row::Row<'_>, (usize, usize, usize)> = HashMap::new();
        let mut order = Vec::new();
        for (li, l) in lists.iter().enumerate() {
            let (s, e) = bounds(l.value_offsets(), row);
            let mut here = HashSet::new();
            for j in s..e {
                let key = rows[li].row(j);
                if !here.insert(key) {
                    continue;
                }
                let entry = seen.entry(key).or_insert_with(|| {
                    order.push(key);
                    (li, j, 0)
                });
                entry.2 += 1;
            }
        }
        for key in order {
            if let Some(&(li, j, count)) = seen.get(&key) {
                if op == SetOp::Union || count < lists.len() {
                    out.push((li, j));
                }
            }
        }
    })
}

fn array_except(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    check_arg_count(&ctx.name, &args, 2, 2)?;
    let (Some(a), Some(b)) = (elem_of(&args[0].ty), elem_of(&args[1].ty)) else {
        let i = usize::from(elem_of(&args[0].ty).is_some());
        return Err(illegal_type(&ctx.name, i, &args[i].ty));
    };
    if a != b && !b.is_nothing() {
        return Err(Error::new(
            ErrorCode::ILLEGAL_TYPE_OF_ARGUMENT,
            format!(
                "Function arrayExcept requires both arrays to have exactly the same element type. Got {} and {}",
                args[0].ty, args[1].ty
            ),
        ));
    }
    let t = args[0].ty.clone();
    let args = vec![args[0].clone(), coerce(ctx, args[1].clone(), &t)?];
    call("arrayExcept", except_kernel, args, t)
}

fn except_kernel(k: &KernelArgs) -> DfResult<ColumnarValue> {
    let n = out_rows(k);
    let lists = vec![list_arg(k, 0, n)?, list_arg(k, 1, n)?];
    let rows = element_rows(&[lists[0].values(), lists[1].values()])?;
    gather(k, &lists, |row, out| {
        let (s, e) = bounds(lists[1].value_offsets(), row);
        let drop: HashSet<_> = (s..e).map(|j| rows[1].row(j)).collect();
        let (s, e) = bounds(lists[0].value_offsets(), row);
        out.extend((s..e).filter(|&j| !drop.contains(&rows[0].row(j))).map(|j| (0, j)));
    })
}

fn has_substr(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    check_arg_count(&ctx.name, &args, 2, 2)?;
    let (args, _) = unify(ctx, args)?;
    Ok(from_bool(call("hasSubstr", has_substr_kernel, args, ChType::Bool)?.expr))
}

fn has_substr_kernel(k: &KernelArgs) -> DfResult<ColumnarValue> {
    let n = out_rows(k);
    let a = list_arg(k, 0, n)?;
    let b = list_arg(k, 1, n)?;
    let rows = element_rows(&[a.values(), b.values()])?;
    let mut out = arrow::array::BooleanBuilder::with_capacity(n);
    for row in 0..n {
        let (sa, ea) = bounds(a.value_offsets(), row);
        let (sb, eb) = bounds(b.value_offsets(), row);
        let m = eb - sb;
        let found = m == 0
            || (m <= ea - sa && (sa..=ea - m).any(|st| (0..m).all(|x| rows[0].row(st + x) == rows[1].row(sb + x))));
        out.append_value(found);
    }
    finish(k, Arc::new(out.finish()))
}

fn enumerate_dense(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    check_arg_count(&ctx.name, &args, 1, 1)?;
    if elem_of(&args[0].ty).is_none() {
        return Err(illegal_type(&ctx.name, 0, &args[0].ty));
    }
    call("arrayEnumerateDense", dense_kernel, args, ChType::Array(Box::new(ChType::UInt32)))
}

/// Per element, the 1-based rank of its first appearance among distinct values.
fn dense_kernel(k: &KernelArgs) -> DfResult<ColumnarValue> {
    let n = out_rows(k);
    let l = list_arg(k, 0, n)?;
    let rows = element_rows(&[l.values()])?;
    let mut vals: Vec<u32> = Vec::with_capacity(l.values().len());
    let mut offsets = vec![0i32];
    let mut ids = HashMap::new();
    for row in 0..n {
        ids.clear();
        let (s, e) = bounds(l.value_offsets(), row);
        for j in s..e {
            let next = ids.len() as u32 + 1;
            vals.push(*ids.entry(rows[0].row(j)).or_insert(next));
        }
        offsets.push(i32::try_from(vals.len()).unwrap_or(i32::MAX));
    }
    finish(k, Arc::new(make_list(&ChType::UInt32, offsets, Arc::new(UInt32Array::from(vals)), None)?))
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use crate::functions::strings::testing::*;

    #[test]
    fn sets() {
        // Checked with chdb 26.9 (arrayUnion's order is ClickHouse's hash order: compare sorted).
        assert_eq!(run("arrayExcept", vec![arr_u8(&[1, 2, 2, 3]), arr_u8(&[2])]), "[1,3]");
        assert_eq!(run("arraySymmetricDifference", vec![arr_u8(&[1, 2, 3]), arr_u8(&[2, 3, 4])]), "[1,4]");
        assert_eq!(run("arrayUnion", vec![arr_u8(&[1, 1, 2]), arr_u8(&[2, 3])]), "[1,2,3]");
        assert_eq!(run("hasSubstr", vec![arr_u8(&[1, 2, 3, 4]), arr_u8(&[2, 3])]), "1");
        assert_eq!(run("hasSubstr", vec![arr_u8(&[1, 2, 3]), arr_u8(&[3, 2])]), "0");
        assert_eq!(run("hasSubstr", vec![arr_u8(&[1]), arr_u8(&[])]), "1");
        assert_eq!(run("arrayEnumerateDense", vec![arr_u8(&[10, 20, 10, 30])]), "[1,2,1,3]");
    }
}
