SELECT arraySort([3, 1, 2]), arraySort(['b', 'a', 'c']), arrayReverseSort([3, 1, 2]);
SELECT arraySort(x -> -x, [3, 1, 2]), arraySort((x, y) -> y, ['a', 'b', 'c'], [3, 1, 2]);
SELECT arraySort([1, NULL, 3, nan, 2]);
SELECT arraySort([2.5, -1, nan, inf, -inf]), arrayReverseSort([2.5, -1, nan, inf]);
SELECT arraySort([]), arraySort([[2], [1, 2], [1]]);
