SELECT toTypeName(today()), toTypeName(yesterday()), toTypeName(now()), toTypeName(now64());
SELECT today() - yesterday(), today() = toDate(now());
SELECT now() >= toDateTime('2024-01-01 00:00:00');
SELECT toTypeName(now('Asia/Tokyo')), toTypeName(now64(6));
