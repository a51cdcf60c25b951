SELECT arrayMap(x -> x * 2, [1, 2, 3]), arrayMap(x -> toString(x), [1, 2]);
SELECT arrayMap((x, y) -> x + y, [1, 2], [10, 20]);
SELECT arrayFilter(x -> x % 2 = 1, [1, 2, 3, 4, 5]), arrayFilter(x -> x != '', ['a', '', 'b']);
SELECT arrayFilter((x, y) -> y, [1, 2, 3], [1, 0, 1]);
SELECT toTypeName(arrayMap(x -> x * 2, [1, 2, 3])), toTypeName(arrayMap(x -> x / 2, [1]));
SELECT number, arrayMap(x -> x + number, [1, 2]) FROM numbers(3) ORDER BY number;
SELECT arrayMap((x, y) -> x + y, [1, 2], [1]); -- { serverError SIZES_OF_ARRAYS_DONT_MATCH }
