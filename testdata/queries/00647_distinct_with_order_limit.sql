SELECT DISTINCT number % 5 AS k FROM numbers(50) ORDER BY k DESC LIMIT 3;
SELECT DISTINCT toString(number % 3) FROM numbers(10) ORDER BY 1;
