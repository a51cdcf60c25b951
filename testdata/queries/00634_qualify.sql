SELECT number, row_number() OVER (ORDER BY number DESC) AS r FROM numbers(5) QUALIFY r <= 2 ORDER BY number;
