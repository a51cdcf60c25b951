//! Parts of strings: `substring`/`substr`/`mid` and `substringUTF8`, `left`/`right`
//! (and UTF-8 forms), `leftPad`/`rightPad` (and UTF-8 forms), `trim`/`trimBoth`,
//! `trimLeft`/`ltrim`, `trimRight`/`rtrim`. Mirrors ClickHouse's `substring.cpp`,
//! `left.cpp`/`right.cpp` (`FunctionLeftRight`), `padString.cpp`, `trim.cpp`.
//!
//! Offsets count bytes, or code points in the UTF-8 forms; a string is cut into
//! "units" (bytes or code points) and the same slicing rule serves both.

use std::sync::Arc;

use arrow::array::BinaryViewBuilder;
use datafusion::error::Result as DfResult;
use datafusion::logical_expr::ColumnarValue;

use super::basic::{expect_int, expect_string};
use super::{finish, null_if_nothing, out_rows, ret_type, IntCol, StrCol};
use crate::error::{Error, ErrorCode, Result};
use crate::functions::udf::call;
use crate::functions::{check_arg_count, Case, FunctionContext, FunctionRegistry, Kernel, KernelArgs, TypedExpr};
use crate::types::ChType;

pub fn register(r: &mut FunctionRegistry) {
    for n in ["substring", "substr", "mid", "byteSlice"] {
        r.scalar(n, Case::Insensitive, substring);
    }
    r.scalar("substringUTF8", Case::Sensitive, substring_utf8);
    r.scalar("left", Case::Insensitive, left);
    r.scalar("right", Case::Insensitive, right);
    r.scalar("leftUTF8", Case::Sensitive, left_utf8);
    r.scalar("rightUTF8", Case::Sensitive, right_utf8);
    r.scalar("leftPad", Case::Sensitive, left_pad);
    r.scalar("lpad", Case::Insensitive, left_pad);
    r.scalar("rightPad", Case::Sensitive, right_pad);
    r.scalar("rpad", Case::Insensitive, right_pad);
    r.scalar("leftPadUTF8", Case::Sensitive, left_pad_utf8);
    r.scalar("rightPadUTF8", Case::Sensitive, right_pad_utf8);
    // ClickHouse's parser accepts TRIM/LTRIM/RTRIM in any case; the function names are case-sensitive.
    r.scalar("trimBoth", Case::Sensitive, trim_both);
    r.scalar("trim", Case::Insensitive, trim_both);
    r.scalar("trimLeft", Case::Sensitive, trim_left);
    r.scalar("ltrim", Case::Insensitive, trim_left);
    r.scalar("trimRight", Case::Sensitive, trim_right);
    r.scalar("rtrim", Case::Insensitive, trim_right);
}

/// Byte offsets of unit boundaries in `v`: every byte, or every UTF-8 code point start, plus `v.len()`.
fn unit_bounds(v: &[u8], utf8: bool, out: &mut Vec<usize>) {
    out.clear();
    if utf8 {
        out.extend(v.iter().enumerate().filter(|(_, &b)| (b & 0xC0) != 0x80).map(|(i, _)| i));
    } else {
        out.extend(0..v.len());
    }
    out.push(v.len());
}

/// ClickHouse's slice of `units` units: 1-based `offset` (negative from the end, 0 → empty) and
/// optional `length` (negative: stop that many units before the end). Returns a unit range.
pub fn slice_range(units: usize, offset: i64, length: Option<i64>) -> (usize, usize) {
    if offset == 0 {
        return (0, 0);
    }
    let units_i = i128::try_from(units).unwrap_or(i128::MAX);
    let start: i128 = if offset > 0 { offset as i128 - 1 } else { units_i + offset as i128 };
    let end: i128 = match length {
        None => units_i,
        Some(l) if l >= 0 => start + l as i128,
        Some(l) => units_i + l as i128,
    };
    let clamp = |x: i128| usize::try_from(x.clamp(0, units_i)).unwrap_or(0);
    let (s, e) = (clamp(start), clamp(end));
    if e <= s {
        (0, 0)
    } else {
        (s, e)
    }
}

fn substring_builder(ctx: &FunctionContext, args: Vec<TypedExpr>, kernel: Kernel) -> Result<TypedExpr> {
    check_arg_count(&ctx.name, &args, 2, 3)?;
    expect_string(&ctx.name, &args, 0)?;
    expect_int(&ctx.name, &args, 1)?;
    expect_int(&ctx.name, &args, 2)?;
    if let Some(n) = null_if_nothing(&args) {
        return Ok(n);
    }
    let ret = ret_type(ChType::String, &args);
    call(&ctx.name, kernel, args, ret)
}

fn substring(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    substring_builder(ctx, args, |k| substring_kernel(k, false))
}

fn substring_utf8(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    substring_builder(ctx, args, |k| substring_kernel(k, true))
}

fn substring_kernel(k: &KernelArgs, utf8: bool) -> DfResult<ColumnarValue> {
    let s = StrCol::new(&k.args[0])?;
    let off = IntCol::new(&k.args[1])?;
    let len = k.args.get(2).map(IntCol::new).transpose()?;
    let n = out_rows(k);
    let mut b = BinaryViewBuilder::with_capacity(n);
    let mut bounds = Vec::new();
    for row in 0..n {
        let (Some(v), Some(o)) = (s.get(row), off.get(row)) else {
            b.append_null();
            continue;
        };
        let l = match &len {
            Some(c) => match c.get(row) {
                Some(l) => Some(l),
                None => {
                    b.append_null();
                    continue;
                }
            },
            None => None,
        };
        if utf8 {
            unit_bounds(v, true, &mut bounds);
            let (us, ue) = slice_range(bounds.len() - 1, o, l);
            b.append_value(&v[bounds[us]..bounds[ue]]);
        } else {
            let (bs, be) = slice_range(v.len(), o, l);
            b.append_value(&v[bs..be]);
        }
    }
    finish(k, Arc::new(b.finish()))
}

/// `left(s, n)`: the first n units (n < 0: all but the last -n). `right` mirrors it.
fn left_right_kernel(k: &KernelArgs, is_left: bool, utf8: bool) -> DfResult<ColumnarValue> {
    let s = StrCol::new(&k.args[0])?;
    let cnt = IntCol::new(&k.args[1])?;
    let n = out_rows(k);
    let mut b = BinaryViewBuilder::with_capacity(n);
    let mut bounds = Vec::new();
    for row in 0..n {
        let (Some(v), Some(c)) = (s.get(row), cnt.get(row)) else {
            b.append_null();
            continue;
        };
        unit_bounds(v, utf8, &mut bounds);
        let units = bounds.len() - 1;
        let (us, ue) = if is_left {
            slice_range(units, 1, Some(c))
        } else if c > 0 {
            (units.saturating_sub(usize::try_from(c).unwrap_or(usize::MAX)), units)
        } else {
            (usize::try_from(c.unsigned_abs()).unwrap_or(usize::MAX).min(units), units)
        };
        b.append_value(&v[bounds[us]..bounds[ue]]);
    }
    finish(k, Arc::new(b.finish()))
}

fn left_right_builder(ctx: &FunctionContext, args: Vec<TypedExpr>, kernel: Kernel) -> Result<TypedExpr> {
    check_arg_count(&ctx.name, &args, 2, 2)?;
    substring_builder(ctx, args, kernel)
}

fn left(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    left_right_builder(ctx, args, |k| left_right_kernel(k, true, false))
}

fn right(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    left_right_builder(ctx, args, |k| left_right_kernel(k, false, false))
}

fn left_utf8(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    left_right_builder(ctx, args, |k| left_right_kernel(k, true, true))
}

fn right_utf8(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    left_right_builder(ctx, args, |k| left_right_kernel(k, false, true))
}

fn pad_builder(ctx: &FunctionContext, args: Vec<TypedExpr>, kernel: Kernel) -> Result<TypedExpr> {
    check_arg_count(&ctx.name, &args, 2, 3)?;
    expect_string(&ctx.name, &args, 0)?;
    expect_int(&ctx.name, &args, 1)?;
    expect_string(&ctx.name, &args, 2)?;
    if let Some(n) = null_if_nothing(&args) {
        return Ok(n);
    }
    let ret = ret_type(ChType::String, &args);
    call(&ctx.name, kernel, args, ret)
}

/// Pads (or truncates) to `len` units with repetitions of the pad string (default and empty pad: a space).
fn pad_kernel(k: &KernelArgs, is_left: bool, utf8: bool) -> DfResult<ColumnarValue> {
    let s = StrCol::new(&k.args[0])?;
    let lens = IntCol::new(&k.args[1])?;
    let pads = match k.args.get(2) {
        Some(p) => Some(StrCol::new(p)?),
        None => None,
    };
    let n = out_rows(k);
    let mut b = BinaryViewBuilder::with_capacity(n);
    let (mut bounds, mut pad_bounds, mut buf) = (Vec::new(), Vec::new(), Vec::new());
    for row in 0..n {
        let (Some(v), Some(target)) = (s.get(row), lens.get(row)) else {
            b.append_null();
            continue;
        };
        let pad: &[u8] = match &pads {
            Some(p) => match p.get(row) {
                Some(p) if !p.is_empty() => p,
                Some(_) => b" ",
                None => {
                    b.append_null();
                    continue;
                }
            },
            None => b" ",
        };
        if target < 0 {
            return Err(Error::new(
                ErrorCode::ARGUMENT_OUT_OF_BOUND,
                format!("New padded length ({target}) is negative"),
            )
            .into_datafusion());
        }
        let target = usize::try_from(target).unwrap_or(usize::MAX);
        if target > 1 << 30 {
            return Err(Error::new(ErrorCode::TOO_LARGE_ARRAY_SIZE, format!("Too large string size ({target})"))
                .into_datafusion());
        }
        unit_bounds(v, utf8, &mut bounds);
        let units = bounds.len() - 1;
        if units >= target {
            b.append_value(&v[..bounds[target]]);
            continue;
        }
        unit_bounds(pad, utf8, &mut pad_bounds);
        let pad_units = pad_bounds.len() - 1;
        let mut need = target - units;
        buf.clear();
        if !is_left {
            buf.extend_from_slice(v);
        }
        while need > 0 {
            let take = need.min(pad_units);
            buf.extend_from_slice(&pad[..pad_bounds[take]]);
            need -= take;
        }
        if is_left {
            buf.extend_from_slice(v);
        }
        b.append_value(&buf);
    }
    finish(k, Arc::new(b.finish()))
}

fn left_pad(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    pad_builder(ctx, args, |k| pad_kernel(k, true, false))
}

fn right_pad(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    pad_builder(ctx, args, |k| pad_kernel(k, false, false))
}

fn left_pad_utf8(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    pad_builder(ctx, args, |k| pad_kernel(k, true, true))
}

fn right_pad_utf8(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    pad_builder(ctx, args, |k| pad_kernel(k, false, true))
}

fn trim_builder(ctx: &FunctionContext, args: Vec<TypedExpr>, kernel: Kernel) -> Result<TypedExpr> {
    check_arg_count(&ctx.name, &args, 1, 2)?;
    expect_string(&ctx.name, &args, 0)?;
    expect_string(&ctx.name, &args, 1)?;
    if let Some(n) = null_if_nothing(&args) {
        return Ok(n);
    }
    let ret = ret_type(ChType::String, &args);
    call(&ctx.name, kernel, args, ret)
}

/// Trims characters of the set (argument 1, default a space) from the chosen ends.
fn trim_kernel(k: &KernelArgs, from_left: bool, from_right: bool) -> DfResult<ColumnarValue> {
    let s = StrCol::new(&k.args[0])?;
    let set = match k.args.get(1) {
        Some(p) => Some(StrCol::new(p)?),
        None => None,
    };
    let n = out_rows(k);
    let mut b = BinaryViewBuilder::with_capacity(n);
    for row in 0..n {
        let Some(v) = s.get(row) else {
            b.append_null();
            continue;
        };
        let chars: &[u8] = match &set {
            Some(c) => match c.get(row) {
                Some(c) => c,
                None => {
                    b.append_null();
                    continue;
                }
            },
            None => b" ",
        };
        let mut start = 0;
        let mut end = v.len();
        if from_left {
            while start < end && chars.contains(&v[start]) {
                start += 1;
            }
        }
        if from_right {
            while end > start && chars.contains(&v[end - 1]) {
                end -= 1;
            }
        }
        b.append_value(&v[start..end]);
    }
    finish(k, Arc::new(b.finish()))
}

fn trim_both(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    trim_builder(ctx, args, |k| trim_kernel(k, true, true))
}

fn trim_left(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    trim_builder(ctx, args, |k| trim_kernel(k, true, false))
}

fn trim_right(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    trim_builder(ctx, args, |k| trim_kernel(k, false, true))
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use crate::types::ChType;

    fn sub(v: &str, o: i64, l: Option<i64>) -> String {
        let mut args = vec![s(v), int(o, ChType::Int64)];
        if let Some(l) = l {
            args.push(int(l, ChType::Int64));
        }
        run("substring", args)
    }

    #[test]
    fn substring_semantics() {
        // Checked with chdb 26.9.
        assert_eq!(sub("hello", 0, None), "");
        assert_eq!(sub("hello", -2, None), "lo");
        assert_eq!(sub("hello", 2, Some(2)), "el");
        assert_eq!(sub("hello", -3, Some(2)), "ll");
        assert_eq!(sub("hello", 2, Some(-1)), "ell");
        assert_eq!(sub("hello", -10, Some(3)), "");
        assert_eq!(sub("hello", 10, None), "");
        assert_eq!(sub("hello", 0, Some(3)), "");
        assert_eq!(sub("hello", -10, Some(-1)), "hell");
        assert_eq!(sub("hello", 3, Some(-4)), "");
        assert_eq!(sub("hello", -10, None), "hello");
        assert_eq!(sub("hello", 2, Some(0)), "");
        assert_eq!(run("substringUTF8", vec![s("привет"), int(2, ChType::UInt8), int(3, ChType::UInt8)]), "рив");
        assert_eq!(run("substringUTF8", vec![s("привет"), int(-2, ChType::Int8)]), "ет");
    }

    #[test]
    fn left_right_pad_trim() {
        let i = |v| int(v, ChType::Int64);
        assert_eq!(run("left", vec![s("hello"), i(2)]), "he");
        assert_eq!(run("left", vec![s("hello"), i(-2)]), "hel");
        assert_eq!(run("right", vec![s("hello"), i(2)]), "lo");
        assert_eq!(run("right", vec![s("hello"), i(-2)]), "llo");
        assert_eq!(run("left", vec![s("hello"), i(10)]), "hello");
        assert_eq!(run("right", vec![s("hello"), i(-10)]), "");
        assert_eq!(run("leftUTF8", vec![s("привет"), i(2)]), "пр");
        assert_eq!(run("rightUTF8", vec![s("привет"), i(-2)]), "ивет");
        assert_eq!(run("leftPad", vec![s("abc"), i(7), s("xy")]), "xyxyabc");
        assert_eq!(run("leftPad", vec![s("abc"), i(2)]), "ab");
        assert_eq!(run("rightPad", vec![s("abc"), i(7), s("xy")]), "abcxyxy");
        assert_eq!(run("rightPad", vec![s("abc"), i(5)]), "abc  ");
        assert_eq!(run("leftPadUTF8", vec![s("абв"), i(5), s("ё")]), "ёёабв");
        assert_eq!(run("rightPadUTF8", vec![s("ab"), i(4), s("ё")]), "abёё");
        assert_eq!(run("leftPad", vec![s("abc"), i(5), s("")]), "  abc");
        assert_eq!(run("leftPad", vec![s("abc"), i(0)]), "");
        assert_eq!(run("trim", vec![s(" \t a \t ")]), "\t a \t");
        assert_eq!(run("trimBoth", vec![s("xxaxx"), s("x")]), "a");
        assert_eq!(run("trimLeft", vec![s("xyxa"), s("xy")]), "a");
        assert_eq!(run("trimRight", vec![s(" a  ")]), " a");
        assert_eq!(run("ltrim", vec![s("  a ")]), "a ");
    }
    #[test]
    fn pad_table() {
        // chdb 26.9: hex(f(s, n, pad)) for n in 0..8.
        let table = [
            ("leftPad", "abc", "xy", "|61|6162|616263|78616263|7879616263|787978616263|78797879616263"),
            ("leftPad", "абв", "ёж", "|D0|D0B0|D0B0D0|D0B0D0B1|D0B0D0B1D0|D0B0D0B1D0B2|D1D0B0D0B1D0B2"),
            ("leftPad", "", "z", "|7A|7A7A|7A7A7A|7A7A7A7A|7A7A7A7A7A|7A7A7A7A7A7A|7A7A7A7A7A7A7A"),
            ("rightPad", "abc", "xy", "|61|6162|616263|61626378|6162637879|616263787978|61626378797879"),
            ("rightPad", "абв", "ёж", "|D0|D0B0|D0B0D0|D0B0D0B1|D0B0D0B1D0|D0B0D0B1D0B2|D0B0D0B1D0B2D1"),
            ("leftPadUTF8", "abc", "xy", "|61|6162|616263|78616263|7879616263|787978616263|78797879616263"),
            (
                "leftPadUTF8",
                "абв",
                "ёж",
                "|D0B0|D0B0D0B1|D0B0D0B1D0B2|D191D0B0D0B1D0B2|D191D0B6D0B0D0B1D0B2|D191D0B6D191D0B0D0B1D0B2|\
                 D191D0B6D191D0B6D0B0D0B1D0B2",
            ),
            (
                "rightPadUTF8",
                "абв",
                "ёж",
                "|D0B0|D0B0D0B1|D0B0D0B1D0B2|D0B0D0B1D0B2D191|D0B0D0B1D0B2D191D0B6|D0B0D0B1D0B2D191D0B6D191|\
                 D0B0D0B1D0B2D191D0B6D191D0B6",
            ),
        ];
        for (f, v, pad, want) in table {
            let got: Vec<String> = (0..8)
                .map(|n| {
                    let e = bind(f, vec![s(v), int(n, ChType::UInt8), s(pad)]).unwrap();
                    run("hex", vec![e])
                })
                .collect();
            assert_eq!(got.join("|"), want, "{f}({v:?}, n, {pad:?})");
        }
    }
}
