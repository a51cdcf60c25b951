SELECT match('hello', '^h.*o$'), match('hello', 'z'), match('abc123', '\\d+');
SELECT match('Hello', '(?i)hello');
SELECT 'abc' REGEXP 'b';
SELECT toTypeName(match('a', 'a'));
SELECT match('a', '('); -- { serverError CANNOT_COMPILE_REGEXP }
CREATE TABLE t (s String) ENGINE = Memory;
INSERT INTO t VALUES ('a1'), ('bb'), ('c22'), ('');
SELECT s, match(s, '[0-9]') FROM t ORDER BY s;
