SELECT NULL, toTypeName(NULL);
SELECT NULL + 1, toTypeName(NULL + 1);
SELECT [NULL, 1], toTypeName([NULL, 1]);
SELECT isNull(NULL), isNotNull(NULL);
SELECT NULL IS NULL, NULL IS NOT NULL, 1 IS NULL;
SELECT toTypeName(CAST(NULL AS Nullable(String)));
