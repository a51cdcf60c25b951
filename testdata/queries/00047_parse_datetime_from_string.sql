SELECT toDateTime('2024-01-15'), toDateTime('2024-01-15T10:20:30');
SELECT toDate('2024-01-15 10:20:30');
SELECT toDateTimeOrNull('garbage'), toDateOrZero('garbage');
SELECT toDateTime('2024-13-01 00:00:00'); -- { serverError CANNOT_PARSE_DATETIME }
SELECT toDateOrNull('2024-02-30');
