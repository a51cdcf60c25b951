CREATE TABLE t (id UInt32, p Tuple(UInt32, String)) ENGINE = Memory;
INSERT INTO t VALUES (1, (10, 'x')), (2, (5, 'y')), (3, (10, 'a'));
SELECT id, p, p.1, p.2 FROM t ORDER BY id;
SELECT id FROM t ORDER BY p;
SELECT p.1, groupArray(p.2) FROM (SELECT * FROM t ORDER BY id) GROUP BY p.1 ORDER BY p.1;
SELECT (id, p.1) AS k FROM t ORDER BY k DESC;
