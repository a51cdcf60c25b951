//! `toString(x[, tz])` (any value → its text form, spec/formats.md §2) and
//! `toFixedString(s, N)`.

use std::sync::Arc;

use arrow::array::{Array, FixedSizeBinaryBuilder};
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

fn to_string_kernel(args: &KernelArgs) -> DfResult<ColumnarValue> {
    let array = args.array(0)?;
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
    let array = args.array(0)?;
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
                        ErrorCode::ARGUMENT_OUT_OF_BOUND, // ClickHouse: 131 TOO_LARGE_STRING_SIZE (not in ErrorCode yet)
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
