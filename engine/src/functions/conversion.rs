//! Type conversions: `CAST`, `_CAST`, `accurateCast[OrNull]`, `toInt8`…`toUInt256`,
//! `toFloat32/64`, `toDecimal*`, `toBool`, their `OrNull`/`OrZero`/`OrDefault`
//! forms, and [`cast`], the one function the binder and every other function
//! use to convert a value to a ClickHouse type.
//!
//! Exact (widening) conversions become a plain DataFusion `Expr::Cast`, so the
//! optimizer sees through them; everything else (narrowing, sign changes,
//! float → int, decimals, dates, text) calls the `_CAST` kernel in
//! `cast_kernel.rs`, whose second argument carries the session time zone.
//! Mirrors ClickHouse `FunctionsConversion.h`.

use std::collections::BTreeMap;

use datafusion::common::metadata::FieldMetadata;
use datafusion::logical_expr::{lit, Cast, Expr as DfExpr};
use datafusion::scalar::ScalarValue;

use super::cast_kernel::{self, supported};
use super::udf::call;
use super::{check_arg_count, illegal_type, Case, FunctionContext, FunctionRegistry, Kernel, TypedExpr};
use crate::error::{Error, ErrorCode, Result};
use crate::formats::parse::{parse_column, OnError};
use crate::formats::text::TextOptions;
use crate::types::{parse_type, ChType};

/// Field-metadata key under which a float literal keeps its source digits.
const LITERAL_TEXT: &str = "granary.literal_text";

/// A Float64 literal that keeps the digits it was written with
/// (`12345678901234567890.5`), for the conversions that parse them.
pub fn float_literal_with_text(value: ScalarValue, text: &str) -> DfExpr {
    let meta = BTreeMap::from([(LITERAL_TEXT.to_string(), text.to_string())]);
    DfExpr::Literal(value, Some(FieldMetadata::from(meta)))
}

/// The decimal text of a Float64 literal: the digits it was written with, else
/// the shortest text of its value (which is what was written).
fn float_literal_text(e: &TypedExpr) -> Option<String> {
    let DfExpr::Literal(ScalarValue::Float64(Some(f)), meta) = &e.expr else { return None };
    if let Some(text) = meta.as_ref().and_then(|m| m.inner().get(LITERAL_TEXT)) {
        return Some(text.clone());
    }
    f.is_finite().then(|| f.to_string())
}

/// The same expression without the kept digits of a float literal (so they never reach a result schema).
fn plain(arg: TypedExpr) -> TypedExpr {
    match arg.expr {
        DfExpr::Literal(v, Some(_)) => TypedExpr::new(DfExpr::Literal(v, None), arg.ty),
        _ => arg,
    }
}

/// A float literal converted to a Decimal as ClickHouse's INSERT VALUES and `::`
/// do: the literal's text is parsed as the Decimal (no Float64 rounding); an
/// integer literal beyond 64 bits (a Float64 too) is parsed as a (U)Int128/256.
fn float_literal_to_decimal(arg: &TypedExpr, to: &ChType) -> Option<Result<TypedExpr>> {
    if arg.ty != ChType::Float64 {
        return None;
    }
    let wide_int = matches!(to.base(), ChType::Int128 | ChType::UInt128 | ChType::Int256 | ChType::UInt256);
    if !matches!(to.base(), ChType::Decimal(..)) && !wide_int {
        return None;
    }
    let text = float_literal_text(arg)?;
    let integer = text.strip_prefix('-').unwrap_or(&text).bytes().all(|b| b.is_ascii_digit());
    if wide_int && !(integer && text.len() > 18) {
        return None;
    }
    let input = arrow::array::BinaryViewArray::from_iter_values([text.as_bytes()]);
    let parsed = parse_column(&input, to.base(), &TextOptions::default(), OnError::Throw)
        .and_then(|a| Ok(ScalarValue::try_from_array(&a, 0)?));
    Some(parsed.map(|v| TypedExpr::new(DfExpr::Literal(v, None), to.clone())))
}

/// Converts `arg` to `to` with ClickHouse's `CAST` semantics (integers wrap,
/// strings are parsed, errors carry ClickHouse's codes). This is the implicit
/// conversion (INSERT values, IN lists, arguments): a float literal becomes a
/// Decimal through its text, as ClickHouse's INSERT VALUES parses it.
pub fn cast(ctx: &FunctionContext, arg: TypedExpr, to: &ChType) -> Result<TypedExpr> {
    if let Some(r) = float_literal_to_decimal(&arg, to) {
        return r;
    }
    cast_with(ctx, plain(arg), to, cast_kernel::cast_plain)
}

/// The explicit `CAST(x AS T)` / `CAST(x, 'T')` (`by_text`: `x::T`). ClickHouse's
/// CAST function refuses text → Map (53 TYPE_MISMATCH), which implicit
/// conversions accept; it converts a float literal through Float64 arithmetic,
/// while `1.5::Decimal(9, 1)` parses the literal's text.
pub fn cast_explicit(ctx: &FunctionContext, arg: TypedExpr, to: &ChType, by_text: bool) -> Result<TypedExpr> {
    if arg.ty.base().is_string_or_fixed() && matches!(to.base(), ChType::Map(..)) {
        return Err(Error::new(
            ErrorCode::TYPE_MISMATCH,
            format!("Unsupported types to CAST AS Map. Left type: {}, right type: {to}", arg.ty.base()),
        ));
    }
    if by_text {
        return cast(ctx, arg, to);
    }
    cast_with(ctx, plain(arg), to, cast_kernel::cast_plain)
}

/// Whether Arrow's own cast gives exactly ClickHouse's result for base types `from` → `to`.
fn arrow_cast_exact(from: &ChType, to: &ChType) -> bool {
    use ChType as C;
    let small_int = |t: &ChType| t.is_integer() && t.bit_width().is_some_and(|b| b <= 64);
    let fb = from.bit_width().unwrap_or(0);
    let tb = to.bit_width().unwrap_or(0);
    match (from, to) {
        (f, t) if small_int(f) && small_int(t) => {
            (f.is_unsigned_int() == t.is_unsigned_int() && tb >= fb)
                || (f.is_unsigned_int() && t.is_signed_int() && tb > fb)
        }
        (C::Bool, t) if small_int(t) || t.is_float() => true,
        (f, t) if small_int(f) && t.is_float() => true,
        (C::Float32, C::Float64) | (C::Float64, C::Float32) => true,
        (C::Decimal(p1, s1), C::Decimal(p2, s2)) => s1 == s2 && p2 >= p1 && *p2 <= 38,
        (C::Decimal(_, _), C::Float64) => true,
        _ => false,
    }
}

/// Whether both types have the same values in the same Arrow storage.
fn same_values(from: &ChType, to: &ChType) -> bool {
    use ChType as C;
    from == to
        || matches!(
            (from, to),
            (C::Date, C::Date32) | (C::DateTime(_), C::DateTime(_)) | (C::Enum8(_), C::Int8) | (C::Enum16(_), C::Int16)
        )
        || matches!((from, to), (C::DateTime64(p1, _), C::DateTime64(p2, _)) if p1 == p2)
}

fn cast_with(ctx: &FunctionContext, arg: TypedExpr, to: &ChType, kernel: Kernel) -> Result<TypedExpr> {
    let is_plain = kernel as usize == cast_kernel::cast_plain as Kernel as usize;
    if &arg.ty == to && is_plain {
        return Ok(arg);
    }
    if arg.ty.is_nothing() {
        if !to.is_nullable() && !to.is_nothing() {
            return Err(Error::new(ErrorCode::CANNOT_CONVERT_TYPE, "Cannot convert NULL to a non-nullable type"));
        }
        return Ok(TypedExpr::new(DfExpr::Cast(Cast::new(Box::new(arg.expr), to.to_arrow())), to.clone()));
    }
    let (fb, tb) = (arg.ty.base().clone(), to.base().clone());
    if let (ChType::Array(fe), ChType::Array(te)) = (&fb, &tb) {
        if fe == te {
            return Ok(TypedExpr::new(arg.expr, to.clone()));
        }
    }
    let checks_null = arg.ty.is_nullable() && !to.is_nullable();
    if is_plain && !checks_null {
        if same_values(&fb, &tb) {
            return Ok(TypedExpr::new(arg.expr, to.clone()));
        }
        if arrow_cast_exact(&fb, &tb) {
            return Ok(TypedExpr::new(DfExpr::Cast(Cast::new(Box::new(arg.expr), to.to_arrow())), to.clone()));
        }
    }
    if !supported(&fb, &tb) && !same_values(&fb, &tb) {
        return Err(Error::new(
            ErrorCode::CANNOT_CONVERT_TYPE,
            format!("Conversion from {} to {to} is not supported", arg.ty),
        ));
    }
    let tz = TypedExpr::new(lit(ScalarValue::BinaryView(Some(ctx.timezone.as_bytes().to_vec()))), ChType::String);
    call("_CAST", kernel, vec![arg, tz], to.clone())
}

/// The target type as a string literal argument (`CAST(x, 'UInt8')`).
fn type_arg(name: &str, args: &[TypedExpr], i: usize) -> Result<ChType> {
    let Some(a) = args.get(i) else {
        return Err(Error::new(ErrorCode::NUMBER_OF_ARGUMENTS_DOESNT_MATCH, format!("Function {name} expects a type")));
    };
    match a.literal_str() {
        Some(s) => parse_type(&s),
        None => Err(Error::new(
            ErrorCode::ILLEGAL_TYPE_OF_ARGUMENT,
            format!("Second argument to {name} must be a constant string describing type. Instead there is {}", a.ty),
        )),
    }
}

fn cast_fn(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    check_arg_count(&ctx.name, &args, 2, 2)?;
    let to = type_arg(&ctx.name, &args, 1)?;
    let mut args = args;
    args.truncate(1);
    let arg = args.pop().ok_or_else(|| Error::new(ErrorCode::LOGICAL_ERROR, "no argument"))?;
    cast_explicit(ctx, arg, &to, false)
}

fn accurate_cast(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    check_arg_count(&ctx.name, &args, 2, 2)?;
    let to = type_arg(&ctx.name, &args, 1)?;
    let arg = first(args)?;
    if arg.ty.base().is_string_or_fixed() || to.is_string() {
        return cast(ctx, arg, &to);
    }
    cast_with(ctx, arg, &to, cast_kernel::cast_accurate)
}

fn accurate_cast_or_null(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    check_arg_count(&ctx.name, &args, 2, 2)?;
    let to = type_arg(&ctx.name, &args, 1)?.nullable();
    let arg = first(args)?;
    cast_with(ctx, arg, &to, cast_kernel::cast_accurate_or_null)
}

fn first(args: Vec<TypedExpr>) -> Result<TypedExpr> {
    args.into_iter().next().ok_or_else(|| Error::new(ErrorCode::LOGICAL_ERROR, "missing argument"))
}

/// The target type of a `toX` function name (`toInt32OrNull` → Int32), with the scale for decimals.
fn target_of(name: &str, scale: Option<u8>) -> Option<ChType> {
    let base = name.strip_prefix("to")?;
    let base = base
        .strip_suffix("OrNull")
        .or_else(|| base.strip_suffix("OrZero"))
        .or_else(|| base.strip_suffix("OrDefault"))
        .unwrap_or(base);
    Some(match base {
        "Int8" => ChType::Int8,
        "Int16" => ChType::Int16,
        "Int32" => ChType::Int32,
        "Int64" => ChType::Int64,
        "Int128" => ChType::Int128,
        "Int256" => ChType::Int256,
        "UInt8" => ChType::UInt8,
        "UInt16" => ChType::UInt16,
        "UInt32" => ChType::UInt32,
        "UInt64" => ChType::UInt64,
        "UInt128" => ChType::UInt128,
        "UInt256" => ChType::UInt256,
        "Float32" => ChType::Float32,
        "Float64" => ChType::Float64,
        "Bool" => ChType::Bool,
        "Decimal32" => ChType::Decimal(9, scale?),
        "Decimal64" => ChType::Decimal(18, scale?),
        "Decimal128" => ChType::Decimal(38, scale?),
        "Decimal256" => ChType::Decimal(76, scale?),
        _ => return None,
    })
}

fn canonical(ctx: &FunctionContext) -> String {
    ctx.name.clone()
}

/// The scale argument of `toDecimalN(x, S)`.
fn scale_arg(name: &str, args: &[TypedExpr], max: u8) -> Result<u8> {
    let Some(a) = args.get(1) else {
        return Err(Error::new(
            ErrorCode::NUMBER_OF_ARGUMENTS_DOESNT_MATCH,
            format!("Number of arguments for function {name} doesn't match: passed 1, should be 2"),
        ));
    };
    let Some(s) = a.literal_int() else {
        return Err(illegal_type(name, 1, &a.ty));
    };
    if s < 0 || s > max as i128 {
        return Err(Error::new(
            ErrorCode::ARGUMENT_OUT_OF_BOUND,
            format!("Decimal scale {s} is out of bounds (max scale: {max})"),
        ));
    }
    Ok(s as u8)
}

fn decimal_max_scale(name: &str) -> Option<u8> {
    if name.starts_with("toDecimal32") {
        Some(9)
    } else if name.starts_with("toDecimal64") {
        Some(18)
    } else if name.starts_with("toDecimal128") {
        Some(38)
    } else if name.starts_with("toDecimal256") {
        Some(76)
    } else {
        None
    }
}

/// `toInt32(x)`, `toDecimal64(x, S)`, `toBool(x)` …
fn to_type(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    let name = canonical(ctx);
    let max_scale = decimal_max_scale(&name);
    let n = if max_scale.is_some() { 2 } else { 1 };
    check_arg_count(&name, &args, n, n)?;
    let scale = match max_scale {
        Some(m) => Some(scale_arg(&name, &args, m)?),
        None => None,
    };
    let to = target_of(&name, scale).ok_or_else(|| Error::new(ErrorCode::UNKNOWN_FUNCTION, name.clone()))?;
    let arg = first(args)?;
    if arg.ty.is_nothing() {
        return Ok(arg);
    }
    let to = if arg.ty.is_nullable() { to.nullable() } else { to };
    cast_explicit(ctx, arg, &to, false)
}

/// `toInt32OrNull(s)`, `toInt32OrZero(s)`, `toInt32OrDefault(s[, default])`: string arguments only.
fn to_type_or(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    let name = canonical(ctx);
    let max_scale = decimal_max_scale(&name);
    let or_default = name.ends_with("OrDefault");
    let base_args = if max_scale.is_some() { 2 } else { 1 };
    check_arg_count(&name, &args, base_args, base_args + usize::from(or_default))?;
    let scale = match max_scale {
        Some(m) => Some(scale_arg(&name, &args, m)?),
        None => None,
    };
    let to = target_of(&name, scale).ok_or_else(|| Error::new(ErrorCode::UNKNOWN_FUNCTION, name.clone()))?;
    let mut args = args;
    let default = if or_default && args.len() > base_args { args.pop() } else { None };
    let arg = first(args)?;
    if !arg.ty.base().is_string_or_fixed() {
        return Err(Error::new(
            ErrorCode::ILLEGAL_TYPE_OF_ARGUMENT,
            format!(
                "Illegal type {} of first argument of function {name}. Conversion functions with postfix 'OrZero' or 'OrNull' should take String argument",
                arg.ty
            ),
        ));
    }
    if name.ends_with("OrNull") {
        return cast_with(ctx, arg, &to.nullable(), cast_kernel::cast_or_null);
    }
    if name.ends_with("OrZero") || default.is_none() {
        let ret = if arg.ty.is_nullable() { to.nullable() } else { to };
        return cast_with(ctx, arg, &ret, cast_kernel::cast_or_zero);
    }
    let parsed = cast_with(ctx, arg, &to.clone().nullable(), cast_kernel::cast_or_null)?;
    let default = cast(ctx, default.ok_or_else(|| Error::new(ErrorCode::LOGICAL_ERROR, "default"))?, &to)?;
    let expr = DfExpr::Case(datafusion::logical_expr::expr::Case::new(
        None,
        vec![(Box::new(parsed.expr.clone().is_not_null()), Box::new(parsed.expr))],
        Some(Box::new(default.expr)),
    ));
    Ok(TypedExpr::new(expr, to))
}

/// Registers the conversion functions.
pub fn register(r: &mut FunctionRegistry) {
    r.scalar("CAST", Case::Insensitive, cast_fn);
    r.scalar("_CAST", Case::Sensitive, cast_fn);
    r.scalar("accurateCast", Case::Sensitive, accurate_cast);
    r.scalar("accurateCastOrNull", Case::Sensitive, accurate_cast_or_null);
    const TARGETS: [&str; 19] = [
        "Int8",
        "Int16",
        "Int32",
        "Int64",
        "Int128",
        "Int256",
        "UInt8",
        "UInt16",
        "UInt32",
        "UInt64",
        "UInt128",
        "UInt256",
        "Float32",
        "Float64",
        "Bool",
        "Decimal32",
        "Decimal64",
        "Decimal128",
        "Decimal256",
    ];
    for t in TARGETS {
        r.scalar(&format!("to{t}"), Case::Sensitive, to_type);
        for suffix in ["OrNull", "OrZero", "OrDefault"] {
            r.scalar(&format!("to{t}{suffix}"), Case::Sensitive, to_type_or);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use datafusion::scalar::ScalarValue as S;

    fn r(name: &str, args: Vec<super::TypedExpr>) -> (String, S) {
        match run(name, args) {
            Ok(v) => v,
            Err(e) => panic!("{name}: {e}"),
        }
    }

    #[test]
    fn float_literal_digits_to_decimal() {
        use super::super::testing::{ctx, eval};
        use crate::types::parse_type;
        let lit = |text: &str| {
            let v = S::Float64(Some(text.parse::<f64>().unwrap()));
            super::TypedExpr::new(super::float_literal_with_text(v, text), parse_type("Float64").unwrap())
        };
        let value = |e: &super::TypedExpr| S::try_from_array(&eval(e).unwrap(), 0).unwrap();
        let c = ctx("CAST");
        let d38 = parse_type("Decimal(38, 1)").unwrap();
        // chdb: INSERT INTO d (Decimal(38, 1)) VALUES (12345678901234567890.5) keeps every digit,
        // and 12345678901234567890.5::Decimal(38, 1) = 12345678901234567890.5
        let exact = super::cast(&c, lit("12345678901234567890.5"), &d38).unwrap();
        assert_eq!(value(&exact), S::Decimal128(Some(123456789012345678905), 38, 1));
        let op = super::cast_explicit(&c, lit("-12345678901234567890.5"), &d38, true).unwrap();
        assert_eq!(value(&op), S::Decimal128(Some(-123456789012345678905), 38, 1));
        // chdb: INSERT VALUES (1.25) into Decimal(9, 1) = 1.2 (text truncates); (1.5e-1) into Decimal(38, 1) = 0.1
        let d9 = parse_type("Decimal(9, 1)").unwrap();
        assert_eq!(value(&super::cast(&c, f64_(1.25), &d9).unwrap()), S::Decimal128(Some(12), 9, 1));
        assert_eq!(value(&super::cast(&c, lit("1.5e-1"), &d38).unwrap()), S::Decimal128(Some(1), 38, 1));
        // chdb: INSERT INTO t (a Int128) VALUES (170141183460469231731687303715884105727) keeps the digits
        let i128_max = super::cast(&c, lit("170141183460469231731687303715884105727"), &parse_type("Int128").unwrap());
        let bytes = crate::types::wide::encode16(arrow::datatypes::i256::from_i128(i128::MAX)).to_vec();
        assert_eq!(value(&i128_max.unwrap()), S::FixedSizeBinary(16, Some(bytes)));
        // CAST(… AS Decimal) goes through Float64: the digits are not exact, and the kept text is dropped.
        let float = super::cast_explicit(&c, lit("12345678901234567890.5"), &d38, false).unwrap();
        assert!(matches!(&float.expr, datafusion::logical_expr::Expr::ScalarFunction(_)));
        // chdb: CAST(12345678901234567890.5 AS Decimal(38, 1)) = 12345678901234566758.6
        assert_eq!(value(&float), S::Decimal128(Some(123456789012345667586), 38, 1));
        // chdb: toDecimal128(0.1, 30) = 0.100000000000000009028505825362
        let d = r("toDecimal128", vec![f64_(0.1), int("UInt8", 30)]).1;
        assert_eq!(d, S::Decimal128(Some(100000000000000009028505825362), 38, 30));
    }

    #[test]
    fn unknown_enum_element() {
        // chdb: CAST('z' AS Enum8('a' = 1)) and CAST(5 AS Enum8('a' = 1)) → 691 UNKNOWN_ELEMENT_OF_ENUM
        assert_eq!(run_code("CAST", vec![str_("z"), str_("Enum8('a' = 1)")]), 691);
        assert_eq!(run_code("CAST", vec![int("UInt8", 5), str_("Enum8('a' = 1)")]), 691);
    }

    #[test]
    fn cast_text_to_map_is_a_type_mismatch() {
        use super::super::testing::ctx;
        use crate::types::parse_type;
        // chdb: CAST('{\'k\':1}' AS Map(String, UInt8)) → 53 TYPE_MISMATCH
        let m = parse_type("Map(String, UInt8)").unwrap();
        let e = super::cast_explicit(&ctx("CAST"), str_("{'k':1}"), &m, false).unwrap_err();
        assert_eq!(e.code(), 53);
        assert_eq!(run_code("CAST", vec![str_("{'k':1}"), str_("Map(String, UInt8)")]), 53);
    }

    #[test]
    fn integers_wrap() {
        // chdb: toUInt8(300)=44, toInt8(200)=-56, toUInt64(-1)=18446744073709551615, toInt64(toUInt64(max))=-1
        assert_eq!(r("toUInt8", vec![int("UInt16", 300)]), ("UInt8".into(), S::UInt8(Some(44))));
        assert_eq!(r("toInt8", vec![int("UInt8", 200)]), ("Int8".into(), S::Int8(Some(-56))));
        assert_eq!(r("toUInt64", vec![int("Int8", -1)]).1, S::UInt64(Some(u64::MAX)));
        assert_eq!(r("toInt64", vec![u64_(u64::MAX)]).1, S::Int64(Some(-1)));
        assert_eq!(r("toInt32", vec![int("UInt8", 7)]), ("Int32".into(), S::Int32(Some(7))));
        assert_eq!(r("toUInt32", vec![int("Int32", -1)]).1, S::UInt32(Some(4294967295)));
    }

    #[test]
    fn floats_truncate_like_clickhouse() {
        // chdb: toUInt8(-1.5)=255, toInt32(1.9)=1, toInt32(-1.9)=-1, toInt32(1e20)=-2147483648,
        // toUInt8(1e10)=0, toUInt8(256.0)=0, toInt8(-129.0)=127, toUInt32(5e9)=705032704,
        // toUInt64(1.8446744073709552e19)=9223372036854775808, toUInt64(-1.0)=18446744073709551615
        assert_eq!(r("toUInt8", vec![f64_(-1.5)]).1, S::UInt8(Some(255)));
        assert_eq!(r("toInt32", vec![f64_(1.9)]).1, S::Int32(Some(1)));
        assert_eq!(r("toInt32", vec![f64_(-1.9)]).1, S::Int32(Some(-1)));
        assert_eq!(r("toInt32", vec![f64_(1e20)]).1, S::Int32(Some(i32::MIN)));
        assert_eq!(r("toUInt8", vec![f64_(1e10)]).1, S::UInt8(Some(0)));
        assert_eq!(r("toUInt8", vec![f64_(256.0)]).1, S::UInt8(Some(0)));
        assert_eq!(r("toInt8", vec![f64_(-129.0)]).1, S::Int8(Some(127)));
        assert_eq!(r("toUInt32", vec![f64_(5e9)]).1, S::UInt32(Some(705032704)));
        assert_eq!(r("toUInt64", vec![f64_(1.8446744073709552e19)]).1, S::UInt64(Some(9223372036854775808)));
        assert_eq!(r("toUInt64", vec![f64_(-1.0)]).1, S::UInt64(Some(u64::MAX)));
        // chdb: toUInt64(1e19) = 10000000000000000000, toUInt64(2e19) = 9223372036854775808
        assert_eq!(r("toUInt64", vec![f64_(1e19)]).1, S::UInt64(Some(10000000000000000000)));
        assert_eq!(r("toUInt64", vec![f64_(2e19)]).1, S::UInt64(Some(9223372036854775808)));
        assert_eq!(r("toFloat32", vec![f64_(1e300)]).1, S::Float32(Some(f32::INFINITY)));
        assert_eq!(run_code("toInt64", vec![f64_(f64::NAN)]), 70);
    }

    #[test]
    fn decimals() {
        // chdb: toDecimal32(1.25, 1)=1.2, toDecimal32(-1.25,1)=-1.2, toDecimal32(1.999,2)=1.99,
        // toInt32(toDecimal32(-1.5,2))=-1, toDecimal32(123456789, 2) → 407
        assert_eq!(
            r("toDecimal32", vec![f64_(1.25), int("UInt8", 1)]),
            ("Decimal(9, 1)".into(), S::Decimal128(Some(12), 9, 1))
        );
        assert_eq!(r("toDecimal32", vec![f64_(-1.25), int("UInt8", 1)]).1, S::Decimal128(Some(-12), 9, 1));
        assert_eq!(r("toDecimal32", vec![f64_(1.999), int("UInt8", 2)]).1, S::Decimal128(Some(199), 9, 2));
        assert_eq!(r("toDecimal128", vec![int("UInt8", 1), int("UInt8", 2)]).0, "Decimal(38, 2)");
        // chdb: toTypeName(toDecimal256(1, 40)) = Decimal(76, 40)
        let (t, v) = r("toDecimal256", vec![int("UInt8", 1), int("UInt8", 40)]);
        assert_eq!(t, "Decimal(76, 40)");
        assert_eq!(v, S::Decimal256(Some(arrow::datatypes::i256::from_i128(10).wrapping_pow(40)), 76, 40));
        assert_eq!(run_code("toDecimal32", vec![int("UInt32", 123456789), int("UInt8", 2)]), 407);
        // chdb: toDecimal32(0.29, 2) = 0.28 (truncates the binary value); toDecimal32(nan, 2) → 407;
        // toInt8(toDecimal32(300, 1)) → 407 "Convert overflow"
        assert_eq!(r("toDecimal32", vec![f64_(0.29), int("UInt8", 2)]).1, S::Decimal128(Some(28), 9, 2));
        assert_eq!(run_code("toDecimal32", vec![f64_(f64::NAN), int("UInt8", 2)]), 407);
        // chdb: toDecimal64(1, 18) = 1 and toDecimal128(1, 38) = 1 (bounded by storage, not digits)
        assert_eq!(
            r("toDecimal64", vec![int("UInt8", 1), int("UInt8", 18)]).1,
            S::Decimal128(Some(10i128.pow(18)), 18, 18)
        );
        assert_eq!(
            r("toDecimal128", vec![int("UInt8", 1), int("UInt8", 38)]).1,
            S::Decimal128(Some(10i128.pow(38)), 38, 38)
        );
        let big = bind("toDecimal32", vec![int("UInt16", 300), int("UInt8", 1)]).unwrap();
        assert_eq!(run_code("toInt8", vec![big]), 407);
        let d = r("toDecimal32", vec![f64_(-1.5), int("UInt8", 2)]);
        assert_eq!(d.1, S::Decimal128(Some(-150), 9, 2));
        let e = bind("toDecimal32", vec![f64_(-1.5), int("UInt8", 2)]).unwrap();
        assert_eq!(r("toInt32", vec![e.clone()]).1, S::Int32(Some(-1)));
        assert_eq!(r("toFloat64", vec![e.clone()]).1, S::Float64(Some(-1.5)));
        // toDecimal64(toDecimal32(1.25,2), 1) = 1.2
        let e = bind("toDecimal32", vec![f64_(1.25), int("UInt8", 2)]).unwrap();
        assert_eq!(r("toDecimal64", vec![e, int("UInt8", 1)]).1, S::Decimal128(Some(12), 18, 1));
    }

    #[test]
    fn bool_and_nulls() {
        // chdb: toBool(2)=true, toBool(1.5)=true, toTypeName(toUInt8(toNullable(300)))=Nullable(UInt8)
        assert_eq!(r("toBool", vec![int("UInt8", 2)]), ("Bool".into(), S::Boolean(Some(true))));
        assert_eq!(r("toBool", vec![f64_(0.0)]).1, S::Boolean(Some(false)));
        assert_eq!(r("toUInt8", vec![nullable("UInt16", Some(300))]), ("Nullable(UInt8)".into(), S::UInt8(Some(44))));
        assert_eq!(r("toUInt8", vec![nullable("UInt16", None)]).1, S::UInt8(None));
        // CAST(NULL AS UInt8) → 70; CAST(CAST(NULL AS Nullable(UInt8)) AS UInt8) → 349
        assert_eq!(run_code("CAST", vec![null(), str_("UInt8")]), 70);
        assert_eq!(r("CAST", vec![null(), str_("Nullable(UInt8)")]), ("Nullable(UInt8)".into(), S::UInt8(None)));
        assert_eq!(run_code("CAST", vec![nullable("UInt8", None), str_("UInt8")]), 349);
        assert_eq!(r("CAST", vec![nullable("UInt8", Some(1)), str_("UInt8")]), ("UInt8".into(), S::UInt8(Some(1))));
    }

    #[test]
    fn cast_and_accurate() {
        // chdb: CAST(300 AS UInt8)=44, CAST(-1 AS UInt32)=4294967295, CAST(1.9 AS Int8)=1
        assert_eq!(r("CAST", vec![int("UInt16", 300), str_("UInt8")]).1, S::UInt8(Some(44)));
        assert_eq!(r("CAST", vec![int("Int8", -1), str_("UInt32")]).1, S::UInt32(Some(4294967295)));
        assert_eq!(r("CAST", vec![f64_(1.9), str_("Int8")]).1, S::Int8(Some(1)));
        assert_eq!(r("_CAST", vec![int("UInt8", 1), str_("Nullable(UInt64)")]).0, "Nullable(UInt64)");
        // accurateCast(300, 'UInt8') → 70; accurateCastOrNull(300|-1|1.5, 'UInt8') → NULL, (2.0) → 2
        assert_eq!(run_code("accurateCast", vec![int("UInt16", 300), str_("UInt8")]), 70);
        assert_eq!(
            r("accurateCastOrNull", vec![int("UInt16", 300), str_("UInt8")]),
            ("Nullable(UInt8)".into(), S::UInt8(None))
        );
        assert_eq!(r("accurateCastOrNull", vec![int("Int8", -1), str_("UInt8")]).1, S::UInt8(None));
        assert_eq!(r("accurateCastOrNull", vec![f64_(1.5), str_("UInt8")]).1, S::UInt8(None));
        assert_eq!(r("accurateCastOrNull", vec![f64_(f64::NAN), str_("Int32")]).1, S::Int32(None));
        assert_eq!(r("accurateCastOrNull", vec![f64_(2.0), str_("UInt8")]).1, S::UInt8(Some(2)));
        // toInt32OrNull(12) → 43
        assert_eq!(run_code("toInt32OrNull", vec![int("UInt8", 12)]), 43);
        assert_eq!(bind("toInt32OrNull", vec![str_("1")]).unwrap().ty.to_string(), "Nullable(Int32)");
    }

    #[test]
    fn arrays() {
        use super::super::TypedExpr;
        use crate::types::ChType;
        use arrow::array::{Array, AsArray, ListArray};
        use std::sync::Arc;
        // chdb: CAST([1, 300] AS Array(UInt8)) = [1, 44]; CAST([1, NULL] AS Array(Nullable(Int8))) keeps NULL
        let list = ListArray::from_iter_primitive::<arrow::datatypes::Int32Type, _, _>(vec![
            Some(vec![Some(1), Some(300)]),
            Some(vec![Some(2), None]),
        ]);
        let b = batch(vec![("a", Arc::new(list) as _)]);
        let a = TypedExpr::new(datafusion::logical_expr::col("a"), ChType::Array(Box::new(ChType::Int32.nullable())));
        let e = bind("CAST", vec![a, str_("Array(Nullable(UInt8))")]).unwrap();
        let out = eval_on(&e, &b).unwrap();
        let l = out.as_list::<i32>();
        let v = l.values().as_primitive::<arrow::datatypes::UInt8Type>();
        assert_eq!((v.value(0), v.value(1), v.value(2), v.is_null(3)), (1, 44, 2, true));
    }

    #[test]
    fn int128_round_trip() {
        // chdb: toInt8(toInt128(200)) = -56
        let e = bind("toInt128", vec![int("UInt8", 200)]).unwrap();
        assert_eq!(e.ty.to_string(), "Int128");
        assert_eq!(r("toInt8", vec![e]).1, S::Int8(Some(-56)));
    }

    #[test]
    fn dates() {
        use super::super::TypedExpr;
        use datafusion::logical_expr::lit;
        // chdb: CAST(19000 AS Date)=2022-01-08 (19000), toDate(100000)=1970-01-02, CAST(-1 AS Date)=1970-01-01,
        // toUInt32(toDate('2024-01-01'))=19723, toInt64(toDateTime(toDate('2024-01-01'), 'Asia/Tokyo'))=1704034800
        assert_eq!(r("CAST", vec![int("UInt16", 19000), str_("Date")]).1, S::Date32(Some(19000)));
        assert_eq!(r("CAST", vec![int("UInt32", 100000), str_("Date")]).1, S::Date32(Some(1)));
        assert_eq!(r("CAST", vec![int("Int8", -1), str_("Date")]).1, S::Date32(Some(0)));
        // chdb: toDateTime(-1) = 1970-01-01 00:00:00, toDateTime(4294967296) = 2106-02-07 06:28:15, CAST(1.5 AS DateTime) = 1 s
        assert_eq!(r("CAST", vec![int("Int8", -1), str_("DateTime")]).1, S::TimestampSecond(Some(0), None));
        assert_eq!(
            r("CAST", vec![int("Int64", 4294967296), str_("DateTime")]).1,
            S::TimestampSecond(Some(4294967295), None)
        );
        assert_eq!(r("CAST", vec![f64_(1.5), str_("DateTime")]).1, S::TimestampSecond(Some(1), None));
        let d = TypedExpr::new(lit(S::Date32(Some(19723))), crate::types::ChType::Date);
        assert_eq!(r("toUInt32", vec![d.clone()]).1, S::UInt32(Some(19723)));
        assert_eq!(
            r("CAST", vec![d.clone(), str_("DateTime('Asia/Tokyo')")]).1,
            S::TimestampSecond(Some(1704034800), None)
        );
        assert_eq!(r("CAST", vec![d, str_("DateTime")]).1, S::TimestampSecond(Some(1704067200), None));
        let t = TypedExpr::new(lit(S::TimestampSecond(Some(1704150000), None)), crate::types::ChType::DateTime(None));
        assert_eq!(r("CAST", vec![t.clone(), str_("Date")]).1, S::Date32(Some(19723)));
        assert_eq!(r("toInt64", vec![t]).1, S::Int64(Some(1704150000)));
    }
}
