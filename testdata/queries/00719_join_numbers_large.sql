SELECT count(), sum(a.number) FROM numbers(10000) AS a JOIN numbers(5000, 10000) AS b ON a.number = b.number;
SELECT count() FROM numbers(1000) AS a LEFT JOIN (SELECT number * 2 AS n FROM numbers(1000)) AS b ON a.number = b.n WHERE b.n = 0;
