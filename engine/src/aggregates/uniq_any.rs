//! uniqExact over any argument types: arguments the value codec handles go to
//! `uniq.rs`; tuples, arrays, maps (and several arguments among which one is
//! such) are keyed by the xxh3-128 hash of their Arrow row encoding
//! (`arrow::row`, equal values give equal bytes). The state layout is
//! uniqExact's: VarUInt n, then n u128 keys.

use std::collections::HashSet;
use std::sync::Arc;

use arrow::array::ArrayRef;
use arrow::row::{RowConverter, SortField};
use datafusion::error::Result as DfResult;
use datafusion::scalar::ScalarValue;

use super::state::{codec_supports, put_var_u64, Reader};
use super::udaf::{AggState, AggregateFunction};
use super::{no_params, uniq};
use crate::error::{Error, ErrorCode, Result};
use crate::types::ChType;

#[derive(Debug)]
pub struct UniqExactRows {
    fields: Vec<SortField>,
}

#[derive(Debug)]
struct UniqExactRowsState {
    fields: Vec<SortField>,
    set: HashSet<u128>,
}

impl AggregateFunction for UniqExactRows {
    fn signature(&self) -> String {
        "uniqExact".into()
    }
    fn return_type(&self) -> ChType {
        ChType::UInt64
    }
    fn new_state(&self) -> Box<dyn AggState> {
        Box::new(UniqExactRowsState { fields: self.fields.clone(), set: HashSet::new() })
    }
}

impl AggState for UniqExactRowsState {
    fn add(&mut self, args: &[ArrayRef]) -> DfResult<()> {
        // The batch's own Arrow types (nested nullability may differ from the declared type).
        let fields: Vec<SortField> = args.iter().map(|a| SortField::new(a.data_type().clone())).collect();
        let conv = RowConverter::new(if fields.len() == self.fields.len() { fields } else { self.fields.clone() })?;
        let rows = conv.convert_columns(args)?;
        for row in rows.iter() {
            self.set.insert(xxhash_rust::xxh3::xxh3_128(row.as_ref()));
        }
        Ok(())
    }
    fn merge(&mut self, r: &mut Reader) -> DfResult<()> {
        let n = r.count(16)?;
        for _ in 0..n {
            self.set.insert(r.i128()? as u128);
        }
        Ok(())
    }
    fn write(&self, out: &mut Vec<u8>) {
        put_var_u64(out, self.set.len() as u64);
        for k in &self.set {
            out.extend_from_slice(&k.to_le_bytes());
        }
    }
    fn result(&self) -> DfResult<ScalarValue> {
        Ok(ScalarValue::UInt64(Some(self.set.len() as u64)))
    }
    fn size(&self) -> usize {
        self.set.capacity() * 24
    }
}

pub fn uniq_exact(params: &[ScalarValue], args: &[ChType]) -> Result<Arc<dyn AggregateFunction>> {
    if args.iter().all(|a| codec_supports(&a.to_arrow())) {
        return uniq::uniq_exact(params, args);
    }
    no_params("uniqExact", params)?;
    let fields: Vec<SortField> = args.iter().map(|a| SortField::new(a.to_arrow())).collect();
    if !RowConverter::supports_fields(&fields) {
        return Err(Error::new(
            ErrorCode::NOT_IMPLEMENTED,
            format!(
                "uniqExact over {} is not implemented yet",
                args.iter().map(|a| a.to_string()).collect::<Vec<_>>().join(", ")
            ),
        ));
    }
    Ok(Arc::new(UniqExactRows { fields }))
}
