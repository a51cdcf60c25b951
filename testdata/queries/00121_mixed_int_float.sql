SELECT 1 + 0.5, toTypeName(1 + 0.5);
SELECT toUInt64(18446744073709551615) + 0.0;
SELECT toInt32(7) / toInt32(2), toInt32(-7) / 2;
SELECT toUInt8(200) * 2, toTypeName(toUInt8(200) * 2);
SELECT toInt8(100) * toInt8(2), toTypeName(toInt8(100) * toInt8(2));
