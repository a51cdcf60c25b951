SELECT 1 IN (1, 2, 3), 4 IN (1, 2, 3), 4 NOT IN (1, 2, 3);
SELECT 'a' IN ('a', 'b'), 'z' IN ('a');
SELECT number FROM numbers(10) WHERE number IN (2, 5, 7) ORDER BY number;
SELECT (1, 2) IN ((1, 2), (3, 4)), (1, 3) IN ((1, 2), (3, 4));
SELECT 1 IN 1, 2 IN [1, 2];
SELECT in(1, (1, 2)), notIn(1, (1, 2));
