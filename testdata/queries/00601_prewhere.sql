CREATE TABLE t (id UInt32, v String) ENGINE = Memory;
INSERT INTO t SELECT number, toString(number) FROM numbers(20);
SELECT id, v FROM t PREWHERE id % 5 = 0 ORDER BY id; -- { serverError ILLEGAL_PREWHERE }
SELECT id FROM t PREWHERE id > 10 WHERE v LIKE '1%' ORDER BY id; -- { serverError ILLEGAL_PREWHERE }
SELECT id FROM t WHERE id > 10 AND v LIKE '1%' ORDER BY id;
