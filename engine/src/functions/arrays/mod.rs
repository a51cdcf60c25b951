//! ClickHouse array functions without lambdas (`src/Functions/array/`):
//! construction (`array`, `range`), element access and search (`access`),
//! and whole-array transforms (`transform`). `length`, `empty` and `notEmpty`
//! on arrays live with the string forms in `strings::basic` (one name, one
//! builder dispatching on type). `arrayJoin` is the binder's (an unnest).

pub mod transform;

use super::FunctionRegistry;

/// Registers every array function.
pub fn register(r: &mut FunctionRegistry) {
    transform::register(r);
}
