//! Maps: `map(k1, v1, …)`, `mapFromArrays(keys, values)`, `mapKeys`,
//! `mapValues`, `mapContains`. `m[key]` binds to `arrayElement`, which
//! dispatches maps to `arrays::access`. Keys and values take their common
//! supertypes, as in ClickHouse's `map.cpp`.

use std::sync::Arc;

use arrow::array::{Array, ArrayRef, AsArray, MapArray, StructArray};
use arrow::buffer::OffsetBuffer;
use arrow::datatypes::DataType;
use datafusion::error::Result as DfResult;
use datafusion::logical_expr::ColumnarValue;

use super::arrays::{bounds, coerce, element_rows, list_arg, make_list};
use super::strings::search::predicate_call;
use super::strings::{finish, logical, out_rows};
use super::udf::call;
use super::{check_arg_count, illegal_type, Case, FunctionContext, FunctionRegistry, KernelArgs, TypedExpr};
use crate::error::{Error, ErrorCode, Result};
use crate::types::rules::common_supertype;
use crate::types::ChType;

pub fn register(r: &mut FunctionRegistry) {
    r.scalar("map", Case::Sensitive, map);
    r.scalar("mapFromArrays", Case::Sensitive, map_from_arrays);
    r.scalar("mapKeys", Case::Sensitive, |c, a| keys_or_values(c, a, true));
    r.scalar("mapValues", Case::Sensitive, |c, a| keys_or_values(c, a, false));
    r.scalar("mapContains", Case::Sensitive, map_contains);
}

fn map_parts(t: &ChType) -> Option<(&ChType, &ChType)> {
    match t.base() {
        ChType::Map(k, v) => Some((k, v)),
        _ => None,
    }
}

/// Builds a MapArray of type `t` from keys, values and per-row offsets.
fn make_map(t: &ChType, offsets: Vec<i32>, keys: ArrayRef, values: ArrayRef) -> DfResult<MapArray> {
    let DataType::Map(entries, _) = t.to_arrow() else { return Err(logical(format!("{t} is not a map"))) };
    let DataType::Struct(fields) = entries.data_type().clone() else { return Err(logical("map entries".into())) };
    let s = StructArray::try_new(fields, vec![keys, values], None)?;
    Ok(MapArray::try_new(entries, OffsetBuffer::new(offsets.into()), s, None, false)?)
}

fn map(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    if !args.len().is_multiple_of(2) {
        return Err(Error::new(
            ErrorCode::NUMBER_OF_ARGUMENTS_DOESNT_MATCH,
            "Function map requires even number of arguments",
        ));
    }
    let kt: Vec<ChType> = args.iter().step_by(2).map(|a| a.ty.clone()).collect();
    let vt: Vec<ChType> = args.iter().skip(1).step_by(2).map(|a| a.ty.clone()).collect();
    if args.is_empty() {
        // DataFusion calls need an argument: `map()` is a literal.
        let t = ChType::Map(Box::new(ChType::Nothing), Box::new(ChType::Nothing));
        let empty = arrow::array::new_empty_array(&DataType::Null);
        let m = make_map(&t, vec![0, 0], Arc::clone(&empty), empty).map_err(Error::from)?;
        return Ok(TypedExpr::new(datafusion::logical_expr::lit(datafusion::scalar::ScalarValue::Map(Arc::new(m))), t));
    }
    let (k, v) = (common_supertype(&kt)?, common_supertype(&vt)?);
    let args = args
        .into_iter()
        .enumerate()
        .map(|(i, a)| coerce(ctx, a, if i % 2 == 0 { &k } else { &v }))
        .collect::<Result<Vec<_>>>()?;
    call("map", map_kernel, args, ChType::Map(Box::new(k), Box::new(v)))
}

fn map_kernel(k: &KernelArgs) -> DfResult<ColumnarValue> {
    let n = out_rows(k);
    let pairs = k.args.len() / 2;
    let cols = k.args.iter().map(|a| a.to_array(n)).collect::<DfResult<Vec<_>>>()?;
    let pick = |first: usize| -> DfResult<ArrayRef> {
        let refs: Vec<&dyn Array> = cols.iter().skip(first).step_by(2).map(|c| c.as_ref()).collect();
        let idx: Vec<(usize, usize)> = (0..n).flat_map(|r| (0..pairs).map(move |c| (c, r))).collect();
        Ok(arrow::compute::interleave(&refs, &idx)?)
    };
    let (keys, values) = if pairs == 0 {
        let ChType::Map(kt, vt) = k.ret else { return Err(logical("map type".into())) };
        (arrow::array::new_empty_array(&kt.to_arrow()), arrow::array::new_empty_array(&vt.to_arrow()))
    } else {
        (pick(0)?, pick(1)?)
    };
    let p = i32::try_from(pairs).unwrap_or(i32::MAX);
    let offsets = (0..=n).map(|i| (i as i32).saturating_mul(p)).collect();
    finish(k, Arc::new(make_map(k.ret, offsets, keys, values)?))
}

fn map_from_arrays(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    check_arg_count(&ctx.name, &args, 2, 2)?;
    let (Some(kt), Some(vt)) = (super::arrays::elem_of(&args[0].ty), super::arrays::elem_of(&args[1].ty)) else {
        return Err(illegal_type(&ctx.name, 0, &args[0].ty));
    };
    let t = ChType::Map(Box::new(kt.clone()), Box::new(vt.clone()));
    call("mapFromArrays", from_arrays_kernel, args, t)
}

fn from_arrays_kernel(k: &KernelArgs) -> DfResult<ColumnarValue> {
    let n = out_rows(k);
    let ks = list_arg(k, 0, n)?;
    let vs = list_arg(k, 1, n)?;
    for row in 0..n {
        let (a, b) = bounds(ks.value_offsets(), row);
        let (c, d) = bounds(vs.value_offsets(), row);
        if b - a != d - c {
            return Err(Error::new(
                ErrorCode::SIZES_OF_ARRAYS_DONT_MATCH,
                "Function mapFromArrays requires arrays of the same size",
            )
            .into_datafusion());
        }
    }
    // Rebase both value arrays to the key offsets.
    let take = |l: &arrow::array::ListArray| -> DfResult<ArrayRef> {
        let idx: arrow::array::UInt32Array = (0..n)
            .flat_map(|row| {
                let (a, b) = bounds(l.value_offsets(), row);
                (a..b).map(|x| x as u32)
            })
            .collect();
        Ok(arrow::compute::take(l.values().as_ref(), &idx, None)?)
    };
    let mut offsets = vec![0i32];
    for row in 0..n {
        let (a, b) = bounds(ks.value_offsets(), row);
        offsets.push(offsets[row] + (b - a) as i32);
    }
    finish(k, Arc::new(make_map(k.ret, offsets, take(&ks)?, take(&vs)?)?))
}

fn keys_or_values(ctx: &FunctionContext, args: Vec<TypedExpr>, keys: bool) -> Result<TypedExpr> {
    check_arg_count(&ctx.name, &args, 1, 1)?;
    let Some((kt, vt)) = map_parts(&args[0].ty) else { return Err(illegal_type(&ctx.name, 0, &args[0].ty)) };
    let elem = if keys { kt.clone() } else { vt.clone() };
    let ret = ChType::Array(Box::new(elem));
    if keys {
        call("mapKeys", |k| keys_values_kernel(k, true), args, ret)
    } else {
        call("mapValues", |k| keys_values_kernel(k, false), args, ret)
    }
}

fn keys_values_kernel(k: &KernelArgs, keys: bool) -> DfResult<ColumnarValue> {
    let n = out_rows(k);
    let a = k.args[0].to_array(n)?;
    let Some(m) = a.as_map_opt() else { return Err(logical("expected a map".into())) };
    let vals = if keys { Arc::clone(m.keys()) } else { Arc::clone(m.values()) };
    let elem = super::arrays::elem_of(k.ret).cloned().unwrap_or(ChType::Nothing);
    let offsets = m.value_offsets().to_vec();
    finish(k, Arc::new(make_list(&elem, offsets, vals, None)?))
}

fn map_contains(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    check_arg_count(&ctx.name, &args, 2, 2)?;
    let Some((key, _)) = map_parts(&args[0].ty) else { return Err(illegal_type(&ctx.name, 0, &args[0].ty)) };
    common_supertype(&[key.clone(), args[1].ty.clone()])?;
    predicate_call("mapContains", contains_kernel, args)
}

fn contains_kernel(k: &KernelArgs) -> DfResult<ColumnarValue> {
    let n = out_rows(k);
    let a = k.args[0].to_array(n)?;
    let Some(m) = a.as_map_opt() else { return Err(logical("expected a map".into())) };
    let keys = m.keys();
    let needle = arrow::compute::cast(&k.args[1].to_array(n)?, keys.data_type())?;
    let rows = element_rows(&[keys, &needle])?;
    let mut b = arrow::array::BooleanBuilder::with_capacity(n);
    for row in 0..n {
        let (s, e) = bounds(m.value_offsets(), row);
        let want = rows[1].row(row);
        b.append_value((s..e).any(|j| rows[0].row(j) == want));
    }
    finish(k, Arc::new(b.finish()))
}

#[cfg(test)]
mod tests {
    use crate::functions::arrays::testing::*;
    use crate::functions::strings::testing::*;
    use crate::types::ChType;

    #[test]
    fn maps() {
        // Checked with chdb 26.9.
        let m = || bind("map", vec![s("a"), int(1, ChType::UInt8), s("b"), int(2, ChType::UInt8)]).unwrap();
        assert_eq!(m().ty.to_string(), "Map(String, UInt8)");
        assert_eq!(run("arrayElement", vec![m(), s("b")]), "2");
        assert_eq!(run("arrayElement", vec![m(), s("z")]), "0");
        assert_eq!(ty("arrayElement", vec![m(), s("a")]), "UInt8");
        assert_eq!(run("mapKeys", vec![m()]), "['a','b']");
        assert_eq!(run("mapValues", vec![m()]), "[1,2]");
        assert_eq!(run("mapContains", vec![m(), s("a")]), "1");
        assert_eq!(run("mapContains", vec![m(), s("q")]), "0");
        assert_eq!(run("length", vec![m()]), "2");
        let fa = bind("mapFromArrays", vec![arr_s(&["x", "y"]), arr_u8(&[1, 2])]).unwrap();
        assert_eq!(fa.ty.to_string(), "Map(String, UInt8)");
        assert_eq!(run("arrayElement", vec![fa.clone(), s("y")]), "2");
        assert_eq!(err_code("mapFromArrays", vec![arr_s(&["x"]), arr_u8(&[1, 2])]), 190);
        assert_eq!(err_code("map", vec![s("a")]), 42);
        assert_eq!(err_code("mapContains", vec![m(), int(1, ChType::UInt8)]), 386);
        assert_eq!(err_code("arrayElement", vec![m(), int(1, ChType::UInt8)]), 386);
        assert_eq!(ty("map", vec![]), "Map(Nothing, Nothing)");
        assert_eq!(run("length", vec![bind("map", vec![]).unwrap()]), "0");
    }
}
