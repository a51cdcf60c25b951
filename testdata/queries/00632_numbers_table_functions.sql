SELECT * FROM numbers(3);
SELECT * FROM numbers(5, 3);
SELECT number FROM numbers(0, 10, 3) ORDER BY number;
SELECT count() FROM numbers_mt(1000);
SELECT * FROM zeros(2);
SELECT toTypeName(number) FROM numbers(1);
SELECT number FROM system.numbers LIMIT 3;
SELECT sum(number) FROM numbers_mt(100000);
