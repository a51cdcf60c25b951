SELECT arrayCount([1, 0, 2]), arrayCount(x -> x = '', ['', 'a', '']);
SELECT arrayAvg(emptyArrayFloat64()), arrayMin(emptyArrayInt32());
