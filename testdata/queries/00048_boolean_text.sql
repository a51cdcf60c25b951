SELECT CAST('1' AS Bool), CAST('0' AS Bool), CAST('yes' AS Bool), CAST('no' AS Bool);
SELECT CAST('True' AS Bool), CAST('FALSE' AS Bool);
SELECT toString(true), toString(false);
SELECT CAST('maybe' AS Bool); -- { serverError CANNOT_PARSE_BOOL }
