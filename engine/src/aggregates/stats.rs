//! varPop, varSamp, stddevPop, stddevSamp, covarPop, covarSamp, corr,
//! skewPop/skewSamp/kurtPop/kurtSamp — Float64 (Float32 when every argument
//! is Float32), NaN when undefined. Computed from Kahan-compensated sums of powers
//! (n, Σx, Σy, Σxy, Σx², Σy²): this reproduces chdb's varPop/varSamp digits
//! exactly (x = n·0.1 + 1e6 → 833.3325 where Welford gives 833.33249990…);
//! covarPop/corr agree with chdb to ~1e-9 relative only (known gap).
//! State (after the version byte): u64 count, then (sum, compensation) f64 LE
//! pairs for Σx, Σy, Σxy, Σx², Σy² (+ f64 Σx³, Σx⁴ for skew*/kurt*).

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
    SkewPop,
    SkewSamp,
    KurtPop,
    KurtSamp,
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
            StatKind::SkewPop => "skewPop",
            StatKind::SkewSamp => "skewSamp",
            StatKind::KurtPop => "kurtPop",
            StatKind::KurtSamp => "kurtSamp",
        }
    }

    /// skew*/kurt* also keep Σx³ and Σx⁴.
    fn higher(self) -> bool {
        matches!(self, StatKind::SkewPop | StatKind::SkewSamp | StatKind::KurtPop | StatKind::KurtSamp)
    }

    fn two_args(self) -> bool {
        matches!(self, StatKind::CovarPop | StatKind::CovarSamp | StatKind::Corr)
    }
}

/// The kind and whether the result is Float32 (every argument Float32).
#[derive(Debug)]
pub struct Stat(StatKind, bool);

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

/// Kind, Float32 result, moments, plain Σx³ and Σx⁴ (skew/kurt only).
#[derive(Debug)]
struct StatState(StatKind, bool, Moments, [f64; 2]);

impl AggregateFunction for Stat {
    fn signature(&self) -> String {
        self.0.name().into()
    }
    fn return_type(&self) -> ChType {
        if self.1 {
            ChType::Float32
        } else {
            ChType::Float64
        }
    }
    fn new_state(&self) -> Box<dyn AggState> {
        Box::new(StatState(self.0, self.1, Moments::default(), [0.0; 2]))
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
                self.2.add(*a, *b);
            }
        } else {
            for a in xs.iter() {
                self.2.add(*a, 0.0);
            }
            if self.0.higher() {
                for a in xs.iter() {
                    let sq = a * a;
                    self.3[0] += sq * a;
                    self.3[1] += sq * sq;
                }
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
        self.2.merge(&o);
        if self.0.higher() {
            self.3[0] += r.f64()?;
            self.3[1] += r.f64()?;
        }
        Ok(())
    }
    fn write(&self, out: &mut Vec<u8>) {
        let m = &self.2;
        out.extend_from_slice(&m.count.to_le_bytes());
        for k in m.fields() {
            out.extend_from_slice(&k.sum.to_le_bytes());
            out.extend_from_slice(&k.comp.to_le_bytes());
        }
        if self.0.higher() {
            out.extend_from_slice(&self.3[0].to_le_bytes());
            out.extend_from_slice(&self.3[1].to_le_bytes());
        }
    }
    fn result(&self) -> DfResult<ScalarValue> {
        let v = self.value();
        Ok(if self.1 { ScalarValue::Float32(Some(v as f32)) } else { ScalarValue::Float64(Some(v)) })
    }
    fn size(&self) -> usize {
        0
    }
}

impl StatState {
    fn value(&self) -> f64 {
        let m = &self.2;
        let n = m.count as f64;
        let (x, y, xy, xx, yy) = (m.x.sum, m.y.sum, m.xy.sum, m.xx.sum, m.yy.sum);
        let var = (xx - x * x / n).max(0.0);
        let co = xy - x * y / n;
        let pop = |v: f64| if m.count == 0 { f64::NAN } else { v / n };
        let samp = |v: f64| if m.count <= 1 { f64::NAN } else { v / (n - 1.0) };
        match self.0 {
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
            StatKind::SkewPop | StatKind::SkewSamp | StatKind::KurtPop | StatKind::KurtSamp => {
                // ClickHouse VarMoments: central moments from the raw power sums.
                let (m1, m2, m3, m4) = (x, xx, self.3[0], self.3[1]);
                let var_pop = (m2 - m1 * m1 / n) / n;
                let var_samp = (m2 - m1 * m1 / n) / (n - 1.0);
                let c3 = (m3 - (3.0 * m2 - 2.0 * m1 * m1 / n) * m1 / n) / n;
                let c4 = (m4 - (4.0 * m3 - (6.0 * m2 - 3.0 * m1 * m1 / n) * m1 / n) * m1 / n) / n;
                match self.0 {
                    StatKind::SkewPop => c3 / var_pop.powf(1.5),
                    StatKind::SkewSamp => c3 / var_samp.powf(1.5),
                    StatKind::KurtPop => c4 / (var_pop * var_pop),
                    _ => c4 / (var_samp * var_samp),
                }
            }
        }
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
    let f32 = args.iter().all(|a| *a.base() == ChType::Float32);
    Ok(Arc::new(Stat(kind, f32)))
}

pub fn skew_pop(p: &[ScalarValue], a: &[ChType]) -> Result<Arc<dyn AggregateFunction>> {
    stat(StatKind::SkewPop, p, a)
}
pub fn skew_samp(p: &[ScalarValue], a: &[ChType]) -> Result<Arc<dyn AggregateFunction>> {
    stat(StatKind::SkewSamp, p, a)
}
pub fn kurt_pop(p: &[ScalarValue], a: &[ChType]) -> Result<Arc<dyn AggregateFunction>> {
    stat(StatKind::KurtPop, p, a)
}
pub fn kurt_samp(p: &[ScalarValue], a: &[ChType]) -> Result<Arc<dyn AggregateFunction>> {
    stat(StatKind::KurtSamp, p, a)
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
