SELECT toDecimal32(1.5, 3), toDecimal64(2, 2);
SELECT toDecimal32(1.5, 3), toDecimal64(2, 2) SETTINGS output_format_decimal_trailing_zeros = 1;
SELECT NULL, 'x' SETTINGS format_tsv_null_representation = 'NULL';
SELECT [NULL, 1], (NULL, 'a');
SELECT toFloat64(1e100), toFloat32(1e-30), 1e-300;
SELECT 123456789012345678901234567890, toTypeName(123456789012345678901234567890);
