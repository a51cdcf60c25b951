SELECT least(1, 2), greatest(1, 2), least(3, 1, 2), greatest('a', 'b');
SELECT toTypeName(least(toUInt8(1), toInt8(-1))), least(toUInt8(1), toInt8(-1));
SELECT least(1, 2.5), toTypeName(least(1, 2.5));
SELECT greatest(toDate('2020-01-01'), toDate('2021-01-01'));
SELECT least(NULL, 1), greatest(1, NULL);
SELECT number, least(number, 3), greatest(number, 3) FROM numbers(6) ORDER BY number;
