//! quantileExactWeighted / quantilesExactWeighted (ClickHouse
//! QuantileExactWeighted): values sorted ascending with their summed weights;
//! the result is the first value whose running weight reaches
//! `ceil(total_weight * level)` (the last value when none does). The weight is
//! an unsigned integer. Result type: the argument type (Float64 for floats
//! computed in f64, Float32 kept). Values are kept as i128 (integers, dates,
//! date-times, raw decimals) or f64 (floats). State (after the version byte):
//! u8 kind, VarUInt n, n × (value i128 or f64 LE, u64 weight LE).

use std::sync::Arc;

use arrow::array::{ArrayRef, AsArray, ListArray};
use arrow::buffer::OffsetBuffer;
use arrow::compute::cast;
use arrow::datatypes::{DataType, Decimal128Type, Field, Float64Type, Int64Type, UInt64Type};
use datafusion::error::Result as DfResult;
use datafusion::scalar::ScalarValue;

use super::quantile::levels_of;
use super::state::{put_var_u64, Reader};
use super::udaf::{AggState, AggregateFunction};
use super::{check_count, illegal_arg, signature_with};
use crate::error::{Error, ErrorCode, Result};
use crate::types::ChType;

/// How values are stored.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Kind {
    Signed,
    Unsigned,
    Decimal,
    Float,
}

#[derive(Debug)]
pub struct QuantileWeighted {
    name: &'static str,
    params: Vec<ScalarValue>,
    levels: Vec<f64>,
    many: bool,
    kind: Kind,
    ty: ChType,
}

#[derive(Debug)]
struct WeightedState {
    levels: Vec<f64>,
    many: bool,
    kind: Kind,
    ty: ChType,
    ints: Vec<i128>,
    floats: Vec<f64>,
    weights: Vec<u64>,
}

impl AggregateFunction for QuantileWeighted {
    fn signature(&self) -> String {
        signature_with(self.name, &self.params)
    }
    fn return_type(&self) -> ChType {
        if self.many {
            ChType::Array(Box::new(self.ty.clone()))
        } else {
            self.ty.clone()
        }
    }
    fn new_state(&self) -> Box<dyn AggState> {
        Box::new(WeightedState {
            levels: self.levels.clone(),
            many: self.many,
            kind: self.kind,
            ty: self.ty.clone(),
            ints: Vec::new(),
            floats: Vec::new(),
            weights: Vec::new(),
        })
    }
}

impl WeightedState {
    fn len(&self) -> usize {
        self.weights.len()
    }

    /// The picked element index for each level (None when empty).
    fn picks(&self) -> Vec<Option<usize>> {
        let mut order: Vec<usize> = (0..self.len()).collect();
        if self.kind == Kind::Float {
            order.sort_by(|a, b| self.floats[*a].total_cmp(&self.floats[*b]));
        } else {
            order.sort_by_key(|i| self.ints[*i]);
        }
        // Equal values are one entry with the summed weight (as ClickHouse's hash map).
        let same = |a: usize, b: usize| {
            if self.kind == Kind::Float {
                self.floats[a].total_cmp(&self.floats[b]).is_eq()
            } else {
                self.ints[a] == self.ints[b]
            }
        };
        let mut groups: Vec<(usize, u128)> = Vec::new();
        for i in order {
            match groups.last_mut() {
                Some((rep, w)) if same(*rep, i) => *w += self.weights[i] as u128,
                _ => groups.push((i, self.weights[i] as u128)),
            }
        }
        let total: u128 = groups.iter().map(|g| g.1).sum();
        self.levels
            .iter()
            .map(|l| {
                if groups.is_empty() {
                    return None;
                }
                let threshold = (total as f64 * l).ceil();
                let mut acc = 0u128;
                for (rep, w) in &groups {
                    acc += w;
                    if acc as f64 >= threshold {
                        return Some(*rep);
                    }
                }
                groups.last().map(|g| g.0)
            })
            .collect()
    }

    fn value(&self, pick: Option<usize>) -> DfResult<ScalarValue> {
        let dt = self.ty.to_arrow();
        let Some(i) = pick else {
            return match dt {
                DataType::Float64 => Ok(ScalarValue::Float64(Some(f64::NAN))),
                DataType::Float32 => Ok(ScalarValue::Float32(Some(f32::NAN))),
                _ => ScalarValue::new_default(&dt),
            };
        };
        match self.kind {
            Kind::Float => ScalarValue::Float64(Some(self.floats[i])).cast_to(&dt),
            Kind::Decimal => match dt {
                DataType::Decimal128(p, s) => Ok(ScalarValue::Decimal128(Some(self.ints[i]), p, s)),
                _ => ScalarValue::new_default(&dt),
            },
            Kind::Unsigned => ScalarValue::UInt64(Some(self.ints[i] as u64)).cast_to(&dt),
            Kind::Signed => ScalarValue::Int64(Some(self.ints[i] as i64)).cast_to(&dt),
        }
    }
}

impl AggState for WeightedState {
    fn add(&mut self, args: &[ArrayRef]) -> DfResult<()> {
        let (Some(a), Some(w)) = (args.first(), args.get(1)) else { return Ok(()) };
        let w = cast(w, &DataType::UInt64)?;
        let w = w.as_primitive::<UInt64Type>();
        match self.kind {
            Kind::Float => {
                let c = cast(a, &DataType::Float64)?;
                self.floats.extend_from_slice(c.as_primitive::<Float64Type>().values());
            }
            Kind::Decimal => {
                let c = a.as_primitive_opt::<Decimal128Type>().ok_or_else(|| {
                    Error::new(ErrorCode::LOGICAL_ERROR, "quantileExactWeighted: decimal column expected")
                        .into_datafusion()
                })?;
                self.ints.extend(c.values().iter().copied());
            }
            Kind::Unsigned => {
                let c = cast(a, &DataType::UInt64)?;
                self.ints.extend(c.as_primitive::<UInt64Type>().values().iter().map(|v| *v as i128));
            }
            Kind::Signed => {
                let c = cast(a, &DataType::Int64)?;
                self.ints.extend(c.as_primitive::<Int64Type>().values().iter().map(|v| *v as i128));
            }
        }
        self.weights.extend_from_slice(w.values());
        Ok(())
    }
    fn merge(&mut self, r: &mut Reader) -> DfResult<()> {
        let _kind = r.u8()?;
        let n = r.count(16)?;
        for _ in 0..n {
            if self.kind == Kind::Float {
                self.floats.push(r.f64()?);
            } else {
                self.ints.push(r.i128()?);
            }
            self.weights.push(r.u64()?);
        }
        Ok(())
    }
    fn write(&self, out: &mut Vec<u8>) {
        out.push(self.kind as u8);
        put_var_u64(out, self.len() as u64);
        for i in 0..self.len() {
            if self.kind == Kind::Float {
                out.extend_from_slice(&self.floats[i].to_le_bytes());
            } else {
                out.extend_from_slice(&self.ints[i].to_le_bytes());
            }
            out.extend_from_slice(&self.weights[i].to_le_bytes());
        }
    }
    fn result(&self) -> DfResult<ScalarValue> {
        let vals: Vec<ScalarValue> = self.picks().into_iter().map(|p| self.value(p)).collect::<DfResult<_>>()?;
        if !self.many {
            return vals.into_iter().next().ok_or_else(|| {
                Error::new(ErrorCode::LOGICAL_ERROR, "quantileExactWeighted without a level").into_datafusion()
            });
        }
        let dt = self.ty.to_arrow();
        let values =
            if vals.is_empty() { arrow::array::new_empty_array(&dt) } else { ScalarValue::iter_to_array(vals)? };
        let field = Arc::new(Field::new("item", dt, false));
        let list = ListArray::try_new(field, OffsetBuffer::from_lengths([values.len()]), values, None)?;
        Ok(ScalarValue::List(Arc::new(list)))
    }
    fn size(&self) -> usize {
        self.ints.capacity() * 16 + self.floats.capacity() * 8 + self.weights.capacity() * 8
    }
}

fn build(
    name: &'static str,
    many: bool,
    params: &[ScalarValue],
    args: &[ChType],
) -> Result<Arc<dyn AggregateFunction>> {
    check_count(name, args, 2)?;
    let levels = levels_of(params, many)?;
    let t = args[0].remove_low_cardinality();
    let w = args[1].remove_low_cardinality();
    if !(w.is_unsigned_int() && w.bit_width().is_some_and(|b| b <= 64)) {
        return Err(Error::new(
            ErrorCode::ILLEGAL_TYPE_OF_ARGUMENT,
            format!("Second argument (weight) for function {name} must be unsigned integer, but it has type {w}"),
        ));
    }
    let kind = if t.is_decimal() && matches!(t.to_arrow(), DataType::Decimal128(..)) {
        Kind::Decimal
    } else if t.is_float() {
        Kind::Float
    } else if t.is_date_or_datetime() || (t.is_signed_int() && t.bit_width().is_some_and(|b| b <= 64)) {
        Kind::Signed
    } else if t.is_unsigned_int() && t.bit_width().is_some_and(|b| b <= 64) || t == ChType::Bool {
        Kind::Unsigned
    } else {
        return Err(illegal_arg(name, &t));
    };
    Ok(Arc::new(QuantileWeighted { name, params: params.to_vec(), levels, many, kind, ty: t }))
}

pub fn quantile_exact_weighted(p: &[ScalarValue], a: &[ChType]) -> Result<Arc<dyn AggregateFunction>> {
    build("quantileExactWeighted", false, p, a)
}
pub fn quantiles_exact_weighted(p: &[ScalarValue], a: &[ChType]) -> Result<Arc<dyn AggregateFunction>> {
    build("quantilesExactWeighted", true, p, a)
}

#[cfg(test)]
mod tests {
    use super::*;
    use arrow::array::UInt64Array;

    fn run(levels: &[f64], vals: &[u64], weights: &[u64]) -> Vec<Option<usize>> {
        let params: Vec<ScalarValue> = levels.iter().map(|l| ScalarValue::Float64(Some(*l))).collect();
        let f = build("quantilesExactWeighted", true, &params, &[ChType::UInt64, ChType::UInt64]).unwrap();
        let mut st = WeightedState {
            levels: levels.to_vec(),
            many: true,
            kind: Kind::Unsigned,
            ty: ChType::UInt64,
            ints: Vec::new(),
            floats: Vec::new(),
            weights: Vec::new(),
        };
        let _ = f;
        let a: ArrayRef = Arc::new(UInt64Array::from(vals.to_vec()));
        let w: ArrayRef = Arc::new(UInt64Array::from(weights.to_vec()));
        st.add(&[a, w]).unwrap();
        st.picks()
    }

    #[test]
    fn weighted_levels_match_clickhouse() {
        // chdb: quantilesExactWeighted(0,0.1,0.2,0.3,0.5,0.7,0.9,1)(number, number) FROM numbers(10)
        //       = [0,3,4,5,7,8,9,9]
        let vals: Vec<u64> = (0..10).collect();
        let picks = run(&[0.0, 0.1, 0.2, 0.3, 0.5, 0.7, 0.9, 1.0], &vals, &vals);
        let got: Vec<u64> = picks.into_iter().map(|p| vals[p.unwrap()]).collect();
        assert_eq!(got, vec![0, 3, 4, 5, 7, 8, 9, 9]);
    }
}
