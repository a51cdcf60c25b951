WITH 10 AS ten SELECT ten * 2;
WITH 'abc' AS s, length(s) AS l SELECT s, l;
WITH number * 2 AS d SELECT number, d FROM numbers(3) ORDER BY number;
WITH (SELECT max(number) FROM numbers(5)) AS m SELECT m, toTypeName(m);
SELECT number AS x, x + 1 AS y, y * 2 FROM numbers(3) ORDER BY x;
SELECT x + 1 AS y, number AS x FROM numbers(2) ORDER BY x;
