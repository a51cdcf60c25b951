SELECT bin(255), bin(toUInt16(1)), bin('A'), unbin('01000001');
SELECT bitmaskToList(50), bitmaskToArray(50), bitPositionsToArray(toUInt8(5));
