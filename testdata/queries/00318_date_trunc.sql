SELECT date_trunc('month', toDate('2024-03-15')), dateTrunc('hour', toDateTime('2024-03-15 13:47:31'));
SELECT date_trunc('day', toDateTime('2024-03-15 13:47:31')), toTypeName(date_trunc('day', toDateTime('2024-03-15 13:47:31')));
SELECT date_trunc('year', toDateTime('2024-03-15 13:47:31')), toTypeName(date_trunc('year', toDateTime('2024-03-15 13:47:31')));
SELECT toStartOfInterval(toDateTime('2024-03-15 13:47:31'), INTERVAL 20 MINUTE), toStartOfInterval(toDate('2024-03-15'), INTERVAL 2 MONTH);
