SELECT [toUInt8(1), toUInt16(2)], toTypeName([toUInt8(1), toUInt16(2)]);
SELECT [toInt8(-1), toUInt32(2)], toTypeName([toInt8(-1), toUInt32(2)]);
SELECT [1, 2.5, -3], toTypeName([1, 2.5, -3]);
SELECT [toDecimal32(1, 2), toDecimal32(2, 3)], toTypeName([toDecimal32(1, 2), toDecimal32(2, 3)]);
