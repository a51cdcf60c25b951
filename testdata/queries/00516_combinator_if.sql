SELECT countIf(number % 2 = 0), sumIf(number, number > 5), avgIf(number, number < 3) FROM numbers(10);
SELECT minIf(number, number > 3), maxIf(number, number < 3), uniqExactIf(number % 3, number > 2) FROM numbers(10);
SELECT sumIf(number, 0) FROM numbers(5);
SELECT toTypeName(sumIf(number, 1)), toTypeName(countIf(1)) FROM numbers(1);
SELECT groupArrayIf(number, number % 3 = 0) FROM (SELECT number FROM numbers(10) ORDER BY number);
SELECT countIf(number, 1) FROM numbers(3);
SELECT sumIf(number) FROM numbers(1); -- { serverError ILLEGAL_TYPE_OF_ARGUMENT }
