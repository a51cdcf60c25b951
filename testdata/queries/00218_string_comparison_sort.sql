CREATE TABLE t (s String) ENGINE = Memory;
INSERT INTO t VALUES ('b'), ('B'), ('a'), ('A'), (''), ('ab'), ('aB'), ('é'), ('z');
SELECT s FROM t ORDER BY s;
SELECT s FROM t ORDER BY s DESC;
SELECT min(s), max(s) FROM t;
SELECT s FROM t ORDER BY lower(s), s;
