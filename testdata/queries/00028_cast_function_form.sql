SELECT CAST(1, 'String'), toTypeName(CAST(1, 'String'));
SELECT CAST('7', 'Int16') + 1;
SELECT CAST(NULL, 'Nullable(String)');
SELECT CAST(1.7, 'Decimal(5,2)');
SELECT accurateCast(255, 'UInt8');
SELECT accurateCastOrNull(256, 'UInt8'), accurateCastOrNull(-1, 'UInt8');
SELECT accurateCast(256, 'UInt8'); -- { serverError CANNOT_CONVERT_TYPE }
