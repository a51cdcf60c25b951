SELECT 'a_b' LIKE 'a\\_b', 'axb' LIKE 'a\\_b';
SELECT '%' LIKE '\\%', 'abc' LIKE '%%%';
SELECT 'Ab' LIKE '[A]b', '.' LIKE '.', 'x' LIKE '.';
SELECT 'a\\b' LIKE 'a\\\\b';
