//! Substring search: `position`/`locate` (and case-insensitive and UTF-8 forms),
//! `startsWith`, `endsWith`, `countSubstrings`(`CaseInsensitive`), and LIKE:
//! `like`, `notLike`, `ilike`, `notILike`. Mirrors ClickHouse's `position.cpp`,
//! `FunctionsStringSearch`, `like.cpp` (`likePatternToRegexp`).
//!
//! Predicates compute Arrow Boolean and are exposed through `from_bool` (UInt8),
//! so WHERE clauses see plain boolean expressions. A constant LIKE pattern is
//! analysed once per batch: prefix, suffix, substring and equality patterns skip
//! the regex engine.

use std::sync::Arc;

use arrow::array::{BooleanBuilder, UInt64Builder};
use datafusion::error::Result as DfResult;
use datafusion::logical_expr::ColumnarValue;
use memchr::memmem;
use regex::bytes::Regex;

use super::basic::{expect_int, expect_string};
use super::{finish, null_if_nothing, out_rows, ret_type, IntCol, StrCol};
use crate::error::{Error, ErrorCode, Result};
use crate::functions::udf::call;
use crate::functions::{
    check_arg_count, from_bool, Case, FunctionContext, FunctionRegistry, Kernel, KernelArgs, TypedExpr,
};
use crate::types::ChType;

pub fn register(r: &mut FunctionRegistry) {
    r.scalar("position", Case::Insensitive, position);
    r.scalar("locate", Case::Insensitive, locate);
    r.scalar("positionCaseInsensitive", Case::Sensitive, position_ci);
    r.scalar("positionUTF8", Case::Sensitive, position_utf8);
    r.scalar("positionCaseInsensitiveUTF8", Case::Sensitive, position_ci_utf8);
    r.scalar("startsWith", Case::Sensitive, starts_with);
    r.scalar("endsWith", Case::Sensitive, ends_with);
    r.scalar("startsWithUTF8", Case::Sensitive, starts_with);
    r.scalar("endsWithUTF8", Case::Sensitive, ends_with);
    r.scalar("countSubstrings", Case::Insensitive, count_substrings);
    r.scalar("countSubstringsCaseInsensitive", Case::Sensitive, count_substrings_ci);
    r.scalar("like", Case::Sensitive, like);
    r.scalar("notLike", Case::Sensitive, not_like);
    r.scalar("ilike", Case::Sensitive, ilike);
    r.scalar("notILike", Case::Sensitive, not_ilike);
}

/// Builds a predicate call: Boolean kernel, exposed as UInt8 (Nullable when an argument is).
pub fn predicate_call(name: &str, kernel: Kernel, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    let nullable = args.iter().any(|a| a.ty.is_nullable());
    let b = call(name, kernel, args, ChType::Bool)?;
    let mut out = from_bool(b.expr);
    if nullable {
        out.ty = ChType::UInt8.nullable();
    }
    Ok(out)
}

#[derive(Clone, Copy, PartialEq)]
enum Mode {
    Bytes,
    CaseInsensitive,
    Utf8,
    CaseInsensitiveUtf8,
}

fn position_builder(ctx: &FunctionContext, mut args: Vec<TypedExpr>, swap: bool, mode: Mode) -> Result<TypedExpr> {
    check_arg_count(&ctx.name, &args, 2, 3)?;
    if swap {
        args.swap(0, 1);
    }
    expect_string(&ctx.name, &args, 0)?;
    expect_string(&ctx.name, &args, 1)?;
    if let Some(a) = args.get(2) {
        if !(a.ty.is_unsigned_int() || a.ty.is_nothing()) {
            return Err(Error::new(
                ErrorCode::ILLEGAL_TYPE_OF_ARGUMENT,
                format!("Illegal type {} of argument of function {}", a.ty, ctx.name),
            ));
        }
    }
    if let Some(n) = null_if_nothing(&args) {
        return Ok(n);
    }
    let ret = ret_type(ChType::UInt64, &args);
    let kernel: Kernel = match mode {
        Mode::Bytes => |k| position_kernel(k, Mode::Bytes),
        Mode::CaseInsensitive => |k| position_kernel(k, Mode::CaseInsensitive),
        Mode::Utf8 => |k| position_kernel(k, Mode::Utf8),
        Mode::CaseInsensitiveUtf8 => |k| position_kernel(k, Mode::CaseInsensitiveUtf8),
    };
    call("position", kernel, args, ret)
}

fn lower_for(mode: Mode, v: &[u8]) -> Vec<u8> {
    match mode {
        Mode::CaseInsensitive => v.to_ascii_lowercase(),
        _ => {
            let mut out = Vec::with_capacity(v.len());
            for chunk in v.utf8_chunks() {
                out.extend_from_slice(chunk.valid().to_lowercase().as_bytes());
                out.extend_from_slice(chunk.invalid());
            }
            out
        }
    }
}

/// Counts code points in `v` (bytes that are not continuation bytes).
fn cp_count(v: &[u8]) -> usize {
    super::basic::utf8_len(v)
}

/// Byte offset of the `n`-th (0-based) code point, or None past the end.
fn cp_offset(v: &[u8], n: usize) -> Option<usize> {
    if n == 0 {
        return Some(0);
    }
    let mut seen = 0;
    for (i, &b) in v.iter().enumerate() {
        if (b & 0xC0) != 0x80 {
            if seen == n {
                return Some(i);
            }
            seen += 1;
        }
    }
    (seen == n).then_some(v.len())
}

fn position_kernel(k: &KernelArgs, mode: Mode) -> DfResult<ColumnarValue> {
    let hay = StrCol::new(&k.args[0])?;
    let needle = StrCol::new(&k.args[1])?;
    let start = k.args.get(2).map(IntCol::new).transpose()?;
    let n = out_rows(k);
    let mut b = UInt64Builder::with_capacity(n);
    // A constant needle gets one prepared searcher.
    let const_needle: Option<Vec<u8>> = needle.scalar().flatten().map(|v| match mode {
        Mode::Bytes | Mode::Utf8 => v.to_vec(),
        _ => lower_for(mode, v),
    });
    let finder = const_needle.as_deref().map(memmem::Finder::new);
    for row in 0..n {
        let (Some(h), Some(nd)) = (hay.get(row), needle.get(row)) else {
            b.append_null();
            continue;
        };
        let st = match &start {
            Some(s) => match s.get(row) {
                Some(v) => usize::try_from(v.max(1)).unwrap_or(usize::MAX),
                None => {
                    b.append_null();
                    continue;
                }
            },
            None => 1,
        };
        let utf8 = matches!(mode, Mode::Utf8 | Mode::CaseInsensitiveUtf8);
        let (h_owned, n_owned);
        let (h, nd): (&[u8], &[u8]) = match mode {
            Mode::Bytes | Mode::Utf8 => (h, nd),
            _ => {
                h_owned = lower_for(mode, h);
                n_owned = if const_needle.is_some() { Vec::new() } else { lower_for(mode, nd) };
                (&h_owned, if const_needle.is_some() { const_needle.as_deref().unwrap_or(nd) } else { &n_owned })
            }
        };
        let units = if utf8 { cp_count(h) } else { h.len() };
        if st > units + 1 {
            b.append_value(0);
            continue;
        }
        let from = if utf8 { cp_offset(h, st - 1).unwrap_or(h.len()) } else { st - 1 };
        let tail = &h[from..];
        let found = match &finder {
            Some(f) => f.find(tail),
            None => memmem::find(tail, nd),
        };
        match found {
            Some(p) => {
                let pos = if utf8 { st + cp_count(&tail[..p]) } else { from + p + 1 };
                b.append_value(pos as u64);
            }
            None => b.append_value(0),
        }
    }
    finish(k, Arc::new(b.finish()))
}

fn position(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    position_builder(ctx, args, false, Mode::Bytes)
}

fn locate(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    position_builder(ctx, args, true, Mode::Bytes)
}

fn position_ci(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    position_builder(ctx, args, false, Mode::CaseInsensitive)
}

fn position_utf8(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    position_builder(ctx, args, false, Mode::Utf8)
}

fn position_ci_utf8(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    position_builder(ctx, args, false, Mode::CaseInsensitiveUtf8)
}

fn two_strings(ctx: &FunctionContext, args: &[TypedExpr]) -> Result<()> {
    check_arg_count(&ctx.name, args, 2, 2)?;
    expect_string(&ctx.name, args, 0)?;
    expect_string(&ctx.name, args, 1)
}

fn affix_kernel(k: &KernelArgs, prefix: bool) -> DfResult<ColumnarValue> {
    let s = StrCol::new(&k.args[0])?;
    let p = StrCol::new(&k.args[1])?;
    let n = out_rows(k);
    let mut b = BooleanBuilder::with_capacity(n);
    for row in 0..n {
        match (s.get(row), p.get(row)) {
            (Some(v), Some(p)) => b.append_value(if prefix { v.starts_with(p) } else { v.ends_with(p) }),
            _ => b.append_null(),
        }
    }
    finish(k, Arc::new(b.finish()))
}

fn starts_with(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    two_strings(ctx, &args)?;
    if let Some(n) = null_if_nothing(&args) {
        return Ok(n);
    }
    predicate_call("startsWith", |k| affix_kernel(k, true), args)
}

fn ends_with(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    two_strings(ctx, &args)?;
    if let Some(n) = null_if_nothing(&args) {
        return Ok(n);
    }
    predicate_call("endsWith", |k| affix_kernel(k, false), args)
}

fn count_builder(ctx: &FunctionContext, args: Vec<TypedExpr>, kernel: Kernel) -> Result<TypedExpr> {
    check_arg_count(&ctx.name, &args, 2, 3)?;
    expect_string(&ctx.name, &args, 0)?;
    expect_string(&ctx.name, &args, 1)?;
    expect_int(&ctx.name, &args, 2)?;
    if let Some(n) = null_if_nothing(&args) {
        return Ok(n);
    }
    let ret = ret_type(ChType::UInt64, &args);
    call(&ctx.name, kernel, args, ret)
}

/// Non-overlapping occurrences of the needle (an empty needle counts 0), from the optional 1-based start.
fn count_kernel(k: &KernelArgs, ci: bool) -> DfResult<ColumnarValue> {
    let hay = StrCol::new(&k.args[0])?;
    let needle = StrCol::new(&k.args[1])?;
    let start = k.args.get(2).map(IntCol::new).transpose()?;
    let n = out_rows(k);
    let mut b = UInt64Builder::with_capacity(n);
    for row in 0..n {
        let (Some(h), Some(nd)) = (hay.get(row), needle.get(row)) else {
            b.append_null();
            continue;
        };
        let st = match &start {
            Some(s) => match s.get(row) {
                Some(v) => usize::try_from(v.max(1) - 1).unwrap_or(usize::MAX),
                None => {
                    b.append_null();
                    continue;
                }
            },
            None => 0,
        };
        if nd.is_empty() || st >= h.len() {
            b.append_value(0);
            continue;
        }
        let lowered;
        let (h, nd): (&[u8], Vec<u8>) = if ci {
            lowered = h.to_ascii_lowercase();
            (&lowered, nd.to_ascii_lowercase())
        } else {
            (h, Vec::new())
        };
        let needle: &[u8] = if ci { &nd } else { needle.get(row).unwrap_or(b"") };
        let mut count = 0u64;
        let mut at = st;
        let f = memmem::Finder::new(needle);
        while let Some(p) = f.find(&h[at..]) {
            count += 1;
            at += p + needle.len();
        }
        b.append_value(count);
    }
    finish(k, Arc::new(b.finish()))
}

fn count_substrings(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    count_builder(ctx, args, |k| count_kernel(k, false))
}

fn count_substrings_ci(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    count_builder(ctx, args, |k| count_kernel(k, true))
}

/// A LIKE pattern, analysed: simple shapes avoid the regex engine.
pub enum LikeMatcher {
    Equals(Vec<u8>),
    Prefix(Vec<u8>),
    Suffix(Vec<u8>),
    Contains(Box<memmem::Finder<'static>>),
    Any,
    Regex(Regex),
}

impl LikeMatcher {
    /// Compiles a ClickHouse LIKE pattern: `%` any run, `_` one character (code point),
    /// `\%`, `\_`, `\\` literal; a backslash before anything else is itself literal.
    pub fn new(pattern: &[u8], case_insensitive: bool) -> std::result::Result<LikeMatcher, Error> {
        // Split into literal pieces and wildcards.
        let mut lits: Vec<Vec<u8>> = vec![Vec::new()];
        let mut wild: Vec<u8> = Vec::new();
        let mut i = 0;
        while i < pattern.len() {
            let c = pattern[i];
            match c {
                b'\\' if i + 1 < pattern.len() && matches!(pattern[i + 1], b'%' | b'_' | b'\\') => {
                    if let Some(l) = lits.last_mut() {
                        l.push(pattern[i + 1]);
                    }
                    i += 2;
                    continue;
                }
                b'%' | b'_' => {
                    wild.push(c);
                    lits.push(Vec::new());
                }
                _ => {
                    if let Some(l) = lits.last_mut() {
                        l.push(c);
                    }
                }
            }
            i += 1;
        }
        if !case_insensitive && !wild.contains(&b'_') {
            let n = lits.len();
            let inner_nonempty = lits.iter().skip(1).take(n.saturating_sub(2)).any(|l| !l.is_empty());
            if wild.is_empty() {
                return Ok(LikeMatcher::Equals(lits.swap_remove(0)));
            }
            if !inner_nonempty {
                let first = &lits[0];
                let last = &lits[n - 1];
                match (first.is_empty(), last.is_empty()) {
                    (true, true) => return Ok(LikeMatcher::Any),
                    (false, true) => return Ok(LikeMatcher::Prefix(first.clone())),
                    (true, false) => return Ok(LikeMatcher::Suffix(last.clone())),
                    _ => {}
                }
            } else if n == 3 && lits[0].is_empty() && lits[2].is_empty() {
                return Ok(LikeMatcher::Contains(Box::new(memmem::Finder::new(&lits[1]).into_owned())));
            }
        }
        // Unicode-aware (ILIKE folds Cyrillic too, as in ClickHouse); wildcards run on raw bytes.
        let mut re = String::from(if case_insensitive { "(?is)^" } else { "(?s)^" });
        for (j, l) in lits.iter().enumerate() {
            for chunk in l.utf8_chunks() {
                re.push_str(&regex::escape(chunk.valid()));
                for &b in chunk.invalid() {
                    re.push_str(&format!("(?-u:\\x{b:02X})"));
                }
            }
            match wild.get(j) {
                Some(b'%') => re.push_str("(?s-u:.*)"),
                // `_` is one code point when the data is UTF-8 (as in ClickHouse), else one byte.
                Some(_) => re.push_str("(?-u:(?:[\\x00-\\x7F]|[\\xC0-\\xFF][\\x80-\\xBF]*|[\\x80-\\xBF]))"),
                None => {}
            }
        }
        re.push('$');
        compile_regex(&re).map(LikeMatcher::Regex)
    }

    #[inline]
    pub fn is_match(&self, v: &[u8]) -> bool {
        match self {
            LikeMatcher::Equals(p) => v == p.as_slice(),
            LikeMatcher::Prefix(p) => v.starts_with(p),
            LikeMatcher::Suffix(p) => v.ends_with(p),
            LikeMatcher::Contains(f) => f.find(v).is_some(),
            LikeMatcher::Any => true,
            LikeMatcher::Regex(r) => r.is_match(v),
        }
    }
}

/// Compiles a regex with ClickHouse's error (427 CANNOT_COMPILE_REGEXP).
pub fn compile_regex(re: &str) -> std::result::Result<Regex, Error> {
    Regex::new(re).map_err(|e| {
        Error::new(
            ErrorCode::CANNOT_COMPILE_REGEXP,
            format!("OptimizedRegularExpression: cannot compile re2: {re}, error: {e}"),
        )
    })
}

fn like_builder(ctx: &FunctionContext, args: Vec<TypedExpr>, kernel: Kernel) -> Result<TypedExpr> {
    two_strings(ctx, &args)?;
    if let Some(n) = null_if_nothing(&args) {
        return Ok(n);
    }
    // A constant pattern is checked at bind time, so a bad one fails before any row is read.
    if let Some(p) = args[1].literal_str() {
        LikeMatcher::new(p.as_bytes(), false)?;
    }
    predicate_call(&ctx.name, kernel, args)
}

fn like_kernel(k: &KernelArgs, ci: bool, negate: bool) -> DfResult<ColumnarValue> {
    let s = StrCol::new(&k.args[0])?;
    let p = StrCol::new(&k.args[1])?;
    let n = out_rows(k);
    let mut b = BooleanBuilder::with_capacity(n);
    let fixed = match p.scalar() {
        Some(Some(p)) => Some(LikeMatcher::new(p, ci).map_err(Error::into_datafusion)?),
        _ => None,
    };
    let mut last: Option<(Vec<u8>, LikeMatcher)> = None;
    for row in 0..n {
        let (Some(v), Some(pat)) = (s.get(row), p.get(row)) else {
            b.append_null();
            continue;
        };
        let m = match &fixed {
            Some(m) => m.is_match(v),
            None => {
                // A column of patterns: recompile only when the pattern changes.
                if last.as_ref().is_none_or(|(p, _)| p.as_slice() != pat) {
                    last = Some((pat.to_vec(), LikeMatcher::new(pat, ci).map_err(Error::into_datafusion)?));
                }
                last.as_ref().is_some_and(|(_, m)| m.is_match(v))
            }
        };
        b.append_value(m != negate);
    }
    finish(k, Arc::new(b.finish()))
}

fn like(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    like_builder(ctx, args, |k| like_kernel(k, false, false))
}

fn not_like(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    like_builder(ctx, args, |k| like_kernel(k, false, true))
}

fn ilike(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    like_builder(ctx, args, |k| like_kernel(k, true, false))
}

fn not_ilike(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    like_builder(ctx, args, |k| like_kernel(k, true, true))
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use crate::types::ChType;

    #[test]
    fn positions() {
        // Checked with chdb 26.9.
        let u = |v| int(v, ChType::UInt64);
        assert_eq!(run("position", vec![s("hello"), s("l")]), "3");
        assert_eq!(run("position", vec![s("hello"), s("l"), u(4)]), "4");
        assert_eq!(run("position", vec![s("hello"), s("")]), "1");
        assert_eq!(run("position", vec![s("hello"), s(""), u(3)]), "3");
        assert_eq!(run("position", vec![s("hello"), s(""), u(6)]), "6");
        assert_eq!(run("position", vec![s("hello"), s(""), u(10)]), "0");
        assert_eq!(run("position", vec![s("hello"), s("l"), u(0)]), "3");
        assert_eq!(run("position", vec![s("abc"), s("b"), u(5)]), "0");
        assert_eq!(run("locate", vec![s("l"), s("hello")]), "3");
        assert_eq!(run("positionUTF8", vec![s("привет"), s("в")]), "4");
        assert_eq!(run("positionUTF8", vec![s("привет"), s("в"), u(3)]), "4");
        assert_eq!(run("positionCaseInsensitive", vec![s("HeLLo"), s("ll")]), "3");
        assert_eq!(run("positionCaseInsensitiveUTF8", vec![s("ПРИВЕТ"), s("в")]), "4");
        assert_eq!(err_code("position", vec![s("abc"), s("b"), int(-1, ChType::Int8)]), 43);
        assert_eq!(run("countSubstrings", vec![s("aaaa"), s("aa")]), "2");
        assert_eq!(run("countSubstrings", vec![s("abc"), s("")]), "0");
        assert_eq!(run("countSubstrings", vec![s("aXa"), s("x")]), "0");
        assert_eq!(run("countSubstringsCaseInsensitive", vec![s("aXa"), s("x")]), "1");
    }

    #[test]
    fn predicates() {
        assert_eq!(run("startsWith", vec![s("abc"), s("")]), "1");
        assert_eq!(run("endsWith", vec![s("abc"), s("bc")]), "1");
        assert_eq!(ty("startsWith", vec![s("abc"), s("a")]), "UInt8");
        let like = |v: &str, p: &str| run("like", vec![s(v), s(p)]);
        assert_eq!(like("abc", "a%"), "1");
        assert_eq!(like("a_c", "a\\_c"), "1");
        assert_eq!(like("abc", "a\\_c"), "0");
        assert_eq!(like("a%", "a\\%"), "1");
        assert_eq!(like("a\nb", "a%b"), "1");
        assert_eq!(like("abc", "%"), "1");
        assert_eq!(like("a%b", "a\\%b"), "1");
        assert_eq!(like("ab", "a\\b"), "0");
        assert_eq!(like("\\", "\\\\"), "1");
        assert_eq!(like("abc", "a.c"), "0");
        assert_eq!(like("ab", "a%%b"), "1");
        assert_eq!(like("привет", "пр_вет"), "1");
        assert_eq!(like("xabcx", "%abc%"), "1");
        assert_eq!(like("abc", "abc"), "1");
        assert_eq!(like("abc", "%bc"), "1");
        assert_eq!(run("ilike", vec![s("ABC"), s("a%")]), "1");
        assert_eq!(run("ilike", vec![s("ПРИВЕТ"), s("привет")]), "1");
        assert_eq!(run("ilike", vec![s("ПРИВЕТ"), s("п%")]), "1");
        assert_eq!(run("ilike", vec![s("Straße"), s("STRASSE")]), "0");
        assert_eq!(run("notLike", vec![s("abc"), s("b%")]), "1");
        assert_eq!(run("notILike", vec![s("ABC"), s("a%")]), "0");
        assert_eq!(ty("like", vec![s("a"), null()]), "Nullable(Nothing)");
        assert_eq!(ty("like", vec![col_c(), s("a")]), "Nullable(UInt8)");
    }

    #[test]
    fn position_table() {
        // chdb 26.9: position[UTF8](h, n, toUInt64(start)) for start 0..=8.
        let hs = ["hello", "привет", "", "aaa"];
        let ns = ["l", "", "в", "a", "aa"];
        let bytes = [
            "3,3,3,3,4,0,0,0,0",
            "1,1,2,3,4,5,6,0,0",
            "0,0,0,0,0,0,0,0,0",
            "0,0,0,0,0,0,0,0,0",
            "0,0,0,0,0,0,0,0,0",
            "0,0,0,0,0,0,0,0,0",
            "1,1,2,3,4,5,6,7,8",
            "7,7,7,7,7,7,7,7,0",
            "0,0,0,0,0,0,0,0,0",
            "0,0,0,0,0,0,0,0,0",
            "0,0,0,0,0,0,0,0,0",
            "1,1,0,0,0,0,0,0,0",
            "0,0,0,0,0,0,0,0,0",
            "0,0,0,0,0,0,0,0,0",
            "0,0,0,0,0,0,0,0,0",
            "0,0,0,0,0,0,0,0,0",
            "1,1,2,3,4,0,0,0,0",
            "0,0,0,0,0,0,0,0,0",
            "1,1,2,3,0,0,0,0,0",
            "1,1,2,0,0,0,0,0,0",
        ];
        let utf8 = [
            "3,3,3,3,4,0,0,0,0",
            "1,1,2,3,4,5,6,0,0",
            "0,0,0,0,0,0,0,0,0",
            "0,0,0,0,0,0,0,0,0",
            "0,0,0,0,0,0,0,0,0",
            "0,0,0,0,0,0,0,0,0",
            "1,1,2,3,4,5,6,7,0",
            "4,4,4,4,4,0,0,0,0",
            "0,0,0,0,0,0,0,0,0",
            "0,0,0,0,0,0,0,0,0",
            "0,0,0,0,0,0,0,0,0",
            "1,1,0,0,0,0,0,0,0",
            "0,0,0,0,0,0,0,0,0",
            "0,0,0,0,0,0,0,0,0",
            "0,0,0,0,0,0,0,0,0",
            "0,0,0,0,0,0,0,0,0",
            "1,1,2,3,4,0,0,0,0",
            "0,0,0,0,0,0,0,0,0",
            "1,1,2,3,0,0,0,0,0",
            "1,1,2,0,0,0,0,0,0",
        ];
        for (name, table) in [("position", bytes), ("positionUTF8", utf8)] {
            let mut i = 0;
            for h in hs {
                for nd in ns {
                    let got: Vec<String> =
                        (0..=8).map(|st| run(name, vec![s(h), s(nd), int(st, ChType::UInt64)])).collect();
                    assert_eq!(got.join(","), table[i], "{name}({h:?}, {nd:?})");
                    i += 1;
                }
            }
        }
    }

    #[test]
    fn like_table() {
        // chdb 26.9: like(s, p) and ilike(s, p) for every string × pattern, one digit per string.
        let strs = ["", "a", "abc", "ABC", "a_c", "a%c", "a\\c", "привет", "xabcx", "a\nc"];
        let pats = [
            "%", "_", "a%", "%c", "%b%", "a_c", "a\\_c", "a\\%c", "a\\\\c", "___", "%_%", "abc", "a%c", "_р%", "%\\%%",
            "a\\c", "",
        ];
        let like = [
            "1111111111",
            "0100000000",
            "0110111001",
            "0010111001",
            "0010000010",
            "0010111001",
            "0000100000",
            "0000010000",
            "0000001000",
            "0011111001",
            "0111111111",
            "0010000000",
            "0010111001",
            "0000000100",
            "0000010000",
            "0000001000",
            "1000000000",
        ];
        let ilike = [
            "1111111111",
            "0100000000",
            "0111111001",
            "0011111001",
            "0011000010",
            "0011111001",
            "0000100000",
            "0000010000",
            "0000001000",
            "0011111001",
            "0111111111",
            "0011000000",
            "0011111001",
            "0000000100",
            "0000010000",
            "0000001000",
            "1000000000",
        ];
        for (name, table) in [("like", like), ("ilike", ilike)] {
            for (p, want) in pats.iter().zip(table) {
                let got: String = strs.iter().map(|v| run(name, vec![s(v), s(p)])).collect();
                assert_eq!(got, want, "{name} {p:?}");
            }
        }
    }

    #[test]
    fn over_columns() {
        use arrow::array::{Array, AsArray};
        let rows = [Some("abc"), None, Some("xbx"), Some("")];
        for (pattern, want) in [("%b%", [1, 0, 1, 0]), ("a%", [1, 0, 0, 0]), ("_b_", [1, 0, 1, 0])] {
            let e = bind("like", vec![col_c(), s(pattern)]).unwrap();
            let a = eval_rows(&e, &rows).unwrap();
            let v = a.as_primitive::<arrow::datatypes::UInt8Type>();
            assert!(v.is_null(1));
            assert_eq!([v.value(0), v.value(1), v.value(2), v.value(3)], want, "{pattern}");
        }
        // The pattern as the column: one matcher per distinct consecutive pattern.
        let e = bind("like", vec![s("abc"), col_c()]).unwrap();
        let a = eval_rows(&e, &[Some("a%"), Some("a%"), Some("x%"), None]).unwrap();
        let v = a.as_primitive::<arrow::datatypes::UInt8Type>();
        assert_eq!((v.value(0), v.value(1), v.value(2), v.is_null(3)), (1, 1, 0, true));
        let e = bind("position", vec![col_c(), s("b")]).unwrap();
        let a = eval_rows(&e, &rows).unwrap();
        let v = a.as_primitive::<arrow::datatypes::UInt64Type>();
        assert_eq!((v.value(0), v.is_null(1), v.value(2), v.value(3)), (2, true, 2, 0));
    }
}
