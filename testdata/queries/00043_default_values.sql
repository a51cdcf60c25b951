CREATE TABLE t (a UInt32, b String DEFAULT 'def', c UInt32 DEFAULT a * 2) ENGINE = Memory;
INSERT INTO t (a) VALUES (1), (2);
INSERT INTO t VALUES (3, 'x', 100);
SELECT a, b, c FROM t ORDER BY a;
CREATE TABLE u (x Int32, y Nullable(String), z Array(UInt8)) ENGINE = Memory;
INSERT INTO u (x) VALUES (1);
SELECT x, y, z FROM u;
