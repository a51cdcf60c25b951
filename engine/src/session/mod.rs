//! [`Session`]: the state of one client (settings, current database) and the
//! interpreters that carry out each kind of statement. Queries are bound here
//! (sql::binder) and run on the database runtime (exec).

mod ddl;
mod insert;
mod mutation;
mod show;

use std::sync::Arc;

use crate::database::Shared;
use crate::error::{Error, ErrorCode, Result};
use crate::formats::text::TextOptions;
use crate::functions::FunctionContext;
use crate::result::QueryResult;
use crate::settings::Settings;
use crate::sql::ast::{self, Statement, StatementKind};
use crate::sql::binder::{Binder, BoundQuery};
use crate::sql::{parse, ParserLimits};

/// Per-session state that statements read and change.
#[derive(Debug, Clone)]
pub(crate) struct SessionState {
    pub settings: Settings,
    pub database: String,
    /// Query parameters (`{name:Type}`): from `SET param_name = …` or the API.
    pub params: std::collections::HashMap<String, String>,
}

/// A client session: own SET / USE state.
pub struct Session {
    shared: Arc<Shared>,
    state: SessionState,
    running: Arc<parking_lot::Mutex<Option<tokio::task::AbortHandle>>>,
}

/// Cancels the statement a session is running (from another thread): it
/// stops with QUERY_WAS_CANCELLED (394); DataFusion's tasks end with it.
#[derive(Clone)]
pub struct CancelHandle {
    running: Arc<parking_lot::Mutex<Option<tokio::task::AbortHandle>>>,
}

impl CancelHandle {
    /// Cancels the running statement, if any.
    pub fn cancel(&self) {
        if let Some(h) = self.running.lock().take() {
            h.abort();
        }
    }
}

fn join_error(e: tokio::task::JoinError) -> Error {
    if e.is_cancelled() {
        Error::new(ErrorCode::QUERY_WAS_CANCELLED, "Query was cancelled")
    } else {
        Error::new(ErrorCode::LOGICAL_ERROR, format!("query task failed: {e}"))
    }
}

fn setting_text(e: &ast::Expr) -> Result<String> {
    use crate::sql::ast::{Expr, Literal};
    Ok(match e {
        Expr::Literal(Literal::String(s)) => String::from_utf8_lossy(s).into_owned(),
        Expr::Literal(Literal::UInt(v)) => v.to_string(),
        Expr::Literal(Literal::Int(v)) => v.to_string(),
        Expr::Literal(Literal::Float(v)) => v.to_string(),
        Expr::Literal(Literal::ExactFloat(_, text)) => text.clone(),
        Expr::Literal(Literal::Bool(b)) => (if *b { "1" } else { "0" }).to_string(),
        Expr::Identifier(p) if p.len() == 1 => p[0].clone(),
        other => {
            return Err(Error::new(ErrorCode::BAD_ARGUMENTS, format!("Setting value must be a literal, got {other}")))
        }
    })
}

/// Applies `k = v` pairs to settings.
pub(crate) fn apply_settings(settings: &mut Settings, pairs: &[(String, ast::Expr)]) -> Result<()> {
    for (k, v) in pairs {
        settings.set(k, &setting_text(v)?)?;
    }
    Ok(())
}

impl Session {
    pub(crate) fn new(shared: Arc<Shared>) -> Self {
        Session {
            shared,
            state: SessionState {
                settings: Settings::default(),
                database: "default".into(),
                params: Default::default(),
            },
            running: Arc::new(parking_lot::Mutex::new(None)),
        }
    }

    /// A handle that cancels whatever this session is running.
    pub fn cancel_handle(&self) -> CancelHandle {
        CancelHandle { running: self.running.clone() }
    }

    /// The current database.
    pub fn current_database(&self) -> &str {
        &self.state.database
    }

    /// Sets a query parameter: `{name:Type}` in later queries reads `value`
    /// (its text form, parsed as Type), like ClickHouse's `param_name` URL setting.
    pub fn set_query_parameter(&mut self, name: &str, value: &str) {
        self.state.params.insert(name.to_string(), value.to_string());
    }

    /// Session settings.
    pub fn settings(&self) -> &Settings {
        &self.state.settings
    }

    /// Runs one or more `;`-separated statements; returns the last result.
    pub fn execute(&mut self, sql: &str) -> Result<QueryResult> {
        let runtime = self.shared.runtime()?;
        let fut = self.execute_owned(sql, Vec::new());
        let handle = runtime.spawn(fut);
        *self.running.lock() = Some(handle.abort_handle());
        let joined = futures::executor::block_on(handle);
        self.running.lock().take();
        let (result, state) = joined.map_err(join_error)?;
        if let Some(s) = state {
            self.state = s;
        }
        result
    }

    /// Async form of [`Session::execute`] for callers inside an async runtime (the
    /// HTTP server): the work runs on the database runtime and is awaited.
    pub async fn execute_async(&mut self, sql: &str) -> Result<QueryResult> {
        self.execute_async_with_settings(sql, &[]).await
    }

    /// [`Session::execute_async`] with settings that apply to these statements
    /// only, as per-query `SETTINGS` do (the HTTP layer's URL settings and its
    /// `readonly` for GET). Each `(name, value)` is checked (115 UNKNOWN_SETTING).
    pub async fn execute_async_with_settings(
        &mut self,
        sql: &str,
        settings: &[(String, String)],
    ) -> Result<QueryResult> {
        let runtime = self.shared.runtime()?;
        let mut overrides = Settings::default();
        for (k, v) in settings {
            overrides.set(k, v)?;
        }
        let handle = runtime.spawn(self.execute_owned(sql, settings.to_vec()));
        *self.running.lock() = Some(handle.abort_handle());
        let joined = handle.await;
        self.running.lock().take();
        let (result, state) = joined.map_err(join_error)?;
        if let Some(s) = state {
            self.state = s;
        }
        result
    }

    /// A 'static future running `sql` against a copy of the session state; it
    /// returns the result and the state to keep (None if nothing ran).
    fn execute_owned(
        &self,
        sql: &str,
        overrides: Vec<(String, String)>,
    ) -> impl std::future::Future<Output = (Result<QueryResult>, Option<SessionState>)> + Send + 'static {
        let shared = self.shared.clone();
        let mut state = self.state.clone();
        let sql = sql.to_string();
        async move {
            let mut limit_state = state.settings.clone();
            for (k, v) in &overrides {
                if let Err(e) = limit_state.set(k, v) {
                    return (Err(e), None);
                }
            }
            let limits = ParserLimits {
                max_depth: limit_state.get_u64("max_parser_depth") as usize,
                max_query_size: limit_state.get_u64("max_query_size") as usize,
            };
            let statements = match parse(&sql, limits) {
                Ok(s) => s,
                Err(e) => return (Err(e), None),
            };
            let mut last = QueryResult::empty();
            for stmt in statements {
                match run_statement(&shared, &mut state, stmt, &overrides).await {
                    Ok(r) => last = r,
                    Err(e) => return (Err(e), Some(state)),
                }
            }
            (Ok(last), Some(state))
        }
    }
}

/// The function context of a query.
pub(crate) fn function_context(state: &SessionState) -> FunctionContext {
    let tz = state.settings.get_string("session_timezone");
    let now =
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_micros() as i64).unwrap_or(0);
    FunctionContext {
        name: String::new(),
        timezone: if tz.is_empty() { "UTC".into() } else { tz },
        database: state.database.clone(),
        now_micros: now,
        settings: Arc::new(state.settings.clone()),
    }
}

pub(crate) fn text_options(state: &SessionState) -> TextOptions {
    TextOptions {
        timezone: function_context(state).timezone,
        decimal_trailing_zeros: state.settings.get_bool("output_format_decimal_trailing_zeros"),
    }
}

fn check_readonly(state: &SessionState, kind: &StatementKind) -> Result<()> {
    let ro = state.settings.get_u64("readonly");
    if ro == 0 {
        return Ok(());
    }
    let allowed = match kind {
        StatementKind::Select(_)
        | StatementKind::Show(_)
        | StatementKind::Describe { .. }
        | StatementKind::Exists { .. }
        | StatementKind::Explain { .. }
        | StatementKind::Use(_) => true,
        StatementKind::Set(_) => ro >= 2,
        _ => false,
    };
    if allowed {
        Ok(())
    } else {
        Err(Error::new(ErrorCode::READONLY, "Cannot execute query in readonly mode"))
    }
}

/// Binds a query with the session's catalog and settings.
pub(crate) fn bind(shared: &Shared, state: &SessionState, q: &ast::SelectQuery) -> Result<BoundQuery> {
    let binder = Binder::new(&shared.catalog, &shared.functions, &state.settings, function_context(state))
        .with_params(state.params.clone());
    binder.bind_query(q)
}

/// Runs a SELECT and returns its result.
pub(crate) async fn run_select(shared: &Shared, state: &SessionState, q: &ast::SelectQuery) -> Result<QueryResult> {
    let bound = bind(shared, state, q)?;
    // UNION ALL at the top: the arms run one after another, so rows come in
    // the order of the arms, as ClickHouse returns them.
    let batches = match &bound.plan {
        datafusion::logical_expr::LogicalPlan::Union(u) => {
            let mut all = Vec::new();
            for input in &u.inputs {
                all.extend(crate::exec::collect(input.as_ref().clone(), &state.settings).await?);
            }
            all
        }
        plan => crate::exec::collect(plan.clone(), &state.settings).await?,
    };
    let result = QueryResult::new(bound.columns, batches, text_options(state))?;
    match bound.totals {
        Some(t) => result.with_totals(crate::exec::collect(t, &state.settings).await?),
        None => Ok(result),
    }
}

async fn run_statement(
    shared: &Shared,
    state: &mut SessionState,
    stmt: Statement,
    overrides: &[(String, String)],
) -> Result<QueryResult> {
    let mut query_state = state.clone();
    for (k, v) in overrides {
        query_state.settings.set(k, v)?;
    }
    check_readonly(&query_state, &stmt.kind)?;
    // The output format is the caller's business: it is handed on with the result.
    let format = stmt.format.clone();
    if let Some(f) = &format {
        crate::formats::output::OutputFormat::parse(f)?;
    }
    // Per-query SETTINGS apply to this statement only; SET changes the session.
    apply_settings(&mut query_state.settings, &stmt.settings)?;
    if let StatementKind::Select(q) = &stmt.kind {
        if let ast::SelectQuery::Select(s) = q.as_ref() {
            apply_settings(&mut query_state.settings, &s.settings)?;
        }
    }
    let qs = &query_state;
    let result = match stmt.kind {
        StatementKind::Select(q) => run_select(shared, qs, &q).await,
        StatementKind::Insert(ins) => insert::run_insert(shared, qs, &ins).await,
        StatementKind::Set(pairs) => {
            let (params, settings): (Vec<_>, Vec<_>) = pairs.into_iter().partition(|(k, _)| k.starts_with("param_"));
            for (k, v) in params {
                let name = k.trim_start_matches("param_").to_string();
                state.params.insert(name, setting_text(&v)?);
            }
            apply_settings(&mut state.settings, &settings)?;
            Ok(QueryResult::empty())
        }
        StatementKind::Use(db) => {
            if !shared.catalog.database_exists(&db) {
                return Err(Error::new(ErrorCode::UNKNOWN_DATABASE, format!("Database {db} does not exist")));
            }
            state.database = db;
            Ok(QueryResult::empty())
        }
        StatementKind::CreateTable(ct) => ddl::create_table(shared, qs, &ct).await,
        StatementKind::CreateView { if_not_exists, or_replace, database, name, query, materialized, to } => {
            if materialized || to.is_some() {
                return Err(Error::new(ErrorCode::NOT_IMPLEMENTED, "Materialized views are not supported yet"));
            }
            ddl::create_view(shared, qs, database, &name, *query, if_not_exists, or_replace)
        }
        StatementKind::CreateDatabase { if_not_exists, name, .. } => {
            shared.catalog.create_database(&name, if_not_exists)?;
            Ok(QueryResult::empty())
        }
        StatementKind::DropTable { if_exists, database, name, .. } => {
            let db = database.unwrap_or_else(|| qs.database.clone());
            if !shared.catalog.database_exists(&db) && if_exists {
                return Ok(QueryResult::empty());
            }
            shared.catalog.drop_table(&db, &name, if_exists)?;
            Ok(QueryResult::empty())
        }
        StatementKind::DropDatabase { if_exists, name } => {
            shared.catalog.drop_database(&name, if_exists)?;
            if state.database == name {
                state.database = "default".into();
            }
            Ok(QueryResult::empty())
        }
        StatementKind::Truncate { if_exists, database, name } => {
            let db = database.unwrap_or_else(|| qs.database.clone());
            match shared.catalog.table(&db, &name) {
                Ok(t) => t.table.truncate()?,
                Err(e) if !if_exists => return Err(e),
                Err(_) => {}
            }
            Ok(QueryResult::empty())
        }
        StatementKind::Rename { pairs } => {
            for ((fd, ft), (td, tt)) in pairs {
                let fd = fd.unwrap_or_else(|| qs.database.clone());
                let td = td.unwrap_or_else(|| qs.database.clone());
                shared.catalog.rename_table((&fd, &ft), (&td, &tt))?;
            }
            Ok(QueryResult::empty())
        }
        StatementKind::Show(kind) => show::show(shared, qs, kind).await,
        StatementKind::Alter { database, table, commands } => {
            mutation::run_alter(shared, qs, database, &table, &commands).await
        }
        StatementKind::Delete { database, table, predicate } => {
            let db = database.unwrap_or_else(|| qs.database.clone());
            mutation::delete_where(shared, qs, &db, &table, &predicate).await?;
            Ok(QueryResult::empty())
        }
        StatementKind::Describe { table } => show::describe(shared, qs, &table).await,
        StatementKind::Exists { database, name, is_database } => show::exists(shared, qs, database, &name, is_database),
        StatementKind::Explain { kind, statement, .. } => show::explain(shared, qs, kind, *statement).await,
        StatementKind::Optimize { database, table, .. } => {
            let db = database.unwrap_or_else(|| qs.database.clone());
            let t = shared.catalog.table(&db, &table)?;
            Err(Error::new(
                ErrorCode::NOT_IMPLEMENTED,
                format!("Table engine {} doesn't support OPTIMIZE", t.table.engine_name()),
            ))
        }
        other => Err(Error::new(
            ErrorCode::NOT_IMPLEMENTED,
            format!("Statement is not supported yet: {}", statement_name(&other)),
        )),
    };
    result.map(|r| r.with_format(format, query_state.settings))
}

fn statement_name(k: &StatementKind) -> &'static str {
    match k {
        StatementKind::Exchange { .. } => "EXCHANGE TABLES",
        StatementKind::System(_) => "SYSTEM",
        StatementKind::KillQuery { .. } => "KILL QUERY",
        StatementKind::Check { .. } => "CHECK TABLE",
        StatementKind::Detach { .. } => "DETACH",
        StatementKind::Attach { .. } => "ATTACH",
        _ => "this statement",
    }
}
