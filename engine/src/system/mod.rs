//! `system.*` tables: read-only views of the catalog, the function registry
//! and the settings, built on demand as in-memory tables when a query reads
//! them. `system.one`, `system.numbers` and `system.zeros` are generated.

use std::sync::Arc;

use arrow::array::{ArrayRef, BinaryViewArray, UInt64Array, UInt8Array};
use arrow::record_batch::RecordBatch;
use datafusion::catalog::TableProvider;
use datafusion::datasource::MemTable;

use crate::error::{Error, ErrorCode, Result};
use crate::sql::binder::Binder;
use crate::storage::table_functions::{Generated, GeneratedTable};
use crate::storage::{arrow_schema, Column};
use crate::types::ChType;

/// Names of the system tables.
pub const TABLES: &[&str] =
    &["columns", "databases", "functions", "numbers", "numbers_mt", "one", "settings", "tables", "zeros", "zeros_mt"];

fn strings<I: IntoIterator<Item = String>>(v: I) -> ArrayRef {
    Arc::new(BinaryViewArray::from_iter_values(v.into_iter().map(|s| s.into_bytes())))
}

fn u64s<I: IntoIterator<Item = u64>>(v: I) -> ArrayRef {
    Arc::new(UInt64Array::from_iter_values(v))
}

fn u8s<I: IntoIterator<Item = u8>>(v: I) -> ArrayRef {
    Arc::new(UInt8Array::from_iter_values(v))
}

fn mem(columns: &[Column], arrays: Vec<ArrayRef>) -> Result<Arc<dyn TableProvider>> {
    let schema = arrow_schema(columns);
    let batch = RecordBatch::try_new(schema.clone(), arrays)?;
    Ok(Arc::new(MemTable::try_new(schema, vec![vec![batch]])?))
}

fn cols(spec: &[(&str, ChType)]) -> Vec<Column> {
    spec.iter().map(|(n, t)| Column::new(*n, t.clone())).collect()
}

/// The provider and columns of `system.<name>`.
pub fn table(b: &Binder, name: &str) -> Result<(Arc<dyn TableProvider>, Vec<Column>)> {
    let s = ChType::String;
    match name {
        "one" => {
            let c = cols(&[("dummy", ChType::UInt8)]);
            Ok((mem(&c, vec![u8s([0])])?, c))
        }
        "numbers" | "numbers_mt" => Ok((
            Arc::new(GeneratedTable::new(Generated::Numbers, 0, None, 1, false)),
            cols(&[("number", ChType::UInt64)]),
        )),
        "zeros" | "zeros_mt" => {
            Ok((Arc::new(GeneratedTable::new(Generated::Zeros, 0, None, 1, false)), cols(&[("zero", ChType::UInt8)])))
        }
        "databases" => {
            let c = cols(&[("name", s.clone()), ("engine", s.clone()), ("data_path", s.clone()), ("comment", s)]);
            let dbs = b.catalog.databases();
            let arrays = vec![
                strings(dbs.iter().map(|d| d.0.clone())),
                strings(dbs.iter().map(|d| d.1.clone())),
                strings(dbs.iter().map(|_| String::new())),
                strings(dbs.iter().map(|_| String::new())),
            ];
            Ok((mem(&c, arrays)?, c))
        }
        "tables" => {
            let c = cols(&[
                ("database", s.clone()),
                ("name", s.clone()),
                ("engine", s.clone()),
                ("is_temporary", ChType::UInt8),
                ("create_table_query", s.clone()),
                ("total_rows", ChType::Nullable(Box::new(ChType::UInt64))),
                ("total_bytes", ChType::Nullable(Box::new(ChType::UInt64))),
                ("comment", s),
            ]);
            let mut rows = Vec::new();
            for (db, _) in b.catalog.databases() {
                if db == "system" {
                    for t in TABLES {
                        rows.push((
                            db.clone(),
                            t.to_string(),
                            "SystemTable".to_string(),
                            String::new(),
                            None,
                            None,
                            String::new(),
                        ));
                    }
                    continue;
                }
                for t in b.catalog.tables(&db)? {
                    rows.push((
                        db.clone(),
                        t.name.clone(),
                        t.table.engine_name().to_string(),
                        t.create_query.clone(),
                        t.table.total_rows(),
                        t.table.total_bytes(),
                        t.comment.clone(),
                    ));
                }
            }
            let arrays: Vec<ArrayRef> = vec![
                strings(rows.iter().map(|r| r.0.clone())),
                strings(rows.iter().map(|r| r.1.clone())),
                strings(rows.iter().map(|r| r.2.clone())),
                u8s(rows.iter().map(|_| 0)),
                strings(rows.iter().map(|r| r.3.clone())),
                Arc::new(UInt64Array::from(rows.iter().map(|r| r.4).collect::<Vec<_>>())),
                Arc::new(UInt64Array::from(rows.iter().map(|r| r.5).collect::<Vec<_>>())),
                strings(rows.iter().map(|r| r.6.clone())),
            ];
            Ok((mem(&c, arrays)?, c))
        }
        "columns" => {
            let c = cols(&[
                ("database", s.clone()),
                ("table", s.clone()),
                ("name", s.clone()),
                ("type", s.clone()),
                ("position", ChType::UInt64),
                ("default_kind", s.clone()),
                ("default_expression", s.clone()),
                ("comment", s),
            ]);
            let mut rows = Vec::new();
            for (db, _) in b.catalog.databases() {
                if db == "system" {
                    continue;
                }
                for t in b.catalog.tables(&db)? {
                    for (i, col) in t.table.columns().iter().enumerate() {
                        let (kind, expr) = crate::sql::describe_default(&col.default);
                        rows.push((
                            db.clone(),
                            t.name.clone(),
                            col.name.clone(),
                            col.ty.to_string(),
                            i as u64 + 1,
                            kind,
                            expr,
                            col.comment.clone().unwrap_or_default(),
                        ));
                    }
                }
            }
            let arrays = vec![
                strings(rows.iter().map(|r| r.0.clone())),
                strings(rows.iter().map(|r| r.1.clone())),
                strings(rows.iter().map(|r| r.2.clone())),
                strings(rows.iter().map(|r| r.3.clone())),
                u64s(rows.iter().map(|r| r.4)),
                strings(rows.iter().map(|r| r.5.clone())),
                strings(rows.iter().map(|r| r.6.clone())),
                strings(rows.iter().map(|r| r.7.clone())),
            ];
            Ok((mem(&c, arrays)?, c))
        }
        "functions" => {
            let c = cols(&[("name", s.clone()), ("is_aggregate", ChType::UInt8), ("case_insensitive", ChType::UInt8)]);
            let names = b.functions.names();
            let arrays = vec![
                strings(names.iter().map(|n| n.0.clone())),
                u8s(names.iter().map(|n| n.1 as u8)),
                u8s(names.iter().map(|n| n.2 as u8)),
            ];
            Ok((mem(&c, arrays)?, c))
        }
        "settings" => {
            let c = cols(&[
                ("name", s.clone()),
                ("value", s.clone()),
                ("changed", ChType::UInt8),
                ("description", s.clone()),
                ("type", s),
            ]);
            let defs = crate::settings::SETTINGS;
            let arrays = vec![
                strings(defs.iter().map(|d| d.name.to_string())),
                strings(defs.iter().map(|d| b.settings.get_string(d.name))),
                u8s(defs.iter().map(|d| b.settings.is_changed(d.name) as u8)),
                strings(defs.iter().map(|d| d.doc.to_string())),
                strings(defs.iter().map(|d| format!("{:?}", d.kind))),
            ];
            Ok((mem(&c, arrays)?, c))
        }
        other => Err(Error::new(ErrorCode::UNKNOWN_TABLE, format!("Table system.{other} does not exist"))),
    }
}
