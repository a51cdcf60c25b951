CREATE TABLE t (s String, f FixedString(3), l LowCardinality(String)) ENGINE = Memory;
INSERT INTO t VALUES ('hello', 'abc', 'x'), ('', 'z', '');
SELECT length(s), length(f), length(l), empty(l), toTypeName(length(l)) FROM t ORDER BY s;
SELECT upper(l), toTypeName(upper(l)) FROM t ORDER BY s;
