//! skewPop, skewSamp, kurtPop, kurtSamp (from plain power sums, as
//! ClickHouse's VarMoments), and the Float32 variants of varPop, varSamp,
//! stddevPop, stddevSamp, covarPop, covarSamp, corr: ClickHouse keeps the
//! moments of Float32 arguments in Float32 and returns Float32 (only when
//! every argument is Float32). Other argument types go to `stats.rs`.
//! Result NaN when undefined.
//! State (after the version byte): f64 n, Σx, Σx², Σx³, Σx⁴, Σy, Σy², Σxy
//! (Float32 runs keep values exactly representable in f32).

use std::sync::Arc;

use arrow::array::{ArrayRef, AsArray};
use arrow::datatypes::Float64Type;
use datafusion::error::Result as DfResult;
use datafusion::scalar::ScalarValue;

use super::extra_basic::to_f64;
use super::state::Reader;
use super::udaf::{rows, AggState, AggregateFunction};
use super::{illegal_arg, need_args, stats};
use crate::error::Result;
use crate::types::ChType;

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Moment {
    SkewPop,
    SkewSamp,
    KurtPop,
    KurtSamp,
    VarPop,
    VarSamp,
    StddevPop,
    StddevSamp,
    CovarPop,
    CovarSamp,
    Corr,
}

impl Moment {
    fn name(self) -> &'static str {
        match self {
            Moment::SkewPop => "skewPop",
            Moment::SkewSamp => "skewSamp",
            Moment::KurtPop => "kurtPop",
            Moment::KurtSamp => "kurtSamp",
            Moment::VarPop => "varPop",
            Moment::VarSamp => "varSamp",
            Moment::StddevPop => "stddevPop",
            Moment::StddevSamp => "stddevSamp",
            Moment::CovarPop => "covarPop",
            Moment::CovarSamp => "covarSamp",
            Moment::Corr => "corr",
        }
    }

    fn two_args(self) -> bool {
        matches!(self, Moment::CovarPop | Moment::CovarSamp | Moment::Corr)
    }
}

#[derive(Debug)]
pub struct Moments {
    kind: Moment,
    f32: bool,
}

/// n, Σx, Σx², Σx³, Σx⁴, Σy, Σy², Σxy.
#[derive(Debug, Default, Clone, Copy)]
struct Sums([f64; 8]);

#[derive(Debug)]
struct MomentsState {
    kind: Moment,
    f32: bool,
    s: Sums,
}

impl MomentsState {
    /// Rounds to Float32 in a Float32 run (f64 ops on f32 values, rounded, are f32 ops).
    fn r(&self, v: f64) -> f64 {
        if self.f32 {
            v as f32 as f64
        } else {
            v
        }
    }

    fn add(&mut self, x: f64, y: f64) {
        let x2 = self.r(x * x);
        let terms = [1.0, x, x2, self.r(x2 * x), self.r(self.r(x2 * x) * x), y, self.r(y * y), self.r(x * y)];
        for (i, t) in terms.into_iter().enumerate() {
            self.s.0[i] = self.r(self.s.0[i] + t);
        }
    }

    fn value(&self) -> f64 {
        let r = |v: f64| self.r(v);
        let [m0, m1, m2, m3, m4, y1, y2, xy] = self.s.0;
        let pop = || if m0 == 0.0 { f64::NAN } else { r(r(m2 - r(r(m1 * m1) / m0)) / m0).max(0.0) };
        let samp = || if m0 <= 1.0 { f64::NAN } else { r(r(m2 - r(r(m1 * m1) / m0)) / r(m0 - 1.0)).max(0.0) };
        let moment3 = || {
            if m0 == 0.0 {
                return f64::NAN;
            }
            if m0 == 1.0 {
                return 0.0;
            }
            let inner = r(r(3.0 * m2) - r(r(r(2.0 * m1) * m1) / m0));
            r(r(m3 - r(r(inner * m1) / m0)) / m0)
        };
        let moment4 = || {
            if m0 == 0.0 {
                return f64::NAN;
            }
            if m0 == 1.0 {
                return 0.0;
            }
            let a = r(r(6.0 * m2) - r(r(r(3.0 * m1) * m1) / m0));
            let b = r(r(4.0 * m3) - r(r(a * m1) / m0));
            r(r(m4 - r(r(b * m1) / m0)) / m0)
        };
        let ratio = |m: f64, var: f64, p: f64| if var > 0.0 { r(m / r(var.powf(p))) } else { f64::NAN };
        let co = || r(xy - r(r(m1 * y1) / m0));
        match self.kind {
            Moment::SkewPop => ratio(moment3(), pop(), 1.5),
            Moment::SkewSamp => ratio(moment3(), samp(), 1.5),
            Moment::KurtPop => ratio(moment4(), pop(), 2.0),
            Moment::KurtSamp => ratio(moment4(), samp(), 2.0),
            Moment::VarPop => pop(),
            Moment::VarSamp => samp(),
            Moment::StddevPop => r(pop().sqrt()),
            Moment::StddevSamp => r(samp().sqrt()),
            Moment::CovarPop => {
                if m0 == 0.0 {
                    f64::NAN
                } else {
                    r(co() / m0)
                }
            }
            Moment::CovarSamp => {
                if m0 <= 1.0 {
                    f64::NAN
                } else {
                    r(co() / r(m0 - 1.0))
                }
            }
            Moment::Corr => {
                if m0 <= 1.0 {
                    return f64::NAN;
                }
                let num = r(r(m0 * xy) - r(m1 * y1));
                let dx = r(r(m0 * m2) - r(m1 * m1));
                let dy = r(r(m0 * y2) - r(y1 * y1));
                r(num / r(r(dx * dy).sqrt()))
            }
        }
    }
}

impl AggregateFunction for Moments {
    fn signature(&self) -> String {
        self.kind.name().into()
    }
    fn return_type(&self) -> ChType {
        if self.f32 {
            ChType::Float32
        } else {
            ChType::Float64
        }
    }
    fn new_state(&self) -> Box<dyn AggState> {
        Box::new(MomentsState { kind: self.kind, f32: self.f32, s: Sums::default() })
    }
}

impl AggState for MomentsState {
    fn add(&mut self, args: &[ArrayRef]) -> DfResult<()> {
        let x = to_f64(&args[0])?;
        let xs = x.as_primitive::<Float64Type>().values();
        if self.kind.two_args() {
            let y = to_f64(&args[1])?;
            let ys = y.as_primitive::<Float64Type>().values();
            for row in 0..rows(args).min(xs.len()).min(ys.len()) {
                self.add(xs[row], ys[row]);
            }
        } else {
            for &v in xs.iter() {
                self.add(v, 0.0);
            }
        }
        Ok(())
    }
    fn merge(&mut self, r: &mut Reader) -> DfResult<()> {
        for i in 0..8 {
            let v = r.f64()?;
            self.s.0[i] = self.r(self.s.0[i] + v);
        }
        Ok(())
    }
    fn write(&self, out: &mut Vec<u8>) {
        for v in self.s.0 {
            out.extend_from_slice(&v.to_le_bytes());
        }
    }
    fn result(&self) -> DfResult<ScalarValue> {
        let v = self.value();
        Ok(if self.f32 { ScalarValue::Float32(Some(v as f32)) } else { ScalarValue::Float64(Some(v)) })
    }
    fn size(&self) -> usize {
        0
    }
}

fn moments(kind: Moment, params: &[ScalarValue], args: &[ChType]) -> Result<Arc<dyn AggregateFunction>> {
    need_args(kind.name(), params, args, if kind.two_args() { 2 } else { 1 })?;
    for a in args {
        if !(a.is_numeric() && a.bit_width().is_none_or(|w| w <= 64)) {
            return Err(illegal_arg(kind.name(), a));
        }
    }
    let f32 = args.iter().all(|a| *a.base() == ChType::Float32);
    Ok(Arc::new(Moments { kind, f32 }))
}

pub fn skew_pop(p: &[ScalarValue], a: &[ChType]) -> Result<Arc<dyn AggregateFunction>> {
    moments(Moment::SkewPop, p, a)
}
pub fn skew_samp(p: &[ScalarValue], a: &[ChType]) -> Result<Arc<dyn AggregateFunction>> {
    moments(Moment::SkewSamp, p, a)
}
pub fn kurt_pop(p: &[ScalarValue], a: &[ChType]) -> Result<Arc<dyn AggregateFunction>> {
    moments(Moment::KurtPop, p, a)
}
pub fn kurt_samp(p: &[ScalarValue], a: &[ChType]) -> Result<Arc<dyn AggregateFunction>> {
    moments(Moment::KurtSamp, p, a)
}

type Factory = fn(&[ScalarValue], &[ChType]) -> Result<Arc<dyn AggregateFunction>>;

/// Float32 arguments get the Float32 moments; anything else goes to `stats.rs`.
fn f32_or(kind: Moment, other: Factory, p: &[ScalarValue], a: &[ChType]) -> Result<Arc<dyn AggregateFunction>> {
    if !a.is_empty() && a.iter().all(|t| *t.base() == ChType::Float32) {
        moments(kind, p, a)
    } else {
        other(p, a)
    }
}

pub fn var_pop(p: &[ScalarValue], a: &[ChType]) -> Result<Arc<dyn AggregateFunction>> {
    f32_or(Moment::VarPop, stats::var_pop, p, a)
}
pub fn var_samp(p: &[ScalarValue], a: &[ChType]) -> Result<Arc<dyn AggregateFunction>> {
    f32_or(Moment::VarSamp, stats::var_samp, p, a)
}
pub fn stddev_pop(p: &[ScalarValue], a: &[ChType]) -> Result<Arc<dyn AggregateFunction>> {
    f32_or(Moment::StddevPop, stats::stddev_pop, p, a)
}
pub fn stddev_samp(p: &[ScalarValue], a: &[ChType]) -> Result<Arc<dyn AggregateFunction>> {
    f32_or(Moment::StddevSamp, stats::stddev_samp, p, a)
}
pub fn covar_pop(p: &[ScalarValue], a: &[ChType]) -> Result<Arc<dyn AggregateFunction>> {
    f32_or(Moment::CovarPop, stats::covar_pop, p, a)
}
pub fn covar_samp(p: &[ScalarValue], a: &[ChType]) -> Result<Arc<dyn AggregateFunction>> {
    f32_or(Moment::CovarSamp, stats::covar_samp, p, a)
}
pub fn corr(p: &[ScalarValue], a: &[ChType]) -> Result<Arc<dyn AggregateFunction>> {
    f32_or(Moment::Corr, stats::corr, p, a)
}
