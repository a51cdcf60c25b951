//! Encodings: `hex` (strings, numbers, dates), `unhex`, `base64Encode`,
//! `base64Decode`, `tryBase64Decode`. Mirrors ClickHouse's `FunctionsCoding`
//! (`hex.cpp`, `base64Encode.cpp`). Numbers print their significant bytes
//! big-endian (integers, dates) or their memory bytes (floats), uppercase.

use std::sync::Arc;

use arrow::array::{Array, AsArray, BinaryViewBuilder};
use datafusion::error::Result as DfResult;
use datafusion::logical_expr::ColumnarValue;

use super::basic::{expect_string, map_to_str};
use super::{finish, logical, null_if_nothing, out_rows, ret_type, StrCol};
use crate::error::{Error, ErrorCode, Result};
use crate::functions::udf::call;
use crate::functions::{check_arg_count, illegal_type, Case, FunctionContext, FunctionRegistry, KernelArgs, TypedExpr};
use crate::types::ChType;

pub fn register(r: &mut FunctionRegistry) {
    r.scalar("hex", Case::Insensitive, hex);
    r.scalar("unhex", Case::Insensitive, unhex);
    r.scalar("bin", Case::Insensitive, bin);
    r.scalar("unbin", Case::Insensitive, unbin);
    r.scalar("base64Encode", Case::Sensitive, base64_encode);
    r.scalar("TO_BASE64", Case::Insensitive, base64_encode);
    r.scalar("base64Decode", Case::Sensitive, base64_decode);
    r.scalar("FROM_BASE64", Case::Insensitive, base64_decode);
    r.scalar("tryBase64Decode", Case::Sensitive, try_base64_decode);
}

const HEX: &[u8; 16] = b"0123456789ABCDEF";

fn push_hex(out: &mut Vec<u8>, bytes: impl IntoIterator<Item = u8>) {
    for b in bytes {
        out.push(HEX[usize::from(b >> 4)]);
        out.push(HEX[usize::from(b & 15)]);
    }
}

/// Big-endian significant bytes of an unsigned value (at least one byte).
fn push_hex_int(out: &mut Vec<u8>, v: u64) {
    let bytes = v.to_be_bytes();
    let skip = bytes.iter().take(7).take_while(|&&b| b == 0).count();
    push_hex(out, bytes[skip..].iter().copied());
}

fn hex(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    check_arg_count(&ctx.name, &args, 1, 1)?;
    if let Some(n) = null_if_nothing(&args) {
        return Ok(n);
    }
    let t = args[0].ty.base();
    let ok = t.is_string_or_fixed()
        || (t.is_numeric() && !t.is_decimal())
        || matches!(t, ChType::Date | ChType::Date32 | ChType::DateTime(_) | ChType::UUID | ChType::IPv4);
    if !ok {
        return Err(illegal_type(&ctx.name, 0, &args[0].ty));
    }
    let ret = ret_type(ChType::String, &args);
    call("hex", hex_kernel, args, ret)
}

fn hex_kernel(k: &KernelArgs) -> DfResult<ColumnarValue> {
    let n = out_rows(k);
    let a = k.args[0].to_array(n)?;
    let mut b = BinaryViewBuilder::with_capacity(n);
    let mut buf = Vec::new();
    macro_rules! ints {
        ($t:ty, $conv:expr) => {{
            let p = a.as_primitive::<$t>();
            for i in 0..n {
                if p.is_null(i) {
                    b.append_null();
                } else {
                    buf.clear();
                    push_hex_int(&mut buf, $conv(p.value(i)));
                    b.append_value(&buf);
                }
            }
        }};
    }
    use arrow::datatypes::*;
    match a.data_type() {
        DataType::FixedSizeBinary(_)
            if k.arg_types[0].is_integer() || matches!(k.arg_types[0].base(), ChType::UUID) =>
        {
            // (U)Int128/256 are stored big-endian with the top bit flipped: print the value's
            // significant bytes. UUIDs are stored as swapped halves: print the text order.
            let is_uuid = matches!(k.arg_types[0].base(), ChType::UUID);
            let s = a.as_fixed_size_binary();
            let mut v = Vec::new();
            for i in 0..n {
                if s.is_null(i) {
                    b.append_null();
                    continue;
                }
                let raw = s.value(i);
                v.clear();
                if is_uuid && raw.len() == 16 {
                    v.extend_from_slice(&raw[8..]);
                    v.extend_from_slice(&raw[..8]);
                } else {
                    v.extend_from_slice(raw);
                    if let Some(first) = v.first_mut() {
                        *first ^= 0x80;
                    }
                }
                let skip =
                    if is_uuid { 0 } else { v.iter().take(v.len().saturating_sub(1)).take_while(|&&x| x == 0).count() };
                buf.clear();
                push_hex(&mut buf, v[skip..].iter().copied());
                b.append_value(&buf);
            }
        }
        DataType::BinaryView | DataType::FixedSizeBinary(_) => {
            let cv = ColumnarValue::Array(a.clone());
            let s = StrCol::new(&cv)?;
            for i in 0..n {
                match s.get(i) {
                    Some(v) => {
                        buf.clear();
                        push_hex(&mut buf, v.iter().copied());
                        b.append_value(&buf);
                    }
                    None => b.append_null(),
                }
            }
        }
        DataType::Boolean => {
            let p = a.as_boolean();
            for i in 0..n {
                if p.is_null(i) {
                    b.append_null();
                } else {
                    b.append_value(if p.value(i) { b"01" } else { b"00" });
                }
            }
        }
        DataType::UInt8 => ints!(UInt8Type, u64::from),
        DataType::UInt16 => ints!(UInt16Type, u64::from),
        DataType::UInt32 => ints!(UInt32Type, u64::from),
        DataType::UInt64 => ints!(UInt64Type, |v| v),
        DataType::Int8 => ints!(Int8Type, |v: i8| u64::from(v as u8)),
        DataType::Int16 => ints!(Int16Type, |v: i16| u64::from(v as u16)),
        DataType::Int32 => ints!(Int32Type, |v: i32| u64::from(v as u32)),
        DataType::Date32 => ints!(Date32Type, |v: i32| u64::from(v as u32)),
        DataType::Int64 => ints!(Int64Type, |v: i64| v as u64),
        DataType::Timestamp(TimeUnit::Second, _) => ints!(TimestampSecondType, |v: i64| v as u64),
        DataType::Float32 => {
            let p = a.as_primitive::<Float32Type>();
            for i in 0..n {
                if p.is_null(i) {
                    b.append_null();
                } else {
                    buf.clear();
                    push_hex(&mut buf, p.value(i).to_le_bytes());
                    b.append_value(&buf);
                }
            }
        }
        DataType::Float64 => {
            let p = a.as_primitive::<Float64Type>();
            for i in 0..n {
                if p.is_null(i) {
                    b.append_null();
                } else {
                    buf.clear();
                    push_hex(&mut buf, p.value(i).to_le_bytes());
                    b.append_value(&buf);
                }
            }
        }
        other => return Err(logical(format!("hex of {other}"))),
    }
    finish(k, Arc::new(b.finish()))
}

fn unhex_digit(c: u8) -> u8 {
    match c {
        b'0'..=b'9' => c - b'0',
        b'a'..=b'f' => c - b'a' + 10,
        b'A'..=b'F' => c - b'A' + 10,
        _ => 0,
    }
}

fn unhex(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    check_arg_count(&ctx.name, &args, 1, 1)?;
    expect_string(&ctx.name, &args, 0)?;
    if let Some(n) = null_if_nothing(&args) {
        return Ok(n);
    }
    let ret = ret_type(ChType::String, &args);
    call("unhex", |k| map_to_str(k, unhex_into), args, ret)
}

/// `bin(x)`: the bits of the bytes `hex(x)` shows (same bytes, same leading-zero rule).
fn bin(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    let h = hex(ctx, args)?;
    if h.ty.is_nothing() || h.literal().is_some_and(|v| v.is_null()) {
        return Ok(h);
    }
    let ret = h.ty.clone();
    call("bin", |k| map_to_str(k, hex_to_bin), vec![h], ret)
}

fn hex_to_bin(v: &[u8], out: &mut Vec<u8>) {
    for &c in v {
        let d = unhex_digit(c);
        for i in (0..4).rev() {
            out.push(b'0' + ((d >> i) & 1));
        }
    }
}

/// `unbin(s)`: bytes from bits (any character but '0' is a 1), left-padded to whole bytes.
fn unbin(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    check_arg_count(&ctx.name, &args, 1, 1)?;
    expect_string(&ctx.name, &args, 0)?;
    if let Some(n) = null_if_nothing(&args) {
        return Ok(n);
    }
    let ret = ret_type(ChType::String, &args);
    call("unbin", |k| map_to_str(k, unbin_into), args, ret)
}

fn unbin_into(v: &[u8], out: &mut Vec<u8>) {
    let lead = v.len() % 8;
    let mut acc = 0u8;
    let mut bits = if lead == 0 { 8 } else { lead };
    for &c in v {
        acc = (acc << 1) | u8::from(c != b'0');
        bits -= 1;
        if bits == 0 {
            out.push(acc);
            acc = 0;
            bits = 8;
        }
    }
}

/// Decodes pairs of hex digits; an odd length reads as if a leading '0' were there.
fn unhex_into(v: &[u8], out: &mut Vec<u8>) {
    let mut i = 0;
    if !v.len().is_multiple_of(2) {
        out.push(unhex_digit(v[0]));
        i = 1;
    }
    while i + 1 < v.len() {
        out.push((unhex_digit(v[i]) << 4) | unhex_digit(v[i + 1]));
        i += 2;
    }
}

const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

fn base64_encode_into(v: &[u8], out: &mut Vec<u8>) {
    for chunk in v.chunks(3) {
        let b = [chunk[0], chunk.get(1).copied().unwrap_or(0), chunk.get(2).copied().unwrap_or(0)];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for j in 0..4 {
            if j <= chunk.len() {
                out.push(B64[((n >> (18 - 6 * j)) & 63) as usize]);
            } else {
                out.push(b'=');
            }
        }
    }
}

/// Strict base64 (padding required, as ClickHouse's); None when invalid.
fn base64_decode_into(v: &[u8], out: &mut Vec<u8>) -> bool {
    if !v.len().is_multiple_of(4) {
        return false;
    }
    let val = |c: u8| -> Option<u32> {
        Some(match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            _ => return None,
        } as u32)
    };
    let chunks = v.len() / 4;
    for (ci, c) in v.chunks(4).enumerate() {
        let last = ci + 1 == chunks;
        let pad = if last { c.iter().rev().take_while(|&&x| x == b'=').count() } else { 0 };
        if pad > 2 {
            return false;
        }
        let mut n = 0u32;
        for &x in &c[..4 - pad] {
            match val(x) {
                Some(d) => n = (n << 6) | d,
                None => return false,
            }
        }
        n <<= 6 * pad as u32;
        let bytes = [(n >> 16) as u8, (n >> 8) as u8, n as u8];
        out.extend_from_slice(&bytes[..3 - pad]);
    }
    true
}

fn base64_encode(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    check_arg_count(&ctx.name, &args, 1, 1)?;
    expect_string(&ctx.name, &args, 0)?;
    if let Some(n) = null_if_nothing(&args) {
        return Ok(n);
    }
    let ret = ret_type(ChType::String, &args);
    call("base64Encode", |k| map_to_str(k, base64_encode_into), args, ret)
}

fn base64_decode_builder(ctx: &FunctionContext, args: Vec<TypedExpr>, strict: bool) -> Result<TypedExpr> {
    check_arg_count(&ctx.name, &args, 1, 1)?;
    expect_string(&ctx.name, &args, 0)?;
    if let Some(n) = null_if_nothing(&args) {
        return Ok(n);
    }
    let ret = ret_type(ChType::String, &args);
    if strict {
        call("base64Decode", |k| base64_decode_kernel(k, true), args, ret)
    } else {
        call("tryBase64Decode", |k| base64_decode_kernel(k, false), args, ret)
    }
}

fn base64_decode_kernel(k: &KernelArgs, strict: bool) -> DfResult<ColumnarValue> {
    let s = StrCol::new(&k.args[0])?;
    let n = out_rows(k);
    let mut b = BinaryViewBuilder::with_capacity(n);
    let mut buf = Vec::new();
    for row in 0..n {
        let Some(v) = s.get(row) else {
            b.append_null();
            continue;
        };
        buf.clear();
        if base64_decode_into(v, &mut buf) {
            b.append_value(&buf);
        } else if strict {
            return Err(Error::new(
                ErrorCode::INCORRECT_DATA,
                format!("Invalid base64Decode value ({}), cannot be decoded", String::from_utf8_lossy(v)),
            )
            .into_datafusion());
        } else {
            b.append_value(b"");
        }
    }
    finish(k, Arc::new(b.finish()))
}

fn base64_decode(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    base64_decode_builder(ctx, args, true)
}

fn try_base64_decode(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    base64_decode_builder(ctx, args, false)
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use crate::types::ChType;

    #[test]
    fn hex_and_base64() {
        // Checked with chdb 26.9.
        assert_eq!(run("hex", vec![s("abc")]), "616263");
        assert_eq!(run("hex", vec![int(255, ChType::UInt8)]), "FF");
        assert_eq!(run("hex", vec![int(1, ChType::UInt16)]), "01");
        assert_eq!(run("hex", vec![int(-1, ChType::Int8)]), "FF");
        assert_eq!(run("hex", vec![int(258, ChType::UInt32)]), "0102");
        assert_eq!(run("hex", vec![int(256, ChType::UInt64)]), "0100");
        assert_eq!(run("hex", vec![int(0, ChType::UInt8)]), "00");
        let wide = |bytes: [u8; 16], t: ChType| {
            crate::functions::TypedExpr::new(
                datafusion::logical_expr::lit(datafusion::scalar::ScalarValue::FixedSizeBinary(
                    16,
                    Some(bytes.to_vec()),
                )),
                t,
            )
        };
        let mut minus_one = [0xFFu8; 16];
        minus_one[0] = 0x7F;
        assert_eq!(run("hex", vec![wide(minus_one, ChType::Int128)]), "FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF");
        let mut v258 = [0u8; 16];
        v258[0] = 0x80;
        v258[14] = 1;
        v258[15] = 2;
        assert_eq!(run("hex", vec![wide(v258, ChType::UInt128)]), "0102");
        let uuid = [0x90, 0x7b, 0xa6, 0x00, 0x6a, 0xd3, 0xdb, 0xa0, 0x61, 0xf0, 0xc4, 0x04, 0x5c, 0xb3, 0x11, 0xe7];
        assert_eq!(run("hex", vec![wide(uuid, ChType::UUID)]), "61F0C4045CB311E7907BA6006AD3DBA0");
        assert_eq!(run("unhex", vec![s("616263")]), "abc");
        assert_eq!(run("hex", vec![bind("unhex", vec![s("6a7")]).unwrap()]), "06A7");
        assert_eq!(run("base64Encode", vec![s("hello")]), "aGVsbG8=");
        assert_eq!(run("base64Encode", vec![s("a")]), "YQ==");
        assert_eq!(run("base64Encode", vec![s("")]), "");
        assert_eq!(run("base64Decode", vec![s("aGVsbG8=")]), "hello");
        assert_eq!(run("base64Decode", vec![s("YQ==")]), "a");
        assert_eq!(run("tryBase64Decode", vec![s("!!")]), "");
        assert_eq!(err_code("base64Decode", vec![s("YQ")]), 117);
    }
}
