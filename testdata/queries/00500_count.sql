SELECT count() FROM numbers(10);
SELECT count(*), count(1), COUNT() FROM numbers(5);
SELECT toTypeName(count());
SELECT count() FROM numbers(0);
CREATE TABLE t (x Nullable(Int32)) ENGINE = Memory;
INSERT INTO t VALUES (1), (NULL), (2), (2), (NULL);
SELECT count(), count(x), count(DISTINCT x), countDistinct(x) FROM t;
