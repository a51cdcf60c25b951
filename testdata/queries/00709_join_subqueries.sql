SELECT x, y FROM (SELECT number AS k, number * 10 AS x FROM numbers(4)) AS a JOIN (SELECT number AS k, toString(number) AS y FROM numbers(2, 4)) AS b ON a.k = b.k ORDER BY x;
SELECT a.k, b.c FROM (SELECT number AS k FROM numbers(3)) AS a LEFT JOIN (SELECT number % 2 AS k, count() AS c FROM numbers(5) GROUP BY k) AS b ON a.k = b.k ORDER BY a.k;
