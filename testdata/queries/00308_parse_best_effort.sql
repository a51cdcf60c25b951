SELECT parseDateTimeBestEffort('2024-03-05 07:08:09'), parseDateTimeBestEffort('2024-03-05T07:08:09Z');
SELECT parseDateTimeBestEffort('05/03/2024'), parseDateTimeBestEffort('March 5, 2024 7:08 PM');
SELECT parseDateTimeBestEffort('2024-03-05T07:08:09+02:00'), parseDateTimeBestEffort('1709622489');
SELECT parseDateTimeBestEffortOrNull('garbage'), parseDateTimeBestEffortOrZero('garbage');
SELECT parseDateTimeBestEffort('Tue, 05 Mar 2024 07:08:09 GMT');
SELECT toTypeName(parseDateTimeBestEffortOrNull('2024-03-05'));
SELECT parseDateTimeBestEffort('garbage'); -- { serverError CANNOT_PARSE_DATETIME }
