SELECT avg(number), toTypeName(avg(number)) FROM numbers(10);
SELECT avg(number) FROM numbers(0);
SELECT avg(toDecimal32(number, 2)), toTypeName(avg(toDecimal32(1, 2))) FROM numbers(4);
SELECT avg(x) FROM (SELECT 1 AS x UNION ALL SELECT 2);
SELECT avgWeighted(x, w) FROM (SELECT 1 AS x, 1 AS w UNION ALL SELECT 5, 3);
