SELECT number % 7 AS k, sum(number) FROM numbers(10000) GROUP BY k ORDER BY k SETTINGS max_threads = 1;
SELECT number % 7 AS k, sum(number) FROM numbers(10000) GROUP BY k ORDER BY k SETTINGS max_threads = 2;
