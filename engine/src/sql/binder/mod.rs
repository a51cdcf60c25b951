//! The binder: ClickHouse AST → DataFusion `LogicalPlan`.
//!
//! It applies ClickHouse's name rules (aliases visible everywhere in their
//! SELECT, `WITH expr AS name`, qualified names, positional GROUP BY / ORDER
//! BY), decides every expression's ClickHouse type through the function
//! registry (DataFusion's coercion never decides a ClickHouse type), and builds
//! the plan with `LogicalPlanBuilder`. Every plan it returns ends in a
//! projection with positional internal names (`__c0`, `__c1`, …); the
//! ClickHouse names and types of the result travel beside it in
//! [`BoundQuery::columns`] (spec/engine.md §1 "Binder").

mod asof;
mod expr;
mod fill;
mod from;
mod join;
mod lambda;
pub mod scope;
mod select;

use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::Arc;

use datafusion::logical_expr::LogicalPlan;

use crate::error::Result;
use crate::functions::{FunctionContext, FunctionRegistry};
use crate::settings::Settings;
use crate::sql::ast::{self, SelectQuery};
use crate::storage::catalog::Catalog;
use crate::types::ChType;

pub use expr::literal_value;

/// A column of a query result: ClickHouse name and type.
#[derive(Debug, Clone, PartialEq)]
pub struct OutputColumn {
    pub name: String,
    pub ty: ChType,
}

/// A bound query: the plan (output fields `__c0…`) and the result header.
#[derive(Debug, Clone)]
pub struct BoundQuery {
    pub plan: LogicalPlan,
    pub columns: Vec<OutputColumn>,
    /// WITH TOTALS: a plan giving the one totals row (same columns).
    pub totals: Option<LogicalPlan>,
}

/// Binds queries for one session.
pub struct Binder<'a> {
    pub catalog: &'a Catalog,
    pub functions: &'a FunctionRegistry,
    pub settings: &'a Settings,
    pub fctx: FunctionContext,
    /// Common table expressions visible at each WITH level (innermost last).
    ctes: RefCell<Vec<HashMap<String, Arc<SelectQuery>>>>,
    /// Counter for unique internal names (subquery aliases).
    next_id: RefCell<usize>,
    /// Query parameters `{name:Type}`: name → value text.
    params: HashMap<String, String>,
}

impl<'a> Binder<'a> {
    pub fn new(
        catalog: &'a Catalog,
        functions: &'a FunctionRegistry,
        settings: &'a Settings,
        fctx: FunctionContext,
    ) -> Self {
        Binder {
            catalog,
            functions,
            settings,
            fctx,
            ctes: RefCell::new(Vec::new()),
            next_id: RefCell::new(0),
            params: HashMap::new(),
        }
    }

    /// Sets the values of query parameters (`{name:Type}` in the query).
    pub fn with_params(mut self, params: HashMap<String, String>) -> Self {
        self.params = params;
        self
    }

    /// The text of a query parameter.
    pub fn param(&self, name: &str) -> Option<&str> {
        self.params.get(name).map(String::as_str)
    }

    /// The current database.
    pub fn database(&self) -> &str {
        &self.fctx.database
    }

    pub(crate) fn fresh(&self, prefix: &str) -> String {
        let mut n = self.next_id.borrow_mut();
        *n += 1;
        format!("{prefix}{}", *n)
    }

    fn find_cte(&self, name: &str) -> Option<Arc<SelectQuery>> {
        self.ctes.borrow().iter().rev().find_map(|m| m.get(name).cloned())
    }

    /// Binds a whole query (one SELECT or a set operation).
    pub fn bind_query(&self, q: &SelectQuery) -> Result<BoundQuery> {
        select::bind_query(self, q)
    }

    /// Binds one expression against `scope` outside any SELECT (column defaults,
    /// VALUES cells, settings): no aliases, no aggregates.
    pub fn bind_standalone(
        &self,
        e: &ast::Expr,
        scope: &scope::Scope,
        clause: &'static str,
    ) -> Result<crate::functions::TypedExpr> {
        let aliases = expr::Aliases::default();
        let expanding = RefCell::new(Vec::new());
        let ctx = expr::ExprCtx {
            scope,
            aliases: &aliases,
            expanding: &expanding,
            agg: None,
            win: None,
            in_aggregate: false,
            clause,
        };
        self.bind_expr(e, &ctx)
    }

    /// Binds a statement-level query (honours the statement's settings already applied by the caller).
    pub fn bind_statement_query(&self, q: &ast::SelectQuery) -> Result<BoundQuery> {
        self.bind_query(q)
    }
}
