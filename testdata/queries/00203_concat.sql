SELECT concat('a', 'b', 'c'), concat('x'), concat('', '');
SELECT concat('n=', 1), concat(1, 2), toTypeName(concat(1, 2));
SELECT 'a' || 'b' || 'c';
SELECT concat('a', NULL, 'b');
SELECT number, concat('id_', toString(number)) FROM numbers(3) ORDER BY number;
SELECT concatWithSeparator('-', 'a', 'b', 'c'), concat_ws(', ', 'x', 'y');
