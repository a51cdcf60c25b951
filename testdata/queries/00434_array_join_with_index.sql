SELECT arrayJoin(arrayEnumerate(['a', 'b', 'c'])) AS i ORDER BY i;
SELECT (arrayJoin(arrayZip(['x', 'y'], [1, 2])) AS t).1, t.2 ORDER BY t.2;
