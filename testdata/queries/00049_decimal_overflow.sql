SELECT toDecimal32(999999, 4); -- { serverError DECIMAL_OVERFLOW }
SELECT toDecimal32(9.9999, 4);
SELECT toDecimal64(1, 18), toDecimal128(1, 38);
SELECT toDecimal32OrNull('abc', 2), toDecimal32OrZero('abc', 2), toDecimal32OrNull('1.234', 2);
SELECT toTypeName(toDecimal256(1, 40)), toDecimal256('1.5', 40);
