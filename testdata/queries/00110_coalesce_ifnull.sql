SELECT coalesce(NULL, 1), coalesce(NULL, NULL, 'x'), coalesce(2, 3);
SELECT toTypeName(coalesce(NULL, 1)), toTypeName(coalesce(CAST(NULL AS Nullable(Int32)), 1));
SELECT ifNull(NULL, 5), ifNull(3, 5), toTypeName(ifNull(CAST(NULL AS Nullable(UInt8)), 5));
SELECT nullIf(1, 1), nullIf(1, 2), toTypeName(nullIf(1, 2));
SELECT coalesce(NULL, NULL);
CREATE TABLE t (a Nullable(Int32), b Nullable(Int32)) ENGINE = Memory;
INSERT INTO t VALUES (NULL, 1), (2, NULL), (NULL, NULL), (4, 5);
SELECT a, b, coalesce(a, b), coalesce(a, b, -1), ifNull(a, 0) FROM t ORDER BY a, b;
