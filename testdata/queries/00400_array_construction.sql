SELECT [1, 2, 3], array(1, 2, 3), toTypeName(array(1, 2, 3));
SELECT [[1, 2], [3]], [['a'], []], toTypeName([['a'], []]);
SELECT range(5), range(2, 5), range(0, 10, 3), toTypeName(range(5));
SELECT arrayWithConstant(3, 'x'), emptyArrayUInt8();
SELECT [number, number * 2] FROM numbers(3) ORDER BY number;
