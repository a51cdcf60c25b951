SELECT toRelativeDayNum(toDate('2024-01-01')), toRelativeMonthNum(toDate('2024-01-01')), toRelativeYearNum(toDate('2024-01-01'));
SELECT toRelativeHourNum(toDateTime('2024-01-01 05:00:00')), toRelativeWeekNum(toDate('2024-01-01'));
