//! topK(N) — ClickHouse's current filtered SpaceSaving (src/Common/SpaceSaving.h):
//! counters are kept in insertion order (no percolation); capacity = 3·N;
//! once the list reaches max(64, 2·capacity) it is cut back to the capacity by
//! a Floyd–Rivest selection, the dropped counters adding count − error to the
//! alpha map (indexed by the key hash: intHashCRC32 for ≤ 8-byte values,
//! CityHash64 for strings). A key not monitored while the list is full enters
//! with its alpha slot's count.
//! The result is the first N after a partial sort — miniselect's Floyd–Rivest
//! selection followed by libc++'s std::sort of the head — which is what
//! decides the order of keys with equal counts. Counters compare by
//! (count − error) descending, then count descending.
//! State (after the version byte): VarUInt n + n × (key blob, u64 count, u64
//! error, u64 hash) (the partially sorted head, as ClickHouse writes it), then
//! VarUInt m + m u64 alpha values.

use std::collections::HashMap;
use std::sync::Arc;

use arrow::array::ArrayRef;
use arrow::datatypes::DataType;
use datafusion::error::Result as DfResult;
use datafusion::scalar::ScalarValue;

use super::collect::list_scalar;
use super::state::{decode_values, encode_value, put_blob, put_var_u64, Reader};
use super::udaf::{AggState, AggregateFunction};
use super::uniq::int_hash_crc32;
use super::{illegal_arg, param_i128, signature_with};
use crate::error::{Error, ErrorCode, Result};
use crate::functions::hashes::algorithms::city_hash64;
use crate::types::ChType;

#[derive(Debug, Clone)]
struct Counter {
    key: Vec<u8>,
    hash: u64,
    count: u64,
    error: u64,
}

/// ClickHouse's `Counter::operator>`: (count − error) descending, then count descending.
fn greater(a: &Counter, b: &Counter) -> bool {
    let (x, y) = (a.count.wrapping_sub(a.error), b.count.wrapping_sub(b.error));
    x > y || (x == y && a.count > b.count)
}

/// Alpha values saturate here (ClickHouse's MAX_ALPHA_VALUE).
const MAX_ALPHA: u64 = u32::MAX as u64;

// ---------------------------------------------------------------- ClickHouse's partial sort

/// miniselect's Floyd–Rivest selection loop: puts the k-th element in place.
fn select_loop<T>(v: &mut [T], mut left: isize, mut right: isize, k: isize, less: &impl Fn(&T, &T) -> bool) {
    while right > left {
        let size = right - left;
        if size > 600 {
            let n = (right - left + 1) as f64;
            let i = (k - left + 1) as f64;
            let z = n.ln();
            let s = 0.5 * (2.0 * z / 3.0).exp();
            let mut sd = 0.5 * (z * s * (n - s) / n).sqrt();
            if i < n / 2.0 {
                sd = -sd;
            }
            let new_left = left.max((k as f64 - i * s / n + sd) as isize);
            let new_right = right.min((k as f64 + (n - i) * s / n + sd) as isize);
            select_loop(v, new_left, new_right, k, less);
        }
        let mut i = left;
        let mut j = right;
        v.swap(left as usize, k as usize);
        let to_swap = less(&v[left as usize], &v[right as usize]);
        if to_swap {
            v.swap(left as usize, right as usize);
        }
        // The pivot is a reference to a slot (left when swapped, else right) in the original.
        let t_pos = if to_swap { left } else { right } as usize;
        while i < j {
            v.swap(i as usize, j as usize);
            i += 1;
            j -= 1;
            while less(&v[i as usize], &v[t_pos]) {
                i += 1;
            }
            while less(&v[t_pos], &v[j as usize]) {
                j -= 1;
            }
        }
        if to_swap {
            v.swap(left as usize, j as usize);
        } else {
            j += 1;
            v.swap(right as usize, j as usize);
        }
        if j <= k {
            left = j + 1;
        }
        if k <= j {
            right = j - 1;
        }
    }
}

/// libc++ std::sort on a short range: sorting networks up to 5, else insertion sort.
fn small_sort<T>(v: &mut [T], less: &impl Fn(&T, &T) -> bool) {
    fn sort3<T>(v: &mut [T], x: usize, y: usize, z: usize, less: &impl Fn(&T, &T) -> bool) {
        if !less(&v[y], &v[x]) {
            if !less(&v[z], &v[y]) {
                return;
            }
            v.swap(y, z);
            if less(&v[y], &v[x]) {
                v.swap(x, y);
            }
            return;
        }
        if less(&v[z], &v[y]) {
            v.swap(x, z);
            return;
        }
        v.swap(x, y);
        if less(&v[z], &v[y]) {
            v.swap(y, z);
        }
    }
    fn sink<T>(v: &mut [T], from: usize, less: &impl Fn(&T, &T) -> bool) {
        let mut p = from;
        while p > 0 && less(&v[p], &v[p - 1]) {
            v.swap(p, p - 1);
            p -= 1;
        }
    }
    match v.len() {
        0 | 1 => {}
        2 => {
            if less(&v[1], &v[0]) {
                v.swap(0, 1)
            }
        }
        3 => sort3(v, 0, 1, 2, less),
        4 | 5 => {
            sort3(v, 0, 1, 2, less);
            sink(v, 3, less);
            if v.len() == 5 {
                sink(v, 4, less);
            }
        }
        n => {
            for i in 1..n {
                sink(v, i, less);
            }
        }
    }
}

/// ClickHouse's `::partial_sort` (miniselect::floyd_rivest_partial_sort).
fn partial_sort<T>(v: &mut [T], mid: usize, less: impl Fn(&T, &T) -> bool) {
    if v.is_empty() || mid == 0 {
        return;
    }
    let mid = mid.min(v.len());
    select_loop(v, 0, v.len() as isize - 1, mid as isize - 1, &less);
    small_sort(&mut v[..mid], &less);
}

// ---------------------------------------------------------------- SpaceSaving

fn alpha_size(capacity: usize) -> usize {
    let x = (capacity as u64).saturating_mul(6).max(1);
    1usize << (64 - x.leading_zeros()).min(40)
}

#[derive(Debug, Clone)]
struct SpaceSaving {
    capacity: usize,
    /// The list is cut back to `capacity` when it reaches this size.
    target: usize,
    list: Vec<Counter>,
    slots: HashMap<Vec<u8>, usize>,
    alpha: Vec<u64>,
}

impl SpaceSaving {
    fn new(capacity: usize) -> Self {
        SpaceSaving {
            capacity,
            target: (capacity * 2).max(64),
            list: Vec::new(),
            slots: HashMap::new(),
            alpha: vec![0; alpha_size(capacity)],
        }
    }

    fn alpha_slot(&self, hash: u64) -> usize {
        (hash as usize) & (self.alpha.len() - 1)
    }

    fn push(&mut self, c: Counter) {
        self.slots.entry(c.key.clone()).or_insert(self.list.len());
        self.list.push(c);
        self.truncate_if_needed(false);
    }

    fn truncate_if_needed(&mut self, rebuild: bool) {
        if self.list.len() >= self.target {
            // ClickHouse's ::nth_element (miniselect::floyd_rivest_select) at `capacity`.
            let n = self.list.len() as isize;
            select_loop(&mut self.list, 0, n - 1, self.capacity as isize, &greater);
            for i in self.capacity..self.list.len() {
                let s = self.alpha_slot(self.list[i].hash);
                let c = &self.list[i];
                self.alpha[s] = (self.alpha[s] + c.count.wrapping_sub(c.error)).min(MAX_ALPHA);
            }
            self.list.truncate(self.capacity);
        } else if !rebuild {
            return;
        }
        self.slots.clear();
        for (i, c) in self.list.iter().enumerate() {
            self.slots.entry(c.key.clone()).or_insert(i);
        }
    }

    fn insert(&mut self, key: &[u8], hash: u64) {
        if let Some(&slot) = self.slots.get(key) {
            self.list[slot].count += 1;
            return;
        }
        if self.list.len() < self.capacity {
            self.push(Counter { key: key.to_vec(), hash, count: 1, error: 0 });
            return;
        }
        let a = self.alpha[self.alpha_slot(hash)];
        self.push(Counter { key: key.to_vec(), hash, count: a + 1, error: a });
    }

    fn merge(&mut self, other: SpaceSaving) {
        if other.list.is_empty() {
            return;
        }
        if self.list.is_empty() {
            *self = other;
            self.truncate_if_needed(true);
            return;
        }
        let m1 = if self.list.len() >= self.capacity { self.alpha.iter().copied().max().unwrap_or(0) } else { 0 };
        let m2 = if other.list.len() >= other.capacity { other.alpha.iter().copied().max().unwrap_or(0) } else { 0 };
        if m2 > 0 {
            for c in &mut self.list {
                c.count += m2;
                c.error += m2;
            }
        }
        for c in other.list {
            if let Some(&slot) = self.slots.get(&c.key) {
                let cur = &mut self.list[slot];
                cur.count = cur.count.wrapping_add(c.count.wrapping_sub(m2));
                cur.error = cur.error.wrapping_add(c.error.wrapping_sub(m2));
            } else {
                self.list.push(Counter { count: c.count + m1, error: c.error + m1, ..c });
            }
        }
        if self.alpha.len() == other.alpha.len() {
            for (a, b) in self.alpha.iter_mut().zip(other.alpha) {
                *a = (*a + b).min(MAX_ALPHA);
            }
        }
        self.truncate_if_needed(true);
    }

    /// The first `k` counters in ClickHouse's order.
    fn top(&self, k: usize) -> Vec<Counter> {
        let mut v = self.list.clone();
        let n = k.min(v.len());
        partial_sort(&mut v, n, greater);
        v.truncate(n);
        v
    }
}

// ---------------------------------------------------------------- the function

#[derive(Debug)]
pub struct TopK {
    params: Vec<ScalarValue>,
    ty: ChType,
    k: usize,
}

#[derive(Debug)]
struct TopKState {
    dt: DataType,
    k: usize,
    ss: SpaceSaving,
}

fn key_hash(key: &[u8], fixed: bool) -> u64 {
    if fixed && key.len() <= 8 {
        let mut b = [0u8; 8];
        b[..key.len()].copy_from_slice(key);
        int_hash_crc32(u64::from_le_bytes(b)) as u64
    } else {
        city_hash64(key)
    }
}

impl AggregateFunction for TopK {
    fn signature(&self) -> String {
        signature_with("topK", &self.params)
    }
    fn return_type(&self) -> ChType {
        ChType::Array(Box::new(self.ty.clone()))
    }
    fn new_state(&self) -> Box<dyn AggState> {
        Box::new(TopKState { dt: self.ty.to_arrow(), k: self.k, ss: SpaceSaving::new(self.k * 3) })
    }
}

impl AggState for TopKState {
    fn add(&mut self, args: &[ArrayRef]) -> DfResult<()> {
        let Some(a) = args.first() else { return Ok(()) };
        let a = a.as_ref();
        let fixed = a.data_type().primitive_width().is_some_and(|w| w <= 8);
        let mut k = Vec::new();
        for i in 0..a.len() {
            k.clear();
            encode_value(a, i, &mut k);
            let h = key_hash(&k, fixed);
            self.ss.insert(&k, h);
        }
        Ok(())
    }
    fn merge(&mut self, r: &mut Reader) -> DfResult<()> {
        let mut other = SpaceSaving::new(self.ss.capacity);
        let n = r.count(17)?;
        for _ in 0..n {
            let key = r.blob()?.to_vec();
            let count = r.u64()?;
            let error = r.u64()?;
            let hash = r.u64()?;
            other.list.push(Counter { key, hash, count, error });
        }
        let m = r.count(8)?;
        if m != other.alpha.len() {
            return Err(Error::new(
                ErrorCode::SIZES_OF_ARRAYS_DONT_MATCH,
                format!("Found incorrect alpha vector size (Passed: {m}. Expected: {})", other.alpha.len()),
            )
            .into_datafusion());
        }
        for a in other.alpha.iter_mut() {
            *a = r.u64()?;
        }
        other.truncate_if_needed(true);
        self.ss.merge(other);
        Ok(())
    }
    fn write(&self, out: &mut Vec<u8>) {
        let head = self.ss.top(self.ss.capacity);
        put_var_u64(out, head.len() as u64);
        for c in &head {
            put_blob(out, &c.key);
            out.extend_from_slice(&c.count.to_le_bytes());
            out.extend_from_slice(&c.error.to_le_bytes());
            out.extend_from_slice(&c.hash.to_le_bytes());
        }
        put_var_u64(out, self.ss.alpha.len() as u64);
        for a in &self.ss.alpha {
            out.extend_from_slice(&a.to_le_bytes());
        }
    }
    fn result(&self) -> DfResult<ScalarValue> {
        let top = self.ss.top(self.k);
        let bytes: Vec<u8> = top.iter().flat_map(|c| c.key.iter().copied()).collect();
        let values = decode_values(&mut Reader::new(&bytes), top.len(), &self.dt)?;
        list_scalar(values, &self.dt)
    }
    fn size(&self) -> usize {
        self.ss.list.iter().map(|c| c.key.len() * 2 + 80).sum::<usize>() + self.ss.alpha.len() * 8
    }
}

pub fn top_k(params: &[ScalarValue], args: &[ChType]) -> Result<Arc<dyn AggregateFunction>> {
    super::check_count("topK", args, 1)?;
    let ty = args[0].remove_low_cardinality();
    if !super::state::codec_supports(&ty.to_arrow()) {
        return Err(Error::new(ErrorCode::NOT_IMPLEMENTED, format!("topK over {ty} is not implemented yet")));
    }
    let k = match params.first() {
        None => 10,
        Some(p) => match param_i128(p) {
            Some(n) if n > 0 && n <= 0xFF_FFFF => n as usize,
            Some(_) => {
                return Err(Error::new(
                    ErrorCode::ARGUMENT_OUT_OF_BOUND,
                    format!("Parameter {} is illegal for aggregate function 'topK'", super::fmt_param(p)),
                ))
            }
            None => return Err(illegal_arg("topK", &ty)),
        },
    };
    Ok(Arc::new(TopK { params: params.to_vec(), ty, k }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use arrow::array::UInt64Array;

    fn top(k: usize, vals: &[u64]) -> Vec<u64> {
        let f = top_k(&[ScalarValue::UInt64(Some(k as u64))], &[ChType::UInt64]).unwrap();
        let mut st = f.new_state();
        let a: ArrayRef = Arc::new(UInt64Array::from(vals.to_vec()));
        st.add(&[a]).unwrap();
        let ScalarValue::List(l) = st.result().unwrap() else { panic!() };
        let v = l.value(0);
        v.as_any().downcast_ref::<UInt64Array>().unwrap().values().to_vec()
    }

    #[test]
    fn order_matches_chdb() {
        assert_eq!(top(3, &[1, 1, 1, 2, 2, 3, 3, 3, 3, 4]), vec![3, 1, 2]);
        assert_eq!(top(2, &[5, 4, 3, 2, 1]), vec![3, 1]);
        assert_eq!(top(1, &(0..10).map(|x| x % 3).collect::<Vec<_>>()), vec![0]);
        assert_eq!(top(3, &(0..10).map(|x| x % 5).collect::<Vec<_>>()), vec![4, 3, 0]);
        assert_eq!(top(3, &(0..100).map(|x| x % 7).collect::<Vec<_>>()), vec![1, 0, 5]);
        assert_eq!(top(10, &(0..100).map(|x| x % 7).collect::<Vec<_>>()), vec![0, 1, 5, 4, 6, 2, 3]);
        assert_eq!(top(2, &(0..7).collect::<Vec<_>>()), vec![3, 4]);
        let mut v: Vec<u64> = (1..=20).collect();
        v.extend([20, 19]);
        assert_eq!(top(2, &v), vec![20, 19]);
        // Truncation with ties: SELECT topK(3)(intDiv(number, 7) % 50) FROM numbers(1000) → [27,28,29].
        assert_eq!(top(3, &(0..1000).map(|x| x / 7 % 50).collect::<Vec<_>>()), vec![27, 28, 29]);
        // SELECT topK(5)(number % 37) FROM numbers(1000) → [0,23,27,25,24].
        assert_eq!(top(5, &(0..1000).map(|x| x % 37).collect::<Vec<_>>()), vec![0, 23, 27, 25, 24]);
    }
}
