SELECT arrayJoin([1, 2, 3]) AS x ORDER BY x;
SELECT arrayJoin(['a', 'b']) AS s, length(s) ORDER BY s;
SELECT number, arrayJoin(range(number)) AS x FROM numbers(4) ORDER BY number, x;
SELECT arrayJoin([]) AS x; -- { serverError ILLEGAL_TYPE_OF_ARGUMENT }
SELECT arrayJoin(emptyArrayUInt8()) AS x;
SELECT sum(arrayJoin([1, 2, 3]));
