WITH toDateTime('2024-03-15 13:47:31') AS t SELECT toStartOfMinute(t), toStartOfFiveMinutes(t), toStartOfFifteenMinutes(t), toStartOfHour(t);
WITH toDateTime('2024-03-15 13:47:31') AS t SELECT toStartOfDay(t), toStartOfWeek(t), toStartOfMonth(t), toStartOfQuarter(t), toStartOfYear(t);
WITH toDateTime('2024-03-15 13:47:31') AS t SELECT toTypeName(toStartOfMinute(t)), toTypeName(toStartOfDay(t)), toTypeName(toStartOfMonth(t));
WITH toDate('2024-03-15') AS d SELECT toStartOfMonth(d), toStartOfQuarter(d), toStartOfYear(d), toMonday(d), toStartOfWeek(d), toStartOfWeek(d, 1);
SELECT toStartOfTenMinutes(toDateTime('2024-03-15 13:47:31')), toStartOfSecond(toDateTime64('2024-03-15 13:47:31.75', 2));
