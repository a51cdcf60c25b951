SELECT CAST(toDate('2024-01-01') AS DateTime), CAST(toDateTime('2024-01-01 23:59:59') AS Date);
SELECT CAST(toDateTime('2024-01-01 10:00:00') AS UInt32), CAST(1704103200 AS DateTime);
SELECT CAST('1' AS Bool), CAST(2 AS Bool), CAST(0.0 AS Bool);
SELECT CAST([1, 2, 3] AS Array(Float64)), CAST(['1', '2'] AS Array(UInt8));
SELECT CAST((1, '2') AS Tuple(String, UInt8)), CAST(map('a', '1') AS Map(String, UInt8));
SELECT CAST(-1 AS UInt8), CAST(256 AS UInt8), CAST(1e10 AS Int32);
SELECT CAST('b' AS Enum8('a' = 1, 'b' = 2)), CAST(1 AS Enum8('a' = 1, 'b' = 2));
SELECT CAST(toNullable(1) AS String), toTypeName(CAST(toNullable(1) AS String));
