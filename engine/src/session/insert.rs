//! INSERT: VALUES rows, a SELECT, or data in a format; columns the statement
//! does not name get their DEFAULT expression or the type's default value.

use std::sync::Arc;

use datafusion::datasource::{provider_as_source, MemTable};
use datafusion::logical_expr::{Expr as DfExpr, LogicalPlanBuilder};

use super::{bind, function_context, text_options, SessionState};
use crate::database::Shared;
use crate::error::{Error, ErrorCode, Result};
use crate::formats::csv::CsvKind;
use crate::formats::csv_input::read_csv;
use crate::formats::json_input::{read_json, JsonInput};
use crate::formats::tsv::{read_tsv, TsvKind};
use crate::functions::TypedExpr;
use crate::result::QueryResult;
use crate::sql::ast::{ColumnDefault, Insert, InsertSource};
use crate::sql::binder::scope::{df_col, Scope, ScopeColumn};
use crate::sql::binder::Binder;
use crate::storage::Column;
use crate::types::default_value;
use crate::types::ChType;
use arrow::array::RecordBatch;

/// Reads INSERT data in the named input format.
fn read_input(
    format: &str,
    data: &[u8],
    names: &[String],
    types: &[ChType],
    state: &SessionState,
) -> Result<RecordBatch> {
    let opts = text_options(state);
    let tsv = |kind| read_tsv(data, types, &opts, kind);
    let csv = |kind| {
        let d = state.settings.get_string("format_csv_delimiter");
        read_csv(data, types, &opts, kind, d.as_bytes().first().copied().unwrap_or(b','))
    };
    let json_compact = |names_row, types_row| {
        read_json(data, names, types, &opts, JsonInput::CompactEachRow { names: names_row, types: types_row })
    };
    match format.to_ascii_lowercase().as_str() {
        "tabseparated" | "tsv" => tsv(TsvKind::Plain),
        "tabseparatedraw" | "tsvraw" => tsv(TsvKind::Raw),
        "tabseparatedwithnames" | "tsvwithnames" => tsv(TsvKind::WithNames),
        "tabseparatedwithnamesandtypes" | "tsvwithnamesandtypes" => tsv(TsvKind::WithNamesAndTypes),
        "csv" => csv(CsvKind::Plain),
        "csvwithnames" => csv(CsvKind::WithNames),
        "csvwithnamesandtypes" => csv(CsvKind::WithNamesAndTypes),
        "jsoneachrow" | "jsonlines" | "ndjson" => read_json(data, names, types, &opts, JsonInput::EachRow),
        "jsoncompacteachrow" => json_compact(false, false),
        "jsoncompacteachrowwithnames" => json_compact(true, false),
        "jsoncompacteachrowwithnamesandtypes" => json_compact(true, true),
        _ => Err(Error::new(ErrorCode::UNKNOWN_FORMAT, format!("Unknown input format {format}"))),
    }
}

/// A value converted for a column of type `ty`: NULL into a non-Nullable
/// column becomes the type's default (`input_format_null_as_default = 1`).
fn insert_value(binder: &Binder, v: TypedExpr, ty: &crate::types::ChType) -> Result<TypedExpr> {
    if ty.is_nullable() || !(v.ty.is_nullable() || v.ty.is_nothing()) {
        return binder.cast(v, ty);
    }
    let default = DfExpr::Literal(default_value(ty)?, None);
    if v.ty.is_nothing() {
        return Ok(TypedExpr::new(default, ty.clone()));
    }
    let as_nullable = binder.cast(v, &ty.clone().nullable())?;
    let e = datafusion::logical_expr::when(as_nullable.expr.clone().is_null(), default).otherwise(as_nullable.expr)?;
    Ok(TypedExpr::new(e, ty.clone()))
}

pub(crate) async fn run_insert(shared: &Shared, state: &SessionState, ins: &Insert) -> Result<QueryResult> {
    let db = ins.database.clone().unwrap_or_else(|| state.database.clone());
    if db == "system" {
        return Err(Error::new(ErrorCode::READONLY, "Tables in database system are read-only"));
    }
    let entry = shared.catalog.table(&db, &ins.table)?;
    let all = entry.table.columns();
    let physical: Vec<Column> = all.iter().filter(|c| c.is_physical()).cloned().collect();
    let targets: Vec<Column> = match &ins.columns {
        Some(names) => {
            let mut v = Vec::new();
            for n in names {
                let c = physical.iter().find(|c| &c.name == n).ok_or_else(|| {
                    Error::new(
                        ErrorCode::NO_SUCH_COLUMN_IN_TABLE,
                        format!("No such column {n} in table {db}.{}", ins.table),
                    )
                })?;
                v.push(c.clone());
            }
            v
        }
        None => {
            physical.iter().filter(|c| !matches!(c.default, Some(ColumnDefault::Materialized(_)))).cloned().collect()
        }
    };
    let binder = Binder::new(&shared.catalog, &shared.functions, &state.settings, function_context(state))
        .with_params(state.params.clone());
    let arity_error = |got: usize| {
        Error::new(
            ErrorCode::NUMBER_OF_COLUMNS_DOESNT_MATCH,
            format!("Number of columns doesn't match: expected {}, got {got}", targets.len()),
        )
    };

    // The source: a plan whose columns `src` are the target columns, already of their types.
    let (source, src): (datafusion::logical_expr::LogicalPlan, Vec<DfExpr>) = match &ins.source {
        InsertSource::Values(rows) => {
            let empty = Scope::default();
            let mut out = Vec::with_capacity(rows.len());
            for row in rows {
                if row.len() != targets.len() {
                    // ClickHouse reads VALUES as a format: a short or long row is a syntax error.
                    return Err(Error::new(
                        ErrorCode::SYNTAX_ERROR,
                        format!("Expected {} values in a row of VALUES, got {}", targets.len(), row.len()),
                    ));
                }
                let mut cells = Vec::with_capacity(row.len());
                for (cell, col) in row.iter().zip(&targets) {
                    let v = binder.bind_standalone(cell, &empty, "VALUES")?;
                    cells.push(insert_value(&binder, v, &col.ty)?.expr);
                }
                out.push(cells);
            }
            if out.is_empty() {
                return Ok(QueryResult::empty());
            }
            let plan = LogicalPlanBuilder::values(out)?.build()?;
            let src = (0..targets.len()).map(|i| df_col(None, &format!("column{}", i + 1))).collect();
            (plan, src)
        }
        InsertSource::Select(q) => {
            let bound = bind(shared, state, q)?;
            if bound.columns.len() != targets.len() {
                return Err(arity_error(bound.columns.len()));
            }
            let mut exprs = Vec::new();
            for (i, (c, t)) in bound.columns.iter().zip(&targets).enumerate() {
                let v = TypedExpr::new(df_col(None, &format!("__c{i}")), c.ty.clone());
                exprs.push(insert_value(&binder, v, &t.ty)?.expr);
            }
            (bound.plan, exprs)
        }
        InsertSource::Format { format, data } => {
            let types: Vec<_> = targets.iter().map(|c| c.ty.clone()).collect();
            let names: Vec<String> = targets.iter().map(|c| c.name.clone()).collect();
            let batch = read_input(format, data, &names, &types, state)?;
            let schema = batch.schema();
            let table = MemTable::try_new(schema.clone(), vec![vec![batch]])?;
            let plan = LogicalPlanBuilder::scan("__input", provider_as_source(Arc::new(table)), None)?.build()?;
            let src = schema.fields().iter().map(|f| df_col(Some("__input"), f.name())).collect();
            (plan, src)
        }
    };

    // Every physical column: the given value, its DEFAULT, or the type default.
    let given = Scope {
        columns: targets
            .iter()
            .zip(&src)
            .map(|(c, e)| ScopeColumn {
                qualifier: None,
                database: None,
                name: c.name.clone(),
                ty: c.ty.clone(),
                expr: e.clone(),
                hidden: false,
            })
            .collect(),
    };
    let mut proj = Vec::with_capacity(physical.len());
    for c in &physical {
        let e = match targets.iter().position(|t| t.name == c.name) {
            Some(i) => src[i].clone(),
            None => match &c.default {
                Some(ColumnDefault::Default(d)) | Some(ColumnDefault::Materialized(d)) => {
                    let v = binder.bind_standalone(d, &given, "DEFAULT")?;
                    binder.cast(v, &c.ty)?.expr
                }
                _ => DfExpr::Literal(default_value(&c.ty)?, None),
            },
        };
        proj.push(e.alias(c.name.clone()));
    }
    let plan = LogicalPlanBuilder::from(source).project(proj)?.build()?;
    let batches = crate::exec::collect(plan, &state.settings).await?;
    let mut rows = 0usize;
    for b in batches {
        rows += b.num_rows();
        entry.table.insert(b)?;
    }
    let _ = rows;
    Ok(QueryResult::empty())
}
