SELECT '10' < '9', 10 < 9, toUInt32('10') < toUInt32('9');
SELECT number FROM numbers(12) ORDER BY toString(number);
