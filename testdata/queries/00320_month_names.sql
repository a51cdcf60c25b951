SELECT monthName(toDate('2024-03-15')), dateName('weekday', toDate('2024-03-15')), dateName('month', toDate('2024-11-15'));
SELECT toDayOfWeek(toDate('2024-03-15'), 1), toDayOfWeek(toDate('2024-03-15'), 3);
