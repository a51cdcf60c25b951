CREATE TABLE t (s String, v UInt32) ENGINE = Memory;
INSERT INTO t VALUES ('x', 1), ('y', 2), ('x', 3), ('', 4), ('y', 5), ('', 6);
SELECT s, sum(v), count() FROM t GROUP BY s ORDER BY s;
SELECT upper(s) AS u, max(v) FROM t GROUP BY u ORDER BY u;
SELECT length(s) AS l, groupArray(v) FROM (SELECT * FROM t ORDER BY v) GROUP BY l ORDER BY l;
