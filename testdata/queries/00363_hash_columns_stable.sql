CREATE TABLE t (s String, n UInt64) ENGINE = Memory;
INSERT INTO t VALUES ('a', 1), ('b', 2), ('', 0), ('hello world', 12345678901);
SELECT s, cityHash64(s), sipHash64(s), xxHash64(s), murmurHash3_64(s), intHash64(n) FROM t ORDER BY s;
SELECT cityHash64(s, n) FROM t ORDER BY s;
SELECT sum(cityHash64(s)) FROM t;
