CREATE TABLE t (id UInt32, s String) ENGINE = Memory;
INSERT INTO t VALUES (1, 'a');
INSERT INTO t VALUES (2, 'b'), (3, 'c');
INSERT INTO t SELECT number + 10, toString(number) FROM numbers(5);
SELECT count(), sum(id), min(s), max(s) FROM t;
SELECT id, s FROM t ORDER BY id;
