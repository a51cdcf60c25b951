//! Views (`CREATE VIEW v AS SELECT …`): a stored query that the binder
//! expands in place wherever the view is read. Views hold no data.

use std::sync::Arc;

use arrow::record_batch::RecordBatch;
use datafusion::catalog::TableProvider;
use datafusion::datasource::MemTable;

use super::{arrow_schema, Column, Table};
use crate::error::{Error, ErrorCode, Result};
use crate::sql::ast::SelectQuery;

/// A view: its result columns and its query.
#[derive(Debug)]
pub struct ViewTable {
    columns: Vec<Column>,
    query: SelectQuery,
}

impl ViewTable {
    pub fn new(columns: Vec<Column>, query: SelectQuery) -> Self {
        ViewTable { columns, query }
    }
}

impl Table for ViewTable {
    fn engine_name(&self) -> &str {
        "View"
    }

    fn columns(&self) -> Vec<Column> {
        self.columns.clone()
    }

    fn provider(&self) -> Arc<dyn TableProvider> {
        let schema = arrow_schema(&self.columns);
        match MemTable::try_new(schema.clone(), vec![vec![]]) {
            Ok(t) => Arc::new(t),
            Err(_) => Arc::new(
                MemTable::try_new(Arc::new(arrow::datatypes::Schema::empty()), vec![vec![]]).expect("empty table"),
            ),
        }
    }

    fn insert(&self, _batch: RecordBatch) -> Result<()> {
        Err(Error::new(ErrorCode::NOT_IMPLEMENTED, "Method write is not supported by storage View"))
    }

    fn truncate(&self) -> Result<()> {
        Err(Error::new(ErrorCode::NOT_IMPLEMENTED, "Truncate is not supported by storage View"))
    }

    fn view_query(&self) -> Option<&SelectQuery> {
        Some(&self.query)
    }
}
