SELECT number * 2 AS n FROM numbers(3) ORDER BY n WITH FILL;
SELECT toDate('2024-01-01') + number * 2 AS d FROM numbers(2) ORDER BY d WITH FILL;
