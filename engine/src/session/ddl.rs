//! CREATE TABLE: columns (declared, copied `AS other`, or from `AS SELECT`),
//! the engine from the registry, and the `CREATE` text kept for SHOW CREATE.

use super::{bind, function_context, SessionState};
use crate::database::Shared;
use crate::error::{Error, ErrorCode, Result};
use crate::result::QueryResult;
use crate::sql::ast::{ColumnDefault, CreateTable, EngineClause};
use crate::sql::binder::scope::Scope;
use crate::sql::binder::Binder;
use crate::sql::quote_ident;
use crate::storage::catalog::{EngineArgs, TableEntry};
use crate::storage::Column;
use crate::types::{parse_type, ChType};

/// The `CREATE TABLE` text ClickHouse's SHOW CREATE TABLE prints.
pub(crate) fn format_create(db: &str, name: &str, columns: &[Column], engine: &EngineClause) -> String {
    let mut s = format!("CREATE TABLE {}.{}\n(\n", quote_ident(db), quote_ident(name));
    for (i, c) in columns.iter().enumerate() {
        s.push_str(&format!("    `{}` {}", c.name.replace('`', "\\`"), c.ty));
        let (kind, expr) = crate::sql::describe_default(&c.default);
        if !kind.is_empty() {
            s.push_str(&format!(" {kind} {expr}"));
        }
        if let Some(codec) = &c.codec {
            s.push_str(&format!(" CODEC({codec})"));
        }
        if let Some(cm) = &c.comment {
            s.push_str(&format!(" COMMENT '{}'", cm.replace('\\', "\\\\").replace('\'', "\\'")));
        }
        if i + 1 < columns.len() {
            s.push(',');
        }
        s.push('\n');
    }
    s.push_str(")\nENGINE = ");
    s.push_str(&engine.name);
    if let Some(args) = &engine.args {
        if !args.is_empty() {
            let a: Vec<String> = args.iter().map(|e| e.to_string()).collect();
            s.push_str(&format!("({})", a.join(", ")));
        }
    }
    for (kw, e) in [
        ("PARTITION BY", &engine.partition_by),
        ("PRIMARY KEY", &engine.primary_key),
        ("ORDER BY", &engine.order_by),
        ("SAMPLE BY", &engine.sample_by),
        ("TTL", &engine.ttl),
    ] {
        if let Some(e) = e {
            s.push_str(&format!("\n{kw} {e}"));
        }
    }
    if !engine.settings.is_empty() {
        let a: Vec<String> = engine.settings.iter().map(|(k, v)| format!("{k} = {v}")).collect();
        s.push_str(&format!("\nSETTINGS {}", a.join(", ")));
    }
    s
}

fn declared_columns(shared: &Shared, state: &SessionState, ct: &CreateTable) -> Result<Vec<Column>> {
    let mut out: Vec<Column> = Vec::new();
    for c in &ct.columns {
        if out.iter().any(|o| o.name == c.name) {
            return Err(Error::new(ErrorCode::DUPLICATE_COLUMN, format!("Column {} already exists", c.name)));
        }
        let ty = match (&c.type_name, &c.default) {
            (Some(t), _) => parse_type(t)?,
            (
                None,
                Some(ColumnDefault::Default(e)) | Some(ColumnDefault::Materialized(e)) | Some(ColumnDefault::Alias(e)),
            ) => {
                // The type of the default expression.
                let binder = Binder::new(&shared.catalog, &shared.functions, &state.settings, function_context(state));
                binder.bind_standalone(e, &Scope::default(), "column default")?.ty
            }
            _ => {
                return Err(Error::new(
                    ErrorCode::SYNTAX_ERROR,
                    format!("Column {} has neither a type nor a default expression", c.name),
                ))
            }
        };
        let ty = match c.nullable {
            Some(true) => {
                if !ty.can_be_inside_nullable() {
                    return Err(Error::new(
                        ErrorCode::ILLEGAL_TYPE_OF_ARGUMENT,
                        format!("Nested type {ty} cannot be inside Nullable type"),
                    ));
                }
                ty.nullable()
            }
            _ => ty,
        };
        out.push(Column {
            name: c.name.clone(),
            ty,
            default: c.default.clone(),
            comment: c.comment.clone(),
            codec: c.codec.clone(),
        });
    }
    Ok(out)
}

pub(crate) async fn create_table(shared: &Shared, state: &SessionState, ct: &CreateTable) -> Result<QueryResult> {
    if ct.temporary {
        return Err(Error::new(ErrorCode::NOT_IMPLEMENTED, "Temporary tables are not supported yet"));
    }
    let db = ct.database.clone().unwrap_or_else(|| state.database.clone());
    if !shared.catalog.database_exists(&db) {
        return Err(Error::new(ErrorCode::UNKNOWN_DATABASE, format!("Database {db} does not exist")));
    }
    if db == "system" {
        return Err(Error::new(ErrorCode::BAD_ARGUMENTS, "Cannot create tables in database system"));
    }
    if ct.if_not_exists && shared.catalog.table_exists(&db, &ct.name) {
        return Ok(QueryResult::empty());
    }
    let mut engine = ct.engine.clone();
    let mut columns = declared_columns(shared, state, ct)?;
    let mut select = None;
    if let Some((odb, oname)) = &ct.as_table {
        let odb = odb.clone().unwrap_or_else(|| state.database.clone());
        let other = shared.catalog.table(&odb, oname)?;
        if columns.is_empty() {
            columns = other.table.columns();
        }
        if engine.is_none() {
            engine = Some(EngineClause { name: other.table.engine_name().to_string(), ..Default::default() });
        }
    }
    if ct.as_function.is_some() {
        return Err(Error::new(ErrorCode::NOT_IMPLEMENTED, "CREATE TABLE AS table_function() is not supported yet"));
    }
    if let Some(q) = &ct.as_select {
        let bound = bind(shared, state, q)?;
        if columns.is_empty() {
            columns = bound.columns.iter().map(|c| Column::new(c.name.clone(), c.ty.clone())).collect();
        }
        select = Some(q.clone());
    }
    if columns.is_empty() {
        return Err(Error::new(ErrorCode::EMPTY_LIST_OF_COLUMNS_QUERIED, "Table must have at least one column"));
    }
    if columns.iter().any(|c| matches!(c.ty, ChType::Nothing)) {
        return Err(Error::new(ErrorCode::ILLEGAL_COLUMN_TYPE, "Column of type Nothing cannot be stored"));
    }
    let engine = engine.unwrap_or_else(|| EngineClause { name: "MergeTree".into(), ..Default::default() });
    let table = shared.catalog.engines().create(&EngineArgs {
        database: &db,
        table: &ct.name,
        columns: columns.clone(),
        engine: &engine,
    })?;
    if ct.or_replace {
        shared.catalog.drop_table(&db, &ct.name, true)?;
    }
    let create_query = format_create(&db, &ct.name, &columns, &engine);
    shared.catalog.add_table(
        TableEntry {
            database: db.clone(),
            name: ct.name.clone(),
            table,
            create_query,
            comment: ct.comment.clone().unwrap_or_default(),
        },
        ct.if_not_exists,
    )?;
    if let Some(q) = select {
        let ins = crate::sql::ast::Insert {
            database: Some(db),
            table: ct.name.clone(),
            columns: None,
            source: crate::sql::ast::InsertSource::Select(q),
            settings: vec![],
        };
        super::insert::run_insert(shared, state, &ins).await?;
    }
    Ok(QueryResult::empty())
}

/// CREATE VIEW: the query is bound once to check it and learn its columns.
pub(crate) fn create_view(
    shared: &Shared,
    state: &SessionState,
    database: Option<String>,
    name: &str,
    query: crate::sql::ast::SelectQuery,
    if_not_exists: bool,
    or_replace: bool,
) -> Result<QueryResult> {
    let db = database.unwrap_or_else(|| state.database.clone());
    if !shared.catalog.database_exists(&db) {
        return Err(Error::new(ErrorCode::UNKNOWN_DATABASE, format!("Database {db} does not exist")));
    }
    let bound = bind(shared, state, &query)?;
    let columns: Vec<Column> = bound.columns.iter().map(|c| Column::new(c.name.clone(), c.ty.clone())).collect();
    let mut text = format!("CREATE VIEW {}.{}\n(\n", quote_ident(&db), quote_ident(name));
    let cols: Vec<String> = columns.iter().map(|c| format!("    `{}` {}", c.name.replace('`', "\\`"), c.ty)).collect();
    text.push_str(&cols.join(",\n"));
    text.push_str("\n)");
    if or_replace {
        shared.catalog.drop_table(&db, name, true)?;
    }
    let table = std::sync::Arc::new(crate::storage::view::ViewTable::new(columns, query));
    shared.catalog.add_table(
        TableEntry { database: db, name: name.to_string(), table, create_query: text, comment: String::new() },
        if_not_exists,
    )?;
    Ok(QueryResult::empty())
}
