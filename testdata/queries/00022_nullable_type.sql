CREATE TABLE n (x Nullable(Int32), s Nullable(String)) ENGINE = Memory;
INSERT INTO n VALUES (1, 'a'), (NULL, NULL), (3, NULL), (NULL, 'd');
SELECT x, s FROM n ORDER BY x, s;
SELECT toTypeName(x), toTypeName(s) FROM n LIMIT 1;
SELECT x + 1, toTypeName(x + 1) FROM n ORDER BY x;
SELECT count(x), count(s), count() FROM n;
SELECT isNull(x), isNotNull(s) FROM n ORDER BY x, s;
