SELECT x FROM (SELECT number * 10 AS x FROM numbers(4)) WHERE x > 5 ORDER BY x;
SELECT sum(c) FROM (SELECT number % 3 AS k, count() AS c FROM numbers(10) GROUP BY k);
SELECT * FROM (SELECT 1 AS a, 'x' AS b);
SELECT s.a FROM (SELECT 2 AS a) AS s;
SELECT * FROM (SELECT number FROM numbers(3) ORDER BY number DESC LIMIT 2) ORDER BY number;
