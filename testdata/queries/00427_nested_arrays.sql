SELECT [[1, 2], [3, 4]][2][1], arrayMap(x -> arraySum(x), [[1, 2], [3]]);
SELECT arrayFlatten(arrayMap(x -> [x, x], [1, 2]));
SELECT toTypeName([[[1]]]), [[[1]]][1][1][1];
SELECT length([[1, 2], [3]]), arrayMap(x -> length(x), [[1, 2], [], [3]]);
