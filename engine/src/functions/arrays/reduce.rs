//! Array reductions without lambdas: `arraySum`, `arrayMin`, `arrayMax`,
//! `arrayAvg`, `arrayProduct`, and `arrayStringConcat` (ClickHouse's
//! `arrayAggregation.cpp`, `arrayStringConcat`). Sums are UInt64/Int64/Float64
//! by the element's kind; averages and products Float64; min/max keep the
//! element type; an empty array gives 0 (the type's default).

use std::sync::Arc;

use arrow::array::{Array, ArrayRef, AsArray, BinaryViewBuilder};
use arrow::datatypes::{DataType, Float64Type, Int64Type, UInt64Type};
use datafusion::error::Result as DfResult;
use datafusion::logical_expr::ColumnarValue;
use datafusion::scalar::ScalarValue;

use super::{bounds, elem_of, list_arg};
use crate::error::{Error, ErrorCode, Result};
use crate::functions::strings::{finish, logical, out_rows, StrCol};
use crate::functions::udf::call;
use crate::functions::{check_arg_count, illegal_type, Case, FunctionContext, FunctionRegistry, KernelArgs, TypedExpr};
use crate::types::ChType;

pub fn register(r: &mut FunctionRegistry) {
    r.scalar("arraySum", Case::Sensitive, |c, a| aggregate(c, a, Agg::Sum));
    r.scalar("arrayMin", Case::Sensitive, |c, a| aggregate(c, a, Agg::Min));
    r.scalar("arrayMax", Case::Sensitive, |c, a| aggregate(c, a, Agg::Max));
    r.scalar("arrayAvg", Case::Sensitive, |c, a| aggregate(c, a, Agg::Avg));
    r.scalar("arrayProduct", Case::Sensitive, |c, a| aggregate(c, a, Agg::Product));
    r.scalar("arrayStringConcat", Case::Sensitive, array_string_concat);
}

#[derive(Clone, Copy, PartialEq)]
enum Agg {
    Sum,
    Min,
    Max,
    Avg,
    Product,
}

fn aggregate(ctx: &FunctionContext, args: Vec<TypedExpr>, agg: Agg) -> Result<TypedExpr> {
    check_arg_count(&ctx.name, &args, 1, 1)?;
    let Some(e) = elem_of(&args[0].ty) else { return Err(illegal_type(&ctx.name, 0, &args[0].ty)) };
    let base = e.remove_nullable();
    let numeric = base.is_integer() || base.is_float() || matches!(base, ChType::Bool);
    let ret = match agg {
        Agg::Min | Agg::Max if numeric || base.is_string() || base.is_date_or_datetime() => base.clone(),
        _ if !numeric || e.is_nullable() => {
            return Err(Error::new(
                ErrorCode::ILLEGAL_TYPE_OF_ARGUMENT,
                format!("array aggregation function cannot be performed on type {e}"),
            ))
        }
        Agg::Sum if base.is_float() => ChType::Float64,
        Agg::Sum if base.is_signed_int() => ChType::Int64,
        Agg::Sum => ChType::UInt64,
        _ => ChType::Float64,
    };
    if base.bit_width().is_some_and(|w| w > 64) {
        return Err(Error::new(ErrorCode::NOT_IMPLEMENTED, format!("{} of {}-bit integers", ctx.name, e)));
    }
    let kernel: crate::functions::Kernel = match agg {
        Agg::Sum => |k| agg_kernel(k, Agg::Sum),
        Agg::Min => |k| agg_kernel(k, Agg::Min),
        Agg::Max => |k| agg_kernel(k, Agg::Max),
        Agg::Avg => |k| agg_kernel(k, Agg::Avg),
        Agg::Product => |k| agg_kernel(k, Agg::Product),
    };
    call(&ctx.name, kernel, args, ret)
}

fn agg_kernel(k: &KernelArgs, agg: Agg) -> DfResult<ColumnarValue> {
    let n = out_rows(k);
    let l = list_arg(k, 0, n)?;
    let offs = l.value_offsets();
    let out: ArrayRef = match agg {
        Agg::Min | Agg::Max => {
            // Sort keys through the row format; NULL elements are skipped.
            let values = l.values();
            let rows = super::element_rows(&[values])?;
            let default = ScalarValue::new_default(values.data_type())?.to_array_of_size(1)?;
            let ext = arrow::compute::concat(&[values.as_ref(), default.as_ref()])?;
            let d = values.len() as u32;
            let idx: arrow::array::UInt32Array = (0..n)
                .map(|row| {
                    let (s, e) = bounds(offs, row);
                    let it = (s..e).filter(|&j| values.is_valid(j));
                    let best = if agg == Agg::Min {
                        it.min_by_key(|&j| rows[0].row(j))
                    } else {
                        it.max_by_key(|&j| rows[0].row(j))
                    };
                    Some(best.map_or(d, |j| j as u32))
                })
                .collect();
            arrow::compute::take(ext.as_ref(), &idx, None)?
        }
        _ => {
            let ret = k.ret.to_arrow();
            let as_f64 = matches!(agg, Agg::Avg | Agg::Product) || ret == DataType::Float64;
            let target = if as_f64 { DataType::Float64 } else { ret.clone() };
            let vals = arrow::compute::cast(l.values(), &target)?;
            match target {
                DataType::Float64 => {
                    let v = vals.as_primitive::<Float64Type>();
                    let res: arrow::array::Float64Array = (0..n)
                        .map(|row| {
                            let (s, e) = bounds(offs, row);
                            let it = (s..e).filter(|&j| v.is_valid(j)).map(|j| v.value(j));
                            Some(match agg {
                                Agg::Product => it.product(),
                                Agg::Avg => {
                                    let (sum, cnt) = it.fold((0.0, 0usize), |(a, c), x| (a + x, c + 1));
                                    if cnt == 0 {
                                        0.0
                                    } else {
                                        sum / cnt as f64
                                    }
                                }
                                _ => it.sum(),
                            })
                        })
                        .collect();
                    Arc::new(res)
                }
                DataType::Int64 => {
                    let v = vals.as_primitive::<Int64Type>();
                    let res: arrow::array::Int64Array = (0..n)
                        .map(|row| {
                            let (s, e) = bounds(offs, row);
                            Some((s..e).filter(|&j| v.is_valid(j)).fold(0i64, |a, j| a.wrapping_add(v.value(j))))
                        })
                        .collect();
                    Arc::new(res)
                }
                DataType::UInt64 => {
                    let v = vals.as_primitive::<UInt64Type>();
                    let res: arrow::array::UInt64Array = (0..n)
                        .map(|row| {
                            let (s, e) = bounds(offs, row);
                            Some((s..e).filter(|&j| v.is_valid(j)).fold(0u64, |a, j| a.wrapping_add(v.value(j))))
                        })
                        .collect();
                    Arc::new(res)
                }
                other => return Err(logical(format!("array sum into {other}"))),
            }
        }
    };
    finish(k, out)
}

/// `arrayStringConcat(arr[, sep])`: elements as text joined by `sep` (NULL elements skipped).
fn array_string_concat(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    check_arg_count(&ctx.name, &args, 1, 2)?;
    let Some(e) = elem_of(&args[0].ty).cloned() else { return Err(illegal_type(&ctx.name, 0, &args[0].ty)) };
    if args.len() == 2 && !args[1].ty.is_string() {
        return Err(illegal_type(&ctx.name, 1, &args[1].ty));
    }
    let _ = e; // other element types are written as text in the kernel, as toString does
    call("arrayStringConcat", string_concat_kernel, args, ChType::String)
}

fn string_concat_kernel(k: &KernelArgs) -> DfResult<ColumnarValue> {
    let n = out_rows(k);
    let l = list_arg(k, 0, n)?;
    let sep = match k.args.get(1) {
        Some(s) => Some(StrCol::new(s)?),
        None => None,
    };
    // Non-string elements are written as text first (as toString writes them).
    let elem = elem_of(&k.arg_types[0]).cloned().unwrap_or(ChType::Nothing);
    let text = if elem.is_string_or_fixed() || elem.is_nothing() {
        Arc::clone(l.values())
    } else {
        crate::formats::text::to_text_column(l.values().as_ref(), &elem, &Default::default())
            .map_err(Error::into_datafusion)?
    };
    let vals = ColumnarValue::Array(text);
    let is_null = elem.is_nothing();
    let v = if is_null { None } else { Some(StrCol::new(&vals)?) };
    let mut b = BinaryViewBuilder::with_capacity(n);
    let mut buf = Vec::new();
    for row in 0..n {
        let sp = sep.as_ref().and_then(|s| s.get(row)).unwrap_or(b"");
        buf.clear();
        let (s, e) = bounds(l.value_offsets(), row);
        let mut first = true;
        for j in s..e {
            if let Some(x) = v.as_ref().and_then(|v| v.get(j)) {
                if !first {
                    buf.extend_from_slice(sp);
                }
                first = false;
                buf.extend_from_slice(x);
            }
        }
        b.append_value(&buf);
    }
    finish(k, Arc::new(b.finish()))
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use crate::functions::strings::testing::*;

    #[test]
    fn reductions() {
        // Checked with chdb 26.9.
        assert_eq!(run("arraySum", vec![arr_u8(&[1, 2])]), "3");
        assert_eq!(ty("arraySum", vec![arr_u8(&[1, 2])]), "UInt64");
        assert_eq!(run("arrayMin", vec![arr_u8(&[3, 1])]), "1");
        assert_eq!(ty("arrayMin", vec![arr_u8(&[3, 1])]), "UInt8");
        assert_eq!(run("arrayAvg", vec![arr_u8(&[1, 2])]), "1.5");
        assert_eq!(ty("arrayAvg", vec![arr_u8(&[1, 2])]), "Float64");
        assert_eq!(run("arrayProduct", vec![arr_u8(&[2, 3])]), "6");
        assert_eq!(run("arrayMax", vec![arr_s(&["a", "b"])]), "b");
        assert_eq!(err_code("arraySum", vec![arr_u8(&[])]), 43);
        assert_eq!(run("arrayStringConcat", vec![arr_s(&["a", "b"]), s("-")]), "a-b");
        assert_eq!(run("arrayStringConcat", vec![arr_s(&["a", "b"])]), "ab");
        assert_eq!(run("arrayStringConcat", vec![arr_u8(&[1, 2]), s(",")]), "1,2");
    }
}
