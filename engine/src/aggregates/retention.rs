//! `retention(c1, c2, …)` → Array(UInt8): whether the first condition held in
//! the group, and each later one together with the first (ClickHouse's
//! retention analysis). State (after the version byte): VarUInt n + n u8.

use std::sync::Arc;

use arrow::array::{ArrayRef, AsArray};
use arrow::compute::cast;
use arrow::datatypes::DataType;
use datafusion::error::Result as DfResult;
use datafusion::scalar::ScalarValue;

use super::collect::list_scalar;
use super::state::{put_var_u64, Reader};
use super::udaf::{AggState, AggregateFunction};
use crate::error::{Error, ErrorCode, Result};
use crate::types::ChType;

// ---------------------------------------------------------------- retention

#[derive(Debug)]
pub struct Retention(usize);

#[derive(Debug)]
struct RetentionState(Vec<bool>);

impl AggregateFunction for Retention {
    fn signature(&self) -> String {
        "retention".into()
    }
    fn return_type(&self) -> ChType {
        ChType::Array(Box::new(ChType::UInt8))
    }
    fn new_state(&self) -> Box<dyn AggState> {
        Box::new(RetentionState(vec![false; self.0]))
    }
}

impl AggState for RetentionState {
    fn add(&mut self, args: &[ArrayRef]) -> DfResult<()> {
        for (seen, a) in self.0.iter_mut().zip(args) {
            if !*seen {
                let b = cast(a, &DataType::Boolean)?;
                *seen = b.as_boolean().true_count() > 0;
            }
        }
        Ok(())
    }
    fn merge(&mut self, r: &mut Reader) -> DfResult<()> {
        let n = r.count(1)?;
        for i in 0..n {
            let v = r.u8()? != 0;
            if let Some(s) = self.0.get_mut(i) {
                *s |= v;
            }
        }
        Ok(())
    }
    fn write(&self, out: &mut Vec<u8>) {
        put_var_u64(out, self.0.len() as u64);
        out.extend(self.0.iter().map(|b| *b as u8));
    }
    fn result(&self) -> DfResult<ScalarValue> {
        let first = self.0.first().copied().unwrap_or(false);
        let vals: Vec<u8> =
            self.0.iter().enumerate().map(|(i, s)| if i == 0 { first as u8 } else { (first && *s) as u8 }).collect();
        list_scalar(Arc::new(arrow::array::UInt8Array::from(vals)), &DataType::UInt8)
    }
    fn size(&self) -> usize {
        self.0.len()
    }
}

pub fn retention(params: &[ScalarValue], args: &[ChType]) -> Result<Arc<dyn AggregateFunction>> {
    super::no_params("retention", params)?;
    if args.len() < 2 {
        return Err(Error::new(
            ErrorCode::NUMBER_OF_ARGUMENTS_DOESNT_MATCH,
            "Not enough event arguments for aggregate function retention",
        ));
    }
    if args.len() > 32 {
        return Err(Error::new(
            ErrorCode::TOO_MANY_ARGUMENTS_FOR_FUNCTION,
            "Too many event arguments for aggregate function retention",
        ));
    }
    for (i, a) in args.iter().enumerate() {
        if !matches!(a.base(), ChType::UInt8 | ChType::Bool) {
            return Err(Error::new(
                ErrorCode::ILLEGAL_TYPE_OF_ARGUMENT,
                format!("Illegal type {a} of {} argument of aggregate function retention, must be UInt8", i + 1),
            ));
        }
    }
    Ok(Arc::new(Retention(args.len())))
}
