SELECT uniqExact(number % 10) FROM numbers(1000);
SELECT uniqExact(x) FROM (SELECT arrayJoin(['a', 'b', 'a', '']) AS x);
SELECT uniqExact(a, b) FROM (SELECT number % 3 AS a, number % 2 AS b FROM numbers(100));
SELECT toTypeName(uniqExact(1));
SELECT uniqExact(x) FROM (SELECT arrayJoin([1, NULL, 2, NULL]) AS x);
