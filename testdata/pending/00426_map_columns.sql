CREATE TABLE t (id UInt32, m Map(String, UInt32)) ENGINE = Memory;
INSERT INTO t VALUES (1, {'a': 1, 'b': 2}), (2, {}), (3, {'b': 5});
SELECT id, m, m['b'], mapKeys(m) FROM t ORDER BY id;
SELECT id FROM t WHERE mapContains(m, 'a') ORDER BY id;
SELECT sum(m['b']) FROM t;
SELECT id, mapFilter((k, v) -> v > 1, m), mapApply((k, v) -> (k, v * 10), m) FROM t ORDER BY id;
