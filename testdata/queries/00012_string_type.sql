CREATE TABLE s (x String) ENGINE = Memory;
INSERT INTO s VALUES ('a'), (''), ('hello world'), ('tab\t'), ('ünïcödé');
SELECT x, length(x) FROM s ORDER BY x;
SELECT toTypeName(x) FROM s LIMIT 1;
SELECT count() FROM s WHERE x = '';
