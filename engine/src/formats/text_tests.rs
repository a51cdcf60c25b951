//! Text forms checked against chdb (ClickHouse 26.9): every expected string
//! below was printed by `chdb.query(sql, 'TSV')`.

use std::sync::Arc;

use arrow::array::*;
use arrow::datatypes::*;

use super::*;
use crate::formats::parse::{parse_column, OnError};
use crate::formats::tsv::{read_tsv, write_tsv, TsvKind};
use crate::types::parse_type;

fn ty(s: &str) -> ChType {
    parse_type(s).unwrap()
}

/// Parses `texts` as `t` and writes them back as one TSV column.
fn roundtrip(t: &str, texts: &[&str]) -> String {
    let ty = ty(t);
    let strings: BinaryViewArray = texts.iter().map(|s| Some(s.as_bytes())).collect();
    let arr = parse_column(&strings, &ty, &TextOptions::default(), OnError::Throw).unwrap();
    assert_eq!(arr.data_type(), &ty.to_arrow(), "{t}");
    tsv_of(arr, &ty)
}

fn tsv_of(arr: ArrayRef, ty: &ChType) -> String {
    let schema = Arc::new(Schema::new(vec![Field::new("c", arr.data_type().clone(), true)]));
    let batch = RecordBatch::try_new(schema, vec![arr]).unwrap();
    let mut out = Vec::new();
    write_tsv(&mut out, &[batch], std::slice::from_ref(ty), &["c".into()], &TextOptions::default(), TsvKind::Plain)
        .unwrap();
    String::from_utf8(out).unwrap()
}

fn parse_err(t: &str, text: &str) -> i32 {
    let strings: BinaryViewArray = vec![Some(text.as_bytes())].into_iter().collect();
    parse_column(&strings, &ty(t), &TextOptions::default(), OnError::Throw).unwrap_err().code()
}

#[test]
#[allow(clippy::excessive_precision)]
fn floats_match_clickhouse() {
    // SELECT 1e21, 1e-7, 123456789012345680000, 0.1+0.2, toFloat32(0.1), -0., 5e-324, …
    let cases: &[(f64, &str)] = &[
        (1e21, "1e21"),
        (1e-7, "1e-7"),
        (123456789012345680000.0, "123456789012345680000"),
        (0.1 + 0.2, "0.30000000000000004"),
        (-0.0, "-0"),
        (5e-324, "5e-324"),
        (2.2250738585072014e-308, "2.2250738585072014e-308"),
        (1e20, "100000000000000000000"),
        (1.5e-6, "0.0000015"),
        (0.000001, "0.000001"),
        (9.99e-7, "9.99e-7"),
        (1e300, "1e300"),
        (1.0 / 3.0, "0.3333333333333333"),
        (100.0, "100"),
        (123456.789, "123456.789"),
        (f64::NAN, "nan"),
        (-f64::NAN, "nan"),
        (f64::INFINITY, "inf"),
        (f64::NEG_INFINITY, "-inf"),
        (1.7976931348623157e308, "1.7976931348623157e308"),
        (12345678901234567890.0, "12345678901234567000"),
        (1e16, "10000000000000000"),
        (1.2345e-5, "0.000012345"),
    ];
    for (v, s) in cases {
        assert_eq!(format_f64(*v), *s, "{v:?}");
    }
    let cases32: &[(f32, &str)] = &[
        (0.1, "0.1"),
        (1e-7, "1e-7"),
        (3.4e38, "3.4e38"),
        (1e21, "1e21"),
        (16777216.0, "16777216"),
        (1e-45, "1e-45"),
        // Ties go to the even digit (dragonbox), not up.
        (32951.3125, "32951.312"),
        (3333333.25, "3333333.2"),
    ];
    for (v, s) in cases32 {
        assert_eq!(format_f32(*v), *s, "{v:?}");
    }
}

#[test]
fn strings_escape_like_tsv() {
    // SELECT '\x07\x0b\x1b"\'\b\f\r', ['\x07\x0b"\b\f\r\x1b'], '\\N', ['x\0y']
    let t = ChType::String;
    let a: ArrayRef =
        Arc::new(BinaryViewArray::from_iter_values([&b"\x07\x0b\x1b\"'\x08\x0c\r"[..], b"\\N", b"a\tb\nc\\d\0"]));
    assert_eq!(tsv_of(a.clone(), &t), "\x07\x0b\x1b\"\\'\\b\\f\\r\n\\\\N\na\\tb\\nc\\\\d\\0\n");
    let mut buf = Vec::new();
    write_value(&mut buf, a.as_ref(), 2, &t, &TextOptions::default(), Escape::Quoted).unwrap();
    assert_eq!(buf, b"'a\\tb\\nc\\\\d\\0'");
    let mut raw = Vec::new();
    write_value(&mut raw, a.as_ref(), 2, &t, &TextOptions::default(), Escape::Raw).unwrap();
    assert_eq!(raw, b"a\tb\nc\\d\0");
}

#[test]
fn composites() {
    // SELECT ['a\tb'], ('a\tb', NULL), map('a',1), ['a\'b\\c'], [NULL,1], [[1,2],[3]]
    assert_eq!(roundtrip("Array(String)", &["['a\\tb']", "['a\\'b\\\\c']", "[]"]), "['a\\tb']\n['a\\'b\\\\c']\n[]\n");
    assert_eq!(roundtrip("Tuple(String, Nullable(UInt8))", &["('a\\tb', NULL)"]), "('a\\tb',NULL)\n");
    assert_eq!(roundtrip("Map(String, UInt8)", &["{'a':1}", "{}"]), "{'a':1}\n{}\n");
    assert_eq!(roundtrip("Array(Nullable(UInt8))", &["[NULL, 1]"]), "[NULL,1]\n");
    assert_eq!(roundtrip("Array(Array(UInt8))", &["[[1,2],[3]]"]), "[[1,2],[3]]\n");
    // SELECT [toDate('2024-01-02')], [toUUID(…)], [toIPv4('1.2.3.4')], [true], [toDecimal32(1.5,2)], map('a',[1])
    assert_eq!(roundtrip("Array(Date)", &["['2024-01-02']"]), "['2024-01-02']\n");
    assert_eq!(
        roundtrip("Array(UUID)", &["['00112233-4455-6677-8899-aabbccddeeff']"]),
        "['00112233-4455-6677-8899-aabbccddeeff']\n"
    );
    assert_eq!(roundtrip("Array(IPv4)", &["['1.2.3.4']"]), "['1.2.3.4']\n");
    assert_eq!(roundtrip("Array(Bool)", &["[true]"]), "[true]\n");
    assert_eq!(roundtrip("Array(Decimal(9, 2))", &["[1.5]"]), "[1.5]\n");
    assert_eq!(roundtrip("Map(String, Array(UInt8))", &["{'a':[1]}"]), "{'a':[1]}\n");
    assert_eq!(roundtrip("Array(FixedString(4))", &["['ab']"]), "['ab\\0\\0']\n");
    assert_eq!(roundtrip("Tuple(x Int32, y String)", &["(1,'a')"]), "(1,'a')\n");
    assert_eq!(roundtrip("Array(Enum8('a' = 1))", &["['a']"]), "['a']\n");
}

#[test]
fn scalars_round_trip() {
    assert_eq!(roundtrip("UInt64", &["18446744073709551615", "0"]), "18446744073709551615\n0\n");
    assert_eq!(roundtrip("Int8", &["-128", "+5"]), "-128\n5\n");
    // toUInt8('300') = 44, toInt8('-129') = 127, toInt64('99999999999999999999') = 7766279631452241919
    assert_eq!(roundtrip("UInt8", &["300"]), "44\n");
    assert_eq!(roundtrip("Int8", &["-129"]), "127\n");
    assert_eq!(roundtrip("Int64", &["99999999999999999999"]), "7766279631452241919\n");
    let big = [
        ("UInt128", "340282366920938463463374607431768211455"),
        ("Int128", "-170141183460469231731687303715884105728"),
        ("Int128", "-5"),
        ("UInt256", "115792089237316195423570985008687907853269984665640564039457584007913129639935"),
        ("Int256", "-1"),
        ("Int256", "-12345678901234567890123456789012345678901234567890"),
        ("UInt256", "12345678901234567890123456789012345678901234567890"),
    ];
    for (t, v) in big {
        assert_eq!(roundtrip(t, &[v]), format!("{v}\n"), "{t}");
    }
    // SELECT toDecimal64(-0.5,4), toDecimal128(1.50,4), toDecimal32(0,2), toDecimal256('-123.4500', 10)
    assert_eq!(roundtrip("Decimal(18, 4)", &["-0.5"]), "-0.5\n");
    assert_eq!(roundtrip("Decimal(38, 4)", &["1.50"]), "1.5\n");
    assert_eq!(roundtrip("Decimal(9, 2)", &["0"]), "0\n");
    assert_eq!(roundtrip("Decimal(76, 10)", &["-123.4500"]), "-123.45\n");
    assert_eq!(roundtrip("Decimal(76, 20)", &["-0.0001"]), "-0.0001\n");
    assert_eq!(roundtrip("Decimal(38, 5)", &["12345678901234567890.123"]), "12345678901234567890.123\n");
    // SELECT toDecimal64(-0.05, 3), toDecimal64(0.001, 3), toDecimal64(100, 3)
    assert_eq!(roundtrip("Decimal(18, 3)", &["-0.05", "0.001", "100"]), "-0.05\n0.001\n100\n");
    // … SETTINGS output_format_decimal_trailing_zeros=1: 0.00, -0.050, 1.50, 12.00
    let strings: BinaryViewArray = ["0", "-0.05", "1.5", "12"].iter().map(|s| Some(s.as_bytes())).collect();
    let dt = ty("Decimal(9, 3)");
    let arr = parse_column(&strings, &dt, &TextOptions::default(), OnError::Throw).unwrap();
    let opts = TextOptions { decimal_trailing_zeros: true, ..TextOptions::default() };
    let t = to_text_column(arr.as_ref(), &dt, &opts).unwrap();
    let got: Vec<&[u8]> = t.as_binary_view().iter().flatten().collect();
    assert_eq!(got, vec![&b"0.000"[..], b"-0.050", b"1.500", b"12.000"]);
    // toDecimal32('1.239',2), toDecimal32('-1.5e1', 2), toDecimal32('.5', 2)
    assert_eq!(roundtrip("Decimal(9, 2)", &["1.239", "-1.5e1", ".5"]), "1.23\n-15\n0.5\n");
    assert_eq!(parse_err("Decimal(9, 2)", "123456789"), 69);
    assert_eq!(roundtrip("Bool", &["true", "0", "yes", "FALSE"]), "true\nfalse\ntrue\nfalse\n");
    assert_eq!(
        roundtrip("Float64", &["inf", "-inf", "nan", "1e5", "-0", ".5", "5."]),
        "inf\n-inf\nnan\n100000\n-0\n0.5\n5\n"
    );
    assert_eq!(roundtrip("FixedString(4)", &["ab"]), "ab\\0\\0\n");
    assert_eq!(roundtrip("Enum8('a' = 1, 'b' = 2)", &["2", "a"]), "b\na\n");
    assert_eq!(roundtrip("IPv4", &["1.2.3.4"]), "1.2.3.4\n");
    assert_eq!(roundtrip("UUID", &["00112233445566778899aabbccddeeff"]), "00112233-4455-6677-8899-aabbccddeeff\n");
    assert_eq!(roundtrip("IntervalDay", &["3"]).trim_end(), "3");
}

#[test]
fn ipv6_text() {
    // SELECT toIPv6('::ffff:1.2.3.4'), toIPv6('2001:db8:0:0:1:0:0:1'), toIPv6('fe80::1:0:0:0'), …
    let cases = [
        ("::ffff:1.2.3.4", "::ffff:1.2.3.4"),
        ("2001:db8::1", "2001:db8::1"),
        ("2001:db8:0:0:1:0:0:1", "2001:db8::1:0:0:1"),
        ("::", "::"),
        ("1::", "1::"),
        ("fe80::1:0:0:0", "fe80::1:0:0:0"),
        ("0:0:1::", "0:0:1::"),
        ("1:0:0:2:0:0:0:3", "1:0:0:2::3"),
        ("::1.2.3.4", "::1.2.3.4"),
        ("::1", "::1"),
        ("::0.0.1.0", "::100"),
        ("::ffff:0.0.0.0", "::ffff:0.0.0.0"),
        ("::0.1.0.0", "::0.1.0.0"),
        ("::ffff", "::ffff"),
        ("1.2.3.4", "::ffff:1.2.3.4"),
    ];
    for (input, want) in cases {
        assert_eq!(roundtrip("IPv6", &[input]), format!("{want}\n"), "{input}");
    }
}

#[test]
fn dates_and_times() {
    // SELECT toDate('20240102'), toDate('2024-1-2'), toDate('2024-01-02 03:04:05'), toDate('1900-01-01'),
    //        toDate('2200-01-01'), toDate('2024-02-30'), toDate32('1800-01-01')
    assert_eq!(
        roundtrip("Date", &["20240102", "2024-1-2", "2024-01-02 03:04:05", "1900-01-01", "2200-01-01", "2024-02-30"]),
        "2024-01-02\n2024-01-02\n2024-01-02\n1970-01-01\n2149-06-06\n2024-03-01\n"
    );
    assert_eq!(roundtrip("Date32", &["1800-01-01", "1900-01-01"]), "1800-01-01\n1900-01-01\n");
    // toDateTime('1700000000'), toDateTime('2024-01-02'), toDateTime('2024-01-02T03:04:05'), '2024-01-02 03:04', '… 3:4:5'
    assert_eq!(
        roundtrip(
            "DateTime('UTC')",
            &["1700000000", "2024-01-02", "2024-01-02T03:04:05", "2024-01-02 03:04", "2024-01-02 3:4:5", "20240102"]
        ),
        "2023-11-14 22:13:20\n2024-01-02 00:00:00\n2024-01-02 03:04:05\n2024-01-02 03:04:00\n2024-01-02 03:04:05\n2024-01-02 00:00:00\n"
    );
    // toDateTime('1969-01-01 00:00:00','UTC'), toDateTime('2200-01-01 00:00:00','UTC')
    assert_eq!(
        roundtrip("DateTime('UTC')", &["1969-01-01 00:00:00", "2200-01-01 00:00:00"]),
        "1970-01-01 00:00:00\n2106-02-07 06:28:15\n"
    );
    assert_eq!(roundtrip("DateTime('Asia/Tokyo')", &["2024-01-02 03:04:05"]), "2024-01-02 03:04:05\n");
    // toDateTime('2024','UTC'), '202401', '123456789', '2024-01-02 03:04:05.123', '2024-01-02 25:00:00'
    assert_eq!(
        roundtrip(
            "DateTime('UTC')",
            &["2024", "202401", "123456789", "2024-01-02 03:04:05.123", "2024-01-02 25:00:00"]
        ),
        "2024-01-01 00:00:00\n2024-01-01 00:00:00\n1973-11-29 21:33:09\n2024-01-02 03:04:05\n2024-01-03 01:00:00\n"
    );
    // DST: toDateTime('2024-03-31 02:30:00','Europe/Berlin') (in the gap), '2024-10-27 02:30:00' (ambiguous, earliest)
    assert_eq!(
        roundtrip("DateTime('Europe/Berlin')", &["2024-03-31 02:30:00", "2024-10-27 02:30:00"]),
        "2024-03-31 01:30:00\n2024-10-27 02:30:00\n"
    );
    assert_eq!(parse_err("DateTime('UTC')", "12345"), 41);
    assert_eq!(parse_err("DateTime('UTC')", "2024-13-02 00:00:00"), 41);
    assert_eq!(parse_err("Date", "2024-01-02x"), 6);
    assert_eq!(parse_err("Date", "2024-01-02T03:04"), 6);
    assert_eq!(parse_err("Date", "2024-01-02 garbage"), 6);
    // SELECT toDateTime64('2024-01-02 03:04:05.1', 6, 'UTC'), toDateTime64('… .123', 2, 'UTC'), toDateTime64('1969-12-31 23:59:59.5', 1, 'UTC')
    assert_eq!(roundtrip("DateTime64(6, 'UTC')", &["2024-01-02 03:04:05.1"]), "2024-01-02 03:04:05.100000\n");
    assert_eq!(roundtrip("DateTime64(2, 'UTC')", &["2024-01-02 03:04:05.123"]), "2024-01-02 03:04:05.12\n");
    assert_eq!(roundtrip("DateTime64(1, 'UTC')", &["1969-12-31 23:59:59.5"]), "1969-12-31 23:59:59.5\n");
    assert_eq!(
        roundtrip("DateTime64(3, 'UTC')", &["2024-01-02 03:04:05.123456789", "1700000000.5", "2024-01-02"]),
        "2024-01-02 03:04:05.123\n2023-11-14 22:13:20.500\n2024-01-02 00:00:00.000\n"
    );
    assert_eq!(
        roundtrip("DateTime64(9, 'UTC')", &["2024-01-02 03:04:05.123456789"]),
        "2024-01-02 03:04:05.123456789\n"
    );
    // SELECT toDateTime(1711846800, 'Europe/Berlin') (just after the DST switch), toDateTime64(-1, 3, 'UTC')
    let secs: ArrayRef = Arc::new(TimestampSecondArray::from(vec![1711846800]));
    assert_eq!(tsv_of(secs, &ty("DateTime('Europe/Berlin')")), "2024-03-31 03:00:00\n");
    let ms: ArrayRef = Arc::new(TimestampMillisecondArray::from(vec![-1000]));
    assert_eq!(tsv_of(ms, &ty("DateTime64(3, 'UTC')")), "1969-12-31 23:59:59.000\n");
    let days: ArrayRef = Arc::new(Date32Array::from(vec![-25567, 0, 19724]));
    assert_eq!(tsv_of(days, &ChType::Date32), "1900-01-01\n1970-01-01\n2024-01-02\n");
    for d in [-800_000i64, -1, 0, 59, 10_000, 2_000_000] {
        let (y, m, dd) = civil_from_days(d);
        assert_eq!(days_from_civil(y, m, dd), d);
    }
}

#[test]
fn parse_errors_carry_clickhouse_codes() {
    assert_eq!(parse_err("Int32", "x"), 6);
    // toInt32('1.5'): syntax error at position 1 (parsed just '1')
    let strings: BinaryViewArray = vec![Some(&b"1.5"[..])].into_iter().collect();
    let e = parse_column(&strings, &ChType::Int32, &TextOptions::default(), OnError::Throw).unwrap_err();
    assert!(e.message().ends_with("syntax error at position 1 (parsed just '1')"), "{}", e.message());
    // CAST('\\N' AS Nullable(Int32)), CAST('null' AS Nullable(Int32)) → NULL; CAST('NULL' AS Nullable(String)) → 'NULL'
    let strings: BinaryViewArray = vec![Some(&b"\\N"[..]), Some(b"null"), Some(b"5")].into_iter().collect();
    let n = parse_column(&strings, &ty("Nullable(Int32)"), &TextOptions::default(), OnError::Throw).unwrap();
    assert_eq!(n.as_primitive::<Int32Type>().iter().collect::<Vec<_>>(), vec![None, None, Some(5)]);
    let strings: BinaryViewArray = vec![Some(&b"NULL"[..])].into_iter().collect();
    let n = parse_column(&strings, &ty("Nullable(String)"), &TextOptions::default(), OnError::Throw).unwrap();
    assert_eq!(n.as_binary_view().value(0), b"NULL");
    // toIPv4('01.2.3.4') = 1.2.3.4; '1.2.3', '256.1.1.1', '1.2.3.4 ' fail
    assert_eq!(roundtrip("IPv4", &["0001.2.3.4"]), "1.2.3.4\n");
    for bad in ["1.2.3", "256.1.1.1", "1.2.3.4 ", "1.2.3.4.5", ""] {
        assert!(parse_column(
            &[Some(bad.as_bytes())].into_iter().collect::<BinaryViewArray>(),
            &ChType::IPv4,
            &TextOptions::default(),
            OnError::Throw
        )
        .is_err());
    }
    let strings: BinaryViewArray = vec![Some(&b"1 "[..])].into_iter().collect();
    let e = parse_column(&strings, &ChType::Int32, &TextOptions::default(), OnError::Throw).unwrap_err();
    assert_eq!(e.message(), "Cannot parse string '1 ' as Int32: syntax error at position 1 (parsed just '1')");
    assert_eq!(parse_err("Int32", " 1"), 6);
    assert_eq!(parse_err("Int32", "1 "), 6);
    assert_eq!(parse_err("UInt32", "-1"), 72);
    assert_eq!(parse_err("Float64", "abc"), 72);
    assert_eq!(parse_err("Float64", "0x10"), 6);
    assert_eq!(parse_err("Float64", "  1.5"), 72);
    assert_eq!(parse_err("Date", "x"), 38);
    assert_eq!(parse_err("Date", "12345"), 38);
    assert_eq!(parse_err("DateTime", "garbage"), 41);
    assert_eq!(parse_err("DateTime", "2024-01-02 03:04:05x"), 41);
    assert_eq!(parse_err("UUID", "x"), 376);
    // chdb: CAST('[1,2' AS Array(UInt8)) → 27 "expected ']' at end of stream"
    assert_eq!(parse_err("Array(UInt8)", "[1,2"), 27);
    let strings: BinaryViewArray = vec![Some(&b"x"[..]), None, Some(b"7")].into_iter().collect();
    let n = parse_column(&strings, &ChType::Int32, &TextOptions::default(), OnError::Null).unwrap();
    assert_eq!(n.as_primitive::<Int32Type>().iter().collect::<Vec<_>>(), vec![None, None, Some(7)]);
    let z = parse_column(&strings, &ChType::Int32, &TextOptions::default(), OnError::Default).unwrap();
    assert_eq!(z.as_primitive::<Int32Type>().iter().collect::<Vec<_>>(), vec![Some(0), None, Some(7)]);
}

#[test]
fn uuid_storage_orders_by_last_half() {
    // SELECT toUUID('6ba7b810-9dad-11d1-80b4-00c04fd430c8') < toUUID('00000000-0000-0000-ffff-000000000000') → 1
    let strings: BinaryViewArray =
        vec![Some(&b"6ba7b810-9dad-11d1-80b4-00c04fd430c8"[..]), Some(b"00000000-0000-0000-ffff-000000000000")]
            .into_iter()
            .collect();
    let a = parse_column(&strings, &ChType::UUID, &TextOptions::default(), OnError::Throw).unwrap();
    let a = a.as_fixed_size_binary();
    assert!(a.value(0) < a.value(1));
}

#[test]
fn tsv_with_names_and_types_sample() {
    // spec/formats.md §3 sample.
    let types = vec![
        ty("UInt64"),
        ty("String"),
        ty("Nullable(Float64)"),
        ty("Date"),
        ty("DateTime('UTC')"),
        ty("Array(UInt64)"),
    ];
    let text = "0\ta\\tb\t0\t2024-01-02\t2024-01-02 03:04:05\t[0,1]\n\
                1\tc\"d\\'e\t\\N\t2024-01-03\t2024-01-02 03:04:05\t[1,2]\n\
                2\tback\\\\slash\t3\t2024-01-04\t2024-01-02 03:04:05\t[2,3]\n";
    let batch = read_tsv(text.as_bytes(), &types, &TextOptions::default(), TsvKind::Plain).unwrap();
    for (c, t) in batch.columns().iter().zip(&types) {
        assert_eq!(c.data_type(), &t.to_arrow());
    }
    let names: Vec<String> = ["id", "s", "f", "d", "dt", "arr"].iter().map(|s| s.to_string()).collect();
    let mut out = Vec::new();
    write_tsv(&mut out, &[batch], &types, &names, &TextOptions::default(), TsvKind::WithNamesAndTypes).unwrap();
    let want = format!(
        "id\ts\tf\td\tdt\tarr\nUInt64\tString\tNullable(Float64)\tDate\tDateTime(\\'UTC\\')\tArray(UInt64)\n{text}"
    );
    assert_eq!(String::from_utf8(out).unwrap(), want);
}

#[test]
fn tsv_input_rules() {
    let opts = TextOptions::default();
    // SELECT * FROM format(TSV, 'a UInt8, b Nullable(String), c String', '\\N\t\\N\t\\N\n') → 0 \N (empty)
    let t = vec![ty("UInt8"), ty("Nullable(String)"), ty("String")];
    let b = read_tsv(b"\\N\t\\N\t\\N\n", &t, &opts, TsvKind::Plain).unwrap();
    let mut out = Vec::new();
    write_tsv(&mut out, &[b], &t, &[], &opts, TsvKind::Plain).unwrap();
    assert_eq!(out, b"0\t\\N\t\n");
    // Composite fields keep their quoted escapes; NULL inside Array(String) becomes ''.
    let t = vec![ty("Array(String)"), ty("Map(String, UInt8)"), ty("Tuple(Int8, String)")];
    let b = read_tsv(b"['a\\'b',NULL]\t{'k':1}\t(1,'x')\n", &t, &opts, TsvKind::Plain).unwrap();
    let mut out = Vec::new();
    write_tsv(&mut out, &[b], &t, &[], &opts, TsvKind::Plain).unwrap();
    assert_eq!(out, b"['a\\'b','']\t{'k':1}\t(1,'x')\n");
    // Unknown escapes keep both characters; \xHH is decoded.
    let t = vec![ty("String")];
    let b = read_tsv(b"a\\qb\\x41\n", &t, &opts, TsvKind::Plain).unwrap();
    let mut out = Vec::new();
    write_tsv(&mut out, &[b], &t, &[], &opts, TsvKind::Raw).unwrap();
    assert_eq!(out, b"a\\qbA\n");
    // Missing final newline is fine; wrong field counts are 27; CRLF is 117; bad value is 27.
    let t = vec![ty("UInt8"), ty("String")];
    assert_eq!(read_tsv(b"1\tx", &t, &opts, TsvKind::Plain).unwrap().num_rows(), 1);
    assert_eq!(read_tsv(b"1\tx\n2\n", &t, &opts, TsvKind::Plain).unwrap_err().code(), 27);
    assert_eq!(read_tsv(b"1\tx\ty\n", &t, &opts, TsvKind::Plain).unwrap_err().code(), 27);
    assert_eq!(read_tsv(b"1\tx\r\n", &t, &opts, TsvKind::Plain).unwrap_err().code(), 117);
    assert_eq!(read_tsv(b"x\ty\n", &t, &opts, TsvKind::Plain).unwrap_err().code(), 27);
    assert_eq!(read_tsv(b"a\tb\n1\tx\n", &t, &opts, TsvKind::WithNames).unwrap().num_rows(), 1);
    assert_eq!(read_tsv(b"", &t, &opts, TsvKind::Plain).unwrap().num_rows(), 0);
}

#[test]
fn to_text_column_is_raw() {
    // SELECT toString([1,2]), toString('a\tb'), length(toString(toFixedString('ab',4))) = 2
    let strings: BinaryViewArray = vec![Some(&b"[1,2]"[..]), None].into_iter().collect();
    let arr = parse_column(&strings, &ty("Array(UInt8)"), &TextOptions::default(), OnError::Throw).unwrap();
    let t = to_text_column(arr.as_ref(), &ty("Array(UInt8)"), &TextOptions::default()).unwrap();
    let t = t.as_binary_view();
    assert_eq!(t.value(0), b"[1,2]");
    assert!(t.is_null(1));
    let f: ArrayRef = Arc::new(FixedSizeBinaryArray::try_from_iter([b"ab\0\0"].into_iter()).unwrap());
    let t = to_text_column(f.as_ref(), &ty("FixedString(4)"), &TextOptions::default()).unwrap();
    assert_eq!(t.as_binary_view().value(0), b"ab");
}

#[test]
fn other_arrow_storage_is_cast() {
    // DataFusion's count is Int64; the column is UInt64.
    let a: ArrayRef = Arc::new(Int64Array::from(vec![3, 4]));
    assert_eq!(tsv_of(a, &ChType::UInt64), "3\n4\n");
    let s: ArrayRef = Arc::new(StringArray::from(vec!["a\tb"]));
    assert_eq!(tsv_of(s, &ChType::String), "a\\tb\n");
}

#[test]
fn nothing_and_enum_errors() {
    let n: ArrayRef = Arc::new(NullArray::new(2));
    assert_eq!(tsv_of(n, &ty("Nullable(Nothing)")), "\\N\n\\N\n");
    let e: ArrayRef = Arc::new(Int8Array::from(vec![3]));
    let mut out = Vec::new();
    assert!(write_value(&mut out, e.as_ref(), 0, &ty("Enum8('a' = 1)"), &TextOptions::default(), Escape::Tsv).is_err());
}

#[test]
fn tsv_round_trip_many_types() {
    let cases = [
        ("LowCardinality(Nullable(String))", "a\\tb\n\\N\n"),
        ("Nullable(UInt8)", "1\n\\N\n"),
        ("Map(String, Nullable(Int64))", "{'a':NULL,'b':-1}\n{}\n"),
        ("Tuple(Array(UInt8), Map(String, String))", "([1,2],{'k':'v\\'w'})\n([],{})\n"),
        ("Enum16('x' = -1000, 'y' = 1000)", "x\ny\n"),
        ("Int256", "-57896044618658097711785492504343953926634992332820282019728792003956564819968\n0\n"),
        ("Array(Nullable(DateTime64(3, 'UTC')))", "['2024-01-02 03:04:05.100',NULL]\n"),
        ("Array(IPv6)", "['::1','2001:db8::1']\n"),
        ("Nullable(Decimal(76, 30))", "1.000000000000000000000000000001\n\\N\n"),
        ("Float32", "0.1\n-inf\n"),
        ("Bool", "true\nfalse\n"),
        ("Nullable(Nothing)", "\\N\n"),
    ];
    let opts = TextOptions::default();
    for (t, text) in cases {
        let types = vec![ty(t)];
        let batch = read_tsv(text.as_bytes(), &types, &opts, TsvKind::Plain).unwrap();
        assert_eq!(batch.column(0).data_type(), &types[0].to_arrow(), "{t}");
        let mut out = Vec::new();
        write_tsv(&mut out, &[batch], &types, &[], &opts, TsvKind::Plain).unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), text, "{t}");
    }
}
