SELECT 255 + 1, toTypeName(255 + 1);
SELECT toUInt8(255) + toUInt8(1), toTypeName(toUInt8(255) + toUInt8(1));
SELECT toUInt64(18446744073709551615) + 1;
SELECT toInt64(9223372036854775807) + 1;
SELECT toInt32(2147483647) + toInt32(1), toTypeName(toInt32(2147483647) + toInt32(1));
SELECT toUInt32(0) - 1, toTypeName(toUInt32(0) - 1);
SELECT toUInt8(0) - toUInt8(1);
