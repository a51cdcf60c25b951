//! Maps: `map(k1, v1, …)`, `mapFromArrays(keys, values)`, `mapKeys`,
//! `mapValues`, `mapContains`. `m[key]` binds to `arrayElement`, which
//! dispatches maps to `arrays::access`. Keys and values take their common
//! supertypes, as in ClickHouse's `map.cpp`. `mapAdd` / `mapSubtract` merge maps
//! by key (keys sorted, values promoted to 64 bits).

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
    r.scalar("mapAdd", Case::Sensitive, |c, a| map_add(c, a, false));
    r.scalar("mapSubtract", Case::Sensitive, |c, a| map_add(c, a, true));
}

/// `mapAdd(m1, m2, …)` / `mapSubtract`: values of equal keys summed (subtracted from
/// the first), keys sorted; values promoted to UInt64, Int64 or Float64.
fn map_add(ctx: &FunctionContext, args: Vec<TypedExpr>, subtract: bool) -> Result<TypedExpr> {
    if args.len() < 2 {
        return Err(Error::new(
            ErrorCode::NUMBER_OF_ARGUMENTS_DOESNT_MATCH,
            format!("{} accepts at least two maps or map tuples", ctx.name),
        ));
    }
    let mut kts = Vec::new();
    let mut vts = Vec::new();
    for (i, a) in args.iter().enumerate() {
        let Some((k, v)) = map_parts(&a.ty) else { return Err(illegal_type(&ctx.name, i, &a.ty)) };
        kts.push(k.clone());
        vts.push(v.clone());
    }
    let promoted = |t: &ChType| {
        let t = t.base();
        if t.is_unsigned_int() && t.bit_width().is_some_and(|w| w <= 64) {
            Some(ChType::UInt64)
        } else if t.is_signed_int() && t.bit_width().is_some_and(|w| w <= 64) {
            Some(ChType::Int64)
        } else if t.is_float() {
            Some(ChType::Float64)
        } else {
            None
        }
    };
    let v = promoted(&vts[0]).ok_or_else(|| illegal_type(&ctx.name, 0, &args[0].ty))?;
    for t in &vts[1..] {
        if promoted(t).as_ref() != Some(&v) {
            return Err(Error::new(
                ErrorCode::ILLEGAL_TYPE_OF_ARGUMENT,
                format!("All value types in {} should be promotable to {v}, got {t}", ctx.name),
            ));
        }
    }
    let k = common_supertype(&kts)?;
    let t = ChType::Map(Box::new(k), Box::new(v));
    let args = args.into_iter().map(|a| coerce(ctx, a, &t)).collect::<Result<Vec<_>>>()?;
    if subtract {
        call("mapSubtract", |k| map_add_kernel(k, true), args, t)
    } else {
        call("mapAdd", |k| map_add_kernel(k, false), args, t)
    }
}

fn map_add_kernel(k: &KernelArgs, subtract: bool) -> DfResult<ColumnarValue> {
    use std::collections::BTreeMap;
    let n = out_rows(k);
    let cols = k.args.iter().map(|a| a.to_array(n)).collect::<DfResult<Vec<_>>>()?;
    let maps = cols
        .iter()
        .map(|c| c.as_map_opt().ok_or_else(|| logical("expected a map".into())))
        .collect::<DfResult<Vec<_>>>()?;
    let keys: Vec<&ArrayRef> = maps.iter().map(|m| m.keys()).collect();
    let rows = element_rows(&keys)?;
    let float = matches!(map_parts(k.ret), Some((_, ChType::Float64)));
    let vals = maps
        .iter()
        .map(|m| arrow::compute::cast(m.values(), if float { &DataType::Float64 } else { &DataType::Int64 }))
        .collect::<std::result::Result<Vec<_>, _>>()?;
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    let mut ints: Vec<i64> = Vec::new();
    let mut floats: Vec<f64> = Vec::new();
    let mut offsets = vec![0i32];
    for row in 0..n {
        let mut acc: BTreeMap<arrow::row::Row<'_>, (usize, usize, i64, f64)> = BTreeMap::new();
        for (mi, m) in maps.iter().enumerate() {
            let (s, e) = bounds(m.value_offsets(), row);
            let neg = subtract && mi > 0;
            for j in s..e {
                let (iv, fv) = if float {
                    (0, vals[mi].as_primitive::<arrow::datatypes::Float64Type>().value(j))
                } else {
                    (vals[mi].as_primitive::<arrow::datatypes::Int64Type>().value(j), 0.0)
                };
                let entry = acc.entry(rows[mi].row(j)).or_insert((mi, j, 0, 0.0));
                if neg {
                    entry.2 = entry.2.wrapping_sub(iv);
                    entry.3 -= fv;
                } else {
                    entry.2 = entry.2.wrapping_add(iv);
                    entry.3 += fv;
                }
            }
        }
        for (_, (mi, j, iv, fv)) in acc {
            pairs.push((mi, j));
            ints.push(iv);
            floats.push(fv);
        }
        offsets.push(i32::try_from(pairs.len()).unwrap_or(i32::MAX));
    }
    let key_refs: Vec<&dyn Array> = keys.iter().map(|a| a.as_ref()).collect();
    let out_keys = arrow::compute::interleave(&key_refs, &pairs)?;
    let out_vals: ArrayRef = if float {
        Arc::new(arrow::array::Float64Array::from(floats))
    } else if matches!(map_parts(k.ret), Some((_, ChType::UInt64))) {
        Arc::new(arrow::array::UInt64Array::from_iter_values(ints.iter().map(|x| *x as u64)))
    } else {
        Arc::new(arrow::array::Int64Array::from(ints))
    };
    finish(k, Arc::new(make_map(k.ret, offsets, out_keys, out_vals)?))
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
