//! Aggregate functions: one `AggregateUDFImpl` + `Accumulator` per ClickHouse
//! aggregate, their partial states (`state_fields`), and the combinators
//! (-If, -Distinct, -Array, -State, -Merge, -OrNull, -OrDefault) that wrap any
//! of them. Registered in the one `FunctionRegistry`.

use std::sync::Arc;

use datafusion::logical_expr::{AggregateUDF, Expr as DfExpr};
use datafusion::scalar::ScalarValue;

use crate::error::Result;
use crate::functions::{FunctionRegistry, TypedExpr};
use crate::types::ChType;

/// What an aggregate builder knows: the name as called and the constant parameters
/// of a parametric aggregate (`quantile(0.9)` → `[Float64(0.9)]`).
#[derive(Debug, Clone)]
pub struct AggregateContext {
    pub name: String,
    pub params: Vec<ScalarValue>,
    /// `count(DISTINCT x)` / the -Distinct combinator.
    pub distinct: bool,
    /// `aggregate_functions_null_for_empty`.
    pub null_for_empty: bool,
}

/// A bound aggregate call: the DataFusion aggregate, its argument expressions,
/// an optional filter (from -If) and the ClickHouse result type.
#[derive(Debug, Clone)]
pub struct BoundAggregate {
    pub udaf: Arc<AggregateUDF>,
    pub args: Vec<DfExpr>,
    pub filter: Option<DfExpr>,
    pub distinct: bool,
    pub ty: ChType,
}

/// Binds one aggregate call.
pub type AggregateBuilder = fn(&AggregateContext, Vec<TypedExpr>) -> Result<BoundAggregate>;

/// Registers every aggregate.
pub fn register_all(_r: &mut FunctionRegistry) {}

/// Resolves `name` (with combinator suffixes) and binds it, or UNKNOWN_FUNCTION.
/// Returns None when the name is not an aggregate at all.
pub fn bind(
    registry: &FunctionRegistry,
    ctx: &AggregateContext,
    args: Vec<TypedExpr>,
) -> Option<Result<BoundAggregate>> {
    let (_, builder) = registry.aggregate_builder(&ctx.name)?;
    Some(builder(ctx, args))
}

/// Whether `name` names an aggregate (with or without combinators).
pub fn is_aggregate(registry: &FunctionRegistry, name: &str) -> bool {
    registry.aggregate_builder(name).is_some()
}
