SELECT CAST(NULL AS Int32); -- { serverError CANNOT_CONVERT_TYPE }
SELECT CAST(NULL AS Nullable(Int32));
SELECT toTypeName(CAST(1 AS Nullable(String)));
SELECT CAST(CAST(5 AS Nullable(Int32)) AS Int64);
SELECT CAST('x' AS Date); -- { serverError CANNOT_PARSE_DATE }
