SELECT arrayFill(x -> x IS NOT NULL, [1, NULL, NULL, 4]), arrayReverseFill(x -> x IS NOT NULL, [1, NULL, NULL, 4]);
SELECT arraySplit(x -> x = 0, [1, 0, 2, 0, 3]);
SELECT arrayPartialSort(2, [5, 3, 1, 4]);
SELECT arrayShingles([1, 2, 3, 4], 2);
