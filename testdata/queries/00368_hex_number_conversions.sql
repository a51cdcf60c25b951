SELECT hex(toUInt8(10)), hex(toUInt32(3735928559)), hex(toInt8(-1)), hex(1.0);
SELECT unhex('41'), reinterpretAsUInt8(unhex('41'));
SELECT hex('ñ');
SELECT hex([1, 2]); -- { serverError ILLEGAL_TYPE_OF_ARGUMENT }
SELECT hex(toDate('2024-01-01')), hex(toUUID('61f0c404-5cb3-11e7-907b-a6006ad3dba0'));
