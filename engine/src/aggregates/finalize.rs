//! finalizeAggregation(state): the final value of each aggregate state of an
//! `AggregateFunction(name(params), types)` column. The function is rebuilt
//! from the type: the signature is split into the base aggregate and its
//! combinator suffixes (as [`super::resolve`] does) and the parameters are
//! parsed back from their printed form.

use std::sync::Arc;

use arrow::array::Array;
use datafusion::error::Result as DfResult;
use datafusion::logical_expr::ColumnarValue;
use datafusion::scalar::ScalarValue;

use super::udaf::AggregateFunction;
use super::{build_chain, Combinator, BASE, SUFFIXES};
use crate::error::{Error, ErrorCode, Result};
use crate::functions::udf::{self, KernelArgs};
use crate::functions::{check_arg_count, FunctionContext, TypedExpr};
use crate::types::ChType;

/// Splits a name into a base aggregate and combinators (outermost first).
fn split_name(name: &str) -> Option<(String, Vec<Combinator>)> {
    if let Some((n, _, _)) = BASE.iter().find(|(n, _, _)| *n == name) {
        return Some((n.to_string(), Vec::new()));
    }
    for (suffix, comb) in SUFFIXES {
        if let Some(rest) = name.strip_suffix(suffix) {
            if rest.is_empty() {
                continue;
            }
            if let Some((base, mut combs)) = split_name(rest) {
                combs.insert(0, *comb);
                return Some((base, combs));
            }
        }
    }
    None
}

/// A parameter from its printed form (`0.5`, `3`, `-1`, `'text'`).
fn parse_param(s: &str) -> Option<ScalarValue> {
    let s = s.trim();
    if let Some(inner) = s.strip_prefix('\'').and_then(|r| r.strip_suffix('\'')) {
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

/// Rebuilds the aggregate function of an `AggregateFunction(...)` type.
pub fn function_of(t: &ChType) -> Result<Arc<dyn AggregateFunction>> {
    let bad = || {
        Error::new(
            ErrorCode::ILLEGAL_TYPE_OF_ARGUMENT,
            format!("Illegal type {t} of argument for function finalizeAggregation"),
        )
    };
    let ChType::AggregateFunction(sig, types) = t.remove_low_cardinality() else { return Err(bad()) };
    let (name, params) = match sig.find('(') {
        Some(i) => {
            let inner = sig[i + 1..].strip_suffix(')').ok_or_else(bad)?;
            let params: Option<Vec<ScalarValue>> =
                if inner.trim().is_empty() { Some(Vec::new()) } else { inner.split(',').map(parse_param).collect() };
            (&sig[..i], params.ok_or_else(bad)?)
        }
        None => (sig.as_str(), Vec::new()),
    };
    let (base, combs) = split_name(name).ok_or_else(bad)?;
    let f = build_chain(&base, &combs, &params, &types)?;
    if f.signature() != sig {
        return Err(bad());
    }
    Ok(f)
}

fn kernel(k: &KernelArgs) -> DfResult<ColumnarValue> {
    let t = k.arg_types.first().cloned().unwrap_or(ChType::Nothing);
    let f = function_of(&t).map_err(|e| e.into_datafusion())?;
    let arr = k.array(0)?;
    let states = super::udaf::binary_states_of(&arr)?;
    let mut out = Vec::with_capacity(states.len());
    for b in states.iter() {
        let mut st = f.new_state();
        if let Some(b) = b {
            let mut r = super::state::Reader::versioned(b)?;
            st.merge(&mut r)?;
        }
        out.push(st.result()?);
    }
    let dt = k.ret.to_arrow();
    let values = if out.is_empty() { arrow::array::new_empty_array(&dt) } else { ScalarValue::iter_to_array(out)? };
    let values = if values.data_type() == &dt { values } else { arrow::compute::cast(&values, &dt)? };
    Ok(ColumnarValue::Array(values))
}

/// The finalizeAggregation builder.
pub fn finalize_aggregation(_ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    check_arg_count("finalizeAggregation", &args, 1, 1)?;
    let f = function_of(&args[0].ty)?;
    let ret = f.return_type();
    udf::call("finalizeAggregation", kernel, args, ret)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rebuilds_functions_from_types() {
        let t = ChType::AggregateFunction("sum".into(), vec![ChType::UInt64]);
        assert_eq!(function_of(&t).unwrap().signature(), "sum");
        let t = ChType::AggregateFunction("quantile(0.5)".into(), vec![ChType::UInt64]);
        assert_eq!(function_of(&t).unwrap().signature(), "quantile(0.5)");
        let t = ChType::AggregateFunction("sumIf".into(), vec![ChType::UInt64, ChType::UInt8]);
        assert_eq!(function_of(&t).unwrap().return_type(), ChType::UInt64);
        assert!(function_of(&ChType::UInt64).is_err());
    }
}
