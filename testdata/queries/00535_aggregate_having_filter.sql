SELECT number % 4 AS k, sum(number) AS s FROM numbers(20) GROUP BY k HAVING s > 40 ORDER BY k;
SELECT number % 4 AS k FROM numbers(20) GROUP BY k HAVING count() = 5 AND max(number) > 17 ORDER BY k;
