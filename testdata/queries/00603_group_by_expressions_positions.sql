SELECT number % 3, count() FROM numbers(10) GROUP BY number % 3 ORDER BY number % 3;
SELECT number % 3 AS k, count() FROM numbers(10) GROUP BY 1 ORDER BY 1 SETTINGS enable_positional_arguments = 1;
SELECT intDiv(number, 4) AS b, sum(number) FROM numbers(12) GROUP BY b ORDER BY b;
SELECT toString(number % 2) AS s, count() FROM numbers(5) GROUP BY s ORDER BY s;
