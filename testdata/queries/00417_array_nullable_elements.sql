SELECT [1, NULL, 3] AS a, toTypeName(a), length(a), a[2], isNull(a[2]);
SELECT arrayMap(x -> x * 2, [1, NULL]), arrayFilter(x -> x IS NULL, [1, NULL, NULL]);
SELECT arraySum([1, NULL, 3]); -- { serverError ILLEGAL_TYPE_OF_ARGUMENT }
SELECT countEqual([1, NULL, NULL], NULL);
