SELECT toDateTime('2024-01-01 00:00:00', 'America/New_York') AS t, toTypeName(t), toUnixTimestamp(t);
SELECT toTimeZone(toDateTime('2024-07-01 12:00:00'), 'Asia/Tokyo');
SELECT toHour(toDateTime('2024-07-01 12:00:00'), 'Asia/Kolkata'), toStartOfDay(toDateTime('2024-07-01 22:00:00'), 'Asia/Tokyo');
SELECT formatDateTime(toDateTime('2024-07-01 12:00:00'), '%H:%M', 'Europe/London');
SELECT timezone(), timeZone();
SELECT toString(toDateTime('2024-03-31 02:30:00', 'Europe/Berlin'));
SELECT toDateTime('2024-01-01 00:00:00', 'Nowhere/City'); -- { serverError BAD_ARGUMENTS }
