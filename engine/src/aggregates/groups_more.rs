//! Vectorized `GroupsAccumulator`s for uniq / uniqExact over one numeric
//! argument, for min / max / any / anyLast over primitive types and for
//! argMin / argMax with a primitive key (also under the -Null
//! adapter / -OrNull). One state per group in flat vectors; partial states are
//! byte-identical to the row-wise ones (`uniq.rs`, `basic.rs`).

use std::collections::HashSet;
use std::sync::Arc;

use arrow::array::{Array, ArrayRef, AsArray, BinaryBuilder, BooleanArray, PrimitiveArray, UInt64Array};
use arrow::buffer::NullBuffer;
use arrow::datatypes::*;
use datafusion::error::Result as DfResult;
use datafusion::logical_expr::{EmitTo, GroupsAccumulator};
use datafusion::scalar::ScalarValue;

use super::basic::PickKind;
use super::state::{decode_scalar, encode_scalar, put_var_u64, Reader, STATE_VERSION};
use super::udaf::binary_states_of;
use super::uniq::{for_each_u64, UniquesHashSet, Widen};

#[inline]
fn take_row(filter: Option<&BooleanArray>, nulls: Option<&NullBuffer>, i: usize) -> bool {
    filter.is_none_or(|f| f.is_valid(i) && f.value(i)) && nulls.is_none_or(|n| n.is_valid(i))
}

fn binary_states(n: usize, mut write: impl FnMut(usize, &mut Vec<u8>)) -> ArrayRef {
    let mut b = BinaryBuilder::with_capacity(n, n * 16);
    let mut buf = Vec::with_capacity(64);
    for g in 0..n {
        buf.clear();
        buf.push(STATE_VERSION);
        write(g, &mut buf);
        b.append_value(&buf);
    }
    Arc::new(b.finish())
}

// ---------------------------------------------------------------- uniq / uniqExact

/// Per-group distinct-count states.
#[derive(Debug)]
pub struct UniqGroups {
    exact: bool,
    widen: Widen,
    nulls: Option<bool>,
    sets: Vec<UniquesHashSet>,
    exacts: Vec<HashSet<u128>>,
    seen: Vec<bool>,
}

impl UniqGroups {
    pub fn new(exact: bool, widen: Widen, nulls: Option<bool>) -> Self {
        UniqGroups { exact, widen, nulls, sets: Vec::new(), exacts: Vec::new(), seen: Vec::new() }
    }

    fn resize(&mut self, n: usize) {
        if self.exact {
            self.exacts.resize_with(n, HashSet::new);
        } else {
            self.sets.resize_with(n, UniquesHashSet::default);
        }
        if self.nulls.is_some() {
            self.seen.resize(n, false);
        }
    }

    fn take(&mut self, emit_to: EmitTo) -> UniqGroups {
        UniqGroups {
            exact: self.exact,
            widen: self.widen,
            nulls: self.nulls,
            sets: emit_to.take_needed(&mut self.sets),
            exacts: emit_to.take_needed(&mut self.exacts),
            seen: if self.nulls.is_some() { emit_to.take_needed(&mut self.seen) } else { Vec::new() },
        }
    }

    fn len(&self) -> usize {
        if self.exact {
            self.exacts.len()
        } else {
            self.sets.len()
        }
    }
}

impl GroupsAccumulator for UniqGroups {
    fn update_batch(
        &mut self,
        values: &[ArrayRef],
        group_indices: &[usize],
        opt_filter: Option<&BooleanArray>,
        total_num_groups: usize,
    ) -> DfResult<()> {
        self.resize(total_num_groups);
        let Some(arr) = values.first() else { return Ok(()) };
        let mut widened = Vec::with_capacity(arr.len());
        for_each_u64(self.widen, arr, |v| widened.push(v))?;
        let nulls = arr.logical_nulls();
        let nulls = nulls.as_ref();
        for (i, &g) in group_indices.iter().enumerate() {
            if !take_row(opt_filter, nulls, i) {
                continue;
            }
            if self.exact {
                self.exacts[g].insert(widened[i] as u128);
            } else {
                self.sets[g].insert_u64(widened[i]);
            }
            if self.nulls.is_some() {
                self.seen[g] = true;
            }
        }
        Ok(())
    }

    fn evaluate(&mut self, emit_to: EmitTo) -> DfResult<ArrayRef> {
        let t = self.take(emit_to);
        let vals: Vec<u64> = if t.exact {
            t.exacts.iter().map(|s| s.len() as u64).collect()
        } else {
            t.sets.iter().map(|s| s.estimate()).collect()
        };
        let validity = if t.nulls == Some(true) { Some(NullBuffer::from(t.seen)) } else { None };
        Ok(Arc::new(UInt64Array::new(vals.into(), validity)))
    }

    fn state(&mut self, emit_to: EmitTo) -> DfResult<Vec<ArrayRef>> {
        let t = self.take(emit_to);
        Ok(vec![binary_states(t.len(), |g, out| {
            if t.nulls.is_some() {
                out.push(t.seen[g] as u8);
            }
            if t.exact {
                put_var_u64(out, t.exacts[g].len() as u64);
                for k in &t.exacts[g] {
                    out.extend_from_slice(&k.to_le_bytes());
                }
            } else {
                t.sets[g].write(out);
            }
        })])
    }

    fn merge_batch(&mut self, values: &[ArrayRef], group_indices: &[usize], total_num_groups: usize) -> DfResult<()> {
        self.resize(total_num_groups);
        let Some(arr) = values.first() else { return Ok(()) };
        let bin = binary_states_of(arr)?;
        for (i, &g) in group_indices.iter().enumerate() {
            if !bin.is_valid(i) {
                continue;
            }
            let mut r = Reader::versioned(bin.value(i))?;
            if self.nulls.is_some() && r.u8()? != 0 {
                self.seen[g] = true;
            }
            if self.exact {
                let n = r.count(16)?;
                for _ in 0..n {
                    self.exacts[g].insert(r.i128()? as u128);
                }
            } else {
                self.sets[g].merge(&mut r)?;
            }
        }
        Ok(())
    }

    fn convert_to_state(&self, values: &[ArrayRef], opt_filter: Option<&BooleanArray>) -> DfResult<Vec<ArrayRef>> {
        let n = values.first().map(|a| a.len()).unwrap_or(0);
        let mut tmp = UniqGroups::new(self.exact, self.widen, self.nulls);
        let idx: Vec<usize> = (0..n).collect();
        tmp.update_batch(values, &idx, opt_filter, n)?;
        tmp.state(EmitTo::All)
    }

    fn size(&self) -> usize {
        self.sets.iter().map(|s| s.heap_size() + 48).sum::<usize>()
            + self.exacts.iter().map(|s| s.capacity() * 24 + 48).sum::<usize>()
            + self.seen.capacity()
    }
}

// ---------------------------------------------------------------- min / max

/// Per-group min, max, any or anyLast of a primitive type.
#[derive(Debug)]
pub struct MinMaxGroups<T: ArrowPrimitiveType> {
    kind: PickKind,
    dt: DataType,
    nulls: Option<bool>,
    vals: Vec<T::Native>,
    has: Vec<bool>,
}

impl<T: ArrowPrimitiveType> MinMaxGroups<T> {
    pub fn new(kind: PickKind, dt: DataType, nulls: Option<bool>) -> Self {
        MinMaxGroups { kind, dt, nulls, vals: Vec::new(), has: Vec::new() }
    }

    fn resize(&mut self, n: usize) {
        self.vals.resize(n, T::Native::default());
        self.has.resize(n, false);
    }

    #[inline]
    fn offer(&mut self, g: usize, v: T::Native) {
        let cur = self.vals[g];
        // NaN (the only value unequal to itself) loses unless every value is NaN.
        #[allow(clippy::eq_op)]
        let (v_nan, cur_nan) = (v != v, cur != cur);
        let better = match self.kind {
            PickKind::Max => !v_nan && (v > cur || cur_nan),
            PickKind::Min => !v_nan && (v < cur || cur_nan),
            PickKind::First => false,
            PickKind::Last => true,
        };
        if !self.has[g] || better {
            self.vals[g] = v;
            self.has[g] = true;
        }
    }
}

impl<T: ArrowPrimitiveType> GroupsAccumulator for MinMaxGroups<T> {
    fn update_batch(
        &mut self,
        values: &[ArrayRef],
        group_indices: &[usize],
        opt_filter: Option<&BooleanArray>,
        total_num_groups: usize,
    ) -> DfResult<()> {
        self.resize(total_num_groups);
        let Some(arr) = values.first() else { return Ok(()) };
        let Some(prim) = arr.as_primitive_opt::<T>() else {
            return Err(crate::error::Error::new(crate::error::ErrorCode::LOGICAL_ERROR, "min/max input type")
                .into_datafusion());
        };
        let vals = prim.values();
        let nulls = arr.logical_nulls();
        let nulls = nulls.as_ref();
        for (i, &g) in group_indices.iter().enumerate() {
            if take_row(opt_filter, nulls, i) {
                self.offer(g, vals[i]);
            }
        }
        Ok(())
    }

    fn evaluate(&mut self, emit_to: EmitTo) -> DfResult<ArrayRef> {
        let vals = emit_to.take_needed(&mut self.vals);
        let has = emit_to.take_needed(&mut self.has);
        let validity = if self.nulls == Some(true) { Some(NullBuffer::from(has)) } else { None };
        Ok(Arc::new(PrimitiveArray::<T>::new(vals.into(), validity).with_data_type(self.dt.clone())))
    }

    fn state(&mut self, emit_to: EmitTo) -> DfResult<Vec<ArrayRef>> {
        let vals = emit_to.take_needed(&mut self.vals);
        let has = emit_to.take_needed(&mut self.has);
        let wrapped = self.nulls.is_some();
        Ok(vec![binary_states(vals.len(), |g, out| {
            if wrapped {
                out.push(has[g] as u8);
            }
            if has[g] {
                out.push(1);
                out.extend_from_slice(vals[g].to_byte_slice());
            } else {
                out.push(0);
            }
        })])
    }

    fn merge_batch(&mut self, values: &[ArrayRef], group_indices: &[usize], total_num_groups: usize) -> DfResult<()> {
        self.resize(total_num_groups);
        let Some(arr) = values.first() else { return Ok(()) };
        let bin = binary_states_of(arr)?;
        let width = std::mem::size_of::<T::Native>();
        for (i, &g) in group_indices.iter().enumerate() {
            if !bin.is_valid(i) {
                continue;
            }
            let mut r = Reader::versioned(bin.value(i))?;
            if self.nulls.is_some() {
                r.u8()?;
            }
            if r.u8()? != 0 {
                let bytes = r.bytes(width)?;
                let buf = arrow::buffer::Buffer::from(bytes.to_vec());
                let v = arrow::buffer::ScalarBuffer::<T::Native>::new(buf, 0, 1)[0];
                self.offer(g, v);
            }
        }
        Ok(())
    }

    fn convert_to_state(&self, values: &[ArrayRef], opt_filter: Option<&BooleanArray>) -> DfResult<Vec<ArrayRef>> {
        let n = values.first().map(|a| a.len()).unwrap_or(0);
        let mut tmp = MinMaxGroups::<T>::new(self.kind, self.dt.clone(), self.nulls);
        let idx: Vec<usize> = (0..n).collect();
        tmp.update_batch(values, &idx, opt_filter, n)?;
        tmp.state(EmitTo::All)
    }

    fn size(&self) -> usize {
        self.vals.capacity() * std::mem::size_of::<T::Native>() + self.has.capacity()
    }
}

/// The min/max/any/anyLast groups accumulator for a primitive Arrow type, if supported.
pub fn min_max_groups(kind: PickKind, dt: &DataType, nulls: Option<bool>) -> Option<Box<dyn GroupsAccumulator>> {
    macro_rules! mk {
        ($t:ty) => {
            Some(Box::new(MinMaxGroups::<$t>::new(kind, dt.clone(), nulls)))
        };
    }
    match dt {
        DataType::Int8 => mk!(Int8Type),
        DataType::Int16 => mk!(Int16Type),
        DataType::Int32 => mk!(Int32Type),
        DataType::Int64 => mk!(Int64Type),
        DataType::UInt8 => mk!(UInt8Type),
        DataType::UInt16 => mk!(UInt16Type),
        DataType::UInt32 => mk!(UInt32Type),
        DataType::UInt64 => mk!(UInt64Type),
        DataType::Float32 => mk!(Float32Type),
        DataType::Float64 => mk!(Float64Type),
        DataType::Date32 => mk!(Date32Type),
        DataType::Timestamp(TimeUnit::Second, None) => mk!(TimestampSecondType),
        DataType::Timestamp(TimeUnit::Millisecond, None) => mk!(TimestampMillisecondType),
        DataType::Timestamp(TimeUnit::Microsecond, None) => mk!(TimestampMicrosecondType),
        DataType::Timestamp(TimeUnit::Nanosecond, None) => mk!(TimestampNanosecondType),
        DataType::Decimal128(..) => mk!(Decimal128Type),
        _ => None,
    }
}

// ---------------------------------------------------------------- argMin / argMax

/// Per-group argMin / argMax with a primitive key; the value is kept as a scalar
/// and only extracted when a group's best row changes.
#[derive(Debug)]
pub struct ArgGroups<K: ArrowPrimitiveType> {
    kind: PickKind,
    val_dt: DataType,
    key_dt: DataType,
    nulls: Option<bool>,
    keys: Vec<K::Native>,
    has: Vec<bool>,
    vals: Vec<Option<ScalarValue>>,
    pending: Vec<Option<usize>>,
}

impl<K: ArrowPrimitiveType> ArgGroups<K> {
    pub fn new(kind: PickKind, val_dt: DataType, key_dt: DataType, nulls: Option<bool>) -> Self {
        ArgGroups {
            kind,
            val_dt,
            key_dt,
            nulls,
            keys: Vec::new(),
            has: Vec::new(),
            vals: Vec::new(),
            pending: Vec::new(),
        }
    }

    fn resize(&mut self, n: usize) {
        self.keys.resize(n, K::Native::default());
        self.has.resize(n, false);
        self.vals.resize(n, None);
        self.pending.resize(n, None);
    }

    /// Whether key `k` beats the group's current key.
    #[inline]
    fn beats(&self, g: usize, k: K::Native) -> bool {
        if !self.has[g] {
            return true;
        }
        let cur = self.keys[g];
        #[allow(clippy::eq_op)]
        let (k_nan, cur_nan) = (k != k, cur != cur);
        match self.kind {
            PickKind::Max => !k_nan && (k > cur || cur_nan),
            PickKind::Min => !k_nan && (k < cur || cur_nan),
            PickKind::First => false,
            PickKind::Last => true,
        }
    }

    fn empty_value(&self) -> DfResult<ScalarValue> {
        if self.nulls == Some(true) {
            ScalarValue::try_from(&self.val_dt)
        } else {
            ScalarValue::new_default(&self.val_dt)
        }
    }
}

impl<K: ArrowPrimitiveType> GroupsAccumulator for ArgGroups<K> {
    fn update_batch(
        &mut self,
        values: &[ArrayRef],
        group_indices: &[usize],
        opt_filter: Option<&BooleanArray>,
        total_num_groups: usize,
    ) -> DfResult<()> {
        self.resize(total_num_groups);
        let (Some(val), Some(key)) = (values.first(), values.get(1)) else { return Ok(()) };
        let Some(kp) = key.as_primitive_opt::<K>() else {
            return Err(crate::error::Error::new(crate::error::ErrorCode::LOGICAL_ERROR, "argMin/argMax key type")
                .into_datafusion());
        };
        let keys = kp.values();
        let nulls = NullBuffer::union(val.logical_nulls().as_ref(), key.logical_nulls().as_ref());
        let nulls = nulls.as_ref();
        let mut touched = Vec::new();
        for (i, &g) in group_indices.iter().enumerate() {
            if take_row(opt_filter, nulls, i) && self.beats(g, keys[i]) {
                self.keys[g] = keys[i];
                self.has[g] = true;
                if self.pending[g].replace(i).is_none() {
                    touched.push(g);
                }
            }
        }
        for g in touched {
            if let Some(row) = self.pending[g].take() {
                self.vals[g] = Some(ScalarValue::try_from_array(val, row)?);
            }
        }
        Ok(())
    }

    fn evaluate(&mut self, emit_to: EmitTo) -> DfResult<ArrayRef> {
        let vals = emit_to.take_needed(&mut self.vals);
        let _ = emit_to.take_needed(&mut self.keys);
        let _ = emit_to.take_needed(&mut self.has);
        let _ = emit_to.take_needed(&mut self.pending);
        let empty = self.empty_value()?;
        if vals.is_empty() {
            return Ok(arrow::array::new_empty_array(&self.val_dt));
        }
        ScalarValue::iter_to_array(vals.into_iter().map(|v| v.unwrap_or_else(|| empty.clone())))
    }

    fn state(&mut self, emit_to: EmitTo) -> DfResult<Vec<ArrayRef>> {
        let vals = emit_to.take_needed(&mut self.vals);
        let keys = emit_to.take_needed(&mut self.keys);
        let has = emit_to.take_needed(&mut self.has);
        let _ = emit_to.take_needed(&mut self.pending);
        let wrapped = self.nulls.is_some();
        Ok(vec![binary_states(vals.len(), |g, out| {
            if wrapped {
                out.push(has[g] as u8);
            }
            match (&vals[g], has[g]) {
                (Some(v), true) => {
                    out.push(1);
                    let _ = encode_scalar(v, out);
                    out.extend_from_slice(keys[g].to_byte_slice());
                }
                _ => out.push(0),
            }
        })])
    }

    fn merge_batch(&mut self, values: &[ArrayRef], group_indices: &[usize], total_num_groups: usize) -> DfResult<()> {
        self.resize(total_num_groups);
        let Some(arr) = values.first() else { return Ok(()) };
        let bin = binary_states_of(arr)?;
        for (i, &g) in group_indices.iter().enumerate() {
            if !bin.is_valid(i) {
                continue;
            }
            let mut r = Reader::versioned(bin.value(i))?;
            if self.nulls.is_some() {
                r.u8()?;
            }
            if r.u8()? != 0 {
                let v = decode_scalar(&mut r, &self.val_dt)?;
                let k = decode_scalar(&mut r, &self.key_dt)?.to_array()?;
                let Some(k) = k.as_primitive_opt::<K>().map(|p| p.value(0)) else { continue };
                if self.beats(g, k) {
                    self.keys[g] = k;
                    self.has[g] = true;
                    self.vals[g] = Some(v);
                }
            }
        }
        Ok(())
    }

    fn convert_to_state(&self, values: &[ArrayRef], opt_filter: Option<&BooleanArray>) -> DfResult<Vec<ArrayRef>> {
        let n = values.first().map(|a| a.len()).unwrap_or(0);
        let mut tmp = ArgGroups::<K>::new(self.kind, self.val_dt.clone(), self.key_dt.clone(), self.nulls);
        let idx: Vec<usize> = (0..n).collect();
        tmp.update_batch(values, &idx, opt_filter, n)?;
        tmp.state(EmitTo::All)
    }

    fn size(&self) -> usize {
        self.keys.capacity() * std::mem::size_of::<K::Native>()
            + self.has.capacity()
            + self.pending.capacity() * 16
            + self.vals.iter().map(|v| v.as_ref().map(|s| s.size()).unwrap_or(16)).sum::<usize>()
    }
}

/// The argMin/argMax groups accumulator for a primitive key type, if supported.
pub fn arg_groups(
    kind: PickKind,
    val_dt: &DataType,
    key_dt: &DataType,
    nulls: Option<bool>,
) -> Option<Box<dyn GroupsAccumulator>> {
    macro_rules! mk {
        ($t:ty) => {
            Some(Box::new(ArgGroups::<$t>::new(kind, val_dt.clone(), key_dt.clone(), nulls)))
        };
    }
    match key_dt {
        DataType::Int8 => mk!(Int8Type),
        DataType::Int16 => mk!(Int16Type),
        DataType::Int32 => mk!(Int32Type),
        DataType::Int64 => mk!(Int64Type),
        DataType::UInt8 => mk!(UInt8Type),
        DataType::UInt16 => mk!(UInt16Type),
        DataType::UInt32 => mk!(UInt32Type),
        DataType::UInt64 => mk!(UInt64Type),
        DataType::Float32 => mk!(Float32Type),
        DataType::Float64 => mk!(Float64Type),
        DataType::Date32 => mk!(Date32Type),
        DataType::Timestamp(TimeUnit::Second, None) => mk!(TimestampSecondType),
        DataType::Timestamp(TimeUnit::Millisecond, None) => mk!(TimestampMillisecondType),
        DataType::Timestamp(TimeUnit::Microsecond, None) => mk!(TimestampMicrosecondType),
        DataType::Timestamp(TimeUnit::Nanosecond, None) => mk!(TimestampNanosecondType),
        DataType::Decimal128(..) => mk!(Decimal128Type),
        _ => None,
    }
}
