CREATE TABLE t (k String, v UInt32) ENGINE = Memory;
INSERT INTO t VALUES ('a', 1), ('a', 2), ('a', 3), ('b', 4), ('b', 5), ('c', 6);
SELECT k, v FROM t ORDER BY k, v LIMIT 2 BY k;
SELECT k, v FROM t ORDER BY k, v DESC LIMIT 1 BY k;
SELECT k, v FROM t ORDER BY k, v LIMIT 1, 1 BY k;
SELECT k, v FROM t ORDER BY k, v LIMIT 2 BY k LIMIT 3;
SELECT k, v FROM t ORDER BY v LIMIT 1 BY v % 2;
