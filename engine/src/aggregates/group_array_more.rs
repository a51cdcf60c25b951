//! groupArraySorted(N) (the N smallest values, ascending), groupArrayLast(N)
//! (the last N values in ClickHouse's ring-buffer slot order),
//! groupArraySample(N[, seed]) (reservoir sample) and groupConcat[(sep[,
//! limit])] (values as text, joined; `groupConcat(x, 'sep')` takes the separator
//! from its constant second argument, as ClickHouse's rewrite to the parameter form does).
//! States (after the version byte): groupArraySorted = VarUInt n + n values
//! (state.rs codec); groupArrayLast / groupArraySample = u64 total seen,
//! VarUInt n + n values (slot order); groupConcat = VarUInt n + n text blobs,
//! then the separator blob.

use std::sync::Arc;

use arrow::array::{Array, ArrayRef, AsArray};
use arrow::compute::{concat, sort_limit};
use arrow::datatypes::DataType;
use datafusion::error::Result as DfResult;
use datafusion::scalar::ScalarValue;

use super::collect::list_scalar;
use super::state::{codec_supports, decode_values, encode_value, put_blob, put_var_u64, Reader};
use super::udaf::{AggState, AggregateFunction};
use super::{check_count, param_i128, signature_with};
use crate::error::{Error, ErrorCode, Result};
use crate::formats::text::{to_text_column, TextOptions};
use crate::types::ChType;

fn bad(msg: String) -> Error {
    Error::new(ErrorCode::BAD_ARGUMENTS, msg)
}

/// The element type of a collecting aggregate (one argument the state codec supports).
fn elem_type(name: &str, args: &[ChType]) -> Result<ChType> {
    check_count(name, args, 1)?;
    let t = args[0].remove_low_cardinality();
    if !codec_supports(&t.to_arrow()) {
        return Err(Error::new(ErrorCode::NOT_IMPLEMENTED, format!("{name} over {t} is not implemented yet")));
    }
    Ok(t)
}

/// The positive size parameter N.
fn size_param(name: &str, p: Option<&ScalarValue>) -> Result<usize> {
    let Some(p) = p else {
        return Err(bad(format!("Parameter for aggregate function {name} should have limit argument")));
    };
    match param_i128(p) {
        Some(n) if n > 0 && n <= 0xFF_FFFF => Ok(n as usize),
        _ => Err(bad(format!("Parameter for aggregate function {name} should be positive number"))),
    }
}

fn concat_all(chunks: &[ArrayRef], dt: &DataType) -> DfResult<ArrayRef> {
    let refs: Vec<&dyn Array> = chunks.iter().map(|c| c.as_ref()).collect();
    Ok(if refs.is_empty() { arrow::array::new_empty_array(dt) } else { concat(&refs)? })
}

fn write_values(out: &mut Vec<u8>, a: &dyn Array) {
    put_var_u64(out, a.len() as u64);
    for i in 0..a.len() {
        encode_value(a, i, out);
    }
}

// ---------------------------------------------------------------- groupArraySorted

#[derive(Debug)]
pub struct GroupArraySorted {
    params: Vec<ScalarValue>,
    ty: ChType,
    n: usize,
}

#[derive(Debug)]
struct SortedState {
    dt: DataType,
    n: usize,
    len: usize,
    chunks: Vec<ArrayRef>,
}

impl SortedState {
    fn push(&mut self, a: ArrayRef) -> DfResult<()> {
        let a = if a.null_count() > 0 { arrow::compute::filter(&a, &arrow::compute::is_not_null(&a)?)? } else { a };
        self.len += a.len();
        self.chunks.push(a);
        if self.len > self.n.saturating_mul(4).max(1024) {
            let top = self.top()?;
            self.len = top.len();
            self.chunks = vec![top];
        }
        Ok(())
    }

    fn top(&self) -> DfResult<ArrayRef> {
        let all = concat_all(&self.chunks, &self.dt)?;
        Ok(sort_limit(&all, None, Some(self.n))?)
    }
}

impl AggregateFunction for GroupArraySorted {
    fn signature(&self) -> String {
        signature_with("groupArraySorted", &self.params)
    }
    fn return_type(&self) -> ChType {
        ChType::Array(Box::new(self.ty.clone()))
    }
    fn new_state(&self) -> Box<dyn AggState> {
        Box::new(SortedState { dt: self.ty.to_arrow(), n: self.n, len: 0, chunks: Vec::new() })
    }
}

impl AggState for SortedState {
    fn add(&mut self, args: &[ArrayRef]) -> DfResult<()> {
        self.push(args[0].clone())
    }
    fn merge(&mut self, r: &mut Reader) -> DfResult<()> {
        let n = r.count(1)?;
        let a = decode_values(r, n, &self.dt)?;
        self.push(a)
    }
    fn write(&self, out: &mut Vec<u8>) {
        match self.top() {
            Ok(top) => write_values(out, top.as_ref()),
            Err(_) => put_var_u64(out, 0),
        }
    }
    fn result(&self) -> DfResult<ScalarValue> {
        list_scalar(self.top()?, &self.dt)
    }
    fn size(&self) -> usize {
        self.chunks.iter().map(|c| c.get_array_memory_size()).sum()
    }
}

pub fn group_array_sorted(params: &[ScalarValue], args: &[ChType]) -> Result<Arc<dyn AggregateFunction>> {
    const NAME: &str = "groupArraySorted";
    let n = size_param(NAME, params.first())?;
    if params.len() > 1 {
        return Err(bad(format!("Aggregate function {NAME} requires one parameter")));
    }
    let ty = elem_type(NAME, args)?;
    Ok(Arc::new(GroupArraySorted { params: params.to_vec(), ty, n }))
}

// ---------------------------------------------------------------- groupArrayLast / groupArraySample

#[derive(Debug, Clone, Copy, PartialEq)]
enum Keep {
    /// The last N values, slot = index mod N.
    Last,
    /// A reservoir sample seeded with this seed.
    Sample(u64),
}

#[derive(Debug)]
pub struct GroupArrayKeep {
    params: Vec<ScalarValue>,
    ty: ChType,
    n: usize,
    keep: Keep,
}

/// Values kept as their codec bytes, one per slot.
#[derive(Debug)]
struct KeepState {
    dt: DataType,
    n: usize,
    keep: Keep,
    total: u64,
    slots: Vec<Vec<u8>>,
    rng: u64,
}

impl KeepState {
    fn next_random(&mut self) -> u64 {
        // splitmix64
        self.rng = self.rng.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.rng;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn insert(&mut self, v: Vec<u8>) {
        let i = self.total;
        self.total += 1;
        match self.keep {
            Keep::Last => {
                let slot = (i % self.n as u64) as usize;
                if slot < self.slots.len() {
                    self.slots[slot] = v;
                } else {
                    self.slots.push(v);
                }
            }
            Keep::Sample(_) => {
                if self.slots.len() < self.n {
                    self.slots.push(v);
                } else {
                    let r = self.next_random() % self.total;
                    if (r as usize) < self.n {
                        self.slots[r as usize] = v;
                    }
                }
            }
        }
    }
}

impl AggregateFunction for GroupArrayKeep {
    fn signature(&self) -> String {
        let name = if self.keep == Keep::Last { "groupArrayLast" } else { "groupArraySample" };
        signature_with(name, &self.params)
    }
    fn return_type(&self) -> ChType {
        ChType::Array(Box::new(self.ty.clone()))
    }
    fn new_state(&self) -> Box<dyn AggState> {
        let rng = match self.keep {
            Keep::Sample(seed) => seed,
            Keep::Last => 0,
        };
        Box::new(KeepState { dt: self.ty.to_arrow(), n: self.n, keep: self.keep, total: 0, slots: Vec::new(), rng })
    }
}

impl AggState for KeepState {
    fn add(&mut self, args: &[ArrayRef]) -> DfResult<()> {
        let a = args[0].as_ref();
        for row in 0..a.len() {
            if a.is_valid(row) {
                let mut v = Vec::new();
                encode_value(a, row, &mut v);
                self.insert(v);
            }
        }
        Ok(())
    }
    fn merge(&mut self, r: &mut Reader) -> DfResult<()> {
        let total = r.u64()?;
        let n = r.count(1)?;
        let a = decode_values(r, n, &self.dt)?;
        let mut vals: Vec<Vec<u8>> = (0..a.len())
            .map(|i| {
                let mut v = Vec::new();
                encode_value(a.as_ref(), i, &mut v);
                v
            })
            .collect();
        // The other ring buffer in arrival order.
        if self.keep == Keep::Last && total > n as u64 && n > 0 {
            let start = (total % n as u64) as usize;
            vals.rotate_left(start);
        }
        for v in vals {
            self.insert(v);
        }
        Ok(())
    }
    fn write(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&self.total.to_le_bytes());
        put_var_u64(out, self.slots.len() as u64);
        for s in &self.slots {
            out.extend_from_slice(s);
        }
    }
    fn result(&self) -> DfResult<ScalarValue> {
        let bytes: Vec<u8> = self.slots.concat();
        let a = decode_values(&mut Reader::new(&bytes), self.slots.len(), &self.dt)?;
        list_scalar(a, &self.dt)
    }
    fn size(&self) -> usize {
        self.slots.iter().map(|s| s.capacity() + 24).sum()
    }
}

pub fn group_array_last(params: &[ScalarValue], args: &[ChType]) -> Result<Arc<dyn AggregateFunction>> {
    const NAME: &str = "groupArrayLast";
    if params.is_empty() {
        return Err(bad(format!("{NAME} make sense only with max_elems ({NAME}(max_elems)())")));
    }
    let n = size_param(NAME, params.first())?;
    let ty = elem_type(NAME, args)?;
    Ok(Arc::new(GroupArrayKeep { params: params.to_vec(), ty, n, keep: Keep::Last }))
}

pub fn group_array_sample(params: &[ScalarValue], args: &[ChType]) -> Result<Arc<dyn AggregateFunction>> {
    const NAME: &str = "groupArraySample";
    let n = size_param(NAME, params.first())?;
    let seed = match params.get(1) {
        None => 123456,
        Some(p) => param_i128(p).ok_or_else(|| bad(format!("Parameter seed for {NAME} must be an integer")))? as u64,
    };
    let ty = elem_type(NAME, args)?;
    Ok(Arc::new(GroupArrayKeep { params: params.to_vec(), ty, n, keep: Keep::Sample(seed) }))
}

// ---------------------------------------------------------------- groupConcat

#[derive(Debug)]
pub struct GroupConcat {
    params: Vec<ScalarValue>,
    ty: ChType,
    sep: Vec<u8>,
    limit: Option<usize>,
    /// The separator is the (constant) second argument.
    sep_arg: bool,
}

#[derive(Debug)]
struct GroupConcatState {
    ty: ChType,
    sep: Vec<u8>,
    limit: Option<usize>,
    sep_arg: bool,
    items: Vec<Vec<u8>>,
}

impl GroupConcatState {
    fn full(&self) -> bool {
        self.limit.is_some_and(|l| self.items.len() >= l)
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
        Box::new(GroupConcatState {
            ty: self.ty.clone(),
            sep: self.sep.clone(),
            limit: self.limit,
            sep_arg: self.sep_arg,
            items: Vec::new(),
        })
    }
}

impl AggState for GroupConcatState {
    fn add(&mut self, args: &[ArrayRef]) -> DfResult<()> {
        if self.sep_arg {
            if let Some(s) = args.get(1).and_then(|a| a.as_binary_view_opt()) {
                if !s.is_empty() && s.is_valid(0) {
                    self.sep = s.value(0).to_vec();
                }
            }
        }
        if self.full() {
            return Ok(());
        }
        let a = &args[0];
        let text = if a.data_type() == &DataType::BinaryView {
            a.clone()
        } else {
            to_text_column(a.as_ref(), &self.ty, &TextOptions::default()).map_err(|e| e.into_datafusion())?
        };
        let Some(t) = text.as_binary_view_opt() else {
            return Ok(());
        };
        for v in t.iter().flatten() {
            if self.full() {
                break;
            }
            self.items.push(v.to_vec());
        }
        Ok(())
    }
    fn merge(&mut self, r: &mut Reader) -> DfResult<()> {
        let n = r.count(1)?;
        for _ in 0..n {
            let b = r.blob()?;
            if !self.full() {
                self.items.push(b.to_vec());
            }
        }
        let sep = r.blob()?;
        if self.sep_arg && !sep.is_empty() {
            self.sep = sep.to_vec();
        }
        Ok(())
    }
    fn write(&self, out: &mut Vec<u8>) {
        put_var_u64(out, self.items.len() as u64);
        for i in &self.items {
            put_blob(out, i);
        }
        put_blob(out, &self.sep);
    }
    fn result(&self) -> DfResult<ScalarValue> {
        Ok(ScalarValue::BinaryView(Some(self.items.join(self.sep.as_slice()))))
    }
    fn size(&self) -> usize {
        self.items.iter().map(|s| s.capacity() + 24).sum()
    }
}

pub fn group_concat(params: &[ScalarValue], args: &[ChType]) -> Result<Arc<dyn AggregateFunction>> {
    const NAME: &str = "groupConcat";
    if params.len() > 2 {
        return Err(Error::new(
            ErrorCode::NUMBER_OF_ARGUMENTS_DOESNT_MATCH,
            format!("Incorrect number of parameters for aggregate function {NAME}, should be 0, 1 or 2"),
        ));
    }
    let sep = match params.first() {
        None => Vec::new(),
        Some(ScalarValue::Utf8(Some(s))) | Some(ScalarValue::Utf8View(Some(s))) => s.as_bytes().to_vec(),
        Some(ScalarValue::Binary(Some(b))) | Some(ScalarValue::BinaryView(Some(b))) => b.clone(),
        Some(_) => {
            return Err(Error::new(
                ErrorCode::ILLEGAL_TYPE_OF_ARGUMENT,
                format!("First parameter for aggregate function {NAME} should be string"),
            ))
        }
    };
    let limit = match params.get(1) {
        None => None,
        Some(p) => match param_i128(p) {
            Some(n) if n > 0 => Some(n as usize),
            _ => {
                return Err(Error::new(
                    ErrorCode::BAD_ARGUMENTS,
                    format!("Second parameter for aggregate function {NAME} should be a positive number"),
                ))
            }
        },
    };
    let sep_arg = match args {
        [_] => false,
        [_, s] if s.remove_low_cardinality() == ChType::String => true,
        [_, _] => {
            return Err(Error::new(
                ErrorCode::ILLEGAL_TYPE_OF_ARGUMENT,
                format!("If {NAME} is used with two arguments, the second argument must be a constant String"),
            ))
        }
        _ => {
            return Err(Error::new(
                ErrorCode::NUMBER_OF_ARGUMENTS_DOESNT_MATCH,
                format!("Number of arguments for aggregate function {NAME} should be 1 or 2"),
            ))
        }
    };
    let ty = args[0].remove_low_cardinality();
    Ok(Arc::new(GroupConcat { params: params.to_vec(), ty, sep, limit, sep_arg }))
}
