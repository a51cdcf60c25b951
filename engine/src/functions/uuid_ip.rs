//! UUID and IP address constructors: `toUUID`, `toUUIDOrNull`, `toUUIDOrZero`,
//! `toUUIDOrDefault`, `toIPv4`, `toIPv6` and their `OrNull`/`OrZero`/`OrDefault`
//! forms, `generateUUIDv4`. The parsing itself is the `_CAST` kernel's (text
//! forms in `formats`; UUID storage is FixedSizeBinary(16) with the halves
//! swapped, see `formats::text::uuid_to_storage`). Mirrors ClickHouse
//! `FunctionsConversion.h` (the UUID/IPv4/IPv6 targets) and `generateUUIDv4.cpp`.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use arrow::array::FixedSizeBinaryBuilder;
use datafusion::error::Result as DfResult;
use datafusion::logical_expr::{lit, ColumnarValue, Expr as DfExpr, Volatility};
use datafusion::scalar::ScalarValue;

use super::cast_kernel;
use super::conversion::cast;
use super::udf::{call, call_with_volatility};
use super::{check_arg_count, Case, FunctionContext, FunctionRegistry, KernelArgs, TypedExpr};
use crate::error::{Error, ErrorCode, Result};
use crate::types::ChType;

/// Registers the UUID and IP functions.
pub fn register(r: &mut FunctionRegistry) {
    for t in ["UUID", "IPv4", "IPv6"] {
        r.scalar(&format!("to{t}"), Case::Sensitive, to_type);
        for suffix in ["OrNull", "OrZero", "OrDefault"] {
            r.scalar(&format!("to{t}{suffix}"), Case::Sensitive, to_type_or);
        }
    }
    r.scalar("generateUUIDv4", Case::Sensitive, generate_uuid_v4);
}

fn target(name: &str) -> Result<ChType> {
    let base = name.strip_prefix("to").unwrap_or(name);
    Ok(if base.starts_with("UUID") {
        ChType::UUID
    } else if base.starts_with("IPv4") {
        ChType::IPv4
    } else if base.starts_with("IPv6") {
        ChType::IPv6
    } else {
        return Err(Error::new(ErrorCode::UNKNOWN_FUNCTION, format!("Unknown function {name}")));
    })
}

fn first(args: Vec<TypedExpr>) -> Result<TypedExpr> {
    args.into_iter().next().ok_or_else(|| Error::new(ErrorCode::LOGICAL_ERROR, "missing argument"))
}

/// `toUUID(x)`, `toIPv4(x)`, `toIPv6(x)`: CAST to the type (Nullable stays Nullable).
fn to_type(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    check_arg_count(&ctx.name, &args, 1, 1)?;
    let to = target(&ctx.name)?;
    let arg = first(args)?;
    if arg.ty.is_nothing() {
        return Ok(arg);
    }
    let to = if arg.ty.is_nullable() { to.nullable() } else { to };
    cast(ctx, arg, &to)
}

fn tz_arg(ctx: &FunctionContext) -> TypedExpr {
    TypedExpr::new(lit(ScalarValue::BinaryView(Some(ctx.timezone.as_bytes().to_vec()))), ChType::String)
}

/// `toUUIDOrNull(s)`, `toIPv4OrZero(s)`, `toIPv6OrDefault(s[, default])`: string arguments only.
fn to_type_or(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    let name = ctx.name.clone();
    let or_default = name.ends_with("OrDefault");
    check_arg_count(&name, &args, 1, 1 + usize::from(or_default))?;
    let to = target(&name)?;
    let mut args = args;
    let default = if args.len() > 1 { args.pop() } else { None };
    let arg = first(args)?;
    if !arg.ty.base().is_string_or_fixed() {
        return Err(Error::new(
            ErrorCode::ILLEGAL_TYPE_OF_ARGUMENT,
            format!(
                "Illegal type {} of first argument of function {name}. Conversion functions with postfix 'OrZero' or 'OrNull' should take String argument",
                arg.ty
            ),
        ));
    }
    if name.ends_with("OrNull") {
        let ret = to.nullable();
        return call("_CAST", cast_kernel::cast_or_null, vec![arg, tz_arg(ctx)], ret);
    }
    let Some(default) = default else {
        let ret = if arg.ty.is_nullable() { to.nullable() } else { to };
        return call("_CAST", cast_kernel::cast_or_zero, vec![arg, tz_arg(ctx)], ret);
    };
    let parsed = call("_CAST", cast_kernel::cast_or_null, vec![arg, tz_arg(ctx)], to.clone().nullable())?;
    let default = cast(ctx, default, &to)?;
    let expr = DfExpr::Case(datafusion::logical_expr::expr::Case::new(
        None,
        vec![(Box::new(parsed.expr.clone().is_not_null()), Box::new(parsed.expr))],
        Some(Box::new(default.expr)),
    ));
    Ok(TypedExpr::new(expr, to))
}

static UUID_STATE: AtomicU64 = AtomicU64::new(0);

/// A splitmix64 step over a process-wide counter seeded from the clock.
fn next_random() -> u64 {
    const GOLDEN: u64 = 0x9E37_79B9_7F4A_7C15;
    if UUID_STATE.load(Ordering::Relaxed) == 0 {
        let seed = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos() as u64)
            .unwrap_or(GOLDEN)
            | 1;
        let _ = UUID_STATE.compare_exchange(0, seed, Ordering::Relaxed, Ordering::Relaxed);
    }
    let mut z = UUID_STATE.fetch_add(GOLDEN, Ordering::Relaxed).wrapping_add(GOLDEN);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

fn k_uuid_v4(k: &KernelArgs) -> DfResult<ColumnarValue> {
    let mut b = FixedSizeBinaryBuilder::with_capacity(k.rows, 16);
    for _ in 0..k.rows {
        let mut text = [0u8; 16];
        text[..8].copy_from_slice(&next_random().to_be_bytes());
        text[8..].copy_from_slice(&next_random().to_be_bytes());
        text[6] = (text[6] & 0x0F) | 0x40;
        text[8] = (text[8] & 0x3F) | 0x80;
        b.append_value(crate::formats::text::uuid_to_storage(&text))?;
    }
    Ok(ColumnarValue::Array(Arc::new(b.finish())))
}

/// `generateUUIDv4([x])`: a random version-4 UUID per row (the argument only keeps calls apart).
fn generate_uuid_v4(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    check_arg_count(&ctx.name, &args, 0, 1)?;
    let mut args = args;
    if args.is_empty() {
        args.push(TypedExpr::new(lit(ScalarValue::UInt8(Some(0))), ChType::UInt8));
    }
    call_with_volatility(&ctx.name, k_uuid_v4, args, ChType::UUID, Volatility::Volatile)
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;

    #[test]
    fn uuid_and_ip() {
        // chdb: toTypeName(toUUID('61f0c404-...')) = UUID; toIPv4('192.168.0.1') type IPv4;
        // toUUIDOrNull('nope') = NULL; toIPv4OrNull('1.2.3') = NULL; toTypeName(generateUUIDv4()) = UUID
        assert_eq!(run("toUUID", vec![str_("61f0c404-5cb3-11e7-907b-a6006ad3dba0")]).unwrap().0, "UUID");
        assert_eq!(run("toIPv4", vec![str_("192.168.0.1")]).unwrap().0, "IPv4");
        assert_eq!(run("toIPv6", vec![str_("::1")]).unwrap().0, "IPv6");
        assert!(run("toUUIDOrNull", vec![str_("nope")]).unwrap().1.is_null());
        assert!(run("toIPv4OrNull", vec![str_("1.2.3")]).unwrap().1.is_null());
        assert_eq!(run("generateUUIDv4", vec![]).unwrap().0, "UUID");
        assert_eq!(run_code("toUUIDOrNull", vec![int("UInt8", 1)]), 43);
    }
}
