SELECT [10, 20, 30][1], [10, 20, 30][3], [10, 20, 30][4], [10, 20, 30][0];
SELECT [10, 20, 30][-1], arrayElement([10, 20, 30], 2), ['a', 'b'][5];
SELECT [[1, 2], [3]][1][2];
SELECT [1, 2][number] FROM numbers(4) ORDER BY number;
SELECT toTypeName([1, 2][1]), toTypeName(['a'][1]);
SELECT [NULL, 1][1], toTypeName([NULL, 1][1]);
