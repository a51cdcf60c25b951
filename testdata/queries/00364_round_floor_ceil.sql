SELECT round(2.5), round(3.5), round(-2.5), round(1.234, 2), round(1234, -2);
SELECT floor(1.7), floor(-1.7), ceil(1.2), ceil(-1.2), ceiling(1.5), trunc(1.9), truncate(-1.9);
SELECT floor(123.456, 1), ceil(123.451, 2), floor(1234, -2);
SELECT toTypeName(round(1.5)), toTypeName(floor(toUInt8(1))), toTypeName(round(toDecimal32(1.25, 2), 1));
SELECT roundBankers(2.5), roundBankers(3.5), roundBankers(-2.5);
SELECT round(toDecimal32(1.25, 2), 1), round(toDecimal32(-1.25, 2), 1);
SELECT roundToExp2(100), roundDown(15, [10, 20, 30]);
