//! Splitting strings into arrays: `splitByChar`, `splitByString`,
//! `splitByRegexp` (ClickHouse's `FunctionsStringArray.h`). The optional
//! `max_substrings` argument keeps only the first pieces (the default
//! `splitby_max_substrings_includes_remaining_string = 0`). NULL rows split ''.

use std::sync::Arc;

use arrow::array::{BinaryViewBuilder, ListBuilder};
use datafusion::error::Result as DfResult;
use datafusion::logical_expr::ColumnarValue;
use memchr::memmem;

use super::basic::{expect_int, expect_string};
use super::regexp::compile;
use super::{finish, null_if_nothing, out_rows, IntCol, StrCol};
use crate::error::{Error, ErrorCode, Result};
use crate::functions::udf::call;
use crate::functions::{check_arg_count, Case, FunctionContext, FunctionRegistry, Kernel, KernelArgs, TypedExpr};
use crate::types::ChType;

pub fn register(r: &mut FunctionRegistry) {
    r.scalar("splitByChar", Case::Sensitive, split_by_char);
    r.scalar("splitByString", Case::Sensitive, split_by_string);
    r.scalar("splitByRegexp", Case::Sensitive, split_by_regexp);
    r.scalar("splitByWhitespace", Case::Sensitive, split_tokens);
    r.scalar("splitByNonAlpha", Case::Sensitive, split_tokens);
}

fn builder(ctx: &FunctionContext, args: Vec<TypedExpr>, kernel: Kernel) -> Result<TypedExpr> {
    check_arg_count(&ctx.name, &args, 2, 3)?;
    expect_string(&ctx.name, &args, 0)?;
    expect_string(&ctx.name, &args, 1)?;
    expect_int(&ctx.name, &args, 2)?;
    if let Some(n) = null_if_nothing(&args) {
        return Ok(n);
    }
    // The separator must be constant.
    let Some(sep) = args[0].literal_str() else {
        return Err(Error::new(
            ErrorCode::ILLEGAL_COLUMN,
            format!(
                "Illegal column {} of first argument of function {}. Must be constant string.",
                args[0].expr, ctx.name
            ),
        ));
    };
    if ctx.name == "splitByChar" && sep.len() != 1 {
        return Err(Error::new(
            ErrorCode::BAD_ARGUMENTS,
            "Illegal separator for function splitByChar. Must be exactly one byte.",
        ));
    }
    if ctx.name == "splitByRegexp" {
        compile(sep.as_bytes())?;
    }
    call(&ctx.name, kernel, args, ChType::Array(Box::new(ChType::String)))
}

fn split_by_char(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    builder(ctx, args, |k| split_kernel(k, Split::Str))
}

fn split_by_string(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    builder(ctx, args, |k| split_kernel(k, Split::Str))
}

fn split_by_regexp(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    builder(ctx, args, |k| split_kernel(k, Split::Regexp))
}

#[derive(Clone, Copy)]
enum Split {
    Str,
    Regexp,
}

fn split_kernel(k: &KernelArgs, how: Split) -> DfResult<ColumnarValue> {
    let sep = StrCol::new(&k.args[0])?;
    let s = StrCol::new(&k.args[1])?;
    let max = k.args.get(2).map(IntCol::new).transpose()?;
    let sep_v = sep.scalar().flatten().unwrap_or(b"").to_vec();
    let re = match how {
        Split::Regexp if !sep_v.is_empty() => Some(compile(&sep_v).map_err(Error::into_datafusion)?),
        _ => None,
    };
    let n = out_rows(k);
    let mut b = ListBuilder::new(BinaryViewBuilder::new()).with_field(Arc::new(ChType::String.to_arrow_field("item")));
    let mut pieces: Vec<&[u8]> = Vec::new();
    for row in 0..n {
        // A NULL row splits the empty string, as ClickHouse splits the default value.
        {
            let v = s.get(row).unwrap_or(b"");
            pieces.clear();
            if sep_v.is_empty() {
                // An empty separator splits into single bytes (splitByRegexp: code points).
                match how {
                    Split::Str => pieces.extend(v.chunks(1)),
                    Split::Regexp => {
                        let mut start = 0;
                        for i in 1..=v.len() {
                            if i == v.len() || (v[i] & 0xC0) != 0x80 {
                                pieces.push(&v[start..i]);
                                start = i;
                            }
                        }
                    }
                }
            } else if let Some(re) = &re {
                let mut at = 0;
                for m in re.find_iter(v) {
                    if m.start() == m.end() {
                        continue;
                    }
                    pieces.push(&v[at..m.start()]);
                    at = m.end();
                }
                pieces.push(&v[at..]);
            } else {
                let mut at = 0;
                for p in memmem::find_iter(v, &sep_v) {
                    if p < at {
                        continue;
                    }
                    pieces.push(&v[at..p]);
                    at = p + sep_v.len();
                }
                pieces.push(&v[at..]);
            }
            let limit = max.as_ref().and_then(|m| m.get(row)).filter(|&m| m > 0);
            let take = limit.map_or(pieces.len(), |m| usize::try_from(m).unwrap_or(usize::MAX).min(pieces.len()));
            for p in &pieces[..take] {
                b.values().append_value(p);
            }
        }
        b.append(true);
    }
    finish(k, Arc::new(b.finish()))
}

/// `splitByWhitespace(s[, max])` / `splitByNonAlpha(s[, max])`: the runs of bytes between separators.
fn split_tokens(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    check_arg_count(&ctx.name, &args, 1, 2)?;
    expect_string(&ctx.name, &args, 0)?;
    expect_int(&ctx.name, &args, 1)?;
    if let Some(n) = null_if_nothing(&args) {
        return Ok(n);
    }
    let kernel: Kernel = if ctx.name == "splitByWhitespace" {
        |k| tokens_kernel(k, |b| b.is_ascii_whitespace() || b == 0x0B)
    } else {
        |k| tokens_kernel(k, |b| b < 0x80 && !b.is_ascii_alphanumeric())
    };
    call(&ctx.name, kernel, args, ChType::Array(Box::new(ChType::String)))
}

fn tokens_kernel(k: &KernelArgs, is_sep: fn(u8) -> bool) -> DfResult<ColumnarValue> {
    let s = StrCol::new(&k.args[0])?;
    let max = k.args.get(1).map(IntCol::new).transpose()?;
    let n = out_rows(k);
    let mut b = ListBuilder::new(BinaryViewBuilder::new()).with_field(Arc::new(ChType::String.to_arrow_field("item")));
    for row in 0..n {
        let v = s.get(row).unwrap_or(b"");
        let limit = max.as_ref().and_then(|m| m.get(row)).filter(|&m| m > 0);
        let take = limit.map_or(usize::MAX, |l| usize::try_from(l).unwrap_or(usize::MAX));
        for t in v.split(|&c| is_sep(c)).filter(|t| !t.is_empty()).take(take) {
            b.values().append_value(t);
        }
        b.append(true);
    }
    finish(k, Arc::new(b.finish()))
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use crate::types::ChType;

    #[test]
    fn splits() {
        // Checked with chdb 26.9.
        assert_eq!(run("splitByChar", vec![s(","), s("a,b,,c")]), "['a','b','','c']");
        assert_eq!(run("splitByChar", vec![s(","), s("")]), "['']");
        assert_eq!(run("splitByString", vec![s(", "), s("a, b")]), "['a','b']");
        assert_eq!(run("splitByString", vec![s(""), s("abc")]), "['a','b','c']");
        assert_eq!(run("splitByRegexp", vec![s("\\d+"), s("a1b22c")]), "['a','b','c']");
        assert_eq!(run("splitByRegexp", vec![s(""), s("abc")]), "['a','b','c']");
        assert_eq!(run("splitByChar", vec![s(","), s("a,b,c"), int(2, ChType::UInt8)]), "['a','b']");
        assert_eq!(ty("splitByChar", vec![s(","), col_c()]), "Array(String)");
        assert_eq!(err_code("splitByChar", vec![s("ab"), s("a")]), 36);
    }
}
