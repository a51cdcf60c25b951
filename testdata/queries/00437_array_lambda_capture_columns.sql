CREATE TABLE t (k UInt32, arr Array(UInt32)) ENGINE = Memory;
INSERT INTO t VALUES (1, [1, 2, 3]), (2, [4, 5]), (3, []);
SELECT k, arrayMap(x -> x * k, arr), arrayFilter(x -> x > k, arr) FROM t ORDER BY k;
SELECT k, arrayExists(x -> x = k + 1, arr), arrayCount(x -> x > 1, arr) FROM t ORDER BY k;
