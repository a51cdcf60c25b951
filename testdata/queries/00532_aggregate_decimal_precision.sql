SELECT sum(toDecimal64(0.1, 2)) FROM numbers(10);
SELECT avg(toDecimal64(1, 4)) FROM numbers(3);
SELECT min(toDecimal32(number, 1)), max(toDecimal32(number, 1)), toTypeName(max(toDecimal32(number, 1))) FROM numbers(5);
SELECT sum(x), toTypeName(sum(x)) FROM (SELECT toDecimal128(1.5, 3) AS x);
