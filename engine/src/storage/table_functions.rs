//! Table functions that generate rows: `numbers(N)`, `numbers(start, N[, step])`,
//! `numbers_mt`, `zeros(N)`, `zeros_mt`, and `system.numbers` / `system.zeros`
//! (unbounded). Each is a DataFusion `TableProvider` whose scan streams batches
//! lazily (constant memory), honouring the pushed-down LIMIT.

use std::any::Any;
use std::fmt;
use std::sync::Arc;

use arrow::array::{UInt64Array, UInt8Array};
use arrow::datatypes::{DataType, Field, Schema, SchemaRef};
use arrow::record_batch::RecordBatch;
use async_trait::async_trait;
use datafusion::catalog::{Session as DfSession, TableProvider};
use datafusion::datasource::TableType;
use datafusion::error::Result as DfResult;
use datafusion::logical_expr::Expr as DfExpr;
use datafusion::physical_plan::memory::{LazyBatchGenerator, LazyMemoryExec};
use datafusion::physical_plan::ExecutionPlan;
use parking_lot::RwLock;

/// Which column the generator fills.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Generated {
    /// `number UInt64`: start, start+step, …
    Numbers,
    /// `zero UInt8`: zeros.
    Zeros,
}

/// A generated table: `count = None` is unbounded (`system.numbers`).
#[derive(Debug, Clone)]
pub struct GeneratedTable {
    kind: Generated,
    start: u64,
    count: Option<u64>,
    step: u64,
    /// Split into this many partitions (`numbers_mt`); 1 keeps order.
    multithreaded: bool,
    schema: SchemaRef,
}

impl GeneratedTable {
    pub fn new(kind: Generated, start: u64, count: Option<u64>, step: u64, multithreaded: bool) -> Self {
        let field = match kind {
            Generated::Numbers => Field::new("number", DataType::UInt64, false),
            Generated::Zeros => Field::new("zero", DataType::UInt8, false),
        };
        GeneratedTable { kind, start, count, step, multithreaded, schema: Arc::new(Schema::new(vec![field])) }
    }
}

#[derive(Debug, Clone)]
struct Generator {
    kind: Generated,
    schema: SchemaRef,
    /// Next index (0-based within the whole sequence) to produce.
    next: u64,
    /// One past the last index of this partition (u64::MAX = unbounded).
    end: u64,
    /// Indexes advance by `stride` between batches of this partition.
    batch_size: u64,
    first: u64,
    start: u64,
    step: u64,
}

impl fmt::Display for Generator {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}[{}..{})", self.kind, self.first, self.end)
    }
}

impl LazyBatchGenerator for Generator {
    fn as_any(&self) -> &dyn Any {
        self
    }

    fn generate_next_batch(&mut self) -> DfResult<Option<RecordBatch>> {
        if self.next >= self.end {
            return Ok(None);
        }
        let n = self.batch_size.min(self.end - self.next);
        let array: arrow::array::ArrayRef = match self.kind {
            Generated::Numbers => {
                let base = self.start.wrapping_add(self.next.wrapping_mul(self.step));
                let step = self.step;
                Arc::new(UInt64Array::from_iter_values((0..n).map(|i| base.wrapping_add(i.wrapping_mul(step)))))
            }
            Generated::Zeros => Arc::new(UInt8Array::from(vec![0u8; n as usize])),
        };
        self.next += n;
        Ok(Some(RecordBatch::try_new(self.schema.clone(), vec![array])?))
    }

    fn reset_state(&self) -> Arc<RwLock<dyn LazyBatchGenerator>> {
        let mut g = self.clone();
        g.next = g.first;
        Arc::new(RwLock::new(g))
    }
}

#[async_trait]
impl TableProvider for GeneratedTable {
    fn schema(&self) -> SchemaRef {
        self.schema.clone()
    }

    fn table_type(&self) -> TableType {
        TableType::Temporary
    }

    async fn scan(
        &self,
        state: &dyn DfSession,
        projection: Option<&Vec<usize>>,
        _filters: &[DfExpr],
        limit: Option<usize>,
    ) -> DfResult<Arc<dyn ExecutionPlan>> {
        let batch_size = state.config().batch_size().max(1) as u64;
        let mut total = self.count.unwrap_or(u64::MAX);
        if let Some(l) = limit {
            total = total.min(l as u64);
        }
        let parts = if self.multithreaded && total != u64::MAX {
            (state.config().target_partitions() as u64).clamp(1, total.div_ceil(batch_size).max(1))
        } else {
            1
        };
        let mut generators: Vec<Arc<RwLock<dyn LazyBatchGenerator>>> = Vec::new();
        let per = if total == u64::MAX { u64::MAX } else { total.div_ceil(parts) };
        for p in 0..parts {
            let first = p.saturating_mul(per);
            let end = if total == u64::MAX { u64::MAX } else { (first.saturating_add(per)).min(total) };
            generators.push(Arc::new(RwLock::new(Generator {
                kind: self.kind,
                schema: self.schema.clone(),
                next: first,
                end,
                batch_size,
                first,
                start: self.start,
                step: self.step,
            })));
        }
        Ok(Arc::new(LazyMemoryExec::try_new(self.schema.clone(), generators)?.with_projection(projection.cloned())))
    }
}
