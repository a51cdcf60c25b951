CREATE TABLE t (s LowCardinality(Nullable(String))) ENGINE = Memory;
INSERT INTO t VALUES ('a'), (NULL), ('b'), (NULL);
SELECT s, toTypeName(s) FROM t ORDER BY s;
SELECT count(s), count() FROM t;
SELECT s, count() FROM t GROUP BY s ORDER BY s;
