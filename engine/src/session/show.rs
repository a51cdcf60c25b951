//! SHOW, DESCRIBE, EXISTS and EXPLAIN: statements that answer with small
//! String tables built from the catalog.

use std::sync::Arc;

use arrow::array::{ArrayRef, BinaryViewArray, UInt8Array};
use arrow::record_batch::RecordBatch;

use super::{bind, text_options, SessionState};
use crate::database::Shared;
use crate::error::{Error, ErrorCode, Result};
use crate::result::QueryResult;
use crate::sql::ast::{ExplainKind, Expr, Select, SelectQuery, ShowKind, Statement, StatementKind, TableExpr};
use crate::sql::binder::OutputColumn;
use crate::types::ChType;

/// A result of String columns.
fn strings_result(state: &SessionState, names: &[&str], rows: Vec<Vec<String>>) -> Result<QueryResult> {
    let columns: Vec<OutputColumn> =
        names.iter().map(|n| OutputColumn { name: n.to_string(), ty: ChType::String }).collect();
    let schema = crate::storage::arrow_schema(
        &columns.iter().map(|c| crate::storage::Column::new(c.name.clone(), c.ty.clone())).collect::<Vec<_>>(),
    );
    let arrays: Vec<ArrayRef> = (0..names.len())
        .map(|i| Arc::new(BinaryViewArray::from_iter_values(rows.iter().map(|r| r[i].as_bytes().to_vec()))) as ArrayRef)
        .collect();
    let batch = RecordBatch::try_new(schema, arrays)?;
    QueryResult::new(columns, vec![batch], text_options(state))
}

/// SQL LIKE on strings (`%`, `_`, backslash escapes), for SHOW … LIKE.
pub(crate) fn like(pattern: &str, s: &str) -> bool {
    fn rec(p: &[char], s: &[char]) -> bool {
        match p.first() {
            None => s.is_empty(),
            Some('%') => (0..=s.len()).any(|i| rec(&p[1..], &s[i..])),
            Some('_') => !s.is_empty() && rec(&p[1..], &s[1..]),
            Some('\\') if p.len() > 1 => s.first() == Some(&p[1]) && rec(&p[2..], &s[1..]),
            Some(c) => s.first() == Some(c) && rec(&p[1..], &s[1..]),
        }
    }
    let p: Vec<char> = pattern.chars().collect();
    let s: Vec<char> = s.chars().collect();
    rec(&p, &s)
}

pub(crate) async fn show(shared: &Shared, state: &SessionState, kind: ShowKind) -> Result<QueryResult> {
    match kind {
        ShowKind::Databases { like: pat } => {
            let rows = shared
                .catalog
                .databases()
                .into_iter()
                .filter(|(n, _)| pat.as_ref().is_none_or(|p| like(p, n)))
                .map(|(n, _)| vec![n])
                .collect();
            strings_result(state, &["name"], rows)
        }
        ShowKind::Tables { database, like: pat } => {
            let db = database.unwrap_or_else(|| state.database.clone());
            let names: Vec<String> = if db == "system" {
                crate::system::TABLES.iter().map(|s| s.to_string()).collect()
            } else {
                shared.catalog.tables(&db)?.iter().map(|t| t.name.clone()).collect()
            };
            let rows = names.into_iter().filter(|n| pat.as_ref().is_none_or(|p| like(p, n))).map(|n| vec![n]).collect();
            strings_result(state, &["name"], rows)
        }
        ShowKind::CreateTable { database, name } => {
            let db = database.unwrap_or_else(|| state.database.clone());
            let t = shared.catalog.table(&db, &name)?;
            strings_result(state, &["statement"], vec![vec![t.create_query.clone()]])
        }
        ShowKind::CreateDatabase { name } => {
            if !shared.catalog.database_exists(&name) {
                return Err(Error::new(ErrorCode::UNKNOWN_DATABASE, format!("Database {name} does not exist")));
            }
            strings_result(
                state,
                &["statement"],
                vec![vec![format!("CREATE DATABASE {}\nENGINE = Atomic", crate::sql::quote_ident(&name))]],
            )
        }
        ShowKind::Columns { database, table } => {
            let tref = TableExpr::Table { database, name: table, alias: None, final_: false, sample: None };
            describe(shared, state, &tref).await
        }
        ShowKind::Settings { like: pat } => {
            let rows = crate::settings::SETTINGS
                .iter()
                .filter(|d| pat.as_ref().is_none_or(|p| like(p, d.name)))
                .map(|d| vec![d.name.to_string(), format!("{:?}", d.kind), state.settings.get_string(d.name)])
                .collect();
            strings_result(state, &["name", "type", "value"], rows)
        }
        ShowKind::Functions { like: pat } => {
            let rows = shared
                .functions
                .names()
                .into_iter()
                .filter(|n| pat.as_ref().is_none_or(|p| like(p, &n.0)))
                .map(|n| vec![n.0])
                .collect();
            strings_result(state, &["name"], rows)
        }
        ShowKind::Engines => {
            let rows = shared.catalog.engines().names().into_iter().map(|n| vec![n.to_string()]).collect();
            strings_result(state, &["name"], rows)
        }
        ShowKind::Processlist => Err(Error::new(ErrorCode::NOT_IMPLEMENTED, "SHOW PROCESSLIST is not supported yet")),
    }
}

pub(crate) async fn describe(shared: &Shared, state: &SessionState, table: &TableExpr) -> Result<QueryResult> {
    let names = ["name", "type", "default_type", "default_expression", "comment", "codec_expression", "ttl_expression"];
    if let TableExpr::Table { database, name, .. } = table {
        let db = database.clone().unwrap_or_else(|| state.database.clone());
        if db != "system" {
            let t = shared.catalog.table(&db, name)?;
            let rows = t
                .table
                .columns()
                .iter()
                .map(|c| {
                    let (k, e) = crate::sql::describe_default(&c.default);
                    vec![
                        c.name.clone(),
                        c.ty.to_string(),
                        k,
                        e,
                        c.comment.clone().unwrap_or_default(),
                        c.codec.clone().unwrap_or_default(),
                        String::new(),
                    ]
                })
                .collect();
            return strings_result(state, &names, rows);
        }
    }
    let q = SelectQuery::Select(Box::new(Select {
        projection: vec![Expr::Asterisk { qualifier: vec![], except: vec![] }],
        from: Some(table.clone()),
        ..Default::default()
    }));
    let bound = bind(shared, state, &q)?;
    let rows = bound
        .columns
        .iter()
        .map(|c| {
            vec![
                c.name.clone(),
                c.ty.to_string(),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
            ]
        })
        .collect();
    strings_result(state, &names, rows)
}

pub(crate) fn exists(
    shared: &Shared,
    state: &SessionState,
    database: Option<String>,
    name: &str,
    is_database: bool,
) -> Result<QueryResult> {
    let found = if is_database {
        shared.catalog.database_exists(name)
    } else {
        let db = database.unwrap_or_else(|| state.database.clone());
        if db == "system" {
            crate::system::TABLES.contains(&name)
        } else {
            shared.catalog.table_exists(&db, name)
        }
    };
    let columns = vec![OutputColumn { name: "result".into(), ty: ChType::UInt8 }];
    let schema = crate::storage::arrow_schema(&[crate::storage::Column::new("result", ChType::UInt8)]);
    let batch = RecordBatch::try_new(schema, vec![Arc::new(UInt8Array::from(vec![found as u8])) as ArrayRef])?;
    QueryResult::new(columns, vec![batch], text_options(state))
}

pub(crate) async fn explain(
    shared: &Shared,
    state: &SessionState,
    kind: ExplainKind,
    stmt: Statement,
) -> Result<QueryResult> {
    let text = match kind {
        ExplainKind::Ast => format!("{:#?}", stmt.kind),
        ExplainKind::Plan | ExplainKind::Pipeline | ExplainKind::Syntax | ExplainKind::QueryTree => {
            let StatementKind::Select(q) = &stmt.kind else {
                return Err(Error::new(ErrorCode::NOT_IMPLEMENTED, "EXPLAIN is supported for SELECT queries only"));
            };
            let bound = bind(shared, state, q)?;
            match kind {
                ExplainKind::Pipeline => crate::exec::explain_text(&bound.plan, &state.settings, true).await?,
                _ => crate::exec::explain_text(&bound.plan, &state.settings, false).await?,
            }
        }
        ExplainKind::Estimate => {
            return Err(Error::new(ErrorCode::NOT_IMPLEMENTED, "EXPLAIN ESTIMATE is not supported yet"))
        }
    };
    let rows = text.lines().map(|l| vec![l.to_string()]).collect();
    strings_result(state, &["explain"], rows)
}
