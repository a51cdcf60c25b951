SELECT uniq(number) FROM numbers(1000);
SELECT uniq(number) FROM numbers(100000);
SELECT uniq(number % 1000) FROM numbers(100000);
SELECT uniq(toString(number)) FROM numbers(50000);
SELECT uniqCombined(number) FROM numbers(100000);
SELECT uniqHLL12(number) FROM numbers(100000);
SELECT toTypeName(uniq(1)), toTypeName(uniqCombined(1)), toTypeName(uniqHLL12(1));
SELECT uniq(x, y) FROM (SELECT number % 10 AS x, number % 7 AS y FROM numbers(1000));
