//! ClickHouse data types on Arrow.
//!
//! The binder owns the ClickHouse type of every expression ([`ChType`]); Arrow
//! only stores the values. This module gives each type its exact ClickHouse name
//! (what `toTypeName` prints), parses type names (`parse`), maps each type onto
//! its Arrow storage (`to_arrow`, spec/engine.md "Types on Arrow") and holds the
//! result-type rules shared by functions (`rules`). Text forms live in
//! `formats::text`.

mod parse;
pub mod rules;
pub mod wide;

use std::fmt;
use std::sync::Arc;

use arrow::datatypes::{DataType, Field, Fields, TimeUnit};

pub use parse::parse_type;

/// Interval units of ClickHouse's `IntervalX` types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum IntervalKind {
    Nanosecond,
    Microsecond,
    Millisecond,
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Month,
    Quarter,
    Year,
}

impl IntervalKind {
    /// The unit's name as in `IntervalDay`.
    pub fn name(self) -> &'static str {
        match self {
            IntervalKind::Nanosecond => "Nanosecond",
            IntervalKind::Microsecond => "Microsecond",
            IntervalKind::Millisecond => "Millisecond",
            IntervalKind::Second => "Second",
            IntervalKind::Minute => "Minute",
            IntervalKind::Hour => "Hour",
            IntervalKind::Day => "Day",
            IntervalKind::Week => "Week",
            IntervalKind::Month => "Month",
            IntervalKind::Quarter => "Quarter",
            IntervalKind::Year => "Year",
        }
    }

    /// Parses a unit keyword (`DAY`, `days`, `d`…), case-insensitively.
    pub fn from_keyword(word: &str) -> Option<IntervalKind> {
        let w = word.to_ascii_lowercase();
        Some(match w.as_str() {
            "nanosecond" | "nanoseconds" | "ns" => IntervalKind::Nanosecond,
            "microsecond" | "microseconds" | "us" => IntervalKind::Microsecond,
            "millisecond" | "milliseconds" | "ms" => IntervalKind::Millisecond,
            "second" | "seconds" | "s" | "ss" | "sql_tsi_second" => IntervalKind::Second,
            "minute" | "minutes" | "m" | "mi" | "n" | "sql_tsi_minute" => IntervalKind::Minute,
            "hour" | "hours" | "h" | "hh" | "sql_tsi_hour" => IntervalKind::Hour,
            "day" | "days" | "d" | "dd" | "sql_tsi_day" => IntervalKind::Day,
            "week" | "weeks" | "w" | "wk" | "ww" | "sql_tsi_week" => IntervalKind::Week,
            "month" | "months" | "mm" | "sql_tsi_month" => IntervalKind::Month,
            "quarter" | "quarters" | "q" | "qq" | "sql_tsi_quarter" => IntervalKind::Quarter,
            "year" | "years" | "y" | "yy" | "yyyy" | "sql_tsi_year" => IntervalKind::Year,
            _ => return None,
        })
    }
}

/// A ClickHouse data type.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[allow(clippy::upper_case_acronyms)]
pub enum ChType {
    Nothing,
    Bool,
    UInt8,
    UInt16,
    UInt32,
    UInt64,
    UInt128,
    UInt256,
    Int8,
    Int16,
    Int32,
    Int64,
    Int128,
    Int256,
    Float32,
    Float64,
    /// Decimal(precision, scale).
    Decimal(u8, u8),
    String,
    FixedString(usize),
    Date,
    Date32,
    /// DateTime with an explicit time zone, if one was given.
    DateTime(Option<String>),
    /// DateTime64(precision, time zone).
    DateTime64(u8, Option<String>),
    UUID,
    IPv4,
    IPv6,
    /// Enum8: (name, value) pairs in declaration order.
    Enum8(Vec<(String, i8)>),
    /// Enum16: (name, value) pairs in declaration order.
    Enum16(Vec<(String, i16)>),
    LowCardinality(Box<ChType>),
    Nullable(Box<ChType>),
    Array(Box<ChType>),
    /// Tuple elements, with names when the tuple is named.
    Tuple(Vec<ChType>, Option<Vec<String>>),
    Map(Box<ChType>, Box<ChType>),
    /// AggregateFunction(name with parameters, argument types).
    AggregateFunction(String, Vec<ChType>),
    Interval(IntervalKind),
}

impl ChType {
    /// Wraps in Nullable (idempotent; LowCardinality keeps the Nullable inside).
    pub fn nullable(self) -> ChType {
        match self {
            ChType::Nullable(_) => self,
            ChType::LowCardinality(inner) => ChType::LowCardinality(Box::new(inner.nullable())),
            other if other.can_be_inside_nullable() => ChType::Nullable(Box::new(other)),
            other => other,
        }
    }

    /// Whether `Nullable(self)` is a valid type.
    pub fn can_be_inside_nullable(&self) -> bool {
        !matches!(
            self,
            ChType::Array(_)
                | ChType::Map(..)
                | ChType::Tuple(..)
                | ChType::Nullable(_)
                | ChType::LowCardinality(_)
                | ChType::AggregateFunction(..)
        )
    }

    /// Whether values may be NULL (Nullable, or LowCardinality(Nullable), or Nothing).
    pub fn is_nullable(&self) -> bool {
        match self {
            ChType::Nullable(_) => true,
            ChType::LowCardinality(inner) => inner.is_nullable(),
            _ => false,
        }
    }

    /// The type with Nullable removed (LowCardinality(Nullable(T)) → LowCardinality(T)).
    pub fn remove_nullable(&self) -> ChType {
        match self {
            ChType::Nullable(inner) => (**inner).clone(),
            ChType::LowCardinality(inner) => ChType::LowCardinality(Box::new(inner.remove_nullable())),
            other => other.clone(),
        }
    }

    /// The type with LowCardinality removed.
    pub fn remove_low_cardinality(&self) -> ChType {
        match self {
            ChType::LowCardinality(inner) => (**inner).clone(),
            other => other.clone(),
        }
    }

    /// The value type: Nullable and LowCardinality removed.
    pub fn base(&self) -> &ChType {
        match self {
            ChType::Nullable(inner) | ChType::LowCardinality(inner) => inner.base(),
            other => other,
        }
    }

    /// Whether this is `Nullable(Nothing)` or `Nothing` (the type of NULL).
    pub fn is_nothing(&self) -> bool {
        matches!(self.base(), ChType::Nothing)
    }

    pub fn is_unsigned_int(&self) -> bool {
        matches!(
            self.base(),
            ChType::UInt8 | ChType::UInt16 | ChType::UInt32 | ChType::UInt64 | ChType::UInt128 | ChType::UInt256
        )
    }

    pub fn is_signed_int(&self) -> bool {
        matches!(
            self.base(),
            ChType::Int8 | ChType::Int16 | ChType::Int32 | ChType::Int64 | ChType::Int128 | ChType::Int256
        )
    }

    /// Any integer type (not Bool).
    pub fn is_integer(&self) -> bool {
        self.is_unsigned_int() || self.is_signed_int()
    }

    pub fn is_float(&self) -> bool {
        matches!(self.base(), ChType::Float32 | ChType::Float64)
    }

    pub fn is_decimal(&self) -> bool {
        matches!(self.base(), ChType::Decimal(..))
    }

    /// Integers, floats, decimals and Bool.
    pub fn is_numeric(&self) -> bool {
        self.is_integer() || self.is_float() || self.is_decimal() || matches!(self.base(), ChType::Bool)
    }

    pub fn is_string(&self) -> bool {
        matches!(self.base(), ChType::String)
    }

    pub fn is_string_or_fixed(&self) -> bool {
        matches!(self.base(), ChType::String | ChType::FixedString(_))
    }

    /// Date, Date32, DateTime, DateTime64.
    pub fn is_date_or_datetime(&self) -> bool {
        matches!(self.base(), ChType::Date | ChType::Date32 | ChType::DateTime(_) | ChType::DateTime64(..))
    }

    /// Width in bits of an integer or float type (Bool is 8).
    pub fn bit_width(&self) -> Option<u32> {
        Some(match self.base() {
            ChType::Bool | ChType::UInt8 | ChType::Int8 => 8,
            ChType::UInt16 | ChType::Int16 => 16,
            ChType::UInt32 | ChType::Int32 | ChType::Float32 => 32,
            ChType::UInt64 | ChType::Int64 | ChType::Float64 => 64,
            ChType::UInt128 | ChType::Int128 => 128,
            ChType::UInt256 | ChType::Int256 => 256,
            _ => return None,
        })
    }

    /// The integer type with the given signedness and width in bits.
    pub fn int_of(signed: bool, bits: u32) -> ChType {
        match (signed, bits) {
            (false, 0..=8) => ChType::UInt8,
            (false, 9..=16) => ChType::UInt16,
            (false, 17..=32) => ChType::UInt32,
            (false, 33..=64) => ChType::UInt64,
            (false, 65..=128) => ChType::UInt128,
            (false, _) => ChType::UInt256,
            (true, 0..=8) => ChType::Int8,
            (true, 9..=16) => ChType::Int16,
            (true, 17..=32) => ChType::Int32,
            (true, 33..=64) => ChType::Int64,
            (true, 65..=128) => ChType::Int128,
            (true, _) => ChType::Int256,
        }
    }

    /// The time zone named in a DateTime/DateTime64 type, if any.
    pub fn timezone(&self) -> Option<&str> {
        match self.base() {
            ChType::DateTime(tz) | ChType::DateTime64(_, tz) => tz.as_deref(),
            _ => None,
        }
    }

    /// The Arrow type that stores values of this type.
    pub fn to_arrow(&self) -> DataType {
        match self {
            ChType::Nothing => DataType::Null,
            ChType::Bool => DataType::Boolean,
            ChType::UInt8 => DataType::UInt8,
            ChType::UInt16 => DataType::UInt16,
            ChType::UInt32 | ChType::IPv4 => DataType::UInt32,
            ChType::UInt64 => DataType::UInt64,
            ChType::Int8 | ChType::Enum8(_) => DataType::Int8,
            ChType::Int16 | ChType::Enum16(_) => DataType::Int16,
            ChType::Int32 => DataType::Int32,
            ChType::Int64 | ChType::Interval(_) => DataType::Int64,
            ChType::UInt128 | ChType::Int128 | ChType::UUID | ChType::IPv6 => DataType::FixedSizeBinary(16),
            ChType::UInt256 | ChType::Int256 => DataType::FixedSizeBinary(32),
            ChType::Float32 => DataType::Float32,
            ChType::Float64 => DataType::Float64,
            ChType::Decimal(p, s) => {
                if *p <= 38 {
                    DataType::Decimal128(*p, *s as i8)
                } else {
                    DataType::Decimal256(*p, *s as i8)
                }
            }
            ChType::String => DataType::BinaryView,
            ChType::FixedString(n) => DataType::FixedSizeBinary(i32::try_from(*n).unwrap_or(i32::MAX)),
            ChType::Date | ChType::Date32 => DataType::Date32,
            ChType::DateTime(_) => DataType::Timestamp(TimeUnit::Second, None),
            ChType::DateTime64(p, _) => DataType::Timestamp(datetime64_unit(*p), None),
            ChType::LowCardinality(inner) | ChType::Nullable(inner) => inner.to_arrow(),
            ChType::Array(inner) => DataType::List(Arc::new(inner.to_arrow_field("item"))),
            ChType::Tuple(elems, names) => DataType::Struct(tuple_fields(elems, names.as_deref())),
            ChType::Map(k, v) => {
                let entries =
                    Fields::from(vec![k.to_arrow_field("key").with_nullable(false), v.to_arrow_field("value")]);
                DataType::Map(Arc::new(Field::new("entries", DataType::Struct(entries), false)), false)
            }
            ChType::AggregateFunction(..) => DataType::Binary,
        }
    }

    /// An Arrow field of this type (nullable as the ClickHouse type says; Nothing is nullable).
    pub fn to_arrow_field(&self, name: &str) -> Field {
        Field::new(name, self.to_arrow(), self.is_nullable() || self.is_nothing())
    }

    /// Element type of an Array.
    pub fn array_element(&self) -> Option<&ChType> {
        match self.remove_low_cardinality() {
            ChType::Array(_) => match self {
                ChType::Array(e) => Some(e),
                ChType::LowCardinality(inner) => inner.array_element(),
                _ => None,
            },
            _ => None,
        }
    }
}

/// The default value of a type (what a missing or NULL-into-non-Nullable value
/// becomes): zero, empty string, 1970-01-01, empty array, NULL for Nullable,
/// the first element of an Enum.
pub fn default_value(ty: &ChType) -> crate::error::Result<datafusion::scalar::ScalarValue> {
    use datafusion::scalar::ScalarValue;
    let dt = ty.to_arrow();
    if ty.is_nullable() || ty.is_nothing() {
        return Ok(ScalarValue::try_from(&dt)?);
    }
    match ty {
        ChType::Enum8(items) => return Ok(ScalarValue::Int8(Some(items.first().map(|i| i.1).unwrap_or(0)))),
        ChType::Enum16(items) => return Ok(ScalarValue::Int16(Some(items.first().map(|i| i.1).unwrap_or(0)))),
        ChType::String => return Ok(ScalarValue::BinaryView(Some(Vec::new()))),
        // Empty array / map, and a tuple of defaults.
        ChType::Array(_) | ChType::Map(..) => {
            let empty = arrow::array::new_empty_array(&dt);
            let one = match &dt {
                arrow::datatypes::DataType::List(f) => std::sync::Arc::new(arrow::array::ListArray::new(
                    f.clone(),
                    arrow::buffer::OffsetBuffer::new_zeroed(1),
                    arrow::array::new_empty_array(f.data_type()),
                    None,
                )) as arrow::array::ArrayRef,
                arrow::datatypes::DataType::Map(f, sorted) => {
                    let arrow::datatypes::DataType::Struct(fields) = f.data_type() else {
                        return Ok(ScalarValue::try_from(&dt)?);
                    };
                    let entries = arrow::array::StructArray::new_empty_fields(0, None);
                    let entries = if fields.is_empty() {
                        entries
                    } else {
                        arrow::array::StructArray::new(
                            fields.clone(),
                            fields.iter().map(|f| arrow::array::new_empty_array(f.data_type())).collect(),
                            None,
                        )
                    };
                    std::sync::Arc::new(arrow::array::MapArray::new(
                        f.clone(),
                        arrow::buffer::OffsetBuffer::new_zeroed(1),
                        entries,
                        None,
                        *sorted,
                    )) as arrow::array::ArrayRef
                }
                _ => empty,
            };
            return Ok(ScalarValue::try_from_array(&one, 0)?);
        }
        ChType::Tuple(elems, _) => {
            let fields = match &dt {
                arrow::datatypes::DataType::Struct(f) => f.clone(),
                _ => return Ok(ScalarValue::try_from(&dt)?),
            };
            let mut arrays = Vec::with_capacity(elems.len());
            for e in elems {
                arrays.push(default_value(e)?.to_array_of_size(1)?);
            }
            let s = arrow::array::StructArray::new(fields, arrays, None);
            return Ok(ScalarValue::Struct(std::sync::Arc::new(s)));
        }
        // Date32's zero is 1900-01-01 (ClickHouse's default), 25567 days before 1970.
        ChType::Date32 => return Ok(ScalarValue::Date32(Some(-25567))),
        // (U)Int128/256 are stored big-endian with the top bit flipped: zero is 0x80 00 … 00.
        ChType::Int128 | ChType::UInt128 | ChType::Int256 | ChType::UInt256 => {
            let n = if matches!(ty, ChType::Int128 | ChType::UInt128) { 16 } else { 32 };
            let mut b = vec![0u8; n];
            b[0] = 0x80;
            return Ok(ScalarValue::FixedSizeBinary(n as i32, Some(b)));
        }
        _ => {}
    }
    Ok(ScalarValue::new_default(&dt)?)
}

/// The Arrow time unit used for DateTime64(p): the next unit at least as fine as 10^-p s.
pub fn datetime64_unit(precision: u8) -> TimeUnit {
    match precision {
        0 => TimeUnit::Second,
        1..=3 => TimeUnit::Millisecond,
        4..=6 => TimeUnit::Microsecond,
        _ => TimeUnit::Nanosecond,
    }
}

/// Struct fields for a tuple: names when given, else "1", "2", …
pub fn tuple_fields(elems: &[ChType], names: Option<&[String]>) -> Fields {
    elems
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let name = names.and_then(|n| n.get(i).cloned()).unwrap_or_else(|| (i + 1).to_string());
            t.to_arrow_field(&name)
        })
        .collect()
}

fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('\'');
    for c in s.chars() {
        match c {
            '\'' => out.push_str("\\'"),
            '\\' => out.push_str("\\\\"),
            c => out.push(c),
        }
    }
    out.push('\'');
    out
}

impl fmt::Display for ChType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ChType::Nothing => f.write_str("Nothing"),
            ChType::Bool => f.write_str("Bool"),
            ChType::UInt8 => f.write_str("UInt8"),
            ChType::UInt16 => f.write_str("UInt16"),
            ChType::UInt32 => f.write_str("UInt32"),
            ChType::UInt64 => f.write_str("UInt64"),
            ChType::UInt128 => f.write_str("UInt128"),
            ChType::UInt256 => f.write_str("UInt256"),
            ChType::Int8 => f.write_str("Int8"),
            ChType::Int16 => f.write_str("Int16"),
            ChType::Int32 => f.write_str("Int32"),
            ChType::Int64 => f.write_str("Int64"),
            ChType::Int128 => f.write_str("Int128"),
            ChType::Int256 => f.write_str("Int256"),
            ChType::Float32 => f.write_str("Float32"),
            ChType::Float64 => f.write_str("Float64"),
            ChType::Decimal(p, s) => write!(f, "Decimal({p}, {s})"),
            ChType::String => f.write_str("String"),
            ChType::FixedString(n) => write!(f, "FixedString({n})"),
            ChType::Date => f.write_str("Date"),
            ChType::Date32 => f.write_str("Date32"),
            ChType::DateTime(None) => f.write_str("DateTime"),
            ChType::DateTime(Some(tz)) => write!(f, "DateTime({})", quote(tz)),
            ChType::DateTime64(p, None) => write!(f, "DateTime64({p})"),
            ChType::DateTime64(p, Some(tz)) => write!(f, "DateTime64({p}, {})", quote(tz)),
            ChType::UUID => f.write_str("UUID"),
            ChType::IPv4 => f.write_str("IPv4"),
            ChType::IPv6 => f.write_str("IPv6"),
            ChType::Enum8(items) => write_enum(f, "Enum8", items.iter().map(|(n, v)| (n, *v as i64))),
            ChType::Enum16(items) => write_enum(f, "Enum16", items.iter().map(|(n, v)| (n, *v as i64))),
            ChType::LowCardinality(t) => write!(f, "LowCardinality({t})"),
            ChType::Nullable(t) => write!(f, "Nullable({t})"),
            ChType::Array(t) => write!(f, "Array({t})"),
            ChType::Tuple(elems, names) => {
                f.write_str("Tuple(")?;
                for (i, t) in elems.iter().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    if let Some(n) = names.as_ref().and_then(|n| n.get(i)) {
                        write!(f, "{n} ")?;
                    }
                    write!(f, "{t}")?;
                }
                f.write_str(")")
            }
            ChType::Map(k, v) => write!(f, "Map({k}, {v})"),
            ChType::AggregateFunction(name, args) => {
                write!(f, "AggregateFunction({name}")?;
                for a in args {
                    write!(f, ", {a}")?;
                }
                f.write_str(")")
            }
            ChType::Interval(k) => write!(f, "Interval{}", k.name()),
        }
    }
}

fn write_enum<'a>(
    f: &mut fmt::Formatter<'_>,
    kind: &str,
    items: impl Iterator<Item = (&'a String, i64)>,
) -> fmt::Result {
    write!(f, "{kind}(")?;
    for (i, (n, v)) in items.enumerate() {
        if i > 0 {
            f.write_str(", ")?;
        }
        write!(f, "{} = {v}", quote(n))?;
    }
    f.write_str(")")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for name in [
            "UInt8",
            "Nullable(String)",
            "Array(Nullable(Int64))",
            "Tuple(UInt8, String)",
            "Tuple(a UInt8, b String)",
            "Map(String, UInt64)",
            "Decimal(9, 2)",
            "DateTime('UTC')",
            "DateTime64(3, 'Asia/Tokyo')",
            "Enum8('a' = 1, 'b' = 2)",
            "LowCardinality(Nullable(String))",
            "FixedString(16)",
            "AggregateFunction(uniq, UInt64)",
            "AggregateFunction(quantiles(0.5, 0.9), Float64)",
        ] {
            let t = parse_type(name).unwrap();
            assert_eq!(t.to_string(), name);
        }
    }

    #[test]
    fn aliases() {
        assert_eq!(parse_type("Decimal32(2)").unwrap(), ChType::Decimal(9, 2));
        assert_eq!(parse_type("BIGINT").unwrap(), ChType::Int64);
        assert_eq!(parse_type("text").unwrap(), ChType::String);
        assert_eq!(parse_type("Decimal(10)").unwrap(), ChType::Decimal(10, 0));
        assert!(parse_type("Nullable(Array(UInt8))").is_err());
        assert!(parse_type("Foo").is_err());
    }
}
