SELECT CAST(1 AS String), toTypeName(CAST(1 AS String));
SELECT CAST('42' AS UInt8), CAST('42' AS Int64), CAST('1.5' AS Float64);
SELECT 1::String, '5'::UInt32, toTypeName('5'::UInt32);
SELECT CAST(3.9 AS Int32), CAST(-3.9 AS Int32);
SELECT CAST(1 AS Nullable(Int8)), toTypeName(CAST(1 AS Nullable(Int8)));
SELECT CAST([1, 2] AS Array(String));
SELECT CAST('2024-01-01' AS Date), CAST('2024-01-01 12:00:00' AS DateTime);
SELECT CAST(300 AS UInt8);
SELECT CAST('abc' AS UInt32); -- { serverError CANNOT_PARSE_TEXT }
