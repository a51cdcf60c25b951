SELECT toDecimal32(1.5, 2), toTypeName(toDecimal32(1.5, 2));
SELECT toDecimal64(123.456, 3), toTypeName(toDecimal64(123.456, 3));
SELECT toDecimal128(1, 10), toTypeName(toDecimal128(1, 10));
SELECT CAST('3.14159' AS Decimal(10, 4)), toTypeName(CAST('3.14159' AS Decimal(10, 4)));
SELECT CAST(1 AS Decimal(5, 2)), CAST(-1.005 AS Decimal(6, 3));
SELECT toDecimal32('0.1', 1) + toDecimal32('0.2', 1);
SELECT toTypeName(toDecimal32(1, 2) + toDecimal32(1, 3));
SELECT toDecimal64(10, 2) * toDecimal64(3, 1), toTypeName(toDecimal64(10, 2) * toDecimal64(3, 1));
SELECT toDecimal64(10, 2) / toDecimal64(3, 1), toTypeName(toDecimal64(10, 2) / toDecimal64(3, 1));
