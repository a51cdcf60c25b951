//! Test helpers for function builders: evaluate a bound [`TypedExpr`] without a
//! session (a physical expression over a one-row or given batch), and build
//! literal arguments. Only compiled for tests.

use std::sync::Arc;

use arrow::array::{ArrayRef, RecordBatch, RecordBatchOptions};
use arrow::datatypes::Schema;
use datafusion::common::DFSchema;
use datafusion::execution::context::ExecutionProps;
use datafusion::logical_expr::physical_planning_context::PhysicalPlanningContext;
use datafusion::logical_expr::{lit, Expr as DfExpr};
use datafusion::physical_expr::create_physical_expr;
use datafusion::scalar::ScalarValue;

use super::{FunctionContext, FunctionRegistry, TypedExpr};
use crate::error::{Error, Result};
use crate::types::{parse_type, ChType};

/// A context for binding in tests (UTC, database `default`).
pub fn ctx(name: &str) -> FunctionContext {
    FunctionContext {
        name: name.to_string(),
        timezone: "UTC".into(),
        database: "default".into(),
        now_micros: 1_700_000_000_000_000,
        settings: Default::default(),
    }
}

/// Evaluates `e` on a batch (all its columns visible by name).
pub fn eval_on(e: &TypedExpr, batch: &RecordBatch) -> Result<ArrayRef> {
    let schema = DFSchema::try_from(batch.schema().as_ref().clone())?;
    let phys = create_physical_expr(&e.expr, &schema, &ExecutionProps::new(), &PhysicalPlanningContext::default())?;
    let v = phys.evaluate(batch)?;
    let arr = v.into_array(batch.num_rows())?;
    if arr.data_type() != &e.ty.to_arrow() {
        return Err(Error::new(
            crate::error::ErrorCode::LOGICAL_ERROR,
            format!("arrow type {} does not match {}", arr.data_type(), e.ty),
        ));
    }
    Ok(arr)
}

/// Evaluates a constant expression (one row).
pub fn eval(e: &TypedExpr) -> Result<ArrayRef> {
    let batch = RecordBatch::try_new_with_options(
        Arc::new(Schema::empty()),
        vec![],
        &RecordBatchOptions::new().with_row_count(Some(1)),
    )?;
    eval_on(e, &batch)
}

/// A typed literal from a ScalarValue whose Arrow type matches `ty`.
pub fn lit_typed(v: ScalarValue, ty: &str) -> TypedExpr {
    let ty = parse_type(ty).unwrap_or(ChType::Nothing);
    let v = v.cast_to(&ty.to_arrow()).unwrap_or(v);
    TypedExpr::new(lit(v), ty)
}

/// Integer literal of a ClickHouse integer type (`int("Int8", -1)`).
pub fn int(ty: &str, v: i64) -> TypedExpr {
    lit_typed(ScalarValue::Int64(Some(v)), ty)
}

/// UInt64 literal.
pub fn u64_(v: u64) -> TypedExpr {
    TypedExpr::new(lit(ScalarValue::UInt64(Some(v))), ChType::UInt64)
}

/// Float64 literal.
pub fn f64_(v: f64) -> TypedExpr {
    TypedExpr::new(lit(ScalarValue::Float64(Some(v))), ChType::Float64)
}

/// String literal.
pub fn str_(v: &str) -> TypedExpr {
    TypedExpr::new(lit(ScalarValue::BinaryView(Some(v.as_bytes().to_vec()))), ChType::String)
}

/// The NULL literal (type Nullable(Nothing)).
pub fn null() -> TypedExpr {
    TypedExpr::new(DfExpr::Literal(ScalarValue::Null, None), ChType::Nullable(Box::new(ChType::Nothing)))
}

/// A nullable literal of type `Nullable(ty)`, NULL when `v` is None.
pub fn nullable(ty: &str, v: Option<i64>) -> TypedExpr {
    let t = parse_type(ty).unwrap_or(ChType::Nothing);
    let sv = ScalarValue::Int64(v).cast_to(&t.to_arrow()).unwrap_or(ScalarValue::Null);
    TypedExpr::new(lit(sv), t.nullable())
}

/// Binds `name(args)` through the full registry.
pub fn bind(name: &str, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    FunctionRegistry::builtin().bind_scalar(&ctx(name), args)
}

/// Binds and evaluates `name(args)`, returning (type name, first value as text via Debug of the scalar).
pub fn run(name: &str, args: Vec<TypedExpr>) -> Result<(String, ScalarValue)> {
    let e = bind(name, args)?;
    let arr = eval(&e)?;
    let v = ScalarValue::try_from_array(&arr, 0)?;
    Ok((e.ty.to_string(), v))
}

/// The error code of binding or evaluating `name(args)` (0 when it succeeds).
pub fn run_code(name: &str, args: Vec<TypedExpr>) -> i32 {
    match run(name, args) {
        Ok(_) => 0,
        Err(e) => e.code(),
    }
}

/// A column reference of ClickHouse type `ty` (for [`eval_on`] with a batch).
pub fn col(name: &str, ty: &str) -> TypedExpr {
    let t = parse_type(ty).unwrap_or(ChType::Nothing);
    TypedExpr::new(datafusion::logical_expr::col(name), t)
}

/// A batch of named columns.
pub fn batch(cols: Vec<(&str, ArrayRef)>) -> RecordBatch {
    let fields: Vec<arrow::datatypes::Field> =
        cols.iter().map(|(n, a)| arrow::datatypes::Field::new(*n, a.data_type().clone(), true)).collect();
    let arrays = cols.into_iter().map(|(_, a)| a).collect();
    RecordBatch::try_new(Arc::new(Schema::new(fields)), arrays).unwrap_or_else(|e| panic!("batch: {e}"))
}

/// Evaluates `select` (and an optional filter) through a full DataFusion
/// session (analyzer, type coercion, simplifier, optimizer) over `batch`.
pub fn eval_session(select: &TypedExpr, filter: Option<&TypedExpr>, batch: RecordBatch) -> Result<Vec<RecordBatch>> {
    let rt = tokio::runtime::Builder::new_current_thread()
        .build()
        .map_err(|e| Error::new(crate::error::ErrorCode::LOGICAL_ERROR, e.to_string()))?;
    rt.block_on(async {
        let ctx = datafusion::prelude::SessionContext::new();
        let mut df = ctx.read_batch(batch)?;
        if let Some(f) = filter {
            df = df.filter(super::as_predicate(f)?)?;
        }
        let df = df.select(vec![select.expr.clone().alias("r")])?;
        Ok(df.collect().await?)
    })
}
