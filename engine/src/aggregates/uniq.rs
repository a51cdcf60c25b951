//! uniq (ClickHouse's UniquesHashSet: adaptive sampling of 32-bit hashes) and
//! uniqExact (exact distinct count). uniqCombined / uniqHLL12 are in `uniq_hll.rs`.
//!
//! How ClickHouse hashes for `uniq` (AggregateFunctionUniq.h): a number is
//! widened to UInt64 (signed values sign-extended, Float32/Float64 by their
//! bits), then `intHash64`; the set keeps the low 32 bits. A string is
//! CityHash64 v1.0.2 of its bytes, then `intHash64`. Several arguments: the
//! CityHash64 of each value's column bytes, folded with Hash128to64.
//! UniquesHashSet keeps at most 2^16 hashes; when full it raises
//! `skip_degree` and keeps only hashes whose low `skip_degree` bits are 0; the
//! estimate scales back up and corrects for 32-bit collisions.
//! State (after the version byte): u8 skip_degree, VarUInt size, then the u32
//! hashes (as ClickHouse writes them).
//! uniqExact state: VarUInt n, then n u128 keys (value bits, or xxh3-128 of
//! the encoded row for strings and several arguments).

use std::collections::HashSet;
use std::sync::Arc;

use arrow::array::{Array, ArrayRef, AsArray};
use arrow::compute::cast;
use arrow::datatypes::{DataType, Float32Type, Float64Type, Int64Type, UInt64Type};
use datafusion::error::Result as DfResult;
use datafusion::scalar::ScalarValue;

use super::combinators::row_key;
use super::groups::{Hot, HotOp};
use super::state::{codec_supports, put_var_u64, Reader};
use super::udaf::{rows, AggState, AggregateFunction};
use super::{illegal_arg, no_params};
use crate::error::{Error, ErrorCode, Result};
use crate::functions::hashes::algorithms::{city_hash64, hash128_to_64};
use crate::types::ChType;

/// ClickHouse's intHash64 (MurmurHash3 finalizer).
pub fn int_hash64(mut x: u64) -> u64 {
    x ^= x >> 33;
    x = x.wrapping_mul(0xff51afd7ed558ccd);
    x ^= x >> 33;
    x = x.wrapping_mul(0xc4ceb9fe1a85ec53);
    x ^= x >> 33;
    x
}

/// ClickHouse's intHashCRC32: CRC-32C of the 8 bytes of `x`, seeded with all ones, no final xor.
pub fn int_hash_crc32(x: u64) -> u32 {
    let mut crc: u32 = 0xFFFF_FFFF;
    for b in x.to_le_bytes() {
        crc ^= b as u32;
        for _ in 0..8 {
            crc = if crc & 1 != 0 { (crc >> 1) ^ 0x82F6_3B78 } else { crc >> 1 };
        }
    }
    crc
}

/// How the values of the argument are turned into the UInt64 that is hashed.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Widen {
    Signed,
    Unsigned,
    /// Date: Arrow Date32 holds what ClickHouse stores as UInt16.
    Date,
    F32,
    F64,
}

pub fn widen_of(t: &ChType) -> Option<Widen> {
    Some(match t.base() {
        ChType::Date => Widen::Date,
        ChType::Float32 => Widen::F32,
        ChType::Float64 => Widen::F64,
        t if (t.is_signed_int() || matches!(t, ChType::Enum8(_) | ChType::Enum16(_) | ChType::Date32))
            && t.bit_width().unwrap_or(32) <= 64 =>
        {
            Widen::Signed
        }
        ChType::Enum8(_) | ChType::Enum16(_) | ChType::Date32 => Widen::Signed,
        t if t.is_unsigned_int() && t.bit_width().is_some_and(|w| w <= 64) => Widen::Unsigned,
        ChType::Bool | ChType::IPv4 | ChType::DateTime(_) => Widen::Unsigned,
        ChType::DateTime64(..) => Widen::Signed,
        _ => return None,
    })
}

/// Calls `f` with the widened UInt64 of every value of `a`.
pub fn for_each_u64(w: Widen, a: &ArrayRef, mut f: impl FnMut(u64)) -> DfResult<()> {
    match w {
        Widen::F32 => a.as_primitive::<Float32Type>().values().iter().for_each(|v| f(v.to_bits() as u64)),
        Widen::F64 => a.as_primitive::<Float64Type>().values().iter().for_each(|v| f(v.to_bits())),
        Widen::Signed => {
            let c = cast(a, &DataType::Int64)?;
            c.as_primitive::<Int64Type>().values().iter().for_each(|v| f(*v as u64))
        }
        Widen::Unsigned => {
            let c = match a.data_type() {
                DataType::Timestamp(..) => cast(&cast(a, &DataType::Int64)?, &DataType::UInt64)?,
                DataType::Boolean => cast(a, &DataType::UInt64)?,
                _ => cast(a, &DataType::UInt64)?,
            };
            c.as_primitive::<UInt64Type>().values().iter().for_each(|v| f(*v))
        }
        Widen::Date => {
            let c = cast(a, &DataType::Int64)?;
            c.as_primitive::<Int64Type>().values().iter().for_each(|v| f(*v as u16 as u64))
        }
    }
    Ok(())
}

// ---------------------------------------------------------------- UniquesHashSet

const MAX_SIZE_DEGREE: u32 = 17;
const MAX_SIZE: usize = 1 << (MAX_SIZE_DEGREE - 1);
const BITS_FOR_SKIP: u32 = 32 - MAX_SIZE_DEGREE;
const INITIAL_SIZE_DEGREE: u32 = 4;

/// ClickHouse's UniquesHashSet over 32-bit hashes.
#[derive(Debug, Clone)]
pub struct UniquesHashSet {
    size: usize,
    size_degree: u32,
    skip_degree: u32,
    has_zero: bool,
    buf: Vec<u32>,
}

impl Default for UniquesHashSet {
    fn default() -> Self {
        UniquesHashSet {
            size: 0,
            size_degree: INITIAL_SIZE_DEGREE,
            skip_degree: 0,
            has_zero: false,
            buf: vec![0; 1 << INITIAL_SIZE_DEGREE],
        }
    }
}

impl UniquesHashSet {
    fn mask(&self) -> usize {
        (1usize << self.size_degree) - 1
    }

    fn place(&self, x: u32) -> usize {
        ((x >> BITS_FOR_SKIP) as usize) & self.mask()
    }

    fn good(&self, x: u32) -> bool {
        (x as u64) & ((1u64 << self.skip_degree) - 1) == 0
    }

    fn max_fill(&self) -> usize {
        1 << (self.size_degree - 1)
    }

    fn insert_impl(&mut self, x: u32) {
        if x == 0 {
            if !self.has_zero {
                self.size += 1;
                self.has_zero = true;
            }
            return;
        }
        let mask = self.mask();
        let mut pos = self.place(x);
        while self.buf[pos] != 0 && self.buf[pos] != x {
            pos = (pos + 1) & mask;
        }
        if self.buf[pos] == x {
            return;
        }
        self.buf[pos] = x;
        self.size += 1;
    }

    fn reinsert_all(&mut self, old: Vec<u32>) {
        for x in old {
            if x != 0 && self.good(x) {
                self.insert_impl(x);
            }
        }
    }

    fn resize(&mut self) {
        let old = std::mem::take(&mut self.buf);
        self.size_degree += 1;
        self.buf = vec![0; 1 << self.size_degree];
        self.size = self.has_zero as usize;
        self.reinsert_all(old);
    }

    fn rehash(&mut self) {
        let old = std::mem::replace(&mut self.buf, vec![0; 1 << self.size_degree]);
        self.size = self.has_zero as usize;
        self.reinsert_all(old);
    }

    fn shrink_if_need(&mut self) {
        if self.size > self.max_fill() {
            if self.size > MAX_SIZE {
                while self.size > MAX_SIZE {
                    self.skip_degree += 1;
                    self.rehash();
                }
            } else {
                self.resize();
            }
        }
    }

    /// Inserts a 32-bit hash.
    pub fn insert_hash(&mut self, h: u32) {
        if !self.good(h) {
            return;
        }
        self.insert_impl(h);
        self.shrink_if_need();
    }

    /// Inserts a widened value (hashed with intHash64, low 32 bits kept).
    pub fn insert_u64(&mut self, v: u64) {
        self.insert_hash(int_hash64(v) as u32);
    }

    /// ClickHouse's estimate.
    pub fn estimate(&self) -> u64 {
        if self.skip_degree == 0 {
            return self.size as u64;
        }
        let mut res = (self.size as u64) << self.skip_degree;
        res += (int_hash_crc32(self.size as u64) as u64) & ((1u64 << self.skip_degree) - 1);
        let p32 = (1u64 << 32) as f64;
        let fixed = -p32 * (-(res as f64) / p32).ln_1p();
        fixed.round() as u64
    }

    pub fn write(&self, out: &mut Vec<u8>) {
        out.push(self.skip_degree as u8);
        put_var_u64(out, self.size as u64);
        if self.has_zero {
            out.extend_from_slice(&0u32.to_le_bytes());
        }
        for x in self.buf.iter().filter(|x| **x != 0) {
            out.extend_from_slice(&x.to_le_bytes());
        }
    }

    pub fn merge(&mut self, r: &mut Reader) -> DfResult<()> {
        let skip = r.u8()? as u32;
        let n = r.count(4)?;
        if skip > 32 {
            return Err(
                Error::new(ErrorCode::BAD_ARGUMENTS, "incompatible aggregate state: bad skip degree").into_datafusion()
            );
        }
        if skip > self.skip_degree {
            self.skip_degree = skip;
            self.rehash();
        }
        for _ in 0..n {
            let x = r.u32()?;
            if x == 0 {
                if !self.has_zero {
                    self.has_zero = true;
                    self.size += 1;
                    self.shrink_if_need();
                }
            } else if self.good(x) {
                self.insert_impl(x);
                self.shrink_if_need();
            }
        }
        Ok(())
    }

    pub fn heap_size(&self) -> usize {
        self.buf.len() * 4
    }
}

/// How `uniq` hashes one argument.
#[derive(Debug, Clone, Copy, PartialEq)]
enum UniqArg {
    /// A number: widened to UInt64 (byte width in ClickHouse's column for the variadic form).
    Number(Widen, usize),
    /// String / FixedString bytes.
    Bytes,
}

fn uniq_arg(t: &ChType) -> Option<UniqArg> {
    if t.is_string_or_fixed() {
        return Some(UniqArg::Bytes);
    }
    let width = match t.base() {
        ChType::Date | ChType::Enum16(_) => 2,
        ChType::Date32 | ChType::DateTime(_) | ChType::IPv4 => 4,
        ChType::Enum8(_) | ChType::Bool => 1,
        ChType::DateTime64(..) => 8,
        other => (other.bit_width()? / 8) as usize,
    };
    Some(UniqArg::Number(widen_of(t)?, width))
}

/// CityHash64 of each row's bytes as ClickHouse's column holds them.
fn city_hashes(kind: UniqArg, a: &ArrayRef) -> DfResult<Vec<u64>> {
    let mut out = Vec::with_capacity(a.len());
    match kind {
        UniqArg::Bytes => match a.data_type() {
            DataType::BinaryView => out.extend(a.as_binary_view().iter().map(|v| city_hash64(v.unwrap_or(&[])))),
            DataType::FixedSizeBinary(_) => {
                let f = a.as_fixed_size_binary();
                out.extend((0..f.len()).map(|i| city_hash64(f.value(i))))
            }
            other => return Err(Error::new(ErrorCode::LOGICAL_ERROR, format!("uniq over {other}")).into_datafusion()),
        },
        UniqArg::Number(w, width) => for_each_u64(w, a, |v| out.push(city_hash64(&v.to_le_bytes()[..width.min(8)])))?,
    }
    Ok(out)
}

#[derive(Debug)]
pub struct Uniq {
    args: Vec<UniqArg>,
}

#[derive(Debug)]
struct UniqState {
    args: Vec<UniqArg>,
    set: UniquesHashSet,
}

impl AggregateFunction for Uniq {
    fn signature(&self) -> String {
        "uniq".into()
    }
    fn return_type(&self) -> ChType {
        ChType::UInt64
    }
    fn new_state(&self) -> Box<dyn AggState> {
        Box::new(UniqState { args: self.args.clone(), set: UniquesHashSet::default() })
    }
    fn hot(&self) -> Option<Hot> {
        match self.args.as_slice() {
            [UniqArg::Number(w, _)] => Some(Hot { op: HotOp::Uniq(*w), nulls: None }),
            _ => None,
        }
    }
}

impl AggState for UniqState {
    fn add(&mut self, args: &[ArrayRef]) -> DfResult<()> {
        let set = &mut self.set;
        match self.args.as_slice() {
            [UniqArg::Number(w, _)] => for_each_u64(*w, &args[0], |v| set.insert_u64(v)),
            [UniqArg::Bytes] => {
                for h in city_hashes(UniqArg::Bytes, &args[0])? {
                    set.insert_u64(h);
                }
                Ok(())
            }
            kinds => {
                let cols: Vec<Vec<u64>> =
                    kinds.iter().zip(args).map(|(k, a)| city_hashes(*k, a)).collect::<DfResult<_>>()?;
                let Some((first, rest)) = cols.split_first() else { return Ok(()) };
                for (i, h0) in first.iter().enumerate() {
                    let mut h = *h0;
                    for c in rest {
                        h = hash128_to_64(c[i], h);
                    }
                    // The variadic set hashes trivially: the low 32 bits as they are.
                    set.insert_hash(h as u32);
                }
                Ok(())
            }
        }
    }
    fn merge(&mut self, r: &mut Reader) -> DfResult<()> {
        self.set.merge(r)
    }
    fn write(&self, out: &mut Vec<u8>) {
        self.set.write(out)
    }
    fn result(&self) -> DfResult<ScalarValue> {
        Ok(ScalarValue::UInt64(Some(self.set.estimate())))
    }
    fn size(&self) -> usize {
        self.set.heap_size()
    }
}

pub fn uniq(params: &[ScalarValue], args: &[ChType]) -> Result<Arc<dyn AggregateFunction>> {
    no_params("uniq", params)?;
    if args.is_empty() {
        return Err(Error::new(
            ErrorCode::NUMBER_OF_ARGUMENTS_DOESNT_MATCH,
            "Incorrect number of arguments for aggregate function uniq",
        ));
    }
    let mut kinds = Vec::with_capacity(args.len());
    for a in args {
        match uniq_arg(a) {
            Some(k) => kinds.push(k),
            None => {
                return Err(Error::new(ErrorCode::NOT_IMPLEMENTED, format!("uniq over {a} is not implemented yet")))
            }
        }
    }
    Ok(Arc::new(Uniq { args: kinds }))
}

// ---------------------------------------------------------------- uniqExact

#[derive(Debug)]
pub struct UniqExact {
    widen: Option<Widen>,
}

#[derive(Debug)]
struct UniqExactState {
    widen: Option<Widen>,
    set: HashSet<u128>,
}

impl AggregateFunction for UniqExact {
    fn signature(&self) -> String {
        "uniqExact".into()
    }
    fn return_type(&self) -> ChType {
        ChType::UInt64
    }
    fn new_state(&self) -> Box<dyn AggState> {
        Box::new(UniqExactState { widen: self.widen, set: HashSet::new() })
    }
    fn hot(&self) -> Option<Hot> {
        self.widen.map(|w| Hot { op: HotOp::UniqExact(w), nulls: None })
    }
}

impl AggState for UniqExactState {
    fn add(&mut self, args: &[ArrayRef]) -> DfResult<()> {
        match self.widen {
            Some(w) => {
                let set = &mut self.set;
                for_each_u64(w, &args[0], |v| {
                    set.insert(v as u128);
                })
            }
            None => {
                let mut key = Vec::new();
                for row in 0..rows(args) {
                    key.clear();
                    row_key(args, row, &mut key);
                    self.set.insert(xxhash_rust::xxh3::xxh3_128(&key));
                }
                Ok(())
            }
        }
    }
    fn merge(&mut self, r: &mut Reader) -> DfResult<()> {
        let n = r.count(16)?;
        for _ in 0..n {
            self.set.insert(r.i128()? as u128);
        }
        Ok(())
    }
    fn write(&self, out: &mut Vec<u8>) {
        put_var_u64(out, self.set.len() as u64);
        for k in &self.set {
            out.extend_from_slice(&k.to_le_bytes());
        }
    }
    fn result(&self) -> DfResult<ScalarValue> {
        Ok(ScalarValue::UInt64(Some(self.set.len() as u64)))
    }
    fn size(&self) -> usize {
        self.set.capacity() * 24
    }
}

pub fn uniq_exact(params: &[ScalarValue], args: &[ChType]) -> Result<Arc<dyn AggregateFunction>> {
    no_params("uniqExact", params)?;
    if args.is_empty() {
        return Err(Error::new(
            ErrorCode::NUMBER_OF_ARGUMENTS_DOESNT_MATCH,
            "Incorrect number of arguments for aggregate function uniqExact",
        ));
    }
    for a in args {
        if !codec_supports(&a.to_arrow()) {
            return Err(illegal_arg("uniqExact", a));
        }
    }
    let widen = if args.len() == 1 { widen_of(&args[0]) } else { None };
    Ok(Arc::new(UniqExact { widen }))
}
