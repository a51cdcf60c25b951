CREATE TABLE l (s LowCardinality(String)) ENGINE = Memory;
INSERT INTO l VALUES ('x'), ('y'), ('x'), ('z');
SELECT s, toTypeName(s) FROM l ORDER BY s;
SELECT s, count() FROM l GROUP BY s ORDER BY s;
SELECT toTypeName(toLowCardinality('abc'));
SELECT length(s) FROM l ORDER BY s;
