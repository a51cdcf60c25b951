CREATE TABLE t (id UInt32, v String) ENGINE = Memory;
INSERT INTO t VALUES (1, 'a'), (2, 'b'), (3, 'c');
ALTER TABLE t DELETE WHERE id = 2 SETTINGS mutations_sync = 1;
SELECT id, v FROM t ORDER BY id;
ALTER TABLE t UPDATE v = 'z' WHERE id = 3 SETTINGS mutations_sync = 1;
SELECT id, v FROM t ORDER BY id;
