//! The combinators that wrap any aggregate (ClickHouse AggregateFunctionNull,
//! -OrNull/-OrDefault, -If, -Array, -Distinct, -State, -Merge). Each is an
//! [`AggregateFunction`] around its inner function; state layouts (after the
//! version byte) are: Nulls = u8 seen + inner; Distinct = VarUInt n + n
//! length-prefixed row keys; the others = the inner state unchanged.

use std::collections::HashSet;
use std::sync::Arc;

use arrow::array::{Array, ArrayRef, AsArray, BooleanArray};
use arrow::compute::{and, cast, filter, is_not_null};
use arrow::datatypes::DataType;
use datafusion::error::Result as DfResult;
use datafusion::scalar::ScalarValue;

use super::state::{decode_scalar, encode_value, put_blob, put_var_u64, Reader};
use super::udaf::{merge_binary, rows, versioned_bytes, AggState, AggregateFunction};
use crate::error::{Error, ErrorCode};
use crate::types::ChType;

/// Inserts a combinator suffix into a signature: `quantile(0.5)` + `OrNull` → `quantileOrNull(0.5)`.
fn with_suffix(sig: &str, suffix: &str) -> String {
    match sig.find('(') {
        Some(i) => format!("{}{suffix}{}", &sig[..i], &sig[i..]),
        None => format!("{sig}{suffix}"),
    }
}

/// Keeps the rows where `mask` is true in every argument.
fn filter_args(args: &[ArrayRef], mask: &BooleanArray) -> DfResult<Vec<ArrayRef>> {
    args.iter().map(|a| Ok(filter(a.as_ref(), mask)?)).collect()
}

// ---------------------------------------------------------------- Null adapter, -OrNull, -OrDefault

#[derive(Debug, Clone, Copy, PartialEq)]
enum OnEmpty {
    Inner,
    Null,
    Default,
}

/// Skips NULL rows (the -Null adapter) and/or decides the result for empty input.
#[derive(Debug)]
pub struct Nulls {
    inner: Arc<dyn AggregateFunction>,
    skip_nulls: bool,
    all_null: bool,
    on_empty: OnEmpty,
    suffix: &'static str,
    ret: ChType,
}

impl Nulls {
    /// ClickHouse's -Null adapter for Nullable (or NULL) arguments.
    pub fn skip_nulls(inner: Arc<dyn AggregateFunction>, ret: ChType, default: bool, all_null: bool) -> Self {
        let on_empty = if default { OnEmpty::Inner } else { OnEmpty::Null };
        Nulls { inner, skip_nulls: true, all_null, on_empty, suffix: "", ret }
    }

    pub fn or_null(inner: Arc<dyn AggregateFunction>) -> Self {
        let ret = inner.return_type().nullable();
        Nulls { inner, skip_nulls: false, all_null: false, on_empty: OnEmpty::Null, suffix: "OrNull", ret }
    }

    pub fn or_default(inner: Arc<dyn AggregateFunction>) -> Self {
        let ret = inner.return_type();
        Nulls { inner, skip_nulls: false, all_null: false, on_empty: OnEmpty::Default, suffix: "OrDefault", ret }
    }
}

#[derive(Debug)]
struct NullsState {
    skip_nulls: bool,
    all_null: bool,
    on_empty: OnEmpty,
    ret: DataType,
    seen: bool,
    /// Rows added minus rows retracted (sliding windows: empty again at 0).
    live: u64,
    inner: Box<dyn AggState>,
}

impl AggregateFunction for Nulls {
    fn signature(&self) -> String {
        with_suffix(&self.inner.signature(), self.suffix)
    }
    fn return_type(&self) -> ChType {
        self.ret.clone()
    }
    fn new_state(&self) -> Box<dyn AggState> {
        Box::new(NullsState {
            skip_nulls: self.skip_nulls,
            all_null: self.all_null,
            on_empty: self.on_empty,
            ret: self.ret.to_arrow(),
            seen: false,
            live: 0,
            inner: self.inner.new_state(),
        })
    }
    fn hot(&self) -> Option<super::groups::Hot> {
        let inner = self.inner.hot()?;
        if inner.nulls.is_some() || self.all_null || self.on_empty == OnEmpty::Default {
            return None;
        }
        Some(super::groups::Hot { op: inner.op, nulls: Some(self.on_empty == OnEmpty::Null) })
    }
}

impl AggState for NullsState {
    fn add(&mut self, args: &[ArrayRef]) -> DfResult<()> {
        if self.all_null {
            return Ok(());
        }
        if self.skip_nulls && args.iter().any(|a| a.null_count() > 0) {
            let mut mask: Option<BooleanArray> = None;
            for a in args.iter().filter(|a| a.null_count() > 0) {
                let m = is_not_null(a.as_ref())?;
                mask = Some(match mask {
                    Some(prev) => and(&prev, &m)?,
                    None => m,
                });
            }
            if let Some(mask) = mask {
                let kept = filter_args(args, &mask)?;
                if rows(&kept) > 0 {
                    self.seen = true;
                    self.live += rows(&kept) as u64;
                    self.inner.add(&kept)?;
                }
                return Ok(());
            }
        }
        if rows(args) > 0 {
            self.seen = true;
            self.live += rows(args) as u64;
            self.inner.add(args)?;
        }
        Ok(())
    }
    fn retract(&mut self, args: &[ArrayRef]) -> DfResult<bool> {
        if self.all_null {
            return Ok(true);
        }
        let kept = if self.skip_nulls && args.iter().any(|a| a.null_count() > 0) {
            let mut mask: Option<BooleanArray> = None;
            for a in args.iter().filter(|a| a.null_count() > 0) {
                let m = is_not_null(a.as_ref())?;
                mask = Some(match mask {
                    Some(prev) => and(&prev, &m)?,
                    None => m,
                });
            }
            match mask {
                Some(mask) => filter_args(args, &mask)?,
                None => args.to_vec(),
            }
        } else {
            args.to_vec()
        };
        let n = rows(&kept) as u64;
        if n == 0 {
            return Ok(true);
        }
        if !self.inner.retract(&kept)? {
            return Ok(false);
        }
        self.live = self.live.saturating_sub(n);
        if self.live == 0 {
            self.seen = false;
        }
        Ok(true)
    }
    fn can_retract(&self) -> bool {
        self.inner.can_retract()
    }
    fn merge(&mut self, r: &mut Reader) -> DfResult<()> {
        self.seen |= r.u8()? != 0;
        self.inner.merge(r)
    }
    fn write(&self, out: &mut Vec<u8>) {
        out.push(self.seen as u8);
        self.inner.write(out)
    }
    fn result(&self) -> DfResult<ScalarValue> {
        if !self.seen {
            match self.on_empty {
                OnEmpty::Null => return ScalarValue::try_from(&self.ret),
                OnEmpty::Default => return ScalarValue::new_default(&self.ret),
                OnEmpty::Inner => {}
            }
        }
        let v = self.inner.result()?;
        if v.data_type() == self.ret {
            Ok(v)
        } else {
            v.cast_to(&self.ret)
        }
    }
    fn size(&self) -> usize {
        self.inner.size()
    }
}

// ---------------------------------------------------------------- -If below a row-changing combinator

/// -If where it cannot be a FILTER (below -Array): the last argument is the condition.
#[derive(Debug)]
pub struct IfComb {
    inner: Arc<dyn AggregateFunction>,
}

impl IfComb {
    pub fn new(inner: Arc<dyn AggregateFunction>) -> Self {
        IfComb { inner }
    }
}

#[derive(Debug)]
struct IfState(Box<dyn AggState>);

impl AggregateFunction for IfComb {
    fn signature(&self) -> String {
        with_suffix(&self.inner.signature(), "If")
    }
    fn return_type(&self) -> ChType {
        self.inner.return_type()
    }
    fn new_state(&self) -> Box<dyn AggState> {
        Box::new(IfState(self.inner.new_state()))
    }
}

impl AggState for IfState {
    fn add(&mut self, args: &[ArrayRef]) -> DfResult<()> {
        let Some((cond, rest)) = args.split_last() else { return Ok(()) };
        let c = cast(cond, &DataType::Boolean)?;
        let mask = c.as_boolean();
        // NULL conditions count as false.
        let mask = BooleanArray::from_iter(mask.iter().map(|v| Some(v.unwrap_or(false))));
        // countIf(cond) has no other argument: the kept condition rows carry the row count.
        let kept =
            if rest.is_empty() { filter_args(std::slice::from_ref(cond), &mask)? } else { filter_args(rest, &mask)? };
        if rows(&kept) > 0 {
            self.0.add(&kept)?;
        }
        Ok(())
    }
    fn merge(&mut self, r: &mut Reader) -> DfResult<()> {
        self.0.merge(r)
    }
    fn write(&self, out: &mut Vec<u8>) {
        self.0.write(out)
    }
    fn result(&self) -> DfResult<ScalarValue> {
        self.0.result()
    }
    fn size(&self) -> usize {
        self.0.size()
    }
}

// ---------------------------------------------------------------- -Array

/// Aggregates the elements of array arguments (arrays of one row must have equal sizes).
#[derive(Debug)]
pub struct ArrayComb {
    inner: Arc<dyn AggregateFunction>,
}

impl ArrayComb {
    pub fn new(inner: Arc<dyn AggregateFunction>) -> Self {
        ArrayComb { inner }
    }
}

#[derive(Debug)]
struct ArrayState(Box<dyn AggState>);

impl AggregateFunction for ArrayComb {
    fn signature(&self) -> String {
        with_suffix(&self.inner.signature(), "Array")
    }
    fn return_type(&self) -> ChType {
        self.inner.return_type()
    }
    fn new_state(&self) -> Box<dyn AggState> {
        Box::new(ArrayState(self.inner.new_state()))
    }
}

impl AggState for ArrayState {
    fn add(&mut self, args: &[ArrayRef]) -> DfResult<()> {
        let mut flat = Vec::with_capacity(args.len());
        let mut first_offsets: Option<Vec<i32>> = None;
        for a in args {
            let Some(list) = a.as_list_opt::<i32>() else {
                return Err(Error::new(ErrorCode::LOGICAL_ERROR, "-Array argument is not a list").into_datafusion());
            };
            let offs = list.value_offsets();
            let (start, end) = (offs[0] as usize, offs[offs.len() - 1] as usize);
            match &first_offsets {
                None => first_offsets = Some(offs.iter().map(|o| o - offs[0]).collect()),
                Some(f) => {
                    if f.iter().zip(offs.iter()).any(|(x, o)| *x != o - offs[0]) {
                        return Err(Error::new(
                            ErrorCode::SIZES_OF_ARRAYS_DONT_MATCH,
                            "All arrays must be of the same size in aggregate function with Array suffix",
                        )
                        .into_datafusion());
                    }
                }
            }
            flat.push(list.values().slice(start, end - start));
        }
        if rows(&flat) > 0 {
            self.0.add(&flat)?;
        }
        Ok(())
    }
    fn merge(&mut self, r: &mut Reader) -> DfResult<()> {
        self.0.merge(r)
    }
    fn write(&self, out: &mut Vec<u8>) {
        self.0.write(out)
    }
    fn result(&self) -> DfResult<ScalarValue> {
        self.0.result()
    }
    fn size(&self) -> usize {
        self.0.size()
    }
}

// ---------------------------------------------------------------- -Distinct

/// Feeds the inner aggregate each distinct argument row once.
#[derive(Debug)]
pub struct Distinct {
    inner: Arc<dyn AggregateFunction>,
    types: Vec<DataType>,
}

impl Distinct {
    pub fn new(inner: Arc<dyn AggregateFunction>, args: &[ChType]) -> Self {
        Distinct { inner, types: args.iter().map(|t| t.to_arrow()).collect() }
    }
}

#[derive(Debug)]
struct DistinctState {
    types: Vec<DataType>,
    inner: Arc<dyn AggregateFunction>,
    seen: HashSet<Vec<u8>>,
    order: Vec<Vec<u8>>,
    bytes: usize,
}

impl AggregateFunction for Distinct {
    fn signature(&self) -> String {
        with_suffix(&self.inner.signature(), "Distinct")
    }
    fn return_type(&self) -> ChType {
        self.inner.return_type()
    }
    fn new_state(&self) -> Box<dyn AggState> {
        Box::new(DistinctState {
            types: self.types.clone(),
            inner: self.inner.clone(),
            seen: HashSet::new(),
            order: Vec::new(),
            bytes: 0,
        })
    }
}

impl DistinctState {
    fn insert(&mut self, key: Vec<u8>) {
        if !self.seen.contains(&key) {
            self.bytes += key.len() * 2 + 48;
            self.seen.insert(key.clone());
            self.order.push(key);
        }
    }
}

/// Encodes row `row` of all `args` as one key (a NULL flag before each value).
pub fn row_key(args: &[ArrayRef], row: usize, out: &mut Vec<u8>) {
    for a in args {
        if a.is_null(row) {
            out.push(0);
        } else {
            out.push(1);
            encode_value(a.as_ref(), row, out);
        }
    }
}

/// Decodes keys written by [`row_key`] back into argument arrays.
pub fn keys_to_arrays<'a>(keys: impl Iterator<Item = &'a Vec<u8>>, types: &[DataType]) -> DfResult<Vec<ArrayRef>> {
    let mut cols: Vec<Vec<ScalarValue>> = vec![Vec::new(); types.len()];
    for k in keys {
        let mut r = Reader::new(k);
        for (i, dt) in types.iter().enumerate() {
            let v = if r.u8()? == 0 { ScalarValue::try_from(dt)? } else { decode_scalar(&mut r, dt)? };
            cols[i].push(v);
        }
    }
    cols.into_iter()
        .zip(types)
        .map(|(c, dt)| if c.is_empty() { Ok(arrow::array::new_empty_array(dt)) } else { ScalarValue::iter_to_array(c) })
        .collect()
}

impl AggState for DistinctState {
    fn add(&mut self, args: &[ArrayRef]) -> DfResult<()> {
        let mut key = Vec::new();
        for row in 0..rows(args) {
            key.clear();
            row_key(args, row, &mut key);
            if !self.seen.contains(&key) {
                self.insert(key.clone());
            }
        }
        Ok(())
    }
    fn merge(&mut self, r: &mut Reader) -> DfResult<()> {
        let n = r.count(1)?;
        for _ in 0..n {
            let k = r.blob()?.to_vec();
            self.insert(k);
        }
        Ok(())
    }
    fn write(&self, out: &mut Vec<u8>) {
        put_var_u64(out, self.order.len() as u64);
        for k in &self.order {
            put_blob(out, k);
        }
    }
    fn result(&self) -> DfResult<ScalarValue> {
        let mut st = self.inner.new_state();
        if !self.order.is_empty() {
            let arrays = keys_to_arrays(self.order.iter(), &self.types)?;
            st.add(&arrays)?;
        }
        st.result()
    }
    fn size(&self) -> usize {
        self.bytes
    }
}

// ---------------------------------------------------------------- -State / -Merge

/// Returns the inner aggregate's versioned state instead of its value.
#[derive(Debug)]
pub struct StateComb {
    inner: Arc<dyn AggregateFunction>,
    ty: ChType,
}

impl StateComb {
    pub fn new(inner: Arc<dyn AggregateFunction>, args: Vec<ChType>) -> Self {
        let ty = ChType::AggregateFunction(inner.signature(), args);
        StateComb { inner, ty }
    }

    /// -MergeState: the result is a state of the type the merge reads.
    pub fn with_type(merged: Arc<dyn AggregateFunction>, ty: ChType) -> Self {
        StateComb { inner: merged, ty }
    }
}

#[derive(Debug)]
struct StateState(Box<dyn AggState>);

impl AggregateFunction for StateComb {
    fn signature(&self) -> String {
        with_suffix(&self.inner.signature(), "State")
    }
    fn return_type(&self) -> ChType {
        self.ty.clone()
    }
    fn new_state(&self) -> Box<dyn AggState> {
        Box::new(StateState(self.inner.new_state()))
    }
}

impl AggState for StateState {
    fn add(&mut self, args: &[ArrayRef]) -> DfResult<()> {
        self.0.add(args)
    }
    fn merge(&mut self, r: &mut Reader) -> DfResult<()> {
        self.0.merge(r)
    }
    fn write(&self, out: &mut Vec<u8>) {
        self.0.write(out)
    }
    fn result(&self) -> DfResult<ScalarValue> {
        Ok(ScalarValue::Binary(Some(versioned_bytes(self.0.as_ref()))))
    }
    fn size(&self) -> usize {
        self.0.size()
    }
}

/// Merges `AggregateFunction(...)` states and finishes them.
#[derive(Debug)]
pub struct MergeComb {
    inner: Arc<dyn AggregateFunction>,
}

impl MergeComb {
    pub fn new(inner: Arc<dyn AggregateFunction>) -> Self {
        MergeComb { inner }
    }
}

#[derive(Debug)]
struct MergeState(Box<dyn AggState>);

impl AggregateFunction for MergeComb {
    fn signature(&self) -> String {
        with_suffix(&self.inner.signature(), "Merge")
    }
    fn return_type(&self) -> ChType {
        self.inner.return_type()
    }
    fn new_state(&self) -> Box<dyn AggState> {
        Box::new(MergeState(self.inner.new_state()))
    }
}

impl AggState for MergeState {
    fn add(&mut self, args: &[ArrayRef]) -> DfResult<()> {
        match args.first() {
            Some(a) => merge_binary(self.0.as_mut(), a),
            None => Ok(()),
        }
    }
    fn merge(&mut self, r: &mut Reader) -> DfResult<()> {
        self.0.merge(r)
    }
    fn write(&self, out: &mut Vec<u8>) {
        self.0.write(out)
    }
    fn result(&self) -> DfResult<ScalarValue> {
        self.0.result()
    }
    fn size(&self) -> usize {
        self.0.size()
    }
}
