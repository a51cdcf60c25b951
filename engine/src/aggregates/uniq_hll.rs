//! uniqCombined(K) and uniqHLL12: an exact set that turns into a HyperLogLog
//! sketch (ClickHouse's CombinedCardinalityEstimator and
//! HyperLogLogWithSmallSetOptimization, 32-bit hashes, FullFeatured estimate
//! with the trivial bias estimator).
//!
//! - uniqCombined(K) (K = 12..20, default 17): every value becomes a 32-bit
//!   hash (numbers: the low 32 bits of `intHash64` of the widened UInt64;
//!   strings: of CityHash64). Up to 2^(K-4) distinct hashes are counted
//!   exactly, then 2^K registers.
//! - uniqHLL12: up to 16 distinct values (numbers widened to UInt64, strings by
//!   CityHash64) are counted exactly, then 2^12 registers fed with `intHash32`
//!   of the value (numbers) or the low 32 bits of CityHash64 (strings).
//!
//! Register index = low K bits of the hash, rank = trailing zeros of the
//! remaining bits + 1 (32 - K + 1 when they are all zero). Estimate: raw =
//! α·m²/Σ2^-rank; above 2^32/30 the large-range correction; at most 2.5·m
//! with empty registers, linear counting m·ln(m/zeros); rounded to nearest.
//! State (after the version byte): u8 0 + VarUInt n + n u64 keys (exact set),
//! or u8 1 + 2^K register bytes.

use std::collections::HashSet;
use std::sync::Arc;

use arrow::array::{Array, ArrayRef, AsArray};
use arrow::datatypes::DataType;
use datafusion::error::Result as DfResult;
use datafusion::scalar::ScalarValue;

use super::state::{put_var_u64, Reader};
use super::udaf::{AggState, AggregateFunction};
use super::uniq::{for_each_u64, int_hash64, widen_of, Widen};
use super::{param_i128, signature_with};
use crate::error::{Error, ErrorCode, Result};
use crate::functions::hashes::algorithms::{city_hash64, hash128_to_64};
use crate::types::ChType;

/// ClickHouse's intHash32 (Thomas Wang's 64 → 32 bit mix, salt 0).
pub fn int_hash32(key: u64) -> u32 {
    let mut k = (!key).wrapping_add(key << 18);
    k ^= k.rotate_right(31);
    k = k.wrapping_mul(21);
    k ^= k.rotate_right(11);
    k = k.wrapping_add(k << 6);
    k ^= k.rotate_right(22);
    k as u32
}

/// How one argument becomes a key.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Arg {
    Number(Widen),
    Bytes,
}

/// Which function: decides the key and the register hash.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Flavor {
    Combined,
    Hll12,
}

#[derive(Debug)]
pub struct UniqHll {
    flavor: Flavor,
    k: u8,
    params: Vec<ScalarValue>,
    args: Vec<Arg>,
}

#[derive(Debug)]
struct HllState {
    flavor: Flavor,
    k: u8,
    args: Vec<Arg>,
    small: HashSet<u64>,
    /// Empty while the exact set is used.
    regs: Vec<u8>,
}

impl AggregateFunction for UniqHll {
    fn signature(&self) -> String {
        match self.flavor {
            Flavor::Combined => signature_with("uniqCombined", &self.params),
            Flavor::Hll12 => "uniqHLL12".into(),
        }
    }
    fn return_type(&self) -> ChType {
        ChType::UInt64
    }
    fn new_state(&self) -> Box<dyn AggState> {
        Box::new(HllState {
            flavor: self.flavor,
            k: self.k,
            args: self.args.clone(),
            small: HashSet::new(),
            regs: Vec::new(),
        })
    }
}

impl HllState {
    fn small_max(&self) -> usize {
        match self.flavor {
            Flavor::Combined => 1 << (self.k - 4),
            Flavor::Hll12 => 16,
        }
    }

    /// The 32-bit register hash of a key.
    fn reg_hash(&self, key: u64) -> u32 {
        match (self.flavor, self.args.as_slice()) {
            (Flavor::Hll12, [Arg::Number(_)]) => int_hash32(key),
            _ => key as u32,
        }
    }

    fn insert_reg(&mut self, h: u32) {
        let k = self.k as u32;
        let idx = (h & ((1u32 << k) - 1)) as usize;
        let rest = h >> k;
        let rank = if rest == 0 { 32 - k + 1 } else { rest.trailing_zeros() + 1 } as u8;
        if let Some(r) = self.regs.get_mut(idx) {
            if *r < rank {
                *r = rank;
            }
        }
    }

    fn make_large(&mut self) {
        self.regs = vec![0; 1 << self.k];
        let keys: Vec<u64> = self.small.drain().collect();
        for key in keys {
            let h = self.reg_hash(key);
            self.insert_reg(h);
        }
    }

    fn insert(&mut self, key: u64) {
        if self.regs.is_empty() {
            self.small.insert(key);
            if self.small.len() > self.small_max() {
                self.make_large();
            }
        } else {
            let h = self.reg_hash(key);
            self.insert_reg(h);
        }
    }

    fn estimate(&self) -> u64 {
        if self.regs.is_empty() {
            return self.small.len() as u64;
        }
        let m = self.regs.len() as f64;
        let alpha = match self.regs.len() {
            16 => 0.673,
            32 => 0.697,
            64 => 0.709,
            _ => 0.7213 / (1.0 + 1.079 / m),
        };
        let mut by_rank = [0u64; 34];
        for r in &self.regs {
            by_rank[(*r as usize).min(33)] += 1;
        }
        let denominator: f64 = by_rank.iter().enumerate().map(|(r, c)| *c as f64 * 2f64.powi(-(r as i32))).sum();
        let raw = alpha * m * m / denominator;
        let zeros = by_rank[0];
        let pow2_32 = 4294967296.0;
        let est = if raw > pow2_32 / 30.0 {
            -pow2_32 * (1.0 - raw / pow2_32).ln()
        } else if raw <= 2.5 * m && zeros > 0 {
            m * (m / zeros as f64).ln()
        } else {
            raw
        };
        est.round() as u64
    }

    fn keys(&self, args: &[ArrayRef]) -> DfResult<Vec<u64>> {
        let n = args.first().map(|a| a.len()).unwrap_or(0);
        let mut cols: Vec<Vec<u64>> = Vec::with_capacity(args.len());
        for (kind, a) in self.args.iter().zip(args) {
            let mut out = Vec::with_capacity(n);
            match kind {
                Arg::Bytes => match a.data_type() {
                    DataType::BinaryView => {
                        out.extend(a.as_binary_view().iter().map(|v| city_hash64(v.unwrap_or(&[]))))
                    }
                    DataType::FixedSizeBinary(_) => {
                        let f = a.as_fixed_size_binary();
                        out.extend((0..f.len()).map(|i| city_hash64(f.value(i))))
                    }
                    other => {
                        return Err(Error::new(ErrorCode::LOGICAL_ERROR, format!("uniqCombined over {other}"))
                            .into_datafusion())
                    }
                },
                Arg::Number(w) => {
                    let single = self.args.len() == 1;
                    let flavor = self.flavor;
                    for_each_u64(*w, a, |v| {
                        out.push(match (single, flavor) {
                            (true, Flavor::Combined) => int_hash64(v) & 0xFFFF_FFFF,
                            (true, Flavor::Hll12) => v,
                            (false, _) => city_hash64(&v.to_le_bytes()),
                        })
                    })?;
                }
            }
            cols.push(out);
        }
        let Some((first, rest)) = cols.split_first() else { return Ok(Vec::new()) };
        if rest.is_empty() {
            if self.flavor == Flavor::Combined && self.args.first() == Some(&Arg::Bytes) {
                return Ok(first.iter().map(|h| h & 0xFFFF_FFFF).collect());
            }
            return Ok(first.clone());
        }
        Ok(first
            .iter()
            .enumerate()
            .map(|(i, h0)| {
                let h = rest.iter().fold(*h0, |h, c| hash128_to_64(c[i], h));
                if self.flavor == Flavor::Combined {
                    h & 0xFFFF_FFFF
                } else {
                    h
                }
            })
            .collect())
    }
}

impl AggState for HllState {
    fn add(&mut self, args: &[ArrayRef]) -> DfResult<()> {
        for key in self.keys(args)? {
            self.insert(key);
        }
        Ok(())
    }
    fn merge(&mut self, r: &mut Reader) -> DfResult<()> {
        match r.u8()? {
            0 => {
                let n = r.count(8)?;
                for _ in 0..n {
                    let key = r.u64()?;
                    self.insert(key);
                }
            }
            _ => {
                let other = r.bytes(1 << self.k)?;
                if self.regs.is_empty() {
                    self.make_large();
                }
                for (a, b) in self.regs.iter_mut().zip(other) {
                    *a = (*a).max(*b);
                }
            }
        }
        Ok(())
    }
    fn write(&self, out: &mut Vec<u8>) {
        if self.regs.is_empty() {
            out.push(0);
            put_var_u64(out, self.small.len() as u64);
            let mut keys: Vec<u64> = self.small.iter().copied().collect();
            keys.sort_unstable();
            for k in keys {
                out.extend_from_slice(&k.to_le_bytes());
            }
        } else {
            out.push(1);
            out.extend_from_slice(&self.regs);
        }
    }
    fn result(&self) -> DfResult<ScalarValue> {
        Ok(ScalarValue::UInt64(Some(self.estimate())))
    }
    fn size(&self) -> usize {
        self.small.capacity() * 8 + self.regs.capacity()
    }
}

fn arg_kinds(name: &str, args: &[ChType]) -> Result<Vec<Arg>> {
    if args.is_empty() {
        return Err(Error::new(
            ErrorCode::NUMBER_OF_ARGUMENTS_DOESNT_MATCH,
            format!("Incorrect number of arguments for aggregate function {name}"),
        ));
    }
    args.iter()
        .map(|a| {
            if a.is_string_or_fixed() {
                Ok(Arg::Bytes)
            } else {
                widen_of(a).map(Arg::Number).ok_or_else(|| {
                    Error::new(ErrorCode::NOT_IMPLEMENTED, format!("{name} over {a} is not implemented yet"))
                })
            }
        })
        .collect()
}

pub fn uniq_combined(params: &[ScalarValue], args: &[ChType]) -> Result<Arc<dyn AggregateFunction>> {
    let k = match params {
        [] => 17,
        [p] => match param_i128(p) {
            Some(k) if (12..=20).contains(&k) => k as u8,
            _ => {
                return Err(Error::new(
                    ErrorCode::ARGUMENT_OUT_OF_BOUND,
                    "Parameter for aggregate function uniqCombined is out of range: [12, 20].",
                ))
            }
        },
        _ => {
            return Err(Error::new(
                ErrorCode::NUMBER_OF_ARGUMENTS_DOESNT_MATCH,
                "Aggregate function uniqCombined requires one parameter or less.",
            ))
        }
    };
    let kinds = arg_kinds("uniqCombined", args)?;
    Ok(Arc::new(UniqHll { flavor: Flavor::Combined, k, params: params.to_vec(), args: kinds }))
}

pub fn uniq_hll12(params: &[ScalarValue], args: &[ChType]) -> Result<Arc<dyn AggregateFunction>> {
    super::no_params("uniqHLL12", params)?;
    let kinds = arg_kinds("uniqHLL12", args)?;
    Ok(Arc::new(UniqHll { flavor: Flavor::Hll12, k: 12, params: Vec::new(), args: kinds }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use arrow::array::UInt64Array;

    fn count(f: Arc<dyn AggregateFunction>, n: u64) -> u64 {
        let mut st = f.new_state();
        let a: ArrayRef = Arc::new(UInt64Array::from((0..n).collect::<Vec<_>>()));
        st.add(&[a]).unwrap();
        match st.result().unwrap() {
            ScalarValue::UInt64(Some(v)) => v,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn matches_chdb_on_numbers() {
        // chdb: uniqCombined(number), uniqHLL12(number) FROM numbers(n)
        for (n, comb, hll) in
            [(16, 16, 16), (17, 17, 15), (8192, 8192, 7121), (8193, 8218, 7127), (100000, 100314, 101344)]
        {
            assert_eq!(count(uniq_combined(&[], &[ChType::UInt64]).unwrap(), n), comb, "uniqCombined {n}");
            assert_eq!(count(uniq_hll12(&[], &[ChType::UInt64]).unwrap(), n), hll, "uniqHLL12 {n}");
        }
    }

    #[test]
    fn int_hash32_known_value() {
        // ClickHouse intHash32 (values also checked through the uniqHLL12 counts above).
        assert_eq!(int_hash32(0), 0);
        assert_eq!(int_hash32(1), 3788511810);
        assert_eq!(int_hash32(12345), 4212299275);
    }
}
