//! Server and session introspection: `getSetting(name)`, `hostName()`, `uptime()`.
//! Mirrors ClickHouse `getSetting.cpp`, `hostName.cpp`, `uptime.cpp`: each is a
//! constant for the query.

use std::sync::OnceLock;

use datafusion::logical_expr::lit;
use datafusion::scalar::ScalarValue;

use super::{check_arg_count, illegal_type, Case, FunctionContext, FunctionRegistry, TypedExpr};
use crate::error::{Error, ErrorCode, Result};
use crate::settings::SettingValue;
use crate::types::ChType;

/// Registers the introspection functions.
pub fn register(r: &mut FunctionRegistry) {
    r.scalar("getSetting", Case::Sensitive, get_setting);
    r.scalar("hostName", Case::Sensitive, host_name);
    r.scalar("hostname", Case::Insensitive, host_name);
    r.scalar("uptime", Case::Sensitive, uptime);
}

fn string_lit(s: &str) -> TypedExpr {
    TypedExpr::new(lit(ScalarValue::BinaryView(Some(s.as_bytes().to_vec()))), ChType::String)
}

/// A UInt64 value as the smallest unsigned literal that holds it (as ClickHouse types a Field).
fn uint_lit(v: u64) -> TypedExpr {
    if let Ok(x) = u8::try_from(v) {
        TypedExpr::new(lit(ScalarValue::UInt8(Some(x))), ChType::UInt8)
    } else if let Ok(x) = u16::try_from(v) {
        TypedExpr::new(lit(ScalarValue::UInt16(Some(x))), ChType::UInt16)
    } else if let Ok(x) = u32::try_from(v) {
        TypedExpr::new(lit(ScalarValue::UInt32(Some(x))), ChType::UInt32)
    } else {
        TypedExpr::new(lit(ScalarValue::UInt64(Some(v))), ChType::UInt64)
    }
}

fn int_lit(v: i64) -> TypedExpr {
    if v >= 0 {
        return uint_lit(v as u64);
    }
    if let Ok(x) = i8::try_from(v) {
        TypedExpr::new(lit(ScalarValue::Int8(Some(x))), ChType::Int8)
    } else if let Ok(x) = i16::try_from(v) {
        TypedExpr::new(lit(ScalarValue::Int16(Some(x))), ChType::Int16)
    } else if let Ok(x) = i32::try_from(v) {
        TypedExpr::new(lit(ScalarValue::Int32(Some(x))), ChType::Int32)
    } else {
        TypedExpr::new(lit(ScalarValue::Int64(Some(v))), ChType::Int64)
    }
}

/// `getSetting('name')`: the current value of a setting, typed as its literal would be.
fn get_setting(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    check_arg_count(&ctx.name, &args, 1, 1)?;
    let Some(name) = args[0].literal_str() else {
        return Err(illegal_type(&ctx.name, 0, &args[0].ty));
    };
    let Some(v) = ctx.settings.get(&name) else {
        return Err(Error::new(ErrorCode::UNKNOWN_SETTING, format!("Unknown setting '{name}'")));
    };
    Ok(match v {
        SettingValue::UInt(u) => uint_lit(u),
        SettingValue::Int(i) => int_lit(i),
        SettingValue::Bool(b) => TypedExpr::new(lit(ScalarValue::Boolean(Some(b))), ChType::Bool),
        SettingValue::Float(f) => TypedExpr::new(lit(ScalarValue::Float64(Some(f))), ChType::Float64),
        SettingValue::String(s) => string_lit(&s),
    })
}

/// `hostName()`: the machine's host name.
fn host_name(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    check_arg_count(&ctx.name, &args, 0, 0)?;
    let name = std::fs::read_to_string("/proc/sys/kernel/hostname")
        .ok()
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .or_else(|| std::env::var("HOSTNAME").ok())
        .unwrap_or_else(|| "localhost".to_string());
    Ok(string_lit(&name))
}

static STARTED: OnceLock<std::time::Instant> = OnceLock::new();

/// `uptime()`: whole seconds since the engine first bound a function (UInt32).
fn uptime(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    check_arg_count(&ctx.name, &args, 0, 0)?;
    let start = STARTED.get_or_init(std::time::Instant::now);
    let secs = u32::try_from(start.elapsed().as_secs()).unwrap_or(u32::MAX);
    Ok(TypedExpr::new(lit(ScalarValue::UInt32(Some(secs))), ChType::UInt32))
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use datafusion::scalar::ScalarValue as S;

    #[test]
    fn settings_and_host() {
        // chdb: toTypeName(getSetting('max_block_size')) = UInt16 (65409); getSetting('nosuch') → 115
        assert_eq!(run("getSetting", vec![str_("max_block_size")]).unwrap(), ("UInt16".into(), S::UInt16(Some(65409))));
        assert_eq!(run_code("getSetting", vec![str_("nosuch")]), 115);
        assert_eq!(run("hostName", vec![]).unwrap().0, "String");
        assert_eq!(run("uptime", vec![]).unwrap().0, "UInt32");
    }
}
