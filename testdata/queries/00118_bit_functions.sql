SELECT bitAnd(12, 10), bitOr(12, 10), bitXor(12, 10), bitNot(toUInt8(0));
SELECT bitShiftLeft(1, 10), bitShiftRight(1024, 3);
SELECT toTypeName(bitAnd(toUInt8(1), toUInt16(1))), toTypeName(bitNot(toInt32(1)));
SELECT bitTest(5, 0), bitTest(5, 1), bitCount(255), bitCount(toInt8(-1));
SELECT bitAnd(-1, 255);
