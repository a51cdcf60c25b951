SELECT number FROM numbers(5) WHERE number IN (SELECT number FROM numbers(10) WHERE number % 2 = 0) ORDER BY number;
SELECT (SELECT count() FROM numbers(3)) AS c, number FROM numbers(2) ORDER BY number;
