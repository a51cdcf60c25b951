//! SELECT binding: the clause pipeline WHERE → GROUP BY / aggregates →
//! HAVING → projection → DISTINCT → ORDER BY → LIMIT, and set operations
//! (UNION / INTERSECT / EXCEPT) with ClickHouse's common-type rules.
//!
//! Aggregation works on DataFusion expressions: every expression is first bound
//! against the FROM scope, with aggregate calls replaced by columns `__a{i}`
//! (collected once each); then, if the query aggregates, each expression is
//! *rebased* onto the Aggregate node: sub-expressions equal to a GROUP BY key
//! become `__g{j}`, and any other column left over is NOT_AN_AGGREGATE (215).

use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::Arc;

use datafusion::common::tree_node::{Transformed, TreeNode, TreeNodeRecursion};
use datafusion::logical_expr::{Expr as DfExpr, JoinType, LogicalPlan, LogicalPlanBuilder, SortExpr};

use super::expr::{AggCollector, Aliases, ExprCtx, WinCollector};
use super::scope::df_col;
use super::{Binder, BoundQuery, OutputColumn};
use crate::error::{Error, ErrorCode, Result};
use crate::functions::{as_predicate, TypedExpr};
use crate::sql::ast::{Expr, GroupByModifier, Literal, Select, SelectQuery, SetOp, WithItem};
use crate::types::{rules, ChType};

/// Binds a query (select or set operation).
pub(super) fn bind_query(b: &Binder, q: &SelectQuery) -> Result<BoundQuery> {
    match q {
        SelectQuery::Select(s) => bind_select(b, s),
        SelectQuery::Parens(inner) => bind_query(b, inner),
        SelectQuery::SetOp { op, left, right } => bind_set_op(b, *op, left, right),
    }
}

struct CteGuard<'a, 'b>(&'a Binder<'b>);

impl Drop for CteGuard<'_, '_> {
    fn drop(&mut self) {
        self.0.ctes.borrow_mut().pop();
    }
}

/// One element of the expanded SELECT list.
struct Item {
    name: String,
    ast: Option<Expr>,
    direct: Option<TypedExpr>,
    alias: Option<String>,
}

fn positional(e: &Expr, items: &[Item], enabled: bool) -> Option<usize> {
    if !enabled {
        return None;
    }
    if let Expr::Literal(Literal::UInt(n)) = e {
        let n = *n as usize;
        if n >= 1 && n <= items.len() {
            return Some(n - 1);
        }
    }
    None
}

/// Columns produced by this SELECT level's Aggregate and Window nodes.
fn is_internal(c: &datafusion::common::Column) -> bool {
    c.relation.is_none() && (c.name.starts_with("__a") || c.name.starts_with("__g") || c.name.starts_with("__w"))
}

fn has_column_ref_outside(e: &DfExpr) -> bool {
    let mut found = false;
    let _ = e.apply(|n| {
        if let DfExpr::Column(c) = n {
            if !is_internal(c) {
                found = true;
                return Ok(TreeNodeRecursion::Stop);
            }
        }
        Ok(TreeNodeRecursion::Continue)
    });
    found
}

fn contains_aggregate(e: &DfExpr) -> bool {
    let mut found = false;
    let _ = e.apply(|n| {
        if let DfExpr::Column(c) = n {
            if c.relation.is_none() && c.name.starts_with("__a") {
                found = true;
                return Ok(TreeNodeRecursion::Stop);
            }
        }
        Ok(TreeNodeRecursion::Continue)
    });
    found
}

/// Rewrites `e` onto the Aggregate node's output.
fn rebase(e: &TypedExpr, keys: &[DfExpr], what: &str) -> Result<TypedExpr> {
    let out = e
        .expr
        .clone()
        .transform_down(|node| {
            if let Some(j) = keys.iter().position(|k| *k == node) {
                return Ok(Transformed::new(df_col(None, &format!("__g{j}")), true, TreeNodeRecursion::Jump));
            }
            Ok(Transformed::no(node))
        })
        .map_err(Error::from)?
        .data;
    if has_column_ref_outside(&out) {
        let mut name = String::new();
        let _ = out.apply(|n| {
            if let DfExpr::Column(c) = n {
                if !is_internal(c) {
                    name = c.name.clone();
                    return Ok(TreeNodeRecursion::Stop);
                }
            }
            Ok(TreeNodeRecursion::Continue)
        });
        return Err(Error::new(
            ErrorCode::NOT_AN_AGGREGATE,
            format!("Column `{name}` is not under aggregate function and not in GROUP BY keys. In {what}"),
        ));
    }
    Ok(TypedExpr::new(out, e.ty.clone()))
}

/// A constant non-negative integer (LIMIT / OFFSET).
fn const_usize(b: &Binder, e: &Expr, what: &'static str) -> Result<usize> {
    let v = b.bind_standalone(e, &super::scope::Scope::default(), what)?;
    match v.literal_int() {
        Some(n) if n >= 0 => Ok(usize::try_from(n).unwrap_or(usize::MAX)),
        _ => Err(Error::new(
            ErrorCode::INVALID_LIMIT_EXPRESSION,
            format!("The value {e} of {what} expression is not representable as UInt64"),
        )),
    }
}

/// Replaces `arrayJoin(e)` calls by identifiers of generated ARRAY JOIN
/// columns, collecting `(e, name)`; the original text stays the column name.
fn extract_array_joins(e: &mut Expr, found: &mut Vec<(Expr, Option<String>)>, top: bool) {
    match e {
        Expr::Function(call) if call.name == "arrayJoin" && call.args.len() == 1 && call.over.is_none() => {
            let name = format!("__arrayJoin{}", found.len());
            let original = e.to_string();
            let Expr::Function(call) = std::mem::replace(e, Expr::ident(name.clone())) else { return };
            let arg = call.args.into_iter().next().unwrap_or(Expr::Literal(Literal::Null));
            found.push((arg, Some(name.clone())));
            if top {
                *e = Expr::Alias { expr: Box::new(Expr::ident(name)), alias: original };
            }
        }
        Expr::Function(call) => {
            for a in call.args.iter_mut() {
                extract_array_joins(a, found, false);
            }
        }
        Expr::Alias { expr, .. } => extract_array_joins(expr, found, false),
        Expr::Cast { expr, .. } => extract_array_joins(expr, found, false),
        _ => {}
    }
}

/// PREWHERE needs an engine that reads the PREWHERE columns first.
fn check_prewhere(b: &Binder, from: Option<&crate::sql::ast::TableExpr>) -> Result<()> {
    use crate::sql::ast::TableExpr;
    let engine = match from {
        Some(TableExpr::Table { database, name, .. }) => {
            let db = database.clone().unwrap_or_else(|| b.database().to_string());
            match b.catalog.table(&db, name) {
                Ok(t) if t.table.supports_prewhere() => return Ok(()),
                Ok(t) => t.table.engine_name().to_string(),
                Err(_) => return Ok(()),
            }
        }
        Some(TableExpr::Function { call, .. }) => call.name.clone(),
        _ => "this table expression".to_string(),
    };
    Err(Error::new(ErrorCode::ILLEGAL_PREWHERE, format!("Storage {engine} doesn't support PREWHERE")))
}

/// Aliases written inside expressions (`(x + 1 AS y) * 2`) are visible in the
/// whole SELECT too, as in ClickHouse.
fn collect_nested_aliases(e: &Expr, aliases: &mut Aliases) -> Result<()> {
    match e {
        Expr::Alias { expr, alias } => {
            if let Some(prev) = aliases.map.get(alias) {
                if prev != &**expr {
                    return Err(Error::new(
                        ErrorCode::MULTIPLE_EXPRESSIONS_FOR_ALIAS,
                        format!("Different expressions with the same alias {alias}"),
                    ));
                }
            }
            aliases.map.insert(alias.clone(), (**expr).clone());
            collect_nested_aliases(expr, aliases)
        }
        Expr::Function(call) => {
            for a in &call.args {
                collect_nested_aliases(a, aliases)?;
            }
            Ok(())
        }
        Expr::Cast { expr, .. } => collect_nested_aliases(expr, aliases),
        _ => Ok(()),
    }
}

fn bind_select(b: &Binder, s: &Select) -> Result<BoundQuery> {
    let mut found = Vec::new();
    let mut projection = s.projection.clone();
    for e in projection.iter_mut() {
        extract_array_joins(e, &mut found, true);
    }
    if !found.is_empty() {
        let mut rewritten = s.clone();
        rewritten.projection = projection;
        let left = s.from.clone().unwrap_or(crate::sql::ast::TableExpr::Table {
            database: Some("system".into()),
            name: "one".into(),
            alias: None,
            final_: false,
            sample: None,
        });
        rewritten.from =
            Some(crate::sql::ast::TableExpr::ArrayJoin { left: Box::new(left), left_join: false, exprs: found });
        return bind_select_inner(b, &rewritten);
    }
    bind_select_inner(b, s)
}

fn bind_select_inner(b: &Binder, s: &Select) -> Result<BoundQuery> {
    // WITH: expression aliases and CTEs.
    let mut aliases = Aliases::default();
    let mut ctes = HashMap::new();
    for w in &s.with {
        match w {
            WithItem::Expr { expr, name } => {
                aliases.map.insert(name.clone(), expr.clone());
            }
            WithItem::Cte { name, query } => {
                ctes.insert(name.clone(), Arc::new((**query).clone()));
            }
        }
    }
    for (name, spec) in &s.windows {
        aliases.windows.insert(name.clone(), spec.clone());
    }
    b.ctes.borrow_mut().push(ctes);
    let _guard = CteGuard(b);

    for unsupported in [
        (s.with_totals && s.having.is_some(), "WITH TOTALS together with HAVING"),
        (s.distinct_on.is_some(), "DISTINCT ON"),
    ] {
        if unsupported.0 {
            return Err(Error::new(ErrorCode::NOT_IMPLEMENTED, format!("{} is not supported yet", unsupported.1)));
        }
    }

    let from = b.bind_from(s.from.as_ref())?;
    let scope = from.scope;
    let mut plan = from.plan;

    // Expand the SELECT list and collect its aliases.
    let mut items: Vec<Item> = Vec::new();
    for e in &s.projection {
        match e {
            Expr::Asterisk { qualifier, except } => {
                for c in scope.star(qualifier)? {
                    if except.contains(&c.name) {
                        continue;
                    }
                    items.push(Item {
                        name: c.name.clone(),
                        ast: None,
                        direct: Some(TypedExpr::new(c.expr.clone(), c.ty.clone())),
                        alias: None,
                    });
                }
            }
            Expr::Columns(re) => {
                let regex = regex::Regex::new(re).map_err(|e| {
                    Error::new(
                        ErrorCode::CANNOT_COMPILE_REGEXP,
                        format!("Cannot compile regular expression '{re}': {e}"),
                    )
                })?;
                for c in scope.columns.iter().filter(|c| !c.hidden && regex.is_match(&c.name)) {
                    items.push(Item {
                        name: c.name.clone(),
                        ast: None,
                        direct: Some(TypedExpr::new(c.expr.clone(), c.ty.clone())),
                        alias: None,
                    });
                }
            }
            Expr::Alias { expr, alias } => {
                if let Some(prev) = aliases.map.get(alias) {
                    if prev != &**expr {
                        return Err(Error::new(
                            ErrorCode::MULTIPLE_EXPRESSIONS_FOR_ALIAS,
                            format!("Different expressions with the same alias {alias}"),
                        ));
                    }
                }
                aliases.map.insert(alias.clone(), (**expr).clone());
                collect_nested_aliases(expr, &mut aliases)?;
                items.push(Item {
                    name: alias.clone(),
                    ast: Some((**expr).clone()),
                    direct: None,
                    alias: Some(alias.clone()),
                });
            }
            other => {
                collect_nested_aliases(other, &mut aliases)?;
                items.push(Item { name: other.to_string(), ast: Some(other.clone()), direct: None, alias: None })
            }
        }
    }
    if items.is_empty() {
        return Err(Error::new(ErrorCode::EMPTY_LIST_OF_COLUMNS_QUERIED, "Empty list of columns in SELECT query"));
    }

    let positional_on = b.settings.get_bool("enable_positional_arguments");
    let expanding = RefCell::new(Vec::new());
    let no_agg = |clause: &'static str| ExprCtx {
        scope: &scope,
        aliases: &aliases,
        expanding: &expanding,
        agg: None,
        win: None,
        in_aggregate: false,
        clause,
    };

    if s.prewhere.is_some() {
        check_prewhere(b, s.from.as_ref())?;
    }
    // PREWHERE and WHERE: both filter before aggregation.
    for (cond, clause) in [(&s.prewhere, "PREWHERE"), (&s.where_, "WHERE")] {
        if let Some(w) = cond {
            let p = b.bind_expr(w, &no_agg(clause))?;
            plan = LogicalPlanBuilder::from(plan).filter(as_predicate(&p)?)?.build()?;
        }
    }

    // GROUP BY keys (positional numbers refer to the SELECT list). With
    // GROUPING SETS, the keys are all expressions of all sets, and `sets`
    // holds each set as indexes into `keys`.
    let mut keys: Vec<TypedExpr> = Vec::new();
    let mut sets: Vec<Vec<usize>> = Vec::new();
    let bind_key = |g: &Expr, keys: &mut Vec<TypedExpr>| -> Result<Option<usize>> {
        let k = match positional(g, &items, positional_on) {
            Some(i) => match (&items[i].ast, &items[i].direct) {
                (Some(a), _) => b.bind_expr(a, &no_agg("GROUP BY"))?,
                (None, Some(d)) => d.clone(),
                (None, None) => return Err(Error::new(ErrorCode::LOGICAL_ERROR, "positional GROUP BY")),
            },
            None => b.bind_expr(g, &no_agg("GROUP BY"))?,
        };
        Ok(Some(match keys.iter().position(|x| x.expr == k.expr) {
            Some(j) => j,
            None => {
                keys.push(k);
                keys.len() - 1
            }
        }))
    };
    if s.group_by_modifier == GroupByModifier::GroupingSets {
        for set in &s.grouping_sets {
            let mut idx = Vec::new();
            for g in set {
                if let Some(j) = bind_key(g, &mut keys)? {
                    idx.push(j);
                }
            }
            sets.push(idx);
        }
    } else {
        for g in &s.group_by {
            bind_key(g, &mut keys)?;
        }
    }

    // SELECT list, HAVING and ORDER BY, collecting aggregates.
    let collector = RefCell::new(AggCollector::default());
    let wins = RefCell::new(WinCollector::default());
    let with_agg = |clause: &'static str| ExprCtx {
        scope: &scope,
        aliases: &aliases,
        expanding: &expanding,
        agg: Some(&collector),
        win: Some(&wins),
        in_aggregate: false,
        clause,
    };
    let mut values: Vec<TypedExpr> = Vec::with_capacity(items.len());
    for it in &items {
        let v = match (&it.direct, &it.ast) {
            (Some(d), _) => d.clone(),
            (None, Some(a)) => {
                if let Some(al) = &it.alias {
                    expanding.borrow_mut().push(al.clone());
                }
                let r = b.bind_expr(a, &with_agg("SELECT"));
                if it.alias.is_some() {
                    expanding.borrow_mut().pop();
                }
                r?
            }
            (None, None) => return Err(Error::new(ErrorCode::LOGICAL_ERROR, "empty select item")),
        };
        values.push(v);
    }
    if s.group_by_all {
        for v in &values {
            if !contains_aggregate(&v.expr) && v.literal().is_none() && !keys.iter().any(|x| x.expr == v.expr) {
                keys.push(v.clone());
            }
        }
    }
    let having = match &s.having {
        Some(h) => Some(b.bind_expr(h, &with_agg("HAVING"))?),
        None => None,
    };
    let mut qualify = match &s.qualify {
        Some(q) => Some(b.bind_expr(q, &with_agg("QUALIFY"))?),
        None => None,
    };
    let mut order: Vec<(TypedExpr, bool, Option<bool>)> = Vec::new();
    let order_items: Vec<(Expr, bool, Option<bool>)> = match s.order_by_all {
        Some((desc, nulls)) => {
            items.iter().enumerate().map(|(i, _)| (Expr::Literal(Literal::UInt(i as u64 + 1)), desc, nulls)).collect()
        }
        None => s.order_by.iter().map(|o| (o.expr.clone(), o.desc, o.nulls_first)).collect(),
    };
    for (e, desc, nulls) in &order_items {
        if let Some(i) = positional(e, &items, positional_on) {
            order.push((values[i].clone(), *desc, *nulls));
            continue;
        }
        order.push((b.bind_expr(e, &with_agg("ORDER BY"))?, *desc, *nulls));
    }

    // LIMIT BY keys are bound like ORDER BY keys.
    let mut limit_by_keys: Vec<TypedExpr> = Vec::new();
    if let Some(lb) = &s.limit_by {
        for e in &lb.by {
            let k = match positional(e, &items, positional_on) {
                Some(i) => values[i].clone(),
                None => b.bind_expr(e, &with_agg("LIMIT BY"))?,
            };
            limit_by_keys.push(k);
        }
    }

    let aggs = collector.into_inner().aggs;
    let mut totals_input: Option<(LogicalPlan, Vec<DfExpr>)> = None;
    let mut windows = wins.into_inner().exprs;
    let aggregating = !keys.is_empty() || !aggs.is_empty() || s.group_by_all || !s.group_by.is_empty();
    if aggregating {
        let key_exprs: Vec<DfExpr> = keys.iter().map(|k| k.expr.clone()).collect();
        let group: Vec<DfExpr> =
            keys.iter().enumerate().map(|(j, k)| k.expr.clone().alias(format!("__g{j}"))).collect();
        let agg_exprs: Vec<DfExpr> =
            aggs.iter().enumerate().map(|(i, (a, _))| a.clone().alias(format!("__a{i}"))).collect();
        let before_aggregation = plan.clone();
        plan = if s.group_by_modifier == GroupByModifier::None {
            LogicalPlanBuilder::from(plan).aggregate(group, agg_exprs.clone())?.build()?
        } else {
            grouping_sets_aggregate(plan, &keys, &sets, s.group_by_modifier, agg_exprs.clone())?
        };
        if s.with_totals {
            totals_input = Some((before_aggregation, agg_exprs));
        }
        let rb = |v: &TypedExpr, what: &str| rebase(v, &key_exprs, what);
        values = values.iter().map(|v| rb(v, "SELECT")).collect::<Result<_>>()?;
        if let Some(h) = &having {
            let h = rb(h, "HAVING")?;
            plan = LogicalPlanBuilder::from(plan).filter(as_predicate(&h)?)?.build()?;
        }
        order = order.into_iter().map(|(e, d, n)| Ok((rb(&e, "ORDER BY")?, d, n))).collect::<Result<_>>()?;
        limit_by_keys = limit_by_keys.iter().map(|k| rb(k, "LIMIT BY")).collect::<Result<_>>()?;
        qualify = qualify.map(|q| rb(&q, "QUALIFY")).transpose()?;
        windows = windows
            .into_iter()
            .map(|(w, t)| Ok((rb(&TypedExpr::new(w, t.clone()), "window function")?.expr, t)))
            .collect::<Result<_>>()?;
    } else if let Some(h) = &having {
        plan = LogicalPlanBuilder::from(plan).filter(as_predicate(h)?)?.build()?;
    }
    if !windows.is_empty() {
        let wexprs: Vec<DfExpr> =
            windows.iter().enumerate().map(|(i, (w, _))| w.clone().alias(format!("__w{i}"))).collect();
        plan = LogicalPlanBuilder::from(plan).window(wexprs)?.build()?;
    }
    if let Some(q) = &qualify {
        plan = LogicalPlanBuilder::from(plan).filter(as_predicate(q)?)?.build()?;
    }

    // Projection: the SELECT list, then hidden ORDER BY / LIMIT BY keys.
    let mut proj: Vec<DfExpr> =
        values.iter().enumerate().map(|(k, v)| v.expr.clone().alias(format!("__c{k}"))).collect();
    let mut hidden = 0usize;
    let mut column_of = |e: &TypedExpr, proj: &mut Vec<DfExpr>| -> Result<String> {
        Ok(match values.iter().position(|v| v.expr == e.expr) {
            Some(k) => format!("__c{k}"),
            None => {
                if s.distinct {
                    return Err(Error::new(
                        ErrorCode::NOT_IMPLEMENTED,
                        "ORDER BY / LIMIT BY an expression that is not in a SELECT DISTINCT list is not supported yet",
                    ));
                }
                let n = format!("__o{hidden}");
                hidden += 1;
                proj.push(e.expr.clone().alias(n.clone()));
                n
            }
        })
    };
    let mut sort: Vec<SortExpr> = Vec::new();
    let mut fill_keys = Vec::new();
    for (e, desc, nulls) in &order {
        if e.literal().is_some() {
            fill_keys.push((None, e.ty.clone()));
            continue;
        }
        let name = column_of(e, &mut proj)?;
        fill_keys.push((Some(name.clone()), e.ty.clone()));
        let nulls_first = nulls.unwrap_or(false);
        let key =
            crate::plan::nan_order::sort_key(TypedExpr::new(df_col(None, &name), e.ty.clone()), *desc, nulls_first);
        sort.push(SortExpr::new(key, !desc, nulls_first));
    }
    let mut limit_by_cols = Vec::new();
    for k in &limit_by_keys {
        limit_by_cols.push(df_col(None, &column_of(k, &mut proj)?));
    }
    let mut drop_extra = hidden > 0;
    plan = LogicalPlanBuilder::from(plan).project(proj)?.build()?;
    if s.distinct {
        plan = LogicalPlanBuilder::from(plan).distinct()?.build()?;
    }
    if let Some(lb) = &s.limit_by {
        plan = limit_by(b, plan, lb, limit_by_cols, &sort)?;
        drop_extra = true;
    }
    let offset = match &s.offset {
        Some(o) => const_usize(b, o, "OFFSET")?,
        None => 0,
    };
    let mut fetch = match &s.limit {
        Some(l) => Some(const_usize(b, l, "LIMIT")?),
        None => None,
    };
    if let Some(t) = &s.top {
        fetch = Some(const_usize(b, t, "TOP")?);
    }
    if s.with_ties {
        // LIMIT n WITH TIES: every row ranked within the first n by the ORDER BY.
        let Some(n) = fetch.take() else {
            return Err(Error::new(ErrorCode::INVALID_LIMIT_EXPRESSION, "WITH TIES requires LIMIT"));
        };
        if offset > 0 || sort.is_empty() {
            return Err(Error::new(
                ErrorCode::NOT_IMPLEMENTED,
                "WITH TIES with OFFSET or without ORDER BY is not supported yet",
            ));
        }
        plan = with_ties(plan, &sort, n)?;
        drop_extra = true;
    }
    if !sort.is_empty() {
        plan = LogicalPlanBuilder::from(plan).sort(sort)?.build()?;
    }
    if super::fill::has_fill(&s.order_by) {
        plan = super::fill::with_fill(b, plan, &s.order_by, &fill_keys, &values)?;
    }
    if fetch.is_some() || offset > 0 {
        plan = LogicalPlanBuilder::from(plan).limit(offset, fetch)?.build()?;
    }
    if drop_extra {
        let keep: Vec<DfExpr> = (0..values.len()).map(|k| df_col(None, &format!("__c{k}"))).collect();
        plan = LogicalPlanBuilder::from(plan).project(keep)?.build()?;
    }
    let totals = match totals_input {
        Some((input, agg_exprs)) => Some(totals_plan(input, agg_exprs, &keys, &values)?),
        None => None,
    };
    let columns = items
        .iter()
        .zip(values.iter())
        .map(|(it, v)| OutputColumn { name: it.name.clone(), ty: v.ty.clone() })
        .collect();
    Ok(BoundQuery { plan, columns, totals })
}

/// Casts each column of `q` to `types` (by position), keeping names `__c{i}`.
fn cast_columns(b: &Binder, q: BoundQuery, types: &[ChType]) -> Result<LogicalPlan> {
    if q.columns.iter().map(|c| &c.ty).eq(types.iter()) {
        return Ok(q.plan);
    }
    let mut exprs = Vec::with_capacity(types.len());
    for (i, (c, t)) in q.columns.iter().zip(types).enumerate() {
        let col = TypedExpr::new(df_col(None, &format!("__c{i}")), c.ty.clone());
        exprs.push(b.cast(col, t)?.expr.alias(format!("__c{i}")));
    }
    Ok(LogicalPlanBuilder::from(q.plan).project(exprs)?.build()?)
}

/// ClickHouse's INTERSECT / EXCEPT keep the left rows (with their duplicates)
/// that do / do not occur on the right, NULLs comparing equal: a semi / anti
/// join on all columns. The DISTINCT forms deduplicate the result.
/// ClickHouse's INTERSECT / EXCEPT (ALL by default, `intersect_default_mode`):
/// multiset semantics — a row occurring m times on the left and n on the right
/// appears min(m, n) times (INTERSECT) or max(m − n, 0) times (EXCEPT), NULLs
/// equal. Built as a semi / anti join on all columns plus each row's
/// occurrence number; the left order is kept. The DISTINCT forms deduplicate.
fn semi_set_op(left: LogicalPlan, right: LogicalPlan, n: usize, join: JoinType, distinct: bool) -> Result<LogicalPlan> {
    use datafusion::common::{Column, NullEquality};
    use datafusion::logical_expr::expr::WindowFunction;
    use datafusion::logical_expr::{WindowFrame, WindowFunctionDefinition};
    let row_number = |partition_by: Vec<DfExpr>, name: &str| -> DfExpr {
        let mut w = WindowFunction::new(
            WindowFunctionDefinition::WindowUDF(datafusion::functions_window::row_number::row_number_udwf()),
            vec![],
        );
        w.params.partition_by = partition_by;
        w.params.window_frame = WindowFrame::new(None);
        DfExpr::WindowFunction(Box::new(w)).alias(name)
    };
    let cols = || -> Vec<DfExpr> { (0..n).map(|i| df_col(None, &format!("__c{i}"))).collect() };
    let mut left = LogicalPlanBuilder::from(left).window(vec![row_number(vec![], "__rn")])?;
    let mut right = LogicalPlanBuilder::from(right);
    let mut lk: Vec<Column> = (0..n).map(|i| Column::new(Some("__l"), format!("__c{i}"))).collect();
    let mut rk: Vec<Column> = (0..n).map(|i| Column::new(Some("__r"), format!("__c{i}"))).collect();
    if !distinct {
        left = left.window(vec![row_number(cols(), "__dup")])?;
        right = right.window(vec![row_number(cols(), "__dup")])?;
        lk.push(Column::new(Some("__l"), "__dup"));
        rk.push(Column::new(Some("__r"), "__dup"));
    }
    let right = right.alias("__r")?.build()?;
    let mut b = left.alias("__l")?.join_detailed(right, join, (lk, rk), None, NullEquality::NullEqualsNull)?;
    let mut proj: Vec<DfExpr> =
        (0..n).map(|i| df_col(Some("__l"), &format!("__c{i}")).alias(format!("__c{i}"))).collect();
    proj.push(df_col(Some("__l"), "__rn").alias("__rn"));
    b = b.project(proj)?;
    if distinct {
        let first = datafusion::functions_aggregate::min_max::min(df_col(None, "__rn")).alias("__rn");
        b = b.aggregate(cols(), vec![first])?;
    }
    b = b.sort(vec![SortExpr::new(df_col(None, "__rn"), true, false)])?;
    Ok(b.project(cols())?.build()?)
}

fn bind_set_op(b: &Binder, op: SetOp, left: &SelectQuery, right: &SelectQuery) -> Result<BoundQuery> {
    let l = bind_query(b, left)?;
    let r = bind_query(b, right)?;
    if l.columns.len() != r.columns.len() {
        return Err(Error::new(
            ErrorCode::UNION_ALL_RESULT_STRUCTURES_MISMATCH,
            format!("Different number of columns in UNION elements: {} and {}", l.columns.len(), r.columns.len()),
        ));
    }
    let mut types = Vec::with_capacity(l.columns.len());
    for (a, c) in l.columns.iter().zip(&r.columns) {
        types.push(rules::common_supertype(&[a.ty.clone(), c.ty.clone()])?);
    }
    let columns: Vec<OutputColumn> =
        l.columns.iter().zip(&types).map(|(c, t)| OutputColumn { name: c.name.clone(), ty: t.clone() }).collect();
    let lp = cast_columns(b, l, &types)?;
    let rp = cast_columns(b, r, &types)?;
    let op =
        match op {
            SetOp::Union => match b.settings.get_string("union_default_mode").to_ascii_uppercase().as_str() {
                "ALL" => SetOp::UnionAll,
                "DISTINCT" => SetOp::UnionDistinct,
                _ => return Err(Error::new(
                    ErrorCode::EXPECTED_ALL_OR_DISTINCT,
                    "Expected ALL or DISTINCT after UNION. Write `UNION ALL` to keep duplicate rows or `UNION DISTINCT` to remove them, or set `union_default_mode` to choose what a bare UNION means",
                )),
            },
            o => o,
        };
    let plan = match op {
        SetOp::UnionAll => LogicalPlanBuilder::from(lp).union(rp)?.build()?,
        SetOp::UnionDistinct => LogicalPlanBuilder::from(lp).union_distinct(rp)?.build()?,
        SetOp::Intersect => semi_set_op(lp, rp, columns.len(), JoinType::LeftSemi, false)?,
        SetOp::IntersectDistinct => semi_set_op(lp, rp, columns.len(), JoinType::LeftSemi, true)?,
        SetOp::Except => semi_set_op(lp, rp, columns.len(), JoinType::LeftAnti, false)?,
        SetOp::ExceptDistinct => semi_set_op(lp, rp, columns.len(), JoinType::LeftAnti, true)?,
        SetOp::Union => return Err(Error::new(ErrorCode::LOGICAL_ERROR, "unresolved UNION mode")),
    };
    Ok(BoundQuery { plan, columns, totals: None })
}

/// Keeps the rows whose rank in the ORDER BY is at most `n`.
fn with_ties(plan: LogicalPlan, sort: &[SortExpr], n: usize) -> Result<LogicalPlan> {
    use datafusion::logical_expr::expr::WindowFunction;
    use datafusion::logical_expr::{lit, WindowFrame, WindowFunctionDefinition};
    let mut rank = WindowFunction::new(
        WindowFunctionDefinition::WindowUDF(datafusion::functions_window::rank::rank_udwf()),
        vec![],
    );
    rank.params.order_by = sort.to_vec();
    rank.params.window_frame = WindowFrame::new(Some(true));
    let rank = DfExpr::WindowFunction(Box::new(rank)).alias("__tie_rank");
    let plan = LogicalPlanBuilder::from(plan).window(vec![rank])?.build()?;
    let keep = df_col(None, "__tie_rank").lt_eq(lit(n as u64));
    Ok(LogicalPlanBuilder::from(plan).filter(keep)?.build()?)
}

/// `LIMIT n [OFFSET m] BY keys`: numbers the rows of each key in the final
/// order (row_number over the ORDER BY) and keeps numbers m+1 ..= m+n.
fn limit_by(
    b: &Binder,
    plan: LogicalPlan,
    lb: &crate::sql::ast::LimitBy,
    keys: Vec<DfExpr>,
    sort: &[SortExpr],
) -> Result<LogicalPlan> {
    use datafusion::logical_expr::expr::WindowFunction;
    use datafusion::logical_expr::{lit, WindowFrame, WindowFunctionDefinition};
    let n = const_usize(b, &lb.limit, "LIMIT BY")? as u64;
    let m = match &lb.offset {
        Some(o) => const_usize(b, o, "LIMIT BY OFFSET")? as u64,
        None => 0,
    };
    let mut rn = WindowFunction::new(
        WindowFunctionDefinition::WindowUDF(datafusion::functions_window::row_number::row_number_udwf()),
        vec![],
    );
    rn.params.partition_by = keys;
    rn.params.order_by = sort.to_vec();
    rn.params.window_frame = WindowFrame::new(if sort.is_empty() { None } else { Some(true) });
    let rn = DfExpr::WindowFunction(Box::new(rn)).alias("__limit_by_rn");
    let plan = LogicalPlanBuilder::from(plan).window(vec![rn])?.build()?;
    let rn_col = df_col(None, "__limit_by_rn");
    let keep = rn_col.clone().gt(lit(m)).and(rn_col.lt_eq(lit(m.saturating_add(n))));
    Ok(LogicalPlanBuilder::from(plan).filter(keep)?.build()?)
}

/// ROLLUP / CUBE / GROUPING SETS: keys are computed into columns `__k{j}`
/// below the Aggregate, grouped with DataFusion's grouping sets, and exposed
/// as `__g{j}` above it, where a rolled-up (NULL) key of a non-Nullable type
/// shows the type's default value as ClickHouse does.
fn grouping_sets_aggregate(
    plan: LogicalPlan,
    keys: &[TypedExpr],
    sets: &[Vec<usize>],
    modifier: GroupByModifier,
    agg_exprs: Vec<DfExpr>,
) -> Result<LogicalPlan> {
    use datafusion::logical_expr::GroupingSet;
    let mut pre: Vec<DfExpr> = plan.schema().columns().into_iter().map(DfExpr::Column).collect();
    for (j, k) in keys.iter().enumerate() {
        // Each key through an opaque function tagged with its position: two keys
        // with the same expression must not look equivalent to DataFusion, since
        // grouping sets null them out independently.
        let tag = TypedExpr::new(
            DfExpr::Literal(datafusion::scalar::ScalarValue::UInt64(Some(j as u64)), None),
            ChType::UInt64,
        );
        let tagged = crate::functions::udf::call("__groupingKey", grouping_key, vec![k.clone(), tag], k.ty.clone())?;
        pre.push(tagged.expr.alias(format!("__k{j}")));
    }
    let kcol = |j: usize| df_col(None, &format!("__k{j}"));
    let all: Vec<DfExpr> = (0..keys.len()).map(kcol).collect();
    let gs = match modifier {
        GroupByModifier::Rollup => GroupingSet::Rollup(all),
        GroupByModifier::Cube => GroupingSet::Cube(all),
        _ => GroupingSet::GroupingSets(sets.iter().map(|set| set.iter().map(|&j| kcol(j)).collect()).collect()),
    };
    let n_aggs = agg_exprs.len();
    let plan =
        LogicalPlanBuilder::from(plan).project(pre)?.aggregate(vec![DfExpr::GroupingSet(gs)], agg_exprs)?.build()?;
    let mut post = Vec::new();
    for (j, k) in keys.iter().enumerate() {
        let c = kcol(j);
        let e = if k.ty.is_nullable() {
            c
        } else {
            crate::plan::fill_null::fill_null(TypedExpr::new(c, k.ty.clone()), crate::types::default_value(&k.ty)?)?
        };
        post.push(e.alias(format!("__g{j}")));
    }
    for i in 0..n_aggs {
        post.push(df_col(None, &format!("__a{i}")));
    }
    Ok(LogicalPlanBuilder::from(plan).project(post)?.build()?)
}

fn grouping_key(
    k: &crate::functions::KernelArgs,
) -> datafusion::error::Result<datafusion::logical_expr::ColumnarValue> {
    Ok(k.args[0].clone())
}

/// WITH TOTALS: the aggregates over all rows, with every key at its default value.
fn totals_plan(
    input: LogicalPlan,
    agg_exprs: Vec<DfExpr>,
    keys: &[TypedExpr],
    values: &[TypedExpr],
) -> Result<LogicalPlan> {
    let n_aggs = agg_exprs.len();
    let mut defaults = Vec::new();
    for (j, k) in keys.iter().enumerate() {
        defaults.push(DfExpr::Literal(crate::types::default_value(&k.ty)?, None).alias(format!("__g{j}")));
    }
    for i in 0..n_aggs {
        defaults.push(df_col(None, &format!("__a{i}")));
    }
    let proj: Vec<DfExpr> = values.iter().enumerate().map(|(k, v)| v.expr.clone().alias(format!("__c{k}"))).collect();
    Ok(LogicalPlanBuilder::from(input)
        .aggregate(Vec::<DfExpr>::new(), agg_exprs)?
        .project(defaults)?
        .project(proj)?
        .build()?)
}
