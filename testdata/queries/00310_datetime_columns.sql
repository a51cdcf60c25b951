CREATE TABLE ev (ts DateTime, v UInt32) ENGINE = Memory;
INSERT INTO ev SELECT toDateTime('2024-01-01 00:00:00') + number * 7919, number FROM numbers(50);
SELECT toStartOfDay(ts) AS d, count(), sum(v) FROM ev GROUP BY d ORDER BY d;
SELECT toHour(ts) AS h, count() FROM ev GROUP BY h ORDER BY h;
SELECT min(ts), max(ts), toTypeName(min(ts)) FROM ev;
SELECT ts FROM ev WHERE ts >= '2024-01-02 00:00:00' AND ts < '2024-01-02 12:00:00' ORDER BY ts;
