SELECT reinterpretAsInt64(reinterpretAsString(toInt64(-5))), reinterpretAsFloat64(reinterpretAsString(1.5));
SELECT reinterpretAsUInt64(toFloat64(1)), reinterpretAsInt8(toUInt8(200));
