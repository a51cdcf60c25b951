//! ClickHouse hash functions (`FunctionsHashing.h`): `cityHash64`, `sipHash64`,
//! `xxHash32`, `xxHash64`, `xxh3`, `murmurHash2_32`, `murmurHash2_64`,
//! `murmurHash3_32`, `murmurHash3_64`, `intHash32`, `intHash64`, `MD5`, `SHA256`.
//! The algorithms are in `algorithms` (and `md5`); this file decides what bytes
//! ClickHouse hashes for each argument type and how it combines them:
//!
//! * strings and FixedStrings hash their bytes;
//! * numbers, dates and enums hash their native little-endian bytes (their
//!   ClickHouse width, not Arrow's: Date is 2 bytes, DateTime 4), except that
//!   `cityHash64` (and other `use_int_hash_for_pods` hashes) runs `intHash64`
//!   on values of up to 8 bytes zero-extended to 64 bits;
//! * several arguments: the first hash, then `combine(acc, next)` per argument;
//!   a tuple counts as its elements in order; an array hashes its length
//!   (`intHash64`/`intHash32`) combined with each element's hash;
//! * no arguments: a fixed constant; a NULL in any argument: NULL.
//!
//! Known gap: a NULL *inside* an array or tuple hashes as its stored default
//! value here; ClickHouse hashes it differently (not yet derived).

pub mod algorithms;
pub mod digests;
pub mod md5;
pub mod sha256;

use std::sync::Arc;

use arrow::array::{Array, ArrayRef, AsArray, UInt32Array, UInt64Array};
use arrow::buffer::NullBuffer;
use arrow::datatypes::*;
use datafusion::error::Result as DfResult;
use datafusion::logical_expr::{lit, ColumnarValue};
use datafusion::scalar::ScalarValue;

use self::algorithms as alg;
use super::strings::{finish, logical, null_if_nothing, out_rows, ret_type};
use super::udf::call;
use super::{check_arg_count, illegal_type, Case, FunctionContext, FunctionRegistry, Kernel, KernelArgs, TypedExpr};
use crate::error::{Error, ErrorCode, Result};
use crate::types::ChType;

pub fn register(r: &mut FunctionRegistry) {
    digests::register(r);
    r.scalar("cityHash64", Case::Sensitive, |c, a| any_hash(c, a, Alg::City64));
    r.scalar("sipHash64", Case::Sensitive, |c, a| any_hash(c, a, Alg::Sip64));
    r.scalar("xxHash64", Case::Sensitive, |c, a| any_hash(c, a, Alg::Xx64));
    r.scalar("xxHash32", Case::Sensitive, |c, a| any_hash(c, a, Alg::Xx32));
    r.scalar("xxh3", Case::Sensitive, |c, a| any_hash(c, a, Alg::Xxh3));
    r.scalar("murmurHash2_32", Case::Sensitive, |c, a| any_hash(c, a, Alg::Murmur2_32));
    r.scalar("murmurHash2_64", Case::Sensitive, |c, a| any_hash(c, a, Alg::Murmur2_64));
    r.scalar("murmurHash3_32", Case::Sensitive, |c, a| any_hash(c, a, Alg::Murmur3_32));
    r.scalar("murmurHash3_64", Case::Sensitive, |c, a| any_hash(c, a, Alg::Murmur3_64));
    r.scalar("intHash32", Case::Sensitive, |c, a| int_hash(c, a, false));
    r.scalar("intHash64", Case::Sensitive, |c, a| int_hash(c, a, true));
    r.scalar("MD5", Case::Sensitive, md5::md5_builder);
    r.scalar("SHA256", Case::Sensitive, sha256::sha256_builder);
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Alg {
    City64,
    Sip64,
    Xx64,
    Xx32,
    Xxh3,
    Murmur2_32,
    Murmur2_64,
    Murmur3_32,
    Murmur3_64,
}

impl Alg {
    fn is32(self) -> bool {
        matches!(self, Alg::Xx32 | Alg::Murmur2_32 | Alg::Murmur3_32)
    }

    /// Whether small numbers are hashed with intHash64 instead of their bytes.
    fn int_hash_for_pods(self) -> bool {
        self == Alg::City64
    }

    fn bytes(self, s: &[u8]) -> u64 {
        match self {
            Alg::City64 => alg::city_hash64(s),
            Alg::Sip64 => alg::sip_hash64(s),
            Alg::Xx64 => xxhash_rust::xxh64::xxh64(s, 0),
            Alg::Xx32 => u64::from(xxhash_rust::xxh32::xxh32(s, 0)),
            Alg::Xxh3 => xxhash_rust::xxh3::xxh3_64(s),
            Alg::Murmur2_32 => u64::from(alg::murmur2_32(s)),
            Alg::Murmur2_64 => alg::murmur2_64(s),
            Alg::Murmur3_32 => u64::from(alg::murmur3_32(s)),
            Alg::Murmur3_64 => {
                let (a, b) = alg::murmur3_x64_128(s);
                a ^ b
            }
        }
    }

    /// Hash of a number of up to 8 bytes given zero-extended in `v` with its width.
    #[inline]
    fn small(self, v: u64, width: usize) -> u64 {
        if self.int_hash_for_pods() {
            alg::int_hash64(v)
        } else {
            self.bytes(&v.to_le_bytes()[..width])
        }
    }

    /// The hash of an array's length, the start of an array's hash.
    fn len_hash(self, n: u64) -> u64 {
        if self.is32() {
            u64::from(alg::int_hash32(n))
        } else {
            alg::int_hash64(n)
        }
    }

    fn combine(self, h1: u64, h2: u64) -> u64 {
        match self {
            Alg::City64 | Alg::Xx64 | Alg::Xxh3 => alg::hash128_to_64(h1, h2),
            Alg::Sip64 => {
                let mut b = [0u8; 16];
                b[..8].copy_from_slice(&h1.to_le_bytes());
                b[8..].copy_from_slice(&h2.to_le_bytes());
                alg::sip_hash64(&b)
            }
            Alg::Xx32 | Alg::Murmur2_32 | Alg::Murmur3_32 => u64::from(alg::int_hash32(h1) ^ (h2 as u32)),
            Alg::Murmur2_64 | Alg::Murmur3_64 => alg::int_hash64(h1) ^ h2,
        }
    }

    fn kernel(self) -> Kernel {
        match self {
            Alg::City64 => |k| hash_kernel(k, Alg::City64),
            Alg::Sip64 => |k| hash_kernel(k, Alg::Sip64),
            Alg::Xx64 => |k| hash_kernel(k, Alg::Xx64),
            Alg::Xx32 => |k| hash_kernel(k, Alg::Xx32),
            Alg::Xxh3 => |k| hash_kernel(k, Alg::Xxh3),
            Alg::Murmur2_32 => |k| hash_kernel(k, Alg::Murmur2_32),
            Alg::Murmur2_64 => |k| hash_kernel(k, Alg::Murmur2_64),
            Alg::Murmur3_32 => |k| hash_kernel(k, Alg::Murmur3_32),
            Alg::Murmur3_64 => |k| hash_kernel(k, Alg::Murmur3_64),
        }
    }
}

/// Value of every hash function called without arguments.
const NO_ARGS_HASH: u64 = 0xe28d_bde7_fe22_e41c;

/// Whether values of `t` can be hashed here.
fn hashable(t: &ChType) -> bool {
    match t.base() {
        ChType::Array(e) => hashable(e),
        ChType::Tuple(es, _) => es.iter().all(hashable),
        ChType::Map(k, v) => hashable(k) && hashable(v),
        ChType::AggregateFunction(..) | ChType::Interval(_) => false,
        _ => true,
    }
}

fn any_hash(ctx: &FunctionContext, args: Vec<TypedExpr>, a: Alg) -> Result<TypedExpr> {
    let base = if a.is32() { ChType::UInt32 } else { ChType::UInt64 };
    if args.is_empty() {
        let v = if a.is32() {
            ScalarValue::UInt32(Some(NO_ARGS_HASH as u32))
        } else {
            ScalarValue::UInt64(Some(NO_ARGS_HASH))
        };
        return Ok(TypedExpr::new(lit(v), base));
    }
    if let Some(n) = null_if_nothing(&args) {
        return Ok(n);
    }
    for (i, arg) in args.iter().enumerate() {
        if !hashable(&arg.ty) {
            return Err(Error::new(
                ErrorCode::NOT_IMPLEMENTED,
                format!("{} of an argument of type {} (argument #{})", ctx.name, arg.ty, i + 1),
            ));
        }
    }
    let ret = ret_type(base, &args);
    call(&ctx.name, a.kernel(), args, ret)
}

fn hash_kernel(k: &KernelArgs, a: Alg) -> DfResult<ColumnarValue> {
    let n = out_rows(k);
    let mut acc = vec![0u64; n];
    let mut first = true;
    let mut nulls: Option<NullBuffer> = None;
    for (v, t) in k.args.iter().zip(k.arg_types) {
        let arr = v.to_array(n)?;
        nulls = NullBuffer::union(nulls.as_ref(), arr.logical_nulls().as_ref());
        hash_into(&arr, t, a, &mut acc, &mut first)?;
    }
    let out: ArrayRef = if a.is32() {
        Arc::new(UInt32Array::new(acc.into_iter().map(|h| h as u32).collect(), nulls))
    } else {
        Arc::new(UInt64Array::new(acc.into(), nulls))
    };
    finish(k, out)
}

#[inline]
fn put(acc: &mut [u64], i: usize, h: u64, first: bool, a: Alg) {
    acc[i] = if first { h } else { a.combine(acc[i], h) };
}

/// Hashes every row of `arr` (ClickHouse type `t`) into `acc` (see the module doc).
fn hash_into(arr: &ArrayRef, t: &ChType, a: Alg, acc: &mut [u64], first: &mut bool) -> DfResult<()> {
    let f = *first;
    macro_rules! small {
        ($at:ty, $w:expr, $conv:expr) => {{
            let p = arr.as_primitive::<$at>();
            for (i, v) in p.values().iter().enumerate() {
                put(acc, i, a.small($conv(*v), $w), f, a);
            }
        }};
    }
    match (t.base(), arr.data_type()) {
        (ChType::Array(e), DataType::List(_)) => {
            let l = arr.as_list::<i32>();
            list_hash(l.values(), l.value_offsets(), e, a, acc, f)?;
        }
        (ChType::Map(kt, vt), DataType::Map(..)) => {
            let m = arr.as_map();
            let entries: ArrayRef = Arc::new(m.entries().clone());
            let et = ChType::Tuple(vec![(**kt).clone(), (**vt).clone()], None);
            list_hash(&entries, m.value_offsets(), &et, a, acc, f)?;
        }
        (ChType::Tuple(es, _), DataType::Struct(_)) => {
            let s = arr.as_struct();
            for (col, et) in s.columns().iter().zip(es) {
                hash_into(col, et, a, acc, first)?;
            }
            return Ok(());
        }
        (_, DataType::Null) => {
            for i in 0..arr.len() {
                put(acc, i, a.small(0, 1), f, a);
            }
        }
        (_, DataType::BinaryView) => {
            let s = arr.as_binary_view();
            for i in 0..s.len() {
                put(acc, i, a.bytes(s.value(i)), f, a);
            }
        }
        (t, DataType::FixedSizeBinary(_)) => {
            // Hash ClickHouse's in-memory bytes: big integers are stored big-endian with the
            // top bit flipped (little-endian natively); UUIDs as swapped big-endian halves.
            let s = arr.as_fixed_size_binary();
            let wide_int = t.is_integer();
            let uuid = matches!(t, ChType::UUID);
            let mut buf = Vec::new();
            for i in 0..s.len() {
                let v = s.value(i);
                let h = if wide_int {
                    buf.clear();
                    buf.extend(v.iter().rev());
                    if let Some(last) = buf.last_mut() {
                        *last ^= 0x80;
                    }
                    a.bytes(&buf)
                } else if uuid && v.len() == 16 {
                    buf.clear();
                    // Stored t[8..16] ++ t[0..8]; in memory each text half is little-endian.
                    buf.extend(v[8..].iter().rev());
                    buf.extend(v[..8].iter().rev());
                    a.bytes(&buf)
                } else {
                    a.bytes(v)
                };
                put(acc, i, h, f, a);
            }
        }
        (_, DataType::Boolean) => {
            let b = arr.as_boolean();
            for i in 0..b.len() {
                put(acc, i, a.small(u64::from(b.value(i)), 1), f, a);
            }
        }
        (ChType::Date, DataType::Date32) => small!(Date32Type, 2, |v: i32| u64::from(v as u16)),
        (_, DataType::Date32) => small!(Date32Type, 4, |v: i32| u64::from(v as u32)),
        (ChType::DateTime(_), DataType::Timestamp(TimeUnit::Second, _)) => {
            small!(TimestampSecondType, 4, |v: i64| u64::from(v as u32))
        }
        (_, DataType::Timestamp(TimeUnit::Second, _)) => small!(TimestampSecondType, 8, |v: i64| v as u64),
        (_, DataType::Timestamp(TimeUnit::Millisecond, _)) => small!(TimestampMillisecondType, 8, |v: i64| v as u64),
        (_, DataType::Timestamp(TimeUnit::Microsecond, _)) => small!(TimestampMicrosecondType, 8, |v: i64| v as u64),
        (_, DataType::Timestamp(TimeUnit::Nanosecond, _)) => small!(TimestampNanosecondType, 8, |v: i64| v as u64),
        (_, DataType::UInt8) => small!(UInt8Type, 1, u64::from),
        (_, DataType::UInt16) => small!(UInt16Type, 2, u64::from),
        (_, DataType::UInt32) => small!(UInt32Type, 4, u64::from),
        (_, DataType::UInt64) => small!(UInt64Type, 8, |v| v),
        (_, DataType::Int8) => small!(Int8Type, 1, |v: i8| u64::from(v as u8)),
        (_, DataType::Int16) => small!(Int16Type, 2, |v: i16| u64::from(v as u16)),
        (_, DataType::Int32) => small!(Int32Type, 4, |v: i32| u64::from(v as u32)),
        (_, DataType::Int64) => small!(Int64Type, 8, |v: i64| v as u64),
        (_, DataType::Float32) => small!(Float32Type, 4, |v: f32| u64::from(v.to_bits())),
        (_, DataType::Float64) => small!(Float64Type, 8, |v: f64| v.to_bits()),
        (ChType::Decimal(p, _), DataType::Decimal128(..)) => {
            let d = arr.as_primitive::<Decimal128Type>();
            for (i, v) in d.values().iter().enumerate() {
                // Decimals hash their native bytes (no intHash64, unlike integers).
                let h = match p {
                    0..=9 => a.bytes(&(*v as i32).to_le_bytes()),
                    10..=18 => a.bytes(&(*v as i64).to_le_bytes()),
                    _ => a.bytes(&v.to_le_bytes()),
                };
                put(acc, i, h, f, a);
            }
        }
        (t, dt) => return Err(logical(format!("hash of {t} stored as {dt}"))),
    }
    *first = false;
    Ok(())
}

/// Hashes list rows: the length hash combined with each element's hash.
fn list_hash(values: &ArrayRef, offsets: &[i32], e: &ChType, a: Alg, acc: &mut [u64], f: bool) -> DfResult<()> {
    let mut elems = vec![0u64; values.len()];
    let mut ef = true;
    hash_into(values, e, a, &mut elems, &mut ef)?;
    for i in 0..offsets.len().saturating_sub(1) {
        let (s, end) = (offsets[i].max(0) as usize, offsets[i + 1].max(0) as usize);
        let mut h = a.len_hash((end.saturating_sub(s)) as u64);
        for eh in elems.get(s..end).unwrap_or(&[]) {
            h = a.combine(h, *eh);
        }
        if i < acc.len() {
            put(acc, i, h, f, a);
        }
    }
    Ok(())
}

fn int_hash(ctx: &FunctionContext, args: Vec<TypedExpr>, wide: bool) -> Result<TypedExpr> {
    check_arg_count(&ctx.name, &args, 1, 1)?;
    if let Some(n) = null_if_nothing(&args) {
        return Ok(n);
    }
    let t = args[0].ty.base();
    if !(t.is_integer() && t.bit_width().is_some_and(|w| w <= 64)) {
        return Err(illegal_type(&ctx.name, 0, &args[0].ty));
    }
    let ret = ret_type(if wide { ChType::UInt64 } else { ChType::UInt32 }, &args);
    if wide {
        call("intHash64", |k| int_hash_kernel(k, true), args, ret)
    } else {
        call("intHash32", |k| int_hash_kernel(k, false), args, ret)
    }
}

/// intHash32/64 of an integer converted to UInt64 by value (signed values sign-extend).
fn int_hash_kernel(k: &KernelArgs, wide: bool) -> DfResult<ColumnarValue> {
    let n = out_rows(k);
    let arr = k.args[0].to_array(n)?;
    let vals: Vec<u64> = if arr.data_type() == &DataType::UInt64 {
        arr.as_primitive::<UInt64Type>().values().to_vec()
    } else {
        let c = arrow::compute::cast(&arr, &DataType::Int64)?;
        c.as_primitive::<Int64Type>().values().iter().map(|v| *v as u64).collect()
    };
    let nulls = arr.logical_nulls();
    let out: ArrayRef = if wide {
        Arc::new(UInt64Array::new(vals.iter().map(|v| alg::int_hash64(*v)).collect(), nulls))
    } else {
        Arc::new(UInt32Array::new(vals.iter().map(|v| alg::int_hash32(*v)).collect(), nulls))
    };
    finish(k, out)
}

#[cfg(test)]
mod tests {
    use datafusion::logical_expr::lit;
    use datafusion::scalar::ScalarValue;

    use crate::functions::strings::testing::*;
    use crate::functions::TypedExpr;
    use crate::types::ChType;

    fn u(v: i64, t: ChType) -> TypedExpr {
        int(v, t)
    }

    fn f64v(v: f64) -> TypedExpr {
        TypedExpr::new(lit(ScalarValue::Float64(Some(v))), ChType::Float64)
    }

    fn f32v(v: f32) -> TypedExpr {
        TypedExpr::new(lit(ScalarValue::Float32(Some(v))), ChType::Float32)
    }

    #[test]
    fn city_hash_arguments() {
        // Checked with chdb 26.9.
        assert_eq!(run("cityHash64", vec![]), "16324913028386710556");
        assert_eq!(ty("cityHash64", vec![]), "UInt64");
        assert_eq!(run("cityHash64", vec![s("")]), "11160318154034397263");
        assert_eq!(run("cityHash64", vec![s("a"), s("b")]), "7468329322676821011");
        assert_eq!(run("cityHash64", vec![u(1, ChType::UInt8)]), "10577349846663553072");
        assert_eq!(run("cityHash64", vec![u(1, ChType::UInt32)]), "10577349846663553072");
        assert_eq!(run("cityHash64", vec![u(-1, ChType::Int8)]), "8055013221972926055");
        assert_eq!(run("cityHash64", vec![u(-1, ChType::Int16)]), "6547939410751295652");
        assert_eq!(run("cityHash64", vec![u(-1, ChType::Int32)]), "9168733277332772950");
        assert_eq!(run("cityHash64", vec![u(-1, ChType::Int64)]), "14600443904207254319");
        assert_eq!(run("cityHash64", vec![f64v(1.5)]), "7287324520655339053");
        assert_eq!(run("cityHash64", vec![f32v(1.5)]), "17641193269776743632");
        assert_eq!(run("cityHash64", vec![u(1, ChType::UInt8), u(2, ChType::UInt8)]), "463667963421364848");
        assert_eq!(run("cityHash64", vec![s("a"), u(1, ChType::UInt8)]), "11051256024482834174");
        assert_eq!(run("cityHash64", vec![u(1, ChType::UInt8), s("a")]), "3281168119317583073");
        assert_eq!(run("cityHash64", vec![null()]), "\\N");
        assert_eq!(ty("cityHash64", vec![col_c()]), "Nullable(UInt64)");
    }

    #[test]
    fn other_hash_arguments() {
        assert_eq!(run("sipHash64", vec![]), "16324913028386710556");
        assert_eq!(run("sipHash64", vec![s("a"), s("b")]), "1193743241355087095");
        assert_eq!(run("sipHash64", vec![u(1, ChType::UInt8)]), "7385293435322750976");
        assert_eq!(run("sipHash64", vec![u(1, ChType::UInt32)]), "13715208377448023093");
        assert_eq!(run("sipHash64", vec![u(1, ChType::UInt64)]), "9224715256000962398");
        assert_eq!(run("sipHash64", vec![u(-1, ChType::Int8)]), "2368135510806073586");
        assert_eq!(run("sipHash64", vec![f64v(1.5)]), "12174397082705264768");
        assert_eq!(run("sipHash64", vec![u(1, ChType::UInt8), u(2, ChType::UInt8)]), "13747979201178469747");
        assert_eq!(run("sipHash64", vec![u(1, ChType::UInt8), s("a")]), "14369802987963166986");
        assert_eq!(run("sipHash64", vec![s("a"), s("b"), s("c")]), "12120073758995740453");
        assert_eq!(run("xxHash64", vec![u(1, ChType::UInt8)]), "9962287286179718960");
        assert_eq!(run("xxHash64", vec![u(1, ChType::UInt32)]), "17595444997414146897");
        assert_eq!(run("xxHash64", vec![s("a"), s("b")]), "14756808377901732262");
        assert_eq!(run("xxHash32", vec![u(1, ChType::UInt8)]), "949155633");
        assert_eq!(run("xxHash32", vec![s("abc")]), "852579327");
        assert_eq!(run("xxHash32", vec![]), "4263699484");
        assert_eq!(run("murmurHash3_32", vec![u(1, ChType::UInt8)]), "3831157163");
        assert_eq!(run("murmurHash3_64", vec![u(1, ChType::UInt8)]), "956517343494314387");
        assert_eq!(run("murmurHash3_32", vec![s("a"), s("b")]), "914284213");
        assert_eq!(run("murmurHash3_64", vec![s("a"), s("b")]), "18305627054227103971");
        assert_eq!(run("murmurHash3_64", vec![s("abc")]), "10318955651176813877");
        assert_eq!(run("xxh3", vec![u(1, ChType::UInt8)]), "16226181191752404715");
        assert_eq!(run("xxh3", vec![s("abc")]), "8696274497037089104");
        assert_eq!(run("xxh3", vec![s("a"), s("b")]), "3189474376958980599");
        assert_eq!(ty("xxHash32", vec![s("a")]), "UInt32");
    }

    #[test]
    fn composite_and_typed_arguments() {
        // Checked with chdb 26.9.
        use crate::functions::arrays::testing::*;
        assert_eq!(run("cityHash64", vec![arr_u8(&[1, 2])]), "5171949009262398126");
        assert_eq!(run("cityHash64", vec![bind("array", vec![]).unwrap()]), "4761183170873013810");
        assert_eq!(run("cityHash64", vec![arr_s(&["a"])]), "3281168119317583073");
        assert_eq!(run("sipHash64", vec![arr_u8(&[1, 2])]), "16941636534932280572");
        let t = bind("tuple", vec![u(1, ChType::UInt8), s("a")]).unwrap();
        assert_eq!(run("cityHash64", vec![t.clone()]), "3281168119317583073");
        assert_eq!(run("sipHash64", vec![t]), "14369802987963166986");
        let m = bind("map", vec![u(1, ChType::UInt8), u(2, ChType::UInt8)]).unwrap();
        assert_eq!(run("cityHash64", vec![m]), "4329461512316264284");
        let date = TypedExpr::new(lit(ScalarValue::Date32(Some(18262))), ChType::Date);
        assert_eq!(run("cityHash64", vec![date]), "6817702824740635125");
        let dt = TypedExpr::new(lit(ScalarValue::TimestampSecond(Some(1577836800), None)), ChType::DateTime(None));
        assert_eq!(run("cityHash64", vec![dt]), "1353083611880552204");
        let dec = TypedExpr::new(lit(ScalarValue::Decimal128(Some(150), 9, 2)), ChType::Decimal(9, 2));
        assert_eq!(run("cityHash64", vec![dec]), "8235273209324577223");
        let fixed =
            TypedExpr::new(lit(ScalarValue::FixedSizeBinary(3, Some(b"ab\0".to_vec()))), ChType::FixedString(3));
        assert_eq!(run("cityHash64", vec![fixed]), "2474032565810969706");
        let i128_one = {
            let mut v = [0u8; 16];
            v[0] = 0x80;
            v[15] = 1;
            TypedExpr::new(lit(ScalarValue::FixedSizeBinary(16, Some(v.to_vec()))), ChType::Int128)
        };
        assert_eq!(run("cityHash64", vec![i128_one]), "201160255169616649");
        // toUUID('61f0c404-5cb3-11e7-907b-a6006ad3dba0'), stored with its 8-byte halves swapped.
        let uuid = [0x90, 0x7b, 0xa6, 0x00, 0x6a, 0xd3, 0xdb, 0xa0, 0x61, 0xf0, 0xc4, 0x04, 0x5c, 0xb3, 0x11, 0xe7];
        let uuid = TypedExpr::new(lit(ScalarValue::FixedSizeBinary(16, Some(uuid.to_vec()))), ChType::UUID);
        assert_eq!(run("cityHash64", vec![uuid]), "17345439983272262203");
        let b = TypedExpr::new(lit(ScalarValue::Boolean(Some(true))), ChType::Bool);
        assert_eq!(run("cityHash64", vec![b]), "10577349846663553072");
    }

    #[test]
    fn int_hashes() {
        assert_eq!(run("intHash32", vec![u(1, ChType::UInt8)]), "1343103100");
        assert_eq!(run("intHash64", vec![u(1, ChType::UInt8)]), "10577349846663553072");
        assert_eq!(run("intHash64", vec![u(-1, ChType::Int8)]), "14600443904207254319");
        assert_eq!(run("intHash32", vec![u(-1, ChType::Int64)]), "3545659993");
        assert_eq!(ty("intHash32", vec![u(1, ChType::UInt8)]), "UInt32");
        assert_eq!(err_code("intHash32", vec![f64v(1.5)]), 43);
    }

    #[test]
    fn md5() {
        assert_eq!(run("hex", vec![bind("MD5", vec![s("")]).unwrap()]), "D41D8CD98F00B204E9800998ECF8427E");
        assert_eq!(run("hex", vec![bind("MD5", vec![s("abc")]).unwrap()]), "900150983CD24FB0D6963F7D28E17F72");
        let long = "a".repeat(100);
        assert_eq!(run("hex", vec![bind("MD5", vec![s(&long)]).unwrap()]), "36A92CC94A9E0FA21F625F8BFB007ADF");
        assert_eq!(ty("MD5", vec![s("a")]), "FixedString(16)");
        assert_eq!(err_code("MD5", vec![u(1, ChType::UInt8)]), 43);
        assert_eq!(
            run("hex", vec![bind("SHA256", vec![s("abc")]).unwrap()]),
            "BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD"
        );
        assert_eq!(ty("SHA256", vec![s("")]), "FixedString(32)");
        let long = "ab".repeat(100);
        assert_eq!(
            run("hex", vec![bind("SHA256", vec![s(&long)]).unwrap()]),
            "80F5495226473B1B53657205E8FA14AB41BD12161CB002140CE2F4B7AD8CD80F"
        );
        assert_eq!(
            run("hex", vec![bind("SHA256", vec![s("")]).unwrap()]),
            "E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855"
        );
    }
}
