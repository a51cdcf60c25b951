SELECT hex('abc'), hex(255), hex(0), hex(toUInt16(256)), hex(-1);
SELECT unhex('616263'), unhex('4A'), unhex('');
SELECT hex(unhex('DEADBEEF')), lower(hex('xyz'));
SELECT bin(5), unbin('101');
SELECT hex(toFloat64(1.0));
