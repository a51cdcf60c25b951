SELECT toDateTime('2024-03-31 01:59:59', 'Europe/Berlin') + 1;
SELECT toStartOfDay(toDateTime('2024-03-31 12:00:00', 'Europe/Berlin'));
SELECT toHour(toDateTime(1711846800, 'Europe/Berlin')), toHour(toDateTime(1711846800 + 3600, 'Europe/Berlin'));
SELECT toDateTime('2024-10-27 02:30:00', 'Europe/Berlin');
