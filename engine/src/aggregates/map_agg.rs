//! sumMap / minMap / maxMap over (Array(K) keys, Array(V) values) or a
//! Map(K, V): per key the sum (in sum's type: Int64 / UInt64 / Float64 /
//! Decimal(38, S)), min or max of the values. Result: Tuple(Array(K),
//! Array(V')) for the array form, Map(K, V') for the map form, keys ascending;
//! sumMap drops keys whose sum is 0. Key and value arrays of one row must have
//! equal sizes (BAD_ARGUMENTS).
//! State (after the version byte): VarUInt n + n × (key value, value) in the
//! state.rs codec (the value in the result element type).

use std::collections::HashMap;
use std::sync::Arc;

use arrow::array::{make_comparator, Array, ArrayRef, AsArray, ListArray, MapArray, StructArray, UInt32Array};
use arrow::buffer::OffsetBuffer;
use arrow::compute::{cast, SortOptions};
use arrow::datatypes::DataType;
use datafusion::error::Result as DfResult;
use datafusion::scalar::ScalarValue;

use super::basic::{better, PickKind, SumKind};
use super::state::{codec_supports, decode_scalar, decode_values, encode_scalar, encode_value, put_var_u64, Reader};
use super::udaf::{AggState, AggregateFunction};
use super::{illegal_arg, no_params};
use crate::error::{Error, ErrorCode, Result};
use crate::types::ChType;

#[derive(Debug, Clone, Copy, PartialEq)]
enum Op {
    Sum,
    Min,
    Max,
}

#[derive(Debug)]
pub struct MapAgg {
    op: Op,
    map_form: bool,
    key: ChType,
    value: ChType,
}

#[derive(Debug)]
struct MapAggState {
    op: Op,
    map_form: bool,
    ret: DataType,
    key_dt: DataType,
    value_dt: DataType,
    entries: HashMap<Vec<u8>, ScalarValue>,
}

impl AggregateFunction for MapAgg {
    fn signature(&self) -> String {
        match self.op {
            Op::Sum => "sumMap",
            Op::Min => "minMap",
            Op::Max => "maxMap",
        }
        .into()
    }
    fn return_type(&self) -> ChType {
        if self.map_form {
            ChType::Map(Box::new(self.key.clone()), Box::new(self.value.clone()))
        } else {
            ChType::Tuple(
                vec![ChType::Array(Box::new(self.key.clone())), ChType::Array(Box::new(self.value.clone()))],
                None,
            )
        }
    }
    fn new_state(&self) -> Box<dyn AggState> {
        Box::new(MapAggState {
            op: self.op,
            map_form: self.map_form,
            ret: self.return_type().to_arrow(),
            key_dt: self.key.to_arrow(),
            value_dt: self.value.to_arrow(),
            entries: HashMap::new(),
        })
    }
}

fn size_mismatch() -> datafusion::error::DataFusionError {
    Error::new(ErrorCode::BAD_ARGUMENTS, "Sizes of keys and values arrays do not match").into_datafusion()
}

impl MapAggState {
    fn offer(&mut self, key: Vec<u8>, v: ScalarValue) -> DfResult<()> {
        match self.entries.get_mut(&key) {
            None => {
                self.entries.insert(key, v);
            }
            Some(old) => match self.op {
                Op::Sum => *old = old.add_checked(&v).or_else(|_| old.add(&v))?,
                Op::Min if better(PickKind::Min, &v, old) => *old = v,
                Op::Max if better(PickKind::Max, &v, old) => *old = v,
                _ => {}
            },
        }
        Ok(())
    }

    /// Adds aligned key / value element arrays with per-row offsets.
    fn add_flat(&mut self, keys: &ArrayRef, values: &ArrayRef) -> DfResult<()> {
        let values = if values.data_type() == &self.value_dt { values.clone() } else { cast(values, &self.value_dt)? };
        let mut k = Vec::new();
        for i in 0..keys.len() {
            if keys.is_null(i) || values.is_null(i) {
                continue;
            }
            k.clear();
            encode_value(keys.as_ref(), i, &mut k);
            let v = ScalarValue::try_from_array(&values, i)?;
            self.offer(k.clone(), v)?;
        }
        Ok(())
    }
}

impl AggState for MapAggState {
    fn add(&mut self, args: &[ArrayRef]) -> DfResult<()> {
        if self.map_form {
            let m = args[0].as_map();
            for row in 0..m.len() {
                if m.is_null(row) {
                    continue;
                }
                let e = m.value(row);
                let keys = e.column(0).clone();
                let values = e.column(1).clone();
                self.add_flat(&keys, &values)?;
            }
            return Ok(());
        }
        let (Some(k), Some(v)) = (args.first(), args.get(1)) else { return Ok(()) };
        let (k, v) = (k.as_list::<i32>(), v.as_list::<i32>());
        for row in 0..k.len() {
            if k.is_null(row) || v.is_null(row) {
                continue;
            }
            let (keys, values) = (k.value(row), v.value(row));
            if keys.len() != values.len() {
                return Err(size_mismatch());
            }
            self.add_flat(&keys, &values)?;
        }
        Ok(())
    }
    fn merge(&mut self, r: &mut Reader) -> DfResult<()> {
        let n = r.count(2)?;
        for _ in 0..n {
            let key = decode_scalar(r, &self.key_dt)?;
            let mut kbytes = Vec::new();
            encode_scalar(&key, &mut kbytes)?;
            let v = decode_scalar(r, &self.value_dt)?;
            self.offer(kbytes, v)?;
        }
        Ok(())
    }
    fn write(&self, out: &mut Vec<u8>) {
        put_var_u64(out, self.entries.len() as u64);
        for (k, v) in &self.entries {
            out.extend_from_slice(k);
            let _ = encode_scalar(v, out);
        }
    }
    fn result(&self) -> DfResult<ScalarValue> {
        let mut kept: Vec<(&Vec<u8>, &ScalarValue)> = self.entries.iter().collect();
        if self.op == Op::Sum {
            kept.retain(|(_, v)| ScalarValue::new_zero(&v.data_type()).map(|z| z != **v).unwrap_or(true));
        }
        let kbytes: Vec<u8> = kept.iter().flat_map(|(k, _)| k.iter().copied()).collect();
        let keys = decode_values(&mut Reader::new(&kbytes), kept.len(), &self.key_dt)?;
        let values: ArrayRef = if kept.is_empty() {
            arrow::array::new_empty_array(&self.value_dt)
        } else {
            ScalarValue::iter_to_array(kept.iter().map(|(_, v)| (*v).clone()))?
        };
        let cmp = make_comparator(keys.as_ref(), keys.as_ref(), SortOptions::default())?;
        let mut idx: Vec<u32> = (0..keys.len() as u32).collect();
        idx.sort_by(|a, b| cmp(*a as usize, *b as usize));
        let idx = UInt32Array::from(idx);
        let keys = arrow::compute::take(keys.as_ref(), &idx, None)?;
        let values = arrow::compute::take(values.as_ref(), &idx, None)?;
        let n = keys.len();
        match &self.ret {
            DataType::Map(entries_field, sorted) => {
                let DataType::Struct(fields) = entries_field.data_type() else {
                    return Err(Error::new(ErrorCode::LOGICAL_ERROR, "map entries type").into_datafusion());
                };
                let entries = StructArray::try_new(fields.clone(), vec![keys, values], None)?;
                let map =
                    MapArray::try_new(entries_field.clone(), OffsetBuffer::from_lengths([n]), entries, None, *sorted)?;
                Ok(ScalarValue::Map(Arc::new(map)))
            }
            DataType::Struct(fields) => {
                let list = |f: &arrow::datatypes::FieldRef, a: ArrayRef| -> DfResult<ArrayRef> {
                    let DataType::List(item) = f.data_type() else {
                        return Err(Error::new(ErrorCode::LOGICAL_ERROR, "tuple element type").into_datafusion());
                    };
                    Ok(Arc::new(ListArray::try_new(item.clone(), OffsetBuffer::from_lengths([n]), a, None)?))
                };
                let cols = vec![list(&fields[0], keys)?, list(&fields[1], values)?];
                let s = StructArray::try_new(fields.clone(), cols, None)?;
                Ok(ScalarValue::Struct(Arc::new(s)))
            }
            other => {
                Err(Error::new(ErrorCode::LOGICAL_ERROR, format!("map aggregate result {other}")).into_datafusion())
            }
        }
    }
    fn size(&self) -> usize {
        self.entries.iter().map(|(k, v)| k.len() + v.size()).sum()
    }
}

fn build(op: Op, params: &[ScalarValue], args: &[ChType]) -> Result<Arc<dyn AggregateFunction>> {
    let name = match op {
        Op::Sum => "sumMap",
        Op::Min => "minMap",
        Op::Max => "maxMap",
    };
    no_params(name, params)?;
    let (map_form, key, value) = match args {
        [m] => match m.remove_low_cardinality() {
            ChType::Map(k, v) => (true, (*k).clone(), (*v).clone()),
            other => return Err(illegal_arg(name, &other)),
        },
        [k, v] => match (k.array_element(), v.array_element()) {
            (Some(k), Some(v)) => (false, k.clone(), v.clone()),
            _ => return Err(illegal_arg(name, if k.array_element().is_none() { k } else { v })),
        },
        _ => {
            return Err(Error::new(
                ErrorCode::NUMBER_OF_ARGUMENTS_DOESNT_MATCH,
                format!("Aggregate function {name} requires at least two arguments of Array type or one argument of tuple of two arrays or one argument of Map type"),
            ))
        }
    };
    let key = key.remove_nullable().remove_low_cardinality();
    let value = value.remove_nullable().remove_low_cardinality();
    if !codec_supports(&key.to_arrow()) {
        return Err(illegal_arg(name, &key));
    }
    let value = match op {
        Op::Sum => SumKind::of(name, &value)?.sum_type(),
        _ => value,
    };
    if !codec_supports(&value.to_arrow()) || !value.is_numeric() {
        return Err(illegal_arg(name, &value));
    }
    Ok(Arc::new(MapAgg { op, map_form, key, value }))
}

pub fn sum_map(p: &[ScalarValue], a: &[ChType]) -> Result<Arc<dyn AggregateFunction>> {
    build(Op::Sum, p, a)
}
pub fn min_map(p: &[ScalarValue], a: &[ChType]) -> Result<Arc<dyn AggregateFunction>> {
    build(Op::Min, p, a)
}
pub fn max_map(p: &[ScalarValue], a: &[ChType]) -> Result<Arc<dyn AggregateFunction>> {
    build(Op::Max, p, a)
}

#[cfg(test)]
mod tests {
    use super::*;
    use arrow::array::Int64Array;

    fn list(v: Vec<Vec<i64>>, dt: DataType) -> ArrayRef {
        let lens: Vec<usize> = v.iter().map(|r| r.len()).collect();
        let flat: ArrayRef = Arc::new(Int64Array::from(v.into_iter().flatten().collect::<Vec<_>>()));
        let flat = cast(&flat, &dt).unwrap();
        let field = Arc::new(arrow::datatypes::Field::new("item", dt, false));
        Arc::new(ListArray::try_new(field, OffsetBuffer::from_lengths(lens), flat, None).unwrap())
    }

    #[test]
    fn matches_chdb() {
        // sumMap(k, v) over ([1,2],[10,20]) and ([2,3],[5,5]) → ([1,2,3],[10,25,5]);
        // minMap → ([1,2,3],[10,5,5]); maxMap → ([1,2,3],[10,20,5])
        let t = [ChType::Array(Box::new(ChType::UInt8)), ChType::Array(Box::new(ChType::UInt8))];
        let k = list(vec![vec![1, 2], vec![2, 3]], DataType::UInt8);
        let v = list(vec![vec![10, 20], vec![5, 5]], DataType::UInt8);
        let run = |f: Arc<dyn AggregateFunction>| {
            let mut s = f.new_state();
            s.add(&[k.clone(), v.clone()]).unwrap();
            let mut bytes = Vec::new();
            s.write(&mut bytes);
            let mut s2 = f.new_state();
            s2.merge(&mut Reader::new(&bytes)).unwrap();
            let r = s.result().unwrap().to_string();
            assert_eq!(r, s2.result().unwrap().to_string());
            r
        };
        assert_eq!(run(sum_map(&[], &t).unwrap()), "{1:[1, 2, 3],2:[10, 25, 5]}");
        assert_eq!(run(min_map(&[], &t).unwrap()), "{1:[1, 2, 3],2:[10, 5, 5]}");
        assert_eq!(run(max_map(&[], &t).unwrap()), "{1:[1, 2, 3],2:[10, 20, 5]}");
        // A zero sum drops the key: sumMap over ([1,2],[10,0]) → ([1],[10]).
        let f = sum_map(&[], &t).unwrap();
        let mut s = f.new_state();
        let k = list(vec![vec![1, 2]], DataType::UInt8);
        let v = list(vec![vec![10, 0]], DataType::UInt8);
        s.add(&[k, v]).unwrap();
        assert_eq!(s.result().unwrap().to_string(), "{1:[1],2:[10]}");
        // Sizes must match.
        let mut s = f.new_state();
        let k = list(vec![vec![1, 2]], DataType::UInt8);
        let v = list(vec![vec![10]], DataType::UInt8);
        assert!(s.add(&[k, v]).is_err());
    }
}
