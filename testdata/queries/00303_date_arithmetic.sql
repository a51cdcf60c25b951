SELECT toDate('2024-01-31') + 1, toDate('2024-01-31') - 31, toDate('2024-03-01') - toDate('2024-02-01');
SELECT toTypeName(toDate('2024-03-01') - toDate('2024-02-01'));
SELECT toDateTime('2024-01-01 00:00:00') + 3600, toDateTime('2024-01-01 00:00:00') - 1;
SELECT toDateTime('2024-01-02 00:00:00') - toDateTime('2024-01-01 00:00:00');
SELECT addDays(toDate('2024-02-28'), 2), addMonths(toDate('2024-01-31'), 1), addYears(toDate('2024-02-29'), 1);
SELECT subtractDays(toDate('2024-03-01'), 1), subtractMonths(toDate('2024-03-31'), 1), addWeeks(toDate('2024-01-01'), 2);
SELECT addHours(toDateTime('2024-01-01 23:00:00'), 2), addMinutes(toDateTime('2024-01-01 00:00:00'), -1), addSeconds(toDateTime('2024-01-01 00:00:00'), 90);
