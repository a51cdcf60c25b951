//! Aggregate functions: one [`AggregateFunction`] (+ [`AggState`]) per
//! ClickHouse aggregate, run inside DataFusion by [`udaf::ChAggregateUdf`]
//! (partial state = one versioned Binary per group, `state.rs`), and the
//! combinators (-If, -Distinct, -Array, -State, -Merge, -MergeState, -OrNull,
//! -OrDefault) that wrap any of them (`combinators.rs`). Registered in the one
//! `FunctionRegistry`; [`bind`] resolves combinator suffixes from the right as
//! ClickHouse's AggregateFunctionFactory does.
//!
//! NULL handling mirrors ClickHouse's -Null adapter: when an argument is
//! Nullable, rows with any NULL argument are skipped and the result becomes
//! Nullable (NULL when no row was seen), except for functions that return their
//! default on NULL-only input (count, uniq*, groupArray, …).
//!
//! An outer -If becomes the DataFusion aggregate FILTER (`BoundAggregate.filter`);
//! -If below -Array is evaluated inside the state. -Distinct / `count(DISTINCT x)`
//! is computed inside the state, so `BoundAggregate.distinct` is always false.
//! `count()` is bound with one literal argument (`UInt8 1`) so the state sees
//! the row count.
//!
//! Files: `udaf.rs` (the DataFusion bridge), `state.rs` (state bytes),
//! `basic.rs`, `uniq.rs` (CityHash64 from `functions::hashes`), `quantile.rs`, `stats.rs`,
//! `collect.rs`, `topk.rs`, `uniq_hll.rs`, `quantile_weighted.rs`, `more.rs`,
//! `sequence.rs`, `map_agg.rs`, `finalize.rs` (the finalizeAggregation function)
//! (the functions), `combinators.rs`, `groups.rs` /
//! `groups_more.rs` (vectorized GroupsAccumulators), `tests.rs`.

pub mod basic;
pub mod collect;
pub mod combinators;
pub mod extra_basic;
pub mod extra_stats;
pub mod finalize;
pub mod group_array_more;
pub mod groups;
pub mod groups_more;
pub mod quantile;
pub mod quantile_weighted;
pub mod retention;
pub mod sequence;
pub mod state;
pub mod stats;
pub mod sum_map;
pub mod tdigest;
pub mod topk;
pub mod udaf;
pub mod uniq;
pub mod uniq_any;
pub mod uniq_hll;

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_extra;

use std::sync::Arc;

use datafusion::logical_expr::{lit, AggregateUDF, Expr as DfExpr};
use datafusion::scalar::ScalarValue;

use crate::error::{Error, ErrorCode, Result};
use crate::functions::{as_predicate, Case, FunctionRegistry, TypedExpr};
use crate::types::ChType;

pub use udaf::{AggState, AggregateFunction, ChAggregateUdf};

/// What an aggregate builder knows: the name as called and the constant parameters
/// of a parametric aggregate (`quantile(0.9)` → `[Float64(0.9)]`).
#[derive(Debug, Clone)]
pub struct AggregateContext {
    pub name: String,
    pub params: Vec<ScalarValue>,
    /// `count(DISTINCT x)` / the -Distinct combinator.
    pub distinct: bool,
    /// `aggregate_functions_null_for_empty`.
    pub null_for_empty: bool,
}

/// A bound aggregate call: the DataFusion aggregate, its argument expressions,
/// an optional filter (from -If) and the ClickHouse result type.
#[derive(Debug, Clone)]
pub struct BoundAggregate {
    pub udaf: Arc<AggregateUDF>,
    pub args: Vec<DfExpr>,
    pub filter: Option<DfExpr>,
    pub distinct: bool,
    pub ty: ChType,
}

/// Binds one aggregate call.
pub type AggregateBuilder = fn(&AggregateContext, Vec<TypedExpr>) -> Result<BoundAggregate>;

/// Builds a base aggregate from its parameters and (non-Nullable) argument types.
pub type Factory = fn(&[ScalarValue], &[ChType]) -> Result<Arc<dyn AggregateFunction>>;

/// Every base aggregate: name, case rule, factory.
pub(crate) const BASE: &[(&str, Case, Factory)] = &[
    ("count", Case::Insensitive, basic::count),
    ("sum", Case::Insensitive, basic::sum),
    ("avg", Case::Insensitive, basic::avg),
    ("min", Case::Insensitive, basic::min),
    ("max", Case::Insensitive, basic::max),
    ("any", Case::Sensitive, basic::any),
    ("anyLast", Case::Sensitive, basic::any_last),
    ("argMin", Case::Sensitive, basic::arg_min),
    ("argMax", Case::Sensitive, basic::arg_max),
    ("groupBitAnd", Case::Sensitive, basic::group_bit_and),
    ("groupBitOr", Case::Sensitive, basic::group_bit_or),
    ("groupBitXor", Case::Sensitive, basic::group_bit_xor),
    ("uniq", Case::Sensitive, uniq::uniq),
    ("uniqExact", Case::Sensitive, uniq_any::uniq_exact),
    ("uniqCombined", Case::Sensitive, uniq_hll::uniq_combined),
    ("uniqHLL12", Case::Sensitive, uniq_hll::uniq_hll12),
    ("quantileTDigest", Case::Sensitive, tdigest::quantile_tdigest),
    ("medianTDigest", Case::Sensitive, tdigest::quantile_tdigest),
    ("quantilesTDigest", Case::Sensitive, tdigest::quantiles_tdigest),
    ("groupArray", Case::Sensitive, collect::group_array),
    ("groupUniqArray", Case::Sensitive, collect::group_uniq_array),
    ("topK", Case::Sensitive, topk::top_k),
    ("quantile", Case::Sensitive, quantile::quantile),
    ("median", Case::Sensitive, quantile::quantile),
    ("quantiles", Case::Sensitive, quantile::quantiles),
    ("quantileExact", Case::Sensitive, quantile::quantile_exact),
    ("medianExact", Case::Sensitive, quantile::quantile_exact),
    ("quantilesExact", Case::Sensitive, quantile::quantiles_exact),
    ("varPop", Case::Sensitive, extra_stats::var_pop),
    ("varSamp", Case::Sensitive, extra_stats::var_samp),
    ("stddevPop", Case::Sensitive, extra_stats::stddev_pop),
    ("stddevSamp", Case::Sensitive, extra_stats::stddev_samp),
    ("covarPop", Case::Sensitive, extra_stats::covar_pop),
    ("covarSamp", Case::Sensitive, extra_stats::covar_samp),
    ("corr", Case::Insensitive, extra_stats::corr),
    ("avgWeighted", Case::Sensitive, stats::avg_weighted),
    ("sumWithOverflow", Case::Sensitive, extra_basic::sum_with_overflow),
    ("anyHeavy", Case::Sensitive, extra_basic::any_heavy),
    ("boundingRatio", Case::Sensitive, extra_basic::bounding_ratio),
    ("skewPop", Case::Sensitive, extra_stats::skew_pop),
    ("skewSamp", Case::Sensitive, extra_stats::skew_samp),
    ("kurtPop", Case::Sensitive, extra_stats::kurt_pop),
    ("kurtSamp", Case::Sensitive, extra_stats::kurt_samp),
    ("groupArraySorted", Case::Sensitive, group_array_more::group_array_sorted),
    ("groupArrayLast", Case::Sensitive, group_array_more::group_array_last),
    ("groupArraySample", Case::Sensitive, group_array_more::group_array_sample),
    ("sumMap", Case::Sensitive, sum_map::sum_map_fn),
    ("sumMapWithOverflow", Case::Sensitive, sum_map::sum_map_with_overflow),
    ("minMap", Case::Sensitive, sum_map::min_map),
    ("maxMap", Case::Sensitive, sum_map::max_map),
    ("groupConcat", Case::Sensitive, group_array_more::group_concat),
    ("group_concat", Case::Insensitive, group_array_more::group_concat),
    ("quantileExactLow", Case::Sensitive, quantile::quantile_exact_low),
    ("medianExactLow", Case::Sensitive, quantile::quantile_exact_low),
    ("quantilesExactLow", Case::Sensitive, quantile::quantiles_exact_low),
    ("quantileExactHigh", Case::Sensitive, quantile::quantile_exact_high),
    ("medianExactHigh", Case::Sensitive, quantile::quantile_exact_high),
    ("quantilesExactHigh", Case::Sensitive, quantile::quantiles_exact_high),
    ("quantileExactWeighted", Case::Sensitive, quantile_weighted::quantile_exact_weighted),
    ("medianExactWeighted", Case::Sensitive, quantile_weighted::quantile_exact_weighted),
    ("quantilesExactWeighted", Case::Sensitive, quantile_weighted::quantiles_exact_weighted),
    ("retention", Case::Sensitive, retention::retention),
    ("sequenceMatch", Case::Sensitive, sequence::sequence_match),
    ("sequenceCount", Case::Sensitive, sequence::sequence_count),
    // ClickHouse's aliases (system.functions alias_to), case-insensitive.
    ("any_value", Case::Insensitive, basic::any),
    ("first_value", Case::Insensitive, basic::any),
    ("last_value", Case::Insensitive, basic::any_last),
    ("max_by", Case::Insensitive, basic::arg_max),
    ("min_by", Case::Insensitive, basic::arg_min),
    ("array_agg", Case::Insensitive, collect::group_array),
    ("BIT_AND", Case::Insensitive, basic::group_bit_and),
    ("BIT_OR", Case::Insensitive, basic::group_bit_or),
    ("BIT_XOR", Case::Insensitive, basic::group_bit_xor),
    ("COVAR_POP", Case::Insensitive, extra_stats::covar_pop),
    ("COVAR_SAMP", Case::Insensitive, extra_stats::covar_samp),
    ("STD", Case::Insensitive, extra_stats::stddev_pop),
    ("STDDEV_POP", Case::Insensitive, extra_stats::stddev_pop),
    ("STDDEV_SAMP", Case::Insensitive, extra_stats::stddev_samp),
    ("STDDEV", Case::Insensitive, extra_stats::stddev_samp),
    ("VAR_POP", Case::Insensitive, extra_stats::var_pop),
    ("VAR_SAMP", Case::Insensitive, extra_stats::var_samp),
];

/// Aggregates whose result over a NULL literal argument (type Nothing) is their default.
const DEFAULT_ON_NOTHING: &[&str] = &["count", "uniq", "uniqExact", "uniqCombined", "uniqHLL12"];

/// Aggregates whose result over only-NULL (or no) input is their default, not NULL.
const DEFAULT_ON_NULL: &[&str] = &[
    "count",
    "uniq",
    "uniqExact",
    "uniqCombined",
    "uniqHLL12",
    "groupArray",
    "groupUniqArray",
    "groupArraySorted",
    "groupArrayLast",
    "groupArraySample",
    "sumMap",
    "sumMapWithOverflow",
    "minMap",
    "maxMap",
    "topK",
    "quantiles",
    "quantilesExact",
    "quantilesTDigest",
    "quantilesExactLow",
    "quantilesExactHigh",
    "groupConcat",
    "retention",
    "quantilesExactWeighted",
];

/// Registers every aggregate.
pub fn register_all(r: &mut FunctionRegistry) {
    for (name, case, _) in BASE {
        r.aggregate(name, *case, bind_registered);
    }
    finalize::register(r);
}

/// The builder stored in the registry: resolves the canonical name itself.
fn bind_registered(ctx: &AggregateContext, args: Vec<TypedExpr>) -> Result<BoundAggregate> {
    let base = BASE
        .iter()
        .find(|(n, _, _)| n.eq_ignore_ascii_case(&ctx.name))
        .map(|(n, _, _)| n.to_string())
        .ok_or_else(|| unknown(&ctx.name))?;
    bind_resolved(&base, Vec::new(), ctx, args)
}

fn unknown(name: &str) -> Error {
    Error::new(ErrorCode::UNKNOWN_AGGREGATE_FUNCTION, format!("Unknown aggregate function {name}"))
}

fn factory(base: &str) -> Option<Factory> {
    BASE.iter().find(|(n, _, _)| *n == base).map(|(_, _, f)| *f)
}

/// A combinator suffix.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Combinator {
    If,
    Array,
    Distinct,
    OrNull,
    OrDefault,
    State,
    Merge,
    MergeState,
}

pub(crate) const SUFFIXES: &[(&str, Combinator)] = &[
    ("MergeState", Combinator::MergeState),
    ("State", Combinator::State),
    ("Merge", Combinator::Merge),
    ("OrNull", Combinator::OrNull),
    ("OrDefault", Combinator::OrDefault),
    ("If", Combinator::If),
    ("Array", Combinator::Array),
    ("Distinct", Combinator::Distinct),
];

/// Splits `name` into a base aggregate (canonical name) and its combinators, outermost first.
pub fn resolve(registry: &FunctionRegistry, name: &str) -> Option<(String, Vec<Combinator>)> {
    if let Some((canon, _)) = registry.aggregate_builder(name) {
        return Some((canon.to_string(), Vec::new()));
    }
    for (suffix, comb) in SUFFIXES {
        if let Some(rest) = name.strip_suffix(suffix) {
            if rest.is_empty() {
                continue;
            }
            if let Some((base, mut combs)) = resolve(registry, rest) {
                combs.insert(0, *comb);
                return Some((base, combs));
            }
        }
    }
    None
}

/// Resolves `name` (with combinator suffixes) and binds it.
/// Returns None when the name is not an aggregate at all.
pub fn bind(
    registry: &FunctionRegistry,
    ctx: &AggregateContext,
    args: Vec<TypedExpr>,
) -> Option<Result<BoundAggregate>> {
    let (base, combs) = resolve(registry, &ctx.name)?;
    Some(bind_resolved(&base, combs, ctx, args))
}

/// Whether `name` names an aggregate (with or without combinators).
pub fn is_aggregate(registry: &FunctionRegistry, name: &str) -> bool {
    resolve(registry, name).is_some()
}

fn bind_resolved(
    base: &str,
    mut combs: Vec<Combinator>,
    ctx: &AggregateContext,
    mut args: Vec<TypedExpr>,
) -> Result<BoundAggregate> {
    if ctx.distinct && !combs.contains(&Combinator::Distinct) {
        combs.push(Combinator::Distinct);
    }
    if ctx.null_for_empty && !combs.iter().any(|c| matches!(c, Combinator::OrNull | Combinator::State)) {
        combs.insert(0, Combinator::OrNull);
    }
    // Outer -If combinators become the aggregate's FILTER.
    let mut filter: Option<DfExpr> = None;
    let mut kept = Vec::new();
    let mut filterable = true;
    for c in combs {
        match c {
            Combinator::If if filterable => {
                let cond = args.pop().ok_or_else(|| if_without_condition(&ctx.name))?;
                if !is_if_condition(&cond.ty) {
                    return Err(bad_if_condition(&cond.ty));
                }
                let p = as_predicate(&cond)?;
                filter = Some(match filter {
                    Some(f) => f.and(p),
                    None => p,
                });
            }
            Combinator::OrNull | Combinator::OrDefault | Combinator::Distinct | Combinator::If => kept.push(c),
            // -If below -State is part of the state function (`sumIfState` → `AggregateFunction(sumIf, …)`).
            _ => {
                filterable = false;
                kept.push(c)
            }
        }
    }
    if base == "count"
        && args.is_empty()
        && !kept.iter().any(|c| matches!(c, Combinator::Merge | Combinator::MergeState))
    {
        args.push(TypedExpr::new(lit(ScalarValue::UInt8(Some(1))), ChType::UInt8));
    }
    if base == "count" && args.len() > 1 && !kept.contains(&Combinator::Distinct) {
        return Err(Error::new(
            ErrorCode::NUMBER_OF_ARGUMENTS_DOESNT_MATCH,
            "Aggregate function count requires zero or one argument",
        ));
    }
    let types: Vec<ChType> = args.iter().map(|a| a.ty.clone()).collect();
    let func = build_chain(base, &kept, &ctx.params, &types)?;
    let ty = func.return_type();
    let udaf = ChAggregateUdf::new(func, &types);
    Ok(BoundAggregate {
        udaf: Arc::new(AggregateUDF::new_from_impl(udaf)),
        args: args.into_iter().map(|a| a.expr).collect(),
        filter,
        distinct: false,
        ty,
    })
}

fn if_without_condition(name: &str) -> Error {
    Error::new(
        ErrorCode::NUMBER_OF_ARGUMENTS_DOESNT_MATCH,
        format!("Aggregate function {name} requires at least one argument"),
    )
}

/// An -If condition is UInt8 or Bool (maybe Nullable / LowCardinality) or NULL.
fn is_if_condition(ty: &ChType) -> bool {
    ty.is_nothing() || matches!(ty.base(), ChType::UInt8 | ChType::Bool | ChType::Nothing)
}

fn bad_if_condition(ty: &ChType) -> Error {
    Error::new(
        ErrorCode::ILLEGAL_TYPE_OF_ARGUMENT,
        format!(
            "Illegal type {ty} of the last argument of an aggregate function with the If suffix: \
             the last argument is the condition and must be UInt8. \
             If the condition is missing, it goes after the arguments of the aggregate function"
        ),
    )
}

/// Builds the function for `combs` (outermost first) over `base` with argument types `args`.
pub fn build_chain(
    base: &str,
    combs: &[Combinator],
    params: &[ScalarValue],
    args: &[ChType],
) -> Result<Arc<dyn AggregateFunction>> {
    use combinators::*;
    let Some((c, rest)) = combs.split_first() else {
        return build_base(base, params, args);
    };
    Ok(match c {
        Combinator::State => Arc::new(StateComb::new(build_chain(base, rest, params, args)?, args.to_vec())),
        Combinator::OrNull => Arc::new(Nulls::or_null(build_chain(base, rest, params, args)?)),
        Combinator::OrDefault => Arc::new(Nulls::or_default(build_chain(base, rest, params, args)?)),
        Combinator::Distinct => Arc::new(Distinct::new(build_chain(base, rest, params, args)?, args)),
        Combinator::If => {
            let Some((cond, inner)) = args.split_last() else {
                return Err(if_without_condition(base));
            };
            if !is_if_condition(cond) {
                return Err(bad_if_condition(cond));
            }
            Arc::new(IfComb::new(build_chain(base, rest, params, inner)?))
        }
        Combinator::Array => {
            let mut elems = Vec::with_capacity(args.len());
            for a in args {
                match a.array_element() {
                    Some(e) => elems.push(e.clone()),
                    None => {
                        return Err(Error::new(
                            ErrorCode::ILLEGAL_TYPE_OF_ARGUMENT,
                            format!(
                                "Illegal type {a} of argument for aggregate function with Array suffix. Must be array."
                            ),
                        ))
                    }
                }
            }
            if elems.is_empty() {
                return Err(Error::new(
                    ErrorCode::NUMBER_OF_ARGUMENTS_DOESNT_MATCH,
                    "Aggregate function with Array suffix requires at least one argument",
                ));
            }
            Arc::new(ArrayComb::new(build_chain(base, rest, params, &elems)?))
        }
        Combinator::Merge | Combinator::MergeState => {
            let inner = merge_inner(base, rest, params, args)?;
            let merged: Arc<dyn AggregateFunction> = Arc::new(MergeComb::new(inner));
            if *c == Combinator::MergeState {
                Arc::new(StateComb::with_type(merged, args[0].remove_low_cardinality()))
            } else {
                merged
            }
        }
    })
}

/// The function whose states a -Merge argument holds; it must be the one named.
fn merge_inner(
    base: &str,
    rest: &[Combinator],
    params: &[ScalarValue],
    args: &[ChType],
) -> Result<Arc<dyn AggregateFunction>> {
    let wrong = |t: &ChType| {
        Error::new(
            ErrorCode::ILLEGAL_TYPE_OF_ARGUMENT,
            format!("Illegal type {t} of argument for aggregate function with Merge suffix because it corresponds to different aggregate function"),
        )
    };
    if args.len() != 1 {
        return Err(Error::new(
            ErrorCode::NUMBER_OF_ARGUMENTS_DOESNT_MATCH,
            "Aggregate function with Merge suffix requires exactly one argument",
        ));
    }
    let t = args[0].remove_low_cardinality();
    let ChType::AggregateFunction(sig, types) = &t else {
        return Err(Error::new(
            ErrorCode::ILLEGAL_TYPE_OF_ARGUMENT,
            format!(
                "Illegal type {t} of argument for aggregate function with Merge suffix. Must be AggregateFunction(...)"
            ),
        ));
    };
    let inner = build_chain(base, rest, params, types)?;
    if inner.signature() != *sig {
        return Err(wrong(&t));
    }
    Ok(inner)
}

/// A base aggregate with ClickHouse's -Null adapter when an argument is Nullable or NULL.
fn build_base(base: &str, params: &[ScalarValue], args: &[ChType]) -> Result<Arc<dyn AggregateFunction>> {
    let f = factory(base).ok_or_else(|| unknown(base))?;
    let has_nothing = args.iter().any(|a| a.is_nothing());
    let nullable = args.iter().any(|a| a.is_nullable());
    let stripped: Vec<ChType> = args
        .iter()
        .map(|a| if a.is_nothing() { ChType::UInt8 } else { a.remove_nullable().remove_low_cardinality() })
        .collect();
    let func = f(params, &stripped)?;
    if !(has_nothing || nullable) {
        return Ok(func);
    }
    // The canonical name (aliases like array_agg resolve to groupArray).
    let sig = func.signature();
    let canon = sig.split('(').next().unwrap_or(base);
    let default = if has_nothing { DEFAULT_ON_NOTHING.contains(&canon) } else { DEFAULT_ON_NULL.contains(&canon) };
    let ret = if default {
        func.return_type()
    } else if has_nothing {
        ChType::Nothing.nullable()
    } else {
        func.return_type().nullable()
    };
    Ok(Arc::new(combinators::Nulls::skip_nulls(func, ret, default, has_nothing)))
}

// ---------------------------------------------------------------- shared checks

/// Argument-count and no-parameter check of a plain aggregate.
pub fn need_args(name: &str, params: &[ScalarValue], args: &[ChType], n: usize) -> Result<()> {
    no_params(name, params)?;
    check_count(name, args, n)
}

/// Rejects parameters of a non-parametric aggregate.
pub fn no_params(name: &str, params: &[ScalarValue]) -> Result<()> {
    if !params.is_empty() {
        return Err(Error::new(
            ErrorCode::AGGREGATE_FUNCTION_DOESNT_ALLOW_PARAMETERS,
            format!("Aggregate function {name} cannot have parameters"),
        ));
    }
    Ok(())
}

/// Exactly `n` arguments, with ClickHouse's wording.
pub fn check_count(name: &str, args: &[ChType], n: usize) -> Result<()> {
    if args.len() != n {
        let what = match n {
            1 => "single argument".to_string(),
            2 => "two arguments".to_string(),
            n => format!("{n} arguments"),
        };
        return Err(Error::new(
            ErrorCode::NUMBER_OF_ARGUMENTS_DOESNT_MATCH,
            format!("Aggregate function {name} requires {what}"),
        ));
    }
    Ok(())
}

/// ILLEGAL_TYPE_OF_ARGUMENT with ClickHouse's aggregate wording.
pub fn illegal_arg(name: &str, ty: &ChType) -> Error {
    Error::new(
        ErrorCode::ILLEGAL_TYPE_OF_ARGUMENT,
        format!("Illegal type {ty} of argument for aggregate function {name}"),
    )
}

/// A numeric parameter as f64.
pub fn param_f64(v: &ScalarValue) -> Option<f64> {
    match v {
        ScalarValue::Float64(Some(x)) => Some(*x),
        ScalarValue::Float32(Some(x)) => Some(*x as f64),
        ScalarValue::Decimal128(Some(x), _, s) => Some(*x as f64 / 10f64.powi(*s as i32)),
        other => param_i128(other).map(|x| x as f64),
    }
}

/// An integer parameter.
pub fn param_i128(v: &ScalarValue) -> Option<i128> {
    Some(match v {
        ScalarValue::Int8(Some(v)) => *v as i128,
        ScalarValue::Int16(Some(v)) => *v as i128,
        ScalarValue::Int32(Some(v)) => *v as i128,
        ScalarValue::Int64(Some(v)) => *v as i128,
        ScalarValue::UInt8(Some(v)) => *v as i128,
        ScalarValue::UInt16(Some(v)) => *v as i128,
        ScalarValue::UInt32(Some(v)) => *v as i128,
        ScalarValue::UInt64(Some(v)) => *v as i128,
        _ => return None,
    })
}

/// A parameter as ClickHouse prints it inside `AggregateFunction(name(params), …)`.
pub fn fmt_param(v: &ScalarValue) -> String {
    match v {
        ScalarValue::Utf8(Some(s)) | ScalarValue::Utf8View(Some(s)) => format!("'{s}'"),
        ScalarValue::BinaryView(Some(b)) | ScalarValue::Binary(Some(b)) => {
            format!("'{}'", String::from_utf8_lossy(b))
        }
        other => match param_i128(other) {
            Some(i) => i.to_string(),
            None => param_f64(other).map(|f| f.to_string()).unwrap_or_else(|| other.to_string()),
        },
    }
}

/// `name(p1, p2)` or `name` without parameters.
pub fn signature_with(name: &str, params: &[ScalarValue]) -> String {
    if params.is_empty() {
        name.to_string()
    } else {
        format!("{name}({})", params.iter().map(fmt_param).collect::<Vec<_>>().join(", "))
    }
}
