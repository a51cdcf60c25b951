SELECT toMonday(toDate('2024-01-01')), toMonday(toDate('2024-01-07')), toMonday(toDate('2024-01-08'));
SELECT toWeek(toDate('2024-01-01')), toWeek(toDate('2024-01-01'), 1), toISOWeek(toDate('2024-01-01')), toISOYear(toDate('2023-01-01'));
SELECT toYearWeek(toDate('2024-12-30')), toYearWeek(toDate('2024-12-30'), 1);
SELECT number, toMonday(toDate('2024-02-26') + number) FROM numbers(8) ORDER BY number;
