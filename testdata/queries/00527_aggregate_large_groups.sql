SELECT number % 5 AS k, count(), sum(number), min(number), max(number) FROM numbers(100000) GROUP BY k ORDER BY k;
SELECT count(), uniqExact(number % 777) FROM numbers(200000);
SELECT sum(number * number) FROM numbers(1000000);
