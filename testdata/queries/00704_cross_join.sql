SELECT a.number, b.number FROM numbers(2) AS a CROSS JOIN numbers(3) AS b ORDER BY a.number, b.number;
SELECT count() FROM numbers(10) AS a, numbers(10) AS b;
SELECT a.number, b.number FROM numbers(3) AS a, numbers(3) AS b WHERE a.number = b.number ORDER BY a.number;
