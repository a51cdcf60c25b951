//! `ORDER BY … WITH FILL`: [`WithFillNode`] (logical) and [`WithFillExec`]
//! (physical), streaming over the sorted rows and inserting the missing key
//! values (ClickHouse's `FillingTransform`; spec/engine.md §2).
//!
//! The ORDER BY keys are split into a *prefix* (keys before the first WITH
//! FILL key: filling restarts in each group of equal prefix values), the fill
//! keys F1..Fk (a hierarchy: F2 is filled within each F1 value, and so on),
//! and everything else. Each fill key walks a grid `FROM, FROM+STEP, …`
//! (FROM defaults to the first value of its group): grid values below the next
//! row's value (and below TO, which is exclusive) become new rows, and the
//! grid then moves past that row's value. After a group, the grid continues up
//! to TO. A new row for Fi gets, for the deeper keys, FROM (or the type's
//! default) and — only when both FROM and TO are given — the whole FROM..TO
//! range. Prefix columns of a new row copy the group's values; all other
//! columns get their defaults (checked with chdb 26.9).
//!
//! Values are handled as [`FillValue`]s: integers, dates and timestamps as
//! i128 in the column's storage unit, floats as f64. The binder
//! (sql/binder/fill.rs) validates FROM/TO/STEP and refuses what is not built
//! (month steps, STALENESS, INTERPOLATE) with NOT_IMPLEMENTED.

use std::cmp::Ordering;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::sync::Arc;

use arrow::array::{
    Array, ArrayRef, AsArray, Date32Array, Float32Array, Float64Array, Int16Array, Int32Array, Int64Array, Int8Array,
    UInt16Array, UInt32Array, UInt64Array, UInt8Array,
};
use arrow::compute::interleave;
use arrow::datatypes::{DataType, SchemaRef};
use arrow::record_batch::RecordBatch;
use arrow::row::{OwnedRow, RowConverter, SortField};
use datafusion::common::tree_node::TreeNodeRecursion;
use datafusion::common::{DFSchemaRef, DataFusionError, Result as DfResult, ScalarValue};
use datafusion::execution::{SendableRecordBatchStream, TaskContext};
use datafusion::logical_expr::{Expr, LogicalPlan, UserDefinedLogicalNodeCore};
use datafusion::physical_expr::{EquivalenceProperties, PhysicalExpr};
use datafusion::physical_plan::execution_plan::{Boundedness, EmissionType};
use datafusion::physical_plan::stream::RecordBatchStreamAdapter;
use datafusion::physical_plan::{
    DisplayAs, DisplayFormatType, Distribution, ExecutionPlan, Partitioning, PlanProperties,
};
use futures::StreamExt;

use crate::error::{Error, ErrorCode};

/// A key value in the fill arithmetic.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum FillValue {
    /// Integers, Date/Date32 days, DateTime/DateTime64 ticks.
    Int(i128),
    Float(f64),
}

impl FillValue {
    fn add(self, step: FillValue) -> FillValue {
        match (self, step) {
            (FillValue::Int(a), FillValue::Int(b)) => FillValue::Int(a.saturating_add(b)),
            (a, b) => FillValue::Float(a.as_f64() + b.as_f64()),
        }
    }

    fn as_f64(self) -> f64 {
        match self {
            FillValue::Int(v) => v as f64,
            FillValue::Float(v) => v,
        }
    }

    fn cmp(self, other: FillValue) -> Ordering {
        match (self, other) {
            (FillValue::Int(a), FillValue::Int(b)) => a.cmp(&b),
            (a, b) => a.as_f64().partial_cmp(&b.as_f64()).unwrap_or(Ordering::Equal),
        }
    }
}

/// One WITH FILL key.
#[derive(Debug, Clone, PartialEq)]
pub struct FillColumn {
    /// Index of the key column in the input.
    pub index: usize,
    pub descending: bool,
    pub from: Option<FillValue>,
    pub to: Option<FillValue>,
    /// Non-zero; negative for descending keys.
    pub step: FillValue,
    /// The value a new row gets when no FROM is given (the type's default).
    pub zero: FillValue,
}

impl FillColumn {
    /// `a` comes before `b` in this key's sort direction.
    fn before(&self, a: FillValue, b: FillValue) -> bool {
        match a.cmp(b) {
            Ordering::Less => !self.descending,
            Ordering::Greater => self.descending,
            Ordering::Equal => false,
        }
    }

    fn below_to(&self, g: FillValue) -> bool {
        self.to.is_none_or(|t| self.before(g, t))
    }

    /// The first grid value after `v`, starting from `g`.
    fn advance_past(&self, mut g: FillValue, v: FillValue) -> FillValue {
        if let (FillValue::Int(a), FillValue::Int(b), FillValue::Int(s)) = (g, v, self.step) {
            if s != 0 && !self.before(v, g) {
                let n = (b - a) / s + 1;
                return FillValue::Int(a.saturating_add(n.saturating_mul(s)));
            }
            return g;
        }
        let mut guard = 0u32;
        while !self.before(v, g) {
            let next = g.add(self.step);
            if next == g {
                return next;
            }
            g = next;
            guard += 1;
            if guard > 1_000_000 {
                // Jump arithmetically over very long gaps.
                let (a, b, s) = (g.as_f64(), v.as_f64(), self.step.as_f64());
                g = FillValue::Float(a + (((b - a) / s).floor() + 1.0) * s);
                guard = 0;
            }
        }
        g
    }
}

/// What WITH FILL does to a sorted input.
#[derive(Debug, Clone, PartialEq)]
pub struct FillSpec {
    /// ORDER BY keys before the first WITH FILL key (input column indexes).
    pub prefix: Vec<usize>,
    pub fills: Vec<FillColumn>,
    /// Default value of every input column, for the columns of new rows.
    pub defaults: Vec<ScalarValue>,
}

/// Logical node: `input` (already sorted) with WITH FILL applied.
#[derive(Debug, Clone)]
pub struct WithFillNode {
    pub input: LogicalPlan,
    pub spec: Arc<FillSpec>,
    /// The input's schema with every field nullable (new rows may hold NULL defaults).
    schema: DFSchemaRef,
}

impl WithFillNode {
    pub fn new(input: LogicalPlan, spec: Arc<FillSpec>) -> DfResult<Self> {
        let fields: Vec<(Option<datafusion::common::TableReference>, Arc<arrow::datatypes::Field>)> = input
            .schema()
            .iter()
            .map(|(q, f)| (q.cloned(), Arc::new(f.as_ref().clone().with_nullable(true))))
            .collect();
        let schema =
            Arc::new(datafusion::common::DFSchema::new_with_metadata(fields, input.schema().metadata().clone())?);
        Ok(WithFillNode { input, spec, schema })
    }
}

impl PartialEq for WithFillNode {
    fn eq(&self, other: &Self) -> bool {
        self.input == other.input && self.spec == other.spec
    }
}

impl Eq for WithFillNode {}

impl Hash for WithFillNode {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.input.hash(state);
        format!("{:?}", self.spec).hash(state);
    }
}

impl PartialOrd for WithFillNode {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        match self.input.partial_cmp(&other.input) {
            Some(Ordering::Equal) if self.spec != other.spec => None,
            o => o,
        }
    }
}

impl UserDefinedLogicalNodeCore for WithFillNode {
    fn name(&self) -> &str {
        "WithFill"
    }

    fn inputs(&self) -> Vec<&LogicalPlan> {
        vec![&self.input]
    }

    fn schema(&self) -> &DFSchemaRef {
        &self.schema
    }

    fn expressions(&self) -> Vec<Expr> {
        vec![]
    }

    fn fmt_for_explain(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "WithFill: prefix={:?}, fill={:?}", self.spec.prefix, self.spec.fills)
    }

    fn with_exprs_and_inputs(&self, _exprs: Vec<Expr>, mut inputs: Vec<LogicalPlan>) -> DfResult<Self> {
        let input = inputs.pop().ok_or_else(|| DataFusionError::Internal("WithFill needs one input".into()))?;
        WithFillNode::new(input, self.spec.clone())
    }
}

/// Physical WITH FILL over a single sorted partition.
#[derive(Debug)]
pub struct WithFillExec {
    input: Arc<dyn ExecutionPlan>,
    spec: Arc<FillSpec>,
    props: Arc<PlanProperties>,
}

impl WithFillExec {
    pub fn new(input: Arc<dyn ExecutionPlan>, spec: Arc<FillSpec>) -> Self {
        let schema = nullable_schema(&input.schema());
        let props = PlanProperties::new(
            EquivalenceProperties::new(schema),
            Partitioning::UnknownPartitioning(1),
            EmissionType::Incremental,
            Boundedness::Bounded,
        );
        WithFillExec { input, spec, props: Arc::new(props) }
    }
}

impl DisplayAs for WithFillExec {
    fn fmt_as(&self, _t: DisplayFormatType, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "WithFillExec: prefix={:?}, fill={:?}", self.spec.prefix, self.spec.fills)
    }
}

impl ExecutionPlan for WithFillExec {
    fn name(&self) -> &str {
        "WithFillExec"
    }

    fn properties(&self) -> &Arc<PlanProperties> {
        &self.props
    }

    fn required_input_distribution(&self) -> Vec<Distribution> {
        vec![Distribution::SinglePartition]
    }

    fn maintains_input_order(&self) -> Vec<bool> {
        vec![true]
    }

    fn benefits_from_input_partitioning(&self) -> Vec<bool> {
        vec![false]
    }

    fn children(&self) -> Vec<&Arc<dyn ExecutionPlan>> {
        vec![&self.input]
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
        let input = children.pop().ok_or_else(|| DataFusionError::Internal("WithFillExec needs one input".into()))?;
        Ok(Arc::new(WithFillExec::new(input, self.spec.clone())))
    }

    fn execute(&self, partition: usize, context: Arc<TaskContext>) -> DfResult<SendableRecordBatchStream> {
        let input = self.input.execute(partition, context)?;
        let schema = self.props.eq_properties.schema().clone();
        let state = FillState::new(self.spec.clone(), schema.clone())?;
        let stream = futures::stream::unfold((input, Some(state)), |(mut input, state)| async move {
            let mut state = state?;
            loop {
                match input.next().await {
                    Some(Ok(batch)) => match state.process(&batch) {
                        Ok(Some(out)) => return Some((Ok(out), (input, Some(state)))),
                        Ok(None) => continue,
                        Err(e) => return Some((Err(e), (input, None))),
                    },
                    Some(Err(e)) => return Some((Err(e), (input, None))),
                    None => {
                        return match state.finish() {
                            Ok(Some(out)) => Some((Ok(out), (input, None))),
                            Ok(None) => None,
                            Err(e) => Some((Err(e), (input, None))),
                        }
                    }
                }
            }
        });
        Ok(Box::pin(RecordBatchStreamAdapter::new(schema, stream)))
    }
}

/// `schema` with every field nullable.
fn nullable_schema(schema: &SchemaRef) -> SchemaRef {
    let fields: Vec<arrow::datatypes::FieldRef> =
        schema.fields().iter().map(|f| Arc::new(f.as_ref().clone().with_nullable(true))).collect();
    Arc::new(arrow::datatypes::Schema::new_with_metadata(fields, schema.metadata().clone()))
}

/// Where the non-fill columns of an output row come from.
#[derive(Clone, Copy)]
struct OutRow {
    /// (source, row): 0 = the current batch, 1 = the previous row.
    ctx: (usize, usize),
    /// A new row: non-prefix columns take defaults.
    new: bool,
}

#[derive(Default)]
struct Out {
    rows: Vec<OutRow>,
    /// Fill-key values of each output row, per fill key.
    vals: Vec<Vec<FillValue>>,
}

impl Out {
    fn push(&mut self, row: OutRow, vals: &[FillValue]) {
        self.rows.push(row);
        for (col, v) in self.vals.iter_mut().zip(vals) {
            col.push(*v);
        }
    }
}

/// The last input row: where it is (see [`OutRow::ctx`]), its prefix and its fill values.
type PrevRow = ((usize, usize), Option<OwnedRow>, Vec<FillValue>);

struct FillState {
    spec: Arc<FillSpec>,
    schema: SchemaRef,
    defaults: RecordBatch,
    prefix_rows: Option<RowConverter>,
    /// The last row of the previous batch (a one-row batch).
    carried: Option<RecordBatch>,
    /// The last input row: where it is, its prefix and its fill values.
    prev: Option<PrevRow>,
    /// Next grid value per fill key, in the current context.
    next: Vec<FillValue>,
}

fn internal(msg: &str) -> DataFusionError {
    Error::new(ErrorCode::LOGICAL_ERROR, msg.to_string()).into_datafusion()
}

impl FillState {
    fn new(spec: Arc<FillSpec>, schema: SchemaRef) -> DfResult<Self> {
        let cols: Vec<ArrayRef> = spec.defaults.iter().map(|d| d.to_array_of_size(1)).collect::<DfResult<_>>()?;
        let cols = cols
            .into_iter()
            .zip(schema.fields())
            .map(|(c, f)| if c.data_type() == f.data_type() { Ok(c) } else { arrow::compute::cast(&c, f.data_type()) })
            .collect::<Result<Vec<_>, _>>()?;
        let defaults = RecordBatch::try_new_with_options(
            schema.clone(),
            cols,
            &arrow::record_batch::RecordBatchOptions::new().with_row_count(Some(1)),
        )?;
        let prefix_rows = if spec.prefix.is_empty() {
            None
        } else {
            let fields = spec
                .prefix
                .iter()
                .map(|&i| {
                    Ok(SortField::new(schema.fields().get(i).ok_or_else(|| internal("prefix"))?.data_type().clone()))
                })
                .collect::<DfResult<Vec<_>>>()?;
            Some(RowConverter::new(fields)?)
        };
        let next = spec.fills.iter().map(|f| f.zero).collect();
        Ok(FillState { spec, schema, defaults, prefix_rows, carried: None, prev: None, next })
    }

    /// Emits the synthetic rows of levels `level..` under `parents`.
    fn synth(&self, level: usize, parents: &mut Vec<FillValue>, ctx: (usize, usize), out: &mut Out) {
        let Some(f) = self.spec.fills.get(level) else {
            out.push(OutRow { ctx, new: true }, parents);
            return;
        };
        let start = f.from.unwrap_or(f.zero);
        match (f.from, f.to) {
            (Some(_), Some(to)) => {
                let mut g = start;
                while f.before(g, to) {
                    parents.push(g);
                    self.synth(level + 1, parents, ctx, out);
                    parents.pop();
                    let n = g.add(f.step);
                    if n == g {
                        break;
                    }
                    g = n;
                }
            }
            _ => {
                parents.push(start);
                self.synth(level + 1, parents, ctx, out);
                parents.pop();
            }
        }
    }

    /// Fills level `level` from its grid position up to (not including) `v`
    /// (or up to TO when `v` is None), under the parents `vals[..level]`.
    fn fill_level(
        &mut self,
        level: usize,
        vals: &[FillValue],
        v: Option<FillValue>,
        ctx: (usize, usize),
        out: &mut Out,
    ) {
        let Some(f) = self.spec.fills.get(level) else { return };
        if v.is_none() && f.to.is_none() {
            return;
        }
        let mut g = self.next[level];
        let mut parents: Vec<FillValue> = vals[..level].to_vec();
        while f.below_to(g) && v.is_none_or(|v| f.before(g, v)) {
            parents.push(g);
            self.synth(level + 1, &mut parents, ctx, out);
            parents.pop();
            let n = g.add(f.step);
            if n == g {
                break;
            }
            g = n;
        }
        self.next[level] = g;
    }

    /// Opens new contexts for levels `level..` at the row values `vals`.
    fn open(&mut self, level: usize, vals: &[FillValue], ctx: (usize, usize), out: &mut Out) {
        for j in level..self.spec.fills.len() {
            let f = &self.spec.fills[j];
            self.next[j] = f.from.unwrap_or(vals[j]);
            self.fill_level(j, vals, Some(vals[j]), ctx, out);
            let f = &self.spec.fills[j];
            self.next[j] = f.advance_past(self.next[j], vals[j]);
        }
    }

    /// Closes levels `level..` of the previous row's context (deepest first).
    fn close(&mut self, level: usize, out: &mut Out) {
        let Some((ctx, _, prev_vals)) = &self.prev else { return };
        let (ctx, prev_vals) = (*ctx, prev_vals.clone());
        for j in (level..self.spec.fills.len()).rev() {
            self.fill_level(j, &prev_vals, None, ctx, out);
        }
    }

    fn read_values(&self, batch: &RecordBatch) -> DfResult<Vec<Vec<FillValue>>> {
        self.spec.fills.iter().map(|f| read_column(batch.column(f.index).as_ref())).collect()
    }

    fn process(&mut self, batch: &RecordBatch) -> DfResult<Option<RecordBatch>> {
        if batch.num_rows() == 0 {
            return Ok(None);
        }
        let vals = self.read_values(batch)?;
        let prefix = match &self.prefix_rows {
            Some(conv) => {
                let cols: Vec<ArrayRef> = self.spec.prefix.iter().map(|&i| batch.column(i).clone()).collect();
                Some(conv.convert_columns(&cols)?)
            }
            None => None,
        };
        let k = self.spec.fills.len();
        let mut out = Out { rows: Vec::new(), vals: vec![Vec::new(); k] };
        let mut row_vals = vec![FillValue::Int(0); k];
        for r in 0..batch.num_rows() {
            for (j, col) in vals.iter().enumerate() {
                row_vals[j] = col[r];
            }
            let ctx = (0, r);
            match &self.prev {
                None => self.open(0, &row_vals, ctx, &mut out),
                Some((_, prev_prefix, prev_vals)) => {
                    let changed = match (&prefix, prev_prefix) {
                        (Some(rows), Some(p)) => rows.row(r) != p.row(),
                        _ => false,
                    };
                    if changed {
                        self.close(0, &mut out);
                        self.open(0, &row_vals, ctx, &mut out);
                    } else if let Some(i) = (0..k).find(|&j| prev_vals[j] != row_vals[j]) {
                        self.close(i + 1, &mut out);
                        self.fill_level(i, &row_vals, Some(row_vals[i]), ctx, &mut out);
                        let f = &self.spec.fills[i];
                        self.next[i] = f.advance_past(self.next[i], row_vals[i]);
                        self.open(i + 1, &row_vals, ctx, &mut out);
                    }
                }
            }
            out.push(OutRow { ctx, new: false }, &row_vals);
            let p = prefix.as_ref().map(|rows| rows.row(r).owned());
            self.prev = Some((ctx, p, row_vals.clone()));
        }
        let result = self.build(batch, &out)?;
        let last = batch.num_rows() - 1;
        self.carried = Some(batch.slice(last, 1));
        if let Some(prev) = self.prev.as_mut() {
            prev.0 = (1, 0);
        }
        Ok(Some(result))
    }

    fn finish(&mut self) -> DfResult<Option<RecordBatch>> {
        let Some(prev_batch) = self.carried.clone() else { return Ok(None) };
        let k = self.spec.fills.len();
        let mut out = Out { rows: Vec::new(), vals: vec![Vec::new(); k] };
        self.close(0, &mut out);
        if out.rows.is_empty() {
            return Ok(None);
        }
        self.build(&prev_batch, &out).map(Some)
    }

    fn build(&self, batch: &RecordBatch, out: &Out) -> DfResult<RecordBatch> {
        let prev = self.carried.clone().unwrap_or_else(|| self.defaults.clone());
        let mut columns = Vec::with_capacity(self.schema.fields().len());
        for (c, field) in self.schema.fields().iter().enumerate() {
            if let Some(j) = self.spec.fills.iter().position(|f| f.index == c) {
                columns.push(write_column(&out.vals[j], field.data_type())?);
                continue;
            }
            let is_prefix = self.spec.prefix.contains(&c);
            let idx: Vec<(usize, usize)> =
                out.rows.iter().map(|r| if r.new && !is_prefix { (2, 0) } else { r.ctx }).collect();
            let sources: [&dyn Array; 3] =
                [batch.column(c).as_ref(), prev.column(c).as_ref(), self.defaults.column(c).as_ref()];
            columns.push(interleave(&sources, &idx)?);
        }
        Ok(RecordBatch::try_new_with_options(
            self.schema.clone(),
            columns,
            &arrow::record_batch::RecordBatchOptions::new().with_row_count(Some(out.rows.len())),
        )?)
    }
}

fn null_key() -> DataFusionError {
    Error::new(ErrorCode::NOT_IMPLEMENTED, "WITH FILL over NULL key values is not supported yet").into_datafusion()
}

fn ints<T: arrow::datatypes::ArrowPrimitiveType>(
    a: &dyn Array,
    f: impl Fn(T::Native) -> i128,
) -> DfResult<Vec<FillValue>> {
    let a = a.as_primitive::<T>();
    if a.null_count() > 0 {
        return Err(null_key());
    }
    Ok(a.values().iter().map(|v| FillValue::Int(f(*v))).collect())
}

/// The fill values of a key column.
fn read_column(a: &dyn Array) -> DfResult<Vec<FillValue>> {
    use arrow::datatypes::*;
    match a.data_type() {
        DataType::Int8 => ints::<Int8Type>(a, i128::from),
        DataType::Int16 => ints::<Int16Type>(a, i128::from),
        DataType::Int32 => ints::<Int32Type>(a, i128::from),
        DataType::Int64 => ints::<Int64Type>(a, i128::from),
        DataType::UInt8 => ints::<UInt8Type>(a, i128::from),
        DataType::UInt16 => ints::<UInt16Type>(a, i128::from),
        DataType::UInt32 => ints::<UInt32Type>(a, i128::from),
        DataType::UInt64 => ints::<UInt64Type>(a, i128::from),
        DataType::Date32 => ints::<Date32Type>(a, i128::from),
        DataType::Timestamp(TimeUnit::Second, _) => ints::<TimestampSecondType>(a, i128::from),
        DataType::Timestamp(TimeUnit::Millisecond, _) => ints::<TimestampMillisecondType>(a, i128::from),
        DataType::Timestamp(TimeUnit::Microsecond, _) => ints::<TimestampMicrosecondType>(a, i128::from),
        DataType::Timestamp(TimeUnit::Nanosecond, _) => ints::<TimestampNanosecondType>(a, i128::from),
        DataType::Float32 | DataType::Float64 => {
            if a.null_count() > 0 {
                return Err(null_key());
            }
            if let Some(f) = a.as_any().downcast_ref::<Float64Array>() {
                return Ok(f.values().iter().map(|v| FillValue::Float(*v)).collect());
            }
            let f = a.as_primitive::<Float32Type>();
            Ok(f.values().iter().map(|v| FillValue::Float(f64::from(*v))).collect())
        }
        other => Err(Error::new(ErrorCode::NOT_IMPLEMENTED, format!("WITH FILL over {other} is not supported yet"))
            .into_datafusion()),
    }
}

fn int_of(v: FillValue) -> i128 {
    match v {
        FillValue::Int(i) => i,
        FillValue::Float(f) => f as i128,
    }
}

/// A key column from fill values (integers wrap to the column's width, as
/// ClickHouse's arithmetic does).
fn write_column(vals: &[FillValue], dt: &DataType) -> DfResult<ArrayRef> {
    let it = vals.iter().map(|v| int_of(*v));
    Ok(match dt {
        DataType::Int8 => Arc::new(Int8Array::from_iter_values(it.map(|v| v as i8))),
        DataType::Int16 => Arc::new(Int16Array::from_iter_values(it.map(|v| v as i16))),
        DataType::Int32 => Arc::new(Int32Array::from_iter_values(it.map(|v| v as i32))),
        DataType::Int64 => Arc::new(Int64Array::from_iter_values(it.map(|v| v as i64))),
        DataType::UInt8 => Arc::new(UInt8Array::from_iter_values(it.map(|v| v as u8))),
        DataType::UInt16 => Arc::new(UInt16Array::from_iter_values(it.map(|v| v as u16))),
        DataType::UInt32 => Arc::new(UInt32Array::from_iter_values(it.map(|v| v as u32))),
        DataType::UInt64 => Arc::new(UInt64Array::from_iter_values(it.map(|v| v as u64))),
        DataType::Date32 => Arc::new(Date32Array::from_iter_values(it.map(|v| v as i32))),
        DataType::Timestamp(unit, tz) => {
            let a = Int64Array::from_iter_values(it.map(|v| v as i64));
            let a: ArrayRef = Arc::new(a);
            arrow::compute::cast(&a, &DataType::Timestamp(*unit, tz.clone()))?
        }
        DataType::Float64 => Arc::new(Float64Array::from_iter_values(vals.iter().map(|v| v.as_f64()))),
        DataType::Float32 => Arc::new(Float32Array::from_iter_values(vals.iter().map(|v| v.as_f64() as f32))),
        other => {
            return Err(Error::new(ErrorCode::NOT_IMPLEMENTED, format!("WITH FILL over {other} is not supported yet"))
                .into_datafusion())
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use arrow::datatypes::{Field, Schema};

    fn run(spec: FillSpec, batches: Vec<RecordBatch>) -> Vec<Vec<String>> {
        let schema = batches[0].schema();
        let mut st = FillState::new(Arc::new(spec), schema).unwrap();
        let mut out = Vec::new();
        for b in &batches {
            if let Some(o) = st.process(b).unwrap() {
                out.push(o);
            }
        }
        if let Some(o) = st.finish().unwrap() {
            out.push(o);
        }
        let mut rows = Vec::new();
        for b in out {
            for r in 0..b.num_rows() {
                rows.push(
                    b.columns().iter().map(|c| arrow::util::display::array_value_to_string(c, r).unwrap()).collect(),
                );
            }
        }
        rows
    }

    fn col(step: i128, from: Option<i128>, to: Option<i128>, index: usize) -> FillColumn {
        FillColumn {
            index,
            descending: step < 0,
            from: from.map(FillValue::Int),
            to: to.map(FillValue::Int),
            step: FillValue::Int(step),
            zero: FillValue::Int(0),
        }
    }

    fn flat(rows: &[Vec<String>]) -> String {
        rows.iter().map(|r| r.join(",")).collect::<Vec<_>>().join(" ")
    }

    fn one_col(v: &[i64]) -> RecordBatch {
        let s = Arc::new(Schema::new(vec![Field::new("n", DataType::Int64, false)]));
        RecordBatch::try_new(s, vec![Arc::new(Int64Array::from(v.to_vec()))]).unwrap()
    }

    fn spec1(c: FillColumn) -> FillSpec {
        FillSpec { prefix: vec![], fills: vec![c], defaults: vec![ScalarValue::Int64(Some(0))] }
    }

    #[test]
    fn single_key_grid() {
        // chdb: [0,5,9] STEP 2 → 0 2 4 5 6 8 9
        assert_eq!(flat(&run(spec1(col(2, None, None, 0)), vec![one_col(&[0, 5, 9])])), "0 2 4 5 6 8 9");
        // FROM 0 TO 10 STEP 2 over [2,3,7] → 0 2 3 4 6 7 8
        assert_eq!(flat(&run(spec1(col(2, Some(0), Some(10), 0)), vec![one_col(&[2, 3, 7])])), "0 2 3 4 6 7 8");
        // FROM 5 TO 6 over [2,3,7] → 2 3 5 7
        assert_eq!(flat(&run(spec1(col(1, Some(5), Some(6), 0)), vec![one_col(&[2, 3, 7])])), "2 3 5 7");
        // DESC FROM 10 TO 0 STEP -3 over [7,3,2] → 10 7 4 3 2 1
        assert_eq!(flat(&run(spec1(col(-3, Some(10), Some(0), 0)), vec![one_col(&[7, 3, 2])])), "10 7 4 3 2 1");
        // Across batches: FROM 1 STEP 3 over [0,5,5,9] → 0 1 4 5 5 7 9
        assert_eq!(
            flat(&run(spec1(col(3, Some(1), None, 0)), vec![one_col(&[0, 5]), one_col(&[5, 9])])),
            "0 1 4 5 5 7 9"
        );
    }

    #[test]
    fn two_keys_and_defaults() {
        let s = Arc::new(Schema::new(vec![
            Field::new("a", DataType::Int64, false),
            Field::new("b", DataType::Int64, false),
            Field::new("c", DataType::Int64, false),
        ]));
        let b = RecordBatch::try_new(
            s,
            vec![
                Arc::new(Int64Array::from(vec![1, 1, 3, 3])),
                Arc::new(Int64Array::from(vec![1, 4, 1, 4])),
                Arc::new(Int64Array::from(vec![9, 9, 9, 9])),
            ],
        )
        .unwrap();
        let defaults = vec![ScalarValue::Int64(Some(0)); 3];
        // chdb: ORDER BY a WITH FILL, b WITH FILL FROM 0 TO 3
        let spec = FillSpec {
            prefix: vec![],
            fills: vec![col(1, None, None, 0), col(1, Some(0), Some(3), 1)],
            defaults: defaults.clone(),
        };
        assert_eq!(
            flat(&run(spec, vec![b.clone()])),
            "1,0,0 1,1,9 1,2,0 1,4,9 2,0,0 2,1,0 2,2,0 3,0,0 3,1,9 3,2,0 3,4,9"
        );
        // chdb: ORDER BY a, b WITH FILL → b filled within each a.
        let spec = FillSpec { prefix: vec![0], fills: vec![col(1, None, None, 1)], defaults };
        assert_eq!(flat(&run(spec, vec![b])), "1,1,9 1,2,0 1,3,0 1,4,9 3,1,9 3,2,0 3,3,0 3,4,9");
    }

    #[test]
    fn float_step() {
        let s = Arc::new(Schema::new(vec![Field::new("n", DataType::Float64, false)]));
        let b = RecordBatch::try_new(s, vec![Arc::new(Float64Array::from(vec![1.0, 2.0]))]).unwrap();
        let c = FillColumn {
            index: 0,
            descending: false,
            from: None,
            to: None,
            step: FillValue::Float(0.3),
            zero: FillValue::Float(0.0),
        };
        let spec = FillSpec { prefix: vec![], fills: vec![c], defaults: vec![ScalarValue::Float64(Some(0.0))] };
        // chdb: 1 1.3 1.6 1.9000000000000001 2
        assert_eq!(flat(&run(spec, vec![b])), "1.0 1.3 1.6 1.9000000000000001 2.0");
    }
}
