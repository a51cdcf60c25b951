SELECT number % 5 AS k, count() AS c FROM numbers(23) GROUP BY k HAVING c > 4 ORDER BY k;
SELECT number % 5 AS k FROM numbers(23) GROUP BY k HAVING sum(number) > 50 ORDER BY k;
SELECT number % 5 AS k FROM numbers(23) GROUP BY k HAVING k > 2 ORDER BY k;
SELECT count() FROM numbers(10) HAVING count() > 5;
SELECT count() FROM numbers(10) HAVING count() > 50;
