//! ClickHouse string functions (`src/Functions/` string families in ClickHouse):
//! lengths and case (`basic`), slicing, padding and trimming (`slice`),
//! substring search and LIKE (`search`), regular expressions (`regexp`),
//! splitting (`split`) and encodings (`encode`).
//!
//! Strings are Arrow BinaryView (bytes, not necessarily UTF-8); FixedString(N)
//! is FixedSizeBinary(N). This module holds the shared argument accessors
//! ([`StrCol`], [`IntCol`]) and output helpers every string kernel uses: a kernel
//! downcasts each argument once per batch, then loops over rows.

pub mod basic;
pub mod chars;
pub mod encode;
pub mod multi;
pub mod regexp;
pub mod search;
pub mod slice;
pub mod split;
pub mod url;

use std::sync::Arc;

use arrow::array::{Array, ArrayRef, AsArray, BinaryViewArray, FixedSizeBinaryArray};
use arrow::datatypes::{DataType, Int64Type};
use datafusion::error::Result as DfResult;
use datafusion::logical_expr::ColumnarValue;
use datafusion::scalar::ScalarValue;

use super::{FunctionRegistry, KernelArgs, TypedExpr};
use crate::error::{Error, ErrorCode};
use crate::types::ChType;

/// Registers every string function.
pub fn register(r: &mut FunctionRegistry) {
    basic::register(r);
    slice::register(r);
    search::register(r);
    regexp::register(r);
    split::register(r);
    encode::register(r);
    chars::register(r);
    multi::register(r);
    url::register(r);
}

/// A string argument of one batch: a constant, a BinaryView column or a FixedString column.
pub enum StrCol<'a> {
    Scalar(Option<&'a [u8]>),
    View(&'a BinaryViewArray),
    Fixed(&'a FixedSizeBinaryArray),
}

impl<'a> StrCol<'a> {
    /// Accessor for argument `v` (String, FixedString or NULL).
    pub fn new(v: &'a ColumnarValue) -> DfResult<StrCol<'a>> {
        Ok(match v {
            ColumnarValue::Scalar(s) => StrCol::Scalar(match s {
                ScalarValue::BinaryView(b) | ScalarValue::Binary(b) | ScalarValue::LargeBinary(b) => b.as_deref(),
                ScalarValue::FixedSizeBinary(_, b) => b.as_deref(),
                ScalarValue::Utf8(s) | ScalarValue::Utf8View(s) | ScalarValue::LargeUtf8(s) => {
                    s.as_deref().map(str::as_bytes)
                }
                s if s.is_null() => None,
                other => return Err(logical(format!("expected a string argument, got {}", other.data_type()))),
            }),
            ColumnarValue::Array(a) => match a.data_type() {
                DataType::BinaryView => StrCol::View(a.as_binary_view()),
                DataType::FixedSizeBinary(_) => StrCol::Fixed(a.as_fixed_size_binary()),
                other => return Err(logical(format!("expected a string column, got {other}"))),
            },
        })
    }

    /// The value at `row`, or None for NULL.
    #[inline]
    pub fn get(&self, row: usize) -> Option<&'a [u8]> {
        match self {
            StrCol::Scalar(v) => *v,
            StrCol::View(a) => (!a.is_null(row)).then(|| a.value(row)),
            StrCol::Fixed(a) => (!a.is_null(row)).then(|| a.value(row)),
        }
    }

    /// The constant value, when the argument is a constant.
    pub fn scalar(&self) -> Option<Option<&'a [u8]>> {
        match self {
            StrCol::Scalar(v) => Some(*v),
            _ => None,
        }
    }
}

/// An integer argument of one batch, read as i64 (UInt64 above i64::MAX saturates).
pub enum IntCol {
    Scalar(Option<i64>),
    Array(arrow::array::PrimitiveArray<Int64Type>),
}

impl IntCol {
    pub fn new(v: &ColumnarValue) -> DfResult<IntCol> {
        Ok(match v {
            ColumnarValue::Scalar(s) => IntCol::Scalar(scalar_i64(s)),
            ColumnarValue::Array(a) => {
                let a = if a.data_type() == &DataType::UInt64 {
                    let u = a.as_primitive::<arrow::datatypes::UInt64Type>();
                    Arc::new(u.unary::<_, Int64Type>(|x| i64::try_from(x).unwrap_or(i64::MAX))) as ArrayRef
                } else {
                    arrow::compute::cast(a, &DataType::Int64)?
                };
                IntCol::Array(a.as_primitive::<Int64Type>().clone())
            }
        })
    }

    #[inline]
    pub fn get(&self, row: usize) -> Option<i64> {
        match self {
            IntCol::Scalar(v) => *v,
            IntCol::Array(a) => (!a.is_null(row)).then(|| a.value(row)),
        }
    }
}

/// An integer scalar as i64 (UInt64 saturates; Boolean is 0/1; anything else is NULL).
pub fn scalar_i64(s: &ScalarValue) -> Option<i64> {
    Some(match s {
        ScalarValue::Int8(Some(v)) => *v as i64,
        ScalarValue::Int16(Some(v)) => *v as i64,
        ScalarValue::Int32(Some(v)) => *v as i64,
        ScalarValue::Int64(Some(v)) => *v,
        ScalarValue::UInt8(Some(v)) => *v as i64,
        ScalarValue::UInt16(Some(v)) => *v as i64,
        ScalarValue::UInt32(Some(v)) => *v as i64,
        ScalarValue::UInt64(Some(v)) => i64::try_from(*v).unwrap_or(i64::MAX),
        ScalarValue::Boolean(Some(v)) => *v as i64,
        _ => return None,
    })
}

/// Rows to compute: 1 when every argument is constant (the result is then a constant).
pub fn out_rows(k: &KernelArgs) -> usize {
    if k.all_scalar() {
        1
    } else {
        k.rows
    }
}

/// Wraps a computed array as the kernel result (a scalar when every argument was constant).
pub fn finish(k: &KernelArgs, arr: ArrayRef) -> DfResult<ColumnarValue> {
    if k.all_scalar() {
        Ok(ColumnarValue::Scalar(ScalarValue::try_from_array(&arr, 0)?))
    } else {
        Ok(ColumnarValue::Array(arr))
    }
}

/// A LOGICAL_ERROR for broken binder invariants (wrong Arrow type reaching a kernel).
pub fn logical(msg: String) -> datafusion::error::DataFusionError {
    Error::new(ErrorCode::LOGICAL_ERROR, msg).into_datafusion()
}

/// The result type given the argument types: Nullable when any argument is, and
/// LowCardinality when a LowCardinality argument meets only constants (ClickHouse's
/// default implementation for LowCardinality columns; the Arrow storage is the same).
pub fn ret_type(ret: ChType, args: &[TypedExpr]) -> ChType {
    let r = if args.iter().any(|a| a.ty.is_nullable()) { ret.nullable() } else { ret };
    let is_lc = |a: &TypedExpr| matches!(a.ty, ChType::LowCardinality(_));
    let lc = args.iter().any(is_lc) && args.iter().all(|a| is_lc(a) || a.literal().is_some());
    let scalar_kind = !matches!(r.base(), ChType::Array(_) | ChType::Tuple(..) | ChType::Map(..));
    if lc && scalar_kind {
        ChType::LowCardinality(Box::new(r))
    } else {
        r
    }
}

/// `NULL` of type Nullable(Nothing) when an argument is the NULL literal's type
/// (ClickHouse's default for ordinary functions on a `Nothing` argument).
pub fn null_if_nothing(args: &[TypedExpr]) -> Option<TypedExpr> {
    args.iter().any(|a| a.ty.is_nothing()).then(|| {
        TypedExpr::new(
            datafusion::logical_expr::Expr::Literal(ScalarValue::Null, None),
            ChType::Nullable(Box::new(ChType::Nothing)),
        )
    })
}

#[cfg(test)]
pub(crate) mod testing {
    //! Evaluates bound expressions on a tiny batch for unit tests.
    use std::sync::Arc;

    use arrow::array::{Array, ArrayRef, BinaryViewArray, RecordBatch, RecordBatchOptions};
    use arrow::datatypes::{Field, Schema};
    use datafusion::common::DFSchema;
    use datafusion::execution::context::ExecutionProps;
    use datafusion::logical_expr::{col, lit, ColumnarValue};
    use datafusion::scalar::ScalarValue;

    use crate::error::Result;
    use crate::functions::{FunctionContext, FunctionRegistry, TypedExpr};
    use crate::types::ChType;

    pub fn ctx(name: &str) -> FunctionContext {
        FunctionContext {
            name: name.into(),
            timezone: "UTC".into(),
            database: "default".into(),
            now_micros: 0,
            settings: Default::default(),
        }
    }

    /// A String literal.
    pub fn s(v: &str) -> TypedExpr {
        TypedExpr::new(lit(ScalarValue::BinaryView(Some(v.as_bytes().to_vec()))), ChType::String)
    }

    /// An integer literal of the given type.
    pub fn int(v: i64, ty: ChType) -> TypedExpr {
        let sv = ScalarValue::Int64(Some(v)).cast_to(&ty.to_arrow()).expect("cast");
        TypedExpr::new(lit(sv), ty)
    }

    /// A NULL literal of type Nullable(Nothing).
    pub fn null() -> TypedExpr {
        TypedExpr::new(lit(ScalarValue::Null), ChType::Nullable(Box::new(ChType::Nothing)))
    }

    /// The column `c` of the test batch (Nullable(String)).
    pub fn col_c() -> TypedExpr {
        TypedExpr::new(col("c"), ChType::Nullable(Box::new(ChType::String)))
    }

    /// Binds `name(args)` in the builtin registry.
    pub fn bind(name: &str, args: Vec<TypedExpr>) -> Result<TypedExpr> {
        let r = FunctionRegistry::builtin();
        r.bind_scalar(&ctx(name), args)
    }

    /// Evaluates `e` over a batch whose column `c` holds `rows` (String, NULL for None).
    pub fn eval_rows(e: &TypedExpr, rows: &[Option<&str>]) -> Result<ArrayRef> {
        let field = Field::new("c", arrow::datatypes::DataType::BinaryView, true);
        let schema = Arc::new(Schema::new(vec![field]));
        let c: BinaryViewArray = rows.iter().map(|r| r.map(str::as_bytes)).collect();
        let batch = RecordBatch::try_new_with_options(
            schema.clone(),
            vec![Arc::new(c)],
            &RecordBatchOptions::new().with_row_count(Some(rows.len())),
        )?;
        let df_schema = DFSchema::try_from(schema.as_ref().clone())?;
        let phys = datafusion::physical_expr::create_physical_expr(
            &e.expr,
            &df_schema,
            &ExecutionProps::new(),
            &datafusion::logical_expr::physical_planning_context::PhysicalPlanningContext::default(),
        )?;
        let out = phys.evaluate(&batch)?;
        let arr = match out {
            ColumnarValue::Array(a) => a,
            ColumnarValue::Scalar(s) => s.to_array_of_size(rows.len())?,
        };
        assert_eq!(arr.data_type(), &e.ty.to_arrow(), "Arrow type of {:?}", e.ty);
        Ok(arr)
    }

    /// Evaluates a constant expression to one value.
    pub fn eval1(e: &TypedExpr) -> Result<ScalarValue> {
        let a = eval_rows(e, &[None])?;
        Ok(ScalarValue::try_from_array(&a, 0)?)
    }

    /// Binds and evaluates a constant call; renders the value as text (strings lossy, NULL as \N).
    pub fn run(name: &str, args: Vec<TypedExpr>) -> String {
        let e = bind(name, args).unwrap_or_else(|e| panic!("{name}: {e}"));
        let v = eval1(&e).unwrap_or_else(|e| panic!("{name}: {e}"));
        show(&v)
    }

    /// Text of a value as the tests compare it (close to ClickHouse TSV for simple types).
    pub fn show(v: &ScalarValue) -> String {
        if v.is_null() {
            return "\\N".into();
        }
        match v {
            ScalarValue::BinaryView(Some(b)) | ScalarValue::FixedSizeBinary(_, Some(b)) => {
                String::from_utf8_lossy(b).into_owned()
            }
            ScalarValue::List(l) => {
                let vals = l.value(0);
                let items: Vec<String> = (0..vals.len())
                    .map(|i| {
                        let s = ScalarValue::try_from_array(&vals, i).expect("item");
                        match &s {
                            ScalarValue::BinaryView(Some(_)) => format!("'{}'", show(&s)),
                            _ => show(&s),
                        }
                    })
                    .collect();
                format!("[{}]", items.join(","))
            }
            other => other.to_string(),
        }
    }

    /// The type a call binds to.
    pub fn ty(name: &str, args: Vec<TypedExpr>) -> String {
        bind(name, args).unwrap_or_else(|e| panic!("{name}: {e}")).ty.to_string()
    }

    /// The ClickHouse error code of binding or evaluating a call.
    pub fn err_code(name: &str, args: Vec<TypedExpr>) -> i32 {
        match bind(name, args) {
            Err(e) => e.code(),
            Ok(e) => match eval1(&e) {
                Err(e) => e.code(),
                Ok(v) => panic!("{name} succeeded: {v:?}"),
            },
        }
    }
}
