CREATE TABLE t (id UInt32, arr Array(String)) ENGINE = Memory;
INSERT INTO t VALUES (1, ['a', 'b']), (2, []), (3, ['c']);
SELECT id, arr FROM t ARRAY JOIN arr ORDER BY id, arr;
SELECT id, x FROM t ARRAY JOIN arr AS x ORDER BY id, x;
SELECT id, x FROM t LEFT ARRAY JOIN arr AS x ORDER BY id, x;
SELECT id, x, n FROM t ARRAY JOIN arr AS x, arrayEnumerate(arr) AS n ORDER BY id, n;
SELECT count() FROM t ARRAY JOIN arr;
