//! count, sum, avg, min, max, any, anyLast, argMin, argMax, groupBitAnd/Or/Xor
//! (ClickHouse AggregateFunctionCount/Sum/Avg/MinMaxAny/ArgMinMax/BitwiseAnd…).
//! Result types: count → UInt64; sum → Int64 / UInt64 / Float64 /
//! Decimal(38, S), integer sums wrap; avg → Float64 (NaN on empty input);
//! min/max/any/anyLast keep the argument type (default value on empty input).
//! State layouts (after the version byte): count = VarUInt; sum = the sum, LE;
//! avg = sum + VarUInt count (as ClickHouse's avgState); the value pickers = u8
//! flag + value (state.rs codec).

use std::cmp::Ordering;
use std::collections::VecDeque;
use std::sync::atomic::{AtomicBool, Ordering as AtomicOrdering};
use std::sync::Arc;

use arrow::array::{make_comparator, Array, ArrayRef, AsArray};
use arrow::compute::{cast, SortOptions};
use arrow::datatypes::{DataType, Decimal128Type, Float64Type, Int64Type, UInt64Type};
use datafusion::error::Result as DfResult;
use datafusion::scalar::ScalarValue;

use super::groups::{Hot, HotOp};
use super::state::{codec_supports, decode_scalar, encode_scalar, put_var_u64, Reader};
use super::udaf::{rows, AggState, AggregateFunction};
use super::{illegal_arg, need_args};
use crate::error::Result;
use crate::types::ChType;

// ---------------------------------------------------------------- count

#[derive(Debug)]
pub struct Count;

#[derive(Debug, Default)]
struct CountState(u64);

impl AggregateFunction for Count {
    fn signature(&self) -> String {
        "count".into()
    }
    fn return_type(&self) -> ChType {
        ChType::UInt64
    }
    fn new_state(&self) -> Box<dyn AggState> {
        Box::new(CountState(0))
    }
    fn hot(&self) -> Option<Hot> {
        Some(Hot { op: HotOp::Count, nulls: None })
    }
}

impl AggState for CountState {
    fn add(&mut self, args: &[ArrayRef]) -> DfResult<()> {
        self.0 += rows(args) as u64;
        Ok(())
    }
    fn retract(&mut self, args: &[ArrayRef]) -> DfResult<bool> {
        self.0 = self.0.wrapping_sub(rows(args) as u64);
        Ok(true)
    }
    fn can_retract(&self) -> bool {
        true
    }
    fn merge(&mut self, r: &mut Reader) -> DfResult<()> {
        self.0 = self.0.wrapping_add(r.var_u64()?);
        Ok(())
    }
    fn write(&self, out: &mut Vec<u8>) {
        put_var_u64(out, self.0)
    }
    fn result(&self) -> DfResult<ScalarValue> {
        Ok(ScalarValue::UInt64(Some(self.0)))
    }
    fn size(&self) -> usize {
        0
    }
}

pub fn count(_params: &[ScalarValue], _args: &[ChType]) -> Result<Arc<dyn AggregateFunction>> {
    Ok(Arc::new(Count))
}

// ---------------------------------------------------------------- sum / avg

/// The accumulator type of sum/avg for an argument type.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum SumKind {
    Int,
    UInt,
    Float,
    /// Decimal with this scale (sum in Decimal(38, S)).
    Decimal(u8),
}

impl SumKind {
    pub fn of(name: &str, t: &ChType) -> Result<SumKind> {
        Ok(match t.base() {
            ChType::Decimal(p, s) if *p <= 38 => SumKind::Decimal(*s),
            t if t.is_signed_int() && t.bit_width().is_some_and(|w| w <= 64) => SumKind::Int,
            t if (t.is_unsigned_int() && t.bit_width().is_some_and(|w| w <= 64)) || *t == ChType::Bool => SumKind::UInt,
            ChType::Float32 | ChType::Float64 => SumKind::Float,
            other => return Err(illegal_arg(name, other)),
        })
    }

    pub fn sum_type(self) -> ChType {
        match self {
            SumKind::Int => ChType::Int64,
            SumKind::UInt => ChType::UInt64,
            SumKind::Float => ChType::Float64,
            SumKind::Decimal(s) => ChType::Decimal(38, s),
        }
    }
}

/// A running sum (integers wrap, as ClickHouse's do).
#[derive(Debug, Clone, Copy)]
pub enum SumValue {
    Int(i64),
    UInt(u64),
    Float(f64),
    Decimal(i128, u8),
}

impl SumValue {
    pub fn zero(k: SumKind) -> SumValue {
        match k {
            SumKind::Int => SumValue::Int(0),
            SumKind::UInt => SumValue::UInt(0),
            SumKind::Float => SumValue::Float(0.0),
            SumKind::Decimal(s) => SumValue::Decimal(0, s),
        }
    }

    /// Adds every value of an array (no NULLs expected; NULL slots are skipped).
    pub fn add_array(&mut self, a: &ArrayRef) -> DfResult<()> {
        match self {
            SumValue::Int(acc) => {
                let c = cast(a, &DataType::Int64)?;
                for v in c.as_primitive::<Int64Type>().iter().flatten() {
                    *acc = acc.wrapping_add(v);
                }
            }
            SumValue::UInt(acc) => {
                let c = cast(a, &DataType::UInt64)?;
                for v in c.as_primitive::<UInt64Type>().iter().flatten() {
                    *acc = acc.wrapping_add(v);
                }
            }
            SumValue::Float(acc) => {
                let c = cast(a, &DataType::Float64)?;
                let p = c.as_primitive::<Float64Type>();
                if p.null_count() > 0 {
                    for v in p.iter().flatten() {
                        *acc += v;
                    }
                } else {
                    *acc = float_sum(*acc, p.values());
                }
            }
            SumValue::Decimal(acc, _) => {
                for v in a.as_primitive::<Decimal128Type>().iter().flatten() {
                    *acc = acc.wrapping_add(v);
                }
            }
        }
        Ok(())
    }

    /// Subtracts every value of an array (the inverse of [`Self::add_array`], for sliding windows).
    pub fn sub_array(&mut self, a: &ArrayRef) -> DfResult<()> {
        match self {
            SumValue::Int(acc) => {
                let c = cast(a, &DataType::Int64)?;
                for v in c.as_primitive::<Int64Type>().iter().flatten() {
                    *acc = acc.wrapping_sub(v);
                }
            }
            SumValue::UInt(acc) => {
                let c = cast(a, &DataType::UInt64)?;
                for v in c.as_primitive::<UInt64Type>().iter().flatten() {
                    *acc = acc.wrapping_sub(v);
                }
            }
            SumValue::Float(acc) => {
                let c = cast(a, &DataType::Float64)?;
                for v in c.as_primitive::<Float64Type>().iter().flatten() {
                    *acc -= v;
                }
            }
            SumValue::Decimal(acc, _) => {
                for v in a.as_primitive::<Decimal128Type>().iter().flatten() {
                    *acc = acc.wrapping_sub(v);
                }
            }
        }
        Ok(())
    }

    pub fn add(&mut self, o: SumValue) {
        match (self, o) {
            (SumValue::Int(a), SumValue::Int(b)) => *a = a.wrapping_add(b),
            (SumValue::UInt(a), SumValue::UInt(b)) => *a = a.wrapping_add(b),
            (SumValue::Float(a), SumValue::Float(b)) => *a += b,
            (SumValue::Decimal(a, _), SumValue::Decimal(b, _)) => *a = a.wrapping_add(b),
            _ => {}
        }
    }

    pub fn write(&self, out: &mut Vec<u8>) {
        match self {
            SumValue::Int(v) => out.extend_from_slice(&v.to_le_bytes()),
            SumValue::UInt(v) => out.extend_from_slice(&v.to_le_bytes()),
            SumValue::Float(v) => out.extend_from_slice(&v.to_le_bytes()),
            SumValue::Decimal(v, _) => out.extend_from_slice(&v.to_le_bytes()),
        }
    }

    pub fn read(k: SumKind, r: &mut Reader) -> DfResult<SumValue> {
        Ok(match k {
            SumKind::Int => SumValue::Int(r.i64()?),
            SumKind::UInt => SumValue::UInt(r.u64()?),
            SumKind::Float => SumValue::Float(r.f64()?),
            SumKind::Decimal(s) => SumValue::Decimal(r.i128()?, s),
        })
    }

    pub fn scalar(&self) -> ScalarValue {
        match *self {
            SumValue::Int(v) => ScalarValue::Int64(Some(v)),
            SumValue::UInt(v) => ScalarValue::UInt64(Some(v)),
            SumValue::Float(v) => ScalarValue::Float64(Some(v)),
            SumValue::Decimal(v, s) => ScalarValue::Decimal128(Some(v), 38, s as i8),
        }
    }

    pub fn as_f64(&self) -> f64 {
        match *self {
            SumValue::Int(v) => v as f64,
            SumValue::UInt(v) => v as f64,
            SumValue::Float(v) => v,
            SumValue::Decimal(v, s) => v as f64 / 10f64.powi(s as i32),
        }
    }
}

/// ClickHouse's unrolled Float64 summation of one batch (AggregateFunctionSum
/// `addMany`): 16 running lanes, the lanes added to the running sum in order,
/// then the tail's own sum.
pub fn float_sum(acc: f64, v: &[f64]) -> f64 {
    const LANES: usize = 16;
    let mut lanes = [0f64; LANES];
    let chunks = v.chunks_exact(LANES);
    let tail = chunks.remainder();
    for c in chunks {
        for (l, x) in lanes.iter_mut().zip(c) {
            *l += *x;
        }
    }
    let mut sum = acc;
    for l in lanes {
        sum += l;
    }
    let mut local = 0f64;
    for x in tail {
        local += *x;
    }
    sum + local
}

#[derive(Debug)]
pub struct Sum(pub SumKind);

#[derive(Debug)]
struct SumState(SumValue, SumKind);

impl AggregateFunction for Sum {
    fn signature(&self) -> String {
        "sum".into()
    }
    fn return_type(&self) -> ChType {
        self.0.sum_type()
    }
    fn new_state(&self) -> Box<dyn AggState> {
        Box::new(SumState(SumValue::zero(self.0), self.0))
    }
    fn hot(&self) -> Option<Hot> {
        Some(Hot { op: HotOp::Sum(self.0), nulls: None })
    }
}

impl AggState for SumState {
    fn add(&mut self, args: &[ArrayRef]) -> DfResult<()> {
        self.0.add_array(&args[0])
    }
    fn retract(&mut self, args: &[ArrayRef]) -> DfResult<bool> {
        self.0.sub_array(&args[0])?;
        Ok(true)
    }
    fn can_retract(&self) -> bool {
        true
    }
    fn merge(&mut self, r: &mut Reader) -> DfResult<()> {
        let o = SumValue::read(self.1, r)?;
        self.0.add(o);
        Ok(())
    }
    fn write(&self, out: &mut Vec<u8>) {
        self.0.write(out)
    }
    fn result(&self) -> DfResult<ScalarValue> {
        Ok(self.0.scalar())
    }
    fn size(&self) -> usize {
        0
    }
}

pub fn sum(params: &[ScalarValue], args: &[ChType]) -> Result<Arc<dyn AggregateFunction>> {
    need_args("sum", params, args, 1)?;
    Ok(Arc::new(Sum(SumKind::of("sum", &args[0])?)))
}

#[derive(Debug)]
pub struct Avg(pub SumKind);

#[derive(Debug)]
struct AvgState(SumValue, u64, SumKind);

impl AggregateFunction for Avg {
    fn signature(&self) -> String {
        "avg".into()
    }
    fn return_type(&self) -> ChType {
        ChType::Float64
    }
    fn new_state(&self) -> Box<dyn AggState> {
        Box::new(AvgState(SumValue::zero(self.0), 0, self.0))
    }
    fn hot(&self) -> Option<Hot> {
        Some(Hot { op: HotOp::Avg(self.0), nulls: None })
    }
}

impl AggState for AvgState {
    fn add(&mut self, args: &[ArrayRef]) -> DfResult<()> {
        self.1 += rows(args) as u64;
        self.0.add_array(&args[0])
    }
    fn retract(&mut self, args: &[ArrayRef]) -> DfResult<bool> {
        self.1 = self.1.wrapping_sub(rows(args) as u64);
        self.0.sub_array(&args[0])?;
        Ok(true)
    }
    fn can_retract(&self) -> bool {
        true
    }
    fn merge(&mut self, r: &mut Reader) -> DfResult<()> {
        let o = SumValue::read(self.2, r)?;
        self.0.add(o);
        self.1 = self.1.wrapping_add(r.var_u64()?);
        Ok(())
    }
    fn write(&self, out: &mut Vec<u8>) {
        self.0.write(out);
        put_var_u64(out, self.1)
    }
    fn result(&self) -> DfResult<ScalarValue> {
        Ok(ScalarValue::Float64(Some(self.0.as_f64() / self.1 as f64)))
    }
    fn size(&self) -> usize {
        0
    }
}

pub fn avg(params: &[ScalarValue], args: &[ChType]) -> Result<Arc<dyn AggregateFunction>> {
    need_args("avg", params, args, 1)?;
    Ok(Arc::new(Avg(SumKind::of("avg", &args[0])?)))
}

// ---------------------------------------------------------------- min / max / any / anyLast

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum PickKind {
    Min,
    Max,
    First,
    Last,
}

/// The index of the row `kind` picks in `a` (first of equals for min/max).
pub fn pick_index(kind: PickKind, a: &dyn Array) -> DfResult<Option<usize>> {
    let n = a.len();
    if n == 0 {
        return Ok(None);
    }
    let want = match kind {
        PickKind::First => return Ok(Some(0)),
        PickKind::Last => return Ok(Some(n - 1)),
        PickKind::Min => Ordering::Less,
        PickKind::Max => Ordering::Greater,
    };
    let cmp = make_comparator(a, a, SortOptions::default())?;
    // ClickHouse skips NaN unless every value is NaN.
    let nan = |i: usize| match a.data_type() {
        DataType::Float64 => a.as_primitive::<Float64Type>().value(i).is_nan(),
        DataType::Float32 => a.as_primitive::<arrow::datatypes::Float32Type>().value(i).is_nan(),
        _ => false,
    };
    let mut best = 0;
    for i in 1..n {
        if (cmp(i, best) == want && !nan(i)) || (nan(best) && !nan(i)) {
            best = i;
        }
    }
    Ok(Some(best))
}

fn is_nan_scalar(v: &ScalarValue) -> bool {
    match v {
        ScalarValue::Float64(Some(f)) => f.is_nan(),
        ScalarValue::Float32(Some(f)) => f.is_nan(),
        _ => false,
    }
}

/// Whether `new` replaces `old` for `kind`.
pub fn better(kind: PickKind, new: &ScalarValue, old: &ScalarValue) -> bool {
    match kind {
        PickKind::First => false,
        PickKind::Last => true,
        PickKind::Min | PickKind::Max if is_nan_scalar(new) => false,
        PickKind::Min | PickKind::Max if is_nan_scalar(old) => true,
        PickKind::Min => new.partial_cmp(old) == Some(Ordering::Less),
        PickKind::Max => new.partial_cmp(old) == Some(Ordering::Greater),
    }
}

#[derive(Debug)]
pub struct Pick {
    pub name: &'static str,
    pub kind: PickKind,
    pub ty: ChType,
}

#[derive(Debug)]
struct PickState {
    kind: PickKind,
    dt: DataType,
    value: Option<ScalarValue>,
    /// Set when DataFusion asks for retraction (a sliding window frame): the rows
    /// of the frame are then kept in `frame` so the value can be recomputed.
    sliding: AtomicBool,
    frame: VecDeque<ArrayRef>,
}

impl AggregateFunction for Pick {
    fn signature(&self) -> String {
        self.name.into()
    }
    fn return_type(&self) -> ChType {
        self.ty.clone()
    }
    fn new_state(&self) -> Box<dyn AggState> {
        Box::new(PickState {
            kind: self.kind,
            dt: self.ty.to_arrow(),
            value: None,
            sliding: AtomicBool::new(false),
            frame: VecDeque::new(),
        })
    }
    fn hot(&self) -> Option<Hot> {
        let dt = self.ty.to_arrow();
        super::groups_more::min_max_groups(self.kind, &dt, None)?;
        Some(Hot { op: HotOp::Pick(self.kind, dt), nulls: None })
    }
}

impl PickState {
    fn offer(&mut self, v: ScalarValue) {
        match &self.value {
            Some(old) if !better(self.kind, &v, old) => {}
            _ => self.value = Some(v),
        }
    }
}

impl PickState {
    fn offer_array(&mut self, a: &ArrayRef) -> DfResult<()> {
        if let Some(i) = pick_index(self.kind, a.as_ref())? {
            let v = ScalarValue::try_from_array(a, i)?;
            self.offer(v);
        }
        Ok(())
    }
}

impl AggState for PickState {
    fn add(&mut self, args: &[ArrayRef]) -> DfResult<()> {
        if self.sliding.load(AtomicOrdering::Relaxed) {
            self.frame.push_back(args[0].clone());
        }
        if self.kind == PickKind::First && self.value.is_some() {
            return Ok(());
        }
        if let Some(i) = pick_index(self.kind, args[0].as_ref())? {
            let v = ScalarValue::try_from_array(&args[0], i)?;
            self.offer(v);
        }
        Ok(())
    }
    fn merge(&mut self, r: &mut Reader) -> DfResult<()> {
        if r.u8()? != 0 {
            let v = decode_scalar(r, &self.dt)?;
            self.offer(v);
        }
        Ok(())
    }
    fn write(&self, out: &mut Vec<u8>) {
        match &self.value {
            Some(v) => {
                out.push(1);
                // The value was taken from an array of a codec-supported type.
                let _ = encode_scalar(v, out);
            }
            None => out.push(0),
        }
    }
    fn result(&self) -> DfResult<ScalarValue> {
        match &self.value {
            Some(v) => Ok(v.clone()),
            None => ScalarValue::new_default(&self.dt),
        }
    }
    fn size(&self) -> usize {
        self.value.as_ref().map(|v| v.size()).unwrap_or(0)
            + self.frame.iter().map(|a| a.get_array_memory_size()).sum::<usize>()
    }
    fn retract(&mut self, args: &[ArrayRef]) -> DfResult<bool> {
        if !self.sliding.load(AtomicOrdering::Relaxed) {
            return Ok(false);
        }
        let mut n = rows(args);
        while n > 0 {
            let Some(front) = self.frame.pop_front() else { break };
            if front.len() > n {
                self.frame.push_front(front.slice(n, front.len() - n));
                n = 0;
            } else {
                n -= front.len();
            }
        }
        self.value = None;
        let frame: Vec<ArrayRef> = self.frame.iter().cloned().collect();
        for a in &frame {
            self.offer_array(a)?;
        }
        Ok(true)
    }
    fn can_retract(&self) -> bool {
        self.sliding.store(true, AtomicOrdering::Relaxed);
        true
    }
}

fn pick(
    name: &'static str,
    kind: PickKind,
    params: &[ScalarValue],
    args: &[ChType],
) -> Result<Arc<dyn AggregateFunction>> {
    need_args(name, params, args, 1)?;
    let ty = args[0].remove_low_cardinality();
    if !codec_supports(&ty.to_arrow()) {
        return Err(illegal_arg(name, &ty));
    }
    let wide_int = matches!(ty, ChType::Int128 | ChType::UInt128 | ChType::Int256 | ChType::UInt256);
    if wide_int && matches!(kind, PickKind::Min | PickKind::Max) {
        return Err(crate::error::Error::new(
            crate::error::ErrorCode::NOT_IMPLEMENTED,
            format!("{name} over {ty} is not implemented yet"),
        ));
    }
    Ok(Arc::new(Pick { name, kind, ty }))
}

pub fn min(p: &[ScalarValue], a: &[ChType]) -> Result<Arc<dyn AggregateFunction>> {
    pick("min", PickKind::Min, p, a)
}
pub fn max(p: &[ScalarValue], a: &[ChType]) -> Result<Arc<dyn AggregateFunction>> {
    pick("max", PickKind::Max, p, a)
}
pub fn any(p: &[ScalarValue], a: &[ChType]) -> Result<Arc<dyn AggregateFunction>> {
    pick("any", PickKind::First, p, a)
}
pub fn any_last(p: &[ScalarValue], a: &[ChType]) -> Result<Arc<dyn AggregateFunction>> {
    pick("anyLast", PickKind::Last, p, a)
}

// ---------------------------------------------------------------- argMin / argMax

#[derive(Debug)]
pub struct ArgPick {
    pub name: &'static str,
    pub kind: PickKind,
    pub ty: ChType,
    pub key_ty: ChType,
}

#[derive(Debug)]
struct ArgPickState {
    kind: PickKind,
    dt: DataType,
    key_dt: DataType,
    value: Option<(ScalarValue, ScalarValue)>,
}

impl AggregateFunction for ArgPick {
    fn signature(&self) -> String {
        self.name.into()
    }
    fn return_type(&self) -> ChType {
        self.ty.clone()
    }
    fn new_state(&self) -> Box<dyn AggState> {
        Box::new(ArgPickState { kind: self.kind, dt: self.ty.to_arrow(), key_dt: self.key_ty.to_arrow(), value: None })
    }
    fn hot(&self) -> Option<Hot> {
        let (val, key) = (self.ty.to_arrow(), self.key_ty.to_arrow());
        super::groups_more::arg_groups(self.kind, &val, &key, None)?;
        Some(Hot { op: HotOp::ArgPick(self.kind, val, key), nulls: None })
    }
}

impl ArgPickState {
    fn offer(&mut self, v: ScalarValue, k: ScalarValue) {
        match &self.value {
            Some((_, old)) if !better(self.kind, &k, old) => {}
            _ => self.value = Some((v, k)),
        }
    }
}

impl AggState for ArgPickState {
    fn add(&mut self, args: &[ArrayRef]) -> DfResult<()> {
        if let Some(i) = pick_index(self.kind, args[1].as_ref())? {
            let v = ScalarValue::try_from_array(&args[0], i)?;
            let k = ScalarValue::try_from_array(&args[1], i)?;
            self.offer(v, k);
        }
        Ok(())
    }
    fn merge(&mut self, r: &mut Reader) -> DfResult<()> {
        if r.u8()? != 0 {
            let v = decode_scalar(r, &self.dt)?;
            let k = decode_scalar(r, &self.key_dt)?;
            self.offer(v, k);
        }
        Ok(())
    }
    fn write(&self, out: &mut Vec<u8>) {
        match &self.value {
            Some((v, k)) => {
                out.push(1);
                let _ = encode_scalar(v, out);
                let _ = encode_scalar(k, out);
            }
            None => out.push(0),
        }
    }
    fn result(&self) -> DfResult<ScalarValue> {
        match &self.value {
            Some((v, _)) => Ok(v.clone()),
            None => ScalarValue::new_default(&self.dt),
        }
    }
    fn size(&self) -> usize {
        self.value.as_ref().map(|(v, k)| v.size() + k.size()).unwrap_or(0)
    }
}

fn arg_pick(
    name: &'static str,
    kind: PickKind,
    params: &[ScalarValue],
    args: &[ChType],
) -> Result<Arc<dyn AggregateFunction>> {
    need_args(name, params, args, 2)?;
    let ty = args[0].remove_low_cardinality();
    let key_ty = args[1].remove_low_cardinality();
    for t in [&ty, &key_ty] {
        if !codec_supports(&t.to_arrow()) {
            return Err(illegal_arg(name, t));
        }
    }
    Ok(Arc::new(ArgPick { name, kind, ty, key_ty }))
}

pub fn arg_min(p: &[ScalarValue], a: &[ChType]) -> Result<Arc<dyn AggregateFunction>> {
    arg_pick("argMin", PickKind::Min, p, a)
}
pub fn arg_max(p: &[ScalarValue], a: &[ChType]) -> Result<Arc<dyn AggregateFunction>> {
    arg_pick("argMax", PickKind::Max, p, a)
}

// ---------------------------------------------------------------- groupBitAnd / Or / Xor

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum BitOp {
    And,
    Or,
    Xor,
}

#[derive(Debug)]
pub struct GroupBit {
    pub name: &'static str,
    pub op: BitOp,
    pub ty: ChType,
}

#[derive(Debug)]
struct GroupBitState {
    op: BitOp,
    signed: bool,
    dt: DataType,
    acc: u64,
}

impl GroupBitState {
    fn apply(&mut self, v: u64) {
        match self.op {
            BitOp::And => self.acc &= v,
            BitOp::Or => self.acc |= v,
            BitOp::Xor => self.acc ^= v,
        }
    }
}

impl AggregateFunction for GroupBit {
    fn signature(&self) -> String {
        self.name.into()
    }
    fn return_type(&self) -> ChType {
        self.ty.clone()
    }
    fn new_state(&self) -> Box<dyn AggState> {
        Box::new(GroupBitState {
            op: self.op,
            signed: self.ty.is_signed_int(),
            dt: self.ty.to_arrow(),
            acc: if self.op == BitOp::And { u64::MAX } else { 0 },
        })
    }
}

impl AggState for GroupBitState {
    fn add(&mut self, args: &[ArrayRef]) -> DfResult<()> {
        if self.signed {
            let c = cast(&args[0], &DataType::Int64)?;
            for v in c.as_primitive::<Int64Type>().iter().flatten() {
                self.apply(v as u64);
            }
        } else {
            let c = cast(&args[0], &DataType::UInt64)?;
            for v in c.as_primitive::<UInt64Type>().iter().flatten() {
                self.apply(v);
            }
        }
        Ok(())
    }
    fn merge(&mut self, r: &mut Reader) -> DfResult<()> {
        let v = r.u64()?;
        self.apply(v);
        Ok(())
    }
    fn write(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&self.acc.to_le_bytes())
    }
    fn result(&self) -> DfResult<ScalarValue> {
        let wide =
            if self.signed { ScalarValue::Int64(Some(self.acc as i64)) } else { ScalarValue::UInt64(Some(self.acc)) };
        // The bits come from values of the argument type, so they fit it.
        wide.cast_to(&self.dt)
    }
    fn size(&self) -> usize {
        0
    }
}

fn group_bit(
    name: &'static str,
    op: BitOp,
    params: &[ScalarValue],
    args: &[ChType],
) -> Result<Arc<dyn AggregateFunction>> {
    need_args(name, params, args, 1)?;
    let ty = args[0].remove_low_cardinality();
    if !(ty.is_integer() && ty.bit_width().is_some_and(|w| w <= 64)) {
        return Err(illegal_arg(name, &ty));
    }
    Ok(Arc::new(GroupBit { name, op, ty }))
}

pub fn group_bit_and(p: &[ScalarValue], a: &[ChType]) -> Result<Arc<dyn AggregateFunction>> {
    group_bit("groupBitAnd", BitOp::And, p, a)
}
pub fn group_bit_or(p: &[ScalarValue], a: &[ChType]) -> Result<Arc<dyn AggregateFunction>> {
    group_bit("groupBitOr", BitOp::Or, p, a)
}
pub fn group_bit_xor(p: &[ScalarValue], a: &[ChType]) -> Result<Arc<dyn AggregateFunction>> {
    group_bit("groupBitXor", BitOp::Xor, p, a)
}
