SELECT number FROM numbers(6) ORDER BY number % 3, number DESC;
SELECT toString(number) AS s FROM numbers(12) ORDER BY length(s) DESC, s;
SELECT number FROM numbers(5) ORDER BY -number;
