//! [`QueryResult`]: the Arrow batches of a query with ClickHouse's column names
//! and types, and its text forms.

use std::collections::HashMap;
use std::sync::Arc;

use arrow::datatypes::{Field, Schema, SchemaRef};
use arrow::record_batch::RecordBatch;

use crate::error::Result;
use crate::formats::text::TextOptions;
use crate::formats::tsv::{write_tsv, TsvKind};
use crate::settings::Settings;
use crate::sql::binder::OutputColumn;
use crate::types::ChType;

/// Metadata key holding a column's ClickHouse type name in the result schema.
pub const TYPE_METADATA_KEY: &str = "granary.type";

/// The result of one statement.
#[derive(Debug, Clone)]
pub struct QueryResult {
    schema: SchemaRef,
    columns: Vec<OutputColumn>,
    batches: Vec<RecordBatch>,
    /// The WITH TOTALS row, if the query asked for it.
    totals: Vec<RecordBatch>,
    text: TextOptions,
    /// The statement's `FORMAT` clause, if any.
    format: Option<String>,
    /// The settings the statement ran with (session, request and its own SETTINGS).
    settings: Settings,
}

impl QueryResult {
    /// A result with no columns (DDL, INSERT, SET).
    pub fn empty() -> Self {
        QueryResult {
            schema: Arc::new(Schema::empty()),
            columns: vec![],
            batches: vec![],
            totals: vec![],
            text: TextOptions::default(),
            format: None,
            settings: Settings::default(),
        }
    }

    /// Builds a result, renaming the batches' fields to the ClickHouse names.
    pub fn new(columns: Vec<OutputColumn>, batches: Vec<RecordBatch>, text: TextOptions) -> Result<Self> {
        let fields: Vec<Field> = columns
            .iter()
            .map(|c| {
                c.ty.to_arrow_field(&c.name)
                    .with_nullable(true)
                    .with_metadata(HashMap::from([(TYPE_METADATA_KEY.to_string(), c.ty.to_string())]))
            })
            .collect();
        let schema = Arc::new(Schema::new(fields));
        let batches = batches
            .into_iter()
            .filter(|b| b.num_rows() > 0)
            .map(|b| RecordBatch::try_new(schema.clone(), b.columns().to_vec()))
            .collect::<std::result::Result<Vec<_>, _>>()?;
        Ok(QueryResult { schema, columns, batches, totals: vec![], text, format: None, settings: Settings::default() })
    }

    /// Attaches the WITH TOTALS row.
    pub fn with_totals(mut self, totals: Vec<RecordBatch>) -> Result<Self> {
        self.totals = totals
            .into_iter()
            .filter(|b| b.num_rows() > 0)
            .map(|b| RecordBatch::try_new(self.schema.clone(), b.columns().to_vec()))
            .collect::<std::result::Result<Vec<_>, _>>()?;
        Ok(self)
    }

    /// Records the statement's `FORMAT` clause and the settings it ran with.
    pub fn with_format(mut self, format: Option<String>, settings: Settings) -> Self {
        self.format = format;
        self.settings = settings;
        self
    }

    /// The settings the statement ran with: what output formats read.
    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// The output format the statement named with `FORMAT`, if any.
    pub fn format(&self) -> Option<&str> {
        self.format.as_deref()
    }

    /// The options the result's values are written with (time zone, decimals).
    pub fn text_options(&self) -> &TextOptions {
        &self.text
    }

    /// The WITH TOTALS row (empty when not asked for).
    pub fn totals(&self) -> &[RecordBatch] {
        &self.totals
    }

    /// The Arrow schema: ClickHouse column names, the type name in field metadata.
    pub fn schema(&self) -> SchemaRef {
        self.schema.clone()
    }

    /// The result batches.
    pub fn batches(&self) -> &[RecordBatch] {
        &self.batches
    }

    /// ClickHouse column names.
    pub fn column_names(&self) -> Vec<String> {
        self.columns.iter().map(|c| c.name.clone()).collect()
    }

    /// ClickHouse column types.
    pub fn column_types(&self) -> Vec<ChType> {
        self.columns.iter().map(|c| c.ty.clone()).collect()
    }

    /// Number of rows.
    pub fn num_rows(&self) -> usize {
        self.batches.iter().map(|b| b.num_rows()).sum()
    }

    /// The result as TabSeparated text (what ClickHouse's test references hold).
    pub fn to_tsv(&self) -> String {
        let mut out = Vec::new();
        match self.write_tsv(&mut out, TsvKind::Plain) {
            Ok(()) => String::from_utf8_lossy(&out).into_owned(),
            Err(e) => format!("{e}\n"),
        }
    }

    /// Writes the result in TabSeparated form to `out`, reporting text-form errors.
    /// Totals, if any, follow after an empty line, as ClickHouse writes them.
    pub fn write_tsv(&self, out: &mut Vec<u8>, kind: TsvKind) -> Result<()> {
        let (names, types) = (self.column_names(), self.column_types());
        write_tsv(out, &self.batches, &types, &names, &self.text, kind)?;
        if !self.totals.is_empty() {
            out.push(b'\n');
            write_tsv(out, &self.totals, &types, &names, &self.text, TsvKind::Plain)?;
        }
        Ok(())
    }
}
