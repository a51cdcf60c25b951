SELECT arrayExists(x -> x > 2, [1, 2, 3]), arrayExists(x -> x > 5, [1, 2, 3]), arrayExists(x -> 1, []);
SELECT arrayAll(x -> x > 0, [1, 2, 3]), arrayAll(x -> x > 1, [1, 2, 3]), arrayAll(x -> 0, []);
SELECT arrayFirst(x -> x > 1, [1, 2, 3]), arrayFirstIndex(x -> x > 1, [1, 2, 3]), arrayLast(x -> x < 3, [1, 2, 3]);
SELECT arrayFirst(x -> x > 10, [1, 2]), arrayFirstIndex(x -> x > 10, [1, 2]);
