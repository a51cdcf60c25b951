//! FROM binding: tables, CTEs, subqueries, table functions and joins, each
//! giving a plan and the [`Scope`] of columns it makes visible.

use std::cell::RefCell;
use std::sync::Arc;

use datafusion::datasource::provider_as_source;
use datafusion::logical_expr::{lit, when, Expr as DfExpr, LogicalPlan, LogicalPlanBuilder};

use super::expr::{Aliases, ExprCtx};
use super::scope::{df_col, Scope, ScopeColumn};
use super::Binder;
use crate::error::{Error, ErrorCode, Result};
use crate::sql::ast::{FunctionCall, TableExpr};
use crate::storage::table_functions::{Generated, GeneratedTable};
use crate::types::{default_value, ChType};

/// A plan with the columns it exposes.
pub struct FromResult {
    pub plan: LogicalPlan,
    pub scope: Scope,
}

impl Binder<'_> {
    /// Binds a FROM clause; no FROM reads `system.one`.
    pub(super) fn bind_from(&self, from: Option<&TableExpr>) -> Result<FromResult> {
        match from {
            None => {
                let plan = LogicalPlanBuilder::values(vec![vec![lit(0u8)]])?.alias("__one")?.build()?;
                let scope = Scope {
                    columns: vec![ScopeColumn {
                        qualifier: Some("one".into()),
                        database: Some("system".into()),
                        name: "dummy".into(),
                        ty: ChType::UInt8,
                        expr: df_col(Some("__one"), "column1"),
                        hidden: false,
                    }],
                };
                Ok(FromResult { plan, scope })
            }
            Some(t) => self.bind_table_expr(t),
        }
    }

    pub(super) fn bind_table_expr(&self, t: &TableExpr) -> Result<FromResult> {
        match t {
            TableExpr::Table { database, name, alias, final_, sample } => {
                if *final_ {
                    return Err(Error::new(
                        ErrorCode::ILLEGAL_FINAL,
                        format!("Storage of table {name} doesn't support FINAL"),
                    ));
                }
                if sample.is_some() {
                    return Err(Error::new(
                        ErrorCode::NOT_IMPLEMENTED,
                        "SAMPLE is not supported for this table engine",
                    ));
                }
                if database.is_none() {
                    if let Some(q) = self.find_cte(name) {
                        let bound = self.bind_query(&q)?;
                        return self.subquery_result(bound, Some(alias.clone().unwrap_or_else(|| name.clone())));
                    }
                }
                let db = database.clone().unwrap_or_else(|| self.database().to_string());
                self.bind_table(&db, name, alias.as_deref())
            }
            TableExpr::Subquery { query, alias } => {
                let bound = self.bind_query(query)?;
                self.subquery_result(bound, alias.clone())
            }
            TableExpr::Function { call, alias } => self.bind_table_function(call, alias.as_deref()),
            TableExpr::Join { left, right, kind, strictness, constraint, .. } => {
                self.bind_join(left, right, *kind, *strictness, constraint)
            }
            TableExpr::ArrayJoin { left, left_join, exprs } => self.bind_array_join(left, *left_join, exprs),
        }
    }

    fn bind_table(&self, db: &str, name: &str, alias: Option<&str>) -> Result<FromResult> {
        let qualifier = alias.unwrap_or(name).to_string();
        let (provider, columns) = if db == "system" {
            crate::system::table(self, name)?
        } else {
            let entry = self.catalog.table(db, name)?;
            if let Some(q) = entry.table.view_query() {
                let bound = self.bind_query(q)?;
                return self.subquery_result(bound, Some(qualifier));
            }
            let cols = entry.table.columns().into_iter().filter(|c| c.is_physical()).collect::<Vec<_>>();
            (entry.table.provider(), cols)
        };
        let df_q = self.fresh("__t");
        let plan = LogicalPlanBuilder::scan(df_q.as_str(), provider_as_source(provider), None)?.build()?;
        let scope = Scope {
            columns: columns
                .into_iter()
                .map(|c| ScopeColumn {
                    qualifier: Some(qualifier.clone()),
                    database: if alias.is_none() { Some(db.to_string()) } else { None },
                    expr: df_col(Some(&df_q), &c.name),
                    name: c.name,
                    ty: c.ty,
                    hidden: false,
                })
                .collect(),
        };
        Ok(FromResult { plan, scope })
    }

    fn subquery_result(&self, bound: super::BoundQuery, alias: Option<String>) -> Result<FromResult> {
        let df_q = self.fresh("__sq");
        let plan = LogicalPlanBuilder::from(bound.plan).alias(df_q.as_str())?.build()?;
        let scope = Scope {
            columns: bound
                .columns
                .into_iter()
                .enumerate()
                .map(|(i, c)| ScopeColumn {
                    qualifier: alias.clone(),
                    database: None,
                    expr: df_col(Some(&df_q), &format!("__c{i}")),
                    name: c.name,
                    ty: c.ty,
                    hidden: false,
                })
                .collect(),
        };
        Ok(FromResult { plan, scope })
    }

    /// Evaluates a constant table-function argument as u64.
    fn const_u64(&self, call: &FunctionCall, i: usize) -> Result<u64> {
        let arg = call.args.get(i).ok_or_else(|| {
            Error::new(
                ErrorCode::NUMBER_OF_ARGUMENTS_DOESNT_MATCH,
                format!("Table function '{}' requires more arguments", call.name),
            )
        })?;
        let v = self.bind_standalone(arg, &Scope::default(), "table function")?;
        match v.literal_int() {
            Some(n) if n >= 0 && n <= u64::MAX as i128 => Ok(n as u64),
            _ => Err(Error::new(
                ErrorCode::ILLEGAL_TYPE_OF_ARGUMENT,
                format!(
                    "Illegal type {} of argument of table function {}: expected a non-negative integer constant",
                    v.ty, call.name
                ),
            )),
        }
    }

    fn bind_table_function(&self, call: &FunctionCall, alias: Option<&str>) -> Result<FromResult> {
        let (kind, mt) = match call.name.as_str() {
            "numbers" => (Generated::Numbers, false),
            "numbers_mt" => (Generated::Numbers, true),
            "zeros" => (Generated::Zeros, false),
            "zeros_mt" => (Generated::Zeros, true),
            "values" => return self.bind_values_function(call, alias),
            "generateRandom" | "file" | "url" | "s3" | "remote" | "cluster" | "merge" | "input" | "format" => {
                return Err(Error::new(
                    ErrorCode::NOT_IMPLEMENTED,
                    format!("Table function {} is not supported yet", call.name),
                ))
            }
            other => return Err(Error::new(ErrorCode::UNKNOWN_FUNCTION, format!("Unknown table function {other}"))),
        };
        let (start, count, step) = match (kind, call.args.len()) {
            (Generated::Numbers, 1) | (Generated::Zeros, 1) => (0, self.const_u64(call, 0)?, 1),
            (Generated::Numbers, 2) => (self.const_u64(call, 0)?, self.const_u64(call, 1)?, 1),
            (Generated::Numbers, 3) => {
                // numbers(start, length, step): start, start+step, … below start+length.
                let step = self.const_u64(call, 2)?.max(1);
                (self.const_u64(call, 0)?, self.const_u64(call, 1)?.div_ceil(step), step)
            }
            _ => {
                return Err(Error::new(
                    ErrorCode::NUMBER_OF_ARGUMENTS_DOESNT_MATCH,
                    format!("Table function '{}' requires 1 to 3 arguments", call.name),
                ))
            }
        };
        let table = GeneratedTable::new(kind, start, Some(count), step.max(1), mt);
        let df_q = self.fresh("__tf");
        let plan = LogicalPlanBuilder::scan(df_q.as_str(), provider_as_source(Arc::new(table)), None)?.build()?;
        let (name, ty) = match kind {
            Generated::Numbers => ("number", ChType::UInt64),
            Generated::Zeros => ("zero", ChType::UInt8),
        };
        let scope = Scope {
            columns: vec![ScopeColumn {
                qualifier: Some(alias.unwrap_or(call.name.as_str()).to_string()),
                database: None,
                name: name.into(),
                ty,
                expr: df_col(Some(&df_q), name),
                hidden: false,
            }],
        };
        Ok(FromResult { plan, scope })
    }
}

impl Binder<'_> {
    /// `[LEFT] ARRAY JOIN arr [AS a], …`: one row per element; several arrays
    /// are zipped. An array joined without an alias is replaced by its element
    /// under its own name; with an alias, the array stays visible too.
    fn bind_array_join(
        &self,
        left: &TableExpr,
        left_join: bool,
        exprs: &[(crate::sql::ast::Expr, Option<String>)],
    ) -> Result<FromResult> {
        use datafusion::common::{Column as DfColumn, NullHandling, UnnestOptions};
        let l = self.bind_table_expr(left)?;
        let aliases = Aliases::default();
        let expanding = RefCell::new(Vec::new());
        let ctx = ExprCtx {
            scope: &l.scope,
            aliases: &aliases,
            expanding: &expanding,
            agg: None,
            win: None,
            in_aggregate: false,
            clause: "ARRAY JOIN",
        };
        let mut proj = Vec::new();
        let mut scope = Scope::default();
        for (k, c) in l.scope.columns.iter().enumerate() {
            let name = format!("__p{k}");
            proj.push(c.expr.clone().alias(name.clone()));
            scope.columns.push(ScopeColumn { expr: df_col(None, &name), ..c.clone() });
        }
        let mut unnest = Vec::new();
        let mut elements = Vec::new();
        for (i, (e, alias)) in exprs.iter().enumerate() {
            let v = self.bind_expr(e, &ctx)?;
            let from_function = alias.as_deref().is_some_and(|a| a.starts_with("__arrayJoin"));
            if from_function && v.ty.array_element().is_none() {
                return Err(Error::new(
                    ErrorCode::ILLEGAL_TYPE_OF_ARGUMENT,
                    "Argument for function arrayJoin must be Array or Map",
                ));
            }
            if v.ty.array_element().is_some_and(|t| t.is_nothing() && !t.is_nullable()) {
                return Err(Error::new(
                    ErrorCode::ILLEGAL_TYPE_OF_ARGUMENT,
                    "Invalid projection column with type Nothing",
                ));
            }
            let Some(elem) = v.ty.array_element().cloned() else {
                return Err(Error::new(
                    ErrorCode::TYPE_MISMATCH,
                    format!("ARRAY JOIN requires an array argument, got {} of type {}", e, v.ty),
                ));
            };
            let name = format!("__aj{i}");
            proj.push(v.expr.alias(name.clone()));
            unnest.push(DfColumn::new_unqualified(name.clone()));
            let visible = match (alias, e) {
                (Some(a), _) => a.clone(),
                (None, crate::sql::ast::Expr::Identifier(parts)) => parts.last().cloned().unwrap_or_default(),
                (None, other) => other.to_string(),
            };
            elements.push((visible, name, elem, alias.is_none()));
        }
        let options = UnnestOptions {
            null_handling: if left_join { NullHandling::PreserveAndExpandEmpty } else { NullHandling::Drop },
            recursions: vec![],
        };
        let plan =
            LogicalPlanBuilder::from(l.plan).project(proj)?.unnest_columns_with_options(unnest, options)?.build()?;
        for (visible, name, elem, replaces) in elements {
            let mut expr = df_col(None, &name);
            if left_join && !elem.is_nullable() {
                if let Ok(d) = default_value(&elem) {
                    expr = when(expr.clone().is_null(), DfExpr::Literal(d, None)).otherwise(expr)?;
                }
            }
            if replaces {
                scope.columns.retain(|c| c.name != visible);
            }
            scope.columns.insert(
                0,
                ScopeColumn { qualifier: None, database: None, name: visible, ty: elem, expr, hidden: false },
            );
        }
        Ok(FromResult { plan, scope })
    }
}

impl Binder<'_> {
    /// `values(['structure',] row, …)`: rows given inline. Without a structure
    /// the columns are `c1, c2, …` of the rows' common types.
    fn bind_values_function(&self, call: &FunctionCall, alias: Option<&str>) -> Result<FromResult> {
        use crate::sql::ast::{Expr, Literal};
        let mut args: &[Expr] = &call.args;
        let mut declared: Option<(Vec<ChType>, Vec<String>)> = None;
        if let Some(Expr::Literal(Literal::String(text))) = args.first() {
            let text = String::from_utf8_lossy(text).into_owned();
            match crate::types::parse_type(&format!("Tuple({text})"))? {
                ChType::Tuple(types, Some(names)) => declared = Some((types, names)),
                _ => {
                    return Err(Error::new(
                        ErrorCode::BAD_ARGUMENTS,
                        format!("Table function values expects a structure like 'a UInt8, b String', got '{text}'"),
                    ))
                }
            }
            args = &args[1..];
        }
        if args.is_empty() {
            return Err(Error::new(
                ErrorCode::NUMBER_OF_ARGUMENTS_DOESNT_MATCH,
                "Table function values requires at least one row",
            ));
        }
        let width = declared.as_ref().map(|d| d.0.len());
        let mut rows: Vec<Vec<crate::functions::TypedExpr>> = Vec::with_capacity(args.len());
        for a in args {
            let cells: Vec<&Expr> = match a {
                Expr::Function(f) if f.name == "tuple" && width != Some(1) => f.args.iter().collect(),
                other => vec![other],
            };
            let mut row = Vec::with_capacity(cells.len());
            for c in cells {
                row.push(self.bind_standalone(c, &Scope::default(), "values")?);
            }
            if let Some(w) = width {
                if row.len() != w {
                    return Err(Error::new(
                        ErrorCode::BAD_ARGUMENTS,
                        format!("Expected {w} values in a row of table function values, got {}", row.len()),
                    ));
                }
            }
            rows.push(row);
        }
        let n = rows[0].len();
        if rows.iter().any(|r| r.len() != n) {
            return Err(Error::new(ErrorCode::BAD_ARGUMENTS, "Rows of table function values have different sizes"));
        }
        let (types, names) = match declared {
            Some(d) => d,
            None => {
                let mut types = Vec::with_capacity(n);
                for i in 0..n {
                    let col: Vec<ChType> = rows.iter().map(|r| r[i].ty.clone()).collect();
                    types.push(crate::types::rules::common_supertype(&col)?);
                }
                (types, (1..=n).map(|i| format!("c{i}")).collect())
            }
        };
        let mut exprs = Vec::with_capacity(rows.len());
        for row in rows {
            let mut out = Vec::with_capacity(n);
            for (v, t) in row.into_iter().zip(&types) {
                out.push(self.cast(v, t)?.expr);
            }
            exprs.push(out);
        }
        let df_q = self.fresh("__values");
        let plan = LogicalPlanBuilder::values(exprs)?.alias(df_q.as_str())?.build()?;
        let qualifier = alias.unwrap_or("values").to_string();
        let scope = Scope {
            columns: names
                .into_iter()
                .zip(types)
                .enumerate()
                .map(|(i, (name, ty))| ScopeColumn {
                    qualifier: Some(qualifier.clone()),
                    database: None,
                    expr: df_col(Some(&df_q), &format!("column{}", i + 1)),
                    name,
                    ty,
                    hidden: false,
                })
                .collect(),
        };
        Ok(FromResult { plan, scope })
    }
}
