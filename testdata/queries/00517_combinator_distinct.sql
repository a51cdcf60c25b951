SELECT sumDistinct(x), countDistinct(x), avgDistinct(x) FROM (SELECT arrayJoin([1, 1, 2, 3, 3]) AS x);
SELECT sum(DISTINCT x), count(DISTINCT x) FROM (SELECT arrayJoin([1, 1, 2, 3, 3]) AS x);
SELECT groupArray(DISTINCT x) FROM (SELECT arrayJoin([2, 2, 2]) AS x);
SELECT toTypeName(count(DISTINCT number)) FROM numbers(1);
