SELECT arraySum([1, 2, 3]), arrayProduct([2, 3, 4]), arrayMin([3, 1, 2]), arrayMax([3, 1, 2]), arrayAvg([1, 2, 3, 4]);
SELECT toTypeName(arraySum([toUInt8(1)])), toTypeName(arrayAvg([1])), arraySum(emptyArrayUInt8());
SELECT arraySum([]); -- { serverError ILLEGAL_TYPE_OF_ARGUMENT }
SELECT arraySum(x -> x * 2, [1, 2, 3]), arrayMax(x -> -x, [1, 2, 3]);
SELECT arraySum([1.5, 2.5]), arrayMin(['b', 'a']);
