CREATE TABLE t (a UInt32, b Nullable(String), c Array(Tuple(UInt8, String)), d DateTime('Asia/Tokyo'), e Decimal(10, 2) DEFAULT 1.5, f LowCardinality(String)) ENGINE = Memory;
DESCRIBE TABLE t;
DESC t;
DESCRIBE (SELECT 1 AS x, 'a' AS y);
DESCRIBE nosuch; -- { serverError UNKNOWN_TABLE }
