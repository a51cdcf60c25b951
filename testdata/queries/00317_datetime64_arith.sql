SELECT toDateTime64('2024-01-01 00:00:00.5', 3) + INTERVAL 1 SECOND;
SELECT toDateTime64('2024-01-01 00:00:00.5', 3) + INTERVAL 250 MILLISECOND;
SELECT addMilliseconds(toDateTime64('2024-01-01 00:00:00.000', 3), 1500);
SELECT dateDiff('millisecond', toDateTime64('2024-01-01 00:00:00.000', 3), toDateTime64('2024-01-01 00:00:01.250', 3));
SELECT toTypeName(toDateTime64('2024-01-01 00:00:00', 3) + INTERVAL 1 DAY);
SELECT toStartOfDay(toDateTime64('2024-01-01 10:00:00.123', 3)), toTypeName(toStartOfDay(toDateTime64('2024-01-01 10:00:00.123', 3)));
