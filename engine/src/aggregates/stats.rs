//! varPop, varSamp, stddevPop, stddevSamp, covarPop, covarSamp, corr — all
//! Float64, NaN when undefined. Computed from Kahan-compensated sums of powers
//! (n, Σx, Σy, Σxy, Σx², Σy²): this reproduces chdb's varPop/varSamp digits
//! exactly (x = n·0.1 + 1e6 → 833.3325 where Welford gives 833.33249990…);
//! covarPop/corr agree with chdb to ~1e-9 relative only (known gap).
//! State (after the version byte): u64 count, then (sum, compensation) f64 LE
//! pairs for Σx, Σy, Σxy, Σx², Σy².

use std::sync::Arc;

use arrow::array::{ArrayRef, AsArray};
use arrow::compute::cast;
use arrow::datatypes::{DataType, Float64Type};
use datafusion::error::Result as DfResult;
use datafusion::scalar::ScalarValue;

use super::state::Reader;
use super::udaf::{AggState, AggregateFunction};
use super::{illegal_arg, need_args};
use crate::error::Result;
use crate::types::ChType;

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum StatKind {
    VarPop,
    VarSamp,
    StddevPop,
    StddevSamp,
    CovarPop,
    CovarSamp,
    Corr,
}

impl StatKind {
    fn name(self) -> &'static str {
        match self {
            StatKind::VarPop => "varPop",
            StatKind::VarSamp => "varSamp",
            StatKind::StddevPop => "stddevPop",
            StatKind::StddevSamp => "stddevSamp",
            StatKind::CovarPop => "covarPop",
            StatKind::CovarSamp => "covarSamp",
            StatKind::Corr => "corr",
        }
    }

    fn two_args(self) -> bool {
        matches!(self, StatKind::CovarPop | StatKind::CovarSamp | StatKind::Corr)
    }
}

#[derive(Debug)]
pub struct Stat(StatKind);

/// A compensated (Kahan) sum, as ClickHouse's statistics moments keep.
#[derive(Debug, Default, Clone, Copy)]
struct Kahan {
    sum: f64,
    comp: f64,
}

impl Kahan {
    fn add(&mut self, x: f64) {
        let y = x - self.comp;
        let t = self.sum + y;
        self.comp = (t - self.sum) - y;
        self.sum = t;
    }

    fn merge(&mut self, o: &Kahan) {
        self.add(o.sum);
        self.add(-o.comp);
    }
}

/// Sums of powers of one or two variables: n, Σx, Σy, Σxy, Σx², Σy².
#[derive(Debug, Default, Clone, Copy)]
struct Moments {
    count: u64,
    x: Kahan,
    y: Kahan,
    xy: Kahan,
    xx: Kahan,
    yy: Kahan,
}

impl Moments {
    fn add(&mut self, x: f64, y: f64) {
        self.count += 1;
        self.x.add(x);
        self.y.add(y);
        self.xy.add(x * y);
        self.xx.add(x * x);
        self.yy.add(y * y);
    }

    fn merge(&mut self, o: &Moments) {
        self.count += o.count;
        self.x.merge(&o.x);
        self.y.merge(&o.y);
        self.xy.merge(&o.xy);
        self.xx.merge(&o.xx);
        self.yy.merge(&o.yy);
    }

    fn fields(&self) -> [&Kahan; 5] {
        [&self.x, &self.y, &self.xy, &self.xx, &self.yy]
    }
}

#[derive(Debug)]
struct StatState(StatKind, Moments);

impl AggregateFunction for Stat {
    fn signature(&self) -> String {
        self.0.name().into()
    }
    fn return_type(&self) -> ChType {
        ChType::Float64
    }
    fn new_state(&self) -> Box<dyn AggState> {
        Box::new(StatState(self.0, Moments::default()))
    }
}

fn as_f64(a: &ArrayRef) -> DfResult<ArrayRef> {
    Ok(match a.data_type() {
        DataType::Float64 => a.clone(),
        DataType::Date32 | DataType::Timestamp(..) => cast(&cast(a, &DataType::Int64)?, &DataType::Float64)?,
        _ => cast(a, &DataType::Float64)?,
    })
}

impl AggState for StatState {
    fn add(&mut self, args: &[ArrayRef]) -> DfResult<()> {
        let x = as_f64(&args[0])?;
        let xs = x.as_primitive::<Float64Type>().values();
        if self.0.two_args() {
            let y = as_f64(&args[1])?;
            let ys = y.as_primitive::<Float64Type>().values();
            for (a, b) in xs.iter().zip(ys.iter()) {
                self.1.add(*a, *b);
            }
        } else {
            for a in xs.iter() {
                self.1.add(*a, 0.0);
            }
        }
        Ok(())
    }
    fn merge(&mut self, r: &mut Reader) -> DfResult<()> {
        let mut o = Moments { count: r.u64()?, ..Default::default() };
        for k in [&mut o.x, &mut o.y, &mut o.xy, &mut o.xx, &mut o.yy] {
            k.sum = r.f64()?;
            k.comp = r.f64()?;
        }
        self.1.merge(&o);
        Ok(())
    }
    fn write(&self, out: &mut Vec<u8>) {
        let m = &self.1;
        out.extend_from_slice(&m.count.to_le_bytes());
        for k in m.fields() {
            out.extend_from_slice(&k.sum.to_le_bytes());
            out.extend_from_slice(&k.comp.to_le_bytes());
        }
    }
    fn result(&self) -> DfResult<ScalarValue> {
        let m = &self.1;
        let n = m.count as f64;
        let (x, y, xy, xx, yy) = (m.x.sum, m.y.sum, m.xy.sum, m.xx.sum, m.yy.sum);
        let var = (xx - x * x / n).max(0.0);
        let co = xy - x * y / n;
        let pop = |v: f64| if m.count == 0 { f64::NAN } else { v / n };
        let samp = |v: f64| if m.count <= 1 { f64::NAN } else { v / (n - 1.0) };
        let v = match self.0 {
            StatKind::VarPop => pop(var),
            StatKind::VarSamp => samp(var),
            StatKind::StddevPop => pop(var).sqrt(),
            StatKind::StddevSamp => samp(var).sqrt(),
            StatKind::CovarPop => pop(co),
            StatKind::CovarSamp => samp(co),
            StatKind::Corr => {
                if m.count <= 1 {
                    f64::NAN
                } else {
                    (n * xy - x * y) / ((n * xx - x * x) * (n * yy - y * y)).sqrt()
                }
            }
        };
        Ok(ScalarValue::Float64(Some(v)))
    }
    fn size(&self) -> usize {
        0
    }
}

fn stat(kind: StatKind, params: &[ScalarValue], args: &[ChType]) -> Result<Arc<dyn AggregateFunction>> {
    need_args(kind.name(), params, args, if kind.two_args() { 2 } else { 1 })?;
    for a in args {
        let ok = (a.is_numeric() && a.bit_width().is_none_or(|w| w <= 64)) || a.is_date_or_datetime();
        if !ok {
            return Err(illegal_arg(kind.name(), a));
        }
    }
    Ok(Arc::new(Stat(kind)))
}

pub fn var_pop(p: &[ScalarValue], a: &[ChType]) -> Result<Arc<dyn AggregateFunction>> {
    stat(StatKind::VarPop, p, a)
}
pub fn var_samp(p: &[ScalarValue], a: &[ChType]) -> Result<Arc<dyn AggregateFunction>> {
    stat(StatKind::VarSamp, p, a)
}
pub fn stddev_pop(p: &[ScalarValue], a: &[ChType]) -> Result<Arc<dyn AggregateFunction>> {
    stat(StatKind::StddevPop, p, a)
}
pub fn stddev_samp(p: &[ScalarValue], a: &[ChType]) -> Result<Arc<dyn AggregateFunction>> {
    stat(StatKind::StddevSamp, p, a)
}
pub fn covar_pop(p: &[ScalarValue], a: &[ChType]) -> Result<Arc<dyn AggregateFunction>> {
    stat(StatKind::CovarPop, p, a)
}
pub fn covar_samp(p: &[ScalarValue], a: &[ChType]) -> Result<Arc<dyn AggregateFunction>> {
    stat(StatKind::CovarSamp, p, a)
}
pub fn corr(p: &[ScalarValue], a: &[ChType]) -> Result<Arc<dyn AggregateFunction>> {
    stat(StatKind::Corr, p, a)
}

// ---------------------------------------------------------------- avgWeighted

/// avgWeighted(x, w) = Σ x·w / Σ w in Float64 (NaN when Σ w = 0).
/// State (after the version byte): f64 Σ x·w, f64 Σ w.
#[derive(Debug)]
pub struct AvgWeighted;

#[derive(Debug, Default)]
struct AvgWeightedState {
    num: f64,
    den: f64,
}

impl AggregateFunction for AvgWeighted {
    fn signature(&self) -> String {
        "avgWeighted".into()
    }
    fn return_type(&self) -> ChType {
        ChType::Float64
    }
    fn new_state(&self) -> Box<dyn AggState> {
        Box::new(AvgWeightedState::default())
    }
}

impl AggState for AvgWeightedState {
    fn add(&mut self, args: &[ArrayRef]) -> DfResult<()> {
        let x = as_f64(&args[0])?;
        let w = as_f64(&args[1])?;
        for (a, b) in x.as_primitive::<Float64Type>().values().iter().zip(w.as_primitive::<Float64Type>().values()) {
            self.num += a * b;
            self.den += b;
        }
        Ok(())
    }
    fn merge(&mut self, r: &mut Reader) -> DfResult<()> {
        self.num += r.f64()?;
        self.den += r.f64()?;
        Ok(())
    }
    fn write(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&self.num.to_le_bytes());
        out.extend_from_slice(&self.den.to_le_bytes());
    }
    fn result(&self) -> DfResult<ScalarValue> {
        Ok(ScalarValue::Float64(Some(self.num / self.den)))
    }
    fn size(&self) -> usize {
        0
    }
}

pub fn avg_weighted(params: &[ScalarValue], args: &[ChType]) -> Result<Arc<dyn AggregateFunction>> {
    need_args("avgWeighted", params, args, 2)?;
    for a in args {
        let ok = (a.is_numeric() && !a.is_decimal() && a.bit_width().is_none_or(|w| w <= 64)) || a.is_decimal();
        if !ok {
            return Err(illegal_arg("avgWeighted", a));
        }
    }
    if args[0].is_decimal() != args[1].is_decimal() {
        return Err(crate::error::Error::new(
            crate::error::ErrorCode::ILLEGAL_TYPE_OF_ARGUMENT,
            format!(
                "Types {} and {} are non-conforming as arguments for aggregate function avgWeighted",
                args[0], args[1]
            ),
        ));
    }
    Ok(Arc::new(AvgWeighted))
}
