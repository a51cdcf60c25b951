//! Smaller ClickHouse aggregates: sumWithOverflow (the sum in the argument
//! type, wrapping), anyHeavy (the Misra–Gries majority candidate),
//! boundingRatio (slope between the points of least and greatest x),
//! retention (Array(UInt8): first condition seen, and each later one together
//! with the first), groupArrayLast(N) (ClickHouse's ring buffer order),
//! groupArraySorted(N) (the N smallest, ascending, NaN first),
//! groupArraySample(N[, seed]) (reservoir sampling with pcg32_fast),
//! groupConcat([sep[, limit]]) (strings and integers).
//! States (after the version byte): sumWithOverflow = the accumulator LE
//! (i64 / u64 / f64 / i128); anyHeavy = u8 seen + value blob + u64 counter;
//! boundingRatio = u8 empty + 4 f64; retention = VarUInt n + n u8;
//! groupArrayLast = VarUInt total + VarUInt n + n values; groupArraySorted =
//! VarUInt n + n values (state.rs codec); groupArraySample = VarUInt total +
//! VarUInt n + n value blobs.

use std::cmp::Ordering;
use std::sync::Arc;

use arrow::array::{make_comparator, Array, ArrayRef, AsArray};
use arrow::compute::{cast, concat, SortOptions};
use arrow::datatypes::{DataType, Float32Type, Float64Type, Int64Type, UInt64Type};
use datafusion::error::Result as DfResult;
use datafusion::scalar::ScalarValue;

use super::collect::list_scalar;
use super::state::{codec_supports, decode_scalar, decode_values, encode_value, put_blob, put_var_u64, Reader};
use super::udaf::{rows, AggState, AggregateFunction};
use super::{check_count, illegal_arg, need_args, param_i128, signature_with};
use crate::error::{Error, ErrorCode, Result};
use crate::types::ChType;

// ---------------------------------------------------------------- sumWithOverflow

#[derive(Debug, Clone, Copy, PartialEq)]
enum Acc {
    Int(i64),
    UInt(u64),
    Float(f64),
    Decimal(i128),
}

#[derive(Debug)]
pub struct SumWithOverflow {
    ty: ChType,
}

#[derive(Debug)]
struct SumWithOverflowState {
    dt: DataType,
    f32: bool,
    acc: Acc,
}

impl AggregateFunction for SumWithOverflow {
    fn signature(&self) -> String {
        "sumWithOverflow".into()
    }
    fn return_type(&self) -> ChType {
        if self.ty == ChType::Bool {
            ChType::UInt8
        } else {
            self.ty.clone()
        }
    }
    fn new_state(&self) -> Box<dyn AggState> {
        let t = self.ty.base();
        let acc = if t.is_decimal() {
            Acc::Decimal(0)
        } else if t.is_float() {
            Acc::Float(0.0)
        } else if t.is_signed_int() {
            Acc::Int(0)
        } else {
            Acc::UInt(0)
        };
        Box::new(SumWithOverflowState { dt: self.return_type().to_arrow(), f32: *t == ChType::Float32, acc })
    }
}

impl AggState for SumWithOverflowState {
    fn add(&mut self, args: &[ArrayRef]) -> DfResult<()> {
        let a = &args[0];
        match &mut self.acc {
            Acc::Int(s) => {
                for v in cast(a, &DataType::Int64)?.as_primitive::<Int64Type>().values() {
                    *s = s.wrapping_add(*v);
                }
            }
            Acc::UInt(s) => {
                for v in cast(a, &DataType::UInt64)?.as_primitive::<UInt64Type>().values() {
                    *s = s.wrapping_add(*v);
                }
            }
            Acc::Float(s) if self.f32 => {
                // Float32 sums in Float32, as ClickHouse's column type does.
                let mut acc = *s as f32;
                for v in a.as_primitive::<Float32Type>().values() {
                    acc += *v;
                }
                *s = acc as f64;
            }
            Acc::Float(s) => {
                for v in cast(a, &DataType::Float64)?.as_primitive::<Float64Type>().values() {
                    *s += *v;
                }
            }
            Acc::Decimal(s) => {
                for v in a.as_primitive::<arrow::datatypes::Decimal128Type>().values() {
                    *s = s.wrapping_add(*v);
                }
            }
        }
        Ok(())
    }
    fn merge(&mut self, r: &mut Reader) -> DfResult<()> {
        match &mut self.acc {
            Acc::Int(s) => *s = s.wrapping_add(r.i64()?),
            Acc::UInt(s) => *s = s.wrapping_add(r.u64()?),
            Acc::Float(s) if self.f32 => *s = (*s as f32 + r.f64()? as f32) as f64,
            Acc::Float(s) => *s += r.f64()?,
            Acc::Decimal(s) => *s = s.wrapping_add(r.i128()?),
        }
        Ok(())
    }
    fn write(&self, out: &mut Vec<u8>) {
        match self.acc {
            Acc::Int(v) => out.extend_from_slice(&v.to_le_bytes()),
            Acc::UInt(v) => out.extend_from_slice(&v.to_le_bytes()),
            Acc::Float(v) => out.extend_from_slice(&v.to_le_bytes()),
            Acc::Decimal(v) => out.extend_from_slice(&v.to_le_bytes()),
        }
    }
    fn result(&self) -> DfResult<ScalarValue> {
        Ok(match (self.acc, &self.dt) {
            (Acc::Int(v), DataType::Int8) => ScalarValue::Int8(Some(v as i8)),
            (Acc::Int(v), DataType::Int16) => ScalarValue::Int16(Some(v as i16)),
            (Acc::Int(v), DataType::Int32) => ScalarValue::Int32(Some(v as i32)),
            (Acc::Int(v), DataType::Int64) => ScalarValue::Int64(Some(v)),
            (Acc::UInt(v), DataType::UInt8) => ScalarValue::UInt8(Some(v as u8)),
            (Acc::UInt(v), DataType::UInt16) => ScalarValue::UInt16(Some(v as u16)),
            (Acc::UInt(v), DataType::UInt32) => ScalarValue::UInt32(Some(v as u32)),
            (Acc::UInt(v), DataType::UInt64) => ScalarValue::UInt64(Some(v)),
            (Acc::Float(v), DataType::Float32) => ScalarValue::Float32(Some(v as f32)),
            (Acc::Float(v), DataType::Float64) => ScalarValue::Float64(Some(v)),
            (Acc::Decimal(v), DataType::Decimal128(p, s)) => {
                // Wrap in the decimal's native integer width.
                let w = match p {
                    0..=9 => v as i32 as i128,
                    10..=18 => v as i64 as i128,
                    _ => v,
                };
                ScalarValue::Decimal128(Some(w), *p, *s)
            }
            (_, dt) => ScalarValue::new_default(dt)?,
        })
    }
    fn size(&self) -> usize {
        0
    }
}

pub fn sum_with_overflow(params: &[ScalarValue], args: &[ChType]) -> Result<Arc<dyn AggregateFunction>> {
    need_args("sumWithOverflow", params, args, 1)?;
    let t = args[0].remove_low_cardinality();
    let ok =
        (t.is_numeric() && t.bit_width().is_none_or(|w| w <= 64) && !matches!(t.to_arrow(), DataType::Decimal256(..)))
            || t == ChType::Bool;
    if !ok {
        return Err(illegal_arg("sumWithOverflow", &t));
    }
    Ok(Arc::new(SumWithOverflow { ty: t }))
}

// ---------------------------------------------------------------- anyHeavy

#[derive(Debug)]
pub struct AnyHeavy {
    ty: ChType,
}

#[derive(Debug)]
struct AnyHeavyState {
    dt: DataType,
    value: Option<Vec<u8>>,
    counter: u64,
}

impl AnyHeavyState {
    fn offer(&mut self, key: &[u8], n: u64) {
        match &self.value {
            Some(v) if v.as_slice() == key => self.counter += n,
            _ if self.counter < n => {
                self.value = Some(key.to_vec());
                self.counter = n - self.counter;
            }
            _ => self.counter -= n,
        }
    }
}

impl AggregateFunction for AnyHeavy {
    fn signature(&self) -> String {
        "anyHeavy".into()
    }
    fn return_type(&self) -> ChType {
        self.ty.clone()
    }
    fn new_state(&self) -> Box<dyn AggState> {
        Box::new(AnyHeavyState { dt: self.ty.to_arrow(), value: None, counter: 0 })
    }
}

impl AggState for AnyHeavyState {
    fn add(&mut self, args: &[ArrayRef]) -> DfResult<()> {
        let a = args[0].as_ref();
        let mut k = Vec::new();
        for i in 0..a.len() {
            k.clear();
            encode_value(a, i, &mut k);
            self.offer(&k, 1);
        }
        Ok(())
    }
    fn merge(&mut self, r: &mut Reader) -> DfResult<()> {
        if r.u8()? != 0 {
            let key = r.blob()?.to_vec();
            let n = r.u64()?;
            self.offer(&key, n);
        }
        Ok(())
    }
    fn write(&self, out: &mut Vec<u8>) {
        match &self.value {
            Some(v) => {
                out.push(1);
                put_blob(out, v);
                out.extend_from_slice(&self.counter.to_le_bytes());
            }
            None => out.push(0),
        }
    }
    fn result(&self) -> DfResult<ScalarValue> {
        match &self.value {
            Some(v) => decode_scalar(&mut Reader::new(v), &self.dt),
            None => ScalarValue::new_default(&self.dt),
        }
    }
    fn size(&self) -> usize {
        self.value.as_ref().map(|v| v.len()).unwrap_or(0)
    }
}

pub fn any_heavy(params: &[ScalarValue], args: &[ChType]) -> Result<Arc<dyn AggregateFunction>> {
    need_args("anyHeavy", params, args, 1)?;
    let t = args[0].remove_low_cardinality();
    if !codec_supports(&t.to_arrow()) {
        return Err(illegal_arg("anyHeavy", &t));
    }
    Ok(Arc::new(AnyHeavy { ty: t }))
}

// ---------------------------------------------------------------- boundingRatio

#[derive(Debug)]
pub struct BoundingRatio;

/// Left (least x) and right (greatest x) points; the first seen wins ties.
#[derive(Debug, Default)]
struct BoundingRatioState {
    points: Option<[f64; 4]>,
}

impl BoundingRatioState {
    fn offer(&mut self, p: [f64; 4]) {
        match &mut self.points {
            None => self.points = Some(p),
            Some(cur) => {
                if p[0] < cur[0] {
                    cur[0] = p[0];
                    cur[1] = p[1];
                }
                if p[2] > cur[2] {
                    cur[2] = p[2];
                    cur[3] = p[3];
                }
            }
        }
    }
}

impl AggregateFunction for BoundingRatio {
    fn signature(&self) -> String {
        "boundingRatio".into()
    }
    fn return_type(&self) -> ChType {
        ChType::Float64
    }
    fn new_state(&self) -> Box<dyn AggState> {
        Box::new(BoundingRatioState::default())
    }
}

fn as_f64(a: &ArrayRef) -> DfResult<ArrayRef> {
    Ok(match a.data_type() {
        DataType::Date32 | DataType::Timestamp(..) => cast(&cast(a, &DataType::Int64)?, &DataType::Float64)?,
        _ => cast(a, &DataType::Float64)?,
    })
}

impl AggState for BoundingRatioState {
    fn add(&mut self, args: &[ArrayRef]) -> DfResult<()> {
        let x = as_f64(&args[0])?;
        let y = as_f64(&args[1])?;
        for (x, y) in x.as_primitive::<Float64Type>().values().iter().zip(y.as_primitive::<Float64Type>().values()) {
            self.offer([*x, *y, *x, *y]);
        }
        Ok(())
    }
    fn merge(&mut self, r: &mut Reader) -> DfResult<()> {
        if r.u8()? != 0 {
            let p = [r.f64()?, r.f64()?, r.f64()?, r.f64()?];
            self.offer(p);
        }
        Ok(())
    }
    fn write(&self, out: &mut Vec<u8>) {
        match &self.points {
            Some(p) => {
                out.push(1);
                for v in p {
                    out.extend_from_slice(&v.to_le_bytes());
                }
            }
            None => out.push(0),
        }
    }
    fn result(&self) -> DfResult<ScalarValue> {
        Ok(ScalarValue::Float64(Some(match &self.points {
            Some(p) => (p[3] - p[1]) / (p[2] - p[0]),
            None => f64::NAN,
        })))
    }
    fn size(&self) -> usize {
        0
    }
}

pub fn bounding_ratio(params: &[ScalarValue], args: &[ChType]) -> Result<Arc<dyn AggregateFunction>> {
    need_args("boundingRatio", params, args, 2)?;
    for a in args {
        let ok = (a.is_numeric() && a.bit_width().is_none_or(|w| w <= 64)) || a.is_date_or_datetime();
        if !ok {
            return Err(illegal_arg("boundingRatio", a));
        }
    }
    Ok(Arc::new(BoundingRatio))
}

// ---------------------------------------------------------------- retention

#[derive(Debug)]
pub struct Retention(usize);

#[derive(Debug)]
struct RetentionState(Vec<bool>);

impl AggregateFunction for Retention {
    fn signature(&self) -> String {
        "retention".into()
    }
    fn return_type(&self) -> ChType {
        ChType::Array(Box::new(ChType::UInt8))
    }
    fn new_state(&self) -> Box<dyn AggState> {
        Box::new(RetentionState(vec![false; self.0]))
    }
}

impl AggState for RetentionState {
    fn add(&mut self, args: &[ArrayRef]) -> DfResult<()> {
        for (seen, a) in self.0.iter_mut().zip(args) {
            if !*seen {
                let b = cast(a, &DataType::Boolean)?;
                *seen = b.as_boolean().true_count() > 0;
            }
        }
        Ok(())
    }
    fn merge(&mut self, r: &mut Reader) -> DfResult<()> {
        let n = r.count(1)?;
        for i in 0..n {
            let v = r.u8()? != 0;
            if let Some(s) = self.0.get_mut(i) {
                *s |= v;
            }
        }
        Ok(())
    }
    fn write(&self, out: &mut Vec<u8>) {
        put_var_u64(out, self.0.len() as u64);
        out.extend(self.0.iter().map(|b| *b as u8));
    }
    fn result(&self) -> DfResult<ScalarValue> {
        let first = self.0.first().copied().unwrap_or(false);
        let vals: Vec<u8> =
            self.0.iter().enumerate().map(|(i, s)| if i == 0 { first as u8 } else { (first && *s) as u8 }).collect();
        list_scalar(Arc::new(arrow::array::UInt8Array::from(vals)), &DataType::UInt8)
    }
    fn size(&self) -> usize {
        self.0.len()
    }
}

pub fn retention(params: &[ScalarValue], args: &[ChType]) -> Result<Arc<dyn AggregateFunction>> {
    super::no_params("retention", params)?;
    if args.len() < 2 {
        return Err(Error::new(
            ErrorCode::NUMBER_OF_ARGUMENTS_DOESNT_MATCH,
            "Not enough event arguments for aggregate function retention",
        ));
    }
    if args.len() > 32 {
        return Err(Error::new(
            ErrorCode::TOO_MANY_ARGUMENTS_FOR_FUNCTION,
            "Too many event arguments for aggregate function retention",
        ));
    }
    for (i, a) in args.iter().enumerate() {
        if !matches!(a.base(), ChType::UInt8 | ChType::Bool) {
            return Err(Error::new(
                ErrorCode::ILLEGAL_TYPE_OF_ARGUMENT,
                format!("Illegal type {a} of {} argument of aggregate function retention, must be UInt8", i + 1),
            ));
        }
    }
    Ok(Arc::new(Retention(args.len())))
}

// ---------------------------------------------------------------- groupArrayLast / groupArraySorted

#[derive(Debug, Clone, Copy, PartialEq)]
enum Keep {
    /// groupArrayLast: the last N in ring-buffer order.
    Last,
    /// groupArraySorted: the N smallest, ascending.
    Sorted,
}

#[derive(Debug)]
pub struct GroupArrayN {
    keep: Keep,
    params: Vec<ScalarValue>,
    ty: ChType,
    n: usize,
}

#[derive(Debug)]
struct GroupArrayNState {
    keep: Keep,
    dt: DataType,
    n: usize,
    /// Values seen (groupArrayLast's ring position).
    total: u64,
    chunks: Vec<ArrayRef>,
    held: usize,
}

impl GroupArrayNState {
    fn values(&self) -> DfResult<ArrayRef> {
        let refs: Vec<&dyn Array> = self.chunks.iter().map(|c| c.as_ref()).collect();
        Ok(if refs.is_empty() { arrow::array::new_empty_array(&self.dt) } else { concat(&refs)? })
    }

    /// Reduces the kept values to at most `n`.
    fn compact(&mut self) -> DfResult<()> {
        let all = self.values()?;
        let kept = match self.keep {
            Keep::Last => {
                let k = all.len().min(self.n);
                all.slice(all.len() - k, k)
            }
            Keep::Sorted => {
                let idx = sorted_indices(&all)?;
                let take: Vec<u32> = idx.into_iter().take(self.n).map(|i| i as u32).collect();
                arrow::compute::take(all.as_ref(), &arrow::array::UInt32Array::from(take), None)?
            }
        };
        self.held = kept.len();
        self.chunks = vec![kept];
        Ok(())
    }

    fn push(&mut self, a: ArrayRef, counted: u64) -> DfResult<()> {
        self.total += counted;
        self.held += a.len();
        self.chunks.push(a);
        if self.held > self.n.saturating_mul(2).max(1024) {
            self.compact()?;
        }
        Ok(())
    }
}

/// Ascending order with NaN first (ClickHouse's order for groupArraySorted).
fn sorted_indices(a: &ArrayRef) -> DfResult<Vec<usize>> {
    let cmp = make_comparator(a.as_ref(), a.as_ref(), SortOptions::default())?;
    let nan = |i: usize| match a.data_type() {
        DataType::Float64 => a.as_primitive::<Float64Type>().value(i).is_nan(),
        DataType::Float32 => a.as_primitive::<Float32Type>().value(i).is_nan(),
        _ => false,
    };
    let mut idx: Vec<usize> = (0..a.len()).collect();
    idx.sort_by(|x, y| match (nan(*x), nan(*y)) {
        (true, true) => Ordering::Equal,
        (true, false) => Ordering::Less,
        (false, true) => Ordering::Greater,
        _ => cmp(*x, *y),
    });
    Ok(idx)
}

impl AggregateFunction for GroupArrayN {
    fn signature(&self) -> String {
        let name = if self.keep == Keep::Last { "groupArrayLast" } else { "groupArraySorted" };
        signature_with(name, &self.params)
    }
    fn return_type(&self) -> ChType {
        ChType::Array(Box::new(self.ty.clone()))
    }
    fn new_state(&self) -> Box<dyn AggState> {
        Box::new(GroupArrayNState {
            keep: self.keep,
            dt: self.ty.to_arrow(),
            n: self.n,
            total: 0,
            chunks: Vec::new(),
            held: 0,
        })
    }
}

impl AggState for GroupArrayNState {
    fn add(&mut self, args: &[ArrayRef]) -> DfResult<()> {
        let n = rows(args) as u64;
        self.push(args[0].clone(), n)
    }
    fn merge(&mut self, r: &mut Reader) -> DfResult<()> {
        let total = r.var_u64()?;
        let n = r.count(1)?;
        let a = decode_values(r, n, &self.dt)?;
        self.push(a, total)
    }
    fn write(&self, out: &mut Vec<u8>) {
        let mut copy = GroupArrayNState {
            keep: self.keep,
            dt: self.dt.clone(),
            n: self.n,
            total: self.total,
            chunks: self.chunks.clone(),
            held: self.held,
        };
        let ok = copy.compact().is_ok();
        put_var_u64(out, self.total);
        let kept = if ok { copy.chunks.first().cloned() } else { None };
        match kept {
            Some(a) => {
                put_var_u64(out, a.len() as u64);
                for i in 0..a.len() {
                    encode_value(a.as_ref(), i, out);
                }
            }
            None => put_var_u64(out, 0),
        }
    }
    fn result(&self) -> DfResult<ScalarValue> {
        let all = self.values()?;
        let out = match self.keep {
            Keep::Sorted => {
                let idx = sorted_indices(&all)?;
                let take: Vec<u32> = idx.into_iter().take(self.n).map(|i| i as u32).collect();
                arrow::compute::take(all.as_ref(), &arrow::array::UInt32Array::from(take), None)?
            }
            Keep::Last => {
                let k = all.len().min(self.n);
                let last = all.slice(all.len() - k, k);
                if (self.total as usize) <= self.n || k < self.n {
                    last
                } else {
                    // Ring buffer: value number i (0-based over all values) sits in slot i % n.
                    let first_index = self.total - k as u64;
                    let mut order = vec![0u32; k];
                    for (j, slot) in order.iter_mut().enumerate() {
                        // The slot j holds the value whose global index ≡ j (mod n).
                        let off = (j as u64 + self.n as u64 - first_index % self.n as u64) % self.n as u64;
                        *slot = off as u32;
                    }
                    arrow::compute::take(last.as_ref(), &arrow::array::UInt32Array::from(order), None)?
                }
            }
        };
        list_scalar(out, &self.dt)
    }
    fn size(&self) -> usize {
        self.chunks.iter().map(|c| c.get_array_memory_size()).sum()
    }
}

fn group_array_n(keep: Keep, params: &[ScalarValue], args: &[ChType]) -> Result<Arc<dyn AggregateFunction>> {
    let name = if keep == Keep::Last { "groupArrayLast" } else { "groupArraySorted" };
    check_count(name, args, 1)?;
    let ty = args[0].remove_low_cardinality();
    if !codec_supports(&ty.to_arrow()) {
        return Err(Error::new(ErrorCode::NOT_IMPLEMENTED, format!("{name} over {ty} is not implemented yet")));
    }
    let n = match params.first().and_then(param_i128) {
        Some(n) if n > 0 && n <= 0xFF_FFFF => n as usize,
        Some(_) => {
            return Err(Error::new(
                ErrorCode::BAD_ARGUMENTS,
                format!("Parameter for aggregate function {name} should be positive number"),
            ))
        }
        None if keep == Keep::Sorted && params.is_empty() => 10,
        None => {
            return Err(Error::new(
                ErrorCode::BAD_ARGUMENTS,
                format!("{name} make sense only with max_elems ({name}(max_elems)())"),
            ))
        }
    };
    Ok(Arc::new(GroupArrayN { keep, params: params.to_vec(), ty, n }))
}

pub fn group_array_last(p: &[ScalarValue], a: &[ChType]) -> Result<Arc<dyn AggregateFunction>> {
    group_array_n(Keep::Last, p, a)
}
pub fn group_array_sorted(p: &[ScalarValue], a: &[ChType]) -> Result<Arc<dyn AggregateFunction>> {
    group_array_n(Keep::Sorted, p, a)
}

// ---------------------------------------------------------------- groupArraySample

/// groupArraySample(N[, seed]): reservoir sampling with pcg32_fast (a random
/// seed when none is given, as ClickHouse).
#[derive(Debug)]
pub struct GroupArraySample {
    params: Vec<ScalarValue>,
    ty: ChType,
    n: usize,
    seed: Option<u64>,
}

#[derive(Debug)]
struct GroupArraySampleState {
    dt: DataType,
    n: usize,
    total: u64,
    rng: super::quantile::Pcg32Fast,
    values: Vec<Vec<u8>>,
}

impl GroupArraySampleState {
    fn insert(&mut self, key: Vec<u8>) {
        self.total += 1;
        if self.values.len() < self.n {
            self.values.push(key);
        } else {
            let r = self.rng.gen(self.total) as usize;
            if let Some(slot) = self.values.get_mut(r) {
                *slot = key;
            }
        }
    }
}

impl AggregateFunction for GroupArraySample {
    fn signature(&self) -> String {
        signature_with("groupArraySample", &self.params)
    }
    fn return_type(&self) -> ChType {
        ChType::Array(Box::new(self.ty.clone()))
    }
    fn new_state(&self) -> Box<dyn AggState> {
        let seed = self.seed.unwrap_or_else(|| {
            use std::hash::{BuildHasher, Hasher};
            std::collections::hash_map::RandomState::new().build_hasher().finish()
        });
        Box::new(GroupArraySampleState {
            dt: self.ty.to_arrow(),
            n: self.n,
            total: 0,
            rng: super::quantile::Pcg32Fast::with_seed(seed),
            values: Vec::new(),
        })
    }
}

impl AggState for GroupArraySampleState {
    fn add(&mut self, args: &[ArrayRef]) -> DfResult<()> {
        let a = args[0].as_ref();
        for i in 0..a.len() {
            let mut k = Vec::new();
            encode_value(a, i, &mut k);
            self.insert(k);
        }
        Ok(())
    }
    fn merge(&mut self, r: &mut Reader) -> DfResult<()> {
        let _total = r.var_u64()?;
        let n = r.count(1)?;
        for _ in 0..n {
            let k = r.blob()?.to_vec();
            self.insert(k);
        }
        Ok(())
    }
    fn write(&self, out: &mut Vec<u8>) {
        put_var_u64(out, self.total);
        put_var_u64(out, self.values.len() as u64);
        for v in &self.values {
            put_blob(out, v);
        }
    }
    fn result(&self) -> DfResult<ScalarValue> {
        let bytes: Vec<u8> = self.values.iter().flatten().copied().collect();
        let values = decode_values(&mut Reader::new(&bytes), self.values.len(), &self.dt)?;
        list_scalar(values, &self.dt)
    }
    fn size(&self) -> usize {
        self.values.iter().map(|v| v.len() + 24).sum()
    }
}

pub fn group_array_sample(params: &[ScalarValue], args: &[ChType]) -> Result<Arc<dyn AggregateFunction>> {
    check_count("groupArraySample", args, 1)?;
    let ty = args[0].remove_low_cardinality();
    if !codec_supports(&ty.to_arrow()) {
        return Err(Error::new(
            ErrorCode::NOT_IMPLEMENTED,
            format!("groupArraySample over {ty} is not implemented yet"),
        ));
    }
    let bad = || {
        Error::new(
            ErrorCode::BAD_ARGUMENTS,
            "Parameter for aggregate function groupArraySample should be positive number",
        )
    };
    let positive = |p: &ScalarValue| match param_i128(p) {
        Some(n) if n > 0 => Ok(n),
        _ => Err(bad()),
    };
    let (n, seed) = match params {
        [n] => (positive(n)?, None),
        [n, s] => (positive(n)?, Some(positive(s)? as u64)),
        _ => {
            return Err(Error::new(
                ErrorCode::NUMBER_OF_ARGUMENTS_DOESNT_MATCH,
                "Incorrect number of parameters for aggregate function groupArraySample, should be 2",
            ))
        }
    };
    if n > 0xFF_FFFF {
        return Err(bad());
    }
    Ok(Arc::new(GroupArraySample { params: params.to_vec(), ty, n: n as usize, seed }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use arrow::array::{Int64Array, UInt64Array, UInt8Array};

    fn run(f: Arc<dyn AggregateFunction>, args: Vec<ArrayRef>) -> String {
        let mut st = f.new_state();
        st.add(&args).unwrap();
        // Round-trip the state as well.
        let mut bytes = Vec::new();
        st.write(&mut bytes);
        let mut st2 = f.new_state();
        st2.merge(&mut Reader::new(&bytes)).unwrap();
        let a = st.result().unwrap().to_string();
        assert_eq!(a, st2.result().unwrap().to_string());
        a
    }

    #[test]
    fn values_match_chdb() {
        let u8s = |v: Vec<u8>| -> ArrayRef { Arc::new(UInt8Array::from(v)) };
        // sumWithOverflow(toUInt8(200)) FROM numbers(2) → 144
        assert_eq!(run(sum_with_overflow(&[], &[ChType::UInt8]).unwrap(), vec![u8s(vec![200, 200])]), "144");
        // anyHeavy over [1,1,1,2,1] → 1; over [1,2,3,1,2,3,3] → 3
        assert_eq!(run(any_heavy(&[], &[ChType::UInt8]).unwrap(), vec![u8s(vec![1, 1, 1, 2, 1])]), "1");
        assert_eq!(run(any_heavy(&[], &[ChType::UInt8]).unwrap(), vec![u8s(vec![1, 2, 3, 1, 2, 3, 3])]), "3");
        // boundingRatio over (1,2),(3,10),(1,5),(3,1) → 4
        let x: ArrayRef = Arc::new(Int64Array::from(vec![1, 3, 1, 3]));
        let y: ArrayRef = Arc::new(Int64Array::from(vec![2, 10, 5, 1]));
        assert_eq!(run(bounding_ratio(&[], &[ChType::Int64, ChType::Int64]).unwrap(), vec![x, y]), "4");
        // retention(x = 1, x = 2, x = 3) over [1,2,3] → [1,1,1]; over [2,3] → [0,0,0]
        let f = retention(&[], &[ChType::UInt8, ChType::UInt8, ChType::UInt8]).unwrap();
        assert_eq!(run(f.clone(), vec![u8s(vec![1, 0, 0]), u8s(vec![0, 1, 0]), u8s(vec![0, 0, 1])]), "[1, 1, 1]");
        assert_eq!(run(f, vec![u8s(vec![0, 0]), u8s(vec![1, 0]), u8s(vec![0, 1])]), "[0, 0, 0]");
        // groupArrayLast(2)(number) over 0..4 → [4,3]; groupArrayLast(3) over [5,1,4,2] → [2,1,4]
        let p2 = [ScalarValue::UInt64(Some(2))];
        let p3 = [ScalarValue::UInt64(Some(3))];
        let nums: ArrayRef = Arc::new(UInt64Array::from(vec![0, 1, 2, 3, 4]));
        assert_eq!(run(group_array_last(&p2, &[ChType::UInt64]).unwrap(), vec![nums]), "[4, 3]");
        assert_eq!(run(group_array_last(&p3, &[ChType::UInt8]).unwrap(), vec![u8s(vec![5, 1, 4, 2])]), "[2, 1, 4]");
        // groupArraySorted(3) over [5,1,4,2] → [1,2,4]
        assert_eq!(run(group_array_sorted(&p3, &[ChType::UInt8]).unwrap(), vec![u8s(vec![5, 1, 4, 2])]), "[1, 2, 4]");
        // groupArraySample(3, 1)(number) FROM numbers(20) → [9,7,10]; seed 123456 → [19,1,8]
        let twenty: ArrayRef = Arc::new(UInt64Array::from((0..20).collect::<Vec<u64>>()));
        for (seed, want) in [(1u64, "[9, 7, 10]"), (123456, "[19, 1, 8]")] {
            let p = [ScalarValue::UInt64(Some(3)), ScalarValue::UInt64(Some(seed))];
            let f = group_array_sample(&p, &[ChType::UInt64]).unwrap();
            let mut st = f.new_state();
            st.add(std::slice::from_ref(&twenty)).unwrap();
            assert_eq!(st.result().unwrap().to_string(), want);
        }
    }
}

// ---------------------------------------------------------------- groupConcat

/// groupConcat([separator[, limit]])(x) → String: the values' text joined by
/// the separator (at most `limit` values). Strings and integers only for now.
/// State (after the version byte): VarUInt count + the joined bytes as a blob.
#[derive(Debug)]
pub struct GroupConcat {
    params: Vec<ScalarValue>,
    sep: Vec<u8>,
    limit: Option<u64>,
}

#[derive(Debug)]
struct GroupConcatState {
    sep: Vec<u8>,
    limit: Option<u64>,
    count: u64,
    text: Vec<u8>,
}

impl GroupConcatState {
    fn push(&mut self, piece: &[u8], n: u64) {
        if self.limit.is_some_and(|l| self.count >= l) {
            return;
        }
        if self.count > 0 {
            self.text.extend_from_slice(&self.sep);
        }
        self.text.extend_from_slice(piece);
        self.count += n;
    }
}

impl AggregateFunction for GroupConcat {
    fn signature(&self) -> String {
        signature_with("groupConcat", &self.params)
    }
    fn return_type(&self) -> ChType {
        ChType::String
    }
    fn new_state(&self) -> Box<dyn AggState> {
        Box::new(GroupConcatState { sep: self.sep.clone(), limit: self.limit, count: 0, text: Vec::new() })
    }
}

impl AggState for GroupConcatState {
    fn add(&mut self, args: &[ArrayRef]) -> DfResult<()> {
        let a = &args[0];
        match a.data_type() {
            DataType::BinaryView => {
                for v in a.as_binary_view().iter() {
                    self.push(v.unwrap_or(&[]), 1);
                }
            }
            DataType::FixedSizeBinary(_) => {
                let f = a.as_fixed_size_binary();
                for i in 0..f.len() {
                    self.push(f.value(i), 1);
                }
            }
            _ => {
                let s = cast(a, &DataType::Utf8)?;
                for v in s.as_string::<i32>().iter() {
                    self.push(v.unwrap_or("").as_bytes(), 1);
                }
            }
        }
        Ok(())
    }
    fn merge(&mut self, r: &mut Reader) -> DfResult<()> {
        let n = r.var_u64()?;
        let text = r.blob()?;
        if n > 0 {
            self.push(text, n);
        }
        Ok(())
    }
    fn write(&self, out: &mut Vec<u8>) {
        put_var_u64(out, self.count);
        put_blob(out, &self.text);
    }
    fn result(&self) -> DfResult<ScalarValue> {
        Ok(ScalarValue::BinaryView(Some(self.text.clone())))
    }
    fn size(&self) -> usize {
        self.text.capacity()
    }
}

pub fn group_concat(params: &[ScalarValue], args: &[ChType]) -> Result<Arc<dyn AggregateFunction>> {
    check_count("groupConcat", args, 1)?;
    let t = args[0].remove_low_cardinality();
    let t = t.base();
    if !(t.is_string_or_fixed() || t.is_integer() || *t == ChType::Bool) {
        return Err(Error::new(ErrorCode::NOT_IMPLEMENTED, format!("groupConcat over {t} is not implemented yet")));
    }
    let sep = match params.first() {
        None => Vec::new(),
        Some(ScalarValue::Utf8(Some(s))) | Some(ScalarValue::Utf8View(Some(s))) => s.as_bytes().to_vec(),
        Some(ScalarValue::BinaryView(Some(b))) | Some(ScalarValue::Binary(Some(b))) => b.clone(),
        Some(_) => {
            return Err(Error::new(
                ErrorCode::BAD_ARGUMENTS,
                "First parameter for aggregate function groupConcat should be string",
            ))
        }
    };
    let limit = match params.get(1) {
        None => None,
        Some(p) => match param_i128(p) {
            Some(n) if n > 0 => Some(n as u64),
            _ => {
                return Err(Error::new(
                    ErrorCode::BAD_ARGUMENTS,
                    format!(
                        "Second parameter for aggregate function groupConcat should be a positive number, got: {}",
                        super::fmt_param(p)
                    ),
                ))
            }
        },
    };
    if params.len() > 2 {
        return Err(Error::new(
            ErrorCode::NUMBER_OF_ARGUMENTS_DOESNT_MATCH,
            "Incorrect number of parameters for aggregate function groupConcat, should be 0, 1 or 2",
        ));
    }
    Ok(Arc::new(GroupConcat { params: params.to_vec(), sep, limit }))
}

#[cfg(test)]
mod concat_tests {
    use super::*;
    use arrow::array::UInt64Array;

    #[test]
    fn group_concat_matches_chdb() {
        // groupConcat(', ')(toString(number)) → '0, 1, 2, 3, 4'; groupConcat('-', 2) → '0-1'; groupConcat(number) → '01234'
        let nums: ArrayRef = Arc::new(UInt64Array::from((0..5).collect::<Vec<u64>>()));
        let run = |params: Vec<ScalarValue>| {
            let f = group_concat(&params, &[ChType::UInt64]).unwrap();
            let mut s = f.new_state();
            s.add(std::slice::from_ref(&nums)).unwrap();
            match s.result().unwrap() {
                ScalarValue::BinaryView(Some(b)) => String::from_utf8(b).unwrap(),
                other => panic!("{other:?}"),
            }
        };
        assert_eq!(run(vec![ScalarValue::Utf8(Some(", ".into()))]), "0, 1, 2, 3, 4");
        assert_eq!(run(vec![ScalarValue::Utf8(Some("-".into())), ScalarValue::UInt64(Some(2))]), "0-1");
        assert_eq!(run(vec![]), "01234");
    }
}
