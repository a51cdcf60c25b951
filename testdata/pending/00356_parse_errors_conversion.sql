SELECT toUInt8('256');
SELECT toUInt32('-1'); -- { serverError CANNOT_PARSE_NUMBER }
SELECT toDate('2024-1-1');
SELECT toDate('20240101');
SELECT toDate('not a date'); -- { serverError CANNOT_PARSE_DATE }
SELECT CAST('1.5' AS Int32); -- { serverError CANNOT_PARSE_TEXT }
SELECT CAST([1] AS UInt8); -- { serverError ILLEGAL_TYPE_OF_ARGUMENT }
