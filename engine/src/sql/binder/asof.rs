//! ASOF [LEFT] JOIN binding: splits `ON k1 = k2 AND … AND l.t OP r.t` (or
//! `USING (k…, t)`, meaning `l.t >= r.t`) into equality keys and the one
//! inequality, with ClickHouse's errors for the other shapes (checked with
//! chdb); casts each pair to its common type, appends the key and time
//! columns to both inputs and joins them with an [`AsofJoinNode`]
//! (exec/asof_join.rs). Unmatched left rows of ASOF LEFT JOIN read the right
//! columns as defaults, or NULL under `join_use_nulls`.

use std::sync::Arc;

use datafusion::logical_expr::{when, Expr as DfExpr, Extension, LogicalPlan, LogicalPlanBuilder};

use super::from::FromResult;
use super::scope::{Scope, ScopeColumn};
use super::Binder;
use crate::error::{Error, ErrorCode, Result};
use crate::exec::asof_join::{AsofJoinNode, AsofOp, AsofSpec};
use crate::functions::TypedExpr;
use crate::sql::ast::{Expr, JoinConstraint, JoinKind};
use crate::types::{default_value, rules, ChType};

/// Binds `l ASOF [LEFT] JOIN r` with its constraint.
pub(super) fn bind_asof(
    b: &Binder,
    l: FromResult,
    r: FromResult,
    kind: JoinKind,
    constraint: &JoinConstraint,
) -> Result<FromResult> {
    let left_outer = match kind {
        JoinKind::Inner => false,
        JoinKind::Left => true,
        _ => {
            return Err(Error::new(
                ErrorCode::NOT_IMPLEMENTED,
                "Wrong ASOF JOIN type. Only ASOF and LEFT ASOF joins are supported",
            ))
        }
    };
    // (left, right) expression pairs of the equalities, and the inequality.
    let mut equal: Vec<(TypedExpr, TypedExpr)> = Vec::new();
    let mut inequality: Vec<(TypedExpr, AsofOp, TypedExpr)> = Vec::new();
    let mut using: Vec<String> = Vec::new();
    match constraint {
        JoinConstraint::None => return Err(Error::new(ErrorCode::SYNTAX_ERROR, "ASOF JOIN requires ON or USING")),
        JoinConstraint::Using(names) => {
            for (i, n) in names.iter().enumerate() {
                let key = std::slice::from_ref(n);
                let unknown =
                    || Error::new(ErrorCode::UNKNOWN_IDENTIFIER, format!("Unknown identifier `{n}` in USING clause"));
                let lc = l.scope.resolve(key)?.ok_or_else(unknown)?;
                let rc = r.scope.resolve(key)?.ok_or_else(unknown)?;
                if i + 1 == names.len() {
                    inequality.push((lc, AsofOp::GreaterOrEquals, rc));
                } else {
                    equal.push((lc, rc));
                }
            }
            using = names.clone();
        }
        JoinConstraint::On(on) => {
            let conjuncts: Vec<&Expr> = match on {
                Expr::Function(f) if f.name == "and" => f.args.iter().collect(),
                other => vec![other],
            };
            for c in conjuncts {
                let (name, a, e) = match c {
                    Expr::Function(f) if f.args.len() == 2 => (f.name.as_str(), &f.args[0], &f.args[1]),
                    _ => return Err(unsupported_on(c)),
                };
                let op = match name {
                    "equals" => None,
                    "greaterOrEquals" => Some(AsofOp::GreaterOrEquals),
                    "greater" => Some(AsofOp::Greater),
                    "lessOrEquals" => Some(AsofOp::LessOrEquals),
                    "less" => Some(AsofOp::Less),
                    _ => return Err(unsupported_on(c)),
                };
                let side = |x: &Expr, s: &Scope| b.bind_standalone(x, s, "JOIN ON").ok();
                let (lx, rx, flipped) = if let (Some(x), Some(y)) = (side(a, &l.scope), side(e, &r.scope)) {
                    (x, y, false)
                } else if let (Some(x), Some(y)) = (side(e, &l.scope), side(a, &r.scope)) {
                    (x, y, true)
                } else {
                    return Err(Error::new(
                        ErrorCode::NOT_IMPLEMENTED,
                        format!("ASOF JOIN ON supports only comparisons between the two sides yet, got {c}"),
                    ));
                };
                match op {
                    None => equal.push((lx, rx)),
                    Some(op) => inequality.push((lx, if flipped { op.flip() } else { op }, rx)),
                }
            }
        }
    }
    if inequality.len() > 1 {
        return Err(Error::new(
            ErrorCode::INVALID_JOIN_ON_EXPRESSION,
            "ASOF join does not support multiple inequality predicates in JOIN ON expression",
        ));
    }
    let Some((lt, op, rt)) = inequality.pop() else {
        return Err(Error::new(
            ErrorCode::INVALID_JOIN_ON_EXPRESSION,
            "ASOF join requires one inequality predicate (<, <=, > or >=) in the JOIN ON expression, in addition to the equality predicates",
        ));
    };
    if equal.is_empty() {
        return Err(Error::new(
            ErrorCode::NOT_IMPLEMENTED,
            "ASOF join with hash algorithm needs at least one equi-join column",
        ));
    }
    let time_ty = rules::common_supertype(&[lt.ty.clone(), rt.ty.clone()])?;
    let base = time_ty.base();
    if !(base.is_numeric() || base.is_date_or_datetime()) || matches!(base, ChType::Bool) {
        return Err(Error::new(ErrorCode::BAD_TYPE_OF_FIELD, format!("ASOF join not supported for type: {base}")));
    }
    let p = b.fresh("__asof");
    let mut lx = Vec::new();
    let mut rx = Vec::new();
    for (i, (a, c)) in equal.into_iter().enumerate() {
        let ty = rules::common_supertype(&[a.ty.clone(), c.ty.clone()])?;
        lx.push(b.cast(a, &ty)?.expr.alias(format!("{p}_lk{i}")));
        rx.push(b.cast(c, &ty)?.expr.alias(format!("{p}_rk{i}")));
    }
    let nkeys = lx.len();
    lx.push(b.cast(lt, &time_ty)?.expr.alias(format!("{p}_lt")));
    rx.push(b.cast(rt, &time_ty)?.expr.alias(format!("{p}_rt")));
    let extend = |plan: LogicalPlan, extra: Vec<DfExpr>| -> Result<(LogicalPlan, usize)> {
        let mut cols: Vec<DfExpr> = plan.schema().columns().into_iter().map(DfExpr::Column).collect();
        let n = cols.len();
        cols.extend(extra);
        Ok((LogicalPlanBuilder::from(plan).project(cols)?.build()?, n))
    };
    let (lp, ln) = extend(l.plan, lx)?;
    let (rp, rn) = extend(r.plan, rx)?;
    let spec = AsofSpec {
        left_keys: (ln..ln + nkeys).collect(),
        right_keys: (rn..rn + nkeys).collect(),
        left_time: ln + nkeys,
        right_time: rn + nkeys,
        op,
        left_outer,
    };
    let plan = LogicalPlan::Extension(Extension { node: Arc::new(AsofJoinNode::new(lp, rp, spec)?) });

    let use_nulls = b.settings.get_bool("join_use_nulls");
    let mut scope = Scope::default();
    scope.columns.extend(l.scope.columns.iter().cloned());
    for c in &r.scope.columns {
        let mut c: ScopeColumn = c.clone();
        if left_outer {
            if use_nulls {
                c.ty = c.ty.clone().nullable();
            } else if !c.ty.is_nullable() {
                let d = default_value(&c.ty)?;
                c.expr = when(c.expr.clone().is_null(), DfExpr::Literal(d, None)).otherwise(c.expr.clone())?;
            }
        }
        if using.contains(&c.name) {
            c.hidden = true;
        }
        scope.columns.push(c);
    }
    Ok(FromResult { plan, scope })
}

fn unsupported_on(c: &Expr) -> Error {
    Error::new(
        ErrorCode::INVALID_JOIN_ON_EXPRESSION,
        format!(
            "ASOF join requires one inequality predicate (<, <=, > or >=) in the JOIN ON expression, in addition to the equality predicates, but only found: {c}"
        ),
    )
}
