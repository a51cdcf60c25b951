SELECT max(s) FROM (SELECT k, sum(v) AS s FROM (SELECT number % 4 AS k, number AS v FROM numbers(20)) GROUP BY k);
SELECT count() FROM (SELECT * FROM (SELECT * FROM (SELECT number FROM numbers(7))));
SELECT a FROM (SELECT a FROM (SELECT 1 AS a UNION ALL SELECT 2 AS a) WHERE a > 1);
