SELECT count(DISTINCT a, b) FROM (SELECT number % 2 AS a, number % 3 AS b FROM numbers(20));
SELECT count(DISTINCT s) FROM (SELECT arrayJoin(['', 'a', 'a', 'b']) AS s);
