SELECT arrayStringConcat(['a', 'b', 'c']), arrayStringConcat(['a', 'b', 'c'], ', ');
SELECT arrayStringConcat([1, 2, 3], '-');
SELECT groupConcat(toString(number)) FROM (SELECT number FROM numbers(5) ORDER BY number);
SELECT arrayStringConcat(groupArray(s), '|') FROM (SELECT toString(number) AS s FROM numbers(4) ORDER BY number);
