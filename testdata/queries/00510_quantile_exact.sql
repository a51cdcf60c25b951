SELECT quantileExact(0.5)(number) FROM numbers(10);
SELECT quantileExact(number) FROM numbers(11);
SELECT quantilesExact(0.1, 0.5, 0.9)(number) FROM numbers(100);
SELECT quantileExact(0.5)(x) FROM (SELECT arrayJoin([5, 1, 3]) AS x);
SELECT toTypeName(quantileExact(number)) FROM numbers(1);
SELECT medianExact(number) FROM numbers(10);
SELECT quantileExact(0.5)(number) FROM numbers(0);
