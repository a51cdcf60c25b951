//! finalizeAggregation(state): the scalar function that finishes an
//! `AggregateFunction(...)` column (the Binary states of `-State`) row by row.
//! The aggregate is rebuilt from the type: its name (combinator suffixes
//! resolved as ClickHouse does), its printed parameters and argument types.

use std::sync::{Arc, OnceLock};

use arrow::array::{Array, ArrayRef};
use datafusion::error::Result as DfResult;
use datafusion::logical_expr::ColumnarValue;
use datafusion::scalar::ScalarValue;

use super::state::Reader;
use super::udaf::binary_states_of;
use super::{build_chain, resolve, AggregateFunction};
use crate::error::{Error, ErrorCode, Result};
use crate::functions::udf::{self, KernelArgs};
use crate::functions::{check_arg_count, Case, FunctionContext, FunctionRegistry, TypedExpr};
use crate::types::ChType;

pub fn register(r: &mut FunctionRegistry) {
    r.scalar("finalizeAggregation", Case::Sensitive, finalize_aggregation);
}

/// A registry holding only the aggregates (to resolve names inside kernels).
fn aggregates() -> &'static FunctionRegistry {
    static REG: OnceLock<FunctionRegistry> = OnceLock::new();
    REG.get_or_init(|| {
        let mut r = FunctionRegistry::default();
        super::register_all(&mut r);
        r
    })
}

/// Parses one printed parameter (`fmt_param`'s forms: integers, floats, 'strings').
fn parse_param(s: &str) -> Option<ScalarValue> {
    let s = s.trim();
    if let Some(inner) = s.strip_prefix('\'').and_then(|x| x.strip_suffix('\'')) {
        return Some(ScalarValue::Utf8(Some(inner.to_string())));
    }
    if let Ok(u) = s.parse::<u64>() {
        return Some(ScalarValue::UInt64(Some(u)));
    }
    if let Ok(i) = s.parse::<i64>() {
        return Some(ScalarValue::Int64(Some(i)));
    }
    s.parse::<f64>().ok().map(|f| ScalarValue::Float64(Some(f)))
}

/// Splits `name(p1, p2)` into the name and its parameters (commas inside quotes kept).
fn parse_signature(sig: &str) -> Option<(String, Vec<ScalarValue>)> {
    let Some(open) = sig.find('(') else {
        return Some((sig.to_string(), Vec::new()));
    };
    let name = sig[..open].to_string();
    let body = sig[open + 1..].strip_suffix(')')?;
    let mut params = Vec::new();
    let mut cur = String::new();
    let mut quoted = false;
    for c in body.chars() {
        match c {
            '\'' => {
                quoted = !quoted;
                cur.push(c);
            }
            ',' if !quoted => {
                params.push(parse_param(&cur)?);
                cur.clear();
            }
            _ => cur.push(c),
        }
    }
    if !cur.trim().is_empty() {
        params.push(parse_param(&cur)?);
    }
    Some((name, params))
}

/// The aggregate whose states a column of type `AggregateFunction(sig, types)` holds.
pub fn function_of_state(sig: &str, types: &[ChType]) -> Result<Arc<dyn AggregateFunction>> {
    let bad = || Error::new(ErrorCode::BAD_ARGUMENTS, format!("Cannot rebuild aggregate function {sig}"));
    let (name, params) = parse_signature(sig).ok_or_else(bad)?;
    let (base, combs) = resolve(aggregates(), &name).ok_or_else(|| {
        Error::new(ErrorCode::UNKNOWN_AGGREGATE_FUNCTION, format!("Unknown aggregate function {name}"))
    })?;
    build_chain(&base, &combs, &params, types)
}

fn finalize_aggregation(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    check_arg_count(&ctx.name, &args, 1, 1)?;
    let t = args[0].ty.remove_low_cardinality();
    let ChType::AggregateFunction(sig, types) = &t else {
        return Err(Error::new(
            ErrorCode::ILLEGAL_TYPE_OF_ARGUMENT,
            format!(
                "Argument for function 'finalizeAggregation' must have type AggregateFunction - state of aggregate \
                 function. Got '{}' instead",
                args[0].ty
            ),
        ));
    };
    let ret = function_of_state(sig, types)?.return_type();
    udf::call("finalizeAggregation", finalize_kernel, args, ret)
}

fn finalize_kernel(k: &KernelArgs) -> DfResult<ColumnarValue> {
    let t = k.arg_types.first().map(|t| t.remove_low_cardinality());
    let Some(ChType::AggregateFunction(sig, types)) = t else {
        return Err(Error::new(ErrorCode::LOGICAL_ERROR, "finalizeAggregation of a non-state column").into_datafusion());
    };
    let func = function_of_state(&sig, &types).map_err(|e| e.into_datafusion())?;
    let arr: ArrayRef = k.array(0)?;
    let states = binary_states_of(&arr)?;
    let mut out = Vec::with_capacity(states.len());
    for row in 0..states.len() {
        let mut st = func.new_state();
        if states.is_valid(row) {
            let mut r = Reader::versioned(states.value(row))?;
            st.merge(&mut r)?;
        }
        out.push(st.result()?);
    }
    let ret = k.ret.to_arrow();
    let a = if out.is_empty() { arrow::array::new_empty_array(&ret) } else { ScalarValue::iter_to_array(out)? };
    Ok(ColumnarValue::Array(a))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signatures_parse() {
        let (n, p) = parse_signature("quantiles(0.5, 0.9)").unwrap();
        assert_eq!(n, "quantiles");
        assert_eq!(p, vec![ScalarValue::Float64(Some(0.5)), ScalarValue::Float64(Some(0.9))]);
        let (n, p) = parse_signature("groupConcat(', ', 2)").unwrap();
        assert_eq!(n, "groupConcat");
        assert_eq!(p, vec![ScalarValue::Utf8(Some(", ".into())), ScalarValue::UInt64(Some(2))]);
        assert_eq!(parse_signature("sum").unwrap(), ("sum".to_string(), vec![]));
    }

    #[test]
    fn rebuilds_combinators() {
        let f = function_of_state("sumIf", &[ChType::UInt64, ChType::UInt8]).unwrap();
        assert_eq!(f.return_type(), ChType::UInt64);
        assert!(function_of_state("nosuch", &[ChType::UInt64]).is_err());
    }
}
