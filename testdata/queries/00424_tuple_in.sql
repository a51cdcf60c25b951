SELECT (1, 'a') IN ((1, 'a'), (2, 'b')), (3, 'c') IN ((1, 'a'));
CREATE TABLE t (a UInt32, b String) ENGINE = Memory;
INSERT INTO t VALUES (1, 'x'), (2, 'y'), (3, 'z');
SELECT a FROM t WHERE (a, b) IN ((1, 'x'), (3, 'q')) ORDER BY a;
SELECT a FROM t WHERE (a, b) NOT IN ((1, 'x')) ORDER BY a;
