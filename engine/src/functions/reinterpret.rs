//! Byte reinterpretation: `reinterpretAsUInt8`…`reinterpretAsInt128`,
//! `reinterpretAsFloat32/64`, `reinterpretAsDate`, `reinterpretAsDateTime`,
//! `reinterpretAsString`, `reinterpretAsFixedString`, and `toStringCutToZero`.
//! A value's bytes are its little-endian in-memory form in ClickHouse (Date is
//! 2 bytes, DateTime 4); strings are taken as they are, padded with zero bytes
//! or cut to the target width. Mirrors ClickHouse `reinterpretAs.cpp` and
//! `toStringCutToZero` in `FunctionsConversion.h`.

use std::sync::Arc;

use arrow::array::{
    Array, ArrayRef, AsArray, BinaryViewBuilder, Date32Builder, FixedSizeBinaryBuilder, Float32Builder, Float64Builder,
    Int16Builder, Int32Builder, Int64Builder, Int8Builder, TimestampSecondBuilder, UInt16Builder, UInt32Builder,
    UInt64Builder, UInt8Builder,
};
use arrow::datatypes::{
    DataType, Date32Type, Float32Type, Float64Type, Int16Type, Int32Type, Int64Type, Int8Type, TimeUnit,
    TimestampSecondType, UInt16Type, UInt32Type, UInt64Type, UInt8Type,
};
use datafusion::error::Result as DfResult;
use datafusion::logical_expr::ColumnarValue;

use super::cast_kernel::{i128_from_bytes, i128_to_bytes};
use super::strings::basic::map_to_str;
use super::strings::{finish, logical, null_if_nothing, out_rows, ret_type};
use super::udf::call;
use super::{check_arg_count, Case, FunctionContext, FunctionRegistry, KernelArgs, TypedExpr};
use crate::error::{Error, ErrorCode, Result};
use crate::types::ChType;

/// Registers the reinterpretation functions.
pub fn register(r: &mut FunctionRegistry) {
    for t in [
        "UInt8",
        "UInt16",
        "UInt32",
        "UInt64",
        "UInt128",
        "Int8",
        "Int16",
        "Int32",
        "Int64",
        "Int128",
        "Float32",
        "Float64",
        "Date",
        "DateTime",
        "String",
        "FixedString",
    ] {
        r.scalar(&format!("reinterpretAs{t}"), Case::Sensitive, reinterpret);
    }
    r.scalar("toStringCutToZero", Case::Sensitive, to_string_cut_to_zero);
}

/// Bytes of the in-memory form of the source type (None when it cannot be reinterpreted).
fn source_width(t: &ChType) -> Option<usize> {
    Some(match t {
        ChType::UInt8 | ChType::Int8 | ChType::Bool => 1,
        ChType::UInt16 | ChType::Int16 | ChType::Date => 2,
        ChType::UInt32 | ChType::Int32 | ChType::Float32 | ChType::Date32 | ChType::DateTime(_) | ChType::IPv4 => 4,
        ChType::UInt64 | ChType::Int64 | ChType::Float64 | ChType::DateTime64(..) => 8,
        ChType::UInt128 | ChType::Int128 => 16,
        ChType::String | ChType::FixedString(_) => 0,
        _ => return None,
    })
}

fn target_of(name: &str, src: &ChType) -> Option<ChType> {
    Some(match name.strip_prefix("reinterpretAs")? {
        "UInt8" => ChType::UInt8,
        "UInt16" => ChType::UInt16,
        "UInt32" => ChType::UInt32,
        "UInt64" => ChType::UInt64,
        "UInt128" => ChType::UInt128,
        "Int8" => ChType::Int8,
        "Int16" => ChType::Int16,
        "Int32" => ChType::Int32,
        "Int64" => ChType::Int64,
        "Int128" => ChType::Int128,
        "Float32" => ChType::Float32,
        "Float64" => ChType::Float64,
        "Date" => ChType::Date,
        "DateTime" => ChType::DateTime(None),
        "String" => ChType::String,
        "FixedString" => match src {
            ChType::FixedString(n) => ChType::FixedString(*n),
            t => ChType::FixedString(source_width(t).filter(|w| *w > 0)?),
        },
        _ => return None,
    })
}

fn reinterpret(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    check_arg_count(&ctx.name, &args, 1, 1)?;
    if let Some(n) = null_if_nothing(&args) {
        return Ok(n);
    }
    let src = args[0].ty.base().clone();
    let to = target_of(&ctx.name, &src).filter(|_| source_width(&src).is_some()).ok_or_else(|| {
        Error::new(
            ErrorCode::ILLEGAL_TYPE_OF_ARGUMENT,
            format!(
                "Cannot reinterpret {} as {} because only Numeric, String or FixedString can be reinterpreted",
                args[0].ty,
                ctx.name.trim_start_matches("reinterpretAs")
            ),
        )
    })?;
    let ret = ret_type(to, &args);
    call(&ctx.name, k_reinterpret, args, ret)
}

/// Writes the little-endian in-memory bytes of row `row` into `buf`; false for NULL.
fn row_bytes(a: &dyn Array, t: &ChType, row: usize, buf: &mut Vec<u8>) -> DfResult<bool> {
    buf.clear();
    if a.is_null(row) {
        return Ok(false);
    }
    match a.data_type() {
        DataType::BinaryView => buf.extend_from_slice(a.as_binary_view().value(row)),
        DataType::FixedSizeBinary(_) => {
            let v = a.as_fixed_size_binary().value(row);
            match t {
                ChType::UInt128 | ChType::Int128 => buf.extend_from_slice(&i128_from_bytes(v, true).to_le_bytes()),
                _ => buf.extend_from_slice(v),
            }
        }
        DataType::Boolean => buf.push(u8::from(a.as_boolean().value(row))),
        DataType::UInt8 => buf.extend_from_slice(&a.as_primitive::<UInt8Type>().value(row).to_le_bytes()),
        DataType::UInt16 => buf.extend_from_slice(&a.as_primitive::<UInt16Type>().value(row).to_le_bytes()),
        DataType::UInt32 => buf.extend_from_slice(&a.as_primitive::<UInt32Type>().value(row).to_le_bytes()),
        DataType::UInt64 => buf.extend_from_slice(&a.as_primitive::<UInt64Type>().value(row).to_le_bytes()),
        DataType::Int8 => buf.extend_from_slice(&a.as_primitive::<Int8Type>().value(row).to_le_bytes()),
        DataType::Int16 => buf.extend_from_slice(&a.as_primitive::<Int16Type>().value(row).to_le_bytes()),
        DataType::Int32 => buf.extend_from_slice(&a.as_primitive::<Int32Type>().value(row).to_le_bytes()),
        DataType::Int64 => buf.extend_from_slice(&a.as_primitive::<Int64Type>().value(row).to_le_bytes()),
        DataType::Float32 => buf.extend_from_slice(&a.as_primitive::<Float32Type>().value(row).to_le_bytes()),
        DataType::Float64 => buf.extend_from_slice(&a.as_primitive::<Float64Type>().value(row).to_le_bytes()),
        DataType::Date32 => {
            let d = a.as_primitive::<Date32Type>().value(row);
            if matches!(t, ChType::Date) {
                buf.extend_from_slice(&(d as u16).to_le_bytes());
            } else {
                buf.extend_from_slice(&d.to_le_bytes());
            }
        }
        DataType::Timestamp(TimeUnit::Second, _) => {
            let s = a.as_primitive::<TimestampSecondType>().value(row);
            buf.extend_from_slice(&(s as u32).to_le_bytes());
        }
        DataType::Timestamp(..) => {
            let v = arrow::compute::cast(&a.slice(row, 1), &DataType::Int64)?;
            buf.extend_from_slice(&v.as_primitive::<Int64Type>().value(0).to_le_bytes());
        }
        other => return Err(logical(format!("reinterpret: unexpected {other}"))),
    }
    Ok(true)
}

/// The first `N` bytes of `buf`, zero-padded.
fn fixed<const N: usize>(buf: &[u8]) -> [u8; N] {
    let mut out = [0u8; N];
    let n = buf.len().min(N);
    out[..n].copy_from_slice(&buf[..n]);
    out
}

macro_rules! build_prim {
    ($builder:ty, $native:ty, $n:expr, $a:expr, $src:expr, $rows:expr) => {{
        let mut b = <$builder>::with_capacity($rows);
        let mut buf = Vec::with_capacity(16);
        for row in 0..$rows {
            if row_bytes($a, $src, row, &mut buf)? {
                b.append_value(<$native>::from_le_bytes(fixed::<$n>(&buf)));
            } else {
                b.append_null();
            }
        }
        Arc::new(b.finish()) as ArrayRef
    }};
}

fn k_reinterpret(k: &KernelArgs) -> DfResult<ColumnarValue> {
    let n = out_rows(k);
    let a = k.args[0].to_array(n)?;
    let src = k.arg_types[0].base();
    let a = a.as_ref();
    let out: ArrayRef = match k.ret.base() {
        ChType::UInt8 => build_prim!(UInt8Builder, u8, 1, a, src, n),
        ChType::UInt16 => build_prim!(UInt16Builder, u16, 2, a, src, n),
        ChType::UInt32 => build_prim!(UInt32Builder, u32, 4, a, src, n),
        ChType::UInt64 => build_prim!(UInt64Builder, u64, 8, a, src, n),
        ChType::Int8 => build_prim!(Int8Builder, i8, 1, a, src, n),
        ChType::Int16 => build_prim!(Int16Builder, i16, 2, a, src, n),
        ChType::Int32 => build_prim!(Int32Builder, i32, 4, a, src, n),
        ChType::Int64 => build_prim!(Int64Builder, i64, 8, a, src, n),
        ChType::Float32 => build_prim!(Float32Builder, f32, 4, a, src, n),
        ChType::Float64 => build_prim!(Float64Builder, f64, 8, a, src, n),
        ChType::Date => {
            let mut b = Date32Builder::with_capacity(n);
            let mut buf = Vec::new();
            for row in 0..n {
                if row_bytes(a, src, row, &mut buf)? {
                    b.append_value(i32::from(u16::from_le_bytes(fixed::<2>(&buf))));
                } else {
                    b.append_null();
                }
            }
            Arc::new(b.finish())
        }
        ChType::DateTime(_) => {
            let mut b = TimestampSecondBuilder::with_capacity(n);
            let mut buf = Vec::new();
            for row in 0..n {
                if row_bytes(a, src, row, &mut buf)? {
                    b.append_value(i64::from(u32::from_le_bytes(fixed::<4>(&buf))));
                } else {
                    b.append_null();
                }
            }
            Arc::new(b.finish())
        }
        t @ (ChType::UInt128 | ChType::Int128) => {
            let mut b = FixedSizeBinaryBuilder::with_capacity(n, 16);
            let mut buf = Vec::new();
            let signed = matches!(t, ChType::Int128);
            for row in 0..n {
                if row_bytes(a, src, row, &mut buf)? {
                    b.append_value(i128_to_bytes(i128::from_le_bytes(fixed::<16>(&buf)), signed))?;
                } else {
                    b.append_null();
                }
            }
            Arc::new(b.finish())
        }
        ChType::String => {
            let mut b = BinaryViewBuilder::with_capacity(n);
            let mut buf = Vec::new();
            let is_str = src.is_string_or_fixed();
            for row in 0..n {
                if row_bytes(a, src, row, &mut buf)? {
                    if !is_str {
                        while buf.last() == Some(&0) {
                            buf.pop();
                        }
                    }
                    b.append_value(&buf);
                } else {
                    b.append_null();
                }
            }
            Arc::new(b.finish())
        }
        ChType::FixedString(w) => {
            let w = *w;
            let mut b = FixedSizeBinaryBuilder::with_capacity(n, i32::try_from(w).unwrap_or(0));
            let mut buf = Vec::new();
            for row in 0..n {
                if row_bytes(a, src, row, &mut buf)? {
                    buf.resize(w, 0);
                    b.append_value(&buf)?;
                } else {
                    b.append_null();
                }
            }
            Arc::new(b.finish())
        }
        other => return Err(logical(format!("reinterpret: unexpected target {other}"))),
    };
    finish(k, out)
}

/// `toStringCutToZero(s)`: the string up to its first zero byte.
fn to_string_cut_to_zero(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    check_arg_count(&ctx.name, &args, 1, 1)?;
    super::strings::basic::expect_string(&ctx.name, &args, 0)?;
    if let Some(n) = null_if_nothing(&args) {
        return Ok(n);
    }
    let ret = ret_type(ChType::String, &args);
    call(&ctx.name, k_cut_to_zero, args, ret)
}

fn k_cut_to_zero(k: &KernelArgs) -> DfResult<ColumnarValue> {
    map_to_str(k, |v, out| {
        let end = v.iter().position(|&b| b == 0).unwrap_or(v.len());
        out.extend_from_slice(&v[..end]);
    })
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use datafusion::scalar::ScalarValue as S;

    #[test]
    fn reinterpret_values() {
        // chdb: reinterpretAsUInt32('abcd') = 1684234849; reinterpretAsString(65) = 'A';
        // reinterpretAsUInt16('a') = 97; reinterpretAsInt8(toUInt8(200)) = -56;
        // reinterpretAsUInt64(toFloat64(1)) = 4607182418800017408; reinterpretAsUInt32([1]) → 43
        assert_eq!(
            run("reinterpretAsUInt32", vec![str_("abcd")]).unwrap(),
            ("UInt32".into(), S::UInt32(Some(1684234849)))
        );
        assert_eq!(run("reinterpretAsString", vec![int("UInt8", 65)]).unwrap().1, S::BinaryView(Some(b"A".to_vec())));
        assert_eq!(run("reinterpretAsUInt16", vec![str_("a")]).unwrap().1, S::UInt16(Some(97)));
        assert_eq!(run("reinterpretAsInt8", vec![int("UInt8", 200)]).unwrap().1, S::Int8(Some(-56)));
        assert_eq!(run("reinterpretAsUInt64", vec![f64_(1.0)]).unwrap().1, S::UInt64(Some(4607182418800017408)));
        assert_eq!(run("toStringCutToZero", vec![str_("abc\0def")]).unwrap().1, S::BinaryView(Some(b"abc".to_vec())));
    }
}
