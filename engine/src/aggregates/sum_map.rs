//! sumMap, sumMapWithOverflow, minMap, maxMap: per-key aggregation of
//! `(keys Array(K), values Array(V1), …)` or of one `Map(K, V)`.
//! Results are sorted by key: `Tuple(Array(K), Array(V1'), …)` or `Map(K, V')`
//! where V' is sum's promoted type for sumMap (Int64 / UInt64 / Float64,
//! decimals keep their type) and V itself otherwise. sumMap drops keys whose
//! values all sum to zero. Mismatched key/value array sizes are BAD_ARGUMENTS.
//! State (after the version byte): VarUInt n, then per key: the key (u8 NULL
//! flag + state.rs codec) and per value column the sum (`SumValue`) or the
//! u8 has flag + codec value (min/max).

use std::cmp::Ordering;
use std::collections::HashMap;
use std::sync::Arc;

use arrow::array::{Array, ArrayRef, AsArray, ListArray, MapArray, StructArray};
use arrow::buffer::OffsetBuffer;
use arrow::datatypes::{DataType, Field, Fields};
use datafusion::error::Result as DfResult;
use datafusion::scalar::ScalarValue;

use super::basic::{SumKind, SumValue};
use super::extra_basic::narrow;
use super::state::{codec_supports, decode_scalar, encode_scalar, encode_value, put_var_u64, Reader};
use super::udaf::{AggState, AggregateFunction};
use super::{illegal_arg, no_params};
use crate::error::{Error, ErrorCode, Result};
use crate::types::ChType;

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum MapOp {
    Sum,
    SumWithOverflow,
    Min,
    Max,
}

impl MapOp {
    fn name(self) -> &'static str {
        match self {
            MapOp::Sum => "sumMap",
            MapOp::SumWithOverflow => "sumMapWithOverflow",
            MapOp::Min => "minMap",
            MapOp::Max => "maxMap",
        }
    }
    fn is_sum(self) -> bool {
        matches!(self, MapOp::Sum | MapOp::SumWithOverflow)
    }
}

#[derive(Debug)]
pub struct SumMap {
    op: MapOp,
    /// Map(K, V) input (else key and value arrays).
    map_input: bool,
    key: ChType,
    /// Per value column: the input element type and the result element type.
    values: Vec<(ChType, ChType)>,
}

#[derive(Debug, Clone)]
enum Acc {
    Sum(SumValue),
    Pick(Option<ScalarValue>),
}

#[derive(Debug)]
struct SumMapState {
    op: MapOp,
    key_dt: DataType,
    values: Vec<(ChType, ChType)>,
    ret: ChType,
    /// Key bytes → (key, accumulators).
    entries: HashMap<Vec<u8>, (ScalarValue, Vec<Acc>)>,
}

fn sum_kind(t: &ChType) -> SumKind {
    SumKind::of("sumMap", t).unwrap_or(SumKind::Float)
}

impl SumMapState {
    fn fresh(&self) -> Vec<Acc> {
        self.values
            .iter()
            .map(|(t, _)| if self.op.is_sum() { Acc::Sum(SumValue::zero(sum_kind(t))) } else { Acc::Pick(None) })
            .collect()
    }

    fn slot(&mut self, key_bytes: Vec<u8>, key: impl FnOnce() -> DfResult<ScalarValue>) -> DfResult<&mut Vec<Acc>> {
        if !self.entries.contains_key(&key_bytes) {
            let fresh = self.fresh();
            self.entries.insert(key_bytes.clone(), (key()?, fresh));
        }
        match self.entries.get_mut(&key_bytes) {
            Some(e) => Ok(&mut e.1),
            None => Err(Error::new(ErrorCode::LOGICAL_ERROR, "sumMap slot").into_datafusion()),
        }
    }

    fn pick(op: MapOp, acc: &mut Acc, v: ScalarValue) {
        if let Acc::Pick(cur) = acc {
            let better = match cur {
                None => true,
                Some(c) => match v.partial_cmp(c) {
                    Some(Ordering::Less) => op == MapOp::Min,
                    Some(Ordering::Greater) => op == MapOp::Max,
                    _ => false,
                },
            };
            if better {
                *cur = Some(v);
            }
        }
    }

    /// Adds one batch: keys and value columns as flat arrays with shared row offsets.
    fn add_flat(&mut self, key_offsets: &[i32], keys: &ArrayRef, values: &[(Vec<i32>, ArrayRef)]) -> DfResult<()> {
        let rows = key_offsets.len().saturating_sub(1);
        for row in 0..rows {
            let (ks, ke) = (key_offsets[row] as usize, key_offsets[row + 1] as usize);
            for (offs, _) in values {
                let n = offs.get(row + 1).zip(offs.get(row)).map(|(b, a)| (b - a) as usize);
                if n != Some(ke - ks) {
                    return Err(Error::new(ErrorCode::BAD_ARGUMENTS, "Sizes of keys and values arrays do not match")
                        .into_datafusion());
                }
            }
            for (j, ki) in (ks..ke).enumerate() {
                let mut kb = Vec::new();
                if keys.is_null(ki) {
                    kb.push(0);
                } else {
                    kb.push(1);
                    encode_value(keys.as_ref(), ki, &mut kb);
                }
                let op = self.op;
                let accs = self.slot(kb, || ScalarValue::try_from_array(keys.as_ref(), ki))?;
                for (c, (offs, vals)) in values.iter().enumerate() {
                    let vi = offs[row] as usize + j;
                    if vals.is_null(vi) {
                        continue;
                    }
                    match &mut accs[c] {
                        Acc::Sum(s) => {
                            let one = vals.slice(vi, 1);
                            s.add_array(&one)?;
                        }
                        acc @ Acc::Pick(_) => Self::pick(op, acc, ScalarValue::try_from_array(vals.as_ref(), vi)?),
                    }
                }
            }
        }
        Ok(())
    }
}

fn list_parts(a: &ArrayRef) -> DfResult<(Vec<i32>, ArrayRef)> {
    let Some(l) = a.as_list_opt::<i32>() else {
        return Err(Error::new(ErrorCode::LOGICAL_ERROR, format!("sumMap over {}", a.data_type())).into_datafusion());
    };
    Ok((l.value_offsets().to_vec(), l.values().clone()))
}

impl AggregateFunction for SumMap {
    fn signature(&self) -> String {
        self.op.name().into()
    }
    fn return_type(&self) -> ChType {
        if self.map_input {
            let v = self.values.first().map(|v| v.1.clone()).unwrap_or(ChType::UInt64);
            return ChType::Map(Box::new(self.key.clone()), Box::new(v));
        }
        let mut elems = vec![ChType::Array(Box::new(self.key.clone()))];
        elems.extend(self.values.iter().map(|(_, r)| ChType::Array(Box::new(r.clone()))));
        ChType::Tuple(elems, None)
    }
    fn new_state(&self) -> Box<dyn AggState> {
        Box::new(SumMapState {
            op: self.op,
            key_dt: self.key.to_arrow(),
            values: self.values.clone(),
            ret: self.return_type(),
            entries: HashMap::new(),
        })
    }
}

impl AggState for SumMapState {
    fn add(&mut self, args: &[ArrayRef]) -> DfResult<()> {
        if let Some(m) = args[0].as_map_opt() {
            let m: &MapArray = m;
            let offs = m.value_offsets().to_vec();
            let keys = m.keys().clone();
            let vals = m.values().clone();
            return self.add_flat(&offs, &keys, &[(offs.clone(), vals)]);
        }
        let (koffs, keys) = list_parts(&args[0])?;
        let mut values = Vec::with_capacity(args.len() - 1);
        for a in &args[1..] {
            values.push(list_parts(a)?);
        }
        self.add_flat(&koffs, &keys, &values)
    }
    fn merge(&mut self, r: &mut Reader) -> DfResult<()> {
        let n = r.count(1)?;
        let key_dt = self.key_dt.clone();
        let op = self.op;
        let types: Vec<ChType> = self.values.iter().map(|v| v.0.clone()).collect();
        for _ in 0..n {
            let key = if r.u8()? == 0 { ScalarValue::try_from(&key_dt)? } else { decode_scalar(r, &key_dt)? };
            let mut kb = Vec::new();
            if key.is_null() {
                kb.push(0);
            } else {
                kb.push(1);
                encode_scalar(&key, &mut kb)?;
            }
            let accs = self.slot(kb, || Ok(key))?;
            for (c, t) in types.iter().enumerate() {
                match &mut accs[c] {
                    Acc::Sum(s) => s.add(SumValue::read(sum_kind(t), r)?),
                    acc @ Acc::Pick(_) => {
                        if r.u8()? != 0 {
                            let v = decode_scalar(r, &t.to_arrow())?;
                            Self::pick(op, acc, v);
                        }
                    }
                }
            }
        }
        Ok(())
    }
    fn write(&self, out: &mut Vec<u8>) {
        put_var_u64(out, self.entries.len() as u64);
        for (kb, (_, accs)) in &self.entries {
            out.extend_from_slice(kb);
            for a in accs {
                match a {
                    Acc::Sum(s) => s.write(out),
                    Acc::Pick(None) => out.push(0),
                    Acc::Pick(Some(v)) => {
                        out.push(1);
                        if encode_scalar(v, out).is_err() {
                            // Unreachable for codec types; keeps the state readable.
                            out.pop();
                            out.pop();
                            out.push(0);
                        }
                    }
                }
            }
        }
    }
    fn result(&self) -> DfResult<ScalarValue> {
        let mut rows: Vec<&(ScalarValue, Vec<Acc>)> = self.entries.values().collect();
        rows.sort_by(|a, b| match (a.0.is_null(), b.0.is_null()) {
            (true, true) => Ordering::Equal,
            (true, false) => Ordering::Less,
            (false, true) => Ordering::Greater,
            _ => a.0.partial_cmp(&b.0).unwrap_or(Ordering::Equal),
        });
        let mut keys = Vec::with_capacity(rows.len());
        let mut cols: Vec<Vec<ScalarValue>> = vec![Vec::with_capacity(rows.len()); self.values.len()];
        for (k, accs) in rows {
            let vals: Vec<ScalarValue> = accs
                .iter()
                .zip(&self.values)
                .map(|(a, (_, rt))| match a {
                    Acc::Sum(s) if self.op == MapOp::SumWithOverflow => narrow(rt, s),
                    Acc::Sum(s) => s.scalar(),
                    Acc::Pick(v) => v.clone().unwrap_or(ScalarValue::Null),
                })
                .collect();
            if self.op == MapOp::Sum && vals.iter().all(is_zero) {
                continue;
            }
            keys.push(k.clone());
            for (c, v) in vals.into_iter().enumerate() {
                cols[c].push(v);
            }
        }
        let key_arr = to_array(keys, &self.key_dt)?;
        let mut val_arrs = Vec::with_capacity(cols.len());
        for (c, (_, rt)) in cols.into_iter().zip(&self.values) {
            val_arrs.push(to_array(c, &rt.to_arrow())?);
        }
        finish(&self.ret, key_arr, val_arrs)
    }
    fn size(&self) -> usize {
        self.entries.len() * (64 + 32 * self.values.len())
    }
}

fn is_zero(v: &ScalarValue) -> bool {
    match v {
        ScalarValue::Int64(Some(x)) => *x == 0,
        ScalarValue::UInt64(Some(x)) => *x == 0,
        ScalarValue::Float64(Some(x)) => *x == 0.0,
        ScalarValue::Decimal128(Some(x), ..) => *x == 0,
        _ => false,
    }
}

/// Scalars (NULL for an absent value) as an array of `dt`.
fn to_array(values: Vec<ScalarValue>, dt: &DataType) -> DfResult<ArrayRef> {
    if values.is_empty() {
        return Ok(arrow::array::new_empty_array(dt));
    }
    let fixed: Vec<ScalarValue> = values
        .into_iter()
        .map(|v| if v.is_null() { ScalarValue::try_from(dt) } else { v.cast_to(dt) })
        .collect::<DfResult<_>>()?;
    ScalarValue::iter_to_array(fixed)
}

/// One-row list array of `values` (item field from `dt`).
fn one_list(values: ArrayRef, dt: &DataType) -> DfResult<ArrayRef> {
    let field = match dt {
        DataType::List(f) => f.clone(),
        _ => Arc::new(Field::new("item", values.data_type().clone(), true)),
    };
    Ok(Arc::new(ListArray::try_new(field, OffsetBuffer::from_lengths([values.len()]), values, None)?))
}

/// The result scalar of the return type `ret` from sorted keys and value columns.
pub fn finish(ret: &ChType, keys: ArrayRef, values: Vec<ArrayRef>) -> DfResult<ScalarValue> {
    match ret.to_arrow() {
        DataType::Map(entries, sorted) => {
            let DataType::Struct(fields) = entries.data_type().clone() else {
                return Err(Error::new(ErrorCode::LOGICAL_ERROR, "map entries").into_datafusion());
            };
            let vals = values.into_iter().next().unwrap_or_else(|| arrow::array::new_empty_array(&DataType::Null));
            let n = keys.len();
            let st = StructArray::try_new(fields, vec![keys, vals], None)?;
            let m = MapArray::try_new(entries, OffsetBuffer::from_lengths([n]), st, None, sorted)?;
            Ok(ScalarValue::Map(Arc::new(m)))
        }
        DataType::Struct(fields) => {
            let fields: Fields = fields;
            let mut cols = Vec::with_capacity(fields.len());
            let mut all = vec![keys];
            all.extend(values);
            for (f, a) in fields.iter().zip(all) {
                cols.push(one_list(a, f.data_type())?);
            }
            Ok(ScalarValue::Struct(Arc::new(StructArray::try_new(fields, cols, None)?)))
        }
        other => Err(Error::new(ErrorCode::LOGICAL_ERROR, format!("sumMap result {other}")).into_datafusion()),
    }
}

fn sum_map(op: MapOp, params: &[ScalarValue], args: &[ChType]) -> Result<Arc<dyn AggregateFunction>> {
    let name = op.name();
    no_params(name, params)?;
    let (map_input, key, raw_values) = match args {
        [] => {
            return Err(Error::new(
                ErrorCode::NUMBER_OF_ARGUMENTS_DOESNT_MATCH,
                format!("Aggregate function {name} requires at least one argument"),
            ))
        }
        [m] => match m.remove_low_cardinality() {
            ChType::Map(k, v) => (true, *k, vec![*v]),
            _ => {
                return Err(Error::new(
                    ErrorCode::ILLEGAL_TYPE_OF_ARGUMENT,
                    "Aggregate function Map requires map as argument",
                ))
            }
        },
        [k, rest @ ..] => {
            let key = k.array_element().cloned().ok_or_else(|| illegal_arg(name, k))?;
            let mut vals = Vec::new();
            for v in rest {
                vals.push(v.array_element().cloned().ok_or_else(|| illegal_arg(name, v))?);
            }
            (false, key, vals)
        }
    };
    let key = key.remove_low_cardinality();
    if !codec_supports(&key.to_arrow()) {
        return Err(Error::new(
            ErrorCode::NOT_IMPLEMENTED,
            format!("{name} with keys of type {key} is not implemented yet"),
        ));
    }
    let mut values = Vec::with_capacity(raw_values.len());
    for v in raw_values {
        let v = v.remove_nullable().remove_low_cardinality();
        let ret = match op {
            MapOp::Sum => SumKind::of("sum", &v)?.sum_type(),
            MapOp::SumWithOverflow => {
                SumKind::of("sum", &v)?;
                v.clone()
            }
            MapOp::Min | MapOp::Max => v.clone(),
        };
        let ret = match (&v, op) {
            (ChType::Decimal(..), MapOp::Sum) => v.clone(),
            _ => ret,
        };
        if !codec_supports(&v.to_arrow()) {
            return Err(Error::new(ErrorCode::NOT_IMPLEMENTED, format!("{name} over {v} is not implemented yet")));
        }
        values.push((v, ret));
    }
    Ok(Arc::new(SumMap { op, map_input, key, values }))
}

pub fn sum_map_fn(p: &[ScalarValue], a: &[ChType]) -> Result<Arc<dyn AggregateFunction>> {
    sum_map(MapOp::Sum, p, a)
}
pub fn sum_map_with_overflow(p: &[ScalarValue], a: &[ChType]) -> Result<Arc<dyn AggregateFunction>> {
    sum_map(MapOp::SumWithOverflow, p, a)
}
pub fn min_map(p: &[ScalarValue], a: &[ChType]) -> Result<Arc<dyn AggregateFunction>> {
    sum_map(MapOp::Min, p, a)
}
pub fn max_map(p: &[ScalarValue], a: &[ChType]) -> Result<Arc<dyn AggregateFunction>> {
    sum_map(MapOp::Max, p, a)
}
