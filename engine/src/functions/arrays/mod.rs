//! ClickHouse array functions without lambdas (`src/Functions/array/`):
//! construction and reshaping (`build`: `array`, `range`, `arrayConcat`,
//! `arraySlice`, push/pop), element access and search (`access`:
//! `arrayElement`, `has`, `indexOf`, …), whole-array transforms (`transform`:
//! reverse, sort, distinct, enumerate, flatten, zip, …) and reductions
//! (`reduce`: `arraySum`…, `arrayStringConcat`), sized construction and
//! reshaping (`shape`), set operations (`sets`) and running sums (`cumulative`). `length`, `empty` and
//! `notEmpty` on arrays are the string builders in `strings::basic` (one name,
//! one builder dispatching on type). `arrayJoin` is the binder's (an unnest).
//!
//! Elements are compared through Arrow's row format ([`element_rows`]): equal
//! values have equal bytes, and the bytes sort as the values do, for any type.

pub mod access;
pub mod build;
pub mod cumulative;
pub mod reduce;
pub mod reduce_agg;
pub mod sets;
pub mod shape;
pub mod transform;

use std::sync::Arc;

use arrow::array::{Array, ArrayRef, AsArray, ListArray};
use arrow::buffer::{NullBuffer, OffsetBuffer};
use arrow::datatypes::FieldRef;
use arrow::row::{RowConverter, Rows, SortField};
use datafusion::error::Result as DfResult;
use datafusion::logical_expr::lit;
use datafusion::scalar::ScalarValue;

use super::strings::logical;
use super::{FunctionContext, FunctionRegistry, KernelArgs, TypedExpr};
use crate::error::Result;
use crate::types::ChType;

/// Registers every array function.
pub fn register(r: &mut FunctionRegistry) {
    build::register(r);
    access::register(r);
    transform::register(r);
    reduce::register(r);
    shape::register(r);
    sets::register(r);
    cumulative::register(r);
    reduce_agg::register(r);
}

/// Argument `i` as a ListArray of the batch's rows.
pub fn list_arg(k: &KernelArgs, i: usize, rows: usize) -> DfResult<ListArray> {
    let a = k.args[i].to_array(rows)?;
    match a.as_list_opt::<i32>() {
        Some(l) => Ok(l.clone()),
        None => Err(logical(format!("expected an array, got {}", a.data_type()))),
    }
}

/// The Arrow field of list elements of ClickHouse element type `elem`.
pub fn item_field(elem: &ChType) -> FieldRef {
    Arc::new(elem.to_arrow_field("item"))
}

/// A ListArray of element type `elem` from offsets and values.
pub fn make_list(elem: &ChType, offsets: Vec<i32>, values: ArrayRef, nulls: Option<NullBuffer>) -> DfResult<ListArray> {
    Ok(ListArray::try_new(item_field(elem), OffsetBuffer::new(offsets.into()), values, nulls)?)
}

/// Row-format encodings of `cols` (all of one Arrow type): equal values, equal bytes.
pub fn element_rows(cols: &[&ArrayRef]) -> DfResult<Vec<Rows>> {
    let Some(first) = cols.first() else { return Ok(Vec::new()) };
    let conv = RowConverter::new(vec![SortField::new(first.data_type().clone())])?;
    cols.iter().map(|c| Ok(conv.convert_columns(&[Arc::clone(c)])?)).collect()
}

/// The element type of an array type.
pub fn elem_of(t: &ChType) -> Option<&ChType> {
    match t.base() {
        ChType::Array(e) => Some(e),
        _ => None,
    }
}

/// Converts `arg` to type `to`: a retype when only Nullable differs (same Arrow
/// storage), a typed NULL for the NULL literal, else `conversion::cast`.
pub fn coerce(ctx: &FunctionContext, arg: TypedExpr, to: &ChType) -> Result<TypedExpr> {
    if &arg.ty == to {
        return Ok(arg);
    }
    if arg.ty.is_nothing() {
        let v = ScalarValue::try_from(&to.to_arrow())?;
        return Ok(TypedExpr::new(lit(v), to.clone()));
    }
    if arg.ty.remove_nullable() == to.remove_nullable() && to.is_nullable() {
        return Ok(TypedExpr::new(arg.expr, to.clone()));
    }
    if without_nullable(&arg.ty) == without_nullable(to) {
        // Only nested nullability differs (Array(String) → Array(Nullable(String))): an Arrow
        // cast of the field flags, the values stay.
        let e = datafusion::logical_expr::Expr::Cast(datafusion::logical_expr::Cast::new(
            Box::new(arg.expr),
            to.to_arrow(),
        ));
        return Ok(TypedExpr::new(e, to.clone()));
    }
    crate::functions::conversion::cast(ctx, arg, to)
}

/// The type with every Nullable removed, at any depth.
fn without_nullable(t: &ChType) -> ChType {
    match t.remove_nullable() {
        ChType::Array(e) => ChType::Array(Box::new(without_nullable(&e))),
        ChType::Tuple(es, n) => ChType::Tuple(es.iter().map(without_nullable).collect(), n),
        ChType::Map(k, v) => ChType::Map(Box::new(without_nullable(&k)), Box::new(without_nullable(&v))),
        other => other,
    }
}

/// A one-row array holding the default value of `ty` (stored as `dt`); maps and
/// tuples are built here because DataFusion's `new_default` builds invalid maps.
pub fn default_row(ty: &ChType, dt: &arrow::datatypes::DataType) -> DfResult<ArrayRef> {
    use arrow::datatypes::DataType;
    match (ty.base(), dt) {
        (_, DataType::Map(entries, sorted)) if !ty.is_nullable() => {
            let DataType::Struct(fields) = entries.data_type() else {
                return Err(logical("map entries are not a struct".into()));
            };
            let s = arrow::array::StructArray::new_empty_fields(0, None);
            let s = if fields.is_empty() {
                s
            } else {
                let cols = fields.iter().map(|f| arrow::array::new_empty_array(f.data_type())).collect();
                arrow::array::StructArray::try_new(fields.clone(), cols, None)?
            };
            let m = arrow::array::MapArray::try_new(
                Arc::clone(entries),
                OffsetBuffer::new(vec![0, 0].into()),
                s,
                None,
                *sorted,
            )?;
            Ok(Arc::new(m))
        }
        (ChType::Tuple(elems, _), DataType::Struct(fields)) if !ty.is_nullable() && !fields.is_empty() => {
            let cols = elems
                .iter()
                .zip(fields.iter())
                .map(|(t, f)| default_row(t, f.data_type()))
                .collect::<DfResult<Vec<_>>>()?;
            Ok(Arc::new(arrow::array::StructArray::try_new(fields.clone(), cols, None)?))
        }
        _ => crate::types::default_value(ty).map_err(|e| e.into_datafusion())?.to_array_of_size(1),
    }
}

/// `(start, end)` of list row `i`, relative to the values array.
#[inline]
pub fn bounds(offsets: &[i32], i: usize) -> (usize, usize) {
    (usize::try_from(offsets[i]).unwrap_or(0), usize::try_from(offsets[i + 1]).unwrap_or(0))
}

#[cfg(test)]
pub(crate) mod testing {
    //! Array literals for tests.
    use super::*;
    use crate::functions::strings::testing::bind;

    /// `[v…]` of UInt8 literals bound through `array`.
    pub fn arr_u8(v: &[i64]) -> TypedExpr {
        let args = v.iter().map(|x| crate::functions::strings::testing::int(*x, ChType::UInt8)).collect();
        bind("array", args).expect("array")
    }

    /// `['a', …]`.
    pub fn arr_s(v: &[&str]) -> TypedExpr {
        let args = v.iter().map(|x| crate::functions::strings::testing::s(x)).collect();
        bind("array", args).expect("array")
    }
}
