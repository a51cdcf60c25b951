CREATE TABLE t (x Nullable(Int32)) ENGINE = Memory;
INSERT INTO t VALUES (1), (NULL), (3);
SELECT sum(x), avg(x), min(x), max(x), count(x), toTypeName(sum(x)) FROM t;
SELECT groupArray(x), any(x), anyLast(x) FROM (SELECT x FROM t ORDER BY x);
SELECT sum(x) FROM t WHERE x IS NULL;
SELECT toTypeName(avg(x)), toTypeName(count(x)), toTypeName(min(x)) FROM t;
