CREATE TABLE t (a Nullable(UInt8), b UInt8) ENGINE = Memory;
INSERT INTO t VALUES (1, 2), (NULL, 3), (255, 1);
SELECT a + b, toTypeName(a + b), a * b, a - b FROM t ORDER BY b;
SELECT a / b, intDiv(b, a) FROM t ORDER BY b;
SELECT sum(a + b), toTypeName(sum(a + b)) FROM t;
