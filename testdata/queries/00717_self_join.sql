CREATE TABLE t (id UInt32, parent UInt32, name String) ENGINE = Memory;
INSERT INTO t VALUES (1, 0, 'root'), (2, 1, 'child'), (3, 1, 'child2'), (4, 2, 'grandchild');
SELECT c.name, p.name FROM t AS c JOIN t AS p ON c.parent = p.id ORDER BY c.id;
SELECT c.name, p.name FROM t AS c LEFT JOIN t AS p ON c.parent = p.id ORDER BY c.id;
