SELECT arrayReverse([1, 2, 3]), arrayFlatten([[1, 2], [3], []]), flatten([[[1]], [[2, 3]]]);
SELECT arrayZip([1, 2], ['a', 'b']), toTypeName(arrayZip([1, 2], ['a', 'b']));
SELECT arrayZip([1], [1, 2]); -- { serverError SIZES_OF_ARRAYS_DONT_MATCH }
