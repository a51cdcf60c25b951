SELECT CAST((1, 'a') AS Tuple(id UInt32, name String)) AS t, toTypeName(t);
SELECT CAST((1, 'a') AS Tuple(id UInt32, name String)).name;
CREATE TABLE t (p Tuple(x Float64, y Float64)) ENGINE = Memory;
INSERT INTO t VALUES ((1, 2)), ((3.5, -1));
SELECT p, p.x, p.y, toTypeName(p) FROM t ORDER BY p.x;
