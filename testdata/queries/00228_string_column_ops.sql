CREATE TABLE t (id UInt32, name String) ENGINE = Memory;
INSERT INTO t VALUES (1, 'Alice'), (2, 'bob'), (3, 'Carol Ann'), (4, ''), (5, 'dave');
SELECT id, upper(name), length(name), substring(name, 2, 3) FROM t ORDER BY id;
SELECT id, position(name, 'a'), replaceAll(name, 'a', 'A') FROM t ORDER BY id;
SELECT id FROM t WHERE startsWith(lower(name), 'c') OR empty(name) ORDER BY id;
SELECT name FROM t ORDER BY length(name) DESC, name;
