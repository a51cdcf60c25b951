SELECT sequenceCount('(?1)(?2)')(t, x = 1, x = 2) FROM (SELECT number AS t, number % 3 AS x FROM numbers(10));
SELECT retention(x = 1, x = 2, x = 3) FROM (SELECT arrayJoin([1, 2, 3]) AS x);
