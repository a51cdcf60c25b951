SELECT sum(number % 3 = 0), avg(number > 4) FROM numbers(10);
SELECT max(length(toString(number))), min(toString(number)) FROM numbers(105);
SELECT sum(number) / count() = avg(number) FROM numbers(10);
SELECT sum(number) + 1, toTypeName(sum(number) + 1) FROM numbers(10);
