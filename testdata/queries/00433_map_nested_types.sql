SELECT map('a', map('b', 1))['a']['b'];
SELECT map(1, [1, 2], 2, [])[1], map('x', (1, 'y'))['x'].2;
SELECT toTypeName(map('a', map('b', 1)));
