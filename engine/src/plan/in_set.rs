//! `x IN (subquery)` anywhere in a query: the subquery's values are gathered
//! once into one array (a scalar subquery over `groupUniqArray`), and
//! `__inSet(x, set)` probes a hash set of their row encodings, built once per
//! batch from the constant set. DataFusion plans its own IN-subquery only as a
//! top-level WHERE conjunct; this form also works in SELECT, ORDER BY, under
//! OR/NOT, and for tuples (compared as whole rows).

use std::collections::HashSet;
use std::sync::Arc;

use arrow::array::{Array, BooleanBuilder, ListArray};
use arrow::row::{RowConverter, SortField};
use datafusion::error::Result as DfResult;
use datafusion::logical_expr::{ColumnarValue, Expr as DfExpr};
use datafusion::scalar::ScalarValue;

use crate::error::{Error, ErrorCode, Result};
use crate::functions::udf::call;
use crate::functions::{KernelArgs, TypedExpr};
use crate::types::ChType;

fn kernel(k: &KernelArgs) -> DfResult<ColumnarValue> {
    let probe = k.array(0)?;
    let set = match &k.args[1] {
        ColumnarValue::Scalar(ScalarValue::List(l)) => l.clone(),
        ColumnarValue::Scalar(other) if other.is_null() => {
            return Ok(ColumnarValue::Scalar(ScalarValue::Boolean(Some(false))));
        }
        _ => return Err(Error::new(ErrorCode::LOGICAL_ERROR, "IN set is not a constant array").into_datafusion()),
    };
    let list: &ListArray = set.as_ref();
    let values = if list.is_empty() || list.is_null(0) { list.values().slice(0, 0) } else { list.value(0) };
    let converter = RowConverter::new(vec![SortField::new(probe.data_type().clone())])?;
    let values = arrow::compute::cast(&values, probe.data_type())?;
    let set_rows = converter.convert_columns(&[values])?;
    let members: HashSet<&[u8]> = (0..set_rows.num_rows()).map(|i| set_rows.row(i).data()).collect();
    let probe_rows = converter.convert_columns(std::slice::from_ref(&probe))?;
    let mut out = BooleanBuilder::with_capacity(probe.len());
    for i in 0..probe.len() {
        if probe.is_null(i) {
            out.append_null();
        } else {
            out.append_value(members.contains(probe_rows.row(i).data()));
        }
    }
    Ok(ColumnarValue::Array(Arc::new(out.finish())))
}

/// Boolean `probe IN set`, where `set` is an `Array(T)` scalar subquery.
pub fn in_set(probe: TypedExpr, set: TypedExpr) -> Result<DfExpr> {
    Ok(call("__inSet", kernel, vec![probe, set], ChType::Bool)?.expr)
}
