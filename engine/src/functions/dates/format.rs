//! placeholder
use crate::functions::FunctionRegistry;
pub fn register(_r: &mut FunctionRegistry) {}
