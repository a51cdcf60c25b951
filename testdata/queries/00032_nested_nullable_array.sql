SELECT [NULL, 'a', NULL], toTypeName([NULL, 'a', NULL]);
SELECT arrayFilter(x -> isNotNull(x), [1, NULL, 3]);
CREATE TABLE t (a Array(Nullable(Int32))) ENGINE = Memory;
INSERT INTO t VALUES ([1, NULL]), ([]), ([NULL]);
SELECT a, length(a) FROM t ORDER BY length(a), a;
SELECT toTypeName(a) FROM t LIMIT 1;
