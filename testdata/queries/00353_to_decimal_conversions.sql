SELECT toDecimal32('1.2345', 2), toDecimal32(1.2345, 2), toDecimal32(-1.2355, 3);
SELECT toDecimal64(1 / 3, 10), toDecimal128('123456789012345678901234567890', 0);
SELECT CAST(1.5 AS Decimal(3, 1)) * CAST(2 AS Decimal(3, 1)), toTypeName(CAST(1.5 AS Decimal(3, 1)) * CAST(2 AS Decimal(3, 1)));
SELECT toDecimal32(toInt64(123), 2), toString(toDecimal32(5, 3));
SELECT toDecimal32('x', 2); -- { serverError CANNOT_PARSE_TEXT }
