//! `toString(x[, tz])` (any value → its text form, spec/formats.md §2) and
//! `toFixedString(s, N)`.

use std::sync::Arc;

use arrow::array::{Array, ArrayRef, FixedSizeBinaryBuilder};
use datafusion::error::Result as DfResult;
use datafusion::logical_expr::ColumnarValue;
use datafusion::scalar::ScalarValue;

use super::udf::{call, KernelArgs};
use super::{check_arg_count, illegal_type, Case, FunctionContext, FunctionRegistry, TypedExpr};
use crate::error::{Error, ErrorCode, Result};
use crate::formats::text::{to_text_column, TextOptions, Zone};
use crate::types::ChType;

pub fn register(r: &mut FunctionRegistry) {
    r.scalar("toString", Case::Sensitive, build_to_string);
    r.scalar("toFixedString", Case::Sensitive, build_to_fixed_string);
}

/// Gives every DateTime/DateTime64 without a zone (also nested) the zone `tz`.
fn with_default_zone(ty: &ChType, tz: &str) -> ChType {
    let rec = |t: &ChType| Box::new(with_default_zone(t, tz));
    match ty {
        ChType::DateTime(None) => ChType::DateTime(Some(tz.to_string())),
        ChType::DateTime64(p, None) => ChType::DateTime64(*p, Some(tz.to_string())),
        ChType::Nullable(t) => ChType::Nullable(rec(t)),
        ChType::LowCardinality(t) => ChType::LowCardinality(rec(t)),
        ChType::Array(t) => ChType::Array(rec(t)),
        ChType::Map(k, v) => ChType::Map(rec(k), rec(v)),
        ChType::Tuple(e, n) => ChType::Tuple(e.iter().map(|t| with_default_zone(t, tz)).collect(), n.clone()),
        other => other.clone(),
    }
}

fn build_to_string(ctx: &FunctionContext, mut args: Vec<TypedExpr>) -> Result<TypedExpr> {
    let name = "toString";
    check_arg_count(name, &args, 1, 2)?;
    if args.len() == 2 {
        let (ChType::DateTime(_) | ChType::DateTime64(..)) = args[0].ty.base() else {
            return Err(Error::new(
                ErrorCode::NUMBER_OF_ARGUMENTS_DOESNT_MATCH,
                format!("An incorrect number of arguments was specified for function '{name}'. Expected 1 argument, got 2 arguments"),
            ));
        };
        let Some(tz) = args[1].literal_str() else {
            return Err(illegal_type(name, 1, &args[1].ty));
        };
        Zone::parse(&tz)?;
        let ty = match args[0].ty.base() {
            ChType::DateTime(_) => ChType::DateTime(Some(tz)),
            ChType::DateTime64(p, _) => ChType::DateTime64(*p, Some(tz)),
            _ => return Err(illegal_type(name, 0, &args[0].ty)),
        };
        args[0].ty = if args[0].ty.is_nullable() { ty.nullable() } else { ty };
        args.truncate(1);
    }
    let arg = args.remove(0);
    if arg.ty.is_nothing() || matches!(arg.ty.base(), ChType::String) {
        return Ok(arg);
    }
    let ret = if arg.ty.is_nullable() { ChType::String.nullable() } else { ChType::String };
    let arg = TypedExpr { ty: with_default_zone(&arg.ty, &ctx.timezone), ..arg };
    call(name, to_string_kernel, vec![arg], ret)
}

/// Argument 0 as an array: one row when it is a constant (the result is then a constant).
fn arg0(args: &KernelArgs) -> DfResult<ArrayRef> {
    match args.args.first() {
        Some(ColumnarValue::Scalar(s)) => s.to_array(),
        _ => args.array(0),
    }
}

fn to_string_kernel(args: &KernelArgs) -> DfResult<ColumnarValue> {
    let array = arg0(args)?;
    let ty = args.arg_types.first().cloned().unwrap_or(ChType::Nothing);
    let out = to_text_column(array.as_ref(), &ty, &TextOptions::default()).map_err(Error::into_datafusion)?;
    if args.all_scalar() && out.len() == 1 {
        return Ok(ColumnarValue::Scalar(ScalarValue::try_from_array(out.as_ref(), 0)?));
    }
    Ok(ColumnarValue::Array(out))
}

fn build_to_fixed_string(_ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    let name = "toFixedString";
    check_arg_count(name, &args, 2, 2)?;
    if !args[0].ty.is_string_or_fixed() {
        return Err(illegal_type(name, 0, &args[0].ty));
    }
    let Some(n) = args[1].literal_int() else {
        if args[1].ty.is_integer() {
            return Err(Error::new(
                ErrorCode::ILLEGAL_COLUMN,
                format!("Second argument for function {name} must be constant"),
            ));
        }
        return Err(illegal_type(name, 1, &args[1].ty));
    };
    if n <= 0 || n > (1 << 30) {
        return Err(Error::new(ErrorCode::ARGUMENT_OUT_OF_BOUND, "FixedString size must be positive"));
    }
    let fixed = ChType::FixedString(n as usize);
    let ret = if args[0].ty.is_nullable() { fixed.nullable() } else { fixed };
    call(name, to_fixed_string_kernel, vec![args[0].clone()], ret)
}

fn to_fixed_string_kernel(args: &KernelArgs) -> DfResult<ColumnarValue> {
    let ChType::FixedString(n) = args.ret.base() else {
        return Err(Error::new(ErrorCode::LOGICAL_ERROR, "toFixedString without a FixedString type").into_datafusion());
    };
    let n = *n;
    let array = arg0(args)?;
    let strings = crate::formats::parse::parse_column(
        array.as_ref(),
        &ChType::String,
        &TextOptions::default(),
        crate::formats::parse::OnError::Throw,
    )
    .map_err(Error::into_datafusion)?;
    let strings = arrow::array::AsArray::as_binary_view(strings.as_ref());
    let mut b = FixedSizeBinaryBuilder::with_capacity(strings.len(), n as i32);
    let mut buf = vec![0u8; n];
    for v in strings.iter() {
        match v {
            None => b.append_null(),
            Some(s) => {
                if s.len() > n {
                    return Err(Error::new(
                        ErrorCode::TOO_LARGE_STRING_SIZE,
                        format!("String too long for type FixedString({n})"),
                    )
                    .into_datafusion());
                }
                buf.iter_mut().for_each(|x| *x = 0);
                buf[..s.len()].copy_from_slice(s);
                b.append_value(&buf)?;
            }
        }
    }
    let out: Arc<dyn Array> = Arc::new(b.finish());
    if args.all_scalar() && out.len() == 1 {
        return Ok(ColumnarValue::Scalar(ScalarValue::try_from_array(out.as_ref(), 0)?));
    }
    Ok(ColumnarValue::Array(out))
}

#[cfg(test)]
mod tests {
    use arrow::array::{AsArray, BinaryViewArray, Float64Array, TimestampSecondArray};
    use datafusion::logical_expr::lit;

    use super::*;

    fn ctx() -> FunctionContext {
        FunctionContext {
            name: "toString".into(),
            timezone: "UTC".into(),
            database: "default".into(),
            now_micros: 0,
            settings: Default::default(),
        }
    }

    fn run(kernel: crate::functions::Kernel, arg: ArrayRef, arg_ty: ChType, ret: ChType) -> DfResult<ArrayRef> {
        let rows = arg.len();
        let args = [ColumnarValue::Array(arg)];
        let types = [arg_ty];
        let k = KernelArgs { args: &args, arg_types: &types, ret: &ret, rows };
        match kernel(&k)? {
            ColumnarValue::Array(a) => Ok(a),
            ColumnarValue::Scalar(s) => s.to_array(),
        }
    }

    #[test]
    fn to_string_texts() {
        // SELECT toString(1.5), toString(toDateTime('2024-01-02 03:04:05','UTC'), 'Asia/Tokyo') → 1.5, 2024-01-02 12:04:05
        let f: ArrayRef = Arc::new(Float64Array::from(vec![Some(1.5), None]));
        let out = run(to_string_kernel, f, ChType::Float64.nullable(), ChType::String.nullable()).unwrap();
        let out = out.as_binary_view();
        assert_eq!(out.value(0), b"1.5");
        assert!(out.is_null(1));
        let t: ArrayRef = Arc::new(TimestampSecondArray::from(vec![1704164645]));
        let out = run(to_string_kernel, t, ChType::DateTime(Some("Asia/Tokyo".into())), ChType::String).unwrap();
        assert_eq!(out.as_binary_view().value(0), b"2024-01-02 12:04:05");
    }

    #[test]
    fn builders_check_arguments() {
        let one = TypedExpr::new(lit(1u8), ChType::UInt8);
        let utc = TypedExpr::new(lit("UTC"), ChType::String);
        // SELECT toString(1, 'UTC') → 42
        assert_eq!(build_to_string(&ctx(), vec![one.clone(), utc]).unwrap_err().code(), 42);
        assert_eq!(build_to_string(&ctx(), vec![]).unwrap_err().code(), 42);
        assert_eq!(build_to_string(&ctx(), vec![one.clone()]).unwrap().ty, ChType::String);
        // SELECT toFixedString('abc', 0) → 69; materialize(5) → 44
        let s = TypedExpr::new(lit("abc"), ChType::String);
        let zero = TypedExpr::new(lit(0u8), ChType::UInt8);
        assert_eq!(build_to_fixed_string(&ctx(), vec![s.clone(), zero]).unwrap_err().code(), 69);
        let five = TypedExpr::new(lit(5u8), ChType::UInt8);
        assert_eq!(build_to_fixed_string(&ctx(), vec![s, five]).unwrap().ty, ChType::FixedString(5));
    }

    #[test]
    fn to_fixed_string_pads_and_rejects_long() {
        // SELECT toFixedString(materialize('abc'), 5) → abc\0\0; toFixedString('abc', 2) → too long
        let s: ArrayRef = Arc::new(BinaryViewArray::from_iter_values([b"abc"]));
        let out = run(to_fixed_string_kernel, s.clone(), ChType::String, ChType::FixedString(5)).unwrap();
        assert_eq!(out.as_fixed_size_binary().value(0), b"abc\0\0");
        assert!(run(to_fixed_string_kernel, s, ChType::String, ChType::FixedString(2)).is_err());
    }
}
