SELECT corr(number, number * 2), corr(number, -number) FROM numbers(10);
SELECT covarPop(number, number), covarSamp(number, number * 3) FROM numbers(10);
SELECT round(corr(x, y), 6) FROM (SELECT number AS x, number * number AS y FROM numbers(20));
SELECT corr(number, 1) FROM numbers(10);
