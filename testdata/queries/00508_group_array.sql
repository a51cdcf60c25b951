SELECT groupArray(number) FROM (SELECT number FROM numbers(5) ORDER BY number);
SELECT groupArray(3)(number) FROM (SELECT number FROM numbers(10) ORDER BY number);
SELECT toTypeName(groupArray(number)) FROM numbers(1);
SELECT groupArray(x) FROM (SELECT arrayJoin([1, NULL, 2]) AS x);
SELECT groupArray(number) FROM numbers(0);
SELECT k, groupArray(v) FROM (SELECT number % 2 AS k, number AS v FROM numbers(6) ORDER BY v) GROUP BY k ORDER BY k;
