WITH t AS (SELECT number AS n FROM numbers(5)) SELECT n FROM t WHERE n > 2 ORDER BY n;
WITH a AS (SELECT 1 AS x), b AS (SELECT x + 1 AS y FROM a) SELECT * FROM b;
WITH t AS (SELECT number AS n FROM numbers(3)) SELECT t1.n, t2.n FROM t AS t1, t AS t2 WHERE t1.n < t2.n ORDER BY t1.n, t2.n;
WITH sq AS (SELECT number % 2 AS k, count() AS c FROM numbers(10) GROUP BY k) SELECT * FROM sq ORDER BY k;
