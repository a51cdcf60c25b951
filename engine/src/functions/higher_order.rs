//! Higher-order array functions with lambdas: `arrayMap(x -> x * 2, arr)`,
//! `arrayFilter`, `arrayExists`, `arrayAll`, `arrayCount`, `arrayFirst`,
//! `arrayLast`, `arrayFirstIndex`, `arrayLastIndex`, `arraySum`/`arrayMin`/
//! `arrayMax`/`arrayAvg` with a lambda, `arraySort`/`arrayReverseSort` by key.
//!
//! How it runs: the binder binds the lambda body as an ordinary expression over
//! columns `<prefix>0…` (the lambda parameters, one element each) and `__cap0…`
//! (outer columns the body captures). [`LambdaUdf`] receives the arrays and the
//! captured columns, flattens the arrays' elements into one batch (captured
//! values repeated per element), evaluates the body once over that batch with a
//! physical expression, and folds the results back per row. One vectorized
//! evaluation per batch, whatever the array sizes.

use std::sync::Arc;

use arrow::array::{Array, ArrayRef, BooleanArray, Float64Array, ListArray, UInt32Array, UInt32Builder, UInt64Array};
use arrow::buffer::OffsetBuffer;
use arrow::compute::{cast, filter, sort_to_indices, take, SortOptions};
use arrow::datatypes::{DataType, Field, Schema};
use arrow::record_batch::RecordBatch;
use datafusion::common::DFSchema;
use datafusion::error::Result as DfResult;
use datafusion::execution::context::ExecutionProps;
use datafusion::logical_expr::physical_planning_context::PhysicalPlanningContext;
use datafusion::logical_expr::{
    ColumnarValue, Expr as DfExpr, ScalarFunctionArgs, ScalarUDF, ScalarUDFImpl, Signature, Volatility,
};
use datafusion::physical_expr::create_physical_expr;

use super::TypedExpr;
use crate::error::{Error, ErrorCode, Result};
use crate::types::ChType;

/// What a higher-order function does with the lambda's per-element results.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum HigherOrderKind {
    Map,
    Filter,
    Exists,
    All,
    Count,
    First,
    Last,
    FirstIndex,
    LastIndex,
    Sum,
    Min,
    Max,
    Avg,
    Sort,
    ReverseSort,
    FirstOrNull,
    LastOrNull,
    Fill,
    ReverseFill,
    Split,
    ReverseSplit,
}

impl HigherOrderKind {
    /// The kind for a ClickHouse function name, if it takes a lambda.
    pub fn from_name(name: &str) -> Option<HigherOrderKind> {
        Some(match name {
            "arrayMap" => HigherOrderKind::Map,
            "arrayFilter" => HigherOrderKind::Filter,
            "arrayExists" => HigherOrderKind::Exists,
            "arrayAll" => HigherOrderKind::All,
            "arrayCount" => HigherOrderKind::Count,
            "arrayFirst" => HigherOrderKind::First,
            "arrayLast" => HigherOrderKind::Last,
            "arrayFirstIndex" => HigherOrderKind::FirstIndex,
            "arrayLastIndex" => HigherOrderKind::LastIndex,
            "arraySum" => HigherOrderKind::Sum,
            "arrayMin" => HigherOrderKind::Min,
            "arrayMax" => HigherOrderKind::Max,
            "arrayAvg" => HigherOrderKind::Avg,
            "arraySort" => HigherOrderKind::Sort,
            "arrayReverseSort" => HigherOrderKind::ReverseSort,
            "arrayFirstOrNull" => HigherOrderKind::FirstOrNull,
            "arrayLastOrNull" => HigherOrderKind::LastOrNull,
            "arrayFill" => HigherOrderKind::Fill,
            "arrayReverseFill" => HigherOrderKind::ReverseFill,
            "arraySplit" => HigherOrderKind::Split,
            "arrayReverseSplit" => HigherOrderKind::ReverseSplit,
            _ => return None,
        })
    }

    /// Whether the lambda's result is used as a condition.
    pub fn is_predicate(self) -> bool {
        matches!(
            self,
            HigherOrderKind::Filter
                | HigherOrderKind::Exists
                | HigherOrderKind::All
                | HigherOrderKind::Count
                | HigherOrderKind::First
                | HigherOrderKind::Last
                | HigherOrderKind::FirstIndex
                | HigherOrderKind::LastIndex
                | HigherOrderKind::FirstOrNull
                | HigherOrderKind::LastOrNull
                | HigherOrderKind::Fill
                | HigherOrderKind::ReverseFill
                | HigherOrderKind::Split
                | HigherOrderKind::ReverseSplit
        )
    }

    /// ClickHouse's result type given the first array's element type and the body's type.
    pub fn result_type(self, name: &str, first_elem: &ChType, body: &ChType) -> Result<ChType> {
        Ok(match self {
            HigherOrderKind::Map => ChType::Array(Box::new(body.clone())),
            HigherOrderKind::Filter
            | HigherOrderKind::Sort
            | HigherOrderKind::ReverseSort
            | HigherOrderKind::Fill
            | HigherOrderKind::ReverseFill => ChType::Array(Box::new(first_elem.clone())),
            HigherOrderKind::Split | HigherOrderKind::ReverseSplit => {
                ChType::Array(Box::new(ChType::Array(Box::new(first_elem.clone()))))
            }
            HigherOrderKind::FirstOrNull | HigherOrderKind::LastOrNull => {
                if first_elem.can_be_inside_nullable() {
                    first_elem.clone().nullable()
                } else {
                    first_elem.clone()
                }
            }
            HigherOrderKind::Exists | HigherOrderKind::All => ChType::UInt8,
            HigherOrderKind::Count | HigherOrderKind::FirstIndex | HigherOrderKind::LastIndex => ChType::UInt32,
            HigherOrderKind::First | HigherOrderKind::Last => first_elem.clone(),
            HigherOrderKind::Sum => {
                let b = body.base();
                if b.is_float() {
                    ChType::Float64
                } else if b.is_signed_int() {
                    ChType::Int64
                } else if b.is_unsigned_int() || matches!(b, ChType::Bool) {
                    ChType::UInt64
                } else {
                    return Err(Error::new(
                        ErrorCode::ILLEGAL_TYPE_OF_ARGUMENT,
                        format!("{name} cannot add values of type {body}"),
                    ));
                }
            }
            HigherOrderKind::Min | HigherOrderKind::Max => body.remove_nullable(),
            HigherOrderKind::Avg => ChType::Float64,
        })
    }
}

/// One bound higher-order call: the kind, the lambda body (over `__lp*` and
/// `__cap*` columns) and the types involved.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct LambdaUdf {
    name: String,
    kind: HigherOrderKind,
    /// Column-name prefix of the parameters in `body` (unique per lambda, so
    /// nested lambdas do not mix their parameters).
    prefix: String,
    body: DfExpr,
    /// Element types of the arrays (the lambda parameters).
    params: Vec<ChType>,
    /// Types of the captured outer columns.
    captured: Vec<ChType>,
    ret: ChType,
    signature: Signature,
}

/// Builds the call `name(lambda, arrays…)` with captured columns passed after the arrays.
pub fn call_lambda(
    name: &str,
    kind: HigherOrderKind,
    prefix: &str,
    body: DfExpr,
    arrays: Vec<TypedExpr>,
    captured: Vec<TypedExpr>,
    ret: ChType,
) -> TypedExpr {
    let params = arrays.iter().map(|a| a.ty.array_element().cloned().unwrap_or(ChType::Nothing)).collect();
    let udf = LambdaUdf {
        name: name.to_string(),
        kind,
        prefix: prefix.to_string(),
        body,
        params,
        captured: captured.iter().map(|c| c.ty.clone()).collect(),
        ret: ret.clone(),
        signature: Signature::variadic_any(Volatility::Immutable),
    };
    let args = arrays.into_iter().chain(captured).map(|a| a.expr).collect();
    let expr = DfExpr::ScalarFunction(datafusion::logical_expr::expr::ScalarFunction::new_udf(
        Arc::new(ScalarUDF::new_from_impl(udf)),
        args,
    ));
    TypedExpr::new(expr, ret)
}

fn internal(msg: impl Into<String>) -> datafusion::error::DataFusionError {
    Error::new(ErrorCode::LOGICAL_ERROR, msg).into_datafusion()
}

impl ScalarUDFImpl for LambdaUdf {
    fn name(&self) -> &str {
        &self.name
    }

    fn signature(&self) -> &Signature {
        &self.signature
    }

    fn return_type(&self, _arg_types: &[DataType]) -> DfResult<DataType> {
        Ok(self.ret.to_arrow())
    }

    fn invoke_with_args(&self, args: ScalarFunctionArgs) -> DfResult<ColumnarValue> {
        let rows = args.number_rows;
        let n = self.params.len();
        let mut lists = Vec::with_capacity(n);
        for a in &args.args[..n] {
            let arr = a.to_array(rows)?;
            let list = arr
                .as_any()
                .downcast_ref::<ListArray>()
                .ok_or_else(|| internal("lambda argument is not an array"))?
                .clone();
            lists.push(list);
        }
        let first = &lists[0];
        let offsets: Vec<i32> = first.value_offsets().to_vec();
        for l in &lists[1..] {
            for r in 0..rows {
                if l.value_length(r) != first.value_length(r) {
                    return Err(Error::new(
                        ErrorCode::SIZES_OF_ARRAYS_DONT_MATCH,
                        format!("Arrays passed to {} must have equal size", self.name),
                    )
                    .into_datafusion());
                }
            }
        }
        let start = offsets[0] as usize;
        let total = (offsets[rows] - offsets[0]) as usize;
        // Row number of each element, to repeat captured values.
        let mut row_of = UInt32Builder::with_capacity(total);
        for r in 0..rows {
            for _ in offsets[r]..offsets[r + 1] {
                row_of.append_value(r as u32);
            }
        }
        let row_of = row_of.finish();
        let mut fields = Vec::new();
        let mut columns: Vec<ArrayRef> = Vec::new();
        for (i, l) in lists.iter().enumerate() {
            let o = l.value_offsets()[0] as usize;
            let values = l.values().slice(o, total);
            fields.push(Field::new(format!("{}{i}", self.prefix), values.data_type().clone(), true));
            columns.push(values);
        }
        for (j, a) in args.args[n..].iter().enumerate() {
            let arr = a.to_array(rows)?;
            let expanded = take(arr.as_ref(), &row_of, None)?;
            fields.push(Field::new(format!("__cap{j}"), expanded.data_type().clone(), true));
            columns.push(expanded);
        }
        let schema = Arc::new(Schema::new(fields));
        let batch = RecordBatch::try_new_with_options(
            schema.clone(),
            columns,
            &arrow::record_batch::RecordBatchOptions::new().with_row_count(Some(total)),
        )?;
        let df_schema = DFSchema::try_from(schema.as_ref().clone())?;
        let physical =
            create_physical_expr(&self.body, &df_schema, &ExecutionProps::new(), &PhysicalPlanningContext::default())?;
        let results = physical.evaluate(&batch)?.into_array(total)?;
        let _ = start;
        let norm: Vec<i32> = offsets.iter().map(|o| o - offsets[0]).collect();
        let out = fold(self.kind, first, &norm, results, &self.ret, rows)?;
        Ok(ColumnarValue::Array(out))
    }
}

fn as_bool(a: &ArrayRef) -> DfResult<BooleanArray> {
    let b = cast(a, &DataType::Boolean)?;
    Ok(b.as_any().downcast_ref::<BooleanArray>().cloned().unwrap_or_else(|| BooleanArray::from(vec![false; a.len()])))
}

/// Folds per-element lambda results back into one value per row.
fn fold(
    kind: HigherOrderKind,
    first: &ListArray,
    offsets: &[i32],
    results: ArrayRef,
    ret: &ChType,
    rows: usize,
) -> DfResult<ArrayRef> {
    let o = first.value_offsets()[0] as usize;
    let total = offsets[rows] as usize;
    let elements = first.values().slice(o, total);
    let range = |r: usize| offsets[r] as usize..offsets[r + 1] as usize;
    let item_field = match ret.to_arrow() {
        DataType::List(f) => Some(f),
        _ => None,
    };
    Ok(match kind {
        HigherOrderKind::Map => {
            let f = item_field.ok_or_else(|| internal("arrayMap result is not an array"))?;
            let values = cast(&results, f.data_type())?;
            Arc::new(ListArray::try_new(f, OffsetBuffer::new(offsets.to_vec().into()), values, first.nulls().cloned())?)
        }
        HigherOrderKind::Filter => {
            let f = item_field.ok_or_else(|| internal("arrayFilter result is not an array"))?;
            let keep = as_bool(&results)?;
            let mut new_offsets = Vec::with_capacity(rows + 1);
            new_offsets.push(0i32);
            let mut acc = 0i32;
            for r in 0..rows {
                acc += range(r).filter(|&i| keep.is_valid(i) && keep.value(i)).count() as i32;
                new_offsets.push(acc);
            }
            let values = filter(elements.as_ref(), &keep)?;
            Arc::new(ListArray::try_new(f, OffsetBuffer::new(new_offsets.into()), values, None)?)
        }
        HigherOrderKind::Exists | HigherOrderKind::All | HigherOrderKind::Count => {
            let keep = as_bool(&results)?;
            let counts: Vec<u32> =
                (0..rows).map(|r| range(r).filter(|&i| keep.is_valid(i) && keep.value(i)).count() as u32).collect();
            match kind {
                HigherOrderKind::Count => Arc::new(UInt32Array::from(counts)),
                HigherOrderKind::Exists => {
                    Arc::new(arrow::array::UInt8Array::from_iter_values(counts.iter().map(|c| (*c > 0) as u8)))
                }
                _ => Arc::new(arrow::array::UInt8Array::from_iter_values(
                    (0..rows).map(|r| (counts[r] as usize == range(r).len()) as u8),
                )),
            }
        }
        HigherOrderKind::FirstOrNull | HigherOrderKind::LastOrNull => {
            let keep = as_bool(&results)?;
            let last = kind == HigherOrderKind::LastOrNull;
            let idx = UInt64Array::from_iter((0..rows).map(|r| {
                let mut it = range(r).filter(|&i| keep.is_valid(i) && keep.value(i));
                let hit = if last { it.next_back() } else { it.next() };
                hit.map(|i| i as u64)
            }));
            take(elements.as_ref(), &idx, None)?
        }
        HigherOrderKind::Fill | HigherOrderKind::ReverseFill => {
            let f = item_field.ok_or_else(|| internal("arrayFill result is not an array"))?;
            let keep = as_bool(&results)?;
            let hit = |i: usize| keep.is_valid(i) && keep.value(i);
            let mut idx = vec![0u64; total];
            for r in 0..rows {
                let rg = range(r);
                if kind == HigherOrderKind::Fill {
                    let mut src = rg.start;
                    for i in rg {
                        if hit(i) || i == src {
                            src = i;
                        }
                        idx[i] = src as u64;
                    }
                } else {
                    let mut src = rg.end.saturating_sub(1);
                    for i in rg.rev() {
                        if hit(i) || i == src {
                            src = i;
                        }
                        idx[i] = src as u64;
                    }
                }
            }
            let values = take(elements.as_ref(), &UInt64Array::from(idx), None)?;
            Arc::new(ListArray::try_new(f, OffsetBuffer::new(offsets.to_vec().into()), values, first.nulls().cloned())?)
        }
        HigherOrderKind::Split | HigherOrderKind::ReverseSplit => {
            let outer = item_field.ok_or_else(|| internal("arraySplit result is not an array"))?;
            let DataType::List(inner) = outer.data_type().clone() else {
                return Err(internal("arraySplit result is not an array of arrays"));
            };
            let keep = as_bool(&results)?;
            let hit = |i: usize| keep.is_valid(i) && keep.value(i);
            // Inner offsets are element positions; a new piece starts before (arraySplit) or
            // after (arrayReverseSplit) each element whose lambda result is true.
            let mut inner_offsets = vec![0i32];
            let mut outer_offsets = vec![0i32];
            for r in 0..rows {
                let rg = range(r);
                for i in rg.clone() {
                    let cut = if kind == HigherOrderKind::Split {
                        hit(i) && i != rg.start
                    } else {
                        i != rg.start && hit(i - 1)
                    };
                    if cut {
                        inner_offsets.push(i as i32);
                    }
                }
                if !rg.is_empty() {
                    inner_offsets.push(rg.end as i32);
                }
                outer_offsets.push((inner_offsets.len() - 1) as i32);
            }
            let pieces = ListArray::try_new(inner, OffsetBuffer::new(inner_offsets.into()), elements, None)?;
            Arc::new(ListArray::try_new(
                outer,
                OffsetBuffer::new(outer_offsets.into()),
                Arc::new(pieces),
                first.nulls().cloned(),
            )?)
        }
        HigherOrderKind::First | HigherOrderKind::Last | HigherOrderKind::FirstIndex | HigherOrderKind::LastIndex => {
            let keep = as_bool(&results)?;
            let pick = |r: usize| -> Option<usize> {
                let mut it = range(r).filter(|&i| keep.is_valid(i) && keep.value(i));
                match kind {
                    HigherOrderKind::First | HigherOrderKind::FirstIndex => it.next(),
                    _ => it.next_back(),
                }
            };
            if matches!(kind, HigherOrderKind::FirstIndex | HigherOrderKind::LastIndex) {
                Arc::new(UInt32Array::from_iter_values(
                    (0..rows).map(|r| pick(r).map(|i| (i - offsets[r] as usize + 1) as u32).unwrap_or(0)),
                ))
            } else {
                // Not found → the type's default: take from a one-element default array.
                let default = crate::types::default_value(ret).map_err(|e| e.into_datafusion())?.to_array_of_size(1)?;
                let combined = arrow::compute::concat(&[elements.as_ref(), default.as_ref()])?;
                let idx = UInt64Array::from_iter_values((0..rows).map(|r| pick(r).unwrap_or(total) as u64));
                take(combined.as_ref(), &idx, None)?
            }
        }
        HigherOrderKind::Sum | HigherOrderKind::Avg | HigherOrderKind::Min | HigherOrderKind::Max => {
            let f = cast(&results, &DataType::Float64)?;
            let f = f.as_any().downcast_ref::<Float64Array>().ok_or_else(|| internal("numeric lambda result"))?;
            if matches!(kind, HigherOrderKind::Avg) {
                return Ok(Arc::new(Float64Array::from_iter_values((0..rows).map(|r| {
                    let rg = range(r);
                    let n = rg.len();
                    if n == 0 {
                        0.0
                    } else {
                        rg.map(|i| f.value(i)).sum::<f64>() / n as f64
                    }
                }))));
            }
            if matches!(kind, HigherOrderKind::Sum) && !ret.is_float() {
                // Exact integer sums (wrapping, as ClickHouse).
                let ints = cast(&results, &DataType::Int64)?;
                let ints = ints
                    .as_any()
                    .downcast_ref::<arrow::array::Int64Array>()
                    .ok_or_else(|| internal("integer lambda result"))?;
                let sums = arrow::array::Int64Array::from_iter_values(
                    (0..rows).map(|r| range(r).fold(0i64, |a, i| a.wrapping_add(ints.value(i)))),
                );
                return Ok(cast(&(Arc::new(sums) as ArrayRef), &ret.to_arrow())?);
            }
            let sel = |r: usize| -> Option<usize> {
                let rg = range(r);
                let it = rg.filter(|&i| results.is_valid(i));
                if matches!(kind, HigherOrderKind::Min) {
                    it.min_by(|&a, &b| f.value(a).total_cmp(&f.value(b)))
                } else {
                    it.max_by(|&a, &b| f.value(a).total_cmp(&f.value(b)))
                }
            };
            let default = crate::types::default_value(&ret.remove_nullable()).map_err(|e| e.into_datafusion())?;
            let typed = cast(&results, &ret.to_arrow())?;
            let combined = arrow::compute::concat(&[typed.as_ref(), default.to_array_of_size(1)?.as_ref()])?;
            let idx = UInt64Array::from_iter_values((0..rows).map(|r| sel(r).unwrap_or(total) as u64));
            take(combined.as_ref(), &idx, None)?
        }
        HigherOrderKind::Sort | HigherOrderKind::ReverseSort => {
            let f = item_field.ok_or_else(|| internal("arraySort result is not an array"))?;
            let opts = SortOptions { descending: kind == HigherOrderKind::ReverseSort, nulls_first: false };
            let mut idx = Vec::with_capacity(total);
            for r in 0..rows {
                let rg = range(r);
                let keys = results.slice(rg.start, rg.len());
                let order = sort_to_indices(keys.as_ref(), Some(opts), None)?;
                idx.extend(order.values().iter().map(|i| (*i as usize + rg.start) as u64));
            }
            let values = take(elements.as_ref(), &UInt64Array::from(idx), None)?;
            Arc::new(ListArray::try_new(f, OffsetBuffer::new(offsets.to_vec().into()), values, first.nulls().cloned())?)
        }
    })
}
