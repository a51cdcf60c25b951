//! varPop, varSamp, stddevPop, stddevSamp, covarPop, covarSamp, corr — all
//! Float64, computed with Welford's running moments and Chan's merge (as
//! ClickHouse's numerically stable statistics do), NaN when undefined.
//! State (after the version byte): u64 count, then f64 LE moments
//! (mean, m2) or (mean_x, mean_y, co_moment, m2_x, m2_y).

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

/// Running moments of one or two variables.
#[derive(Debug, Default, Clone, Copy)]
struct Moments {
    count: u64,
    mean_x: f64,
    mean_y: f64,
    co: f64,
    m2_x: f64,
    m2_y: f64,
}

impl Moments {
    fn add(&mut self, x: f64, y: f64) {
        let dx = x - self.mean_x;
        let dy = y - self.mean_y;
        let old_mean_y = self.mean_y;
        self.count += 1;
        let n = self.count as f64;
        self.mean_x += dx / n;
        self.mean_y += dy / n;
        self.co += (x - self.mean_x) * (y - old_mean_y);
        self.m2_x += dx * (x - self.mean_x);
        self.m2_y += dy * (y - self.mean_y);
    }

    fn merge(&mut self, o: &Moments) {
        let total = self.count + o.count;
        if total == 0 {
            return;
        }
        let (na, nb, nt) = (self.count as f64, o.count as f64, total as f64);
        let factor = na * nb / nt;
        let dx = self.mean_x - o.mean_x;
        let dy = self.mean_y - o.mean_y;
        self.mean_x = (nb * o.mean_x + na * self.mean_x) / nt;
        self.mean_y = (nb * o.mean_y + na * self.mean_y) / nt;
        self.co += o.co + dx * dy * factor;
        self.m2_x += o.m2_x + dx * dx * factor;
        self.m2_y += o.m2_y + dy * dy * factor;
        self.count = total;
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
        let o = Moments {
            count: r.u64()?,
            mean_x: r.f64()?,
            mean_y: r.f64()?,
            co: r.f64()?,
            m2_x: r.f64()?,
            m2_y: r.f64()?,
        };
        self.1.merge(&o);
        Ok(())
    }
    fn write(&self, out: &mut Vec<u8>) {
        let m = &self.1;
        out.extend_from_slice(&m.count.to_le_bytes());
        for v in [m.mean_x, m.mean_y, m.co, m.m2_x, m.m2_y] {
            out.extend_from_slice(&v.to_le_bytes());
        }
    }
    fn result(&self) -> DfResult<ScalarValue> {
        let m = &self.1;
        let n = m.count as f64;
        let pop = |v: f64| if m.count == 0 { f64::NAN } else { v / n };
        let samp = |v: f64| if m.count <= 1 { f64::NAN } else { v / (n - 1.0) };
        let v = match self.0 {
            StatKind::VarPop => pop(m.m2_x),
            StatKind::VarSamp => samp(m.m2_x),
            StatKind::StddevPop => pop(m.m2_x).sqrt(),
            StatKind::StddevSamp => samp(m.m2_x).sqrt(),
            StatKind::CovarPop => pop(m.co),
            StatKind::CovarSamp => samp(m.co),
            StatKind::Corr => {
                if m.count <= 1 {
                    f64::NAN
                } else {
                    m.co / (m.m2_x * m.m2_y).sqrt()
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
