SELECT 1 + 2, 5 - 7, 3 * 4, 7 / 2, 7 % 3, -7 % 3;
SELECT toTypeName(1 + 2), toTypeName(5 - 7), toTypeName(7 / 2), toTypeName(7 % 3);
SELECT plus(1, 2), minus(10, 3), multiply(2, 3), divide(9, 3), modulo(10, 4), negate(5);
SELECT 2 + 3 * 4, (2 + 3) * 4, 10 - 2 - 3, 100 / 10 / 5;
SELECT number * 2 + 1 FROM numbers(5) ORDER BY number;
