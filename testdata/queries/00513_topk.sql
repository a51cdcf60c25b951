SELECT topK(3)(x) FROM (SELECT arrayJoin([1, 1, 1, 2, 2, 3, 3, 3, 3, 4]) AS x);
SELECT topK(2)(s) FROM (SELECT arrayJoin(['a', 'b', 'b', 'c', 'c', 'c']) AS s);
SELECT toTypeName(topK(2)(number)) FROM numbers(1);
SELECT topK(1)(number % 3) FROM numbers(10);
