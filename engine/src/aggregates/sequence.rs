//! sequenceMatch(pattern)(t, c1, …, cN) → UInt8 and sequenceCount(pattern)(…)
//! → UInt64 (ClickHouse AggregateFunctionSequenceMatch). Rows where no
//! condition holds are dropped; the rest are sorted by (time, condition bits).
//! Pattern: `(?k)` an event where condition k holds, `.` any event, `.*` any
//! number of events, `(?t op n)` (op one of `<=`, `<`, `>=`, `>`, `==`) a time
//! distance from the previous matched event, with any events in between. The
//! pattern starts with an implicit `.*`; `.*` is lazy, matched by
//! backtracking (at most 1 000 000 steps). sequenceCount counts
//! non-overlapping matches, each search starting after the previous match.
//! State (after the version byte): VarUInt n + n × (i64 time, u32 bits).

use std::sync::Arc;

use arrow::array::{ArrayRef, AsArray};
use arrow::compute::cast;
use arrow::datatypes::{DataType, Int64Type};
use datafusion::error::Result as DfResult;
use datafusion::scalar::ScalarValue;

use super::signature_with;
use super::state::{put_var_u64, Reader};
use super::udaf::{AggState, AggregateFunction};
use crate::error::{Error, ErrorCode, Result};
use crate::types::ChType;

const MAX_ITERATIONS: u64 = 1_000_000;

#[derive(Debug, Clone, Copy, PartialEq)]
enum TimeOp {
    Le,
    Lt,
    Ge,
    Gt,
    Eq,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Action {
    Star,
    Any,
    Event(u32),
    Time(TimeOp, i64),
}

fn syntax(msg: String) -> Error {
    Error::new(ErrorCode::SYNTAX_ERROR, msg)
}

/// Parses a pattern for `events` conditions.
fn parse(pattern: &str, events: usize) -> Result<Vec<Action>> {
    let b = pattern.as_bytes();
    let mut out = vec![Action::Star];
    let mut i = 0;
    let number = |i: &mut usize| -> Result<i64> {
        let start = *i;
        while *i < b.len() && b[*i].is_ascii_digit() {
            *i += 1;
        }
        pattern[start..*i].parse::<i64>().map_err(|_| syntax(format!("Could not parse number at position {start}")))
    };
    while i < b.len() {
        if b[i..].starts_with(b".*") {
            out.push(Action::Star);
            i += 2;
        } else if b[i] == b'.' {
            out.push(Action::Any);
            i += 1;
        } else if b[i..].starts_with(b"(?t") {
            i += 3;
            let op = if b[i..].starts_with(b"<=") {
                i += 2;
                TimeOp::Le
            } else if b[i..].starts_with(b">=") {
                i += 2;
                TimeOp::Ge
            } else if b[i..].starts_with(b"==") {
                i += 2;
                TimeOp::Eq
            } else if b[i..].starts_with(b"<") {
                i += 1;
                TimeOp::Lt
            } else if b[i..].starts_with(b">") {
                i += 1;
                TimeOp::Gt
            } else {
                return Err(syntax(format!("Unknown time condition at position {i}")));
            };
            let n = number(&mut i)?;
            if b.get(i) != Some(&b')') {
                return Err(syntax(format!(
                    "Expected closing parenthesis, found '{}' at position {i}",
                    pattern.get(i..i + 1).unwrap_or("")
                )));
            }
            i += 1;
            out.push(Action::Time(op, n));
        } else if b[i..].starts_with(b"(?") {
            i += 2;
            let n = number(&mut i)?;
            if b.get(i) != Some(&b')') {
                return Err(syntax(format!(
                    "Expected closing parenthesis, found '{}' at position {i}",
                    pattern.get(i..i + 1).unwrap_or("")
                )));
            }
            i += 1;
            if n < 1 || n as usize > events {
                return Err(Error::new(ErrorCode::BAD_ARGUMENTS, format!("Event number {n} is out of range")));
            }
            out.push(Action::Event(n as u32 - 1));
        } else {
            return Err(syntax(format!("Could not parse pattern at position {i}")));
        }
    }
    Ok(out)
}

/// Finds the first match starting at `start`; returns the position after it.
fn find(actions: &[Action], ev: &[(i64, u32)], start: usize, steps: &mut u64) -> DfResult<Option<usize>> {
    let n = ev.len();
    let (mut ai, mut ei, mut base) = (0usize, start, start);
    let mut stack: Vec<(usize, usize, usize)> = Vec::new();
    loop {
        *steps += 1;
        if *steps > MAX_ITERATIONS {
            return Err(Error::new(
                ErrorCode::TOO_SLOW,
                format!("Pattern application proves too difficult, exceeding max iterations ({MAX_ITERATIONS})"),
            )
            .into_datafusion());
        }
        let mut failed = false;
        if ai == actions.len() {
            return Ok(Some(ei));
        }
        if ei >= n {
            if actions[ai..].iter().all(|a| *a == Action::Star) {
                return Ok(Some(ei));
            }
            failed = true;
        } else {
            match actions[ai] {
                Action::Star => {
                    stack.push((ai, ei + 1, base));
                    ai += 1;
                }
                Action::Any => {
                    base = ei;
                    ai += 1;
                    ei += 1;
                }
                Action::Event(k) => {
                    if ev[ei].1 & (1 << k) != 0 {
                        base = ei;
                        ai += 1;
                        ei += 1;
                    } else {
                        failed = true;
                    }
                }
                Action::Time(op, v) => {
                    let d = ev[ei].0.saturating_sub(ev[base.min(n - 1)].0);
                    let ok = match op {
                        TimeOp::Le => d <= v,
                        TimeOp::Lt => d < v,
                        TimeOp::Ge => d >= v,
                        TimeOp::Gt => d > v,
                        TimeOp::Eq => d == v,
                    };
                    if ok {
                        stack.push((ai, ei + 1, base));
                        ai += 1;
                    } else if matches!(op, TimeOp::Ge | TimeOp::Gt) || (op == TimeOp::Eq && d < v) {
                        ei += 1;
                    } else {
                        failed = true;
                    }
                }
            }
        }
        if failed {
            match stack.pop() {
                Some((a, e, b)) => {
                    ai = a;
                    ei = e;
                    base = b;
                }
                None => return Ok(None),
            }
        }
    }
}

#[derive(Debug)]
pub struct Sequence {
    count: bool,
    params: Vec<ScalarValue>,
    actions: Vec<Action>,
}

#[derive(Debug)]
struct SequenceState {
    count: bool,
    actions: Vec<Action>,
    events: Vec<(i64, u32)>,
}

impl AggregateFunction for Sequence {
    fn signature(&self) -> String {
        signature_with(if self.count { "sequenceCount" } else { "sequenceMatch" }, &self.params)
    }
    fn return_type(&self) -> ChType {
        if self.count {
            ChType::UInt64
        } else {
            ChType::UInt8
        }
    }
    fn new_state(&self) -> Box<dyn AggState> {
        Box::new(SequenceState { count: self.count, actions: self.actions.clone(), events: Vec::new() })
    }
}

impl AggState for SequenceState {
    fn add(&mut self, args: &[ArrayRef]) -> DfResult<()> {
        let Some((t, conds)) = args.split_first() else { return Ok(()) };
        let t = cast(t, &DataType::Int64)?;
        let t = t.as_primitive::<Int64Type>();
        let mut bits = vec![0u32; t.len()];
        for (k, c) in conds.iter().enumerate() {
            let c = cast(c, &DataType::Boolean)?;
            for (row, v) in c.as_boolean().iter().enumerate() {
                if v == Some(true) {
                    bits[row] |= 1 << k;
                }
            }
        }
        for (row, b) in bits.into_iter().enumerate() {
            if b != 0 {
                self.events.push((t.value(row), b));
            }
        }
        Ok(())
    }
    fn merge(&mut self, r: &mut Reader) -> DfResult<()> {
        let n = r.count(12)?;
        for _ in 0..n {
            let t = r.i64()?;
            let b = r.u32()?;
            self.events.push((t, b));
        }
        Ok(())
    }
    fn write(&self, out: &mut Vec<u8>) {
        put_var_u64(out, self.events.len() as u64);
        for (t, b) in &self.events {
            out.extend_from_slice(&t.to_le_bytes());
            out.extend_from_slice(&b.to_le_bytes());
        }
    }
    fn result(&self) -> DfResult<ScalarValue> {
        let mut ev = self.events.clone();
        ev.sort_unstable();
        let mut steps = 0u64;
        if !self.count {
            let m = find(&self.actions, &ev, 0, &mut steps)?.is_some();
            return Ok(ScalarValue::UInt8(Some(m as u8)));
        }
        let mut count = 0u64;
        let mut start = 0;
        while start < ev.len() {
            match find(&self.actions, &ev, start, &mut steps)? {
                Some(end) => {
                    count += 1;
                    start = if end > start { end } else { start + 1 };
                }
                None => break,
            }
        }
        Ok(ScalarValue::UInt64(Some(count)))
    }
    fn size(&self) -> usize {
        self.events.capacity() * 16
    }
}

fn build(count: bool, params: &[ScalarValue], args: &[ChType]) -> Result<Arc<dyn AggregateFunction>> {
    let name = if count { "sequenceCount" } else { "sequenceMatch" };
    if args.len() < 3 {
        return Err(Error::new(
            ErrorCode::TOO_FEW_ARGUMENTS_FOR_FUNCTION,
            format!("Aggregate function {name} requires at least 3 arguments."),
        ));
    }
    if args.len() - 1 > 32 {
        return Err(Error::new(
            ErrorCode::TOO_MANY_ARGUMENTS_FOR_FUNCTION,
            format!("Aggregate function {name} supports up to 32 event arguments."),
        ));
    }
    let t = args[0].base();
    if !(t.is_unsigned_int() || t.is_date_or_datetime()) {
        return Err(Error::new(
            ErrorCode::ILLEGAL_TYPE_OF_ARGUMENT,
            format!("Illegal type {t} of first argument of aggregate function {name}, must be DateTime"),
        ));
    }
    for (i, a) in args[1..].iter().enumerate() {
        if !matches!(a.base(), ChType::UInt8 | ChType::Bool) {
            return Err(Error::new(
                ErrorCode::ILLEGAL_TYPE_OF_ARGUMENT,
                format!("Illegal type {a} of argument {} of aggregate function {name}, must be UInt8", i + 2),
            ));
        }
    }
    let pattern = match params {
        [ScalarValue::Utf8(Some(s))] | [ScalarValue::Utf8View(Some(s))] => s.clone(),
        [ScalarValue::BinaryView(Some(b))] | [ScalarValue::Binary(Some(b))] => String::from_utf8_lossy(b).into_owned(),
        _ => {
            return Err(Error::new(
                ErrorCode::NUMBER_OF_ARGUMENTS_DOESNT_MATCH,
                format!("Aggregate function {name} requires exactly one parameter."),
            ))
        }
    };
    let actions = parse(&pattern, args.len() - 1)?;
    Ok(Arc::new(Sequence { count, params: params.to_vec(), actions }))
}

pub fn sequence_match(p: &[ScalarValue], a: &[ChType]) -> Result<Arc<dyn AggregateFunction>> {
    build(false, p, a)
}
pub fn sequence_count(p: &[ScalarValue], a: &[ChType]) -> Result<Arc<dyn AggregateFunction>> {
    build(true, p, a)
}

#[cfg(test)]
mod tests {
    use super::*;
    use arrow::array::{UInt64Array, UInt8Array};

    /// Over numbers(10) with x = number % 3, conditions x = 1 and x = 2.
    fn run(count: bool, pattern: &str) -> String {
        let p = [ScalarValue::Utf8(Some(pattern.into()))];
        let f = build(count, &p, &[ChType::UInt64, ChType::UInt8, ChType::UInt8]).unwrap();
        let mut st = f.new_state();
        let t: ArrayRef = Arc::new(UInt64Array::from((0..10).collect::<Vec<u64>>()));
        let c1: ArrayRef = Arc::new(UInt8Array::from((0..10).map(|n| (n % 3 == 1) as u8).collect::<Vec<_>>()));
        let c2: ArrayRef = Arc::new(UInt8Array::from((0..10).map(|n| (n % 3 == 2) as u8).collect::<Vec<_>>()));
        st.add(&[t, c1, c2]).unwrap();
        st.result().unwrap().to_string()
    }

    #[test]
    fn matches_chdb() {
        assert_eq!(run(true, "(?1)(?2)"), "3");
        assert_eq!(run(false, "(?1).*(?2)"), "1");
        assert_eq!(run(true, "(?1).*(?2)"), "3");
        assert_eq!(run(true, "(?1)(?t<=3)(?2)"), "3");
        assert_eq!(run(true, "(?1)(?1)"), "0");
        assert_eq!(run(true, "."), "6");
        assert_eq!(run(true, "(?1)(?t>1)(?2)"), "1");
    }

    #[test]
    fn pattern_errors() {
        assert!(parse("(?3)", 2).is_err());
        assert!(parse("(?1", 2).is_err());
    }
}
