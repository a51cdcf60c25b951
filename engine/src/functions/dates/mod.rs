//! Date and time functions (ClickHouse's `toDate`, `toYear`, `toStartOfHour`,
//! `addDays`, `dateDiff`, `formatDateTime`, `parseDateTimeBestEffort`, `now`…).
//!
//! Storage: Date and Date32 are Arrow Date32 (days since 1970-01-01), DateTime
//! is Timestamp(Second) of UTC epoch seconds, DateTime64(p) a Timestamp in the
//! unit of `types::datetime64_unit(p)`. The zone lives in the ChType; builders
//! resolve it (explicit argument, else the type's zone, else the session zone)
//! at bind time and pass it to the kernel as a trailing constant String
//! argument, so kernels convert with a cached [`tz::Zone`] and never look a zone
//! up per row. This file holds what the family shares: input decoding
//! ([`TimeIn`]), result building, the unary kernel/builder, and test helpers.

pub mod arith;
pub mod convert;
pub mod format;
pub mod make;
pub mod now;
pub mod parse_best_effort;
pub mod parts;
pub mod start_of;
pub mod tz;

use std::sync::Arc;

use arrow::array::{
    Array, ArrayRef, AsArray, Int64Array, PrimitiveArray, TimestampMicrosecondArray, TimestampMillisecondArray,
    TimestampNanosecondArray, TimestampSecondArray,
};
use arrow::buffer::{NullBuffer, ScalarBuffer};
use arrow::datatypes::{ArrowPrimitiveType, DataType, TimeUnit};
use datafusion::error::Result as DfResult;
use datafusion::logical_expr::{ColumnarValue, Expr as DfExpr};
use datafusion::scalar::ScalarValue;

use super::{check_arg_count, illegal_type, FunctionContext, FunctionRegistry, KernelArgs, TypedExpr};
use crate::error::{Error, ErrorCode, Result};
use crate::types::{datetime64_unit, ChType};
use tz::Zone;

pub(crate) const DAY: i64 = 86_400;

/// Registers every date and time function.
pub fn register(r: &mut FunctionRegistry) {
    convert::register(r);
    parts::register(r);
    start_of::register(r);
    arith::register(r);
    now::register(r);
    format::register(r);
    parse_best_effort::register(r);
    make::register(r);
}

/// Which time type a value is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TKind {
    Date,
    Date32,
    DateTime,
    /// Ticks per second of the Arrow unit, and the precision.
    DateTime64(i64, u8),
}

impl TKind {
    pub(crate) fn of(ty: &ChType) -> Option<TKind> {
        Some(match ty.base() {
            ChType::Date => TKind::Date,
            ChType::Date32 => TKind::Date32,
            ChType::DateTime(_) => TKind::DateTime,
            ChType::DateTime64(p, _) => TKind::DateTime64(ticks_per_second(*p), *p),
            _ => return None,
        })
    }

    pub(crate) fn is_date(self) -> bool {
        matches!(self, TKind::Date | TKind::Date32)
    }
}

/// Ticks per second of the Arrow unit storing DateTime64(p).
pub(crate) fn ticks_per_second(p: u8) -> i64 {
    match datetime64_unit(p) {
        TimeUnit::Second => 1,
        TimeUnit::Millisecond => 1_000,
        TimeUnit::Microsecond => 1_000_000,
        TimeUnit::Nanosecond => 1_000_000_000,
    }
}

/// How to read one time argument: its kind and the zone it is shown in.
pub(crate) struct TimeIn {
    pub kind: TKind,
    pub zone: Arc<Zone>,
    /// The last offset span used: consecutive rows usually share it, which
    /// saves the binary search over the zone's transitions.
    span: std::cell::Cell<(i64, i64, i32)>,
}

impl TimeIn {
    pub(crate) fn new(ty: &ChType, zone: Arc<Zone>) -> DfResult<TimeIn> {
        match TKind::of(ty) {
            Some(kind) => Ok(TimeIn::of_kind(kind, zone)),
            None => {
                Err(Error::new(ErrorCode::ILLEGAL_TYPE_OF_ARGUMENT, format!("Illegal type {ty}")).into_datafusion())
            }
        }
    }

    pub(crate) fn of_kind(kind: TKind, zone: Arc<Zone>) -> TimeIn {
        TimeIn { kind, zone, span: std::cell::Cell::new((0, 0, 0)) }
    }

    /// Local seconds of UTC seconds `t`, through the span cache.
    #[inline]
    pub(crate) fn to_local(&self, t: i64) -> i64 {
        let (from, until, off) = self.span.get();
        if t >= from && t < until {
            return t.saturating_add(off as i64);
        }
        let span = self.zone.span_at(t);
        self.span.set(span);
        t.saturating_add(span.2 as i64)
    }

    /// UTC instant of local seconds `l` (as [`Zone::from_local`]), through the span
    /// cache when `l` lies well inside the cached span.
    #[inline]
    pub(crate) fn utc_of_local(&self, l: i64) -> i64 {
        let (from, until, off) = self.span.get();
        let u = l.saturating_sub(off as i64);
        if u > from.saturating_add(DAY) && u < until.saturating_sub(DAY) {
            return u;
        }
        let u = self.zone.from_local(l);
        self.span.set(self.zone.span_at(u));
        u
    }

    /// UTC instant at which local day `days` starts: its midnight, or when
    /// midnight falls in a DST gap, the change itself (ClickHouse's day starts).
    #[inline]
    pub(crate) fn day_start(&self, days: i64) -> i64 {
        let l = days.saturating_mul(DAY);
        let u = self.utc_of_local(l);
        if self.zone.is_fixed() || self.to_local(u) == l {
            return u;
        }
        self.zone.span_at(u).1
    }

    /// UTC epoch seconds (a Date is its local midnight).
    #[inline]
    pub(crate) fn utc_secs(&self, raw: i64) -> i64 {
        match self.kind {
            TKind::Date | TKind::Date32 => self.day_start(raw),
            TKind::DateTime => raw,
            TKind::DateTime64(s, _) => raw.div_euclid(s),
        }
    }

    /// Local wall-clock seconds (civil time as if UTC).
    #[inline]
    pub(crate) fn local_secs(&self, raw: i64) -> i64 {
        match self.kind {
            TKind::Date | TKind::Date32 => raw.saturating_mul(DAY),
            TKind::DateTime => self.to_local(raw),
            TKind::DateTime64(s, _) => self.to_local(raw.div_euclid(s)),
        }
    }

    /// Local day number (days since 1970-01-01).
    #[inline]
    pub(crate) fn local_days(&self, raw: i64) -> i64 {
        match self.kind {
            TKind::Date | TKind::Date32 => raw,
            _ => self.local_secs(raw).div_euclid(DAY),
        }
    }

    /// Sub-second ticks of a DateTime64 (0 otherwise).
    #[inline]
    pub(crate) fn frac(&self, raw: i64) -> i64 {
        match self.kind {
            TKind::DateTime64(s, _) => raw.rem_euclid(s),
            _ => 0,
        }
    }
}

/// Calls `f` with every value of a Date32 / Timestamp / integer array as i64.
pub(crate) fn map_i64(arr: &dyn Array, mut f: impl FnMut(i64) -> i64) -> DfResult<Vec<i64>> {
    fn go<T: ArrowPrimitiveType>(a: &dyn Array, f: &mut impl FnMut(i64) -> i64) -> Vec<i64>
    where
        T::Native: Into<i64>,
    {
        a.as_primitive::<T>().values().iter().map(|v| f((*v).into())).collect()
    }
    use arrow::datatypes as t;
    Ok(match arr.data_type() {
        DataType::Date32 => go::<t::Date32Type>(arr, &mut f),
        DataType::Timestamp(TimeUnit::Second, _) => go::<t::TimestampSecondType>(arr, &mut f),
        DataType::Timestamp(TimeUnit::Millisecond, _) => go::<t::TimestampMillisecondType>(arr, &mut f),
        DataType::Timestamp(TimeUnit::Microsecond, _) => go::<t::TimestampMicrosecondType>(arr, &mut f),
        DataType::Timestamp(TimeUnit::Nanosecond, _) => go::<t::TimestampNanosecondType>(arr, &mut f),
        DataType::Int8 => go::<t::Int8Type>(arr, &mut f),
        DataType::Int16 => go::<t::Int16Type>(arr, &mut f),
        DataType::Int32 => go::<t::Int32Type>(arr, &mut f),
        DataType::Int64 => go::<t::Int64Type>(arr, &mut f),
        DataType::UInt8 => go::<t::UInt8Type>(arr, &mut f),
        DataType::UInt16 => go::<t::UInt16Type>(arr, &mut f),
        DataType::UInt32 => go::<t::UInt32Type>(arr, &mut f),
        DataType::UInt64 => arr.as_primitive::<t::UInt64Type>().values().iter().map(|v| f(*v as i64)).collect(),
        DataType::Boolean => arr.as_boolean().values().iter().map(|v| f(v as i64)).collect(),
        DataType::Null => vec![f(0); arr.len()],
        other => {
            return Err(
                Error::new(ErrorCode::ILLEGAL_COLUMN, format!("Unexpected column type {other}")).into_datafusion()
            )
        }
    })
}

fn prim<T: ArrowPrimitiveType>(vals: Vec<i64>, nulls: Option<NullBuffer>, cast: fn(i64) -> T::Native) -> ArrayRef {
    let buf: ScalarBuffer<T::Native> = vals.into_iter().map(cast).collect();
    Arc::new(PrimitiveArray::<T>::new(buf, nulls))
}

/// Builds a result column of type `ret` from i64 values in its storage unit
/// (days, seconds, ticks, or the integer), with the given NULLs.
pub(crate) fn build_output(ret: &ChType, mut vals: Vec<i64>, nulls: Option<NullBuffer>) -> DfResult<ArrayRef> {
    use arrow::datatypes as t;
    // Date and DateTime saturate at their ranges, as ClickHouse's results do.
    match ret.base() {
        ChType::Date => vals.iter_mut().for_each(|v| *v = (*v).clamp(0, 65_535)),
        ChType::DateTime(_) => vals.iter_mut().for_each(|v| *v = (*v).clamp(0, u32::MAX as i64)),
        _ => {}
    }
    Ok(match ret.to_arrow() {
        DataType::UInt8 => prim::<t::UInt8Type>(vals, nulls, |v| v as u8),
        DataType::UInt16 => prim::<t::UInt16Type>(vals, nulls, |v| v as u16),
        DataType::UInt32 => prim::<t::UInt32Type>(vals, nulls, |v| v as u32),
        DataType::UInt64 => prim::<t::UInt64Type>(vals, nulls, |v| v as u64),
        DataType::Int8 => prim::<t::Int8Type>(vals, nulls, |v| v as i8),
        DataType::Int16 => prim::<t::Int16Type>(vals, nulls, |v| v as i16),
        DataType::Int32 => prim::<t::Int32Type>(vals, nulls, |v| v as i32),
        DataType::Date32 => prim::<t::Date32Type>(vals, nulls, |v| v as i32),
        DataType::Int64 => Arc::new(Int64Array::new(vals.into(), nulls)),
        DataType::Timestamp(TimeUnit::Second, _) => Arc::new(TimestampSecondArray::new(vals.into(), nulls)),
        DataType::Timestamp(TimeUnit::Millisecond, _) => Arc::new(TimestampMillisecondArray::new(vals.into(), nulls)),
        DataType::Timestamp(TimeUnit::Microsecond, _) => Arc::new(TimestampMicrosecondArray::new(vals.into(), nulls)),
        DataType::Timestamp(TimeUnit::Nanosecond, _) => Arc::new(TimestampNanosecondArray::new(vals.into(), nulls)),
        other => {
            return Err(
                Error::new(ErrorCode::LOGICAL_ERROR, format!("Unexpected result type {other}")).into_datafusion()
            )
        }
    })
}

/// Scalar result when every argument was a scalar, else the array.
pub(crate) fn finish(k: &KernelArgs, arr: ArrayRef) -> DfResult<ColumnarValue> {
    if k.all_scalar() && arr.len() == 1 {
        return Ok(ColumnarValue::Scalar(ScalarValue::try_from_array(&arr, 0)?));
    }
    Ok(ColumnarValue::Array(arr))
}

/// Rows to compute: 1 when every argument is a scalar.
pub(crate) fn rows(k: &KernelArgs) -> usize {
    if k.all_scalar() {
        1
    } else {
        k.rows
    }
}

/// Argument `i` as an array of [`rows`] values.
pub(crate) fn arg_array(k: &KernelArgs, i: usize) -> DfResult<ArrayRef> {
    k.args[i].to_array(rows(k))
}

/// A constant string argument (the zone, a unit, a format).
pub(crate) fn scalar_str(k: &KernelArgs, i: usize) -> DfResult<String> {
    match k.args.get(i) {
        Some(ColumnarValue::Scalar(ScalarValue::BinaryView(Some(b)) | ScalarValue::Binary(Some(b)))) => {
            Ok(String::from_utf8_lossy(b).into_owned())
        }
        Some(ColumnarValue::Scalar(ScalarValue::Utf8(Some(s)) | ScalarValue::Utf8View(Some(s)))) => Ok(s.clone()),
        _ => Err(Error::new(ErrorCode::ILLEGAL_COLUMN, "Expected a constant string argument").into_datafusion()),
    }
}

/// A constant integer argument (a mode, a precision, an interval length).
pub(crate) fn scalar_int(k: &KernelArgs, i: usize) -> DfResult<i64> {
    match k.args.get(i) {
        Some(ColumnarValue::Scalar(v)) => match v {
            ScalarValue::Int64(Some(x)) => Ok(*x),
            ScalarValue::Int32(Some(x)) => Ok(*x as i64),
            ScalarValue::UInt8(Some(x)) => Ok(*x as i64),
            _ => Err(Error::new(ErrorCode::ILLEGAL_COLUMN, "Expected a constant integer").into_datafusion()),
        },
        _ => Err(Error::new(ErrorCode::ILLEGAL_COLUMN, "Expected a constant integer").into_datafusion()),
    }
}

/// The zone passed as the constant string argument `i`.
pub(crate) fn zone_arg(k: &KernelArgs, i: usize) -> DfResult<Arc<Zone>> {
    let name = scalar_str(k, i)?;
    tz::zone(&name).map_err(Error::into_datafusion)
}

/// The integer value of a constant argument: a literal, possibly under casts
/// or an alias (`INTERVAL 20 MINUTE` binds as `CAST(20 AS Int64)`).
pub(crate) fn const_int(e: &TypedExpr) -> Option<i128> {
    fn go(e: &DfExpr) -> Option<i128> {
        match e {
            DfExpr::Literal(v, _) => TypedExpr::new(DfExpr::Literal(v.clone(), None), ChType::Int64).literal_int(),
            DfExpr::Cast(c) => go(&c.expr),
            DfExpr::TryCast(c) => go(&c.expr),
            DfExpr::Alias(a) => go(&a.expr),
            DfExpr::Negative(inner) => go(inner).map(|v| -v),
            _ => None,
        }
    }
    go(&e.expr)
}

/// A String literal expression.
pub(crate) fn lit_str(s: &str) -> TypedExpr {
    TypedExpr::new(DfExpr::Literal(ScalarValue::BinaryView(Some(s.as_bytes().to_vec())), None), ChType::String)
}

/// An Int64 literal expression.
pub(crate) fn lit_i64(v: i64) -> TypedExpr {
    TypedExpr::new(DfExpr::Literal(ScalarValue::Int64(Some(v)), None), ChType::Int64)
}

/// A NULL of type `Nullable(ty)` (a function of a NULL argument).
pub(crate) fn null_of(ty: ChType) -> Result<TypedExpr> {
    let ty = ty.nullable();
    let v = ScalarValue::try_from(ty.to_arrow()).map_err(Error::from)?;
    Ok(TypedExpr::new(DfExpr::Literal(v, None), ty))
}

/// The constant string of argument `i` of `name`, or ILLEGAL_TYPE_OF_ARGUMENT.
pub(crate) fn const_str_arg(name: &str, args: &[TypedExpr], i: usize) -> Result<String> {
    match args.get(i) {
        Some(a) if a.ty.is_string_or_fixed() => a.literal_str().ok_or_else(|| {
            Error::new(
                ErrorCode::ILLEGAL_COLUMN,
                format!("Argument #{} of function {name} must be a constant string", i + 1),
            )
        }),
        Some(a) => Err(illegal_type(name, i, &a.ty)),
        None => Err(Error::new(ErrorCode::NUMBER_OF_ARGUMENTS_DOESNT_MATCH, format!("Missing argument of {name}"))),
    }
}

/// The zone for a time argument: the explicit one, else the type's, else the session's. Checked (36).
pub(crate) fn resolve_zone(ctx: &FunctionContext, ty: &ChType, explicit: Option<String>) -> Result<String> {
    let name = match explicit {
        Some(z) => z,
        None => ty.timezone().map(str::to_string).unwrap_or_else(|| ctx.timezone.clone()),
    };
    tz::zone(&name)?;
    Ok(name)
}

/// Replaces the zone of a DateTime/DateTime64 type (inside Nullable too).
pub(crate) fn with_zone(ty: &ChType, zone: Option<String>) -> ChType {
    match ty {
        ChType::Nullable(inner) => ChType::Nullable(Box::new(with_zone(inner, zone))),
        ChType::LowCardinality(inner) => with_zone(inner, zone),
        ChType::DateTime(_) => ChType::DateTime(zone),
        ChType::DateTime64(p, _) => ChType::DateTime64(*p, zone),
        other => other.clone(),
    }
}

/// Union of the NULLs of several arrays.
pub(crate) fn union_nulls(arrays: &[&ArrayRef]) -> Option<NullBuffer> {
    arrays.iter().fold(None, |acc, a| NullBuffer::union(acc.as_ref(), a.logical_nulls().as_ref()))
}

/// Kernel body for a one-time-argument function: `f(input, raw value)` per row;
/// the zone is the last argument.
pub(crate) fn unary(k: &KernelArgs, f: impl Fn(&TimeIn, i64) -> i64) -> DfResult<ColumnarValue> {
    let zone = zone_arg(k, k.args.len() - 1)?;
    let input = TimeIn::new(&k.arg_types[0], zone)?;
    let arr = arg_array(k, 0)?;
    let vals = map_i64(arr.as_ref(), |v| f(&input, v))?;
    let out = build_output(k.ret, vals, arr.logical_nulls())?;
    finish(k, out)
}

/// Binds `name(t[, extra consts…][, tz])`: `t` must be a date/time; `consts` more
/// arguments are passed on as they are; an optional trailing constant zone.
/// `ret` gives the result type from the (zone-resolved) argument type and zone.
pub(crate) fn bind_time_fn(
    ctx: &FunctionContext,
    args: Vec<TypedExpr>,
    consts: usize,
    kernel: super::Kernel,
    ret: impl Fn(&ChType, &[TypedExpr]) -> Result<ChType>,
) -> Result<TypedExpr> {
    let name = ctx.name.as_str();
    check_arg_count(name, &args, 1, 2 + consts)?;
    let explicit = if args.len() == 2 + consts { Some(const_str_arg(name, &args, 1 + consts)?) } else { None };
    let t = &args[0];
    let r = if t.ty.is_nothing() {
        None
    } else if TKind::of(&t.ty).is_none() {
        return Err(Error::new(
            ErrorCode::ILLEGAL_TYPE_OF_ARGUMENT,
            format!("Illegal type {} of argument of function {name}", t.ty),
        ));
    } else {
        Some(ret(&t.ty, &args[1..(args.len().min(1 + consts))])?)
    };
    let zone = resolve_zone(ctx, &t.ty, explicit.clone())?;
    let Some(mut ret_ty) = r else {
        return null_of(ret(&ChType::DateTime(None), &[])?);
    };
    if explicit.is_some() {
        if let ChType::DateTime(_) | ChType::DateTime64(..) = ret_ty {
            ret_ty = with_zone(&ret_ty, explicit.clone());
        }
    }
    let ret_ty = if t.ty.is_nullable() { ret_ty.nullable() } else { ret_ty };
    let mut call_args: Vec<TypedExpr> = args.into_iter().take(1 + consts).collect();
    call_args.push(lit_str(&zone));
    super::udf::call(name, kernel, call_args, ret_ty)
}

#[cfg(test)]
pub(crate) mod testing {
    //! Binds builders on literal arguments and evaluates them on a 1-row batch.
    use super::*;
    use arrow::datatypes::Schema;
    use arrow::record_batch::{RecordBatch, RecordBatchOptions};
    use datafusion::common::DFSchema;
    use datafusion::execution::context::ExecutionProps;
    use datafusion::physical_expr::create_physical_expr;

    pub fn ctx(name: &str) -> FunctionContext {
        FunctionContext {
            name: name.to_string(),
            timezone: "UTC".into(),
            database: "default".into(),
            now_micros: 1_700_000_000_123_456,
            settings: Default::default(),
        }
    }

    pub fn s(v: &str) -> TypedExpr {
        lit_str(v)
    }

    pub fn i(v: i64) -> TypedExpr {
        lit_i64(v)
    }

    pub fn lit(v: ScalarValue, ty: ChType) -> TypedExpr {
        TypedExpr::new(DfExpr::Literal(v, None), ty)
    }

    pub fn date(days: i32) -> TypedExpr {
        lit(ScalarValue::Date32(Some(days)), ChType::Date)
    }

    pub fn date32(days: i32) -> TypedExpr {
        lit(ScalarValue::Date32(Some(days)), ChType::Date32)
    }

    pub fn dt(secs: i64, zone: Option<&str>) -> TypedExpr {
        lit(ScalarValue::TimestampSecond(Some(secs), None), ChType::DateTime(zone.map(str::to_string)))
    }

    pub fn dt64(ticks: i64, p: u8, zone: Option<&str>) -> TypedExpr {
        let v = match datetime64_unit(p) {
            TimeUnit::Second => ScalarValue::TimestampSecond(Some(ticks), None),
            TimeUnit::Millisecond => ScalarValue::TimestampMillisecond(Some(ticks), None),
            TimeUnit::Microsecond => ScalarValue::TimestampMicrosecond(Some(ticks), None),
            TimeUnit::Nanosecond => ScalarValue::TimestampNanosecond(Some(ticks), None),
        };
        lit(v, ChType::DateTime64(p, zone.map(str::to_string)))
    }

    pub fn null() -> TypedExpr {
        lit(ScalarValue::Null, ChType::Nullable(Box::new(ChType::Nothing)))
    }

    /// Evaluates a bound expression; returns its value and ClickHouse type.
    pub fn eval(e: &TypedExpr) -> Result<ScalarValue> {
        let schema = Arc::new(Schema::empty());
        let df_schema = DFSchema::try_from(schema.as_ref().clone()).map_err(Error::from)?;
        let phys = create_physical_expr(
            &e.expr,
            &df_schema,
            &ExecutionProps::new(),
            &datafusion::logical_expr::physical_planning_context::PhysicalPlanningContext::default(),
        )
        .map_err(Error::from)?;
        let batch =
            RecordBatch::try_new_with_options(schema, vec![], &RecordBatchOptions::new().with_row_count(Some(1)))
                .map_err(|e| Error::new(ErrorCode::LOGICAL_ERROR, e.to_string()))?;
        let v = phys.evaluate(&batch).map_err(Error::from_datafusion)?;
        let arr = v.into_array(1).map_err(Error::from)?;
        ScalarValue::try_from_array(&arr, 0).map_err(Error::from)
    }

    /// Evaluates `e` over a batch with column `x` = `col`; returns the result column.
    pub fn eval_col(e: &TypedExpr, col: ArrayRef) -> Result<ArrayRef> {
        let schema = Arc::new(Schema::new(vec![arrow::datatypes::Field::new("x", col.data_type().clone(), true)]));
        let df_schema = DFSchema::try_from(schema.as_ref().clone()).map_err(Error::from)?;
        let phys = create_physical_expr(
            &e.expr,
            &df_schema,
            &ExecutionProps::new(),
            &datafusion::logical_expr::physical_planning_context::PhysicalPlanningContext::default(),
        )
        .map_err(Error::from)?;
        let n = col.len();
        let batch =
            RecordBatch::try_new(schema, vec![col]).map_err(|e| Error::new(ErrorCode::LOGICAL_ERROR, e.to_string()))?;
        let v = phys.evaluate(&batch).map_err(Error::from_datafusion)?;
        v.into_array(n).map_err(Error::from)
    }

    /// The column reference `x` of type `ty`.
    pub fn x(ty: ChType) -> TypedExpr {
        TypedExpr::new(datafusion::logical_expr::col("x"), ty)
    }

    /// Binds `name(args)` with `builder` and evaluates it.
    pub fn run(name: &str, b: crate::functions::ScalarBuilder, args: Vec<TypedExpr>) -> Result<(ScalarValue, ChType)> {
        let e = b(&ctx(name), args)?;
        Ok((eval(&e)?, e.ty))
    }

    /// The value as an i64 (integers, dates, timestamps), None for NULL.
    pub fn as_i64(v: &ScalarValue) -> Option<i64> {
        Some(match v {
            ScalarValue::UInt8(x) => (*x)? as i64,
            ScalarValue::UInt16(x) => (*x)? as i64,
            ScalarValue::UInt32(x) => (*x)? as i64,
            ScalarValue::UInt64(x) => (*x)? as i64,
            ScalarValue::Int8(x) => (*x)? as i64,
            ScalarValue::Int16(x) => (*x)? as i64,
            ScalarValue::Int32(x) => (*x)? as i64,
            ScalarValue::Int64(x) => (*x)?,
            ScalarValue::Date32(x) => (*x)? as i64,
            ScalarValue::TimestampSecond(x, _)
            | ScalarValue::TimestampMillisecond(x, _)
            | ScalarValue::TimestampMicrosecond(x, _)
            | ScalarValue::TimestampNanosecond(x, _) => (*x)?,
            _ => return None,
        })
    }

    /// `name(args)` as an i64 value with its type name.
    pub fn num(name: &str, b: crate::functions::ScalarBuilder, args: Vec<TypedExpr>) -> (Option<i64>, String) {
        match run(name, b, args) {
            Ok((v, t)) => (as_i64(&v), t.to_string()),
            Err(e) => panic!("{name}: {e}"),
        }
    }

    /// `name(args)` as a string value.
    pub fn text(name: &str, b: crate::functions::ScalarBuilder, args: Vec<TypedExpr>) -> Option<String> {
        match run(name, b, args) {
            Ok((ScalarValue::BinaryView(v), _)) | Ok((ScalarValue::Binary(v), _)) => {
                v.map(|b| String::from_utf8_lossy(&b).into_owned())
            }
            Ok((ScalarValue::Utf8(v), _)) => v,
            Ok((other, _)) => panic!("{name}: not a string {other:?}"),
            Err(e) => panic!("{name}: {e}"),
        }
    }

    /// Days since epoch of y-m-d.
    pub fn d(y: i64, m: u32, dd: u32) -> i64 {
        tz::days_from_civil(y, m, dd)
    }

    /// UTC seconds of y-m-d h:mi:s.
    pub fn ts(y: i64, m: u32, dd: u32, h: i64, mi: i64, sec: i64) -> i64 {
        d(y, m, dd) * DAY + h * 3600 + mi * 60 + sec
    }
}

#[cfg(test)]
mod tests;
