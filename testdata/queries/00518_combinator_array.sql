SELECT sumArray(a), countArray(a), maxArray(a) FROM (SELECT [1, 2, 3] AS a UNION ALL SELECT [10]);
SELECT uniqExactArray(a) FROM (SELECT [1, 2] AS a UNION ALL SELECT [2, 3]);
SELECT groupArrayArray(a) FROM (SELECT [1, 2] AS a);
SELECT sumArray(a) FROM (SELECT emptyArrayUInt8() AS a);
