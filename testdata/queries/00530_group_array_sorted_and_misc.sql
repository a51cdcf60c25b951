SELECT groupArraySorted(3)(x) FROM (SELECT arrayJoin([5, 1, 4, 2]) AS x);
SELECT arraySort(groupArraySample(100)(number)) FROM numbers(5);
SELECT groupArrayLast(2)(number) FROM (SELECT number FROM numbers(5) ORDER BY number);
