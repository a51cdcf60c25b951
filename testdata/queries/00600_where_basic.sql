CREATE TABLE t (id UInt32, name String, score Float64) ENGINE = Memory;
INSERT INTO t VALUES (1, 'a', 10.5), (2, 'b', 20), (3, 'c', 5), (4, 'd', 20), (5, 'e', 0);
SELECT id FROM t WHERE score > 5 ORDER BY id;
SELECT id FROM t WHERE score = 20 AND name != 'b' ORDER BY id;
SELECT id FROM t WHERE NOT score ORDER BY id;
SELECT id FROM t WHERE id IN (1, 3, 5) OR name = 'd' ORDER BY id;
SELECT id FROM t WHERE 0;
SELECT count() FROM t WHERE 1;
