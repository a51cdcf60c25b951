SELECT toInt8(1.9), toInt8(-1.9), toUInt8(1.9), toInt32('42'), toInt64(toDate('2024-01-01'));
SELECT toUInt16(toDateTime('1970-01-01 01:00:00')), toInt32(true), toUInt8(false);
SELECT toInt32(toDecimal32(3.99, 2)), toInt64(-1e18), toUInt64(1e19);
SELECT toTypeName(toInt8(1)), toTypeName(toUInt16(1)), toTypeName(toInt128(1)), toTypeName(toUInt256(1));
SELECT toInt32(' 42'); -- { serverError CANNOT_PARSE_TEXT }
