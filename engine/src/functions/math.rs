//! math functions.

use super::FunctionRegistry;

/// Registers the family.
pub fn register(_r: &mut FunctionRegistry) {}
