//! Whole-string functions: `length` (also of arrays and maps), `lengthUTF8`,
//! `empty`/`notEmpty` (strings, arrays, maps), `lower`/`upper` and their UTF-8
//! forms, `reverse`/`reverseUTF8`, `concat`, `concatWithSeparator`, `repeat`,
//! `space`. Mirrors ClickHouse's `length.cpp`, `lower.cpp`, `concat.cpp`, `repeat.cpp`.

use std::sync::Arc;

use arrow::array::{Array, ArrayRef, AsArray, BinaryViewBuilder, FixedSizeBinaryBuilder, PrimitiveBuilder};
use arrow::datatypes::{ArrowPrimitiveType, DataType, UInt64Type, UInt8Type};
use datafusion::error::Result as DfResult;
use datafusion::logical_expr::ColumnarValue;

use super::{finish, logical, null_if_nothing, out_rows, ret_type, IntCol, StrCol};
use crate::error::{Error, ErrorCode, Result};
use crate::functions::udf::call;
use crate::functions::{check_arg_count, illegal_type, Case, FunctionContext, FunctionRegistry, KernelArgs, TypedExpr};
use crate::types::ChType;

pub fn register(r: &mut FunctionRegistry) {
    r.scalar("length", Case::Insensitive, length);
    r.scalar("lengthUTF8", Case::Sensitive, length_utf8);
    r.scalar("CHAR_LENGTH", Case::Insensitive, length_utf8);
    r.scalar("CHARACTER_LENGTH", Case::Insensitive, length_utf8);
    r.scalar("empty", Case::Sensitive, empty);
    r.scalar("notEmpty", Case::Sensitive, not_empty);
    for n in ["lower", "lcase"] {
        r.scalar(n, Case::Insensitive, lower);
    }
    for n in ["upper", "ucase"] {
        r.scalar(n, Case::Insensitive, upper);
    }
    r.scalar("lowerUTF8", Case::Sensitive, lower_utf8);
    r.scalar("upperUTF8", Case::Sensitive, upper_utf8);
    r.scalar("reverse", Case::Insensitive, reverse);
    r.scalar("reverseUTF8", Case::Sensitive, reverse_utf8);
    r.scalar("concat", Case::Insensitive, concat);
    r.scalar("concatWithSeparator", Case::Sensitive, concat_with_separator);
    r.scalar("concat_ws", Case::Insensitive, concat_with_separator);
    r.scalar("format", Case::Sensitive, format);
    r.scalar("repeat", Case::Insensitive, repeat);
    r.scalar("space", Case::Insensitive, space);
}

/// Checks that argument `i` is a String or FixedString.
pub fn expect_string(name: &str, args: &[TypedExpr], i: usize) -> Result<()> {
    match args.get(i) {
        Some(a) if a.ty.is_string_or_fixed() || a.ty.is_nothing() => Ok(()),
        Some(a) => Err(illegal_type(name, i, &a.ty)),
        None => Ok(()),
    }
}

/// Checks that argument `i` is an integer.
pub fn expect_int(name: &str, args: &[TypedExpr], i: usize) -> Result<()> {
    match args.get(i) {
        Some(a) if a.ty.is_integer() || a.ty.is_nothing() => Ok(()),
        Some(a) => Err(illegal_type(name, i, &a.ty)),
        None => Ok(()),
    }
}

/// Applies `f` to each value of string argument 0, giving a primitive column.
pub fn map_to_prim<T: ArrowPrimitiveType>(k: &KernelArgs, f: impl Fn(&[u8]) -> T::Native) -> DfResult<ColumnarValue> {
    let s = StrCol::new(&k.args[0])?;
    let n = out_rows(k);
    let mut b = PrimitiveBuilder::<T>::with_capacity(n);
    for row in 0..n {
        match s.get(row) {
            Some(v) => b.append_value(f(v)),
            None => b.append_null(),
        }
    }
    finish(k, Arc::new(b.finish()))
}

/// Applies `f` to each value of string argument 0, giving String (or FixedString(N)
/// when the argument is FixedString and `f` keeps lengths).
pub fn map_to_str(k: &KernelArgs, f: impl Fn(&[u8], &mut Vec<u8>)) -> DfResult<ColumnarValue> {
    let s = StrCol::new(&k.args[0])?;
    let n = out_rows(k);
    let mut buf = Vec::new();
    let arr: ArrayRef = match k.ret.to_arrow() {
        DataType::FixedSizeBinary(w) => {
            let mut b = FixedSizeBinaryBuilder::with_capacity(n, w);
            for row in 0..n {
                match s.get(row) {
                    Some(v) => {
                        buf.clear();
                        f(v, &mut buf);
                        buf.resize(usize::try_from(w).unwrap_or(0), 0);
                        b.append_value(&buf)?;
                    }
                    None => b.append_null(),
                }
            }
            Arc::new(b.finish())
        }
        _ => {
            let mut b = BinaryViewBuilder::with_capacity(n);
            for row in 0..n {
                match s.get(row) {
                    Some(v) => {
                        buf.clear();
                        f(v, &mut buf);
                        b.append_value(&buf);
                    }
                    None => b.append_null(),
                }
            }
            Arc::new(b.finish())
        }
    };
    finish(k, arr)
}

/// A unary String → String function builder body: FixedString stays FixedString.
fn unary_same(ctx: &FunctionContext, args: Vec<TypedExpr>, kernel: super::super::Kernel) -> Result<TypedExpr> {
    check_arg_count(&ctx.name, &args, 1, 1)?;
    expect_string(&ctx.name, &args, 0)?;
    if let Some(n) = null_if_nothing(&args) {
        return Ok(n);
    }
    let base = match args[0].ty.base() {
        ChType::FixedString(n) => ChType::FixedString(*n),
        _ => ChType::String,
    };
    let ret = ret_type(base, &args);
    call(&ctx.name, kernel, args, ret)
}

fn length(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    check_arg_count(&ctx.name, &args, 1, 1)?;
    if let Some(n) = null_if_nothing(&args) {
        return Ok(n);
    }
    let t = args[0].ty.base().clone();
    match t {
        ChType::String | ChType::FixedString(_) | ChType::Array(_) | ChType::Map(..) => {
            let ret = ret_type(ChType::UInt64, &args);
            call("length", length_kernel, args, ret)
        }
        other => Err(illegal_type(&ctx.name, 0, &other)),
    }
}

/// Row lengths of a list or map column.
fn list_lengths(a: &dyn Array) -> DfResult<Vec<Option<u64>>> {
    let offsets: &[i32] = match a.data_type() {
        DataType::List(_) => a.as_list::<i32>().value_offsets(),
        DataType::Map(..) => a.as_map().value_offsets(),
        other => return Err(logical(format!("expected a list, got {other}"))),
    };
    Ok((0..a.len()).map(|i| (!a.is_null(i)).then(|| u64::try_from(offsets[i + 1] - offsets[i]).unwrap_or(0))).collect())
}

fn length_kernel(k: &KernelArgs) -> DfResult<ColumnarValue> {
    match k.arg_types[0].base() {
        ChType::Array(_) | ChType::Map(..) => {
            let a = k.args[0].to_array(out_rows(k))?;
            let lens = list_lengths(a.as_ref())?;
            finish(k, Arc::new(arrow::array::UInt64Array::from(lens)))
        }
        _ => map_to_prim::<UInt64Type>(k, |v| v.len() as u64),
    }
}

/// Number of code points, counting as ClickHouse does: bytes that are not UTF-8 continuation bytes.
pub fn utf8_len(v: &[u8]) -> usize {
    v.iter().filter(|&&b| (b & 0xC0) != 0x80).count()
}

fn length_utf8(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    check_arg_count(&ctx.name, &args, 1, 1)?;
    expect_string(&ctx.name, &args, 0)?;
    if let Some(n) = null_if_nothing(&args) {
        return Ok(n);
    }
    let ret = ret_type(ChType::UInt64, &args);
    call("lengthUTF8", |k| map_to_prim::<UInt64Type>(k, |v| utf8_len(v) as u64), args, ret)
}

fn empty_builder(ctx: &FunctionContext, args: Vec<TypedExpr>, want_empty: bool) -> Result<TypedExpr> {
    check_arg_count(&ctx.name, &args, 1, 1)?;
    if let Some(n) = null_if_nothing(&args) {
        return Ok(n);
    }
    match args[0].ty.base() {
        ChType::String | ChType::FixedString(_) | ChType::Array(_) | ChType::Map(..) | ChType::UUID => {}
        other => return Err(illegal_type(&ctx.name, 0, other)),
    }
    let ret = ret_type(ChType::UInt8, &args);
    if want_empty {
        call("empty", |k| empty_kernel(k, true), args, ret)
    } else {
        call("notEmpty", |k| empty_kernel(k, false), args, ret)
    }
}

fn empty_kernel(k: &KernelArgs, want_empty: bool) -> DfResult<ColumnarValue> {
    match k.arg_types[0].base() {
        ChType::Array(_) | ChType::Map(..) => {
            let a = k.args[0].to_array(out_rows(k))?;
            let lens = list_lengths(a.as_ref())?;
            let out: arrow::array::UInt8Array =
                lens.into_iter().map(|l| l.map(|l| u8::from((l == 0) == want_empty))).collect();
            finish(k, Arc::new(out))
        }
        // FixedString and UUID are empty when every byte is zero.
        ChType::FixedString(_) | ChType::UUID => {
            map_to_prim::<UInt8Type>(k, |v| u8::from(v.iter().all(|&b| b == 0) == want_empty))
        }
        _ => map_to_prim::<UInt8Type>(k, |v| u8::from(v.is_empty() == want_empty)),
    }
}

fn empty(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    empty_builder(ctx, args, true)
}

fn not_empty(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    empty_builder(ctx, args, false)
}

fn lower(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    unary_same(ctx, args, |k| map_to_str(k, |v, out| out.extend(v.iter().map(u8::to_ascii_lowercase))))
}

fn upper(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    unary_same(ctx, args, |k| map_to_str(k, |v, out| out.extend(v.iter().map(u8::to_ascii_uppercase))))
}

/// Applies a per-`str` transform to the valid UTF-8 runs of `v`, copying invalid bytes as they are.
fn utf8_transform(v: &[u8], out: &mut Vec<u8>, f: impl Fn(&str, &mut String)) {
    let mut s = String::new();
    for chunk in v.utf8_chunks() {
        s.clear();
        f(chunk.valid(), &mut s);
        out.extend_from_slice(s.as_bytes());
        out.extend_from_slice(chunk.invalid());
    }
}

fn lower_utf8(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    expect_string(&ctx.name, &args, 0)?;
    unary_same(ctx, args, |k| map_to_str(k, |v, out| utf8_transform(v, out, |s, o| o.push_str(&s.to_lowercase()))))
}

fn upper_utf8(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    unary_same(ctx, args, |k| map_to_str(k, |v, out| utf8_transform(v, out, |s, o| o.push_str(&s.to_uppercase()))))
}

fn reverse(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    if args.len() == 1 && matches!(args[0].ty.base(), ChType::Array(_)) {
        return crate::functions::arrays::transform::array_reverse(ctx, args);
    }
    unary_same(ctx, args, |k| map_to_str(k, |v, out| out.extend(v.iter().rev())))
}

/// Reverses code points; bytes of an invalid sequence are kept with their lead byte, as ClickHouse does.
fn reverse_utf8_into(v: &[u8], out: &mut Vec<u8>) {
    let mut end = v.len();
    out.reserve(v.len());
    while end > 0 {
        let mut start = end - 1;
        while start > 0 && (v[start] & 0xC0) == 0x80 {
            start -= 1;
        }
        out.extend_from_slice(&v[start..end]);
        end = start;
    }
}

fn reverse_utf8(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    check_arg_count(&ctx.name, &args, 1, 1)?;
    if matches!(args[0].ty.base(), ChType::FixedString(_)) {
        return Err(illegal_type(&ctx.name, 0, &args[0].ty));
    }
    unary_same(ctx, args, |k| map_to_str(k, reverse_utf8_into))
}

/// Converts non-string arguments to String with `CAST` (ClickHouse's concat formats any value as text).
fn stringify(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<Vec<TypedExpr>> {
    args.into_iter()
        .map(|a| {
            if a.ty.is_string_or_fixed() || a.ty.is_nothing() {
                Ok(a)
            } else {
                let to = if a.ty.is_nullable() { ChType::String.nullable() } else { ChType::String };
                crate::functions::conversion::cast(ctx, a, &to)
            }
        })
        .collect()
}

fn concat(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    if let Some(n) = null_if_nothing(&args) {
        return Ok(n);
    }
    // concat of arrays is arrayConcat (as ClickHouse's concat dispatches).
    if !args.is_empty() && args.iter().all(|a| matches!(a.ty.base(), ChType::Array(_))) {
        let actx = FunctionContext { name: "arrayConcat".into(), ..ctx.clone() };
        // arrays::build keeps its builder private: reach it through the registry.
        return crate::functions::FunctionRegistry::builtin().bind_scalar(&actx, args);
    }
    if args.is_empty() {
        let empty = datafusion::scalar::ScalarValue::BinaryView(Some(Vec::new()));
        return Ok(TypedExpr::new(datafusion::logical_expr::lit(empty), ChType::String));
    }
    let args = stringify(ctx, args)?;
    let ret = ret_type(ChType::String, &args);
    call("concat", |k| concat_kernel(k, None), args, ret)
}

fn concat_with_separator(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    check_arg_count(&ctx.name, &args, 1, usize::MAX)?;
    expect_string(&ctx.name, &args, 0)?;
    if let Some(n) = null_if_nothing(&args) {
        return Ok(n);
    }
    let args = stringify(ctx, args)?;
    let ret = ret_type(ChType::String, &args);
    call("concatWithSeparator", |k| concat_kernel(k, Some(0)), args, ret)
}

/// Concatenates the string arguments row by row; with `sep`, argument `sep` separates the others.
/// FixedString values are taken whole (with their zero padding), as in ClickHouse.
fn concat_kernel(k: &KernelArgs, sep: Option<usize>) -> DfResult<ColumnarValue> {
    let cols = k.args.iter().map(StrCol::new).collect::<DfResult<Vec<_>>>()?;
    let n = out_rows(k);
    let mut b = BinaryViewBuilder::with_capacity(n);
    let mut buf = Vec::new();
    'rows: for row in 0..n {
        buf.clear();
        let sep_v = match sep {
            Some(i) => match cols[i].get(row) {
                Some(s) => Some(s),
                None => {
                    b.append_null();
                    continue;
                }
            },
            None => None,
        };
        let mut first = true;
        for (i, c) in cols.iter().enumerate() {
            if Some(i) == sep {
                continue;
            }
            let Some(v) = c.get(row) else {
                b.append_null();
                continue 'rows;
            };
            if let (Some(s), false) = (sep_v, first) {
                buf.extend_from_slice(s);
            }
            first = false;
            buf.extend_from_slice(v);
        }
        b.append_value(&buf);
    }
    finish(k, Arc::new(b.finish()))
}

/// A piece of a `format` pattern: literal bytes or an argument index (0-based, among the values).
#[derive(Debug, PartialEq)]
enum FmtPiece {
    Lit(Vec<u8>),
    Arg(usize),
}

fn bad_format(msg: &str) -> Error {
    Error::new(ErrorCode::BAD_ARGUMENTS, msg)
}

/// Parses a `format` pattern: `{}` next argument, `{N}` argument N, `{{` and `}}` literal braces.
fn parse_format(p: &[u8], args: usize) -> Result<Vec<FmtPiece>> {
    let mut out = Vec::new();
    let mut lit = Vec::new();
    let (mut auto, mut manual) = (0usize, false);
    let mut i = 0;
    while i < p.len() {
        match p[i] {
            b'{' if p.get(i + 1) == Some(&b'{') => {
                lit.push(b'{');
                i += 2;
            }
            b'}' if p.get(i + 1) == Some(&b'}') => {
                lit.push(b'}');
                i += 2;
            }
            b'{' => {
                let Some(close) = p[i + 1..].iter().position(|&c| c == b'}') else {
                    return Err(bad_format("Last open curly brace is not closed"));
                };
                let inner = &p[i + 1..i + 1 + close];
                let idx = if inner.is_empty() {
                    if manual {
                        return Err(bad_format(
                            "Cannot switch from manual field specification to automatic field numbering",
                        ));
                    }
                    auto += 1;
                    auto - 1
                } else {
                    if auto > 0 {
                        return Err(bad_format(
                            "Cannot switch from automatic field numbering to manual field specification",
                        ));
                    }
                    manual = true;
                    std::str::from_utf8(inner)
                        .ok()
                        .and_then(|s| s.parse::<usize>().ok())
                        .ok_or_else(|| bad_format("Not a number in curly braces"))?
                };
                if idx >= args {
                    return Err(bad_format("Not enough arguments to fill the placeholders in the format string"));
                }
                if !lit.is_empty() {
                    out.push(FmtPiece::Lit(std::mem::take(&mut lit)));
                }
                out.push(FmtPiece::Arg(idx));
                i += close + 2;
            }
            b'}' => return Err(bad_format("Unbalanced curly braces in format string")),
            c => {
                lit.push(c);
                i += 1;
            }
        }
    }
    if !lit.is_empty() {
        out.push(FmtPiece::Lit(lit));
    }
    Ok(out)
}

/// `format(pattern, args…)`: the pattern must be a constant string; values format as `concat` does.
fn format(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    check_arg_count(&ctx.name, &args, 1, usize::MAX)?;
    let Some(p) = args[0].literal_str() else {
        return Err(Error::new(ErrorCode::ILLEGAL_COLUMN, "First argument of function format must be constant string"));
    };
    parse_format(p.as_bytes(), args.len() - 1)?;
    if let Some(n) = null_if_nothing(&args) {
        return Ok(n);
    }
    let args = stringify(ctx, args)?;
    let ret = ret_type(ChType::String, &args);
    call("format", format_kernel, args, ret)
}

fn format_kernel(k: &KernelArgs) -> DfResult<ColumnarValue> {
    let cols = k.args.iter().map(StrCol::new).collect::<DfResult<Vec<_>>>()?;
    let pattern = cols[0].scalar().flatten().unwrap_or(b"");
    let pieces = parse_format(pattern, cols.len() - 1).map_err(Error::into_datafusion)?;
    let n = out_rows(k);
    let mut b = BinaryViewBuilder::with_capacity(n);
    let mut buf = Vec::new();
    'rows: for row in 0..n {
        buf.clear();
        for p in &pieces {
            match p {
                FmtPiece::Lit(l) => buf.extend_from_slice(l),
                FmtPiece::Arg(i) => match cols.get(i + 1).and_then(|c| c.get(row)) {
                    Some(v) => buf.extend_from_slice(v),
                    None => {
                        b.append_null();
                        continue 'rows;
                    }
                },
            }
        }
        b.append_value(&buf);
    }
    finish(k, Arc::new(b.finish()))
}

fn repeat(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    check_arg_count(&ctx.name, &args, 2, 2)?;
    expect_string(&ctx.name, &args, 0)?;
    expect_int(&ctx.name, &args, 1)?;
    if let Some(n) = null_if_nothing(&args) {
        return Ok(n);
    }
    let ret = ret_type(ChType::String, &args);
    call("repeat", repeat_kernel, args, ret)
}

/// ClickHouse caps a repeated string at 1 GiB (TOO_LARGE_STRING_SIZE, 131; not yet in the error table,
/// so TOO_LARGE_ARRAY_SIZE stands in).
const MAX_REPEAT_BYTES: usize = 1 << 30;

fn too_large(msg: String) -> datafusion::error::DataFusionError {
    Error::new(ErrorCode::TOO_LARGE_ARRAY_SIZE, msg).into_datafusion()
}

fn repeat_kernel(k: &KernelArgs) -> DfResult<ColumnarValue> {
    let s = StrCol::new(&k.args[0])?;
    let times = IntCol::new(&k.args[1])?;
    let n = out_rows(k);
    let mut b = BinaryViewBuilder::with_capacity(n);
    let mut buf = Vec::new();
    for row in 0..n {
        match (s.get(row), times.get(row)) {
            (Some(v), Some(t)) => {
                let t = usize::try_from(t).unwrap_or(0);
                if v.len().saturating_mul(t) > MAX_REPEAT_BYTES {
                    return Err(too_large(format!("Too large string size ({}) in function repeat", v.len() * t)));
                }
                buf.clear();
                for _ in 0..t {
                    buf.extend_from_slice(v);
                }
                b.append_value(&buf);
            }
            _ => b.append_null(),
        }
    }
    finish(k, Arc::new(b.finish()))
}

fn space(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    check_arg_count(&ctx.name, &args, 1, 1)?;
    expect_int(&ctx.name, &args, 0)?;
    if let Some(n) = null_if_nothing(&args) {
        return Ok(n);
    }
    let ret = ret_type(ChType::String, &args);
    call("space", space_kernel, args, ret)
}

fn space_kernel(k: &KernelArgs) -> DfResult<ColumnarValue> {
    let times = IntCol::new(&k.args[0])?;
    let n = out_rows(k);
    let mut b = BinaryViewBuilder::with_capacity(n);
    for row in 0..n {
        match times.get(row) {
            Some(t) => {
                let t = usize::try_from(t).unwrap_or(0);
                if t > MAX_REPEAT_BYTES {
                    return Err(too_large(format!("Too large string size ({t}) in function space")));
                }
                b.append_value(vec![b' '; t]);
            }
            None => b.append_null(),
        }
    }
    finish(k, Arc::new(b.finish()))
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use crate::types::ChType;

    #[test]
    fn lengths_and_case() {
        // Checked with chdb 26.9.
        assert_eq!(run("length", vec![s("hello")]), "5");
        assert_eq!(ty("length", vec![s("a")]), "UInt64");
        assert_eq!(ty("length", vec![null()]), "Nullable(Nothing)");
        assert_eq!(run("lengthUTF8", vec![s("привет")]), "6");
        assert_eq!(run("length", vec![s("привет")]), "12");
        assert_eq!(run("empty", vec![s("")]), "1");
        assert_eq!(run("notEmpty", vec![s("")]), "0");
        assert_eq!(run("lower", vec![s("ÄB")]), "Äb");
        assert_eq!(run("lowerUTF8", vec![s("ÄB")]), "äb");
        assert_eq!(run("upperUTF8", vec![s("straße")]), "STRASSE");
        assert_eq!(run("reverseUTF8", vec![s("привет")]), "тевирп");
        assert_eq!(run("reverse", vec![s("abc")]), "cba");
        assert_eq!(ty("upper", vec![s("a")]), "String");
        let lc = || {
            let mut e = s("A");
            e.ty = ChType::LowCardinality(Box::new(ChType::String));
            e
        };
        assert_eq!(ty("lower", vec![lc()]), "LowCardinality(String)");
        assert_eq!(ty("length", vec![lc()]), "LowCardinality(UInt64)");
        assert_eq!(ty("concat", vec![lc(), s("b")]), "LowCardinality(String)");
        assert_eq!(run("lower", vec![lc()]), "a");
    }

    #[test]
    fn concat_repeat_space() {
        assert_eq!(run("concat", vec![s("a"), s("b"), s("c")]), "abc");
        assert_eq!(run("concat", vec![s("a")]), "a");
        assert_eq!(run("concat", vec![]), "");
        assert_eq!(run("concat", vec![s("a"), null()]), "\\N");
        assert_eq!(run("concat", vec![int(1, ChType::UInt8), s("a")]), "1a");
        assert_eq!(run("format", vec![s("{}-{}"), int(7, ChType::Int32), s("x")]), "7-x");
        assert_eq!(run("concatWithSeparator", vec![s("-"), s("a"), s("b")]), "a-b");
        assert_eq!(run("repeat", vec![s("ab"), int(3, ChType::UInt8)]), "ababab");
        assert_eq!(run("repeat", vec![s("ab"), int(-1, ChType::Int8)]), "");
        assert_eq!(run("space", vec![int(3, ChType::UInt8)]), "   ");
        assert_eq!(err_code("repeat", vec![s("ab"), s("x")]), 43);
        assert_eq!(err_code("length", vec![int(1, ChType::UInt8)]), 43);
        assert_eq!(run("format", vec![s("{} {}"), s("a"), s("b")]), "a b");
        assert_eq!(run("format", vec![s("{1} {0}"), s("a"), s("b")]), "b a");
        assert_eq!(run("format", vec![s("{{}}"), s("x")]), "{}");
        assert_eq!(run("format", vec![s("{0}{0}"), s("a")]), "aa");
        assert_eq!(run("format", vec![s("{} {}"), s("a"), s("b"), s("c")]), "a b");
        assert_eq!(err_code("format", vec![s("{} {}"), s("a")]), 36);
        assert_eq!(err_code("format", vec![s("{"), s("a")]), 36);
        assert_eq!(err_code("format", vec![s("{0} {}"), s("a"), s("b")]), 36);
    }

    #[test]
    fn columns_with_nulls() {
        let e = bind("upper", vec![col_c()]).unwrap();
        assert_eq!(e.ty.to_string(), "Nullable(String)");
        let a = eval_rows(&e, &[Some("ab"), None, Some("")]).unwrap();
        let v = arrow::array::AsArray::as_binary_view(&a);
        assert_eq!(v.value(0), b"AB");
        assert!(arrow::array::Array::is_null(v, 1));
        assert_eq!(v.value(2), b"");
        let e = bind("concat", vec![col_c(), s("!")]).unwrap();
        let a = eval_rows(&e, &[Some("x"), None]).unwrap();
        let v = arrow::array::AsArray::as_binary_view(&a);
        assert_eq!(v.value(0), b"x!");
        assert!(arrow::array::Array::is_null(v, 1));
    }
}
