SELECT count() FROM (SELECT number FROM numbers(100) WHERE number % 7 = 0);
SELECT number, number * number FROM numbers(4) WHERE number * number > 1 ORDER BY number;
