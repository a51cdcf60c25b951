SELECT toTypeName(toUInt8(1) + toUInt8(1)), toTypeName(toUInt16(1) + toUInt8(1)), toTypeName(toUInt32(1) + toUInt32(1));
SELECT toTypeName(toInt8(1) - toInt8(1)), toTypeName(toUInt8(1) - toUInt8(1));
SELECT toTypeName(toInt32(1) * toInt32(1)), toTypeName(toInt64(1) * toInt64(1));
SELECT toTypeName(toUInt8(1) / toUInt8(1)), toTypeName(toFloat32(1) / toFloat32(1));
SELECT toTypeName(intDiv(toUInt8(10), toInt8(3))), toTypeName(toInt32(10) % toUInt8(3));
SELECT toTypeName(toFloat32(1) * toFloat32(1)), toTypeName(toFloat32(1) + toFloat64(1));
SELECT toTypeName(toUInt64(1) + toInt8(1)), toTypeName(toInt64(1) + toUInt32(1));
