SELECT sum(number), toTypeName(sum(number)) FROM numbers(101);
SELECT sum(toInt8(number)), toTypeName(sum(toInt8(number))) FROM numbers(10);
SELECT sum(toFloat32(number) / 2), toTypeName(sum(toFloat32(1))) FROM numbers(4);
SELECT sum(toDecimal32(number, 2)), toTypeName(sum(toDecimal32(1, 2))) FROM numbers(5);
SELECT sum(x) FROM (SELECT toUInt64(18446744073709551615) AS x UNION ALL SELECT 2);
SELECT sum(number) FROM numbers(0);
SELECT sumWithOverflow(toUInt8(200)), toTypeName(sumWithOverflow(toUInt8(1))) FROM numbers(2);
SELECT sum('a'); -- { serverError ILLEGAL_TYPE_OF_ARGUMENT }
