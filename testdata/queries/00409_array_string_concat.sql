SELECT arrayStringConcat(['a', 'b']), arrayStringConcat(['a', 'b'], '-'), arrayStringConcat([]);
SELECT arrayStringConcat([1, 2, 3], ',');
SELECT arrayStringConcat(['x', NULL, 'y'], ',');
