SELECT a, b, sum(v) FROM (SELECT number % 2 AS a, number % 3 AS b, number AS v FROM numbers(12)) GROUP BY a, b WITH ROLLUP ORDER BY a, b, 3;
SELECT a, b, count() FROM (SELECT number % 2 AS a, number % 2 AS b FROM numbers(4)) GROUP BY a, b WITH CUBE ORDER BY a, b, 3;
SELECT a, sum(v) FROM (SELECT number % 2 AS a, number AS v FROM numbers(6)) GROUP BY ROLLUP(a) ORDER BY a;
SELECT a, b, count() FROM (SELECT number % 2 AS a, number % 3 AS b FROM numbers(6)) GROUP BY GROUPING SETS ((a), (b)) ORDER BY a, b, 3;
