//! sumWithOverflow (a sum in the argument's own type, wrapping), anyHeavy
//! (ClickHouse's heavy-hitter vote: a value and a counter) and boundingRatio
//! (the slope between the points of smallest and largest x).
//! States (after the version byte): sumWithOverflow = the running sum as
//! `basic::SumValue` writes it; anyHeavy = u8 has, then (if has) the value
//! blob (state.rs codec) and u64 counter; boundingRatio = u8 empty, then
//! f64 left_x, left_y, right_x, right_y.

use std::sync::Arc;

use arrow::array::{Array, ArrayRef, AsArray};
use arrow::compute::cast;
use arrow::datatypes::{DataType, Float64Type};
use datafusion::error::Result as DfResult;
use datafusion::scalar::ScalarValue;

use super::basic::{SumKind, SumValue};
use super::state::{codec_supports, decode_scalar, encode_value, put_blob, Reader};
use super::udaf::{rows, AggState, AggregateFunction};
use super::{illegal_arg, need_args};
use crate::error::{Error, ErrorCode, Result};
use crate::types::ChType;

// ---------------------------------------------------------------- sumWithOverflow

/// sumWithOverflow(x): the sum in x's own type (integers wrap).
#[derive(Debug)]
pub struct SumWithOverflow {
    ty: ChType,
    kind: SumKind,
}

#[derive(Debug)]
struct SumWithOverflowState {
    ty: ChType,
    kind: SumKind,
    sum: SumValue,
}

impl AggregateFunction for SumWithOverflow {
    fn signature(&self) -> String {
        "sumWithOverflow".into()
    }
    fn return_type(&self) -> ChType {
        self.ty.clone()
    }
    fn new_state(&self) -> Box<dyn AggState> {
        Box::new(SumWithOverflowState { ty: self.ty.clone(), kind: self.kind, sum: SumValue::zero(self.kind) })
    }
}

/// The sum narrowed (wrapping) to the argument type.
pub fn narrow(ty: &ChType, v: &SumValue) -> ScalarValue {
    let (i, u, f) = match *v {
        SumValue::Int(x) => (x, x as u64, x as f64),
        SumValue::UInt(x) => (x as i64, x, x as f64),
        SumValue::Float(x) => (x as i64, x as u64, x),
        SumValue::Decimal(x, _) => (x as i64, x as u64, x as f64),
    };
    match ty {
        ChType::Int8 => ScalarValue::Int8(Some(i as i8)),
        ChType::Int16 => ScalarValue::Int16(Some(i as i16)),
        ChType::Int32 => ScalarValue::Int32(Some(i as i32)),
        ChType::Int64 => ScalarValue::Int64(Some(i)),
        ChType::UInt8 => ScalarValue::UInt8(Some(u as u8)),
        ChType::UInt16 => ScalarValue::UInt16(Some(u as u16)),
        ChType::UInt32 => ScalarValue::UInt32(Some(u as u32)),
        ChType::UInt64 => ScalarValue::UInt64(Some(u)),
        ChType::Float32 => ScalarValue::Float32(Some(f as f32)),
        ChType::Decimal(p, s) => match *v {
            SumValue::Decimal(x, _) => ScalarValue::Decimal128(Some(x), *p, *s as i8),
            _ => ScalarValue::Decimal128(Some(0), *p, *s as i8),
        },
        _ => ScalarValue::Float64(Some(f)),
    }
}

impl AggState for SumWithOverflowState {
    fn add(&mut self, args: &[ArrayRef]) -> DfResult<()> {
        let a =
            if args[0].data_type() == &DataType::Boolean { cast(&args[0], &DataType::UInt8)? } else { args[0].clone() };
        self.sum.add_array(&a)
    }
    fn merge(&mut self, r: &mut Reader) -> DfResult<()> {
        let o = SumValue::read(self.kind, r)?;
        self.sum.add(o);
        Ok(())
    }
    fn write(&self, out: &mut Vec<u8>) {
        self.sum.write(out)
    }
    fn result(&self) -> DfResult<ScalarValue> {
        Ok(narrow(&self.ty, &self.sum))
    }
    fn size(&self) -> usize {
        0
    }
}

pub fn sum_with_overflow(params: &[ScalarValue], args: &[ChType]) -> Result<Arc<dyn AggregateFunction>> {
    const NAME: &str = "sumWithOverflow";
    need_args(NAME, params, args, 1)?;
    let t = args[0].base().clone();
    let ty = match &t {
        ChType::Bool => ChType::UInt8,
        ChType::Decimal(p, _) if *p <= 38 => t.clone(),
        t if (t.is_signed_int() || t.is_unsigned_int()) && t.bit_width().is_some_and(|w| w <= 64) => t.clone(),
        ChType::Float32 | ChType::Float64 => t.clone(),
        t if t.is_numeric() && !t.is_float() => {
            return Err(Error::new(ErrorCode::NOT_IMPLEMENTED, format!("{NAME} over {t} is not implemented yet")))
        }
        other => return Err(illegal_arg(NAME, other)),
    };
    let kind = SumKind::of(NAME, &t)?;
    Ok(Arc::new(SumWithOverflow { ty, kind }))
}

// ---------------------------------------------------------------- anyHeavy

/// anyHeavy(x): a frequently occurring value (the Boyer–Moore majority vote).
#[derive(Debug)]
pub struct AnyHeavy {
    ty: ChType,
}

#[derive(Debug)]
struct AnyHeavyState {
    dt: DataType,
    value: Option<Vec<u8>>,
    counter: u64,
}

impl AnyHeavyState {
    fn vote(&mut self, key: &[u8], weight: u64) {
        match &self.value {
            Some(v) if v.as_slice() == key => self.counter += weight,
            _ if self.counter < weight => {
                // The stronger candidate takes over with its surplus.
                self.counter = weight - self.counter;
                self.value = Some(key.to_vec());
            }
            _ => self.counter -= weight,
        }
    }
}

impl AggregateFunction for AnyHeavy {
    fn signature(&self) -> String {
        "anyHeavy".into()
    }
    fn return_type(&self) -> ChType {
        self.ty.clone()
    }
    fn new_state(&self) -> Box<dyn AggState> {
        Box::new(AnyHeavyState { dt: self.ty.to_arrow(), value: None, counter: 0 })
    }
}

impl AggState for AnyHeavyState {
    fn add(&mut self, args: &[ArrayRef]) -> DfResult<()> {
        let a = &args[0];
        let mut key = Vec::new();
        for row in 0..a.len() {
            if a.is_null(row) {
                continue;
            }
            key.clear();
            encode_value(a.as_ref(), row, &mut key);
            self.vote(&key, 1);
        }
        Ok(())
    }
    fn merge(&mut self, r: &mut Reader) -> DfResult<()> {
        if r.u8()? == 0 {
            return Ok(());
        }
        let key = r.blob()?.to_vec();
        let counter = r.u64()?;
        if self.value.is_none() {
            self.value = Some(key);
            self.counter = counter;
        } else {
            self.vote(&key, counter);
        }
        Ok(())
    }
    fn write(&self, out: &mut Vec<u8>) {
        match &self.value {
            None => out.push(0),
            Some(v) => {
                out.push(1);
                put_blob(out, v);
                out.extend_from_slice(&self.counter.to_le_bytes());
            }
        }
    }
    fn result(&self) -> DfResult<ScalarValue> {
        match &self.value {
            Some(v) => decode_scalar(&mut Reader::new(v), &self.dt),
            None => default_scalar(&self.dt),
        }
    }
    fn size(&self) -> usize {
        self.value.as_ref().map(|v| v.capacity()).unwrap_or(0)
    }
}

/// The default value of a type (what ClickHouse returns for an empty anyHeavy).
fn default_scalar(dt: &DataType) -> DfResult<ScalarValue> {
    let v = ScalarValue::new_zero(dt).or_else(|_| ScalarValue::try_from(dt))?;
    Ok(match (dt, &v) {
        (DataType::BinaryView, ScalarValue::BinaryView(None)) => ScalarValue::BinaryView(Some(Vec::new())),
        _ => v,
    })
}

pub fn any_heavy(params: &[ScalarValue], args: &[ChType]) -> Result<Arc<dyn AggregateFunction>> {
    need_args("anyHeavy", params, args, 1)?;
    let ty = args[0].remove_low_cardinality();
    if !codec_supports(&ty.to_arrow()) {
        return Err(Error::new(ErrorCode::NOT_IMPLEMENTED, format!("anyHeavy over {ty} is not implemented yet")));
    }
    Ok(Arc::new(AnyHeavy { ty }))
}

// ---------------------------------------------------------------- boundingRatio

/// boundingRatio(x, y): (y at max x − y at min x) / (max x − min x), Float64.
#[derive(Debug)]
pub struct BoundingRatio;

#[derive(Debug, Default)]
struct BoundingRatioState {
    empty: bool,
    left: (f64, f64),
    right: (f64, f64),
}

impl BoundingRatioState {
    fn point(&mut self, x: f64, y: f64) {
        if self.empty {
            self.left = (x, y);
            self.right = (x, y);
            self.empty = false;
        } else {
            if x < self.left.0 {
                self.left = (x, y);
            }
            if x > self.right.0 {
                self.right = (x, y);
            }
        }
    }
}

impl AggregateFunction for BoundingRatio {
    fn signature(&self) -> String {
        "boundingRatio".into()
    }
    fn return_type(&self) -> ChType {
        ChType::Float64
    }
    fn new_state(&self) -> Box<dyn AggState> {
        Box::new(BoundingRatioState { empty: true, ..Default::default() })
    }
}

/// A numeric/date column as Float64.
pub fn to_f64(a: &ArrayRef) -> DfResult<ArrayRef> {
    Ok(match a.data_type() {
        DataType::Float64 => a.clone(),
        DataType::Date32 | DataType::Timestamp(..) => cast(&cast(a, &DataType::Int64)?, &DataType::Float64)?,
        _ => cast(a, &DataType::Float64)?,
    })
}

impl AggState for BoundingRatioState {
    fn add(&mut self, args: &[ArrayRef]) -> DfResult<()> {
        let x = to_f64(&args[0])?;
        let y = to_f64(&args[1])?;
        let (x, y) = (x.as_primitive::<Float64Type>(), y.as_primitive::<Float64Type>());
        for row in 0..rows(args) {
            if x.is_valid(row) && y.is_valid(row) {
                self.point(x.value(row), y.value(row));
            }
        }
        Ok(())
    }
    fn merge(&mut self, r: &mut Reader) -> DfResult<()> {
        let empty = r.u8()? != 0;
        let left = (r.f64()?, r.f64()?);
        let right = (r.f64()?, r.f64()?);
        if empty {
            return Ok(());
        }
        if self.empty {
            *self = BoundingRatioState { empty: false, left, right };
        } else {
            if left.0 < self.left.0 {
                self.left = left;
            }
            if right.0 > self.right.0 {
                self.right = right;
            }
        }
        Ok(())
    }
    fn write(&self, out: &mut Vec<u8>) {
        out.push(self.empty as u8);
        for v in [self.left.0, self.left.1, self.right.0, self.right.1] {
            out.extend_from_slice(&v.to_le_bytes());
        }
    }
    fn result(&self) -> DfResult<ScalarValue> {
        let v = if self.empty || self.left.0 == self.right.0 {
            f64::NAN
        } else {
            (self.right.1 - self.left.1) / (self.right.0 - self.left.0)
        };
        Ok(ScalarValue::Float64(Some(v)))
    }
    fn size(&self) -> usize {
        0
    }
}

pub fn bounding_ratio(params: &[ScalarValue], args: &[ChType]) -> Result<Arc<dyn AggregateFunction>> {
    need_args("boundingRatio", params, args, 2)?;
    for a in args {
        let ok = (a.is_numeric() && a.bit_width().is_none_or(|w| w <= 64)) || a.is_date_or_datetime();
        if !ok {
            return Err(illegal_arg("boundingRatio", a));
        }
    }
    Ok(Arc::new(BoundingRatio))
}
