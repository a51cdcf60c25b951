//! Regular expressions and replacement: `match`, `extract`, `extractAll`,
//! `replaceRegexpOne`, `replaceRegexpAll`, and the plain-substring
//! `replaceOne`, `replaceAll` (alias `replace`). Mirrors ClickHouse's
//! `match.cpp`, `extract.cpp`, `extractAll.cpp`, `ReplaceRegexpImpl.h`,
//! `ReplaceStringImpl.h`.
//!
//! ClickHouse uses re2; the `regex` crate's syntax is close (no backreferences
//! or look-around in either). Patterns run on bytes with `.` matching newlines
//! (re2's `dot_nl`, as ClickHouse sets it). A constant pattern is compiled once
//! per batch; a bad one fails with 427 CANNOT_COMPILE_REGEXP at bind time.

use std::sync::Arc;

use arrow::array::{BinaryViewBuilder, ListBuilder};
use datafusion::error::Result as DfResult;
use datafusion::logical_expr::ColumnarValue;
use memchr::memmem;
use regex::bytes::Regex;

use super::basic::expect_string;
use super::search::{compile_regex, predicate_call};
use super::{finish, null_if_nothing, out_rows, ret_type, StrCol};
use crate::error::{Error, ErrorCode, Result};
use crate::functions::udf::call;
use crate::functions::{check_arg_count, Case, FunctionContext, FunctionRegistry, Kernel, KernelArgs, TypedExpr};
use crate::types::ChType;

pub fn register(r: &mut FunctionRegistry) {
    r.scalar("match", Case::Sensitive, match_fn);
    r.scalar("REGEXP_MATCHES", Case::Insensitive, match_fn);
    r.scalar("extract", Case::Sensitive, extract);
    r.scalar("extractAll", Case::Sensitive, extract_all);
    r.scalar("regexpExtract", Case::Sensitive, regexp_extract);
    r.scalar("REGEXP_EXTRACT", Case::Insensitive, regexp_extract);
    r.scalar("extractGroups", Case::Sensitive, extract_groups);
    r.scalar("replaceOne", Case::Sensitive, replace_one);
    r.scalar("replaceAll", Case::Sensitive, replace_all);
    r.scalar("replace", Case::Insensitive, replace_all);
    r.scalar("replaceRegexpOne", Case::Sensitive, replace_regexp_one);
    r.scalar("replaceRegexpAll", Case::Sensitive, replace_regexp_all);
    r.scalar("REGEXP_REPLACE", Case::Insensitive, replace_regexp_all);
}

/// Compiles a ClickHouse (re2) pattern for matching bytes.
pub fn compile(pattern: &[u8]) -> std::result::Result<Regex, Error> {
    let p = String::from_utf8_lossy(pattern);
    compile_regex(&format!("(?s){}", re2_classes(&p)))
}

/// Rewrites re2's ASCII-only Perl classes for the `regex` crate, whose `\d`, `\w`, `\s`
/// and `\b` are Unicode-aware: `\w` must not match Cyrillic letters, as in ClickHouse.
/// Negated classes inside brackets (`[\D]`) are left as they are.
fn re2_classes(p: &str) -> String {
    const SPACE: &str = "\\t\\n\\f\\r ";
    let mut out = String::with_capacity(p.len() + 16);
    let mut chars = p.chars().peekable();
    let mut in_class = false;
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                let Some(n) = chars.next() else {
                    out.push(c);
                    break;
                };
                match (in_class, n) {
                    (false, 'd' | 'D' | 'w' | 'W' | 'b' | 'B') => {
                        out.push_str("(?-u:\\");
                        out.push(n);
                        out.push(')');
                    }
                    (false, 's') => out.push_str(&format!("[{SPACE}]")),
                    (false, 'S') => out.push_str(&format!("[^{SPACE}]")),
                    (true, 'd') => out.push_str("0-9"),
                    (true, 'w') => out.push_str("0-9A-Za-z_"),
                    (true, 's') => out.push_str(SPACE),
                    _ => {
                        out.push('\\');
                        out.push(n);
                    }
                }
            }
            '[' if !in_class => {
                in_class = true;
                out.push('[');
                if chars.peek() == Some(&'^') {
                    out.push('^');
                    chars.next();
                }
                // A `]` first in a class is a literal.
                if chars.peek() == Some(&']') {
                    out.push_str("\\]");
                    chars.next();
                }
            }
            '[' if chars.peek() == Some(&':') => {
                // A POSIX class such as [:alpha:] inside brackets.
                out.push('[');
                for x in chars.by_ref() {
                    out.push(x);
                    if x == ']' {
                        break;
                    }
                }
            }
            '[' => out.push_str("\\["),
            ']' if in_class => {
                in_class = false;
                out.push(']');
            }
            c => out.push(c),
        }
    }
    out
}

/// The regex for argument `i` of a batch: compiled once when constant, else per row (with a one-entry cache).
struct RegexArg<'a> {
    col: StrCol<'a>,
    fixed: Option<Regex>,
    last: Option<(Vec<u8>, Regex)>,
}

impl<'a> RegexArg<'a> {
    fn new(v: &'a ColumnarValue) -> DfResult<Self> {
        let col = StrCol::new(v)?;
        let fixed = match col.scalar() {
            Some(Some(p)) => Some(compile(p).map_err(Error::into_datafusion)?),
            _ => None,
        };
        Ok(RegexArg { col, fixed, last: None })
    }

    /// The regex and raw pattern for `row`, or None when the pattern is NULL.
    fn get(&mut self, row: usize) -> DfResult<Option<(&Regex, &'a [u8])>> {
        let Some(p) = self.col.get(row) else { return Ok(None) };
        if let Some(r) = &self.fixed {
            return Ok(Some((r, p)));
        }
        if self.last.as_ref().is_none_or(|(lp, _)| lp.as_slice() != p) {
            self.last = Some((p.to_vec(), compile(p).map_err(Error::into_datafusion)?));
        }
        Ok(self.last.as_ref().map(|(_, r)| (r, p)))
    }
}

fn check_pattern(args: &[TypedExpr]) -> Result<()> {
    if let Some(p) = args.get(1).and_then(TypedExpr::literal_str) {
        compile(p.as_bytes())?;
    }
    Ok(())
}

fn regex_builder(ctx: &FunctionContext, args: &[TypedExpr], n: usize) -> Result<Option<TypedExpr>> {
    check_arg_count(&ctx.name, args, n, n)?;
    for i in 0..n {
        expect_string(&ctx.name, args, i)?;
    }
    if let Some(n) = null_if_nothing(args) {
        return Ok(Some(n));
    }
    check_pattern(args)?;
    Ok(None)
}

fn match_fn(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    if let Some(n) = regex_builder(ctx, &args, 2)? {
        return Ok(n);
    }
    predicate_call("match", match_kernel, args)
}

fn match_kernel(k: &KernelArgs) -> DfResult<ColumnarValue> {
    let s = StrCol::new(&k.args[0])?;
    let mut re = RegexArg::new(&k.args[1])?;
    let n = out_rows(k);
    let mut b = arrow::array::BooleanBuilder::with_capacity(n);
    for row in 0..n {
        match (s.get(row), re.get(row)?) {
            (Some(v), Some((r, _))) => b.append_value(r.is_match(v)),
            _ => b.append_null(),
        }
    }
    finish(k, Arc::new(b.finish()))
}

fn extract(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    if let Some(n) = regex_builder(ctx, &args, 2)? {
        return Ok(n);
    }
    let ret = ret_type(ChType::String, &args);
    call("extract", extract_kernel, args, ret)
}

/// The first capturing group of the first match (the whole match without groups); '' when none.
fn extract_kernel(k: &KernelArgs) -> DfResult<ColumnarValue> {
    let s = StrCol::new(&k.args[0])?;
    let mut re = RegexArg::new(&k.args[1])?;
    let n = out_rows(k);
    let mut b = BinaryViewBuilder::with_capacity(n);
    for row in 0..n {
        match (s.get(row), re.get(row)?) {
            (Some(v), Some((r, _))) => {
                let group = usize::from(r.captures_len() > 1);
                let m = r.captures(v).and_then(|c| c.get(group)).map(|m| m.as_bytes()).unwrap_or(b"");
                b.append_value(m);
            }
            _ => b.append_null(),
        }
    }
    finish(k, Arc::new(b.finish()))
}

fn extract_all(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    if let Some(n) = regex_builder(ctx, &args, 2)? {
        return Ok(n);
    }
    call("extractAll", extract_all_kernel, args, ChType::Array(Box::new(ChType::String)))
}

/// Every non-overlapping match (its first group when the pattern has groups); NULL rows read as ''.
fn extract_all_kernel(k: &KernelArgs) -> DfResult<ColumnarValue> {
    let s = StrCol::new(&k.args[0])?;
    let mut re = RegexArg::new(&k.args[1])?;
    let n = out_rows(k);
    let mut b = ListBuilder::new(BinaryViewBuilder::new()).with_field(Arc::new(ChType::String.to_arrow_field("item")));
    for row in 0..n {
        if let (v, Some((r, _))) = (s.get(row).unwrap_or(b""), re.get(row)?) {
            if r.captures_len() > 1 {
                for c in r.captures_iter(v) {
                    b.values().append_value(c.get(1).map(|m| m.as_bytes()).unwrap_or(b""));
                }
            } else {
                for m in r.find_iter(v) {
                    b.values().append_value(m.as_bytes());
                }
            }
        }
        b.append(true);
    }
    finish(k, Arc::new(b.finish()))
}

fn replace_builder(ctx: &FunctionContext, args: Vec<TypedExpr>, regex: bool, kernel: Kernel) -> Result<TypedExpr> {
    check_arg_count(&ctx.name, &args, 3, 3)?;
    for i in 0..3 {
        expect_string(&ctx.name, &args, i)?;
    }
    if let Some(n) = null_if_nothing(&args) {
        return Ok(n);
    }
    if regex {
        check_pattern(&args)?;
    }
    let ret = ret_type(ChType::String, &args);
    call(&ctx.name, kernel, args, ret)
}

fn replace_one(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    replace_builder(ctx, args, false, |k| replace_string_kernel(k, false))
}

fn replace_all(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    replace_builder(ctx, args, false, |k| replace_string_kernel(k, true))
}

fn replace_regexp_one(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    replace_builder(ctx, args, true, |k| replace_regexp_kernel(k, false))
}

fn replace_regexp_all(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    replace_builder(ctx, args, true, |k| replace_regexp_kernel(k, true))
}

fn replace_string_kernel(k: &KernelArgs, all: bool) -> DfResult<ColumnarValue> {
    let s = StrCol::new(&k.args[0])?;
    let needle = StrCol::new(&k.args[1])?;
    let rep = StrCol::new(&k.args[2])?;
    let n = out_rows(k);
    let mut b = BinaryViewBuilder::with_capacity(n);
    let mut buf = Vec::new();
    for row in 0..n {
        let (Some(v), Some(nd), Some(r)) = (s.get(row), needle.get(row), rep.get(row)) else {
            b.append_null();
            continue;
        };
        if nd.is_empty() {
            b.append_value(v);
            continue;
        }
        buf.clear();
        let mut at = 0;
        let f = memmem::Finder::new(nd);
        while let Some(p) = f.find(&v[at..]) {
            buf.extend_from_slice(&v[at..at + p]);
            buf.extend_from_slice(r);
            at += p + nd.len();
            if !all {
                break;
            }
        }
        buf.extend_from_slice(&v[at..]);
        b.append_value(&buf);
    }
    finish(k, Arc::new(b.finish()))
}

/// A piece of a replacement: literal bytes or a capture group (`\0`…`\9`; `\\` is a backslash).
enum Piece {
    Lit(Vec<u8>),
    Group(usize),
}

fn parse_replacement(r: &[u8]) -> Vec<Piece> {
    let mut out = Vec::new();
    let mut lit = Vec::new();
    let mut i = 0;
    while i < r.len() {
        if r[i] == b'\\' && i + 1 < r.len() {
            let c = r[i + 1];
            if c.is_ascii_digit() {
                if !lit.is_empty() {
                    out.push(Piece::Lit(std::mem::take(&mut lit)));
                }
                out.push(Piece::Group(usize::from(c - b'0')));
                i += 2;
                continue;
            }
            if c == b'\\' {
                lit.push(b'\\');
                i += 2;
                continue;
            }
        }
        lit.push(r[i]);
        i += 1;
    }
    if !lit.is_empty() {
        out.push(Piece::Lit(lit));
    }
    out
}

fn replace_regexp_kernel(k: &KernelArgs, all: bool) -> DfResult<ColumnarValue> {
    let s = StrCol::new(&k.args[0])?;
    let mut re = RegexArg::new(&k.args[1])?;
    let rep = StrCol::new(&k.args[2])?;
    let n = out_rows(k);
    let fixed_rep = rep.scalar().flatten().map(parse_replacement);
    let mut b = BinaryViewBuilder::with_capacity(n);
    let mut buf = Vec::new();
    for row in 0..n {
        let (Some(v), Some((r, pat)), Some(rp)) = (s.get(row), re.get(row)?, rep.get(row)) else {
            b.append_null();
            continue;
        };
        // An empty pattern replaces nothing, as in ClickHouse.
        if pat.is_empty() {
            b.append_value(v);
            continue;
        }
        let own;
        let pieces = match &fixed_rep {
            Some(p) => p,
            None => {
                own = parse_replacement(rp);
                &own
            }
        };
        buf.clear();
        // re2-style scan: an empty match copies one byte and moves on, and a match may
        // start where the previous one ended (so `a*` on "aaa" replaces twice).
        let mut at = 0;
        while at <= v.len() {
            let Some(caps) = r.captures_at(v, at) else { break };
            let Some(m) = caps.get(0) else { break };
            buf.extend_from_slice(&v[at..m.start()]);
            for p in pieces {
                match p {
                    Piece::Lit(l) => buf.extend_from_slice(l),
                    Piece::Group(g) => buf.extend_from_slice(caps.get(*g).map(|m| m.as_bytes()).unwrap_or(b"")),
                }
            }
            if m.start() == m.end() {
                if let Some(&c) = v.get(m.start()) {
                    buf.push(c);
                }
                at = m.start() + 1;
            } else {
                at = m.end();
            }
            if !all {
                break;
            }
        }
        if at < v.len() {
            buf.extend_from_slice(&v[at..]);
        }
        b.append_value(&buf);
    }
    finish(k, Arc::new(b.finish()))
}

/// `regexpExtract(s, pattern[, index])`: capturing group `index` (default 1, 0 = whole match) of the first match.
fn regexp_extract(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    check_arg_count(&ctx.name, &args, 2, 3)?;
    expect_string(&ctx.name, &args, 0)?;
    expect_string(&ctx.name, &args, 1)?;
    super::basic::expect_int(&ctx.name, &args, 2)?;
    if let Some(n) = null_if_nothing(&args) {
        return Ok(n);
    }
    check_pattern(&args)?;
    if let (Some(p), Some(i)) = (args[1].literal_str(), args.get(2).and_then(TypedExpr::literal_int)) {
        let groups = compile(p.as_bytes())?.captures_len() as i128;
        if i < 0 || i >= groups {
            return Err(Error::new(
                ErrorCode::BAD_ARGUMENTS,
                format!(
                    "Index value {i} for regexp pattern `{p}` in function {} is out-of-range, should be in [0, {groups})",
                    ctx.name
                ),
            ));
        }
    }
    let ret = ret_type(ChType::String, &args);
    call(&ctx.name, regexp_extract_kernel, args, ret)
}

fn regexp_extract_kernel(k: &KernelArgs) -> DfResult<ColumnarValue> {
    let s = StrCol::new(&k.args[0])?;
    let mut re = RegexArg::new(&k.args[1])?;
    let idx = k.args.get(2).map(super::IntCol::new).transpose()?;
    let n = out_rows(k);
    let mut b = BinaryViewBuilder::with_capacity(n);
    for row in 0..n {
        let i = match &idx {
            Some(c) => c.get(row),
            None => Some(1),
        };
        match (s.get(row), re.get(row)?, i) {
            (Some(v), Some((r, _)), Some(i)) => {
                let i = usize::try_from(i).unwrap_or(usize::MAX);
                if i >= r.captures_len() {
                    return Err(Error::new(
                        ErrorCode::BAD_ARGUMENTS,
                        format!("Index value {i} for regexp pattern in function regexpExtract is out-of-range"),
                    )
                    .into_datafusion());
                }
                let m = r.captures(v).and_then(|c| c.get(i)).map(|m| m.as_bytes()).unwrap_or(b"");
                b.append_value(m);
            }
            _ => b.append_null(),
        }
    }
    finish(k, Arc::new(b.finish()))
}

/// `extractGroups(s, pattern)`: the capturing groups of the first match ([] when none).
fn extract_groups(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    if let Some(n) = regex_builder(ctx, &args, 2)? {
        return Ok(n);
    }
    let ret = ret_type(ChType::Array(Box::new(ChType::String)), &args);
    call(&ctx.name, extract_groups_kernel, args, ret)
}

fn extract_groups_kernel(k: &KernelArgs) -> DfResult<ColumnarValue> {
    let s = StrCol::new(&k.args[0])?;
    let mut re = RegexArg::new(&k.args[1])?;
    let n = out_rows(k);
    let mut b = ListBuilder::new(BinaryViewBuilder::new()).with_field(Arc::new(ChType::String.to_arrow_field("item")));
    for row in 0..n {
        match (s.get(row), re.get(row)?) {
            (Some(v), Some((r, _))) => {
                if let Some(c) = r.captures(v) {
                    for g in 1..r.captures_len() {
                        b.values().append_value(c.get(g).map(|m| m.as_bytes()).unwrap_or(b""));
                    }
                }
                b.append(true);
            }
            _ => b.append(false),
        }
    }
    finish(k, Arc::new(b.finish()))
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;

    #[test]
    fn regexps() {
        // Checked with chdb 26.9.
        assert_eq!(run("match", vec![s("abc"), s("^a.c$")]), "1");
        assert_eq!(run("match", vec![s("abc"), s("B")]), "0");
        assert_eq!(run("match", vec![s("a\nb"), s("a.b")]), "1");
        assert_eq!(err_code("match", vec![s("a"), s("(")]), 427);
        assert_eq!(run("extract", vec![s("abc123"), s("\\d+")]), "123");
        assert_eq!(run("extract", vec![s("abc"), s("(b)(c)")]), "b");
        assert_eq!(run("extract", vec![s("abc"), s("z")]), "");
        assert_eq!(run("extractAll", vec![s("a1b22c"), s("\\d+")]), "['1','22']");
        assert_eq!(run("extractAll", vec![s("abc"), s("(a)(b)")]), "['a']");
        assert_eq!(ty("extractAll", vec![s("abc"), s("a")]), "Array(String)");
        assert_eq!(ty("extract", vec![col_c(), s("a")]), "Nullable(String)");
        // re2's classes are ASCII; `.` and (?i) work on code points.
        assert_eq!(run("extractAll", vec![s("привет мир abc_1 ٣"), s("\\w+")]), "['abc_1']");
        assert_eq!(run("extractAll", vec![s("a٣1"), s("\\d")]), "['1']");
        assert_eq!(run("match", vec![s("привет"), s("^\\w")]), "0");
        assert_eq!(run("extractAll", vec![s("a b\tc"), s("[\\s]")]), "[' ','\t']");
        assert_eq!(run("extractAll", vec![s("ab1"), s("[\\d]")]), "['1']");
        assert_eq!(run("extractAll", vec![s("при"), s(".")]), "['п','р','и']");
        assert_eq!(run("match", vec![s("ПРИВЕТ"), s("(?i)привет")]), "1");
        assert_eq!(run("extractAll", vec![s("a]b[c"), s("[]\\[]")]), "[']','[']");
        assert_eq!(run("extractAll", vec![s("a1-"), s("[[:alpha:][:digit:]]")]), "['a','1']");
    }

    #[test]
    fn replacements() {
        assert_eq!(run("replaceOne", vec![s("aaa"), s("a"), s("b")]), "baa");
        assert_eq!(run("replaceAll", vec![s("aaa"), s("a"), s("bb")]), "bbbbbb");
        assert_eq!(run("replace", vec![s("aaa"), s(""), s("x")]), "aaa");
        assert_eq!(run("replaceRegexpOne", vec![s("abc"), s("(b)"), s("[\\1\\0]")]), "a[bb]c");
        assert_eq!(run("replaceRegexpAll", vec![s("abcb"), s("(b)"), s("<\\1>")]), "a<b>c<b>");
        assert_eq!(run("replaceRegexpOne", vec![s("abc"), s("b"), s("\\\\")]), "a\\c");
        assert_eq!(run("replaceRegexpAll", vec![s("aaa"), s("a*"), s("x")]), "xx");
        assert_eq!(run("replaceRegexpAll", vec![s("abc"), s("x*"), s("-")]), "-a-b-c-");
        assert_eq!(run("replaceRegexpAll", vec![s("abc"), s(""), s("-")]), "abc");
        assert_eq!(run("replaceRegexpAll", vec![s("abc"), s("^"), s("-")]), "-abc");
    }
}
