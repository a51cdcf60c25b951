SELECT any(number), anyLast(number) FROM (SELECT number FROM numbers(1));
SELECT any(x), anyLast(x) FROM (SELECT arrayJoin([5, 5, 5]) AS x);
SELECT any(number) FROM numbers(0);
SELECT k, any(v) FROM (SELECT number % 2 AS k, 7 AS v FROM numbers(10)) GROUP BY k ORDER BY k;
SELECT toTypeName(any(number)), toTypeName(anyLast('x')) FROM numbers(1);
SELECT any(number) FROM numbers(1) WHERE nosuchcolumn = 1; -- { serverError UNKNOWN_IDENTIFIER }
