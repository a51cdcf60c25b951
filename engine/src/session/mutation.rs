//! `ALTER TABLE … DELETE WHERE`, `ALTER TABLE … UPDATE c = e WHERE` and the
//! lightweight `DELETE FROM … WHERE` on engines that rewrite their rows in
//! place (Memory): the table's rows go through a SELECT that drops or
//! rewrites them, and the result replaces the table's contents.

use super::{bind, SessionState};
use crate::database::Shared;
use crate::error::{Error, ErrorCode, Result};
use crate::functions::TypedExpr;
use crate::result::QueryResult;
use crate::sql::ast::{AlterCommand, Expr, Literal, Select, SelectQuery, TableExpr};
use crate::sql::binder::scope::df_col;
use crate::sql::binder::Binder;

fn select_from(database: &str, table: &str, projection: Vec<Expr>, where_: Option<Expr>) -> SelectQuery {
    SelectQuery::Select(Box::new(Select {
        projection,
        from: Some(TableExpr::Table {
            database: Some(database.to_string()),
            name: table.to_string(),
            alias: None,
            final_: false,
            sample: None,
        }),
        where_,
        ..Default::default()
    }))
}

/// Runs ALTER commands that are mutations.
pub(crate) async fn run_alter(
    shared: &Shared,
    state: &SessionState,
    database: Option<String>,
    table: &str,
    commands: &[AlterCommand],
) -> Result<QueryResult> {
    let db = database.unwrap_or_else(|| state.database.clone());
    for cmd in commands {
        match cmd {
            AlterCommand::Delete { predicate } => delete_where(shared, state, &db, table, predicate).await?,
            AlterCommand::Update { assignments, predicate } => {
                update_where(shared, state, &db, table, assignments, predicate).await?
            }
            other => {
                return Err(Error::new(
                    ErrorCode::NOT_IMPLEMENTED,
                    format!("ALTER command is not supported yet: {other:?}").chars().take(120).collect::<String>(),
                ))
            }
        }
    }
    Ok(QueryResult::empty())
}

/// Keeps the rows where `predicate` is not true.
pub(crate) async fn delete_where(
    shared: &Shared,
    state: &SessionState,
    db: &str,
    table: &str,
    predicate: &Expr,
) -> Result<()> {
    let keep = Expr::call("not", vec![Expr::call("ifNull", vec![predicate.clone(), Expr::Literal(Literal::UInt(0))])]);
    let star = vec![Expr::Asterisk { qualifier: vec![], except: vec![] }];
    rewrite(shared, state, db, table, select_from(db, table, star, Some(keep))).await
}

async fn update_where(
    shared: &Shared,
    state: &SessionState,
    db: &str,
    table: &str,
    assignments: &[(String, Expr)],
    predicate: &Expr,
) -> Result<()> {
    let entry = shared.catalog.table(db, table)?;
    let columns: Vec<_> = entry.table.columns().into_iter().filter(|c| c.is_physical()).collect();
    for (name, _) in assignments {
        if !columns.iter().any(|c| &c.name == name) {
            return Err(Error::new(ErrorCode::NO_SUCH_COLUMN_IN_TABLE, format!("There is no column {name} in table")));
        }
    }
    let projection = columns
        .iter()
        .map(|c| match assignments.iter().find(|(n, _)| *n == c.name) {
            Some((_, e)) => Expr::Alias {
                expr: Box::new(Expr::call("if", vec![predicate.clone(), e.clone(), Expr::ident(c.name.clone())])),
                alias: c.name.clone(),
            },
            None => Expr::ident(c.name.clone()),
        })
        .collect();
    rewrite(shared, state, db, table, select_from(db, table, projection, None)).await
}

/// Runs `q` over the table and replaces its rows with the result.
async fn rewrite(shared: &Shared, state: &SessionState, db: &str, table: &str, q: SelectQuery) -> Result<()> {
    let entry = shared.catalog.table(db, table)?;
    let columns: Vec<_> = entry.table.columns().into_iter().filter(|c| c.is_physical()).collect();
    let bound = bind(shared, state, &q)?;
    let binder = Binder::new(&shared.catalog, &shared.functions, &state.settings, super::function_context(state));
    let mut proj = Vec::with_capacity(columns.len());
    for (i, (out, col)) in bound.columns.iter().zip(&columns).enumerate() {
        let v = TypedExpr::new(df_col(None, &format!("__c{i}")), out.ty.clone());
        proj.push(binder.cast(v, &col.ty)?.expr.alias(col.name.clone()));
    }
    let plan = datafusion::logical_expr::LogicalPlanBuilder::from(bound.plan).project(proj)?.build()?;
    let batches = crate::exec::collect(plan, &state.settings).await?;
    entry.table.replace_all(batches)
}
