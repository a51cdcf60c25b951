SELECT min(number), max(number), toTypeName(min(number)) FROM numbers(10);
SELECT min(s), max(s) FROM (SELECT toString(number) AS s FROM numbers(12));
SELECT min(x), max(x) FROM (SELECT arrayJoin([3.5, -1, nan, 2]) AS x);
SELECT min(d), max(d) FROM (SELECT toDate('2024-01-01') + number AS d FROM numbers(40));
SELECT min(number), max(number) FROM numbers(0);
SELECT toTypeName(min(toNullable(1)));
