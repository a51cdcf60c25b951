//! Logical functions: `and`, `or` (n-ary, three-valued with NULL), `not`,
//! `xor`. Arguments are numbers (non-zero is true) or NULL; the result is UInt8,
//! Nullable when an argument is. Each argument becomes a boolean predicate
//! ([`as_predicate`]) and the result is DataFusion's own And/Or/Not, so filters
//! built from them push down. Mirrors ClickHouse `FunctionsLogical.h`.

use datafusion::logical_expr::{binary_expr, Expr as DfExpr, Operator};

use super::arithmetic::null_result;
use super::{as_predicate, from_bool, illegal_type, Case, FunctionContext, FunctionRegistry, TypedExpr};
use crate::error::{Error, ErrorCode, Result};
use crate::types::ChType;

fn check_args(ctx: &FunctionContext, args: &[TypedExpr], min: usize) -> Result<()> {
    if args.len() < min {
        return Err(Error::new(
            ErrorCode::TOO_FEW_ARGUMENTS_FOR_FUNCTION,
            format!(
                "Number of arguments for function \"{}\" should be at least {min}: passed {}",
                ctx.name,
                args.len()
            ),
        ));
    }
    for (i, a) in args.iter().enumerate() {
        if !a.ty.base().is_numeric() && !a.ty.is_nothing() {
            return Err(illegal_type(&ctx.name, i, &a.ty));
        }
    }
    Ok(())
}

fn result_type(args: &[TypedExpr]) -> ChType {
    if args.iter().any(|a| a.ty.is_nullable()) {
        ChType::UInt8.nullable()
    } else {
        ChType::UInt8
    }
}

fn fold(ctx: &FunctionContext, args: Vec<TypedExpr>, op: Operator) -> Result<TypedExpr> {
    check_args(ctx, &args, 2)?;
    let ret = result_type(&args);
    let mut acc: Option<DfExpr> = None;
    for a in &args {
        let p = as_predicate(a)?;
        acc = Some(match acc {
            None => p,
            Some(e) => binary_expr(e, op, p),
        });
    }
    let e = acc.ok_or_else(|| Error::new(ErrorCode::LOGICAL_ERROR, "no arguments"))?;
    Ok(TypedExpr::new(from_bool(e).expr, ret))
}

fn and(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    fold(ctx, args, Operator::And)
}

fn or(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    fold(ctx, args, Operator::Or)
}

fn xor(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    check_args(ctx, &args, 2)?;
    if args.iter().any(|a| a.ty.is_nothing()) {
        return Ok(null_result());
    }
    fold(ctx, args, Operator::NotEq)
}

fn not(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    super::check_arg_count(&ctx.name, &args, 1, 1)?;
    check_args(ctx, &args, 1)?;
    let ret = result_type(&args);
    let p = as_predicate(&args[0])?;
    Ok(TypedExpr::new(from_bool(DfExpr::Not(Box::new(p))).expr, ret))
}

/// Registers the logical functions.
pub fn register(r: &mut FunctionRegistry) {
    r.scalar("and", Case::Sensitive, and);
    r.scalar("or", Case::Sensitive, or);
    r.scalar("xor", Case::Sensitive, xor);
    r.scalar("not", Case::Sensitive, not);
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use datafusion::scalar::ScalarValue as S;

    #[test]
    fn three_valued() {
        // chdb: 1 AND NULL → \N (Nullable(UInt8)), 0 AND NULL → 0, 1 OR NULL → 1, 0 OR NULL → \N,
        // 2 AND 3 → 1 (UInt8), xor(1,0) → 1, xor(1,1) → 0, NOT 5 → 0, and(1) → 35
        let one = || int("UInt8", 1);
        let zero = || int("UInt8", 0);
        assert_eq!(run("and", vec![one(), null()]).unwrap(), ("Nullable(UInt8)".into(), S::UInt8(None)));
        assert_eq!(run("and", vec![zero(), null()]).unwrap().1, S::UInt8(Some(0)));
        assert_eq!(run("or", vec![one(), null()]).unwrap().1, S::UInt8(Some(1)));
        assert_eq!(run("or", vec![zero(), null()]).unwrap().1, S::UInt8(None));
        assert_eq!(run("and", vec![int("UInt8", 2), int("UInt8", 3)]).unwrap(), ("UInt8".into(), S::UInt8(Some(1))));
        assert_eq!(run("and", vec![one(), one(), zero()]).unwrap().1, S::UInt8(Some(0)));
        assert_eq!(run("xor", vec![one(), zero()]).unwrap().1, S::UInt8(Some(1)));
        assert_eq!(run("xor", vec![one(), one()]).unwrap().1, S::UInt8(Some(0)));
        assert_eq!(run("not", vec![int("UInt8", 5)]).unwrap(), ("UInt8".into(), S::UInt8(Some(0))));
        assert_eq!(run("not", vec![null()]).unwrap().1, S::UInt8(None));
        assert_eq!(run("and", vec![f64_(0.5), one()]).unwrap().1, S::UInt8(Some(1)));
        assert_ne!(run_code("and", vec![one()]), 0);
        assert_eq!(run_code("and", vec![str_("a"), one()]), 43);
    }
}
