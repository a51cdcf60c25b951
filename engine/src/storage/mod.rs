//! Table engines and the catalog. A table is a [`Table`]: its ClickHouse
//! columns, a DataFusion `TableProvider` for reads, and the write operations.
//! Engines are found by name in [`catalog::EngineRegistry`], so MergeTree,
//! Distributed and others plug in without the binder knowing them.

pub mod catalog;
pub mod memory;
pub mod table_functions;
pub mod view;

use std::sync::Arc;

use arrow::datatypes::{Schema, SchemaRef};
use arrow::record_batch::RecordBatch;
use datafusion::catalog::TableProvider;

use crate::error::Result;
use crate::sql::ast;
use crate::types::ChType;

/// A column of a table: name, ClickHouse type and default expression.
#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    pub name: String,
    pub ty: ChType,
    pub default: Option<ast::ColumnDefault>,
    pub comment: Option<String>,
    pub codec: Option<String>,
}

impl Column {
    pub fn new(name: impl Into<String>, ty: ChType) -> Self {
        Column { name: name.into(), ty, default: None, comment: None, codec: None }
    }

    /// Whether the column is stored (not ALIAS / EPHEMERAL).
    pub fn is_physical(&self) -> bool {
        !matches!(self.default, Some(ast::ColumnDefault::Alias(_)) | Some(ast::ColumnDefault::Ephemeral(_)))
    }
}

/// The Arrow schema of some columns (types from `ChType::to_arrow`).
pub fn arrow_schema(columns: &[Column]) -> SchemaRef {
    Arc::new(Schema::new(columns.iter().map(|c| c.ty.to_arrow_field(&c.name)).collect::<Vec<_>>()))
}

/// A table as the engine sees it.
pub trait Table: Send + Sync + std::fmt::Debug {
    /// The engine's name as ClickHouse prints it (`Memory`, `MergeTree`).
    fn engine_name(&self) -> &str;

    /// All columns in declaration order.
    fn columns(&self) -> Vec<Column>;

    /// A provider scanning the physical columns (Arrow schema = `arrow_schema`
    /// of the physical columns).
    fn provider(&self) -> Arc<dyn TableProvider>;

    /// Appends rows; the batch has exactly the physical columns in order.
    fn insert(&self, batch: RecordBatch) -> Result<()>;

    /// Removes all rows.
    fn truncate(&self) -> Result<()>;

    /// Replaces all rows at once (mutations on engines that rewrite in place).
    fn replace_all(&self, _batches: Vec<RecordBatch>) -> Result<()> {
        Err(crate::error::Error::new(
            crate::error::ErrorCode::NOT_IMPLEMENTED,
            format!("Table engine {} doesn't support mutations", self.engine_name()),
        ))
    }

    /// Rows stored, when cheap to know.
    fn total_rows(&self) -> Option<u64> {
        None
    }

    /// Whether the engine reads PREWHERE columns first (MergeTree family).
    fn supports_prewhere(&self) -> bool {
        false
    }

    /// The query of a view, which the binder expands in place.
    fn view_query(&self) -> Option<&ast::SelectQuery> {
        None
    }

    /// Bytes stored, when cheap to know.
    fn total_bytes(&self) -> Option<u64> {
        None
    }
}
