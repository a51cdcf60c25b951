//! Conversions between composite types, called from [`super::cast_kernel::convert`]:
//! `Tuple → Tuple` (element by element, by position; the target's names win) and
//! `Map → Map` (keys and values converted, offsets kept). `Array → Array` stays in
//! `cast_kernel`; both recurse through `convert`, so any nesting works
//! (`Array(Tuple(…))`, `Map(String, Array(…))`, …). Also `toLowCardinality`,
//! which only changes the ClickHouse type (LowCardinality(T) is stored as T).

use std::sync::Arc;

use arrow::array::{Array, ArrayRef, AsArray, MapArray, StructArray};
use arrow::datatypes::DataType;

use super::cast_kernel::{convert as convert_any, Mode};
use super::{check_arg_count, Case, FunctionContext, FunctionRegistry, TypedExpr};
use crate::error::{Error, ErrorCode, Result};
use crate::types::ChType;

pub fn register(r: &mut FunctionRegistry) {
    r.scalar("toLowCardinality", Case::Sensitive, to_low_cardinality);
}

/// Whether this module converts base types `from` → `to`; None when neither is composite.
pub fn supported(from: &ChType, to: &ChType) -> Option<bool> {
    match (from.base(), to.base()) {
        (ChType::Tuple(fe, _), ChType::Tuple(te, _)) => {
            Some(fe.len() != te.len() || fe.iter().zip(te).all(|(f, t)| element_supported(f, t)))
        }
        (ChType::Map(fk, fv), ChType::Map(tk, tv)) => Some(element_supported(fk, tk) && element_supported(fv, tv)),
        _ => None,
    }
}

fn element_supported(from: &ChType, to: &ChType) -> bool {
    from.base() == to.base() || super::cast_kernel::supported(from, to)
}

/// Converts a column of composite base type `from` to `to`; None when neither is composite.
pub fn convert(arr: &ArrayRef, from: &ChType, to: &ChType, tz: &str, mode: Mode) -> Option<Result<ArrayRef>> {
    match (from, to) {
        (ChType::Tuple(fe, _), ChType::Tuple(te, _)) => Some(convert_tuple(arr, fe, to, te, tz, mode)),
        (ChType::Map(fk, fv), ChType::Map(tk, tv)) => Some(convert_map(arr, (fk, fv), to, (tk, tv), tz, mode)),
        _ => None,
    }
}

/// One element column: Nothing (an untyped NULL) only converts to a Nullable type.
fn convert_element(arr: &ArrayRef, from: &ChType, to: &ChType, tz: &str, mode: Mode) -> Result<ArrayRef> {
    if from.is_nothing() && !to.is_nullable() && !to.is_nothing() && !arr.is_empty() {
        return Err(Error::new(ErrorCode::CANNOT_CONVERT_TYPE, "Cannot convert NULL to a non-nullable type"));
    }
    convert_any(arr, from, to, tz, mode)
}

fn convert_tuple(
    arr: &ArrayRef,
    from: &[ChType],
    to: &ChType,
    te: &[ChType],
    tz: &str,
    mode: Mode,
) -> Result<ArrayRef> {
    if from.len() != te.len() {
        return Err(Error::new(
            ErrorCode::TYPE_MISMATCH,
            "CAST AS Tuple can only be performed between tuple types with the same number of elements or from String",
        ));
    }
    let s = arr.as_struct_opt().ok_or_else(|| Error::new(ErrorCode::LOGICAL_ERROR, "Tuple is not a Struct"))?;
    let DataType::Struct(fields) = to.base().to_arrow() else {
        return Err(Error::new(ErrorCode::LOGICAL_ERROR, "Tuple type is not a Struct"));
    };
    let children = s
        .columns()
        .iter()
        .zip(from.iter().zip(te))
        .map(|(c, (f, t))| convert_element(c, f, t, tz, mode))
        .collect::<Result<Vec<_>>>()?;
    if children.is_empty() {
        return Ok(Arc::new(StructArray::new_empty_fields(s.len(), s.nulls().cloned())));
    }
    Ok(Arc::new(StructArray::try_new(fields, children, s.nulls().cloned())?))
}

fn convert_map(
    arr: &ArrayRef,
    (fk, fv): (&ChType, &ChType),
    to: &ChType,
    (tk, tv): (&ChType, &ChType),
    tz: &str,
    mode: Mode,
) -> Result<ArrayRef> {
    let m = arr.as_map_opt().ok_or_else(|| Error::new(ErrorCode::LOGICAL_ERROR, "Map is not a MapArray"))?;
    let DataType::Map(entries, _) = to.base().to_arrow() else {
        return Err(Error::new(ErrorCode::LOGICAL_ERROR, "Map type is not an Arrow Map"));
    };
    let DataType::Struct(fields) = entries.data_type().clone() else {
        return Err(Error::new(ErrorCode::LOGICAL_ERROR, "Map entries are not a Struct"));
    };
    let keys = convert_element(m.keys(), fk, tk, tz, mode)?;
    if keys.null_count() > 0 {
        return Err(Error::new(ErrorCode::CANNOT_CONVERT_TYPE, "Map keys cannot be NULL"));
    }
    let values = convert_element(m.values(), fv, tv, tz, mode)?;
    let s = StructArray::try_new(fields, vec![keys, values], None)?;
    Ok(Arc::new(MapArray::try_new(entries, m.offsets().clone(), s, m.nulls().cloned(), false)?))
}

/// `toLowCardinality(x)`: the same values, typed LowCardinality (numbers, strings, dates only).
fn to_low_cardinality(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    check_arg_count(&ctx.name, &args, 1, 1)?;
    let mut args = args;
    let a = args.remove(0);
    if matches!(a.ty, ChType::LowCardinality(_)) {
        return Ok(a);
    }
    let b = a.ty.base();
    let ok = b.is_string_or_fixed()
        || b.is_integer()
        || b.is_float()
        || matches!(b, ChType::Date | ChType::Date32 | ChType::DateTime(_) | ChType::Bool)
        || b.is_nothing();
    if !ok {
        return Err(Error::new(
            ErrorCode::ILLEGAL_TYPE_OF_ARGUMENT,
            format!(
                "DataTypeLowCardinality is supported only for numbers, strings, Date or DateTime, but got {}",
                a.ty
            ),
        ));
    }
    let t = ChType::LowCardinality(Box::new(a.ty.clone()));
    Ok(TypedExpr::new(a.expr, t))
}

#[cfg(test)]
mod tests {
    use super::*;
    use arrow::array::{Int32Array, UInt8Array};
    use arrow::datatypes::Field;

    #[test]
    fn tuple_elementwise_and_names() {
        // chdb: CAST((1, 'a') AS Tuple(id UInt32, name String)) = (1,'a')
        let from = ChType::Tuple(vec![ChType::UInt8, ChType::UInt8], None);
        let to = ChType::Tuple(vec![ChType::Int32, ChType::String], Some(vec!["x".into(), "y".into()]));
        let s = StructArray::from(vec![
            (Arc::new(Field::new("1", DataType::UInt8, false)), Arc::new(UInt8Array::from(vec![1u8, 2])) as ArrayRef),
            (Arc::new(Field::new("2", DataType::UInt8, false)), Arc::new(UInt8Array::from(vec![3u8, 4])) as ArrayRef),
        ]);
        let arr: ArrayRef = Arc::new(s);
        let out = convert(&arr, &from, &to, "UTC", Mode::Plain).unwrap().unwrap();
        assert_eq!(out.data_type(), &to.to_arrow());
        let s = out.as_struct();
        assert_eq!(s.column(0).as_any().downcast_ref::<Int32Array>().unwrap().values(), &[1, 2]);
    }

    #[test]
    fn tuple_size_mismatch() {
        let from = ChType::Tuple(vec![ChType::UInt8, ChType::UInt8], None);
        let to = ChType::Tuple(vec![ChType::UInt8], None);
        let s = StructArray::from(vec![
            (Arc::new(Field::new("1", DataType::UInt8, false)), Arc::new(UInt8Array::from(vec![1u8])) as ArrayRef),
            (Arc::new(Field::new("2", DataType::UInt8, false)), Arc::new(UInt8Array::from(vec![3u8])) as ArrayRef),
        ]);
        let arr: ArrayRef = Arc::new(s);
        let e = convert(&arr, &from, &to, "UTC", Mode::Plain).unwrap().unwrap_err();
        assert_eq!(e.code(), 53); // TYPE_MISMATCH
    }
}
