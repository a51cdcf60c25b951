//! Searching for several needles or tokens: `multiSearchAny`,
//! `multiSearchFirstIndex`, `multiSearchFirstPosition`, `multiSearchAllPositions`,
//! `multiMatchAny`, `multiMatchAnyIndex`, `hasToken`, `hasTokenCaseInsensitive`,
//! `hasSubsequence`. The needle list is a constant Array(String). Mirrors
//! ClickHouse `FunctionsMultiStringSearch.h`, `hasToken.cpp`, `hasSubsequence.cpp`.

use std::sync::Arc;

use arrow::array::{Array, AsArray, ListBuilder, PrimitiveBuilder, UInt64Builder};
use arrow::datatypes::{UInt64Type, UInt8Type};
use datafusion::error::Result as DfResult;
use datafusion::logical_expr::ColumnarValue;
use datafusion::scalar::ScalarValue;

use super::basic::expect_string;
use super::chars::map2_to_prim;
use super::{finish, logical, null_if_nothing, out_rows, ret_type, StrCol};
use crate::error::{Error, ErrorCode, Result};
use crate::functions::udf::call;
use crate::functions::{
    check_arg_count, illegal_type, Case, FunctionContext, FunctionRegistry, Kernel, KernelArgs, TypedExpr,
};
use crate::types::ChType;

pub fn register(r: &mut FunctionRegistry) {
    r.scalar("multiSearchAny", Case::Sensitive, |c, a| multi(c, a, ChType::UInt8, k_search_any));
    r.scalar("multiSearchFirstIndex", Case::Sensitive, |c, a| multi(c, a, ChType::UInt64, k_search_first_index));
    r.scalar("multiSearchFirstPosition", Case::Sensitive, |c, a| multi(c, a, ChType::UInt64, k_search_first_pos));
    r.scalar("multiSearchAllPositions", Case::Sensitive, |c, a| {
        multi(c, a, ChType::Array(Box::new(ChType::UInt64)), k_search_all_positions)
    });
    r.scalar("multiMatchAny", Case::Sensitive, |c, a| multi(c, a, ChType::UInt8, k_match_any));
    r.scalar("multiMatchAnyIndex", Case::Sensitive, |c, a| multi(c, a, ChType::UInt64, k_match_any_index));
    r.scalar("hasToken", Case::Sensitive, |c, a| token(c, a, k_has_token));
    r.scalar("hasTokenCaseInsensitive", Case::Sensitive, |c, a| token(c, a, k_has_token_ci));
    r.scalar("hasSubsequence", Case::Sensitive, |c, a| token(c, a, k_has_subsequence));
}

fn multi(ctx: &FunctionContext, args: Vec<TypedExpr>, ret: ChType, kernel: Kernel) -> Result<TypedExpr> {
    check_arg_count(&ctx.name, &args, 2, 2)?;
    expect_string(&ctx.name, &args, 0)?;
    match args[1].ty.base() {
        ChType::Array(e) if e.base().is_string_or_fixed() => {}
        t => return Err(illegal_type(&ctx.name, 1, t)),
    }
    if let Some(n) = null_if_nothing(&args[..1]) {
        return Ok(n);
    }
    if ctx.name.starts_with("multiMatch") {
        needles_of(args[1].literal())
            .iter()
            .try_for_each(|n| regex::bytes::Regex::new(&String::from_utf8_lossy(n)).map(|_| ()))
            .map_err(|e| Error::new(ErrorCode::CANNOT_COMPILE_REGEXP, e.to_string()))?;
    }
    let ret = ret_type(ret, &args[..1]);
    call(&ctx.name, kernel, args, ret)
}

/// The strings of a constant Array(String) literal.
fn needles_of(v: Option<&ScalarValue>) -> Vec<Vec<u8>> {
    let Some(ScalarValue::List(l)) = v else {
        return Vec::new();
    };
    if l.is_empty() || l.is_null(0) {
        return Vec::new();
    }
    let vals = l.value(0);
    owned_strings(vals.as_ref()).unwrap_or_default()
}

/// The values of a string column, NULL as empty.
fn owned_strings(a: &dyn Array) -> DfResult<Vec<Vec<u8>>> {
    {
        Ok(match a.data_type() {
            arrow::datatypes::DataType::BinaryView => {
                a.as_binary_view().iter().map(|v| v.unwrap_or_default().to_vec()).collect()
            }
            arrow::datatypes::DataType::FixedSizeBinary(_) => {
                a.as_fixed_size_binary().iter().map(|v| v.unwrap_or_default().to_vec()).collect()
            }
            other => return Err(logical(format!("expected strings, got {other}"))),
        })
    }
}

/// The needles of the first row (ClickHouse requires them constant; a non-literal
/// constant array reaches the kernel as a column of equal rows).
fn needles(k: &KernelArgs) -> DfResult<Vec<Vec<u8>>> {
    match &k.args[1] {
        ColumnarValue::Scalar(s) => Ok(needles_of(Some(s))),
        ColumnarValue::Array(a) => {
            if a.is_empty() {
                return Ok(Vec::new());
            }
            let s = ScalarValue::try_from_array(a.as_ref(), 0)?;
            Ok(needles_of(Some(&s)))
        }
    }
}

/// 1-based byte position of `needle` in `hay` (0 when absent; 1 for an empty needle).
fn find(hay: &[u8], needle: &[u8]) -> u64 {
    if needle.is_empty() {
        return 1;
    }
    memchr::memmem::find(hay, needle).map_or(0, |p| p as u64 + 1)
}

fn each_row<T: arrow::datatypes::ArrowPrimitiveType>(
    k: &KernelArgs,
    f: impl Fn(&[u8], &[Vec<u8>]) -> T::Native,
) -> DfResult<ColumnarValue> {
    let hay = StrCol::new(&k.args[0])?;
    let nd = needles(k)?;
    let n = out_rows(k);
    let mut out = PrimitiveBuilder::<T>::with_capacity(n);
    for row in 0..n {
        match hay.get(row) {
            Some(h) => out.append_value(f(h, &nd)),
            None => out.append_null(),
        }
    }
    finish(k, Arc::new(out.finish()))
}

fn k_search_any(k: &KernelArgs) -> DfResult<ColumnarValue> {
    each_row::<UInt8Type>(k, |h, nd| u8::from(nd.iter().any(|n| find(h, n) > 0)))
}

fn k_search_first_index(k: &KernelArgs) -> DfResult<ColumnarValue> {
    each_row::<UInt64Type>(k, |h, nd| nd.iter().position(|n| find(h, n) > 0).map_or(0, |i| i as u64 + 1))
}

fn k_search_first_pos(k: &KernelArgs) -> DfResult<ColumnarValue> {
    each_row::<UInt64Type>(k, |h, nd| nd.iter().map(|n| find(h, n)).filter(|&p| p > 0).min().unwrap_or(0))
}

fn k_search_all_positions(k: &KernelArgs) -> DfResult<ColumnarValue> {
    let hay = StrCol::new(&k.args[0])?;
    let nd = needles(k)?;
    let n = out_rows(k);
    let mut out = ListBuilder::new(UInt64Builder::new());
    for row in 0..n {
        match hay.get(row) {
            Some(h) => {
                for x in &nd {
                    out.values().append_value(find(h, x));
                }
                out.append(true);
            }
            None => out.append(false),
        }
    }
    let arr = out.finish();
    let field = match k.ret.to_arrow() {
        arrow::datatypes::DataType::List(f) => f,
        other => return Err(logical(format!("expected a list type, got {other}"))),
    };
    let (_, offsets, values, nulls) = arr.into_parts();
    let arr = arrow::array::ListArray::try_new(field, offsets, values, nulls)?;
    finish(k, Arc::new(arr))
}

fn regexes(k: &KernelArgs) -> DfResult<Vec<regex::bytes::Regex>> {
    needles(k)?
        .iter()
        .map(|n| {
            regex::bytes::Regex::new(&String::from_utf8_lossy(n))
                .map_err(|e| Error::new(ErrorCode::CANNOT_COMPILE_REGEXP, e.to_string()).into_datafusion())
        })
        .collect()
}

fn k_match_any(k: &KernelArgs) -> DfResult<ColumnarValue> {
    let res = regexes(k)?;
    each_row::<UInt8Type>(k, |h, _| u8::from(res.iter().any(|r| r.is_match(h))))
}

fn k_match_any_index(k: &KernelArgs) -> DfResult<ColumnarValue> {
    let res = regexes(k)?;
    each_row::<UInt64Type>(k, |h, _| res.iter().position(|r| r.is_match(h)).map_or(0, |i| i as u64 + 1))
}

fn token(ctx: &FunctionContext, args: Vec<TypedExpr>, kernel: Kernel) -> Result<TypedExpr> {
    check_arg_count(&ctx.name, &args, 2, 2)?;
    expect_string(&ctx.name, &args, 0)?;
    expect_string(&ctx.name, &args, 1)?;
    if ctx.name.starts_with("hasToken") {
        if let Some(n) = args[1].literal_str() {
            if n.bytes().any(is_separator) {
                return Err(Error::new(
                    ErrorCode::BAD_ARGUMENTS,
                    "Needle must not contain whitespace or separator characters",
                ));
            }
        }
    }
    if let Some(n) = null_if_nothing(&args) {
        return Ok(n);
    }
    let ret = ret_type(ChType::UInt8, &args);
    call(&ctx.name, kernel, args, ret)
}

/// Token separators: ASCII bytes that are not letters or digits.
fn is_separator(b: u8) -> bool {
    b < 0x80 && !b.is_ascii_alphanumeric()
}

/// Whether `needle` occurs in `hay` as a whole token.
pub fn has_token(hay: &[u8], needle: &[u8]) -> bool {
    if needle.is_empty() {
        return false;
    }
    let mut from = 0;
    while let Some(p) = memchr::memmem::find(&hay[from..], needle) {
        let start = from + p;
        let end = start + needle.len();
        let left_ok = start == 0 || is_separator(hay[start - 1]);
        let right_ok = end == hay.len() || is_separator(hay[end]);
        if left_ok && right_ok {
            return true;
        }
        from = start + 1;
    }
    false
}

fn k_has_token(k: &KernelArgs) -> DfResult<ColumnarValue> {
    map2_to_prim::<UInt8Type>(k, |h, n| u8::from(has_token(h, n)))
}

fn k_has_token_ci(k: &KernelArgs) -> DfResult<ColumnarValue> {
    map2_to_prim::<UInt8Type>(k, |h, n| u8::from(has_token(&h.to_ascii_lowercase(), &n.to_ascii_lowercase())))
}

fn k_has_subsequence(k: &KernelArgs) -> DfResult<ColumnarValue> {
    map2_to_prim::<UInt8Type>(k, |h, n| {
        let mut it = h.iter();
        u8::from(n.iter().all(|c| it.any(|x| x == c)))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_and_search() {
        // chdb: hasToken('hello world', 'world') = 1, (…, 'wor') = 0, hasToken('a-b,c', 'b') = 1;
        // multiSearchAllPositions('hello', ['l', 'z']) = [3, 0]
        assert!(has_token(b"hello world", b"world"));
        assert!(!has_token(b"hello world", b"wor"));
        assert!(has_token(b"a-b,c", b"b"));
        assert_eq!(find(b"hello", b"l"), 3);
        assert_eq!(find(b"hello", b"z"), 0);
    }
}
