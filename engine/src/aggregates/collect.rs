//! groupArray / groupArray(N), groupUniqArray (topK is in `topk.rs`).
//! Results are Arrays of the argument type.
//! States (after the version byte): groupArray = VarUInt n + n values
//! (state.rs codec); groupUniqArray = VarUInt n + n length-prefixed keys;
//! groupUniqArray of ≤ 8-byte values returns ClickHouse's hash-set order
//! (simulated by [`ChHashSetOrder`]). Known gaps: groupUniqArray of strings
//! returns first-seen order.

use std::collections::HashSet;
use std::sync::Arc;

use arrow::array::{Array, ArrayRef, ListArray};
use arrow::buffer::OffsetBuffer;
use arrow::compute::concat;
use arrow::datatypes::{DataType, Field};
use datafusion::error::Result as DfResult;
use datafusion::scalar::ScalarValue;

use super::state::{codec_supports, decode_values, encode_value, put_blob, put_var_u64, Reader};
use super::udaf::{rows, AggState, AggregateFunction};
use super::uniq::int_hash_crc32;
use super::{check_count, param_i128, signature_with};
use crate::error::{Error, ErrorCode, Result};
use crate::types::ChType;

/// A one-row list scalar holding `values`.
pub fn list_scalar(values: ArrayRef, elem: &DataType) -> DfResult<ScalarValue> {
    let field = Arc::new(Field::new("item", elem.clone(), false));
    let list = ListArray::try_new(field, OffsetBuffer::from_lengths([values.len()]), values, None)?;
    Ok(ScalarValue::List(Arc::new(list)))
}

fn value_type(name: &str, args: &[ChType]) -> Result<ChType> {
    check_count(name, args, 1)?;
    let t = args[0].remove_low_cardinality();
    if !codec_supports(&t.to_arrow()) {
        return Err(Error::new(ErrorCode::NOT_IMPLEMENTED, format!("{name} over {t} is not implemented yet")));
    }
    Ok(t)
}

fn size_param(name: &str, params: &[ScalarValue], default: Option<u64>) -> Result<Option<u64>> {
    match params.first() {
        None => Ok(default),
        Some(p) => match param_i128(p) {
            Some(n) if n > 0 && n <= 0xFF_FFFF => Ok(Some(n as u64)),
            Some(_) if name == "topK" => Err(Error::new(
                ErrorCode::ARGUMENT_OUT_OF_BOUND,
                format!("Parameter {} is illegal for aggregate function '{name}'", super::fmt_param(p)),
            )),
            Some(_) => Err(Error::new(
                ErrorCode::BAD_ARGUMENTS,
                format!("Parameter for aggregate function {name} should be positive number"),
            )),
            None => Err(Error::new(
                ErrorCode::CANNOT_CONVERT_TYPE,
                format!("Cannot convert {} to unsigned long", param_type_name(p)),
            )),
        },
    }
}

/// The ClickHouse type name of a parameter literal, for conversion errors.
pub fn param_type_name(p: &ScalarValue) -> &'static str {
    match p {
        ScalarValue::Utf8(_) | ScalarValue::Utf8View(_) | ScalarValue::Binary(_) | ScalarValue::BinaryView(_) => {
            "String"
        }
        ScalarValue::Float64(_) | ScalarValue::Float32(_) => "Float64",
        ScalarValue::Null => "Nullable(Nothing)",
        _ => "value",
    }
}

// ---------------------------------------------------------------- groupArray

#[derive(Debug)]
pub struct GroupArray {
    params: Vec<ScalarValue>,
    ty: ChType,
    max: Option<u64>,
}

#[derive(Debug)]
struct GroupArrayState {
    dt: DataType,
    max: Option<u64>,
    len: u64,
    chunks: Vec<ArrayRef>,
}

impl GroupArrayState {
    fn push(&mut self, a: ArrayRef) {
        let room = self.max.map(|m| m.saturating_sub(self.len)).unwrap_or(u64::MAX);
        let take = (a.len() as u64).min(room) as usize;
        if take == 0 {
            return;
        }
        self.len += take as u64;
        self.chunks.push(if take < a.len() { a.slice(0, take) } else { a });
    }
}

impl AggregateFunction for GroupArray {
    fn signature(&self) -> String {
        signature_with("groupArray", &self.params)
    }
    fn return_type(&self) -> ChType {
        ChType::Array(Box::new(self.ty.clone()))
    }
    fn new_state(&self) -> Box<dyn AggState> {
        Box::new(GroupArrayState { dt: self.ty.to_arrow(), max: self.max, len: 0, chunks: Vec::new() })
    }
}

impl AggState for GroupArrayState {
    fn add(&mut self, args: &[ArrayRef]) -> DfResult<()> {
        self.push(args[0].clone());
        Ok(())
    }
    fn merge(&mut self, r: &mut Reader) -> DfResult<()> {
        let n = r.count(1)?;
        let a = decode_values(r, n, &self.dt)?;
        self.push(a);
        Ok(())
    }
    fn write(&self, out: &mut Vec<u8>) {
        put_var_u64(out, self.len);
        for c in &self.chunks {
            for i in 0..c.len() {
                encode_value(c.as_ref(), i, out);
            }
        }
    }
    fn result(&self) -> DfResult<ScalarValue> {
        let refs: Vec<&dyn Array> = self.chunks.iter().map(|c| c.as_ref()).collect();
        let values = if refs.is_empty() { arrow::array::new_empty_array(&self.dt) } else { concat(&refs)? };
        list_scalar(values, &self.dt)
    }
    fn size(&self) -> usize {
        self.chunks.iter().map(|c| c.get_array_memory_size()).sum()
    }
}

pub fn group_array(params: &[ScalarValue], args: &[ChType]) -> Result<Arc<dyn AggregateFunction>> {
    let ty = value_type("groupArray", args)?;
    let max = size_param("groupArray", params, None)?;
    Ok(Arc::new(GroupArray { params: params.to_vec(), ty, max }))
}

// ---------------------------------------------------------------- groupUniqArray

/// ClickHouse's HashSet cell layout for ≤ 8-byte keys (zero key kept apart and
/// iterated first, intHashCRC32 buckets (DefaultHash), linear probing, ×4 growth below 2^23
/// cells), kept only to reproduce its iteration order.
#[derive(Debug, Clone)]
pub struct ChHashSetOrder {
    degree: u32,
    size: usize,
    has_zero: bool,
    cells: Vec<Option<u64>>,
}

impl Default for ChHashSetOrder {
    fn default() -> Self {
        ChHashSetOrder { degree: 4, size: 0, has_zero: false, cells: vec![None; 16] }
    }
}

impl ChHashSetOrder {
    fn mask(&self) -> usize {
        self.cells.len() - 1
    }

    fn place(&self, x: u64) -> usize {
        (int_hash_crc32(x) as usize) & self.mask()
    }

    /// Inserts; true when the key is new.
    pub fn insert(&mut self, x: u64) -> bool {
        if x == 0 {
            if self.has_zero {
                return false;
            }
            self.has_zero = true;
        } else {
            let mask = self.mask();
            let mut p = self.place(x);
            while let Some(c) = self.cells[p] {
                if c == x {
                    return false;
                }
                p = (p + 1) & mask;
            }
            self.cells[p] = Some(x);
        }
        self.size += 1;
        if self.size > (1usize << (self.degree - 1)) {
            self.resize();
        }
        true
    }

    fn reinsert(&mut self, i: usize, x: u64) {
        let mask = self.mask();
        let mut p = self.place(x);
        if p == i {
            return;
        }
        while let Some(c) = self.cells[p] {
            if c == x {
                return;
            }
            p = (p + 1) & mask;
        }
        self.cells[p] = Some(x);
        self.cells[i] = None;
    }

    fn resize(&mut self) {
        let old = self.cells.len();
        self.degree += if self.degree >= 23 { 1 } else { 2 };
        let new = 1usize << self.degree;
        self.cells.resize(new, None);
        let mut i = 0;
        while i < old {
            if let Some(x) = self.cells[i] {
                self.reinsert(i, x);
            }
            i += 1;
        }
        while i < new {
            match self.cells[i] {
                Some(x) => self.reinsert(i, x),
                None => break,
            }
            i += 1;
        }
    }

    /// Keys in ClickHouse's iteration order.
    pub fn iter(&self) -> impl Iterator<Item = u64> + '_ {
        self.has_zero.then_some(0).into_iter().chain(self.cells.iter().flatten().copied())
    }
}

/// The zero-extended bits of an encoded ≤ 8-byte value (ClickHouse's DefaultHash input).
fn key_bits(key: &[u8]) -> Option<u64> {
    if key.len() > 8 {
        return None;
    }
    let mut b = [0u8; 8];
    b[..key.len()].copy_from_slice(key);
    Some(u64::from_le_bytes(b))
}

#[derive(Debug)]
pub struct GroupUniqArray {
    params: Vec<ScalarValue>,
    ty: ChType,
    max: Option<u64>,
}

#[derive(Debug)]
struct GroupUniqArrayState {
    dt: DataType,
    max: Option<u64>,
    /// Fixed-width keys of ≤ 8 bytes are ordered as ClickHouse's hash set; others by first sight.
    numeric: bool,
    order_set: ChHashSetOrder,
    set: HashSet<Vec<u8>>,
    order: Vec<Vec<u8>>,
    bytes: usize,
}

impl GroupUniqArrayState {
    fn insert(&mut self, k: &[u8]) {
        if self.max.is_some_and(|m| self.order.len() as u64 >= m) || self.set.contains(k) {
            return;
        }
        if self.numeric {
            if let Some(bits) = key_bits(k) {
                self.order_set.insert(bits);
            }
        }
        self.bytes += k.len() * 2 + 48;
        self.set.insert(k.to_vec());
        self.order.push(k.to_vec());
    }

    /// Keys in result order.
    fn ordered(&self) -> Vec<u8> {
        if !self.numeric {
            return self.order.concat();
        }
        let width = self.order.first().map(|k| k.len()).unwrap_or(0);
        let mut out = Vec::with_capacity(self.order.len() * width);
        for bits in self.order_set.iter() {
            out.extend_from_slice(&bits.to_le_bytes()[..width]);
        }
        out
    }
}

impl AggregateFunction for GroupUniqArray {
    fn signature(&self) -> String {
        signature_with("groupUniqArray", &self.params)
    }
    fn return_type(&self) -> ChType {
        ChType::Array(Box::new(self.ty.clone()))
    }
    fn new_state(&self) -> Box<dyn AggState> {
        let dt = self.ty.to_arrow();
        let numeric = dt.primitive_width().is_some_and(|w| w <= 8);
        Box::new(GroupUniqArrayState {
            dt,
            max: self.max,
            numeric,
            order_set: ChHashSetOrder::default(),
            set: HashSet::new(),
            order: Vec::new(),
            bytes: 0,
        })
    }
}

impl AggState for GroupUniqArrayState {
    fn add(&mut self, args: &[ArrayRef]) -> DfResult<()> {
        let mut k = Vec::new();
        for i in 0..rows(args) {
            k.clear();
            encode_value(args[0].as_ref(), i, &mut k);
            self.insert(&k);
        }
        Ok(())
    }
    fn merge(&mut self, r: &mut Reader) -> DfResult<()> {
        let n = r.count(1)?;
        for _ in 0..n {
            let k = r.blob()?;
            self.insert(k);
        }
        Ok(())
    }
    fn write(&self, out: &mut Vec<u8>) {
        let keys = self.ordered();
        let width = self.order.first().map(|k| k.len()).unwrap_or(0);
        put_var_u64(out, self.order.len() as u64);
        if self.numeric && width > 0 {
            for k in keys.chunks(width) {
                put_blob(out, k);
            }
        } else {
            for k in &self.order {
                put_blob(out, k);
            }
        }
    }
    fn result(&self) -> DfResult<ScalarValue> {
        let bytes = self.ordered();
        let values = decode_values(&mut Reader::new(&bytes), self.order.len(), &self.dt)?;
        list_scalar(values, &self.dt)
    }
    fn size(&self) -> usize {
        self.bytes + self.order_set.cells.len() * 16
    }
}

pub fn group_uniq_array(params: &[ScalarValue], args: &[ChType]) -> Result<Arc<dyn AggregateFunction>> {
    let ty = value_type("groupUniqArray", args)?;
    let max = size_param("groupUniqArray", params, None)?;
    Ok(Arc::new(GroupUniqArray { params: params.to_vec(), ty, max }))
}
