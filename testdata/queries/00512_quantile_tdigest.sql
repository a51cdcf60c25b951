SELECT quantileTDigest(0.5)(number) FROM numbers(100);
SELECT quantilesTDigest(0.1, 0.9)(number) FROM numbers(1000);
SELECT toTypeName(quantileTDigest(number)) FROM numbers(1);
SELECT quantileTDigest(0.5)(x) FROM (SELECT arrayJoin([1, 1, 1, 100]) AS x);
