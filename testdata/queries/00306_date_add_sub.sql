SELECT dateAdd(day, 5, toDate('2024-01-01')), dateAdd(month, 1, toDate('2024-01-31')), date_add(YEAR, 1, toDate('2024-01-01'));
SELECT dateSub(hour, 1, toDateTime('2024-01-01 00:30:00')), date_sub(DAY, 1, toDate('2024-01-01'));
SELECT timestamp_add(toDate('2024-01-01'), INTERVAL 1 DAY);
SELECT dateAdd('day', 1, toDate('2024-01-01')); -- { serverError NUMBER_OF_ARGUMENTS_DOESNT_MATCH }
