CREATE TABLE t (x Nullable(UInt32)) ENGINE = Memory;
INSERT INTO t VALUES (1), (NULL), (3);
SELECT x, isNull(x), isNotNull(x), x IS NULL, x IS NOT NULL FROM t ORDER BY x;
SELECT assumeNotNull(x), toTypeName(assumeNotNull(x)) FROM t WHERE x IS NOT NULL ORDER BY x;
SELECT toNullable(5), toTypeName(toNullable(5));
SELECT isNull(1), toTypeName(isNull(x)) FROM t LIMIT 1;
SELECT isZeroOrNull(0), isZeroOrNull(NULL), isZeroOrNull(1);
