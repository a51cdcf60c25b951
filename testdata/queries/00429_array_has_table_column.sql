CREATE TABLE t (id UInt32, v UInt32) ENGINE = Memory;
INSERT INTO t SELECT number, number * 3 FROM numbers(10);
SELECT id FROM t WHERE has([3, 9, 27], v) ORDER BY id;
SELECT id FROM t WHERE v IN [0, 6] ORDER BY id;
SELECT indexOf([0, 3, 6, 9], v) AS i, id FROM t WHERE i > 0 ORDER BY id;
