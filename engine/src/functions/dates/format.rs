//! `formatDateTime(t, 'format'[, tz])` (alias `DATE_FORMAT`) with ClickHouse's
//! MySQL-style `%` codes. The format is checked at bind time (36 BAD_ARGUMENTS
//! for an unknown code or a trailing `%`, 48 for the week codes ClickHouse does
//! not implement) and compiled once per batch in the kernel.

use arrow::array::{Array, BinaryViewBuilder};
use datafusion::error::Result as DfResult;
use datafusion::logical_expr::ColumnarValue;

use super::parts::{day_of_week, week_of};
use super::tz::{civil_from_days, days_from_civil};
use super::{arg_array, bind_time_fn, finish, map_i64, scalar_str, zone_arg, TKind, TimeIn, DAY};
use crate::error::{Error, ErrorCode, Result};
use crate::functions::{Case, FunctionContext, FunctionRegistry, KernelArgs, TypedExpr};
use crate::types::ChType;

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const DAYS: [&str; 7] = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

enum Item {
    Lit(Vec<u8>),
    Code(u8),
}

fn compile(fmt: &[u8], is_date: bool) -> Result<Vec<Item>> {
    let mut items = Vec::new();
    let mut lit = Vec::new();
    let mut i = 0;
    while i < fmt.len() {
        let c = fmt[i];
        if c != b'%' {
            lit.push(c);
            i += 1;
            continue;
        }
        let Some(&code) = fmt.get(i + 1) else {
            return Err(Error::new(
                ErrorCode::BAD_ARGUMENTS,
                "'%' must not be the last character in the format string, use '%%' instead",
            ));
        };
        i += 2;
        match code {
            b'%' => lit.push(b'%'),
            b'n' => lit.push(b'\n'),
            b't' => lit.push(b'\t'),
            b'a' | b'b' | b'c' | b'C' | b'd' | b'D' | b'e' | b'f' | b'F' | b'g' | b'G' | b'h' | b'H' | b'i' | b'I'
            | b'j' | b'k' | b'l' | b'm' | b'M' | b'p' | b'Q' | b'r' | b'R' | b's' | b'S' | b'T' | b'u' | b'V'
            | b'w' | b'W' | b'y' | b'Y' | b'z' => {
                if code == b'z' && is_date {
                    return Err(Error::new(
                        ErrorCode::ILLEGAL_TYPE_OF_ARGUMENT,
                        "Illegal argument of type Date for function timezoneOffset",
                    ));
                }
                if !lit.is_empty() {
                    items.push(Item::Lit(std::mem::take(&mut lit)));
                }
                items.push(Item::Code(code));
            }
            b'U' | b'v' | b'x' | b'X' => {
                return Err(Error::new(
                    ErrorCode::NOT_IMPLEMENTED,
                    format!("format is not supported for '%{}'", code as char),
                ))
            }
            other => {
                return Err(Error::new(
                    ErrorCode::BAD_ARGUMENTS,
                    format!(
                        "Incorrect syntax '%{}', symbol is not supported '{}' for function formatDateTime",
                        other as char, other as char
                    ),
                ))
            }
        }
    }
    if !lit.is_empty() {
        items.push(Item::Lit(lit));
    }
    Ok(items)
}

fn two(out: &mut Vec<u8>, v: i64) {
    out.push(b'0' + (v / 10 % 10) as u8);
    out.push(b'0' + (v % 10) as u8);
}

fn num(out: &mut Vec<u8>, v: i64, width: usize) {
    let s = v.to_string();
    for _ in s.len()..width {
        out.push(b'0');
    }
    out.extend_from_slice(s.as_bytes());
}

fn write_one(out: &mut Vec<u8>, items: &[Item], t: &TimeIn, v: i64) {
    let local = t.local_secs(v);
    let days = local.div_euclid(DAY);
    let tod = local.rem_euclid(DAY);
    let (y, m, d) = civil_from_days(days);
    let (h, mi, s) = (tod / 3600, tod % 3600 / 60, tod % 60);
    let h12 = if h % 12 == 0 { 12 } else { h % 12 };
    let iso = day_of_week(days, 0);
    for it in items {
        match it {
            Item::Lit(b) => out.extend_from_slice(b),
            Item::Code(c) => match c {
                b'a' => out.extend_from_slice(&DAYS[(iso - 1) as usize].as_bytes()[..3]),
                b'W' => out.extend_from_slice(DAYS[(iso - 1) as usize].as_bytes()),
                b'b' => out.extend_from_slice(&MONTHS[(m - 1) as usize].as_bytes()[..3]),
                b'M' => out.extend_from_slice(MONTHS[(m - 1) as usize].as_bytes()),
                b'c' | b'm' => two(out, m as i64),
                b'C' => two(out, y.div_euclid(100)),
                b'd' => two(out, d as i64),
                b'D' => {
                    two(out, m as i64);
                    out.push(b'/');
                    two(out, d as i64);
                    out.push(b'/');
                    two(out, y.rem_euclid(100));
                }
                b'e' => num(out, d as i64, 1),
                b'f' => {
                    let us = match t.kind {
                        TKind::DateTime64(sc, _) => {
                            let f = t.frac(v);
                            if sc >= 1_000_000 {
                                f / (sc / 1_000_000)
                            } else {
                                f * (1_000_000 / sc)
                            }
                        }
                        _ => 0,
                    };
                    num(out, us, 6);
                }
                b'F' => {
                    num(out, y, 4);
                    out.push(b'-');
                    two(out, m as i64);
                    out.push(b'-');
                    two(out, d as i64);
                }
                b'g' => two(out, week_of(days, 3).0.rem_euclid(100)),
                b'G' => num(out, week_of(days, 3).0, 4),
                b'V' => two(out, week_of(days, 3).1),
                b'h' | b'I' | b'l' => two(out, h12),
                b'H' | b'k' => two(out, h),
                b'i' => two(out, mi),
                b'j' => num(out, days - days_from_civil(y, 1, 1) + 1, 3),
                b'p' => out.extend_from_slice(if h < 12 { b"AM" } else { b"PM" }),
                b'Q' => num(out, (m as i64 - 1) / 3 + 1, 1),
                b'r' => {
                    two(out, h12);
                    out.push(b':');
                    two(out, mi);
                    out.extend_from_slice(if h < 12 { b" AM" } else { b" PM" });
                }
                b'R' => {
                    two(out, h);
                    out.push(b':');
                    two(out, mi);
                }
                b's' | b'S' => two(out, s),
                b'T' => {
                    two(out, h);
                    out.push(b':');
                    two(out, mi);
                    out.push(b':');
                    two(out, s);
                }
                b'u' => num(out, iso, 1),
                b'w' => num(out, iso % 7, 1),
                b'y' => two(out, y.rem_euclid(100)),
                b'Y' => num(out, y, 4),
                b'z' => {
                    let off = t.zone.offset_at(t.utc_secs(v)) as i64;
                    out.push(if off < 0 { b'-' } else { b'+' });
                    two(out, off.abs() / 3600);
                    two(out, off.abs() % 3600 / 60);
                }
                _ => {}
            },
        }
    }
}

fn k_format(k: &KernelArgs) -> DfResult<ColumnarValue> {
    let fmt = scalar_str(k, 1)?;
    let t = TimeIn::new(&k.arg_types[0], zone_arg(k, 2)?)?;
    let items = compile(fmt.as_bytes(), t.kind.is_date()).map_err(Error::into_datafusion)?;
    let arr = arg_array(k, 0)?;
    let nulls = arr.logical_nulls();
    let mut b = BinaryViewBuilder::with_capacity(arr.len());
    let mut buf = Vec::with_capacity(32);
    let mut row = 0usize;
    map_i64(arr.as_ref(), |v| {
        if nulls.as_ref().is_some_and(|n| n.is_null(row)) {
            b.append_null();
        } else {
            buf.clear();
            write_one(&mut buf, &items, &t, v);
            b.append_value(&buf);
        }
        row += 1;
        0
    })?;
    finish(k, std::sync::Arc::new(b.finish()))
}

/// `formatDateTime(t, 'format'[, tz])`.
pub(crate) fn b_format(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    let name = ctx.name.clone();
    crate::functions::check_arg_count(&name, &args, 2, 3)?;
    let fmt = match args[1].literal_str() {
        Some(f) if args[1].ty.is_string() => f,
        _ => {
            return Err(Error::new(
                ErrorCode::ILLEGAL_COLUMN,
                format!("Argument at index 1 for function {name} must be constant"),
            ))
        }
    };
    let is_date = TKind::of(&args[0].ty).is_some_and(|k| k.is_date());
    compile(fmt.as_bytes(), is_date)?;
    bind_time_fn(ctx, args, 1, k_format, |_, _| Ok(ChType::String))
}

pub fn register(r: &mut FunctionRegistry) {
    r.scalar("formatDateTime", Case::Sensitive, b_format);
    r.scalar("DATE_FORMAT", Case::Insensitive, b_format);
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use super::*;

    fn f(x: TypedExpr, fmt: &str) -> String {
        text("formatDateTime", b_format, vec![x, s(fmt)]).unwrap_or_default()
    }

    #[test]
    fn codes_match_clickhouse() {
        // toDateTime64('2023-01-02 15:04:05.123456', 6, 'Asia/Kolkata')
        let k = || dt64((ts(2023, 1, 2, 15, 4, 5) - 19_800) * 1_000_000 + 123_456, 6, Some("Asia/Kolkata"));
        let dd = || date(d(2023, 1, 8) as i32);
        let u = || dt(ts(2023, 7, 9, 3, 4, 5), Some("UTC"));
        let cases: [(&str, &str, &str, &str); 34] = [
            ("%a", "Mon", "Sun", "Sun"),
            ("%b", "Jan", "Jan", "Jul"),
            ("%c", "01", "01", "07"),
            ("%C", "20", "20", "20"),
            ("%d", "02", "08", "09"),
            ("%D", "01/02/23", "01/08/23", "07/09/23"),
            ("%e", "2", "8", "9"),
            ("%f", "123456", "000000", "000000"),
            ("%F", "2023-01-02", "2023-01-08", "2023-07-09"),
            ("%g", "23", "23", "23"),
            ("%G", "2023", "2023", "2023"),
            ("%h", "03", "12", "03"),
            ("%H", "15", "00", "03"),
            ("%i", "04", "00", "04"),
            ("%I", "03", "12", "03"),
            ("%j", "002", "008", "190"),
            ("%k", "15", "00", "03"),
            ("%l", "03", "12", "03"),
            ("%m", "01", "01", "07"),
            ("%M", "January", "January", "July"),
            ("%n", "\n", "\n", "\n"),
            ("%p", "PM", "AM", "AM"),
            ("%Q", "1", "1", "3"),
            ("%r", "03:04 PM", "12:00 AM", "03:04 AM"),
            ("%R", "15:04", "00:00", "03:04"),
            ("%s", "05", "00", "05"),
            ("%T", "15:04:05", "00:00:00", "03:04:05"),
            ("%u", "1", "7", "7"),
            ("%V", "01", "01", "27"),
            ("%w", "1", "0", "0"),
            ("%W", "Monday", "Sunday", "Sunday"),
            ("%y", "23", "23", "23"),
            ("%Y", "2023", "2023", "2023"),
            ("%%", "%", "%", "%"),
        ];
        for (code, a, b, c) in cases {
            assert_eq!((f(k(), code), f(dd(), code), f(u(), code)), (a.into(), b.into(), c.into()), "{code}");
        }
        assert_eq!(f(k(), "%z"), "+0530");
        assert_eq!(f(dt(ts(2023, 1, 2, 15, 4, 5), Some("America/New_York")), "%z"), "-0500");
        assert_eq!(f(dt64(-500, 3, None), "%F %T.%f"), "1969-12-31 23:59:59.500000");
        assert_eq!(f(date(d(2021, 1, 1) as i32), "%V %G %g"), "53 2020 20");
        assert_eq!(
            text("formatDateTime", b_format, vec![dt(0, None), s("%Y-%m-%d %H:%i:%S"), s("Asia/Tokyo")]).unwrap(),
            "1970-01-01 09:00:00"
        );
        assert_eq!(run("formatDateTime", b_format, vec![dt(0, None), s("abc%")]).unwrap_err().code(), 36);
        assert_eq!(run("formatDateTime", b_format, vec![dt(0, None), s("%A")]).unwrap_err().code(), 36);
        assert_eq!(run("formatDateTime", b_format, vec![dt(0, None), s("%U")]).unwrap_err().code(), 48);
        assert_eq!(run("formatDateTime", b_format, vec![date(0), s("%z")]).unwrap_err().code(), 43);
    }
}
