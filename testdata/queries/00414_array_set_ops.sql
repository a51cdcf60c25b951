SELECT arraySort(arrayIntersect([1, 2, 3], [2, 3, 4])), arrayIntersect([1], [2]);
SELECT arraySort(arrayUnion([1, 2], [2, 3])), arraySort(arrayExcept([1, 2, 3], [2]));
SELECT arraySort(arraySymmetricDifference([1, 2, 3], [2, 3, 4]));
