//! The bridge between ClickHouse aggregate functions and DataFusion: the
//! [`AggregateFunction`] / [`AggState`] traits every aggregate (and combinator)
//! implements, and [`ChAggregateUdf`], the one `AggregateUDFImpl` that runs any
//! of them. Its partial state is one Binary column per group: the versioned
//! state bytes of spec/distributed.md §7.5 (see `state.rs`), which is also what
//! `-State` returns. Hot aggregates (count, sum, avg, min, max, any, anyLast,
//! argMin, argMax, uniq, uniqExact) also offer a vectorized `GroupsAccumulator`
//! through [`AggregateFunction::hot`] (`groups.rs`, `groups_more.rs`) whose
//! per-group state bytes are identical to the row-wise ones.

use std::fmt;
use std::hash::{Hash, Hasher};
use std::sync::Arc;

use arrow::array::{Array, ArrayRef, AsArray};
use arrow::datatypes::{DataType, Field, FieldRef};
use datafusion::error::Result as DfResult;
use datafusion::logical_expr::function::{AccumulatorArgs, StateFieldsArgs};
use datafusion::logical_expr::utils::format_state_name;
use datafusion::logical_expr::{Accumulator, AggregateUDFImpl, GroupsAccumulator, Signature, Volatility};
use datafusion::scalar::ScalarValue;

use super::state::{Reader, STATE_VERSION};
use crate::types::ChType;

/// One ClickHouse aggregate function with its parameters and argument types bound.
pub trait AggregateFunction: fmt::Debug + Send + Sync {
    /// `name(params)` as ClickHouse prints it inside `AggregateFunction(...)`.
    fn signature(&self) -> String;
    /// The ClickHouse result type.
    fn return_type(&self) -> ChType;
    /// A fresh, empty state.
    fn new_state(&self) -> Box<dyn AggState>;
    /// For count/sum/avg (maybe under the -Null adapter): the vectorized path.
    fn hot(&self) -> Option<super::groups::Hot> {
        None
    }
}

/// The state of one group.
pub trait AggState: fmt::Debug + Send + Sync {
    /// Adds rows; `args` have equal lengths (at least one argument is always passed).
    fn add(&mut self, args: &[ArrayRef]) -> DfResult<()>;
    /// Merges a serialized state of the same function (without the version byte).
    fn merge(&mut self, r: &mut Reader) -> DfResult<()>;
    /// Serializes the state (without the version byte).
    fn write(&self, out: &mut Vec<u8>);
    /// The final value, of the function's Arrow return type.
    fn result(&self) -> DfResult<ScalarValue>;
    /// Heap bytes held.
    fn size(&self) -> usize;
    /// Removes rows added before (sliding window frames). Returns false when the
    /// state cannot retract (then nothing was changed).
    fn retract(&mut self, _args: &[ArrayRef]) -> DfResult<bool> {
        Ok(false)
    }
    /// Whether [`Self::retract`] is supported. DataFusion asks this once, before a
    /// sliding window frame uses the state, so a state may switch into a
    /// frame-keeping mode here.
    fn can_retract(&self) -> bool {
        false
    }
}

/// Rows of `args` as separate argument arrays (helper for states that add row by row).
pub fn rows(args: &[ArrayRef]) -> usize {
    args.first().map(|a| a.len()).unwrap_or(0)
}

/// A ClickHouse aggregate as a DataFusion aggregate UDF.
#[derive(Debug)]
pub struct ChAggregateUdf {
    name: String,
    key: String,
    func: Arc<dyn AggregateFunction>,
    signature: Signature,
    ret: DataType,
}

impl ChAggregateUdf {
    pub fn new(func: Arc<dyn AggregateFunction>, arg_types: &[ChType]) -> Self {
        let name = func.signature();
        let ret_ty = func.return_type();
        let key =
            format!("{name}({})->{ret_ty}", arg_types.iter().map(|t| t.to_string()).collect::<Vec<_>>().join(", "));
        let arrow_args: Vec<DataType> = arg_types.iter().map(|t| t.to_arrow()).collect();
        ChAggregateUdf {
            name,
            key,
            func,
            signature: Signature::exact(arrow_args, Volatility::Immutable),
            ret: ret_ty.to_arrow(),
        }
    }

    pub fn function(&self) -> &Arc<dyn AggregateFunction> {
        &self.func
    }
}

impl PartialEq for ChAggregateUdf {
    fn eq(&self, other: &Self) -> bool {
        self.key == other.key
    }
}
impl Eq for ChAggregateUdf {}
impl Hash for ChAggregateUdf {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.key.hash(state)
    }
}

impl AggregateUDFImpl for ChAggregateUdf {
    fn name(&self) -> &str {
        &self.name
    }

    fn signature(&self) -> &Signature {
        &self.signature
    }

    fn return_type(&self, _arg_types: &[DataType]) -> DfResult<DataType> {
        Ok(self.ret.clone())
    }

    fn accumulator(&self, _acc_args: AccumulatorArgs) -> DfResult<Box<dyn Accumulator>> {
        Ok(Box::new(ChAccumulator { state: self.func.new_state() }))
    }

    fn groups_accumulator_supported(&self, _args: AccumulatorArgs) -> bool {
        self.func.hot().is_some()
    }

    fn create_groups_accumulator(&self, _args: AccumulatorArgs) -> DfResult<Box<dyn GroupsAccumulator>> {
        match self.func.hot().and_then(super::groups::create) {
            Some(acc) => Ok(acc),
            None => Err(crate::error::Error::new(
                crate::error::ErrorCode::LOGICAL_ERROR,
                "no groups accumulator for this aggregate",
            )
            .into_datafusion()),
        }
    }

    fn state_fields(&self, args: StateFieldsArgs) -> DfResult<Vec<FieldRef>> {
        Ok(vec![Arc::new(state_field(&format_state_name(args.name, "state"), &self.key))])
    }
}

/// The Binary state field with its `granary.agg` / `granary.state_version` metadata.
pub fn state_field(name: &str, signature: &str) -> Field {
    let md = [
        ("granary.agg".to_string(), signature.to_string()),
        ("granary.state_version".to_string(), STATE_VERSION.to_string()),
    ];
    Field::new(name, DataType::Binary, true).with_metadata(md.into_iter().collect())
}

/// Runs one [`AggState`] as a DataFusion accumulator.
#[derive(Debug)]
pub struct ChAccumulator {
    pub state: Box<dyn AggState>,
}

/// Serializes a state with its version byte.
pub fn versioned_bytes(state: &dyn AggState) -> Vec<u8> {
    let mut out = vec![STATE_VERSION];
    state.write(&mut out);
    out
}

/// Merges every non-NULL versioned state of a Binary array into `state`.
pub fn merge_binary(state: &mut dyn AggState, arr: &ArrayRef) -> DfResult<()> {
    let merge_one = |state: &mut dyn AggState, b: &[u8]| -> DfResult<()> {
        let mut r = Reader::versioned(b)?;
        state.merge(&mut r)
    };
    match arr.data_type() {
        DataType::Binary => {
            for b in arr.as_binary::<i32>().iter().flatten() {
                merge_one(state, b)?;
            }
        }
        DataType::LargeBinary => {
            for b in arr.as_binary::<i64>().iter().flatten() {
                merge_one(state, b)?;
            }
        }
        DataType::BinaryView => {
            for b in arr.as_binary_view().iter().flatten() {
                merge_one(state, b)?;
            }
        }
        other => {
            return Err(crate::error::Error::new(
                crate::error::ErrorCode::LOGICAL_ERROR,
                format!("aggregate state column of type {other}"),
            )
            .into_datafusion())
        }
    }
    Ok(())
}

impl Accumulator for ChAccumulator {
    fn update_batch(&mut self, values: &[ArrayRef]) -> DfResult<()> {
        if rows(values) == 0 {
            return Ok(());
        }
        self.state.add(values)
    }

    fn evaluate(&mut self) -> DfResult<ScalarValue> {
        self.state.result()
    }

    fn size(&self) -> usize {
        std::mem::size_of_val(self) + self.state.size()
    }

    fn state(&mut self) -> DfResult<Vec<ScalarValue>> {
        Ok(vec![ScalarValue::Binary(Some(versioned_bytes(self.state.as_ref())))])
    }

    fn supports_retract_batch(&self) -> bool {
        self.state.can_retract()
    }

    fn retract_batch(&mut self, values: &[ArrayRef]) -> DfResult<()> {
        if rows(values) == 0 {
            return Ok(());
        }
        if self.state.retract(values)? {
            Ok(())
        } else {
            Err(crate::error::Error::new(
                crate::error::ErrorCode::NOT_IMPLEMENTED,
                "this aggregate function cannot be used over a sliding window frame",
            )
            .into_datafusion())
        }
    }

    fn merge_batch(&mut self, states: &[ArrayRef]) -> DfResult<()> {
        match states.first() {
            Some(a) => merge_binary(self.state.as_mut(), a),
            None => Ok(()),
        }
    }
}

/// A state column as a Binary array (LOGICAL_ERROR for anything else).
pub fn binary_states_of(arr: &ArrayRef) -> DfResult<&arrow::array::BinaryArray> {
    arr.as_binary_opt::<i32>().ok_or_else(|| {
        crate::error::Error::new(
            crate::error::ErrorCode::LOGICAL_ERROR,
            format!("aggregate state column of type {}", arr.data_type()),
        )
        .into_datafusion()
    })
}
