SELECT 1 = 1, 1 != 2, 1 <> 1, 1 < 2, 2 <= 2, 3 > 4, 4 >= 4;
SELECT toTypeName(1 = 1);
SELECT equals(1, 1), notEquals(1, 1), less(1, 2), greater(1, 2), lessOrEquals(2, 2), greaterOrEquals(1, 2);
SELECT 'a' < 'b', 'abc' = 'abc', 'B' < 'a', '' < 'a';
SELECT 1 == 1;
SELECT 1.0 = 1, toFloat32(0.1) = 0.1;
