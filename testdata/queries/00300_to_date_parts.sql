WITH toDateTime('2024-03-15 13:45:30') AS t SELECT toYear(t), toQuarter(t), toMonth(t), toDayOfMonth(t), toDayOfWeek(t), toHour(t), toMinute(t), toSecond(t);
WITH toDate('2024-03-15') AS d SELECT toYear(d), toMonth(d), toDayOfMonth(d), toDayOfYear(d), toDayOfWeek(d);
SELECT toTypeName(toYear(toDate('2024-01-01'))), toTypeName(toMonth(toDate('2024-01-01'))), toTypeName(toHour(now()));
SELECT toDayOfWeek(toDate('2024-03-17')), toDayOfWeek(toDate('2024-03-18'));
SELECT toYYYYMM(toDate('2024-03-15')), toYYYYMMDD(toDate('2024-03-15')), toYYYYMMDDhhmmss(toDateTime('2024-03-15 13:45:30'));
SELECT toTypeName(toYYYYMM(toDate('2024-03-15'))), toTypeName(toYYYYMMDD(toDate('2024-03-15')));
