//! [`ChScalarUdf`]: the one DataFusion `ScalarUDFImpl` behind ClickHouse scalar
//! functions. A function is a [`Kernel`] (a plain `fn` over Arrow arrays) plus
//! the ClickHouse types its builder decided; this file owns the DataFusion
//! boilerplate (signature, return type, equality) so that function files hold
//! only argument checks and kernels.

use std::sync::Arc;

use arrow::array::ArrayRef;
use arrow::datatypes::DataType;
use datafusion::error::Result as DfResult;
use datafusion::logical_expr::{
    ColumnarValue, Expr as DfExpr, ScalarFunctionArgs, ScalarUDF, ScalarUDFImpl, Signature, Volatility,
};

use super::TypedExpr;
use crate::error::Result;
use crate::types::ChType;

/// What a kernel receives: the argument values, their ClickHouse types, the
/// result type, and the row count of the batch.
pub struct KernelArgs<'a> {
    pub args: &'a [ColumnarValue],
    pub arg_types: &'a [ChType],
    pub ret: &'a ChType,
    pub rows: usize,
}

impl KernelArgs<'_> {
    /// Argument `i` as an array of `rows` values (scalars are expanded).
    pub fn array(&self, i: usize) -> DfResult<ArrayRef> {
        self.args[i].to_array(self.rows)
    }

    /// Whether every argument is a scalar (the result may then be a scalar too).
    pub fn all_scalar(&self) -> bool {
        self.args.iter().all(|a| matches!(a, ColumnarValue::Scalar(_)))
    }
}

/// A function body over Arrow values. Errors are Granary errors wrapped with
/// `Error::into_datafusion`, so their ClickHouse code survives.
pub type Kernel = fn(&KernelArgs) -> DfResult<ColumnarValue>;

/// A ClickHouse scalar function instance with its bound types.
#[derive(Debug, Clone)]
pub struct ChScalarUdf {
    name: String,
    kernel: Kernel,
    arg_types: Vec<ChType>,
    ret: ChType,
    return_type: DataType,
    signature: Signature,
}

// Kernels compare by address: two instances are the same function only if they
// run the same code on the same types (identical functions merged by the
// linker behave identically, so that is harmless).
impl PartialEq for ChScalarUdf {
    fn eq(&self, other: &Self) -> bool {
        self.name == other.name
            && self.kernel as usize == other.kernel as usize
            && self.arg_types == other.arg_types
            && self.ret == other.ret
            && self.signature == other.signature
    }
}

impl Eq for ChScalarUdf {}

impl std::hash::Hash for ChScalarUdf {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.name.hash(state);
        (self.kernel as usize).hash(state);
        self.arg_types.hash(state);
        self.ret.hash(state);
    }
}

impl ChScalarUdf {
    /// A deterministic function.
    pub fn new(name: &str, kernel: Kernel, arg_types: Vec<ChType>, ret: ChType) -> Self {
        Self::with_volatility(name, kernel, arg_types, ret, Volatility::Immutable)
    }

    /// A function with explicit volatility (`rand` is Volatile, `now` Stable).
    pub fn with_volatility(
        name: &str,
        kernel: Kernel,
        arg_types: Vec<ChType>,
        ret: ChType,
        volatility: Volatility,
    ) -> Self {
        let return_type = ret.to_arrow();
        ChScalarUdf {
            name: name.to_string(),
            kernel,
            arg_types,
            ret,
            return_type,
            signature: Signature::variadic_any(volatility),
        }
    }
}

impl ScalarUDFImpl for ChScalarUdf {
    fn name(&self) -> &str {
        &self.name
    }

    fn signature(&self) -> &Signature {
        &self.signature
    }

    fn return_type(&self, _arg_types: &[DataType]) -> DfResult<DataType> {
        Ok(self.return_type.clone())
    }

    fn invoke_with_args(&self, args: ScalarFunctionArgs) -> DfResult<ColumnarValue> {
        let k = KernelArgs { args: &args.args, arg_types: &self.arg_types, ret: &self.ret, rows: args.number_rows };
        (self.kernel)(&k)
    }
}

/// Calls `kernel` on `args`, producing a value of type `ret`.
pub fn call(name: &str, kernel: Kernel, args: Vec<TypedExpr>, ret: ChType) -> Result<TypedExpr> {
    call_with_volatility(name, kernel, args, ret, Volatility::Immutable)
}

/// [`call`] with explicit volatility.
pub fn call_with_volatility(
    name: &str,
    kernel: Kernel,
    args: Vec<TypedExpr>,
    ret: ChType,
    volatility: Volatility,
) -> Result<TypedExpr> {
    let arg_types = args.iter().map(|a| a.ty.clone()).collect();
    let udf = ChScalarUdf::with_volatility(name, kernel, arg_types, ret.clone(), volatility);
    let exprs = args.into_iter().map(|a| a.expr).collect();
    let expr = DfExpr::ScalarFunction(datafusion::logical_expr::expr::ScalarFunction::new_udf(
        Arc::new(ScalarUDF::new_from_impl(udf)),
        exprs,
    ));
    Ok(TypedExpr::new(expr, ret))
}
