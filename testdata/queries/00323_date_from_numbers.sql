SELECT toDate(19723), toDateTime(1704067200), toDate(toDateTime(1704067200 + 86399));
SELECT toDate(1704067200);
SELECT toDateTime(toDate('2024-01-01')), toTypeName(toDateTime(toDate('2024-01-01')));
SELECT toDate32(19723), toDateTime64(1704067200, 3);
