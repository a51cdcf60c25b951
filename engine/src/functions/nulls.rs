//! NULL handling: `isNull`, `isNotNull`, `isZeroOrNull`, `coalesce`, `ifNull`,
//! `nullIf`, `assumeNotNull`, `toNullable`. These see NULLs themselves, so
//! their result types follow ClickHouse's own rules rather than the default
//! Nullable propagation (`coalesce` is Nullable only when every argument is).
//! Built from DataFusion IS [NOT] NULL and CASE. Mirrors ClickHouse
//! `isNull.cpp`, `coalesce.cpp`, `ifNull.cpp`, `nullIf.cpp`.

use datafusion::logical_expr::expr::Case as DfCase;
use datafusion::logical_expr::{binary_expr, lit, Expr as DfExpr, Operator};
use datafusion::scalar::ScalarValue;

use super::arithmetic::{cast_keep_null, null_result};
use super::comparison::{compare, CmpOp};
use super::{
    as_predicate, check_arg_count, from_bool, illegal_type, Case, FunctionContext, FunctionRegistry, TypedExpr,
};
use crate::error::{Error, ErrorCode, Result};
use crate::types::rules::common_supertype;
use crate::types::ChType;

fn one(args: Vec<TypedExpr>) -> Result<TypedExpr> {
    args.into_iter().next().ok_or_else(|| Error::new(ErrorCode::LOGICAL_ERROR, "missing argument"))
}

fn is_null(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    check_arg_count(&ctx.name, &args, 1, 1)?;
    let x = one(args)?;
    Ok(from_bool(DfExpr::IsNull(Box::new(x.expr))))
}

fn is_not_null(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    check_arg_count(&ctx.name, &args, 1, 1)?;
    let x = one(args)?;
    Ok(from_bool(DfExpr::IsNotNull(Box::new(x.expr))))
}

fn is_zero_or_null(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    check_arg_count(&ctx.name, &args, 1, 1)?;
    let x = one(args)?;
    if x.ty.is_nothing() {
        return Ok(from_bool(lit(true)));
    }
    let b = x.ty.base();
    if !b.is_numeric() {
        return Err(illegal_type(&ctx.name, 0, &x.ty));
    }
    let zero = ScalarValue::new_zero(&b.to_arrow()).map_err(Error::from)?;
    let is_zero = if matches!(b, ChType::Bool) {
        DfExpr::Not(Box::new(x.expr.clone()))
    } else {
        binary_expr(x.expr.clone(), Operator::Eq, lit(zero))
    };
    Ok(from_bool(binary_expr(DfExpr::IsNull(Box::new(x.expr)), Operator::Or, is_zero)))
}

/// The first non-NULL argument; Nullable only when every argument is.
fn coalesce(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    check_arg_count(&ctx.name, &args, 1, usize::MAX)?;
    let mut kept: Vec<TypedExpr> = Vec::new();
    for a in args {
        if a.ty.is_nothing() {
            continue;
        }
        let last = !a.ty.is_nullable();
        kept.push(a);
        if last {
            break;
        }
    }
    if kept.is_empty() {
        return Ok(null_result());
    }
    let all_nullable = kept.iter().all(|a| a.ty.is_nullable());
    let bases: Vec<ChType> = kept.iter().map(|a| a.ty.remove_nullable()).collect();
    let base = common_supertype(&bases)?;
    let t = if all_nullable { base.clone().nullable() } else { base.clone() };
    if kept.len() == 1 {
        let x = one(kept)?;
        let x = cast_keep_null(ctx, x, &base)?;
        return Ok(TypedExpr::new(x.expr, t));
    }
    let mut exprs = Vec::with_capacity(kept.len());
    for a in kept {
        exprs.push(cast_keep_null(ctx, a, &base)?.expr);
    }
    let otherwise = exprs.pop().ok_or_else(|| Error::new(ErrorCode::LOGICAL_ERROR, "coalesce"))?;
    let whens = exprs.into_iter().map(|e| (Box::new(DfExpr::IsNotNull(Box::new(e.clone()))), Box::new(e))).collect();
    Ok(TypedExpr::new(DfExpr::Case(DfCase::new(None, whens, Some(Box::new(otherwise)))), t))
}

fn if_null(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    check_arg_count(&ctx.name, &args, 2, 2)?;
    if !args[0].ty.is_nothing() && !args[0].ty.is_nullable() {
        return one(args);
    }
    coalesce(ctx, args)
}

fn null_if(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    check_arg_count(&ctx.name, &args, 2, 2)?;
    if args[0].ty.is_nothing() {
        return Ok(null_result());
    }
    let t = args[0].ty.clone().nullable();
    let x = args[0].clone();
    let eq_ctx = FunctionContext { name: "equals".into(), ..ctx.clone() };
    let eq = compare(&eq_ctx, args, CmpOp::Eq)?;
    let pred = as_predicate(&eq)?;
    let null = ScalarValue::try_from(&t.to_arrow()).map_err(Error::from)?;
    let e = DfExpr::Case(DfCase::new(
        None,
        vec![(Box::new(pred), Box::new(DfExpr::Literal(null, None)))],
        Some(Box::new(x.expr)),
    ));
    Ok(TypedExpr::new(e, t))
}

/// The value type; NULL rows read as the type's default.
fn assume_not_null(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    check_arg_count(&ctx.name, &args, 1, 1)?;
    let x = one(args)?;
    if x.ty.is_nothing() {
        return Err(Error::new(
            ErrorCode::ILLEGAL_TYPE_OF_ARGUMENT,
            "Cannot create non-empty column with type Nothing",
        ));
    }
    if !x.ty.is_nullable() {
        return Ok(x);
    }
    let t = x.ty.remove_nullable();
    let default = ScalarValue::new_default(&t.to_arrow()).map_err(Error::from)?;
    let e = DfExpr::Case(DfCase::new(
        None,
        vec![(Box::new(DfExpr::IsNotNull(Box::new(x.expr.clone()))), Box::new(x.expr))],
        Some(Box::new(DfExpr::Literal(default, None))),
    ));
    Ok(TypedExpr::new(e, t))
}

fn to_nullable(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    check_arg_count(&ctx.name, &args, 1, 1)?;
    let x = one(args)?;
    let t = x.ty.clone().nullable();
    Ok(TypedExpr::new(x.expr, t))
}

/// Registers the NULL functions.
pub fn register(r: &mut FunctionRegistry) {
    r.scalar("isNull", Case::Insensitive, is_null);
    r.scalar("isNotNull", Case::Insensitive, is_not_null);
    r.scalar("isZeroOrNull", Case::Sensitive, is_zero_or_null);
    r.scalar("coalesce", Case::Insensitive, coalesce);
    r.scalar("ifNull", Case::Insensitive, if_null);
    r.scalar("nullIf", Case::Insensitive, null_if);
    r.scalar("assumeNotNull", Case::Sensitive, assume_not_null);
    r.scalar("toNullable", Case::Sensitive, to_nullable);
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use datafusion::scalar::ScalarValue as S;

    #[test]
    fn null_functions() {
        // chdb: isNull(NULL)=1 (UInt8); isNotNull(1)=1; coalesce(NULL, 1)=1 (UInt8);
        // coalesce(toNullable(1), toNullable(2)) Nullable(UInt8); coalesce(toNullable(1), -2) Int16
        assert_eq!(run("isNull", vec![null()]).unwrap(), ("UInt8".into(), S::UInt8(Some(1))));
        assert_eq!(run("isNotNull", vec![int("UInt8", 1)]).unwrap(), ("UInt8".into(), S::UInt8(Some(1))));
        assert_eq!(run("coalesce", vec![null(), int("UInt8", 1)]).unwrap(), ("UInt8".into(), S::UInt8(Some(1))));
        assert_eq!(
            run("coalesce", vec![nullable("UInt8", None), nullable("UInt8", Some(2))]).unwrap(),
            ("Nullable(UInt8)".into(), S::UInt8(Some(2)))
        );
        assert_eq!(
            run("coalesce", vec![nullable("UInt8", None), int("Int8", -2)]).unwrap(),
            ("Int16".into(), S::Int16(Some(-2)))
        );
        assert_eq!(run("coalesce", vec![null(), null()]).unwrap().0, "Nullable(Nothing)");
        // chdb: ifNull(NULL, 1)=1; ifNull(1, 2) UInt8; ifNull(toNullable(1), NULL) Nullable(UInt8)
        assert_eq!(run("ifNull", vec![null(), int("UInt8", 1)]).unwrap(), ("UInt8".into(), S::UInt8(Some(1))));
        assert_eq!(run("ifNull", vec![int("UInt8", 1), int("UInt8", 2)]).unwrap(), ("UInt8".into(), S::UInt8(Some(1))));
        assert_eq!(
            run("ifNull", vec![nullable("UInt8", Some(1)), null()]).unwrap(),
            ("Nullable(UInt8)".into(), S::UInt8(Some(1)))
        );
        // chdb: nullIf(1, 1) = NULL (Nullable(UInt8)); nullIf(1, 2) = 1; nullIf(NULL, 1) Nullable(Nothing)
        assert_eq!(
            run("nullIf", vec![int("UInt8", 1), int("UInt8", 1)]).unwrap(),
            ("Nullable(UInt8)".into(), S::UInt8(None))
        );
        assert_eq!(run("nullIf", vec![int("UInt8", 1), int("UInt8", 2)]).unwrap().1, S::UInt8(Some(1)));
        assert_eq!(run("nullIf", vec![null(), int("UInt8", 1)]).unwrap().0, "Nullable(Nothing)");
        // chdb: assumeNotNull(toNullable(1)) = 1 (UInt8); toTypeName(toNullable(toNullable(1))) = Nullable(UInt8)
        assert_eq!(
            run("assumeNotNull", vec![nullable("UInt8", Some(1))]).unwrap(),
            ("UInt8".into(), S::UInt8(Some(1)))
        );
        assert_eq!(run("assumeNotNull", vec![nullable("UInt8", None)]).unwrap().1, S::UInt8(Some(0)));
        assert_eq!(run("toNullable", vec![nullable("UInt8", Some(1))]).unwrap().0, "Nullable(UInt8)");
        // chdb: isZeroOrNull(0)=1, isZeroOrNull(NULL)=1, isZeroOrNull(1)=0 (UInt8)
        assert_eq!(run("isZeroOrNull", vec![int("UInt8", 0)]).unwrap(), ("UInt8".into(), S::UInt8(Some(1))));
        assert_eq!(run("isZeroOrNull", vec![nullable("UInt8", None)]).unwrap().1, S::UInt8(Some(1)));
        assert_eq!(run("isZeroOrNull", vec![int("UInt8", 1)]).unwrap().1, S::UInt8(Some(0)));
        assert_eq!(run_code("isZeroOrNull", vec![str_("a")]), 43);
    }
}
