//! ClickHouse's place for NaN in ORDER BY: next to the NULLs, nearer to the
//! values (ASC: … inf, nan, NULL; DESC: inf … -1, nan, NULL; NULLS FIRST
//! mirrors it). Arrow's float order is total (−NaN < −inf … +inf < +NaN), so a
//! sort key that turns every NaN into +NaN or −NaN, chosen per direction,
//! gives ClickHouse's order (spec/engine.md §2, "ORDER BY").

use std::sync::Arc;

use arrow::array::{Array, Float32Array, Float64Array};
use datafusion::error::Result as DfResult;
use datafusion::logical_expr::{ColumnarValue, Expr as DfExpr};

use crate::error::{Error, ErrorCode};
use crate::functions::udf::call;
use crate::functions::{KernelArgs, TypedExpr};
use crate::types::ChType;

fn canonical<const POSITIVE: bool>(k: &KernelArgs) -> DfResult<ColumnarValue> {
    let a = k.array(0)?;
    let nan64 = if POSITIVE { f64::NAN } else { -f64::NAN };
    let nan32 = if POSITIVE { f32::NAN } else { -f32::NAN };
    let fix64 = |v: f64| if v.is_nan() { nan64 } else { v };
    let fix32 = |v: f32| if v.is_nan() { nan32 } else { v };
    if let Some(f) = a.as_any().downcast_ref::<Float64Array>() {
        let out: Float64Array = f.iter().map(|v| v.map(fix64)).collect();
        return Ok(ColumnarValue::Array(Arc::new(out)));
    }
    if let Some(f) = a.as_any().downcast_ref::<Float32Array>() {
        let out: Float32Array = f.iter().map(|v| v.map(fix32)).collect();
        return Ok(ColumnarValue::Array(Arc::new(out)));
    }
    Err(Error::new(ErrorCode::LOGICAL_ERROR, "NaN sort key on a non-float column").into_datafusion())
}

/// The sort key for `e` in a direction: `e` itself unless it is a float.
pub fn sort_key(e: TypedExpr, desc: bool, nulls_first: bool) -> DfExpr {
    if !e.ty.is_float() {
        return e.expr;
    }
    let positive = desc == nulls_first;
    let ty: ChType = e.ty.clone();
    let kernel = if positive { canonical::<true> } else { canonical::<false> };
    match call("__nanSortKey", kernel, vec![e.clone()], ty) {
        Ok(k) => k.expr,
        Err(_) => e.expr,
    }
}
