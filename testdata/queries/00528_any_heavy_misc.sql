SELECT anyHeavy(x) FROM (SELECT arrayJoin([1, 1, 1, 2, 1]) AS x);
SELECT first_value(number), last_value(number) FROM (SELECT number FROM numbers(1));
SELECT groupBitAnd(x), groupBitOr(x), groupBitXor(x) FROM (SELECT arrayJoin([12, 10, 6]) AS x);
SELECT boundingRatio(x, y) FROM (SELECT number AS x, number * 2 AS y FROM numbers(5));
