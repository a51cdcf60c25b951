SELECT number % 3 AS g, number, sum(number) OVER (PARTITION BY g ORDER BY number ROWS UNBOUNDED PRECEDING) AS cs FROM numbers(9) ORDER BY g, number;
SELECT number, ntile(3) OVER (ORDER BY number) FROM numbers(7) ORDER BY number;
SELECT number, percent_rank() OVER (ORDER BY number) FROM numbers(5) ORDER BY number;
SELECT number, cume_dist() OVER (ORDER BY number % 2) FROM numbers(4) ORDER BY number;
