CREATE TABLE t (g String, v Float64, n UInt32) ENGINE = Memory;
INSERT INTO t VALUES ('a', 1.5, 1), ('b', 2, 2), ('a', -0.5, 3), ('c', 10, 4), ('b', 4, 5), ('a', 3, 6);
SELECT g, count(), sum(v), avg(v), min(n), max(n), argMax(n, v) FROM t GROUP BY g ORDER BY g;
SELECT g, groupArray(n) FROM (SELECT * FROM t ORDER BY n) GROUP BY g ORDER BY g;
SELECT g, round(stddevPop(v), 4), quantileExact(0.5)(v) FROM t GROUP BY g ORDER BY g;
