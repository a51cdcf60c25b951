SELECT -toUInt8(5), toTypeName(-toUInt8(5));
SELECT -toInt8(-128), abs(toInt8(-128));
SELECT abs(-5), abs(5), abs(-2.5), toTypeName(abs(toInt32(-1)));
SELECT -(-3), - - 3;
SELECT negate(toUInt64(1)), toTypeName(negate(toUInt64(1)));
