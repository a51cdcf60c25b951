//! `ORDER BY … WITH FILL` binding: checks each fill key's type and its
//! constant FROM / TO / STEP (ClickHouse's INVALID_WITH_FILL_EXPRESSION
//! rules, checked with chdb) and puts a [`WithFillNode`] over the sorted plan.
//! The filling itself is exec/with_fill.rs.

use std::sync::Arc;

use datafusion::common::ScalarValue;
use datafusion::logical_expr::{Extension, LogicalPlan};
use datafusion::optimizer::simplify_expressions::ExprSimplifier;

use super::scope::Scope;
use super::Binder;
use crate::error::{Error, ErrorCode, Result};
use crate::exec::with_fill::{FillColumn, FillSpec, FillValue, WithFillNode};
use crate::functions::TypedExpr;
use crate::sql::ast::{Expr, OrderByItem};
use crate::types::{default_value, ChType, IntervalKind};

fn invalid(msg: impl Into<String>) -> Error {
    Error::new(ErrorCode::INVALID_WITH_FILL_EXPRESSION, msg)
}

fn not_implemented(what: &str) -> Error {
    Error::new(ErrorCode::NOT_IMPLEMENTED, format!("WITH FILL {what} is not supported yet"))
}

/// Whether any ORDER BY item has WITH FILL.
pub(super) fn has_fill(items: &[OrderByItem]) -> bool {
    items.iter().any(|i| i.with_fill.is_some())
}

/// Wraps the sorted `plan` in WITH FILL. `keys[i]` is the plan column and
/// type of ORDER BY item `i` (no column for a constant key, which is not sorted);
/// `values` are the SELECT list (`__c{k}`), whose types give new rows' defaults.
pub(super) fn with_fill(
    b: &Binder,
    plan: LogicalPlan,
    items: &[OrderByItem],
    keys: &[(Option<String>, ChType)],
    values: &[TypedExpr],
) -> Result<LogicalPlan> {
    let schema = plan.schema().clone();
    let index_of = |name: &str| {
        schema
            .index_of_column_by_name(None, name)
            .ok_or_else(|| Error::new(ErrorCode::LOGICAL_ERROR, format!("WITH FILL column {name} not found")))
    };
    let mut prefix = Vec::new();
    let mut fills = Vec::new();
    let mut trailing_plain = false;
    for (item, key) in items.iter().zip(keys) {
        let (Some(name), ty) = key else {
            if item.with_fill.is_some() {
                domain(&key.1)?;
                return Err(not_implemented("over a constant key"));
            }
            continue;
        };
        match &item.with_fill {
            None if fills.is_empty() => prefix.push(index_of(name)?),
            None => trailing_plain = true,
            Some(fill) => {
                if trailing_plain {
                    return Err(not_implemented("after a key without WITH FILL that follows a WITH FILL key"));
                }
                fills.push(fill_column(b, index_of(name)?, item, fill, ty)?);
            }
        }
    }
    let mut defaults = Vec::with_capacity(schema.fields().len());
    for f in schema.fields() {
        let output = f.name().strip_prefix("__c").and_then(|k| k.parse::<usize>().ok()).and_then(|k| values.get(k));
        defaults.push(match output {
            Some(v) => default_value(&v.ty)?,
            None => ScalarValue::new_default(f.data_type()).or_else(|_| ScalarValue::try_from(f.data_type()))?,
        });
    }
    Ok(LogicalPlan::Extension(Extension {
        node: Arc::new(WithFillNode::new(plan, Arc::new(FillSpec { prefix, fills, defaults }))?),
    }))
}

#[derive(Clone, Copy, PartialEq)]
enum Domain {
    Int,
    Float,
    /// Date / Date32: days.
    Days,
    /// DateTime / DateTime64: ticks per second.
    Ticks(i128),
}

fn domain(ty: &ChType) -> Result<Domain> {
    let base = ty.base();
    Ok(match base {
        t if t.is_integer() && t.bit_width().is_some_and(|w| w <= 64) && !matches!(t, ChType::Bool) => Domain::Int,
        ChType::Float32 | ChType::Float64 => Domain::Float,
        ChType::Date | ChType::Date32 => Domain::Days,
        ChType::DateTime(_) => Domain::Ticks(1),
        ChType::DateTime64(_, _) => match base.to_arrow() {
            arrow::datatypes::DataType::Timestamp(u, _) => Domain::Ticks(match u {
                arrow::datatypes::TimeUnit::Second => 1,
                arrow::datatypes::TimeUnit::Millisecond => 1_000,
                arrow::datatypes::TimeUnit::Microsecond => 1_000_000,
                arrow::datatypes::TimeUnit::Nanosecond => 1_000_000_000,
            }),
            _ => return Err(not_implemented("over this DateTime64")),
        },
        other => {
            return Err(invalid(format!("Incompatible types of WITH FILL expression values with column type {other}")))
        }
    })
}

/// A constant expression folded to a literal.
fn constant(b: &Binder, e: &Expr, what: &str) -> Result<TypedExpr> {
    let v = b.bind_standalone(e, &Scope::default(), "WITH FILL")?;
    let folded = ExprSimplifier::new(Default::default()).simplify(v.expr.clone())?;
    let t = TypedExpr::new(folded, v.ty.clone());
    if t.literal().is_none() {
        return Err(invalid(format!("Sort FILL {what} expression must be constant with numeric type. Actual: {e}")));
    }
    Ok(t)
}

fn literal_value(t: &TypedExpr) -> Option<FillValue> {
    if let Some(i) = t.literal_int() {
        return Some(FillValue::Int(i));
    }
    match t.literal()? {
        ScalarValue::Float32(Some(f)) => Some(FillValue::Float(f64::from(*f))),
        ScalarValue::Float64(Some(f)) => Some(FillValue::Float(*f)),
        ScalarValue::Date32(Some(d)) => Some(FillValue::Int(i128::from(*d))),
        ScalarValue::TimestampSecond(Some(v), _)
        | ScalarValue::TimestampMillisecond(Some(v), _)
        | ScalarValue::TimestampMicrosecond(Some(v), _)
        | ScalarValue::TimestampNanosecond(Some(v), _) => Some(FillValue::Int(i128::from(*v))),
        _ => None,
    }
}

/// FROM / TO as a value of the key's domain.
fn bound(b: &Binder, e: &Expr, what: &str, ty: &ChType, dom: Domain) -> Result<FillValue> {
    let t = constant(b, e, what)?;
    let t = match dom {
        Domain::Days | Domain::Ticks(_) => {
            let c = b.cast(t, &ty.base().clone())?;
            let folded = ExprSimplifier::new(Default::default()).simplify(c.expr)?;
            TypedExpr::new(folded, c.ty)
        }
        _ => t,
    };
    let incompatible =
        || invalid(format!("Incompatible types of WITH FILL expression values with column type {}", ty.base()));
    match (literal_value(&t).ok_or_else(incompatible)?, dom) {
        (FillValue::Float(_), Domain::Int) => Err(incompatible()),
        (FillValue::Int(i), Domain::Float) => Ok(FillValue::Float(i as f64)),
        (v, _) => Ok(v),
    }
}

fn step_value(b: &Binder, e: &Expr, ty: &ChType, dom: Domain) -> Result<FillValue> {
    let t = constant(b, e, "STEP")?;
    if let ChType::Interval(kind) = t.ty.base() {
        let n = t.literal_int().ok_or_else(|| invalid("WITH FILL STEP must be a constant"))?;
        let seconds: i128 = match kind {
            IntervalKind::Second => 1,
            IntervalKind::Minute => 60,
            IntervalKind::Hour => 3600,
            IntervalKind::Day => 86400,
            IntervalKind::Week => 7 * 86400,
            IntervalKind::Month | IntervalKind::Quarter | IntervalKind::Year => {
                return Err(not_implemented("STEP in months, quarters or years"))
            }
            _ => return Err(not_implemented("STEP below a second")),
        };
        return match dom {
            Domain::Days => {
                if seconds < 86400 {
                    return Err(invalid(format!(
                        "Value of step is too low ({} seconds). Must be >= 1 day.",
                        n.saturating_mul(seconds)
                    )));
                }
                Ok(FillValue::Int(n.saturating_mul(seconds / 86400)))
            }
            Domain::Ticks(per_second) => Ok(FillValue::Int(n.saturating_mul(seconds).saturating_mul(per_second))),
            _ => Err(invalid(format!(
                "STEP of Interval type can be used only with Date/DateTime types, but got {}",
                ty.base()
            ))),
        };
    }
    let incompatible =
        || invalid(format!("Incompatible types of WITH FILL expression values with column type {}", ty.base()));
    match (literal_value(&t).ok_or_else(incompatible)?, dom) {
        (FillValue::Float(_), Domain::Int | Domain::Days | Domain::Ticks(_)) => Err(incompatible()),
        (FillValue::Int(i), Domain::Float) => Ok(FillValue::Float(i as f64)),
        (FillValue::Int(_), Domain::Ticks(p)) if p != 1 => Err(not_implemented("numeric STEP over DateTime64")),
        (v, _) => Ok(v),
    }
}

fn fill_column(
    b: &Binder,
    index: usize,
    item: &OrderByItem,
    fill: &crate::sql::ast::WithFill,
    ty: &ChType,
) -> Result<FillColumn> {
    let dom = domain(ty)?;
    let from = fill.from.as_ref().map(|e| bound(b, e, "FROM", ty, dom)).transpose()?;
    let to = fill.to.as_ref().map(|e| bound(b, e, "TO", ty, dom)).transpose()?;
    let (one, zero) = match dom {
        Domain::Float => (FillValue::Float(1.0), FillValue::Float(0.0)),
        Domain::Ticks(p) => (FillValue::Int(p), FillValue::Int(0)),
        _ => (FillValue::Int(1), FillValue::Int(0)),
    };
    let step = match &fill.step {
        Some(e) => step_value(b, e, ty, dom)?,
        None if item.desc => match one {
            FillValue::Int(i) => FillValue::Int(-i),
            FillValue::Float(f) => FillValue::Float(-f),
        },
        None => one,
    };
    let sign = match step {
        FillValue::Int(i) => i.signum() as f64,
        FillValue::Float(f) => f.signum() * f64::from(u8::from(f != 0.0)),
    };
    if sign == 0.0 || step == FillValue::Float(0.0) {
        return Err(invalid("WITH FILL STEP value cannot be zero"));
    }
    if item.desc && sign > 0.0 {
        return Err(invalid("WITH FILL STEP value cannot be positive for sorting in descending direction"));
    }
    if !item.desc && sign < 0.0 {
        return Err(invalid("WITH FILL STEP value cannot be negative for sorting in ascending direction"));
    }
    if let (Some(f), Some(t)) = (from, to) {
        let (f, t) = (as_f64(f), as_f64(t));
        if !item.desc && t < f {
            return Err(invalid(
                "WITH FILL TO value cannot be less than FROM value for sorting in ascending direction",
            ));
        }
        if item.desc && t > f {
            return Err(invalid(
                "WITH FILL FROM value cannot be less than TO value for sorting in descending direction",
            ));
        }
    }
    Ok(FillColumn { index, descending: item.desc, from, to, step, zero })
}

fn as_f64(v: FillValue) -> f64 {
    match v {
        FillValue::Int(i) => i as f64,
        FillValue::Float(f) => f,
    }
}
