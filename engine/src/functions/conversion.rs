//! Type conversions: `CAST`, `toInt8`…`toUInt256`, `toFloat32/64`,
//! `toDecimal*`, their `OrNull`/`OrZero` forms, and [`cast`], the one function
//! the binder and every other function use to convert a value to a ClickHouse type.

use super::{FunctionContext, TypedExpr};
use crate::error::{Error, ErrorCode, Result};
use crate::types::ChType;

/// Converts `arg` to `to` with ClickHouse's `CAST` semantics (integers wrap,
/// strings are parsed, errors carry ClickHouse's codes).
pub fn cast(_ctx: &FunctionContext, arg: TypedExpr, to: &ChType) -> Result<TypedExpr> {
    if &arg.ty == to {
        return Ok(arg);
    }
    Err(Error::new(ErrorCode::NOT_IMPLEMENTED, format!("CAST from {} to {to}", arg.ty)))
}
