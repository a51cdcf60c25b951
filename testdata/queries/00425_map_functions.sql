SELECT map('a', 1, 'b', 2) AS m, mapKeys(m), mapValues(m), m['a'], m['c'];
SELECT toTypeName(map('a', 1)), toTypeName(mapKeys(map('a', 1)));
SELECT mapContains(map('a', 1), 'a'), mapContains(map('a', 1), 'z');
SELECT length(map('a', 1, 'b', 2)), empty(map()), map();
SELECT mapFromArrays(['x', 'y'], [1, 2]), map('k', [1, 2])['k'];
SELECT map('a', 1, 'a', 2);
SELECT mapAdd(map(1, 1), map(1, 2, 2, 3));
SELECT map('a'); -- { serverError NUMBER_OF_ARGUMENTS_DOESNT_MATCH }
