SELECT NULL + 1, NULL * 2, NULL = NULL, NULL != 1, NULL < 1;
SELECT toTypeName(NULL = NULL), toTypeName(CAST(1 AS Nullable(Int8)) + 1);
SELECT concat('a', NULL), length(NULL), upper(NULL);
SELECT toTypeName(concat('a', CAST(NULL AS Nullable(String))));
SELECT abs(CAST(NULL AS Nullable(Int32)));
SELECT NULL IN (1, 2), 1 IN (NULL, 1);
