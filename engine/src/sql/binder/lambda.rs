//! Binding of higher-order calls `f(x -> body, arr…)`: the body is bound over
//! the lambda parameters (`__lp{i}`, one array element each) and the outer
//! scope; outer columns it reads become captured arguments (`__cap{j}`), so
//! `functions::higher_order::LambdaUdf` can evaluate it over flattened elements.

use std::collections::HashMap;

use datafusion::common::tree_node::{Transformed, TreeNode, TreeNodeRecursion};
use datafusion::logical_expr::Expr as DfExpr;

use super::expr::{Aliases, ExprCtx};
use super::scope::{df_col, Scope, ScopeColumn};
use super::Binder;
use crate::error::{Error, ErrorCode, Result};
use crate::functions::higher_order::{call_lambda, HigherOrderKind};
use crate::functions::{as_predicate, TypedExpr};
use crate::sql::ast::{Expr, FunctionCall};
use crate::types::ChType;

impl Binder<'_> {
    pub(super) fn bind_higher_order(&self, call: &FunctionCall, ctx: &ExprCtx) -> Result<TypedExpr> {
        let name = call.name.as_str();
        let kind = HigherOrderKind::from_name(name).ok_or_else(|| {
            Error::new(
                ErrorCode::NOT_IMPLEMENTED,
                format!("Function {name} with a lambda argument is not supported yet"),
            )
        })?;
        let (Some(Expr::Lambda { params, body }), arrays) = (call.args.first(), &call.args[1..]) else {
            return Err(Error::new(
                ErrorCode::BAD_ARGUMENTS,
                format!("First argument of function {name} must be a lambda expression"),
            ));
        };
        if arrays.is_empty() || params.len() != arrays.len() {
            return Err(Error::new(
                ErrorCode::NUMBER_OF_ARGUMENTS_DOESNT_MATCH,
                format!(
                    "Lambda of function {name} takes {} arguments, but {} arrays are passed",
                    params.len(),
                    arrays.len()
                ),
            ));
        }
        let mut bound_arrays = Vec::with_capacity(arrays.len());
        for (i, a) in arrays.iter().enumerate() {
            let v = self.bind_expr(a, ctx)?;
            if v.ty.array_element().is_none() {
                return Err(Error::new(
                    ErrorCode::ILLEGAL_TYPE_OF_ARGUMENT,
                    format!("Argument {} of function {name} must be an array. Found {} instead", i + 2, v.ty),
                ));
            }
            bound_arrays.push(v);
        }
        // Scope of the body: the parameters first, then the outer columns.
        let prefix = format!("{}p", self.fresh("__l"));
        let mut scope = Scope::default();
        for (i, (p, a)) in params.iter().zip(&bound_arrays).enumerate() {
            scope.columns.push(ScopeColumn {
                qualifier: None,
                database: None,
                name: p.clone(),
                ty: a.ty.array_element().cloned().unwrap_or(ChType::Nothing),
                expr: df_col(None, &format!("{prefix}{i}")),
                hidden: false,
            });
        }
        scope.columns.extend(ctx.scope.columns.iter().cloned());
        let mut aliases = Aliases { map: ctx.aliases.map.clone(), windows: HashMap::new() };
        for p in params {
            aliases.map.remove(p);
        }
        let inner = ExprCtx {
            scope: &scope,
            aliases: &aliases,
            expanding: ctx.expanding,
            agg: None,
            win: None,
            in_aggregate: ctx.in_aggregate,
            clause: ctx.clause,
        };
        let body = self.bind_expr(body, &inner)?;
        let body_expr = if kind.is_predicate() { as_predicate(&body)? } else { body.expr.clone() };
        // Outer columns in the body become captured arguments.
        let mut captured: Vec<DfExpr> = Vec::new();
        let rewritten = body_expr
            .transform_down(|node| {
                if let DfExpr::Column(c) = &node {
                    if c.relation.is_none() && c.name.starts_with(&prefix) {
                        return Ok(Transformed::no(node));
                    }
                    let j = match captured.iter().position(|x| *x == node) {
                        Some(j) => j,
                        None => {
                            captured.push(node.clone());
                            captured.len() - 1
                        }
                    };
                    return Ok(Transformed::new(df_col(None, &format!("__cap{j}")), true, TreeNodeRecursion::Jump));
                }
                Ok(Transformed::no(node))
            })
            .map_err(Error::from)?
            .data;
        let captured_typed = captured
            .into_iter()
            .map(|e| {
                let ty = scope.columns.iter().find(|c| c.expr == e).map(|c| c.ty.clone()).ok_or_else(|| {
                    Error::new(ErrorCode::NOT_IMPLEMENTED, "lambda captures an expression it cannot type")
                })?;
                Ok(TypedExpr::new(e, ty))
            })
            .collect::<Result<Vec<_>>>()?;
        let first_elem = bound_arrays[0].ty.array_element().cloned().unwrap_or(ChType::Nothing);
        let ret = kind.result_type(name, &first_elem, &body.ty)?;
        Ok(call_lambda(name, kind, &prefix, rewritten, bound_arrays, captured_typed, ret))
    }
}
