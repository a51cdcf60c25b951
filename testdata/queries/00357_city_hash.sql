SELECT cityHash64('hello'), cityHash64(''), cityHash64(1), cityHash64(1, 2), cityHash64('a', 'b');
SELECT toTypeName(cityHash64('x'));
SELECT cityHash64(toUInt8(1)), cityHash64(toUInt64(1)), cityHash64(toString(1));
SELECT number, cityHash64(number) FROM numbers(3) ORDER BY number;
SELECT cityHash64([1, 2]), cityHash64((1, 'a'));
SELECT cityHash64(NULL), cityHash64(toNullable('hello'));
