//! Conditional functions: `if`, `multiIf`, `caseWithExpression` (what `CASE x
//! WHEN …` becomes), `least`, `greatest`. Branches are cast to the least common
//! supertype (`rules::common_supertype`) and become a DataFusion CASE, which
//! evaluates a branch only on the rows that take it (so `if(x = 0, 0, intDiv(1, x))`
//! does not divide by zero). Mirrors ClickHouse `if.cpp`, `multiIf.cpp`.

use datafusion::logical_expr::expr::Case as DfCase;
use datafusion::logical_expr::{ColumnarValue, Expr as DfExpr};
use datafusion::scalar::ScalarValue;

use super::arithmetic::{cast_keep_null, finish, null_result};
use super::comparison::{compare, CmpOp};
use super::udf::call;
use super::{as_predicate, check_arg_count, Case, FunctionContext, FunctionRegistry, KernelArgs, TypedExpr};
use crate::error::{Error, ErrorCode, Result};
use crate::types::rules::common_supertype;
use crate::types::ChType;

/// Casts every value to their common supertype.
fn unify(ctx: &FunctionContext, values: Vec<TypedExpr>) -> Result<(Vec<DfExpr>, ChType)> {
    let types: Vec<ChType> = values.iter().map(|v| v.ty.clone()).collect();
    let t = common_supertype(&types)?;
    let mut out = Vec::with_capacity(values.len());
    for v in values {
        if v.ty.is_nothing() {
            let null = ScalarValue::try_from(&t.to_arrow()).map_err(Error::from)?;
            out.push(DfExpr::Literal(null, None));
        } else {
            out.push(cast_keep_null(ctx, v, &t)?.expr);
        }
    }
    Ok((out, t))
}

fn case(whens: Vec<(DfExpr, DfExpr)>, otherwise: DfExpr) -> DfExpr {
    DfExpr::Case(DfCase::new(
        None,
        whens.into_iter().map(|(w, t)| (Box::new(w), Box::new(t))).collect(),
        Some(Box::new(otherwise)),
    ))
}

fn if_fn(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    check_arg_count(&ctx.name, &args, 3, 3)?;
    multi_if(ctx, args)
}

fn multi_if(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    if args.len() < 3 || args.len().is_multiple_of(2) {
        return Err(Error::new(
            ErrorCode::NUMBER_OF_ARGUMENTS_DOESNT_MATCH,
            format!("Invalid number of arguments for function {}", ctx.name),
        ));
    }
    let mut conds = Vec::new();
    let mut values = Vec::new();
    let n = args.len();
    for (i, a) in args.into_iter().enumerate() {
        if i % 2 == 0 && i + 1 < n {
            conds.push(as_predicate(&a)?);
        } else {
            values.push(a);
        }
    }
    let (mut vals, t) = unify(ctx, values)?;
    if t.is_nothing() {
        return Ok(null_result());
    }
    let otherwise = vals.pop().ok_or_else(|| Error::new(ErrorCode::LOGICAL_ERROR, "no else branch"))?;
    Ok(TypedExpr::new(case(conds.into_iter().zip(vals).collect(), otherwise), t))
}

/// `caseWithExpression(x, w1, t1, …, else)`: `CASE x WHEN w1 THEN t1 … ELSE else END`.
fn case_with_expression(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    if args.len() < 4 || !args.len().is_multiple_of(2) {
        return Err(Error::new(
            ErrorCode::NUMBER_OF_ARGUMENTS_DOESNT_MATCH,
            format!("Invalid number of arguments for function {}", ctx.name),
        ));
    }
    let mut it = args.into_iter();
    let x = it.next().ok_or_else(|| Error::new(ErrorCode::LOGICAL_ERROR, "no argument"))?;
    let rest: Vec<TypedExpr> = it.collect();
    let mut conds = Vec::new();
    let mut values = Vec::new();
    let n = rest.len();
    let eq_ctx = FunctionContext { name: "equals".into(), ..ctx.clone() };
    for (i, a) in rest.into_iter().enumerate() {
        if i % 2 == 0 && i + 1 < n {
            let eq = compare(&eq_ctx, vec![x.clone(), a], CmpOp::Eq)?;
            conds.push(as_predicate(&eq)?);
        } else {
            values.push(a);
        }
    }
    let (mut vals, t) = unify(ctx, values)?;
    if t.is_nothing() {
        return Ok(null_result());
    }
    let otherwise = vals.pop().ok_or_else(|| Error::new(ErrorCode::LOGICAL_ERROR, "no else branch"))?;
    Ok(TypedExpr::new(case(conds.into_iter().zip(vals).collect(), otherwise), t))
}

fn pick(k: &KernelArgs, greatest: bool) -> datafusion::error::Result<ColumnarValue> {
    use arrow::compute::kernels::cmp::{gt, lt};
    use arrow::compute::kernels::zip::zip;
    let rows = if k.all_scalar() { 1 } else { k.rows };
    let mut acc = k.args[0].to_array(rows)?;
    for a in &k.args[1..] {
        let next = a.to_array(rows)?;
        // take `acc` where it wins or `next` is NULL; NULLs never win.
        let wins = if greatest { gt(&acc, &next)? } else { lt(&acc, &next)? };
        let take_acc: arrow::array::BooleanArray = (0..rows)
            .map(|i| {
                Some(if next.is_null(i) {
                    true
                } else if acc.is_null(i) {
                    false
                } else {
                    wins.value(i)
                })
            })
            .collect();
        acc = zip(&take_acc, &acc, &next)?;
    }
    finish(k, acc)
}

fn least_kernel(k: &KernelArgs) -> datafusion::error::Result<ColumnarValue> {
    pick(k, false)
}
fn greatest_kernel(k: &KernelArgs) -> datafusion::error::Result<ColumnarValue> {
    pick(k, true)
}

use arrow::array::Array;

fn least_greatest(ctx: &FunctionContext, args: Vec<TypedExpr>, kernel: super::Kernel) -> Result<TypedExpr> {
    check_arg_count(&ctx.name, &args, 1, usize::MAX)?;
    let (exprs, t) = unify(ctx, args)?;
    if t.is_nothing() {
        return Ok(null_result());
    }
    if exprs.len() == 1 {
        return Ok(TypedExpr::new(exprs.into_iter().next().unwrap_or(DfExpr::Literal(ScalarValue::Null, None)), t));
    }
    let typed = exprs.into_iter().map(|e| TypedExpr::new(e, t.clone())).collect();
    call(&ctx.name, kernel, typed, t)
}

fn least(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    least_greatest(ctx, args, least_kernel)
}
fn greatest(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    least_greatest(ctx, args, greatest_kernel)
}

/// Registers the conditional functions.
pub fn register(r: &mut FunctionRegistry) {
    r.scalar("if", Case::Insensitive, if_fn);
    r.scalar("multiIf", Case::Sensitive, multi_if);
    r.scalar("caseWithExpression", Case::Sensitive, case_with_expression);
    r.scalar("least", Case::Insensitive, least);
    r.scalar("greatest", Case::Insensitive, greatest);
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use datafusion::scalar::ScalarValue as S;

    #[test]
    fn if_types() {
        // chdb: if(1, 1, 2) UInt8; if(1, 1, -1) Int16; if(1, 1, NULL) Nullable(UInt8); if(NULL, 1, 2) = 2 (UInt8)
        assert_eq!(
            run("if", vec![int("UInt8", 1), int("UInt8", 1), int("UInt8", 2)]).unwrap(),
            ("UInt8".into(), S::UInt8(Some(1)))
        );
        assert_eq!(
            run("if", vec![int("UInt8", 0), int("UInt8", 1), int("Int8", -1)]).unwrap(),
            ("Int16".into(), S::Int16(Some(-1)))
        );
        assert_eq!(
            run("if", vec![int("UInt8", 0), int("UInt8", 1), null()]).unwrap(),
            ("Nullable(UInt8)".into(), S::UInt8(None))
        );
        assert_eq!(
            run("if", vec![null(), int("UInt8", 1), int("UInt8", 2)]).unwrap(),
            ("UInt8".into(), S::UInt8(Some(2)))
        );
        assert_eq!(run("if", vec![int("UInt8", 1), str_("a"), str_("bb")]).unwrap().0, "String");
        // the untaken branch is not evaluated: if(1, 1, intDiv(1, 0))
        let bad = bind("intDiv", vec![int("UInt8", 1), int("UInt8", 0)]).unwrap();
        assert_eq!(run("if", vec![int("UInt8", 1), int("UInt8", 1), bad]).unwrap().1, S::UInt8(Some(1)));
    }

    #[test]
    fn multi_if_and_case() {
        // chdb: multiIf(0, 1, 0, 2, 3) = 3; toTypeName(multiIf(0, 1, 0, -2, 3.5)) = Float64;
        // caseWithExpression(2, 1, 'a', 2, 'b', 'c') = 'b'
        let z = || int("UInt8", 0);
        assert_eq!(
            run("multiIf", vec![z(), int("UInt8", 1), z(), int("UInt8", 2), int("UInt8", 3)]).unwrap().1,
            S::UInt8(Some(3))
        );
        assert_eq!(run("multiIf", vec![z(), int("UInt8", 1), z(), int("Int8", -2), f64_(3.5)]).unwrap().0, "Float64");
        let r = run(
            "caseWithExpression",
            vec![int("UInt8", 2), int("UInt8", 1), str_("a"), int("UInt8", 2), str_("b"), str_("c")],
        )
        .unwrap();
        assert_eq!(r, ("String".into(), S::BinaryView(Some(b"b".to_vec()))));
        // CASE 3 WHEN 1 THEN 'a' END → NULL, Nullable(String)
        let r = run("caseWithExpression", vec![int("UInt8", 3), int("UInt8", 1), str_("a"), null()]).unwrap();
        assert_eq!(r, ("Nullable(String)".into(), S::BinaryView(None)));
    }

    #[test]
    fn through_a_session() {
        use arrow::array::{Array, AsArray, Float64Array, Int32Array};
        use std::sync::Arc;
        // SELECT if(x > 0, intDiv(100, x), -1) FROM t WHERE f > 1 AND isNotNull(x): the NaN row is filtered out
        // (ClickHouse: nan > 1 is false), the x = 0 row takes the else branch, the x = NULL row is filtered.
        let b = batch(vec![
            ("x", Arc::new(Int32Array::from(vec![Some(5), Some(0), None, Some(7)]))),
            ("f", Arc::new(Float64Array::from(vec![2.0, 3.0, 4.0, f64::NAN]))),
        ]);
        let x = || col("x", "Nullable(Int32)");
        let cond = bind("greater", vec![x(), int("UInt8", 0)]).unwrap();
        let div = bind("intDiv", vec![int("UInt8", 100), x()]).unwrap();
        let e = bind("if", vec![cond, div, int("Int8", -1)]).unwrap();
        assert_eq!(e.ty.to_string(), "Nullable(Int8)");
        let f1 = bind("greater", vec![col("f", "Float64"), int("UInt8", 1)]).unwrap();
        let f2 = bind("isNotNull", vec![x()]).unwrap();
        let filter = bind("and", vec![f1, f2]).unwrap();
        let out = eval_session(&e, Some(&filter), b).unwrap();
        let vals: Vec<Option<i8>> = out
            .iter()
            .flat_map(|rb| {
                let a = rb.column(0).as_primitive::<arrow::datatypes::Int8Type>().clone();
                (0..a.len()).map(move |i| if a.is_null(i) { None } else { Some(a.value(i)) })
            })
            .collect();
        assert_eq!(vals, vec![Some(20), Some(-1)]);
    }

    #[test]
    fn least_greatest() {
        // chdb: least(1, 2) = 1; toTypeName(least(1, -2)) = Int16; greatest(1, 2.5) = 2.5 (Float64);
        // least(1, NULL) = 1 (Nullable(UInt8)); greatest('a','b') = 'b'; least(nan, 1) = 1
        assert_eq!(run("least", vec![int("UInt8", 1), int("UInt8", 2)]).unwrap().1, S::UInt8(Some(1)));
        assert_eq!(run("least", vec![int("UInt8", 1), int("Int8", -2)]).unwrap(), ("Int16".into(), S::Int16(Some(-2))));
        assert_eq!(
            run("greatest", vec![int("UInt8", 1), f64_(2.5)]).unwrap(),
            ("Float64".into(), S::Float64(Some(2.5)))
        );
        assert_eq!(run("least", vec![int("UInt8", 1), null()]).unwrap(), ("Nullable(UInt8)".into(), S::UInt8(Some(1))));
        assert_eq!(run("greatest", vec![str_("a"), str_("b")]).unwrap().1, S::BinaryView(Some(b"b".to_vec())));
        assert_eq!(run("least", vec![f64_(f64::NAN), int("UInt8", 1)]).unwrap().1, S::Float64(Some(1.0)));
    }
}
