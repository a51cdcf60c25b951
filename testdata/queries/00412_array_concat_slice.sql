SELECT arrayConcat([1, 2], [3], []), arrayConcat(['a'], ['b', 'c']);
SELECT arraySlice([1, 2, 3, 4, 5], 2, 3), arraySlice([1, 2, 3, 4, 5], -2), arraySlice([1, 2, 3], 2, 0), arraySlice([1, 2, 3], 10);
SELECT arrayPushBack([1, 2], 3), arrayPushFront([1, 2], 0), arrayPopBack([1, 2, 3]), arrayPopFront([1, 2, 3]);
SELECT arrayResize([1, 2], 4), arrayResize([1, 2, 3], 1), arrayResize(['a'], 3, 'z');
SELECT arrayConcat([1], ['a']); -- { serverError NO_COMMON_TYPE }
