CREATE TABLE t (a UInt8, b Int16, c UInt32, d Int64, e Float32, f Float64, g String, h Date, i DateTime, j Nullable(UInt8), k Array(String), l Tuple(UInt8, String), m Map(String, Int32)) ENGINE = Memory;
INSERT INTO t VALUES (1, -2, 3, -4, 5.5, 6.25, 'x', '2020-01-01', '2020-01-01 00:00:00', NULL, ['a'], (1, 'b'), {'k': 1});
SELECT toTypeName(a), toTypeName(b), toTypeName(c), toTypeName(d), toTypeName(e), toTypeName(f), toTypeName(g) FROM t;
SELECT toTypeName(h), toTypeName(i), toTypeName(j), toTypeName(k), toTypeName(l), toTypeName(m) FROM t;
SELECT * FROM t;
