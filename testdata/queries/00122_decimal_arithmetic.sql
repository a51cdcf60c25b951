SELECT toDecimal32(1.5, 1) + 1, toTypeName(toDecimal32(1.5, 1) + 1);
SELECT toDecimal64(1.5, 2) * 2, toDecimal64(7, 2) / 2;
SELECT toDecimal32(1.5, 1) + 1.5, toTypeName(toDecimal32(1.5, 1) + 1.5);
SELECT toDecimal32(10, 2) > 9.99, toDecimal32(10, 2) = 10;
SELECT -toDecimal32(3.25, 2), abs(toDecimal32(-3.25, 2));
SELECT toDecimal32(1, 2) / 0; -- { serverError ILLEGAL_DIVISION }
