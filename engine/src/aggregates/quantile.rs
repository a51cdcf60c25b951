//! quantile / median / quantiles (ClickHouse's ReservoirSampler: 8192 samples,
//! pcg32_fast seeded with 123456 picks the slot to replace, linear interpolation between neighbours) and
//! quantileExact / medianExact / quantilesExact (the element at index
//! `floor(level * n)` of the sorted values, `n - 1` for level 1).
//! Result type: Float64 for numbers (quantile), the argument type for dates,
//! date-times and decimals and for the -Exact family; `quantiles*` → Array.
//! Samples are f64; quantileExact of integers, dates and date-times keeps the
//! exact values (i128). State (after the version byte): u64 total, u64 rng
//! state, VarUInt n, n values (f64 LE, or i128 LE for exact integers).

use std::sync::Arc;

use arrow::array::{ArrayRef, AsArray, ListArray};
use arrow::buffer::OffsetBuffer;
use arrow::compute::cast;
use arrow::datatypes::{DataType, Field, Float64Type, Int64Type, UInt64Type};
use datafusion::error::Result as DfResult;
use datafusion::scalar::ScalarValue;

use super::state::{put_var_u64, Reader};
use super::udaf::{AggState, AggregateFunction};
use super::{check_count, illegal_arg, param_f64, signature_with};
use crate::error::{Error, ErrorCode, Result};
use crate::types::ChType;

const SAMPLE_COUNT: usize = 8192;

/// pcg32_fast (PCG MCG 64→32, XSH-RS output), as ClickHouse's ReservoirSampler uses.
#[derive(Debug, Clone, Copy)]
pub struct Pcg32Fast(u64);

impl Default for Pcg32Fast {
    fn default() -> Self {
        Pcg32Fast(123456 | 3)
    }
}

impl Pcg32Fast {
    /// pcg32_fast seeded like ClickHouse's (`seed | 3`).
    pub fn with_seed(seed: u64) -> Self {
        Pcg32Fast(seed | 3)
    }

    pub fn next_u32(&mut self) -> u32 {
        let old = self.0;
        self.0 = old.wrapping_mul(6364136223846793005);
        let rshift = (old >> 61) as u32;
        let x = old ^ (old >> 22);
        (x >> (22 + rshift)) as u32
    }

    /// A number below `limit` (ClickHouse's ReservoirSampler genRandom).
    pub fn gen(&mut self, limit: u64) -> u64 {
        if limit == 0 {
            return 0;
        }
        if limit <= u32::MAX as u64 {
            self.next_u32() as u64 % limit
        } else {
            let hi = self.next_u32() as u64;
            let lo = self.next_u32() as u64;
            hi.wrapping_mul(1u64 << 32).wrapping_add(lo) % limit
        }
    }
}

/// How results are produced.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Mode {
    Interpolated,
    Exact,
    /// quantileExactLow: level 0.5 of an even count takes the lower middle.
    ExactLow,
    /// quantileExactHigh: as quantileExact.
    ExactHigh,
}

impl Mode {
    fn exact(self) -> bool {
        self != Mode::Interpolated
    }

    /// The index picked from `n` sorted values (n > 0).
    fn index(self, level: f64, n: usize) -> usize {
        if self == Mode::ExactLow && level == 0.5 && n.is_multiple_of(2) {
            return n / 2 - 1;
        }
        let i = if level < 1.0 { (level * n as f64) as usize } else { n - 1 };
        i.min(n - 1)
    }
}

#[derive(Debug)]
pub struct Quantile {
    name: &'static str,
    params: Vec<ScalarValue>,
    levels: Vec<f64>,
    many: bool,
    mode: Mode,
    /// Result element type.
    ty: ChType,
}

#[derive(Debug)]
struct QuantileState {
    levels: Vec<f64>,
    many: bool,
    mode: Mode,
    ty: ChType,
    total: u64,
    rng: Pcg32Fast,
    samples: Vec<f64>,
    /// quantileExact of integers, dates and date-times: the exact values.
    ints: Option<Vec<i128>>,
}

impl QuantileState {
    fn insert(&mut self, v: f64) {
        self.total += 1;
        if self.mode.exact() || self.samples.len() < SAMPLE_COUNT {
            self.samples.push(v);
        } else {
            let r = self.rng.gen(self.total) as usize;
            if r < SAMPLE_COUNT {
                self.samples[r] = v;
            }
        }
    }

    fn merge_samples(&mut self, total: u64, other: Vec<f64>) {
        if self.mode.exact() || total <= SAMPLE_COUNT as u64 {
            for v in other {
                self.insert(v);
            }
        } else if self.total <= SAMPLE_COUNT as u64 {
            let mine = std::mem::replace(&mut self.samples, other);
            self.total = total;
            for v in mine {
                self.insert(v);
            }
        } else {
            self.total += total;
            let frequency = self.total as f64 / total as f64;
            if frequency * 2.0 >= SAMPLE_COUNT as f64 {
                let r = self.rng.gen(frequency as u64) as usize;
                if r < SAMPLE_COUNT && r < other.len() && r < self.samples.len() {
                    self.samples[r] = other[r];
                }
            } else {
                let mut i = 0.0;
                while i < SAMPLE_COUNT as f64 {
                    let k = i as usize;
                    if k < other.len() && k < self.samples.len() {
                        self.samples[k] = other[k];
                    }
                    i += frequency;
                }
            }
        }
    }

    fn value_at(&self, sorted: &[f64], level: f64) -> f64 {
        let n = sorted.len();
        if n == 0 {
            return f64::NAN;
        }
        match self.mode {
            Mode::Exact | Mode::ExactLow | Mode::ExactHigh => sorted[self.mode.index(level, n)],
            Mode::Interpolated => {
                let index = (level * (n - 1) as f64).clamp(0.0, (n - 1) as f64);
                let i = index as usize;
                let frac = index - i as f64;
                if i + 1 >= n {
                    sorted[i]
                } else {
                    (1.0 - frac) * sorted[i] + frac * sorted[i + 1]
                }
            }
        }
    }

    fn to_scalar(&self, v: f64, empty: bool) -> DfResult<ScalarValue> {
        if self.ty == ChType::Float64 {
            return Ok(ScalarValue::Float64(Some(v)));
        }
        let dt = self.ty.to_arrow();
        if empty {
            return match dt {
                DataType::Float32 => Ok(ScalarValue::Float32(Some(f32::NAN))),
                _ => ScalarValue::new_default(&dt),
            };
        }
        if let DataType::Decimal128(p, s) = dt {
            let scaled = (v * 10f64.powi(s as i32)).round() as i128;
            return Ok(ScalarValue::Decimal128(Some(scaled), p, s));
        }
        let f = ScalarValue::Float64(Some(v.trunc()));
        match dt {
            DataType::Float32 => Ok(ScalarValue::Float32(Some(v as f32))),
            DataType::Date32 | DataType::Timestamp(..) => ScalarValue::Int64(Some(v as i64)).cast_to(&dt),
            _ => f.cast_to(&dt),
        }
    }
}

impl AggregateFunction for Quantile {
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
        Box::new(QuantileState {
            levels: self.levels.clone(),
            many: self.many,
            mode: self.mode,
            ty: self.ty.clone(),
            total: 0,
            rng: Pcg32Fast::default(),
            samples: Vec::new(),
            ints: (self.mode.exact() && (self.ty.is_integer() || self.ty.is_date_or_datetime())).then(Vec::new),
        })
    }
}

impl AggState for QuantileState {
    fn add(&mut self, args: &[ArrayRef]) -> DfResult<()> {
        let a = &args[0];
        if let Some(ints) = &mut self.ints {
            self.total += a.len() as u64;
            if self.ty.is_unsigned_int() {
                let c = cast(a, &DataType::UInt64)?;
                ints.extend(c.as_primitive::<UInt64Type>().values().iter().map(|v| *v as i128));
            } else {
                let c = cast(a, &DataType::Int64)?;
                ints.extend(c.as_primitive::<Int64Type>().values().iter().map(|v| *v as i128));
            }
            return Ok(());
        }
        let f = match a.data_type() {
            DataType::Timestamp(..) | DataType::Date32 => cast(&cast(a, &DataType::Int64)?, &DataType::Float64)?,
            _ => cast(a, &DataType::Float64)?,
        };
        for v in f.as_primitive::<Float64Type>().values().iter() {
            self.insert(*v);
        }
        Ok(())
    }
    fn merge(&mut self, r: &mut Reader) -> DfResult<()> {
        let total = r.u64()?;
        let _rng = r.u64()?;
        if let Some(ints) = &mut self.ints {
            let n = r.count(16)?;
            for _ in 0..n {
                ints.push(r.i128()?);
            }
            self.total += total;
            return Ok(());
        }
        let n = r.count(8)?;
        let mut other = Vec::with_capacity(n);
        for _ in 0..n {
            other.push(r.f64()?);
        }
        self.merge_samples(total, other);
        Ok(())
    }
    fn write(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&self.total.to_le_bytes());
        out.extend_from_slice(&self.rng.0.to_le_bytes());
        if let Some(ints) = &self.ints {
            put_var_u64(out, ints.len() as u64);
            for v in ints {
                out.extend_from_slice(&v.to_le_bytes());
            }
            return;
        }
        put_var_u64(out, self.samples.len() as u64);
        for v in &self.samples {
            out.extend_from_slice(&v.to_le_bytes());
        }
    }
    fn result(&self) -> DfResult<ScalarValue> {
        let vals: Vec<ScalarValue> = match &self.ints {
            Some(ints) => {
                let mut sorted = ints.clone();
                sorted.sort_unstable();
                let dt = self.ty.to_arrow();
                let n = sorted.len();
                self.levels
                    .iter()
                    .map(|l| {
                        if n == 0 {
                            return ScalarValue::new_default(&dt);
                        }
                        let v = sorted[self.mode.index(*l, n)];
                        let wide = if self.ty.is_unsigned_int() {
                            ScalarValue::UInt64(Some(v as u64))
                        } else {
                            ScalarValue::Int64(Some(v as i64))
                        };
                        wide.cast_to(&dt)
                    })
                    .collect::<DfResult<_>>()?
            }
            None => {
                let mut sorted = self.samples.clone();
                sorted.sort_by(|a, b| a.total_cmp(b));
                let empty = sorted.is_empty();
                self.levels
                    .iter()
                    .map(|l| self.to_scalar(self.value_at(&sorted, *l), empty))
                    .collect::<DfResult<_>>()?
            }
        };
        if !self.many {
            return vals
                .into_iter()
                .next()
                .ok_or_else(|| Error::new(ErrorCode::LOGICAL_ERROR, "quantile without a level").into_datafusion());
        }
        let dt = self.ty.to_arrow();
        let values =
            if vals.is_empty() { arrow::array::new_empty_array(&dt) } else { ScalarValue::iter_to_array(vals)? };
        let field = Arc::new(Field::new("item", dt, false));
        let list = ListArray::try_new(field, OffsetBuffer::from_lengths([values.len()]), values, None)?;
        Ok(ScalarValue::List(Arc::new(list)))
    }
    fn size(&self) -> usize {
        self.samples.capacity() * 8 + self.ints.as_ref().map(|v| v.capacity() * 16).unwrap_or(0)
    }
}

pub(super) fn levels_of(params: &[ScalarValue], many: bool) -> Result<Vec<f64>> {
    if !many && params.len() > 1 {
        return Err(Error::new(
            ErrorCode::NUMBER_OF_ARGUMENTS_DOESNT_MATCH,
            "Aggregate function quantile requires one level parameter or less",
        ));
    }
    let mut out = Vec::new();
    for p in params {
        let l = param_f64(p).ok_or_else(|| {
            Error::new(
                ErrorCode::CANNOT_CONVERT_TYPE,
                format!("Cannot convert {} to double", super::collect::param_type_name(p)),
            )
        })?;
        if !(0.0..=1.0).contains(&l) {
            return Err(Error::new(ErrorCode::PARAMETER_OUT_OF_BOUND, "Quantile level is out of range [0..1]"));
        }
        out.push(l);
    }
    if out.is_empty() {
        if many {
            return Err(Error::new(
                ErrorCode::NUMBER_OF_ARGUMENTS_DOESNT_MATCH,
                "Aggregate function quantiles requires at least one parameter",
            ));
        }
        out.push(0.5);
    }
    Ok(out)
}

fn build(
    name: &'static str,
    mode: Mode,
    many: bool,
    params: &[ScalarValue],
    args: &[ChType],
) -> Result<Arc<dyn AggregateFunction>> {
    check_count(name, args, 1)?;
    let levels = levels_of(params, many)?;
    let t = args[0].remove_low_cardinality();
    let ok = (t.is_numeric() && t.bit_width().is_none_or(|w| w <= 64)) || t.is_date_or_datetime();
    if !ok {
        return Err(illegal_arg(name, &t));
    }
    let ty = match mode {
        Mode::Exact | Mode::ExactLow | Mode::ExactHigh => t,
        Mode::Interpolated if t.is_date_or_datetime() || t.is_decimal() => t,
        Mode::Interpolated => ChType::Float64,
    };
    Ok(Arc::new(Quantile { name, params: params.to_vec(), levels, many, mode, ty }))
}

pub fn quantile(p: &[ScalarValue], a: &[ChType]) -> Result<Arc<dyn AggregateFunction>> {
    build("quantile", Mode::Interpolated, false, p, a)
}
pub fn quantiles(p: &[ScalarValue], a: &[ChType]) -> Result<Arc<dyn AggregateFunction>> {
    build("quantiles", Mode::Interpolated, true, p, a)
}
pub fn quantile_exact(p: &[ScalarValue], a: &[ChType]) -> Result<Arc<dyn AggregateFunction>> {
    build("quantileExact", Mode::Exact, false, p, a)
}
pub fn quantiles_exact(p: &[ScalarValue], a: &[ChType]) -> Result<Arc<dyn AggregateFunction>> {
    build("quantilesExact", Mode::Exact, true, p, a)
}
pub fn quantile_exact_low(p: &[ScalarValue], a: &[ChType]) -> Result<Arc<dyn AggregateFunction>> {
    build("quantileExactLow", Mode::ExactLow, false, p, a)
}
pub fn quantiles_exact_low(p: &[ScalarValue], a: &[ChType]) -> Result<Arc<dyn AggregateFunction>> {
    build("quantilesExactLow", Mode::ExactLow, true, p, a)
}
pub fn quantile_exact_high(p: &[ScalarValue], a: &[ChType]) -> Result<Arc<dyn AggregateFunction>> {
    build("quantileExactHigh", Mode::ExactHigh, false, p, a)
}
pub fn quantiles_exact_high(p: &[ScalarValue], a: &[ChType]) -> Result<Arc<dyn AggregateFunction>> {
    build("quantilesExactHigh", Mode::ExactHigh, true, p, a)
}
