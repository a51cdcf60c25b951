CREATE TABLE t (id UInt32, a Nullable(Int64), s Nullable(String), d Nullable(Date)) ENGINE = Memory;
INSERT INTO t VALUES (1, 10, 'x', '2024-01-01'), (2, NULL, NULL, NULL), (3, -5, '', '2023-12-31');
SELECT id, a * 2, concat(s, '!'), d + 1, toTypeName(d + 1) FROM t ORDER BY id;
SELECT id, a > 0, a IS NULL, s = '', coalesce(d, toDate('2000-01-01')) FROM t ORDER BY id;
SELECT sum(a), max(d), min(s), count(d) FROM t;
SELECT id FROM t ORDER BY a NULLS FIRST, id;
SELECT toTypeName(a), toTypeName(sum(a)), toTypeName(max(d)) FROM t GROUP BY a ORDER BY a LIMIT 1;
