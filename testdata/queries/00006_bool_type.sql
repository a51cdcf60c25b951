SELECT true, false, toTypeName(true);
SELECT CAST(1 AS Bool), CAST(0 AS Bool), CAST('true' AS Bool), CAST('false' AS Bool);
SELECT toBool(5), toBool(0);
SELECT true AND false, true OR false, NOT true;
SELECT toTypeName(true AND false);
SELECT true + 1, toTypeName(true + 1);
CREATE TABLE t (b Bool) ENGINE = Memory;
INSERT INTO t VALUES (true), (false), (1), (0);
SELECT b, toTypeName(b) FROM t ORDER BY b;
