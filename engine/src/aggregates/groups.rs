//! Vectorized `GroupsAccumulator` for the hot aggregates count, sum and avg
//! (also under the -Null adapter and -OrNull): one flat vector per group field,
//! plain loops over the group indices. Partial states are byte-identical to
//! the row-wise [`AggState`](super::AggState) ones (Nulls: u8 seen; count:
//! VarUInt; sum: the sum LE; avg: sum + VarUInt count), so either path can
//! merge the other's output.

use std::sync::Arc;

use arrow::array::{Array, ArrayRef, AsArray, BinaryBuilder, BooleanArray, PrimitiveArray};
use arrow::buffer::NullBuffer;
use arrow::compute::cast;
use arrow::datatypes::{DataType, Decimal128Type, Float64Type, Int64Type, UInt64Type};
use datafusion::error::Result as DfResult;
use datafusion::logical_expr::{EmitTo, GroupsAccumulator};

use super::basic::SumKind;
use super::state::{put_var_u64, Reader, STATE_VERSION};
use super::udaf::binary_states_of;
use super::uniq::Widen;

/// Which hot aggregate a function is, for the vectorized path.
#[derive(Debug, Clone, PartialEq)]
pub enum HotOp {
    Count,
    Sum(SumKind),
    Avg(SumKind),
    Uniq(Widen),
    UniqExact(Widen),
    /// min / max / any / anyLast of a primitive type.
    Pick(super::basic::PickKind, DataType),
    /// argMin / argMax: value type, primitive key type.
    ArgPick(super::basic::PickKind, DataType, DataType),
}

/// A hot aggregate, optionally under the -Null adapter / -OrNull.
#[derive(Debug, Clone, PartialEq)]
pub struct Hot {
    pub op: HotOp,
    /// None: no Nulls wrapper; Some(null_on_empty): wrapped (state carries the seen flag).
    pub nulls: Option<bool>,
}

#[derive(Debug, Default)]
enum Sums {
    #[default]
    None,
    Int(Vec<i64>),
    UInt(Vec<u64>),
    Float(Vec<f64>),
    Dec(Vec<i128>, u8),
}

/// The vectorized accumulator.
#[derive(Debug)]
pub struct HotGroups {
    hot: Hot,
    sums: Sums,
    counts: Vec<u64>,
    seen: Vec<bool>,
}

/// The vectorized accumulator for a hot aggregate.
pub fn create(hot: Hot) -> Option<Box<dyn GroupsAccumulator>> {
    use super::groups_more::{min_max_groups, UniqGroups};
    match &hot.op {
        HotOp::Count | HotOp::Sum(_) | HotOp::Avg(_) => Some(Box::new(HotGroups::new(hot))),
        HotOp::Uniq(w) => Some(Box::new(UniqGroups::new(false, *w, hot.nulls))),
        HotOp::UniqExact(w) => Some(Box::new(UniqGroups::new(true, *w, hot.nulls))),
        HotOp::Pick(kind, dt) => min_max_groups(*kind, dt, hot.nulls),
        HotOp::ArgPick(kind, val, key) => super::groups_more::arg_groups(*kind, val, key, hot.nulls),
    }
}

impl HotGroups {
    pub fn new(hot: Hot) -> Self {
        let sums = match hot.op {
            HotOp::Count | HotOp::Uniq(_) | HotOp::UniqExact(_) | HotOp::Pick(..) | HotOp::ArgPick(..) => Sums::None,
            HotOp::Sum(k) | HotOp::Avg(k) => match k {
                SumKind::Int => Sums::Int(Vec::new()),
                SumKind::UInt => Sums::UInt(Vec::new()),
                SumKind::Float => Sums::Float(Vec::new()),
                SumKind::Decimal(s) => Sums::Dec(Vec::new(), s),
            },
        };
        HotGroups { hot, sums, counts: Vec::new(), seen: Vec::new() }
    }

    fn counts_needed(&self) -> bool {
        matches!(self.hot.op, HotOp::Count | HotOp::Avg(_))
    }

    fn resize(&mut self, n: usize) {
        if self.counts_needed() {
            self.counts.resize(n, 0);
        }
        if self.hot.nulls.is_some() {
            self.seen.resize(n, false);
        }
        match &mut self.sums {
            Sums::None => {}
            Sums::Int(v) => v.resize(n, 0),
            Sums::UInt(v) => v.resize(n, 0),
            Sums::Float(v) => v.resize(n, 0.0),
            Sums::Dec(v, _) => v.resize(n, 0),
        }
    }

    fn len(&self) -> usize {
        match &self.sums {
            Sums::None => self.counts.len(),
            Sums::Int(v) => v.len(),
            Sums::UInt(v) => v.len(),
            Sums::Float(v) => v.len(),
            Sums::Dec(v, _) => v.len(),
        }
    }

    /// Emits (takes) the first groups as a fresh accumulator holding only them.
    fn take(&mut self, emit_to: EmitTo) -> HotGroups {
        let sums = match &mut self.sums {
            Sums::None => Sums::None,
            Sums::Int(v) => Sums::Int(emit_to.take_needed(v)),
            Sums::UInt(v) => Sums::UInt(emit_to.take_needed(v)),
            Sums::Float(v) => Sums::Float(emit_to.take_needed(v)),
            Sums::Dec(v, s) => Sums::Dec(emit_to.take_needed(v), *s),
        };
        let counts = if self.counts_needed() { emit_to.take_needed(&mut self.counts) } else { Vec::new() };
        let seen = if self.hot.nulls.is_some() { emit_to.take_needed(&mut self.seen) } else { Vec::new() };
        HotGroups { hot: self.hot.clone(), sums, counts, seen }
    }

    fn write_group(&self, g: usize, out: &mut Vec<u8>) {
        out.push(STATE_VERSION);
        if self.hot.nulls.is_some() {
            out.push(self.seen[g] as u8);
        }
        match &self.sums {
            Sums::None => {}
            Sums::Int(v) => out.extend_from_slice(&v[g].to_le_bytes()),
            Sums::UInt(v) => out.extend_from_slice(&v[g].to_le_bytes()),
            Sums::Float(v) => out.extend_from_slice(&v[g].to_le_bytes()),
            Sums::Dec(v, _) => out.extend_from_slice(&v[g].to_le_bytes()),
        }
        if self.counts_needed() {
            put_var_u64(out, self.counts[g]);
        }
    }

    fn merge_group(&mut self, g: usize, bytes: &[u8]) -> DfResult<()> {
        let mut r = Reader::versioned(bytes)?;
        if self.hot.nulls.is_some() && r.u8()? != 0 {
            self.seen[g] = true;
        }
        match &mut self.sums {
            Sums::None => {}
            Sums::Int(v) => v[g] = v[g].wrapping_add(r.i64()?),
            Sums::UInt(v) => v[g] = v[g].wrapping_add(r.u64()?),
            Sums::Float(v) => v[g] += r.f64()?,
            Sums::Dec(v, _) => v[g] = v[g].wrapping_add(r.i128()?),
        }
        if matches!(self.hot.op, HotOp::Count | HotOp::Avg(_)) {
            self.counts[g] = self.counts[g].wrapping_add(r.var_u64()?);
        }
        Ok(())
    }
}

/// Whether row `i` passes the FILTER and has a value.
#[inline]
fn take_row(filter: Option<&BooleanArray>, nulls: Option<&NullBuffer>, i: usize) -> bool {
    filter.is_none_or(|f| f.is_valid(i) && f.value(i)) && nulls.is_none_or(|n| n.is_valid(i))
}

impl GroupsAccumulator for HotGroups {
    fn update_batch(
        &mut self,
        values: &[ArrayRef],
        group_indices: &[usize],
        opt_filter: Option<&BooleanArray>,
        total_num_groups: usize,
    ) -> DfResult<()> {
        self.resize(total_num_groups);
        let Some(arr) = values.first() else { return Ok(()) };
        let nulls = arr.logical_nulls();
        let nulls = nulls.as_ref();
        macro_rules! add_sums {
            ($vec:expr, $t:ty, $dt:expr, $op:expr) => {{
                let c = if arr.data_type() == &$dt { arr.clone() } else { cast(arr, &$dt)? };
                let vals = c.as_primitive::<$t>().values();
                for (i, &g) in group_indices.iter().enumerate() {
                    if take_row(opt_filter, nulls, i) {
                        $op(&mut $vec[g], vals[i]);
                    }
                }
            }};
        }
        match &mut self.sums {
            Sums::None => {}
            Sums::Int(v) => add_sums!(v, Int64Type, DataType::Int64, |a: &mut i64, b: i64| *a = a.wrapping_add(b)),
            Sums::UInt(v) => {
                add_sums!(v, UInt64Type, DataType::UInt64, |a: &mut u64, b: u64| *a = a.wrapping_add(b))
            }
            Sums::Float(v) => add_sums!(v, Float64Type, DataType::Float64, |a: &mut f64, b: f64| *a += b),
            Sums::Dec(v, _) => {
                let dt = arr.data_type().clone();
                add_sums!(v, Decimal128Type, dt, |a: &mut i128, b: i128| *a = a.wrapping_add(b))
            }
        }
        let need_counts = self.counts_needed();
        let track_seen = self.hot.nulls.is_some();
        if need_counts || track_seen {
            for (i, &g) in group_indices.iter().enumerate() {
                if take_row(opt_filter, nulls, i) {
                    if need_counts {
                        self.counts[g] += 1;
                    }
                    if track_seen {
                        self.seen[g] = true;
                    }
                }
            }
        }
        Ok(())
    }

    fn evaluate(&mut self, emit_to: EmitTo) -> DfResult<ArrayRef> {
        let t = self.take(emit_to);
        let validity = match t.hot.nulls {
            Some(true) => Some(NullBuffer::from(t.seen.clone())),
            _ => None,
        };
        Ok(match (t.hot.op, t.sums) {
            (HotOp::Count, _) => Arc::new(PrimitiveArray::<UInt64Type>::new(t.counts.into(), validity)),
            (HotOp::Sum(_), Sums::Int(v)) => Arc::new(PrimitiveArray::<Int64Type>::new(v.into(), validity)),
            (HotOp::Sum(_), Sums::UInt(v)) => Arc::new(PrimitiveArray::<UInt64Type>::new(v.into(), validity)),
            (HotOp::Sum(_), Sums::Float(v)) => Arc::new(PrimitiveArray::<Float64Type>::new(v.into(), validity)),
            (HotOp::Sum(_), Sums::Dec(v, s)) => Arc::new(
                PrimitiveArray::<Decimal128Type>::new(v.into(), validity).with_precision_and_scale(38, s as i8)?,
            ),
            (HotOp::Avg(_), sums) => {
                let n = t.counts.len();
                let mut out = Vec::with_capacity(n);
                for g in 0..n {
                    let s = match &sums {
                        Sums::Int(v) => v[g] as f64,
                        Sums::UInt(v) => v[g] as f64,
                        Sums::Float(v) => v[g],
                        Sums::Dec(v, s) => v[g] as f64 / 10f64.powi(*s as i32),
                        Sums::None => 0.0,
                    };
                    out.push(s / t.counts[g] as f64);
                }
                Arc::new(PrimitiveArray::<Float64Type>::new(out.into(), validity))
            }
            (_, _) => {
                return Err(crate::error::Error::new(crate::error::ErrorCode::LOGICAL_ERROR, "sum without sums")
                    .into_datafusion())
            }
        })
    }

    fn state(&mut self, emit_to: EmitTo) -> DfResult<Vec<ArrayRef>> {
        let t = self.take(emit_to);
        let n = t.len();
        let mut b = BinaryBuilder::with_capacity(n, n * 12);
        let mut buf = Vec::with_capacity(32);
        for g in 0..n {
            buf.clear();
            t.write_group(g, &mut buf);
            b.append_value(&buf);
        }
        Ok(vec![Arc::new(b.finish())])
    }

    fn merge_batch(&mut self, values: &[ArrayRef], group_indices: &[usize], total_num_groups: usize) -> DfResult<()> {
        self.resize(total_num_groups);
        let Some(arr) = values.first() else { return Ok(()) };
        let bin = binary_states_of(arr)?;
        for (i, &g) in group_indices.iter().enumerate() {
            if bin.is_valid(i) {
                self.merge_group(g, bin.value(i))?;
            }
        }
        Ok(())
    }

    fn convert_to_state(&self, values: &[ArrayRef], opt_filter: Option<&BooleanArray>) -> DfResult<Vec<ArrayRef>> {
        let n = values.first().map(|a| a.len()).unwrap_or(0);
        let mut tmp = HotGroups::new(self.hot.clone());
        let idx: Vec<usize> = (0..n).collect();
        tmp.update_batch(values, &idx, opt_filter, n)?;
        tmp.state(EmitTo::All)
    }

    fn size(&self) -> usize {
        let sums = match &self.sums {
            Sums::None => 0,
            Sums::Int(v) => v.capacity() * 8,
            Sums::UInt(v) => v.capacity() * 8,
            Sums::Float(v) => v.capacity() * 8,
            Sums::Dec(v, _) => v.capacity() * 16,
        };
        sums + self.counts.capacity() * 8 + self.seen.capacity()
    }
}
