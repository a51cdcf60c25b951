SELECT count(number > 5) FROM numbers(10);
SELECT countIf(number > 5), countDistinctIf(number % 3, number > 2) FROM numbers(10);
SELECT uniqExact(number % 3) FILTER (WHERE number > 5) FROM numbers(10);
