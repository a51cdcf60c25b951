CREATE TABLE t (k UInt32, v Nullable(Int32), s String) ENGINE = Memory;
INSERT INTO t VALUES (1, 10, 'a'), (2, NULL, ''), (3, -5, 'c'), (4, 0, 'd');
SELECT k, if(v > 0, 'pos', if(v < 0, 'neg', 'zero-or-null')) FROM t ORDER BY k;
SELECT k, multiIf(s = '', 'empty', v IS NULL, 'null', s) FROM t ORDER BY k;
SELECT k, CASE WHEN v IS NULL THEN -1 ELSE v * 2 END AS r, toTypeName(r) FROM t ORDER BY k;
SELECT sum(if(v > 0, 1, 0)), countIf(v IS NULL) FROM t;
