SELECT nullIf('a', 'a'), nullIf('a', 'b'), toTypeName(nullIf('a', 'b'));
SELECT number, nullIf(number, 1) FROM numbers(3) ORDER BY number;
SELECT ifNull(nullIf(number, 1), 100) FROM numbers(3) ORDER BY number;
