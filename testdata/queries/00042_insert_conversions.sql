CREATE TABLE t (a UInt8, b Float32, c String, d Date) ENGINE = Memory;
INSERT INTO t VALUES ('5', 1, 42, '2020-01-01');
INSERT INTO t VALUES (7, '2.5', 'x', 18000);
SELECT * FROM t ORDER BY a;
INSERT INTO t VALUES ('abc', 1, 'x', '2020-01-01'); -- { serverError CANNOT_PARSE_TEXT }
