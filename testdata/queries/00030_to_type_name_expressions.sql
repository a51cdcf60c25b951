SELECT toTypeName(1 + 1), toTypeName(1 - 1), toTypeName(1 * 1), toTypeName(1 / 1);
SELECT toTypeName(toUInt8(1) + toUInt8(1)), toTypeName(toInt8(1) + toUInt8(1));
SELECT toTypeName(toUInt32(1) + toInt32(1)), toTypeName(toUInt64(1) + toInt64(1));
SELECT toTypeName(toFloat32(1) + toInt8(1)), toTypeName(toFloat32(1) + toInt64(1));
SELECT toTypeName(toUInt8(1) * toUInt16(1)), toTypeName(toUInt64(1) - toUInt64(1));
SELECT toTypeName(intDiv(10, 3)), toTypeName(10 % 3), toTypeName(-toUInt8(1));
