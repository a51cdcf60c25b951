//! Expression binding: identifiers (aliases first, then columns), literals
//! with ClickHouse's literal types, function calls through the registry,
//! aggregates (collected into the enclosing SELECT's aggregation), CAST,
//! IN, and scalar subqueries.

use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::Arc;

use datafusion::logical_expr::expr::{AggregateFunction, InList, WindowFunction};
use datafusion::logical_expr::{Expr as DfExpr, Subquery};
use datafusion::logical_expr::{WindowFrame, WindowFrameBound, WindowFrameUnits, WindowFunctionDefinition};
use datafusion::scalar::ScalarValue;

use super::scope::{df_col, Scope};
use super::Binder;
use crate::aggregates::{self, AggregateContext};
use crate::error::{Error, ErrorCode, Result};
use crate::functions::{self, conversion, FunctionContext, TypedExpr};
use crate::sql::ast::{Expr, FrameBound, FunctionCall, Literal, WindowSpec};
use crate::types::{parse_type, rules, ChType};

/// Aggregates found while binding one SELECT level: each distinct call once,
/// read back as column `__a{i}` of the Aggregate node.
#[derive(Debug, Default)]
pub struct AggCollector {
    pub aggs: Vec<(DfExpr, ChType)>,
}

impl AggCollector {
    fn add(&mut self, e: DfExpr, ty: ChType) -> String {
        let i = match self.aggs.iter().position(|(x, _)| *x == e) {
            Some(i) => i,
            None => {
                self.aggs.push((e, ty));
                self.aggs.len() - 1
            }
        };
        format!("__a{i}")
    }
}

/// Window functions found while binding one SELECT level, read back as `__w{i}`.
#[derive(Debug, Default)]
pub struct WinCollector {
    pub exprs: Vec<(DfExpr, ChType)>,
}

impl WinCollector {
    fn add(&mut self, e: DfExpr, ty: ChType) -> String {
        let i = match self.exprs.iter().position(|(x, _)| *x == e) {
            Some(i) => i,
            None => {
                self.exprs.push((e, ty));
                self.exprs.len() - 1
            }
        };
        format!("__w{i}")
    }
}

/// Aliases visible in one SELECT: name → expression (from `WITH x AS n` and
/// `expr AS n`), and the named windows of its WINDOW clause.
#[derive(Debug, Default, Clone)]
pub struct Aliases {
    pub map: HashMap<String, Expr>,
    pub windows: HashMap<String, WindowSpec>,
}

/// Everything expression binding needs to know about where it is.
pub struct ExprCtx<'s> {
    pub scope: &'s Scope,
    pub aliases: &'s Aliases,
    /// Aliases being expanded (an alias's own name inside it means the column).
    pub expanding: &'s RefCell<Vec<String>>,
    /// Where aggregates go; None where they are not allowed (WHERE, GROUP BY, ON).
    pub agg: Option<&'s RefCell<AggCollector>>,
    /// Where window functions go; None where they are not allowed.
    pub win: Option<&'s RefCell<WinCollector>>,
    /// Inside an aggregate's arguments (nested aggregates are an error).
    pub in_aggregate: bool,
    /// The clause being bound, for messages ("WHERE").
    pub clause: &'static str,
}

impl<'s> ExprCtx<'s> {
    fn with_agg_args(&self) -> ExprCtx<'s> {
        ExprCtx {
            scope: self.scope,
            aliases: self.aliases,
            expanding: self.expanding,
            agg: None,
            win: None,
            in_aggregate: true,
            clause: self.clause,
        }
    }

    fn for_window_args(&self) -> ExprCtx<'s> {
        ExprCtx {
            scope: self.scope,
            aliases: self.aliases,
            expanding: self.expanding,
            agg: self.agg,
            win: None,
            in_aggregate: self.in_aggregate,
            clause: self.clause,
        }
    }
}

/// The literal's value and ClickHouse type (`1` is UInt8, `-1` Int8, `1.5` Float64, `NULL` Nullable(Nothing)).
pub fn literal_value(lit: &Literal) -> Result<(ScalarValue, ChType)> {
    Ok(match lit {
        Literal::Null => (ScalarValue::Null, ChType::Nullable(Box::new(ChType::Nothing))),
        Literal::Bool(b) => (ScalarValue::Boolean(Some(*b)), ChType::Bool),
        Literal::UInt(v) => uint_literal(*v),
        Literal::Int(v) => {
            if *v >= 0 {
                uint_literal(*v as u64)
            } else if *v >= i8::MIN as i64 {
                (ScalarValue::Int8(Some(*v as i8)), ChType::Int8)
            } else if *v >= i16::MIN as i64 {
                (ScalarValue::Int16(Some(*v as i16)), ChType::Int16)
            } else if *v >= i32::MIN as i64 {
                (ScalarValue::Int32(Some(*v as i32)), ChType::Int32)
            } else {
                (ScalarValue::Int64(Some(*v)), ChType::Int64)
            }
        }
        Literal::Float(f) | Literal::ExactFloat(f, _) => (ScalarValue::Float64(Some(*f)), ChType::Float64),
        Literal::BigInt(s) => {
            let f: f64 = s.parse().map_err(|_| {
                Error::new(ErrorCode::NOT_IMPLEMENTED, format!("Integer literal {s} does not fit in 64 bits"))
            })?;
            (ScalarValue::Float64(Some(f)), ChType::Float64)
        }
        Literal::String(b) => (ScalarValue::BinaryView(Some(b.clone())), ChType::String),
    })
}

fn uint_literal(v: u64) -> (ScalarValue, ChType) {
    if v <= u8::MAX as u64 {
        (ScalarValue::UInt8(Some(v as u8)), ChType::UInt8)
    } else if v <= u16::MAX as u64 {
        (ScalarValue::UInt16(Some(v as u16)), ChType::UInt16)
    } else if v <= u32::MAX as u64 {
        (ScalarValue::UInt32(Some(v as u32)), ChType::UInt32)
    } else {
        (ScalarValue::UInt64(Some(v)), ChType::UInt64)
    }
}

/// A literal as a bound expression.
pub fn lit_expr(value: ScalarValue, ty: ChType) -> TypedExpr {
    TypedExpr::new(DfExpr::Literal(value, None), ty)
}

/// `dateAdd(day, n, t)` / `dateSub(…)` / `timestamp_add(…)` with the unit
/// written as a keyword: ClickHouse reads it as `plus(t, toIntervalDay(n))`
/// (`minus` for the Sub forms). With a quoted unit the call stays as written.
fn date_add_with_unit(call: &FunctionCall) -> Option<Expr> {
    let lower = call.name.to_ascii_lowercase();
    let op = match lower.as_str() {
        "dateadd" | "date_add" | "timestamp_add" | "timestampadd" => "plus",
        "datesub" | "date_sub" | "timestamp_sub" | "timestampsub" => "minus",
        _ => return None,
    };
    let [Expr::Identifier(unit), n, t] = call.args.as_slice() else { return None };
    let [unit] = unit.as_slice() else { return None };
    let kind = crate::types::IntervalKind::from_keyword(unit)?;
    let interval = Expr::call(format!("toInterval{}", kind.name()), vec![n.clone()]);
    Some(Expr::call(op, vec![t.clone(), interval]))
}

/// `(a, b) IN ((1, 2), (3, 4))` as `(a = 1 AND b = 2) OR (a = 3 AND b = 4)`
/// (negated for NOT IN), when the left side is written as a tuple.
fn tuple_in_list(left: &Expr, right: &Expr, negated: bool) -> Option<Expr> {
    let Expr::Function(l) = left else { return None };
    if l.name != "tuple" || l.args.is_empty() {
        return None;
    }
    let items: Vec<&Expr> = match right {
        Expr::Function(f)
            if f.name == "tuple" && f.args.iter().all(|a| matches!(a, Expr::Function(t) if t.name == "tuple")) =>
        {
            f.args.iter().collect()
        }
        Expr::Function(f) if f.name == "tuple" && f.args.len() == l.args.len() => vec![right],
        _ => return None,
    };
    let mut alternatives = Vec::new();
    for it in items {
        let Expr::Function(t) = it else { return None };
        if t.args.len() != l.args.len() {
            return None;
        }
        let eqs: Vec<Expr> =
            l.args.iter().zip(&t.args).map(|(a, b)| Expr::call("equals", vec![a.clone(), b.clone()])).collect();
        alternatives.push(if eqs.len() == 1 { eqs[0].clone() } else { Expr::call("and", eqs) });
    }
    let any = if alternatives.len() == 1 { alternatives.pop()? } else { Expr::call("or", alternatives) };
    Some(if negated { Expr::call("not", vec![any]) } else { any })
}

fn nullable_identity(k: &functions::KernelArgs) -> datafusion::error::Result<datafusion::logical_expr::ColumnarValue> {
    Ok(k.args[0].clone())
}

fn is_in_function(name: &str) -> bool {
    matches!(
        name,
        "in" | "notIn" | "globalIn" | "globalNotIn" | "nullIn" | "notNullIn" | "globalNullIn" | "globalNotNullIn"
    )
}

impl Binder<'_> {
    /// A function context for calling `name`.
    pub fn fctx_for(&self, name: &str) -> FunctionContext {
        let mut c = self.fctx.clone();
        c.name = name.to_string();
        c
    }

    /// Converts with ClickHouse CAST semantics.
    pub fn cast(&self, e: TypedExpr, to: &ChType) -> Result<TypedExpr> {
        if &e.ty == to {
            return Ok(e);
        }
        conversion::cast(&self.fctx_for("CAST"), e, to)
    }

    /// Binds an expression.
    pub fn bind_expr(&self, e: &Expr, ctx: &ExprCtx) -> Result<TypedExpr> {
        match e {
            Expr::Literal(l) => {
                let (v, t) = literal_value(l)?;
                Ok(match l {
                    // The digits travel with the value for conversions that parse them (INSERT, `::`).
                    Literal::ExactFloat(_, text) | Literal::BigInt(text) => {
                        TypedExpr::new(conversion::float_literal_with_text(v, text), t)
                    }
                    _ => lit_expr(v, t),
                })
            }
            Expr::Identifier(parts) => self.bind_identifier(parts, ctx),
            Expr::Alias { expr, alias } => {
                ctx.expanding.borrow_mut().push(alias.clone());
                let r = self.bind_expr(expr, ctx);
                ctx.expanding.borrow_mut().pop();
                r
            }
            Expr::Function(call) => self.bind_function(call, ctx),
            Expr::Cast { expr, type_name, syntax } => {
                let ty = parse_type(type_name)?;
                let v = self.bind_expr(expr, ctx)?;
                let by_text = matches!(syntax, crate::sql::ast::CastSyntax::Operator);
                conversion::cast_explicit(&self.fctx_for("CAST"), v, &ty, by_text)
            }
            Expr::Subquery(q) => self.bind_scalar_subquery(q),
            Expr::Asterisk { .. } | Expr::Columns(_) => {
                Err(Error::new(ErrorCode::UNEXPECTED_EXPRESSION, format!("Asterisk is not allowed here: {e}")))
            }
            Expr::Lambda { .. } => Err(Error::new(
                ErrorCode::NOT_IMPLEMENTED,
                format!("Lambda expressions are not supported here yet: {e}"),
            )),
            Expr::Parameter { name, type_name } => {
                let Some(text) = self.param(name) else {
                    return Err(Error::new(
                        ErrorCode::UNKNOWN_QUERY_PARAMETER,
                        format!("Substitution `{name}` is not set"),
                    ));
                };
                // The value is parsed now, as ClickHouse does, and becomes a literal.
                let ty = parse_type(type_name)?;
                let input = arrow::array::BinaryViewArray::from_iter_values([text.as_bytes()]);
                let opts =
                    crate::formats::text::TextOptions { timezone: self.fctx.timezone.clone(), ..Default::default() };
                let parsed =
                    crate::formats::parse::parse_column(&input, &ty, &opts, crate::formats::parse::OnError::Throw)
                        .and_then(|a| Ok(ScalarValue::try_from_array(&a, 0)?))
                        .map_err(|e| {
                            Error::new(
                                ErrorCode::BAD_QUERY_PARAMETER,
                                format!(
                                    "Value {text} cannot be parsed as {ty} for query parameter '{name}': {}",
                                    e.message()
                                ),
                            )
                        })?;
                Ok(lit_expr(parsed, ty))
            }
        }
    }

    fn bind_identifier(&self, parts: &[String], ctx: &ExprCtx) -> Result<TypedExpr> {
        if let [name] = parts {
            if let Some(aliased) = ctx.aliases.map.get(name) {
                if !ctx.expanding.borrow().iter().any(|n| n == name) {
                    ctx.expanding.borrow_mut().push(name.clone());
                    let r = self.bind_expr(aliased, ctx);
                    ctx.expanding.borrow_mut().pop();
                    return r;
                }
            }
        }
        if let Some(t) = ctx.scope.resolve(parts)? {
            return Ok(t);
        }
        // `t.field` on a tuple column, `m.key`-style access is not ClickHouse; only tuples.
        if parts.len() == 2 {
            if let Some(base) = ctx.scope.resolve(&parts[..1])? {
                if matches!(base.ty.base(), ChType::Tuple(..)) {
                    let (v, t) = literal_value(&Literal::String(parts[1].as_bytes().to_vec()))?;
                    return self.call_scalar("tupleElement", vec![base, lit_expr(v, t)]);
                }
            }
        }
        Err(Error::new(
            ErrorCode::UNKNOWN_IDENTIFIER,
            format!("Unknown expression identifier `{}` in scope {}", parts.join("."), ctx.clause),
        ))
    }

    /// Calls a registered scalar function on bound arguments.
    pub fn call_scalar(&self, name: &str, args: Vec<TypedExpr>) -> Result<TypedExpr> {
        self.functions.bind_scalar(&self.fctx_for(name), args)
    }

    fn bind_args(&self, args: &[Expr], ctx: &ExprCtx) -> Result<Vec<TypedExpr>> {
        args.iter().map(|a| self.bind_expr(a, ctx)).collect()
    }

    fn bind_function(&self, call: &FunctionCall, ctx: &ExprCtx) -> Result<TypedExpr> {
        let name = call.name.as_str();
        if call.over.is_some() {
            return self.bind_window(call, ctx);
        }
        if is_in_function(name) {
            return self.bind_in(call, ctx);
        }
        if let Some(rewritten) = date_add_with_unit(call) {
            return self.bind_expr(&rewritten, ctx);
        }
        if name.eq_ignore_ascii_case("exists") {
            return self.bind_exists(call);
        }
        if aggregates::is_aggregate(self.functions, name) {
            return self.bind_aggregate(call, ctx);
        }
        if call.params.is_some() {
            return Err(Error::new(
                ErrorCode::UNKNOWN_AGGREGATE_FUNCTION,
                format!("Unknown aggregate function {name}"),
            ));
        }
        if call.args.iter().any(|a| matches!(a, Expr::Lambda { .. })) {
            return self.bind_higher_order(call, ctx);
        }
        if name == "arrayJoin" {
            return Err(Error::new(
                ErrorCode::NOT_IMPLEMENTED,
                "arrayJoin is supported only in the SELECT list; use ARRAY JOIN",
            ));
        }
        let args = self.bind_args(&call.args, ctx)?;
        self.functions.bind_scalar(&self.fctx_for(name), args).map_err(|e| {
            if e.error_code() == ErrorCode::UNKNOWN_FUNCTION {
                Error::new(
                    ErrorCode::UNKNOWN_FUNCTION,
                    format!("Function with name '{name}' does not exist. In scope {}", ctx.clause),
                )
            } else {
                e
            }
        })
    }

    fn bind_aggregate(&self, call: &FunctionCall, ctx: &ExprCtx) -> Result<TypedExpr> {
        let name = &call.name;
        let Some(collector) = ctx.agg else {
            if ctx.in_aggregate {
                return Err(Error::new(
                    ErrorCode::ILLEGAL_AGGREGATION,
                    format!("Aggregate function {name} is found inside another aggregate function in query"),
                ));
            }
            return Err(Error::new(
                ErrorCode::ILLEGAL_AGGREGATION,
                format!("Aggregate function {name} is found in {} in query", ctx.clause),
            ));
        };
        let bound = self.bind_aggregate_call(call, ctx)?;
        let e = DfExpr::AggregateFunction(AggregateFunction::new_udf(
            bound.udaf,
            bound.args,
            bound.distinct,
            bound.filter.map(Box::new),
            vec![],
            None,
        ));
        let col = collector.borrow_mut().add(e, bound.ty.clone());
        Ok(TypedExpr::new(df_col(None, &col), bound.ty))
    }

    /// Binds an aggregate's parameters and arguments (without collecting it).
    fn bind_aggregate_call(&self, call: &FunctionCall, ctx: &ExprCtx) -> Result<aggregates::BoundAggregate> {
        let name = &call.name;
        if ctx.in_aggregate {
            return Err(Error::new(
                ErrorCode::ILLEGAL_AGGREGATION,
                format!("Aggregate function {name} is found inside another aggregate function in query"),
            ));
        }
        let mut params = Vec::new();
        for p in call.params.iter().flatten() {
            let v = self.bind_expr(p, &ctx.with_agg_args())?;
            match v.literal() {
                Some(s) => params.push(s.clone()),
                None => {
                    return Err(Error::new(
                        ErrorCode::BAD_ARGUMENTS,
                        format!(
                        "Parameters to aggregate functions must be literals. Got parameter '{p}' of function {name}"
                    ),
                    ))
                }
            }
        }
        let args = self.bind_args(&call.args, &ctx.with_agg_args())?;
        let actx = AggregateContext {
            name: name.clone(),
            params,
            distinct: call.distinct,
            null_for_empty: self.settings.get_bool("aggregate_functions_null_for_empty"),
        };
        aggregates::bind(self.functions, &actx, args).ok_or_else(|| {
            Error::new(ErrorCode::UNKNOWN_FUNCTION, format!("Function with name '{name}' does not exist"))
        })?
    }

    /// `x IN (list)`, `x IN (subquery)`, `x IN table`.
    fn bind_in(&self, call: &FunctionCall, ctx: &ExprCtx) -> Result<TypedExpr> {
        let name = call.name.as_str();
        if call.args.len() != 2 {
            return Err(Error::new(
                ErrorCode::NUMBER_OF_ARGUMENTS_DOESNT_MATCH,
                format!(
                    "Number of arguments for function {name} doesn't match: passed {}, should be 2",
                    call.args.len()
                ),
            ));
        }
        let negated = name.contains("Not") || name.starts_with("not");
        if let Some(rewritten) = tuple_in_list(&call.args[0], &call.args[1], negated) {
            return self.bind_expr(&rewritten, ctx);
        }
        let left = self.bind_expr(&call.args[0], ctx)?;
        if let (ChType::Tuple(elems, _), Expr::Subquery(q)) = (left.ty.base().clone(), &call.args[1]) {
            return self.bind_tuple_in_subquery(left, &elems, q, negated);
        }
        if matches!(left.ty.base(), ChType::Tuple(..)) {
            return Err(Error::new(
                ErrorCode::NOT_IMPLEMENTED,
                "IN with a tuple on the left is supported for literal lists and subqueries only",
            ));
        }
        let rhs = &call.args[1];
        let subquery = match rhs {
            Expr::Subquery(q) => Some(self.bind_query(q)?),
            Expr::Identifier(parts)
                if ctx.scope.resolve(parts)?.is_none() && !ctx.aliases.map.contains_key(&parts[0]) =>
            {
                let (db, t) = match parts.as_slice() {
                    [t] => (self.database().to_string(), t.clone()),
                    [d, t] => (d.clone(), t.clone()),
                    _ => {
                        return Err(Error::new(ErrorCode::UNKNOWN_TABLE, format!("Unknown table {}", parts.join("."))))
                    }
                };
                let q = crate::sql::ast::SelectQuery::Select(Box::new(crate::sql::ast::Select {
                    projection: vec![Expr::Asterisk { qualifier: vec![], except: vec![] }],
                    from: Some(crate::sql::ast::TableExpr::Table {
                        database: Some(db),
                        name: t,
                        alias: None,
                        final_: false,
                        sample: None,
                    }),
                    ..Default::default()
                }));
                Some(self.bind_query(&q)?)
            }
            _ => None,
        };
        if let Some(sq) = subquery {
            if sq.columns.len() != 1 {
                return Err(Error::new(
                    ErrorCode::NUMBER_OF_COLUMNS_DOESNT_MATCH,
                    format!(
                        "Number of columns in section IN doesn't match. {} at left, {} at right",
                        1,
                        sq.columns.len()
                    ),
                ));
            }
            let common = rules::common_supertype(&[left.ty.clone(), sq.columns[0].ty.clone()])?;
            let common_base = common.remove_nullable();
            let l = self.cast(
                left.clone(),
                &if left.ty.is_nullable() { common_base.clone().nullable() } else { common_base.clone() },
            )?;
            let plan = self.cast_single_column(sq, &common_base)?;
            return self.in_subquery_set(l, plan, ChType::Array(Box::new(common_base)), negated);
        }
        // A list: tuple(...) / array(...) / a single value.
        let items: Vec<&Expr> = match rhs {
            Expr::Function(f) if f.name == "tuple" || f.name == "array" => f.args.iter().collect(),
            other => vec![other],
        };
        let mut bound = Vec::with_capacity(items.len());
        for it in items {
            let b = self.bind_expr(it, ctx)?;
            if b.literal().is_none() {
                return Err(Error::new(ErrorCode::NOT_IMPLEMENTED, "IN with a non-constant list is not supported yet"));
            }
            bound.push(b);
        }
        let mut tys: Vec<ChType> = bound.iter().map(|b| b.ty.clone()).collect();
        tys.push(left.ty.clone());
        // Elements convert to the common type, or (strings against dates and the
        // like) to the left side's type, as ClickHouse converts the set.
        let common = match rules::common_supertype(&tys) {
            Ok(t) => t.remove_nullable(),
            Err(_) => left.ty.remove_nullable(),
        };
        let l =
            self.cast(left.clone(), &if left.ty.is_nullable() { common.clone().nullable() } else { common.clone() })?;
        let mut list = Vec::with_capacity(bound.len());
        for b in bound {
            if b.ty.is_nothing() {
                continue; // NULL in the set never matches (transform_null_in = 0)
            }
            list.push(self.cast(b, &common)?.expr);
        }
        if list.is_empty() {
            // Only NULLs in the set: nothing matches; a NULL probe stays NULL.
            let none = DfExpr::Literal(ScalarValue::Boolean(Some(negated)), None);
            let e = datafusion::logical_expr::when(l.expr.is_null(), DfExpr::Literal(ScalarValue::Boolean(None), None))
                .otherwise(none)?;
            return Ok(functions::from_bool(e));
        }
        let e = DfExpr::InList(InList::new(Box::new(l.expr), list, negated));
        Ok(functions::from_bool(e))
    }

    /// `(a, b) IN (SELECT x, y …)`: the subquery's columns become one tuple
    /// column (converted to the left side's element types) and a DataFusion
    /// IN-subquery compares whole tuples.
    fn bind_tuple_in_subquery(
        &self,
        left: TypedExpr,
        elems: &[ChType],
        q: &crate::sql::ast::SelectQuery,
        negated: bool,
    ) -> Result<TypedExpr> {
        let sq = self.bind_query(q)?;
        if sq.columns.len() != elems.len() {
            return Err(Error::new(
                ErrorCode::NUMBER_OF_COLUMNS_DOESNT_MATCH,
                format!(
                    "Number of columns in section IN doesn't match. {} at left, {} at right",
                    elems.len(),
                    sq.columns.len()
                ),
            ));
        }
        let mut parts = Vec::with_capacity(elems.len());
        for (i, (c, t)) in sq.columns.iter().zip(elems).enumerate() {
            let col = TypedExpr::new(df_col(None, &format!("__c{i}")), c.ty.clone());
            parts.push(self.cast(col, t)?);
        }
        let tuple = self.call_scalar("tuple", parts)?;
        let left = self.cast(left.clone(), &tuple.ty).unwrap_or(left);
        let set_ty = ChType::Array(Box::new(tuple.ty.clone()));
        let plan = datafusion::logical_expr::LogicalPlanBuilder::from(sq.plan)
            .project(vec![tuple.expr.alias("__c0")])?
            .build()?;
        self.in_subquery_set(left, plan, set_ty, negated)
    }

    /// `probe [NOT] IN plan` (a one-column plan named `__c0`): the plan's
    /// distinct values as one array, probed by `plan::in_set`.
    fn in_subquery_set(
        &self,
        probe: TypedExpr,
        plan: datafusion::logical_expr::LogicalPlan,
        set_ty: ChType,
        negated: bool,
    ) -> Result<TypedExpr> {
        // DataFusion's own array_agg gathers any type (tuples too); it is
        // internal here, never a ClickHouse name.
        let agg = DfExpr::AggregateFunction(AggregateFunction::new_udf(
            datafusion::functions_aggregate::array_agg::array_agg_udaf(),
            vec![df_col(None, "__c0")],
            true,
            None,
            vec![],
            None,
        ));
        let set_plan = datafusion::logical_expr::LogicalPlanBuilder::from(plan)
            .aggregate(Vec::<DfExpr>::new(), vec![agg.alias("__set")])?
            .build()?;
        let set = DfExpr::ScalarSubquery(Subquery {
            subquery: Arc::new(set_plan),
            outer_ref_columns: vec![],
            spans: Default::default(),
        });
        let test = crate::plan::in_set::in_set(probe, TypedExpr::new(set, set_ty))?;
        Ok(functions::from_bool(if negated { DfExpr::Not(Box::new(test)) } else { test }))
    }

    fn bind_exists(&self, call: &FunctionCall) -> Result<TypedExpr> {
        let [Expr::Subquery(q)] = call.args.as_slice() else {
            return Err(Error::new(ErrorCode::BAD_ARGUMENTS, "Function exists expects a subquery"));
        };
        // EXISTS(q) = (SELECT count() FROM (q LIMIT 1)) > 0, as a scalar subquery
        // (DataFusion plans EXISTS only inside filters).
        let sq = self.bind_query(q)?;
        let count = datafusion::functions_aggregate::count::count(datafusion::logical_expr::lit(1u8)).alias("__c0");
        let plan = datafusion::logical_expr::LogicalPlanBuilder::from(sq.plan)
            .limit(0, Some(1))?
            .aggregate(Vec::<DfExpr>::new(), vec![count])?
            .build()?;
        let e = DfExpr::ScalarSubquery(Subquery {
            subquery: Arc::new(plan),
            outer_ref_columns: vec![],
            spans: Default::default(),
        });
        Ok(functions::from_bool(e.gt(datafusion::logical_expr::lit(0i64))))
    }

    fn bind_scalar_subquery(&self, q: &crate::sql::ast::SelectQuery) -> Result<TypedExpr> {
        let mut sq = self.bind_query(q)?;
        if sq.columns.len() != 1 {
            // Several columns: ClickHouse returns them as one tuple.
            let parts: Vec<TypedExpr> = sq
                .columns
                .iter()
                .enumerate()
                .map(|(i, c)| TypedExpr::new(df_col(None, &format!("__c{i}")), c.ty.clone()))
                .collect();
            let tuple = self.call_scalar("tuple", parts)?;
            sq.plan = datafusion::logical_expr::LogicalPlanBuilder::from(sq.plan)
                .project(vec![tuple.expr.alias("__c0")])?
                .build()?;
            sq.columns = vec![super::OutputColumn { name: "_subquery_1".into(), ty: tuple.ty }];
        }
        // A scalar subquery may return no row: ClickHouse types it Nullable.
        let ty = sq.columns[0].ty.clone().nullable();
        let e = DfExpr::ScalarSubquery(Subquery {
            subquery: Arc::new(sq.plan),
            outer_ref_columns: vec![],
            spans: Default::default(),
        });
        // DataFusion takes the subquery column's nullability; no row gives NULL,
        // so pass the value through a (nullable) identity function.
        functions::udf::call("__scalarSubquery", nullable_identity, vec![TypedExpr::new(e, ty.clone())], ty)
    }

    /// The plan of a one-column query with its column converted to `ty`.
    fn cast_single_column(&self, sq: super::BoundQuery, ty: &ChType) -> Result<datafusion::logical_expr::LogicalPlan> {
        let col = TypedExpr::new(df_col(None, "__c0"), sq.columns[0].ty.clone());
        let c = self.cast(col, ty)?;
        let plan =
            datafusion::logical_expr::LogicalPlanBuilder::from(sq.plan).project(vec![c.expr.alias("__c0")])?.build()?;
        Ok(plan)
    }
}

fn frame_bound(b: &FrameBound, rows: bool) -> Result<WindowFrameBound> {
    let offset = |e: &Expr| -> Result<ScalarValue> {
        match e {
            Expr::Literal(Literal::UInt(n)) if rows => Ok(ScalarValue::UInt64(Some(*n))),
            _ => Err(Error::new(ErrorCode::NOT_IMPLEMENTED, format!("Window frame offset {e} is not supported yet"))),
        }
    };
    Ok(match b {
        FrameBound::UnboundedPreceding => WindowFrameBound::Preceding(ScalarValue::UInt64(None)),
        FrameBound::Preceding(e) => WindowFrameBound::Preceding(offset(e)?),
        FrameBound::CurrentRow => WindowFrameBound::CurrentRow,
        FrameBound::Following(e) => WindowFrameBound::Following(offset(e)?),
        FrameBound::UnboundedFollowing => WindowFrameBound::Following(ScalarValue::UInt64(None)),
    })
}

impl Binder<'_> {
    /// `f(args) OVER (PARTITION BY … ORDER BY … frame)`: a window function or an
    /// aggregate over a window, collected as `__w{i}`.
    fn bind_window(&self, call: &FunctionCall, ctx: &ExprCtx) -> Result<TypedExpr> {
        let name = call.name.as_str();
        let Some(collector) = ctx.win else {
            return Err(Error::new(
                ErrorCode::ILLEGAL_AGGREGATION,
                format!("Window function {name} is found in {} in query", ctx.clause),
            ));
        };
        let Some(own) = &call.over else {
            return Err(Error::new(ErrorCode::LOGICAL_ERROR, "window without OVER"));
        };
        let mut spec = own.clone();
        if let Some(base) = &own.base {
            let named =
                ctx.aliases.windows.get(base).ok_or_else(|| {
                    Error::new(ErrorCode::UNKNOWN_IDENTIFIER, format!("Window '{base}' is not defined"))
                })?;
            if spec.partition_by.is_empty() {
                spec.partition_by = named.partition_by.clone();
            }
            if spec.order_by.is_empty() {
                spec.order_by = named.order_by.clone();
            }
            if spec.frame.is_none() {
                spec.frame = named.frame.clone();
            }
        }
        let inner = ctx.for_window_args();
        let partition_by =
            spec.partition_by.iter().map(|e| Ok(self.bind_expr(e, &inner)?.expr)).collect::<Result<Vec<_>>>()?;
        let mut order_by = Vec::new();
        for o in &spec.order_by {
            let e = self.bind_expr(&o.expr, &inner)?;
            order_by.push(datafusion::logical_expr::SortExpr::new(e.expr, !o.desc, o.nulls_first.unwrap_or(false)));
        }
        let frame = match &spec.frame {
            None => WindowFrame::new(if order_by.is_empty() { None } else { Some(false) }),
            Some((rows, start, end)) => WindowFrame::new_bounds(
                if *rows { WindowFrameUnits::Rows } else { WindowFrameUnits::Range },
                frame_bound(start, *rows)?,
                frame_bound(end, *rows)?,
            ),
        };
        use datafusion::functions_window as fw;
        let (fun, args, ty): (WindowFunctionDefinition, Vec<DfExpr>, ChType) = match name {
            "row_number" | "rank" | "dense_rank" | "denseRank" | "percent_rank" | "percentRank" | "cume_dist" => {
                if !call.args.is_empty() {
                    return Err(Error::new(
                        ErrorCode::NUMBER_OF_ARGUMENTS_DOESNT_MATCH,
                        format!("Function {name} takes no arguments"),
                    ));
                }
                let (udwf, ty) = match name {
                    "row_number" => (fw::row_number::row_number_udwf(), ChType::UInt64),
                    "rank" => (fw::rank::rank_udwf(), ChType::UInt64),
                    "dense_rank" | "denseRank" => (fw::rank::dense_rank_udwf(), ChType::UInt64),
                    "percent_rank" | "percentRank" => (fw::rank::percent_rank_udwf(), ChType::Float64),
                    _ => (fw::cume_dist::cume_dist_udwf(), ChType::Float64),
                };
                (WindowFunctionDefinition::WindowUDF(udwf), vec![], ty)
            }
            "ntile" => {
                let args = self.bind_args(&call.args, &inner)?;
                let a = args.into_iter().next().ok_or_else(|| {
                    Error::new(ErrorCode::NUMBER_OF_ARGUMENTS_DOESNT_MATCH, "Function ntile takes one argument")
                })?;
                let a = self.cast(a, &ChType::UInt64)?;
                (WindowFunctionDefinition::WindowUDF(fw::ntile::ntile_udwf()), vec![a.expr], ChType::UInt64)
            }
            "first_value" | "last_value" | "nth_value" => {
                let args = self.bind_args(&call.args, &inner)?;
                let Some(first) = args.first() else {
                    return Err(Error::new(
                        ErrorCode::NUMBER_OF_ARGUMENTS_DOESNT_MATCH,
                        format!("Function {name} needs an argument"),
                    ));
                };
                let ty = first.ty.clone();
                let udwf = match name {
                    "first_value" => fw::nth_value::first_value_udwf(),
                    "last_value" => fw::nth_value::last_value_udwf(),
                    _ => fw::nth_value::nth_value_udwf(),
                };
                let mut exprs = vec![first.expr.clone()];
                if name == "nth_value" {
                    let n = args.get(1).cloned().ok_or_else(|| {
                        Error::new(
                            ErrorCode::NUMBER_OF_ARGUMENTS_DOESNT_MATCH,
                            "Function nth_value takes two arguments",
                        )
                    })?;
                    exprs.push(self.cast(n, &ChType::Int64)?.expr);
                }
                (WindowFunctionDefinition::WindowUDF(udwf), exprs, ty)
            }
            "lag" | "lead" | "lagInFrame" | "leadInFrame" => {
                let args = self.bind_args(&call.args, &inner)?;
                let Some(first) = args.first().cloned() else {
                    return Err(Error::new(
                        ErrorCode::NUMBER_OF_ARGUMENTS_DOESNT_MATCH,
                        format!("Function {name} needs an argument"),
                    ));
                };
                let ty = first.ty.clone();
                let mut exprs = vec![first.expr];
                let offset = match args.get(1) {
                    Some(o) => self.cast(o.clone(), &ChType::Int64)?.expr,
                    None => DfExpr::Literal(ScalarValue::Int64(Some(1)), None),
                };
                exprs.push(offset);
                let default = match args.get(2) {
                    Some(d) => self.cast(d.clone(), &ty)?.expr,
                    None => DfExpr::Literal(crate::types::default_value(&ty)?, None),
                };
                exprs.push(default);
                let udwf = if name.starts_with("lag") { fw::lead_lag::lag_udwf() } else { fw::lead_lag::lead_udwf() };
                (WindowFunctionDefinition::WindowUDF(udwf), exprs, ty)
            }
            _ if aggregates::is_aggregate(self.functions, name) => {
                let bound = self.bind_aggregate_call(call, &inner)?;
                if bound.filter.is_some() || bound.distinct {
                    return Err(Error::new(
                        ErrorCode::NOT_IMPLEMENTED,
                        format!("Aggregate {name} with -If or DISTINCT over a window is not supported yet"),
                    ));
                }
                (WindowFunctionDefinition::AggregateUDF(bound.udaf), bound.args, bound.ty)
            }
            _ => {
                return Err(Error::new(
                    ErrorCode::UNKNOWN_AGGREGATE_FUNCTION,
                    format!("Unknown window function {name}"),
                ))
            }
        };
        let mut wf = WindowFunction::new(fun, args);
        wf.params.partition_by = partition_by;
        wf.params.order_by = order_by;
        wf.params.window_frame = frame;
        let e = DfExpr::WindowFunction(Box::new(wf));
        let col = collector.borrow_mut().add(e, ty.clone());
        Ok(TypedExpr::new(df_col(None, &col), ty))
    }
}
