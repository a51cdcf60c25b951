SELECT toUnixTimestamp('2024-01-01 00:00:00'), toUnixTimestamp(toDate('2024-01-01'));
SELECT toUnixTimestamp(toDateTime('2024-01-01 00:00:00', 'Asia/Tokyo'));
SELECT fromUnixTimestamp(1700000000), toTypeName(fromUnixTimestamp(1700000000));
SELECT FROM_UNIXTIME(1700000000, '%Y-%m-%d');
SELECT toUnixTimestamp64Milli(toDateTime64('2024-01-01 00:00:00.123', 3)), fromUnixTimestamp64Milli(1704067200123);
SELECT toTypeName(toUnixTimestamp(now()));
