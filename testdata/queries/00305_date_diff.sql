SELECT dateDiff('day', toDate('2024-01-01'), toDate('2024-03-01')), dateDiff('month', toDate('2024-01-31'), toDate('2024-02-01'));
SELECT dateDiff('year', toDate('2023-12-31'), toDate('2024-01-01')), dateDiff('week', toDate('2024-01-01'), toDate('2024-01-15'));
SELECT dateDiff('hour', toDateTime('2024-01-01 00:00:00'), toDateTime('2024-01-01 05:59:59')), dateDiff('minute', toDateTime('2024-01-01 00:00:00'), toDateTime('2024-01-01 00:01:30'));
SELECT dateDiff('second', toDateTime('2024-01-01 00:00:00'), toDateTime('2024-01-01 00:00:10')), date_diff('day', toDate('2024-03-01'), toDate('2024-01-01'));
SELECT toTypeName(dateDiff('day', toDate('2024-01-01'), toDate('2024-03-01')));
SELECT dateDiff('quarter', toDate('2024-01-01'), toDate('2024-12-31'));
SELECT dateDiff('fortnight', toDate('2024-01-01'), toDate('2024-12-31')); -- { serverError BAD_ARGUMENTS }
