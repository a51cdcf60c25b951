CREATE TABLE t1 (id UInt32, name String) ENGINE = Memory;
CREATE TABLE t2 (id UInt32, name String) ENGINE = Memory;
INSERT INTO t1 VALUES (1, 'one'), (2, 'two');
INSERT INTO t2 VALUES (1, 'uno'), (2, 'dos');
SELECT t1.name, t2.name FROM t1 JOIN t2 ON t1.id = t2.id ORDER BY t1.id;
SELECT x.name, y.name FROM t1 AS x JOIN t2 AS y ON x.id = y.id ORDER BY x.id;
SELECT * FROM t1 JOIN t2 ON t1.id = t2.id ORDER BY t1.id;
SELECT * FROM t1 JOIN t2 USING (id) ORDER BY id;
