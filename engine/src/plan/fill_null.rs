//! `fill_null(x, default)`: NULLs of `x` replaced by a constant, as an opaque
//! function. A `CASE WHEN x IS NULL` would be simplified away by DataFusion
//! wherever its schema claims `x` cannot be NULL, yet rolled-up grouping-set
//! keys are NULL at runtime; the missing side of outer joins reads the same way.

use arrow::compute::{is_not_null, kernels::zip::zip};
use datafusion::error::Result as DfResult;
use datafusion::logical_expr::{ColumnarValue, Expr as DfExpr};
use datafusion::scalar::ScalarValue;

use crate::error::Result;
use crate::functions::udf::call;
use crate::functions::{KernelArgs, TypedExpr};

fn kernel(k: &KernelArgs) -> DfResult<ColumnarValue> {
    let value = k.array(0)?;
    if value.null_count() == 0 {
        return Ok(ColumnarValue::Array(value));
    }
    let ColumnarValue::Scalar(default) = &k.args[1] else {
        return Ok(ColumnarValue::Array(value));
    };
    let mask = is_not_null(value.as_ref())?;
    let fallback = default.to_scalar()?;
    Ok(ColumnarValue::Array(zip(&mask, &value, &fallback)?))
}

/// `e` with NULLs replaced by `default` (of `e`'s Arrow type).
pub fn fill_null(e: TypedExpr, default: ScalarValue) -> Result<DfExpr> {
    let ty = e.ty.clone();
    let d = TypedExpr::new(DfExpr::Literal(default, None), ty.clone());
    Ok(call("__fillNull", kernel, vec![e, d], ty)?.expr)
}
