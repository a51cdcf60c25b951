//! JOIN binding: ON / USING / CROSS, ClickHouse's defaults for the missing
//! side of outer joins (`join_use_nulls = 0`), and the ANY / SEMI / ANTI
//! strictnesses, built from DataFusion joins over a side deduplicated by key
//! (the first row of each key), as ClickHouse's hash join answers them.

use std::cell::RefCell;

use datafusion::logical_expr::{lit, when, Expr as DfExpr, JoinType, LogicalPlanBuilder};

use super::expr::{Aliases, ExprCtx};
use super::from::FromResult;
use super::scope::{df_col, Scope, ScopeColumn};
use super::Binder;
use crate::error::{Error, ErrorCode, Result};
use crate::functions::{as_predicate, TypedExpr};
use crate::sql::ast::{Expr, JoinConstraint, JoinKind, JoinStrictness, TableExpr};
use crate::types::{default_value, rules};

impl Binder<'_> {
    pub(super) fn bind_join(
        &self,
        left: &TableExpr,
        right: &TableExpr,
        kind: JoinKind,
        strictness: JoinStrictness,
        constraint: &JoinConstraint,
    ) -> Result<FromResult> {
        let mut l = self.bind_table_expr(left)?;
        let mut r = self.bind_table_expr(right)?;
        let mut join_type = match kind {
            JoinKind::Inner | JoinKind::Cross | JoinKind::Comma => JoinType::Inner,
            JoinKind::Left => JoinType::Left,
            JoinKind::Right => JoinType::Right,
            JoinKind::Full => JoinType::Full,
            JoinKind::Paste => return Err(Error::new(ErrorCode::NOT_IMPLEMENTED, "PASTE JOIN is not supported yet")),
        };
        // ANY / SEMI / ANTI: keep one row per key on the deduplicated side(s)
        // (the first seen), then join as ClickHouse's hash join would.
        let mut anti = false;
        match (strictness, join_type) {
            (JoinStrictness::Unspecified | JoinStrictness::All, _) => {}
            (JoinStrictness::Any, JoinType::Left) => r = self.dedup_side(r, &l, constraint, false)?,
            (JoinStrictness::Any, JoinType::Right) => l = self.dedup_side(l, &r, constraint, true)?,
            (JoinStrictness::Any, JoinType::Inner) => {
                let l2 = self.dedup_side(l, &r, constraint, true)?;
                r = self.dedup_side(r, &l2, constraint, false)?;
                l = l2;
            }
            (JoinStrictness::Semi, JoinType::Left) => {
                r = self.dedup_side(r, &l, constraint, false)?;
                join_type = JoinType::Inner;
            }
            (JoinStrictness::Semi, JoinType::Right) => {
                l = self.dedup_side(l, &r, constraint, true)?;
                join_type = JoinType::Inner;
            }
            (JoinStrictness::Anti, JoinType::Left) => {
                join_type = JoinType::LeftAnti;
                anti = true;
            }
            (JoinStrictness::Anti, JoinType::Right) => {
                join_type = JoinType::RightAnti;
                anti = true;
            }
            (JoinStrictness::Asof, _) => return super::asof::bind_asof(self, l, r, kind, constraint),
            (s, _) => {
                return Err(Error::new(
                    ErrorCode::NOT_IMPLEMENTED,
                    format!(
                        "{} {} JOIN is not supported yet",
                        format!("{s:?}").to_uppercase(),
                        format!("{kind:?}").to_uppercase()
                    ),
                ))
            }
        }
        let use_nulls = self.settings.get_bool("join_use_nulls");
        let mut scope = Scope::default();
        let (left_outer, right_outer) = match join_type {
            JoinType::Left => (false, true),
            JoinType::Right => (true, false),
            JoinType::Full | JoinType::LeftAnti | JoinType::RightAnti => (true, true),
            _ => (false, false),
        };
        let fill = |c: &ScopeColumn, outer: bool| -> ScopeColumn {
            let mut c = c.clone();
            if outer {
                if use_nulls && c.ty.can_be_inside_nullable() {
                    c.ty = c.ty.clone().nullable();
                } else if !c.ty.is_nullable() {
                    if let Ok(d) = default_value(&c.ty) {
                        let typed = TypedExpr::new(c.expr.clone(), c.ty.clone());
                        if let Ok(e) = crate::plan::fill_null::fill_null(typed, d) {
                            c.expr = e;
                        }
                    }
                }
            }
            c
        };
        // Columns of the side an ANTI join drops: they read as defaults.
        let dropped: Vec<datafusion::common::Column> = match join_type {
            JoinType::LeftAnti if anti => r.plan.schema().columns(),
            JoinType::RightAnti if anti => l.plan.schema().columns(),
            _ => vec![],
        };
        let plan = match constraint {
            JoinConstraint::None => {
                if !matches!(kind, JoinKind::Cross | JoinKind::Comma) {
                    return Err(Error::new(ErrorCode::SYNTAX_ERROR, "JOIN requires ON or USING"));
                }
                scope.columns.extend(l.scope.columns.iter().cloned());
                scope.columns.extend(r.scope.columns.iter().cloned());
                LogicalPlanBuilder::from(l.plan).cross_join(r.plan)?.build()?
            }
            JoinConstraint::On(on) => {
                let mut both = Scope::default();
                both.columns.extend(l.scope.columns.iter().cloned());
                both.columns.extend(r.scope.columns.iter().cloned());
                let aliases = Aliases::default();
                let expanding = RefCell::new(Vec::new());
                let ctx = ExprCtx {
                    scope: &both,
                    aliases: &aliases,
                    expanding: &expanding,
                    agg: None,
                    win: None,
                    in_aggregate: false,
                    clause: "JOIN ON",
                };
                let pred = as_predicate(&self.bind_expr(on, &ctx)?)?;
                scope.columns.extend(l.scope.columns.iter().map(|c| fill(c, left_outer)));
                scope.columns.extend(r.scope.columns.iter().map(|c| fill(c, right_outer)));
                LogicalPlanBuilder::from(l.plan).join_on(r.plan, join_type, vec![pred])?.build()?
            }
            JoinConstraint::Using(names) => {
                let mut preds = Vec::new();
                let mut merged = Vec::new();
                for n in names {
                    let key = [n.clone()];
                    let lc = l.scope.resolve(&key)?.ok_or_else(|| unknown_using(n))?;
                    let rc = r.scope.resolve(&key)?.ok_or_else(|| unknown_using(n))?;
                    let common = rules::common_supertype(&[lc.ty.clone(), rc.ty.clone()])?;
                    let lk = self.cast(lc, &common)?;
                    let rk = self.cast(rc, &common)?;
                    preds.push(lk.expr.clone().eq(rk.expr.clone()));
                    let common = if use_nulls && join_type != JoinType::Inner { common.nullable() } else { common };
                    let expr = match join_type {
                        JoinType::Right => rk.expr.clone(),
                        JoinType::Full => {
                            when(lk.expr.clone().is_null(), rk.expr.clone()).otherwise(lk.expr.clone())?
                        }
                        _ => lk.expr.clone(),
                    };
                    merged.push((n.clone(), TypedExpr::new(expr, common)));
                }
                for c in &l.scope.columns {
                    if let Some((_, m)) = merged.iter().find(|(n, _)| *n == c.name) {
                        scope.columns.push(ScopeColumn {
                            expr: m.expr.clone(),
                            ty: m.ty.clone(),
                            qualifier: None,
                            ..c.clone()
                        });
                        let mut q = fill(c, left_outer);
                        q.hidden = true;
                        scope.columns.push(q);
                    } else {
                        scope.columns.push(fill(c, left_outer));
                    }
                }
                for c in &r.scope.columns {
                    let mut c = fill(c, right_outer);
                    if names.contains(&c.name) {
                        c.hidden = true;
                    }
                    scope.columns.push(c);
                }
                let pred = preds.into_iter().reduce(|a, b| a.and(b)).unwrap_or(lit(true));
                LogicalPlanBuilder::from(l.plan).join_on(r.plan, join_type, vec![pred])?.build()?
            }
        };
        if !dropped.is_empty() {
            for c in scope.columns.iter_mut() {
                let mut refs_dropped = false;
                let _ = datafusion::common::tree_node::TreeNode::apply(&c.expr, |n| {
                    if let DfExpr::Column(col) = n {
                        if dropped.contains(col) {
                            refs_dropped = true;
                        }
                    }
                    Ok(datafusion::common::tree_node::TreeNodeRecursion::Continue)
                });
                if refs_dropped {
                    let d = if use_nulls {
                        datafusion::scalar::ScalarValue::try_from(&c.ty.to_arrow())?
                    } else {
                        default_value(&c.ty)?
                    };
                    c.expr = DfExpr::Literal(d, None);
                }
            }
        }
        Ok(FromResult { plan, scope })
    }

    /// Binds `e` against one side's columns only.
    fn bind_on_side(&self, e: &Expr, scope: &Scope) -> Result<TypedExpr> {
        self.bind_standalone(e, scope, "JOIN ON")
    }

    /// The key expressions of `side` (the other side is `other`) for a
    /// dedup: USING columns, or the operands of ON's `a = b` conjuncts.
    fn side_keys(&self, side: &FromResult, other: &FromResult, constraint: &JoinConstraint) -> Result<Vec<TypedExpr>> {
        match constraint {
            JoinConstraint::Using(names) => names
                .iter()
                .map(|n| {
                    side.scope.resolve(std::slice::from_ref(n))?.ok_or_else(|| {
                        Error::new(ErrorCode::UNKNOWN_IDENTIFIER, format!("Unknown identifier `{n}` in USING clause"))
                    })
                })
                .collect(),
            JoinConstraint::On(on) => {
                let conjuncts: Vec<&Expr> = match on {
                    Expr::Function(f) if f.name == "and" => f.args.iter().collect(),
                    other => vec![other],
                };
                let mut keys = Vec::new();
                for c in conjuncts {
                    let Expr::Function(f) = c else { return Err(strict_on_error()) };
                    if f.name != "equals" || f.args.len() != 2 {
                        return Err(strict_on_error());
                    }
                    let (a, b) = (&f.args[0], &f.args[1]);
                    if let (Ok(x), Ok(_)) = (self.bind_on_side(a, &side.scope), self.bind_on_side(b, &other.scope)) {
                        keys.push(x);
                    } else if let (Ok(x), Ok(_)) =
                        (self.bind_on_side(b, &side.scope), self.bind_on_side(a, &other.scope))
                    {
                        keys.push(x);
                    } else {
                        return Err(strict_on_error());
                    }
                }
                Ok(keys)
            }
            JoinConstraint::None => Err(Error::new(ErrorCode::SYNTAX_ERROR, "ANY/SEMI/ANTI JOIN requires ON or USING")),
        }
    }

    /// One row per key of `side`: the first row seen for each key.
    fn dedup_side(
        &self,
        side: FromResult,
        other: &FromResult,
        constraint: &JoinConstraint,
        _is_left: bool,
    ) -> Result<FromResult> {
        let keys = self.side_keys(&side, other, constraint)?;
        let first = datafusion::functions_aggregate::first_last::first_value_udaf();
        let group: Vec<DfExpr> =
            keys.iter().enumerate().map(|(i, k)| k.expr.clone().alias(format!("__dk{i}"))).collect();
        let aggs: Vec<DfExpr> = side
            .scope
            .columns
            .iter()
            .enumerate()
            .map(|(m, c)| {
                DfExpr::AggregateFunction(datafusion::logical_expr::expr::AggregateFunction::new_udf(
                    first.clone(),
                    vec![c.expr.clone()],
                    false,
                    None,
                    vec![],
                    None,
                ))
                .alias(format!("__dv{m}"))
            })
            .collect();
        let q = self.fresh("__dedup");
        let plan = LogicalPlanBuilder::from(side.plan).aggregate(group, aggs)?.alias(q.as_str())?.build()?;
        let scope = Scope {
            columns: side
                .scope
                .columns
                .iter()
                .enumerate()
                .map(|(m, c)| ScopeColumn { expr: df_col(Some(&q), &format!("__dv{m}")), ..c.clone() })
                .collect(),
        };
        Ok(FromResult { plan, scope })
    }
}

fn strict_on_error() -> Error {
    Error::new(
        ErrorCode::NOT_IMPLEMENTED,
        "ANY/SEMI JOIN ON supports only conjunctions of equalities between the two sides yet",
    )
}

fn unknown_using(name: &str) -> Error {
    Error::new(ErrorCode::UNKNOWN_IDENTIFIER, format!("Unknown identifier `{name}` in USING clause"))
}
