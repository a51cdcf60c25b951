SELECT toDateTime('2024-01-01 10:00:00.999');
SELECT toDateTime64('2024-01-01 10:00:00.123456789', 9);
SELECT toDateTime64('2024-01-01 10:00:00', 3) AS x, toString(x), toTypeName(x);
SELECT toDateTime64(toDateTime('2024-01-01 10:00:00'), 2);
