CREATE TABLE t (x Nullable(Int32)) ENGINE = Memory;
INSERT INTO t VALUES (1), (NULL), (3), (NULL), (5);
SELECT x FROM t WHERE x > 2 ORDER BY x;
SELECT count() FROM t WHERE x = NULL;
SELECT count() FROM t WHERE NOT (x > 2);
SELECT count() FROM t WHERE x IS NULL;
SELECT x FROM t WHERE isNull(x) OR x = 1 ORDER BY x;
