SELECT number FROM numbers(5) INTERSECT SELECT number FROM numbers(3, 5) ORDER BY number;
SELECT number FROM numbers(5) EXCEPT SELECT number FROM numbers(2) ORDER BY number;
SELECT x FROM (SELECT arrayJoin([1, 1, 2]) AS x INTERSECT SELECT 1) ORDER BY x;
SELECT x FROM (SELECT arrayJoin([1, 1, 2, 3]) AS x EXCEPT SELECT 2) ORDER BY x;
