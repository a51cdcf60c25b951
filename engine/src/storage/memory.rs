//! The `Memory` engine: batches kept in RAM, appended by INSERT, scanned as a
//! DataFusion `MemTable` snapshot (so reads never block inserts).

use std::sync::Arc;

use arrow::datatypes::SchemaRef;
use arrow::record_batch::RecordBatch;
use datafusion::catalog::TableProvider;
use datafusion::datasource::MemTable;
use parking_lot::RwLock;

use super::{arrow_schema, Column, Table};
use crate::error::{Error, ErrorCode, Result};

/// A Memory table.
#[derive(Debug)]
pub struct MemoryTable {
    columns: Vec<Column>,
    schema: SchemaRef,
    batches: RwLock<Vec<RecordBatch>>,
}

impl MemoryTable {
    pub fn new(columns: Vec<Column>) -> Self {
        let physical: Vec<Column> = columns.iter().filter(|c| c.is_physical()).cloned().collect();
        let schema = arrow_schema(&physical);
        MemoryTable { columns, schema, batches: RwLock::new(Vec::new()) }
    }
}

/// Splits `batches` into at most `n` partitions of similar row counts.
pub fn partition_batches(batches: &[RecordBatch], n: usize) -> Vec<Vec<RecordBatch>> {
    let n = n.max(1);
    let mut parts: Vec<Vec<RecordBatch>> = vec![Vec::new(); n];
    let mut rows = vec![0usize; n];
    for b in batches {
        let (i, _) = rows.iter().enumerate().min_by_key(|(_, r)| **r).unwrap_or((0, &0));
        rows[i] += b.num_rows();
        parts[i].push(b.clone());
    }
    parts.retain(|p| !p.is_empty());
    if parts.is_empty() {
        parts.push(Vec::new());
    }
    parts
}

impl Table for MemoryTable {
    fn engine_name(&self) -> &str {
        "Memory"
    }

    fn columns(&self) -> Vec<Column> {
        self.columns.clone()
    }

    fn provider(&self) -> Arc<dyn TableProvider> {
        let batches = self.batches.read().clone();
        // Keep insertion order within one partition when there is little data, so
        // small queries without ORDER BY answer in insertion order as ClickHouse does.
        let total: usize = batches.iter().map(|b| b.num_rows()).sum();
        let n = if total < 1_000_000 { 1 } else { std::thread::available_parallelism().map(|n| n.get()).unwrap_or(2) };
        let parts = partition_batches(&batches, n);
        match MemTable::try_new(self.schema.clone(), parts) {
            Ok(t) => Arc::new(t),
            Err(_) => Arc::new(MemTable::try_new(self.schema.clone(), vec![vec![]]).expect("empty MemTable")),
        }
    }

    fn insert(&self, batch: RecordBatch) -> Result<()> {
        if batch.schema().fields().len() != self.schema.fields().len() {
            return Err(Error::new(ErrorCode::LOGICAL_ERROR, "inserted batch does not match the table"));
        }
        let batch = RecordBatch::try_new(self.schema.clone(), batch.columns().to_vec())?;
        if batch.num_rows() > 0 {
            self.batches.write().push(batch);
        }
        Ok(())
    }

    fn truncate(&self) -> Result<()> {
        self.batches.write().clear();
        Ok(())
    }

    fn replace_all(&self, batches: Vec<RecordBatch>) -> Result<()> {
        let mut fresh = Vec::with_capacity(batches.len());
        for b in batches {
            if b.num_rows() > 0 {
                fresh.push(RecordBatch::try_new(self.schema.clone(), b.columns().to_vec())?);
            }
        }
        *self.batches.write() = fresh;
        Ok(())
    }

    fn total_rows(&self) -> Option<u64> {
        Some(self.batches.read().iter().map(|b| b.num_rows() as u64).sum())
    }

    fn total_bytes(&self) -> Option<u64> {
        Some(self.batches.read().iter().map(|b| b.get_array_memory_size() as u64).sum())
    }
}
