//! ASOF JOIN: [`AsofJoinNode`] (logical) and [`AsofJoinExec`] (physical).
//!
//! For each left row, the right row with equal keys whose time is the closest
//! one satisfying `left.t OP right.t` (OP one of `>=`, `>`, `<=`, `<`); among
//! right rows with that same time, the first one read (checked with chdb
//! 26.9). INNER drops left rows without a match; LEFT keeps them with NULL
//! right columns, which the binder turns into defaults (sql/binder/asof.rs).
//!
//! The right side is read whole into one batch and indexed: a hash map from
//! the key (Arrow row format bytes) to the right rows of that key, stably
//! sorted by time (Arrow row format, so any orderable type works). The left
//! side streams: each row is one hash probe plus a binary search. Rows whose
//! key or time is NULL never match. The binder appends the key and time
//! columns to both inputs, so the operator works on column indexes.

use std::cmp::Ordering;
use std::collections::HashMap;
use std::fmt;
use std::sync::Arc;

use arrow::array::{Array, ArrayRef, RecordBatch, UInt32Array};
use arrow::compute::{concat_batches, take};
use arrow::datatypes::{Schema, SchemaRef};
use arrow::row::{RowConverter, Rows, SortField};
use datafusion::common::tree_node::TreeNodeRecursion;
use datafusion::common::{DFSchemaRef, DataFusionError, Result as DfResult};
use datafusion::execution::{SendableRecordBatchStream, TaskContext};
use datafusion::logical_expr::{Expr, LogicalPlan, UserDefinedLogicalNodeCore};
use datafusion::physical_expr::{EquivalenceProperties, PhysicalExpr};
use datafusion::physical_plan::execution_plan::{Boundedness, EmissionType};
use datafusion::physical_plan::stream::RecordBatchStreamAdapter;
use datafusion::physical_plan::{
    DisplayAs, DisplayFormatType, Distribution, ExecutionPlan, Partitioning, PlanProperties,
};
use futures::{StreamExt, TryStreamExt};

/// The inequality of an ASOF join, as `left.t OP right.t`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd)]
pub enum AsofOp {
    GreaterOrEquals,
    Greater,
    LessOrEquals,
    Less,
}

impl AsofOp {
    /// The operator with its operands swapped (`r.t <= l.t` → `l.t >= r.t`).
    pub fn flip(self) -> AsofOp {
        match self {
            AsofOp::GreaterOrEquals => AsofOp::LessOrEquals,
            AsofOp::Greater => AsofOp::Less,
            AsofOp::LessOrEquals => AsofOp::GreaterOrEquals,
            AsofOp::Less => AsofOp::Greater,
        }
    }
}

/// Which columns an ASOF join compares (indexes into each input).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd)]
pub struct AsofSpec {
    pub left_keys: Vec<usize>,
    pub right_keys: Vec<usize>,
    pub left_time: usize,
    pub right_time: usize,
    pub op: AsofOp,
    /// ASOF LEFT JOIN: keep left rows without a match.
    pub left_outer: bool,
}

/// Logical ASOF join; its schema is the left schema then the right one
/// (right fields nullable).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct AsofJoinNode {
    pub left: LogicalPlan,
    pub right: LogicalPlan,
    pub spec: AsofSpec,
    schema: DFSchemaRef,
}

impl PartialOrd for AsofJoinNode {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        match self.left.partial_cmp(&other.left) {
            Some(Ordering::Equal) => match self.right.partial_cmp(&other.right) {
                Some(Ordering::Equal) => self.spec.partial_cmp(&other.spec),
                o => o,
            },
            o => o,
        }
    }
}

impl AsofJoinNode {
    pub fn new(left: LogicalPlan, right: LogicalPlan, spec: AsofSpec) -> DfResult<Self> {
        let right_nullable: Vec<(Option<datafusion::common::TableReference>, Arc<arrow::datatypes::Field>)> = right
            .schema()
            .iter()
            .map(|(q, f)| (q.cloned(), Arc::new(f.as_ref().clone().with_nullable(true))))
            .collect();
        let right_schema = datafusion::common::DFSchema::new_with_metadata(right_nullable, Default::default())?;
        let schema = Arc::new(left.schema().join(&right_schema)?);
        Ok(AsofJoinNode { left, right, spec, schema })
    }
}

impl UserDefinedLogicalNodeCore for AsofJoinNode {
    fn name(&self) -> &str {
        "AsofJoin"
    }

    fn inputs(&self) -> Vec<&LogicalPlan> {
        vec![&self.left, &self.right]
    }

    fn schema(&self) -> &DFSchemaRef {
        &self.schema
    }

    fn expressions(&self) -> Vec<Expr> {
        vec![]
    }

    fn fmt_for_explain(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "AsofJoin: {:?}", self.spec)
    }

    fn with_exprs_and_inputs(&self, _exprs: Vec<Expr>, mut inputs: Vec<LogicalPlan>) -> DfResult<Self> {
        let (Some(right), Some(left)) = (inputs.pop(), inputs.pop()) else {
            return Err(DataFusionError::Internal("AsofJoin needs two inputs".into()));
        };
        AsofJoinNode::new(left, right, self.spec.clone())
    }
}

/// Physical ASOF join (single partition on both sides).
#[derive(Debug)]
pub struct AsofJoinExec {
    left: Arc<dyn ExecutionPlan>,
    right: Arc<dyn ExecutionPlan>,
    spec: AsofSpec,
    props: Arc<PlanProperties>,
}

impl AsofJoinExec {
    pub fn new(left: Arc<dyn ExecutionPlan>, right: Arc<dyn ExecutionPlan>, spec: AsofSpec) -> Self {
        let mut fields: Vec<arrow::datatypes::FieldRef> = left.schema().fields().iter().cloned().collect();
        fields.extend(right.schema().fields().iter().map(|f| Arc::new(f.as_ref().clone().with_nullable(true))));
        let schema = Arc::new(Schema::new(fields));
        let props = PlanProperties::new(
            EquivalenceProperties::new(schema),
            Partitioning::UnknownPartitioning(1),
            EmissionType::Incremental,
            Boundedness::Bounded,
        );
        AsofJoinExec { left, right, spec, props: Arc::new(props) }
    }
}

impl DisplayAs for AsofJoinExec {
    fn fmt_as(&self, _t: DisplayFormatType, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "AsofJoinExec: {:?}", self.spec)
    }
}

impl ExecutionPlan for AsofJoinExec {
    fn name(&self) -> &str {
        "AsofJoinExec"
    }

    fn properties(&self) -> &Arc<PlanProperties> {
        &self.props
    }

    fn required_input_distribution(&self) -> Vec<Distribution> {
        vec![Distribution::SinglePartition, Distribution::SinglePartition]
    }

    fn benefits_from_input_partitioning(&self) -> Vec<bool> {
        vec![false, false]
    }

    fn maintains_input_order(&self) -> Vec<bool> {
        vec![true, false]
    }

    fn children(&self) -> Vec<&Arc<dyn ExecutionPlan>> {
        vec![&self.left, &self.right]
    }

    fn apply_expressions(
        &self,
        _f: &mut dyn FnMut(&Arc<dyn PhysicalExpr>) -> DfResult<TreeNodeRecursion>,
    ) -> DfResult<TreeNodeRecursion> {
        Ok(TreeNodeRecursion::Continue)
    }

    #[allow(deprecated)]
    fn with_new_children(
        self: Arc<Self>,
        mut children: Vec<Arc<dyn ExecutionPlan>>,
    ) -> DfResult<Arc<dyn ExecutionPlan>> {
        let (Some(right), Some(left)) = (children.pop(), children.pop()) else {
            return Err(DataFusionError::Internal("AsofJoinExec needs two inputs".into()));
        };
        Ok(Arc::new(AsofJoinExec::new(left, right, self.spec.clone())))
    }

    fn execute(&self, partition: usize, context: Arc<TaskContext>) -> DfResult<SendableRecordBatchStream> {
        let schema = self.props.eq_properties.schema().clone();
        let right_stream = self.right.execute(0, context.clone())?;
        let left_stream = self.left.execute(partition, context)?;
        let right_schema = self.right.schema();
        let spec = self.spec.clone();
        let out_schema = schema.clone();
        let stream = futures::stream::once(async move {
            let batches: Vec<RecordBatch> = right_stream.try_collect().await?;
            let right = concat_batches(&right_schema, &batches)?;
            let index = Arc::new(AsofIndex::build(right, &spec)?);
            let s = left_stream.map(move |batch| index.probe(&batch?, &out_schema));
            Ok::<_, DataFusionError>(s)
        })
        .try_flatten();
        Ok(Box::pin(RecordBatchStreamAdapter::new(schema, stream)))
    }
}

/// The right side, indexed by key with each key's rows sorted by time.
struct AsofIndex {
    right: RecordBatch,
    spec: AsofSpec,
    key_conv: RowConverter,
    time_conv: RowConverter,
    times: Rows,
    /// Key bytes → right row numbers, stably sorted by time.
    by_key: HashMap<Box<[u8]>, Vec<u32>>,
}

fn no_nulls(cols: &[ArrayRef], time: &ArrayRef, r: usize) -> bool {
    cols.iter().all(|c| c.is_valid(r)) && time.is_valid(r)
}

impl AsofIndex {
    fn build(right: RecordBatch, spec: &AsofSpec) -> DfResult<Self> {
        let key_cols: Vec<ArrayRef> = spec.right_keys.iter().map(|&i| right.column(i).clone()).collect();
        let time_col = right.column(spec.right_time).clone();
        let key_conv = RowConverter::new(key_cols.iter().map(|c| SortField::new(c.data_type().clone())).collect())?;
        let time_conv = RowConverter::new(vec![SortField::new(time_col.data_type().clone())])?;
        let keys = key_conv.convert_columns(&key_cols)?;
        let times = time_conv.convert_columns(std::slice::from_ref(&time_col))?;
        let mut by_key: HashMap<Box<[u8]>, Vec<u32>> = HashMap::new();
        for r in 0..right.num_rows() {
            if !no_nulls(&key_cols, &time_col, r) {
                continue;
            }
            let idx = u32::try_from(r).map_err(|_| DataFusionError::Internal("ASOF JOIN right side too big".into()))?;
            by_key.entry(keys.row(r).as_ref().into()).or_default().push(idx);
        }
        for rows in by_key.values_mut() {
            rows.sort_by(|&a, &b| times.row(a as usize).cmp(&times.row(b as usize)));
        }
        Ok(AsofIndex { right, spec: spec.clone(), key_conv, time_conv, times, by_key })
    }

    /// The matching right row of a left row (key bytes and time row given).
    fn find(&self, key: &[u8], t: arrow::row::Row<'_>) -> Option<u32> {
        let rows = self.by_key.get(key)?;
        let time = |i: u32| self.times.row(i as usize);
        let pos = match self.spec.op {
            AsofOp::GreaterOrEquals => rows.partition_point(|&i| time(i) <= t).checked_sub(1)?,
            AsofOp::Greater => rows.partition_point(|&i| time(i) < t).checked_sub(1)?,
            AsofOp::LessOrEquals => rows.partition_point(|&i| time(i) < t),
            AsofOp::Less => rows.partition_point(|&i| time(i) <= t),
        };
        let found = *rows.get(pos)?;
        // Among rows with the same time, the first one read.
        let first = rows.partition_point(|&i| time(i) < time(found));
        rows.get(first).copied()
    }

    fn probe(&self, left: &RecordBatch, schema: &SchemaRef) -> DfResult<RecordBatch> {
        let key_cols: Vec<ArrayRef> = self.spec.left_keys.iter().map(|&i| left.column(i).clone()).collect();
        let time_col = left.column(self.spec.left_time).clone();
        let keys = self.key_conv.convert_columns(&key_cols)?;
        let times = self.time_conv.convert_columns(std::slice::from_ref(&time_col))?;
        let mut left_idx: Vec<u32> = Vec::with_capacity(left.num_rows());
        let mut right_idx: Vec<Option<u32>> = Vec::with_capacity(left.num_rows());
        for r in 0..left.num_rows() {
            let m =
                if no_nulls(&key_cols, &time_col, r) { self.find(keys.row(r).as_ref(), times.row(r)) } else { None };
            if m.is_some() || self.spec.left_outer {
                left_idx.push(r as u32);
                right_idx.push(m);
            }
        }
        let li = UInt32Array::from(left_idx);
        let ri = UInt32Array::from(right_idx);
        let mut cols = Vec::with_capacity(schema.fields().len());
        for c in left.columns() {
            cols.push(take(c.as_ref(), &li, None)?);
        }
        for c in self.right.columns() {
            cols.push(take(c.as_ref(), &ri, None)?);
        }
        Ok(RecordBatch::try_new_with_options(
            schema.clone(),
            cols,
            &arrow::record_batch::RecordBatchOptions::new().with_row_count(Some(li.len())),
        )?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use arrow::array::{Float64Array, StringArray};
    use arrow::datatypes::{DataType, Field};

    fn side(keys: &[&str], times: &[u32], vals: &[f64]) -> RecordBatch {
        let s = Arc::new(Schema::new(vec![
            Field::new("k", DataType::Utf8, false),
            Field::new("t", DataType::UInt32, false),
            Field::new("v", DataType::Float64, false),
        ]));
        RecordBatch::try_new(
            s,
            vec![
                Arc::new(StringArray::from(keys.to_vec())),
                Arc::new(arrow::array::UInt32Array::from(times.to_vec())),
                Arc::new(Float64Array::from(vals.to_vec())),
            ],
        )
        .unwrap()
    }

    fn run(op: AsofOp, outer: bool) -> Vec<String> {
        // chdb: r = (A,5,1.1) (A,15,1.2) (A,15,1.3) (A,15,1.4) (B,20,2.1) (A,25,1.5)
        let right = side(&["A", "A", "A", "A", "B", "A"], &[5, 15, 15, 15, 20, 25], &[1.1, 1.2, 1.3, 1.4, 2.1, 1.5]);
        let left = side(&["A", "A", "B", "A", "C"], &[10, 20, 15, 5, 1], &[1.0, 2.0, 3.0, 4.0, 5.0]);
        let spec =
            AsofSpec { left_keys: vec![0], right_keys: vec![0], left_time: 1, right_time: 1, op, left_outer: outer };
        let mut fields: Vec<arrow::datatypes::FieldRef> = left.schema().fields().iter().cloned().collect();
        fields.extend(right.schema().fields().iter().map(|f| Arc::new(f.as_ref().clone().with_nullable(true))));
        let schema = Arc::new(Schema::new(fields));
        let index = AsofIndex::build(right, &spec).unwrap();
        let out = index.probe(&left, &schema).unwrap();
        let v = out.column(2).as_any().downcast_ref::<Float64Array>().unwrap();
        let rv = out.column(5).as_any().downcast_ref::<Float64Array>().unwrap();
        (0..out.num_rows())
            .map(
                |r| if rv.is_null(r) { format!("{}:-", v.value(r)) } else { format!("{}:{}", v.value(r), rv.value(r)) },
            )
            .collect()
    }

    #[test]
    fn asof_operators_match_clickhouse() {
        assert_eq!(run(AsofOp::GreaterOrEquals, true), ["1:1.1", "2:1.2", "3:-", "4:1.1", "5:-"]);
        assert_eq!(run(AsofOp::Greater, false), ["1:1.1", "2:1.2"]);
        assert_eq!(run(AsofOp::LessOrEquals, false), ["1:1.2", "2:1.5", "3:2.1", "4:1.1"]);
        assert_eq!(run(AsofOp::Less, true), ["1:1.2", "2:1.5", "3:2.1", "4:1.2", "5:-"]);
    }
}
