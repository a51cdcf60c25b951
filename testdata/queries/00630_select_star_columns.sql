CREATE TABLE t (a UInt8, b String, c Float32) ENGINE = Memory;
INSERT INTO t VALUES (1, 'x', 1.5), (2, 'y', 2.5);
SELECT * FROM t ORDER BY a;
SELECT *, a + 1 FROM t ORDER BY a;
SELECT t.* FROM t ORDER BY a;
SELECT * EXCEPT (b) FROM t ORDER BY a;
SELECT COLUMNS('^[ab]$') FROM t ORDER BY a;
SELECT t.a, t.b FROM t ORDER BY t.a;
