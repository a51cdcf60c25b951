SELECT concat('a', 1.5, true, toDate('2020-01-01'));
SELECT concat([1], [2]), toTypeName(concat([1], [2]));
SELECT toTypeName(concat('a', CAST('b' AS LowCardinality(String))));
