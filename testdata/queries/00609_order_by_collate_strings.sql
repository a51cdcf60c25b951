CREATE TABLE t (s String) ENGINE = Memory;
INSERT INTO t VALUES ('b'), ('A'), ('a'), ('B');
SELECT s FROM t ORDER BY s;
SELECT s FROM t ORDER BY lower(s), s DESC;
