CREATE TABLE t (a UInt32, b String) ENGINE = Memory;
INSERT INTO t VALUES (3, 'c'), (1, 'b'), (2, 'a'), (1, 'a'), (3, 'a');
SELECT a, b FROM t ORDER BY a, b;
SELECT a, b FROM t ORDER BY a DESC, b ASC;
SELECT a, b FROM t ORDER BY b DESC, a DESC;
SELECT a, b FROM t ORDER BY a + length(b) DESC, a, b;
SELECT a AS x, b FROM t ORDER BY x, b DESC;
SELECT a, b FROM t ORDER BY 2, 1;
