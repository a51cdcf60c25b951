SELECT arrayCumSum([1, 2, 3, 4]), arrayCumSumNonNegative([1, -3, 2]), arrayDifference([1, 4, 9, 16]);
SELECT toTypeName(arrayCumSum([toUInt8(1)])), toTypeName(arrayDifference([toUInt8(1)]));
SELECT arrayReduce('sum', [1, 2, 3]), arrayReduce('max', ['a', 'c', 'b']), arrayReduce('uniqExact', [1, 1, 2]);
