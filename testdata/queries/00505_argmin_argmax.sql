SELECT argMin(s, v), argMax(s, v) FROM (SELECT arrayJoin([('a', 3), ('b', 1), ('c', 5)]) AS t, t.1 AS s, t.2 AS v);
SELECT argMax(number, number % 17) FROM numbers(17);
SELECT argMin(number, -number), toTypeName(argMin(number, -number)) FROM numbers(10);
SELECT k, argMax(v, t) FROM (SELECT number % 3 AS k, number AS t, toString(number) AS v FROM numbers(9)) GROUP BY k ORDER BY k;
SELECT argMax(x, y) FROM (SELECT 1 AS x, NULL AS y);
