CREATE TABLE t (u8 UInt8, i Int32, f Float32, s String, d DateTime, n Nullable(UInt8)) ENGINE = Memory;
INSERT INTO t SELECT 300, -1.7, 1 / 3, 42, '2024-01-01 10:00:00', NULL;
SELECT * FROM t;
INSERT INTO t SELECT 1, 1, 1, 'x', 1700000000, 5;
SELECT * FROM t ORDER BY u8;
