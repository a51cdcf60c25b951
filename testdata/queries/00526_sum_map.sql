SELECT sumMap(k, v) FROM (SELECT [1, 2] AS k, [10, 20] AS v UNION ALL SELECT [2, 3], [5, 5]);
SELECT sumMap(m) FROM (SELECT map('a', 1, 'b', 2) AS m UNION ALL SELECT map('a', 10));
SELECT minMap(k, v), maxMap(k, v) FROM (SELECT [1, 2] AS k, [10, 20] AS v UNION ALL SELECT [2, 3], [5, 5]);
