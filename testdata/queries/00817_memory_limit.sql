SELECT count() FROM (SELECT cityHash64(number) % 3000000 AS k, count() FROM numbers(6000000) GROUP BY k) SETTINGS max_memory_usage = 20000000; -- { serverError MEMORY_LIMIT_EXCEEDED }
SELECT count() FROM numbers(1000) SETTINGS max_memory_usage = 10000000;
SELECT uniqExact(number) FROM numbers(5000000) SETTINGS max_memory_usage = 20000000; -- { serverError MEMORY_LIMIT_EXCEEDED }
SELECT 1;
