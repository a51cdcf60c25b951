CREATE TABLE d (dt Date, amount Int32) ENGINE = Memory;
INSERT INTO d SELECT toDate('2023-11-20') + number * 3, number FROM numbers(40);
SELECT toStartOfMonth(dt) AS m, count(), sum(amount) FROM d GROUP BY m ORDER BY m;
SELECT toYYYYMM(dt) AS m, min(dt), max(dt) FROM d GROUP BY m ORDER BY m;
SELECT toDayOfWeek(dt) AS w, count() FROM d GROUP BY w ORDER BY w;
SELECT dt FROM d WHERE dt BETWEEN '2024-01-01' AND '2024-01-10' ORDER BY dt;
