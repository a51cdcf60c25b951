SELECT toDate('2024-01-01') + number % 3 AS d, toString(number % 2) AS s, number % 2 = 0 AS b, count() FROM numbers(12) GROUP BY d, s, b ORDER BY d, s, b;
SELECT [number % 2] AS a, count() FROM numbers(6) GROUP BY a ORDER BY a;
SELECT (number % 2, 'x') AS t, count() FROM numbers(6) GROUP BY t ORDER BY t;
SELECT toDecimal32(number % 3, 2) AS dec, count() FROM numbers(9) GROUP BY dec ORDER BY dec;
SELECT toFloat64(number % 3) / 2 AS f, count() FROM numbers(9) GROUP BY f ORDER BY f;
