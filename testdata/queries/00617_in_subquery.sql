SELECT number FROM numbers(10) WHERE number IN (SELECT number * 3 FROM numbers(4)) ORDER BY number;
SELECT number FROM numbers(6) WHERE number NOT IN (SELECT number FROM numbers(3)) ORDER BY number;
SELECT count() FROM numbers(10) WHERE number IN (SELECT number FROM numbers(0));
SELECT (number, number % 2) IN (SELECT 1, 1) FROM numbers(3) ORDER BY number;
SELECT number IN (SELECT number FROM numbers(2)) AS r FROM numbers(4) ORDER BY number;
