//! The ClickHouse function library: the one registry the binder asks for a
//! function by its ClickHouse name (DataFusion's built-ins never answer a
//! ClickHouse name, spec/engine.md P6).
//!
//! A scalar function is registered as a [`ScalarBuilder`]: given the bound
//! arguments (DataFusion expressions with their ClickHouse types) it checks them
//! as ClickHouse does (42 NUMBER_OF_ARGUMENTS_DOESNT_MATCH, 43
//! ILLEGAL_TYPE_OF_ARGUMENT), decides the ClickHouse result type, and returns the
//! DataFusion expression that computes it: usually a call of a [`ChScalarUdf`]
//! (one kernel function over Arrow arrays), sometimes a plain DataFusion
//! expression (`BinaryExpr`, `Cast`) when DataFusion's semantics already match.
//! Each family lives in its own file and registers itself in [`register_all`].
//! Aggregates live in `crate::aggregates` and register in the same registry.

pub mod arithmetic;
pub mod arrays;
pub mod bits;
pub mod cast_composite;
pub mod cast_kernel;
pub mod comparison;
pub mod conditional;
pub mod conversion;
pub mod date_arith;
pub mod dates;
pub mod hashes;
pub mod higher_order;
pub mod logical;
pub mod maps;
pub mod math;
pub mod math_extra;
pub mod misc;
pub mod nulls;
pub mod readable;
pub mod reinterpret;
pub mod server_info;
pub mod strings;
#[cfg(test)]
pub mod testing;
pub mod tostring;
pub mod tuples;
pub mod udf;
pub mod uuid_ip;

use std::collections::HashMap;
use std::sync::Arc;

use datafusion::logical_expr::Expr as DfExpr;
use datafusion::scalar::ScalarValue;

use crate::aggregates::AggregateBuilder;
use crate::error::{Error, ErrorCode, Result};
use crate::types::ChType;

pub use udf::{ChScalarUdf, Kernel, KernelArgs};

/// A bound expression: the DataFusion expression and its ClickHouse type.
/// Invariant: the Arrow type of `expr` is `ty.to_arrow()`.
#[derive(Debug, Clone, PartialEq)]
pub struct TypedExpr {
    pub expr: DfExpr,
    pub ty: ChType,
}

impl TypedExpr {
    pub fn new(expr: DfExpr, ty: ChType) -> Self {
        TypedExpr { expr, ty }
    }

    /// The constant value when this expression is a literal.
    pub fn literal(&self) -> Option<&ScalarValue> {
        match &self.expr {
            DfExpr::Literal(v, _) => Some(v),
            DfExpr::Alias(a) => match a.expr.as_ref() {
                DfExpr::Literal(v, _) => Some(v),
                _ => None,
            },
            _ => None,
        }
    }

    /// A literal's value as a string, when it is a string literal.
    pub fn literal_str(&self) -> Option<String> {
        match self.literal()? {
            ScalarValue::BinaryView(Some(b)) | ScalarValue::Binary(Some(b)) => {
                Some(String::from_utf8_lossy(b).into_owned())
            }
            ScalarValue::Utf8(Some(s)) | ScalarValue::Utf8View(Some(s)) => Some(s.clone()),
            _ => None,
        }
    }

    /// A literal's value as an i128, when it is an integer literal.
    pub fn literal_int(&self) -> Option<i128> {
        Some(match self.literal()? {
            ScalarValue::Int8(Some(v)) => *v as i128,
            ScalarValue::Int16(Some(v)) => *v as i128,
            ScalarValue::Int32(Some(v)) => *v as i128,
            ScalarValue::Int64(Some(v)) => *v as i128,
            ScalarValue::UInt8(Some(v)) => *v as i128,
            ScalarValue::UInt16(Some(v)) => *v as i128,
            ScalarValue::UInt32(Some(v)) => *v as i128,
            ScalarValue::UInt64(Some(v)) => *v as i128,
            ScalarValue::Boolean(Some(v)) => *v as i128,
            _ => return None,
        })
    }
}

/// What a function builder may know about the query it is bound in.
#[derive(Debug, Clone)]
pub struct FunctionContext {
    /// The name as the user wrote it (`toDate`, `LOWER`).
    pub name: String,
    /// The session time zone (`session_timezone`, else the server's: UTC).
    pub timezone: String,
    /// The current database (for `currentDatabase()`).
    pub database: String,
    /// Query start time, Unix seconds with microseconds (for `now()`, `today()`).
    pub now_micros: i64,
    /// The session's settings as the query sees them (for `getSetting`).
    pub settings: Arc<crate::settings::Settings>,
}

/// Binds one scalar function call: checks the arguments, returns the expression and type.
pub type ScalarBuilder = fn(&FunctionContext, Vec<TypedExpr>) -> Result<TypedExpr>;

#[derive(Clone, Copy)]
enum Entry {
    Scalar(ScalarBuilder),
    Aggregate(AggregateBuilder),
}

/// ClickHouse name → function. Names are case-sensitive unless registered as
/// case-insensitive (as ClickHouse's `FunctionFactory` does).
#[derive(Default, Clone)]
pub struct FunctionRegistry {
    exact: HashMap<String, Entry>,
    /// lower-case name → canonical name, for case-insensitive functions.
    insensitive: HashMap<String, String>,
}

/// Whether a name is matched regardless of case.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Case {
    Sensitive,
    Insensitive,
}

impl FunctionRegistry {
    /// The registry with every built-in function.
    pub fn builtin() -> Arc<FunctionRegistry> {
        let mut r = FunctionRegistry::default();
        register_all(&mut r);
        crate::aggregates::register_all(&mut r);
        Arc::new(r)
    }

    fn insert(&mut self, name: &str, case: Case, entry: Entry) {
        self.exact.insert(name.to_string(), entry);
        if case == Case::Insensitive {
            self.insensitive.insert(name.to_ascii_lowercase(), name.to_string());
        }
    }

    /// Registers a scalar function.
    pub fn scalar(&mut self, name: &str, case: Case, builder: ScalarBuilder) {
        self.insert(name, case, Entry::Scalar(builder));
    }

    /// Registers an aggregate function (combinators are resolved by `crate::aggregates`).
    pub fn aggregate(&mut self, name: &str, case: Case, builder: AggregateBuilder) {
        self.insert(name, case, Entry::Aggregate(builder));
    }

    fn lookup(&self, name: &str) -> Option<(&str, Entry)> {
        if let Some((k, e)) = self.exact.get_key_value(name) {
            return Some((k.as_str(), *e));
        }
        let canon = self.insensitive.get(&name.to_ascii_lowercase())?;
        self.exact.get_key_value(canon).map(|(k, e)| (k.as_str(), *e))
    }

    /// The scalar builder for a name.
    pub fn scalar_builder(&self, name: &str) -> Option<ScalarBuilder> {
        match self.lookup(name)? {
            (_, Entry::Scalar(b)) => Some(b),
            _ => None,
        }
    }

    /// The aggregate builder and canonical name for a plain aggregate name (no combinator).
    pub fn aggregate_builder(&self, name: &str) -> Option<(&str, AggregateBuilder)> {
        match self.lookup(name)? {
            (n, Entry::Aggregate(b)) => Some((n, b)),
            _ => None,
        }
    }

    /// Every registered name with whether it is an aggregate (for `system.functions`).
    pub fn names(&self) -> Vec<(String, bool, bool)> {
        let mut v: Vec<(String, bool, bool)> = self
            .exact
            .iter()
            .map(|(k, e)| {
                let ci = self.insensitive.get(&k.to_ascii_lowercase()).is_some_and(|c| c == k);
                (k.clone(), matches!(e, Entry::Aggregate(_)), ci)
            })
            .collect();
        v.sort();
        v
    }

    /// Binds a scalar call, or UNKNOWN_FUNCTION (46).
    pub fn bind_scalar(&self, ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
        match self.scalar_builder(&ctx.name) {
            Some(b) => b(ctx, args),
            None => Err(Error::new(
                ErrorCode::UNKNOWN_FUNCTION,
                format!("Function with name '{}' does not exist", ctx.name),
            )),
        }
    }
}

/// Registers every scalar family.
fn register_all(r: &mut FunctionRegistry) {
    conversion::register(r);
    arithmetic::register(r);
    comparison::register(r);
    logical::register(r);
    conditional::register(r);
    nulls::register(r);
    math::register(r);
    misc::register(r);
    dates::register(r);
    tostring::register(r);
    strings::register(r);
    arrays::register(r);
    hashes::register(r);
    tuples::register(r);
    maps::register(r);
    uuid_ip::register(r);
    server_info::register(r);
    reinterpret::register(r);
    readable::register(r);
    math_extra::register(r);
    bits::register(r);
    cast_composite::register(r);
}

/// Argument-count check with ClickHouse's message (42).
pub fn check_arg_count(name: &str, args: &[TypedExpr], min: usize, max: usize) -> Result<()> {
    let n = args.len();
    if n < min || n > max {
        let expected = if min == max {
            format!("{min}")
        } else if max == usize::MAX {
            format!("at least {min}")
        } else {
            format!("{min} to {max}")
        };
        return Err(Error::new(
            ErrorCode::NUMBER_OF_ARGUMENTS_DOESNT_MATCH,
            format!("Number of arguments for function {name} doesn't match: passed {n}, should be {expected}"),
        ));
    }
    Ok(())
}

/// Illegal-type error with ClickHouse's message (43).
pub fn illegal_type(name: &str, arg_index: usize, ty: &ChType) -> Error {
    Error::new(
        ErrorCode::ILLEGAL_TYPE_OF_ARGUMENT,
        format!("Illegal type {ty} of argument #{} of function {name}", arg_index + 1),
    )
}

/// ClickHouse has no boolean results in comparisons: `a = b` is UInt8. Granary
/// computes such functions as Arrow Boolean and exposes them as
/// `CAST(bool AS UInt8)` with type UInt8; [`as_predicate`] strips that cast again
/// where a condition is needed (WHERE, JOIN ON, `and`, `if`), so DataFusion sees
/// plain boolean predicates it can push down and prune with.
pub fn from_bool(bool_expr: DfExpr) -> TypedExpr {
    TypedExpr::new(
        DfExpr::Cast(datafusion::logical_expr::Cast::new(Box::new(bool_expr), arrow::datatypes::DataType::UInt8)),
        ChType::UInt8,
    )
}

/// The boolean predicate of a condition value: the inner boolean of
/// [`from_bool`], a Bool column as is, or `x != 0` for numbers (NULL stays NULL).
pub fn as_predicate(cond: &TypedExpr) -> Result<DfExpr> {
    use datafusion::logical_expr::{lit, Cast};
    if let DfExpr::Cast(Cast { expr, field }) = &cond.expr {
        if *field.data_type() == arrow::datatypes::DataType::UInt8 && is_boolean_expr(expr) {
            return Ok((**expr).clone());
        }
    }
    let base = cond.ty.base();
    match base {
        ChType::Bool => Ok(cond.expr.clone()),
        ChType::Nothing => Ok(DfExpr::Literal(ScalarValue::Boolean(None), None)),
        t if t.is_numeric() => {
            let zero = ScalarValue::new_zero(&t.to_arrow()).map_err(Error::from)?;
            Ok(cond.expr.clone().not_eq(lit(zero)))
        }
        t => Err(Error::new(
            ErrorCode::ILLEGAL_TYPE_OF_COLUMN_FOR_FILTER,
            format!("Illegal type {t} of column for filter. Must be UInt8 or Nullable(UInt8)"),
        )),
    }
}

fn is_boolean_expr(e: &DfExpr) -> bool {
    use datafusion::logical_expr::Operator;
    match e {
        DfExpr::BinaryExpr(b) => matches!(
            b.op,
            Operator::Eq
                | Operator::NotEq
                | Operator::Lt
                | Operator::LtEq
                | Operator::Gt
                | Operator::GtEq
                | Operator::And
                | Operator::Or
                | Operator::IsDistinctFrom
                | Operator::IsNotDistinctFrom
        ),
        DfExpr::Not(_)
        | DfExpr::IsNull(_)
        | DfExpr::IsNotNull(_)
        | DfExpr::InList(_)
        | DfExpr::Between(_)
        | DfExpr::Like(_)
        | DfExpr::InSubquery(_)
        | DfExpr::Exists(_)
        | DfExpr::IsTrue(_)
        | DfExpr::IsFalse(_) => true,
        DfExpr::Literal(ScalarValue::Boolean(_), _) => true,
        DfExpr::ScalarFunction(f) => {
            f.func.inner().return_type(&[]).map(|t| t == arrow::datatypes::DataType::Boolean).unwrap_or(false)
        }
        _ => false,
    }
}
