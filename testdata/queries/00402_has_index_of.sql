SELECT has([1, 2, 3], 2), has([1, 2, 3], 5), has(['a', 'b'], 'b'), has([], 1);
SELECT has([1, NULL], NULL), has([1, 2], NULL);
SELECT hasAll([1, 2, 3], [1, 3]), hasAll([1, 2], [1, 4]), hasAll([1], []);
SELECT hasAny([1, 2, 3], [5, 3]), hasAny([1, 2], [4, 5]), hasAny([], [1]);
SELECT indexOf([10, 20, 30], 20), indexOf([10, 20, 30], 99), indexOf([1, NULL], NULL);
SELECT countEqual([1, 2, 1, 1], 1), arrayCount(x -> x > 1, [1, 2, 3]);
SELECT hasSubstr([1, 2, 3, 4], [2, 3]), hasSubstr([1, 2, 3], [3, 2]);
