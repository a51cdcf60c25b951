SELECT number % 2 AS k, count() FROM numbers(6) GROUP BY ALL ORDER BY k;
SELECT number % 3 AS k, number % 2 AS j, sum(number) FROM numbers(12) GROUP BY ALL ORDER BY k, j;
