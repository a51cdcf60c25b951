CREATE TABLE t (g String, v UInt32) ENGINE = Memory;
INSERT INTO t VALUES ('a', 10), ('a', 20), ('a', 20), ('b', 5), ('b', 7), ('c', 1);
SELECT g, v, row_number() OVER (PARTITION BY g ORDER BY v) AS rn FROM t ORDER BY g, v, rn;
SELECT g, v, rank() OVER (PARTITION BY g ORDER BY v) AS r, dense_rank() OVER (PARTITION BY g ORDER BY v) AS dr FROM t ORDER BY g, v;
SELECT v, row_number() OVER (ORDER BY v DESC) FROM t ORDER BY v DESC, 2;
SELECT toTypeName(row_number() OVER ()), toTypeName(rank() OVER ()) FROM t LIMIT 1;
