//! placeholder
use crate::error::Result;
use crate::functions::{FunctionContext, FunctionRegistry, TypedExpr};
pub fn register(_r: &mut FunctionRegistry) {}
pub(crate) fn b_format(ctx: &FunctionContext, _args: Vec<TypedExpr>) -> Result<TypedExpr> {
    Err(crate::error::Error::new(crate::error::ErrorCode::NOT_IMPLEMENTED, ctx.name.clone()))
}
