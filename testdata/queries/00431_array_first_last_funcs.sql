SELECT arrayFirstOrNull(x -> x > 5, [1, 2]), arrayLastOrNull(x -> x > 0, [1, 2]), arrayLastIndex(x -> x > 0, [1, 2, 0]);
SELECT arrayRotateLeft([1, 2, 3], 1), arrayRotateRight([1, 2, 3], 1), arrayShiftLeft([1, 2, 3], 1);
