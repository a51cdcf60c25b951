CREATE TABLE t (k String, v UInt32) ENGINE = Memory;
INSERT INTO t VALUES ('x', 1), ('y', 2), ('x', 3), ('z', 4), ('y', 5);
SELECT k, sum(v), count() FROM t GROUP BY k ORDER BY k;
SELECT k, sum(v) AS s FROM t GROUP BY k ORDER BY s DESC, k;
SELECT count() FROM t GROUP BY k ORDER BY count();
SELECT v % 2 AS odd, groupArray(k) FROM (SELECT * FROM t ORDER BY v) GROUP BY odd ORDER BY odd;
SELECT k, v FROM t GROUP BY k, v ORDER BY k, v;
SELECT 1 AS c FROM t GROUP BY c;
