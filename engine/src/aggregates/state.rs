//! Partial-state encoding (spec/distributed.md §7.5): a complex state travels as
//! one Binary value = `u8 version` + the function's state bytes, little-endian.
//! This file owns the byte reader/writer, the version byte and the value codec
//! used by states that keep argument values (min/max, any, groupArray, topK…).
//! Truncated input is CANNOT_READ_ALL_DATA (33), absurd sizes are
//! TOO_LARGE_ARRAY_SIZE (128), never a panic.

use arrow::array::{Array, ArrayRef, AsArray, BinaryViewArray, BooleanArray, FixedSizeBinaryArray, PrimitiveArray};
use arrow::datatypes::*;
use datafusion::error::Result as DfResult;
use datafusion::scalar::ScalarValue;

use crate::error::{Error, ErrorCode};

/// The state layout version written before every state.
pub const STATE_VERSION: u8 = 1;

/// Largest element count a state may announce (guards allocations).
const MAX_ELEMENTS: u64 = 1 << 32;

/// A cursor over state bytes.
pub struct Reader<'a> {
    buf: &'a [u8],
}

fn truncated() -> datafusion::error::DataFusionError {
    Error::new(ErrorCode::CANNOT_READ_ALL_DATA, "Cannot read all data of aggregate function state").into_datafusion()
}

impl<'a> Reader<'a> {
    pub fn new(buf: &'a [u8]) -> Self {
        Reader { buf }
    }

    /// Checks and skips the version byte.
    pub fn versioned(buf: &'a [u8]) -> DfResult<Self> {
        let mut r = Reader::new(buf);
        let v = r.u8()?;
        if v != STATE_VERSION {
            return Err(Error::new(
                ErrorCode::BAD_ARGUMENTS,
                format!("incompatible aggregate state: unknown state version {v}"),
            )
            .into_datafusion());
        }
        Ok(r)
    }

    pub fn is_empty(&self) -> bool {
        self.buf.is_empty()
    }

    pub fn bytes(&mut self, n: usize) -> DfResult<&'a [u8]> {
        if self.buf.len() < n {
            return Err(truncated());
        }
        let (a, b) = self.buf.split_at(n);
        self.buf = b;
        Ok(a)
    }

    pub fn u8(&mut self) -> DfResult<u8> {
        Ok(self.bytes(1)?[0])
    }

    pub fn u32(&mut self) -> DfResult<u32> {
        let b = self.bytes(4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }

    pub fn u64(&mut self) -> DfResult<u64> {
        let mut a = [0u8; 8];
        a.copy_from_slice(self.bytes(8)?);
        Ok(u64::from_le_bytes(a))
    }

    pub fn i64(&mut self) -> DfResult<i64> {
        Ok(self.u64()? as i64)
    }

    pub fn f64(&mut self) -> DfResult<f64> {
        Ok(f64::from_bits(self.u64()?))
    }

    pub fn i128(&mut self) -> DfResult<i128> {
        let mut a = [0u8; 16];
        a.copy_from_slice(self.bytes(16)?);
        Ok(i128::from_le_bytes(a))
    }

    /// ClickHouse's VarUInt (LEB128).
    pub fn var_u64(&mut self) -> DfResult<u64> {
        let mut x = 0u64;
        for i in 0..10 {
            let b = self.u8()?;
            x |= ((b & 0x7f) as u64) << (7 * i);
            if b & 0x80 == 0 {
                return Ok(x);
            }
        }
        Ok(x)
    }

    /// An element count, checked against the bytes left (each element takes ≥ `min_bytes`).
    pub fn count(&mut self, min_bytes: usize) -> DfResult<usize> {
        let n = self.var_u64()?;
        if n > MAX_ELEMENTS || n.saturating_mul(min_bytes as u64) > self.buf.len() as u64 {
            return Err(Error::new(
                ErrorCode::TOO_LARGE_ARRAY_SIZE,
                "Too large array size in aggregate function state",
            )
            .into_datafusion());
        }
        Ok(n as usize)
    }

    /// A length-prefixed byte string.
    pub fn blob(&mut self) -> DfResult<&'a [u8]> {
        let n = self.count(1)?;
        self.bytes(n)
    }
}

pub fn put_var_u64(out: &mut Vec<u8>, mut x: u64) {
    loop {
        let b = (x & 0x7f) as u8;
        x >>= 7;
        if x == 0 {
            out.push(b);
            return;
        }
        out.push(b | 0x80);
    }
}

pub fn put_blob(out: &mut Vec<u8>, b: &[u8]) {
    put_var_u64(out, b.len() as u64);
    out.extend_from_slice(b);
}

/// Whether the value codec supports this Arrow type.
pub fn codec_supports(dt: &DataType) -> bool {
    matches!(
        dt,
        DataType::Boolean
            | DataType::Int8
            | DataType::Int16
            | DataType::Int32
            | DataType::Int64
            | DataType::UInt8
            | DataType::UInt16
            | DataType::UInt32
            | DataType::UInt64
            | DataType::Float32
            | DataType::Float64
            | DataType::Date32
            | DataType::Timestamp(_, None)
            | DataType::Decimal128(..)
            | DataType::BinaryView
            | DataType::FixedSizeBinary(_)
    )
}

fn put_prim<T: ArrowPrimitiveType>(a: &dyn Array, row: usize, out: &mut Vec<u8>)
where
    T::Native: ToLeBytes,
{
    let v = a.as_primitive::<T>().value(row);
    v.put(out);
}

/// Little-endian writer for native values.
pub trait ToLeBytes {
    fn put(self, out: &mut Vec<u8>);
}
macro_rules! le {
    ($($t:ty),*) => {$(impl ToLeBytes for $t { fn put(self, out: &mut Vec<u8>) { out.extend_from_slice(&self.to_le_bytes()) } })*};
}
le!(i8, i16, i32, i64, u8, u16, u32, u64, f32, f64, i128);

/// Appends the value at `row` (not NULL) of a supported array. Equal values give equal bytes.
pub fn encode_value(a: &dyn Array, row: usize, out: &mut Vec<u8>) {
    match a.data_type() {
        DataType::Boolean => out.push(a.as_boolean().value(row) as u8),
        DataType::Int8 => put_prim::<Int8Type>(a, row, out),
        DataType::Int16 => put_prim::<Int16Type>(a, row, out),
        DataType::Int32 => put_prim::<Int32Type>(a, row, out),
        DataType::Int64 => put_prim::<Int64Type>(a, row, out),
        DataType::UInt8 => put_prim::<UInt8Type>(a, row, out),
        DataType::UInt16 => put_prim::<UInt16Type>(a, row, out),
        DataType::UInt32 => put_prim::<UInt32Type>(a, row, out),
        DataType::UInt64 => put_prim::<UInt64Type>(a, row, out),
        DataType::Float32 => put_prim::<Float32Type>(a, row, out),
        DataType::Float64 => put_prim::<Float64Type>(a, row, out),
        DataType::Date32 => put_prim::<Date32Type>(a, row, out),
        DataType::Timestamp(TimeUnit::Second, _) => put_prim::<TimestampSecondType>(a, row, out),
        DataType::Timestamp(TimeUnit::Millisecond, _) => put_prim::<TimestampMillisecondType>(a, row, out),
        DataType::Timestamp(TimeUnit::Microsecond, _) => put_prim::<TimestampMicrosecondType>(a, row, out),
        DataType::Timestamp(TimeUnit::Nanosecond, _) => put_prim::<TimestampNanosecondType>(a, row, out),
        DataType::Decimal128(..) => put_prim::<Decimal128Type>(a, row, out),
        DataType::BinaryView => put_blob(out, a.as_binary_view().value(row)),
        DataType::FixedSizeBinary(_) => out.extend_from_slice(a.as_fixed_size_binary().value(row)),
        _ => {}
    }
}

fn prim_from<T: ArrowPrimitiveType>(r: &mut Reader, n: usize, dt: &DataType) -> DfResult<ArrayRef> {
    let w = std::mem::size_of::<T::Native>();
    let len = n.checked_mul(w).ok_or_else(truncated)?;
    let bytes = r.bytes(len)?;
    // A MutableBuffer is 64-byte aligned (a Vec<u8> copy may not be aligned for T::Native).
    let mut mb = arrow::buffer::MutableBuffer::from_len_zeroed(len);
    mb.as_slice_mut().copy_from_slice(bytes);
    let buf: arrow::buffer::Buffer = mb.into();
    let values = arrow::buffer::ScalarBuffer::<T::Native>::new(buf, 0, n);
    Ok(std::sync::Arc::new(PrimitiveArray::<T>::new(values, None).with_data_type(dt.clone())))
}

/// Decodes `n` values written by [`encode_value`] into an array of type `dt`.
pub fn decode_values(r: &mut Reader, n: usize, dt: &DataType) -> DfResult<ArrayRef> {
    Ok(match dt {
        DataType::Boolean => {
            let mut v = Vec::with_capacity(n.min(1 << 16));
            for _ in 0..n {
                v.push(r.u8()? != 0);
            }
            std::sync::Arc::new(BooleanArray::from(v))
        }
        DataType::Int8 => prim_from::<Int8Type>(r, n, dt)?,
        DataType::Int16 => prim_from::<Int16Type>(r, n, dt)?,
        DataType::Int32 => prim_from::<Int32Type>(r, n, dt)?,
        DataType::Int64 => prim_from::<Int64Type>(r, n, dt)?,
        DataType::UInt8 => prim_from::<UInt8Type>(r, n, dt)?,
        DataType::UInt16 => prim_from::<UInt16Type>(r, n, dt)?,
        DataType::UInt32 => prim_from::<UInt32Type>(r, n, dt)?,
        DataType::UInt64 => prim_from::<UInt64Type>(r, n, dt)?,
        DataType::Float32 => prim_from::<Float32Type>(r, n, dt)?,
        DataType::Float64 => prim_from::<Float64Type>(r, n, dt)?,
        DataType::Date32 => prim_from::<Date32Type>(r, n, dt)?,
        DataType::Timestamp(TimeUnit::Second, _) => prim_from::<TimestampSecondType>(r, n, dt)?,
        DataType::Timestamp(TimeUnit::Millisecond, _) => prim_from::<TimestampMillisecondType>(r, n, dt)?,
        DataType::Timestamp(TimeUnit::Microsecond, _) => prim_from::<TimestampMicrosecondType>(r, n, dt)?,
        DataType::Timestamp(TimeUnit::Nanosecond, _) => prim_from::<TimestampNanosecondType>(r, n, dt)?,
        DataType::Decimal128(..) => prim_from::<Decimal128Type>(r, n, dt)?,
        DataType::BinaryView => {
            let mut v: Vec<&[u8]> = Vec::with_capacity(n.min(1 << 16));
            for _ in 0..n {
                v.push(r.blob()?);
            }
            std::sync::Arc::new(BinaryViewArray::from_iter_values(v))
        }
        DataType::FixedSizeBinary(w) => {
            let w = usize::try_from(*w).unwrap_or(0);
            let mut v: Vec<&[u8]> = Vec::with_capacity(n.min(1 << 16));
            for _ in 0..n {
                v.push(r.bytes(w)?);
            }
            if v.is_empty() {
                arrow::array::new_empty_array(dt)
            } else {
                std::sync::Arc::new(FixedSizeBinaryArray::try_from_iter(v.into_iter())?)
            }
        }
        other => {
            return Err(
                Error::new(ErrorCode::NOT_IMPLEMENTED, format!("aggregate state of type {other}")).into_datafusion()
            )
        }
    })
}

/// Encodes a non-NULL scalar.
pub fn encode_scalar(v: &ScalarValue, out: &mut Vec<u8>) -> DfResult<()> {
    let a = v.to_array_of_size(1)?;
    encode_value(a.as_ref(), 0, out);
    Ok(())
}

/// Decodes one scalar of type `dt`.
pub fn decode_scalar(r: &mut Reader, dt: &DataType) -> DfResult<ScalarValue> {
    let a = decode_values(r, 1, dt)?;
    ScalarValue::try_from_array(&a, 0)
}
