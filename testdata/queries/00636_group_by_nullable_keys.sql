CREATE TABLE t (k Nullable(String), v UInt32) ENGINE = Memory;
INSERT INTO t VALUES ('a', 1), (NULL, 2), ('a', 3), (NULL, 4), ('b', 5);
SELECT k, sum(v) FROM t GROUP BY k ORDER BY k;
SELECT k, count() FROM t GROUP BY k ORDER BY k NULLS FIRST;
SELECT DISTINCT k FROM t ORDER BY k;
