CREATE TABLE t (s Nullable(String)) ENGINE = Memory;
INSERT INTO t VALUES ('Ab'), (NULL), ('');
SELECT s, length(s), upper(s), concat(s, '!'), toTypeName(upper(s)) FROM t ORDER BY s;
SELECT s, empty(s), s LIKE 'A%' FROM t ORDER BY s;
